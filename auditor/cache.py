"""A precompiled cache for bundled data (parsed rule packs, gazetteers), like Python's __pycache__.

Parsing ~10,000 phrases of YAML and the place gazetteer takes longer than auditing a short
file, so the parsed form is pickled next to the data, in a ``__pycache__`` folder, keyed by
the auditor's version and each source file's size and modification time. If that folder is not
writable the data is simply parsed each time. Only bundled data is cached, never a user's rule
pack, and ``AUDITOR_NO_CACHE=1`` turns the cache off.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")


def _key(name: str, sources: list[Path]) -> str:
    from . import __version__

    digest = hashlib.sha256(f"{name}|{__version__}|{sys.version_info[:2]}".encode())
    # The classes that are pickled are defined here: a change to them must not meet an old pickle.
    here = Path(__file__).resolve().parent
    for module in (here / "findings.py", here / "ruleset.py"):
        if module.exists():
            digest.update(f"|{module.name}|{module.stat().st_size}".encode())
    for path in sorted(sources):
        stat = path.stat()
        digest.update(f"|{path.name}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def cached(name: str, folder: Path, sources: list[Path], build: Callable[[], T]) -> T:
    if os.environ.get("AUDITOR_NO_CACHE"):
        return build()
    try:
        target = folder / "__pycache__" / f"{name}-{_key(name, sources)}.pickle"
    except OSError:
        return build()
    try:
        with target.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        pass
    value = build()
    try:
        target.parent.mkdir(exist_ok=True)
        for stale in target.parent.glob(f"{name}-*.pickle"):
            stale.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
    except OSError:
        pass  # a read-only installation: parse each time
    return value
