"""A delete takes only what its evidence covers.

Rules that flag a whole line ("Photo caption or credit line", a "See also ..." line) judge the
line by a phrase or a pattern in it. Where lines are short, the line is the chrome. Where a line is
a paragraph, or a whole article or page without its line breaks, the same rule would delete the
article around the phrase. The engine therefore checks every delete of a rule that did not judge
its span as a whole (the line model and the corpus pass do):

- a span with little article prose in it (fewer than ``PROSE_SENTENCES`` sentences that read like
  prose, and fewer than ``PROSE_WORDS`` words in them) is chrome as a whole and goes whole;
- otherwise the delete is narrowed to the stretches at the span's edges that are not prose (a
  credit or caption closing a paragraph, a label opening it), of at most ``EDGE_WORDS`` words
  each; a span of ``LONG_SPAN`` words or more is never chrome as a whole;
- when no such stretch exists, the finding stays but its fix is marked unsafe: `clean` leaves the
  text alone unless asked for unsafe fixes.

A sentence reads like prose when it ends like a sentence, has at least ``SENTENCE_WORDS`` words,
and (in a script with letter case) at least 40% of its words start lower-case.
"""
from __future__ import annotations

import re
from dataclasses import replace

from auditor.core.document import CJK_SCRIPT, sentence_bounds

PROSE_SENTENCES = 4
PROSE_WORDS = 100
SENTENCE_WORDS = 8
EDGE_WORDS = 60
# A span this long (in words) is never chrome as a whole, whatever its sentences look like.
LONG_SPAN = 120
# Spans shorter than this cannot hold enough prose to matter: they are not examined.
MIN_CHARS = 160

_WORD = re.compile(r"\w+")
_TERMINAL = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")


def is_prose(sentence: str) -> bool:
    if not _TERMINAL.search(sentence) or _length(sentence) < SENTENCE_WORDS:
        return False
    words = _WORD.findall(sentence)
    cased = [w for w in words if w[0].isalpha() and (w[0].islower() or w[0].isupper())]
    if not cased:
        return True
    return sum(1 for w in cased if w[0].islower()) >= 0.4 * len(cased)


def narrow(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """The parts of ``text[start:end]`` that a delete may take: ``[(start, end)]`` when the span is
    chrome as a whole, the non-prose edges otherwise, or None when nothing may go."""
    if end - start < MIN_CHARS:
        return [(start, end)]
    span = text[start:end]
    bounds = sentence_bounds(span)
    prose = [is_prose(span[a:b]) for a, b in bounds]
    prose_words = sum(_length(span[a:b]) for (a, b), p in zip(bounds, prose) if p)
    if sum(prose) < PROSE_SENTENCES and prose_words < PROSE_WORDS and _length(span) < LONG_SPAN:
        return [(start, end)]
    parts = []
    lead = 0
    while lead < len(bounds) and not prose[lead]:
        lead += 1
    tail = len(bounds)
    while tail > lead and not prose[tail - 1]:
        tail -= 1
    if lead and _length(span[bounds[0][0]:bounds[lead - 1][1]]) <= EDGE_WORDS:
        parts.append((bounds[0][0], bounds[lead - 1][1]))
    if tail < len(bounds) and _length(span[bounds[tail][0]:bounds[-1][1]]) <= EDGE_WORDS:
        parts.append((bounds[tail][0], bounds[-1][1]))
    parts = [(start + a, start + b) for a, b in parts if b > a]
    return parts or None


def _length(text: str) -> float:
    """Length in words, CJK text counted as a word per two characters."""
    words = len(_WORD.findall(text))
    if not text.isascii():
        cjk = len(CJK_SCRIPT.findall(text))
        if cjk:
            words += cjk / 2
    return words


def narrow_hit(text: str, hit) -> list:
    """The hit as the engine reports it: unchanged, cut to the chrome at its edges (one hit per
    edge), or with its delete refused (``unsafe`` and ``prose`` set)."""
    rule = hit.rule
    fix = rule.fix
    if (fix is None or fix.action != "delete" or hit.no_fix or hit.whole or hit.prose
            or getattr(rule, "document_level", False) or hit.end - hit.start < MIN_CHARS):
        return [hit]
    parts = narrow(text, hit.start, hit.end)
    if parts is None:
        return [replace(hit, unsafe=True, prose=True)]
    if parts == [(hit.start, hit.end)]:
        return [hit]
    return [replace(hit, start=a, end=b) for a, b in parts]
