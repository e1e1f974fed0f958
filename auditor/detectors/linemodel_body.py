"""The line model in context: blocks, copies and the article body, from the lines' shapes.

``revise(infos, settings)`` gives each line a verdict ("" to keep it, else the reason it is
chrome) and a confidence, in the order the steps below are listed in ``revise``. Every count,
share and confidence comes from ``ModelSettings``: the ``model`` options of the rules in
rules/boilerplate/line-model.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import partial

from auditor.detectors.linemodel_shape import (
    ASSET_URL, DATA, OPENING_WORDS, SECTION_BREAK, LineInfo, data_row, headline_like, is_label, line_key, menu_item, menu_like,
    structured_items,
)


@dataclass(frozen=True)
class ModelSettings:
    """The line model's thresholds and confidences (the ``model`` options of its rules)."""

    # blocks
    min_block: int            # runs of at least this many short lines are judged as a block
    teaser_min: int           # this many excerpts ending in an ellipsis ...
    teaser_spread: float      # ... of nearly one length (relative spread) are teasers
    teaser_many: int          # ... and so are this many, whatever their lengths
    copy_run: int             # this many paragraphs in a row printed again: a second copy of the body
    glued_words: int          # a line this long that starts with an earlier paragraph: the body glued
    link_run: float           # share of bare links that makes a run of short lines a link list
    headline_run: float       # share of headlines that makes a run a headline list ...
    headline_run_enclosed: float  # ... and the share needed inside the article's paragraphs
    menu_run: float           # share of menu items that makes a run outside the body a menu
    long_menu_run: float      # share of menu items that makes a long run a menu anywhere
    # the body of a whole page's text
    short_score: float        # a short line's cost when finding the body (a run costs 1x, 2x, 3x ...)
    anchor_window: int        # the body begins within this many lines of the repeated headline ...
    anchor_body: float        # ... which is trusted when at least this much body text follows it ...
    anchor_best: float        # ... or this share of the best stretch anywhere
    title_overlap: float      # share of a line's words from the headline, for it to repeat the headline
    title_cover: float        # share of the headline's words such a line must carry
    noisy_head: int           # this many menu lines before the article: a whole page's text
    noisy_head_anchored: int  # ... or this many before a repeated headline
    noisy_tail: int           # ... or at least one before and this many after the body
    segment_item: float       # what a label cut from a long line counts for in those three counts
    segment_run: float        # ... and in a run of chrome when finding the body
    feed_cards: int           # this many paragraphs in a row, each after 2+ lines of its own: a feed ...
    feed_body: int            # ... once this many paragraphs of the article came before it
    near_body: int            # a paragraph this close to the body is kept even across chrome
    list_min_items: int       # numbered items in sequence after the body continue it ...
    list_item_lines: int      # ... each followed by at most this many lines of its own
    # confidence of each verdict
    teaser: float
    repeated: float
    link_list: float
    headline_list: float
    menu_block: float
    long_menu_block: float
    outside_line: float
    outside_paragraph: float
    non_text: float
    comment_section: float
    info_below: float         # verdicts less confident than this are reported as info

    @classmethod
    def from_options(cls, options: dict) -> "ModelSettings":
        """Read the ``model`` options (groups of named values); ValueError names what is wrong."""
        model = options.get("model") if isinstance(options, dict) else None
        if not isinstance(model, dict):
            raise ValueError("the line model's rules need options: {model: {...}} (see line-model.yaml)")
        values: dict = {}
        for group, entries in model.items():
            if not isinstance(entries, dict):
                values[group] = entries
                continue
            values.update(entries)
        known = {f.name: f.type for f in fields(cls)}
        unknown = sorted(set(values) - set(known))
        missing = sorted(set(known) - set(values))
        if unknown or missing:
            raise ValueError("line model options: " + "; ".join(
                part for part in (f"unknown {', '.join(unknown)}" if unknown else "",
                                  f"missing {', '.join(missing)}" if missing else "") if part))
        for name, value in values.items():
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ValueError(f"line model option {name}: a number is needed, got {value!r}")
            if known[name] == "int" and value != int(value):
                raise ValueError(f"line model option {name}: a whole number is needed, got {value!r}")
        return cls(**{name: int(v) if known[name] == "int" else float(v) for name, v in values.items()})


