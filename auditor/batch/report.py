"""`auditor report`: a quality report over a whole corpus.

For the corpus: ``reports.jsonl`` (every document's report, one JSON object a line),
``summary.csv`` and ``summary.parquet`` (one row per document) and ``index.html``, a dashboard
that loads nothing from the network, with an HTML page for each document it links to. Files per
document (``--per-document html,json,md``) are a choice; they mirror the input names, spread
over hashed subfolders when there are many (``Layout``).

Everything streams: lines and per-document files are rendered in the workers and written as their
reports arrive, table rows are written in batches, and the dashboard is built from running
totals (histogram bins, counts per rule and per site, the worst documents), so memory stays
flat however many documents there are.
"""
from __future__ import annotations

import csv
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from auditor.core.output import UnsafeOutputPath, file_mode, safe_join, write_atomic
from auditor.batch.report_totals import (CATEGORIES, HISTOGRAM_BINS, MT_BINS, SEVERITIES, SITE_MIN_DOCUMENTS,  # noqa: F401
                                      SITE_ROWS)

READABILITY = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog")
TOP_RULES = 3
TABLE_BATCH_ROWS = 2048
PER_DOCUMENT_FORMATS = {"json": ".json", "md": ".md", "html": ".html"}
# Above this many documents per-document files go into hashed subfolders (one level of 256, two
# above FAN_OUT_DOCUMENTS * 256), so that no folder holds more than a few thousand files.
FAN_OUT_DOCUMENTS = 1000



# --- one row per document ---------------------------------------------------------------------

