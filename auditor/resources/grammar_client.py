"""A small client for LanguageTool's documented HTTP API (``POST /v2/check``, ``GET /v2/languages``).

:class:`GrammarChecker` sends text to any LanguageTool server (one started by
``grammar_server``, one kept up by ``auditor grammar serve``, or one given with
``--languagetool-url``) and returns :class:`GrammarMatch` objects whose offsets are Python string
indexes into the checked text. LanguageTool counts in UTF-16 code units (Java chars); the
conversion to code points is done here, where the server's answer is read.

Spelling is never checked: news text is full of names that no dictionary knows.
Only the standard library is used (urllib, json): importing this module starts nothing.
"""
from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any, Iterable

__all__ = [
    "DEFAULT_MAX_CHUNK_CHARS",
    "DEFAULT_RETRIES",
    "DEFAULT_TIMEOUT",
    "SPELLING_CATEGORIES",
    "GrammarChecker",
    "GrammarMatch",
    "GrammarUnavailable",
    "LanguageNotSupported",
    "check_params",
    "normalise_url",
    "split_chunks",
    "to_code_points",
    "utf16_index",
]

#: LanguageTool categories that hold spelling rules. TYPOS has the dictionary spellers
#: (MORFOLOGIK_RULE_EN_US, HUNSPELL_RULE, ...); English also has MULTITOKEN_SPELLING, which flags
#: unknown multi-word names ("Olaf Scholes" -> "Olaf Scholz") with issue type "misspelling".
SPELLING_CATEGORIES = frozenset({"TYPOS", "MULTITOKEN_SPELLING"})
_SPELLING_RULE_PREFIXES = ("MORFOLOGIK_RULE_", "HUNSPELL_RULE", "HUNSPELL_NO_SUGGEST_RULE")

DEFAULT_TIMEOUT = 30.0
DEFAULT_RETRIES = 2
DEFAULT_MAX_CHUNK_CHARS = 20_000


class GrammarUnavailable(RuntimeError):
    """Grammar checking cannot be done; ``reason`` says why in words meant for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class LanguageNotSupported(GrammarUnavailable):
    """The server has no rules for the requested language (only English is installed)."""


@dataclass(frozen=True)
class GrammarMatch:
    """One problem LanguageTool found. ``text[start:end]`` is the flagged span (code points)."""

    start: int
    end: int
    rule_id: str
    category: str
    issue_type: str
    message: str
    replacements: tuple[str, ...] = ()


# --------------------------------------------------------------------------- offsets and chunks


def utf16_index(text: str) -> list[int] | None:
    """UTF-16 offset of each code point index 0..len(text), or None when they are all equal."""
    if text.isascii() or max(text) <= "\uffff":
        return None
    table = [0] * (len(text) + 1)
    pos = 0
    for i, char in enumerate(text):
        table[i] = pos
        pos += 2 if ord(char) > 0xFFFF else 1
    table[len(text)] = pos
    return table


def to_code_points(table: list[int] | None, utf16_offset: int) -> int:
    """Code point index of a UTF-16 offset (an offset inside a surrogate pair rounds down)."""
    if table is None:
        return utf16_offset
    return max(0, bisect_right(table, utf16_offset) - 1)


_CUTS = tuple(re.compile(p) for p in (r"\n[ \t]*\n\s*", r"\n\s*", r"[.!?…。][\"'”’)\]]*\s+", r"\s+"))


def split_chunks(text: str, limit: int) -> list[tuple[int, str]]:
    """Cut ``text`` into consecutive pieces of at most ``limit`` characters: ``(offset, piece)``.

    Cuts fall after a blank line when possible, else after a line break, else after a sentence
    end, else after a space; a piece never starts mid-paragraph if a paragraph fits.
    """
    if limit < 1:
        raise ValueError("limit must be positive")
    pieces: list[tuple[int, str]] = []
    pos = 0
    n = len(text)
    while n - pos > limit:
        window = text[pos:pos + limit]
        cut = 0
        for pattern in _CUTS:
            found = [m.end() for m in pattern.finditer(window) if 0 < m.end() <= limit]
            if found:
                cut = found[-1]
                break
        if cut <= 0:
            cut = limit
        pieces.append((pos, text[pos:pos + cut]))
        pos += cut
    if pos < n:
        pieces.append((pos, text[pos:]))
    return pieces


def normalise_url(url: str) -> str:
    """``host:port``, ``http://host:port/`` and ``http://host:port/v2`` all become ``http://host:port``."""
    url = url.strip()
    if "://" not in url:
        url = "http://" + url
    url = url.rstrip("/")
    if url.endswith("/v2"):
        url = url[: -len("/v2")]
    return url


def check_params(text: str, language: str, disabled_rules: Iterable[str] = ()) -> dict[str, str]:
    """The form fields of one ``/v2/check`` request: spelling categories off, rules as given."""
    params = {
        "text": text,
        "language": language,
        "disabledCategories": ",".join(sorted(SPELLING_CATEGORIES)),
    }
    rules = sorted(set(disabled_rules))
    if rules:
        params["disabledRules"] = ",".join(rules)
    return params


# --------------------------------------------------------------------------- the checker