def _title_anchor(infos: list[LineInfo], settings: ModelSettings) -> int:
    """The line that repeats the headline (the article's own heading in a whole page's text), or 0.
    In a page without line breaks the headline is the run of labels that opens it, and its copy
    is a run of labels too: the anchor is the last label of that copy."""
    opening = _opening_labels(infos) if infos[0].segment and infos[0].part != "sentence" else 1
    title = set(t for info in infos[:opening] for t in info.tokens)
    if len(title) < 3:
        return 0
    for info in infos[opening:]:
        if info.words < 3 or info.words > 2 * len(title):
            continue
        if _repeats_title(info.tokens, title, settings):
            return info.pos
    return _title_copy(infos, opening, title, settings) if opening > 1 else 0


def _repeats_title(tokens: list, title: set, settings: ModelSettings) -> bool:
    shared = sum(1 for t in tokens if t in title)
    return shared >= settings.title_overlap * len(tokens) and shared >= settings.title_cover * len(title)


TITLE_WORDS = 24  # the labels opening a page without line breaks are its headline up to this many words


def _opening_labels(infos: list[LineInfo]) -> int:
    """How many labels open a page without line breaks before a separator or a sentence."""
    words = 0
    for k, info in enumerate(infos):
        if info.part == "sentence" or info.kind == "bad" or words + info.words > TITLE_WORDS:
            return k
        words += info.words
    return len(infos)


def _title_copy(infos: list[LineInfo], opening: int, title: set, settings: ModelSettings) -> int:
    """The last label of a run of labels, after the opening, that repeats the headline (0: none)."""
    for k in range(opening, len(infos)):
        info = infos[k]
        if info.part == "sentence" or not info.tokens or info.tokens[0] not in title:
            continue
        tokens: list = []
        for m in range(k, min(len(infos), k + 2 * len(title))):
            if infos[m].part == "sentence" or infos[m].kind == "bad":
                break
            tokens += infos[m].tokens
            if len(tokens) > 2 * len(title):
                break
            if len(tokens) >= 3 and _repeats_title(tokens, title, settings):
                return m
    return 0


def _body_segment(infos: list[LineInfo], score, start: int = 1,
                  latest: int | None = None, label_weight: float = 1.0) -> tuple[int, int, float]:
    """The stretch of lines with the largest total score (maximum subarray): the article body.

    Each further line of an uninterrupted run of chrome costs more than the one before, so the
    body bridges a caption or an advert but not a menu or a footer. With ``latest``, the
    stretch must begin by that line (the article follows its headline closely). A label cut from
    a long line is part of a menu item or a caption: it counts ``label_weight`` of a line.
    """
    best, best_a, best_b = 0.0, start, start - 1
    total, a, run = 0.0, start, 0.0
    for k in range(start, len(infos)):
        info = infos[k]
        value = score(info)
        if value < 0:
            weight = label_weight if info.segment and info.words < 5 else 1.0
            run += weight
            value *= run * weight
        else:
            run = 0.0
        if total <= 0 and (latest is None or k <= latest):
            total, a = 0.0, k
        total += value
        if total > best:
            best, best_a, best_b = total, a, k
    return best_a, best_b, best


def _run_on(info: LineInfo) -> bool:
    """A "sentence" of a long line this long (or this long without an end): headlines run together."""
    return info.segment and info.units >= (RUN_ON_WORDS if not info.terminal else RUN_ON_SENTENCE)


def _line_score(info: LineInfo, short_score: float) -> float:
    if info.verdict or info.chrome:
        return -2.0 - info.units / 4
    if _run_on(info):
        return -info.units / 8
    kind = info.kind
    if headline_like(info):
        return -2.0
    if kind == "good":
        return info.units if info.terminal else info.units / 4
    if kind == "near":
        return info.units / 2 if info.terminal else -1.0
    if kind == "short":
        return 0.5 if info.table or data_row(info) else short_score
    return -3.0


