"""A safe fix never deletes article text, however close the text comes to chrome.

The sentences are the development data's article text, read from ../shared/eval at test time and
never stored here: the gold bodies of aeb-dev.jsonl (what a person marked as the article) and the
bbc-dev.jsonl articles (edited BBC copy). Each article is audited one sentence a line and again as
one paragraph (scraped text often has no line breaks). For every pattern and phrase rule, a
sentence that holds one of the rule's trigger words (scripts/mine_near_misses.py says which) must
keep every character: no safe delete fix of that rule may touch it.
"""
from __future__ import annotations

import importlib.util
import sys
from collections import defaultdict

import pytest
from conftest import EVAL, ROOT, need

from auditor.engine.ruleset import Ruleset, load_rules

# A few gold bodies keep a line of the page's chrome that the person marking them left in. The
# rule that deletes such a line is right to; it may do so this many times, and no more.
KNOWN_CHROME_IN_GOLD = {
    "BP418": 1,  # an aeb gold body ends with the site's "Follow ... on Facebook, Twitter and Instagram."
    "BP423": 1,  # an aeb gold body keeps the site's investment "Disclaimer: ..." notice
    "BP424": 1,  # an aeb gold body keeps the "Email the writer at <address>." contact line
    "BP425": 1,  # an aeb gold body keeps a "click here: <short link>" line (Portuguese)
    "BP502": 2,  # two aeb gold bodies end with the site footer's "All rights reserved."
    "BP801": 2,  # two aeb gold bodies keep the "(Image credit: ...)" line under a picture
}
LAYOUTS = ("lines", "paragraph")


def _miner():
    spec = importlib.util.spec_from_file_location("mine_near_misses", ROOT / "scripts" / "mine_near_misses.py")
    module = sys.modules.get(spec.name)
    if module is None:
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # its dataclasses look their module up by name
        spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def deletions():
    """(layout, code) -> the gold sentences with a trigger word of that rule that its safe fix cuts."""
    need(EVAL / "aeb-dev.jsonl")
    need(EVAL / "bbc-dev.jsonl")
    miner = _miner()
    rules = [r for r in load_rules() if r.kind in ("patterns", "phrases")]
    ruleset = Ruleset(rules)
    triggers = {r.code: miner.trigger_regex(r) for r in rules}
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    articles = 0
    for source, article, text in miner.articles(EVAL.parent, ["aeb", "bbc"]):
        articles += 1
        sentences = miner.sentences_of(text)
        for d in miner.safe_deletions(ruleset, source, article, sentences):
            trigger = triggers[d.code]
            if trigger is None or trigger.search(d.sentence):
                found[(d.layout, d.code)].add(f"{source} {article}: {d.sentence[:160]!r} loses {d.deleted[:80]!r}")
    assert articles > 1000, "the development sets are smaller than expected"
    return found


@pytest.mark.parametrize("layout", LAYOUTS)
def test_safe_fixes_keep_gold_sentences(deletions, layout):
    problems = []
    for (where, code), sentences in sorted(deletions.items()):
        if where != layout:
            continue
        allowed = KNOWN_CHROME_IN_GOLD.get(code, 0)
        if len(sentences) > allowed:
            listed = "\n    ".join(sorted(sentences)[:10])
            problems.append(f"{code} deletes {len(sentences)} gold sentence(s) (allowed {allowed}):\n    {listed}")
    assert not problems, f"safe fixes delete article text ({layout}):\n" + "\n".join(problems)


def test_the_miner_finds_trigger_words():
    """The test above only means something if rules have trigger words to look for."""
    miner = _miner()
    by_code = {r.code: r for r in load_rules()}
    assert {"published", "updated"} <= set(miner.trigger_words(by_code["BP602"]))
    assert "|" in miner.trigger_words(by_code["BP301"])  # a shape rule: its separators
    assert miner.trigger_regex(by_code["BP602"]).search("Figures were updated on Monday.")
