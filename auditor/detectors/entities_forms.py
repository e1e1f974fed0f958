"""Names in the wrong form: a Slavic case or gender ending kept (EN106) and a Latin-script name
rebuilt from its Cyrillic spelling (EN107); the house style (EN105) is entities_style.py.

The knowledge is data (rules/entities/transliteration.yaml, rules/entities/ukrainian-forms.yaml),
read through the gazetteer; the document's own mentions are the other witness (a text that writes
"Golosheykin" twice and "Golosheykina" once after "of").
"""
from __future__ import annotations

import re

from auditor.resources.name_text import MAX_PAIR_ZIPF, Token, ascii_fold, is_rare_name, translit_key
from auditor.resources.rarity import zipf
from auditor.detectors import Context, Hit
from auditor.detectors.entities import gazetteer, person_findings, tokens

# A form with a case ending must be a word English never prints (Kharkova, Zelenskogo).
MAX_OBLIQUE_ZIPF = 1.0
# A rebuilt spelling must be one too (Shtutgart, Sholts): Smit is a Dutch name in its own right.
MAX_REBUILT_ZIPF = 1.0
# Case endings tried on listed names of any country (longest first), and how often the stem must be
# printed in English (wordfreq Zipf): a name English news knows (London, Biden), not a short token.
STEM_ENDINGS = ("ovi", "om", "ym", "em", "a", "u", "e", "y")
LISTED_STEM_ZIPF = 2.5
# How many times more documents of a batch must write the masculine form than the -a form for the
# -a to be read as a case ending.
BATCH_MAJORITY = 3
# Surname endings a nominative read back from an oblique form must have, and the letters the
# oblique ending replaced (Petrenka -> Petrenk + o, Zelenskoho -> Zelensk + y).
_SURNAME_NOMINATIVE = re.compile(r"(?:ov|ev|in|yn|enko|uk|chuk|ych|ich|sky|skyi|skiy|nyi|niy)$")
_NOMINATIVE_TAILS = ("", "o", "y", "yi", "iy")
# Letters a romanization of Cyrillic never writes: a word holding them is no round trip (and is
# not looked up).
_NOT_ROUND_TRIP = re.compile(r"[wqxWQX]|[cC](?!h)|ph|th")
# Scholarly letters for Cyrillic ones, and what English news writes; a name in them is judged
# only with an ending Russian or Ukrainian names have and Czech ones do not (Holešov is Czech),
# and no other non-ASCII letter.
_SCHOLARLY_LETTERS = (("č", "ch"), ("š", "sh"), ("ž", "zh"))
_NOT_SCHOLARLY = re.compile(r"[^A-Za-zčšžČŠŽ'’-]")
_SLAVIC_NAME_ENDING = re.compile(r"(?:ovo|evo|ino|sky|skiy|skyi|skaya|enko|chuk|ych|yi|iy|ii|ev|eva|yev|yeva)$")
# A bare c, which the Slavic Latin alphabets write for the Cyrillic ц, before a Russian or
# Ukrainian ending (Starcev: Startsev; Alcobev is no name of that kind).
_LATIN_C = re.compile(r"c(?=(?:ev|eva|enko)$)")
# German romanization of Cyrillic: its marks, and the English news letters for them.
# (-ow and -ew only in a long word, after a vowel and a consonant: Samsonow, not Bromesberrow,
# Shadowcrew or a short name of its own.)
_GERMAN_MARKS = re.compile(r"sch|^.{4,}[aeiouy][bdklmnstvz][oe]w$")
_GERMAN_TO_ENGLISH = tuple((re.compile(a), b) for a, b in (
    ("tsch", "ch"), ("sch", "sh"), ("w", "v"), ("^j(?=[aeuo])", "y"), ("(?<=[aeiou])j", "y")))
