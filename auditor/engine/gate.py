"""The CI gate: set aside suppressed and baselined findings, rescore, decide which documents fail.

Findings set aside by configuration (``suppress``, ``allow``) or by a baseline no longer count:
the score is computed again from the findings that remain, and only those can fail the gate.
The set-aside findings travel with the report (``GatedReport.suppressed``) so that formats can
show them as suppressed (SARIF) or list them (JSON); text, github and junit leave them out.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields

from auditor.engine.audit import Report
from auditor.core.score import Thresholds, score_findings
from auditor.engine.suppress import Suppressed, Suppressions

SEVERITY_RANK = {"warning": 1, "error": 2}


@dataclass
class GatedReport(Report):
    suppressed: list[Suppressed] = field(default_factory=list)

    def to_dict(self) -> dict:
        data = super().to_dict()
        data["suppressed"] = [s.to_dict() for s in self.suppressed]
        return data


def set_aside(report: Report, suppressions: Suppressions | None, thresholds: Thresholds = Thresholds()) -> Report:
    """One report with its configured suppressions set aside (as it is, without any)."""
    return apply([report], suppressions, None, thresholds)[0] if suppressions else report


def apply(reports: list, suppressions: Suppressions | None = None, baseline=None,
          thresholds: Thresholds = Thresholds()) -> list:
    """Reports with suppressed and baselined findings set aside and the score recomputed.

    With neither suppressions nor a baseline the reports are returned as they are.
    """
    if not suppressions and baseline is None:
        return list(reports)
    out = []
    for r in reports:
        kept, suppressed = list(r.findings), []
        if suppressions:
            kept, by_config = suppressions.split(kept, r.document.text, r.document.path)
            suppressed += by_config
        if baseline is not None:
            kept, by_baseline = baseline.split(r, kept)
            suppressed += by_baseline
        values = {f.name: getattr(r, f.name) for f in fields(r) if f.init}
        values["findings"] = kept
        if suppressed:
            values["score"] = score_findings(kept, r.document.text, r.document.words, thresholds)
        suppressed.sort(key=lambda s: (s.finding.start, s.finding.end, s.finding.code))
        out.append(GatedReport(**values, suppressed=suppressed))
    return out


def suppressed_counts(reports: list) -> dict | None:
    """{"config": n, "baseline": m} when suppressions or a baseline were applied, else None."""
    if not any(isinstance(r, GatedReport) for r in reports):
        return None
    counts = {"config": 0, "baseline": 0}
    for r in reports:
        for s in getattr(r, "suppressed", []):
            counts[s.kind] = counts.get(s.kind, 0) + 1
    return counts


def gate_key(report) -> tuple:
    """How formats recognise a document in the set of those failing the gate (ids can repeat:
    two files named directly may share a name)."""
    return report.document.id, report.document.path


def fails(report, fail_under: float | None = None, fail_on: str | None = None) -> bool:
    """Whether a document fails the gate: below ``fail_under`` if given, else verdict fail;
    or, with ``fail_on``, any counted finding at least that severe."""
    if fail_under is not None:
        failed = report.score.score < fail_under
    else:
        failed = report.verdict == "fail"
    if fail_on:
        rank = SEVERITY_RANK[fail_on]
        failed = failed or any(f.severity.rank >= rank for f in report.findings)
    return failed


@dataclass
class Gate:
    """The one gate every report of a run goes through: configured suppressions, then the
    baseline, set aside; the score recomputed; then ``fails``."""

    suppressions: Suppressions | None = None
    baseline: object = None
    thresholds: Thresholds = field(default_factory=Thresholds)
    fail_under: float | None = None
    fail_on: str | None = None

    def judge(self, report) -> tuple:
        """(the gated report, whether it fails the gate)."""
        gated = apply([report], self.suppressions, self.baseline, self.thresholds)[0]
        return gated, fails(gated, self.fail_under, self.fail_on)
