"""The house style (EN105): forms of Ukrainian names the style avoids, with the ones it prefers.

The style is data (rules/entities/ukrainian-forms.yaml, or a newsroom's file) read through
``resolve_style``. Places are flagged anywhere; a person's given name, patronymic and surname
ending only where the text makes the person Ukrainian: a listed Ukrainian, a Ukrainian surname,
the Ukrainian form of the name elsewhere, or the text calling them Ukrainian ("Ukraine's
ambassador to Germany Andrei Melnik"). Russians keep their names (Sergei Lavrov, and Sergei
Aleksandrovich Yesenin's patronymic).
"""
from __future__ import annotations

import re

from auditor.resources.name_similarity import edits
from auditor.resources.name_style import resolve_style
from auditor.resources.rarity import zipf
from auditor.detectors import Context, Hit
from auditor.detectors.entities import gazetteer, person_findings, tokens
from auditor.detectors.entities_forms import cased_like

_UKRAINE = re.compile(r"\bUkrain")
# Russian-derived endings that surnames carry as well as patronymics (Arestovich); the others
# (-ovna, -evna) are only a woman's patronymic.
_SURNAME_ENDINGS = ("ovich", "evich")
# Endings of a patronymic (Aleksandrovich, Sergeevna), Russian- and Ukrainian-derived.
_PATRONYMIC_ENDINGS = ("ovich", "evich", "ovych", "evych", "ovna", "evna", "ivna")
# The nationality nearest before a name in its sentence: Ukrainian, or another one.
_NATIONALITY = re.compile(
    r"\b(?:(Ukrainian|Ukraine['’]s|of Ukraine)|(Russian|Russia['’]s|of Russia|Belarusian|Belarus['’]s|of Belarus"
    r"|Soviet|Georgian|Kazakh|Moldovan|Armenian|Azerbaijani|Polish|Lithuanian|Latvian|Estonian|Israeli|American))\b")
# How far before a name the text may call the person Ukrainian: a title ("Ukraine's ambassador to
# Germany"), not the sentence before.
_CUE_WORDS = 8
# Companies, places and units the text may call Ukrainian before a name that is no person.
_NOT_PEOPLE = frozenset(["forces", "troops", "army", "side", "positions", "territory", "city", "region", "border"])


def _keep_spans(text: str, style) -> list[tuple[int, int]]:
    spans = []
    for phrase in style.keep:
        start = text.find(phrase)
        while start >= 0:
            spans.append((start, start + len(phrase)))
            start = text.find(phrase, start + 1)
    return spans


def called_ukrainian(text: str, start: int) -> bool:
    """The words just before ``start`` (same sentence, a few words) call the person Ukrainian, and
    no other nationality stands closer: "Ukraine's ambassador to Germany Andrei Melnik"."""
    window = text[max(0, start - 100):start]
    cut = max(window.rfind(". "), window.rfind("\n"), window.rfind("; "), window.rfind(": "))
    words = window[cut + 1:].split()[-_CUE_WORDS:]
    joined = " ".join(words)
    last = None
    for m in _NATIONALITY.finditer(joined):
        last = m
    if last is None or not last.group(1):
        return False
    after = joined[last.end():].split()  # the words after the nearest nationality, not the first
    return not any(w.casefold().strip(",") in _NOT_PEOPLE for w in after)


def _ukrainian_surname(word: str, gz, style) -> bool | None:
    """True for a listed Ukrainian or a Ukrainian surname ending, False for a listed non-Ukrainian."""
    people = gz.by_surname.get(word.casefold())
    if people:
        return any(p.country == "UA" for p in people)
    folded = word.casefold()
    return any(folded.endswith(e) for e in style.surname_endings) or None


def _patronymic(word: str, gz, style) -> bool:
    """A patronymic: a given name with a patronymic ending (Aleksandrovich, Sergeevna, Ivanovych)."""
    folded = word.casefold()
    ending = next((e for e in _PATRONYMIC_ENDINGS if folded.endswith(e)), None)
    if ending is None:
        return False
    stem = folded[:-len(ending)]
    return any(stem + tail in style.given_names or stem + tail in style.preferred or stem + tail in gz.by_first
               for tail in ("", "i", "y", "iy", "ii", "a"))


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


def _surname_of(run, i: int, gz, style):
    """The surname after the given name at ``i``, past a patronymic (Sergei Aleksandrovich Yesenin);
    None when the run ends with the patronymic."""
    j = i + 1
    if j < len(run) and _patronymic(run[j].text, gz, style):
        j += 1
    return run[j].text if j < len(run) else None


