"""Gazetteers of people and places: accepted English forms, and indexes to find near misses.

Rule data: rules/entities/people.yaml (curated public figures), rules/entities/places.yaml
(places with two accepted English spellings) and rules/entities/geonames-places.tsv (generated
from GeoNames and pycountry by scripts/build_places.py). The English form is canonical; GeoNames'
alternate names and other languages' exonyms only help find candidates, they are not accepted.
Loaded once per process, on first use.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .ruleset import bundled_rules_dir

# Places big enough to be near-miss targets; smaller ones are only accepted forms.
TARGET_POPULATION = 250_000


def _ascii_fold(name: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", name.casefold()) if unicodedata.category(c) != "Mn")


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    return name.casefold().replace("’", "'")


@dataclass
class Person:
    canonical: str
    first_names: set[str] = field(default_factory=set)  # folded accepted given-name tokens
    surnames: set[str] = field(default_factory=set)  # folded accepted surnames
    surname_forms: dict[str, str] = field(default_factory=dict)  # folded -> as written

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

    def is_accepted(self, token: str) -> bool:
        f = fold(token)
        return f in self.accepted or f in self.place_accepted

    def place_candidates(self, token: str) -> list[tuple[str, str]]:
        """(accepted form, canonical) of major places whose length is within two of the token's."""
        f = fold(token)
        out: list[tuple[str, str]] = []
        for delta in (-2, -1, 0, 1, 2):
            out += self.place_targets.get((f[:1], len(f) + delta), [])
        return out


def _add_person(gz: Gazetteer, entry: dict) -> None:
    canonical = entry["canonical"]
    person = Person(canonical)
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
        gz.place_folded.add(_ascii_fold(name))
    for alt in alternates:
        gz.exonyms.setdefault(fold(alt), canonical)
    if target:
        for name in [canonical, *accepted]:
            if " " not in name and len(name) >= 5:
                f = fold(name)
                gz.place_targets.setdefault((f[:1], len(f)), []).append((name, canonical))


def load(rules_dir: Path | None = None) -> Gazetteer:
    folder = (rules_dir or bundled_rules_dir()) / "entities"
    gz = Gazetteer()
    people = yaml.load((folder / "people.yaml").read_text(encoding="utf-8"), Loader=_loader()) or []
    for entry in people:
        _add_person(gz, entry)
    places = yaml.load((folder / "places.yaml").read_text(encoding="utf-8"), Loader=_loader()) or []
    for entry in places:
        _add_place(gz, entry["canonical"], entry.get("variants", []), [], True)
    with (folder / "geonames-places.tsv").open(encoding="utf-8") as handle:
        rows = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t")
        next(rows)
        for name, kind, _country, population, alternates in rows:
            target = kind == "country" or int(population or 0) >= TARGET_POPULATION
            _add_place(gz, name, [], alternates.split("|") if alternates else [], target)
    # An accepted English form is never someone else's exonym.
    for f in list(gz.exonyms):
        if f in gz.place_accepted:
            del gz.exonyms[f]
    return gz


def _loader():
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    from .cache import cached

    folder = bundled_rules_dir() / "entities"
    sources = [folder / "people.yaml", folder / "places.yaml", folder / "geonames-places.tsv"]
    return cached("gazetteer", sources, load)
