"""Output formats, one module each. A format turns reports into text; it never audits."""
from __future__ import annotations

FORMATS = ("text", "json", "sarif", "github", "junit")


class Tally:
    """The run's totals, added up one report at a time (so that output can stream)."""

    def __init__(self):
        self.documents = 0
        self.verdicts = {"pass": 0, "warn": 0, "fail": 0}
        self.severities = {"info": 0, "warning": 0, "error": 0}
        self.score_sum = 0.0

    def add(self, report) -> None:
        self.documents += 1
        self.verdicts[report.verdict] += 1
        for f in report.presented:
            self.severities[f.severity.value] += 1
        self.score_sum += report.score.score

    def summary(self, errors: list) -> dict:
        return {
            "documents": self.documents,
            "input_errors": len(errors),
            "verdicts": dict(self.verdicts),
            "findings": dict(self.severities),
            "mean_score": round(self.score_sum / self.documents, 1) if self.documents else None,
        }


def summary(reports: list, errors: list) -> dict:
    tally = Tally()
    for r in reports:
        tally.add(r)
    return tally.summary(errors)
