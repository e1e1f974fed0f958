"""Names spelled two ways: within a document (EN103) and against the batch (EN104).

A majority is not evidence by itself: ten machine translations of one story often agree on the
wrong spelling, and a vote would then push the human translation toward it. A spelling is reported
louder than info only when something besides the vote says the other spelling is right:

- the gazetteer accepts the other spelling and not this one;
- English usage: the other spelling is a word English writing uses (wordfreq) and this one is not;
- a romanization system: this spelling uses letters no romanization of Cyrillic writes (w, q, ck,
  ph, th, ou...) where the other does not, or drops the k of a kh the other keeps.

Two romanizations of one Cyrillic spelling (Valery/Valeriy) are both acceptable and never reported;
under a house style, nothing is ever pushed toward a form the style avoids (Kharkov, -ovich).
"""
from __future__ import annotations

import re

from auditor.resources.name_similarity import edits, near
from auditor.resources.name_style import resolve_style
from auditor.resources.name_text import rare_words, transliteration_variants
from auditor.resources.rarity import zipf
from auditor.detectors import Context, Hit
from auditor.detectors.entities import gazetteer, person_findings, rare_names, tokens

# Letters and digraphs that no romanization of Russian or Ukrainian used by English news writes
# (the scholarly č, š, ž included, and a bare c).
_NON_SYSTEM = re.compile(r"ck|w|q|ph|th|gh|ou|oo|ee|tz|dj|sch|ä|ö|ü|é|è|č|š|ž|ć|ś|ł|c(?![hkz])")
# Digraphs that mark a spelling as a romanization of Cyrillic.
_CYRILLIC_DIGRAPHS = re.compile(r"kh|zh|ts|sh|ch|yu|ya|iy|yi|ye|yo")
# Cyrillic digraphs and what a spelling that lost a letter of them writes instead.
_DIGRAPH_LOSSES = (("ya", ("a", "y")), ("yu", ("u", "y")), ("ia", ("a",)), ("iu", ("u",)), ("kh", ("h", "k")),
                   ("zh", ("z",)), ("dzh", ("j", "dz")))
# A Russian or Ukrainian surname ending: the name is a romanization even without a digraph.
_SLAVIC_ENDING = re.compile(r"(?:ov|ova|ev|eva|in|ina|yn|yna|sky|skiy|skyi|ska|skaya|enko|uk|yuk|chuk|ovich|ovych)$")
# English usage as evidence: the other spelling is printed in English, this one never is.
USAGE_ZIPF = 1.5


def _is_inflection(a: str, b: str) -> bool:
    """Kuleba / Kulebas, Putin / Putins: one form is the other plus a short ending."""
    a, b = a.casefold(), b.casefold()
    short, long_ = sorted((a, b), key=len)
    return long_.startswith(short) and len(long_) - len(short) <= 2


def _variant_pair(a: str, b: str) -> bool:
    return a != b and not _is_inflection(a, b) and edits(a, b) <= 2 and near(a, b, 0.9)


def _system_evidence(spelling: str, other: str) -> bool:
    """``other`` romanizes a Cyrillic name by a system (its digraphs say so, and it has no letter
    outside the system) where ``spelling`` strays from it (a foreign letter, a kh without its k).
    A native Latin name (Pecresse, Matthews) has no such digraphs, so it is never judged so."""
    a, b = spelling.casefold(), other.casefold()
    if not (_CYRILLIC_DIGRAPHS.search(b) or _SLAVIC_ENDING.search(b)) or _NON_SYSTEM.search(b):
        return False
    if _NON_SYSTEM.search(a) or a.replace("ch", "kh") == b:  # Bezbach for Bezbakh: a German ch
        return True
    if "j" in a and "j" not in b and a.replace("j", "y") == b:  # Purjasev for Puryasev: a German j
        return True
    return (b.count("kh") > a.count("kh") and transliteration_variants(a, b)) or _lost_letter(a, b)


def _lost_letter(a: str, b: str) -> bool:
    """``a`` is ``b`` with one or two of its letters lost where no romanization system loses them:
    the y of a ya or yu (Averanov for Averyanov, Krychkov for Kryuchkov), the k of a kh, the h of a
    zh, and in a Russian or Ukrainian surname a vowel or the i of ei, ai, oi (Blomestnova for
    Belomestnova, Gloshekin for Golosheikin). ye and ie are left out: Arsenev and Arsenyev are both
    acceptable."""
    if len(b) < 6 or not 0 < len(b) - len(a) <= 3:
        return False  # Maria and Mara are two names
    slavic = bool(_SLAVIC_ENDING.search(b))
    once = _losses(b, slavic)
    return a in once or any(a in _losses(shorter, slavic) for shorter in once)


