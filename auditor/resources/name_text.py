"""Name tokens and spelling keys, shared by the gazetteer, the corpus pass and the name rules.

This module sits below all of them (it imports nothing else from the package but the word-frequency
lookup): capitalized runs of a text, ASCII folding, and the keys under which two transliterations
of one name meet.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from auditor.resources.rarity import zipf

_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
# A capitalized word this common in English is not judged as a name spelling across a corpus.
MAX_PAIR_ZIPF = 3.0


class Token(NamedTuple):
    text: str
    start: int
    end: int


@lru_cache(maxsize=65536)
def ascii_fold(word: str) -> str:
    """Case-folded, without diacritics: Zelenskyy -> zelenskyy, Erdoğan -> erdogan."""
    return "".join(c for c in unicodedata.normalize("NFD", word.casefold()) if unicodedata.category(c) != "Mn")


# Letters that transliteration from Cyrillic, Arabic, Greek... renders in more than one way.
_TRANSLIT = (("shch", "sch"), ("tch", "ch"), ("sch", "sh"), ("kh", "h"), ("ck", "k"), ("ae", "e"), ("ye", "e"),
             ("ph", "f"), ("ks", "x"), ("tz", "ts"), ("ou", "u"), ("oo", "u"), ("ff", "v"), ("w", "v"),
             ("j", "i"), ("y", "i"), ("ii", "i"), ("q", "k"), ("c", "k"))


@lru_cache(maxsize=65536)
def translit_key(word: str) -> str:
    """One spelling for the forms transliteration produces: Golosheykin/Golosheikin, Habeck/Habek."""
    key = ascii_fold(word)
    for a, b in _TRANSLIT:
        key = key.replace(a, b)
    return key


def transliteration_variants(a: str, b: str) -> bool:
    return translit_key(a) == translit_key(b)


@lru_cache(maxsize=1)
def _capitalized_token() -> re.Pattern:
    """A capitalized token: an upper-case letter that no word character, apostrophe or hyphen
    precedes, then word characters, apostrophes or hyphens. The class lists the upper-case letters
    of the Basic Multilingual Plane (names in other planes are out of scope), so that the regular
    expression engine skips the lower-case words by itself."""
    upper = "".join(c for c in map(chr, range(0x10000)) if c.isupper() and c.isalpha())
    return re.compile(r"(?<![\w’'-])[" + re.escape(upper) + r"][\w’'-]*")


def capitalized_runs(text: str) -> list[list[Token]]:
    """Runs of capitalized tokens separated by single spaces.

    One pass in C finds the capitalized tokens; a run goes on across exactly one space from the
    token before (any other gap, or a lower-case word between the two, ends it).
    """
    runs: list[list[Token]] = []
    run: list[Token] = []
    previous_end = -2
    for m in _capitalized_token().finditer(text):
        a, word = m.start(), m.group()
        if run and (previous_end != a - 1 or text[previous_end] != " "):
            runs.append(run)
            run = []
        previous_end = m.end()
        if "'" in word or "’" in word:
            word = _POSSESSIVE.sub("", word)
        word = word.rstrip("-")
        run.append(Token(word, a, a + len(word)))
    if run:
        runs.append(run)
    return runs


def rare_tokens(runs: list[list[Token]]) -> list[Token]:
    """Capitalized single words rare in English (names of people and places a gazetteer may lack)."""
    return [t for run in runs for t in run
            if len(t.text) >= 5 and t.text[1:].islower() and zipf(t.text) < MAX_PAIR_ZIPF]


def name_spellings(text: str) -> set[str]:
    """The corpus pass: which rare name spellings a text uses (each counted once)."""
    return {t.text for t in rare_tokens(capitalized_runs(text))}
