"""Copyright and rights notices: site footer, or the article's own closing line?

A footer's "© 2024 Daily Courier. All rights reserved." is chrome. The same kind of line right
after the article's last paragraph is usually the syndicated story's own rights notice ("© 2019
Associated Press. All rights reserved. This material may not be published ..."), which the
licence asks to keep with the text. That one is reported as info and its deletion is an unsafe
fix: ``auditor clean`` keeps it unless asked for unsafe fixes.
"""
from __future__ import annotations

from dataclasses import replace

from auditor.detectors import Context, Hit

BODY_WORDS = 12  # a closing paragraph is at least this long
_TERMINAL = frozenset(".!?。！？؟")
_CLOSERS = "\"'”’»)]"


def _body_paragraph(text: str) -> bool:
    return len(text.split()) >= BODY_WORDS and text.rstrip(_CLOSERS)[-1:] in _TERMINAL


def rights_notice(ctx: Context, hit: Hit) -> Hit:
    """Refines BP502's pattern hits: a notice that follows a body paragraph closes the article."""
    lines = ctx.document.lines
    index = ctx.document.line_col(hit.start)[0] - 1
    previous = next((lines[k] for k in range(index - 1, -1, -1) if not lines[k].is_blank), None)
    chrome = ctx.need("raw_chrome_spans")
    if (previous is not None and _body_paragraph(previous.text)
            and not any(a < previous.end and previous.start < b for a, b in chrome)):
        return replace(hit, values={**hit.values, "where": "closing the article"}, severity="info", unsafe=True)
    return replace(hit, values={**hit.values, "where": "from the page footer"})
