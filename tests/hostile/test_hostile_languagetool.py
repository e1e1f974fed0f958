"""A LanguageTool server that is down, slow, or answers garbage: bounded timeouts and retries,
the report says grammar was skipped and why, nothing raises, and a batch goes on."""
from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from hostile_helpers import GOOD, run

LANGUAGES = json.dumps([{"name": "English (US)", "code": "en", "longCode": "en-US"},
                        {"name": "English", "code": "en", "longCode": "en"}]).encode()
MODES = {
    "hang": None,                                        # accepts, never answers
    "http500": (500, b"Internal Server Error"),
    "garbage": (200, b"<html>\x00\xff not json"),
    "garbage-check": (200, b"{\"matches\": [1, 2"),      # /v2/languages is fine, /v2/check is cut off
    "wrong-shape": (200, b"{\"matches\": \"nope\"}"),
    "wrong-types": (200, json.dumps({"matches": [{"offset": "x", "length": None, "message": 5,
                                                  "rule": "r", "replacements": 7}]}).encode()),
    "wild-offsets": (200, json.dumps({"matches": [{
        "offset": 10 ** 9, "length": -50, "message": "m", "shortMessage": "", "sentence": "",
        "replacements": [{"value": "x"}], "context": {"text": "", "offset": 0, "length": 0},
        "rule": {"id": "R", "description": "d", "issueType": "grammar", "category": {"id": "GRAMMAR", "name": "G"}},
    }]}).encode()),
}


def serve(mode: str):
    stop = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _answer(self):
            if mode == "hang":
                stop.wait(30)
                return
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            status, body = MODES[mode]
            if "languages" in self.path and mode in ("garbage-check", "wrong-shape", "wrong-types", "wild-offsets"):
                status, body = 200, LANGUAGES
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _answer

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, stop


@pytest.fixture(params=sorted(MODES))
def bad_server(request):
    server, stop = serve(request.param)
    yield request.param, f"http://127.0.0.1:{server.server_address[1]}"
    stop.set()
    server.shutdown()
    server.server_close()


def closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"  # nothing listens once closed


DOCS = [GOOD, "The council met on Tuesday. It have approved the budget, officials said.\n",
        "Rates held.\n\nThe bank kept its rate unchanged on Thursday.\n"]


def audit_batch(url: str, session=None):
    """The documents audited as one run does: one GrammarSession for the run (made here if not given)."""
    from auditor import audit
    from auditor.core.document import Document
    from auditor.engine.audit import default_ruleset
    from auditor.resources.grammar_session import GrammarSession

    options = {"grammar": True, "grammar_session": session or GrammarSession(url, timeout=1.0)}
    return [audit(Document(text=t, id=f"d{i}.txt", path=None), default_ruleset(), None, options=options)
            for i, t in enumerate(DOCS)]


def test_a_bad_server_never_breaks_the_audit(bad_server):
    mode, url = bad_server
    began = time.monotonic()
    reports = audit_batch(url)
    elapsed = time.monotonic() - began
    assert len(reports) == len(DOCS)
    for report in reports:
        assert report.grammar["status"] in ("skipped", "checked"), (mode, report.grammar)
        if mode not in ("wrong-types", "wild-offsets"):
            assert report.grammar["status"] == "skipped", (mode, report.grammar)
        assert report.grammar["reason"], report.grammar
        for f in report.findings:
            assert 0 <= f.start <= f.end <= len(report.document.text)
            assert report.document.text[f.start:f.end] == f.text
    assert any(f.code.startswith("BP") for f in reports[0].findings)  # the other rules still ran
    assert elapsed < 45, f"{mode}: {elapsed:.1f} s"


def test_a_dead_server_costs_one_document_not_every_document():
    server, stop = serve("hang")
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        began = time.monotonic()
        from auditor.resources.grammar_session import GrammarSession

        run_session = GrammarSession(url, timeout=1.0)
        reports = audit_batch(url, run_session) + audit_batch(url, run_session)
        elapsed = time.monotonic() - began
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
    assert len(reports) == 2 * len(DOCS)
    assert all(r.grammar["status"] == "skipped" for r in reports)
    assert sum("not tried again" in r.grammar["reason"] for r in reports) == 2 * len(DOCS) - 1
    assert elapsed < 10, elapsed


def test_a_server_that_is_down_is_skipped_quickly():
    began = time.monotonic()
    reports = audit_batch(closed_port_url())
    assert all(r.grammar["status"] == "skipped" and "127.0.0.1" in r.grammar["reason"] for r in reports)
    assert time.monotonic() - began < 15


@pytest.mark.parametrize("command, timeout_by", [("check", "environment"), ("check", "option"),
                                                 ("report", "option"), ("clean", "option")])
def test_the_cli_says_grammar_was_skipped_and_goes_on(tmp_path, command, timeout_by):
    server, stop = serve("hang")
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        for i, text in enumerate(DOCS):
            (inputs / f"d{i}.txt").write_text(text, encoding="utf-8")
        by_option = ["--grammar-timeout", "1"] if timeout_by == "option" else []
        by_env = {"AUDITOR_GRAMMAR_TIMEOUT": "1"} if timeout_by == "environment" else None
        args = ["--format", "json"] if command == "check" else ["--out", str(out)]
        if command == "clean":
            args += ["--fix-class", "grammar"]  # clean asks LanguageTool only when its fixes may apply
        began = time.monotonic()
        result = run(command, str(inputs), *args, "--languagetool-url", url, *by_option, grammar=True, timeout=120,
                     env=by_env)
        elapsed = time.monotonic() - began
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
    assert result.returncode in (0, 1), result.stderr[-2000:]
    assert elapsed < 30, elapsed
    if command == "clean":  # every text is written, cleaned by the rules that did answer
        assert sorted(p.name for p in out.iterdir()) == [f"d{i}.txt" for i in range(len(DOCS))]
        return
    if command == "report":
        lines = (out / "reports.jsonl").read_text(encoding="utf-8").splitlines()
        docs = [json.loads(line) for line in lines if line.strip()]
    else:
        docs = json.loads(result.stdout)["documents"]
    assert len(docs) == len(DOCS)
    # One document spends the timeouts and retries (3 tries of 1 s); the others skip at once.
    assert elapsed < 30, elapsed
    assert any("not tried again" in d["grammar"]["reason"] for d in docs), docs
    assert all(d["grammar"]["status"] == "skipped" and d["grammar"]["reason"] for d in docs), docs
    print(f"CLI with a hanging server: {elapsed:.1f} s")