_RUSSIAN_ENDING = re.compile(r"(?:ov|ev|in|yn|enko|sky|skiy|ovich|evich)$")
# A name with a capital inside (McGregor, MacLeod) declines like any other.
_SCOTTISH = re.compile(r"Ma?c[A-Z][a-z]+")
_SCOTTISH_IN_TEXT = re.compile(r"Ma?c[A-Z]")
# A stem the gazetteers do not list must be a name English writes often (McGregor).
USED_STEM_ZIPF = (3.0, 4.0)
# Surname endings whose feminine adds -a (Ivanov, Ivanova): there -a may be her surname, not a case.
_FEMININE_A = ("ov", "ev", "in", "yn", "iv")
# Titles before a woman's name: her surname takes the feminine form, so -ova is no case ending.
_WOMAN_TITLES = frozenset(["ms", "mrs", "miss", "madam", "madame", "lady", "dame", "mme"])


def cased_like(form: str, like: str) -> str:
    return form.upper() if like.isupper() and len(like) > 1 else form[:1].upper() + form[1:]


def _woman_before(ctx: Context, run: list[Token], i: int, forms) -> bool:
    if i == 0:
        before = ctx.document.text[max(0, run[0].start - 8):run[0].start].split()
        return bool(before) and before[-1].casefold().rstrip(".") in _WOMAN_TITLES
    word = run[i - 1].text.casefold().rstrip(".")
    return word in forms.female_given_names or word in _WOMAN_TITLES


def _by_stem(ctx: Context) -> dict[str, list[str]]:
    """The text's capitalized words rare in English, by their first three letters (folded): the
    nominatives an oblique form in the same text may come from."""
    out: dict[str, list[str]] = {}
    # name_rarity holds every capitalized word of four letters or more, lower-case after its capital.
    for word in sorted(w for w, used in ctx.need("name_rarity").items() if used < MAX_PAIR_ZIPF):
        out.setdefault(word[:3].casefold(), []).append(word)
    return out


def _declinable(ctx: Context) -> list[tuple[Token, list[Token], int]]:
    """The words that may carry a case ending or a masculine ending, each with its run and place
    in it, in the order of the text: the rare names (a word English prints once in a million
    words or more is neither), and Scottish names (McGregor), which a regular expression
    finds first in the text (few texts have one)."""
    # A woman's surname the rules could decline is as rare (_feminine_form skips surnames at
    # MAX_PAIR_ZIPF or more), so the rare names hold it.
    rare = ctx.need("rare_names")
    if not _SCOTTISH_IN_TEXT.search(ctx.document.text):
        return rare
    scottish = [(t, run, i) for run in tokens(ctx) for i, t in enumerate(run)
                if len(t.text) >= 5 and _SCOTTISH.fullmatch(t.text)]
    return sorted([*rare, *scottish], key=lambda name: name[0].start) if scottish else rare


def _local_nominative(word: str, key: str, by_stem: dict[str, list[str]], forms) -> str | None:
    for other in by_stem.get(word[:3].casefold(), ()):
        if other != word and key in forms.oblique_keys(other):
            return other
    return None


