"""`auditor clean`: the command's work, kept out of cli.py so that the CLI stays a thin layer.

Modes (exactly one): print the cleaned text of one input (default), ``--out DIR`` (write every
input under DIR), ``--diff`` (print a unified diff, write nothing), ``--in-place --backup SUFFIX``
(rewrite the inputs, keeping a copy of each changed file). ``--edit-log FILE`` writes one JSON
object per edit in any mode. Inputs are never modified except by ``--in-place``.

Output names follow DESIGN.md: a text file keeps its name, an HTML page becomes ``<stem>.txt``
(its extracted text, cleaned), and a record file (JSONL, CSV, Parquet) is written in its own
format with the text field of each record replaced.
"""
from __future__ import annotations

import json
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from auditor.engine.clean import CleanResult, clean_document, unified_diff
from auditor.core.errors import AuditorError

from auditor.commands.setup import EXIT_OK, EXIT_ERROR


class UsageError(AuditorError, ValueError):
    """A combination of options or paths that cannot be honoured; nothing has been written."""


@dataclass
class CleanOptions:
    out: str | None = None
    diff: bool = False
    in_place: bool = False
    backup: str | None = None
    edit_log: str | None = None
    unsafe: bool = False
    corpus: bool = False
    max_bytes: int = 0
    text_field: str | None = None
    id_field: str | None = None
    audit_options: dict = field(default_factory=dict)
    suppressions: object = None  # configured suppressions (auditor.suppress.Suppressions): never applied


def check_usage(opts: CleanOptions) -> None:
    """Refuse contradictory modes before anything is read or written."""
    if opts.in_place and not opts.backup:
        raise UsageError("--in-place needs --backup SUFFIX: inputs are only rewritten with a copy kept")
    if opts.backup is not None and not opts.in_place:
        raise UsageError("--backup only goes with --in-place")
    if opts.backup is not None:
        if not opts.backup or any(c in opts.backup for c in "/\\\0") or opts.backup in (".", ".."):
            raise UsageError(f"--backup {opts.backup!r}: give a file-name suffix such as .orig")
    modes = [name for name, on in (("--out", opts.out is not None), ("--diff", opts.diff),
                                   ("--in-place", opts.in_place)) if on]
    if len(modes) > 1:
        raise UsageError(f"{' and '.join(modes)} cannot be combined")


@dataclass
class Planned:
    document: object
    target: Path | None = None   # where the cleaned text goes (--out, --in-place)
    backup: Path | None = None   # --in-place: the copy of the original
    group: str | None = None     # record inputs: the record file the document belongs to


@dataclass
class RecordFile:
    """A record file whose cleaned records are written back in its own format."""

    source: Path
    fmt: str
    target: Path
    backup: Path | None = None
    cleaned: dict = field(default_factory=dict)  # record number -> cleaned text


def _output_name(doc) -> str:
    from pathlib import PurePosixPath

    if doc.meta.get("kind") == "html":
        return str(PurePosixPath(doc.id).with_suffix(".txt"))
    return doc.id


