"""Suppressions in configuration: per path glob, per rule code, per allowed phrase."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.core.findings import Category, Finding, Severity
from auditor.engine.suppress import Suppressions, glob_match, parse

BODY = ("Winds of more than 120 km/h closed the coast road on Sunday, police said, and the ferry to the "
        "islands was cancelled for the second day running. ") * 4
NAME = f"Storm closes coast road\n\n{BODY}\n\nGerman Chancellor Olaf Scholes thanked the rescue teams.\n"
WIRE = f"Storm closes coast road\n\n{BODY}\n\nAuthor: Jane Roe\n\nLeave a Reply\n"


def run(*args, cwd=None):
    # These tests are about suppressions and baselines: the machine-translation verdict on their
    # made-up texts is left out (TR2), so that only the findings under test count.
    return subprocess.run([sys.executable, "-m", "auditor", *args, "--no-grammar", "--ignore", "TR2"], capture_output=True,
                          text=True, cwd=cwd)


def documents(cwd: Path, *paths) -> dict:
    result = run("check", *paths, "--format", "json", cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    data = json.loads(result.stdout)
    return {d["path"]: d for d in data["documents"]} | {"summary": data["summary"]}


@pytest.fixture
def newsroom(tmp_path) -> Path:
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "storm.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "storm.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "desk" / "name.txt").write_text(NAME, encoding="utf-8")
    return tmp_path


def test_an_allowed_phrase_is_never_flagged(newsroom):
    before = documents(newsroom, "desk/name.txt")["desk/name.txt"]
    assert [f["text"] for f in before["findings"] if f["code"] == "EN101"] == ["Scholes"]
    (newsroom / "pyproject.toml").write_text('[tool.auditor]\nallow = ["Olaf Scholes"]\n', encoding="utf-8")
    after = documents(newsroom, "desk/name.txt")["desk/name.txt"]
    assert after["findings"] == [] and after["score"] == 100
    [s] = after["suppressed"]
    assert s["code"] == "EN101" and s["suppression"] == {"kind": "config", "reason": 'allowed phrase "Olaf Scholes"'}


def test_clean_and_report_honour_the_configuration(newsroom):
    """An allowed phrase is never "fixed" by clean, and report scores as check does."""
    config = ('[tool.auditor]\nallow = ["Olaf Scholes"]\n\n[[tool.auditor.suppress]]\n'
              'paths = ["wire/**"]\ncodes = ["BP6"]\nreason = "Wire copy keeps its bylines"\n')
    (newsroom / "pyproject.toml").write_text(config, encoding="utf-8")
    result = run("clean", "desk/name.txt", "wire/storm.txt", "--out", "cleaned", "--unsafe-fixes", cwd=newsroom)
    assert result.returncode == 0, result.stderr
    assert "Olaf Scholes thanked" in (newsroom / "cleaned" / "name.txt").read_text(encoding="utf-8")
    wire = (newsroom / "cleaned" / "storm.txt").read_text(encoding="utf-8")
    assert "Author: Jane Roe" in wire and "Leave a Reply" not in wire
    result = run("report", "desk", "wire", "--out", "report", "--per-document", "json", cwd=newsroom)
    assert result.returncode == 0, result.stderr
    name = json.loads((newsroom / "report" / "name.txt.json").read_text(encoding="utf-8"))
    checked = documents(newsroom, "desk/name.txt")["desk/name.txt"]
    assert name["findings"] == [] and name["score"] == checked["score"] == 100
    assert [s["code"] for s in name["suppressed"]] == ["EN101"]


def test_allowed_phrases_are_case_sensitive_and_whole_words(tmp_path):
    text = "Olaf Scholes spoke. olaf scholes spoke. Olaf Scholesy spoke. Olaf\u00a0Scholes spoke.\nLeave a Reply\n"
    starts = [i for i in range(len(text)) if text[i:i + 7].casefold() == "scholes"]
    assert len(starts) == 4
    findings = [Finding("EN101", "n", Category.ENTITY, Severity.ERROR, s, s + 7, text[s:s + 7], "m")
                for s in starts]
    # a boilerplate finding that merely contains an allowed phrase is not cleared
    line = text.index("Leave")
    findings.append(Finding("BP101", "h", Category.BOILERPLATE, Severity.ERROR, line, line + 13, "Leave a Reply", "m"))
    rules = parse({"allow": ["Olaf Scholes", "Reply"]}, tmp_path / "auditor.toml")
    kept, suppressed = rules.split(findings, text, "a.txt")
    # "olaf scholes" (other case) and "Scholesy" (another word) stay; a no-break space is a space
    assert [f.start for f in kept] == [starts[1], starts[2], line]
    assert [s.finding.start for s in suppressed] == [starts[0], starts[3]]


def test_path_and_code_suppressions(newsroom):
    (newsroom / "auditor.toml").write_text(
        '[[suppress]]\npaths = ["wire/**"]\ncodes = ["BP6"]\nreason = "Wire copy keeps its bylines"\n',
        encoding="utf-8")
    docs = documents(newsroom, "wire", "desk")
    wire, desk = docs["wire/storm.txt"], docs["desk/storm.txt"]
    assert {f["code"] for f in wire["findings"]} == {"BP101"}
    assert [(s["code"], s["suppression"]["reason"]) for s in wire["suppressed"]] == [
        ("BP601", "Wire copy keeps its bylines")]
    # the byline and the comment form are adjacent chrome lines: one block, the other code related
    assert {c for f in desk["findings"] for c in [f["code"], *f["related"]]} == {"BP101", "BP601"}
    assert desk["suppressed"] == []
    assert wire["score"] > desk["score"]  # what is suppressed costs nothing
    assert docs["summary"]["suppressed"] == {"config": 1, "baseline": 0}
    # the text format hides them and says how many
    out = run("check", "wire", cwd=newsroom).stdout
    assert "Author: Jane Roe" not in out and "1 suppressed by configuration" in out
    shown = run("check", "wire", "--show-suppressed", cwd=newsroom).stdout
    assert 'suppressed BP601 "Author: Jane Roe" (Wire copy keeps its bylines)' in shown


def test_globs_are_relative_to_the_configuration_file(newsroom):
    (newsroom / "auditor.toml").write_text('[[suppress]]\npaths = ["wire/"]\ncodes = ["BP"]\n', encoding="utf-8")
    # run from inside wire/: the configuration is found upwards and the glob still applies
    result = run("check", "storm.txt", cwd=newsroom / "wire")
    assert result.returncode == 0 and "BP101" not in result.stdout


@pytest.mark.parametrize("pattern, path, expected", [
    ("wire/**", "wire/a.txt", True),
    ("wire/**", "wire/x/a.txt", True),
    ("wire/**", "desk/a.txt", False),
    ("wire/", "wire/x/a.txt", True),
    ("*.md", "notes/readme.md", True),
    ("**/drafts/*.txt", "a/b/drafts/x.txt", True),
    ("**/drafts/*.txt", "drafts/x.txt", True),
    ("desk/*.txt", "desk/x/a.txt", False),
    ("desk/?.txt", "desk/a.txt", True),
    ("desk/[ab].txt", "desk/c.txt", False),
])
def test_glob_match(pattern, path, expected):
    assert glob_match(pattern, path) is expected


def test_bad_suppressions_are_clear_errors(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\nBody.\n", encoding="utf-8")
    for body, words in [
        ('[[suppress]]\nreason = "everything"\n', "at least one of"),
        ('[[suppress]]\ncodes = ["BP"]\nwhen = "always"\n', "when"),
        ('allow = "Olaf Scholes"\n', "allow"),
        ('suppress = 3\n', "suppress"),
    ]:
        (tmp_path / "auditor.toml").write_text(body, encoding="utf-8")
        result = run("check", "a.txt", cwd=tmp_path)
        assert result.returncode == 2 and "auditor.toml" in result.stderr and words in result.stderr, body


def test_no_configuration_means_no_change(tmp_path):
    assert not Suppressions()
    (tmp_path / "a.txt").write_text(WIRE, encoding="utf-8")
    data = json.loads(run("check", "a.txt", "--format", "json", cwd=tmp_path).stdout)
    assert "suppressed" not in data["documents"][0] and "suppressed" not in data["summary"]
