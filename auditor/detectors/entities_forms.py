"""Names in the wrong form: a Slavic case or gender ending kept (EN106), a Latin-script name
rebuilt from its Cyrillic spelling (EN107), and a form the house style avoids (EN105).

The knowledge is data (rules/entities/transliteration.yaml, rules/entities/ukrainian-forms.yaml),
read through the gazetteer; the document's own mentions are the other witness (a text that writes
"Golosheykin" twice and "Golosheykina" once after "of").
"""
from __future__ import annotations

import re

from auditor.resources.name_similarity import edits
from auditor.resources.name_style import resolve_style
from auditor.resources.name_text import Token, ascii_fold, translit_key
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
# Surname endings whose feminine adds -a (Ivanov, Ivanova): there -a may be her surname, not a case.
_FEMININE_A = ("ov", "ev", "in", "yn", "iv")
# Titles before a woman's name: her surname takes the feminine form, so -ova is no case ending.
_WOMAN_TITLES = frozenset(["ms", "mrs", "miss", "madam", "madame", "lady", "dame", "mme"])
_UKRAINE = re.compile(r"\bUkrain")
# Russian-derived endings that surnames carry as well as patronymics (Arestovich); the others
# (-ovna, -evna) are only a woman's patronymic.
_SURNAME_ENDINGS = ("ovich", "evich")


def _cased(form: str, like: str) -> str:
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
    for word in sorted({t.text for run in tokens(ctx) for t in run}):
        if len(word) >= 4 and word[1:].islower() and zipf(word) < 3.0:
            out.setdefault(word[:3].casefold(), []).append(word)
    return out


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
    words = {t.text for run in tokens(ctx) for t in run}
    # Spellings the text writes after a woman's given name or title: her surname, not a case.
    woman = {t.text for run in tokens(ctx) for i, t in enumerate(run) if _woman_before(ctx, run, i, forms)}
    by_stem = None
    for run in tokens(ctx):
        for i, t in enumerate(run):
            if t.start in flagged or len(t.text) < 5 or not t.text[1:].islower():
                continue
            if i and run[i - 1].text.casefold() in forms.female_given_names:
                feminine = _feminine_form(ctx, run[i - 1].text, t.text, gz, words)
                if feminine:
                    yield Hit(rule, t.start, t.end, {"replacement": feminine, "form": "the masculine ending"},
                              fix_replacement=feminine)
                    continue
            folded = t.text.casefold()
            if (gz.is_accepted(t.text) or zipf(t.text) >= MAX_OBLIQUE_ZIPF or t.text in woman
                    or folded in forms.female_given_names or folded in gz.by_first):
                continue
            key = forms.romanization_key(t.text)
            nominative = gz.oblique_index.get(key)  # a listed man's surname or a place: no feminine reading
            if nominative is None:
                by_stem = _by_stem(ctx) if by_stem is None else by_stem
                nominative = (_local_nominative(t.text, key, by_stem, forms)
                              or _batch_nominative(ctx, t.text, key, forms) or _listed_nominative(t.text, gz))
                if nominative is None or (_maybe_her_surname(folded, nominative, gz)
                                          and not _man_before(run, i, gz, forms)):
                    continue
            if nominative.casefold() != folded:
                yield Hit(rule, t.start, t.end, {"replacement": nominative, "form": "a case ending"},
                          fix_replacement=_cased(nominative, t.text))


def _feminine_form(ctx: Context, given: str, surname: str, gz, words: set[str]) -> str | None:
    """The feminine form of a masculine surname after a woman's given name, when the feminine is known
    (gazetteer, text, batch) or the ending adjectival (-sky, -nyi), which no woman's surname keeps in
    Russian or Ukrainian; an emigre may keep one form (Tatiana Golovin)."""
    forms = gz.forms
    if any(given.casefold() in p.first_names for p in gz.by_surname.get(surname.casefold(), ())) or zipf(surname) >= 3.0:
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


def _man_before(run: list[Token], i: int, gz, forms) -> bool:
    before = run[i - 1].text.casefold() if i else ""
    return bool(before) and before in gz.by_first and before not in forms.female_given_names


def _listed_nominative(word: str, gz) -> str | None:
    """A name the gazetteers list (any country), with a Slavic case ending English never writes:
    Londona, Bidena, Trumpa. The whole word must be unknown to English."""
    if zipf(word) > 0:
        return None
    for ending in STEM_ENDINGS:
        stem = word[:-len(ending)]
        if word.endswith(ending) and len(stem) >= 4 and gz.is_accepted(stem) and zipf(stem) >= LISTED_STEM_ZIPF:
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
        if (len(other) < len(word) and corpus.names[other] > own and key in forms.oblique_keys(other)
                and (best is None or corpus.names[other] > corpus.names[best])):
            best = other
    return best


def rebuilt_names(ctx: Context, rule):
    """A German, Polish, Czech or English name spelled from its Cyrillic form (Shtutgart, Sholts)."""
    gz = gazetteer(ctx)
    flagged = {t.start for t, _, _ in person_findings(ctx)}
    for run in tokens(ctx):
        for t in run:
            # A romanization is plain ASCII: Sükür is a Turkish name, not a rebuilt Sukkur.
            if (t.start in flagged or len(t.text) < 4 or not t.text[1:].islower() or not t.text.isascii()
                    or gz.is_accepted(t.text)):
                continue
            native = gz.rebuilt_index.get(translit_key(t.text))
            if not native or ascii_fold(native) == ascii_fold(t.text) or zipf(t.text) >= MAX_REBUILT_ZIPF:
                continue
            yield Hit(rule, t.start, t.end, {"replacement": native}, fix_replacement=native)


