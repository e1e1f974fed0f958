"""The seed articles and their gold spans (../shared/seeds), read in place, never copied."""
from __future__ import annotations

import json
import subprocess
import sys

from auditor import Document, audit

CLEAN_SEED = "004_201547ac38e4cc3a.txt"


def test_eval_finds_every_required_boilerplate_span_and_ranks_the_seeds(seeds):
    result = subprocess.run([sys.executable, "-m", "auditor", "eval", str(seeds / "gold.json"), str(seeds),
                             "--no-grammar"], capture_output=True, text=True)
    out = result.stdout
    line = next(l for l in out.splitlines() if l.strip().startswith("boilerplate"))
    found, total = line.split()[1].split("/")
    assert found == total and int(total) >= 12, out
    assert "Ranking follows ranking_best_to_worst: yes" in out, out
    # Span precision counts span findings only; the machine-translation verdicts (document-level,
    # no span to overlap) are listed apart, so a flagged seed does not read as a false alarm.
    precision = next(l for l in out.splitlines() if l.startswith("Precision:"))
    on_gold, flagged = precision.split()[1].split("/")
    assert on_gold == flagged, out
    assert "Document-level warnings/errors:" in out and "TR201" in out, out


def test_clean_seed_has_no_warning_or_error(seeds):
    report = audit(Document((seeds / CLEAN_SEED).read_text(encoding="utf-8")))
    assert [f for f in report.findings if f.severity.value != "info"] == []
    assert report.score.score == 100


def test_each_gold_boilerplate_occurrence_is_flagged_as_boilerplate(seeds):
    gold = json.loads((seeds / "gold.json").read_text(encoding="utf-8"))
    for name, entry in gold["documents"].items():
        text = (seeds / name).read_text(encoding="utf-8")
        report = audit(Document(text))
        for art in entry["artifacts"]:
            if art["category"] != "boilerplate" or not art.get("required", True):
                continue
            start = text.find(art["text"])
            assert start >= 0
            end = start + len(art["text"])
            assert any(f.category.value == "boilerplate" and f.start < end and start < f.end
                       for f in report.findings), f"{name}: {art['text']!r} not flagged"
