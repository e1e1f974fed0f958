"""Reliability: findings -> a score from 0 to 100, per-category costs, a verdict, and the reasons.

100 means the text can be published and trusted as it is. docs/scoring.md gives the formula
and how it was calibrated; every constant lives here.
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field

from auditor.core.findings import Category, Finding, Severity

_SPACE = re.compile(r"\s+")
SEVERITY_WEIGHT = {Severity.INFO: 0.0, Severity.WARNING: 0.5, Severity.ERROR: 1.0}
# Chrome costs by the characters it covers, whether a warning (safely fixable) or an error.
BOILERPLATE_WEIGHT = {Severity.INFO: 0.0, Severity.WARNING: 1.0, Severity.ERROR: 1.0}
# A document-level finding without a cost of its own costs this much.
DOCUMENT_COST = {Severity.INFO: 0.0, Severity.WARNING: 10.0, Severity.ERROR: 50.0}
# Boilerplate costs by the share of characters it covers, on a saturating curve:
# cost = BOILERPLATE_MAX * (1 - exp(-percent / BOILERPLATE_SCALE)).
BOILERPLATE_MAX = 70.0
BOILERPLATE_SCALE = 10.0
# Other categories cost by their weighted rate per 1,000 words, times these points, up to a cap.
RATE_POINTS = {
    Category.TRANSLATION: 3.0,
    Category.ENTITY: 3.0,
    Category.LANGUAGE: 3.0,
    Category.ENCODING: 3.0,
    Category.GRAMMAR: 1.0,
}
RATE_CAP = {
    Category.TRANSLATION: 40.0,
    Category.ENTITY: 50.0,
    Category.LANGUAGE: 40.0,
    Category.ENCODING: 40.0,
    Category.GRAMMAR: 30.0,
}
# A short text would turn one finding into a huge rate; rates are taken over at least this many words.
MIN_WORDS_FOR_RATE = 150
NOTHING_CHARGED = "no warning or error findings: nothing charged"


@dataclass(frozen=True)
class Thresholds:
    passing: float = 80.0
    warn: float = 50.0

    def verdict(self, score: float, blocked: bool = False) -> str:
        """pass / warn / fail by the score; an error finding (``blocked``) always fails."""
        if blocked or score < self.warn:
            return "fail"
        if score >= self.passing:
            return "pass"
        return "warn"


@dataclass
class Score:
    score: float
    verdict: str
    costs: dict[str, float]
    explanation: list[str] = field(default_factory=list)


def _weight(f: Finding) -> float:
    table = BOILERPLATE_WEIGHT if f.category == Category.BOILERPLATE else SEVERITY_WEIGHT
    return table[f.severity]


def _charged(findings: list[Finding]) -> list[Finding]:
    """The span findings that cost: the most severe of those overlapping on the same characters."""
    ordered = sorted(
        (f for f in findings
         if _weight(f) > 0 and f.category != Category.READABILITY and not f.document_level),
        key=lambda f: (-_weight(f) * f.confidence, -f.severity.rank, -(f.end - f.start), f.start),
    )
    # The taken spans never overlap, so sorted starts find the only neighbours that could.
    starts: list[int] = []
    ends: list[int] = []
    charged = []
    for f in ordered:
        a, b = f.start, max(f.end, f.start + 1)
        i = bisect.bisect_right(starts, a)
        if (i > 0 and ends[i - 1] > a) or (i < len(starts) and starts[i] < b):
            continue
        starts.insert(i, a)
        ends.insert(i, b)
        charged.append(f)
    return charged


def score_findings(findings: list[Finding], text: str, words: int, thresholds: Thresholds = Thresholds()) -> Score:
    if not findings:  # most clean articles: what the steps below come to, without walking them
        return Score(100.0, thresholds.verdict(100.0), {}, [NOTHING_CHARGED])
    charged = _charged(findings)
    costs: dict[str, float] = {}
    explanation: list[str] = []
    by_category: dict[Category, list[Finding]] = {}
    for f in charged:
        by_category.setdefault(f.category, []).append(f)

    chars = None  # the text's visible characters, counted when boilerplate needs them
    for category, group in sorted(by_category.items(), key=lambda kv: kv[0].value):
        codes = _codes(group)
        if category == Category.BOILERPLATE:
            if chars is None:
                chars = max(1, _visible(text))
            covered = sum(
                _weight(f) * f.confidence * _visible(text[f.start:f.end])
                for f in group
            )
            percent = 100.0 * covered / chars
            cost = BOILERPLATE_MAX * (1 - math.exp(-percent / BOILERPLATE_SCALE))
            reason = f"{percent:.1f}% of the text is web chrome ({codes})"
        else:
            weighted = sum(SEVERITY_WEIGHT[f.severity] * f.confidence for f in group)
            rate = 1000.0 * weighted / max(words, MIN_WORDS_FOR_RATE)
            cost = min(RATE_CAP[category], RATE_POINTS[category] * rate)
            reason = f"{rate:.1f} weighted findings per 1,000 words ({codes})"
        cost = round(cost, 1)
        if cost > 0:
            costs[category.value] = cost
            explanation.append(f"{category.value}: -{cost:g}: {reason}")
    for f in findings:
        if not f.document_level or f.category == Category.READABILITY:
            continue
        cost = round(f.cost if f.cost is not None else DOCUMENT_COST[f.severity], 1)
        if cost > 0:
            costs[f.category.value] = round(costs.get(f.category.value, 0.0) + cost, 1)
            explanation.append(f"{f.category.value}: -{cost:g}: {f.message} ({f.code})")
    score = round(max(0.0, 100.0 - sum(costs.values())), 1)
    blocking = sorted({f.code for f in findings
                       if f.severity == Severity.ERROR and f.category != Category.READABILITY})
    if blocking:
        explanation.append(f"error finding(s) fail the document whatever its score: {', '.join(blocking)}")
    if not explanation:
        explanation.append(NOTHING_CHARGED)
    return Score(score, thresholds.verdict(score, blocked=bool(blocking)), costs, explanation)


def _visible(text: str) -> int:
    """Characters that are not white space."""
    return len(_SPACE.sub("", text))


def _codes(group: list[Finding]) -> str:
    counts: dict[str, int] = {}
    for f in group:
        counts[f.code] = counts.get(f.code, 0) + 1
    return ", ".join(f"{code} ×{n}" if n > 1 else code for code, n in sorted(counts.items()))
