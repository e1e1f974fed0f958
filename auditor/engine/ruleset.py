"""Load, validate and compile rule packs.

A rule pack is a YAML list of rules (docs/rules.md). Loading is strict: any problem raises
``RulePackError`` naming the file, the rule and the line. A compiled ``Ruleset`` is immutable
and reused for every document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Iterable

from auditor.core.errors import AuditorError
from auditor.core.findings import FIX_CLASSES, Category, Fix, Severity, default_fix_class

KINDS = ("phrases", "patterns", "lines", "detector")
WHERE = ("any", "title", "head", "tail")
# Folders of data that rules read, not rule packs: gazetteers, and the phrase lists that
# `phrases_file` names.
DATA_FOLDERS = ("entities", "lexicon")
_CODE = re.compile(r"^[A-Z]{2}\d{3}$")
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_COMMON_FIELDS = {"code", "name", "category", "severity", "confidence", "kind", "where", "fix",
                  "message", "why", "examples", "languages", "__line__"}
_KIND_FIELDS = {
    "phrases": {"phrases", "phrases_file", "scope", "max_words", "follow"},
    "patterns": {"patterns", "span", "group", "replacement", "refine"},
    "lines": {"test"},
    "detector": {"detector", "options", "scope", "reads"},
}


class RulePackError(AuditorError, ValueError):
    """A rule pack that cannot be used; the message names the file, the rule and the line."""


def bundled_rules_dir() -> Path:
    """Rule packs shipped with the package (inside the wheel), or the source tree's rules/."""
    from auditor.core.paths import bundled_rules_dir as find

    try:
        return find()
    except FileNotFoundError as exc:
        raise RulePackError(str(exc)) from None


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    category: Category
    severity: Severity
    kind: str
    message: str
    why: str
    confidence: float = 1.0
    where: str = "any"
    languages: tuple = ()  # empty: every language; else the document languages the rule applies to
    fix: Fix | None = None
    examples: dict = field(default_factory=dict, hash=False, compare=False)
    spec: dict = field(default_factory=dict, hash=False, compare=False)
    source: str = ""
    line: int = 0

    @property
    def document_level(self) -> bool:
        """A verdict on the whole document (``scope: document``), not on a span of it."""
        return self.kind == "detector" and self.spec.get("scope") == "document"

    @property
    def location(self) -> str:
        return f"{self.source}:{self.line}"

    def describe(self, rendered: dict[str, list[str]] | None = None) -> str:
        """The rule's documentation, as `auditor rule CODE` prints it (Markdown).

        ``rendered`` maps each ``match`` example to the findings the rule makes on it, as lines
        (auditor.rule_page); without it, or when the rule needs a resource that is absent (a
        LanguageTool server), the examples are listed without their messages."""
        rendered = rendered or {}
        fix = "none (flag only)"
        if self.fix:
            fix = f"{self.fix.action}" + (f" → `{self.fix.replacement}`" if self.fix.replacement else "")
            fix += f" ({self.fix.safety}, class {self.fix.fix_class})"
        first = next((lines[0] for lines in rendered.values() if lines), None)
        lines = [
            f"# {self.code} {self.name}",
            "",
            f"Category: {self.category.value} · Severity: {self.severity.value} · Kind: {self.kind}"
            f" · Fix: {fix}",
            "",
            "## What it reports",
            "",
            f"For example: `{first}`" if first else
            f"A message of this form, filled in when the rule runs: `{self.message}`"
            + (" (with `auditor grammar serve` running, this page shows it rendered)"
               if self.category == Category.GRAMMAR else ""),
            "",
            "## Why it matters",
            "",
            self.why.strip(),
            "",
            "## Examples",
            "",
        ]
        for text in self.examples.get("match", []):
            lines.append(f"- flagged: `{text}`")
            for finding in rendered.get(text, []):
                lines.append(f"  - `{finding}`")
        for text in self.examples.get("no_match", []):
            lines.append(f"- not flagged: `{text}`")
        lines += ["", f"Defined in `{self.location}`."]
        return "\n".join(lines) + "\n"