def plan_outputs(documents: list, opts: CleanOptions) -> tuple[list[Planned], dict, list[str]]:
    """Where each document's output goes; problems that make an output unsafe are errors."""
    from auditor.core.output import UnsafeOutputPath, safe_join

    planned: list[Planned] = []
    groups: dict[str, RecordFile] = {}
    errors: list[str] = []
    root = Path(opts.out) if opts.out is not None else None
    inputs = {Path(d.meta.get("file") or d.path).resolve() for d in documents if d.path}
    taken: dict[Path, str] = {}
    for doc in documents:
        item = Planned(doc)
        name = doc.path or doc.id
        record = doc.meta.get("kind") == "record"
        if record:
            item.group = doc.meta["file"]
            if item.group in groups:
                planned.append(item)
                continue
        if root is not None:
            try:
                target = safe_join(root, doc.meta["file_id"] if record else _output_name(doc))
            except UnsafeOutputPath as exc:
                errors.append(f"{name}: {exc}")
                continue
            resolved = target.resolve()
            if resolved in inputs:
                errors.append(f"{name}: refusing to write {target}: it is an input "
                              f"(use --in-place --backup SUFFIX to rewrite inputs)")
                continue
            if resolved in taken:
                errors.append(f"{name}: output {target} is also the output of {taken[resolved]}")
                continue
            taken[resolved] = name
            item.target = target
        elif opts.in_place:
            if not doc.path:
                errors.append("stdin: --in-place needs files, not standard input")
                continue
            if doc.meta.get("kind") == "html":
                errors.append(f"{name}: an HTML page is cleaned as text; use --out DIR, not --in-place")
                continue
            source = doc.meta["file"] if record else doc.path
            item.target = Path(source)
            item.backup = Path(source + opts.backup)
            if item.backup.resolve() in inputs:
                errors.append(f"{name}: backup {item.backup} would overwrite another input")
                continue
        if record and item.target is not None:
            groups[item.group] = RecordFile(Path(doc.meta["file"]), doc.meta["format"], item.target, item.backup)
        planned.append(item)
    if opts.edit_log:
        log = Path(opts.edit_log).resolve()
        outputs = {p.target.resolve() for p in planned if p.target is not None}
        outputs |= {p.backup.resolve() for p in planned if p.backup is not None}
        if log in outputs:
            raise UsageError(f"--edit-log {opts.edit_log}: that file is one of the outputs")
        if log in inputs:
            raise UsageError(f"--edit-log {opts.edit_log}: that file is one of the inputs")
    return planned, groups, errors


def write_records(group: RecordFile, text_field: str) -> None:
    """Write a record file again in its own format, each cleaned record's text field replaced.

    Records are matched by their number in the file (as the readers count them); records that
    were not cleaned (unreadable ones) are copied as they were.
    """
    if group.fmt == "jsonl":
        _write_jsonl(group, text_field)
    elif group.fmt == "csv":
        _write_csv(group, text_field)
    elif group.fmt == "parquet":
        _write_parquet(group, text_field)
    else:  # pragma: no cover - the readers register no other format
        raise ValueError(f"cannot write records as {group.fmt}")


def _write_jsonl(group: RecordFile, text_field: str) -> None:
    from auditor.core.output import write_atomic

    out = []
    number = 0
    with open(group.source, "rb") as handle:
        for line_no, raw in enumerate(handle, 1):
            if line_no == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            line = raw.decode("utf-8", errors="replace")
            if not raw.strip():
                out.append(line)
                continue
            number += 1
            if number in group.cleaned:
                record = json.loads(raw)
                record[text_field] = group.cleaned[number]
                line = json.dumps(record, ensure_ascii=False) + ("\n" if raw.endswith(b"\n") else "")
            out.append(line)
    write_atomic(group.target, "".join(out))


def _write_csv(group: RecordFile, text_field: str) -> None:
    import csv
    import io

    from auditor.core.output import write_atomic

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    with open(group.source, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None) or []
        writer.writerow(header)
        column = header.index(text_field) if text_field in header else None
        number = 0
        for row in reader:
            if not row:
                continue
            number += 1
            if column is not None and number in group.cleaned and len(row) == len(header):
                row[column] = group.cleaned[number]
            writer.writerow(row)
    write_atomic(group.target, buffer.getvalue())


