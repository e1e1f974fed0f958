"""Name findings on WMT22 Russian-English: machine translations against a human reference.

For every machine translation of a document, the target words are the capitalized words the
human reference of the same document does not use but spells almost the same: same first
letter, Jaro-Winkler at least 0.85, both rare in English (wordfreq Zipf below 3), neither an
inflection of the other, accepted variants (the gazetteers' accepted forms) removed.

- recall: the share of target-word occurrences that an entity or translation finding overlaps
  (warnings and errors; info findings counted separately);
- false alarms: entity warnings and errors on the human references.

Two modes: each text alone (what `check` does), and with a corpus made of the eleven
translations of the same document (what `report` or `check --corpus` does on a batch).

Data: ../shared/eval/wmt22-ru-en.xml.gz (not part of the project). Run:
    python benchmarks/names.py
"""
from __future__ import annotations

import gzip
import platform
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from rapidfuzz.distance import JaroWinkler
from wordfreq import zipf_frequency

from auditor import Document, audit, load_ruleset
from auditor.corpus import build
from auditor.gazetteer import default_gazetteer

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "wmt22-ru-en.xml.gz"
WORD = re.compile(r"(?<![\w’'-])([^\W\d_][\w’'-]*)")
RARE = 3.0


def texts(element) -> str:
    return "\n".join((seg.text or "").strip() for seg in element.iter("seg"))


def capitalized(text: str) -> list[tuple[str, int, int]]:
    out = []
    for m in WORD.finditer(text):
        word = re.sub(r"(?:['’]s|['’])$", "", m.group(1))
        if word[:1].isupper() and len(word) >= 3:
            out.append((word, m.start(1), m.start(1) + len(word)))
    return out


def inflection(a: str, b: str) -> bool:
    """Putin/Putina, Pushkin/Pushkinskaya, Arsenyev/Arsenyeva: one word built on the other."""
    short, long_ = sorted((a.casefold(), b.casefold()), key=len)
    return long_.startswith(short) or (len(a) > 4 and len(b) > 4 and a[:-2].casefold() == b[:-2].casefold())


def targets(hyp: str, ref_words: set[str], gz) -> list[tuple[str, int, int]]:
    out = []
    lower_ref = {w.casefold() for w in ref_words}
    for word, a, b in capitalized(hyp):
        if word.casefold() in lower_ref or zipf_frequency(word, "en") >= RARE:
            continue
        for ref in ref_words:
            if ref[:1] != word[:1] or zipf_frequency(ref, "en") >= RARE or inflection(word, ref):
                continue
            if JaroWinkler.similarity(word.casefold(), ref.casefold()) < 0.85:
                continue
            if gz.is_accepted(word) and gz.is_accepted(ref):
                continue  # accepted variants, such as Kiev and Kyiv
            out.append((word, a, b))
            break
    return out


def main() -> int:
    if not DATA.exists():
        print(f"skipped: {DATA} is absent (evaluation data lives beside the project)")
        return 0
    root = ET.fromstring(gzip.open(DATA, "rt", encoding="utf-8").read())
    gz = default_gazetteer()
    ruleset = load_ruleset()
    options = {"grammar": False}
    started = time.perf_counter()
    totals = {mode: Counter() for mode in ("alone", "corpus")}
    examples = {mode: [] for mode in ("alone", "corpus")}
    refs_flagged = {mode: 0 for mode in ("alone", "corpus")}
    ref_findings = {mode: Counter() for mode in ("alone", "corpus")}
    documents = 0
    outputs = 0
    for doc in root.iter("doc"):
        ref_el = doc.find("ref")
        if ref_el is None:
            continue
        documents += 1
        ref = texts(ref_el)
        hyps = [texts(h) for h in doc.findall("hyp")]
        outputs += len(hyps)
        ref_words = {w for w, _, _ in capitalized(ref)}
        ref_words |= {part for w in ref_words for part in w.split("-") if part[:1].isupper()}
        corpus = build([Document(t) for t in hyps + [ref]])
        for mode, stats in (("alone", None), ("corpus", corpus)):
            report = audit(Document(ref), ruleset, stats, options=options)
            loud = [f for f in report.findings if f.category.value == "entity" and f.severity.value != "info"]
            refs_flagged[mode] += bool(loud)
            ref_findings[mode].update(f.code for f in loud)
            for hyp in hyps:
                wanted = targets(hyp, ref_words, gz)
                if not wanted:
                    continue
                findings = [f for f in audit(Document(hyp), ruleset, stats, options=options).findings
                            if f.category.value in ("entity", "translation")]
                for word, a, b in wanted:
                    over = [f for f in findings if f.start < b and a < f.end]
                    totals[mode]["targets"] += 1
                    if any(f.severity.value != "info" for f in over):
                        totals[mode]["found"] += 1
                    elif over:
                        totals[mode]["info"] += 1
                    elif len(examples[mode]) < 15 and word not in examples[mode]:
                        examples[mode].append(word)
    elapsed = time.perf_counter() - started
    print(f"WMT22 ru-en: {documents} documents, {outputs} machine translations; "
          f"{platform.processor() or platform.machine()}, {elapsed:.0f} s")
    print(f"{'mode':<8} {'targets':>8} {'found':>7} {'recall':>7} {'+info':>7} {'refs with entity warning':>26}")
    for mode in ("alone", "corpus"):
        t = totals[mode]
        recall = t["found"] / t["targets"] if t["targets"] else 0.0
        with_info = (t["found"] + t["info"]) / t["targets"] if t["targets"] else 0.0
        print(f"{mode:<8} {t['targets']:>8} {t['found']:>7} {recall:>7.1%} {with_info:>7.1%} "
              f"{refs_flagged[mode]:>14} of {documents} ({refs_flagged[mode] / documents:.1%}) {dict(ref_findings[mode])}")
        print(f"  missed, e.g.: {', '.join(examples[mode])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
