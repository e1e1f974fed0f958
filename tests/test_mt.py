"""The machine-translation model: run-time scores, the report's mt field, TR201/TR202, train-mt."""
from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from auditor import Document, audit, load_ruleset
from auditor.commands.cli import main
from auditor.resources.mt_model import DEFAULT_MODEL, MTModel, features, load_model, normalize_text

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"

# Two made-up registers: the "machine" one leans on stock phrases the "native" one never uses.
COMMON = ("the council said on monday that the new plan would cost more than expected and that work on "
          "the road would start next year after a long debate about the budget of the city").split()
MACHINE_MARKS = ["in the framework of", "it is necessary to note that", "on the territory of",
                 "within the limits of", "at the present time"]
NATIVE_MARKS = ["officials said", "according to a spokesman", "later this week", "people familiar with",
                "in a statement"]


def _texts(marks: list[str], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        sentences = []
        for _ in range(8):
            words = rng.sample(COMMON, 9)
            words.insert(rng.randrange(len(words)), rng.choice(marks))
            sentences.append(" ".join(words).capitalize() + ".")
        out.append(" ".join(sentences))
    return out


@pytest.fixture(scope="module")
def tiny_data(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mt-data")
    for label, marks, seed in (("native", NATIVE_MARKS, 1), ("human", NATIVE_MARKS, 2), ("machine", MACHINE_MARKS, 3)):
        path = folder / f"{label}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for i, text in enumerate(_texts(marks, 40, seed)):
                fh.write(json.dumps({"id": f"{label}-{i}", "text": text}) + "\n")
    return folder


@pytest.fixture(scope="module")
def tiny_model(tiny_data, tmp_path_factory):
    pytest.importorskip("sklearn", reason="training needs the train extra (scikit-learn)")
    out = tmp_path_factory.mktemp("mt-model") / "tiny.npz"
    result = CliRunner().invoke(main, [
        "train-mt", "--native", str(tiny_data / "native.jsonl"), "--human", str(tiny_data / "human.jsonl"),
        "--machine", str(tiny_data / "machine.jsonl"), "--out", str(out), "--bits", "14"])
    assert result.exit_code == 0, result.output
    return out, result.output


def test_runtime_probability_equals_scikit_learn():
    pytest.importorskip("sklearn", reason="the comparison needs scikit-learn (train extra)")
    from sklearn.linear_model import LogisticRegression

    from auditor.resources.mt_train import design_matrix

    texts = _texts(MACHINE_MARKS, 30, 5) + _texts(NATIVE_MARKS, 30, 6)
    labels = [1] * 30 + [0] * 30
    matrix = design_matrix(texts, bits=12)
    clf = LogisticRegression(C=100.0, max_iter=1000).fit(matrix, labels)
    model = MTModel(clf.coef_[0].astype(np.float32), float(clf.intercept_[0]), 1.0, 0.0, 12)
    # float32 weights at run time against scikit-learn's float64 ones.
    expected = clf.predict_proba(matrix)[:, 1]
    got = np.array([model.probability(t) for t in texts])
    assert np.allclose(got, expected, atol=1e-5)
    assert (got[:30] > 0.5).all() and (got[30:] < 0.5).all()


def test_runtime_equals_the_training_matrix_on_odd_texts():
    pytest.importorskip("sklearn", reason="the design matrix needs scipy (train extra)")
    from auditor.resources.mt_train import design_matrix, scores

    rng = np.random.default_rng(1)
    model = MTModel(rng.standard_normal(2**12).astype(np.float32), -0.3, 0.8, 0.1, 12)
    texts = ["", "a", "ab", "a b", "\U0001f600\U0001f600 x", "İstanbul’s  «quotes»\r\n1,5 million", "x" * 5]
    _, expected = scores(model, design_matrix(texts, bits=12))
    got = [model.probability(t) for t in texts]
    assert np.allclose(got, expected, atol=1e-6)


def test_features_ignore_quote_style_and_line_breaks():
    a = features("He said: “We will go.”\nThe end of the talks.")
    b = features('He said:  "We will go."  The end of the talks.')
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
    assert normalize_text("  A\n\n b ") == "a b"


def test_names_are_masked_but_sentence_openers_are_not():
    text = 'The talks in Geneva ended. Officials said "Talks go on" and Angela Merkel agreed.\nWhite smoke rose.'
    assert normalize_text(text) == 'the talks in N ended. officials said "talks go on" and N N agreed. white smoke rose.'


def test_a_story_scores_the_same_whoever_and_wherever_it_is_about():
    # Names and places say what a story is about, not how it was translated: the shipped model
    # gives two stories that differ only in them the same probability.
    template = ("The minister {0} met the delegation from {1} on Monday. Talks with {0} lasted three hours, "
                "and the officials of {1} said afterwards that the agreement on trade would be signed by the "
                "end of the year. Critics in {1} were not convinced, and {0} promised to answer them in a "
                "speech on Friday.")
    model = load_model()
    first = model.probability(template.format("Olaf Scholz", "Brazil"))
    second = model.probability(template.format("Xi Jinping", "Kenya"))
    assert first == pytest.approx(second, abs=1e-9)


def test_saved_model_gives_the_same_bytes_and_scores(tmp_path):
    rng = np.random.default_rng(0)
    model = MTModel(rng.standard_normal(2**10).astype(np.float32), 0.1, 1.5, -0.2, 10, {"name": "t"})
    model.save(tmp_path / "a.npz")
    model.save(tmp_path / "b.npz")
    assert (tmp_path / "a.npz").read_bytes() == (tmp_path / "b.npz").read_bytes()
    loaded = load_model(str(tmp_path / "a.npz"))
    text = _texts(MACHINE_MARKS, 1, 9)[0]
    assert loaded.probability(text) == pytest.approx(model.probability(text), abs=1e-12)


def test_bad_model_file_is_named(tmp_path):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a model")
    result = CliRunner().invoke(main, ["check", "--no-grammar", "--mt-model", str(bad), "-"], input="Some text.\n")
    assert result.exit_code == 2
    assert "bad.npz" in result.output


def test_model_of_an_older_format_is_refused_by_name(tmp_path):
    # Features changed with format 2 (names masked): a format-1 file would score the wrong features.
    old = tmp_path / "old.npz"
    model = MTModel(np.zeros(2**10, dtype=np.float32), 0.0, 1.0, 0.0, 10)
    model.save(old)
    with np.load(old) as data:
        arrays = dict(data)
    meta = json.loads(bytes(arrays["meta"]).decode())
    arrays["meta"] = np.frombuffer(json.dumps(dict(meta, format="auditor-mt/1")).encode(), dtype=np.uint8)
    np.savez(old, **arrays)
    result = CliRunner().invoke(main, ["check", "--no-grammar", "--mt-model", str(old), "-"], input="Some text.\n")
    assert result.exit_code == 2
    assert "old.npz" in result.output and "auditor-mt/1" in result.output


def test_shipped_model_fits_in_the_wheel():
    assert DEFAULT_MODEL.is_file()
    assert DEFAULT_MODEL.stat().st_size <= 10 * 1024 * 1024
    meta = load_model().meta
    assert meta["data_sha256"] and meta["seed"] is not None and "figures" in meta


def test_model_loads_lazily_once():
    code = (
        "from auditor import Document, audit, load_ruleset\n"
        "from auditor.resources.mt_model import load_model\n"
        "rules = load_ruleset(select=['TR2'])\n"
        "print(load_model.cache_info().misses)\n"
        "audit(Document('Too short.'), rules)\n"
        "text = 'The council met on Monday to discuss the budget for the next year. ' * 8\n"
        "audit(Document(text), rules); audit(Document(text), load_ruleset(select=['BP']))\n"
        "print(load_model.cache_info().misses)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.split() == ["0", "1"]


def test_probability_is_null_with_a_reason():
    rules = load_ruleset(select=["TR2"])
    short = audit(Document("The council met on Monday to discuss the budget."), rules).to_dict()["mt"]
    assert short["probability"] is None and "under 50" in short["reason"]
    german = ("Die Regierung hat am Dienstag einen neuen Plan für den Ausbau der Bahn vorgestellt. " * 8)
    foreign = audit(Document(german), rules).to_dict()["mt"]
    assert foreign["probability"] is None and "not English" in foreign["reason"]
    english = audit(Document("The council met on Monday to discuss the budget for the next year. " * 8), rules)
    assert 0.0 <= english.to_dict()["mt"]["probability"] <= 1.0
    assert english.to_dict()["mt"]["model"] == "mt-en"
    # The probability does not depend on the selection; the findings do.
    other = audit(Document("The council met on Monday to discuss the budget for the next year. " * 8),
                  load_ruleset(select=["BP"]))
    assert other.mt == english.mt


def test_chrome_is_set_aside_before_scoring():
    text = "The council met on Monday to discuss the budget for the next year and the roads. " * 4
    rules = load_ruleset(select=["TR2", "BP"])
    plain = audit(Document(text), rules).mt["probability"]
    with_chrome = audit(Document(text + "\nLeave a Reply\nYour email address will not be published."), rules)
    assert with_chrome.mt["probability"] == pytest.approx(plain, abs=0.02)


def test_train_command_prints_held_out_figures_and_check_uses_the_model(tiny_model, tiny_data, tmp_path):
    path, output = tiny_model
    figures = json.loads(output[output.index("{"):output.rindex("}") + 1])["held_out"]
    assert figures["auroc_native_vs_machine"] >= 0.9
    flagged = tmp_path / "flagged.txt"
    flagged.write_text(_texts(MACHINE_MARKS, 1, 77)[0], encoding="utf-8")
    clean = tmp_path / "clean.txt"
    clean.write_text(_texts(NATIVE_MARKS, 1, 78)[0], encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-grammar", "--format", "json", "--mt-model", str(path),
                                       "--select", "TR2", "--exit-zero", str(flagged), str(clean)])
    assert result.exit_code == 0, result.output
    docs = {Path(d["path"]).name: d for d in json.loads(result.output)["documents"]}
    assert docs["flagged.txt"]["mt"]["model"] == "tiny"
    assert docs["flagged.txt"]["mt"]["probability"] >= 0.5 > docs["clean.txt"]["mt"]["probability"]
    codes = [f["code"] for f in docs["flagged.txt"]["findings"]]
    assert "TR201" in codes and "TR202" in codes
    assert not docs["clean.txt"]["findings"]
    document_level = next(f for f in docs["flagged.txt"]["findings"] if f["code"] == "TR201")
    assert document_level["start"] == document_level["end"] == 0
    assert "Reads as machine translation (probability" in document_level["message"]
    evidence = [f for f in docs["flagged.txt"]["findings"] if f["code"] == "TR202"]
    assert all(f["severity"] == "info" for f in evidence)
    assert any(mark in f["text"].lower() for f in evidence for mark in MACHINE_MARKS)
    assert docs["flagged.txt"]["score"] < docs["clean.txt"]["score"]


def test_configured_threshold_and_model(tiny_model, tmp_path):
    path, _ = tiny_model
    (tmp_path / "auditor.toml").write_text(f'mt_model = "{path}"\nmt_threshold = 0.999999\n', encoding="utf-8")
    doc = tmp_path / "a.txt"
    doc.write_text(_texts(MACHINE_MARKS, 1, 79)[0], encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-grammar", "--format", "json", "--select", "TR2",
                                       "--config", str(tmp_path / "auditor.toml"), "--exit-zero", str(doc)])
    data = json.loads(result.output)["documents"][0]
    assert data["mt"]["model"] == "tiny"
    assert not [f for f in data["findings"] if f["code"] == "TR201"] or data["mt"]["probability"] >= 0.999999


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared/seeds is absent")
def test_seed_probabilities_are_reported():
    rules = load_ruleset(select=["TR2", "BP"])
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        mt = audit(Document(path.read_text(encoding="utf-8")), rules).mt
        assert mt["probability"] is not None, (path.name, mt["reason"])


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared/seeds is absent")
def test_the_machine_translated_seeds_are_flagged_and_the_others_not():
    # The verdicts the seeds call for: 002 and 003 read as machine translation (whole articles
    # put through a machine), 000, 001 and 004 do not.
    rules = load_ruleset(select=["TR2", "BP"])
    flagged = {path.name[:3] for path in sorted((SHARED / "seeds").glob("*.txt"))
               if any(f.code == "TR201" for f in audit(Document(path.read_text(encoding="utf-8")), rules).findings)}
    assert flagged == {"002", "003"}


def test_report_table_and_dashboard_carry_the_probability(tiny_model, tmp_path):
    path, _ = tiny_model
    crawl = tmp_path / "crawl" / "site-a"
    crawl.mkdir(parents=True)
    (crawl / "mt.txt").write_text(_texts(MACHINE_MARKS, 1, 80)[0], encoding="utf-8")
    (crawl / "short.txt").write_text("Too short to judge.", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["report", str(tmp_path / "crawl"), "--out", str(out), "--no-grammar",
                                       "--mt-model", str(path), "-q"])
    assert result.exit_code == 0, result.output
    import csv

    rows = {Path(r["path"]).name: r for r in csv.DictReader((out / "summary.csv").open(encoding="utf-8"))}
    assert float(rows["mt.txt"]["mt_probability"]) >= 0.5
    assert rows["short.txt"]["mt_probability"] == ""
    dashboard = (out / "index.html").read_text(encoding="utf-8")
    assert "Histogram of machine-translation probabilities" in dashboard and "1 without one" in dashboard
    page = next(out.rglob("mt.txt.html")).read_text(encoding="utf-8")
    assert "machine translation <b>" in page


FLOORS_REASON = "retrains the model on the tune part of ../shared/eval (minutes): set AUDITOR_MT_FIGURES=1"


@pytest.mark.skipif(not (SHARED / "eval" / "mt-dev.jsonl.gz").is_file(), reason="../shared/eval is absent")
@pytest.mark.skipif(not __import__("os").environ.get("AUDITOR_MT_FIGURES"), reason=FLOORS_REASON)
def test_held_out_figures_meet_floors(tmp_path):
    pytest.importorskip("sklearn", reason="training needs the train extra (scikit-learn)")
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_mt

    figures = tmp_path / "figures.json"
    assert train_mt.main(["--figures-only", "--figures-json", str(figures)]) == 0
    test = json.loads(figures.read_text())["test"]
    # Floors a little under what the shipped settings measure (docs/mt-model.md), so that a change
    # that loses accuracy fails; not the goals, which are not all met.
    assert test["auroc"]["native-vs-machine"] >= 0.96
    assert test["auroc"]["human-vs-machine"] >= 0.82
    assert test["flagged"]["machine"]["flagged"] >= 0.75
    assert test["flagged"]["human"]["flagged"] <= 0.28
    assert test["flagged"]["native"]["flagged"] <= 0.03
    assert test["flagged_natives_by_source"]["bbc-dev"]["flagged"] <= 0.01
    assert all(s["flagged"] <= 0.06 for s in test["flagged_natives_by_source"].values())
    assert test["without_probability"] == 0.0