def _ukrainian_given_name(ctx: Context, given: str, surname: str | None, gz, style, cue: bool) -> str | None:
    """The Ukrainian-derived form of a Russian-derived given name, when the person is Ukrainian: a
    listed Ukrainian (whose given name is then written as English news writes it: Vitaliy Kim), a
    Ukrainian surname ending, a listed Ukrainian's surname in Russian form, a surname the text also
    writes after the Ukrainian form of the name, or the text calling the person Ukrainian."""
    folded = given.casefold()
    preferred = style.given_names[folded]
    # A misspelled listed surname (Klitchko) stands for the person EN101 names.
    corrected = {t.text: replacement for t, replacement, _ in person_findings(ctx)}
    listed = gz.by_surname.get(corrected.get(surname, surname).casefold(), ()) if surname else ()
    for person in listed:
        canonical = person.canonical_first
        # A listed person's variant in Russian form, where English news writes the native form
        # (Mikhail Saakashvili, Mikheil): the canonical form. Russians and Belarusians keep theirs.
        if (folded in person.first_names and person.country not in ("RU", "BY") and canonical
                and canonical.casefold() != folded and canonical.casefold() not in style.given_names):
            return canonical
    if any(folded in p.first_names for p in listed):
        return None  # the form English news writes for this person (Oleg Nikolenko)
    for person in listed:
        if person.country == "UA" and gz.forms.same_romanization(person.canonical_first, preferred):
            return person.canonical_first
    if listed and not any(p.country == "UA" for p in listed):
        return None  # a listed non-Ukrainian, whatever the text says around the name
    if cue:
        return preferred
    if surname is None:
        return None
    ending = next((e for e in style.suffixes if surname.casefold().endswith(e)), None)
    styled = surname[:len(surname) - len(ending)] + style.suffixes[ending] if ending else surname
    preferred_given = {v.casefold() for v in style.given_names.values()}
    if (_listed_ukrainian(surname, gz) or _listed_ukrainian(styled, gz) or _ukrainian_surname_form(surname, gz)
            or any(w.text.casefold() in preferred_given for r in tokens(ctx) for j, w in enumerate(r)
                   if j + 1 < len(r) and r[j + 1].text == surname)):
        return preferred
    # A Ukrainian surname ending alone is weaker (Yevgeny Yevtushenko was a Russian poet): the text
    # must also be about Ukraine.
    if (_ukrainian_surname(surname, gz, style) or _ukrainian_surname(styled, gz, style)) and about_ukraine(ctx, style):
        return preferred
    return None


def _listed_ukrainian(word: str, gz) -> bool:
    return any(p.country == "UA" for p in gz.by_surname.get(word.casefold(), ()))


def about_ukraine(ctx: Context, style) -> bool:
    """The text speaks of Ukraine: the word, or a place the style names."""
    return bool(_UKRAINE.search(ctx.document.text)) or any(
        w.text.casefold() in style.places or w.text.casefold() in style.preferred for r in tokens(ctx) for w in r)


def _person_surname_form(word: str, gz, style) -> str | None:
    """A Ukrainian's surname with a Russian-derived ending (Melnik -> Melnyk), never a listed
    non-Ukrainian's."""
    folded = word.casefold()
    ending = next((e for e in style.person_suffixes if folded.endswith(e) and len(folded) > len(e) + 2), None)
    if ending is None or gz.is_accepted(word) and not _ukrainian_surname(word, gz, style):
        return None
    return word[:len(word) - len(ending)] + style.person_suffixes[ending]


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
        cue = None  # the text calls this run's person Ukrainian (looked up when a name needs it)
        for i, t in enumerate(run):
            if t.start in flagged or any(a <= t.start < b for a, b in keep):
                continue
            folded = t.text.casefold()
            target = style.places.get(folded)
            if target is None and style.ukrainian:
                target = _other_ukrainian_name(t.text, gz) or _ukrainian_surname_form(t.text, gz)
            if target is None and folded in style.given_names and i + 1 < len(run):
                cue = called_ukrainian(text, run[0].start) if cue is None else cue
                target = _ukrainian_given_name(ctx, t.text, _surname_of(run, i, gz, style), gz, style, cue)
            if target is None and i > 0 and style.person_suffixes:
                before = run[i - 1].text.casefold()
                if before in style.given_names or before in preferred_given or before in gz.by_first:
                    cue = called_ukrainian(text, run[0].start) if cue is None else cue
                    if cue or before in preferred_given and before not in style.given_names:
                        target = _person_surname_form(t.text, gz, style)
            if target is None:
                target = _suffix_form(ctx, run, i, gz, style, preferred_given)
                if target and ukraine is None:
                    ukraine = about_ukraine(ctx, style)
                if target and not (ukraine or _given_before(run, i, preferred_given)):
                    target = None
                if target and _patronymic(t.text, gz, style):
                    # A patronymic is Ukrainian only with its person: the given name, the surname
                    # after it, or the text says so (Sergei Aleksandrovich Yesenin keeps his).
                    cue = called_ukrainian(text, run[0].start) if cue is None else cue
                    after = run[i + 1].text if i + 1 < len(run) else None
                    if not (cue or _given_before(run, i, preferred_given)
                            or (after and _ukrainian_surname(after, gz, style))):
                        target = None
            if target and target.casefold() != folded:
                yield Hit(rule, t.start, t.end, {"replacement": target}, fix_replacement=cased_like(target, t.text))


def _given_before(run, i: int, preferred_given: set[str]) -> bool:
    return i > 0 and run[i - 1].text.casefold() in preferred_given


def _suffix_form(ctx: Context, run, i: int, gz, style, preferred_given: set[str]) -> str | None:
    """The style's ending for a Russian-derived surname or patronymic ending (Arestovich ->
    Arestovych; a woman's -ovna only after her given name: the Verkhovna Rada keeps its name);
    never for a listed non-Ukrainian (Roman Abramovich)."""
    t = run[i]
    folded = t.text.casefold()
    ending = next((e for e in style.suffixes if folded.endswith(e) and len(folded) > len(e) + 2), None)
    listed = gz.by_surname.get(folded, ())
    if not ending or (listed and not any(p.country == "UA" for p in listed)):
        return None
    before = run[i - 1].text.casefold() if i > 0 else ""
    patronymic = bool(before) and (before in style.given_names or before in preferred_given
                                   or before in gz.forms.female_given_names)
    if ending in _SURNAME_ENDINGS or patronymic:
        return t.text[:len(t.text) - len(ending)] + style.suffixes[ending]
    return None
