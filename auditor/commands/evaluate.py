"""`auditor eval`: compare findings with gold spans (the format of seeds/gold.json)."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from auditor.core.document import Document
from auditor.engine.audit import Report
from auditor.inputs.reading import decode


@dataclass
class GoldResult:
    doc: str
    text: str
    category: str
    action: str
    required: bool
    start: int
    end: int
    found: bool
    fixed: bool | None  # for replace spans: did a finding's fix put the gold form in place?


@dataclass
class Evaluation:
    spans: list[GoldResult] = field(default_factory=list)
    flagged: int = 0
    flagged_on_gold: int = 0
    # Document-level warnings and errors (start = end = 0) have no span to overlap: listed apart.
    document_level: list[tuple[str, str]] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)
    ranking: list[list[str]] = field(default_factory=list)
    missing_files: list[str] = field(default_factory=list)

    def recall(self, required_only: bool = True) -> dict[str, tuple[int, int]]:
        out: dict[str, tuple[int, int]] = {}
        for s in self.spans:
            if required_only and not s.required:
                continue
            found, total = out.get(s.category, (0, 0))
            ok = s.found and (s.fixed is not False)
            out[s.category] = (found + ok, total + 1)
        return out

    @property
    def ranking_holds(self) -> bool:
        groups = [[self.scores[d] for d in g if d in self.scores] for g in self.ranking]
        groups = [g for g in groups if g]
        return all(min(a) > max(b) for a, b in zip(groups, groups[1:]))

    @property
    def passed(self) -> bool:
        required = [s for s in self.spans if s.required]
        return all(s.found and s.fixed is not False for s in required) and self.ranking_holds and not self.missing_files


def _fix_puts(report: Report, text: str, start: int, end: int, wanted: str) -> bool:
    for f in report.findings:
        if f.fix is None or f.fix.action != "replace" or f.end <= start or f.start >= end:
            continue
        a, b = min(f.start, start), max(f.end, end)
        fixed = text[a:f.start] + f.fix.replacement + text[f.end:b]
        gold = text[a:start] + wanted + text[end:b]
        if fixed == gold:
            return True
    return False


def evaluate(gold_path: Path, folder: Path, audit_fn) -> Evaluation:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    result = Evaluation(ranking=gold.get("ranking_best_to_worst", []))
    for name, entry in gold["documents"].items():
        path = folder / name
        if not path.is_file():
            result.missing_files.append(name)
            continue
        text = decode(path.read_bytes(), str(path))
        report = audit_fn(Document(text=text, id=name, path=str(path)))
        result.scores[name] = report.score.score
        charged = [f for f in report.findings if f.severity.value != "info" and f.scope != "document"]
        result.document_level += [(name, f.code) for f in report.findings
                                  if f.severity.value != "info" and f.scope == "document"]
        spans = []
        for art in entry.get("artifacts", []):
            start = text.find(art["text"])
            while start != -1:
                end = start + len(art["text"])
                found = any(f.start < end and start < f.end for f in report.findings)
                fixed = None
                if art["action"] == "replace":
                    fixed = _fix_puts(report, text, start, end, art["fix"])
                spans.append((start, end))
                result.spans.append(GoldResult(name, art["text"], art["category"], art["action"],
                                               art.get("required", True), start, end, found, fixed))
                start = text.find(art["text"], end)
        result.flagged += len(charged)
        result.flagged_on_gold += sum(1 for f in charged if any(f.start < b and a < f.end for a, b in spans))
    return result


def render(result: Evaluation) -> str:
    out = ["Recall on required gold spans, by category:"]
    for cat, (found, total) in sorted(result.recall().items()):
        out.append(f"  {cat:<12} {found}/{total}" + ("" if found == total else "  (short)"))
    optional = result.recall(required_only=False)
    out.append("Recall on all gold spans (optional ones included):")
    for cat, (found, total) in sorted(optional.items()):
        out.append(f"  {cat:<12} {found}/{total}")
    missed = [s for s in result.spans if s.required and not (s.found and s.fixed is not False)]
    for s in missed:
        why = "no finding" if not s.found else "finding without the right fix"
        out.append(f"  missed: {s.doc} {s.category} {s.text!r} ({why})")
    precision = result.flagged_on_gold / result.flagged if result.flagged else 1.0
    out.append(f"Precision: {result.flagged_on_gold}/{result.flagged} warning/error findings overlap a gold span "
               f"({precision:.0%})")
    if result.document_level:
        out.append("Document-level warnings/errors: "
                   + ", ".join(f"{doc} {code}" for doc, code in result.document_level))
    out.append("Scores:")
    for group in result.ranking:
        out.append("  " + ", ".join(f"{d} {result.scores.get(d, float('nan')):g}" for d in group))
    out.append(f"Ranking follows ranking_best_to_worst: {'yes' if result.ranking_holds else 'NO'}")
    for name in result.missing_files:
        out.append(f"  missing file: {name}")
    return "\n".join(out) + "\n"
