"""Documents and their segmentation, with exact character offsets.

Offsets are Python string indexes (code points) into the decoded text, never into a normalized
copy: every finding can be checked with ``text[start:end]``.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
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
# A sentence ends at . ! ? … (with closing quotes or brackets) followed by space and an opener;
# a rule of underscores between them ("... on Friday. ___ Follow AP's coverage at ...", how wire
# copy sets off its closing notes) is part of the gap. A match starts at the closing mark itself
# (one character: the sentence ends just after it) rather than behind a look-behind, because re
# scans ahead in C for a pattern's first character but tries a look-behind at every position.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+(?:_{3,}\s+)?(?=[\"'“‘«(\[]?[A-Z0-9\u00C0-\u024F\u0400-\u04FF])")
# A line this long is a paragraph whose line breaks were lost (or a whole page flattened): chrome
# is judged by its sentences and the runs of labels inside them, not by the line.
LONG_LINE_WORDS = 200
RUN_LABELS = 8  # net labels (labels less 1.5 per lower-case word) that open a sentence as a menu
_OPEN_QUOTES = frozenset("\"“‘«„")
_CLOSE_QUOTES = frozenset("\"”’»")
_TOKEN_SPAN = re.compile(r"\S+")
# A token that starts lower-case (after the quotes and brackets _is_label_token sets aside) is no label.
_LOWER_CASE_TOKEN = re.compile(r"(?<!\S)[\"'“‘«(\[¿¡#@]*[a-z]")
# Each Latin-1 character as white space (" "), a lower-case letter a-z ("l") or anything else ("x").
_TOKEN_START_SHAPE = bytes(ord(" ") if chr(b).isspace() else ord("l") if 97 <= b <= 122 else ord("x")
                           for b in range(256))
# Separators between menu items and widgets: each stands alone as a segment.
_SEPARATORS = frozenset("|•·»›/\\–—-=>‹«")
# Lower-case words that join the capitalised words of one label ("Terms of Service", "Follow us on").
_JOINERS = frozenset("of the and & to on in for at a an with by us our your".split())
_SENTENCE_END_CJK = re.compile(_SENTENCE_END.pattern + r"|[。！？][」』”’）]*\s*(?=\S)")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st sen rep gov gen col lt sgt capt jr sr vs etc inc ltd co corp no u.s u.k e.g i.e "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


@dataclass(frozen=True, slots=True, init=False)
class Span:
    """A stretch of the document: ``text[start:end]``; ``start``/``end`` trim edge white space."""

    index: int
    start: int
    end: int
    text: str
    # What the span is of its line (``segments``): the whole "line", a "sentence" of a long line,
    # a "label" of a sentence made of labels (a menu), or a "lead" label that opens a sentence.
    part: str = "line"

    def __init__(self, index: int, start: int, end: int, text: str, part: str = "line"):
        # A document makes dozens of spans: its slots are filled through their descriptors, at
        # about half the cost of the object.__setattr__ calls of a frozen dataclass's own __init__.
        _SET_INDEX(self, index)
        _SET_START(self, start)
        _SET_END(self, end)
        _SET_TEXT(self, text)
        _SET_PART(self, part)

    @property
    def is_blank(self) -> bool:
        return self.start == self.end


_SET_INDEX, _SET_START, _SET_END, _SET_TEXT, _SET_PART = (
    Span.__dict__[name].__set__ for name in ("index", "start", "end", "text", "part"))


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
                end = m.start() + 1  # just after the closing mark
                head = line.text[begin:end]
                words = head.rstrip(".").rsplit(None, 1)  # none when the head is only dots ("...")
                last = words[-1].lower() if words else ""
                if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
                    continue
                sentences.append(self._span(len(sentences), line.start + begin, line.start + end))
                begin = m.end()
            if begin < len(line.text):
                sentences.append(self._span(len(sentences), line.start + begin, line.end))
        return sentences

    @cached_property
    def segments(self) -> list[Span]:
        """The units in which chrome is judged: every non-blank line, and in place of a long line
        (``LONG_LINE_WORDS`` words or more: a paragraph or a page without its line breaks) its
        sentences, with the runs of labels that open them (menus, widget captions, a headline run
        into the first sentence) cut into one segment per label. ``index`` is the line's index."""
        split = self.split_lines
        if not split:
            return self.content_lines
        out: list[Span] = []
        for line in self.content_lines:
            out.extend(split.get(line.index, (line,)))
        return out

    @cached_property
    def judged_lines(self) -> list[Span]:
        """What rules that judge a whole line read: every non-blank line, and in place of a long
        line its sentences (its runs of labels are the line model's)."""
        if not self.split_lines:
            return self.content_lines
        return [s for s in self.segments if s.part in ("line", "sentence")]

    @cached_property
    def split_lines(self) -> dict[int, list[Span]]:
        """The segments of each long line, by the line's index (empty when no line is long): rules
        that judge a whole line judge these in its place."""
        long_lines = Counter(line.text for line in self.content_lines if len(line.text) >= LONG_LINE_WORDS * 4)
        if not long_lines:
            return {}
        split: dict[int, list[Span]] = {}
        for line in self.content_lines:
            if (len(line.text) < LONG_LINE_WORDS * 4 or long_lines[line.text] > 1
                    or _units(line.text) < LONG_LINE_WORDS):
                continue  # a long line printed twice stays whole: copies of the body
            split[line.index] = [Span(line.index, line.start + c, line.start + d, line.text[c:d], part)
                                 for a, b in sentence_bounds(line.text)
                                 for c, d, part in _label_runs(line.text, a, b)]
        return split

    def _span(self, index: int, a: int, b: int) -> Span:
        return Span(index, a, b, self.text[a:b])

    @cached_property
    def words(self) -> int:
        # No word spans a line break, and lines lose only white space at their edges: one pass
        # over the whole text counts what the lines hold.
        return count_words(self.text)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        i = bisect.bisect_right(self.line_starts, offset) - 1
        return i + 1, offset - self.line_starts[i] + 1

    @cached_property
    def title(self) -> Span | None:
        lines = self.content_lines
        return lines[0] if lines else None


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of one line (Chinese and Japanese end theirs without a space)."""
    bounds = []
    begin = 0
    ends = _SENTENCE_END if text.isascii() else _SENTENCE_END_CJK
    for m in ends.finditer(text):
        end = m.start() + 1  # just after the closing mark
        head = text[begin:end]
        words = head.rstrip(".").rsplit(None, 1)  # none when the head is only dots ("...")
        last = words[-1].lower() if words else ""
        if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
            continue
        if end > begin:
            bounds.append((begin, end))
        begin = m.end()
    if begin < len(text):
        bounds.append((begin, len(text.rstrip())))
    return bounds


def _is_label_token(token: str) -> bool:
    """A token of a label or menu item: it starts upper-case, with a digit or a symbol. Words of
    scripts without letter case (Arabic, Chinese ...) never look like labels."""
    first = token.lstrip("\"'“‘«([¿¡#@")[:1]
    if not first:
        return True
    if first.isalpha():
        return first.isupper()
    return True


def _label_runs(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """One sentence ``text[a:b]`` cut where a run of labels opens it: each label its own segment,
    then the sentence proper (from its first capitalised word after the run).

    The run is the prefix where labels outweigh lower-case words most (a lower-case word counts
    one and a half against a label), ending before a capitalised word; it is cut off when it
    holds at least ``RUN_LABELS`` labels more than that. Separators ("|", "»", "•") stand alone."""
    # The score rises by at most one a token: once what is left cannot lift it to RUN_LABELS, the
    # sentence has no run of labels (most sentences are settled within their first few words).
    sentence = text[a:b]
    latin1 = is_latin1(sentence)
    # Too few tokens that may be labels to make a run, counted in C: the first token and those
    # that open with anything but a lower-case letter. Latin-1 text byte by byte (a token after a
    # quote or a bracket is counted too: a bound a little looser than the expression's below, at a
    # tenth of its cost), other text by the expression.
    if latin1 and sentence.encode("latin-1").translate(_TOKEN_START_SHAPE).count(b" x") + 1 < RUN_LABELS:
        return [(a, b, "sentence")]
    words = sentence.split()  # the same tokens as _TOKEN_SPAN finds, without their offsets
    if not latin1 and len(words) - len(_LOWER_CASE_TOKEN.findall(text, a, b)) < RUN_LABELS:
        return [(a, b, "sentence")]
    left = len(words)
    best, cut, score = 0.0, 0, 0.0
    for k, token in enumerate(words):
        label = _is_label_token(token)
        if k and score > best and label and token[:1].isalpha():
            best, cut = score, k
        if token[0] in _OPEN_QUOTES or token.rstrip(",.;:")[-1:] in _CLOSE_QUOTES:
            score -= 1.5  # a quoted title is the sentence's own, never a menu item
        else:
            score += (0.5 if token.endswith(",") else 1.0) if label else -1.5
        left -= 1
        if best < RUN_LABELS and score + left < RUN_LABELS:
            return [(a, b, "sentence")]
    if best < RUN_LABELS or cut == 0:
        return [(a, b, "sentence")]
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN_SPAN.finditer(text, a, b)]
    # The sentence proper starts with the capitalised words just before the cut ("The New York
    # State Attorney General (NYAG) is ..."): back up to the separator, colon or bracket before them
    # when there is one within a few words.
    back = cut
    while back > 0 and cut - back < 6 and _is_label_token(tokens[back - 1][2]) \
            and tokens[back - 1][2][-1] not in ":)],;" and tokens[back - 1][2] not in _SEPARATORS:
        back -= 1
    if back > 0 and (tokens[back - 1][2][-1] in ":)],;" or tokens[back - 1][2] in _SEPARATORS):
        cut = back
    rest = tokens[cut:]
    if sum(1 for t in rest if not _is_label_token(t[2])) < 0.3 * len(rest):
        cut = len(tokens)  # the whole sentence is labels
    if _table_like(tokens[:cut]):
        return [(a, b, "sentence")]  # rows of a table (cells between bars, figures): the article's data, kept as one
    out: list[tuple[int, int, str]] = []
    part = "lead" if cut < len(tokens) else "label"
    item_start = None
    previous = ""
    for k in range(cut):
        start, end, token = tokens[k]
        if token in _SEPARATORS or (len(token) == 1 and not token.isalnum()):
            if item_start is not None:
                out.append((item_start, tokens[k - 1][1], part))
            out.append((start, end, part))
            item_start, previous = None, ""
            continue
        opens = _is_label_token(token) and previous.lower() not in _JOINERS and not previous.endswith(("-", "&"))
        if item_start is not None and opens:
            out.append((item_start, tokens[k - 1][1], part))
            item_start = None
        if item_start is None:
            item_start = start
        previous = token
    if item_start is not None:
        out.append((item_start, tokens[cut - 1][1], part))
    if cut < len(tokens):
        out.append((tokens[cut][0], b, "sentence"))
    return out


def _table_like(tokens: list) -> bool:
    """Cells between bars with figures in them: a table's rows printed on one line."""
    bars = sum(1 for t in tokens if t[2] == "|")
    cells = [t for t in tokens if t[2] != "|"]
    figures = sum(1 for t in cells if any(c.isdigit() for c in t[2]))
    return bars >= 4 and figures >= 0.25 * max(len(cells), 1)