def _losses(b: str, slavic: bool) -> set[str]:
    """``b`` with one letter lost (see ``_lost_letter``)."""
    out = set()
    for full, shorts in _DIGRAPH_LOSSES:
        start = b.find(full)
        while start >= 0:
            out.update(b[:start] + short + b[start + len(full):] for short in shorts)
            start = b.find(full, start + 1)
    if slavic:  # a vowel dropped, or the i (Cyrillic й) after one; never the first or the ending's
        out.update(b[:i] + b[i + 1:] for i in range(1, len(b) - 2)
                   if (b[i] in "aeou" and b[i - 1] not in "iy") or (b[i] == "i" and b[i - 1] in "aeo"))
    return out


def _avoided(form: str, style) -> bool:
    """A form the house style avoids: a listed Russian-derived form, or a Russian-derived ending."""
    return style is not None and _style_form(form, style) != form


def _style_form(form: str, style) -> str:
    """The form the house style writes for ``form`` (Arestovich -> Arestovych; itself otherwise).
    Given names are left alone: only the person decides them (Sergei Lavrov keeps his)."""
    if style is None:
        return form
    folded = form.casefold()
    preferred = style.places.get(folded)
    if preferred:
        return preferred
    for ending, replacement in style.suffixes.items():
        if folded.endswith(ending):
            return form[:len(form) - len(ending)] + replacement
    return form


def _native_twin(spelling: str, other: str, gz, more_common: bool) -> bool:
    """``other`` is the native spelling that ``spelling`` rebuilds from Cyrillic (Altshtein from
    Altstein, Bonel from Bonnel), and English writing or the gazetteer knows it, or more documents
    write it. A lone native-looking spelling is no evidence: machine translation also invents
    German-looking spellings of Russian names (Schulgin for Shulgin)."""
    # A spelling English writes (Rajiv next to Rajeev, Schaefer next to Schäfer) is a name of its own.
    # A native spelling with its own letters (Popović) is no invention: its rebuilt twin (Popovich)
    # is judged even where English prints it as another name.
    return ((zipf(spelling) == 0 or not other.isascii()) and gz.forms.rebuilt_from(spelling, other)
            and (more_common or gz.is_accepted(other) or zipf(other) > 0))


def _listed_name(form: str, gz) -> bool:
    """A place or a surname the gazetteer lists. A given name is no evidence: Andrey and Andriy are
    both somebody's name."""
    folded = form.casefold()
    return folded in gz.place_accepted or folded in gz.by_surname


def _name_pair(a: str, b: str, gz) -> bool:
    """The Russian and the Ukrainian form of one given name (Andrey, Andriy): two people's names."""
    given = gz.ukrainian_style.given_names
    fa, fb = a.casefold(), b.casefold()
    return given.get(fa, fa).casefold() == given.get(fb, fb).casefold()


def evidence(spelling: str, other: str, gz, style, more_common: bool = False) -> str | None:
    """Why ``other`` is right where ``spelling`` is not, or None (a bare vote, or both acceptable)."""
    if gz.forms.same_romanization(spelling, other) or _avoided(other, style):
        return None
    if _native_twin(spelling, other, gz, more_common):
        return "native spelling"
    if _listed_name(other, gz) and not gz.is_accepted(spelling):
        return "gazetteer"
    if zipf(spelling) == 0 and zipf(other) >= USAGE_ZIPF:
        return "English usage"
    if _system_evidence(spelling, other):
        return "romanization"
    return None


def _acceptable(spelling: str, other: str, gz, style) -> bool:
    """Both spellings are acceptable (or the style prefers this one): never reported, not even as info.
    Under a house style the other spelling is read in the style's form (Arestovich as Arestovych)."""
    if style is not None and (spelling.casefold() in style.preferred
                              or gz.forms.same_romanization(spelling, _style_form(other, style))):
        return True
    # A native Latin spelling English prints or the gazetteer lists is never pushed toward its
    # rebuilt twin (Popović, Popovich); a lone German-looking Schulgin may be invented, and is judged.
    return (gz.forms.same_romanization(spelling, other) or _name_pair(spelling, other, gz)
            or ((zipf(spelling) > 0 or gz.is_accepted(spelling)) and gz.forms.rebuilt_from(other, spelling)))


