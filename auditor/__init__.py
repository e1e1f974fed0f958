"""auditor: finds web chrome and translation damage in articles from the web, and scores them."""
from __future__ import annotations

__version__ = "0.1.0"

from .document import Document  # noqa: E402
from .engine import Report, audit, default_ruleset  # noqa: E402
from .findings import Category, Finding, Fix, Severity  # noqa: E402
from .ruleset import Rule, RulePackError, Ruleset, load_ruleset  # noqa: E402

__all__ = [
    "Category", "Document", "Finding", "Fix", "Report", "Rule", "RulePackError", "Ruleset",
    "Severity", "audit", "default_ruleset", "load_ruleset", "__version__",
]
