"""The pattern rules' RE2 set only says which rules to try on a line: it never loses a finding."""
from __future__ import annotations

import pytest
from conftest import EVAL, ROOT, need

from auditor import Document, load_ruleset
from auditor.detectors import Context
from auditor.detectors.patterns import PatternMatcher, compile_re2, loosened


@pytest.mark.parametrize("pattern, loose", [
    (r"^.{0,160}(?:all rights reserved)", r"^.*(?:all rights reserved)"),
    (r"^[a-z]{2,5}-\d{1,3}$", r"^[a-z]+-\d+$"),
    (r"\p{Lu}{2}\x{00A0}{1,}", r"\p{Lu}+\x{00A0}+"),
    (r"[a{1}]x", r"[a{1}]x"),  # braces in a class are characters
    (r"[]{2}]{2}", r"[]{2}]+"),  # a ']' first in a class does not close it
    (r"a{,3}\{2\}", r"a{,3}\{2\}"),  # not a repetition in RE2: literal braces
    (r"[[:alpha:]]{3}", r"[[:alpha:]]+"),
])
def test_loosened_drops_counts_only(pattern, loose):
    assert loosened(pattern) == loose


@pytest.mark.parametrize("pattern, member", [
    (r"(?i)^.{0,80}\bbe reached at", r"(?i)\bbe reached at"),
    (r"^.*?\(photo\)$", r"\(photo\)$"),
    (r"^.{1,9}x", r"^.+x"),  # at least one character first: still anchored
])
def test_set_member_drops_a_leading_any_run(pattern, member):
    from auditor.detectors.patterns import _prefilter

    assert _prefilter(pattern) == member


def test_loosened_patterns_match_whatever_theirs_match():
    """Every line a bundled pattern matches in its rule's examples, the loosened copy matches too."""
    ruleset = load_ruleset()
    for rule in ruleset.rules:
        if rule.kind != "patterns":
            continue
        lines = [line.strip() for text in rule.examples.get("match", []) + rule.examples.get("no_match", [])
                 for line in text.splitlines() if line.strip()]
        for pattern in rule.spec["patterns"]:
            loose = compile_re2(loosened(pattern))
            for line in lines:
                if compile_re2(pattern).search(line):
                    assert loose.search(line), (rule.code, pattern, line)


def every_line_hits(matcher: PatternMatcher, ctx: Context) -> list:
    """What the rules find when each of them is tried on every line (no set in front)."""
    lines = ctx.document.content_lines
    return [hit for i in range(len(matcher.rules)) for hit in matcher._hits(ctx, i, lines)]