@lru_cache(maxsize=None)
def _loaders() -> tuple[type, type]:
    """(the loader of rule packs, the loader of phrase data), made on first use: a run that reads
    its rules from the cache folder never imports the YAML parser.

    The pack loader is safe YAML loading that remembers the line of each mapping, for error
    messages, on the C parser when PyYAML has it (much faster on large packs). Phrase data needs
    no line numbers: the plain safe loader, the C one when there is one."""
    import yaml

    def construct_mapping(loader, node, deep=False):
        mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    pack_loader = type("LineLoader", (base,), {})
    pack_loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return pack_loader, base


def load_pack(path: Path) -> list[Rule]:
    """Read one YAML rule pack and validate every rule in it."""
    data = _read_yaml(path, _loaders()[0], RulePackError, "cannot read rule pack")
    if data is None:
        return []
    if not isinstance(data, list):
        raise RulePackError(f"{path}: a rule pack is a YAML list of rules")
    data_files: dict[Path, dict] = {}  # phrases_file data, read once per pack
    return [_parse_rule(item, path, i, data_files) for i, item in enumerate(data)]


def _read_yaml(path: Path, loader, error: type, cannot: str):
    """One YAML file, or ``error`` naming the file (and the line, for a syntax error)."""
    import yaml

    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise error(f"{path}{where}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{path}: {cannot}: {exc}") from None


def _strip_lines(value):
    """Drop the line markers of nested mappings (only a rule's own line is kept)."""
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def _read_phrase_data(path: Path) -> dict:
    """A ``phrases_file``: a mapping from rule code to a mapping from language to phrases."""
    data = _read_yaml(path, _loaders()[1], ValueError, "cannot read phrases file")
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a phrases file is a mapping from rule code to phrases by language")
    return data


def _phrases_from_file(item: dict, pack: Path, data_files: dict[Path, dict]) -> dict:
    """The rule's phrases: its entry in ``phrases_file`` (a path relative to the pack), then any
    ``phrases`` written in the rule itself, language by language."""
    name = item["phrases_file"]
    if not isinstance(name, str) or not name:
        raise ValueError("phrases_file must be a path relative to the rule pack")
    target = (pack.parent / name).resolve()
    if target not in data_files:
        data_files[target] = _read_phrase_data(target)
    entry = data_files[target].get(item["code"])
    if not isinstance(entry, dict) or not entry:
        raise ValueError(f"phrases_file {name}: no phrases under {item['code']} in {target}")
    merged = {lang: list(items) if isinstance(items, list) else items for lang, items in entry.items()}
    for lang, items in (item.get("phrases") or {}).items():
        if isinstance(items, list) and isinstance(merged.get(lang, []), list):
            merged[lang] = merged.get(lang, []) + [p for p in items if p not in merged.get(lang, [])]
        else:
            merged[lang] = items  # left for the kind's validation to report
    return merged


