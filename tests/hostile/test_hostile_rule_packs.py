"""Rule packs from users, through the CLI (`--rules`): RE2 only, safe YAML, errors that name the
file, the rule and the line (tests/test_ruleset.py covers the loader itself)."""
from __future__ import annotations

import textwrap
import time

import pytest

from hostile_helpers import GOOD, run, run_all

RULE = """
- code: XX101
  name: first-rule
  category: boilerplate
  severity: error
  kind: phrases
  message: m
  why: w
  phrases: {{en: ["Hello there"]}}
  examples: {{match: ["Hello there"], no_match: ["Hello"]}}

- code: XX102
  name: second-rule
  category: translation
  severity: warning
  kind: patterns
  message: m
  why: w
  patterns: [{pattern}]
  examples: {{match: ["{match}"], no_match: ["x"]}}
"""
COMMANDS = ["check", "clean", "report"]


def pack(tmp_path, body: str):
    path = tmp_path / "house-rules.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(GOOD, encoding="utf-8")
    return path, article


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("pattern", [r"'(\w+) \1'", "'(?=lookahead)x'", "'(?<!x)y'", "'a(?>b)'", "'\\p{Nonsense}'"])
def test_a_pattern_re2_cannot_compile_is_refused_naming_file_and_rule(tmp_path, command, pattern):
    path, article = pack(tmp_path, RULE.format(pattern=pattern, match="x"))
    out = tmp_path / "out"
    result = run_all(command, [str(article)], out, "--rules", str(path))
    assert result.returncode == 2, result.stderr
    assert "house-rules.yaml" in result.stderr and "XX102" in result.stderr and "RE2" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists() or not any(out.rglob("a.txt*"))


def test_a_pathological_backtracking_pattern_runs_in_linear_time(tmp_path):
    """(a+)+$ hangs a backtracking engine on 'aaaa…!'; RE2 does not backtrack."""
    path, article = pack(tmp_path, RULE.format(pattern="'(a+)+$'", match="aaa"))
    article.write_text("a" * 200_000 + "!\n", encoding="utf-8")
    began = time.monotonic()
    result = run("check", str(article), "--rules", str(path), "--format", "json", timeout=60)
    assert result.returncode in (0, 1), result.stderr[-2000:]
    assert time.monotonic() - began < 30


@pytest.mark.parametrize("command", COMMANDS)
def test_yaml_with_python_tags_is_refused_and_never_run(tmp_path, command):
    marker = tmp_path / "PWNED"
    body = f"- !!python/object/apply:os.system ['touch {marker}']\n" \
           f"- !!python/object/new:subprocess.Popen [['touch', '{marker}']]\n"
    path, article = pack(tmp_path, body)
    result = run_all(command, [str(article)], tmp_path / "out", "--rules", str(path))
    assert result.returncode == 2, result.stderr
    assert "house-rules.yaml" in result.stderr and "Traceback" not in result.stderr
    assert not marker.exists()


@pytest.mark.parametrize("command", COMMANDS)
def test_a_schema_error_names_the_file_the_rule_and_the_line(tmp_path, command):
    body = RULE.format(pattern="'x+'", match="x").replace("severity: warning", "severity: catastrophic")
    path, article = pack(tmp_path, body)
    result = run_all(command, [str(article)], tmp_path / "out", "--rules", str(path))
    assert result.returncode == 2, result.stderr
    assert f"{path.name}:12:" in result.stderr or f"{path}:12:" in result.stderr, result.stderr  # XX102 starts on line 12
    assert "XX102" in result.stderr and "severity" in result.stderr


def test_a_rule_pack_that_is_not_a_list_or_is_huge_garbage_is_refused(tmp_path):
    for body in ("just a string\n", "{a: 1}\n", "- 42\n- null\n", "&a [*a]\n", "- code: XX101\n  name: [" * 50):
        path, article = pack(tmp_path, body)
        result = run("check", str(article), "--rules", str(path), timeout=60)
        assert result.returncode == 2, (body, result.stderr)
        assert "house-rules.yaml" in result.stderr and "Traceback" not in result.stderr, (body, result.stderr)
