"""Readers for HTML pages and record files (JSONL, CSV, Parquet, JSON); ``inputs`` tries them in order.

HTML pages are reduced to their main text by trafilatura before they are audited. Record files
(JSONL, CSV, Parquet, and JSON files named directly or by a glob) hold one article per record:
``--text-field`` names the text, ``--id-field`` the identifier (by default the record's ``id``
field when it has one, else its 1-based number), and a record is named ``<file name>/<id>``.
JSONL, CSV and Parquet files are streamed (line by line, row by row, batch by batch), so a file
of millions of records is never held whole; a ``.json`` file (an array of records, or an object
holding one) is read whole within ``--max-bytes``. A record that cannot be read is reported with
the file and the record, and the others go on.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

from auditor.core.document import Document
from auditor.core.extras import MissingExtra, require
from auditor.inputs.input_files import DEFAULT_MAX_BYTES, InputError, Reader, Source, read_decoded

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
RECORD_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet", ".json": "json"}
# ``.json`` has no folder suffix (READERS below): in a folder it is more often configuration or
# data of another kind than articles, so it is read only when named or matched by a glob.
DEFAULT_TEXT_FIELD = "text"
DEFAULT_ID_FIELD = "id"
# Fields of a record that say where the article comes from (for the per-site table).
SITE_FIELDS = ("site", "source", "domain", "hostname", "url")
PARQUET_BATCH_ROWS = 512


# --- HTML ------------------------------------------------------------------------------------

def read_html(source: Source, options: dict) -> Iterator[Document | InputError]:
    name = str(source.path)
    html = read_decoded(source.path, options)
    if isinstance(html, InputError):
        yield html
        return
    try:
        text, meta = extract_html(html)
    except MissingExtra as exc:
        yield InputError(name, str(exc))
        return
    except ImportError as exc:
        yield InputError(name, f"cannot extract HTML: {exc}")
        return
    if text is None:
        yield InputError(name, "no main text found in this HTML page")
        return
    yield Document(text=text, id=source.output_name, path=name, meta={"kind": "html", **meta})


def extract_html(html: str) -> tuple[str | None, dict]:
    """The page's main text (trafilatura, comments left out) and what it says about the page."""
    trafilatura = require("trafilatura", "html", "reading HTML")

    result = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    if result is None:
        return None, {}
    text = result.text if hasattr(result, "text") else result.get("text")
    if not text or not text.strip():
        return None, {}
    meta = {}
    for key in ("title", "url", "hostname", "sitename"):
        value = getattr(result, key, None) if not isinstance(result, dict) else result.get(key)
        if value:
            meta[key] = str(value)
    site = meta.get("hostname") or meta.get("sitename")
    if site:
        meta["site"] = site
    return text, meta


# --- records ---------------------------------------------------------------------------------

def _record_kind(path: Path) -> str | None:
    return RECORD_SUFFIXES.get(path.suffix.lower())


