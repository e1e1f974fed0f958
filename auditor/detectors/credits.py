"""Copyright and rights notices: site footer, or the article's own closing line?

A footer's "© 2024 Daily Courier. All rights reserved." is chrome. The same kind of line right
after the article's last paragraph is usually the syndicated story's own rights notice ("© 2019
Associated Press. All rights reserved. This material may not be published ..."), which the
licence asks to keep with the text. That one is reported as info and its deletion is an unsafe
fix: ``auditor clean`` keeps it unless asked for unsafe fixes.
"""
from __future__ import annotations

import re
from dataclasses import replace

from auditor.detectors import Context, Hit

BODY_WORDS = 12  # a closing paragraph is at least this long
_TERMINAL = frozenset(".!?。！？؟")
_CLOSERS = "\"'”’»)]"
_NOTICE = re.compile(r"(?i)©|\(c\)|\bcopyright\b|\brights reserved\b")


def _body_paragraph(text: str) -> bool:
    return len(text.split()) >= BODY_WORDS and text.rstrip(_CLOSERS)[-1:] in _TERMINAL


def rights_notice(ctx: Context, hit: Hit) -> Hit:
    """Refines BP502's pattern hits: a notice that follows a body paragraph closes the article."""
    document = ctx.document
    lines = document.lines
    index = document.line_col(hit.start)[0] - 1
    previous = next((lines[k] for k in range(index - 1, -1, -1) if not lines[k].is_blank), None)
    segments = document.split_lines.get(index)
    if segments:  # a sentence of a long line: the article's text before it is on the same line
        # The notice may run over several sentences ("Copyright 2019 X. All rights reserved."):
        # the text before the first of them decides.
        previous = next((seg for seg in reversed(segments)
                         if seg.end <= hit.start and not _NOTICE.search(seg.text)), previous)
    chrome = ctx.need("raw_chrome_spans")
    if (previous is not None and _body_paragraph(previous.text)
            and not any(a < previous.end and previous.start < b for a, b in chrome)):
        return replace(hit, values={**hit.values, "where": "closing the article"}, severity="info", unsafe=True)
    return replace(hit, values={**hit.values, "where": "from the page footer"})
