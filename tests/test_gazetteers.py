"""The curated gazetteers: rules/entities/people.yaml and rules/entities/places.yaml.

Shape (required fields, types, codes), uniqueness of every accepted spelling, and spot checks of
the spellings a reader would notice: accepted variants pass, known mistransliterations do not.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

ENTITIES = Path(__file__).parent.parent / "rules" / "entities"
PEOPLE_FILE = ENTITIES / "people.yaml"
PLACES_FILE = ENTITIES / "places.yaml"

MIN_PEOPLE = 300
MIN_PLACES = 80

ORGANISATIONS = {"UN", "NATO", "EU", "IMF", "ICC"}
USER_ASSIGNED = {"XK"}  # Kosovo: user-assigned code, used by the EU, the IMF and ISO-based tools
ISO_CODE = re.compile(r"^[A-Z]{2}$")
PLACE_KINDS = {"country", "region", "territory", "city", "town", "village", "river", "strait", "island", "site"}

PEOPLE_FIELDS = {"canonical", "variants", "role", "country"}
PEOPLE_OPTIONAL = {"surname_variants"}
PLACE_FIELDS = {"canonical", "variants", "kind", "country"}
PLACE_OPTIONAL = {"note"}

# Mistransliterations and misspellings seen in machine-translated news: never accepted.
NOT_ACCEPTED = [
    "Olaf Scholes",
    "Anthony Blinken",
    "Lukansk",
    "Volodymir Zelensky",
    "Vladimir Zelensky",
    "Sergej Lavrov",
    "Dimitri Peskov",
    "Ursula von der Layen",
    "Jens Stoltenberger",
    "Recep Tayyip Erdokan",
    "Antonio Guteres",
    "Byelorussia",
]


def _load(path: Path) -> list[dict]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, list), f"{path.name} must hold a YAML list"
    return data


@lru_cache(maxsize=1)
def _people() -> tuple[dict, ...]:
    return tuple(_load(PEOPLE_FILE))


@lru_cache(maxsize=1)
def _places() -> tuple[dict, ...]:
    return tuple(_load(PLACES_FILE))


@pytest.fixture
def people() -> tuple[dict, ...]:
    return _people()


@pytest.fixture
def places() -> tuple[dict, ...]:
    return _places()


def fold(name: str) -> str:
    return " ".join(name.casefold().replace("’", "'").split())


def names(entry: dict) -> list[str]:
    return [entry["canonical"], *entry["variants"]]


def accepted(entries) -> dict[str, dict]:
    """Every accepted full form (canonical or variant), folded, to its entry."""
    return {fold(n): e for e in entries for n in names(e)}


def find(entries, canonical: str) -> dict:
    matches = [e for e in entries if e["canonical"] == canonical]
    assert len(matches) == 1, f"{canonical!r} should be the canonical form of exactly one entry"
    return matches[0]


def _check_name(value, where: str) -> None:
    assert isinstance(value, str), f"{where}: {value!r} is not a string"
    assert value == value.strip() and value, f"{where}: {value!r} has stray white space or is empty"
    assert "  " not in value, f"{where}: {value!r} has a double space"


# --- shape -------------------------------------------------------------------------------


def test_files_exist():
    assert PEOPLE_FILE.is_file(), PEOPLE_FILE
    assert PLACES_FILE.is_file(), PLACES_FILE


def test_enough_entries(people, places):
    assert len(people) >= MIN_PEOPLE
    assert len(places) >= MIN_PLACES


def test_people_fields(people):
    for e in people:
        assert isinstance(e, dict), e
        where = e.get("canonical", e)
        missing = PEOPLE_FIELDS - e.keys()
        assert not missing, f"{where}: missing {sorted(missing)}"
        unknown = e.keys() - PEOPLE_FIELDS - PEOPLE_OPTIONAL
        assert not unknown, f"{where}: unknown fields {sorted(unknown)}"
        _check_name(e["canonical"], where)
        assert isinstance(e["variants"], list), f"{where}: variants must be a list"
        for v in e["variants"]:
            _check_name(v, where)
        if "surname_variants" in e:
            surnames = e["surname_variants"]
            assert isinstance(surnames, list) and surnames, f"{where}: surname_variants, when given, is a non-empty list"
            for s in surnames:
                _check_name(s, where)
        assert isinstance(e["role"], str) and e["role"].strip(), f"{where}: role must be a non-empty string"


def test_place_fields(places):
    for e in places:
        assert isinstance(e, dict), e
        where = e.get("canonical", e)
        missing = PLACE_FIELDS - e.keys()
        assert not missing, f"{where}: missing {sorted(missing)}"
        unknown = e.keys() - PLACE_FIELDS - PLACE_OPTIONAL
        assert not unknown, f"{where}: unknown fields {sorted(unknown)}"
        _check_name(e["canonical"], where)
        assert isinstance(e["variants"], list), f"{where}: variants must be a list"
        for v in e["variants"]:
            _check_name(v, where)
        assert e["kind"] in PLACE_KINDS, f"{where}: unknown kind {e['kind']!r}"
        if "note" in e:
            assert isinstance(e["note"], str) and e["note"].strip(), f"{where}: note must be a non-empty string"


def test_places_mostly_have_variants(places):
    with_variants = [e for e in places if e["variants"]]
    assert len(with_variants) >= MIN_PLACES


@pytest.mark.parametrize("kind", ["people", "places"])
def test_country_codes(kind, people, places):
    entries = people if kind == "people" else places
    allowed_orgs = ORGANISATIONS if kind == "people" else set()
    for e in entries:
        code = e["country"]
        # A bare NO in YAML is the boolean false: Norway must be quoted.
        assert isinstance(code, str), f"{e['canonical']}: country {code!r} is not a string (quote it)"
        assert ISO_CODE.match(code) or code in allowed_orgs, f"{e['canonical']}: bad country code {code!r}"


@pytest.mark.parametrize("kind", ["people", "places"])
def test_country_codes_are_iso(kind, people, places):
    pycountry = pytest.importorskip("pycountry")
    iso = {c.alpha_2 for c in pycountry.countries} | USER_ASSIGNED | ORGANISATIONS
    entries = people if kind == "people" else places
    unknown = sorted({e["country"] for e in entries} - iso)
    assert not unknown, f"not ISO 3166-1 alpha-2 codes: {unknown}"


# --- uniqueness --------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["people", "places"])
def test_no_duplicate_canonical(kind, people, places):
    entries = people if kind == "people" else places
    seen: dict[str, int] = defaultdict(int)
    for e in entries:
        seen[fold(e["canonical"])] += 1
    dupes = sorted(n for n, count in seen.items() if count > 1)
    assert not dupes, f"duplicate canonical names: {dupes}"


@pytest.mark.parametrize("kind", ["people", "places"])
def test_variants_differ_from_canonical(kind, people, places):
    entries = people if kind == "people" else places
    for e in entries:
        folded = [fold(n) for n in names(e)]
        assert len(folded) == len(set(folded)), f"{e['canonical']}: a variant repeats the canonical name or another variant"


def test_surname_variants_are_new(people):
    for e in people:
        surnames = [fold(s) for s in e.get("surname_variants", [])]
        assert len(surnames) == len(set(surnames)), f"{e['canonical']}: repeated surname variant"
        last = fold(e["canonical"].split()[-1])
        assert last not in surnames, f"{e['canonical']}: surname variant repeats the canonical surname"


def test_no_name_shared_between_entries(people, places):
    owners: dict[str, set[str]] = defaultdict(set)
    for file, entries in (("people", people), ("places", places)):
        for e in entries:
            for n in names(e):
                owners[fold(n)].add(f"{file}:{e['canonical']}")
    shared = {n: sorted(o) for n, o in owners.items() if len(o) > 1}
    assert not shared, f"names accepted for more than one entry: {shared}"


# --- spot checks -------------------------------------------------------------------------


def test_scholz(people):
    e = find(people, "Olaf Scholz")
    assert not any("scholes" in fold(n) for n in [*names(e), *e.get("surname_variants", [])])
    assert e["country"] == "DE"


def test_blinken(people):
    e = find(people, "Antony Blinken")
    assert e["country"] == "US"
    assert "anthony blinken" not in accepted(people)


def test_lavrov_both_spellings(people):
    forms = accepted(people)
    assert forms["sergey lavrov"] is forms["sergei lavrov"]
    assert find(people, "Sergey Lavrov")["country"] == "RU"


@pytest.mark.parametrize(
    "canonical, variant",
    [
        ("Dmitry Peskov", "Dmitri Peskov"),
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy"),
        ("Volodymyr Zelensky", "Volodymyr Zelenskiy"),
        ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
        ("António Guterres", "Antonio Guterres"),
        ("Alexei Navalny", "Alexey Navalny"),
        ("Alexander Lukashenko", "Alyaksandr Lukashenka"),
    ],
)
def test_person_variants(people, canonical, variant):
    e = find(people, canonical)
    assert variant in e["variants"]


def test_zelensky_surnames(people):
    e = find(people, "Volodymyr Zelensky")
    assert {"Zelenskyy", "Zelenskiy"} <= set(e["surname_variants"])


@pytest.mark.parametrize(
    "canonical",
    [
        "Xi Jinping", "Wang Yi", "Annalena Baerbock", "Robert Habeck", "Jens Stoltenberg", "Mark Rutte",
        "Ursula von der Leyen", "Kaja Kallas", "Josep Borrell", "Vladimir Putin", "Alexei Navalny",
        "Jerome Powell", "Christine Lagarde", "Kazuo Ueda", "Pan Gongsheng", "Andrew Bailey",
        "Maria Zakharova", "Mao Ning", "Karoline Leavitt",
    ],
)
def test_expected_people_are_canonical(people, canonical):
    find(people, canonical)


def test_kyiv_and_kiev(places):
    forms = accepted(places)
    assert forms["kyiv"] is forms["kiev"]
    assert forms["kyiv"]["canonical"] == "Kyiv"
    assert forms["kyiv"]["country"] == "UA"


@pytest.mark.parametrize(
    "canonical, variant",
    [
        ("Luhansk", "Lugansk"),
        ("Kharkiv", "Kharkov"),
        ("Odesa", "Odessa"),
        ("Zaporizhzhia", "Zaporozhye"),
        ("Donbas", "Donbass"),
        ("Almaty", "Alma-Ata"),
        ("Mumbai", "Bombay"),
        ("Myanmar", "Burma"),
        ("Turkey", "Türkiye"),
        ("Czech Republic", "Czechia"),
    ],
)
def test_place_variants(places, canonical, variant):
    assert variant in find(places, canonical)["variants"]


@pytest.mark.parametrize("name", NOT_ACCEPTED)
def test_misspellings_not_accepted(people, places, name):
    everything = accepted(people) | accepted(places)
    assert fold(name) not in everything
    surnames = {fold(s) for e in people for s in e.get("surname_variants", [])}
    assert fold(name) not in surnames


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)


def test_lukansk_nowhere(people, places):
    # Not as a name, a surname, a note or part of a longer name (comments do not count).
    hits = [s for s in _strings([people, places]) if "lukansk" in s.casefold()]
    assert not hits
