"""The dashboard's running totals (index.html), kept in bounded memory as reports stream by."""
from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field

from auditor.core.findings import Category, Severity

SEVERITIES = [s.value for s in Severity]
CATEGORIES = [c.value for c in Category]
HISTOGRAM_BINS = 20  # of 5 points each; 100 falls in the last bin
MT_BINS = 10  # machine-translation probability, 0.1 wide; 1.0 falls in the last bin
# The dashboard's table of sources: sources with at least this many documents, this many rows.
SITE_MIN_DOCUMENTS = 20
SITE_ROWS = 25


def y_ticks(peak: int, most: int = 5) -> list[int]:
    """Round values for the histogram's count axis, from 0 to at least ``peak``: steps of 1, 2 or 5
    times a power of ten, at most ``most`` steps."""
    peak = max(1, peak)
    step = 1
    for power in range(0, 12):
        for base in (1, 2, 5):
            step = base * 10 ** power
            if math.ceil(peak / step) <= most:
                return list(range(0, step * math.ceil(peak / step) + 1, step))
    return [0, peak]


@dataclass
class RuleTally:
    code: str
    name: str
    category: str
    findings: int = 0
    documents: int = 0
    severities: dict = field(default_factory=lambda: {s: 0 for s in SEVERITIES})


@dataclass
class SiteTally:
    site: str
    documents: int = 0
    score_sum: float = 0.0
    verdicts: dict = field(default_factory=lambda: {"pass": 0, "warn": 0, "fail": 0})
    findings: int = 0
    words: int = 0
    mt_sum: float = 0.0  # machine-translation probabilities, over the documents that have one
    mt_documents: int = 0
    mt_flagged: int = 0

    @property
    def mean(self) -> float:
        return self.score_sum / self.documents if self.documents else 0.0

    @property
    def mt_mean(self) -> float | None:
        return self.mt_sum / self.mt_documents if self.mt_documents else None


