"""How close two name spellings are, and the major places a word nearly spells."""
from __future__ import annotations

from auditor.resources.name_text import ascii_fold

NAME_SIMILARITY = 0.85
PLACE_SIMILARITY = 0.9


def similarity(a: str, b: str) -> float:
    from rapidfuzz.distance import JaroWinkler

    return JaroWinkler.similarity(a.casefold(), b.casefold())


def sounds_alike(a: str, b: str) -> bool:
    import jellyfish

    return len(a) >= 4 and jellyfish.metaphone(a) == jellyfish.metaphone(b)


def near(a: str, b: str, threshold: float = NAME_SIMILARITY) -> bool:
    """Same initial, similar length, and close by Jaro-Winkler or by sound."""
    if len(a) < 3 or a[:1].casefold() != b[:1].casefold() or abs(len(a) - len(b)) > 2:
        return False
    return similarity(a, b) >= threshold or sounds_alike(a, b)


def edits(a: str, b: str) -> int:
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(a.casefold(), b.casefold())


def near_places(word: str, gz) -> list[str]:
    """Canonical names of major places one edit away (two for long words). Uncached: the
    gazetteer's ``near_places`` memoizes it by word."""
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    limit = 1 if len(word) <= 8 else 2
    # A form more letters longer or shorter than the limit is further away than the limit: only
    # the places of lengths within it are compared (the places' folded lengths are keys).
    pairs = gz.place_candidates(word, limit)
    forms = gz.place_candidate_folds(word, limit)  # case-folded once per gazetteer
    found = process.extract(word.casefold(), forms, scorer=Levenshtein.distance, score_cutoff=limit, limit=None)
    return [pairs[i][1] for _, _, i in found if near(word, pairs[i][0], PLACE_SIMILARITY)]


def same_without_marks(a: str, b: str) -> bool:
    return ascii_fold(a) == ascii_fold(b)
