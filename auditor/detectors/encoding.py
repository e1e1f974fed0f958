"""Mojibake: text decoded with the wrong encoding ("donâ€™t" for "don’t").

ftfy decides what is mojibake and what it should have been; this module only finds the lines
worth asking about (a cheap character test) and turns ftfy's answer into exact spans.
"""
from __future__ import annotations

import difflib
import re

from . import Context, Hit

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
    for line in ctx.document.content_lines:
        if not _SUSPECT.search(line.text):
            continue
        import ftfy

        fixed = ftfy.fix_encoding(line.text)
        out.append((line, fixed))
    ctx.cache["mojibake"] = out
    return out


def mojibake(ctx: Context, rule):
    for line, fixed in _fixed_lines(ctx):
        if fixed == line.text:
            continue
        matcher = difflib.SequenceMatcher(None, line.text, fixed, autojunk=False)
        for op, a1, a2, b1, b2 in matcher.get_opcodes():
            if op == "equal":
                continue
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