def character_class(codes) -> str:
    """A regular expression's character class of these code points, as ranges (a class of single
    characters takes re.compile far longer)."""
    ranges: list[list[int]] = []
    for code in sorted(codes):
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "[" + "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                         for a, b in ranges) + "]"


# Counting _WORD's matches in C: a word is a run of word characters (\w), and a joiner (’ ' -)
# between two runs makes them one. Typographic punctuation beyond ASCII (none of it a word
# character) is set aside as a space first, so that most articles are ASCII to this count.
_WORD_CHAR = re.compile(r"\w")
_TYPOGRAPHIC = re.compile(character_class(
    c for c in (*range(0x80, 0xC0), *range(0x2000, 0x2070)) if c != 0x2019 and not _WORD_CHAR.match(chr(c))))
# Each Latin-1 character (ASCII and U+0080-U+00FF, one byte each) as a: a word character,
# j: a joiner, or a space.
_WORD_SHAPE = bytes(ord("a") if _WORD_CHAR.match(chr(b)) else ord("j") if chr(b) in "'-" else ord(" ")
                    for b in range(256))


# Chinese, Japanese and Korean script (kana, CJK ideographs, Hangul syllables).
CJK_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def _units(text: str) -> float:
    """Length in words, text in Chinese, Japanese or Korean script counted a word per two characters."""
    words = count_words(text)
    return words if text.isascii() else words + len(CJK_SCRIPT.findall(text)) / 2