def _judge_run(run: list[LineInfo], enclosed: bool, noisy: bool, mark, settings: ModelSettings) -> None:
    """A run of short lines as a block: a list of headlines, a menu, or the article's own lines."""
    if not run or sum(1 for i in run if i.table) >= len(run) / 2 or structured_items(run):
        return
    s = settings
    links = sum(1 for i in run if i.urls and i.kind == "bad")
    if len(run) >= 2 and links >= s.link_run * len(run):  # "Listen: http://…", "Download: http://…"
        for i in run:
            mark(i.pos, "short-block", s.link_list)
        return
    headlines = sum(1 for i in run if headline_like(i))
    tiny = sum(1 for i in run if menu_item(i) and (noisy or menu_like(i)))
    # In an extractor's output, title-case lines that mostly carry figures are the article's own
    # data (the prices of a deals post, the dates of a schedule), not links to other stories.
    figures = sum(1 for i in run if _FIGURE.search(i.text))
    if (noisy or figures < len(run) / 2) and (
            len(run) >= 2 and headlines >= max(2, s.headline_run * len(run)) and (noisy or not enclosed)
            or len(run) >= 3 and headlines >= s.headline_run_enclosed * len(run)):
        for i in run:
            mark(i.pos, "headline-list", s.headline_list)
    elif len(run) >= s.min_block and tiny >= s.menu_run * len(run) and not enclosed:
        for i in run:
            mark(i.pos, "short-block", s.menu_block)
    elif len(run) >= 2 * s.min_block and tiny >= s.long_menu_run * len(run):
        for i in run:
            mark(i.pos, "short-block", s.long_menu_block)


# A price, a time, a date or a measure ("$39.99", "4PM", "2018.04.05", "35%"); a bare year or count
# ("2019 Awards", "15 Fun Facts") is common in headlines too.
_FIGURE = re.compile(r"[$€£¥]\s?\d|\d[.,:/]\d|\d\s?(?:[ap]\.?m\b|AM\b|PM\b|%)", re.I)
# A story card's date stamp: "Tuesday November 19, 2019", "Nov. 19, 2019", "3H ago", "5 hours ago".
_CARD_STAMP = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s\d{1,2},?\s(?:19|20)\d\d\b"
    r"|\b\d{1,2}\s?(?:[hmd]|hrs?|hours?|mins?|minutes?|days?)\s+ago\b", re.I)
CARD_OPENING = 160  # characters of a sentence where a card's stamp stands
# A time stamp on a card: a year, a clock time, "3h", "5 hours ago".
_TIMEISH = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}[:.]\d\d\b|\b\d+\s?[hmd]\b|\bago\b", re.I)


def _card_line(info: LineInfo) -> bool:
    """A story card's headline or time stamp."""
    return headline_like(info) or (info.words <= 6 and bool(_TIMEISH.search(info.text)))


_ENUMERATOR = re.compile(r"^\s*(?:#|No\.?\s*)?(\d{1,3})\s*[.):]\s*\S")


def _numbered_list_end(infos: list[LineInfo], a: int, b: int, settings: ModelSettings) -> int:
    """Where the body ends when a numbered list continues it ("1) ...", "2) ...", "3) ...").

    Listicles and shopping roundups put their items, each with a line or two of its own, after
    the last paragraph. Items numbered in sequence from 1 (or on from an item in the body) are
    the article's; the list ends where the numbering stops.
    """
    expected, last, gaps = None, None, []
    for k in range(b, a - 1, -1):  # a list that starts inside the body goes on after it
        m = _ENUMERATOR.match(infos[k].text)
        if m:
            expected, last = int(m.group(1)) + 1, k
            break
    items = 0
    for k in range(b + 1, len(infos)):
        m = _ENUMERATOR.match(infos[k].text)
        number = int(m.group(1)) if m else None
        if number is not None and (number == expected or (expected is None and number == 1 and k - b <= 2)):
            if last is not None:
                gaps.append(k - last)
            expected, last, items = number + 1, k, items + 1
        elif last is None or k - last > settings.list_item_lines:
            break
    if items < settings.list_min_items or last is None or last <= b:
        return b
    stride = min(gaps) if gaps else 1  # the last item keeps as many lines as the others
    return min(len(infos) - 1, last + stride - 1)


