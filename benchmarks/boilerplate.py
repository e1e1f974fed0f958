"""Boilerplate benchmark: how much closer to the article body does `auditor clean` bring a page?

Token precision, recall and F1 as ../shared/eval/README.md defines them: the cleaned text and the
gold body are bags of lowercase ``\\w+`` words counted with multiplicity; precision = shared words /
words kept, recall = shared words / gold words; F1 per page, then the mean over pages. Measured on
aeb-dev.jsonl for the ``trafilatura`` and ``html-text`` fields, beside "no cleaning"; also the share
of pages where cleaning scores below no cleaning, and the share of bbc-dev.jsonl articles (clean,
edited copy) that lose any word to cleaning.

    python benchmarks/boilerplate.py [--shared PATH] [--fields trafilatura html-text] [--show-worst N]
                                     [--ignore PREFIX ...] [--no-bbc]

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
from auditor.clean import clean_document  # noqa: E402

_WORD = re.compile(r"\w+")
FIELDS = ("trafilatura", "html-text")


def bag(text: str) -> Counter:
    return Counter(w.lower() for w in _WORD.findall(text))


def prf(kept: str, gold: str) -> tuple[float, float, float]:
    k, g = bag(kept), bag(gold)
    shared = sum((k & g).values())
    nk, ng = sum(k.values()), sum(g.values())
    p = shared / nk if nk else (1.0 if not ng else 0.0)
    r = shared / ng if ng else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def cleaner(ruleset):
    options = {"grammar": False}

    def run(text: str, name: str = "page") -> str:
        document = Document(text, id=name)
        return clean_document(document, lambda d: audit(d, ruleset, None, options=options)).text

    return run


def mean(values) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path,
                        default=Path(os.environ.get("AUDITOR_SHARED", ROOT.parent / "shared")),
                        help="folder holding eval/ (default: ../shared beside the repository)")
    parser.add_argument("--fields", nargs="+", default=list(FIELDS), choices=FIELDS)
    parser.add_argument("--show-worst", type=int, default=0, metavar="N",
                        help="also list the N pages per field where cleaning loses most against no cleaning")
    parser.add_argument("--no-bbc", action="store_true", help="skip the bbc-dev word-loss check")
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
    clean = cleaner(ruleset)
    rows = [json.loads(line) for line in aeb.read_text(encoding="utf-8").splitlines() if line.strip()]
    print(f"aeb-dev: {len(rows)} pages; rules: {len(ruleset)}"
          + (f" (without {', '.join(args.ignore)})" if args.ignore else ""))
    print()
    print(f"{'input':<13} {'cleaning':<12} {'precision':>9} {'recall':>7} {'F1':>6} {'worse pages':>12} {'s':>6}")
    results = {}
    for field in args.fields:
        base, ours, worse = [], [], []
        t0 = time.perf_counter()
        for row in rows:
            text = row[field] or ""
            cleaned = clean(text, str(row["id"]))
            b = prf(text, row["gold"])
            c = prf(cleaned, row["gold"])
            base.append(b)
            ours.append(c)
            if c[2] < b[2] - 1e-9:
                worse.append((b[2] - c[2], row["id"], row.get("url", "")))
        elapsed = time.perf_counter() - t0
        for label, scores, extra in (("none", base, ""), ("auditor", ours, f"{len(worse) / len(rows):.1%}")):
            print(f"{field:<13} {label:<12} {mean(s[0] for s in scores):>9.4f} {mean(s[1] for s in scores):>7.4f} "
                  f"{mean(s[2] for s in scores):>6.4f} {extra:>12} {elapsed if label == 'auditor' else 0:>6.1f}")
        results[field] = (base, ours, worse)
        if args.show_worst:
            for loss, pid, url in sorted(worse, reverse=True)[:args.show_worst]:
                print(f"    -{loss:.3f}  {pid}  {url}")
    if not args.no_bbc:
        total = lost = 0
        examples = []
        t0 = time.perf_counter()
        for line in bbc.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            total += 1
            text = row["text"]
            cleaned = clean(text, str(row["id"]))
            if bag(cleaned) != bag(text):
                lost += 1
                if len(examples) < 5:
                    examples.append(str(row["id"]))
        elapsed = time.perf_counter() - t0
        print()
        print(f"bbc-dev: {lost} of {total} articles lose a word to cleaning ({lost / max(total, 1):.2%})"
              f"{'; e.g. ' + ', '.join(examples) if examples else ''}  [{elapsed:.1f} s]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
