"""Suppressions from configuration: per path glob, per rule code prefix, per allowed phrase.

Plain text cannot carry ``noqa`` comments, so every suppression lives in ``[tool.auditor]``
(pyproject.toml) or auditor.toml (docs/ci.md)::

    allow = ["Paul Scholes"]            # phrases spelled right: never flagged

    [[tool.auditor.suppress]]
    paths = ["wire/**"]                 # globs, relative to the configuration file's folder
    codes = ["BP6"]                     # rule code prefixes
    phrases = ["Anadolu Agency"]        # allowed phrases, only for these paths and codes
    reason = "Wire copy keeps its bylines"

An entry suppresses a finding when every criterion it gives holds. Suppressed findings are run,
then set aside: they cost nothing, never fail the gate, and are listed as suppressed (SARIF
``suppressions``, JSON ``suppressed``), unlike ``ignore``, which does not run the rule at all.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from auditor.core.errors import AuditorError
from auditor.core.findings import Category, Finding

ENTRY_KEYS = {"paths", "codes", "phrases", "reason"}
# Boilerplate says "this whole line is page chrome", not "these words are misspelled": an allowed
# phrase inside a chrome line does not make the line content, so those findings must lie within it.
_WITHIN_ONLY = {Category.BOILERPLATE}


class SuppressionError(AuditorError, ValueError):
    pass


@dataclass(frozen=True)
class Suppression:
    paths: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    reason: str = ""
    root: str = "."  # globs are relative to this folder (the configuration file's)

    def describe(self) -> str:
        if self.reason:
            return self.reason
        parts = []
        if self.codes:
            parts.append("codes " + ", ".join(self.codes))
        if self.paths:
            parts.append("paths " + ", ".join(self.paths))
        if self.phrases:
            parts.append("allowed phrase " + ", ".join(repr(p) for p in self.phrases))
        return "configuration: " + "; ".join(parts)


@dataclass
class Suppressed:
    """A finding set aside, and why: ``kind`` is "config" or "baseline"."""

    finding: Finding
    kind: str
    reason: str

    def to_dict(self) -> dict:
        return {**self.finding.to_dict(), "suppression": {"kind": self.kind, "reason": self.reason}}


@dataclass
class Suppressions:
    entries: list[Suppression] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.entries)

    def split(self, findings: list[Finding], text: str, path: str | None) -> tuple[list[Finding], list[Suppressed]]:
        """(kept, suppressed) for one document's findings."""
        kept: list[Finding] = []
        suppressed: list[Suppressed] = []
        applicable = [e for e in self.entries if _path_matches(e, path)]
        occurrences: dict[tuple[str, ...], list[tuple[int, int, str]]] = {}
        for f in findings:
            reason = None
            for entry in applicable:
                if entry.codes and not any(f.code.startswith(c) for c in entry.codes):
                    continue
                if entry.phrases:
                    spans = occurrences.get(entry.phrases)
                    if spans is None:
                        spans = occurrences[entry.phrases] = phrase_spans(text, entry.phrases)
                    phrase = _covering(f, spans)
                    if phrase is None:
                        continue
                    reason = f"allowed phrase \"{phrase}\"" + (f": {entry.reason}" if entry.reason else "")
                else:
                    reason = entry.describe()
                break
            if reason is None:
                kept.append(f)
            else:
                suppressed.append(Suppressed(f, "config", reason))
        return kept, suppressed


def parse(table: dict, config_path: Path) -> Suppressions:
    """The ``allow`` and ``suppress`` keys of a [tool.auditor] table."""
    root = str(config_path.parent)
    entries: list[Suppression] = []
    allow = table.get("allow", [])
    if not isinstance(allow, list) or not all(isinstance(p, str) and p.strip() for p in allow):
        raise SuppressionError(f"{config_path}: allow must be a list of non-empty phrases")
    if allow:
        entries.append(Suppression(phrases=tuple(allow), root=root))
    raw = table.get("suppress", [])
    if isinstance(raw, dict):
        raw = [raw]
    if not isinstance(raw, list):
        raise SuppressionError(f"{config_path}: suppress must be a list of tables ([[tool.auditor.suppress]])")
    for i, item in enumerate(raw, 1):
        where = f"{config_path}: suppress entry {i}"
        if not isinstance(item, dict):
            raise SuppressionError(f"{where}: must be a table with paths, codes, phrases and/or reason")
        unknown = set(item) - ENTRY_KEYS
        if unknown:
            raise SuppressionError(f"{where}: unknown key(s) {', '.join(sorted(unknown))} "
                                   f"(known: {', '.join(sorted(ENTRY_KEYS))})")
        values = {}
        for key in ("paths", "codes", "phrases"):
            value = item.get(key, [])
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise SuppressionError(f"{where}: {key} must be a list of non-empty strings")
            values[key] = tuple(value)
        if not any(values.values()):
            raise SuppressionError(f"{where}: give at least one of paths, codes, phrases "
                                   "(an entry that matches everything would silence the auditor)")
        reason = item.get("reason", "")
        if not isinstance(reason, str):
            raise SuppressionError(f"{where}: reason must be a string")
        codes = tuple(c.strip().upper() for c in values["codes"])
        entries.append(Suppression(values["paths"], codes, values["phrases"], reason, root))
    return Suppressions(entries)


