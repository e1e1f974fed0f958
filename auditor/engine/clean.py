"""Findings -> sanitized text and an edit log. Pure functions: no I/O.

``clean_text(text, findings, unsafe=False)`` applies the fixes of one set of findings once.
``clean_document(document, audit_fn, unsafe=False)`` audits, cleans, and audits the cleaned text
again until nothing is left to fix, so that cleaning a cleaned text changes nothing; its edits are
given in the coordinates of the original text.

How fixes become edits (docs/cleaning.md has the full account):

- Only ``safe`` fixes are applied unless ``unsafe`` says otherwise: ``True`` applies every fix,
  a set of fix classes (``{"names", "conventions"}``) the unsafe fixes of those classes.
- Delete spans are merged first (overlapping or touching spans become one). A replace that
  overlaps a delete is dropped (the delete wins); of overlapping replaces the first, then the
  longest, is kept.
- A line whose every visible character is deleted goes as a whole, with its line break. The blank
  lines around deleted lines are collapsed so that the remaining paragraphs are separated as they
  were before: between two kept lines the longest run of blank lines found between them is kept;
  at the start and the end of the text, the blank lines that touch the edge are kept. No run of
  blank lines is ever made longer than one that was there.
- A delete inside a kept line removes just that span, plus the white space it would leave
  doubled or dangling at the line's ends.
"""
from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import dataclass
from typing import Callable, Collection, Iterable

from auditor.core.document import ZERO_WIDTH, Document
from auditor.core.findings import Finding, default_fix_class

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# White space that does not count as a visible character of a line.
_INVISIBLE = " \t\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
             "\u202f\u205f\u3000" + ZERO_WIDTH
