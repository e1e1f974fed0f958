"""Precompiled bundled data (parsed rule packs, the phrase index, gazetteers, the word-frequency
table, the machine-translation model's tables and weights), kept in the user's cache folder.

Parsing ~10,000 phrases of YAML and the place gazetteer takes longer than auditing a short file,
so the parsed form is pickled once and read back by later runs. The folder is
``$AUDITOR_CACHE_DIR`` when set, else the platform's user cache folder for "article-auditor"
(platformdirs: ``$XDG_CACHE_HOME/article-auditor`` or ``~/.cache/article-auditor`` on Linux).
Nothing is written inside the installed package, so a read-only installation works.

An entry is keyed by the auditor's version, Python's version, the auditor's code and a hash of
the content of its source files (or of a value it is built from, such as the rules' phrases):
an upgrade or an edited data file never reads a stale entry.
When the folder cannot be created or written, the data is built in memory each time.
Only bundled data is cached, never a user's rule pack; ``AUDITOR_NO_CACHE=1`` turns the cache off.
"""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TypeVar

from auditor._version import __version__

T = TypeVar("T")
APP_NAME = "article-auditor"
# Entries of one kind (rules, gazetteer ...) kept side by side: several installed versions or
# source trees may share the folder; older entries beyond these are removed.
KEEP_PER_NAME = 4
_PACKAGE = Path(__file__).resolve().parents[1]  # auditor/


def cache_dir() -> Path | None:
    """Where precompiled data goes, or None when caching is off."""
    if os.environ.get("AUDITOR_NO_CACHE"):
        return None
    override = os.environ.get("AUDITOR_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False))


@cache
def _code_fingerprint() -> str:
    """Size and modification time of the auditor's modules: pickles hold its classes, so a
    changed source tree (a development checkout) must not read entries of another. Computed once
    per process (the installed files do not change under it)."""
    digest = hashlib.sha256()
    for folder in sorted({path.parent for path in _PACKAGE.glob("*/__init__.py")} | {_PACKAGE}):
        with os.scandir(folder) as entries:
            for entry in sorted((e for e in entries if e.name.endswith(".py")), key=lambda e: e.name):
                stat = entry.stat()
                digest.update(f"|{folder.name}/{entry.name}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def cache_key(name: str, sources: Iterable[Path], content: bytes = b"") -> str:
    """Version, Python, code, the content of every source file and ``content`` (a value the
    entry is built from), as one short hash."""
    digest = hashlib.sha256(f"{name}|{__version__}|{sys.version_info[:2]}|{_code_fingerprint()}".encode())
    digest.update(hashlib.sha256(content).digest())
    for path in sorted(Path(p) for p in sources):
        digest.update(f"|{path}|".encode())  # the full path: rules carry their file's location
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:20]


def cache_path(name: str, sources: Iterable[Path], suffix: str, content: bytes = b"") -> Path | None:
    """The file of this entry in the cache folder (which may not exist yet), or None when caching
    is off or the sources cannot be read."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return folder / f"{name}-{cache_key(name, sources, content)}{suffix}"
    except OSError:
        return None


def write_atomically(target: Path, write: Callable[[Path], None]) -> bool:
    """Create the cache folder, let ``write`` fill a temporary file beside ``target``, then move it
    into place (concurrent runs never see half a file). False when the folder is not writable."""
    import tempfile  # only a first run writes: the others need not import it

    tmp = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}-", suffix=".tmp")
        os.close(fd)
        write(Path(tmp))
        os.replace(tmp, target)
        tmp = None
        _prune(target)
        return True
    except OSError:
        return False
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _prune(target: Path) -> None:
    """Remove older entries of the same kind beyond KEEP_PER_NAME."""
    name = target.name.rsplit("-", 1)[0]
    entries = sorted(target.parent.glob(f"{name}-*{target.suffix}"),
                     key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for stale in entries[KEEP_PER_NAME:]:
        stale.unlink(missing_ok=True)


def cached(name: str, sources: list[Path], build: Callable[[], T], content: bytes = b"",
           shared: Sequence[object] = ()) -> T:
    """``build()``, or its pickled result from an earlier run with the same sources and content.

    ``shared`` are objects the result refers to that the caller already holds (the rules a
    matcher was built from): the entry stores only their positions in ``shared`` and the loaded
    result refers to the caller's objects themselves, not to copies. They must be part of the key
    (through ``sources`` or ``content``)."""
    target = cache_path(name, sources, ".pickle", content)
    if target is None:
        return build()
    try:
        with target.open("rb") as handle, _collection_paused():
            return _Unpickler(handle, shared).load()
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, IndexError,
            ValueError, KeyError):
        pass  # a damaged or foreign entry (pickle raises any of these on bad bytes): built again
    value = build()

    def dump(path: Path) -> None:
        with path.open("wb") as handle:
            _Pickler(handle, shared).dump(value)

    write_atomically(target, dump)  # a read-only cache folder: build it again next time
    return value


@contextmanager
def _collection_paused():
    """Python's cycle collector paused while an entry is read: reading creates hundreds of
    thousands of containers (the gazetteer's indexes), and each batch of them would otherwise
    start a collection that walks them all again, for nothing (a fresh entry holds no garbage)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Pickler(pickle.Pickler):
    """Pickles the ``shared`` objects as their positions in that sequence."""

    def __init__(self, handle, shared: Sequence[object]):
        super().__init__(handle, protocol=pickle.HIGHEST_PROTOCOL)
        self._positions = {id(obj): i for i, obj in enumerate(shared)}  # lives as long as one dump

    def persistent_id(self, obj):
        return self._positions.get(id(obj))  # None: pickled as itself


class _Unpickler(pickle.Unpickler):
    """Reads back what :class:`_Pickler` wrote, a position becoming the caller's object."""

    def __init__(self, handle, shared: Sequence[object]):
        super().__init__(handle)
        # A bound C method: called once per reference (thousands in a phrase index), a Python
        # function would cost more than the rest of the load. A bad position raises IndexError or
        # TypeError, which make the entry unusable (it is then built again).
        self.persistent_load = tuple(shared).__getitem__
