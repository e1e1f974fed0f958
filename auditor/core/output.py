"""Writing files: atomically, and never outside the folder the user named."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from auditor.core.errors import AuditorError


class UnsafeOutputPath(AuditorError, ValueError):
    pass


def safe_join(root: Path, name: str) -> Path:
    """root/name, refusing names that would land outside root (``..``, absolute, control chars)."""
    cleaned = "".join(c if c.isprintable() else "_" for c in name).replace("\\", "/")
    parts = [p for p in cleaned.split("/") if p not in ("", ".")]
    if not parts or any(p == ".." for p in parts):
        raise UnsafeOutputPath(f"refusing output name {name!r}: it would leave {root}")
    target = root.joinpath(*parts)
    root_resolved = root.resolve()
    if root_resolved != target.resolve() and root_resolved not in target.resolve().parents:
        raise UnsafeOutputPath(f"refusing output name {name!r}: it would leave {root}")
    return target


def file_mode() -> int:
    """The mode a new file gets under the user's umask (``open`` would give it; mkstemp gives 0600)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: Path, content: str, mode: int | None = None) -> None:
    """Write through a temporary file in the same folder, then rename: never a half-written file.

    The file is readable as the user's umask says (``mode``, when given, saves asking again)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(content)
            os.chmod(handle.fileno() if os.chmod in os.supports_fd else tmp, file_mode() if mode is None else mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
