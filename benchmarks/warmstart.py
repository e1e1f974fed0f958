"""Warm start: a CI-sized batch against datatrove's quality-filter chain, in a fresh process each.

The first 1,101 articles of ../shared/eval/bbc-dev.jsonl (the development half, about 2.4 KB
each) are run through:

- datatrove's Gopher + repetition + C4 + FineWeb chain (GopherQualityFilter,
  GopherRepetitionFilter, C4QualityFilter, FineWebQualityFilter) on Document objects, a document
  leaving the chain at the first filter that drops it, as in a datatrove pipeline;
- ``audit()`` with the bundled rules and grammar off (the library, no I/O), one document at a time;
- ``audit_batch()`` on the same documents (the library's batch call: each stage and detector runs
  over a few dozen documents at a time, with the same reports);
- ``auditor check FILE --no-grammar --jobs 1`` end to end, interpreter start-up included, on a
  JSONL copy of the same articles in a temporary folder outside the repository.

Each run is a new Python process, so nothing one of them loaded or compiled helps another: that
is what a CI job or a pre-commit hook starts from (with byte code and the precompiled data on disk,
as after an install and a first run; PYTHONDONTWRITEBYTECODE is dropped for the runs). The clock of the two library runs starts once
their package is imported and stops after the last document: building the filters (and
datatrove's word tokenizer) or loading and compiling the rule packs is inside it, as is every
automaton and table built on the way. The per-document times of the first and the last 100
documents show how much of the work is warm-up. Each run is repeated (--repeat, 3 by default)
and the best and the spread are printed: the wall clock moves with other load on the machine.
Documents per CPU-second (the process's own CPU time; for the command, that of all its
processes) are printed beside it: other load disturbs them less.

datatrove is not a dependency of the auditor: install it with the ``bench`` extra
(``pip install -e '.[bench]'``; its English word tokenizer needs spaCy, which the extra lists).
Without it, that run is skipped and no ratio is printed.

    python benchmarks/warmstart.py [--docs 1101] [--repeat 3] [--shared PATH]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def read_texts(source: Path, n: int) -> list[dict]:
    records = []
    with source.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                records.append(json.loads(line))
            if len(records) == n:
                break
    return records


def run_datatrove(texts: list[str]) -> list[float]:
    from datatrove.data import Document
    from datatrove.pipeline.filters import (
        C4QualityFilter,
        FineWebQualityFilter,
        GopherQualityFilter,
        GopherRepetitionFilter,
    )

    times = []
    start = time.perf_counter()
    chain = [GopherQualityFilter(), GopherRepetitionFilter(), C4QualityFilter(), FineWebQualityFilter()]
    for i, text in enumerate(texts):
        document = Document(text=text, id=str(i))
        for step in chain:
            verdict = step.filter(document)
            if verdict is False or (isinstance(verdict, tuple) and verdict[0] is False):
                break  # a pipeline drops the document here: the later filters never see it
        now = time.perf_counter()
        times.append(now - start)
        start = now
    return times


def run_audit(texts: list[str]) -> list[float]:
    from auditor import Document, audit, load_ruleset

    times = []
    start = time.perf_counter()
    ruleset = load_ruleset()
    for text in texts:
        audit(Document(text), ruleset, options={"grammar": False})
        now = time.perf_counter()
        times.append(now - start)
        start = now
    return times


def run_batch(texts: list[str]) -> list[float]:
    """``audit_batch``: a document's time is from the report before it to its own (the first of
    each group of documents carries the group's shared stages)."""
    from auditor import Document, audit_batch, load_ruleset

    times = []
    start = time.perf_counter()
    ruleset = load_ruleset()
    for _ in audit_batch((Document(text) for text in texts), ruleset, options={"grammar": False}):
        now = time.perf_counter()
        times.append(now - start)
        start = now
    return times


def child(kind: str, source: Path, n: int) -> None:
    """One measured run, in this (fresh) process; prints the per-document seconds as JSON."""
    texts = [r["text"] for r in read_texts(source, n)]
    cpu = time.process_time()
    times = {"datatrove": run_datatrove, "audit": run_audit, "batch": run_batch}[kind](texts)
    print(json.dumps({"times": times, "cpu": time.process_time() - cpu}))


