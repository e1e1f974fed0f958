"""Optional features, and the extra of ``pip install 'article-auditor[...]'`` that brings each.

The core install checks and cleans text (and JSONL and CSV records). Reading HTML pages and
writing HTML reports need the ``html`` extra (trafilatura, Jinja2), Parquet input and the
report's summary.parquet the ``parquet`` extra (pyarrow), the Dask engine the ``dask`` extra;
``all`` brings every one of them.
"""
from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType

from auditor.core.errors import AuditorError

PACKAGE = "article-auditor"


class MissingExtra(AuditorError, ImportError):
    """A feature whose optional packages are not installed; the message says what to install."""

    def __init__(self, feature: str, extras: list[str], modules: list[str]):
        plural = "s" if len(extras) > 1 else ""
        super().__init__(f"{feature} needs the {' and '.join(extras)} extra{plural}: "
                         f"pip install '{PACKAGE}[{','.join(extras)}]' ({', '.join(modules)} not installed)")
        self.feature, self.extras, self.modules = feature, extras, modules


def require(module: str, extra: str, feature: str) -> ModuleType:
    """Import ``module``, or raise MissingExtra naming the feature and the extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtra(feature, [extra], [module.split(".")[0]]) from None


def require_all(feature: str, needs: dict[str, str]) -> None:
    """Check up front that every ``module: extra`` of a feature is installed (without importing
    them), so a long run does not stop half-way; MissingExtra names all that are missing."""
    missing = {}
    for module, extra in needs.items():
        try:
            found = importlib.util.find_spec(module) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            missing[module] = extra
    if missing:
        raise MissingExtra(feature, sorted(set(missing.values())), list(missing))