# ---- allowed phrases -------------------------------------------------------------------------

def phrase_spans(text: str, phrases: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """Where the phrases occur, (start, end, phrase): case-sensitive, on word boundaries, any run
    of white space (no-break and zero-width spaces too) for a space."""
    spans = []
    for phrase in phrases:
        for m in _phrase_pattern(phrase).finditer(text):
            spans.append((m.start(), m.end(), phrase))
    return sorted(spans)


@lru_cache(maxsize=512)
def _phrase_pattern(phrase: str) -> re.Pattern:
    tokens = phrase.split()
    body = r"[\s\u200b\u200c\u200d\u2060\ufeff]+".join(re.escape(t) for t in tokens)
    # Unicode-aware word edges: no letter or digit right before or after the occurrence.
    return re.compile(rf"(?<![^\W_]){body}(?![^\W_])")


def _covering(f: Finding, spans: list[tuple[int, int, str]]) -> str | None:
    """The allowed phrase that clears a finding: one whose occurrence contains it, or for
    findings other than boilerplate, one whose occurrence overlaps it."""
    a, b = f.start, max(f.end, f.start + 1)
    for x, y, phrase in spans:
        if x <= f.start and f.end <= y:
            return phrase
        if f.category not in _WITHIN_ONLY and a < y and x < b:
            return phrase
    return None


# ---- path globs ------------------------------------------------------------------------------

def _path_matches(entry: Suppression, path: str | None) -> bool:
    if not entry.paths:
        return True
    if path is None:  # stdin has no path
        return False
    candidates = _candidates(path, entry.root)
    return any(glob_match(g, c) for g in entry.paths for c in candidates)


def _candidates(path: str, root: str) -> list[str]:
    given = Path(path)
    out = [given.as_posix()]
    try:
        rel = os.path.relpath(given.resolve(), Path(root).resolve())
    except ValueError:  # another drive
        rel = None
    if rel is not None and not rel.startswith(".."):
        out.insert(0, Path(rel).as_posix())
    return out


def glob_match(pattern: str, path: str) -> bool:
    """gitignore-like globs: ``*`` within a folder, ``**`` across folders, ``?``, ``[abc]``.

    A pattern without a slash matches the file name in any folder (``*.md``); a pattern ending
    in ``/`` or naming a folder matches everything under it (``wire/``, ``wire``).
    """
    pattern = pattern.strip()
    if pattern.startswith("./"):
        pattern = pattern[2:]
    path = path[2:] if path.startswith("./") else path
    if "/" not in pattern.rstrip("/"):
        name_or_folder = _glob_regex(pattern.rstrip("/"))
        parts = path.split("/")
        return any(name_or_folder.fullmatch(p) for p in parts)
    regex = _glob_regex(pattern.lstrip("/").rstrip("/"))
    if regex.fullmatch(path):
        return True
    # a folder pattern covers what is under it
    parts = path.split("/")
    return any(regex.fullmatch("/".join(parts[:i])) for i in range(1, len(parts)))


@lru_cache(maxsize=256)
def _glob_regex(pattern: str) -> re.Pattern:
    out = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[":
            j = pattern.find("]", i + 2)
            if j == -1:
                out.append(re.escape(c))
                i += 1
            else:
                body = pattern[i + 1:j]
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append("[" + body.replace("\\", "\\\\") + "]")
                i = j + 1
        else:
            out.append(re.escape(c))
            i += 1
    return re.compile("".join(out))
