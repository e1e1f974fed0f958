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
    result = subprocess.run([sys.executable, "-m", "auditor", "check", str(seeds), "--format", "json", "--grammar",
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
    for options in ({"grammar": False}, {}, None):
        report = audit(Document(BROKEN), options=options)
        assert report.grammar == {"status": "off", "reason": "not asked for (--grammar turns it on)"}


def test_a_running_server_does_not_turn_grammar_on(seeds, languagetool_server):
    # Given a server but not asked for grammar, a run reports exactly what it reports without one.
    base = [sys.executable, "-m", "auditor", "check", str(seeds), "--format", "json", "--exit-zero"]
    plain = subprocess.run(base, capture_output=True, text=True)
    with_url = subprocess.run(base + ["--languagetool-url", languagetool_server.url], capture_output=True, text=True)
    assert json.loads(plain.stdout) == json.loads(with_url.stdout)
    assert "only with --grammar" in with_url.stderr
    docs = json.loads(plain.stdout)["documents"]
    assert all(d["grammar"]["status"] == "off" for d in docs)
    assert not any(f["code"] == "GR101" for d in docs for f in d["findings"])


def test_grammar_in_the_configuration_turns_it_on(tmp_path, languagetool_server):
    (tmp_path / "auditor.toml").write_text("grammar = true\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(BROKEN, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "auditor", "check", "a.txt", "--format", "json", "--exit-zero",
                             "--languagetool-url", languagetool_server.url], capture_output=True, text=True,
                            cwd=tmp_path, env=_env())
    assert json.loads(result.stdout)["documents"][0]["grammar"]["status"] == "checked"
    off = subprocess.run([sys.executable, "-m", "auditor", "check", "a.txt", "--format", "json", "--exit-zero",
                          "--no-grammar"], capture_output=True, text=True, cwd=tmp_path, env=_env())
    assert json.loads(off.stdout)["documents"][0]["grammar"]["status"] == "off"


def test_style_suggestions_are_info_without_a_fix(languagetool_server):
    text = "Prices continue to remain high across the country, officials said on Monday."
    report = audit(Document(text), options={"grammar": True, "languagetool_url": languagetool_server.url})
    grammar = [f for f in report.findings if f.code == "GR101"]
    assert grammar, "LanguageTool no longer flags 'continue to remain'"
    assert all(f.severity.value == "info" and f.fix is None for f in grammar)


def test_a_failed_server_is_recorded_on_the_run_session_only():
    from auditor.resources.grammar_session import GrammarSession

    dead = "http://127.0.0.1:9"
    first = GrammarSession(dead, timeout=1)
    report = audit(Document(BROKEN), options={"grammar": True, "grammar_session": first})
    assert first.failure and report.grammar["status"] == "skipped"
    again = audit(Document(BROKEN), options={"grammar": True, "grammar_session": first})
    assert "not tried again" in again.grammar["reason"]
    # Another run (a new session) tries the server again: nothing is remembered between runs.
    fresh = audit(Document(BROKEN), options={"grammar": True, "grammar_session": GrammarSession(dead, timeout=1)})
    assert "not tried again" not in fresh.grammar["reason"]


def _env():
    import os
    from pathlib import Path

    root = str(Path(__file__).resolve().parents[1])
    return dict(os.environ, PYTHONPATH=root + os.pathsep + os.environ.get("PYTHONPATH", ""))


def test_without_languagetool_the_report_says_why(tmp_path, monkeypatch):
    monkeypatch.setenv("AUDITOR_LANGUAGETOOL_HOME", str(tmp_path / "none"))
    from auditor.resources.grammar_session import grammar_options

    notices = []
    with grammar_options(True, None, load_ruleset(), notify=notices.append) as options:
        report = audit(Document(BROKEN), options=options)
    assert report.grammar["status"] == "off" and "not installed" in report.grammar["reason"]
    assert notices and "not installed" in notices[0]


def test_grammar_serve_keeps_a_server_that_runs_use_and_a_run_says_when_it_starts_one(tmp_path, languagetool_server):
    import signal

    # The jars through a link of this test's own: the record of the kept-up server sits next to
    # it, so a server a user keeps up (or another test run) is neither seen nor disturbed.
    home = tmp_path / "languagetool"
    home.symlink_to(languagetool_server.home, target_is_directory=True)
    env = {**_env(), "AUDITOR_LANGUAGETOOL_HOME": str(home)}
    record = tmp_path / "languagetool.served.json"
    article = tmp_path / "a.txt"
    article.write_text(BROKEN, encoding="utf-8")
    check = [sys.executable, "-m", "auditor", "check", str(article), "--grammar", "--format", "json", "--exit-zero"]
    serve = subprocess.Popen([sys.executable, "-m", "auditor", "grammar", "serve"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = serve.stdout.readline()
        assert "is up" in line, serve.stderr.read() if serve.poll() is not None else line
        assert record.is_file()
        used = subprocess.run(check, capture_output=True, text=True, env=env)
        assert "starting LanguageTool" not in used.stderr
        assert json.loads(used.stdout)["documents"][0]["grammar"]["status"] == "checked"
    finally:
        serve.send_signal(signal.SIGTERM)
        serve.wait(timeout=30)
    assert not record.exists()
    started = subprocess.run(check, capture_output=True, text=True, env=env)
    assert "starting LanguageTool (Java) for grammar checks" in started.stderr
    assert json.loads(started.stdout)["documents"][0]["grammar"]["status"] == "checked"


def test_a_worker_gets_its_own_copy_of_the_session():
    import pickle

    from auditor.resources.grammar_session import GrammarSession

    session = GrammarSession("http://127.0.0.1:9", timeout=2)
    session.failure = "LanguageTool at http://127.0.0.1:9 failed 3 times"
    copy = pickle.loads(pickle.dumps(session))
    assert (copy.url, copy.timeout, copy.failure) == (session.url, 2.0, session.failure)
    copy.failure = None
    assert session.failure  # what one process records stays in that process


def test_grammar_in_the_configuration_must_be_true_or_false(tmp_path):
    (tmp_path / "auditor.toml").write_text('grammar = "yes"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(BROKEN, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "auditor", "check", "a.txt"], capture_output=True, text=True,
                            cwd=tmp_path, env=_env())
    assert result.returncode == 2 and "grammar must be true or false" in result.stderr
