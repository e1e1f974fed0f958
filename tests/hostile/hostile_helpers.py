"""Shared helpers for the hostile-input tests: run the CLI as a user does, and hash files."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

GOOD = ("Storm closes coast road\n\nWinds of more than 120 km/h closed the coast road on Sunday, police said, "
        "and the ferry to the islands was cancelled for the second day running.\n\nLeave a Reply\n")


def run(command: str, *args: str, grammar: bool = False, timeout: float = 120, cwd=None, env=None):
    """``auditor COMMAND ARGS`` in a subprocess (grammar off unless asked)."""
    extra = ["--grammar"] if grammar else ["--no-grammar"]
    return subprocess.run([sys.executable, "-m", "auditor", command, *args, *extra], capture_output=True,
                          text=True, timeout=timeout, cwd=cwd or ROOT,
                          env={**os.environ, **env} if env else None)


def run_all(command: str, inputs: list[str], out: Path, *extra: str, timeout: float = 120):
    """The same inputs through ``check`` (JSON plus a report dir), ``clean --out`` or ``report --out``
    (with every per-document file, so each input's outputs can be checked)."""
    if command == "check":
        return run("check", *inputs, "--format", "json", "--report-dir", str(out), *extra, timeout=timeout)
    if command == "report":
        extra = ("--per-document", "all", *extra)
    return run(command, *inputs, "--out", str(out), *extra, timeout=timeout)


def documents(result) -> dict:
    """check --format json: documents by id."""
    return {d["id"]: d for d in json.loads(result.stdout)["documents"]}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree_hashes(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): sha256(p) for p in sorted(root.rglob("*"))
            if p.is_file() and not p.is_symlink()}


def written(command: str, out: Path, name: str) -> bool:
    """Whether the output for input ``name`` was written by ``command``."""
    if command == "clean":
        return (out / name).is_file()
    if command == "check":
        return (out / f"{name}.json").is_file() and (out / f"{name}.md").is_file()
    return (out / f"{name}.json").is_file() and (out / f"{name}.html").is_file()


def temp_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.name.endswith(".tmp")]
