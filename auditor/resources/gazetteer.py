"""Gazetteers of people and places: accepted English forms, and indexes to find near misses.

Rule data: rules/entities/people.yaml (curated public figures), rules/entities/places.yaml
(places with two accepted English spellings) and rules/entities/geonames-places.tsv (generated
from GeoNames and pycountry by scripts/build_places.py). The English form is canonical; GeoNames'
alternate names and other languages' exonyms only help find candidates, they are not accepted.
rules/entities/transliteration.yaml (romanization, declension and rebuilt spellings) and
rules/entities/ukrainian-forms.yaml (the ukrainian house style) travel with it. Loaded once per
process, on first use; the indexes the rules search are built once, on first use, and kept here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Callable

from auditor.resources.name_style import NameStyle, load_style
from auditor.resources.name_text import ascii_fold, translit_key
from auditor.core.paths import bundled_rules_dir
from auditor.resources.transliteration import CYRILLIC_COUNTRIES, READING_LANGUAGE, NameForms, load_forms

# Places big enough to be near-miss targets; smaller ones are only accepted forms.
TARGET_POPULATION = 250_000
# An alternate place name at least this common in English (wordfreq Zipf), and at least as common
# as the main name, is how English writes the place (Grodno next to the official Hrodna): accepted.
ENGLISH_USAGE_ZIPF = 1.5
# How often English writing prints a native name that a rebuilt spelling gives back (wordfreq Zipf):
# at least as often as EN103/EN104's English-usage evidence, and not as often as a common word (a
# typo's target).
USED_NATIVE_ZIPF = (1.5, 3.5)
DOUBLED_NATIVE_ZIPF = 2.0
# Memo tables filled as words are met (functions, not data): never pickled with the gazetteer (see
# ``Gazetteer.__getstate__``).
_MEMOS = ("near_places", "used_native", "_word_judgements")
# Indexes derived from the data alone: built before the gazetteer is cached, so a run reads them
# back instead of building them again (the given names' oblique forms take longer than the rest).
_INDEXES = ("translit_index", "surname_list", "ukrainian_surnames", "given_obliques", "_place_target_folds")
# Length differences from a word, shortest first, within 0, 1 or 2 letters.
_DELTAS = ((0,), (-1, 0, 1), (-2, -1, 0, 1, 2))
DATA_FILES = ("people.yaml", "places.yaml", "geonames-places.tsv", "transliteration.yaml", "ukrainian-forms.yaml")


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    return name.casefold().replace("’", "'")


@dataclass
class Person:
    canonical: str
    first_names: set[str] = field(default_factory=set)  # folded accepted given-name tokens
    surnames: set[str] = field(default_factory=set)  # folded accepted surnames
    surname_forms: dict[str, str] = field(default_factory=dict)  # folded -> as written
    country: str = ""

    @property
    def canonical_surname(self) -> str:
        return self.canonical.split()[-1]

    @property
    def canonical_first(self) -> str:
        parts = self.canonical.split()
        return parts[-2] if len(parts) > 1 else ""


@dataclass
class Gazetteer:
    people: list[Person] = field(default_factory=list)
    by_surname: dict[str, list[Person]] = field(default_factory=dict)
    by_first: dict[str, list[Person]] = field(default_factory=dict)
    accepted: set[str] = field(default_factory=set)  # every folded accepted token and full form
    place_accepted: dict[str, str] = field(default_factory=dict)  # folded accepted place -> canonical
    place_targets: dict[tuple[str, int], list[tuple[str, str]]] = field(default_factory=dict)  # (initial, len) -> (form, canonical)
    exonyms: dict[str, str] = field(default_factory=dict)  # folded alternate name -> canonical
    place_folded: set[str] = field(default_factory=set)  # accepted places without diacritics
    forms: NameForms = field(default_factory=NameForms)
    ukrainian_style: NameStyle = field(default_factory=NameStyle)
    oblique_index: dict[str, str] = field(default_factory=dict)  # romanization key of an oblique form -> nominative
    rebuilt_index: dict[str, str] = field(default_factory=dict)  # transliteration key of a rebuilt spelling -> native
    ukrainian_alternates: dict[str, str] = field(default_factory=dict)  # folded other name of a Ukrainian place -> canonical

    def __getstate__(self):
        return {k: v for k, v in self.__dict__.items() if k not in _MEMOS}

    def with_indexes(self) -> "Gazetteer":
        """This gazetteer with every index built (what the cache keeps)."""
        for name in _INDEXES:
            getattr(self, name)
        return self

    def __setstate__(self, state):
        self.__dict__.update(state)

    @cached_property
    def translit_index(self) -> dict[str, list[tuple[str, str]]]:
        """Listed surnames (as written, canonical name) by transliteration key."""
        index: dict[str, list[tuple[str, str]]] = {}
        for person in self.people:
            for written in person.surname_forms.values():
                if len(written) >= 5 and written[1:].islower():
                    index.setdefault(translit_key(written), []).append((written, person.canonical))
                    if person.country != "UA" and "g" in written:
                        # Through Ukrainian, whose romanization writes g as h: Erdohan, Stoltenberh.
                        index.setdefault(translit_key(_through_ukrainian(written)), []).append((written, person.canonical))
        return index

    @cached_property
    def ukrainian_surnames(self) -> dict[str, str]:
        """Romanization key -> surname of listed Ukrainians (Haidai, Shmyhal, Kyrylenko)."""
        return {self.forms.romanization_key(p.canonical_surname): p.canonical_surname
                for p in self.people if p.country == "UA" and len(p.canonical_surname) >= 4}

    @cached_property
    def surname_list(self) -> list[str]:
        return sorted(self.by_surname)

    @cached_property
    def near_places(self):
        """word -> canonical names of major places one edit away (two for long words), memoized by word."""
        from auditor.resources.name_similarity import near_places

        return lru_cache(maxsize=1 << 17)(lambda word: near_places(word, self))

    @cached_property
    def given_obliques(self) -> dict[str, str]:
        """Romanization key of an oblique form of a man's given name (Dmytra, Oleksandrom, Sergeyu)
        -> the nominative. Men's given names: the house style's and the listed people's, without
        women's; a form that is itself somebody's given name (Oleksandra, Ivana) is left out."""
        key = self.forms.romanization_key
        women = self.forms.female_given_names
        style = self.ukrainian_style
        places = set(style.places) | {v.casefold() for v in style.places.values()}
        men = (set(style.given_names) | {v.casefold() for v in style.given_names.values()}
               | (set(style.preferred) - places) | set(self.by_first)) - women
        taken = {key(n) for n in men | women} | {key(n) for n in self.ukrainian_style.preferred}
        index: dict[str, str] = {}
        for name in sorted(men):
            if len(name) < 3 or not name.isalpha():
                continue
            for form in self.forms.obliques(name[:1].upper() + name[1:], self.forms.given_declension):
                if key(form) not in taken and form.casefold() not in self.accepted:
                    index.setdefault(key(form), name[:1].upper() + name[1:])
        return index

    @cached_property
    def used_native(self):
        """word -> the name English writing uses that a round trip through Cyrillic gives back as
        the word, one letter change away (Pireli: Pirelli), or None; memoized by word."""
        return lru_cache(maxsize=1 << 16)(self._used_native)

    def _used_native(self, word: str) -> str | None:
        from auditor.resources.rarity import frequencies

        found = frequencies(self.forms.native_candidates(word))
        for native, frequency in sorted(found.items(), key=lambda item: (-item[1], item[0])):
            if frequency > USED_NATIVE_ZIPF[1]:
                return None  # a common word: the word is its typo, not a name's round trip
            # A double consonant written single is also a common typo and a name's variant (Stening,
            # Stenning): it needs a name English writes more often.
            doubled = len(native) == len(word) + 1 and any(
                native[i] == native[i - 1] and native[i] not in "aeiou" and native[:i] + native[i + 1:] == word.casefold()
                for i in range(1, len(native)))
            minimum = DOUBLED_NATIVE_ZIPF if doubled else USED_NATIVE_ZIPF[0]
            if frequency >= minimum and not self.forms.same_romanization(native, word):
                return word[:1] + native[1:]
        return None

    @cached_property
    def _word_judgements(self) -> dict[str, Callable[[str], object]]:
        return {}

    def per_word(self, judge: Callable[[str, Gazetteer], object]) -> Callable[[str], object]:
        """``judge(word, self)`` memoized by word, for a judgement that depends on the word and this
        gazetteer only: the name rules ask the same of the same words in document after document."""
        key = f"{judge.__module__}.{judge.__qualname__}"
        memo = self._word_judgements.get(key)
        if memo is None:
            memo = self._word_judgements.setdefault(key, lru_cache(maxsize=1 << 16)(lambda word: judge(word, self)))
        return memo

    def is_accepted(self, token: str) -> bool:
        f = fold(token)
        return f in self.accepted or f in self.place_accepted

    def place_candidates(self, token: str, within: int = 2) -> list[tuple[str, str]]:
        """(accepted form, canonical) of major places whose length is within ``within`` (at most
        two) of the token's, shortest first."""
        f = fold(token)
        out: list[tuple[str, str]] = []
        for delta in _DELTAS[within]:
            out += self.place_targets.get((f[:1], len(f) + delta), [])
        return out

    @cached_property
    def _place_target_folds(self) -> dict[tuple[str, int], list[str]]:
        return {key: [form.casefold() for form, _ in targets] for key, targets in self.place_targets.items()}

    def place_candidate_folds(self, token: str, within: int = 2) -> list[str]:
        """The accepted forms ``place_candidates`` gives, case-folded (in the same order)."""
        f = fold(token)
        out: list[str] = []
        for delta in _DELTAS[within]:
            out += self._place_target_folds.get((f[:1], len(f) + delta), [])
        return out