def _parse_rule(item, path: Path, index: int, data_files: dict[Path, dict]) -> Rule:
    if not isinstance(item, dict):
        raise RulePackError(f"{path}: entry {index + 1} is not a mapping")
    line = item.get("__line__", 0)
    item = {k: _strip_lines(v) for k, v in item.items()}
    label = item.get("code") or f"entry {index + 1}"

    def fail(problem: str):
        raise RulePackError(f"{path}:{line}: rule {label}: {problem}")

    for key in ("code", "name", "category", "severity", "kind", "message", "why"):
        if not item.get(key):
            fail(f"missing field '{key}'")
    if not _CODE.match(str(item["code"])):
        fail("code must be two capital letters and three digits, like BP101")
    if not _NAME.match(str(item["name"])):
        fail("name must be kebab-case, like comment-form-heading")
    kind = item["kind"]
    if kind not in KINDS:
        fail(f"kind must be one of {', '.join(KINDS)}")
    unknown = set(item) - _COMMON_FIELDS - _KIND_FIELDS[kind]
    if unknown:
        fail(f"unknown field(s) for kind {kind}: {', '.join(sorted(unknown))}")
    try:
        category = Category(item["category"])
    except ValueError:
        fail(f"category must be one of {', '.join(c.value for c in Category)}")
    try:
        severity = Severity(item["severity"])
    except ValueError:
        fail("severity must be info, warning or error")
    confidence = item.get("confidence", 1.0)
    if not isinstance(confidence, (int, float)) or not 0 <= confidence <= 1:
        fail("confidence must be a number from 0 to 1")
    where = item.get("where", "any")
    if where not in WHERE:
        fail(f"where must be one of {', '.join(WHERE)}")
    fix = item.get("fix")
    if fix is not None:
        if not isinstance(fix, dict) or fix.get("action") not in ("delete", "replace"):
            fail("fix.action must be delete or replace")
        if fix.get("safety") not in ("safe", "unsafe"):
            fail("fix.safety must be safe or unsafe")
        computed = kind == "detector" or "replacement" in item  # the replacement comes per finding
        if fix["action"] == "replace" and not computed and not isinstance(fix.get("replacement"), str):
            fail("a replace fix needs a replacement string")
        if set(fix) - {"action", "safety", "replacement", "class"}:
            fail("fix takes action, safety, replacement and class")
        fix_class = fix.get("class", default_fix_class(category))
        if fix_class not in FIX_CLASSES:
            fail(f"fix.class must be one of {', '.join(FIX_CLASSES)}")
        fix = Fix(fix["action"], fix["safety"], fix.get("replacement", ""), fix_class)
    examples = item.get("examples") or {}
    if not isinstance(examples, dict) or not all(
        isinstance(examples.get(k, []), list) for k in ("match", "no_match", "corpus")
    ) or set(examples) - {"match", "no_match", "corpus", "options"} or not isinstance(examples.get("options", {}), dict):
        fail("examples must be a mapping with lists 'match', 'no_match' and optionally 'corpus', "
             "and optionally the run 'options' (a mapping) they need")
    languages = item.get("languages") or []
    if not isinstance(languages, list) or not all(isinstance(x, str) and x for x in languages):
        fail("languages must be a list of language codes, like [en]")
    if kind == "phrases" and "phrases_file" in item:
        try:
            item["phrases"] = _phrases_from_file(item, path, data_files)
        except ValueError as exc:
            fail(str(exc))
        del item["phrases_file"]
    spec = {k: v for k, v in item.items() if k in _KIND_FIELDS[kind]}
    rule = Rule(
        code=item["code"], name=item["name"], category=category, severity=severity, kind=kind,
        message=str(item["message"]), why=str(item["why"]), confidence=float(confidence),
        where=where, languages=tuple(languages), fix=fix, examples=examples, spec=spec, source=str(path), line=line,
    )
    from auditor.detectors import validate_rule  # kind-specific checks, e.g. patterns compile under RE2

    problem = validate_rule(rule)
    if problem:
        fail(problem)
    return rule


def _matches(code: str, prefixes: Iterable[str]) -> bool:
    return any(code.startswith(p) for p in prefixes)