COLUMNS: list[tuple[str, str]] = [
    ("id", "string"), ("path", "string"), ("record_id", "string"), ("url", "string"), ("site", "string"),
    ("copy_of", "string"), ("score", "float64"), ("verdict", "string"),
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
    meta = doc.meta or {}
    record = meta.get("kind") == "record"
    row = {"id": doc.id, "path": meta.get("file") if record else doc.path,
           "record_id": meta.get("record_id") if record else None, "url": meta.get("url"),
           "site": site_of(doc), "copy_of": report.copy_of, "score": report.score.score,
           "verdict": report.verdict, "language": report.language, "words": doc.words,
           "mt_probability": (report.mt or {}).get("probability")}
    figures = report.readability or {}
    for key in READABILITY:
        value = figures.get(key)
        row[key] = float(value) if value is not None else None
    row["grammar"] = (report.grammar or {}).get("status")
    findings = report.findings  # every raw finding, as scores count them (per rule, not grouped)
    row["findings"] = len(findings)
    for s in SEVERITIES:
        row[s] = 0
    for c in CATEGORIES:
        row[f"{c}_findings"] = 0
    for f in findings:
        row[f.severity.value] += 1
        row[f"{f.category.value}_findings"] += 1
    row["top_rules"] = top_rules(findings)
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


# --- where files of one document go ----------------------------------------------------------

def fan_out_depth(documents: int | None) -> int:
    """Hashed subfolder levels for this many documents (None: unknown, assume many)."""
    if documents is None:
        return 1
    if documents <= FAN_OUT_DOCUMENTS:
        return 0
    return 1 if documents <= FAN_OUT_DOCUMENTS * 256 else 2


def output_parts(name: str) -> list[str]:
    """The path parts ``safe_join`` gives a document's outputs (for relative links)."""
    cleaned = "".join(c if c.isprintable() else "_" for c in name).replace("\\", "/")
    return [p for p in cleaned.split("/") if p not in ("", ".")]


@dataclass(frozen=True)
class Layout:
    """Where a document's files go under the output folder: its name mirrored (``news/a.txt``,
    ``feed.jsonl/42``), with ``depth`` levels of hashed folders before the last part when there
    are many (``feed.jsonl/3f/42``: 256 folders a level, from a hash of the document's id)."""

    depth: int = 0

    def name(self, document_id: str) -> str:
        if not self.depth:
            return document_id
        parts = output_parts(document_id)
        if not parts:
            return document_id
        digest = hashlib.blake2b(document_id.encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()
        buckets = [digest[2 * i:2 * i + 2] for i in range(self.depth)]
        return "/".join(parts[:-1] + buckets + parts[-1:])

    def href(self, document_id: str, suffix: str = ".html") -> str:
        """The document's file, relative to the output folder, as a URL."""
        parts = output_parts(self.name(document_id))
        if parts:
            parts[-1] += suffix
        return "/".join(quote(p, safe="") for p in parts)

    def index_href(self, document_id: str) -> str:
        """index.html, relative to the document's files."""
        return "../" * max(0, len(output_parts(self.name(document_id))) - 1) + "index.html"


def report_href(name: str) -> str:
    """The document's HTML report, relative to index.html, as a URL (mirrored layout)."""
    return Layout().href(name)


@dataclass(frozen=True)
class FileOptions:
    """What the workers render per document: which files (``--per-document``) and where they go."""

    formats: tuple = ()  # of "html", "json", "md"
    layout: Layout = Layout()


def parse_per_document(value: str) -> tuple:
    """``--per-document``: ``none``, ``all``, or a comma-separated list of html, json, md."""
    names = [v.strip().lower() for v in value.split(",") if v.strip()]
    if names in ([], ["none"]):
        return ()
    if names == ["all"]:
        return tuple(PER_DOCUMENT_FORMATS)
    unknown = [n for n in names if n not in PER_DOCUMENT_FORMATS]
    if unknown:
        raise ValueError(f"unknown per-document format {unknown[0]!r}: use none, all, or any of html, json, md")
    return tuple(dict.fromkeys(names))


# --- files of one document (rendered in the workers) ------------------------------------------

def report_line(report) -> str:
    """The document's line of reports.jsonl: the ``auditor/v1`` document, on one line."""
    from auditor.formats.json_format import SCHEMA

    return json.dumps({"schema": SCHEMA, **report.to_dict()}, ensure_ascii=False, separators=(",", ":")) + "\n"


def render_files(report, options: FileOptions = FileOptions()) -> dict:
    """The report's line, its chosen files and its table row: run in the worker beside ``audit``."""
    from auditor.formats import html, json_format, markdown

    name = report.document.id
    files = {}
    for fmt in options.formats:
        if fmt == "json":
            files[".json"] = json_format.render_one(report)
        elif fmt == "md":
            files[".md"] = markdown.render_one(report)
        elif fmt == "html":
            files[".html"] = html.render_one(report, index_href=options.layout.index_href(name))
    href = options.layout.href(name) if "html" in options.formats else None
    return {"line": report_line(report), "files": files, "row": summary_row(report, href)}


def report_chunk(options: FileOptions, job, documents):
    """``audit_chunk`` with each report's files rendered in the worker (bind ``options`` first)."""
    from auditor.batch.run import audit_chunk

    return audit_chunk(job, documents, render=lambda report: render_files(report, options))


# --- the whole report -------------------------------------------------------------------------

class ReportWriter:
    def __init__(self, out: Path, worst: int = 25, title: str = "Corpus quality report",
                 files: FileOptions = FileOptions(), corpus=None, site_min_documents: int = SITE_MIN_DOCUMENTS,
                 site_rows: int = SITE_ROWS, corpus_note: str = ""):
        from auditor.batch.report_totals import Dashboard

        self.out = out
        out.mkdir(parents=True, exist_ok=True)
        self.title = title
        self.files = files
        self.corpus = corpus
        self.mode = file_mode()
        self.table = TableWriter(out)
        self.dashboard = Dashboard(worst, site_min_documents, site_rows)
        self.corpus_note = corpus_note
        self.write_errors: list = []
        self.files_written = 0
        self.lines_path = out / "reports.jsonl"
        self._lines_tmp = out / ".reports.jsonl.tmp"
        self._lines = open(self._lines_tmp, "w", encoding="utf-8", newline="")

    def _check_name(self, document_id: str):
        try:
            return safe_join(self.out, self.files.layout.name(document_id))
        except UnsafeOutputPath as exc:
            from auditor.inputs.reading import InputError

            return InputError(document_id, str(exc))

    def add(self, report) -> None:
        rendered = getattr(report, "rendered", None) or render_files(report, self.files)
        row = rendered["row"]
        base = self._check_name(report.document.id)
        if not isinstance(base, Path):
            self.write_errors.append(base)
            self.add_error(base)
            return
        self._lines.write(rendered["line"])
        for suffix, content in rendered["files"].items():
            write_atomic(base.with_name(base.name + suffix), content, self.mode)
            self.files_written += 1
        self.table.add(row)
        self.dashboard.add(report, row)

    def add_error(self, error) -> None:
        from auditor.formats.json_format import SCHEMA, error_document

        self._lines.write(json.dumps({"schema": SCHEMA, **error_document(error)}, ensure_ascii=False,
                                     separators=(",", ":")) + "\n")
        self.table.add(error_row(error))
        self.dashboard.add_error(error)

    def _write_pages(self) -> None:
        """An HTML page for each document the dashboard links to (when pages are not written for all)."""
        from auditor.formats import html

        for entry in self.dashboard.worst_entries():
            report, row = entry
            name = report.document.id
            row["report"] = self.files.layout.href(name)
            if "html" in self.files.formats:
                continue
            base = self._check_name(name)
            write_atomic(base.with_name(base.name + ".html"),
                         html.render_one(report, index_href=self.files.layout.index_href(name)), self.mode)
            self.files_written += 1

    def close(self) -> None:
        from auditor.formats import dashboard

        self._lines.close()
        os.replace(self._lines_tmp, self.lines_path)
        self.table.close()
        self._write_pages()
        context = self.dashboard.context(self.title, {"csv": "summary.csv", "parquet": "summary.parquet",
                                                      "jsonl": "reports.jsonl"}, self.corpus)
        context["corpus_note"] = self.corpus_note
        write_atomic(self.out / "index.html", dashboard.render(context), self.mode)
        self.files_written += 4  # reports.jsonl, the two tables, index.html

    def abort(self) -> None:
        self._lines.close()
        self._lines_tmp.unlink(missing_ok=True)
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
