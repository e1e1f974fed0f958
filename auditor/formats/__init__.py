"""Output formats, one module each. A format turns reports into text; it never audits."""
from __future__ import annotations

FORMATS = ("text", "json", "sarif", "github", "junit")


def summary(reports: list, errors: list) -> dict:
    verdicts = {"pass": 0, "warn": 0, "fail": 0}
    severities = {"info": 0, "warning": 0, "error": 0}
    for r in reports:
        verdicts[r.verdict] += 1
        for f in r.findings:
            severities[f.severity.value] += 1
    scores = [r.score.score for r in reports]
    return {
        "documents": len(reports),
        "input_errors": len(errors),
        "verdicts": verdicts,
        "findings": severities,
        "mean_score": round(sum(scores) / len(scores), 1) if scores else None,
    }
