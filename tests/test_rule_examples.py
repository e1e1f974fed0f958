"""Every rule carries examples that must and must not match; this runs them all."""
from __future__ import annotations

import re

import pytest

from auditor import Document, audit, load_ruleset
from auditor.resources.corpus import build
from auditor.engine.ruleset import Ruleset, load_rules

RULES = load_rules()


def test_bundled_packs_hold_rules():
    assert len(RULES) >= 10


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_rule_has_examples(rule):
    examples = rule.examples
    assert examples.get("match"), f"{rule.location}: {rule.code} has no 'match' examples"
    assert examples.get("no_match"), f"{rule.location}: {rule.code} has no 'no_match' examples"


@pytest.fixture
def options(request, rule):
    """Grammar rules run their examples against a real LanguageTool server; a rule's examples may
    name the run options they need (a house style)."""
    if rule.category.value != "grammar":
        return dict(rule.examples.get("options", {}))
    server = request.getfixturevalue("languagetool_server")
    return {"grammar": True, "languagetool_url": server.url}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_rule_examples(rule, options):
    ruleset = Ruleset([rule])
    # Corpus rules get the corpus their examples describe.
    corpus = build([Document(t) for t in rule.examples["corpus"]]) if rule.examples.get("corpus") else None
    for text in rule.examples.get("match", []):
        codes = [f.code for f in audit(Document(text), ruleset, corpus, options=options).findings]
        assert rule.code in codes, f"{rule.location}: {rule.code} should flag {text!r}"
    for text in rule.examples.get("no_match", []):
        # A detector may report a doubtful case below the rule's severity; that is not a match.
        hits = [f for f in audit(Document(text), ruleset, corpus, options=options).findings
                if f.code == rule.code and f.severity.rank >= rule.severity.rank]
        assert not hits, f"{rule.location}: {rule.code} should not flag {text!r}, flagged {hits[0].text!r}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_messages_are_rendered_and_quote_what_was_found(rule, options):
    # A message whose template cannot be filled would show "{placeholder}" to the user.
    ruleset = Ruleset([rule])
    corpus = build([Document(t) for t in rule.examples["corpus"]]) if rule.examples.get("corpus") else None
    for text in rule.examples.get("match", []):
        for f in audit(Document(text), ruleset, corpus, options=options).findings:
            assert not re.search(r"\{[a-z_]+\}", f.message), f"{rule.location}: {rule.code} says {f.message!r}"
            if f.fix is not None and f.fix.replacement and f'"{f.fix.replacement}"' in f.message:
                # A message that names the correction names the error first.
                assert f.text in f.message, f"{rule.location}: {rule.code} says {f.message!r} of {f.text!r}"


def test_every_finding_offset_is_exact():
    ruleset = load_ruleset()
    for rule in RULES:
        for text in rule.examples.get("match", []):
            for f in audit(Document(text), ruleset).findings:
                assert text[f.start:f.end] == f.text
