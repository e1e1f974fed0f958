"""CI output formats as a reviewer or a CI system reads them: text, json, sarif, github, junit.

Golden files under tests/golden/ hold the expected output of a small fixed input. After an
intended change of the output, regenerate them and review the diff:

    AUDITOR_UPDATE_GOLDEN=1 python -m pytest -q tests/test_ci_formats.py -k golden
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import auditor

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
FORMATS = ["text", "json", "sarif", "github", "junit"]

# A small article with web chrome (a comment-form heading, a byline), a mistransliterated name
# with an unsafe replacement, a long line for the excerpt window, and a clean one beside it.
ARTICLE = (
    "Storm closes coast road\n"
    "\n"
    "Winds of more than 120 km/h closed the coast road on Sunday, police said, and the ferry to the islands "
    "was cancelled for the second day running. German Chancellor Olaf Scholes, on a visit to the region, "
    "thanked the rescue teams.\n"
    "\n"
    "Leave a Reply\n"
    "\n"
    "Author: Jane Roe\n"
)
# An article long enough to be one (BP001 fails texts with fewer than 25 words of article text).
CLEAN = ("Rates held\n\nThe central bank kept its main rate unchanged on Thursday, citing slower inflation "
         "and weak demand across the region, and said it would look at the decision again in March.\n")
# Only the rule families of the example: the goldens do not move when unrelated rules change.
SELECT = ["--select", "BP,EN"]


def run(*args, cwd=None, env=None):
    extra = ["--no-grammar"] if args and args[0] == "check" else []
    return subprocess.run([sys.executable, "-m", "auditor", *args, *extra], capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, **(env or {})})


@pytest.fixture
def articles(tmp_path) -> Path:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "storm.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "news" / "rates.txt").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def normalize(fmt: str, out: str) -> str:
    """Outputs are deterministic given the input; only the auditor's version is masked."""
    if fmt == "sarif":
        log = json.loads(out)
        driver = log["runs"][0]["tool"]["driver"]
        assert driver["version"] == auditor.__version__
        driver["version"] = driver["semanticVersion"] = "VERSION"
        return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
    return out


