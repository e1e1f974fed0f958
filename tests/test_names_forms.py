"""Names in real machine translation: case endings, names rebuilt from Cyrillic, the ukrainian
house style, acceptable romanizations, and a batch consensus that needs evidence."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor import Document, audit, load_ruleset
from auditor.commands.cli import main
from auditor.resources.corpus import build

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def ruleset():
    return load_ruleset(select=["EN"])


def loud(text, ruleset, corpus=None, **options):
    findings = audit(Document(text), ruleset, corpus, options={"grammar": False, **options}).findings
    return [f for f in findings if f.category.value == "entity" and f.severity.value != "info"]


def fixes(findings):
    return {f.text: f.fix.replacement for f in findings if f.fix}


@pytest.mark.parametrize("text", [
    "President Volodymyr Zelenskyi spoke on Monday. Zelensky said the talks would go on.",
    "General Valeriy Zaluzhnyi met the press. Zaluzhny said the front held.",
    "Minister Serhii Kyslytsya spoke. Later Serhiy Kyslytsya answered questions.",
    "Deputy Golosheykin spoke first. Golosheykin said talks went well, but Golosheikin left early.",
])
def test_acceptable_romanizations_are_never_reported(text, ruleset):
    assert loud(text, ruleset) == []


def test_oblique_case_of_a_place_gets_the_nominative(ruleset):
    found = fixes(loud("The mayor of Kharkova said the city was calm.", ruleset))
    assert found == {"Kharkova": "Kharkiv"}


def test_oblique_case_of_a_name_the_text_writes_elsewhere(ruleset):
    text = "Deputy Vakhrushin spoke first. Journalists then asked Vakhrushinu about the budget."
    assert fixes(loud(text, ruleset)) == {"Vakhrushinu": "Vakhrushin"}


def test_a_womans_surname_is_not_read_as_a_case_ending(ruleset):
    text = "Deputy Ivanov spoke first, and then Olena Ivanova answered him. Ivanova said no."
    assert loud(text, ruleset) == []


def test_wrong_gender_on_a_womans_surname(ruleset):
    assert fixes(loud("Yulia Navalny spoke at the rally.", ruleset)) == {"Navalny": "Navalnaya"}


def test_a_name_rebuilt_from_cyrillic_gets_its_native_spelling(ruleset):
    found = fixes(loud("The talks were held in Shtutgart, where Sholts spoke.", ruleset))
    assert found["Shtutgart"] == "Stuttgart"
    assert found["Sholts"] == "Scholz"


def test_default_style_accepts_russian_derived_forms(ruleset):
    assert loud("Shelling hit Kharkov and Nikolaev overnight.", ruleset) == []


def test_ukrainian_style_flags_russian_derived_forms(ruleset):
    text = "Shelling hit Kharkov and Nikolaev overnight. Adviser Alexei Arestovich spoke in Kiev."
    found = fixes(loud(text, ruleset, name_style="ukrainian"))
    assert found["Kharkov"] == "Kharkiv"
    assert found["Nikolaev"] == "Mykolaiv"
    assert found["Arestovich"] == "Arestovych"
    assert found["Kiev"] == "Kyiv"


def test_ukrainian_style_leaves_russians_and_fixed_names_alone(ruleset):
    text = "Foreign Minister Sergei Lavrov spoke. The cafe serves Chicken Kiev. Roman Abramovich flew to Kyiv."
    assert loud(text, ruleset, name_style="ukrainian") == []


def _batch(*texts):
    return build([Document(t) for t in texts])


def test_consensus_needs_evidence_beyond_a_vote(ruleset):
    majority = "Talks\n\nThe Purasev report was read."
    minority = "Talks\n\nThe Puryasev report was read."
    corpus = _batch(majority, majority.replace("read", "heard"), majority.replace("read", "seen"), minority)
    findings = audit(Document(minority), ruleset, corpus, options={"grammar": False}).findings
    en104 = [f for f in findings if f.code == "EN104"]
    assert en104 and all(f.severity.value == "info" for f in en104)


def test_consensus_never_corrects_an_acceptable_romanization(ruleset):
    majority = "Talks\n\nThe Golosheikin report was read."
    minority = "Talks\n\nThe Golosheykin report was read."
    corpus = _batch(majority, majority.replace("read", "heard"), majority.replace("read", "seen"), minority)
    findings = audit(Document(minority), ruleset, corpus, options={"grammar": False}).findings
    assert not [f for f in findings if f.code == "EN104"]


def test_consensus_with_evidence_is_a_warning(ruleset):
    majority = "Talks\n\nThe Vakhoshkin report was read."
    minority = "Talks\n\nThe Vahoshkin report was read."
    corpus = _batch(majority, majority.replace("read", "heard"), minority)
    found = [f for f in loud(minority, ruleset, corpus) if f.code == "EN104"]
    assert [f.fix.replacement for f in found] == ["Vakhoshkin"]


def test_consensus_never_pushes_toward_a_russian_form_under_the_ukrainian_style(ruleset):
    majority = "Talks\n\nAdviser Arestovich spoke in Kyiv."
    minority = "Talks\n\nAdviser Arestovych spoke in Kyiv."
    corpus = _batch(majority, majority + " Again.", majority + " Later.", minority)
    findings = audit(Document(minority), ruleset, corpus, options={"grammar": False, "name_style": "ukrainian"})
    assert not [f for f in findings.findings if f.code in ("EN103", "EN104")]


def test_english_usage_makes_an_alternate_place_name_acceptable(ruleset):
    assert loud("The protest in Grodno drew thousands.", ruleset) == []


def test_name_style_from_the_command_line_and_the_configuration(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Shelling hit Kharkov and Lvov overnight.\n", encoding="utf-8")
    runner = CliRunner()
    default = runner.invoke(main, ["check", "--no-grammar", "--config", str(_config(tmp_path, "")), str(article)])
    assert "EN105" not in default.output
    ukrainian = runner.invoke(main, ["check", "--no-grammar", "--name-style", "ukrainian",
                                     "--config", str(_config(tmp_path, "")), str(article)])
    assert ukrainian.output.count("EN105") == 2
    configured = runner.invoke(main, ["check", "--no-grammar", "--config",
                                      str(_config(tmp_path, 'name_style = "ukrainian"\n')), str(article)])
    assert configured.output.count("EN105") == 2


def _config(folder: Path, body: str) -> Path:
    path = folder / "auditor.toml"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize("name,body", [
    ("style.tsv", "# our forms\nLvov\tLviv\n"),
    ("style.yaml", "Lviv: [Lvov]\n"),
])
def test_a_newsroom_adds_its_own_preferred_forms(tmp_path, name, body):
    article = tmp_path / "a.txt"
    article.write_text("Shelling hit Kharkov and Lvov overnight.\n", encoding="utf-8")
    style = tmp_path / name
    style.write_text(body, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-grammar", "--config", str(_config(tmp_path, "")),
                                       "--name-style-file", str(style), str(article)])
    assert result.output.count("EN105") == 1 and "Lviv" in result.output


def test_a_bad_style_file_is_named_in_the_error(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Shelling hit Lvov.\n", encoding="utf-8")
    style = tmp_path / "style.tsv"
    style.write_text("just one column\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-grammar", "--config", str(_config(tmp_path, "")),
                                       "--name-style-file", str(style), str(article)])
    assert result.exit_code == 2 and "style.tsv" in result.output and "line 1" in result.output


def test_development_set_holds_labels_and_no_text():
    path = ROOT / "benchmarks" / "data" / "names-ru-en.tsv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))
    assert len(rows) >= 200
    assert {r["label"] for r in rows} == {"case_leak", "garbled", "russian_form", "romanization"}
    assert all(" " not in r["spelling"] and " " not in r["reference"] for r in rows)


def test_names_rebuilt_through_ukrainian_get_their_native_spelling(ruleset):
    text = ("On Monday the president of Turkey, Erdohan, met Stoltenberh, and later they travelled "
            "to Shtuthart for the talks with the officials.")
    found = fixes(loud(text, ruleset))
    assert found["Erdohan"].startswith("Erdo") and found["Stoltenberh"] == "Stoltenberg"
    assert found["Shtuthart"] == "Stuttgart"


def test_a_woman_gets_the_feminine_form_the_gazetteer_knows(ruleset):
    assert fixes(loud("Olena Zelensky visited the hospital in Kyiv on Monday.", ruleset)) == {"Zelensky": "Zelenska"}


def test_case_ending_of_a_listed_mans_surname_needs_no_given_name(ruleset):
    text = "The statement of Budanova was read out, and the office of Yermaka confirmed it on Monday."
    assert fixes(loud(text, ruleset)) == {"Budanova": "Budanov", "Yermaka": "Yermak"}


def test_ukrainian_style_reads_a_listed_ukrainians_surname_in_russian_form(ruleset):
    text = "Governor Sergei Gaidai said shelling continued, and Vitaly Kim reported explosions in the city."
    found = fixes(loud(text, ruleset, name_style="ukrainian"))
    assert found["Gaidai"] == "Haidai"
    assert found["Vitaly"] == "Vitaliy"  # as the gazetteer writes this person
    assert found["Sergei"] in ("Serhii", "Serhiy")


@pytest.mark.parametrize("a,b", [("Valery", "Valeriy"), ("Serhii", "Serhiy"), ("Zelenskyi", "Zelenskyy"),
                                 ("Tatiana", "Tatyana"), ("Maksim", "Maxim"), ("Nataliia", "Natalia"),
                                 ("Mykolaiv", "Mykolayiv"), ("Arsenyev", "Arseniev"), ("Semyon", "Semen")])
def test_romanizations_of_one_cyrillic_spelling_are_one_name(a, b):
    from auditor.resources.gazetteer import default_gazetteer

    assert default_gazetteer().forms.same_romanization(a, b)


@pytest.mark.parametrize("a,b", [("Habek", "Habeck"), ("Sholts", "Scholz"), ("Vahoshkin", "Vakhoshkin"),
                                 ("Kiev", "Kyiv"), ("Alihan", "Alikhan"), ("Valerie", "Valery")])
def test_other_spellings_are_not_romanizations_of_each_other(a, b):
    from auditor.resources.gazetteer import default_gazetteer

    assert not default_gazetteer().forms.same_romanization(a, b)


def test_a_country_left_in_its_cyrillic_form_gets_its_english_name(ruleset):
    text = "On Monday the president travelled to Chekhiia and then to Nimechchyna for the talks."
    assert fixes(loud(text, ruleset)) == {"Chekhiia": "Czechia", "Nimechchyna": "Germany"}


def test_the_gazetteer_pickles_without_its_memo_tables_and_works_after():
    """Worker processes and the precompiled cache receive the gazetteer pickled: its indexes and
    memo tables are rebuilt on use, never shipped."""
    import pickle

    from auditor.resources.gazetteer import default_gazetteer

    gz = default_gazetteer()
    assert gz.near_places("Lukansk") and gz.forms.same_romanization("Valery", "Valeriy")
    copy = pickle.loads(pickle.dumps(gz))
    assert "near_places" not in copy.__dict__ and "memo_key" not in copy.forms.__dict__
    assert copy.near_places("Lukansk") == gz.near_places("Lukansk")
    assert copy.forms.same_romanization("Serhii", "Serhiy")


RUSSIAN_NAMES = ["Валерий", "Сергей", "Дмитрий", "Алексей", "Юрий", "Татьяна", "Арсеньев", "Семён", "Ксения",
                 "Наталья", "Евгений", "Николай"]
UKRAINIAN_NAMES = ["Валерій", "Сергій", "Олексій", "Зеленський", "Залужний", "Миколаїв", "Наталія", "Юлія",
                   "Андрій", "Подоляк", "Київ", "Запоріжжя"]


@pytest.mark.parametrize("name,systems", [(n, ("ru_bgn", "ru_passport", "ru_news")) for n in RUSSIAN_NAMES]
                         + [(n, ("uk_national", "uk_bgn")) for n in UKRAINIAN_NAMES])
def test_every_romanization_system_gives_one_name(name, systems):
    """The romanization key agrees with the systems' own tables: BGN/PCGN, the Russian passport
    system, news practice, and the Ukrainian national system all spell one name."""
    from auditor.resources.gazetteer import default_gazetteer

    forms = default_gazetteer().forms
    spellings = [forms.romanize(name, system) for system in systems]
    assert len({forms.romanization_key(s) for s in spellings}) == 1, spellings