@dataclass
class Ruleset:
    """The selected rules, compiled into matchers once, when a document is first audited with
    them (a process that only hands documents to workers never compiles them).

    ``loaded`` holds every rule that was loaded, before selection. The data rules among them
    (phrases, patterns, lines) make the ``data_hits`` stage, from which the chrome spans that
    detectors read are taken: what a detector sees never depends on which rules are selected.
    A ruleset made by :meth:`select` shares its parent's compiled data matchers.
    """

    rules: list[Rule]
    loaded: list[Rule] | None = None
    parent: "Ruleset | None" = field(default=None, repr=False)

    def __post_init__(self):
        self.by_code = {rule.code: rule for rule in self.rules}
        if self.loaded is None:
            self.loaded = list(self.rules)
        # Whether a data rule (phrases, patterns, lines) is selected: then every document needs
        # the data_hits stage.
        self.selects_data_rules = any(rule.kind != "detector" for rule in self.rules)

    @cached_property
    def matchers(self) -> list:
        """Matchers for the selected detector rules (data rules run as a stage: ``data_matchers``)."""
        from auditor.detectors import build_matchers

        return build_matchers([r for r in self.rules if r.kind == "detector"])

    @cached_property
    def data_matchers(self) -> list:
        """Matchers for every loaded data rule (phrases, patterns, lines), selected or not."""
        if self.parent is not None:
            return self.parent.data_matchers
        from auditor.detectors import build_matchers

        return build_matchers([r for r in self.loaded if r.kind != "detector"])

    def select(self, select: Iterable[str] = (), ignore: Iterable[str] = ()) -> "Ruleset":
        """The rules whose codes start with a ``select`` prefix and with no ``ignore`` prefix."""
        rules = _selected(self.rules, list(select), list(ignore))
        return Ruleset(rules, loaded=self.loaded, parent=self.parent or self)

    def __len__(self) -> int:
        return len(self.rules)


def load_rules(paths: Iterable[Path] | None = None) -> list[Rule]:
    """Every rule of the given packs (files or folders of *.yaml), the bundled ones by default."""
    if not paths:
        from auditor.core.cache import cached

        folder = bundled_rules_dir()
        files = _pack_files([folder])
        # The key covers the data the packs read too (phrases_file), not only the packs.
        sources = [p for p in folder.rglob("*.yaml") if p.is_file()]
        return cached("rules", sources, lambda: _load_files(files))
    return _load_files(_pack_files(paths))


def _pack_files(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            # entities/ and lexicon/ hold data that rules read, not rule packs.
            files.extend(sorted(q for q in p.rglob("*.yaml")
                                if q.is_file() and not set(DATA_FOLDERS) & set(q.relative_to(p).parts[:-1])))
        else:
            files.append(p)
    return files


def _load_files(files: list[Path]) -> list[Rule]:
    rules = [rule for f in files for rule in load_pack(f)]
    check_unique(rules)
    return sorted(rules, key=lambda r: r.code)


def check_unique(rules: Iterable[Rule]) -> None:
    """Refuse two rules with one code or one name, wherever they come from (bundled packs, a
    user's packs, or both): findings, suppressions and baselines name rules by code."""
    codes: dict[str, Rule] = {}
    names: dict[str, Rule] = {}
    for rule in rules:
        first = codes.get(rule.code)
        if first is not None:
            raise RulePackError(
                f"{rule.location}: rule {rule.code}: code already used at {first.location} "
                f"({first.name}); each rule needs its own code")
        first = names.get(rule.name)
        if first is not None:
            raise RulePackError(
                f"{rule.location}: rule {rule.code}: name '{rule.name}' already used by "
                f"{first.code} at {first.location}")
        codes[rule.code] = names[rule.name] = rule


def load_ruleset(
    paths: Iterable[Path] | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    severity: dict[str, str] | None = None,
    extra: Iterable[Path] = (),
) -> Ruleset:
    """Load the packs, keep the rules selected by code prefix, apply severity overrides, compile."""
    loaded = load_rules(paths)
    if extra:
        loaded = loaded + load_rules(extra)
        check_unique(loaded)
    rules = _selected(loaded, list(select), list(ignore))
    if severity:
        from dataclasses import replace

        overridden = []
        for r in rules:
            # the longest matching prefix wins, so "BP" then "BP101" can refine
            keys = sorted((k for k in severity if r.code.startswith(k)), key=len)
            overridden.append(replace(r, severity=Severity(severity[keys[-1]])) if keys else r)
        rules = overridden
    return Ruleset(rules, loaded=loaded)


def _selected(rules: list[Rule], select: list[str], ignore: list[str]) -> list[Rule]:
    if select:
        rules = [r for r in rules if _matches(r.code, select)]
    if ignore:
        rules = [r for r in rules if not _matches(r.code, ignore)]
    return rules
