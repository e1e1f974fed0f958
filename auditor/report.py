"""`auditor report`: a quality report over a whole corpus.

For every document: ``<name>.json``, ``<name>.md`` and ``<name>.html`` under the output folder
(mirroring the input names); for the corpus: ``summary.csv`` and ``summary.parquet`` (one row
per document) and ``index.html``, a dashboard that loads nothing from the network.

Everything streams: per-document files are rendered in the workers and written as their
reports arrive, table rows are written in batches, and the dashboard is built from running
totals (histogram bins, counts per rule and per site, the worst documents), so memory stays
flat however many documents there are.
"""
from __future__ import annotations

import csv
import heapq
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from .findings import Category, Severity
from .output import UnsafeOutputPath, safe_join, write_atomic

SEVERITIES = [s.value for s in Severity]
CATEGORIES = [c.value for c in Category]
READABILITY = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog")
TOP_RULES = 3
TABLE_BATCH_ROWS = 2048
HISTOGRAM_BINS = 20  # of 5 points each; 100 falls in the last bin
MT_BINS = 10  # machine-translation probability, 0.1 wide; 1.0 falls in the last bin
SUFFIXES = (".json", ".md", ".html")


# --- one row per document ---------------------------------------------------------------------

COLUMNS: list[tuple[str, str]] = [
    ("id", "string"), ("path", "string"), ("site", "string"), ("score", "float64"), ("verdict", "string"),
    ("language", "string"), ("words", "int64"), ("mt_probability", "float64"),
    *[(k, "float64") for k in READABILITY],
    ("grammar", "string"), ("findings", "int64"),
    *[(s, "int64") for s in SEVERITIES],
    *[(f"{c}_findings", "int64") for c in CATEGORIES],
    ("top_rules", "string"), ("report", "string"), ("errors", "string"),
]


def site_of(document) -> str:
    """Where a document comes from, when known: a site or URL field of its record, the site
    trafilatura found in its HTML, the record file it came from, or the top folder of its path."""
    meta = document.meta or {}
    if meta.get("site"):
        return str(meta["site"])
    if meta.get("kind") == "record":
        return str(meta.get("file_id") or "")
    parts = document.id.split("/")
    return parts[0] if len(parts) > 1 else ""


def top_rules(findings, n: int = TOP_RULES) -> str:
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.code] = counts.get(f.code, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    return " ".join(f"{code}×{count}" if count > 1 else code for code, count in ranked)


def summary_row(report, href: str | None) -> dict:
    doc = report.document
    row = {"id": doc.id, "path": doc.path, "site": site_of(doc), "score": report.score.score,
           "verdict": report.verdict, "language": report.language, "words": doc.words,
           "mt_probability": (report.mt or {}).get("probability")}
    figures = report.readability or {}
    for key in READABILITY:
        value = figures.get(key)
        row[key] = float(value) if value is not None else None
    row["grammar"] = (report.grammar or {}).get("status")
    row["findings"] = len(report.findings)
    for s in SEVERITIES:
        row[s] = 0
    for c in CATEGORIES:
        row[f"{c}_findings"] = 0
    for f in report.findings:
        row[f.severity.value] += 1
        row[f"{f.category.value}_findings"] += 1
    row["top_rules"] = top_rules(report.findings)
    row["report"] = href
    row["errors"] = "; ".join(report.errors) or None
    return row


def error_row(error) -> dict:
    row = {name: None for name, _ in COLUMNS}
    row.update(id=error.path, path=error.path, verdict="error", errors=error.message, site="")
    for name, kind in COLUMNS:
        if kind == "int64" and row[name] is None:
            row[name] = 0
    return row


class TableWriter:
    """summary.csv and summary.parquet, written in batches of rows."""

    def __init__(self, out: Path):
        import pyarrow as pa
        import pyarrow.parquet as pq

        self._pa = pa
        self.schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in COLUMNS])
        self.csv_path = out / "summary.csv"
        self.parquet_path = out / "summary.parquet"
        self._csv_tmp = out / ".summary.csv.tmp"
        self._parquet_tmp = out / ".summary.parquet.tmp"
        self._csv_file = open(self._csv_tmp, "w", encoding="utf-8", newline="")
        self._csv = csv.writer(self._csv_file)
        self._csv.writerow([name for name, _ in COLUMNS])
        self._parquet = pq.ParquetWriter(self._parquet_tmp, self.schema)
        self._rows: list[dict] = []
        self.rows = 0

    def add(self, row: dict) -> None:
        self._rows.append(row)
        self.rows += 1
        if len(self._rows) >= TABLE_BATCH_ROWS:
            self._flush()

    def _flush(self) -> None:
        if not self._rows:
            return
        names = [name for name, _ in COLUMNS]
        for row in self._rows:
            self._csv.writerow(["" if row[n] is None else row[n] for n in names])
        self._parquet.write_table(self._pa.Table.from_pylist(self._rows, schema=self.schema))
        self._rows = []

    def close(self) -> None:
        import os

        self._flush()
        self._csv_file.close()
        self._parquet.close()
        os.replace(self._csv_tmp, self.csv_path)
        os.replace(self._parquet_tmp, self.parquet_path)

    def abort(self) -> None:
        for handle in (self._csv_file,):
            handle.close()
        try:
            self._parquet.close()
        except Exception:
            pass
        for tmp in (self._csv_tmp, self._parquet_tmp):
            tmp.unlink(missing_ok=True)


