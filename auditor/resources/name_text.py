"""Name tokens and spelling keys, shared by the gazetteer, the corpus pass and the name rules.

This module sits below all of them (it imports nothing else from the package but the word-frequency
lookup and the core): capitalized runs of a text, ASCII folding, and the keys under which two
transliterations of one name meet.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from typing import NamedTuple

from auditor.core.document import character_class
from auditor.resources.rarity import zipf, zipfs

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
    if word.isascii():  # no marks to take off (and the slow loop below would give the same)
        return word.casefold()
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
def _capitalized_run() -> re.Pattern:
    """Capitalized tokens separated by single spaces, as the one group of the expression (so that
    ``split`` returns the text between runs and the runs). A token is an upper-case letter that no
    word character, apostrophe or hyphen precedes, then word characters, apostrophes or hyphens.
    The class lists the upper-case letters of the Basic Multilingual Plane (names in other planes
    are out of scope); it comes first, and the look-behind after it, so that the regular
    expression engine skips the lower-case text by itself."""
    from auditor.core.cache import cached

    # Testing the 65,536 characters takes longer than auditing an article: the class is kept in
    # the cache folder (keyed by the Unicode version the test depends on).
    upper = cached("upper-letters", [], _upper_letter_class, content=unicodedata.unidata_version.encode())
    token = upper + r"(?<![\w’'-].)[\w’'-]*"
    return re.compile(rf"({token}(?: {token})*)")


def _upper_letter_class() -> str:
    """The upper-case letters of the Basic Multilingual Plane, as a character class."""
    return character_class(ord(c) for c in map(chr, range(0x10000)) if c.isupper() and c.isalpha())


def capitalized_runs(text: str) -> list[list[Token]]:
    """Runs of capitalized tokens separated by single spaces.

    One pass in C finds the runs; a run goes on across exactly one space from the token before
    (any other gap, or a lower-case word between the two, ends it).
    """
    runs: list[list[Token]] = []
    new_token = tuple.__new__  # what Token(...) calls, without its Python-level __new__
    # split() gives the text before each run, then the run: no match object per run, and the
    # offsets follow from the lengths.
    pieces = iter(_capitalized_run().split(text))
    at = 0
    for gap in pieces:
        group = next(pieces, None)
        if group is None:
            break
        a = at + len(gap)
        at = a + len(group)
        if " " not in group and "'" not in group and "’" not in group and "-" not in group:
            # Most runs: one word, nothing to strip from it.
            runs.append([new_token(Token, (group, a, at))])
            continue
        run: list[Token] = []
        for word in group.split(" "):
            next_start = a + len(word) + 1
            if "'" in word or "’" in word:
                word = _POSSESSIVE.sub("", word)
            if word[-1] == "-":
                word = word.rstrip("-")
            run.append(new_token(Token, (word, a, a + len(word))))
            a = next_start
        runs.append(run)
    return runs


class RareName(NamedTuple):
    """A rare capitalized word with its run and its place in the run (the words around it)."""
    token: Token
    run: list[Token]
    index: int


def is_rare_name(word: str) -> bool:
    """A capitalized word of five letters or more, lower-case after its capital, rare in English."""
    return len(word) >= 5 and word[1:].islower() and zipf(word) < MAX_PAIR_ZIPF


def word_rarity(runs: list[list[Token]]) -> dict[str, float]:
    """How common in English (Zipf) each capitalized word of four letters or more, lower-case after
    its capital, is: the words the name rules judge by their frequency, looked up together."""
    return zipfs(rarity_words(runs))


def word_rarity_many(runs_of_documents: list[list[list[Token]]]) -> list[dict[str, float]]:
    """``word_rarity`` of each document's runs, the words of all of them looked up at once: the
    words new to the process are asked in one query, while the word table's pages are at hand,
    instead of a few per document."""
    words = [rarity_words(runs) for runs in runs_of_documents]
    found = zipfs(set().union(*words))
    return [{word: found[word] for word in document_words} for document_words in words]


def rarity_words(runs: list[list[Token]]) -> set[str]:
    """The words ``word_rarity`` looks up: capitalized, four letters or more, lower-case after the capital."""
    # The distinct words first, in C (most capitalized words come back within a document), then
    # only those are tested.
    distinct = set(map(itemgetter(0), chain.from_iterable(runs)))
    return {word for word in distinct if len(word) >= 4 and word[1:].islower()}


def rare_names(runs: list[list[Token]], rarity: dict[str, float]) -> list[RareName]:
    """Capitalized single words rare in English (names of people and places a gazetteer may lack),
    each with its run and place; ``rarity`` is ``word_rarity(runs)``."""
    # The rare words first, then the tokens that write one.
    rare = rare_words(rarity)
    if not rare:
        return []
    found: list[RareName] = []
    for run in runs:
        if len(run) == 1:  # most runs: no enumerate
            if run[0].text in rare:
                found.append(RareName(run[0], run, 0))
            continue
        found += [RareName(t, run, i) for i, t in enumerate(run) if t.text in rare]
    return found


def rare_words(rarity: dict[str, float]) -> set[str]:
    """The words of ``rarity`` (``word_rarity``) that ``is_rare_name`` calls rare: five letters or
    more and rarer in English than MAX_PAIR_ZIPF (all of them are lower-case after the capital)."""
    return {word for word, used in rarity.items() if used < MAX_PAIR_ZIPF and len(word) >= 5}


def name_spellings(text: str) -> set[str]:
    """The corpus pass: which rare name spellings a text uses (each counted once)."""
    return rare_words(word_rarity(capitalized_runs(text)))
