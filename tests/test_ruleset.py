"""Rule packs are user input: every problem names the file, the rule and the line."""
from __future__ import annotations

import textwrap

import pytest

from auditor import Document, RulePackError, audit, load_ruleset
from auditor.engine.ruleset import load_pack

GOOD = """
- code: XX101
  name: test-rule
  category: boilerplate
  severity: error
  kind: phrases
  message: m
  why: w
  phrases: {en: ["Hello there"]}
  examples: {match: ["Hello there"], no_match: ["Hello"]}
"""


def write(tmp_path, body):
    path = tmp_path / "pack.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def test_good_pack_loads(tmp_path):
    rules = load_pack(write(tmp_path, GOOD))
    assert rules[0].code == "XX101" and rules[0].line == 2


@pytest.mark.parametrize("change, problem", [
    (("kind: phrases", "kind: magic"), "kind must be one of"),
    (("severity: error", "severity: fatal"), "severity must be"),
    (("code: XX101", "code: bad"), "code must be"),
    (("  message: m\n", ""), "missing field 'message'"),
    (("phrases: {en: [\"Hello there\"]}", "phrases: {en: [\"Hello there\"]}\n  colour: red"), "unknown field"),
    (("  message: m\n", "  fix: {action: delete, safety: safe, class: spelling}\n  message: m\n"),
     "fix.class must be one of chrome, names, conventions, grammar"),
])
def test_broken_rule_names_file_rule_and_line(tmp_path, change, problem):
    path = write(tmp_path, GOOD.replace(*change))
    with pytest.raises(RulePackError) as err:
        load_pack(path)
    message = str(err.value)
    assert str(path) in message and problem in message and ":2:" in message


def test_a_fix_class_comes_from_the_category_unless_the_pack_names_one(tmp_path):
    with_fix = GOOD.replace("  message: m\n", "  fix: {action: delete, safety: unsafe}\n  message: m\n")
    assert load_pack(write(tmp_path, with_fix))[0].fix.fix_class == "chrome"
    named = with_fix.replace("safety: unsafe}", "safety: unsafe, class: names}")
    assert load_pack(write(tmp_path, named))[0].fix.fix_class == "names"


def test_pattern_that_re2_cannot_compile_is_refused(tmp_path):
    body = GOOD.replace("kind: phrases", "kind: patterns").replace(
        'phrases: {en: ["Hello there"]}', "patterns: ['(?<=a)b']")
    with pytest.raises(RulePackError, match=r"XX101.*not valid RE2"):
        load_pack(write(tmp_path, body))


def test_a_refine_function_that_does_not_exist_is_refused(tmp_path):
    body = GOOD.replace("kind: phrases", "kind: patterns").replace(
        'phrases: {en: ["Hello there"]}', "patterns: ['Hello there']\n  refine: nowhere.nothing")
    with pytest.raises(RulePackError, match=r"pack.yaml:2: rule XX101: refine: .*nowhere"):
        load_pack(write(tmp_path, body))


def test_invalid_yaml_names_the_line(tmp_path):
    with pytest.raises(RulePackError, match=r"pack.yaml:\d+: not valid YAML"):
        load_pack(write(tmp_path, "- code: [unclosed\n"))


def test_yaml_is_loaded_safely(tmp_path):
    with pytest.raises(RulePackError):
        load_pack(write(tmp_path, "- !!python/object/apply:os.system ['true']\n"))


def test_duplicate_codes_across_packs_are_refused(tmp_path):
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(GOOD.replace("test-rule", "other-rule"), encoding="utf-8")
    with pytest.raises(RulePackError, match="code already used"):
        load_ruleset([tmp_path])


def test_select_and_ignore_by_code_prefix():
    all_codes = {r.code for r in load_ruleset().rules}
    selected = {r.code for r in load_ruleset(select=["BP6"]).rules}
    assert selected and all(c.startswith("BP6") for c in selected)
    ignored = {r.code for r in load_ruleset(ignore=["BP6"]).rules}
    assert ignored == all_codes - selected


def test_severity_override_changes_findings():
    ruleset = load_ruleset(select=["BP602"], severity={"BP6": "info"})
    report = audit(Document("Published February 15, 2022\n\nBody text here."), ruleset)
    assert report.findings and all(f.severity.value == "info" for f in report.findings)
    assert report.score.score == 100


def test_phrase_matching_ignores_case_and_unusual_spaces(tmp_path):
    ruleset = load_ruleset([write(tmp_path, GOOD)])
    text = "Body.\n  HELLO\u00a0\u200bthere:  \nMore body."
    findings = audit(Document(text), ruleset).findings
    assert [text[f.start:f.end] for f in findings] == ["HELLO\u00a0\u200bthere:"]


PREFIX = GOOD.replace('phrases: {en: ["Hello there"]}',
                      'scope: prefix\n  phrases: {en: ["See also"]}\n  follow: \'^\\s*(?:$|:|\\p{Lu})\'')