# --- the dashboard's running totals -----------------------------------------------------------

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

    def __init__(self, worst: int = 25):
        self.worst_n = worst
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
        self._worst: list = []  # heap of (-score, -seq, row)
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
        for f in report.findings:
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
        site.findings += len(report.findings)
        site.words += row["words"] or 0
        probability = row.get("mt_probability")
        if probability is None:
            self.mt_missing += 1
        else:
            self.mt_bins[min(MT_BINS - 1, int(probability * MT_BINS))] += 1
            site.mt_sum += probability
            site.mt_documents += 1
            site.mt_flagged += any(f.code == "TR201" for f in report.findings)
        # The worst documents: lowest score first, then input order.
        self._seq += 1
        entry = (-score, -self._seq, {k: row[k] for k in ("id", "path", "site", "score", "verdict", "words",
                                                        "findings", "error", "warning", "top_rules", "report")})
        if len(self._worst) < self.worst_n:
            heapq.heappush(self._worst, entry)
        elif entry > self._worst[0]:
            heapq.heapreplace(self._worst, entry)

    def add_error(self, error) -> None:
        self.error_count += 1
        if len(self.errors) < 200:
            self.errors.append((error.path, error.message))

    def worst(self) -> list[dict]:
        return [row for _, _, row in sorted(self._worst, reverse=True)]

    def context(self, title: str, table_names: dict) -> dict:
        histogram = []
        peak = max(self.bins) or 1
        width = 100 / HISTOGRAM_BINS
        for i, count in enumerate(self.bins):
            low = int(i * width)
            high = int((i + 1) * width)
            verdict = "pass" if low >= 80 else "warn" if low >= 50 else "fail"
            histogram.append({"low": low, "high": high, "count": count, "height": count / peak, "verdict": verdict})
        rules = sorted(self.rules.values(), key=lambda r: (-r.findings, r.code))
        rule_peak = rules[0].findings if rules else 1
        sites = sorted(self.sites.values(), key=lambda s: (s.mean, s.site))
        known_sites = [s for s in sites if s.site]
        mt_peak = max(self.mt_bins) or 1
        mt_histogram = [{"low": i / MT_BINS, "high": (i + 1) / MT_BINS, "count": n, "height": n / mt_peak}
                        for i, n in enumerate(self.mt_bins)]
        return {
            "mt_histogram": mt_histogram if any(self.mt_bins) else [],
            "mt_peak": mt_peak,
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
            "rules": rules,
            "rule_peak": rule_peak,
            "sites": sites if known_sites else [],
            "languages": sorted(self.languages.items(), key=lambda kv: (-kv[1], kv[0])),
            "grammar": self.grammar,
            "worst": self.worst(),
            "errors": self.errors,
            "error_count": self.error_count,
            "tables": table_names,
        }


# --- files of one document (rendered in the workers) ------------------------------------------

def output_parts(name: str) -> list[str]:
    """The path parts ``safe_join`` gives a document's outputs (for relative links)."""
    cleaned = "".join(c if c.isprintable() else "_" for c in name).replace("\\", "/")
    return [p for p in cleaned.split("/") if p not in ("", ".")]


def report_href(name: str) -> str:
    """The document's HTML report, relative to index.html, as a URL."""
    parts = output_parts(name)
    if parts:
        parts[-1] += ".html"
    return "/".join(quote(p, safe="") for p in parts)


def render_files(report) -> dict:
    """The per-document outputs and the table row: run in the worker beside ``audit``."""
    from .formats import html, json_format, markdown

    name = report.document.id
    depth = max(0, len(output_parts(name)) - 1)
    href = report_href(name)
    return {
        "files": {
            ".json": json_format.render_one(report),
            ".md": markdown.render_one(report),
            ".html": html.render_one(report, index_href="../" * depth + "index.html"),
        },
        "row": summary_row(report, href),
    }


def report_chunk(job, documents):
    from .batch import audit_chunk

    return audit_chunk(job, documents, render=render_files)


# --- the whole report -------------------------------------------------------------------------

class ReportWriter:
    def __init__(self, out: Path, worst: int = 25, title: str = "Corpus quality report"):
        self.out = out
        out.mkdir(parents=True, exist_ok=True)
        self.title = title
        self.table = TableWriter(out)
        self.dashboard = Dashboard(worst)
        self.write_errors: list = []

    def add(self, report) -> None:
        rendered = getattr(report, "rendered", None) or render_files(report)
        row = rendered["row"]
        try:
            base = safe_join(self.out, report.document.id)
        except UnsafeOutputPath as exc:
            from .inputs import InputError

            error = InputError(report.document.id, str(exc))
            self.write_errors.append(error)
            self.add_error(error)
            return
        for suffix, content in rendered["files"].items():
            write_atomic(base.with_name(base.name + suffix), content)
        self.table.add(row)
        self.dashboard.add(report, row)

    def add_error(self, error) -> None:
        self.table.add(error_row(error))
        self.dashboard.add_error(error)

    def close(self) -> None:
        self.table.close()
        from .formats import dashboard

        html = dashboard.render(self.dashboard.context(self.title, {"csv": "summary.csv",
                                                                    "parquet": "summary.parquet"}))
        write_atomic(self.out / "index.html", html)

    def abort(self) -> None:
        self.table.abort()


def inside(path: str | None, folder: Path) -> bool:
    """Whether an input lies in the output folder (a report is not audited as an input)."""
    if not path:
        return False
    try:
        Path(path).resolve().relative_to(folder.resolve())
        return True
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return False