class _Records:
    """Turns raw records of one file into Documents, or errors that name the file and the record."""

    def __init__(self, source: Source, options: dict, fmt: str):
        self.source = source
        self.name = str(source.path)
        self.fmt = fmt
        self.text_field = options.get("text_field") or DEFAULT_TEXT_FIELD
        self.id_field = options.get("id_field")
        self.max_bytes = options.get("max_bytes", DEFAULT_MAX_BYTES)
        self.seen: set[str] = set()

    def error(self, number: int, message: str, where: str = "") -> InputError:
        return InputError(self.name, f"record {number}{where}: {message}")

    def document(self, number: int, record, where: str = "", line: int | None = None) -> Document | InputError:
        """``line``: the line of the file the record starts on (JSONL, CSV), for CI locations."""
        if not isinstance(record, dict):
            return self.error(number, f"not an object but {type(record).__name__}", where)
        if self.text_field not in record:
            fields = ", ".join(sorted(map(str, record))[:8]) or "none"
            return self.error(number, f"no field {self.text_field!r} (fields: {fields}; see --text-field)", where)
        text = record[self.text_field]
        if not isinstance(text, str):
            kind = "null" if text is None else type(text).__name__
            return self.error(number, f"field {self.text_field!r} is {kind}, not text", where)
        if self.max_bytes and len(text) > self.max_bytes:
            return self.error(number, f"text is {len(text):,} characters, over the limit of {self.max_bytes:,} "
                                      "(raise --max-bytes)", where)
        if self.id_field:
            if record.get(self.id_field) in (None, ""):
                return self.error(number, f"no value in id field {self.id_field!r}", where)
            rid = str(record[self.id_field])
        elif record.get(DEFAULT_ID_FIELD) not in (None, ""):
            rid = str(record[DEFAULT_ID_FIELD])
        else:
            rid = str(number)
        if rid in self.seen:
            return self.error(number, f"id {rid!r} was already used by an earlier record of this file", where)
        self.seen.add(rid)
        meta = {"kind": "record", "format": self.fmt, "file": self.name, "file_id": self.source.output_name,
                "record": number, "record_id": rid}
        if line:
            meta["line"] = line
        url = record.get("url")
        if isinstance(url, str) and url.strip():
            meta["url"] = url.strip()
        site = _site(record)
        if site:
            meta["site"] = site
        if text.startswith("\ufeff"):
            text = text[1:]
        # The path names the record too (``news.jsonl/42``): text output and reports say which one.
        return Document(text=text, id=f"{self.source.output_name}/{rid}", path=f"{self.name}/{rid}", meta=meta)


def _site(record: dict) -> str | None:
    for key in SITE_FIELDS:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            value = value.strip()
            if key == "url" or "://" in value:
                host = urlsplit(value).hostname
                if host:
                    return host.removeprefix("www.")
                continue
            return value
    return None


def _open_error(name: str, exc: OSError) -> InputError:
    return InputError(name, f"cannot read: {exc.strerror or exc}")


def read_jsonl(source: Source, options: dict) -> Iterator[Document | InputError]:
    records = _Records(source, options, "jsonl")
    try:
        handle = open(source.path, "rb")
    except OSError as exc:
        yield _open_error(records.name, exc)
        return
    with handle:
        number = 0
        for line_no, raw in enumerate(handle, 1):
            if line_no == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            number += 1
            where = f" (line {line_no})"
            if records.max_bytes and len(raw) > records.max_bytes * 2 + 1024:
                yield records.error(number, f"line is {len(raw):,} bytes, over the limit (raise --max-bytes)", where)
                continue
            try:
                record = json.loads(raw)
            except UnicodeDecodeError as exc:
                yield records.error(number, f"not UTF-8: {exc.reason}", where)
                continue
            except ValueError as exc:
                yield records.error(number, f"not valid JSON: {exc}", where)
                continue
            yield records.document(number, record, where, line_no)


def read_csv(source: Source, options: dict) -> Iterator[Document | InputError]:
    import csv

    records = _Records(source, options, "csv")
    csv.field_size_limit(max(records.max_bytes * 4 if records.max_bytes else 2**31 - 1, 131072))
    try:
        handle = open(source.path, encoding="utf-8-sig", newline="")
    except OSError as exc:
        yield _open_error(records.name, exc)
        return
    with handle:
        reader = csv.reader(handle)
        number = 0
        try:
            header = next(reader, None)
        except (csv.Error, UnicodeDecodeError) as exc:
            yield InputError(records.name, f"cannot read the header row: {exc}")
            return
        if not header:
            yield InputError(records.name, "empty CSV file (no header row)")
            return
        while True:
            first_line = reader.line_num + 1  # a record may span lines: name the one it starts on
            try:
                row = next(reader)
            except StopIteration:
                break
            except UnicodeDecodeError as exc:
                yield records.error(number + 1, f"not UTF-8 ({exc.reason}); the rest of the file is skipped",
                                    f" (line {first_line})")
                break
            except csv.Error as exc:
                number += 1
                yield records.error(number, f"malformed CSV: {exc}", f" (line {first_line})")
                continue
            if not row:
                continue  # a blank line between records
            number += 1
            where = f" (line {first_line})"
            if len(row) != len(header):
                yield records.error(number, f"{len(row)} fields where the header has {len(header)}", where)
                continue
            yield records.document(number, dict(zip(header, row)), where, first_line)


