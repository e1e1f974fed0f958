"""Configuration: ``[tool.auditor]`` in pyproject.toml, or auditor.toml, found from the working folder up.

Keys: select, ignore (code prefixes), severity (code prefix -> level), rules (extra rule pack
paths), pass / warn (verdict thresholds), fail_under, suppress and allow (auditor/suppress.py,
docs/ci.md), name_style and name_style_file (docs/names.md), mt_model (a machine-translation
model file) and mt_threshold (docs/mt-model.md), grammar (true: check grammar with LanguageTool,
as --grammar does).
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from auditor.core.errors import AuditorError
from auditor.engine.suppress import SuppressionError, Suppressions
from auditor.engine.suppress import parse as parse_suppressions

KEYS = {"select", "ignore", "severity", "rules", "pass", "warn", "fail_under", "suppress", "allow", "name_style",
        "name_style_file", "mt_model", "mt_threshold", "grammar"}


class ConfigError(AuditorError, ValueError):
    pass


@dataclass
class Config:
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    rules: list[str] = field(default_factory=list)
    passing: float = 80.0
    warn: float = 50.0
    fail_under: float | None = None
    grammar: bool = False
    source: str | None = None
    suppressions: Suppressions = field(default_factory=Suppressions)
    name_style: str | None = None
    name_style_file: str | None = None
    mt_model: str | None = None
    mt_threshold: float | None = None


def find_config(start: Path | None = None) -> tuple[Path, dict] | None:
    here = (start or Path.cwd()).resolve()
    for folder in [here, *here.parents]:
        own = folder / "auditor.toml"
        if own.is_file():
            return own, _read(own)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            table = _read(pyproject).get("tool", {}).get("auditor")
            if table is not None:
                return pyproject, table
    return None


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None


def load_config(path: Path | None = None) -> Config:
    if path is not None:
        table = _read(path)
        if path.name == "pyproject.toml":
            table = table.get("tool", {}).get("auditor", {})
        found = (path, table)
    else:
        found = find_config()
    if not found:
        return Config()
    path, table = found
    unknown = set(table) - KEYS
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) {', '.join(sorted(unknown))} (known: {', '.join(sorted(KEYS))})")
    try:
        config = Config(
            select=list(table.get("select", [])),
            ignore=list(table.get("ignore", [])),
            severity=dict(table.get("severity", {})),
            rules=[str((path.parent / r)) for r in table.get("rules", [])],
            passing=float(table.get("pass", 80)),
            warn=float(table.get("warn", 50)),
            fail_under=float(table["fail_under"]) if "fail_under" in table else None,
            grammar=table.get("grammar", False),
            source=str(path),
            name_style=str(table["name_style"]) if "name_style" in table else None,
            name_style_file=str(path.parent / table["name_style_file"]) if "name_style_file" in table else None,
            mt_model=str(path.parent / table["mt_model"]) if "mt_model" in table else None,
            mt_threshold=float(table["mt_threshold"]) if "mt_threshold" in table else None,
        )
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{path}: bad value in [tool.auditor]: {exc}") from None
    try:
        config.suppressions = parse_suppressions(table, path)
    except SuppressionError as exc:
        raise ConfigError(str(exc)) from None
    if not isinstance(config.grammar, bool):
        raise ConfigError(f"{path}: grammar must be true or false, not {config.grammar!r}")
    bad = {k: v for k, v in config.severity.items() if v not in ("info", "warning", "error")}
    if bad:
        raise ConfigError(f"{path}: severity overrides must be info, warning or error: {bad}")
    if config.name_style not in (None, "default", "ukrainian"):
        raise ConfigError(f"{path}: name_style must be \"default\" or \"ukrainian\", got {config.name_style!r}")
    if config.mt_threshold is not None and not 0.0 < config.mt_threshold <= 1.0:
        raise ConfigError(f"{path}: mt_threshold must be above 0 and at most 1, got {config.mt_threshold}")
    if not config.warn <= config.passing:
        raise ConfigError(f"{path}: warn ({config.warn}) must not be above pass ({config.passing})")
    return config
