"""What follows an article's last paragraph: a company profile, a press release's closing section.

Press releases and company news end with the same furniture: an "About <Org>" profile ("Nordcare is
a global provider of ... headquartered in ..., employs 1,300 people ... listed on ..."), media
contacts, a forward-looking-statements notice. Their sentences read like the article's, so the
line model keeps them; what gives them away is where they stand and the few stock phrases they
are made of. The pattern rules of rules/boilerplate/trailers.yaml find the candidates in the one
RE2 set; these refine functions read the context of each hit (only hits pay for it).
"""
from __future__ import annotations

import re
from dataclasses import replace

from auditor.detectors import Context, Hit

BODY_WORDS = 12        # an article paragraph is at least this long and ends like a sentence
BODY_BEFORE = 2        # this many article paragraphs come before a closing section or profile
SECTION_LINES = 14     # a closing section runs on for at most this many non-blank lines ...
SECTION_SHARE = 0.4    # ... holding at most this share of the text's words
PROFILE_SIGNALS = 2    # a company profile holds at least this many of the stock phrases below
PROFILE_SENTENCES = 8  # ... in at most this many sentences when the text has no line breaks

_MENU_ABOUT = frozenset({"about us", "about me", "about"})  # a site's menu items, not a closing section
_TERMINAL = frozenset(".!?。！？؟:")
_CLOSERS = "\"'”’»)]"
_WORD = re.compile(r"\w+")

# The stock phrases of a company profile, each counted once per line.
_PROFILE = [re.compile(p, re.IGNORECASE) for p in (
    r"\bheadquarter(?:ed|s) (?:is |are )?in\b|\bHQ in\b",
    r"\bemploys (?:around |about |approximately |roughly |more than |over |some |nearly |almost )?[\d][\d,.]*"
    r"(?: \w+)? (?:people|employees|staff|professionals|associates|team members)\b",
    r"\b(?:listed|traded|quoted) on (?:the )?.{0,60}?(?:exchange|nasdaq|nyse|börse|bourse)\b"
    r"|\((?:nasdaq|nyse|tsx|asx|lse|six|xetra|otcqx|otc)\s*:\s*[a-z.]{1,6}\)",
    r"\b(?:subsidiaries|offices|operations|operating businesses|presence|customers|clients|locations)"
    r" in (?:more than |over |around |about |nearly )?\d+ countries\b",
    r"\b(?:founded|established|incorporated) in \d{4}\b",
    r"\b(?:mission|vision|purpose) (?:of [\w&.'’ -]{1,40} )?is to\b",
    r"\bfor more information,? (?:please )?(?:visit|go to|see)\b|\bvisit (?:us at |our website at |)"
    r"(?:www\.|https?://)",
    r"\b(?:a|an|the) (?:[\w'’-]+ ){0,4}(?:leading|world['’]s leading|global|premier|foremost|pioneering"
    r"|award-winning)\b.{0,60}?\b(?:provider|company|manufacturer|supplier|developer|maker|platform|leader"
    r"|distributor|operator|firm|group|specialist)s?\b",
)]


def _paragraph(text: str) -> bool:
    return len(_WORD.findall(text)) >= BODY_WORDS and text.rstrip(_CLOSERS)[-1:] in _TERMINAL


def _content(ctx: Context, hit: Hit):
    """The text's lines (a long line's sentences in its place: a text without line breaks is
    judged sentence by sentence) and the position among them of the one the hit covers."""
    content = ctx.document.judged_lines
    pos = next((k for k, unit in enumerate(content) if unit.start == hit.start and unit.end == hit.end), None)
    return content, pos


def _profile_run(content, pos: int) -> list:
    """The sentences of a company profile in a text without line breaks: the hit's sentence and
    the sentences right after it that hold a stock phrase or name the company (its first word),
    as the lines of a profile paragraph would be; the article's own sentences come before it."""
    name = _WORD.match(content[pos].text)
    name = name.group(0).casefold() if name else ""
    run = [content[pos]]
    for unit in content[pos + 1:pos + PROFILE_SENTENCES]:
        words = {w.casefold() for w in _WORD.findall(unit.text)}
        if unit.part != "sentence" or not (name in words or any(p.search(unit.text) for p in _PROFILE)):
            break
        run.append(unit)
    return run


def company_profile(ctx: Context, hit: Hit) -> Hit | None:
    """Refines BP427: a line near the end that opens like a company description is the profile
    only when it holds two of its stock phrases and the article's paragraphs come before it. The
    line is judged as a whole (its sentences are all profile), so its delete is not narrowed; in
    a text without line breaks the profile's sentences from the hit on are judged together."""
    content, pos = _content(ctx, hit)
    if pos is None:
        return None
    run = [content[pos]] if content[pos].part == "line" else _profile_run(content, pos)
    signals = sum(1 for pattern in _PROFILE if any(pattern.search(unit.text) for unit in run))
    body = sum(1 for line in content[1:pos] if _paragraph(line.text))
    if signals < PROFILE_SIGNALS or body < BODY_BEFORE:
        return None
    return replace(hit, end=run[-1].end, whole=True)


def closing_section(ctx: Context, hit: Hit) -> Hit | None:
    """Refines BP433: a heading such as "About <Org>", "Media contact" or "Forward-looking
    statements" right after the article's last paragraph opens the closing section of a press
    release; it and everything after it go, as long as it is the short end of the text, not half
    of it."""
    content, pos = _content(ctx, hit)
    if pos is None or pos == 0 or not _paragraph(content[pos - 1].text):
        return None  # a heading among menu items, not after the article's last paragraph
    if content[pos].text.rstrip(" :").casefold() in _MENU_ABOUT:
        return None
    body = sum(1 for line in content[1:pos] if _paragraph(line.text))
    rest = content[pos:]
    if body < BODY_BEFORE or len(rest) > SECTION_LINES:
        return None
    words = sum(len(_WORD.findall(line.text)) for line in content)
    tail = sum(len(_WORD.findall(line.text)) for line in rest)
    if tail > SECTION_SHARE * words:
        return None
    return replace(hit, end=rest[-1].end, whole=True, values={**hit.values, "heading": content[pos].text.strip()})


BIO_LINES = 3  # a bio is among the last this many non-blank lines
# Words that open a story's sentence about someone, never a writer's bio.
_NOT_A_NAME = frozenset(
    "mr mrs ms miss dr prof professor sir lord lady dame president minister senator judge "
    "he she it they this that the his her their its there".split())


def author_bio(ctx: Context, hit: Hit) -> Hit | None:
    """Refines BP428: a bio is one of the last lines, after the article's paragraphs, and opens
    with the writer's name."""
    content, pos = _content(ctx, hit)
    if pos is None or pos < len(content) - BIO_LINES:
        return None
    first = content[pos].text.split(None, 1)[0].strip(".,").casefold()
    body = sum(1 for line in content[1:pos] if _paragraph(line.text))
    if first in _NOT_A_NAME or body < BODY_BEFORE:
        return None
    return hit
