"""The machine-translation model in the auditor: speed, whole-audit figures, MQM sentences, seeds.

    python benchmarks/mt.py                 # everything below, with the shipped model
    python benchmarks/mt.py --speed-only    # the timing alone (--speed for short)
    python scripts/train_mt.py --figures-only --tune-model /tmp/mt-tune.npz
    python benchmarks/mt.py --mt-model /tmp/mt-tune.npz   # honest figures: the shipped model was
                                            # trained on all of bbc-dev and mt-dev; this one on the tune part only

- speed: the model's probability per BBC development article (2.25 KB of text on average; CPU
  time of the median of seven passes over the 1,124 articles, and of the best), and TR201/TR202
  inside a full audit (mean over the articles, after one warm-up);
- bbc-dev: articles with any warning or error (every rule, grammar off), and those TR201 flags,
  over all articles and over the test part of scripts/train_mt.py;
- ranking: on the WMT22 units of mt-dev.jsonl.gz (test part of scripts/train_mt.py), how often the
  reliability score ranks the human translation above a machine translation of the same unit
  (ties half), and how often the probability ranks them that way;
- MQM (mqm-ted-zhen-dev.tsv): AUROC of sentence probabilities, sentences with a Fluency or Style
  error against sentences rated error-free by every rater (a figure, not a target);
- seeds: each seed's probability and verdict.

Data: ../shared/eval and ../shared/seeds (not part of the project).
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import platform
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from auditor import Document, audit, load_ruleset  # noqa: E402
from auditor.resources.mt_model import load_model  # noqa: E402
from auditor.resources.mt_train import auroc  # noqa: E402

SHARED = ROOT / ".." / "shared"
EVAL = SHARED / "eval"
SEEDS = SHARED / "seeds"
SPEED_PASSES = 7  # passes over the BBC articles; the median pass is reported


def bbc_records() -> list[dict]:
    with open(EVAL / "bbc-dev.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def speed(texts: list[str], model, passes: int = SPEED_PASSES) -> dict:
    """The model's probability per document: CPU time (what the process itself spent: steadier
    on a shared machine) and wall time, per pass over every text; the median pass and the best."""
    model.probability(texts[0])
    cpu, wall = [], []
    for _ in range(passes):
        started_wall, started_cpu = time.perf_counter(), time.process_time()
        for text in texts:
            model.probability(text)
        cpu.append((time.process_time() - started_cpu) / len(texts) * 1e3)
        wall.append((time.perf_counter() - started_wall) / len(texts) * 1e3)
    return {"model_ms_per_document_cpu": round(float(np.median(cpu)), 4),
            "model_ms_per_document_cpu_best": round(min(cpu), 4),
            "model_ms_per_document_wall": round(float(np.median(wall)), 4),
            "passes": passes, "documents": len(texts), "mean_chars": round(float(np.mean([len(t) for t in texts])))}


def audit_bbc(records: list[dict], options: dict) -> dict:
    from train_mt import part_of

    ruleset = load_ruleset()
    out = {}
    for part in ("all", "test"):
        texts = [r["text"] for r in records if part == "all" or part_of(f"bbc:{r['id']}") == part]
        warned = flagged = 0
        probabilities = []
        for text in texts:
            report = audit(Document(text), ruleset, options=options)
            if any(f.severity.value in ("warning", "error") for f in report.findings):
                warned += 1
            if any(f.code == "TR201" for f in report.findings):
                flagged += 1
            probabilities.append(report.mt["probability"])
        out[part] = {"articles": len(texts), "with_warning_or_error": warned, "share": round(warned / len(texts), 4),
                     "TR201_flagged": flagged, "TR201_share": round(flagged / len(texts), 4),
                     "without_probability": sum(p is None for p in probabilities)}
    return out


def audit_speed(texts: list[str], options: dict) -> dict:
    """A whole audit (grammar off) with and without the machine-translation stage and rules."""
    out = {}
    for name, opts in (("with_mt", options), ("without_mt", dict(options, mt_model=str(ROOT / "missing.npz")))):
        ruleset = load_ruleset(ignore=[] if name == "with_mt" else ["TR2"])
        audit(Document(texts[0]), ruleset, options=opts)
        started = time.perf_counter()
        for text in texts:
            audit(Document(text), ruleset, options=opts)
        out[name] = round((time.perf_counter() - started) / len(texts) * 1e3, 3)
    return out


def ranking(part: str, options: dict) -> dict:
    """Human above machine, same WMT22 unit, by reliability score and by probability."""
    from train_mt import part_of

    ruleset = load_ruleset()
    units: dict[str, dict] = {}
    with gzip.open(EVAL / "mt-dev.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["corpus"] != "wmt22" or r["origin"] not in ("human", "machine"):
                continue
            if part_of(f"wmt22:{r['pair']}:{r['doc']}") != part:
                continue
            report = audit(Document(r["text"], id=r["id"]), ruleset, options=options)
            unit = f"{r['pair']}:{r['doc']}#{r['id'].rsplit('#', 1)[-1]}"
            units.setdefault(unit, {"human": [], "machine": []})[r["origin"]].append(
                (report.score.score, report.mt["probability"]))
    by_score = by_probability = total = 0.0
    texts = sum(len(u["human"]) + len(u["machine"]) for u in units.values())
    missing = sum(p is None for u in units.values() for _, p in u["human"] + u["machine"])
    for unit in units.values():
        for hs, hp in unit["human"]:
            for ms, mp in unit["machine"]:
                total += 1
                by_score += 1.0 if hs > ms else 0.5 if hs == ms else 0.0
                if hp is not None and mp is not None:
                    by_probability += 1.0 if hp < mp else 0.5 if hp == mp else 0.0
    return {"part": part, "texts": texts, "without_probability": missing, "pairs": int(total), "score_ranks_human_higher": round(by_score / total, 4),
            "probability_ranks_human_lower": round(by_probability / total, 4)}


def mqm(model) -> dict:
    """Sentences with a Fluency or Style error (any rater) against sentences no rater marked."""
    marks: dict[tuple, set] = {}
    with open(EVAL / "mqm-ted-zhen-dev.tsv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            key = (row["system"], row["doc"], row["seg_id"])
            target = row["target"].replace("<v>", "").replace("</v>", "")
            entry = marks.setdefault(key, {"target": target, "categories": set()})
            entry["categories"].add(row["category"].split("/")[0])
    bad, clean = [], []
    for entry in marks.values():
        if len(entry["target"].split()) < 5:
            continue
        categories = entry["categories"]
        if categories & {"Fluency", "Style"}:
            bad.append(model.probability(entry["target"]))
        elif categories == {"No-error"}:
            clean.append(model.probability(entry["target"]))
    return {"fluency_or_style": len(bad), "error_free": len(clean),
            "auroc": round(auroc(bad, clean), 4) if bad and clean else None}


def seeds(options: dict) -> dict:
    ruleset = load_ruleset()
    out = {}
    for path in sorted(SEEDS.glob("*.txt")):
        report = audit(Document(path.read_text(encoding="utf-8"), id=path.name), ruleset, options=options)
        out[path.name[:3]] = {"probability": report.mt["probability"], "reason": report.mt["reason"],
                              "score": report.score.score, "TR201": any(f.code == "TR201" for f in report.findings)}
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--speed-only", action="store_true")
    ap.add_argument("--mt-model", help="model file to measure (default: the shipped one)")
    args = ap.parse_args(argv)
    if not EVAL.is_dir():
        print(f"skipped: {EVAL} is absent", file=sys.stderr)
        return 0
    sys.path.insert(0, str(ROOT / "scripts"))
    model = load_model(args.mt_model)
    options = {"mt_model": args.mt_model} if args.mt_model else {}
    records = bbc_records()
    texts = [r["text"] for r in records]
    result = {"machine": f"{platform.machine()}, {platform.python_version()}", "model": model.path,
              "speed": speed(texts, model)}
    if not args.speed_only:
        result["audit_ms_per_document"] = audit_speed(texts[:300], options)
        result["bbc_dev"] = audit_bbc(records, options)
        result["seeds"] = seeds(options)
        result["mqm"] = mqm(model)
        result["ranking"] = [ranking("tune", options), ranking("test", options)]
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
