"""Text normalization shared by the phrase matcher and the corpus pass."""
from __future__ import annotations

import re

from auditor.core.document import ZERO_WIDTH

# Any run of white space, no-break spaces or zero-width characters is one space.
_SPACE_RUN = re.compile(r"[\s" + ZERO_WIDTH + r"]+")
# Leading and trailing punctuation and symbols that do not change what a chrome line says.
EDGE_PUNCT = " :.,;*…!?|-–—•·»«›‹>→\"'“”‘’()[]/\\#_~=+"


_ZERO_WIDTH = re.compile("[" + ZERO_WIDTH + "]")


def squash(text: str) -> str:
    """``_SPACE_RUN.sub(" ", text).strip()``: str.split() knows the same white space as re's \\s."""
    # Most lines are squashed already. In a printable text the only white space is the ASCII space
    # (other spaces, breaks and zero-width characters are Unicode separators or format characters,
    # none printable): with no two spaces in a row and none at its ends, it stays as it is.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    if not text.isascii() and _ZERO_WIDTH.search(text):  # zero-width characters are not ASCII
        text = _ZERO_WIDTH.sub(" ", text)
    return " ".join(text.split())


def line_key(text: str) -> str:
    """The form in which a whole line is compared with a phrase."""
    return squash(text).casefold().strip(EDGE_PUNCT)


def prefix_key(text: str) -> str:
    """The form in which a prefix phrase is compared with the start of a line: trailing
    punctuation is dropped ("Read more:" acts as "Read more")."""
    return squash(text).casefold().rstrip(EDGE_PUNCT.replace(" ", ""))
