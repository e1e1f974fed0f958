"""What every reader builds on: a named input, an input error, and the decoded text of one file.

``inputs`` (what the user names: files, folders, globs, stdin) and ``readers`` (HTML pages and
record files) both import this module, and it imports neither.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from auditor.core.document import Document

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


ReadFunction = Callable[[Source, dict], Iterator["Document | InputError"]]


@dataclass(frozen=True)
class Reader:
    """One kind of input: which files it takes, how it reads one, and the suffixes it picks up
    from folders and globs."""

    kind: str
    accepts: Callable[[Path], bool]
    read: ReadFunction
    suffixes: frozenset = frozenset()


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
