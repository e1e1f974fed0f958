"""kind: detector — the line model: which plain-text lines are page chrome, judged by shape and context.

Phrases catch chrome that says what it is ("Leave a Reply"). The line model catches chrome by how
it looks and where it sits, in any language: menus, footers, link lists, related-story headlines,
teaser excerpts, stray labels, comment threads. It follows jusText's paragraph classification and
the C4 line rules, on text lines instead of HTML blocks (docs/cleaning.md has the full account):

1. Each non-blank line gets a context-free class from its shape: ``good`` (a body paragraph:
   long, sentence punctuation, the document language's stopwords), ``near`` (sentence-like but
   short), ``short`` (a label, heading, menu item or headline) or ``bad`` (no words, a bare link,
   items joined by separators). Lines that the phrase and pattern rules already delete count as
   ``bad`` too: detectors run after them and read their spans from the context.
2. Runs of short lines are judged as blocks: a list of headlines, or a run of menu items outside
   the article's paragraphs, is chrome; a list the article introduces with a colon, a table, or
   items sharing an inner separator ("Riverside v Northgate") are the article's own. A single short line
   between two paragraphs is a subheading and stays.
3. The article body is the stretch of lines with the largest score (paragraphs count for their
   length, each further line of an unbroken chrome run costs more than the last), starting just
   after the repeated headline when the page prints it again, and ending before a feed of story
   cards. When menus come before that body (a whole page's visible text) everything outside it
   goes; an extractor's output, without such menus, loses only lines that are clearly chrome.
4. Copies: a label printed twice, the headline printed again, a second copy of the body.

The headline (the first non-blank line) is content and is never flagged. The model runs once per
document and set of settings and is kept on the context; the rules BP701-BP707 report its
verdicts. Line shapes are in ``linemodel_shape``, the judgement in context in ``linemodel_body``;
every count, share and confidence of the judgement is an option of the rules (``model`` in
rules/boilerplate/line-model.yaml), read once when a ruleset is compiled (``prepare``).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from auditor.core.document import count_words, is_latin1
from auditor.detectors import Context, Hit
from auditor.detectors.linemodel_body import ModelSettings, revise
from auditor.detectors.linemodel_shape import (
    CLOSERS, OPENING_WORDS, SPLIT_CHARS, STOPSETS, TERMINAL_CHARS, TOKEN, LineInfo, classify, document_stopwords,
    cjk_characters, ends_in_ellipsis, line_info, line_key, sentence_like,
)


# The verdicts the model gives lines (linemodel_body), each reported by one rule.
VERDICTS = ("short-block", "headline-list", "outside-body", "teaser", "repeated", "non-text")


@dataclass(frozen=True)
class Resources:
    """What a line-model rule needs, built once per compiled ruleset from its options."""

    settings: ModelSettings
    comment_words: frozenset = frozenset()     # words for "comments" (BP707)
    comment_modifiers: frozenset = frozenset()  # words that may stand beside them
    min_article_words: int = 0   # fewer words of article text: no article (BP001)
    cost: float = 0.0            # what "no article" costs, in points
    verdict: str | None = None   # the verdict a `linemodel.lines` rule reports
    key: str = ""                # judgement_key(settings)


def prepare(rule) -> Resources:
    """Read a rule's options (ValueError names what is wrong); the registry calls this once."""
    options = rule.spec.get("options") or {}
    verdict = options.get("verdict")
    if (verdict is not None or str(rule.spec.get("detector")).endswith(".lines")) and verdict not in VERDICTS:
        raise ValueError(f"option verdict: one of {', '.join(VERDICTS)} is needed, got {verdict!r}")
    settings = ModelSettings.from_options(options)

    def words(group: str) -> frozenset:
        table = options.get(group) or {}
        if not isinstance(table, dict):
            raise ValueError(f"option {group}: a mapping of language to words is needed")
        return frozenset(w.casefold() for values in table.values() for w in values)

    minimum = options.get("min_article_words", 0)
    if isinstance(minimum, bool) or not isinstance(minimum, int) or minimum < 0:
        raise ValueError(f"option min_article_words: a whole number of words is needed, got {minimum!r}")
    cost = options.get("cost", 0)
    if isinstance(cost, bool) or not isinstance(cost, (int, float)) or not 0 <= cost <= 100:
        raise ValueError(f"option cost: points from 0 to 100 are needed, got {cost!r}")
    return Resources(settings, words("headings"), words("modifiers"), minimum, float(cost), verdict,
                     judgement_key(settings))


def judgement_key(settings: ModelSettings) -> str:
    """The key of the model's judgement under ``settings`` in a document's cache: equal settings
    give equal keys. Each line-model rule holds its own copy of the settings; a string hashes
    once, where the settings' forty figures would be hashed and compared at every lookup."""
    return "linemodel " + repr(settings)


@dataclass(frozen=True)
class Judgement:
    """The lines of one document with their verdicts, and where the body lies."""

    lines: list
    body: dict


