"""Mojibake findings: each repaired sequence is its own exact span, also on very long lines."""
from __future__ import annotations

import ftfy
from hypothesis import given
from hypothesis import strategies as st

from auditor.detectors.encoding import changed_spans
from auditor.core.document import Document
from auditor.engine.audit import audit, default_ruleset


def replay(broken: str, fixed: str, spans) -> str:
    out, pos = [], 0
    for a1, a2, b1, b2 in spans:
        assert pos <= a1 <= a2, "spans must be in order and not overlap"
        out += [broken[pos:a1], fixed[b1:b2]]
        pos = a2
    return "".join(out) + broken[pos:]


def test_each_repair_is_its_own_span():
    broken = "JosÃ© RenÃ©e said â€œyesâ€\x9d and Ã¢â‚¬Å“againÃ¢â‚¬Â\x9d."
    fixed = ftfy.fix_encoding(broken)
    spans = list(changed_spans(broken, fixed))
    pairs = [(broken[a1:a2], fixed[b1:b2]) for a1, a2, b1, b2 in spans]
    assert pairs == [("Ã©", "é"), ("Ã©", "é"), ("â€œ", "“"), ("â€\x9d", "”"),
                     ("Ã¢â‚¬Å“", "“"), ("Ã¢â‚¬Â\x9d", "”")]


ALPHABET = st.sampled_from(list("ab é\u00a0ÃÂ©€™\u201c\u201dЖ"))


@given(st.text(ALPHABET, max_size=80), st.text(ALPHABET, max_size=80))
def test_spans_turn_any_text_into_any_other(broken, fixed):
    assert replay(broken, fixed, changed_spans(broken, fixed)) == fixed


def test_a_long_mojibake_line_is_audited_span_by_span():
    # A pasted page can be one line of mojibake; each of its repairs must still be exact.
    text = "JosÃ© RenÃ©e met the mayor. " * 20_000
    report = audit(Document(text=text, id="long.txt"), default_ruleset(), None, options={"grammar": False})
    found = [f for f in report.findings if f.code == "EC101"]
    assert len(found) == 40_000
    assert all(f.text == "Ã©" and f.fix.replacement == "é" for f in found[:50])
