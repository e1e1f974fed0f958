"""How many findings a person reads per whole-page text, raw and as shown (grouped).

Counts, per page of ../shared/eval/aeb-dev.jsonl (the `html-text` field: every visible text of the
page), the warning and error findings plus chrome findings of any severity, before grouping (the
engine's raw findings) and after (what `check` prints: one finding per span, one per run of chrome
lines). Prints the median, the 90th percentile and the maximum of each.

    python benchmarks/findings_per_page.py [--field html-text] [--limit N]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from auditor.core.document import Document  # noqa: E402
from auditor.engine.audit import audit  # noqa: E402
from auditor.core.findings import Category  # noqa: E402
from auditor.engine.ruleset import load_ruleset  # noqa: E402

DATA = ROOT.parent / "shared" / "eval" / "aeb-dev.jsonl"


def counted(findings) -> int:
    return sum(1 for f in findings if f.severity.value != "info" or f.category == Category.BOILERPLATE)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--field", default="html-text")
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    if not DATA.is_file():
        print(f"skipped: {DATA} is absent (the development data lives beside the project)")
        return 0
    ruleset = load_ruleset()
    raw, shown = [], []
    with DATA.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if args.limit and i >= args.limit:
                break
            row = json.loads(line)
            report = audit(Document(text=row.get(args.field) or "", id=row["id"]), ruleset,
                           options={"grammar": False})
            raw.append(counted(report.findings))
            shown.append(counted(report.presented))

    def describe(values):
        ordered = sorted(values)
        p90 = ordered[int(0.9 * (len(ordered) - 1))]
        return f"median {statistics.median(values):g}, p90 {p90}, max {max(values)}"

    print(f"aeb-dev {args.field}, {len(raw)} pages; warning/error findings plus chrome of any severity")
    print(f"  raw:   {describe(raw)}")
    print(f"  shown: {describe(shown)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