def judge(ctx: Context, settings: ModelSettings, key: str = "") -> Judgement:
    """Every non-blank line with its class and verdict; computed once per document and settings
    (``key``: judgement_key(settings), when the caller holds it)."""
    key = key or judgement_key(settings)
    cached = ctx.cache.get(key)
    if cached is not None:
        return cached
    document = ctx.document
    # Lines, and in place of a line that holds a paragraph or a page without its line breaks,
    # its sentences and labels: the model judges those as it judges lines.
    lines = document.segments
    known = STOPSETS.get(ctx.need("language"))  # the engine's guess, when it has a list here
    # Long lines are body text or close to it: splitting on white space is enough there.
    lowered: list = [None] * len(lines)  # each line's lower-case words, computed once
    if known is not None and not ctx.need("chrome_spans") and _plain_prose(lines, lowered, settings):
        judgement = ctx.cache[key] = Judgement([], {})
        return judgement  # a headline and sentences only: the common case, decided cheaply
    for k, line in enumerate(lines):
        if lowered[k] is None:
            text = line.text
            lowered[k] = text.lower().split() if len(text) > SPLIT_CHARS else TOKEN.findall(text.lower())
    stopset = known if known is not None else document_stopwords(lowered)
    infos = [line_info(pos, line, low, stopset) for pos, (line, low) in enumerate(zip(lines, lowered))]
    whole = document.lines
    for info, line in zip(infos, lines):
        info.kind = classify(info)
        info.segment = line is not whole[line.index]
        info.part = line.part
    _mark_chrome(infos, ctx.need("chrome_spans"))
    body = {} if _prose_only(infos, settings) else revise(infos, settings)
    judgement = ctx.cache[key] = Judgement(infos, body)
    return judgement


def _plain_prose(lines, lowered: list, settings: ModelSettings) -> bool:
    """Whether the model would flag nothing, shown from each line's text without its full shape
    (``line_info``): every line after the headline is one that ``classify`` makes "good" or "near"
    (``sentence_like``), with no line or opening printed twice and too few ellipses for teasers,
    so that ``_prose_only`` holds and ``revise`` gives no verdict. Such lines have more words than
    a comments heading (BP707), so an empty judgement says the same as the lines' own would.
    The lower-case words of the short lines it reads are kept in ``lowered``.

    Two lines with the same words (``line_key``) have the same opening when they have
    ``OPENING_WORDS`` words or more: the openings' test covers those, and only shorter lines (of
    ``NEAR_UNITS`` words: ``sentence_like`` leaves no fewer) are compared whole. So no more than
    the first ``OPENING_WORDS`` + 1 words of a long line are split off."""
    if settings.noisy_head <= 0 or settings.noisy_head_anchored <= 0:
        return False  # see _prose_only
    openings: set = set()
    short_lines: set = set()  # the words of whole lines shorter than an opening, joined
    ellipses = 0
    for k in range(1, len(lines)):
        line = lines[k]
        text = line.text
        if text.rstrip(CLOSERS)[-1:] not in TERMINAL_CHARS:
            return False
        words = _first_words(text)
        if len(text) <= SPLIT_CHARS:
            lowered[k] = words  # all of them
        if not sentence_like(text, len(words)):
            return False
        ellipses += ends_in_ellipsis(text)
        if len(words) >= OPENING_WORDS:
            opening = tuple(words[:OPENING_WORDS])
            if opening in openings:
                return False
            openings.add(opening)
        elif line.part == "line":  # a short line (a sentence of a long line is not compared)
            joined = " ".join(words)
            if joined in short_lines:
                return False
            short_lines.add(joined)
    if ellipses >= settings.teaser_min:
        return False
    if not lines:
        return True
    head = _first_words(lines[0].text)  # the headline printed again: one of the keys
    if len(head) >= OPENING_WORDS:
        return tuple(head[:OPENING_WORDS]) not in openings
    return " ".join(head) not in short_lines


def _first_words(text: str) -> list:
    """A line's lower-case words as the model splits them (``judge``), with a long line's split
    stopped after ``OPENING_WORDS`` words (the next item is the rest of the line)."""
    low = text.lower()
    return low.split(None, OPENING_WORDS) if len(text) > SPLIT_CHARS else TOKEN.findall(low)


def _prose_only(infos: list[LineInfo], settings: ModelSettings) -> bool:
    """Whether the lines after the headline are paragraphs and sentence-like lines only (none of
    them another rule's chrome), with no line or opening printed twice and too few ellipses for
    teasers: then ``revise`` gives no line a verdict, and its steps need not run. (Without short
    or bad lines there are no menu items, so the text is no whole page's, and no runs of labels
    to judge: teasers, copies and repeated lines are all it could find.)"""
    if len(infos) <= 1:
        return True
    if settings.noisy_head <= 0 or settings.noisy_head_anchored <= 0:
        return False  # a text without menu items would count as a whole page's
    rest = infos[1:]
    if any(info.kind != "good" and info.kind != "near" for info in rest):
        return False
    if sum(info.ellipsis for info in rest) >= settings.teaser_min:
        return False
    openings = [tuple(info.tokens[:OPENING_WORDS]) for info in rest if len(info.tokens) >= OPENING_WORDS]
    keys = [line_key(info) for info in rest if info.words >= 2 and not info.table and not info.segment]
    return len(set(openings)) == len(openings) and len(set(keys)) == len(keys) and line_key(infos[0]) not in keys


