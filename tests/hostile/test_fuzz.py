"""Fuzzing the core with hypothesis, over arbitrary Unicode: combining marks, right-to-left text,
NUL, lone surrogates (bytes decoded with ``surrogateescape``), very long lines, and article-like
text with chrome, mojibake and names mixed in.

Properties: ``audit`` never raises; every finding's offsets are valid and ``text[start:end] ==
finding.text``; cleaning is idempotent; the edit log replays the original into the cleaned text.

In CI the ``ci`` profile runs 50 examples per property (about 30 s; ``FUZZ_EXAMPLES`` changes
it). Long lines are kept to some 10,000 characters. ``HYPOTHESIS_PROFILE=fuzz`` runs 100,000
(outside CI time): ``HYPOTHESIS_PROFILE=fuzz python -m pytest -q tests/hostile/test_fuzz.py``.
"""
from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.engine.clean import apply_edits, clean_document
from auditor.core.document import Document
from auditor.engine.audit import audit, default_ruleset

COMMON = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
              derandomize=False, print_blob=True)
settings.register_profile("ci", max_examples=int(os.environ.get("FUZZ_EXAMPLES", 50)), **COMMON)
settings.register_profile("fuzz", max_examples=100_000, **COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

OPTIONS = {"grammar": False}

# Pieces that make rules fire, so the properties are tested on findings, not only on silence.
PIECES = [
    "Leave a Reply", "Bir yanıt yazın", "See also\u00a0A country to introduce", "Author: Jane Roe",
    "Published February 15,2022", "© Reuters", "Olaf Scholes", "Lukansk", "Anthony Blinken", "JosÃ© RenÃ©e",
    "donâ€™t", "«quoted»", "1,5 million", "Contact Us", "Subscribe", "ttn-3", "Sergei Lavrov", "Kiev",
    "The council met on Tuesday to discuss the budget.", " ?", "\u200b", "\u00ad", "\ufeff", "\r\n", "\r", "\n\n",
    "\u202e", "\u200f", "\u0645\u0631\u062d\u0628\u0627", "\u05e9\u05dc\u05d5\u05dd", "e\u0301\u0302\u0303",
    "\u0000", "\t", "\u2028", "\u2029", "\U0001F600", "Z\u0351\u0352\u0353\u0354", "ﬁ", "İstanbul", "ß",
]
CHARS = st.characters(codec=None, exclude_categories=("Cs",))  # surrogates come from surrogateescape below
UNICODE = st.text(CHARS, max_size=300)
ESCAPED = st.binary(max_size=300).map(lambda b: b.decode("utf-8", errors="surrogateescape"))
COMBINING = st.text(st.characters(categories=("Mn", "Me", "Mc")), max_size=20)
RTL = st.text(st.characters(min_codepoint=0x0590, max_codepoint=0x08FF), max_size=40)
LONG_LINE = st.builds(lambda piece, n: piece * n, st.sampled_from(PIECES[:20] + ["a", "x y "]),
                      st.integers(20, 200))
PART = st.one_of(UNICODE, ESCAPED, COMBINING, RTL, st.sampled_from(PIECES), LONG_LINE)
TEXTS = st.lists(PART, max_size=12).map("".join)


def audit_fn(document: Document):
    return audit(document, default_ruleset(), None, options=OPTIONS)


def check_findings(text: str, report) -> None:
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text), (f.code, f.start, f.end, len(text))
        assert text[f.start:f.end] == f.text, (f.code, f.start, f.end)
        if f.scope == "document":  # a verdict on the whole text (no article): no position
            assert f.start == f.end == f.line == f.column == 0
        else:
            assert f.line >= 1 and f.column >= 1


def test_lone_surrogates_regression():
    """Found by this fuzzer: a lone surrogate made RE2 raise UnicodeEncodeError inside audit."""
    for text in ["\udc80", "Leave a Reply\n\udcff\nAuthor: Jane Roe \udc80x\n"]:
        report = audit_fn(Document(text=text, id="fuzz.txt"))
        check_findings(text, report)
        result = clean_document(Document(text=text, id="fuzz.txt"), audit_fn)
        assert apply_edits(text, result.edits) == result.text
    report = audit_fn(Document(text="Leave a Reply\n\udc80\n", id="x"))
    assert any(f.code == "BP101" for f in report.findings)


@given(TEXTS)
def test_audit_never_raises_and_offsets_are_valid(text):
    report = audit_fn(Document(text=text, id="fuzz.txt"))
    check_findings(text, report)
    assert 0 <= report.score.score <= 100


@given(TEXTS)
def test_cleaning_is_idempotent_and_the_edit_log_replays(text):
    document = Document(text=text, id="fuzz.txt")
    result = clean_document(document, audit_fn)
    check_findings(text, result.report)
    assert apply_edits(text, result.edits) == result.text
    for e in result.edits:
        assert 0 <= e.start <= e.end <= len(text) and text[e.start:e.end] == e.before
    if result.settled:
        again = clean_document(Document(text=result.text, id="fuzz.txt"), audit_fn)
        assert again.text == result.text and not again.edits
