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


@pytest.mark.parametrize("damage", [b"", b"garbage\n", b"\x80\x05K", b"\x80\x05\x95\xff"])
def test_a_damaged_entry_is_built_again(tmp_path, monkeypatch, source, damage):
    monkeypatch.delenv("AUDITOR_NO_CACHE", raising=False)
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path / "cache"))
    cache.cached("demo", [source], lambda: "first")
    (entry,) = (tmp_path / "cache").glob("demo-*.pickle")
    entry.write_bytes(damage)
    assert cache.cached("demo", [source], lambda: "rebuilt") == "rebuilt"
    assert cache.cached("demo", [source], lambda: "again") == "rebuilt"  # the rebuilt entry was kept


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


def test_shared_objects_come_back_as_the_callers_own(tmp_path, monkeypatch):
    """A cached index of rules refers to the rules the caller loaded, not to copies of them."""
    monkeypatch.delenv("AUDITOR_NO_CACHE", raising=False)
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path / "cache"))
    rules = [{"code": "R1"}, {"code": "R2"}]

    def build():
        return {"hello": rules[1], "bye": (rules[0], "en")}

    first = cache.cached("index", [], build, content=b"R1 R2", shared=rules)
    assert first["hello"] is rules[1]
    again = [dict(rule) for rule in rules]  # the same rules, loaded again by a later run
    second = cache.cached("index", [], lambda: pytest.fail("built again"), content=b"R1 R2", shared=again)
    assert second["hello"] is again[1] and second["bye"][0] is again[0]
    rebuilt = cache.cached("index", [], lambda: "other", content=b"R1 R3", shared=again)
    assert rebuilt == "other"  # another content is another entry


def test_the_bundled_phrase_index_is_read_back_with_the_loaded_rules(tmp_path, monkeypatch):
    from auditor.detectors import phrases
    from auditor.engine.ruleset import load_rules

    monkeypatch.delenv("AUDITOR_NO_CACHE", raising=False)
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path / "cache"))
    rules = sorted((r for r in load_rules() if r.kind == "phrases"), key=lambda r: r.code)
    built = phrases.build(rules)
    assert list((tmp_path / "cache").glob("phrases-*.pickle"))
    loaded = phrases.build(rules)
    assert loaded is not built and loaded.exact == built.exact
    assert all(a[1] is b[1] for a, b in zip(loaded.templates, built.templates))  # the same rule objects
    assert len(loaded._template_rank) == len(built.templates)


def test_bundled_pattern_sets_are_planned_once_and_a_users_pack_never(tmp_path, monkeypatch):
    """The set members of the bundled patterns (each pattern loosened and widened) are kept in the
    cache folder and read back by the next run, which then names the same rules for a line; a
    user's own pack is never written there."""
    from auditor.detectors import patterns
    from auditor.engine.ruleset import load_rules

    monkeypatch.delenv("AUDITOR_NO_CACHE", raising=False)
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path / "cache"))
    rules = [r for r in load_rules() if r.kind == "patterns"]
    built = patterns.build(rules)
    assert len(list((tmp_path / "cache").glob("pattern-sets-*.pickle"))) == 1
    calls = []
    monkeypatch.setattr(patterns, "plan_sets", lambda members: calls.append(1))
    loaded = patterns.build(rules)
    assert not calls  # read back, not planned again
    for line in ("All rights reserved.", "Read more: https://example.com/a/1", "He said so (AFP)."):
        assert loaded.prefilter.rules(line) == built.prefilter.rules(line)
    assert loaded.prefilter.rules("All rights reserved.")  # a line the copyright rule names

    user_pack = tmp_path / "mine.yaml"
    user_pack.write_text("- code: XX900\n  name: subscribe-now\n  category: boilerplate\n  severity: warning\n"
                         "  kind: patterns\n  message: m\n  why: w\n  patterns: ['(?i)^subscribe now$']\n"
                         "  examples: {match: ['Subscribe now'], no_match: ['Subscribe']}\n", encoding="utf-8")
    monkeypatch.undo()
    monkeypatch.delenv("AUDITOR_NO_CACHE", raising=False)
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path / "cache2"))
    patterns.build(load_rules([user_pack]))
    assert not list((tmp_path / "cache2").glob("pattern-sets-*.pickle"))