def _write_parquet(group: RecordFile, text_field: str) -> None:
    import os
    import tempfile

    from auditor.core.extras import require

    pa = require("pyarrow", "parquet", "writing Parquet")
    pq = require("pyarrow.parquet", "parquet", "writing Parquet")
    table = pq.read_table(group.source)
    texts = table.column(text_field).to_pylist()
    for number, text in group.cleaned.items():
        texts[number - 1] = text
    index = table.schema.get_field_index(text_field)
    table = table.set_column(index, table.schema.field(index), pa.array(texts, type=table.schema.field(index).type))
    group.target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=group.target.parent, prefix=f".{group.target.name}.", suffix=".tmp")
    os.close(fd)
    try:
        pq.write_table(table, tmp)
        from auditor.core.output import file_mode

        os.chmod(tmp, file_mode())  # mkstemp made it 0600: readable as the umask says, like the others
        os.replace(tmp, group.target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def run(paths, opts: CleanOptions, ruleset, thresholds, echo: Callable[[str], None],
        stdout=None) -> int:
    """Clean every input as the options say; returns the exit code (2 if anything failed)."""
    from auditor.engine.audit import audit
    from auditor.inputs.reading import InputError, read_sources
    from auditor.core.output import write_atomic

    stdout = stdout or sys.stdout
    check_usage(opts)
    read_options = {"max_bytes": opts.max_bytes, "text_field": opts.text_field, "id_field": opts.id_field}
    items = list(read_sources(paths, read_options))
    documents = [i for i in items if not isinstance(i, InputError)]
    errors = [str(i) for i in items if isinstance(i, InputError)]
    printing = opts.out is None and not opts.diff and not opts.in_place
    if printing and len(documents) + len(errors) > 1:
        raise UsageError("several inputs: give --out DIR, --diff or --in-place --backup SUFFIX")
    planned, groups, plan_errors = plan_outputs(documents, opts)
    errors += plan_errors

    stats = None
    if opts.corpus:
        from auditor.resources.corpus import build

        stats = build(documents)

    def audit_fn(document):
        from auditor.engine.gate import set_aside

        return set_aside(audit(document, ruleset, stats, thresholds, opts.audit_options), opts.suppressions, thresholds)

    log_lines: list[str] = []
    changed = edits = 0
    for item in planned:
        doc = item.document
        name = doc.path or doc.id
        result: CleanResult = clean_document(doc, audit_fn, unsafe=opts.unsafe)
        if not result.settled:
            echo(f"auditor: {name}: fixes still pending after {result.passes} passes; "
                 f"the output may not be final")
        if result.no_article is not None:
            echo(f"auditor: {name}: nothing of an article is left once its chrome is removed "
                 f"({result.no_article.message}); writing what is left")
        for e in result.edits:
            log_lines.append(json.dumps(e.to_dict(name), ensure_ascii=False))
        edits += len(result.edits)
        changed += bool(result.edits)
        try:
            if printing:
                stdout.write(result.text)
            elif opts.diff:
                stdout.write(unified_diff(doc.text, result.text, name))
            elif item.group is not None:
                group = groups.get(item.group)
                if group is not None and result.edits:
                    group.cleaned[doc.meta["record"]] = result.text
            elif opts.out is not None:
                write_atomic(item.target, result.text)
            elif opts.in_place and result.edits:
                shutil.copy2(item.target, item.backup)
                write_atomic(item.target, result.text)
        except OSError as exc:
            errors.append(f"{name}: cannot write: {exc.strerror or exc}")
    for group in groups.values():
        if opts.in_place and not group.cleaned:
            continue
        try:
            if opts.in_place:
                shutil.copy2(group.source, group.backup)
            write_records(group, opts.text_field or "text")
        except (OSError, ValueError, KeyError) as exc:
            errors.append(f"{group.source}: cannot write the cleaned records: {exc}")
    if opts.edit_log:
        try:
            write_atomic(Path(opts.edit_log), "".join(line + "\n" for line in log_lines))
        except OSError as exc:
            errors.append(f"{opts.edit_log}: cannot write the edit log: {exc.strerror or exc}")
    for e in errors:
        echo(f"auditor: {e}")
    if not printing and not opts.diff:
        where = f" under {opts.out}" if opts.out is not None else " in place"
        echo(f"auditor: cleaned {len(planned)} document(s), {changed} changed, {edits} edit(s){where}")
    return EXIT_ERROR if errors else EXIT_OK