class Dashboard:
    """Totals for index.html, kept in bounded memory (the worst documents in a heap)."""

    def __init__(self, worst: int = 25, site_min_documents: int = SITE_MIN_DOCUMENTS, site_rows: int = SITE_ROWS):
        self.worst_n = worst
        self.site_min_documents = site_min_documents
        self.site_rows = site_rows
        self.copies = 0
        self.documents = 0
        self.score_sum = 0.0
        self.words = 0
        self.verdicts = {"pass": 0, "warn": 0, "fail": 0}
        self.severities = {s: 0 for s in SEVERITIES}
        self.categories = {c: 0 for c in CATEGORIES}
        self.bins = [0] * HISTOGRAM_BINS
        self.mt_bins = [0] * MT_BINS  # machine-translation probabilities, 0.1 wide
        self.mt_missing = 0
        self.rules: dict[str, RuleTally] = {}
        self.sites: dict[str, SiteTally] = {}
        self.languages: dict[str, int] = {}
        self.grammar: dict[str, int] = {}
        self.errors: list[tuple[str, str]] = []
        self.error_count = 0
        self._worst: list = []  # heap of (-score, -seq, row, report)
        self._seq = 0

    def add(self, report, row: dict) -> None:
        score = report.score.score
        self.documents += 1
        self.score_sum += score
        self.words += row["words"] or 0
        self.verdicts[report.verdict] = self.verdicts.get(report.verdict, 0) + 1
        self.bins[min(HISTOGRAM_BINS - 1, int(score // (100 / HISTOGRAM_BINS)))] += 1
        self.languages[report.language] = self.languages.get(report.language, 0) + 1
        status = row["grammar"] or "off"
        self.grammar[status] = self.grammar.get(status, 0) + 1
        seen = set()
        findings = report.findings
        for f in findings:
            self.severities[f.severity.value] += 1
            self.categories[f.category.value] += 1
            tally = self.rules.get(f.code)
            if tally is None:
                tally = self.rules[f.code] = RuleTally(f.code, f.name, f.category.value)
            tally.findings += 1
            tally.severities[f.severity.value] += 1
            if f.code not in seen:
                seen.add(f.code)
                tally.documents += 1
        site = self.sites.get(row["site"])
        if site is None:
            site = self.sites[row["site"]] = SiteTally(row["site"])
        site.documents += 1
        site.score_sum += score
        site.verdicts[report.verdict] += 1
        site.findings += len(findings)
        site.words += row["words"] or 0
        probability = row.get("mt_probability")
        if probability is None:
            self.mt_missing += 1
        else:
            self.mt_bins[min(MT_BINS - 1, int(probability * MT_BINS))] += 1
            site.mt_sum += probability
            site.mt_documents += 1
            site.mt_flagged += any(f.code == "TR201" for f in findings)
        # The worst documents: lowest score first, then input order; a copy of an earlier document
        # is listed once, as its first (the report is kept to write its page at the end).
        self._seq += 1
        if row.get("copy_of"):
            self.copies += 1
            return
        entry = (-score, -self._seq, {k: row[k] for k in ("id", "path", "record_id", "url", "site", "score",
                                                        "verdict", "words", "findings", "error", "warning",
                                                        "top_rules", "report")}, report)
        if len(self._worst) < self.worst_n:
            heapq.heappush(self._worst, entry)
        elif entry > self._worst[0]:
            heapq.heapreplace(self._worst, entry)

    def add_error(self, error) -> None:
        self.error_count += 1
        if len(self.errors) < 200:
            self.errors.append((error.path, error.message))

    def worst_entries(self) -> list[tuple]:
        """(report, row) of the worst documents, worst first."""
        return [(report, row) for _, _, row, report in sorted(self._worst, key=lambda e: (e[0], e[1]), reverse=True)]

    def worst(self) -> list[dict]:
        return [row for _, row in self.worst_entries()]

    def context(self, title: str, table_names: dict, corpus=None) -> dict:
        histogram = []
        peak = max(self.bins) or 1
        ticks = y_ticks(peak)
        top = ticks[-1]  # bars are drawn against the axis, whose top tick is at least the peak
        width = 100 / HISTOGRAM_BINS
        for i, count in enumerate(self.bins):
            low = int(i * width)
            high = int((i + 1) * width)
            verdict = "pass" if low >= 80 else "warn" if low >= 50 else "fail"
            histogram.append({"low": low, "high": high, "count": count, "height": count / top, "verdict": verdict})
        rules = sorted(self.rules.values(), key=lambda r: (-r.findings, r.code))
        rule_peak = rules[0].findings if rules else 1
        known_sites = [s for s in self.sites.values() if s.site]
        shown = sorted((s for s in known_sites if s.documents >= self.site_min_documents),
                       key=lambda s: (s.mean, s.site))
        copy_counts = corpus.copy_counts if corpus is not None else {}
        worst = self.worst()
        for row in worst:
            row["copies"] = copy_counts.get(row["id"], 0)
        mt_ticks = y_ticks(max(self.mt_bins))
        mt_top = mt_ticks[-1]
        mt_histogram = [{"low": i / MT_BINS, "high": (i + 1) / MT_BINS, "count": n, "height": n / mt_top}
                        for i, n in enumerate(self.mt_bins)]
        return {
            "mt_histogram": mt_histogram if any(self.mt_bins) else [],
            "mt_ticks": [{"value": t, "height": t / mt_top} for t in mt_ticks],
            "mt_missing": self.mt_missing,
            "title": title,
            "documents": self.documents,
            "mean": self.score_sum / self.documents if self.documents else None,
            "words": self.words,
            "verdicts": self.verdicts,
            "severities": self.severities,
            "categories": {k: v for k, v in self.categories.items() if v},
            "histogram": histogram,
            "histogram_peak": peak,
            "histogram_ticks": [{"value": t, "height": t / top} for t in ticks],
            "rules": rules,
            "rule_peak": rule_peak,
            "sites": shown[: self.site_rows],
            "site_count": len(known_sites),
            "site_shown_min": self.site_min_documents,
            "sites_below_min": sum(1 for s in known_sites if s.documents < self.site_min_documents),
            "sites_over_cap": max(0, len(shown) - self.site_rows),
            "copies": self.copies,
            "copied_documents": len(copy_counts),
            "corpus": corpus is not None,
            "languages": sorted(self.languages.items(), key=lambda kv: (-kv[1], kv[0])),
            "grammar": self.grammar,
            "worst": worst,
            "errors": self.errors,
            "error_count": self.error_count,
            "tables": table_names,
        }


