"""A rule's raw findings never depend on which other rules are selected.

Every rule is run alone and in the full set on the seeds, the samples and a slice of the
development data; its findings must be the same both ways (the stages detectors read are
computed from every loaded rule, whatever the selection).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor.detectors import Context, stages
from auditor.core.document import Document
from auditor.engine.audit import BATCH_DOCUMENTS, audit, audit_batch
from auditor.engine.ruleset import load_ruleset

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _documents() -> list[Document]:
    docs = [Document(text=p.read_text(encoding="utf-8"), id=p.name) for p in sorted((ROOT / "samples").glob("*.txt"))]
    seeds = SHARED / "seeds"
    docs += [Document(text=p.read_text(encoding="utf-8"), id=p.name) for p in sorted(seeds.glob("*.txt"))]
    bbc, aeb = SHARED / "eval" / "bbc-dev.jsonl", SHARED / "eval" / "aeb-dev.jsonl"
    if bbc.is_file():
        with bbc.open(encoding="utf-8") as fh:
            docs += [Document(text=json.loads(line)["text"], id=f"bbc-{i}") for i, line in zip(range(8), fh)]
    if aeb.is_file():
        with aeb.open(encoding="utf-8") as fh:
            rows = [json.loads(line) for _, line in zip(range(4), fh)]
        docs += [Document(text=r[field] or "", id=f"aeb-{r['id']}-{field}")
                 for r in rows for field in ("html-text", "trafilatura")]
    return docs


def _key(f) -> tuple:
    return (f.code, f.start, f.end, f.severity.value, f.message, f.fix.to_dict() if f.fix else None)


@pytest.fixture(scope="module")
def full_run():
    ruleset = load_ruleset()
    docs = _documents()
    options = {"grammar": False}
    return ruleset, docs, [audit(d, ruleset, options=options) for d in docs]


def test_every_rule_finds_the_same_alone_and_in_the_full_set(full_run):
    ruleset, docs, reports = full_run
    if not (SHARED / "eval").is_dir():
        pytest.skip("../shared/eval is absent: the check runs on the samples and seeds only")
    codes = [r.code for r in ruleset.rules if not r.code.startswith("GR")]  # grammar needs a server
    differences = []
    for code in codes:
        alone = ruleset.select([code])
        for doc, report in zip(docs, reports):
            expected = sorted(_key(f) for f in report.findings if f.code == code)
            got = sorted(_key(f) for f in audit(doc, alone, options={"grammar": False}).findings)
            if got != expected:
                differences.append(f"{code} on {doc.id}: alone {len(got)}, in the full set {len(expected)}")
    assert not differences, "\n".join(differences[:20])


def test_a_selection_shares_the_compiled_data_rules():
    ruleset = load_ruleset()
    assert ruleset.select(["EN"]).data_matchers is ruleset.data_matchers


def test_stages_are_computed_once_and_in_order():
    ruleset = load_ruleset()
    ctx = Context(Document(text="Headline\n\nLeave a Reply\n\nBody text of the article.\n"), None, {}, ruleset)
    first = ctx.need("chrome_spans")
    assert first and ctx.has("data_hits") and ctx.need("chrome_spans") is first
    assert stages.order(["chrome_spans"]) == ["raw_data_hits", "raw_chrome_spans", "data_hits", "chrome_spans"]
    with pytest.raises(ValueError, match="unknown stage"):
        stages.order(["no_such_stage"])


def test_a_lone_surrogate_is_audited_in_place_and_reported_as_read():
    # Bytes decoded with surrogateescape leave lone surrogates, which no matcher can encode: the
    # rules see U+FFFD in their place, and the report keeps the text as read, offsets unchanged.
    text = ("Share this page\nThe caf\udce9 on the corner opened on Monday, said its owner, who "
            "has run it for ten years.\nCopyright \u00a9 2024 Example News. All rights reserved.")
    report = audit(Document(text))
    assert report.document.text == text
    assert report.findings
    assert all(f.text == text[f.start:f.end] for f in report.findings)


def test_a_batch_gives_the_reports_each_document_gets_alone(full_run):
    """``audit_batch`` runs each stage and each detector over a group of documents instead of one
    document at a time: every report is the one ``audit`` gives, in input order."""
    ruleset, docs, reports = full_run
    # A group boundary inside the list, a lone surrogate, an empty text and a copy of a document.
    docs = docs + [Document(text="Share this\nThe caf\udce9 opened.\n"), Document(text=""), docs[0]]
    reports = reports + [audit(d, ruleset, options={"grammar": False}) for d in docs[-3:]]
    assert len(docs) > BATCH_DOCUMENTS
    batch = list(audit_batch(iter(docs), ruleset, options={"grammar": False}))
    assert [r.document for r in batch] == docs
    assert [r.to_dict() for r in batch] == [r.to_dict() for r in reports]
    assert [[_key(f) for f in r.findings] for r in batch] == [[_key(f) for f in r.findings] for r in reports]


def test_a_batch_raises_a_documents_error_after_the_reports_before_it(monkeypatch):
    """A detector that fails on one document: the documents before it are reported, then its error
    is raised, as a loop over ``audit`` would."""
    from auditor.detectors import entities

    docs = [Document(text=f"Article {i}. The minister spoke in Kyiv on Monday.\n", id=str(i)) for i in range(5)]
    docs[3] = Document(text="Boom. The minister spoke in Kyiv on Monday.\n", id="3")
    original = entities.place_names

    def failing(ctx, rule):
        if ctx.document.text.startswith("Boom"):
            raise RuntimeError("detector failed")
        yield from original(ctx, rule)

    monkeypatch.setattr(entities, "place_names", failing)
    ruleset = load_ruleset()  # compiled after the patch: its detector list holds the failing function
    reports = audit_batch(docs, ruleset, options={"grammar": False})
    assert [next(reports).document.id for _ in range(3)] == ["0", "1", "2"]
    with pytest.raises(RuntimeError, match="detector failed"):
        next(reports)