def _before_feed(infos: list[LineInfo], kinds: list[str], a: int, b: int, settings: ModelSettings) -> int:
    """Where the body ends when a feed of story cards follows it inside the stretch.

    A card is a paragraph (the teaser) after two or more lines of its own, one of them a time
    stamp (headline, author, date); several cards in a row after the article's own paragraphs are
    a "more stories" feed.
    An article that is itself made of such entries (a live blog) keeps them.
    """
    goods = [k for k in range(a, b + 1) if kinds[k] == "good" and not infos[k].verdict]
    cards = []
    previous = a - 1
    for k in goods:
        between = infos[previous + 1:k]
        cards.append(len(between) >= 2 and any(i.words <= 6 and _TIMEISH.search(i.text) for i in between)
                     # without line breaks, the card's headline, author and date open its "sentence"
                     or infos[k].segment and _CARD_STAMP.search(infos[k].text, 0, CARD_OPENING) is not None)
        previous = k
    feed = settings.feed_cards
    for i in range(settings.feed_body, len(goods) - feed + 1):
        if all(cards[i:i + feed]) and not any(cards[:i]):
            return goods[i - 1]
    return b


# A list right after the body is the article's when one of its first labels ends with a colon.
LIST_INTRO = 8
LIST_TAIL = 4  # labels after the last item with figures or commas that may still belong to the list
# Share of labels with figures or list punctuation that makes labels of a long line a written list.
WRITTEN_DATA = 0.2
# Without menus around the article, a label printed this many times heads sections of its own.
TEMPLATE_COPIES = 3
# A sentence of a long line with this many words and no sentence end is a feed of headlines.
RUN_ON_WORDS = 40
RUN_ON_SENTENCE = 120  # ... and so is one of this many words, whatever its end


# -- the steps of the revision -------------------------------------------------------------------

@dataclass
class _Page:
    """The lines being judged, and where the article body lies once it is found."""

    infos: list[LineInfo]
    kinds: list[str]
    settings: ModelSettings
    start: int = 0       # the best-scoring stretch: the body of a whole page's text
    end: int = -1
    anchor: int = 0      # the line that repeats the headline (0: none)
    head: float = 0      # menu items before the first paragraph (labels of a long line count less)
    tail: float = 0      # menu-like lines after the body
    noisy: bool = False  # a whole page's text (menus around the article)
    inside: list = None  # per line: within the article (its paragraphs and a closing numbered list)
    listed: list = None  # per line: an item of the numbered list that closes the article

    @property
    def n(self) -> int:
        return len(self.infos)

    def mark(self, k: int, reason: str, confidence: float) -> None:
        """Give line k a verdict, unless it is the headline, already judged, or another rule's."""
        info = self.infos[k]
        if k == 0 or info.verdict or info.chrome:
            return
        info.verdict, info.confidence = reason, confidence


def _mark_teasers(page: _Page) -> None:
    """Excerpts that a publishing system cut to one length and ended with an ellipsis."""
    s, infos = page.settings, page.infos
    teasers = [k for k in range(1, page.n) if infos[k].ellipsis and page.kinds[k] in ("good", "near")]
    if len(teasers) < s.teaser_min:
        return
    lengths = [len(infos[k].text) for k in teasers]
    mean = sum(lengths) / len(lengths)
    spread = (sum((x - mean) ** 2 for x in lengths) / len(lengths)) ** 0.5 / mean
    if spread <= s.teaser_spread or len(teasers) >= s.teaser_many:
        for k in teasers:
            page.mark(k, "teaser", s.teaser)


