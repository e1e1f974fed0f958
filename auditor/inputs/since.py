"""``check --since REV``: only the files changed since a git revision.

Changed means: different between REV and the working tree (``git diff --name-only REV``,
committed, staged and unstaged changes alike), plus untracked files that git does not ignore,
so that a new article is checked before it is added. Deleted files are skipped. Only files
under the paths given on the command line are kept, with the usual folder rules (a folder
contributes its .txt, .text and .md files).
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from auditor.core.errors import AuditorError


class SinceError(AuditorError, RuntimeError):
    pass


def _git(args: list[str], cwd: Path) -> str:
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise SinceError("--since needs git, and git is not installed") from None
    if result.returncode != 0:
        raise SinceError(result.stderr.strip() or f"git {' '.join(args)} failed")
    return result.stdout


def changed_files(rev: str, cwd: Path | None = None) -> set[Path]:
    """Resolved paths of existing files changed since ``rev`` (plus untracked ones)."""
    cwd = Path(cwd or Path.cwd())
    if shutil.which("git") is None:
        raise SinceError("--since needs git, and git is not installed")
    try:
        top = _git(["rev-parse", "--show-toplevel"], cwd).strip()
    except SinceError as exc:
        raise SinceError(f"--since needs a git repository: {cwd} is not in one ({exc})") from None
    if rev.startswith("-"):
        raise SinceError(f"--since: {rev!r} is not a revision")
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], cwd)
    except SinceError:
        raise SinceError(f"--since: unknown revision {rev!r} in {top}") from None
    root = Path(top)
    # Both from the top folder, so that every name is relative to it.
    names = _git(["diff", "--name-only", "--no-relative", "-z", "--no-renames", "--diff-filter=d", rev, "--"],
                 root).split("\0")
    names += _git(["ls-files", "--others", "--exclude-standard", "-z"], root).split("\0")
    out = set()
    for name in names:
        if not name:
            continue
        path = root / name
        if path.is_file():  # deleted files are skipped
            out.add(path.resolve())
    return out


def keep_changed(sources, changed: set[Path]):
    """The sources (from ``inputs.discover``) whose file is among ``changed``; errors pass through."""
    from auditor.inputs.reading import InputError

    for item in sources:
        if isinstance(item, InputError):  # still reported
            yield item
        elif item.path is not None and item.path.resolve() in changed:
            yield item


def read_changed(paths, rev: str, options: dict | None = None):
    """Like ``inputs.read_sources``, for the files under ``paths`` changed since ``rev``."""
    from auditor.inputs.reading import InputError, discover, reader_for

    # git runs in the folder of the first path, so that paths in another repository work too.
    where = next((Path(p) for p in paths if p != "-" and Path(p).exists()), Path.cwd())
    changed = changed_files(rev, where if where.is_dir() else where.parent)
    for item in keep_changed(discover(paths), changed):
        if isinstance(item, InputError):
            yield item
        else:
            yield from reader_for(item.path)(item, options or {})