class GrammarChecker:
    """Checks text with the LanguageTool server at ``url`` (spelling rules off).

    ``url`` is the server's base URL (``http://127.0.0.1:8081``; a trailing ``/v2`` is accepted)
    or anything with a ``url`` attribute (a started ``LanguageToolServer``). Each HTTP request
    waits at most ``timeout`` seconds and is tried ``1 + retries`` times, pausing
    ``retry_delay * attempt`` in between; then :class:`GrammarUnavailable` is raised. Texts
    longer than ``max_chunk_chars`` are sent in pieces cut at paragraph boundaries.
    """

    def __init__(
        self,
        url: Any,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        retries: int = DEFAULT_RETRIES,
        retry_delay: float = 0.5,
        max_chunk_chars: int = DEFAULT_MAX_CHUNK_CHARS,
        disabled_rules: Iterable[str] = (),
    ) -> None:
        raw = url if isinstance(url, str) else url.url
        self.url = normalise_url(raw)
        self.timeout = float(timeout)
        self.retries = max(0, int(retries))
        self.retry_delay = max(0.0, float(retry_delay))
        self.max_chunk_chars = int(max_chunk_chars)
        self.disabled_rules = frozenset(disabled_rules)

    def __repr__(self) -> str:
        return f"<GrammarChecker {self.url}>"

    def check(self, text: str, language: str = "en-US") -> list[GrammarMatch]:
        """Grammar, style and punctuation problems in ``text``, sorted by position.

        Offsets are code point indexes into ``text``. Raises :class:`GrammarUnavailable` when the
        server cannot be reached or keeps failing, and its subclass :class:`LanguageNotSupported`
        (not retried) for a language the server has no rules for.
        """
        matches: list[GrammarMatch] = []
        for offset, piece in split_chunks(text, self.max_chunk_chars):
            if not piece.strip():
                continue
            for m in self._check_piece(piece, language):
                matches.append(GrammarMatch(m.start + offset, m.end + offset, m.rule_id, m.category,
                                            m.issue_type, m.message, m.replacements))
        matches.sort(key=lambda m: (m.start, m.end, m.rule_id))
        return matches

    def languages(self) -> set[str]:
        """Language codes the server has rules for (``en``, ``en-US``, ...)."""
        answer = self._request("GET", "/v2/languages", None)
        try:
            return {str(entry[key]) for entry in answer for key in ("code", "longCode") if entry.get(key)}
        except (TypeError, AttributeError) as exc:
            raise GrammarUnavailable(f"LanguageTool at {self.url} sent an unexpected language list") from exc

    def supports(self, language: str) -> bool:
        """Whether the server has rules for ``language``; GrammarUnavailable if it cannot be reached."""
        return language in self.languages()

    # -- internals ----------------------------------------------------------------------------

    def _check_piece(self, piece: str, language: str) -> list[GrammarMatch]:
        answer = self._request("POST", "/v2/check", check_params(piece, language, self.disabled_rules),
                               language=language)
        try:
            return convert_matches(piece, answer["matches"])
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise GrammarUnavailable(f"LanguageTool at {self.url} sent an answer that is not a check "
                                     f"result: {exc!r}") from exc

    def _request(self, method: str, path: str, form: dict | None, language: str | None = None) -> Any:
        data = urllib.parse.urlencode(form).encode("utf-8") if form is not None else None
        last_error = ""
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.retry_delay * attempt)
            request = urllib.request.Request(self.url + path, data=data, method=method,
                                             headers={"Accept": "application/json"})
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                    return json.loads(response.read().decode("utf-8"))
            except urllib.error.HTTPError as exc:
                body = exc.read().decode("utf-8", errors="replace")
                if exc.code == 400 and language is not None and "language" in body.lower():
                    raise LanguageNotSupported(
                        f"LanguageTool at {self.url} has no rules for language {language!r}") from exc
                last_error = f"HTTP {exc.code}: {body.strip().splitlines()[0] if body.strip() else exc.reason}"
            except (OSError, ValueError) as exc:  # refused, timed out, reset, not JSON
                last_error = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        tries = self.retries + 1
        raise GrammarUnavailable(
            f"LanguageTool at {self.url} failed {tries} time{'s' if tries > 1 else ''}: {last_error}")


def convert_matches(piece: str, raw: Iterable[dict]) -> list[GrammarMatch]:
    """``/v2/check`` matches -> :class:`GrammarMatch` in code points; spelling matches dropped."""
    if not isinstance(raw, list):
        raise TypeError(f"'matches' is a {type(raw).__name__}, not a list")
    table = utf16_index(piece)
    out: list[GrammarMatch] = []
    for m in raw:
        rule = m.get("rule") or {}
        category = str((rule.get("category") or {}).get("id") or "")
        rule_id = str(rule.get("id") or "")
        if category in SPELLING_CATEGORIES or rule_id.startswith(_SPELLING_RULE_PREFIXES):
            continue
        u16_start = int(m["offset"])
        u16_end = u16_start + int(m.get("length") or 0)
        start = to_code_points(table, u16_start)
        end = to_code_points(table, u16_end)
        if table is not None and end < len(piece) and table[end] < u16_end:
            end += 1  # an end inside a surrogate pair covers the whole character
        start = max(0, min(start, len(piece)))
        end = max(start, min(end, len(piece)))
        out.append(GrammarMatch(
            start=start, end=end, rule_id=rule_id, category=category,
            issue_type=str(rule.get("issueType") or ""),
            message=str(m.get("message") or ""),
            replacements=tuple(str(r.get("value", "")) for r in (m.get("replacements") or ())
                               if isinstance(r, dict)),
        ))
    return out
