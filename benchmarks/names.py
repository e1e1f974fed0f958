"""Name findings on WMT22 Russian-English machine translations, by kind of name damage.

benchmarks/data/names-ru-en.tsv lists name spellings in the machine output that the human
reference of the same segment writes otherwise, labelled by hand (document id, segment id, the
spelling, the reference's spelling, the label; no text):

- case_leak: a Russian or Ukrainian case, gender or adjective ending kept (Vavilova for Vavilov);
- garbled: beyond any romanization, or a Latin-script name rebuilt from Cyrillic (Sholts, Berbok);
- russian_form: the Russian-derived form of a Ukrainian name (Arestovich, Kiev, Donbass);
- romanization: acceptable either way (Sergei/Sergey, Arsenev/Arsenyev): a finding is a false alarm.

An occurrence counts as found when a warning or error of the entity or translation category
overlaps it; recall is averaged over distinct spellings (each spelling's share of occurrences
found), so no single name decides it. False alarms: name (entity) warnings and errors per human
reference. Documents are split in two halves by a hash of their id: "tune" (the half the rules
were developed on) and "test" (the other half), reported separately.

Modes: each text alone (what `check` does), with a corpus made of the document's translations
and its reference (`check --corpus`), and both again under `--name-style ukrainian`.

Data: ../shared/eval/wmt22-ru-en.xml.gz (not part of the project). Run:
    python benchmarks/names.py [--half tune|test|both]
"""
from __future__ import annotations

import argparse
import csv
import gzip
import re
import sys
import time
import xml.etree.ElementTree as ET
import zlib
from collections import defaultdict
from pathlib import Path

from auditor import Document, audit, load_ruleset
from auditor.resources.corpus import build

ROOT = Path(__file__).resolve().parent
DATA = ROOT.parent.parent / "shared" / "eval" / "wmt22-ru-en.xml.gz"
LABELS = ROOT / "data" / "names-ru-en.tsv"
KINDS = ("case_leak", "garbled", "russian_form", "romanization")
MODES = (("alone", False, None), ("corpus", True, None), ("alone+ukrainian", False, "ukrainian"),
         ("corpus+ukrainian", True, "ukrainian"))


def half(doc_id: str) -> str:
    return "tune" if zlib.crc32(doc_id.encode()) % 2 == 0 else "test"


def segments(element) -> tuple[str, dict[str, tuple[int, int]]]:
    """The text (segments joined by newlines) and each segment's span in it."""
    parts, spans, offset = [], {}, 0
    for seg in element.iter("seg"):
        text = (seg.text or "").strip()
        spans[seg.get("id")] = (offset, offset + len(text))
        parts.append(text)
        offset += len(text) + 1
    return "\n".join(parts), spans


def load_labels() -> dict[str, list[tuple[str, str, str]]]:
    """doc id -> [(segment id, spelling, label)]."""
    out: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    with LABELS.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        for row in rows:
            if row["label"] not in KINDS:
                raise SystemExit(f"{LABELS}: unknown label {row['label']!r}")
            out[row["doc_id"]].append((row["seg_id"], row["spelling"], row["label"]))
    return out


def occurrences(text: str, span: tuple[int, int], word: str):
    pattern = re.compile(r"(?<![\w’'-])" + re.escape(word) + r"(?![\w-])")
    for m in pattern.finditer(text, span[0], span[1]):
        yield m.start(), m.end()


def loud(findings):
    return [f for f in findings if f.category.value in ("entity", "translation") and f.severity.value != "info"]


def _mean(cells: dict, kinds: set[str]) -> tuple[float, int]:
    """Recall averaged over distinct spellings of these kinds, and how many spellings."""
    shares = [found / total for (_, label), (found, total) in cells.items() if label in kinds and total]
    return (sum(shares) / len(shares), len(shares)) if shares else (0.0, 0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("tune", "test", "both"), default="both")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} is absent (evaluation data lives beside the project)")
        return 0
    labels = load_labels()
    with gzip.open(DATA, "rt", encoding="utf-8") as handle:
        root = ET.fromstring(handle.read())
    ruleset = load_ruleset()
    started = time.perf_counter()
    halves = ("tune", "test") if args.half == "both" else (args.half,)
    # (half, mode) -> (spelling, label) -> [found, total]; (half, mode) -> [reference findings, references]
    recall: dict = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    refs: dict = defaultdict(lambda: [0, 0])
    ref_codes: dict = defaultdict(lambda: defaultdict(int))
    for doc in root.iter("doc"):
        doc_id = doc.get("id")
        part = half(doc_id)
        ref_el = doc.find("ref")
        if part not in halves or ref_el is None:
            continue
        ref_text, _ = segments(ref_el)
        hyps = [segments(h) for h in doc.findall("hyp")]
        corpus = build([Document(t) for t, _ in hyps] + [Document(ref_text)])
        wanted = labels.get(doc_id, [])
        for mode, with_corpus, style in MODES:
            options = {"grammar": False}
            if style:
                options["name_style"] = style
            stats = corpus if with_corpus else None
            ref_loud = [f for f in loud(audit(Document(ref_text), ruleset, stats, options=options).findings)
                        if f.category.value == "entity"]
            refs[(part, mode)][0] += len(ref_loud)
            refs[(part, mode)][1] += 1
            for f in ref_loud:
                ref_codes[(part, mode)][f.code] += 1
            if not wanted:
                continue
            for text, spans in hyps:
                found = loud(audit(Document(text), ruleset, stats, options=options).findings)
                for seg_id, spelling, label in wanted:
                    if seg_id not in spans:
                        continue
                    for a, b in occurrences(text, spans[seg_id], spelling):
                        cell = recall[(part, mode)][(spelling, label)]
                        cell[1] += 1
                        cell[0] += any(f.start < b and a < f.end for f in found)
    elapsed = time.perf_counter() - started
    print(f"WMT22 ru-en name damage, labelled set {LABELS.name}; {elapsed:.0f} s")
    header = f"{'half':<5} {'mode':<17} {'case_leak':>10} {'garbled':>8} {'cl+garb':>8} {'russian':>8} {'romaniz. flagged':>17} {'ref findings/ref':>17}"
    print(header)
    for part in halves:
        for mode, _, _ in MODES:
            cells = recall[(part, mode)]
            cl, garb, both, rus, rom = (_mean(cells, {"case_leak"}), _mean(cells, {"garbled"}),
                                        _mean(cells, {"case_leak", "garbled"}), _mean(cells, {"russian_form"}),
                                        _mean(cells, {"romanization"}))
            findings, count = refs[(part, mode)]
            print(f"{part:<5} {mode:<17} {cl[0]:>9.1%} {garb[0]:>8.1%} {both[0]:>8.1%} {rus[0]:>8.1%} "
                  f"{rom[0]:>17.1%} {findings / max(count, 1):>11.3f} ({findings}/{count}) {dict(ref_codes[(part, mode)])}")
        counts = {k: sum(1 for (_, label) in recall[(part, "alone")] if label == k) for k in KINDS}
        print(f"      distinct spellings in {part}: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