def _add_person(gz: Gazetteer, entry: dict) -> None:
    canonical = entry["canonical"]
    person = Person(canonical, country=str(entry.get("country", "")))
    forms = [canonical, *entry.get("variants", [])]
    for form in forms:
        tokens = form.split()
        if not tokens:
            continue
        gz.accepted.add(fold(form))
        surname = tokens[-1]
        person.surnames.add(fold(surname))
        person.surname_forms.setdefault(fold(surname), surname)
        for t in tokens[:-1]:
            if t[:1].isupper():
                person.first_names.add(fold(t))
        for t in tokens:
            gz.accepted.add(fold(t))
    for s in entry.get("surname_variants", []) or []:
        person.surnames.add(fold(s))
        person.surname_forms.setdefault(fold(s), s)
        gz.accepted.add(fold(s))
    gz.people.append(person)
    for s in person.surnames:
        gz.by_surname.setdefault(s, []).append(person)
    for f in person.first_names:
        gz.by_first.setdefault(f, []).append(person)


def _add_place(gz: Gazetteer, canonical: str, accepted: list[str], alternates: list[str], target: bool) -> None:
    for name in [canonical, *accepted]:
        gz.place_accepted.setdefault(fold(name), canonical)
        gz.place_folded.add(ascii_fold(name))
    for alt in alternates:
        gz.exonyms.setdefault(fold(alt), canonical)
    if target:
        for name in [canonical, *accepted]:
            if " " not in name and len(name) >= 5:
                f = fold(name)
                gz.place_targets.setdefault((f[:1], len(f)), []).append((name, canonical))