def is_latin1(text: str) -> bool:
    """Whether every character of the text is below U+0100 (ASCII, and Latin-1's letters and
    signs: "é", "£"): told in C, with no Python loop over the characters (``max(text)`` has one)."""
    return text.isascii() or len(text.encode("latin-1", "ignore")) == len(text)


def count_words(text: str) -> int:
    """``len(_WORD.findall(text))``, counted in C whenever the text is Latin-1 (each character one
    byte) or ASCII once its typographic punctuation is set aside (the regular expression counts the rest)."""
    if not text.isascii() and is_latin1(text):
        return _count_shaped(text.encode("latin-1").translate(_WORD_SHAPE))
    if not text.isascii():
        text = text.replace("\u2019", "'")  # a joiner either way
        if not text.isascii():
            text = _TYPOGRAPHIC.sub(" ", text)
            if not text.isascii():
                return len(_WORD.findall(text))
    return _count_shaped(text.encode("ascii").translate(_WORD_SHAPE))


def _count_shaped(shape: bytes) -> int:
    """The words of a text given as its characters' shapes (``_WORD_SHAPE``)."""
    # A word starts at a run of word characters that no joiner ties to the run before it: at the
    # text's start or after a space, or after a joiner that itself follows no run ("-", "--").
    return (shape.count(b" a") + shape.count(b" ja") + shape.count(b"jja")
            + shape.startswith(b"a") + shape.startswith(b"ja"))


def word_spans(text: str):
    return _WORD.finditer(text)
