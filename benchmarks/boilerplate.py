"""Boilerplate benchmark: how much closer to the article body does `auditor clean` bring a page?

Token precision, recall and F1 as ../shared/eval/README.md defines them: the cleaned text and the
gold body are bags of lowercase ``\\w+`` words counted with multiplicity; precision = shared words /
words kept, recall = shared words / gold words; F1 per page, then the mean over pages.

Sets, each as written and "flat" (every line break replaced by a space, as CSV exports and
newspaper-style scrapers deliver text):

- aeb-dev ``trafilatura`` and ``html-text`` fields: F1 against the gold body, beside no cleaning,
  and the share of pages where cleaning scores below no cleaning;
- aeb-dev ``gold`` bodies themselves: nothing should go; the share of their words that cleaning
  deletes, and the share of bodies that lose any word;
- bbc-dev (clean, edited copy): the same word loss, and the share of articles with any warning
  or error finding (false alarms).

Every figure is given for the two halves of each set (rows at even and odd positions: tune on
one, check on the other) and for the whole.

    python benchmarks/boilerplate.py [--shared PATH] [--sets NAME ...] [--show-worst N]
                                     [--ignore PREFIX ...]

It reads the data where it lies (../shared beside the repository by default, or $AUDITOR_SHARED)
and writes nothing.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor import Document, audit, load_ruleset  # noqa: E402
from auditor.engine.clean import clean_document  # noqa: E402

_WORD = re.compile(r"\w+")
_BREAKS = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t\r\n]*")
PAGE_SETS = ("trafilatura", "trafilatura-flat", "html-text", "html-text-flat")
LOSS_SETS = ("gold", "gold-flat", "bbc", "bbc-flat")
SETS = PAGE_SETS + LOSS_SETS
HALVES = ("even", "odd", "all")


def bag(text: str) -> Counter:
    return Counter(w.lower() for w in _WORD.findall(text))


def flatten(text: str) -> str:
    """The text with every line break (and the blank lines around it) replaced by one space."""
    return _BREAKS.sub(" ", text)


def prf(kept: str, gold: str) -> tuple[float, float, float]:
    k, g = bag(kept), bag(gold)
    shared = sum((k & g).values())
    nk, ng = sum(k.values()), sum(g.values())
    p = shared / nk if nk else (1.0 if not ng else 0.0)
    r = shared / ng if ng else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def auditor_for(ruleset):
    options = {"grammar": False}

    def run(document: Document):
        return audit(document, ruleset, None, options=options)

    return run


def mean(values) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def halves(items: list) -> dict[str, list]:
    return {"even": items[0::2], "odd": items[1::2], "all": items}


def page_set(rows, name, run, show_worst):
    field = name.removesuffix("-flat")
    flat = name.endswith("-flat")
    per_page = []
    t0 = time.perf_counter()
    for row in rows:
        text = row[field] or ""
        if flat:
            text = flatten(text)
        cleaned = clean_document(Document(text, id=str(row["id"])), run).text
        per_page.append((prf(text, row["gold"]), prf(cleaned, row["gold"]), row["id"]))
    elapsed = time.perf_counter() - t0
    for half, pages in halves(per_page).items():
        worse = sum(1 for b, c, _ in pages if c[2] < b[2] - 1e-9)
        print(f"{name:<17} {half:<5} {mean(b[2] for b, _, _ in pages):>8.4f} {mean(c[0] for _, c, _ in pages):>9.4f} "
              f"{mean(c[1] for _, c, _ in pages):>7.4f} {mean(c[2] for _, c, _ in pages):>7.4f} "
              f"{worse / max(len(pages), 1):>7.1%}")
    print(f"{'':<17} {len(rows)} pages, {elapsed:.1f} s")
    if show_worst:
        for b, c, pid in sorted(per_page, key=lambda x: x[1][2] - x[0][2])[:show_worst]:
            print(f"    {c[2] - b[2]:+.3f}  {pid}")


def loss_set(texts, name, run, show_worst):
    flat = name.endswith("-flat")
    per_doc = []
    t0 = time.perf_counter()
    for doc_id, text in texts:
        if flat:
            text = flatten(text)
        result = clean_document(Document(text, id=doc_id), run)
        before, after = bag(text), bag(result.text)
        lost = sum((before - after).values())
        alarms = sum(1 for f in result.report.findings if f.severity.value in ("warning", "error"))
        per_doc.append((lost, sum(before.values()), alarms, doc_id))
    elapsed = time.perf_counter() - t0
    for half, docs in halves(per_doc).items():
        lost = sum(d[0] for d in docs)
        words = sum(d[1] for d in docs)
        losing = sum(1 for d in docs if d[0])
        alarmed = sum(1 for d in docs if d[2])
        print(f"{name:<17} {half:<5} {lost / max(words, 1):>10.3%} {losing / max(len(docs), 1):>12.2%} "
              f"{alarmed / max(len(docs), 1):>14.2%}")
    print(f"{'':<17} {len(texts)} texts, {elapsed:.1f} s")
    if show_worst:
        for lost, words, alarms, doc_id in sorted(per_doc, reverse=True)[:show_worst]:
            if lost:
                print(f"    -{lost} of {words} words  {doc_id}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path,
                        default=Path(os.environ.get("AUDITOR_SHARED", ROOT.parent / "shared")),
                        help="folder holding eval/ (default: ../shared beside the repository)")
    parser.add_argument("--sets", nargs="+", default=list(SETS), choices=SETS, metavar="NAME",
                        help=f"which sets to measure (default: all of {', '.join(SETS)})")
    parser.add_argument("--show-worst", type=int, default=0, metavar="N",
                        help="also list the N pages per set where cleaning loses most")
    parser.add_argument("--ignore", nargs="*", default=[], metavar="PREFIX",
                        help="leave out rules by code prefix, to measure what they add (e.g. --ignore BP7)")
    args = parser.parse_args(argv)

    aeb = args.shared / "eval" / "aeb-dev.jsonl"
    bbc = args.shared / "eval" / "bbc-dev.jsonl"
    missing = [p for p in (aeb, bbc) if not p.is_file()]
    if missing:
        print(f"benchmark data not found: {', '.join(map(str, missing))}\n"
              f"It lives beside the repository in ../shared/eval (or set AUDITOR_SHARED); "
              f"it is third-party data and is never copied into the project.", file=sys.stderr)
        return 2

    ruleset = load_ruleset(ignore=args.ignore)
    run = auditor_for(ruleset)
    rows = [json.loads(line) for line in aeb.read_text(encoding="utf-8").splitlines() if line.strip()]
    print(f"rules: {len(ruleset)}" + (f" (without {', '.join(args.ignore)})" if args.ignore else ""))
    pages = [s for s in args.sets if s in PAGE_SETS]
    if pages:
        print()
        print(f"{'aeb-dev input':<17} {'half':<5} {'none F1':>8} {'precision':>9} {'recall':>7} {'F1':>7} {'worse':>7}")
        for name in pages:
            page_set(rows, name, run, args.show_worst)
    losses = [s for s in args.sets if s in LOSS_SETS]
    if losses:
        print()
        print(f"{'clean copy':<17} {'half':<5} {'words lost':>10} {'texts losing':>12} {'warning/error':>14}")
        gold = [(str(row["id"]), row["gold"] or "") for row in rows]
        articles = [(str(r["id"]), r["text"]) for r in map(json.loads, bbc.read_text(encoding="utf-8").splitlines())]
        for name in losses:
            loss_set(gold if name.startswith("gold") else articles, name, run, args.show_worst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
