"""`check --since REV`: only the articles changed since a git revision."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

CLEAN = "Rates held\n\nThe central bank kept its main rate unchanged on Thursday, citing slower inflation.\n"
CHROME = "Storm closes coast road\n\nThe coast road was closed on Sunday.\n\nLeave a Reply\n"


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "auditor", *args, "--no-grammar"], capture_output=True,
                          text=True, cwd=cwd)


def git(*args, cwd):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=cwd, check=True,
                   capture_output=True)


@pytest.fixture
def repo(tmp_path) -> Path:
    root = tmp_path / "repo"
    (root / "news").mkdir(parents=True)
    (root / "other").mkdir()
    for name in ("kept.txt", "edited.txt", "deleted.txt"):
        (root / "news" / name).write_text(CLEAN, encoding="utf-8")
    (root / "other" / "edited.txt").write_text(CLEAN, encoding="utf-8")
    git("init", "-q", cwd=root)
    git("add", ".", cwd=root)
    git("commit", "-q", "-m", "articles", cwd=root)
    (root / "news" / "edited.txt").write_text(CHROME, encoding="utf-8")  # modified, not staged
    (root / "news" / "new.txt").write_text(CHROME, encoding="utf-8")  # untracked
    (root / "news" / "deleted.txt").unlink()
    (root / "other" / "edited.txt").write_text(CHROME, encoding="utf-8")  # outside the named path
    (root / ".gitignore").write_text("news/ignored.txt\n", encoding="utf-8")
    (root / "news" / "ignored.txt").write_text(CHROME, encoding="utf-8")
    return root


def test_since_checks_changed_and_untracked_files_under_the_paths(repo):
    result = run("check", "news", "--since", "HEAD", "--format", "json", cwd=repo)
    assert result.returncode == 1, result.stderr  # the changed articles have chrome
    ids = sorted(d["id"] for d in json.loads(result.stdout)["documents"])
    assert ids == ["edited.txt", "new.txt"]  # not kept (unchanged), deleted, ignored or other/


def test_since_works_from_another_folder_and_with_committed_changes(repo, tmp_path):
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "edit", cwd=repo)
    result = run("check", str(repo / "news"), "--since", "HEAD~1", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert sorted(d["id"] for d in json.loads(result.stdout)["documents"]) == ["edited.txt", "new.txt"]
    nothing = run("check", "news", "--since", "HEAD", cwd=repo)
    assert nothing.returncode == 0 and nothing.stdout.startswith("0 document(s)")


def test_since_outside_a_repository_or_with_a_bad_revision_exits_2(repo, tmp_path):
    outside = tmp_path / "plain"
    outside.mkdir()
    (outside / "a.txt").write_text(CLEAN, encoding="utf-8")
    result = run("check", "a.txt", "--since", "HEAD", cwd=outside)
    assert result.returncode == 2 and "git repository" in result.stderr
    bad = run("check", "news", "--since", "no-such-rev", cwd=repo)
    assert bad.returncode == 2 and "no-such-rev" in bad.stderr
    assert run("check", "-", "--since", "HEAD", cwd=repo).returncode == 2
