"""Documents and their segmentation, with exact character offsets.

Offsets are Python string indexes (code points) into the decoded text, never into a normalized
copy: every finding can be checked with ``text[start:end]``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate

# A line ends at \n, \r\n or \r, and nowhere else (str.splitlines also splits on \x0b, \u2028 ...).
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# White space as scraped text has it: Unicode spaces plus the zero-width characters that
# str.isspace() does not count but that render as nothing.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_EDGE_SPACE = " \t\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000" + ZERO_WIDTH
_WORD = re.compile(r"\w+(?:[’'\-]\w+)*")
# A sentence ends at . ! ? … (with closing quotes or brackets) followed by space and an opener.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’»)\]]*\s+(?=[\"'“‘«(\[]?[A-Z0-9\u00C0-\u024F\u0400-\u04FF])")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st sen rep gov gen col lt sgt capt jr sr vs etc inc ltd co corp no u.s u.k e.g i.e "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the document: ``text[start:end]``; ``start``/``end`` trim edge white space."""

    index: int
    start: int
    end: int
    text: str

    @property
    def is_blank(self) -> bool:
        return self.start == self.end


@dataclass
class Document:
    """One article: its decoded text and where it came from."""

    text: str
    id: str = "stdin"
    path: str | None = None
    meta: dict = field(default_factory=dict)

    @cached_property
    def line_starts(self) -> list[int]:
        return [0] + [m.end() for m in _LINE_BREAK.finditer(self.text)]

    def _raw_lines(self) -> list[tuple[int, str]]:
        """(start, text) of each line without its break."""
        text = self.text
        if "\r" not in text:  # the common case: split in C, starts from the lengths
            raws = text.split("\n")
            starts = [0, *accumulate(len(raw) + 1 for raw in raws[:-1])]
            self.__dict__.setdefault("line_starts", starts)
            return list(zip(starts, raws))
        starts = self.line_starts
        ends = [m.start() for m in _LINE_BREAK.finditer(text)] + [len(text)]
        return [(a, text[a:b]) for a, b in zip(starts, ends)]

    @cached_property
    def lines(self) -> list[Span]:
        """Every line, trimmed of edge white space (a blank line has start == end)."""
        spans = []
        for i, (a, raw) in enumerate(self._raw_lines()):
            stripped_left = raw.lstrip(_EDGE_SPACE)
            s = a + (len(raw) - len(stripped_left))
            content = stripped_left.rstrip(_EDGE_SPACE)
            spans.append(Span(i, s, s + len(content), content))
        return spans

    @cached_property
    def content_lines(self) -> list[Span]:
        return [line for line in self.lines if not line.is_blank]

    @cached_property
    def paragraphs(self) -> list[Span]:
        """Runs of non-blank lines between blank lines."""
        paragraphs: list[Span] = []
        run: list[Span] = []
        for line in self.lines + [Span(-1, 0, 0, "")]:
            if line.is_blank:
                if run:
                    a, b = run[0].start, run[-1].end
                    paragraphs.append(Span(len(paragraphs), a, b, self.text[a:b]))
                    run = []
            else:
                run.append(line)
        return paragraphs

    @cached_property
    def sentences(self) -> list[Span]:
        sentences: list[Span] = []
        for line in self.content_lines:
            begin = 0
            for m in _SENTENCE_END.finditer(line.text):
                head = line.text[begin:m.start()]
                words = head.rstrip(".").rsplit(None, 1)  # none when the head is only dots ("...")
                last = words[-1].lower() if words else ""
                if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
                    continue
                sentences.append(self._span(len(sentences), line.start + begin, line.start + m.start()))
                begin = m.end()
            if begin < len(line.text):
                sentences.append(self._span(len(sentences), line.start + begin, line.end))
        return sentences

    def _span(self, index: int, a: int, b: int) -> Span:
        return Span(index, a, b, self.text[a:b])

    @cached_property
    def words(self) -> int:
        # No word spans a line break, and lines lose only white space at their edges: one pass
        # over the whole text counts what the lines hold.
        return len(_WORD.findall(self.text))

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        i = bisect.bisect_right(self.line_starts, offset) - 1
        return i + 1, offset - self.line_starts[i] + 1

    @cached_property
    def title(self) -> Span | None:
        lines = self.content_lines
        return lines[0] if lines else None


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def word_spans(text: str):
    return _WORD.finditer(text)
