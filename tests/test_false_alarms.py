"""Clean professional copy must stay quiet: bbc-dev (../shared/eval) is 1,124 edited BBC articles."""
from __future__ import annotations

import json

from auditor import Document, audit

# The bar: at most 2% of clean articles get any warning or error, all categories together.
MAX_SHARE = 0.02


def test_bbc_articles_rarely_get_warnings(eval_dir):
    flagged = []
    total = 0
    with open(eval_dir / "bbc-dev.jsonl", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            total += 1
            report = audit(Document(row["text"], id=str(row["id"])), options={"grammar": False})
            loud = [f for f in report.findings if f.severity.value != "info"]
            if loud:
                flagged.append((row["id"], loud[0].code, loud[0].text[:60]))
    assert total > 1000
    share = len(flagged) / total
    assert share <= MAX_SHARE, f"{share:.2%} of BBC articles flagged, e.g. {flagged[:10]}"
