"""`auditor clean`: what a user sees in the cleaned text, the edit log and the files on disk."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from auditor import Document, audit, load_ruleset
from auditor.engine.clean import apply_edits, clean_document, clean_text
from auditor.core.findings import Category, Finding, Fix, Severity

RULESET = load_ruleset()
OPTIONS = {"grammar": False}


def clean(text: str, unsafe: bool = False):
    return clean_document(Document(text), lambda d: audit(d, RULESET, None, options=OPTIONS), unsafe=unsafe)


def finding(text: str, part: str, action: str = "delete", replacement: str = "", safety: str = "safe",
            nth: int = 0, code: str = "BP999") -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Finding(code, "test", Category.BOILERPLATE, Severity.WARNING, start, start + len(part), part, "m",
                   fix=Fix(action, safety, replacement))


# -- clean_text: one pass over given findings ---------------------------------------------------

@pytest.mark.parametrize("text, part, expected", [
    ("Title\n\nBody one.\n\nChrome\n\nBody two.", "Chrome", "Title\n\nBody one.\n\nBody two."),
    ("Title\n\nBody one.\nChrome\n\nBody two.", "Chrome", "Title\n\nBody one.\n\nBody two."),
    ("Title\n\nBody one.\n\nChrome\nBody two.", "Chrome", "Title\n\nBody one.\n\nBody two."),
    ("Chrome\n\nTitle\n\nBody.", "Chrome", "Title\n\nBody."),
    ("Title\n\nBody.\n\nChrome", "Chrome", "Title\n\nBody."),
    ("Title\n\nBody.\n\nChrome\n", "Chrome", "Title\n\nBody.\n"),
    ("Title\r\n\r\nBody.\r\n\r\nChrome\r\n\r\nMore.\r\n", "Chrome", "Title\r\n\r\nBody.\r\n\r\nMore.\r\n"),
    ("  Chrome  \n\nBody.", "Chrome", "Body."),
])
def test_a_deleted_line_goes_with_its_line_break_and_leaves_no_gap(text, part, expected):
    cleaned, edits = clean_text(text, [finding(text, part)])
    assert cleaned == expected
    assert apply_edits(text, edits) == cleaned


def test_blank_lines_are_never_made_longer_than_before():
    text = "Title\n\nOne.\n\nA\n\nB\n\n\nC\n\nTwo."
    cleaned, _ = clean_text(text, [finding(text, p) for p in ("A", "B", "C")])
    assert cleaned == "Title\n\nOne.\n\n\nTwo."  # the widest gap that was there, no wider


def test_an_inline_span_goes_alone():
    text = "Floods close main roads | World\n\nBody."
    cleaned, edits = clean_text(text, [finding(text, " | World")])
    assert cleaned == "Floods close main roads\n\nBody."
    assert [(e.before, e.after) for e in edits] == [(" | World", "")]


def test_an_inline_delete_leaves_no_double_space():
    text = "Prices rose Advertisement sharply in May."
    cleaned, _ = clean_text(text, [finding(text, "Advertisement")])
    assert cleaned == "Prices rose sharply in May."


def test_overlapping_deletes_merge_and_a_delete_wins_over_a_replace_inside_it():
    text = "Title\n\nSee also: Olaf Scholes visits Paris\n\nScholes said so."
    findings = [
        finding(text, "See also: Olaf Scholes visits Paris"),
        finding(text, "See also: Olaf"),
        finding(text, "Scholes", "replace", "Scholz", "unsafe"),
        finding(text, "Scholes", "replace", "Scholz", "unsafe", nth=1),
    ]
    cleaned, edits = clean_text(text, findings, unsafe=True)
    assert cleaned == "Title\n\nScholz said so."
    assert apply_edits(text, edits) == cleaned
    starts = [e.start for e in edits]
    assert starts == sorted(starts) and all(a.end <= b.start for a, b in zip(edits, edits[1:]))


def test_unsafe_fixes_wait_for_the_flag():
    text = "Olaf Scholes said."
    findings = [finding(text, "Scholes", "replace", "Scholz", "unsafe")]
    assert clean_text(text, findings)[0] == text
    assert clean_text(text, findings, unsafe=True)[0] == "Olaf Scholz said."


def test_flag_only_findings_change_nothing():
    text = "Title\n\nBody."
    f = finding(text, "Body.")
    f.fix = None
    assert clean_text(text, [f]) == (text, [])


# -- the whole cleaning, to a fixed point ------------------------------------------------------

def test_cleaning_keeps_the_headline_and_removes_chrome():
    text = ("Storm closes coast road | Daily Courier\n\nWinds of 120 km/h closed the coast road on Sunday, "
            "and police said it would stay shut until the storm had passed.\n\nLeave a Reply\n\n"
            "Your email address will not be published. Required fields are marked *\n")
    result = clean(text)
    assert result.text.startswith("Storm closes coast road")
    assert "Leave a Reply" not in result.text and "email address" not in result.text
    assert "police said it would stay shut" in result.text
    assert apply_edits(text, result.edits) == result.text
    assert clean(result.text).edits == []


CHROME = [
    "Leave a Reply", "Your email address will not be published. Required fields are marked *", "Subscribe",
    "Contact Us", "Author: Jane Roe", "wx-12", "Share this:", "Published March 3, 2024", "Tags: NATO, Russia",
    "Home\nNews\nSport\nWeather\nContact", "© 2024 Daily Courier. All rights reserved.", "‹ › ×",
]
BODY = [
    "Winds of 120 km/h closed the coast road on Sunday, and police said it would stay shut until the storm passed.",
    "The council said that repairs would begin on Tuesday once engineers had inspected the damaged sea wall.",
    "Residents were told to avoid the seafront and to check the council's website for the latest updates.",
    "The central bank kept its main rate unchanged on Thursday, citing slower inflation and weak demand.",
    "Analysts had expected the decision after figures last week showed prices rising more slowly than forecast.",
    "What happens next",
]
SEPARATORS = ["\n", "\n\n", "\n\n\n", "\r\n", "\r\n\r\n"]


@st.composite
def articles(draw):
    blocks = draw(st.lists(st.one_of(st.sampled_from(CHROME), st.sampled_from(BODY)), min_size=1, max_size=10))
    blocks = ["Storm closes coast road"] + blocks
    seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(blocks), max_size=len(blocks)))
    text = "".join(block + sep for block, sep in zip(blocks, seps))
    if draw(st.booleans()):
        text = text.rstrip("\r\n")
    return text


def _longest_blank_run(text: str) -> int:
    runs = re.findall(r"(?:\r\n|\r|\n)+", text)
    return max((len(re.findall(r"\r\n|\r|\n", r)) for r in runs), default=0)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_cleaning_is_idempotent_and_the_edit_log_replays(text):
    first = clean(text)
    assert clean(first.text).text == first.text  # clean(clean(x)) == clean(x)
    assert clean(first.text).edits == []
    assert apply_edits(text, first.edits) == first.text  # the log replays
    assert _longest_blank_run(first.text) <= max(_longest_blank_run(text), 0)
    assert first.text.startswith("Storm closes coast road")  # the headline stays


@st.composite
def extracted_articles(draw):
    """An extractor's output: a few chrome lines before and after the body, and now and then one
    between two paragraphs."""
    head = draw(st.lists(st.sampled_from(CHROME), max_size=3))
    body = []
    for paragraph in draw(st.lists(st.sampled_from(BODY[:5]), min_size=1, max_size=6, unique=True)):
        body.append(paragraph)
        if draw(st.integers(0, 3)) == 0:
            body.append(draw(st.sampled_from(CHROME)))
    tail = draw(st.lists(st.sampled_from(CHROME), max_size=4))
    blocks = ["Storm closes coast road"] + head + body + tail
    sep = draw(st.sampled_from(SEPARATORS))
    return sep.join(blocks) + draw(st.sampled_from(["", sep]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(extracted_articles())
# A menu between each pair of paragraphs: the last paragraph is as far from the first stretch of
# body as the menus make it, but only a widget away from the paragraph before it.
@example("\n".join(["Storm closes coast road", CHROME[9], CHROME[9], BODY[0], BODY[1], CHROME[9], BODY[2],
                    CHROME[0], BODY[3], CHROME[0]]))
def test_cleaning_keeps_every_body_paragraph_word_for_word(text):
    cleaned = clean(text).text
    for body in BODY[:5]:
        assert (body in text) == (body in cleaned)
    assert clean(cleaned).edits == []


# -- the seeds ---------------------------------------------------------------------------------

def _visible_lines(text: str) -> list[str]:
    return [line.strip() for line in re.split(r"\r\n|\r|\n", text) if line.strip()]


def test_seeds_lose_every_gold_delete_span_and_keep_every_other_line(seeds):
    gold = json.loads((seeds / "gold.json").read_text(encoding="utf-8"))
    for name, entry in gold["documents"].items():
        text = (seeds / name).read_text(encoding="utf-8")
        cleaned = clean(text).text
        spans = [a["text"] for a in entry["artifacts"] if a.get("action") == "delete"]
        expected = text
        for span in spans:
            assert span not in cleaned, f"{name}: {span!r} is still there"
            expected = expected.replace(span, "")
        assert _visible_lines(cleaned) == _visible_lines(expected), name


# -- the command -------------------------------------------------------------------------------

ARTICLE = ("Storm closes coast road | Daily Courier\n\nWinds of 120 km/h closed the coast road on Sunday, "
           "and police said it would stay shut until the storm had passed.\n\nLeave a Reply\n\nAuthor: Jane Roe\n")
CLEAN = "Rates held\n\nThe central bank kept its main rate unchanged on Thursday, citing slower inflation.\n"


def run(*args, cwd=None, stdin=None):
    return subprocess.run([sys.executable, "-m", "auditor", "clean", *args, "--no-grammar"],
                          capture_output=True, text=True, cwd=cwd, input=stdin)


@pytest.fixture
def tree(tmp_path) -> Path:
    root = tmp_path / "in"
    (root / "news").mkdir(parents=True)
    (root / "news" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "b.txt").write_text(CLEAN, encoding="utf-8")
    return root


def _snapshot(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_clean_file_prints_the_sanitized_text(tree):
    before = _snapshot(tree)
    result = run(str(tree / "news" / "a.txt"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Storm closes coast road\n\nWinds of 120 km/h")
    assert "Leave a Reply" not in result.stdout and "Author:" not in result.stdout
    assert _snapshot(tree) == before  # the input is untouched


def test_stdin_is_cleaned_with_a_dash():
    result = run("-", stdin=ARTICLE)
    assert result.returncode == 0, result.stderr
    assert "Leave a Reply" not in result.stdout


def test_out_dir_layout_mirrors_the_inputs(tree, tmp_path):
    out = tmp_path / "out"
    before = _snapshot(tree)
    result = run("--out", str(out), str(tree), str(tree / "news" / "a.txt"))
    # the folder gives news/a.txt and b.txt; the file given directly lands as a.txt
    assert result.returncode == 0, result.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == \
        ["a.txt", "b.txt", "news/a.txt"]
    assert (out / "b.txt").read_text(encoding="utf-8") == CLEAN
    assert "Leave a Reply" not in (out / "news" / "a.txt").read_text(encoding="utf-8")
    assert _snapshot(tree) == before


def test_diff_prints_a_diff_and_writes_nothing(tree, tmp_path):
    before = _snapshot(tree)
    listing = sorted(os.listdir(tmp_path))
    result = run("--diff", str(tree))
    assert result.returncode == 0, result.stderr
    assert "-Leave a Reply" in result.stdout and "+++ b/" in result.stdout
    assert "-Storm closes coast road | Daily Courier" in result.stdout
    assert _snapshot(tree) == before and sorted(os.listdir(tmp_path)) == listing


def test_in_place_requires_a_backup(tree):
    before = _snapshot(tree)
    result = run("--in-place", str(tree / "news" / "a.txt"))
    assert result.returncode == 2 and "--backup" in result.stderr
    assert _snapshot(tree) == before


def test_in_place_with_backup_keeps_the_original(tree):
    path = tree / "news" / "a.txt"
    result = run("--in-place", "--backup", ".orig", str(tree))
    assert result.returncode == 0, result.stderr
    assert (tree / "news" / "a.txt.orig").read_text(encoding="utf-8") == ARTICLE
    assert "Leave a Reply" not in path.read_text(encoding="utf-8")
    assert not (tree / "b.txt.orig").exists()  # unchanged files are left alone


def test_several_inputs_need_a_mode(tree):
    result = run(str(tree))
    assert result.returncode == 2 and "--out" in result.stderr


def test_out_dir_may_not_overwrite_the_inputs(tree):
    before = _snapshot(tree)
    result = run("--out", str(tree), str(tree))
    assert result.returncode == 2 and "input" in result.stderr
    assert _snapshot(tree) == before


def test_outputs_never_escape_the_out_dir(tree, tmp_path):
    out = tmp_path / "out"
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    out.mkdir()
    (out / "news").symlink_to(outside, target_is_directory=True)  # a trap inside DIR
    result = run("--out", str(out), str(tree))
    assert result.returncode == 2
    assert list(outside.iterdir()) == []
    assert (out / "b.txt").is_file()


def test_edit_log_replays_on_the_original(tree, tmp_path):
    out, log = tmp_path / "out", tmp_path / "edits.jsonl"
    result = run("--out", str(out), "--edit-log", str(log), str(tree))
    assert result.returncode == 0, result.stderr
    entries = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert entries and all(set(e) == {"path", "code", "start", "end", "before", "after"} for e in entries)
    original = (tree / "news" / "a.txt").read_text(encoding="utf-8")
    mine = [e for e in entries if e["path"].endswith("a.txt")]
    assert all(original[e["start"]:e["end"]] == e["before"] for e in mine)
    assert apply_edits(original, mine) == (out / "news" / "a.txt").read_text(encoding="utf-8")


def test_edit_log_may_not_be_an_output(tree, tmp_path):
    out = tmp_path / "out"
    result = run("--out", str(out), "--edit-log", str(out / "b.txt"), str(tree))
    assert result.returncode == 2 and "edit-log" in result.stderr
    assert not out.exists()


def test_unsafe_fixes_apply_replacements_only_with_the_flag(tmp_path):
    rules = tmp_path / "pack.yaml"
    rules.write_text(
        "- code: XX101\n  name: test-spelling\n  category: entity\n  severity: warning\n  kind: patterns\n"
        "  fix: {action: replace, replacement: Scholz, safety: unsafe}\n  message: m\n  why: w\n"
        "  patterns: ['Scholes']\n  examples: {match: ['Scholes'], no_match: ['Scholz']}\n", encoding="utf-8")
    path = tmp_path / "a.txt"
    path.write_text("Chancellor Olaf Scholes spoke.\n", encoding="utf-8")
    assert run("--rules", str(rules), str(path)).stdout == "Chancellor Olaf Scholes spoke.\n"
    assert run("--rules", str(rules), "--unsafe-fixes", str(path)).stdout == "Chancellor Olaf Scholz spoke.\n"


def test_unsafe_fixes_are_chosen_by_class():
    text = "German Chancellor Olaf Scholes said output grew 1,5 percent in the year.\n"
    names = run("--fix-class", "names", "-", stdin=text)
    assert names.returncode == 0, names.stderr
    assert "Olaf Scholz" in names.stdout and "1,5 percent" in names.stdout
    conventions = run("--fix-class", "conventions", "-", stdin=text)
    assert "Olaf Scholes" in conventions.stdout and "1.5 percent" in conventions.stdout
    both = run("--fix-class", "names,conventions", "-", stdin=text)
    assert both.stdout == run("--unsafe-fixes", "-", stdin=text).stdout
    assert "Olaf Scholz" in both.stdout and "1.5 percent" in both.stdout


def test_an_unknown_fix_class_is_refused():
    result = run("--fix-class", "names,spelling", "-", stdin=CLEAN)
    assert result.returncode == 2 and "unknown fix class spelling" in result.stderr
    both = run("--fix-class", "names", "--unsafe-fixes", "-", stdin=CLEAN)
    assert both.returncode == 2 and "--fix-class" in both.stderr


def test_clean_starts_languagetool_only_when_a_grammar_fix_may_apply(tmp_path):
    import os

    env = dict(os.environ, AUDITOR_LANGUAGETOOL_HOME=str(tmp_path / "none"))  # no server can start
    base = [sys.executable, "-m", "auditor", "clean", "-", "--grammar"]
    for extra in ([], ["--fix-class", "names"]):
        quiet = subprocess.run(base + extra, input=CLEAN, capture_output=True, text=True, env=env)
        assert quiet.returncode == 0 and "LanguageTool" not in quiet.stderr and "grammar" not in quiet.stderr
    for extra in (["--unsafe-fixes"], ["--fix-class", "grammar"]):
        tried = subprocess.run(base + extra, input=CLEAN, capture_output=True, text=True, env=env)
        assert "grammar not checked: LanguageTool not installed" in tried.stderr


def test_record_files_are_written_in_their_own_format(tmp_path):
    rows = [{"id": "a", "text": ARTICLE, "url": "https://example.com/a"}, {"id": "b", "text": CLEAN}]
    source = tmp_path / "news.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    before = source.read_bytes()
    out = tmp_path / "out"
    result = run("--out", str(out), str(source))
    assert result.returncode == 0, result.stderr
    written = [json.loads(line) for line in (out / "news.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in written] == ["a", "b"] and written[0]["url"] == "https://example.com/a"
    assert "Leave a Reply" not in written[0]["text"] and written[0]["text"].startswith("Storm closes coast road")
    assert written[1]["text"] == CLEAN
    assert source.read_bytes() == before


def test_csv_records_keep_their_columns(tmp_path):
    import csv
    import io

    source = tmp_path / "news.csv"
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerows([["id", "text", "site"], ["a", ARTICLE, "example.com"], ["b", CLEAN, "example.org"]])
    source.write_text(buffer.getvalue(), encoding="utf-8")
    result = run("--out", str(tmp_path / "out"), str(source))
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO((tmp_path / "out" / "news.csv").read_text(encoding="utf-8"))))
    assert rows[0] == ["id", "text", "site"] and [r[0] for r in rows[1:]] == ["a", "b"]
    assert "Leave a Reply" not in rows[1][1] and rows[2][1] == CLEAN and rows[1][2] == "example.com"


def test_an_html_page_is_written_as_its_cleaned_text(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Storm closes coast road</title></head><body><nav><a>Home</a><a>News</a></nav>"
        "<article><h1>Storm closes coast road</h1><p>Winds of 120 km/h closed the coast road on Sunday, and "
        "police said it would stay shut until the storm had passed.</p><p>The council said that repairs would "
        "begin on Tuesday once engineers had inspected the damaged sea wall.</p></article></body></html>",
        encoding="utf-8")
    out = tmp_path / "out"
    result = run("--out", str(out), str(page))
    assert result.returncode == 0, result.stderr
    assert [p.name for p in out.iterdir()] == ["page.txt"]
    assert "repairs would begin on Tuesday" in (out / "page.txt").read_text(encoding="utf-8")
    assert run("--in-place", "--backup", ".orig", str(page)).returncode == 2  # HTML is not rewritten as text
