"""Inputs: turn what the user gives (files, folders, globs, stdin) into Documents.

Each file goes to the first reader of ``readers.READERS`` that takes it (HTML pages, record
files), else it is read as text. Readers yield ``Document``s or ``InputError``s, so that one bad
file is reported with its name and the run goes on with the others.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterable, Iterator

from auditor.core.document import Document
from .input_files import (DEFAULT_MAX_BYTES, InputError, ReadFunction, Reader, Source, decode,  # noqa: F401
                          read_decoded)
from auditor.inputs.readers import READERS

# Files picked up when a folder is given; a file named directly is read whatever its suffix.
TEXT_SUFFIXES = {".txt", ".text", ".md"}


def read_text(source: Source, options: dict) -> Iterator[Document | InputError]:
    text = read_decoded(source.path, options)
    if isinstance(text, InputError):
        yield text
        return
    yield Document(text=text, id=source.output_name, path=str(source.path))


TEXT_READER = Reader("text", lambda p: True, read_text, frozenset(TEXT_SUFFIXES))
# Suffixes picked up from folders and globs: text, and whatever the other readers declare.
_FOLDER_SUFFIXES = frozenset(TEXT_SUFFIXES).union(*(r.suffixes for r in READERS))


def read_stdin(options: dict) -> Iterator[Document | InputError]:
    # Read once per run: a corpus pass and the audit both see the same text.
    data = options.get("_stdin_data")
    if data is None:
        data = options["_stdin_data"] = sys.stdin.buffer.read()
    try:
        yield Document(text=decode(data, "stdin"), id="stdin", path=None)
    except ValueError as exc:
        yield InputError("stdin", str(exc))


def discover(paths: Iterable[str]) -> Iterator[Source | InputError]:
    """Expand what the user named: a file as itself, a folder recursively, '-' as stdin.

    A file given directly is named by its file name; files found under a folder keep their
    path relative to it, so outputs mirror the input tree.
    """
    for raw in paths:
        if raw == "-":
            yield Source(None, "stdin")
            continue
        path = Path(raw)
        if path.is_dir():
            for p in _walk(path):
                yield Source(p, p.relative_to(path).as_posix())
        elif not path.exists() and _is_glob(raw):
            yield from _expand_glob(raw)
        elif path.exists():
            yield Source(path, path.name)
        elif path.is_symlink():
            yield InputError(raw, "broken symbolic link")
        else:
            yield InputError(raw, "no such file or directory")


def _walk(folder: Path) -> list[Path]:
    found = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in files:
            p = Path(root) / f
            if p.suffix.lower() in _FOLDER_SUFFIXES and not f.startswith("."):
                found.append(p)
    return sorted(found)


def _is_glob(raw: str) -> bool:
    return any(c in raw for c in "*?[")


def _expand_glob(pattern: str) -> Iterator[Source | InputError]:
    """A glob (``news/**/*.txt``): outputs are named relative to the folder before the first wildcard."""
    import glob

    parts = Path(pattern).parts
    fixed = next((i for i, part in enumerate(parts) if _is_glob(part)), len(parts))
    base = Path(*parts[:fixed]) if fixed else Path(".")
    matches = sorted(glob.glob(pattern, recursive=True))
    files: dict[Path, None] = {}
    for m in matches:
        p = Path(m)
        if p.is_dir():
            files.update(dict.fromkeys(_walk(p)))
        elif p.is_file() and (p.suffix.lower() in _FOLDER_SUFFIXES or _is_named_suffix(pattern)):
            files[p] = None
    if not files:
        yield InputError(pattern, "no file matches this pattern")
        return
    for p in sorted(files):
        try:
            name = p.relative_to(base).as_posix()
        except ValueError:
            name = p.name
        yield Source(p, name)


def _is_named_suffix(pattern: str) -> bool:
    """A glob that names its suffix (``*.log``) reads those files as text, like a file named directly."""
    suffix = Path(pattern).suffix
    return bool(suffix) and not _is_glob(suffix)


def read_sources(paths: Iterable[str], options: dict | None = None) -> Iterator[Document | InputError]:
    options = options or {}
    for item in discover(paths):
        if isinstance(item, InputError):
            yield item
        elif item.path is None:
            yield from read_stdin(options)
        else:
            yield from reader_for(item.path)(item, options)


def reader_for(path: Path) -> ReadFunction:
    """The reader of a file: the first of READERS that takes it, else plain text."""
    for reader in READERS:
        if reader.accepts(path):
            return reader.read
    return TEXT_READER.read
