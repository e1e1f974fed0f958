"""Precompiled data lives in the user's cache folder, keyed by the content of its sources."""
from __future__ import annotations

import sys

import pytest

from auditor.core import cache


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "data.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    return path


def test_the_folder_follows_auditor_cache_dir_then_xdg(tmp_path, monkeypatch):
    monkeypatch.delenv("AUDITOR_NO_CACHE", raising=False)
    monkeypatch.delenv("AUDITOR_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert cache.cache_dir() == tmp_path / "xdg" / "article-auditor"
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path / "mine"))
    assert cache.cache_dir() == tmp_path / "mine"
    monkeypatch.setenv("AUDITOR_NO_CACHE", "1")
    assert cache.cache_dir() is None


def test_a_built_value_is_read_back_until_its_source_changes(tmp_path, monkeypatch, source):
    monkeypatch.delenv("AUDITOR_NO_CACHE", raising=False)
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path / "cache"))
    builds = []

    def build():
        builds.append(1)
        return {"parsed": source.read_text(encoding="utf-8")}

    assert cache.cached("demo", [source], build) == {"parsed": "a: 1\n"}
    assert cache.cached("demo", [source], build) == {"parsed": "a: 1\n"}
    assert len(builds) == 1
    source.write_text("a: 2\n", encoding="utf-8")  # same size: the content, not the size, is the key
    assert cache.cached("demo", [source], build) == {"parsed": "a: 2\n"}
    assert len(builds) == 2


def test_an_unusable_cache_folder_builds_in_memory(tmp_path, monkeypatch, source):
    monkeypatch.delenv("AUDITOR_NO_CACHE", raising=False)
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(blocker / "cache"))
    assert cache.cached("demo", [source], lambda: 42) == 42
    assert cache.cached("demo", [source], lambda: 43) == 43  # nothing was kept


def test_old_entries_of_a_kind_are_pruned(tmp_path, monkeypatch, source):
    monkeypatch.delenv("AUDITOR_NO_CACHE", raising=False)
    folder = tmp_path / "cache"
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(folder))
    for i in range(cache.KEEP_PER_NAME + 3):
        source.write_text(f"a: {i}\n", encoding="utf-8")
        cache.cached("demo", [source], lambda: i)
    cache.cached("other", [source], lambda: "kept")
    assert len(list(folder.glob("demo-*.pickle"))) == cache.KEEP_PER_NAME
    assert len(list(folder.glob("other-*.pickle"))) == 1
