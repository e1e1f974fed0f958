"""Throughput and memory: documents per second and peak memory per process, on BBC-sized articles.

The BBC development articles (../shared/eval/bbc-dev.jsonl, 1,124 articles of about 2.4 KB) are
repeated, with fresh ids, into a temporary JSONL outside the repository (20,000 documents by
default), and the real command line runs over it:

- ``audit()`` and ``audit_batch()`` in one process (the library, no I/O), for reference;
- ``auditor check FILE --no-grammar`` with ``--jobs 1`` and ``--jobs 2`` (the CI gate path);
- ``auditor report FILE --out DIR`` (corpus pass, readability, reports.jsonl, the tables, the
  dashboard and the pages of the documents it lists), ``--no-grammar``;
- the grammar profile: ``auditor check --grammar`` (a LanguageTool server is started), on
  fewer documents (--grammar-docs, 300 by default: LanguageTool is far slower than the rules);
- with ``--memory-docs N`` (100,000 for the figure in the README), the same check and report runs
  on N documents, for memory.

Peak memory is the largest resident set of any single process of a run (the command and its
workers), from getrusage(RUSAGE_CHILDREN) in a wrapper process that runs only that command; "docs
per CPU-second" divides by the CPU time of all its processes (user and system), a per-core figure
that other load on the machine disturbs less than the wall clock does.

    python benchmarks/throughput.py [--docs 20000] [--memory-docs 100000] [--grammar-docs 300]
                                    [--skip-grammar] [--shared PATH]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{os.cpu_count()} cores (nproc {len(os.sched_getaffinity(0))}), {model}, {platform.machine()}, "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}")


def write_corpus(source: Path, target: Path, n: int) -> int:
    records = [json.loads(line) for line in source.open(encoding="utf-8") if line.strip()]
    size = 0
    with target.open("w", encoding="utf-8") as handle:
        for i in range(n):
            r = records[i % len(records)]
            line = json.dumps({"id": f"{i:06d}-{r['id']}", "category": r.get("category"), "text": r["text"]},
                              ensure_ascii=False)
            handle.write(line + "\n")
            size += len(r["text"].encode("utf-8"))
    return size // n


def measured(command: list[str]) -> tuple[float, float, float, int]:
    """(seconds, CPU seconds of all its processes, peak resident MB of the largest process, exit
    code) of one command run alone."""
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
        "dt = time.perf_counter() - t\n"
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(f'{dt} {usage.ru_utime + usage.ru_stime} {usage.ru_maxrss / 1024} {code}')\n"
    )
    out = subprocess.run([sys.executable, "-c", wrapper, *command], capture_output=True, text=True, check=True)
    seconds, cpu, peak, code = out.stdout.split()
    return float(seconds), float(cpu), float(peak), int(code)


def library_rate(source: Path, passes: int = 3, batch: bool = False) -> tuple[float, float]:
    """(docs/s, docs per CPU-second) of audit() (or audit_batch()) in this process, the best of a
    few passes."""
    from auditor import Document, audit, audit_batch, load_ruleset

    ruleset = load_ruleset()
    texts = [json.loads(line)["text"] for line in source.open(encoding="utf-8")]
    wall = cpu = float("inf")
    for _ in range(passes):
        start, start_cpu = time.perf_counter(), time.process_time()
        if batch:
            for _report in audit_batch((Document(text) for text in texts), ruleset, options={"grammar": False}):
                pass
        else:
            for text in texts:
                audit(Document(text), ruleset, options={"grammar": False})
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return len(texts) / wall, len(texts) / cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=20_000, help="0: only audit() in this process")
    parser.add_argument("--memory-docs", type=int, default=0, help="also measure memory on this many documents")
    parser.add_argument("--grammar-docs", type=int, default=300)
    parser.add_argument("--skip-grammar", action="store_true")
    parser.add_argument("--shared", type=Path, default=Path(os.environ.get("AUDITOR_SHARED", ROOT.parent / "shared")))
    args = parser.parse_args()

    source = args.shared / "eval" / "bbc-dev.jsonl"
    if not source.is_file():
        print(f"skipped: {source} is absent (the evaluation data lives beside the project, not in it)")
        return 0
    auditor = [sys.executable, "-m", "auditor"]
    print(f"machine: {machine()}")
    work = Path(tempfile.mkdtemp(prefix="auditor-throughput-"))
    rows = []
    try:
        rate, per_cpu = library_rate(source)
        rows.append(("audit() in one process, no I/O (library)", f"{rate:,.0f}", "-", f"{per_cpu:,.0f}", "-",
                     "python: audit(Document(text)) over bbc-dev.jsonl"))
        print(f"  audit() in one process: {rate:,.0f} docs/s, {per_cpu:,.0f} docs per CPU-second", flush=True)
        rate, per_cpu = library_rate(source, batch=True)
        rows.append(("audit_batch() in one process, no I/O (library)", f"{rate:,.0f}", "-", f"{per_cpu:,.0f}", "-",
                     "python: audit_batch(Documents) over bbc-dev.jsonl"))
        print(f"  audit_batch() in one process: {rate:,.0f} docs/s, {per_cpu:,.0f} docs per CPU-second", flush=True)
        if args.docs <= 0:
            return 0
        corpus = work / f"bbc-x{args.docs}.jsonl"
        size = write_corpus(source, corpus, args.docs)
        print(f"input: {corpus} ({args.docs:,} documents, {size:,} bytes of text each on average)")

        def run(label, command, n):
            seconds, cpu, peak, code = measured(command)
            if code not in (0, 1):
                raise SystemExit(f"{label}: exit {code}: {' '.join(command)}")
            rows.append((label, f"{n / seconds:,.0f}", f"{seconds:,.1f}", f"{n / cpu:,.0f}", f"{peak:,.0f}",
                         " ".join(["auditor", *command[3:]])))
            load = os.getloadavg()[0]
            print(f"  {label}: {n / seconds:,.0f} docs/s, {seconds:.1f} s, {n / cpu:,.0f} docs per CPU-second, "
                  f"peak {peak:.0f} MB per process (load average {load:.2f} after the run)", flush=True)
            return n / seconds

        one = run("check --no-grammar, 1 core", [*auditor, "check", str(corpus), "--no-grammar", "--jobs", "1",
                                                 "--quiet", "--exit-zero"], args.docs)
        two = run("check --no-grammar, 2 cores", [*auditor, "check", str(corpus), "--no-grammar", "--jobs", "2",
                                                  "--quiet", "--exit-zero"], args.docs)
        print(f"  2 cores / 1 core: {two / one:.2f}x")
        out = work / "report"
        run("report (corpus pass, readability, all files), 2 cores",
            [*auditor, "report", str(corpus), "--out", str(out), "--no-grammar", "--jobs", "2", "--quiet"], args.docs)
        shutil.rmtree(out, ignore_errors=True)
        if not args.skip_grammar:
            small = work / f"bbc-x{args.grammar_docs}.jsonl"
            write_corpus(source, small, args.grammar_docs)
            run(f"check with grammar (LanguageTool), 2 cores, {args.grammar_docs:,} documents",
                [*auditor, "check", str(small), "--grammar", "--jobs", "2", "--quiet", "--exit-zero"], args.grammar_docs)
        if args.memory_docs:
            big = work / f"bbc-x{args.memory_docs}.jsonl"
            write_corpus(source, big, args.memory_docs)
            corpus.unlink()
            run(f"check --no-grammar, 2 cores, {args.memory_docs:,} documents",
                [*auditor, "check", str(big), "--no-grammar", "--jobs", "2", "--quiet", "--exit-zero"],
                args.memory_docs)
            run(f"report, 2 cores, {args.memory_docs:,} documents",
                [*auditor, "report", str(big), "--out", str(out), "--no-grammar", "--jobs", "2", "--quiet"],
                args.memory_docs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print()
    print("| run | docs/s | seconds | docs per CPU-second | peak MB per process | command |")
    print("|---|---|---|---|---|---|")
    for label, rate, seconds, per_cpu, peak, command in rows:
        print(f"| {label} | {rate} | {seconds} | {per_cpu} | {peak} | `{command}` |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
