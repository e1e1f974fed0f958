"""Paths as CI tools want them: relative to the working folder, with forward slashes."""
from __future__ import annotations

from pathlib import Path


def relative_path(path: str | None, name: str) -> tuple[str, bool]:
    """(path, relative): the path relative to the working folder when it is under it (or was
    given relative), else the absolute path; ``name`` (e.g. ``stdin``) when there is no path."""
    if path is None:
        return name, False
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.resolve().relative_to(Path.cwd().resolve())
        except ValueError:
            return p.resolve().as_posix(), False
    posix = p.as_posix()
    while posix.startswith("./"):
        posix = posix[2:]
    return posix, True
