"""Raw findings before and after a change: capture `check --format json --no-grammar` on the seeds,
the samples, aeb-dev (html-text, trafilatura and gold fields) and bbc-dev, then compare.

    python scripts/compare_findings.py capture SOURCE_TREE OUT_DIR   # e.g. a `git archive` of main
    python scripts/compare_findings.py compare BEFORE_DIR AFTER_DIR

`capture` runs the auditor of SOURCE_TREE (its own package, with the Python running this script)
and writes one JSON file per set. `compare` reports, per set, the documents whose findings, score,
verdict or costs differ, and exits 1 if any do. The data is read where it lies (../shared beside
the repository, or $AUDITOR_SHARED); nothing of it is copied.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("AUDITOR_SHARED", ROOT.parent / "shared"))
COMPARED = ("findings", "score", "verdict", "costs")


def sets(source: Path) -> dict[str, list[str]]:
    aeb = str(SHARED / "eval" / "aeb-dev.jsonl")
    return {
        "seeds": sorted(str(p) for p in (SHARED / "seeds").glob("*.txt")),
        "samples": sorted(str(p) for p in (source / "samples").glob("*.txt")),
        "aeb-html": ["--text-field", "html-text", aeb],
        "aeb-traf": ["--text-field", "trafilatura", aeb],
        "aeb-gold": ["--text-field", "gold", aeb],
        "bbc": [str(SHARED / "eval" / "bbc-dev.jsonl")],
    }


def capture(source: Path, out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(source)}
    for name, args in sets(source).items():
        result = subprocess.run(
            [sys.executable, "-m", "auditor", "check", "--format", "json", "--no-grammar", "--exit-zero",
             "-q", "--jobs", "1", *args], cwd=source, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            print(f"{name}: check failed ({result.returncode}): {result.stderr[-500:]}", file=sys.stderr)
            return 2
        (out / f"{name}.json").write_text(result.stdout, encoding="utf-8")
        print(f"{name}: captured")
    return 0


def compare(before: Path, after: Path) -> int:
    differing = 0
    for path in sorted(before.glob("*.json")):
        old = {d["id"]: d for d in json.loads(path.read_text(encoding="utf-8"))["documents"]}
        new_path = after / path.name
        if not new_path.is_file():
            print(f"{path.name}: missing in {after}")
            differing += 1
            continue
        new = {d["id"]: d for d in json.loads(new_path.read_text(encoding="utf-8"))["documents"]}
        changed = [k for k in old if k not in new or any(old[k].get(f) != new[k].get(f) for f in COMPARED)]
        changed += [k for k in new if k not in old]
        findings = sum(len(d["findings"]) for d in old.values())
        print(f"{path.name}: {len(old)} documents, {findings} findings, {len(changed)} differ"
              + (f" (e.g. {', '.join(map(str, changed[:3]))})" if changed else ""))
        differing += len(changed)
    print("identical" if not differing else f"{differing} documents differ")
    return 1 if differing else 0


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[0] not in ("capture", "compare"):
        print(__doc__, file=sys.stderr)
        return 2
    if not SHARED.is_dir():
        print(f"{SHARED} is absent: the evaluation data lives beside the project (or set AUDITOR_SHARED)",
              file=sys.stderr)
        return 2
    a, b = Path(argv[1]).resolve(), Path(argv[2]).resolve()
    return capture(a, b) if argv[0] == "capture" else compare(a, b)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
