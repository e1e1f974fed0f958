"""Names: mistransliterated people and places, and names spelled two ways.

Candidates are capitalized tokens. A near miss shares a phonetic key with a known form, or is
close to it by Jaro-Winkler, without being an accepted form itself. Context decides: a known
first name before a near-miss surname ("Olaf Scholes"), a known surname after a near-miss first
name ("Anthony Blinken"), or an earlier mention in the same document ("Scholes said" after
"Olaf Scholes"). A bare surname that is a real name elsewhere is never flagged on its own.
"""
from __future__ import annotations

import re
from functools import lru_cache, partial
from typing import NamedTuple

from . import Context, Hit

_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
NAME_SIMILARITY = 0.85
PLACE_SIMILARITY = 0.9
# Surnames this common in English (Martin, Williams) belong to too many people to judge a given name by.
MAX_SURNAME_ZIPF = 3.3
# A near-miss surname this common is a real name of its own (Williams is not a misspelled Williamson).
MAX_NEAR_MISS_ZIPF = 3.5
PLACE_CUES = frozenset("in to from near at of into outside around across via towards toward the and or".split())
# A place near miss must be a rare word: not an English word that happens to look like a place.
MAX_PLACE_ZIPF = 1.5
MAX_PAIR_ZIPF = 3.0


class Token(NamedTuple):
    text: str
    start: int
    end: int


def _similar(a: str, b: str) -> float:
    from rapidfuzz.distance import JaroWinkler

    return JaroWinkler.similarity(a.casefold(), b.casefold())


def _sounds_alike(a: str, b: str) -> bool:
    import jellyfish

    return len(a) >= 4 and jellyfish.metaphone(a) == jellyfish.metaphone(b)


def near(a: str, b: str, threshold: float = NAME_SIMILARITY) -> bool:
    """Same initial, similar length, and close by Jaro-Winkler or by sound."""
    if len(a) < 3 or a[:1].casefold() != b[:1].casefold() or abs(len(a) - len(b)) > 2:
        return False
    return _similar(a, b) >= threshold or _sounds_alike(a, b)


def edits(a: str, b: str) -> int:
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(a.casefold(), b.casefold())


