"""auditor: finds web chrome and translation damage in articles from the web, and scores them."""
from __future__ import annotations

__version__ = "0.1.0"

from .document import Document  # noqa: E402
from .engine import Report, audit, default_ruleset  # noqa: E402
from .findings import Category, Finding, Fix, Severity  # noqa: E402
from .ruleset import Rule, RulePackError, Ruleset, load_ruleset  # noqa: E402


def audit_frame(df, text_column: str = "text", id_column: str | None = None, **options):
    """Audit a pandas DataFrame of articles; one result row per row (auditor/frame.py)."""
    from .frame import audit_frame as run

    return run(df, text_column=text_column, id_column=id_column, **options)


__all__ = [
    "Category", "Document", "Finding", "Fix", "Report", "Rule", "RulePackError", "Ruleset",
    "Severity", "audit", "audit_frame", "default_ruleset", "load_ruleset", "__version__",
]