def _find_copies(page: _Page) -> list[int]:
    """Paragraphs printed again: exact copies (returned, judged later), and long lines that start
    like an earlier paragraph and run on (the body glued together: marked now)."""
    infos, s = page.infos, page.settings
    openings: dict[tuple, int] = {}
    copies: list[int] = []  # exact copies: page text prints them twice, an article rarely does
    for k in range(1, page.n):
        tokens = infos[k].tokens
        if len(tokens) < OPENING_WORDS:
            continue
        key = tuple(tokens[:OPENING_WORDS])
        first = openings.get(key)
        if first is None:
            openings[key] = k
        elif (len(tokens) >= max(s.glued_words, 2 * len(infos[first].tokens))
              and tokens[:len(infos[first].tokens)] == infos[first].tokens):
            page.mark(k, "repeated", s.repeated)
        elif tokens == infos[first].tokens:
            copies.append(k)
    return copies


def _locate_body(page: _Page) -> None:
    """The best stretch after the repeated headline (when the rest of the page follows it), else
    the best stretch anywhere; then whether menus around it make this a whole page's text."""
    infos, kinds, s, n = page.infos, page.kinds, page.settings, page.n
    score = partial(_line_score, short_score=s.short_score)
    a, b, best = _body_segment(infos, score, label_weight=s.segment_run)
    anchor = _title_anchor(infos, s)
    if anchor:
        a1, b1, best1 = _body_segment(infos, score, anchor + 1, anchor + s.anchor_window, s.segment_run)
        if best1 >= min(s.anchor_best * best, s.anchor_body):
            # The best stretch anywhere, when it lies after the headline too, is the rest of the
            # article beyond a gallery or an advert.
            a, b = a1, max(b1, b) if a > anchor else b1
        else:
            anchor = 0
    # Navigation comes before the article: count menu items before its first paragraph.
    first = next((k for k in range(anchor + 1, a) if kinds[k] == "good" and infos[k].terminal
                  and not infos[k].verdict), a)
    # A page without line breaks prints each menu item as one or more labels: they count less.
    weight = [s.segment_item if info.segment else 1.0 for info in infos]
    page.head = sum(weight[k] for k in range(1, first) if menu_item(infos[k]))
    page.tail = sum(weight[k] for k in range(b + 1, n) if menu_like(infos[k]))
    # A whole page's text: navigation before the body, or a long footer after it.
    page.noisy = (page.head >= s.noisy_head or (page.head >= 1 and page.tail >= s.noisy_tail)
                  or (anchor > 0 and page.head >= s.noisy_head_anchored))
    page.start, page.end, page.anchor = a, b, anchor


def _judge_copies(page: _Page, copies: list[int]) -> None:
    """Copies go in a whole page's text, or when the body is printed again: several paragraphs in
    a row that all repeat earlier ones. A single repeated paragraph (a pull quote, a recipe step
    shared by two menus) stays in an extractor's output."""
    infos, s = page.infos, page.settings
    copied = set(copies)
    streak: list[int] = []
    for k in [k for k in range(1, page.n) if page.kinds[k] == "good"] + [page.n]:
        if k in copied:
            streak.append(k)
            continue
        if len(streak) >= s.copy_run:
            for m in set(streak):
                infos[m].verdict = ""
                page.mark(m, "repeated", s.repeated)
        streak = []
    for k in copies:
        if infos[k].verdict == "copy":
            infos[k].verdict = ""
            if page.noisy:
                page.mark(k, "repeated", s.repeated)


