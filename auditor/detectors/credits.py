"""Copyright and rights notices: site footer, or the article's own closing line?

A footer's "© 2024 Daily Courier. All rights reserved." is chrome. The same kind of line right
after the article's last paragraph is usually the syndicated story's own rights notice ("© 2019
Associated Press. All rights reserved. This material may not be published ..."), which the
licence asks to keep with the text. That one is reported as info and its deletion is an unsafe
fix: ``auditor clean`` keeps it unless asked for unsafe fixes.
"""
from __future__ import annotations

from . import Context, Hit
from .patterns import compile_re2

BODY_WORDS = 12  # a closing paragraph is at least this long ...
_TERMINAL = frozenset(".!?。！？؟")
_CLOSERS = "\"'”’»)]"


def validate(rule) -> str | None:
    patterns = (rule.spec.get("options") or {}).get("patterns")
    if not isinstance(patterns, list) or not patterns or not all(isinstance(p, str) for p in patterns):
        return "options.patterns must be a non-empty list of RE2 patterns"
    for pattern in patterns:
        try:
            compile_re2(pattern)
        except ValueError as exc:
            return f"pattern {pattern!r} does not compile under RE2: {exc}"
    return None


def _closes_paragraph(text: str, chrome: list[tuple[int, int]], start: int, end: int) -> bool:
    """The line is a body paragraph: long, ends like a sentence, and no rule called it chrome."""
    if len(text.split()) < BODY_WORDS or text.rstrip(_CLOSERS)[-1:] not in _TERMINAL:
        return False
    return not any(a < end and start < b for a, b in chrome)


def rights_notice(ctx: Context, rule):
    regexes = [compile_re2(p) for p in rule.spec["options"]["patterns"]]
    lines = ctx.document.content_lines
    chrome = ctx.cache.get("chrome_spans", [])
    for pos, line in enumerate(lines):
        if not any(r.search(line.text) for r in regexes):
            continue
        previous = lines[pos - 1] if pos else None
        if previous is not None and _closes_paragraph(previous.text, chrome, previous.start, previous.end):
            yield Hit(rule, line.start, line.end, values={"where": "closing the article"},
                      severity="info", unsafe=True)
        else:
            yield Hit(rule, line.start, line.end, values={"where": "from the page footer"})


rights_notice.validate = validate
