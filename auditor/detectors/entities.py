"""Names: mistransliterated people and places, and names spelled two ways.

Candidates are capitalized tokens. A near miss shares a phonetic key with a known form, or is
close to it by Jaro-Winkler, without being an accepted form itself. Context decides: a known
first name before a near-miss surname ("Olaf Scholes"), a known surname after a near-miss first
name ("Anthony Blinken"), or an earlier mention in the same document ("Scholes said" after
"Olaf Scholes"). A bare surname that is a real name elsewhere is never flagged on its own.
"""
from __future__ import annotations

from auditor.resources.name_similarity import NAME_SIMILARITY, PLACE_SIMILARITY, edits, near
from auditor.resources.name_similarity import similarity as _similar
from auditor.resources.name_text import MAX_PAIR_ZIPF, Token, ascii_fold, translit_key, transliteration_variants
from auditor.resources.rarity import zipf
from auditor.detectors import Context, Hit

__all__ = [
    "NAME_SIMILARITY",
    "PLACE_SIMILARITY",
    "Token",
    "find_people",
    "fold_place",
    "gazetteer",
    "person_findings",
    "person_names",
    "place_names",
    "rare_names",
    "tokens",
]

# Surnames this common in English (Martin, Williams) belong to too many people to judge a given name by.
MAX_SURNAME_ZIPF = 3.3
# A near-miss surname this common is a real name of its own (Williams is not a misspelled Williamson).
MAX_NEAR_MISS_ZIPF = 3.5
PLACE_CUES = frozenset(["in", "to", "from", "near", "at", "of", "into", "outside", "around", "across", "via", "towards", "toward", "the", "and", "or"])
# A place near miss must be a rare word: not an English word that happens to look like a place.
MAX_PLACE_ZIPF = 1.5
# Scholarly and South Slavic letters for Cyrillic ones, as English news writes them.
_SCHOLARLY = (("č", "ch"), ("ć", "ch"), ("š", "sh"), ("ž", "zh"))


def tokens(ctx: Context) -> list[list[Token]]:
    """Runs of capitalized tokens separated by single spaces (the ``name_runs`` stage)."""
    return ctx.need("name_runs")


def rare_names(ctx: Context) -> list[Token]:
    """Capitalized single words rare in English (the ``rare_names`` stage)."""
    return [name.token for name in ctx.need("rare_names")]


def person_findings(ctx: Context) -> list[tuple[Token, str, str]]:
    """Near misses of listed people (the ``person_findings`` stage): (token, replacement, canonical)."""
    return ctx.need("person_findings")


def gazetteer(ctx: Context):
    """The gazetteer a run passes in (``options["gazetteer"]``), else the bundled one."""
    from auditor.resources.gazetteer import default_gazetteer

    return ctx.options.get("gazetteer") or default_gazetteer()


def find_people(ctx: Context) -> list[tuple[Token, str, str]]:
    """Near misses of known people, with the document's memory of what it corrected."""
    gz = gazetteer(ctx)
    found: list[tuple[Token, str, str]] = []  # token, replacement, canonical name
    wrong_surnames: dict[str, tuple[str, str]] = {}
    mentioned = []  # people the document names with an accepted full form
    by_surname, by_first = gz.by_surname, gz.by_first
    # The judgements of a pair of words depend on the two words and the gazetteer only: they are
    # memoized by the pair (the same names come back document after document).
    closest_first, near_miss_surname = gz.per_word(_closest_first_before), gz.per_word(_near_miss_surname)
    for run in tokens(ctx):
        if len(run) < 2:
            continue  # most runs are one word
        f_last = run[0].text.casefold()
        for i in range(1, len(run)):
            first, last = run[i - 1], run[i]
            f_first, f_last = f_last, last.text.casefold()  # each word is case-folded once
            people = by_surname.get(f_last)
            if people:
                known = [p for p in people if f_first in p.first_names]
                if known:
                    mentioned += known
                    continue
                # A known surname after a given name that is close to the person's, but not accepted.
                match = closest_first(f"{first.text} {f_last}")
                if match and zipf(last.text) < MAX_SURNAME_ZIPF:
                    found.append((first, match.canonical_first, match.canonical))
                continue
            # (A real surname of somebody else after a given name, "Olaf Olsen", is no misspelling.)
            if f_first in by_first and f_last not in by_surname:
                miss = near_miss_surname(f"{f_first} {last.text}")
                if miss:
                    found.append((last, *miss))
                    wrong_surnames[f_last] = miss
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
    # English: not a real name elsewhere, so no other context is needed. Such a word is a rare
    # name (five letters or more, lower-case after its capital) that English never prints: only
    # those are searched.
    transliteration_of = gz.per_word(_transliteration_of)
    rarity = ctx.need("name_rarity")
    for t, run, j in ctx.need("rare_names"):
        if t.start in flagged or rarity[t.text] != 0:
            continue
        target = transliteration_of(t.text)
        if target:
            found.append((t, target[0], target[1]))
            flagged.add(t.start)
            # The given name before it may be garbled too (Analena Berbok): the person is known now.
            given = run[j - 1] if j else None
            people = [p for p in gz.by_surname.get(target[0].casefold(), ()) if p.canonical == target[1]]
            match = _closest_person_first(given.text, people, gz.forms) if given and given.start not in flagged else None
            if match and not gz.is_accepted(given.text):
                found.append((given, match.canonical_first, match.canonical))
                flagged.add(given.start)
    return found


