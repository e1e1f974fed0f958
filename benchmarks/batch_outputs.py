"""Batch outputs at scale: `report` and `check --format sarif` on a mixed 10,000-record JSONL.

The file is built in a temporary folder outside the repository from the development data in
../shared/eval (never copied into the project): BBC articles (``text``), AEB pages as whole-page
text (``html-text``) and as trafilatura extracted them (``trafilatura``), and scraped SemEval news
(``text1``/``text2``), each text present 5 or 6 times under its own id, shuffled, as syndicated
copies and re-crawls arrive in a real batch. Then, on the real command line:

- ``auditor report FILE --out DIR --no-grammar --jobs N``: documents per second, files written
  (the default: reports.jsonl, the tables, index.html and a page per listed document), bytes,
  peak memory, and whether every output file is readable by others (umask 022);
- ``auditor check FILE --format sarif --no-grammar``: results in the run, peak memory; the same
  on a fifth of the records (memory flat with the number of documents), and with ``--max-results``
  at a quarter of the results (what the cap keeps and says);
- ``auditor check FILE --format github``: lines printed;
- ``auditor check FILE --corpus --format json``: verdicts, compared with the report's record by
  record (the two must agree).

Peak memory is the largest resident set of any one process of a run (the command or one of its
workers), from getrusage(RUSAGE_CHILDREN) in a wrapper that runs only that command.

    python benchmarks/batch_outputs.py [--docs 10000] [--jobs 2] [--shared PATH] [--keep]
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = ROOT / ".." / "shared"


def texts(shared: Path) -> list[tuple[str, str, str | None]]:
    """(source, text, url) of every usable text of the development data."""
    eval_dir = shared / "eval"
    out = []
    with open(eval_dir / "bbc-dev.jsonl", encoding="utf-8") as handle:
        for line in handle:
            r = json.loads(line)
            out.append(("bbc", r["text"], None))
    with open(eval_dir / "aeb-dev.jsonl", encoding="utf-8") as handle:
        for line in handle:
            r = json.loads(line)
            for field in ("html-text", "trafilatura"):
                if r.get(field):
                    out.append((f"aeb-{field}", r[field], r.get("url")))
    csv.field_size_limit(1 << 24)
    with open(eval_dir / "semeval-train.csv", encoding="utf-8", newline="") as handle:
        for r in csv.DictReader(handle):
            for field in ("text1", "text2"):
                if r.get(field, "").strip():
                    out.append(("semeval", r[field], None))
    return out


def build(shared: Path, target: Path, n: int, seed: int = 0) -> dict:
    """Write n records: distinct texts from every source, each 5 or 6 times, shuffled."""
    rng = random.Random(seed)
    pool = texts(shared)
    by_source: dict[str, list] = {}
    for item in pool:
        by_source.setdefault(item[0], []).append(item)
    distinct = round(n / 5.5)
    # AEB pages (both fields; all 102 at 10,000 records), then BBC and SemEval in equal parts.
    chosen = []
    for source in ("aeb-html-text", "aeb-trafilatura"):
        chosen += by_source.get(source, [])[: distinct // 6]
    rest = max(0, distinct - len(chosen))
    for source in ("bbc", "semeval"):
        items = by_source.get(source, [])
        chosen += rng.sample(items, min(len(items), rest // 2))
    records = []
    for i, (source, text, url) in enumerate(chosen):
        for copy in range(5 + (i % 2)):
            record = {"id": f"{source}-{i:05d}-{copy}", "source": source, "text": text}
            if url:
                record["url"] = url
            records.append(record)
    rng.shuffle(records)
    records = records[:n]
    with open(target, "w", encoding="utf-8") as handle:
        for r in records:
            handle.write(json.dumps(r, ensure_ascii=False) + "\n")
    counts: dict[str, int] = {}
    for r in records:
        counts[r["source"]] = counts.get(r["source"], 0) + 1
    return {"records": len(records), "distinct_texts": len(chosen), "per_source": counts,
            "bytes": target.stat().st_size}


def measured(command: list[str], stdout: Path | None = None) -> dict:
    """Wall seconds, CPU seconds of all its processes, peak MB of the largest process, exit code."""
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "out = open(sys.argv[1], 'wb') if sys.argv[1] != '-' else subprocess.DEVNULL\n"
        "t = time.perf_counter()\n"
        "code = subprocess.call(sys.argv[2:], stdout=out)\n"
        "dt = time.perf_counter() - t\n"
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(f'{dt} {usage.ru_utime + usage.ru_stime} {usage.ru_maxrss / 1024} {code}')\n"
    )
    result = subprocess.run([sys.executable, "-c", wrapper, str(stdout) if stdout else "-", *command],
                            capture_output=True, text=True, check=True, cwd=ROOT)
    seconds, cpu, peak, code = result.stdout.split()
    return {"seconds": round(float(seconds), 2), "cpu_seconds": round(float(cpu), 2),
            "peak_mb": round(float(peak), 1), "exit": int(code)}


def auditor(*args: str) -> list[str]:
    return [sys.executable, "-m", "auditor", *args]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--keep", action="store_true", help="Keep the temporary folder and print its path.")
    parser.add_argument("--skip", default="", help="Comma-separated runs to skip: report, sarif, github, corpus.")
    args = parser.parse_args()
    if not (args.shared / "eval" / "bbc-dev.jsonl").is_file():
        sys.exit(f"no development data under {args.shared / 'eval'}: nothing to measure")
    skip = set(filter(None, args.skip.split(",")))
    os.environ.setdefault("PYTHONPATH", str(ROOT))
    work = Path(tempfile.mkdtemp(prefix="auditor-batch-outputs-"))
    figures: dict = {"machine_cores": len(os.sched_getaffinity(0)), "jobs": args.jobs}
    try:
        feed = work / "mixed.jsonl"
        figures["input"] = build(args.shared, feed, args.docs)
        jobs = ["--jobs", str(args.jobs), "--no-grammar", "-q"]
        if "report" not in skip:
            out = work / "report"
            old = os.umask(0o022)
            try:
                run = measured(auditor("report", str(feed), "--out", str(out), *jobs))
            finally:
                os.umask(old)
            files = [p for p in out.rglob("*") if p.is_file()]
            run["docs_per_second"] = round(figures["input"]["records"] / run["seconds"], 1)
            run["files"] = len(files)
            run["bytes"] = sum(p.stat().st_size for p in files)
            run["all_readable_by_others"] = all(p.stat().st_mode & stat.S_IROTH for p in files)
            verdicts: dict[str, int] = {}
            report_verdicts = {}
            copies = 0
            with open(out / "reports.jsonl", encoding="utf-8") as handle:
                for line in handle:
                    r = json.loads(line)
                    verdicts[r["verdict"]] = verdicts.get(r["verdict"], 0) + 1
                    report_verdicts[r["id"]] = r["verdict"]
                    copies += bool(r.get("copy_of"))
            run["verdicts"] = verdicts
            run["copies"] = copies
            figures["report"] = run
        if "sarif" not in skip:
            sarif = work / "check.sarif"
            run = measured(auditor("check", str(feed), "--format", "sarif", *jobs), stdout=sarif)
            log = json.loads(sarif.read_text(encoding="utf-8"))
            run["results"] = len(log["runs"][0]["results"])
            run["properties"] = log["runs"][0].get("properties")
            run["bytes"] = sarif.stat().st_size
            figures["check_sarif"] = run
            # The same on a fifth of the records (memory is flat with the number of documents), and
            # with a cap below the result count (the cut is stated in the run).
            small = work / "small.jsonl"
            with open(feed, encoding="utf-8") as source, open(small, "w", encoding="utf-8") as target:
                for i, line in enumerate(source):
                    if i >= args.docs // 5:
                        break
                    target.write(line)
            run = measured(auditor("check", str(small), "--format", "sarif", *jobs), stdout=sarif)
            run["records"] = args.docs // 5
            run["results"] = len(json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"])
            figures["check_sarif_fifth"] = run
            cap = max(1, figures["check_sarif"]["results"] // 4)
            run = measured(auditor("check", str(feed), "--format", "sarif", "--max-results", str(cap), *jobs),
                           stdout=sarif)
            log = json.loads(sarif.read_text(encoding="utf-8"))
            run["results"] = len(log["runs"][0]["results"])
            run["properties"] = log["runs"][0].get("properties")
            figures["check_sarif_capped"] = run
        if "github" not in skip:
            lines = work / "check.github"
            run = measured(auditor("check", str(feed), "--format", "github", *jobs), stdout=lines)
            run["lines"] = sum(1 for _ in open(lines, encoding="utf-8"))
            figures["check_github"] = run
        if "corpus" not in skip:
            checked = work / "check.json"
            run = measured(auditor("check", str(feed), "--corpus", "--format", "json", *jobs), stdout=checked)
            data = json.loads(checked.read_text(encoding="utf-8"))
            run["verdicts"] = data["summary"]["verdicts"]
            if "report" in figures:
                run["disagreements_with_report"] = sum(1 for d in data["documents"]
                                                       if report_verdicts.get(d["id"]) != d["verdict"])
            figures["check_corpus_json"] = run
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
