"""Writes: never outside the output folder, atomic, and the inputs are never modified
(except by ``clean --in-place --backup``)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from hostile_helpers import GOOD, run, run_all, sha256, temp_files, tree_hashes

COMMANDS = ["check", "clean", "report"]
HOSTILE_IDS = ["../../escape", "/tmp/absolute-escape", "..", "a/../../b", "ok\x1b[31m\nline", "..\\..\\win",
               "./././c", "nul\x00byte"]


def snapshot(root: Path, skip: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if skip not in p.parents and p != skip}


@pytest.fixture
def hostile_tree(tmp_path) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    (root / "good.txt").write_text(GOOD, encoding="utf-8")
    with open(root / "feed.jsonl", "w", encoding="utf-8") as handle:
        for rid in HOSTILE_IDS:
            handle.write(json.dumps({"id": rid, "text": GOOD}) + "\n")
    for name in ("ctrl\x1b[2J\x07.txt", "new\nline.txt", "tab\there.txt", "..dots.txt", "-dash.txt"):
        try:
            (root / name).write_text(GOOD, encoding="utf-8")
        except OSError:
            pass  # a file system that refuses the name
    return root


@pytest.mark.parametrize("command", COMMANDS)
def test_outputs_never_leave_the_output_folder(tmp_path, hostile_tree, command):
    out = tmp_path / "deep" / "er" / "out"
    out.parent.mkdir(parents=True)
    before = snapshot(tmp_path, out)
    inputs = tree_hashes(hostile_tree)
    result = run_all(command, [str(hostile_tree)], out)
    assert result.returncode in (0, 1, 2), result.stderr[-2000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert snapshot(tmp_path, out) == before  # nothing written beside or above the output folder
    assert not Path("/tmp/absolute-escape").exists() and not Path("/tmp/absolute-escape.json").exists()
    assert tree_hashes(hostile_tree) == inputs  # and no input changed
    assert temp_files(out) == []
    for p in out.rglob("*"):
        assert out.resolve() in p.resolve().parents
        assert all(c.isprintable() for c in p.name), p
    # The ordinary inputs still got their outputs.
    assert any(p.name.startswith("good.txt") for p in out.rglob("*"))


def test_safe_join_refuses_or_confines_every_hostile_name(tmp_path):
    from auditor.core.output import UnsafeOutputPath, safe_join

    root = tmp_path / "out"
    root.mkdir()
    for name in HOSTILE_IDS + ["/etc/passwd", "C:\\Windows\\x", "a/b/../../../c", "\u202eevil.txt", ""]:
        try:
            target = safe_join(root, name)
        except UnsafeOutputPath:
            continue
        assert root.resolve() in target.resolve().parents, name
        assert all(c.isprintable() for c in target.name), name


def test_safe_join_refuses_a_symlink_inside_the_output_that_points_out(tmp_path):
    from auditor.core.output import UnsafeOutputPath, safe_join

    root = tmp_path / "out"
    root.mkdir()
    (root / "link").symlink_to(tmp_path)
    with pytest.raises(UnsafeOutputPath):
        safe_join(root, "link/escape.txt")


def test_write_atomic_leaves_the_old_file_and_no_temporary_on_failure(tmp_path, monkeypatch):
    from auditor.core import output

    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")

    def fail(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "replace", fail)
    with pytest.raises(OSError):
        output.write_atomic(target, "new content")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]
    monkeypatch.undo()
    output.write_atomic(target, "new content")
    assert target.read_text(encoding="utf-8") == "new content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


@pytest.mark.parametrize("command", COMMANDS)
def test_inputs_are_never_modified(tmp_path, command):
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(GOOD, encoding="utf-8")
    (root / "b.txt").write_bytes("Caf\u00e9 r\u00e9ouvert.\r\n\r\nLeave a Reply\r\n".encode("cp1252"))
    (root / "c.txt").write_text("\ufeffJosÃ© arrived.\n", encoding="utf-8")
    before = tree_hashes(root)
    out = tmp_path / "out"
    result = run_all(command, [str(root)], out)
    assert result.returncode in (0, 1), result.stderr
    assert tree_hashes(root) == before
    assert temp_files(out) == []
    result = run_all(command, [str(root / "a.txt")], out, "--exit-zero" if command == "check" else "--no-grammar")
    assert tree_hashes(root) == before


def test_clean_in_place_needs_a_backup_and_keeps_the_original_bytes(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    original = path.read_bytes()
    refused = run("clean", str(path), "--in-place")
    assert refused.returncode == 2 and path.read_bytes() == original
    result = run("clean", str(path), "--in-place", "--backup", ".orig")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "a.txt.orig").read_bytes() == original
    assert "Leave a Reply" not in path.read_text(encoding="utf-8")
    assert temp_files(tmp_path) == []
    assert sha256(tmp_path / "a.txt.orig") != sha256(path)