def case_endings(ctx: Context, rule):
    """A Russian or Ukrainian name with an oblique-case ending (Kharkova, Zelenskogo), or a woman's
    surname with the masculine ending (Yulia Navalny)."""
    gz = gazetteer(ctx)
    forms = gz.forms
    flagged = {t.start for t, _, _ in person_findings(ctx)}
    # Built when first needed (most texts never need them): the text's capitalized words, the
    # spellings it writes after a woman's given name or title (her surname, not a case), and its
    # rare words by stem.
    words = woman = by_stem = None
    unknown = gz.per_word(_unknown_to_english)
    listed_nominative = gz.per_word(_listed_nominative)
    # Only rare and Scottish names can be judged below (_declinable): the others are not visited.
    # Each has five letters or more, lower-case after its capital (a rare name) or a Scottish name.
    for t, run, i in _declinable(ctx):
        if t.start in flagged:
            continue
        if i and run[i - 1].text.casefold() in forms.female_given_names:
            words = {w.text for r in tokens(ctx) for w in r} if words is None else words
            feminine = _feminine_form(ctx, run[i - 1].text, t.text, gz, words)
            if feminine:
                yield Hit(rule, t.start, t.end, {"replacement": feminine, "form": "the masculine ending"},
                          fix_replacement=feminine)
                continue
        if not unknown(t.text):
            continue
        folded = t.text.casefold()
        if i + 1 < len(run) and _oblique_given_name(t.text, gz):
            continue  # a given name in an oblique case: flagged with the surname after it
        if not t.text.isascii():
            continue  # a native Latin spelling (Pécresse, Rakovníka, Rovná), not a romanized case ending
        key = forms.romanization_key(t.text)
        nominative = gz.oblique_index.get(key)  # a listed man's surname or a place: no feminine reading
        if nominative is None:
            by_stem = _by_stem(ctx) if by_stem is None else by_stem
            nominative = (_local_nominative(t.text, key, by_stem, forms)
                          or _batch_nominative(ctx, t.text, key, forms)
                          or (listed_nominative(t.text) if _alone_or_after_given(run, i, gz) else None))
            oblique_given = i > 0 and _oblique_given_name(run[i - 1].text, gz)
            if nominative is None and oblique_given:
                nominative = _surname_nominative(t.text, key, forms)
            if nominative is None or (_maybe_her_surname(folded, nominative, gz)
                                      and not (oblique_given or _man_before(run, i, gz, forms)
                                               or _batch_prefers(ctx, nominative, t.text))):
                continue
        if woman is None:
            woman = {w.text for r in tokens(ctx) for j, w in enumerate(r) if _woman_before(ctx, r, j, forms)}
        if nominative.casefold() != folded and t.text not in woman:
            if i > 0 and _oblique_given_name(run[i - 1].text, gz):
                # The given name before it is in the same case (Dmytra Petrenka): both get the nominative.
                given = run[i - 1]
                nominative_given = gz.given_obliques[forms.romanization_key(given.text)]
                yield Hit(rule, given.start, given.end, {"replacement": nominative_given, "form": "a case ending"},
                          fix_replacement=cased_like(nominative_given, given.text))
            yield Hit(rule, t.start, t.end, {"replacement": nominative, "form": "a case ending"},
                      fix_replacement=cased_like(nominative, t.text))


def _unknown_to_english(word: str, gz) -> bool:
    """Neither a given name, nor a form the gazetteers accept, nor a word English prints."""
    # How common the word is, first: the document's words are looked up already, and most are
    # printed in English.
    if zipf(word) >= MAX_OBLIQUE_ZIPF:
        return False
    folded = word.casefold()
    return not (folded in gz.forms.female_given_names or folded in gz.by_first or gz.is_accepted(word))


def _feminine_form(ctx: Context, given: str, surname: str, gz, words: set[str]) -> str | None:
    """The feminine form of a masculine surname after a woman's given name, when the feminine is known
    (gazetteer, text, batch) or the ending adjectival (-sky, -nyi), which no woman's surname keeps in
    Russian or Ukrainian; an emigre may keep one form (Tatiana Golovin)."""
    forms = gz.forms
    if any(given.casefold() in p.first_names for p in gz.by_surname.get(surname.casefold(), ())) or zipf(surname) >= MAX_PAIR_ZIPF:
        return None
    candidates = forms.feminine(surname)
    known = [f for f in candidates if gz.is_accepted(f) or f in words or
             (ctx.corpus is not None and ctx.corpus.names.get(f, 0) > 0)]
    adjectival = surname.casefold().endswith(("sky", "skyi", "skiy", "skii", "nyi", "nyy"))
    feminine = (known or candidates or [None])[0]
    return feminine if feminine and feminine != surname and (known or adjectival) else None


def _maybe_her_surname(folded: str, nominative: str, gz) -> bool:
    """Ivanova is a woman's surname as often as Ivanov in the genitive (a place has no gender)."""
    nominative = nominative.casefold()
    return folded == nominative + "a" and nominative.endswith(_FEMININE_A) and nominative not in gz.place_accepted