@lru_cache(maxsize=65536)
@lru_cache(maxsize=65536)
def ascii_fold(word: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", word.casefold()) if unicodedata.category(c) != "Mn")


def zipf(word: str) -> float:
    from ..rarity import zipf as rarity

    return rarity(word)


@lru_cache(maxsize=1)
def _capitalized_token() -> re.Pattern:
    """A capitalized token: an upper-case letter that no word character, apostrophe or hyphen
    precedes, then word characters, apostrophes or hyphens. The class lists the upper-case letters
    of the Basic Multilingual Plane (names in other planes are out of scope), so that the regular
    expression engine skips the lower-case words by itself."""
    upper = "".join(c for c in map(chr, range(0x10000)) if c.isupper() and c.isalpha())
    return re.compile(r"(?<![\w’'-])[" + re.escape(upper) + r"][\w’'-]*")


def tokens(ctx: Context) -> list[list[Token]]:
    """Runs of capitalized tokens separated by single spaces (cached per document).

    One pass in C finds the capitalized tokens; a run goes on across exactly one space from the
    token before (any other gap, or a lower-case word between the two, ends it).
    """
    cached = ctx.cache.get("name_runs")
    if cached is not None:
        return cached
    text = ctx.document.text
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
    ctx.cache["name_runs"] = runs
    return runs


def _gazetteer(ctx: Context):
    from ..gazetteer import default_gazetteer

    return ctx.options.get("gazetteer") or default_gazetteer()


def _person_findings(ctx: Context):
    """Near misses of known people, with the document's memory of what it corrected."""
    cached = ctx.cache.get("person_findings")
    if cached is not None:
        return cached
    gz = _gazetteer(ctx)
    found: list[tuple[Token, str, str]] = []  # token, replacement, canonical name
    wrong_surnames: dict[str, tuple[str, str]] = {}
    mentioned = []  # people the document names with an accepted full form
    for run in tokens(ctx):
        for i in range(1, len(run)):
            first, last = run[i - 1], run[i]
            f_first, f_last = first.text.casefold(), last.text.casefold()
            people = gz.by_surname.get(f_last)
            if people:
                known = [p for p in people if f_first in p.first_names]
                if known:
                    mentioned += known
                    continue
                # A known surname after a given name that is close to the person's, but not accepted.
                match = _closest_person_first(first.text, people)
                if match and zipf(last.text) < MAX_SURNAME_ZIPF:
                    found.append((first, match.canonical_first, match.canonical))
                continue
            for person in gz.by_first.get(f_first, []):
                if f_last in gz.by_surname:
                    break  # a real surname of somebody else: "Olaf Olsen" is not a misspelling
                target = person.canonical_surname
                if (near(last.text, target) and not gz.is_accepted(last.text)
                        and ascii_fold(last.text) not in {ascii_fold(x) for x in person.surnames}
                        and zipf(last.text) < MAX_NEAR_MISS_ZIPF):  # zipf last: it loads word lists
                    found.append((last, target, person.canonical))
                    wrong_surnames[f_last] = (target, person.canonical)
                    break
    # Later bare mentions of a surname the document already got wrong ("Scholes said").
    flagged = {t.start for t, _, _ in found}
    for run in tokens(ctx) if wrong_surnames else ():
        for t in run:
            hit = wrong_surnames.get(t.text.casefold())
            if hit and t.start not in flagged:
                found.append((t, hit[0], hit[1]))
                flagged.add(t.start)
    # A near miss of the surname of someone the document names correctly ("Blinkin" after "Antony Blinken").
    surnames = {p.canonical_surname: p.canonical for p in mentioned}
    for run in tokens(ctx) if surnames else ():
        if len(run) != 1:
            continue
        t = run[0]
        if t.start in flagged or gz.is_accepted(t.text) or len(t.text) < 5:
            continue
        for surname, canonical in surnames.items():
            if near(t.text, surname, 0.9) and zipf(t.text) < MAX_PAIR_ZIPF:
                found.append((t, surname, canonical))
                flagged.add(t.start)
                break
    # Another transliteration of a listed surname ("Berbock", "Habek"), in a word unknown to
    # English: not a real name elsewhere, so no other context is needed.
    custom = ctx.options.get("gazetteer")
    verdict = partial(_transliteration_of, gz=custom) if custom else _other_transliteration
    for run in tokens(ctx):
        for t in run:
            if t.start in flagged or len(t.text) < 5:
                continue
            target = verdict(t.text)
            if target:
                found.append((t, target[0], target[1]))
                flagged.add(t.start)
    ctx.cache["person_findings"] = found
    return found


def _transliteration_of(word: str, gz) -> tuple[str, str] | None:
    """(surname, canonical name) when the word is another transliteration of a listed surname,
    in a word unknown to English; else None."""
    if not word[1:].islower() or gz.is_accepted(word):
        return None
    target = _near_surname(word, gz)
    return target if target and zipf(word) == 0 else None


@lru_cache(maxsize=1 << 16)
def _other_transliteration(word: str) -> tuple[str, str] | None:
    """``_transliteration_of`` against the bundled gazetteer, memoized: names recur across a corpus."""
    from ..gazetteer import default_gazetteer

    return _transliteration_of(word, default_gazetteer())


def _near_surname(word: str, gz) -> tuple[str, str] | None:
    """(surname as written, canonical name) of a listed person whose surname the word spells
    another way by transliteration (indexed by transliteration key: one lookup per word)."""
    index = getattr(gz, "_translit_index", None)
    if index is None:
        index = {}
        for person in gz.people:
            for folded, written in person.surname_forms.items():
                if len(written) >= 5 and written[1:].islower():
                    index.setdefault(translit_key(written), []).append((written, person.canonical))
        gz._translit_index = index
    for written, canonical in index.get(translit_key(word), ()):
        if written != word and edits(word, written) <= 2:
            return written, canonical
    return None


def _closest_person_first(word: str, people) -> "object | None":
    """The person whose accepted given name the word nearly is (None when it is one)."""
    best, score = None, 0.0
    folded = ascii_fold(word)
    for person in people:
        if any(ascii_fold(first) == folded for first in person.first_names):
            return None  # the same name without (or with) its diacritics
        for first in person.first_names:
            if near(word, first):
                similarity = _similar(word, first)
                if similarity > score:
                    best, score = person, similarity
    return best


def person_names(ctx: Context, rule):
    for token, replacement, canonical in _person_findings(ctx):
        if replacement == token.text:
            continue
        yield Hit(rule, token.start, token.end, {"replacement": replacement, "canonical": canonical},
                  fix_replacement=replacement)


def place_names(ctx: Context, rule):
    """A rare word one edit away from a major place, where the sentence speaks of places."""
    gz = _gazetteer(ctx)
    people_tokens = {t.start for t, _, _ in _person_findings(ctx)}
    text = ctx.document.text
    for run in tokens(ctx):
        if len(run) != 1:
            continue  # a multi-word capitalized run is a name or a title, not a lone place
        t = run[0]
        if t.start in people_tokens or len(t.text) < 5 or gz.is_accepted(t.text):
            continue
        folded = t.text.casefold()
        if folded in gz.by_first or ascii_fold(t.text) in gz.place_folded:
            continue
        exonym = gz.exonyms.get(folded)
        if exonym:
            candidates = [exonym]
        else:
            candidates = _near_places(t.text, gz)
        if not candidates:
            continue
        # Two transliterations of one place need no other evidence; any other near miss needs a
        # sentence that speaks of places.
        if not any(transliteration_variants(t.text, c) for c in candidates) and not _place_context(text, t, gz):
            continue
        if zipf(t.text) > MAX_PLACE_ZIPF:
            continue
        best = max(candidates, key=lambda c: _similar(t.text, c))
        yield Hit(rule, t.start, t.end, {"replacement": best}, fix_replacement=best,
                  confidence=0.9 if not exonym else 0.6)


_NEAR_PLACES: dict[str, list[str]] = {}


def _near_places(word: str, gz) -> list[str]:
    """Canonical names of major places one edit away (two for long words); memoized per process."""
    cached = _NEAR_PLACES.get(word)
    if cached is not None:
        return cached
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    pairs = gz.place_candidates(word)
    limit = 1 if len(word) <= 8 else 2
    forms = [form.casefold() for form, _ in pairs]
    found = process.extract(word.casefold(), forms, scorer=Levenshtein.distance, score_cutoff=limit, limit=None)
    out = [pairs[i][1] for _, _, i in found if near(word, pairs[i][0], PLACE_SIMILARITY)]
    if len(_NEAR_PLACES) < 200_000:
        _NEAR_PLACES[word] = out
    return out


def _place_context(text: str, token: Token, gz) -> bool:
    """The word stands where a place stands: after "in", "from"..., or beside a known place."""
    before = text[max(0, token.start - 40):token.start].split()
    if before and before[-1].casefold().strip(",") in PLACE_CUES:
        if before[-1].casefold() not in ("and", "or") and not before[-1].endswith(","):
            return True
        # "Donetsk and Lukansk": the word before the conjunction must be a known place.
        neighbour = before[-2].strip(",") if len(before) >= 2 else ""
        return bool(neighbour) and fold_place(neighbour, gz)
    after = text[token.end:token.end + 40].split()
    if len(after) >= 2 and after[0].casefold() in ("and", "or"):
        return fold_place(after[1].strip(".,;:"), gz)
    return False


def fold_place(word: str, gz) -> bool:
    return word.casefold() in gz.place_accepted


# --- spelling consistency: within a document, and across the corpus ---------------------------

def _is_inflection(a: str, b: str) -> bool:
    """Kuleba / Kulebas, Putin / Putins: one form is the other plus a short ending."""
    a, b = a.casefold(), b.casefold()
    short, long_ = sorted((a, b), key=len)
    return long_.startswith(short) and len(long_) - len(short) <= 2


def _variant_pair(a: str, b: str) -> bool:
    return a != b and not _is_inflection(a, b) and edits(a, b) <= 2 and near(a, b, 0.9)


# Letters that transliteration from Cyrillic, Arabic, Greek... renders in more than one way.
_TRANSLIT = [("shch", "sch"), ("tch", "ch"), ("sch", "sh"), ("kh", "h"), ("ck", "k"), ("ae", "e"), ("ye", "e"),
             ("ph", "f"), ("ks", "x"), ("tz", "ts"), ("ou", "u"), ("oo", "u"), ("ff", "v"), ("w", "v"),
             ("j", "i"), ("y", "i"), ("ii", "i"), ("q", "k"), ("c", "k")]


@lru_cache(maxsize=65536)
@lru_cache(maxsize=65536)
def translit_key(word: str) -> str:
    """One spelling for the forms transliteration produces: Golosheykin/Golosheikin, Habeck/Habek."""
    key = ascii_fold(word)
    for a, b in _TRANSLIT:
        key = key.replace(a, b)
    return key


def transliteration_variants(a: str, b: str) -> bool:
    return translit_key(a) == translit_key(b)


def _rare_names(document) -> list[Token]:
    """Capitalized single words rare in English (names of people and places the gazetteer may lack)."""
    from ..detectors import Context

    ctx = Context(document)
    return _rare_tokens(ctx)


def _rare_tokens(ctx: Context) -> list[Token]:
    cached = ctx.cache.get("rare_names")
    if cached is not None:
        return cached
    out = []
    for run in tokens(ctx):
        for t in run:
            if len(t.text) >= 5 and t.text[1:].islower() and zipf(t.text) < MAX_PAIR_ZIPF:
                out.append(t)
    ctx.cache["rare_names"] = out
    return out


def name_spellings(document) -> set[str]:
    """The corpus pass: which rare name spellings this document uses (each counted once)."""
    return {t.text for t in _rare_names(document)}


def _twin_tokens(ctx: Context) -> list[Token]:
    """Capitalized words with a near twin in the same document (cheap; no word lists needed)."""
    words = [t for run in tokens(ctx) for t in run if len(t.text) >= 5 and t.text[1:].islower()]
    distinct = sorted({t.text for t in words})
    twins: set[str] = set()
    # Pairs share their first letter, and sorted words with one first letter stand together.
    for i, a in enumerate(distinct):
        head = a[:1]
        for b in distinct[i + 1:]:
            if b[:1] != head:
                break
            if abs(len(a) - len(b)) <= 2 and _variant_pair(a, b):
                twins.add(a)
                break
    more = set()
    for i, a in enumerate(distinct):
        if a in twins:
            head = a[:1].casefold()  # a variant pair always shares it (``near``)
            more.update(b for b in distinct[i + 1:] if b[:1].casefold() == head and _variant_pair(a, b))
    twins |= more
    return [t for t in words if t.text in twins]


def spelled_two_ways(ctx: Context, rule):
    """The same name spelled two ways in one document: the rarer spelling is flagged."""
    gz = _gazetteer(ctx)
    candidates = _twin_tokens(ctx)
    if not candidates:
        return
    rare_all = [t for t in candidates if zipf(t.text) < MAX_PAIR_ZIPF]
    rare = [t for t in rare_all if not gz.is_accepted(t.text)]
    if len(rare) < 2:
        return
    counts: dict[str, int] = {}
    first_seen: dict[str, int] = {}
    for t in rare:
        counts[t.text] = counts.get(t.text, 0) + 1
        first_seen.setdefault(t.text, t.start)
    accepted_here = {t.text for t in rare_all if gz.is_accepted(t.text)}
    spellings = sorted(counts)
    majority: dict[str, str] = {}
    for a in spellings:
        for b in spellings + sorted(accepted_here):
            if not _variant_pair(a, b):
                continue
            # The more frequent spelling wins (an accepted form always does); ties go to the first used.
            b_rank = (b in accepted_here, counts.get(b, 0), -first_seen.get(b, 0))
            a_rank = (False, counts[a], -first_seen[a])
            if b_rank > a_rank:
                best = majority.get(a)
                if best is None or (counts.get(b, 0), b) > (counts.get(best, 0), best):
                    majority[a] = b
    flagged_people = {t.start for t, _, _ in _person_findings(ctx)}
    for t in rare:
        target = majority.get(t.text)
        if target and t.start not in flagged_people:
            # Two transliterations of one name are translation damage; any other near pair may be
            # two people (Horan, Horgan) or a typo, so it is information only.
            severity = None if transliteration_variants(t.text, target) else "info"
            yield Hit(rule, t.start, t.end, {"replacement": target}, fix_replacement=target, severity=severity)


def differs_from_corpus(ctx: Context, rule):
    """A name spelled differently from the majority of the corpus (never an accepted form)."""
    corpus = ctx.corpus
    if corpus is None or not corpus.names:
        return
    gz = _gazetteer(ctx)
    index = _corpus_index(corpus)
    flagged = {t.start for t, _, _ in _person_findings(ctx)}
    for t in _rare_tokens(ctx):
        if t.start in flagged or gz.is_accepted(t.text):
            continue
        own = corpus.names.get(t.text, 0)
        best = None
        for other in index.get((t.text[:1].casefold(), len(t.text)), ()):  # lengths within two
            count = corpus.names[other]
            if (count <= own or not _variant_pair(t.text, other) or not transliteration_variants(t.text, other)
                    or _rejected(other, gz)):
                continue
            if best is None or (count, other) > (corpus.names[best], best):
                best = other
        if best:
            yield Hit(rule, t.start, t.end, {"replacement": best, "count": corpus.names[best], "own": own},
                      fix_replacement=best)


def _corpus_index(corpus) -> dict:
    index = getattr(corpus, "_name_index", None)
    if index is None:
        index = {}
        for name in sorted(corpus.names):
            for delta in (-2, -1, 0, 1, 2):
                index.setdefault((name[:1].casefold(), len(name) + delta), []).append(name)
        corpus._name_index = index
    return index


def _rejected(form: str, gz) -> bool:
    """A form the gazetteer rejects: not accepted, but a near miss of a name it knows."""
    if gz.is_accepted(form):
        return False
    if _near_places(form, gz):
        return True
    from rapidfuzz import process

    surnames = _surname_list(gz)
    match = process.extractOne(form.casefold(), surnames, score_cutoff=90)
    return bool(match and near(form, match[0]))


def _surname_list(gz) -> list[str]:
    cached = getattr(gz, "_surname_list", None)
    if cached is None:
        cached = gz._surname_list = sorted(gz.by_surname)
    return cached
