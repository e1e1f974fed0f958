"""Mojibake: text decoded with the wrong encoding ("donâ€™t" for "don’t").

ftfy decides what is mojibake and what it should have been; this module only finds the lines
worth asking about (a cheap character test) and turns ftfy's answer into exact spans.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.detectors import Context, Hit

# Characters that mojibake of UTF-8 read as Latin-1 / Windows-1252 nearly always contains.
_SUSPECT = re.compile("[ÃÂâÅÄÐÑ€™œ\u0080-\u009f]")
# Residue ftfy cannot undo (e.g. after NFKC folded ¼ into 1⁄4): flagged without a fix.
_RESIDUE = re.compile("Ã[\u0080-\u00bf1-9]|Â[\u0080-\u00bf]|â€|Ã¼|Ã¶|Ã§|Ä±|ÅŸ|Ä\u009f|Å\u009f|[\u0080-\u009f]")


def _fixed_lines(ctx: Context):
    """Each suspicious line with ftfy's repair, computed once per document."""
    cached = ctx.cache.get("mojibake")
    if cached is not None:
        return cached
    out = []
    # Every suspect character is beyond ASCII: an ASCII text or line has none.
    lines = () if ctx.document.text.isascii() else ctx.document.content_lines
    for line in lines:
        if line.text.isascii() or not _SUSPECT.search(line.text):
            continue
        import ftfy

        fixed = ftfy.fix_encoding(line.text)
        out.append((line, fixed))
    ctx.cache["mojibake"] = out
    return out


# How far ahead the aligner looks for the two texts to agree again: a mojibake sequence is at
# most a few characters per repaired one (more when text was mis-decoded twice).
_MAX_SKIP_BROKEN, _MAX_SKIP_FIXED, _AGREE = 12, 4, 8
_DIFFLIB_LIMIT = 2_000
_NON_ASCII_RUN = re.compile("[^\x00-\x7f]+")


def changed_spans(broken: str, fixed: str) -> Iterator[tuple[int, int, int, int]]:
    """The spans (a1, a2, b1, b2) where ``broken[a1:a2]`` became ``fixed[b1:b2]``, in order.

    Mojibake lives in non-ASCII characters and ftfy leaves ASCII alone, so the two texts nearly
    always share their ASCII skeleton: pairing the non-ASCII runs between the same ASCII pieces
    is exact and linear. difflib would be quadratic on long repetitive lines (seconds for a few
    thousand characters); it only settles a short leftover when the skeletons differ.
    """
    paired = _pair_runs(broken, fixed)
    yield from paired if paired is not None else _walk(broken, fixed)


def _pair_runs(a: str, b: str) -> list[tuple[int, int, int, int]] | None:
    spans = []
    i = j = 0
    for run in _NON_ASCII_RUN.finditer(a):
        gap = a[i:run.start()]
        if not b.startswith(gap, j):
            return None
        i, j = run.start(), j + len(gap)
        m = _NON_ASCII_RUN.match(b, j)
        j_end = m.end() if m else j
        if a[i:run.end()] != b[j:j_end]:
            spans.append(_trimmed(a, b, i, run.end(), j, j_end))
        i, j = run.end(), j_end
    return spans if a[i:] == b[j:] else None


def _trimmed(a: str, b: str, a1: int, a2: int, b1: int, b2: int) -> tuple[int, int, int, int]:
    """Drop the characters a changed run shares at its start and end, keeping a replacement a
    replacement ("Ã¢â‚¬Å“" -> "“" is one edit, not a deletion beside a kept "“")."""
    while a2 - a1 > 1 and b2 - b1 > 1 and a[a1] == b[b1]:
        a1, b1 = a1 + 1, b1 + 1
    while a2 - a1 > 1 and b2 - b1 > 1 and a[a2 - 1] == b[b2 - 1]:
        a2, b2 = a2 - 1, b2 - 1
    return a1, a2, b1, b2


def _walk(broken: str, fixed: str) -> Iterator[tuple[int, int, int, int]]:
    """A greedy walk that re-synchronises after each difference, for the rare other cases."""
    i = j = 0
    n, m = len(broken), len(fixed)
    while i < n and j < m:
        if broken[i] == fixed[j]:
            i += 1
            j += 1
            continue
        resync = _resync(broken, fixed, i, j)
        if resync is None:
            break
        k, l = resync
        yield i, i + k, j, j + l
        i, j = i + k, j + l
    if i < n or j < m:
        if (n - i) + (m - j) <= _DIFFLIB_LIMIT:
            import difflib  # rare: a long stretch the fix rewrote (few runs need the module)

            matcher = difflib.SequenceMatcher(None, broken[i:], fixed[j:], autojunk=False)
            for op, a1, a2, b1, b2 in matcher.get_opcodes():
                if op != "equal":
                    yield i + a1, i + a2, j + b1, j + b2
        else:
            yield i, n, j, m


def _resync(a: str, b: str, i: int, j: int) -> tuple[int, int] | None:
    """The smallest skip (k in a, l in b) after which both texts agree for a while, or None."""
    for total in range(1, _MAX_SKIP_BROKEN + _MAX_SKIP_FIXED + 1):
        for k in range(min(total, _MAX_SKIP_BROKEN), -1, -1):
            l = total - k
            if l > _MAX_SKIP_FIXED:
                break
            rest_a, rest_b = len(a) - i - k, len(b) - j - l
            if rest_a < 0 or rest_b < 0:
                continue
            if rest_a == rest_b == 0:
                return k, l
            # Near the end a short agreement proves little: difflib settles the tail instead.
            if min(rest_a, rest_b) >= _AGREE and a[i + k:i + k + _AGREE] == b[j + l:j + l + _AGREE]:
                return k, l
    return None


def mojibake(ctx: Context, rule):
    for line, fixed in _fixed_lines(ctx):
        if fixed == line.text:
            continue
        for a1, a2, b1, b2 in changed_spans(line.text, fixed):
            if a2 == a1:  # pure insertion: anchor it on the previous character
                a1 = max(0, a1 - 1)
                b1 = max(0, b1 - 1)
            yield Hit(rule, line.start + a1, line.start + a2, {"replacement": fixed[b1:b2]},
                      fix_replacement=fixed[b1:b2])


def mojibake_residue(ctx: Context, rule):
    repaired = {line.index for line, fixed in _fixed_lines(ctx) if fixed != line.text}
    for line, _ in _fixed_lines(ctx):
        if line.index in repaired:
            continue
        for m in _RESIDUE.finditer(line.text):
            yield Hit(rule, line.start + m.start(), line.start + m.end())