def _oblique_given_name(word: str, gz) -> bool:
    """A man's given name in an oblique case (Dmytra, Oleksandrom, Sergeya), a word English never
    prints (Petra and Fedora are names of their own)."""
    return (len(word) >= 4 and word[1:].islower() and word.casefold() not in gz.forms.female_given_names
            and gz.forms.romanization_key(word) in gz.given_obliques and zipf(word) < MAX_OBLIQUE_ZIPF)


def _surname_nominative(word: str, key: str, forms) -> str | None:
    """The nominative of a Russian or Ukrainian surname in an oblique case, read from its ending
    after a given name in an oblique case: Dmytra Petrenka -> Petrenko, Sergeya Ivanova -> Ivanov."""
    for cut in range(1, 5):
        stem = word[:-cut]
        for tail in _NOMINATIVE_TAILS:
            candidate = stem + tail
            if len(candidate) >= 4 and _SURNAME_NOMINATIVE.search(candidate) and key in forms.oblique_keys(candidate):
                return candidate
    return None


def _batch_prefers(ctx: Context, nominative: str, word: str) -> bool:
    """The batch writes the masculine nominative in many more documents than this -a form (Vavilov
    8, Vavilova 2): here -a is the case ending, not a woman's surname (she keeps hers in every
    document that names her)."""
    corpus = ctx.corpus
    return (corpus is not None and corpus.names.get(nominative, 0) >= BATCH_MAJORITY * max(1, corpus.names.get(word, 0)))


def _man_before(run: list[Token], i: int, gz, forms) -> bool:
    before = run[i - 1].text.casefold() if i else ""
    return bool(before) and before in gz.by_first and before not in forms.female_given_names


def _alone_or_after_given(run: list[Token], i: int, gz) -> bool:
    """A word that stands alone, or ends a person's name (Joe Bidena): in a longer run it is part of
    a title or a brand (Homsu Diamond Waist Bag)."""
    return len(run) == 1 or (i == len(run) - 1 and run[i - 1].text.casefold() in gz.by_first)


def _listed_nominative(word: str, gz) -> str | None:
    """A name the gazetteers list (any country), or one English writes often, with a Slavic case
    ending English never writes: Londona, Bidena, Trumpa, McGregora. The whole word must be unknown
    to English."""
    if zipf(word) > 0:
        return None
    for ending in STEM_ENDINGS:
        stem = word[:-len(ending)]
        if word.endswith(ending) and len(stem) >= 4:
            used = zipf(stem)
            if used >= LISTED_STEM_ZIPF and gz.is_accepted(stem):
                return stem
            # A name English writes often, not a common word (Trees, Alumni); Slavic endings go on
            # a consonant (McGregora), not on a vowel (Solay).
            if USED_STEM_ZIPF[0] <= used <= USED_STEM_ZIPF[1] and stem[-1].casefold() not in "aeiouy":
                return stem
    return None


def _batch_nominative(ctx: Context, word: str, key: str, forms) -> str | None:
    """With a corpus: the nominative other documents of the batch write, more often than this form."""
    corpus = ctx.corpus
    if corpus is None or not corpus.names:
        return None
    own = corpus.names.get(word, 0)
    best = None
    for other in corpus.name_index.get((word[:1].casefold(), len(word)), ()):
        # The nominative may be the longer form: Gamaleya, genitive Gamalei.
        if (other != word and corpus.names[other] > own and key in forms.oblique_keys(other)
                and (best is None or corpus.names[other] > corpus.names[best])):
            best = other
    return best