def child_env(cache: Path) -> dict:
    """This environment, with the project importable and byte-code caching on: an installed
    package has its modules compiled already, and a source checkout keeps them in __pycache__
    after the first run (PYTHONDONTWRITEBYTECODE would make every run compile them again). The
    auditor's precompiled data goes to a folder of this benchmark's own, so that other checkouts
    sharing the user's cache folder cannot evict it between runs."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "AUDITOR_NO_CACHE")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    env["AUDITOR_CACHE_DIR"] = str(cache)
    # numpy's BLAS on one thread, for both libraries, as the auditor command runs it: neither
    # multiplies matrices, and the idle threads BLAS starts would otherwise be counted in the
    # CPU time of the runs (tens of milliseconds per process) for no work.
    env.setdefault("OPENBLAS_NUM_THREADS", "1")
    return env


def measure(kind: str, source: Path, n: int, cache: Path) -> dict:
    env = child_env(cache)
    out = subprocess.run([sys.executable, __file__, "--child", kind, "--shared-file", str(source), "--docs", str(n)],
                         capture_output=True, text=True, env=env, check=False)
    if out.returncode != 0:
        raise SystemExit(f"{kind} run failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def time_cli(corpus: Path, cache: Path) -> tuple[float, float]:
    """(seconds, CPU seconds) of the whole command, start-up included."""
    env = child_env(cache)
    command = [sys.executable, "-m", "auditor", "check", str(corpus), "--no-grammar", "--jobs", "1",
               "--quiet", "--exit-zero"]
    wrapper = ("import resource, subprocess, sys, time\n"
               "t = time.perf_counter()\n"
               "code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
               "dt = time.perf_counter() - t\n"
               "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
               "print(dt, usage.ru_utime + usage.ru_stime, code)\n")
    out = subprocess.run([sys.executable, "-c", wrapper, *command], capture_output=True, text=True, env=env, cwd=ROOT,
                         check=False)
    seconds, cpu, code = out.stdout.split()
    if int(code) != 0:
        raise SystemExit(f"exit {code}: {' '.join(command)}")
    return float(seconds), float(cpu)


def spread(values: list[float], unit: str) -> str:
    return f"{max(values):,.0f} {unit} (runs: {', '.join(f'{v:,.0f}' for v in values)})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=1101)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--shared", type=Path, default=Path(os.environ.get("AUDITOR_SHARED", ROOT.parent / "shared")))
    parser.add_argument("--child", choices=("datatrove", "audit", "batch"), help=argparse.SUPPRESS)
    parser.add_argument("--shared-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.shared_file, args.docs)
        return 0

    source = args.shared / "eval" / "bbc-dev.jsonl"
    if not source.is_file():
        print(f"skipped: {source} is absent (the evaluation data lives beside the project, not in it)")
        return 0
    records = read_texts(source, args.docs)
    n = len(records)
    try:
        import datatrove  # noqa: F401
        kinds = ["datatrove", "audit", "batch"]
    except ImportError:
        print("datatrove is not installed (pip install -e '.[bench]'): its chain is skipped")
        kinds = ["audit", "batch"]
    print(f"{n:,} documents of {source.name}, {args.repeat} run(s) each, a fresh process per run")
    rates: dict[str, list[float]] = {kind: [] for kind in kinds + ["check"]}
    cpu_rates: dict[str, list[float]] = {kind: [] for kind in rates}
    best_times: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="auditor-warmstart-") as work:
        corpus = Path(work) / "bbc.jsonl"
        cache = Path(work) / "cache"
        corpus.write_text("".join(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n"
                                  for r in records), encoding="utf-8")
        # One untimed run on one article first, so that every module's byte code and the precompiled
        # data (rule packs, gazetteers, word table) are cached as after an install and a first run.
        first = Path(work) / "one.jsonl"
        first.write_text(corpus.read_text(encoding="utf-8").split("\n", 1)[0] + "\n", encoding="utf-8")
        subprocess.run([sys.executable, "-m", "auditor", "check", str(first), "--no-grammar", "--quiet",
                        "--exit-zero"], env=child_env(cache), cwd=ROOT, stdout=subprocess.DEVNULL, check=False)
        for _ in range(args.repeat):
            for kind in kinds:
                result = measure(kind, source, n, cache)
                rates[kind].append(n / sum(result["times"]))
                cpu_rates[kind].append(n / result["cpu"])
                if rates[kind][-1] == max(rates[kind]):
                    best_times[kind] = result["times"]
            seconds, cpu = time_cli(corpus, cache)
            rates["check"].append(n / seconds)
            cpu_rates["check"].append(n / cpu)
    labels = {"datatrove": "datatrove chain (library)", "audit": "audit() (library)",
              "batch": "audit_batch() (library)", "check": "auditor check --no-grammar --jobs 1 (end to end)"}
    for kind, values in rates.items():
        line = f"  {labels[kind]}: {spread(values, 'docs/s')}, {spread(cpu_rates[kind], 'docs per CPU-second')}"
        if kind in best_times:
            times = best_times[kind]
            line += (f"; per document, first 100: {1000 * sum(times[:100]) / len(times[:100]):.2f} ms, "
                     f"last 100: {1000 * sum(times[-100:]) / len(times[-100:]):.2f} ms")
        print(line)
    if "datatrove" in rates:
        base = max(rates["datatrove"])
        cpu_base = max(cpu_rates["datatrove"])
        names = {"audit": "audit()", "batch": "audit_batch()", "check": "check"}
        ratios = ", ".join(f"{names[kind]} {max(rates[kind]) / base:.1f}x" for kind in names)
        cpu_ratios = ", ".join(f"{max(cpu_rates[kind]) / cpu_base:.1f}x" for kind in names)
        print(f"  ratio, best against best: {ratios} datatrove's chain (per CPU-second: {cpu_ratios})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
