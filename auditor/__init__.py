"""auditor: finds web chrome and translation damage in articles from the web, and scores them."""
from __future__ import annotations

from auditor._version import __version__
from auditor.core.document import Document
from auditor.engine.audit import Report, audit, audit_batch, default_ruleset
from auditor.core.findings import Category, Finding, Fix, Severity
from auditor.engine.ruleset import Rule, RulePackError, Ruleset, load_ruleset


def audit_frame(df, text_column: str = "text", id_column: str | None = None, **options):
    """Audit a pandas DataFrame of articles; one result row per row (auditor/frame.py)."""
    from auditor.batch.frame import audit_frame as run

    return run(df, text_column=text_column, id_column=id_column, **options)


__all__ = [
    "Category", "Document", "Finding", "Fix", "Report", "Rule", "RulePackError", "Ruleset",
    "Severity", "audit", "audit_batch", "audit_frame", "default_ruleset", "load_ruleset", "__version__",
]
