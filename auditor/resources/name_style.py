"""House styles for names: which of two accepted forms a newsroom prints.

``--name-style ukrainian`` (``name_style = "ukrainian"``) flags the Russian-derived forms of
Ukrainian names (rules/entities/ukrainian-forms.yaml); ``--name-style-file`` adds a newsroom's own
preferred forms, as TSV (``form<TAB>preferred form`` a line, ``#`` comments) or YAML (a mapping
``preferred form: [other forms]``). The default style accepts both forms of every pair.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from auditor.core.errors import AuditorError

STYLES = ("default", "ukrainian")


class NameStyleError(AuditorError, ValueError):
    """A house-style file cannot be read or is malformed (the message names the file)."""


@dataclass
class NameStyle:
    places: dict[str, str] = field(default_factory=dict)  # folded avoided form -> preferred form
    given_names: dict[str, str] = field(default_factory=dict)  # folded Russian-derived -> Ukrainian-derived
    suffixes: dict[str, str] = field(default_factory=dict)  # avoided ending -> preferred ending
    keep: tuple[str, ...] = ()  # phrases where the avoided form is another thing's English name
    surname_endings: tuple[str, ...] = ()  # endings that mark a surname as Ukrainian
    preferred: frozenset[str] = frozenset()  # folded preferred forms (never flagged, never pushed away from)
    ukrainian: bool = False  # also flag the gazetteer's other names of Ukrainian places (Gorlovka)
    # Russian-derived surname ending -> Ukrainian-derived one, for a person the text calls Ukrainian
    # (Melnik -> Melnyk): the same Cyrillic letters, romanized from Russian.
    person_suffixes: dict[str, str] = field(default_factory=dict)

    def merged(self, other: NameStyle) -> NameStyle:
        return NameStyle({**self.places, **other.places}, {**self.given_names, **other.given_names},
                         {**self.suffixes, **other.suffixes}, self.keep + other.keep,
                         self.surname_endings + other.surname_endings, self.preferred | other.preferred,
                         self.ukrainian or other.ukrainian, {**self.person_suffixes, **other.person_suffixes})

    @property
    def avoided(self) -> set[str]:
        return set(self.places) | set(self.given_names)

    def __bool__(self) -> bool:
        return bool(self.places or self.given_names or self.suffixes)


def _pairs(path: Path, data, section: str) -> dict[str, str]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise NameStyleError(f"{path}: {section} must map a preferred form to a list of other forms")
    out = {}
    for preferred, others in data.items():
        if isinstance(others, str):
            others = [others]
        if not isinstance(others, list) or not all(isinstance(o, str) for o in others):
            raise NameStyleError(f"{path}: {section}: {preferred!r} must map to a list of forms, got {others!r}")
        for other in others:
            out[other.casefold()] = str(preferred)
    return out


def load_style(path: Path) -> NameStyle:
    """The bundled ukrainian style, or a newsroom's file (YAML or TSV, by its extension)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise NameStyleError(f"{path}: cannot read name style file: {exc}") from None
    if path.suffix.lower() in (".tsv", ".txt", ".tab"):
        import csv  # a newsroom's TSV only: a run that reads the cached gazetteer needs no csv

        places = {}
        rows = csv.reader((line for line in text.splitlines() if line.strip() and not line.startswith("#")),
                          delimiter="\t")
        for number, row in enumerate(rows, 1):
            if len(row) != 2 or not row[0].strip() or not row[1].strip():
                raise NameStyleError(f"{path}: line {number}: expected 'form<TAB>preferred form', got {row!r}")
            places[row[0].strip().casefold()] = row[1].strip()
        return NameStyle(places=places, preferred=frozenset(v.casefold() for v in places.values()))
    import yaml  # a style in YAML: only then is the parser needed

    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise NameStyleError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise NameStyleError(f"{path}: must be a mapping")
    if not {"places", "given_names", "suffixes", "keep", "ukrainian_surname_endings"} & set(data):
        data = {"places": data}  # a newsroom file: preferred form -> other forms
    places = _pairs(path, data.get("places"), "places")
    given = _pairs(path, data.get("given_names"), "given_names")
    suffixes = data.get("suffixes") or {}
    if not isinstance(suffixes, dict):
        raise NameStyleError(f"{path}: suffixes must map an ending to the preferred ending")
    person_suffixes = data.get("ukrainian_person_suffixes") or {}
    if not isinstance(person_suffixes, dict):
        raise NameStyleError(f"{path}: ukrainian_person_suffixes must map an ending to the preferred ending")
    preferred = {k.casefold() for k in (data.get("places") or {})} | {k.casefold() for k in (data.get("given_names") or {})}
    return NameStyle(places, given, {str(k): str(v) for k, v in suffixes.items()},
                     tuple(str(k) for k in data.get("keep") or ()),
                     tuple(str(e) for e in data.get("ukrainian_surname_endings") or ()), frozenset(preferred),
                     ukrainian=bool(data.get("ukrainian_surname_endings")),
                     person_suffixes={str(k): str(v) for k, v in person_suffixes.items()})


def resolve_style(options: dict, bundled: NameStyle) -> NameStyle | None:
    """The style a run asked for: ``options["name_style"]`` is a style name or a NameStyle; a
    ``name_style_forms`` NameStyle (a newsroom file, loaded once by the command) is added to it."""
    style = options.get("name_style")
    extra = options.get("name_style_forms")
    if isinstance(style, NameStyle):
        chosen = style
    elif style in (None, "", "default"):
        chosen = None
    elif style == "ukrainian":
        chosen = bundled
    else:
        raise NameStyleError(f"unknown name style {style!r} (known: {', '.join(STYLES)})")
    if extra:
        chosen = chosen.merged(extra) if chosen else extra
    return chosen