def load(rules_dir: Path | None = None) -> Gazetteer:
    from auditor.resources.rarity import zipf

    folder = (rules_dir or bundled_rules_dir()) / "entities"
    gz = Gazetteer()
    gz.forms = load_forms(folder / "transliteration.yaml")
    gz.ukrainian_style = load_style(folder / "ukrainian-forms.yaml")
    # Only when the gazetteer is built: a run that reads it from the cache needs neither module.
    import csv

    import yaml

    people = yaml.load((folder / "people.yaml").read_text(encoding="utf-8"), Loader=_loader()) or []
    for entry in people:
        _add_person(gz, entry)
    places = yaml.load((folder / "places.yaml").read_text(encoding="utf-8"), Loader=_loader()) or []
    for entry in places:
        _add_place(gz, entry["canonical"], entry.get("variants", []), [], True)
        _index_place(gz, entry["canonical"], entry.get("variants", []), str(entry.get("country", "")), True)
    with (folder / "geonames-places.tsv").open(encoding="utf-8") as handle:
        rows = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t")
        next(rows)
        for name, kind, country, population, alternates in rows:
            target = kind == "country" or int(population or 0) >= TARGET_POPULATION
            others = alternates.split("|") if alternates else []
            # English usage decides between the main name and an alternate (Hrodna, Grodno).
            main = zipf(name) if name.isalpha() else 0.0
            usual = [a for a in others if a.isalpha() and a.isascii() and a != name
                     and zipf(a) >= max(ENGLISH_USAGE_ZIPF, main)]
            # The form English uses most is the one suggested (Grodno rather than Hrodna); Ukrainian
            # places keep the Ukrainian-derived form English news adopted after the word lists were made.
            english = max(usual, key=lambda a: (zipf(a), a)) if usual and country != "UA" else name
            _add_place(gz, english, [n for n in [name, *usual] if n != english],
                       [a for a in others if a not in usual], target)
            _index_place(gz, name, [a for a in others if a.isascii() and a.isalpha()], country, target)
            if country == "UA" and " " not in name:
                for alternate in others:
                    if alternate.isascii() and alternate.isalpha():
                        gz.ukrainian_alternates.setdefault(fold(alternate), name)
    for person in gz.people:
        _index_person(gz, person)
    for english, forms in gz.forms.exonyms.items():
        for form in forms:
            gz.rebuilt_index.setdefault(translit_key(form), english)
    # Places the house-style list names (Hostomel, Irpin...) decline too, Russian forms included.
    for avoided, preferred in gz.ukrainian_style.places.items():
        for source in (preferred, avoided):
            for form in gz.forms.obliques(source[:1].upper() + source[1:]):
                gz.oblique_index.setdefault(gz.forms.romanization_key(form), preferred)
    for folded in [f for f in gz.ukrainian_alternates if f in gz.place_accepted]:
        del gz.ukrainian_alternates[folded]
    # A nominative is never read as an oblique form (Zaporozhie is Zaporozhye romanized, not a case).
    nominatives = {gz.forms.romanization_key(name) for name in [*gz.place_accepted, *gz.ukrainian_style.places,
                                                                  *gz.exonyms] if " " not in name}
    for key in nominatives & gz.oblique_index.keys():
        del gz.oblique_index[key]
    # An accepted English form is never someone else's exonym.
    for f in list(gz.exonyms):
        if f in gz.place_accepted:
            del gz.exonyms[f]
    return gz