def rebuilt_names(ctx: Context, rule):
    """A German, Polish, Czech or English name spelled from its Cyrillic form (Shtutgart, Sholts), or a
    rare word one round-trip change from a name English writes (Pireli)."""
    # Every spelling _rebuilt_native returns a native name for has four letters or more, is
    # lower-case after its capital and is a word English hardly prints: the words of name_rarity
    # below MAX_REBUILT_ZIPF. Most texts have none, and only those words are visited.
    suspects = [word for word, used in ctx.need("name_rarity").items() if used < MAX_REBUILT_ZIPF]
    if not suspects:
        return
    gz = gazetteer(ctx)
    rebuilt = gz.per_word(_rebuilt_native)  # the same words come back document after document
    # The suspects judged first (most are no rebuilt name): the text is read only for those that are.
    natives = {word: native for word in suspects if (native := rebuilt(word))}
    if not natives:
        return
    flagged = {t.start for t, _, _ in person_findings(ctx)}
    for run in tokens(ctx):
        for t in run:
            native = natives.get(t.text)
            if native and t.start not in flagged:
                yield Hit(rule, t.start, t.end, {"replacement": native}, fix_replacement=native)


def _rebuilt_native(word: str, gz) -> str | None:
    """The spelling EN107 suggests for a capitalized word (the plain romanization of scholarly
    letters, or the native name a rebuilt spelling stands for), or None."""
    ascii_ = word.isascii()
    if not ascii_ or _LATIN_C.search(word, 1):
        plain = _plain_romanization(word, gz)
        if plain:
            return plain
    # A romanization is plain ASCII: Sükür is a Turkish name, not a rebuilt Sukkur.
    if not ascii_ or len(word) < 4 or not word[1:].islower() or gz.is_accepted(word):
        return None
    native = gz.rebuilt_index.get(translit_key(word))
    if native and (ascii_fold(native) == ascii_fold(word) or zipf(word) >= MAX_REBUILT_ZIPF):
        return None
    if native is None:
        native = _german_romanization(word, gz)
    if native is None:
        # Only words rare in English (what the rare_names stage holds; it starts at five letters)
        # and four-letter words are searched.
        rare = is_rare_name(word)
        native = _used_native(word, gz) if rare or len(word) == 4 else None
        if native is None and rare and zipf(word) == 0:
            native = gz.forms.native_ending(word)  # Altshtein -> Altstein
    return native or None


def _plain_romanization(word: str, gz) -> str | None:
    """A Russian or Ukrainian name in scholarly letters (č, š, ž, c for ц), which English news
    does not write, in the romanization it does: Kanatčikovo -> Kanatchikovo, Starcev -> Startsev.
    Only a name with a Russian or Ukrainian ending and no other foreign letter (Dvořák, Šefčovič
    and Kovač are native spellings)."""
    if (len(word) < 5 or not word[1:].islower() or _NOT_SCHOLARLY.search(word) or word[0] in "Cc"
            or not _SLAVIC_NAME_ENDING.search(word) or gz.is_accepted(word) or zipf(word) > 0):
        return None
    plain = _LATIN_C.sub("ts", word)
    for letter, digraph in _SCHOLARLY_LETTERS:
        plain = plain.replace(letter, digraph).replace(letter.upper(), digraph.capitalize())
    return plain if plain != word else None


def _german_romanization(word: str, gz) -> str | None:
    """A Russian or Ukrainian name romanized by German rules (Schulgin, Gorbatschow, Lawrow) in the
    romanization English news writes (Shulgin, Gorbachov, Lavrov): German letters in a word with
    a Russian or Ukrainian ending, unknown to English."""
    lower = word.casefold()
    if not _GERMAN_MARKS.search(lower) or not word[1:].islower() or gz.is_accepted(word) or zipf(word) > 0:
        return None
    plain = lower
    for pattern, replacement in _GERMAN_TO_ENGLISH:
        plain = pattern.sub(replacement, plain)
    if plain == lower or not _RUSSIAN_ENDING.search(plain) or lower.endswith(("ein", "stein")):
        return None
    return word[:1] + plain[1:] if plain[:1] == lower[:1] else plain.capitalize()


def _used_native(word: str, gz) -> str | None:
    """The name English writing uses that a round trip through Cyrillic gives back as ``word``
    (Pireli for Pirelli, Bakardi for Bacardi, Sahalin for Sakhalin); the word must be unknown to
    English. The gazetteer memoizes the search by word."""
    if _NOT_ROUND_TRIP.search(word) or zipf(word) > 0:
        return None
    return gz.used_native(word)