_HSPACE = frozenset(_INVISIBLE)
# Cleaning re-audits the cleaned text until no fix is left; deletions only shrink the text, so
# this bound is reached only by rules whose replacements feed each other.
MAX_PASSES = 6
# The rule that says nothing of an article is left once chrome is set aside (BP001).
NO_ARTICLE = "no-article"


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` (``before``) by ``after``; ``code`` names the rule(s), comma-joined."""

    start: int
    end: int
    before: str
    after: str
    code: str

    def to_dict(self, path: str | None = None) -> dict:
        return {"path": path, "code": self.code, "start": self.start, "end": self.end,
                "before": self.before, "after": self.after}


def applies(finding: Finding, unsafe: bool | Collection[str] = False) -> bool:
    """Whether cleaning applies this finding's fix: safe fixes always; unsafe ones when ``unsafe``
    is True, or when it is a collection of fix classes that holds the fix's class."""
    fix = finding.fix
    if fix is None:
        return False
    if fix.safety == "safe" or unsafe is True:
        return True
    if not unsafe:
        return False
    return (fix.fix_class or default_fix_class(finding.category)) in unsafe


def apply_edits(text: str, edits: Iterable[Edit | dict]) -> str:
    """Replay edits (original offsets, not overlapping) on the original text."""
    out, pos = [], 0
    items = sorted(((e["start"], e["end"], e["after"]) if isinstance(e, dict) else (e.start, e.end, e.after))
                   for e in edits)
    for start, end, after in items:
        if start < pos:
            raise ValueError(f"overlapping edits at offset {start}")
        out.append(text[pos:start])
        out.append(after)
        pos = end
    out.append(text[pos:])
    return "".join(out)


# -- one pass ------------------------------------------------------------------------------------

@dataclass(slots=True)
class _Line:
    start: int        # first character of the line
    content_start: int  # first visible character (== content_end for a blank line)
    content_end: int
    end: int          # where the line break starts
    next: int         # after the line break

    @property
    def blank(self) -> bool:
        return self.content_start == self.content_end


def _lines(text: str) -> list[_Line]:
    lines = []
    pos = 0
    breaks = [(m.start(), m.end()) for m in _LINE_BREAK.finditer(text)] + [(len(text), len(text))]
    for end, nxt in breaks:
        raw = text[pos:end]
        left = raw.lstrip(_INVISIBLE)
        cs = pos + len(raw) - len(left)
        ce = cs + len(left.rstrip(_INVISIBLE))
        lines.append(_Line(pos, cs, ce, end, nxt))
        pos = nxt
    return lines


def _merge(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for a, b in sorted(intervals):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


class _Codes:
    """Which findings' spans touch an original range, for naming the rules behind an edit."""

    def __init__(self, spans: list[tuple[int, int, str]]):
        self.spans = sorted(spans)
        self.starts = [s[0] for s in self.spans]
        self.longest = max((b - a for a, b, _ in self.spans), default=0)

    def within(self, a: int, b: int) -> str:
        lo = bisect.bisect_left(self.starts, a - self.longest)
        hi = bisect.bisect_right(self.starts, b)
        codes = sorted({c for s, e, c in self.spans[lo:hi] if s < b and a < e or (s == e and a <= s <= b)})
        return ",".join(codes)


def clean_text(text: str, findings: Iterable[Finding], unsafe: bool | Collection[str] = False) -> tuple[str, list[Edit]]:
    """Apply the fixes of ``findings`` to ``text`` once: the cleaned text and the edits made.

    Edits are sorted, do not overlap, and are given in offsets of ``text``;
    ``apply_edits(text, edits) == cleaned``.
    """
    deletes: list[tuple[int, int]] = []
    replaces: list[tuple[int, int, str, str]] = []
    code_spans: list[tuple[int, int, str]] = []
    n = len(text)
    for f in findings:
        if not applies(f, unsafe):
            continue
        a, b = max(0, f.start), min(n, f.end)
        if f.fix.action == "delete":
            if a < b:
                deletes.append((a, b))
                code_spans.append((a, b, f.code))
        elif f.fix.action == "replace":
            if a <= b and text[a:b] != f.fix.replacement:
                replaces.append((a, b, f.fix.replacement, f.code))
    if not deletes and not replaces:
        return text, []
    deletes = _merge(deletes)
    lines = _lines(text)

    # Which lines go whole, and which kept lines lose inline spans.
    removed_lines: set[int] = set()
    inline: list[tuple[int, int]] = []
    starts = [d[0] for d in deletes]
    for i, line in enumerate(lines):
        if line.blank:
            continue
        cs, ce = line.content_start, line.content_end
        j = max(0, bisect.bisect_right(starts, cs) - 1)
        parts = []
        while j < len(deletes) and deletes[j][0] < ce:
            a, b = deletes[j]
            if b > cs:
                parts.append((max(a, cs), min(b, ce)))
            j += 1
        if not parts:
            continue
        pos, visible = cs, False
        for a, b in parts:
            if text[pos:a].strip(_INVISIBLE):
                visible = True
                break
            pos = max(pos, b)
        if not visible and text[pos:ce].strip(_INVISIBLE):
            visible = True
        if not visible:
            removed_lines.add(i)
        else:
            inline += [_tidy(text, line, a, b) for a, b in _join_spaced(text, parts)]

    removals = _line_removals(lines, removed_lines)
    edits: list[tuple[int, int, str]] = [(a, b, "") for a, b in removals]
    edits += [(a, b, "") for a, b in _merge(inline)]

    # Replacements: a delete wins over a replace it overlaps; of overlapping replaces, keep the first.
    taken = _merge([(a, b) for a, b, _ in edits])
    taken_starts = [t[0] for t in taken]
    chosen: list[tuple[int, int, str, str]] = []
    for a, b, rep, code in sorted(replaces, key=lambda r: (r[0], -(r[1] - r[0]), r[2], r[3])):
        if _overlaps(taken, taken_starts, a, b) or _overlaps(deletes, starts, a, b):
            continue
        if chosen and (a < chosen[-1][1] or (a == b == chosen[-1][0] == chosen[-1][1])):
            continue
        chosen.append((a, b, rep, code))
    edits += [(a, b, rep) for a, b, rep, _ in chosen]
    code_spans += [(a, b, code) for a, b, _, code in chosen]
    codes = _Codes(code_spans)

    edits.sort()
    out: list[Edit] = []
    for a, b, after in edits:
        out.append(Edit(a, b, text[a:b], after, codes.within(a, b)))
    return apply_edits(text, out), out


def _overlaps(intervals: list[tuple[int, int]], starts: list[int], a: int, b: int) -> bool:
    """Whether [a, b) (or the insertion point a == b) overlaps sorted, disjoint ``intervals``."""
    i = bisect.bisect_left(starts, b if b > a else a)
    return i > 0 and intervals[i - 1][1] > a


def _join_spaced(text: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Deletes of one line that only white space separates become one (the labels of a menu run
    into a paragraph go with the spaces between them)."""
    joined = [parts[0]]
    for a, b in parts[1:]:
        if not text[joined[-1][1]:a].strip(_INVISIBLE):
            joined[-1] = (joined[-1][0], max(b, joined[-1][1]))
        else:
            joined.append((a, b))
    return joined


def _tidy(text: str, line: _Line, a: int, b: int) -> tuple[int, int]:
    """Widen an inline delete over the white space it would leave dangling or doubled."""
    if b >= line.content_end:  # the span ends the line: take the white space before it
        while a > line.content_start and text[a - 1] in _HSPACE:
            a -= 1
    elif a <= line.content_start:  # the span starts the line: take the white space after it
        while b < line.content_end and text[b] in _HSPACE:
            b += 1
    elif text[a - 1] in _HSPACE and text[b] in _HSPACE:  # between two spaces: keep one
        while b < line.content_end and text[b] in _HSPACE:
            b += 1
    return a, b


def _line_removals(lines: list[_Line], removed: set[int]) -> list[tuple[int, int]]:
    """Character ranges that go with the removed lines, blank-line runs collapsed as documented."""
    if not removed:
        return []
    n = len(lines)
    drop = [False] * n
    i = 0
    while i < n:
        if not (lines[i].blank or i in removed):
            i += 1
            continue
        j = i
        while j < n and (lines[j].blank or j in removed):
            j += 1
        # stretch [i, j) lies between kept lines (or an edge of the text)
        if any(k in removed for k in range(i, j)):
            keep = _kept_blank_run(lines, removed, i, j, at_start=i == 0, at_end=j == n)
            for k in range(i, j):
                if k not in keep:
                    drop[k] = True
        i = j
    ranges = [(lines[k].start, lines[k].next) for k in range(n) if drop[k]]
    if drop[-1]:
        # The text's last line went: the last line kept now ends the text, without a line break.
        kept = [k for k in range(n) if not drop[k]]
        if kept:
            last = lines[kept[-1]]
            if last.next > last.end:
                ranges.append((last.end, last.next))
    return _merge(ranges)


def _kept_blank_run(lines, removed, i, j, at_start, at_end) -> set[int]:
    if at_start:
        run = set()
        k = i
        while k < j and k not in removed:
            run.add(k)
            k += 1
        return run
    if at_end:
        run = set()
        k = j - 1
        while k >= i and k not in removed:
            run.add(k)
            k -= 1
        return run
    best: list[int] = []
    cur: list[int] = []
    for k in range(i, j):
        if k in removed:
            cur = []
        else:
            cur.append(k)
            if len(cur) > len(best):
                best = list(cur)
    return set(best)


# -- to a fixed point ----------------------------------------------------------------------------

@dataclass
class CleanResult:
    text: str            # the cleaned text
    edits: list[Edit]    # in offsets of the original text; apply_edits(original, edits) == text
    report: object       # the report on the original text (first pass)
    passes: int          # audit-and-clean rounds that changed the text
    settled: bool        # False when MAX_PASSES was reached with fixes still pending

    @property
    def changed(self) -> bool:
        return bool(self.edits)

    @property
    def no_article(self):
        """The document-level "no article" finding of the original text, or None: too little of
        an article is left once its chrome is set aside (cleaning still writes what is left)."""
        for f in getattr(self.report, "findings", ()):
            if f.name == NO_ARTICLE and getattr(f, "scope", "span") == "document":
                return f
        return None


def clean_document(document: Document, audit_fn: Callable[[Document], object], unsafe: bool | Collection[str] = False,
                   max_passes: int = MAX_PASSES) -> CleanResult:
    """Audit and clean until the cleaned text has nothing left to fix.

    ``audit_fn(document) -> Report`` runs the rules (the same ruleset, corpus and options each
    time). The result is a fixed point: cleaning it again changes nothing.
    """
    original = document.text
    report = audit_fn(document)
    first = report
    text = original
    origin = list(range(len(original)))  # original offset of each character, -1 for inserted ones
    inserted_code: dict[int, str] = {}   # position in the current text -> code, for inserted chars
    removed_spans: list[tuple[int, int, str]] = []  # original ranges removed, with their codes
    passes = 0
    settled = False
    for _ in range(max_passes):
        new, edits = clean_text(text, report.findings, unsafe)
        if not edits:
            settled = True
            break
        passes += 1
        new_origin: list[int] = []
        new_inserted: dict[int, str] = {}
        pos = 0
        for e in edits:
            new_origin += origin[pos:e.start]
            for k in range(pos, e.start):
                if k in inserted_code:
                    new_inserted[len(new_origin) - (e.start - k)] = inserted_code[k]
            gone = [o for o in origin[e.start:e.end] if o >= 0]
            if gone:
                removed_spans.append((gone[0], gone[-1] + 1, e.code))
            for ch in e.after:
                new_inserted[len(new_origin)] = e.code
                new_origin.append(-1)
            pos = e.end
        tail_start = len(new_origin)
        new_origin += origin[pos:]
        for k in range(pos, len(text)):
            if k in inserted_code:
                new_inserted[tail_start + k - pos] = inserted_code[k]
        text, origin, inserted_code = new, new_origin, new_inserted
        report = audit_fn(Document(text, id=document.id, path=document.path, meta=document.meta))
    else:
        settled = not clean_text(text, report.findings, unsafe)[1]
    edits = _edits_from_origin(original, text, origin, inserted_code, _Codes(removed_spans))
    return CleanResult(text, edits, first, passes, settled)


def _edits_from_origin(original, text, origin, inserted_code, codes: _Codes) -> list[Edit]:
    edits: list[Edit] = []
    o, i, n = 0, 0, len(text)
    while i < n or o < len(original):
        if i < n and origin[i] == o:
            i += 1
            o += 1
            continue
        j = i
        while j < n and origin[j] < 0:
            j += 1
        nxt = origin[j] if j < n else len(original)
        names = set(filter(None, codes.within(o, nxt).split(","))) if nxt > o else set()
        names |= {inserted_code[k] for k in range(i, j) if k in inserted_code}
        names = {c for name in names for c in name.split(",") if c}
        edits.append(Edit(o, nxt, original[o:nxt], text[i:j], ",".join(sorted(names))))
        i, o = j, nxt
    return edits


def unified_diff(before: str, after: str, name: str) -> str:
    """A unified diff of one document, as ``--diff`` prints it."""
    a = before.splitlines(keepends=True)
    b = after.splitlines(keepends=True)
    label = name.lstrip("/")
    lines = list(difflib.unified_diff(a, b, fromfile=f"a/{label}", tofile=f"b/{label}"))
    out = []
    for line in lines:
        out.append(line)
        if not line.endswith(("\n", "\r")):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)