def read_parquet(source: Source, options: dict) -> Iterator[Document | InputError]:
    records = _Records(source, options, "parquet")
    try:
        pq = require("pyarrow.parquet", "parquet", "reading Parquet")
    except MissingExtra as exc:
        yield InputError(records.name, str(exc))
        return
    try:
        parquet = pq.ParquetFile(source.path)
    except OSError as exc:
        yield _open_error(records.name, exc)
        return
    except Exception as exc:  # pyarrow raises ArrowInvalid for files that are not Parquet
        yield InputError(records.name, f"not a Parquet file: {exc}")
        return
    names = parquet.schema_arrow.names
    if records.text_field not in names:
        yield InputError(records.name, f"no column {records.text_field!r} (columns: {', '.join(names[:8])}; "
                                       "see --text-field)")
        return
    if records.id_field and records.id_field not in names:
        yield InputError(records.name, f"no column {records.id_field!r} (see --id-field)")
        return
    wanted = [records.text_field, records.id_field or DEFAULT_ID_FIELD, *SITE_FIELDS]
    columns = [c for c in dict.fromkeys(wanted) if c in names]
    number = 0
    try:
        for batch in parquet.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=columns):
            for record in batch.to_pylist():
                number += 1
                yield records.document(number, record, f" (row {number})")
    except Exception as exc:
        yield records.error(number + 1, f"cannot read the rest of the file: {exc}")


def read_json(source: Source, options: dict) -> Iterator[Document | InputError]:
    """A ``.json`` file: an array of records, or an object with one field holding an array of records.

    Its reader declares no folder suffix: a folder walk never picks a ``.json`` file up."""
    records = _Records(source, options, "json")
    text = read_decoded(source.path, options)
    if isinstance(text, InputError):
        yield text
        return
    try:
        data = json.loads(text)
    except ValueError as exc:
        yield InputError(records.name, f"not valid JSON: {exc}")
        return
    found = _record_array(data)
    if isinstance(found, str):
        yield InputError(records.name, f"{found}; a .json input must be an array of records (objects with a "
                                       f"{records.text_field!r} field), or an object holding one such array "
                                       "(for one article per file, use .txt)")
        return
    field_name, array = found
    where_of = (lambda i: f" ({field_name}[{i - 1}])") if field_name else (lambda i: f" (item {i - 1})")
    for number, record in enumerate(array, 1):
        yield records.document(number, record, where_of(number))


def _record_array(data) -> tuple[str | None, list] | str:
    """(field, records) for an array of records or an object holding exactly one; else why not."""
    if isinstance(data, list):
        if data and not any(isinstance(item, dict) for item in data):
            return f"an array of {type(data[0]).__name__}, not of objects"
        return None, data
    if not isinstance(data, dict):
        return f"a single {type(data).__name__}, not records"
    arrays = [k for k, v in data.items() if isinstance(v, list) and any(isinstance(i, dict) for i in v)]
    if len(arrays) == 1:
        return arrays[0], data[arrays[0]]
    fields = ", ".join(map(str, list(data)[:8])) or "none"
    if not arrays:
        return f"an object with no array of records (fields: {fields})"
    return f"an object with {len(arrays)} arrays of records ({', '.join(arrays[:8])}): which one is meant is unclear"


def record_suffixes() -> set[str]:
    return set(RECORD_SUFFIXES)


def _record_reader(kind: str, read) -> Reader:
    return Reader(kind, lambda p: _record_kind(p) == kind, read,
                  frozenset(s for s, k in RECORD_SUFFIXES.items() if k == kind))


# Tried in this order; a file none of them takes is read as plain text.
READERS = (
    _record_reader("parquet", read_parquet),
    _record_reader("csv", read_csv),
    _record_reader("jsonl", read_jsonl),
    # Only when named or matched by a glob: in a folder, a .json file is more often something else.
    Reader("json", lambda p: _record_kind(p) == "json", read_json, frozenset()),
    Reader("html", lambda p: p.suffix.lower() in HTML_SUFFIXES, read_html, frozenset(HTML_SUFFIXES)),
)