def _bound_article(page: _Page) -> None:
    """Which lines are the article's: the body without a closing feed of story cards (a whole
    page's text) or first to last body paragraph (an extractor's output), plus a numbered list
    that continues it."""
    infos, kinds, n = page.infos, page.kinds, page.n
    if page.noisy:
        page.end = _introduced_list_end(infos, _before_feed(infos, kinds, page.start, page.end, page.settings))
        first, last = page.start, page.end
    else:
        good = [k for k in range(1, n) if kinds[k] == "good" and not infos[k].verdict]
        first, last = (good[0], good[-1]) if good else (n, n - 1)
        # Sentence-like lines after the last paragraph (a list's items) still belong to it.
        near = [k for k in range(last + 1, n) if kinds[k] == "near" and not infos[k].verdict and not infos[k].chrome]
        if good and len(near) >= 3:
            last = near[-1]
        # A sentence right after the headline opens the article (a standfirst, a fact check's claim).
        if good and first > 1 and kinds[1] == "near" and infos[1].terminal and not infos[1].verdict:
            first = 1
    list_end = _numbered_list_end(infos, first, last, page.settings) if first <= last else last
    page.listed = [last < k <= list_end for k in range(n)]
    if page.noisy:
        page.end = list_end
    page.inside = [first <= k <= list_end for k in range(n)]


def _mark_repeated_lines(page: _Page) -> None:
    """Short lines repeated within the text: menus and widgets printed twice, section labels, and
    copies of the headline."""
    infos, inside, confidence = page.infos, page.inside, page.settings.repeated
    seen: dict[str, list[int]] = {}
    for k in range(1, page.n):
        info = infos[k]
        # A sentence said twice in one paragraph ("We got her. We got her.") is the writer's.
        if info.words >= 2 and not info.table and (page.noisy or not info.segment):
            seen.setdefault(line_key(info), []).append(k)
    headline_key = line_key(infos[0])
    for key, where in seen.items():
        if key == headline_key:
            for k in where:
                page.mark(k, "repeated", confidence)
        elif len(where) < 2:
            continue
        elif infos[where[0]].kind == "good":
            if page.noisy:  # a paragraph printed twice: the copies outside the body go
                for k in where:
                    if not inside[k]:
                        page.mark(k, "repeated", confidence)
        elif page.noisy or (not any(inside[k] for k in where) and is_label(infos[where[0]])
                            and len(where) < TEMPLATE_COPIES):
            # A label or menu printed twice: every copy goes. In an extractor's output, one printed
            # three times or more heads the sections of the article's own list ("Post-Workout Meal").
            for k in where:
                page.mark(k, "repeated", confidence)


def _judge_short_runs(page: _Page) -> None:
    """Runs of non-sentence lines (short or bad), judged as blocks. A list the text introduces
    with a colon is the article's own: the run is judged only up to the introducing line."""
    infos, kinds, n = page.infos, page.kinds, page.n
    k = 1
    while k < n:
        if kinds[k] not in ("short", "bad"):
            k += 1
            continue
        j = k
        while j < n and kinds[j] in ("short", "bad"):
            j += 1
        end = next((m for m in range(k, j) if infos[m].text.endswith(":")), j)
        if not (k >= 2 and infos[k - 1].text.endswith(":")):
            # a run that another rule's chrome opens ("Related:", "Read more") is a link list
            enclosed = page.inside[k] and j < n and page.inside[j] and not infos[k].chrome
            # Names, fixtures or figures between the sentences of a paragraph are its own; in a
            # whole page's text, only those that open a sentence. Without menus around the article
            # (an extractor's output, clean copy), labels cut from a long line that a colon
            # introduces or that carry figures and lists are its own wherever they stand:
            # schedules, credits and references written without line breaks.
            if (enclosed and all(i.part == "lead" or (i.segment and not page.noisy) for i in infos[k:j])
                    or not page.noisy and _written_list(infos[k:j])):
                k = j
                continue
            # The numbered list that ends the article is its own; the rest of the run is judged.
            run = [i for i in infos[k:end] if not page.listed[i.pos]]
            _judge_run(run, enclosed, page.noisy, page.mark, page.settings)
        k = j


