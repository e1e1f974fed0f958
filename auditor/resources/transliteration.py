"""How Slavic names are romanized, declined and rebuilt: rules/entities/transliteration.yaml as code.

``NameForms`` answers four questions the name rules ask:

- ``romanization_key``: are two spellings romanizations of one Cyrillic spelling (Valery/Valeriy)?
  Such pairs are acceptable and never reported as errors.
- ``obliques``: the oblique-case forms of a nominative (Kharkiv -> Kharkova, Zelensky -> Zelenskogo).
- ``feminine``: a woman's form of a masculine surname (Navalny -> Navalnaya).
- ``cyrillic_reading``: how a native Latin spelling comes back when rebuilt from its Cyrillic form
  (Stuttgart -> Shtutgart, Scholz -> Sholts).

Built once (with the gazetteer) and passed in; its memo tables are keyed by the word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from auditor.core.errors import AuditorError
from auditor.resources.name_text import ascii_fold, translit_key

# Countries whose names reach English through Russian or Ukrainian (their case endings leak).
CYRILLIC_COUNTRIES = frozenset({"UA", "RU", "BY"})
# Where a native Latin spelling is read by each language's rules when rebuilt from Cyrillic.
READING_LANGUAGE = {"DE": "de", "AT": "de", "CH": "de", "PL": "pl", "CZ": "cs", "SK": "cs",
                    "HR": "sh", "RS": "sh", "BA": "sh", "ME": "sh", "GB": "en", "US": "en", "IE": "en", "CA": "en", "AU": "en", "NZ": "en"}


_MEMOS = ("memo_key", "memo_readings", "memo_obliques", "memo_native_patterns")
_TRIPLE = re.compile(r"(.)\1\1")


class NameDataError(AuditorError, ValueError):
    """A name data file (transliteration tables, house-style forms) is malformed."""


def _rewrites(path: Path, section: str, rows) -> list[tuple[re.Pattern, object]]:
    out = []
    for i, row in enumerate(rows or []):
        if not (isinstance(row, list) and len(row) == 2 and isinstance(row[0], str)):
            raise NameDataError(f"{path}: {section}[{i}] must be [pattern, replacement], got {row!r}")
        try:
            out.append((re.compile(row[0]), row[1]))
        except re.error as exc:
            raise NameDataError(f"{path}: {section}[{i}]: bad pattern {row[0]!r}: {exc}") from None
    return out


@dataclass
class NameForms:
    romanization: list = field(default_factory=list)
    declension: list = field(default_factory=list)
    given_declension: list = field(default_factory=list)
    feminine_endings: list = field(default_factory=list)
    female_given_names: frozenset = frozenset()
    readings: dict = field(default_factory=dict)
    exonyms: dict = field(default_factory=dict)  # English country name -> romanized Cyrillic forms
    systems: dict = field(default_factory=dict)  # romanization system -> its letter tables
    native_spellings: dict = field(default_factory=dict)  # romanized letters -> native spellings
    native_endings: list = field(default_factory=list)  # (pattern, native ending) of German names

    # Memo tables (keyed by the word) are built on first use and never pickled with the gazetteer.
    def __getstate__(self):
        return {k: v for k, v in self.__dict__.items() if k not in _MEMOS}

    def __setstate__(self, state):
        self.__dict__.update(state)

    @cached_property
    def memo_native_patterns(self):
        return lru_cache(maxsize=64)(re.compile)

    @cached_property
    def memo_key(self):
        return lru_cache(maxsize=1 << 16)(self._key)

    @cached_property
    def memo_readings(self):
        return lru_cache(maxsize=1 << 16)(self._reading_keys)

    @cached_property
    def memo_obliques(self):
        return lru_cache(maxsize=1 << 16)(lambda word: frozenset(self.romanization_key(f) for f in self.obliques(word)))

    def romanization_key(self, word: str) -> str:
        return self.memo_key(word)

    def _key(self, word: str) -> str:
        key = ascii_fold(word)
        for pattern, replacement in self.romanization:
            key = pattern.sub(replacement, key)
        return key

    def same_romanization(self, a: str, b: str) -> bool:
        """Two romanizations of one Cyrillic spelling (Serhii/Serhiy, Zelenskyi/Zelensky)."""
        return self.romanization_key(a) == self.romanization_key(b)

    def obliques(self, nominative: str, paradigms: list | None = None) -> list[str]:
        """Oblique-case forms of a Russian or Ukrainian name in the nominative, cased like it (by
        the surname and place paradigms unless others are given)."""
        lower = nominative.casefold()
        out: list[str] = []
        for pattern, endings in self.declension if paradigms is None else paradigms:
            m = pattern.search(lower)
            if not m:
                continue
            stem = lower[:m.start()]
            for ending in endings:
                form = stem + m.expand(ending)
                if form != lower and form not in out:
                    out.append(form)
            break  # the first (most specific) pattern that fits decides the paradigm
        return [nominative[:1] + form[1:] for form in out]

    def oblique_keys(self, nominative: str) -> frozenset[str]:
        """Romanization keys of the nominative's oblique forms (memoized by word)."""
        return self.memo_obliques(nominative)

    def feminine(self, surname: str) -> list[str]:
        """A woman's forms of a masculine surname, the usual one first (Zelensky -> Zelenska, Zelenskaya)."""
        lower = surname.casefold()
        for pattern, endings in self.feminine_endings:
            m = pattern.search(lower)
            if m:
                return [surname[:1] + (lower[:m.start()] + m.expand(e))[1:] for e in endings]
        return []

    def rebuilt_from(self, spelling: str, native: str) -> bool:
        """``spelling`` is ``native`` spelled back from its Cyrillic form by some language's reading
        (Altshtein from Altstein, Klebo from Klaebo), and not the other way round."""
        if spelling.casefold() == native.casefold():
            return False
        key = translit_key(spelling)
        return key in self.memo_readings(native) and translit_key(native) not in self.memo_readings(spelling)

    def _reading_keys(self, native: str) -> frozenset[str]:
        """Transliteration keys of the native spelling as each language reads it back, where the
        reading changes it (a spelling no reading changes has no native letters)."""
        folded = ascii_fold(native)
        return frozenset(translit_key(r) for lang in self.readings for r in self.cyrillic_readings(native, lang)
                         if r != folded)

    def native_candidates(self, word: str) -> list[str]:
        """Native Latin spellings one change away that a round trip through Cyrillic would give back
        as ``word`` (lower case): Pireli -> pirelli, Bakardi -> bacardi, Sahalin -> sakhalin."""
        lower = word.casefold()
        out: set[str] = set()
        for letters, natives in self.native_spellings.items():
            if not letters:
                if "double" in natives:  # a double letter written single
                    out.update(lower[:i + 1] + lower[i:] for i in range(1, len(lower))
                               if lower[i] in "bcdfgklmnprstzeo" and lower[i] != lower[i - 1]
                               and (i + 1 == len(lower) or lower[i + 1] != lower[i]))
                continue
            for m in self.memo_native_patterns(letters).finditer(lower, 1):  # the initial is kept
                for native in natives:
                    out.add(lower[:m.start()] + native + lower[m.end():])
        out.discard(lower)
        return sorted(w for w in out if not _TRIPLE.search(w))

    def native_ending(self, word: str) -> str | None:
        """A German name ending as a round trip gives it back, restored: Altshtein -> Altstein."""
        lower = word.casefold()
        for pattern, ending in self.native_endings:
            m = pattern.search(lower)
            if m and m.start() >= 2:
                return word[:m.start()] + ending
        return None

    def romanize(self, cyrillic: str, system: str) -> str:
        """A Cyrillic name written in one romanization system (Сергій -> Serhii, uk_national)."""
        tables = self.systems[system]
        word = cyrillic.casefold()
        for ending, latin in tables.get("endings", {}).items():
            if word.endswith(ending):
                return self.romanize(cyrillic[:-len(ending)], system) + latin
        out = []
        for i, letter in enumerate(word):
            if i == 0 and letter in tables.get("initial", {}):
                out.append(tables["initial"][letter])
            elif i and word[i - 1] in "аеёиоуыэюяєіїь" and letter in tables.get("after_vowel", {}):
                out.append(tables["after_vowel"][letter])
            else:
                out.append(tables["letters"].get(letter, letter))
        latin = "".join(out)
        return latin[:1].upper() + latin[1:]

    def cyrillic_reading(self, native: str, language: str) -> str:
        """The native spelling as romanizing its Cyrillic form gives it back (lower case)."""
        word = native.casefold()
        for pattern, replacement in self.readings.get(language, ()):
            word = pattern.sub(replacement, word)
        return ascii_fold(word)

    def cyrillic_readings(self, native: str, language: str) -> list[str]:
        """The reading through Russian, and through Ukrainian, whose national romanization writes
        the Cyrillic г (a foreign g or h) as h: Stuttgart -> Shtutgart, Shtuthart."""
        reading = self.cyrillic_reading(native, language)
        through_ukrainian = reading.replace("g", "h").replace("khh", "kh")
        return [reading] if through_ukrainian == reading else [reading, through_ukrainian]


