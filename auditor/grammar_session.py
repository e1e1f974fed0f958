"""The grammar checker for one run: a given server, a local one started for the run, or none.

The report says which, and why: grammar is on when a LanguageTool server is configured or can
be started, and off otherwise with the reason.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from .findings import Category


@contextmanager
def grammar_options(enabled: bool, url: str | None, ruleset, timeout: float | None = None) -> Iterator[dict]:
    """Options for ``audit`` that carry the grammar decision (picklable: workers get the URL).

    ``timeout`` bounds each request to the server (default: $AUDITOR_GRAMMAR_TIMEOUT, else 30 s).
    """
    if timeout is None:
        import os

        timeout = float(os.environ.get("AUDITOR_GRAMMAR_TIMEOUT") or 30.0)
    if not enabled:
        yield {"grammar": False}
        return
    if not any(rule.category == Category.GRAMMAR for rule in ruleset.rules):
        yield {"grammar": True}
        return
    if url:
        yield {"grammar": True, "languagetool_url": url, "grammar_timeout": timeout}
        return
    from .grammar import GrammarUnavailable, LanguageToolServer, grammar_available

    ok, reason = grammar_available()
    if not ok:
        yield {"grammar": True, "grammar_reason": reason}
        return
    server = LanguageToolServer()
    try:
        server.start()
    except GrammarUnavailable as exc:
        yield {"grammar": True, "grammar_reason": f"LanguageTool could not start: {exc.reason}"}
        return
    try:
        yield {"grammar": True, "languagetool_url": server.url, "grammar_timeout": timeout}
    finally:
        server.stop()
