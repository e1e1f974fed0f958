"""Grammar for one run: whether it was asked for, which LanguageTool server checks, what failed.

Grammar runs only when asked (``--grammar``, or ``grammar = true`` in the configuration). Then a
server given with ``--languagetool-url`` is used, else one that ``auditor grammar serve`` keeps
up, else one is started for the run (and the terminal says so). A server that is already running
only makes a grammar run faster: it never turns grammar on.

The run's :class:`GrammarSession` travels in the audit options (each worker process gets its own
copy) and records a server that failed for good, so that the documents after it are skipped at
once with the same reason instead of each paying the timeouts again.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterable, Iterator

from typing import TYPE_CHECKING

from auditor.core.findings import Category

if TYPE_CHECKING:  # pragma: no cover
    from auditor.resources.grammar_client import GrammarChecker, GrammarMatch

# Kept equal to grammar_client.DEFAULT_RETRIES; the client (and urllib) is imported only when
# grammar runs, so that a default run does not pay for it.
DEFAULT_RETRIES = 2

STARTING_MESSAGE = ("auditor: starting LanguageTool (Java) for grammar checks... "
                    "(`auditor grammar serve` keeps one running between runs)")


class GrammarSession:
    """The LanguageTool server of one run, and the reason it failed for good (if it did).

    Picklable: a worker process gets the URL and settings and builds its own HTTP clients.
    """

    def __init__(self, url: str, timeout: float = 30.0, retries: int = DEFAULT_RETRIES) -> None:
        self.url = url
        self.timeout = float(timeout)
        self.retries = retries
        self.failure: str | None = None
        self._checkers: dict[frozenset, "GrammarChecker"] = {}

    def __getstate__(self) -> dict:
        return {"url": self.url, "timeout": self.timeout, "retries": self.retries, "failure": self.failure}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["url"], state["timeout"], state["retries"])
        self.failure = state["failure"]

    def __repr__(self) -> str:
        return f"<GrammarSession {self.url}{' failed' if self.failure else ''}>"

    def check(self, text: str, language: str, disabled_rules: Iterable[str] = ()) -> list["GrammarMatch"]:
        """LanguageTool's matches in ``text``; GrammarUnavailable once the server failed for good."""
        from auditor.resources.grammar_client import GrammarChecker, GrammarUnavailable, LanguageNotSupported

        if self.failure is not None:
            raise GrammarUnavailable(f"{self.failure} (earlier in this run; not tried again)")
        key = frozenset(disabled_rules)
        checker = self._checkers.get(key)
        if checker is None:
            checker = self._checkers[key] = GrammarChecker(self.url, timeout=self.timeout, retries=self.retries,
                                                           disabled_rules=key)
        try:
            return checker.check(text, language)
        except LanguageNotSupported:
            raise  # this language only: the server is fine
        except GrammarUnavailable as exc:
            self.failure = exc.reason
            raise


def default_timeout() -> float:
    import os

    return float(os.environ.get("AUDITOR_GRAMMAR_TIMEOUT") or 30.0)


@contextmanager
def grammar_options(enabled: bool, url: str | None, ruleset, timeout: float | None = None,
                    notify: Callable[[str], None] | None = None) -> Iterator[dict]:
    """Options for ``audit`` that carry the grammar decision and the run's GrammarSession.

    ``enabled`` is whether grammar was asked for; ``url`` a server to use (``--languagetool-url``);
    ``timeout`` bounds each request (default: $AUDITOR_GRAMMAR_TIMEOUT, else 30 s); ``notify``
    tells the user when a server is started, or why grammar cannot run.
    """
    timeout = default_timeout() if timeout is None else timeout
    notify = notify or (lambda message: None)
    if not enabled:
        yield {"grammar": False}
        return
    if not any(rule.category == Category.GRAMMAR for rule in ruleset.rules):
        yield {"grammar": True}
        return
    from auditor.resources.grammar_server import served_url

    url = url or served_url()
    if url:
        yield {"grammar": True, "grammar_session": GrammarSession(url, timeout)}
        return
    from auditor.resources.grammar_client import GrammarUnavailable
    from auditor.resources.grammar_install import grammar_available
    from auditor.resources.grammar_server import LanguageToolServer

    ok, reason = grammar_available()
    if not ok:
        notify(f"auditor: grammar not checked: {reason}")
        yield {"grammar": True, "grammar_reason": reason}
        return
    notify(STARTING_MESSAGE)
    server = LanguageToolServer()
    try:
        server.start()
    except GrammarUnavailable as exc:
        notify(f"auditor: grammar not checked: LanguageTool could not start: {exc.reason}")
        yield {"grammar": True, "grammar_reason": f"LanguageTool could not start: {exc.reason}"}
        return
    try:
        yield {"grammar": True, "grammar_session": GrammarSession(server.url, timeout)}
    finally:
        server.stop()