def test_a_prefix_rule_follow_pattern_decides_what_may_come_after_the_phrase(tmp_path):
    ruleset = load_ruleset([write(tmp_path, PREFIX)])
    chrome = "Body.\nSee also: Floods hit the north\nSee Also Floods hit the north\nMore body."
    prose = "See also how prices rose in 2021, when rates went up twice."
    assert len(audit(Document(chrome), ruleset).findings) == 2
    assert audit(Document(prose), ruleset).findings == []
    # Case folding that changes a character's length (ß -> ss) still finds the rest of the line.
    folded = write(tmp_path, PREFIX.replace('["See also"]', '["Große Straße"]'))
    folded_rules = load_ruleset([folded])
    assert len(audit(Document("Große Straße:neu"), folded_rules).findings) == 1  # the rest is ":neu"
    assert audit(Document("Große Straße wird gesperrt"), folded_rules).findings == []


@pytest.mark.parametrize("follow, problem", [
    ("'(?<=a)b'", "not valid RE2"),
    ("[1, 2]", "follow must be a pattern"),
])
def test_a_broken_follow_pattern_is_refused(tmp_path, follow, problem):
    body = PREFIX.replace("follow: '^\\s*(?:$|:|\\p{Lu})'", f"follow: {follow}")
    with pytest.raises(RulePackError, match=rf"pack.yaml:2: rule XX101: .*{problem}"):
        load_pack(write(tmp_path, body))


def test_follow_is_for_prefix_rules_only(tmp_path):
    body = PREFIX.replace("scope: prefix", "scope: line")
    with pytest.raises(RulePackError, match="follow is for scope: prefix only"):
        load_pack(write(tmp_path, body))

def test_a_user_pack_cannot_reuse_a_bundled_code(tmp_path):
    """A second BP101 would take over findings, suppressions and baselines of the bundled one."""
    bundled = next(r for r in load_ruleset().rules if r.code == "BP101")
    pack = write(tmp_path, GOOD.replace("XX101", "BP101"))
    with pytest.raises(RulePackError) as err:
        load_ruleset(extra=[pack])
    message = str(err.value)
    assert f"{pack}:2: rule BP101: code already used at {bundled.source}:{bundled.line}" in message


def test_the_cli_refuses_a_duplicate_code_naming_both_files(tmp_path):
    import subprocess
    import sys

    pack = write(tmp_path, GOOD.replace("XX101", "BP101"))
    article = tmp_path / "a.txt"
    article.write_text("Storm closes road\n\nThe road was closed on Sunday.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "auditor", "check", str(article), "--rules", str(pack),
                             "--no-grammar"], capture_output=True, text=True)
    assert result.returncode == 2
    assert f"{pack}:2: rule BP101: code already used at " in result.stderr
    assert "comment-forms.yaml:" in result.stderr


def test_duplicate_codes_within_one_pack_name_both_lines(tmp_path):
    body = GOOD + GOOD.replace("test-rule", "other-rule")
    path = write(tmp_path, body)
    with pytest.raises(RulePackError, match=r"pack.yaml:12: rule XX101: code already used at .*pack.yaml:2 "):
        load_ruleset([path])


PHRASE_RULE = """
- code: XX201
  name: data-rule
  category: boilerplate
  severity: warning
  kind: phrases
  message: m
  why: w
  phrases_file: lexicon/data.yaml
  phrases: {en: ["Written here"]}
  examples: {match: ["From the file", "Written here"], no_match: ["Hello"]}
"""


def test_phrases_file_supplies_a_rules_phrases(tmp_path):
    (tmp_path / "lexicon").mkdir()
    (tmp_path / "lexicon" / "data.yaml").write_text("XX201:\n  en: [From the file]\n  de: [Aus der Datei]\n",
                                                    encoding="utf-8")
    write(tmp_path, PHRASE_RULE)
    ruleset = load_ruleset([tmp_path])  # the lexicon/ folder is data, not a pack
    assert [r.code for r in ruleset.rules] == ["XX201"]
    assert ruleset.rules[0].spec["phrases"] == {"en": ["From the file", "Written here"], "de": ["Aus der Datei"]}
    report = audit(Document("Title\n\nAus der Datei\n\nBody text of the article.\n"), ruleset)
    assert [f.code for f in report.findings] == ["XX201"]


@pytest.mark.parametrize("data, problem", [
    (None, r"cannot read .*data.yaml"),
    ("- just a list\n", r"data.yaml: a phrases file is a mapping"),
    ("XX999:\n  en: [Other]\n", r"no phrases under XX201 in .*data.yaml"),
])
def test_a_bad_phrases_file_names_the_rule_and_the_file(tmp_path, data, problem):
    if data is not None:
        (tmp_path / "lexicon").mkdir()
        (tmp_path / "lexicon" / "data.yaml").write_text(data, encoding="utf-8")
    path = write(tmp_path, PHRASE_RULE)
    with pytest.raises(RulePackError, match=rf"{path}:2: rule XX201: .*{problem}"):
        load_pack(path)
