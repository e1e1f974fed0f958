"""Readers: turn what the user gives (files, folders, stdin) into Documents.

Readers form a registry by input kind; each yields ``Document``s or ``InputError``s, so that one
bad file is reported with its name and the run goes on with the others.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .document import Document

# Files picked up when a folder is given; a file named directly is read whatever its suffix.
TEXT_SUFFIXES = {".txt", ".text", ".md"}
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass
class InputError:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class Source:
    """One input the user named, and the name its outputs get (relative, under an output dir)."""

    path: Path | None  # None for stdin
    output_name: str


Reader = Callable[[Source, dict], Iterator["Document | InputError"]]
_READERS: dict[str, tuple[Callable[[Path], bool], Reader]] = {}
# Suffixes picked up from folders and globs: text, and whatever the other readers declare.
_FOLDER_SUFFIXES: set[str] = set(TEXT_SUFFIXES)


def register_reader(kind: str, accepts: Callable[[Path], bool], suffixes: Iterable[str] = ()):
    """Register a reader; ``suffixes`` are the file suffixes it reads when found in a folder."""
    def wrap(fn: Reader) -> Reader:
        _READERS[kind] = (accepts, fn)
        _FOLDER_SUFFIXES.update(s.lower() for s in suffixes)
        return fn

    return wrap


def decode(data: bytes, path: str) -> str:
    """UTF-8 (a BOM is dropped), else the encoding charset-normalizer finds; refuses binary."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")  # the BOM says which byte order; decode drops it
        except UnicodeDecodeError as exc:
            raise ValueError(f"starts with a UTF-16 byte-order mark but is not UTF-16: {exc.reason}") from None
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is None:
        raise ValueError("cannot decode: not UTF-8 and no other text encoding fits")
    return str(_pick_encoding(results, best))


# Legacy encodings that web pages use (WHATWG Encoding Standard, less the Mac ones): short text fits
# several single-byte code pages about equally well, and a DOS code page (cp775, cp852) is then a
# poor guess for an article ("café" came out as "cafķ", curly quotes as "ôWe wonĺt").
_WEB_ENCODINGS = {f"cp{n}" for n in range(1250, 1259)} | {f"iso8859_{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)} \
    | {"cp866", "cp874", "koi8_r", "koi8_u", "gbk", "gb18030", "big5", "euc_jp", "iso2022_jp", "shift_jis", "cp932",
       "euc_kr", "cp949"}


def _odd_characters(text: str) -> int:
    """C1 controls, and symbols against a lower-case letter ("powiedzia³", "Se±ora"): marks of a
    wrong code page. So are ordinal indicators against a letter ("Bucureºti ºi", for "Bucureşti
    şi") and a thorn in text without an eth ("anunþat" for "anunţat": Icelandic has both)."""
    import unicodedata

    count = 0
    last = len(text) - 1
    thorn_is_odd = "ð" not in text and "Ð" not in text
    for i, c in enumerate(text):
        if c in "ªº":
            count += (i > 0 and text[i - 1].isalpha()) or (i < last and text[i + 1].isalpha())
            continue
        if c in "þÞ":
            count += thorn_is_odd
            continue
        if c.isascii() or c.isalpha():
            continue
        if "\x80" <= c <= "\x9f" or unicodedata.category(c) in ("Co", "Cn"):
            count += 1
        elif unicodedata.category(c) in ("No", "Sm", "So", "Sk") and (
                (i > 0 and text[i - 1].islower()) or (i < last and text[i + 1].islower())):
            count += 1
    return count


def _pick_encoding(results, best):
    """charset-normalizer's best guess, unless a near tie has a cleaner or more common reading."""
    near = [m for m in results if m.chaos <= best.chaos + 0.01]
    if len(near) < 2:
        return best
    odd = {id(m): _odd_characters(str(m)) for m in near}
    fewest = min(odd.values())
    near = [m for m in near if odd[id(m)] == fewest]
    web = [m for m in near if _WEB_ENCODINGS.intersection(m.could_be_from_charset)]
    near = web or near
    top = max(m.coherence for m in near)
    western = next((m for m in near if "cp1252" in m.could_be_from_charset), None)
    if western is not None and western.coherence >= top - 0.04:
        return western
    return best if best in near else near[0]


def read_decoded(path: Path, options: dict) -> str | InputError:
    """A regular file's text, decoded; or an error that names the file and the problem."""
    name = str(path)
    max_bytes = options.get("max_bytes", DEFAULT_MAX_BYTES)
    try:
        if not path.is_file():
            return InputError(name, "not a regular file")
        size = path.stat().st_size
        if max_bytes and size > max_bytes:
            return InputError(name, f"file is {size:,} bytes, over the limit of {max_bytes:,} (raise --max-bytes)")
        data = path.read_bytes()
    except OSError as exc:
        return InputError(name, f"cannot read: {exc.strerror or exc}")
    try:
        return decode(data, name)
    except ValueError as exc:
        return InputError(name, str(exc))


@register_reader("text", lambda p: True)
def read_text(source: Source, options: dict) -> Iterator[Document | InputError]:
    text = read_decoded(source.path, options)
    if isinstance(text, InputError):
        yield text
        return
    yield Document(text=text, id=source.output_name, path=str(source.path))


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


def reader_for(path: Path) -> Reader:
    for kind, (accepts, fn) in reversed(list(_READERS.items())):
        if kind != "text" and accepts(path):
            return fn
    return _READERS["text"][1]


from . import readers as _readers  # noqa: E402,F401  (registers the HTML and record readers)
