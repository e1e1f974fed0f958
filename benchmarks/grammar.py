"""Grammar throughput: `auditor check --grammar` against the LanguageTool server alone, same texts.

The first N BBC development articles (../shared/eval/bbc-dev.jsonl) are checked twice by one
warm LanguageTool server:

- "server alone": each text is posted to ``/v2/check`` with the parameters the auditor sends
  (language, spelling categories off, the same disabled rules), from ``--jobs`` threads at once;
- "auditor": ``auditor check FILE.jsonl --grammar --languagetool-url URL --jobs J`` on the same
  texts (reading, language detection, every rule, the grammar findings, the JSON output).

The ratio auditor / server is the share of the server's own rate that a grammar run keeps (the
goal is at least 0.8). Both are timed after a warm-up pass over the same texts (the JVM compiles
LanguageTool's hot paths during the first checks), server runs before and after the auditor's are averaged,
and the start-up of a server (what a run without a kept-up server pays once) is timed apart.

    python benchmarks/grammar.py [--docs 300] [--jobs 2] [--languagetool-url URL] [--shared PATH]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def texts_from(shared: Path, n: int) -> list[dict]:
    path = shared / "eval" / "bbc-dev.jsonl"
    if not path.is_file():
        sys.exit(f"{path} is absent: the evaluation data ships beside the project, not in it")
    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    return records[:n]


def server_alone(url: str, texts: list[str], jobs: int) -> float:
    """Seconds to check every text by posting it straight to /v2/check from ``jobs`` threads."""
    from auditor.detectors.languagetool import DISABLED_RULES
    from auditor.resources.grammar_client import check_params

    def post(text: str) -> int:
        data = urllib.parse.urlencode(check_params(text, "en-US", DISABLED_RULES)).encode("utf-8")
        request = urllib.request.Request(url + "/v2/check", data=data, method="POST")
        with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310 (localhost)
            return len(json.loads(response.read())["matches"])

    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(post, texts))
    return time.perf_counter() - began


def auditor_run(url: str, corpus: Path, jobs: int) -> tuple[float, dict]:
    """Seconds for `auditor check --grammar` on the corpus, and the grammar statuses it reported."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    command = [sys.executable, "-m", "auditor", "check", str(corpus), "--grammar", "--languagetool-url", url,
               "--jobs", str(jobs), "--format", "json", "--exit-zero", "--quiet"]
    began = time.perf_counter()
    out = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    seconds = time.perf_counter() - began
    statuses: dict[str, int] = {}
    for document in json.loads(out.stdout)["documents"]:
        status = document["grammar"]["status"]
        statuses[status] = statuses.get(status, 0) + 1
    return seconds, statuses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--warm-up", type=int, default=None,
                        help="texts checked before timing starts [default: all of them, once]")
    parser.add_argument("--languagetool-url", help="a running server (default: start one)")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()

    records = texts_from(args.shared, args.docs)
    texts = [r["text"] for r in records]
    from auditor.resources.grammar_server import LanguageToolServer

    server = None
    url = args.languagetool_url
    if not url:
        began = time.perf_counter()
        server = LanguageToolServer().start()
        print(f"server start-up (once per run without `auditor grammar serve`): "
              f"{time.perf_counter() - began:.1f} s")
        url = server.url
    try:
        with tempfile.TemporaryDirectory(prefix="auditor-grammar-bench-") as tmp:
            corpus = Path(tmp) / f"bbc-{len(texts)}.jsonl"
            with corpus.open("w", encoding="utf-8") as handle:
                for r in records:
                    handle.write(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n")
            server_alone(url, texts[:args.warm_up] if args.warm_up is not None else texts, args.jobs)
            before = server_alone(url, texts, args.jobs)
            ours, statuses = auditor_run(url, corpus, args.jobs)
            after = server_alone(url, texts, args.jobs)
    finally:
        if server is not None:
            server.stop()
    alone = (before + after) / 2
    n = len(texts)
    print(f"{n} BBC development articles, {args.jobs} concurrent client(s), {os.cpu_count()} cores")
    print(f"server alone      : {n / alone:6.1f} docs/s ({before:.1f} s and {after:.1f} s)")
    print(f"auditor --grammar : {n / ours:6.1f} docs/s ({ours:.1f} s, process start included); grammar {statuses}")
    print(f"ratio             : {alone / ours:.2f} of the server's own rate (goal: at least 0.8)")


if __name__ == "__main__":
    main()
