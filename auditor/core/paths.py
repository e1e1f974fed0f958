"""Where the bundled data lives. Imports nothing from the package, so any module may use it."""
from __future__ import annotations

from pathlib import Path


# The installed package's folder (auditor/): package data lives under it.
PACKAGE = Path(__file__).resolve().parents[1]


def bundled_rules_dir() -> Path:
    """Rule packs and gazetteers shipped with the package (inside the wheel), or the source tree's rules/."""
    here = PACKAGE
    for candidate in (here / "rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled rule packs not found next to {here}")


def all_bundled(rules) -> bool:
    """Whether every rule comes from the bundled packs: only their derived data is cached."""
    try:
        folder = bundled_rules_dir()
    except FileNotFoundError:
        return False
    return all(rule.source and Path(rule.source).is_relative_to(folder) for rule in rules)
