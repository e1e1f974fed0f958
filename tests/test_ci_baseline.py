"""Baselines: old findings stay quiet, new ones block, whatever happens to the lines above."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

INSERTED = ("Editor’s note: this article was received from a partner agency and has not been edited.\n"
            "The agency supplied the text on the day it was published.\n"
            "Corrections are listed at the end of the article.\n")
BODY = ("Winds of more than 120 km/h closed the coast road on Sunday, police said, and the ferry to the "
        "islands was cancelled for the second day running. ") * 6


def run(*args, cwd=None):
    # These tests are about suppressions and baselines: the machine-translation verdict on their
    # made-up texts is left out (TR2), so that only the findings under test count.
    return subprocess.run([sys.executable, "-m", "auditor", *args, "--no-grammar", "--ignore", "TR2"], capture_output=True,
                          text=True, cwd=cwd)


def check_json(folder: Path, *args) -> tuple[int, dict]:
    result = run("check", ".", "--format", "json", *args, cwd=folder)
    return result.returncode, json.loads(result.stdout)


def _pairs(findings) -> list[tuple[str, str]]:
    return sorted((f["code"], f["text"]) for f in findings)


@pytest.fixture
def seed_copy(seeds, tmp_path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in seeds.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    return folder


def test_baseline_silences_the_seeds_after_lines_are_inserted_above(seed_copy):
    code, before = check_json(seed_copy)
    assert code == 1  # seed 003 fails the default gate
    assert sum(len(d["findings"]) for d in before["documents"]) >= 12

    result = run("check", ".", "--write-baseline", "baseline.json", cwd=seed_copy)
    assert result.returncode == 0, result.stderr  # the run reports against the baseline it wrote
    assert "wrote baseline baseline.json" in result.stderr
    data = json.loads((seed_copy / "baseline.json").read_text(encoding="utf-8"))
    assert data["schema"] == "auditor-baseline" and data["version"] == 1
    assert "003_6ff2ce9165269b08.txt" in data["files"]
    # rule, text and a fingerprint of the context: no line numbers or offsets
    assert all(set(e) == {"code", "text", "fingerprint", "count"} for entries in data["files"].values()
               for e in entries)

    for path in seed_copy.glob("*.txt"):
        path.write_text(INSERTED + path.read_text(encoding="utf-8"), encoding="utf-8")

    # Without the baseline the moved findings are all still there, three lines lower ...
    code, moved = check_json(seed_copy)
    assert code == 1
    reported = {d["id"]: d["findings"] for d in moved["documents"]}
    # ... with the baseline none of them counts, nothing is new, and the gate passes.
    code, gated = check_json(seed_copy, "--baseline", "baseline.json")
    assert code == 0
    for doc in gated["documents"]:
        assert doc["findings"] == [], (doc["id"], doc["findings"])
        assert doc["verdict"] == "pass" and doc["score"] == 100
        # the baseline holds raw findings; the report shows them grouped (runs of chrome lines)
        shown = {c for f in reported[doc["id"]] for c in [f["code"], *f["related"]]}
        assert {code for code, _ in _pairs(doc["suppressed"])} == shown
        assert all(s["suppression"]["kind"] == "baseline" for s in doc["suppressed"])
    assert gated["summary"]["suppressed"]["baseline"] == sum(len(d["suppressed"]) for d in gated["documents"])

    # A finding added afterwards is new and blocks.
    clean = seed_copy / "004_201547ac38e4cc3a.txt"
    clean.write_text(clean.read_text(encoding="utf-8") + "\nLeave a Reply\n", encoding="utf-8")
    result = run("check", ".", "--baseline", "baseline.json", cwd=seed_copy)
    assert "004_201547ac38e4cc3a.txt" in result.stdout and "Leave a Reply" in result.stdout
    assert "in the baseline" in result.stdout.splitlines()[-1]


def test_duplicates_are_counted_and_context_tells_findings_apart(tmp_path):
    article = tmp_path / "a.txt"
    text = (f"Storm closes coast road\n\n{BODY}\n\nSubscribe\n\nSubscribe\n\n"
            "German Chancellor Olaf Scholes visited the coast.\n")
    article.write_text(text, encoding="utf-8")
    assert run("check", "a.txt", "--write-baseline", "b.json", cwd=tmp_path).returncode == 0
    # a third "Subscribe" line and the same misspelling in another sentence are new
    article.write_text(text + "\nSubscribe\n\nOn Monday Chancellor Olaf Scholes flew home.\n", encoding="utf-8")
    result = run("check", "a.txt", "--format", "json", "--baseline", "b.json", cwd=tmp_path)
    doc = json.loads(result.stdout)["documents"][0]
    assert [f["text"] for f in doc["findings"] if f["code"].startswith("BP4")] == ["Subscribe"]
    assert [f["line"] for f in doc["findings"] if f["code"] == "EN101"] == [13]
    assert _pairs(doc["suppressed"]) == sorted([("BP405", "Subscribe")] * 2 + [("EN101", "Scholes")])
    assert doc["score"] < 100  # the new findings cost; the old ones do not
    assert result.returncode == 1  # and the new misspelled name is an error: it fails the gate


def test_baseline_paths_are_relative_to_the_baseline_file(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("Title\n\nHome\nContact Us\nSubscribe\nLeave a Reply\n\nBody.\n",
                                             encoding="utf-8")
    assert run("check", "news", "--write-baseline", "ci/baseline.json", cwd=tmp_path).returncode == 0
    data = json.loads((tmp_path / "ci" / "baseline.json").read_text(encoding="utf-8"))
    assert list(data["files"]) == ["../news/a.txt"]
    # the same baseline from another working folder, naming the file another way
    result = run("check", "a.txt", "--baseline", "../ci/baseline.json", cwd=tmp_path / "news")
    assert result.returncode == 0, result.stdout


def test_sarif_leaves_baselined_results_out_or_marks_them_suppressed(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(f"Storm\n\n{BODY}\n\nLeave a Reply\n", encoding="utf-8")
    run("check", "a.txt", "--write-baseline", "b.json", cwd=tmp_path)
    article.write_text(f"Storm\n\n{BODY}\n\nLeave a Reply\n\nAuthor: Jane Roe\n", encoding="utf-8")
    # by default only what counts is listed: code scanning would open alerts for the rest
    log = json.loads(run("check", "a.txt", "--format", "sarif", "--baseline", "b.json", cwd=tmp_path).stdout)
    assert [(r["ruleId"], r["baselineState"]) for r in log["runs"][0]["results"]] == [("BP601", "new")]
    log = json.loads(run("check", "a.txt", "--format", "sarif", "--baseline", "b.json", "--show-suppressed",
                         cwd=tmp_path).stdout)
    results = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    assert results["BP101"]["baselineState"] == "unchanged"
    assert results["BP101"]["suppressions"][0]["kind"] == "external"
    assert results["BP601"]["baselineState"] == "new" and "suppressions" not in results["BP601"]
    schema = Path(__file__).resolve().parent.parent.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
    if schema.is_file():
        import jsonschema

        jsonschema.validate(log, json.loads(schema.read_text(encoding="utf-8")))


def test_bad_or_missing_baseline_is_a_clear_error(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\nBody.\n", encoding="utf-8")
    missing = run("check", "a.txt", "--baseline", "nope.json", cwd=tmp_path)
    assert missing.returncode == 2 and "nope.json" in missing.stderr and "--write-baseline" in missing.stderr
    (tmp_path / "bad.json").write_text('{"schema": "auditor-baseline", "version": 99, "files": {}}', encoding="utf-8")
    newer = run("check", "a.txt", "--baseline", "bad.json", cwd=tmp_path)
    assert newer.returncode == 2 and "version 99" in newer.stderr
    (tmp_path / "junk.json").write_text("[1, 2", encoding="utf-8")
    junk = run("check", "a.txt", "--baseline", "junk.json", cwd=tmp_path)
    assert junk.returncode == 2 and "junk.json" in junk.stderr


def test_writing_a_baseline_leaves_no_temporary_file(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\nBody.\n\nLeave a Reply\n", encoding="utf-8")
    assert run("check", "a.txt", "--write-baseline", "b.json", cwd=tmp_path).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.json"]
    first = (tmp_path / "b.json").read_bytes()
    run("check", "a.txt", "--write-baseline", "b.json", cwd=tmp_path)
    assert (tmp_path / "b.json").read_bytes() == first  # deterministic
    assert os.access(tmp_path / "b.json", os.R_OK)
