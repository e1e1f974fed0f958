"""Grammar in the audit: LanguageTool findings appear in reports, and never break a run."""
from __future__ import annotations

import json
import subprocess
import sys

from auditor import Document, audit, load_ruleset

BROKEN = ("Officials said the talks was productive and that both side has agree to meet again. "
          "He go to the summit tomorrow, and they was very happy with the results of the meeting.")


def test_languagetool_findings_appear_in_the_report(languagetool_server):
    report = audit(Document(BROKEN), options={"grammar": True, "languagetool_url": languagetool_server.url})
    grammar = [f for f in report.findings if f.category.value == "grammar"]
    assert grammar and report.grammar["status"] == "checked"
    for f in grammar:
        assert BROKEN[f.start:f.end] == f.text and f.message


def test_unusual_grammar_rates_are_warnings_and_cost(languagetool_server):
    report = audit(Document(BROKEN), options={"grammar": True, "languagetool_url": languagetool_server.url})
    assert "unusual" in report.grammar["reason"]
    assert any(f.severity.value == "warning" for f in report.findings if f.category.value == "grammar")
    assert report.score.costs.get("grammar", 0) > 0


def test_seed_reports_carry_languagetool_findings(seeds, languagetool_server):
    result = subprocess.run([sys.executable, "-m", "auditor", "check", str(seeds), "--format", "json",
                             "--languagetool-url", languagetool_server.url], capture_output=True, text=True)
    docs = json.loads(result.stdout)["documents"]
    assert all(d["grammar"]["status"] == "checked" for d in docs)
    assert sum(1 for d in docs for f in d["findings"] if f["code"] == "GR101") >= 3


def test_a_dead_server_skips_grammar_and_the_run_goes_on():
    report = audit(Document(BROKEN), options={"grammar": True, "languagetool_url": "http://127.0.0.1:9",
                                              "grammar_timeout": 2})
    assert report.grammar["status"] == "skipped" and "127.0.0.1:9" in report.grammar["reason"]
    assert report.score.score == 100


def test_no_grammar_is_off_with_a_reason():
    report = audit(Document(BROKEN), options={"grammar": False})
    assert report.grammar == {"status": "off", "reason": "turned off (--no-grammar)"}


def test_without_languagetool_the_report_says_why(tmp_path, monkeypatch):
    monkeypatch.setenv("AUDITOR_LANGUAGETOOL_HOME", str(tmp_path / "none"))
    from auditor.grammar_session import grammar_options

    with grammar_options(True, None, load_ruleset()) as options:
        report = audit(Document(BROKEN), options=options)
    assert report.grammar["status"] == "off" and "not installed" in report.grammar["reason"]