def load_forms(path: Path) -> NameForms:
    import yaml  # only when the gazetteer is built: a run that reads it from the cache needs no YAML

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise NameDataError(f"{path}: cannot read: {exc}") from None
    if not isinstance(data, dict):
        raise NameDataError(f"{path}: must hold a mapping of tables")
    declension, given_declension = _paradigms(path, data, "declension"), _paradigms(path, data, "given_declension")
    readings = {lang: _rewrites(path, f"cyrillic_readings.{lang}", rows)
                for lang, rows in (data.get("cyrillic_readings") or {}).items()}
    return NameForms(
        romanization=_rewrites(path, "romanization_key", data.get("romanization_key")),
        declension=declension,
        given_declension=given_declension,
        feminine_endings=[(p, r if isinstance(r, list) else [r]) for p, r in _rewrites(path, "feminine", data.get("feminine"))],
        female_given_names=frozenset(n.casefold() for n in data.get("female_given_names") or []),
        readings=readings,
        exonyms=_exonyms(path, data.get("cyrillic_exonyms")),
        systems=_systems(path, data.get("cyrillic_systems")),
        native_spellings=_exonyms(path, data.get("native_spellings"), "native_spellings"),
        native_endings=[(p, str(r)) for p, r in _rewrites(path, "native_endings",
                                                         list(map(list, (data.get("native_endings") or {}).items())))],
    )


def _paradigms(path: Path, data: dict, section: str) -> list:
    out = []
    for i, row in enumerate(data.get(section) or []):
        if not (isinstance(row, list) and len(row) == 2 and isinstance(row[1], list)):
            raise NameDataError(f"{path}: {section}[{i}] must be [pattern, [endings]], got {row!r}")
        try:
            out.append((re.compile(row[0]), [str(e) for e in row[1]]))
        except re.error as exc:
            raise NameDataError(f"{path}: {section}[{i}]: bad pattern {row[0]!r}: {exc}") from None
    return out


def _systems(path: Path, data) -> dict[str, dict]:
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(v, dict) and isinstance(v.get("letters"), dict)
                                             for v in data.values()):
        raise NameDataError(f"{path}: cyrillic_systems must map a system to its 'letters' table")
    return {str(k): {part: {str(a): str(b) for a, b in (table or {}).items()} for part, table in v.items()}
            for k, v in data.items()}


def _exonyms(path: Path, data, section: str = "cyrillic_exonyms") -> dict[str, list[str]]:
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise NameDataError(f"{path}: {section} must map a form to a list of forms")
    return {str(k): [str(f) for f in v] for k, v in data.items()}