def _twin_tokens(ctx: Context):
    """Capitalized words with a near twin in the same document. Only the rare ones
    (``rare_words``, from the word table) are ever reported, so only pairs with a rare word are
    compared: two common words may be twins, but neither is a candidate."""
    from rapidfuzz.distance import Levenshtein

    rare = rare_words(ctx.need("name_rarity"))
    if not rare:
        return []
    # The distinct words of five letters or more, lower-case after the capital (name_rarity holds
    # every such word of four letters or more), grouped by their first letter: a variant pair
    # shares it. Only the letters a rare word begins with are needed.
    initials = {word[0] for word in rare}
    by_initial: dict[str, list[str]] = {}
    for word in ctx.need("name_rarity"):
        if len(word) >= 5 and word[0] in initials:
            by_initial.setdefault(word[0], []).append(word)
    twins: set[str] = set()
    for group in by_initial.values():
        if len(group) < 2:
            continue
        # Each pair with a rare word once: a rare word against the other words of its group (two
        # rare words in alphabetical order only). A variant pair is at most two edits apart: that
        # (cheap) test comes first; _variant_pair reads a pair in alphabetical order.
        folded = {word: word.casefold() for word in group}
        for a in rare.intersection(group):
            for b in group:
                if (b != a and (b > a or b not in rare) and abs(len(a) - len(b)) <= 2
                        and Levenshtein.distance(folded[a], folded[b], score_cutoff=2) <= 2
                        and _variant_pair(min(a, b), max(a, b))):
                    twins.add(a)
                    twins.add(b)
    return [t for run in tokens(ctx) for t in run if t.text in twins] if twins else []


def spelled_two_ways(ctx: Context, rule):
    """The same name spelled two ways in one document: the rarer spelling is flagged."""
    gz = gazetteer(ctx)
    style = resolve_style(ctx.options, gz.ukrainian_style)
    candidates = _twin_tokens(ctx)
    if not candidates:
        return
    rare_set = rare_words(ctx.need("name_rarity"))  # the twins are words of name_rarity
    rare_all = [t for t in candidates if t.text in rare_set]
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
            if not _variant_pair(a, b) or _acceptable(a, b, gz, style):
                continue
            # A native spelling beats its Cyrillic-rebuilt twin; otherwise the more frequent spelling
            # wins (an accepted form always does); ties go to the first used.
            b_rank = (_native_twin(a, b, gz, True), b in accepted_here, counts.get(b, 0), -first_seen.get(b, 0))
            a_rank = (_native_twin(b, a, gz, True), False, counts[a], -first_seen[a])
            if b_rank > a_rank:
                best = majority.get(a)
                if best is None or (counts.get(b, 0), b) > (counts.get(best, 0), best):
                    majority[a] = b
    flagged_people = {t.start for t, _, _ in person_findings(ctx)}
    for t in rare:
        target = majority.get(t.text)
        if target and t.start not in flagged_people:
            target = _style_form(target, style)
            # Two transliterations of one name, or evidence for the other spelling, are translation
            # damage; any other near pair may be two people (Horan, Horgan) or a typo: information only.
            loud = transliteration_variants(t.text, target) or evidence(
                t.text, target, gz, style, counts.get(target, 0) > counts[t.text])
            yield Hit(rule, t.start, t.end, {"replacement": target}, fix_replacement=target,
                      severity=None if loud else "info")


def differs_from_corpus(ctx: Context, rule):
    """A name spelled differently from the majority of the corpus: a warning with evidence that the
    majority is right, information on a bare vote (never an accepted or acceptable form)."""
    corpus = ctx.corpus
    if corpus is None or not corpus.names:
        return
    gz = gazetteer(ctx)
    style = resolve_style(ctx.options, gz.ukrainian_style)
    index = corpus.name_index
    flagged = {t.start for t, _, _ in person_findings(ctx)}
    for t in rare_names(ctx):
        if t.start in flagged or gz.is_accepted(t.text):
            continue
        own = corpus.names.get(t.text, 0)
        best, best_native = None, False
        for other in index.get((t.text[:1].casefold(), len(t.text)), ()):  # lengths within two
            count = corpus.names[other]
            if not _variant_pair(t.text, other) or _acceptable(t.text, other, gz, style):
                continue
            # The native spelling anywhere in the batch outweighs its Cyrillic-rebuilt twins.
            native = _native_twin(t.text, other, gz, count > own)
            if (count <= own and not native) or _rejected(other, gz):
                continue
            if best is None or (native, count, other) > (best_native, corpus.names[best], best):
                best, best_native = other, native
        if best:
            count = corpus.names[best]
            best = _style_form(best, style)
            why = evidence(t.text, best, gz, style, count > own)
            yield Hit(rule, t.start, t.end, {"replacement": best, "count": count, "own": own,
                                             "evidence": why or "majority only"},
                      fix_replacement=best, severity=None if why else "info")


def _rejected(form: str, gz) -> bool:
    """A form the gazetteer rejects: not accepted, but a near miss of a name it knows."""
    if gz.is_accepted(form):
        return False
    if gz.near_places(form):
        return True
    from rapidfuzz import process

    match = process.extractOne(form.casefold(), gz.surname_list, score_cutoff=90)
    return bool(match and near(form, match[0]))
