"""`--format json`: the stable ``auditor/v1`` object (docs/json-schema.md)."""
from __future__ import annotations

import json

from auditor.formats import summary

SCHEMA = "auditor/v1"


def error_document(error) -> dict:
    """An input that could not be read: listed with its error, never silently dropped."""
    return {
        "id": error.path, "path": error.path, "score": None, "verdict": "error", "language": None,
        "words": 0, "readability": None, "costs": {}, "explanation": [], "grammar": None,
        "mt": {"probability": None, "reason": "the input could not be read", "model": None},
        "findings": [], "errors": [error.message],
    }


def render(reports: list, errors: list) -> str:
    from auditor.engine.gate import suppressed_counts

    documents = [r.to_dict() for r in reports] + [error_document(e) for e in errors]
    totals = summary(reports, errors)
    suppressed = suppressed_counts(reports)
    if suppressed is not None:  # only with configured suppressions or a baseline (docs/ci.md)
        totals["suppressed"] = suppressed
    return json.dumps({"schema": SCHEMA, "documents": documents, "summary": totals},
                      ensure_ascii=False, indent=2) + "\n"


def render_one(report) -> str:
    return json.dumps({"schema": SCHEMA, **report.to_dict()}, ensure_ascii=False, indent=2) + "\n"