def _mark_chrome(infos: list[LineInfo], spans) -> None:
    """Lines that other rules already delete as a whole are chrome to the model too."""
    if not spans or not infos:
        return
    starts = [i.start for i in infos]
    for a, b in spans:
        k = max(0, bisect.bisect_right(starts, a) - 1)
        while k < len(infos) and infos[k].start < b:
            info = infos[k]
            if a <= info.start and info.end <= b and info.pos > 0:
                info.chrome = True
                info.kind = "bad"
            k += 1


# -- the rules ---------------------------------------------------------------------------------
# Each rule reports the lines the model gave its reason; the model runs once per document.

def lines(ctx: Context, rule, resources: Resources):
    """The lines the model gave the rule's ``verdict`` option (BP701-BP706)."""
    settings, reason = resources.settings, resources.verdict
    for info in judge(ctx, settings, resources.key).lines:
        if info.verdict == reason:
            severity = "warning" if info.confidence >= settings.info_below else "info"
            yield Hit(rule, info.start, info.end, {"reason": reason}, confidence=info.confidence,
                      severity=severity, whole=True)


def _comments_heading(info: LineInfo, nouns, modifiers) -> bool:
    if info.words == 0 or info.words > 5 or (info.terminal and not info.text.endswith(":")):
        return False
    found = False
    for token in info.tokens:
        if token in nouns:
            found = True
        elif not (token in modifiers or token.isdigit()):
            return False
    return found


def comment_section(ctx: Context, rule, resources: Resources):
    """A comments heading after the article's paragraphs opens the comment section: it runs to
    the end of the text."""
    judgement = judge(ctx, resources.settings, resources.key)
    infos = judgement.lines
    if len(infos) < 3:
        return
    nouns, modifiers = resources.comment_words, resources.comment_modifiers
    body = judgement.body
    start = body.get("start", 1) if body.get("noisy") else 1
    good = 0
    for k in range(1, len(infos)):
        info = infos[k]
        if info.kind == "good" and k >= start and not info.verdict:
            good += 1
        elif good >= 2 and k < len(infos) - 1:
            heading = _heading_at(infos, k, nouns, modifiers)
            if heading is None:
                continue
            for rest in infos[k:]:
                if not rest.verdict and not rest.chrome:
                    yield Hit(rule, rest.start, rest.end, {"heading": heading},
                              confidence=resources.settings.comment_section, severity="warning",
                              whole=True)
            return


def _heading_at(infos: list[LineInfo], k: int, nouns, modifiers) -> str | None:
    """The comments heading that starts at line k: the line itself, or (in a long line cut into
    labels) up to four labels in a row ("Top", "Rated", "Comments")."""
    if _comments_heading(infos[k], nouns, modifiers):
        return infos[k].text
    if not infos[k].segment:
        return None
    tokens: list = []
    for j in range(k, min(k + 4, len(infos) - 1)):
        info = infos[j]
        if not info.segment or info.terminal:
            return None
        tokens += info.tokens
        if len(tokens) > 5:
            return None
        if tokens and tokens[-1] in nouns and all(t in nouns or t in modifiers or t.isdigit() for t in tokens):
            return " ".join(i.text for i in infos[k:j + 1])
    return None


# -- no article ----------------------------------------------------------------------------------

def article_words(ctx: Context, settings: ModelSettings, key: str = "") -> float:
    """Words of the text outside its chrome: what other rules delete and what the model judges.
    Chinese, Japanese and Korean text counts a word per two characters."""
    document = ctx.document
    spans = list(ctx.need("chrome_spans"))
    spans += [(info.start, info.end) for info in judge(ctx, settings, key).lines if info.verdict]
    text = document.text
    total = document.words + _cjk_words(text)
    if not spans:
        return total
    spans.sort()
    chrome, pos = 0.0, 0
    for a, b in spans:  # merged as they come: the words of each stretch of chrome once
        a = max(a, pos)
        if b > a:
            chrome += count_words(text[a:b]) + _cjk_words(text[a:b])
            pos = b
    return max(0.0, total - chrome)


def _cjk_words(text: str) -> float:
    """What CJK characters add to a count of ``\\w+`` words (a run of them counts one already)."""
    return 0.0 if is_latin1(text) else cjk_characters(text) / 2


def no_article(ctx: Context, rule, resources: Resources):
    """A document-level verdict: nothing, or too little, of an article is left once chrome is set
    aside (an empty or blank file, a cookie notice, a page of menus)."""
    words = article_words(ctx, resources.settings, resources.key)
    if words < resources.min_article_words:
        yield Hit(rule, 0, 0, {"words": round(words), "minimum": resources.min_article_words}, cost=resources.cost)
