"""The `auditor` command as a user runs it: outputs, reports on disk, exit codes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BODY = ("Winds of more than 120 km/h closed the coast road on Sunday, police said, and the ferry to the "
        "islands was cancelled for the second day running. Engineers expect to reopen the road by Tuesday "
        "once fallen trees have been cleared, the regional council said in a statement. ") * 3
CHROME = f"Storm closes coast road\n\n{BODY}\n\nLeave a Reply\n\nAuthor: Jane Roe\n"
# An article long enough to be one (BP001 fails texts with fewer than 25 words of article text).
CLEAN = ("Rates held\n\nThe central bank kept its main rate unchanged on Thursday, citing slower inflation "
         "and weak demand across the region, and said it would look at the decision again in March.\n")
HEAVY = "Title here\n\nHome\nContact Us\nSubscribe\nLeave a Reply\nYour email address will not be published. Required fields are marked *\nPublished February 15, 2022\nAuthor: Jane Roe\n\nShort body.\n"


def run(*args, cwd=None, stdin=None):
    # Grammar has tests of its own; here it would only start a LanguageTool server per call.
    extra = ["--no-grammar"] if args and args[0] == "check" and len(args) > 1 else []
    return subprocess.run([sys.executable, "-m", "auditor", *args, *extra], capture_output=True, text=True,
                          cwd=cwd, input=stdin)


@pytest.fixture
def corpus(tmp_path) -> Path:
    root = tmp_path / "in"
    (root / "news").mkdir(parents=True)
    (root / "news" / "a.txt").write_text(CHROME, encoding="utf-8")
    (root / "b.txt").write_text(CLEAN, encoding="utf-8")
    (root / "notes.bin").write_bytes(b"\x00\x01")  # not a text suffix: not picked up from a folder
    return root


def test_json_output_follows_the_contract(corpus):
    result = run("check", str(corpus), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "auditor/v1"
    docs = {d["id"]: d for d in data["documents"]}
    assert set(docs) == {"news/a.txt", "b.txt"}
    doc = docs["news/a.txt"]
    for key in ("id", "path", "score", "verdict", "language", "words", "readability", "costs", "grammar",
                "findings", "errors"):
        assert key in doc
    assert doc["verdict"] in ("pass", "warn") and 50 < doc["score"] < 100
    text = CHROME
    for f in doc["findings"]:
        assert text[f["start"]:f["end"]] == f["text"]
        for key in ("code", "name", "category", "severity", "confidence", "line", "column", "message", "fix"):
            assert key in f
    shown = " ".join(f["text"] for f in doc["findings"])
    assert "Leave a Reply" in shown and "Author: Jane Roe" in shown
    assert docs["b.txt"]["findings"] == [] and docs["b.txt"]["score"] == 100
    assert data["summary"]["documents"] == 2


def test_report_dir_mirrors_the_input_tree(corpus, tmp_path):
    out = tmp_path / "reports"
    result = run("check", str(corpus), "--report-dir", str(out))
    assert result.returncode == 0, result.stderr
    assert (out / "news" / "a.txt.json").is_file() and (out / "news" / "a.txt.md").is_file()
    assert (out / "b.txt.json").is_file()
    report = json.loads((out / "news" / "a.txt.json").read_text(encoding="utf-8"))
    assert report["schema"] == "auditor/v1" and report["id"] == "news/a.txt"
    assert "Leave a Reply" in (out / "news" / "a.txt.md").read_text(encoding="utf-8")


def test_stdin_is_read_with_a_dash():
    result = run("check", "-", "--format", "json", stdin=CHROME)
    data = json.loads(result.stdout)
    assert data["documents"][0]["id"] == "stdin"
    assert any("Leave a Reply" in f["text"] for f in data["documents"][0]["findings"])


def test_exit_1_when_a_document_fails_and_exit_zero_turns_it_off(tmp_path):
    path = tmp_path / "heavy.txt"
    path.write_text(HEAVY, encoding="utf-8")
    assert run("check", str(path)).returncode == 1
    assert run("check", str(path), "--exit-zero").returncode == 0


def test_fail_under_gates_on_the_score(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(CHROME, encoding="utf-8")
    score = json.loads(run("check", str(path), "--format", "json").stdout)["documents"][0]["score"]
    assert 0 < score < 100
    assert run("check", str(path), "--fail-under", str(score + 1)).returncode == 1
    assert run("check", str(path), "--fail-under", str(score - 1)).returncode == 0


def test_missing_input_exits_2_but_the_others_are_reported(corpus, tmp_path):
    out = tmp_path / "reports"
    result = run("check", str(corpus / "b.txt"), str(tmp_path / "nope.txt"), "--report-dir", str(out))
    assert result.returncode == 2
    assert "nope.txt" in result.stderr and "no such file" in result.stderr
    assert (out / "b.txt.json").is_file()


def test_binary_file_named_directly_is_an_input_error(corpus):
    result = run("check", str(corpus / "notes.bin"), "--format", "json")
    assert result.returncode == 2
    doc = json.loads(result.stdout)["documents"][0]
    assert doc["verdict"] == "error" and "binary" in doc["errors"][0]


def test_usage_error_exits_2():
    assert run("check").returncode == 2
    assert run("check", "x", "--format", "yaml").returncode == 2


def test_select_and_ignore(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(CHROME, encoding="utf-8")
    only_bylines = json.loads(run("check", str(path), "--format", "json", "--select", "BP6").stdout)
    assert {f["code"][:3] for f in only_bylines["documents"][0]["findings"]} == {"BP6"}
    no_bylines = json.loads(run("check", str(path), "--format", "json", "--ignore", "BP6").stdout)
    assert all(not f["code"].startswith("BP6") for f in no_bylines["documents"][0]["findings"])


def test_config_in_pyproject_applies(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(CHROME, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.auditor]\nignore = ["BP1"]\npass = 99.5\n', encoding="utf-8")
    data = json.loads(run("check", "a.txt", "--format", "json", cwd=tmp_path).stdout)
    doc = data["documents"][0]
    assert all(not f["code"].startswith("BP1") for f in doc["findings"])
    assert doc["verdict"] != "pass"


def test_bad_config_is_a_clear_error(tmp_path):
    (tmp_path / "auditor.toml").write_text('colour = "red"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    result = run("check", "a.txt", cwd=tmp_path)
    assert result.returncode == 2 and "auditor.toml" in result.stderr and "colour" in result.stderr


def test_rules_lists_and_rule_documents():
    listing = run("rules").stdout
    assert "BP601" in listing and "byline" in listing
    doc = run("rule", "BP601").stdout
    assert doc.startswith("# BP601 byline") and "## Why it matters" in doc and "flagged:" in doc
    assert run("rule", "ZZ999").returncode == 2


def test_corpus_flag_finds_lines_repeated_across_documents(tmp_path):
    for i, topic in enumerate(["Storm", "Rates", "Bridge"]):
        (tmp_path / f"{i}.txt").write_text(
            f"{topic} news\n\nA body sentence about {topic.lower()} number {i}.\n\nJoin our WhatsApp channel\n",
            encoding="utf-8")
    plain = json.loads(run("check", str(tmp_path), "--format", "json").stdout)
    assert not any(f["code"] == "BP901" for d in plain["documents"] for f in d["findings"])
    data = json.loads(run("check", str(tmp_path), "--format", "json", "--corpus").stdout)
    for doc in data["documents"]:
        assert [f["text"] for f in doc["findings"] if f["code"] == "BP901"] == ["Join our WhatsApp channel"]