def texts():
    yield from (p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt")))
    for rule in load_ruleset().rules:
        if rule.kind == "patterns":
            yield from rule.examples.get("match", [])
            yield from rule.examples.get("no_match", [])


def key(hit):
    return (hit.rule.code, hit.start, hit.end, hit.fix_replacement, hit.severity)


def test_set_finds_what_every_rule_on_every_line_finds():
    matcher = PatternMatcher([r for r in load_ruleset().rules if r.kind == "patterns"])
    for text in texts():
        ctx = Context(Document(text))
        assert sorted(map(key, matcher.find(ctx))) == sorted(map(key, every_line_hits(matcher, Context(Document(text)))))


def test_set_finds_what_every_rule_finds_on_web_pages():
    import json

    source = need(EVAL / "aeb-dev.jsonl")
    matcher = PatternMatcher([r for r in load_ruleset().rules if r.kind == "patterns"])
    found = 0
    for line in source.read_text(encoding="utf-8").splitlines()[:40]:
        text = json.loads(line)["html-text"]
        hits = sorted(map(key, matcher.find(Context(Document(text)))))
        assert hits == sorted(map(key, every_line_hits(matcher, Context(Document(text)))))
        found += len(hits)
    assert found  # whole pages carry chrome that the pattern rules flag


def _regexes():
    from hypothesis import strategies as st

    atom = st.sampled_from(["a", "b", "1", ".", "[ab]", "[^a]", r"\d", r"\pL", r"\x{61}", " ", r"\{",
                            r"\p{Lu}", r"[\pL.]", r"[^\pL]", r"\pN", r"[\p{Lu}1]"])

    def extend(inner):
        counted = st.tuples(inner, st.integers(0, 3), st.integers(0, 3)).map(
            lambda t: f"(?:{t[0]}){{{min(t[1], t[2])},{max(t[1], t[2])}}}")
        return st.one_of(
            counted,
            st.tuples(inner, inner).map("".join),
            st.tuples(inner, inner).map(lambda t: f"(?:{t[0]}|{t[1]})"),
            inner.map(lambda r: f"(?:{r})*?"),
        )

    body = st.recursive(atom, extend, max_leaves=8)
    # The openings with a run of (almost) any character put a member in the set of long-lived ones.
    openings = ["", "^", "^.*", "(?i)^.{0,3}", "^.+", r"^\S+\s", "^[^a]*", r"(?i)^(?:.*\b)?", "^(?i:[^1 ]+"]
    return st.tuples(st.sampled_from(openings), body, st.sampled_from(["", "$"])).map(
        lambda t: t[0] + t[1] + (")" if t[0].count("(") > t[0].count(")") else "") + t[2])


def test_set_member_matches_every_line_its_pattern_matches():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from auditor.detectors.patterns import _prefilter

    @settings(max_examples=300, deadline=None)
    @given(_regexes(), st.text(alphabet="ab1A {}éЖ²", max_size=12))
    def check(pattern, line):
        if compile_re2(pattern).search(line):
            assert compile_re2(_prefilter(pattern)).search(line), (pattern, _prefilter(pattern), line)

    check()


@pytest.mark.parametrize("pattern, member", [
    (r"\p{Lu}[\pL'-]+", r"[A-Z\x{80}-\x{10FFFF}][A-Za-z\x{80}-\x{10FFFF}'-]+"),
    (r"[^\pL]\pN", r"[^\pL][0-9\x{80}-\x{10FFFF}]"),  # a negated class stays as it is
    (r"\PL\x{00A0}", r"\PL\x{00A0}"),
])
def test_widened_makes_unicode_classes_ascii_and_beyond(pattern, member):
    from auditor.detectors.patterns import widened

    assert widened(pattern) == member


@pytest.mark.parametrize("pattern, anchored", [
    (r"^Published", True),
    (r"(?i)^by\s+\w+", True),
    (r"^a|b", False),  # b anywhere in the line
    (r"^(?:a|b)c", True),
    (r"^[|]x", True),  # a bar in a class is a character
    (r"^a\|b", True),  # an escaped bar too
    (r"x^", False),
])
def test_only_wholly_anchored_members_are_matched_from_the_start(pattern, anchored):
    from auditor.detectors.patterns import _without_start_anchor

    assert (_without_start_anchor(pattern) is not None) is anchored


@pytest.mark.parametrize("member, long_lived", [
    (r"\S+\s+\S+\s+\S.*?x", True),
    (r"(?i).+\s(?:contributed)", True),
    (r"(?i:[^:/]*\b(?:more|read))", True),
    (r"(?i)(?:.*\b)?support", True),
    (r"(?i:photo|image)\s*:.*", False),  # dies at the first letter that is not its word's
    (r"[A-Z][a-z]+ is", False),
    (r"[^a]x", False),  # one character, not a run
])
def test_members_opening_with_any_run_are_set_apart(member, long_lived):
    from auditor.detectors.patterns import _opens_with_run

    assert _opens_with_run(member) is long_lived


def test_split_sets_name_every_rule_whose_pattern_matches():
    """Anchored, long-lived anchored and searched members in three sets: a rule whose pattern matches a line is always named."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from auditor.detectors.patterns import RuleSets

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.tuples(_regexes(), st.sampled_from(["", "|b", "|^a1"])).map("".join), min_size=1, max_size=4),
           st.text(alphabet="ab1A {}éЖ²", max_size=12))
    def check(patterns, line):
        named = RuleSets([(pattern, i) for i, pattern in enumerate(patterns)]).rules(line)
        for i, pattern in enumerate(patterns):
            if compile_re2(pattern).search(line):
                assert i in named, (pattern, line)

    check()