def _introduced_list_end(infos: list[LineInfo], end: int) -> int:
    """Where the body ends when labels of a long line right after it hold a list the article
    introduces with a colon ("The tour dates: June 9 - Riverside Arena ..."): the list's end."""
    k = end + 1
    while k < len(infos) and infos[k].segment and infos[k].part != "sentence" and not infos[k].chrome:
        k += 1
    run = infos[end + 1:k]
    if run and any(i.text.endswith(":") for i in run[:LIST_INTRO]) and _written_list(run):
        # The list ends a few labels after its last item with figures or commas: what follows
        # (a footer run into it) is bare words again.
        last = max(n for n, i in enumerate(run) if DATA.search(i.text) or i.text.endswith(":"))
        return end + 1 + min(len(run) - 1, last + LIST_TAIL)
    return end


def _written_list(run: list[LineInfo]) -> bool:
    """Labels of a long line that hold a list the text introduces (a colon) or the article's data
    (figures, commas between names): not a menu, whose items are bare words."""
    if not all(i.segment for i in run):
        return False
    return (any(i.text.endswith(":") for i in run)
            or sum(1 for i in run if DATA.search(i.text)) >= WRITTEN_DATA * len(run))


def _mark_outside_body(page: _Page) -> None:
    """In a whole page's text, everything outside the body."""
    kinds, s = page.kinds, page.settings
    # A paragraph just past the body, beyond a short widget ("Share", "Email"), is likely the
    # article's own, and so is one just past such a paragraph: the body reaches through them.
    kept, a, b = set(), page.start, page.end
    for k in range(page.start - 1, 0, -1):
        if _near_paragraph(page, k, k, a):
            kept.add(k)
            a = k
    for k in range(page.end + 1, page.n):
        if _near_paragraph(page, k, b, k):
            kept.add(k)
            b = k
    for k in range(1, page.n):
        if not (page.inside[k] or k in kept):
            page.mark(k, "outside-body", s.outside_line if kinds[k] != "good" else s.outside_paragraph)


def _near_paragraph(page: _Page, k: int, low: int, high: int) -> bool:
    """Line k is a paragraph within ``near_body`` lines of the body's edge, no story card between."""
    info = page.infos[k]
    return (not page.inside[k] and page.kinds[k] == "good" and info.terminal and not info.verdict
            and k > page.anchor and not _run_on(info) and high - low <= page.settings.near_body
            and not any(_card_line(i) for i in page.infos[low + 1:high]))


def _mark_non_text(page: _Page) -> None:
    """Lines with no words or only a link; a section break between paragraphs stays."""
    infos, kinds = page.infos, page.kinds
    for k in range(1, page.n):
        info = infos[k]
        if kinds[k] != "bad" or not (page.noisy or info.words == 0 or ASSET_URL.match(info.text)):
            continue
        # "* * *" between two paragraphs is the article's own section break, and so is a dash or a
        # bar between the labels of a long line without menus around it (a schedule, a list).
        if not page.noisy and (info.segment or page.inside[k] and not info.text.strip(SECTION_BREAK)):
            continue
        page.mark(k, "non-text", page.settings.non_text)


def revise(infos: list[LineInfo], settings: ModelSettings) -> dict:
    """Judge the classified lines in context; returns where the body lies (empty when no line
    can be chrome)."""
    n = len(infos)
    if n <= 1:
        return {}
    kinds = [i.kind for i in infos]
    if all(k == "good" and i.terminal for k, i in zip(kinds[1:], infos[1:])):
        return {}  # a headline and paragraphs: nothing here looks like chrome
    page = _Page(infos, kinds, settings)
    _mark_teasers(page)
    copies = _find_copies(page)
    for k in copies:
        infos[k].verdict = "copy"  # provisional: scored as chrome when finding the body
    _locate_body(page)
    _judge_copies(page, copies)
    _bound_article(page)
    _mark_repeated_lines(page)
    _judge_short_runs(page)
    body = {"start": page.start, "end": page.end, "anchor": page.anchor, "head": page.head,
            "tail": page.tail, "noisy": page.noisy}
    if page.noisy:
        _mark_outside_body(page)
    _mark_non_text(page)
    return body
