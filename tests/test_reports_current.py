"""reports/ holds the example reports for samples/; they must match what the auditor writes now.

Regenerate them with `make reports`.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_example_reports_are_current(tmp_path):
    out = tmp_path / "samples"
    result = subprocess.run(
        [sys.executable, "-m", "auditor", "check", "samples", "--no-grammar", "--report-dir", str(out),
         "--format", "json", "--exit-zero"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    committed = ROOT / "reports"
    fresh = {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in out.rglob("*") if p.is_file()}
    kept = {p.relative_to(committed / "samples").as_posix(): p.read_text(encoding="utf-8")
            for p in (committed / "samples").rglob("*") if p.is_file()}
    stale = sorted(name for name in fresh.keys() | kept.keys() if fresh.get(name) != kept.get(name))
    assert not stale, f"reports/ is stale for {stale[:5]}: run `make reports`"
    assert (committed / "summary.json").read_text(encoding="utf-8") == result.stdout, \
        "reports/summary.json is stale: run `make reports`"
