"""Grammar checking with a local LanguageTool server: the public names in one place.

The work is done in three modules: ``grammar_install`` (the jars from Maven Central, Java and
Maven), ``grammar_server`` (the Java process) and ``grammar_client`` (LanguageTool's HTTP API,
offsets in code points). :func:`grammar_checker` ties them together for a ``with`` block.

Importing this module is cheap: Java is only looked for, and a server only started, when a
function needs them.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Iterator

from auditor.resources.grammar_client import (
    DEFAULT_MAX_CHUNK_CHARS,
    DEFAULT_RETRIES,
    DEFAULT_TIMEOUT,
    SPELLING_CATEGORIES,
    GrammarChecker,
    GrammarMatch,
    GrammarUnavailable,
    LanguageNotSupported,
)
from auditor.resources.grammar_install import (
    HOME_ENV,
    INSTALL_HINT,
    LANGUAGETOOL_VERSION,
    LanguageToolInstallError,
    find_java,
    find_maven,
    grammar_available,
    install_languagetool,
    is_installed,
    languagetool_home,
    languagetool_pom,
)
from auditor.resources.grammar_server import DEFAULT_HEAP, DEFAULT_STARTUP_TIMEOUT, LanguageToolServer, served_url

__all__ = [
    "DEFAULT_HEAP",
    "DEFAULT_MAX_CHUNK_CHARS",
    "DEFAULT_RETRIES",
    "DEFAULT_STARTUP_TIMEOUT",
    "DEFAULT_TIMEOUT",
    "HOME_ENV",
    "INSTALL_HINT",
    "LANGUAGETOOL_VERSION",
    "SPELLING_CATEGORIES",
    "GrammarChecker",
    "GrammarMatch",
    "GrammarUnavailable",
    "LanguageNotSupported",
    "LanguageToolInstallError",
    "LanguageToolServer",
    "find_java",
    "find_maven",
    "grammar_available",
    "grammar_checker",
    "install_languagetool",
    "is_installed",
    "languagetool_home",
    "languagetool_pom",
    "served_url",
]


@contextmanager
def grammar_checker(
    url: str | None = None,
    *,
    home: str | os.PathLike[str] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    retries: int = DEFAULT_RETRIES,
) -> Iterator[GrammarChecker]:
    """A checker for ``url`` (``--languagetool-url``), or for a server started for the block.

    ::

        with grammar_checker(args.languagetool_url) as checker:
            matches = checker.check(text)

    Raises :class:`GrammarUnavailable` (with the reason) when no URL is given and no local
    server can be started.
    """
    if url:
        yield GrammarChecker(url, timeout=timeout, retries=retries)
        return
    ok, reason = grammar_available(home)
    if not ok:
        raise GrammarUnavailable(reason)
    with LanguageToolServer(home) as server:
        yield GrammarChecker(server.url, timeout=timeout, retries=retries)