def _keep_spans(text: str, style) -> list[tuple[int, int]]:
    spans = []
    for phrase in style.keep:
        start = text.find(phrase)
        while start >= 0:
            spans.append((start, start + len(phrase)))
            start = text.find(phrase, start + 1)
    return spans


def _ukrainian_surname(word: str, gz, style) -> bool | None:
    """True for a listed Ukrainian or a Ukrainian surname ending, False for a listed non-Ukrainian."""
    people = gz.by_surname.get(word.casefold())
    if people:
        return any(p.country == "UA" for p in people)
    folded = word.casefold()
    return any(folded.endswith(e) for e in style.surname_endings) or None


def _other_ukrainian_name(word: str, gz) -> str | None:
    """The Ukrainian place a word names in another (Russian-derived) spelling: Gorlovka, Kremenchug."""
    canonical = gz.ukrainian_alternates.get(word.casefold())
    if (canonical is None or not word.isascii() or zipf(word) >= 2.5 or edits(word, canonical) > 3
            or gz.forms.same_romanization(word, canonical)):
        return None
    return canonical


def _ukrainian_surname_form(word: str, gz) -> str | None:
    """A listed Ukrainian's surname in its Russian-derived form: g for h, i for y (Gaidai, Shmygal,
    Kirilenko)."""
    if len(word) < 4 or not word[1:].islower() or gz.is_accepted(word):
        return None
    surname = gz.ukrainian_surnames.get(gz.forms.romanization_key(word.replace("g", "h").replace("G", "H")))
    return surname if surname and surname.casefold() != word.casefold() else None


def _ukrainian_given_name(ctx: Context, given: str, surname: str, gz, style) -> str | None:
    """The Ukrainian-derived form of a Russian-derived given name, when the surname makes the person
    Ukrainian: a listed Ukrainian (whose given name is then written as English news writes it:
    Vitaliy Kim), a Ukrainian surname ending, a listed Ukrainian's surname in Russian form, or a
    surname the text also writes after the Ukrainian form of the name."""
    folded = given.casefold()
    preferred = style.given_names[folded]
    # A misspelled listed surname (Klitchko) stands for the person EN101 names.
    corrected = {t.text: replacement for t, replacement, _ in person_findings(ctx)}
    listed = gz.by_surname.get(corrected.get(surname, surname).casefold(), ())
    if any(folded in p.first_names for p in listed):
        return None  # the form English news writes for this person (Oleg Nikolenko)
    for person in listed:
        if person.country == "UA" and gz.forms.same_romanization(person.canonical_first, preferred):
            return person.canonical_first
    ending = next((e for e in style.suffixes if surname.casefold().endswith(e)), None)
    styled = surname[:len(surname) - len(ending)] + style.suffixes[ending] if ending else surname
    preferred_given = {v.casefold() for v in style.given_names.values()}
    if (_ukrainian_surname(surname, gz, style) or _ukrainian_surname(styled, gz, style)
            or _ukrainian_surname_form(surname, gz)
            or any(w.text.casefold() in preferred_given for r in tokens(ctx) for j, w in enumerate(r)
                   if j + 1 < len(r) and r[j + 1].text == surname)):
        return preferred
    return None


def name_style(ctx: Context, rule):
    """Under a house style (``--name-style ukrainian`` or a newsroom's file): the forms it avoids."""
    gz = gazetteer(ctx)
    style = resolve_style(ctx.options, gz.ukrainian_style)
    if not style:
        return
    text = ctx.document.text
    keep = _keep_spans(text, style)
    flagged = {t.start for t, _, _ in person_findings(ctx)}
    ukraine = None
    preferred_given = {v.casefold() for v in style.given_names.values()}
    for run in tokens(ctx):
        for i, t in enumerate(run):
            if t.start in flagged or any(a <= t.start < b for a, b in keep):
                continue
            folded = t.text.casefold()
            target = style.places.get(folded)
            if target is None and style.ukrainian:
                target = _other_ukrainian_name(t.text, gz) or _ukrainian_surname_form(t.text, gz)
            if target is None and folded in style.given_names and i + 1 < len(run):
                target = _ukrainian_given_name(ctx, t.text, run[i + 1].text, gz, style)
            if target is None:
                ending = next((e for e in style.suffixes if folded.endswith(e) and len(folded) > len(e) + 2), None)
                listed = gz.by_surname.get(folded, ())
                if ending and (not listed or any(p.country == "UA" for p in listed)):
                    if ukraine is None:
                        ukraine = bool(_UKRAINE.search(text)) or any(
                            w.text.casefold() in style.places or w.text.casefold() in style.preferred
                            for r in tokens(ctx) for w in r)
                    given_before = i > 0 and run[i - 1].text.casefold() in preferred_given
                    # A woman's patronymic ending (-ovna) is one only after her given name: the
                    # Verkhovna Rada keeps its name.
                    patronymic = i > 0 and (run[i - 1].text.casefold() in style.given_names or given_before
                                            or run[i - 1].text.casefold() in gz.forms.female_given_names)
                    if (ukraine or given_before) and (ending in _SURNAME_ENDINGS or patronymic):
                        target = t.text[:len(t.text) - len(ending)] + style.suffixes[ending]
            if target and target.casefold() != folded:
                yield Hit(rule, t.start, t.end, {"replacement": target}, fix_replacement=_cased(target, t.text))
