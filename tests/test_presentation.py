"""How findings are shown and how they decide the verdict."""
from __future__ import annotations

import json

from click.testing import CliRunner

from auditor.commands.cli import main
from auditor.engine.clean import clean_text
from auditor.core.document import Document
from auditor.engine.audit import audit
from auditor.core.findings import Category, Finding, Severity
from auditor.core.presentation import present
from auditor.core.score import score_findings

PAGE = """Storm closes coastal roads as rivers rise

Home
News
Sport
Weather
Contact Us

Heavy rain closed three coastal roads on Tuesday as rivers rose across the region, and officials
said more rain was expected overnight, with flood warnings in place for two towns.

Residents were told to avoid the seafront and to check on older neighbours before nightfall.

Leave a Reply
Your email address will not be published. Required fields are marked *
"""


def _finding(code, start, end, severity=Severity.WARNING, category=Category.BOILERPLATE, **kw):
    return Finding(code=code, name=code.lower(), category=category, severity=severity, start=start, end=end,
                   text="x" * (end - start), message=f"{code} message", **kw)


def test_a_run_of_chrome_lines_is_shown_as_one_block_with_its_line_range():
    report = audit(Document(text=PAGE, id="page"), options={"grammar": False})
    raw_chrome = [f for f in report.findings if f.category == Category.BOILERPLATE]
    shown_chrome = [f for f in report.presented if f.category == Category.BOILERPLATE]
    assert len(raw_chrome) >= 6
    assert len(shown_chrome) == 2  # the menu and the comment form
    menu = shown_chrome[0]
    assert menu.extra["block"]["count"] == 5 and "(lines 3-7)" in menu.message
    assert (menu.line, menu.end_line) == (3, 7)
    assert PAGE[menu.start:menu.end] == menu.text
    # Grouping is presentation: the score and the cleaned text come from the raw findings.
    assert report.score == score_findings(report.findings, PAGE, report.document.words)
    cleaned, _ = clean_text(PAGE, report.findings)
    assert "Contact Us" not in cleaned and "Leave a Reply" not in cleaned and "Heavy rain" in cleaned


def test_one_span_is_one_finding_with_the_other_rules_as_related():
    text = "aaaa bbbb"
    shown = present([_finding("BP201", 0, 4), _finding("BP422", 0, 4, severity=Severity.ERROR)], text)
    assert [(f.code, f.related) for f in shown] == [("BP422", ["BP201"])]


def test_a_language_finding_inside_a_deleted_chrome_line_is_folded_into_it():
    text = "Bir yanıt yazın"
    chrome = _finding("BP101", 0, 15, fix=None)
    from auditor.core.findings import Fix

    chrome.fix = Fix("delete", "safe")
    language = _finding("LG101", 0, 15, category=Category.LANGUAGE)
    shown = present([chrome, language], text)
    assert len(shown) == 1 and shown[0].code == "BP101" and shown[0].related == ["LG101"]


def test_document_level_findings_cost_their_own_points_and_come_first():
    text = "word " * 200
    doc_finding = _finding("TR201", 0, 0, category=Category.TRANSLATION, scope="document", cost=12.5)
    score = score_findings([doc_finding], text, 200)
    assert score.score == 87.5 and score.costs == {"translation": 12.5}
    assert any("TR201" in line for line in score.explanation)
    shown = present([_finding("BP101", 10, 14), doc_finding], text)
    assert shown[0].document_level


def test_an_error_finding_fails_the_document_whatever_its_score():
    text = "word " * 1000
    error = _finding("EN101", 0, 4, severity=Severity.ERROR, category=Category.ENTITY)
    score = score_findings([error], text, 1000)
    assert score.score > 95 and score.verdict == "fail"
    assert score_findings([_finding("EN101", 0, 4, category=Category.ENTITY)], text, 1000).verdict == "pass"


def test_check_json_carries_end_positions_scope_and_related(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(page), "--format", "json", "--no-grammar", "--exit-zero"])
    doc = json.loads(result.output)["documents"][0]
    block = next(f for f in doc["findings"] if "block" in f)
    assert {"end_line", "end_column", "scope", "related"} <= set(block)
    assert block["block"]["lines"] == [3, 7] and block["scope"] == "span"