def _closest_first_before(pair: str, gz) -> object | None:
    """For "<given name> <listed surname, case-folded>": the person of that surname whose accepted
    given name the first word nearly is (``_closest_person_first``), or None."""
    word, f_last = pair.split(" ")
    return _closest_person_first(word, gz.by_surname[f_last], gz.forms)


def _near_miss_surname(pair: str, gz) -> tuple[str, str] | None:
    """For "<listed given name, case-folded> <word>": (surname, canonical name) of the first person
    of that given name whose surname the word nearly is, without being an accepted or another
    romanization of it, in a word English hardly prints; else None."""
    f_first, word = pair.split(" ")
    for person in gz.by_first[f_first]:
        target = person.canonical_surname
        if (near(word, target) and not gz.is_accepted(word)
                and not gz.forms.same_romanization(word, target)
                and ascii_fold(word) not in {ascii_fold(x) for x in person.surnames}
                and zipf(word) < MAX_NEAR_MISS_ZIPF):  # zipf last: it loads word lists
            return target, person.canonical
    return None


def _transliteration_of(word: str, gz) -> tuple[str, str] | None:
    """(surname, canonical name) when the word is another transliteration of a listed surname,
    in a word unknown to English, and not an acceptable romanization of it (Zelenskyi for
    Zelensky); else None."""
    if not word[1:].islower() or gz.is_accepted(word):
        return None
    read = _scholarly(word)
    for written, canonical in gz.translit_index.get(translit_key(read), ()):
        if written != word and edits(read, written) <= 2:
            if gz.forms.same_romanization(word, written) or zipf(word) != 0:
                return None
            return written, canonical
    return None


def _scholarly(word: str) -> str:
    """A name in scholarly or South Slavic letters read as English news romanizes Cyrillic
    (Arestović, Arestovic -> Arestovich): the letters č, ć, š, ž and a final -ic."""
    if word.isascii() and not word.endswith("ic"):
        return word
    for letters, plain in _SCHOLARLY:
        word = word.replace(letters, plain)
    return word[:-2] + "ich" if word.endswith("ic") else word


def _closest_person_first(word: str, people, forms) -> object | None:
    """The person whose accepted given name the word nearly is (None when it is one, or another
    romanization of one)."""
    best, score = None, 0.0
    folded = ascii_fold(word)
    for person in people:
        if any(ascii_fold(first) == folded or forms.same_romanization(word, first) for first in person.first_names):
            return None  # the same name without (or with) its diacritics, or romanized another way
        for first in person.first_names:
            if near(word, first):
                similarity = _similar(word, first)
                if similarity > score:
                    best, score = person, similarity
    return best


def person_names(ctx: Context, rule):
    for token, replacement, canonical in person_findings(ctx):
        if replacement == token.text:
            continue
        yield Hit(rule, token.start, token.end, {"replacement": replacement, "canonical": canonical},
                  fix_replacement=replacement)


def place_names(ctx: Context, rule):
    """A rare word one edit away from a major place, where the sentence speaks of places."""
    gz = gazetteer(ctx)
    people_tokens = {t.start for t, _, _ in person_findings(ctx)}
    text = ctx.document.text
    place_candidates = gz.per_word(_place_candidates)
    for run in tokens(ctx):
        if len(run) != 1:
            continue  # a multi-word capitalized run is a name or a title, not a lone place
        t = run[0]
        if len(t.text) < 5 or t.start in people_tokens:
            continue  # (a word under five letters has no candidates: not asked for them)
        found = place_candidates(t.text)
        if found is None:
            continue
        candidates, exonym = found
        # Two transliterations of one place need no other evidence; any other near miss needs a
        # sentence that speaks of places.
        if not any(transliteration_variants(t.text, c) for c in candidates) and not _place_context(text, t, gz):
            continue
        if zipf(t.text) > MAX_PLACE_ZIPF:  # _place_candidates asked already for words of letters only
            continue
        best = max(candidates, key=lambda c: _similar(t.text, c))
        if gz.forms.same_romanization(t.text, best):
            continue  # another romanization of the same name (Zaporizhia, Zaporizhzhia)
        yield Hit(rule, t.start, t.end, {"replacement": best}, fix_replacement=best,
                  confidence=0.9 if not exonym else 0.6)


def _place_candidates(word: str, gz) -> tuple[list[str], str | None] | None:
    """The major places a rare word may stand for (canonical names), with the place it is an exonym of,
    if any; None for a word no place is suggested for (short, accepted, a given name, a place, a
    word of letters only that English writes too often to be a misspelled place)."""
    if len(word) < 5:
        return None
    # Most capitalized words are common English words: the word table rules them out first (the
    # document's words are looked up already). Other words wait for the search among the places:
    # their frequency may need wordfreq.
    if word.isalpha() and zipf(word) > MAX_PLACE_ZIPF:
        return None
    if gz.is_accepted(word):
        return None
    folded = word.casefold()
    if folded in gz.by_first or ascii_fold(word) in gz.place_folded:
        return None
    exonym = gz.exonyms.get(folded)
    if exonym and folded in exonym.casefold().replace("-", " ").split():
        return None  # a part of the place's own name (Peredelkino, Novo-Peredelkino): another place
    candidates = [exonym] if exonym else gz.near_places(word)
    return (candidates, exonym) if candidates else None


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