def _loader():
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _index_place(gz: Gazetteer, name: str, alternates: list[str], country: str, target: bool) -> None:
    """Oblique forms of places in Russian- and Ukrainian-speaking countries (from the English name
    and, for major places, from their romanized native names: Moskva -> Moskvy means Moscow), and
    the spellings rebuilt from Cyrillic of places in German-, Polish-, Czech- and English-speaking ones."""
    if " " in name:
        return
    if country in CYRILLIC_COUNTRIES:
        sources = [name] + (alternates if target else [])
        for source in sources:
            if " " in source or len(source) < 4:
                continue
            for form in gz.forms.obliques(source):
                gz.oblique_index.setdefault(gz.forms.romanization_key(form), name)
    language = READING_LANGUAGE.get(country)
    if language and len(name) >= 4:
        _index_rebuilt(gz, name, language)
    elif target and country not in CYRILLIC_COUNTRIES and len(name) >= 5 and name.isascii():
        _index_rebuilt(gz, name, "generic")
    if target and country != "UA" and "g" in name and len(name) >= 5:
        gz.rebuilt_index.setdefault(translit_key(_through_ukrainian(name)), name)  # Volhohrad


def _index_person(gz: Gazetteer, person: Person) -> None:
    surname = person.canonical_surname
    if person.country in CYRILLIC_COUNTRIES:
        for written in {surname, *person.surname_forms.values()}:
            for form in gz.forms.obliques(written):
                gz.oblique_index.setdefault(gz.forms.romanization_key(form), surname)
    language = READING_LANGUAGE.get(person.country) or (None if person.country in CYRILLIC_COUNTRIES else "generic")
    if language and len(surname) >= 4 and surname[1:].islower():
        _index_rebuilt(gz, surname, language)


def _through_ukrainian(name: str) -> str:
    """A name as the Ukrainian national romanization gives it back: the Cyrillic г written h."""
    return name.replace("g", "h").replace("G", "H")


def _index_rebuilt(gz: Gazetteer, native: str, language: str) -> None:
    # An English or German name is read by its letters and by its sound (Biden: Baiden, Johnson:
    # Dzhonson, Steinmeier: Shtainmaier).
    spoken = f"{language}_spoken"
    languages = (language, spoken) if spoken in gz.forms.readings else (language,)
    for rebuilt in (r for lang in languages for r in gz.forms.cyrillic_readings(native, lang)):
        if translit_key(rebuilt) != translit_key(native):
            gz.rebuilt_index.setdefault(translit_key(rebuilt), native)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    from auditor.resources import name_style, name_text, transliteration
    from auditor.core.cache import cached

    folder = bundled_rules_dir() / "entities"
    # The indexes are built by code as well as from data: a change to either rebuilds the cache.
    code = [Path(module.__file__) for module in (name_style, name_text, transliteration)] + [Path(__file__)]
    return cached("gazetteer", [folder / name for name in DATA_FILES] + code, lambda: load().with_indexes())
