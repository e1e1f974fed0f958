"""`auditor clean`: the command's work, kept out of cli.py so that the CLI stays a thin layer.

Modes (exactly one): print the cleaned text of one input (default), ``--out DIR`` (write every
input under DIR), ``--diff`` (print a unified diff, write nothing), ``--in-place --backup SUFFIX``
(rewrite the inputs, keeping a copy of each changed file). ``--edit-log FILE`` writes one JSON
object per edit in any mode. Inputs are never modified except by ``--in-place``.
"""
from __future__ import annotations

import json
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .clean import CleanResult, clean_document, unified_diff

EXIT_OK, EXIT_ERROR = 0, 2


class UsageError(ValueError):
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
    audit_options: dict = field(default_factory=dict)


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


def plan_outputs(documents: list, opts: CleanOptions) -> tuple[list[Planned], list[str]]:
    """Where each document's output goes; problems that make an output unsafe are errors."""
    from .output import UnsafeOutputPath, safe_join

    planned: list[Planned] = []
    errors: list[str] = []
    root = Path(opts.out) if opts.out is not None else None
    inputs = {Path(d.path).resolve() for d in documents if d.path}
    taken: dict[Path, str] = {}
    for doc in documents:
        item = Planned(doc)
        name = doc.path or doc.id
        if root is not None:
            try:
                item.target = safe_join(root, doc.id)
            except UnsafeOutputPath as exc:
                errors.append(f"{name}: {exc}")
                continue
            resolved = item.target.resolve()
            if resolved in inputs:
                errors.append(f"{name}: refusing to write {item.target}: it is an input "
                              f"(use --in-place --backup SUFFIX to rewrite inputs)")
                continue
            if resolved in taken:
                errors.append(f"{name}: output {item.target} is also the output of {taken[resolved]}")
                continue
            taken[resolved] = name
        elif opts.in_place:
            if not doc.path:
                errors.append("stdin: --in-place needs files, not standard input")
                continue
            item.target = Path(doc.path)
            item.backup = Path(doc.path + opts.backup)
            if item.backup.resolve() in inputs:
                errors.append(f"{name}: backup {item.backup} would overwrite another input")
                continue
        planned.append(item)
    if opts.edit_log:
        log = Path(opts.edit_log).resolve()
        outputs = {p.target.resolve() for p in planned if p.target is not None}
        outputs |= {p.backup.resolve() for p in planned if p.backup is not None}
        if log in outputs:
            raise UsageError(f"--edit-log {opts.edit_log}: that file is one of the outputs")
        if log in inputs:
            raise UsageError(f"--edit-log {opts.edit_log}: that file is one of the inputs")
        if root is not None and log.exists() and log.is_dir():
            raise UsageError(f"--edit-log {opts.edit_log} is a folder")
    return planned, errors


def run(paths, opts: CleanOptions, ruleset, thresholds, echo: Callable[[str], None],
        stdout=None) -> int:
    """Clean every input as the options say; returns the exit code (2 if anything failed)."""
    from .engine import audit
    from .inputs import InputError, read_sources
    from .output import write_atomic

    stdout = stdout or sys.stdout
    check_usage(opts)
    items = list(read_sources(paths, {"max_bytes": opts.max_bytes}))
    documents = [i for i in items if not isinstance(i, InputError)]
    errors = [str(i) for i in items if isinstance(i, InputError)]
    printing = opts.out is None and not opts.diff and not opts.in_place
    if printing and len(documents) + len(errors) > 1:
        raise UsageError("several inputs: give --out DIR, --diff or --in-place --backup SUFFIX")
    planned, plan_errors = plan_outputs(documents, opts)
    errors += plan_errors

    stats = None
    if opts.corpus:
        from .corpus import build

        stats = build(documents)

    def audit_fn(document):
        return audit(document, ruleset, stats, thresholds, opts.audit_options)

    log_lines: list[str] = []
    changed = edits = 0
    for item in planned:
        doc = item.document
        name = doc.path or doc.id
        result: CleanResult = clean_document(doc, audit_fn, unsafe=opts.unsafe)
        if not result.settled:
            echo(f"auditor: {name}: fixes still pending after {result.passes} passes; "
                 f"the output may not be final")
        for e in result.edits:
            log_lines.append(json.dumps(e.to_dict(name), ensure_ascii=False))
        edits += len(result.edits)
        changed += bool(result.edits)
        try:
            if printing:
                stdout.write(result.text)
            elif opts.diff:
                stdout.write(unified_diff(doc.text, result.text, name))
            elif opts.out is not None:
                write_atomic(item.target, result.text)
            elif opts.in_place and result.edits:
                shutil.copy2(item.target, item.backup)
                write_atomic(item.target, result.text)
        except OSError as exc:
            errors.append(f"{name}: cannot write: {exc.strerror or exc}")
    if opts.edit_log:
        try:
            write_atomic(Path(opts.edit_log), "".join(line + "\n" for line in log_lines))
        except OSError as exc:
            errors.append(f"{opts.edit_log}: cannot write the edit log: {exc.strerror or exc}")
    for e in errors:
        echo(f"auditor: {e}")
    if not printing and not opts.diff:
        where = f" under {opts.out}" if opts.out is not None else " in place"
        echo(f"auditor: cleaned {len(planned)} file(s), {changed} changed, {edits} edit(s){where}")
    return EXIT_ERROR if errors else EXIT_OK