@pytest.mark.parametrize("fmt", FORMATS)
def test_golden_output(articles, fmt):
    # Relative paths from the working folder, as in CI; news/missing.txt shows the input error.
    result = run("check", "news/storm.txt", "news/rates.txt", "news/missing.txt", "--format", fmt, *SELECT,
                 cwd=articles)
    assert result.returncode == 2, result.stderr  # an unreadable input wins over a failing document
    out = normalize(fmt, result.stdout)
    golden = GOLDEN / f"check.{fmt}"
    if os.environ.get("AUDITOR_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(out, encoding="utf-8", newline="")
    assert golden.is_file(), f"{golden} missing: run with AUDITOR_UPDATE_GOLDEN=1"
    assert out == golden.read_text(encoding="utf-8"), f"{fmt} output changed; see the module docstring"
    assert str(articles) not in result.stdout  # no absolute paths
    assert "missing.txt" in result.stdout  # the input error is in every format


# ---- SARIF --------------------------------------------------------------------------------

def _validate(log: dict) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.is_file():
        pytest.skip(f"{SCHEMA} is absent: the shared schemas ship beside the project, not in it")
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_sarif_of_the_seeds_validates_against_the_schema(seeds):
    result = run("check", str(seeds), "--format", "sarif")
    assert result.returncode == 1, result.stderr  # seed 003 fails
    log = json.loads(result.stdout)
    _validate(log)
    run_ = log["runs"][0]
    assert log["version"] == "2.1.0" and run_["columnKind"] == "unicodeCodePoints"
    results = run_["results"]
    assert len(results) >= 12
    rules = run_["tool"]["driver"]["rules"]
    for r in results:
        rule = rules[r["ruleIndex"]]
        assert rule["id"] == r["ruleId"]
        assert rule["shortDescription"]["text"] and "{" not in rule["shortDescription"]["text"]
        assert rule["help"]["text"] and rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    # Regions in code points match the file's characters, even past the curly quotes and no-break
    # spaces of the seeds.
    for r in results:
        loc = r["locations"][0]["physicalLocation"]
        name = run_["artifacts"][loc["artifactLocation"]["index"]]["location"]["uri"].rsplit("/", 1)[-1]
        text = (seeds / name).read_text(encoding="utf-8")
        if "region" not in loc:  # a verdict on the whole document (machine translation) has none
            assert r["properties"]["scope"] == "document"
            continue
        region = loc["region"]
        assert text[region["charOffset"]:region["charOffset"] + region["charLength"]] == region["snippet"]["text"]
        line = re.split(r"\r\n|\r|\n", text)[region["startLine"] - 1]
        assert line[region["startColumn"] - 1:].startswith(region["snippet"]["text"].split("\n")[0])


def test_sarif_fixes_are_replacements_in_code_points(tmp_path):
    # Characters outside the Basic Multilingual Plane count as one code point (two UTF-16 units).
    text = "Rescue 🚒🚒 teams\n\nGerman Chancellor Olaf Scholes thanked them.\n\nLeave a Reply\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    log = json.loads(run("check", "a.txt", "--format", "sarif", *SELECT, cwd=tmp_path).stdout)
    _validate(log)
    by_rule = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    name = by_rule["EN101"]
    change = name["fixes"][0]["artifactChanges"][0]
    replacement = change["replacements"][0]
    start = replacement["deletedRegion"]["charOffset"]
    assert text[start:start + replacement["deletedRegion"]["charLength"]] == "Scholes"
    assert replacement["insertedContent"]["text"] == "Scholz"
    assert "unsafe" in name["fixes"][0]["description"]["text"]
    delete = by_rule["BP101"]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert "insertedContent" not in delete
    assert text[delete["deletedRegion"]["charOffset"]:][:delete["deletedRegion"]["charLength"]] == "Leave a Reply"
    assert change["artifactLocation"]["uri"] == "a.txt"


def test_sarif_lists_input_errors_as_notifications(tmp_path):
    result = run("check", "nope.txt", "--format", "sarif", cwd=tmp_path)
    assert result.returncode == 2
    log = json.loads(result.stdout)
    _validate(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    note = invocation["toolExecutionNotifications"][0]
    assert note["level"] == "error" and "nope.txt" in note["message"]["text"]


# ---- GitHub workflow commands -------------------------------------------------------------

# ::error file=F,line=L,col=C,title=T::message, with % , : CR LF escaped in properties.
_PROP_VALUE = r"(?:[^,:%\r\n]|%25|%0D|%0A|%3A|%2C)+"
COMMAND = re.compile(
    rf"^::(error|warning|notice) file=({_PROP_VALUE})(?:,line=(\d+),col=(\d+)(?:,endLine=\d+)?)?,title=({_PROP_VALUE})"
    r"::((?:[^%\r\n]|%25|%0D|%0A)*)$"
)


def _unescape(value: str) -> str:
    return (value.replace("%2C", ",").replace("%3A", ":").replace("%0A", "\n").replace("%0D", "\r")
            .replace("%25", "%"))


def test_github_lines_are_workflow_commands(tmp_path):
    # A file name with a comma and a message with a percent sign must be escaped.
    text = "Rates held\n\nThe bank kept its rate at 5% on Thursday.\n\nContact Us\n\nLeave a Reply\n"
    (tmp_path / "a, b.txt").write_text(text, encoding="utf-8")
    (tmp_path / "heavy.txt").write_text(
        "Title\n\nHome\nContact Us\nSubscribe\nLeave a Reply\nAuthor: Jane Roe\n\nShort body.\n", encoding="utf-8")
    result = run("check", "a, b.txt", "heavy.txt", "missing.txt", "--format", "github", "--show-info", cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stdout.splitlines()
    commands = [l for l in lines if l.startswith("::")]
    assert commands and all(COMMAND.match(l) for l in commands), [l for l in commands if not COMMAND.match(l)]
    parsed = [COMMAND.match(l).groups() for l in commands]
    files = {_unescape(p[1]) for p in parsed}
    assert {"a, b.txt", "heavy.txt", "missing.txt"} <= files
    levels = {(p[0], _unescape(p[4]).split()[0]) for p in parsed if p[2]}
    # each run of chrome lines is one annotation, with the code of its most severe member
    assert levels == {("warning", "BP101"), ("warning", "BP601")}
    # the failing document and the unreadable input get an error of their own
    titles = [(_unescape(p[1]), _unescape(p[4])) for p in parsed if not p[2]]
    assert ("heavy.txt", "auditor gate") in titles and ("missing.txt", "auditor input error") in titles
    # only the summary line is not a command
    assert [l for l in lines if not l.startswith("::")] == [lines[-1]]


def test_github_escaping():
    from auditor.formats.github import command

    line = command("error", "50% done\r\nnext", file="a,b:c.txt", line=1, col=2, title="X1 a,b")
    assert line == "::error file=a%2Cb%3Ac.txt,line=1,col=2,title=X1 a%2Cb::50%25 done%0D%0Anext"


# ---- JUnit --------------------------------------------------------------------------------

def test_junit_parses_with_the_right_counts(articles):
    (articles / "news" / "heavy.txt").write_text(HEAVY, encoding="utf-8")
    # A passing document with a warning, whose flagged text holds a character XML cannot carry.
    (articles / "news" / "ctrl.txt").write_text(f"Storm\n\n{BODY}\n\nContact\x0bUs\n", encoding="utf-8")
    result = run("check", "news", "news/gone.txt", "--format", "junit", cwd=articles)
    assert result.returncode == 2
    root = ET.fromstring(result.stdout)
    suites = root.findall("testsuite")
    assert root.tag == "testsuites" and len(suites) == 1
    suite = suites[0]
    cases = suite.findall("testcase")
    assert len(cases) == 5 and suite.get("tests") == "5"
    failing = sorted(c.get("name") for c in cases if c.find("failure") is not None)
    errored = [c.get("name") for c in cases if c.find("error") is not None]
    assert failing == ["news/heavy.txt", "news/storm.txt"] and suite.get("failures") == "2"
    assert errored == ["news/gone.txt"] and suite.get("errors") == "1"
    failure = next(c for c in cases if c.get("name") == "news/heavy.txt").find("failure")
    assert "BP101" in failure.text and "Leave a Reply" in failure.text
    # a passing document keeps its findings in system-out
    ctrl = next(c for c in cases if c.get("name") == "news/ctrl.txt")
    assert ctrl.find("failure") is None and "BP409" in ctrl.find("system-out").text


# ---- text ---------------------------------------------------------------------------------

def test_text_shows_the_line_and_a_caret_under_the_finding(articles):
    out = run("check", "news/storm.txt", *SELECT, cwd=articles).stdout
    lines = out.splitlines()
    i = next(i for i, l in enumerate(lines) if "EN101" in l)
    source, caret = lines[i + 1], lines[i + 2]
    assert source.strip().startswith("3 |") and "Olaf Scholes" in source
    assert caret.index("^") == source.index("Scholes") and caret.count("^") == len("Scholes")
    assert "\x1b[" not in out  # not a terminal: no colours


def _on_a_terminal(args, cwd, env):
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "auditor", *args, "--no-grammar"], stdout=slave,
                            stderr=subprocess.DEVNULL, cwd=cwd, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait()
    os.close(master)
    return b"".join(chunks).decode("utf-8")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_text_has_colours_on_a_terminal_unless_no_color(articles):
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    coloured = _on_a_terminal(["check", "news/storm.txt"], articles, env)
    assert "\x1b[1;31m" in coloured and "Leave a Reply" in coloured
    plain = _on_a_terminal(["check", "news/storm.txt"], articles, {**env, "NO_COLOR": "1"})
    assert "\x1b[" not in plain and "Leave a Reply" in plain


def test_excerpt_of_a_long_line_keeps_the_caret_under_wide_characters():
    from auditor import Document, audit
    from auditor.formats.text import excerpt

    text = "Title\n\n" + "word " * 40 + "中文中文中文 German Chancellor Olaf Scholes spoke. " + "word " * 40 + "\n"
    report = audit(Document(text, id="a.txt", path="a.txt"))
    f = next(f for f in report.findings if f.code == "EN101")
    source, pad, width = excerpt(report.document, f)
    assert source.startswith("…") and source.endswith("…") and len(source) <= 102
    cells = sum(2 if "\u4e00" <= ch <= "\u9fff" else 1 for ch in source[:source.index("Scholes")])
    assert pad == cells and width == len("Scholes")


# ---- gates and exit codes, in every format ------------------------------------------------

HEAVY = "Title\n\nHome\nContact Us\nSubscribe\nLeave a Reply\nAuthor: Jane Roe\n\nShort body.\n"
BODY = ("Winds of more than 120 km/h closed the coast road on Sunday, police said, and the ferry to the "
        "islands was cancelled for the second day running. ") * 6
WARN_ONLY = f"Storm closes coast road\n\n{BODY}\n\nContact Us\n"  # one warning, passes by score


@pytest.mark.parametrize("fmt", FORMATS)
def test_exit_codes_follow_the_gates(tmp_path, fmt):
    (tmp_path / "heavy.txt").write_text(HEAVY, encoding="utf-8")
    (tmp_path / "warn.txt").write_text(WARN_ONLY, encoding="utf-8")

    def code(*args):
        result = run("check", *args, "--format", fmt, cwd=tmp_path)
        assert result.stdout.strip(), result.stderr  # the report is written whatever the exit code
        return result.returncode

    # default gate: verdict fail
    assert code("heavy.txt") == 1
    assert code("warn.txt") == 0
    # --exit-zero turns 1 into 0, never 2
    assert code("heavy.txt", "--exit-zero") == 0
    assert code("heavy.txt", "missing.txt", "--exit-zero") == 2
    # --fail-on
    assert code("warn.txt", "--fail-on", "warning") == 1
    assert code("warn.txt", "--fail-on", "error") == 0
    # --fail-under replaces the verdict gate with a score threshold
    assert code("warn.txt", "--fail-under", "100") == 1
    assert code("heavy.txt", "--fail-under", "0") == 0


def test_documents_with_the_same_name_are_gated_apart(tmp_path):
    # Files named directly are identified by their file name: a/x.txt and b/x.txt share it.
    for folder, text in (("a", HEAVY), ("b", CLEAN)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(text, encoding="utf-8")
    root = ET.fromstring(run("check", "a/x.txt", "b/x.txt", "--format", "junit", cwd=tmp_path).stdout)
    cases = {c.get("name"): c for c in root.iter("testcase")}
    assert cases["a/x.txt"].find("failure") is not None and cases["b/x.txt"].find("failure") is None
    text = run("check", "a/x.txt", "b/x.txt", "--fail-on", "error", cwd=tmp_path).stdout
    assert "b/x.txt: score 100 (pass)\n" in text and "1 fail the gate" in text


# ---- within the CI platforms' limits ----------------------------------------------------------

def _chrome_feed(path: Path, n: int) -> Path:
    """n records, each with web chrome (errors) and a leftover share line (a warning)."""
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(n):
            text = (f"Storm closes road {i}\n\nWinds of more than {i} km/h closed the coast road on Sunday, "
                    "police said, and the ferry was cancelled.\n\nLeave a Reply\n\nAuthor: Jane Roe\n")
            handle.write(json.dumps({"id": f"r{i}", "url": f"https://example.org/{i}", "text": text}) + "\n")
    return path


def test_sarif_is_capped_keeping_the_most_severe_and_says_so(tmp_path):
    _chrome_feed(tmp_path / "feed.jsonl", 60)
    full = json.loads(run("check", "feed.jsonl", "--format", "sarif", *SELECT, cwd=tmp_path).stdout)
    levels = [r["level"] for r in full["runs"][0]["results"]]
    assert "properties" not in full["runs"][0] and len(levels) > 50
    capped = json.loads(run("check", "feed.jsonl", "--format", "sarif", *SELECT, "--max-results", "50",
                            cwd=tmp_path).stdout)
    _validate(capped)
    run_ = capped["runs"][0]
    kept = [r["level"] for r in run_["results"]]
    assert len(kept) == 50
    # The most severe first: every error is kept before any warning or note.
    assert kept.count("error") == min(50, levels.count("error"))
    assert run_["properties"]["resultsTotal"] == len(levels) and run_["properties"]["resultsKept"] == 50
    notes = [n["message"]["text"] for n in run_["invocations"][0]["toolExecutionNotifications"]]
    assert any(f"{len(levels):,} results, 50 kept" in n for n in notes)


def test_sarif_places_records_in_their_record_file(tmp_path):
    _chrome_feed(tmp_path / "feed.jsonl", 3)
    log = json.loads(run("check", "feed.jsonl", "--format", "sarif", *SELECT, cwd=tmp_path).stdout)
    _validate(log)
    run_ = log["runs"][0]
    assert [a["location"]["uri"] for a in run_["artifacts"]] == ["feed.jsonl"]  # a file that exists
    third = [r for r in run_["results"] if r["properties"]["recordId"] == "r2"]
    assert third and all(r["locations"][0]["physicalLocation"]["region"] == {"startLine": 3} for r in third)
    leave = next(r for r in third if "recordRegion" in r["properties"])  # the chrome block from "Leave a Reply" on
    assert leave["properties"]["recordRegion"]["startLine"] == 5  # the line within the record's text
    assert leave["properties"]["document"] == "feed.jsonl/r2" and "fixes" not in leave


def test_github_annotations_stop_at_the_cap_then_one_summary_per_file(tmp_path):
    _chrome_feed(tmp_path / "feed.jsonl", 30)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = run("check", "feed.jsonl", "a.txt", "--format", "github", *SELECT, cwd=tmp_path)
    lines = result.stdout.splitlines()
    errors = [line for line in lines if line.startswith("::error") and "title=auditor%3A more" not in line]
    assert len(errors) == 10
    summaries = [line for line in lines if "title=auditor%3A more findings" in line]
    assert [s.split("file=")[1].split(",")[0] for s in summaries] == ["feed.jsonl", "a.txt"]
    assert "document(s) failing the gate" in summaries[0] and "most frequent BP" in summaries[0]
    assert lines[-1].startswith("auditor: 31 document(s)")
    everything = run("check", "feed.jsonl", "a.txt", "--format", "github", *SELECT, "--max-annotations", "1000",
                     cwd=tmp_path)
    assert not any("more findings" in line for line in everything.stdout.splitlines())


def test_sarif_memory_stays_flat_with_the_number_of_documents(tmp_path):
    """Peak memory of `check --format sarif` at 400 and at 4,000 records differs little."""
    import resource  # noqa: F401  (Unix: the peak of a child process)

    peaks = []
    for n in (400, 4000):
        feed = _chrome_feed(tmp_path / f"feed{n}.jsonl", n)
        code = ("import resource, runpy, sys; sys.argv = ['auditor', 'check', %r, '--format', 'sarif', "
                "'--no-grammar', '--jobs', '1', '--select', 'BP,EN', '--max-results', '300'];\n"
                "try:\n    runpy.run_module('auditor', run_name='__main__')\n"
                "except SystemExit:\n    pass\n"
                "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)") % str(feed)
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
        log = json.loads(result.stdout)
        assert len(log["runs"][0]["results"]) == 300
        peaks.append(int(result.stderr.strip().splitlines()[-1]))
    assert peaks[1] < peaks[0] + 25 * 1024, peaks  # KB: ten times the records, not ten times the memory
