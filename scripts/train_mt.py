"""Rebuild the shipped machine-translation model from ../shared/eval, and measure it.

    python scripts/train_mt.py                      # figures (tune part vs test part) and the model
    python scripts/train_mt.py --figures-only       # figures, no model written
    python scripts/train_mt.py --out /tmp/m.npz     # write elsewhere (compare two runs' sha256)

Data: mt-dev.jsonl.gz (native, human, machine, round-trip texts), bbc-dev.jsonl and the gold bodies
of aeb-dev.jsonl (more natives). Parts: every document goes whole to the tune or the test part by a
hash of its key, so no document's translations are on both sides; the machine translations of the
systems in HELD_OUT_SYSTEMS are never trained on, to imitate systems the model has not seen.
Figures: the tune part is scored out of fold (cross-validation by document inside it), the test
part by the model fitted on the tune part. The shipped model is fitted on both parts (the held-out
systems included) with the same settings; its metadata keeps the tune/test figures.

Needs the ``train`` extra (scikit-learn). Fixed seed; the same data gives the same bytes.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from auditor.resources.mt_model import DEFAULT_BITS, DEFAULT_MODEL, file_sha256  # noqa: E402
from auditor.resources.mt_train import (  # noqa: E402
    CALIBRATION_NATIVE_SHARE, DEFAULT_ALPHA, NATIVE_SHARE, POSITIVE, ROUNDTRIP_SHARE, auroc, design_matrix,
    expected_calibration_error, fit, sample_weights, scores,
)

EVAL = ROOT / ".." / "shared" / "eval"
FILES = ("mt-dev.jsonl.gz", "bbc-dev.jsonl", "aeb-dev.jsonl")
HELD_OUT_SYSTEMS = ("Online-W", "JDExploreAcademy")
SEED = 20221207
THRESHOLD = 0.5
MIN_WORDS = 50


def load(eval_dir: Path) -> list[dict]:
    rows = []
    with gzip.open(eval_dir / "mt-dev.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            # A document key: WMT22 pairs reuse line-range names, so the pair is part of the key there.
            pair_key = r["pair"] if r["corpus"] == "wmt22" else ""
            source = f"{r['corpus']}-natives" if r["origin"] == "native" else r["corpus"]
            rows.append(dict(text=r["text"], origin=r["origin"], pair=r["pair"], system=r["system"] or "",
                             corpus=r["corpus"], source=source, key=f"{r['corpus']}:{pair_key}:{r['doc']}",
                             doc=r["doc"], id=r["id"]))
    with open(eval_dir / "bbc-dev.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            rows.append(dict(text=r["text"], origin="native", pair="en", system="", corpus="bbc",
                             source="bbc-dev", key=f"bbc:{r['id']}", doc=r["id"], id=r["id"]))
    with open(eval_dir / "aeb-dev.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            rows.append(dict(text=r["gold"], origin="native", pair="en", system="", corpus="aeb",
                             source="aeb-dev-gold", key=f"aeb:{r['id']}", doc=r["id"], id=r["id"]))
    return rows


def part_of(key: str) -> str:
    return "test" if hashlib.sha256(key.encode()).digest()[0] % 2 else "tune"


def words(text: str) -> int:
    return len(text.split())


def figures(rows: list[dict], probs: np.ndarray, logits: np.ndarray) -> dict:
    """AUROC, flagged shares and calibration error of one part."""
    origin = np.array([r["origin"] for r in rows])
    source = np.array([r["source"] for r in rows])
    pair = np.array([r["pair"] for r in rows])
    corpus = np.array([r["corpus"] for r in rows])
    system = np.array([r["system"] for r in rows])
    scored = ~np.isnan(probs)
    unseen = np.isin(system, HELD_OUT_SYSTEMS)
    out: dict = {"texts": int(len(rows)), "without_probability": round(float(1 - scored.mean()), 4)}

    def share(mask):
        m = mask & scored
        return {"flagged": round(float((probs[m] >= THRESHOLD).mean()), 4) if m.any() else None, "n": int(m.sum())}

    def roc(pos, neg):
        value = auroc(logits[pos & scored], logits[neg & scored])
        return None if value is None else round(value, 4)

    machine = origin == "machine"
    seen_machine = machine & ~unseen
    native = origin == "native"
    human = origin == "human"
    out["flagged"] = {o: share(origin == o) for o in ("native", "human", "machine", "roundtrip")}
    out["flagged"]["machine, unseen systems"] = share(machine & unseen)
    out["flagged_natives_by_source"] = {s: share(native & (source == s)) for s in sorted(set(source[native]))}
    out["auroc"] = {
        "native-vs-machine": roc(machine, native),
        "human-vs-machine": roc(machine, human),
        "native-vs-roundtrip": roc(origin == "roundtrip", native),
        "native-vs-machine, unseen systems": roc(machine & unseen, native),
        "human-vs-machine, unseen systems": roc(machine & unseen, human),
        "human-vs-machine, seen systems": roc(seen_machine, human),
    }
    out["by_pair"] = {}
    for p in sorted(set(pair[machine])):
        for c in sorted(set(corpus[machine & (pair == p)])):
            m = machine & (pair == p) & (corpus == c)
            h = human & (pair == p) & (corpus == c)
            out["by_pair"][f"{c} {p}"] = {
                "native-vs-machine": roc(m, native), "human-vs-machine": roc(m, h),
                "machine flagged": share(m)["flagged"], "human flagged": share(h)["flagged"],
                "machine n": int(m.sum()), "human n": int(h.sum()),
            }
    labels = np.isin(origin, POSITIVE).astype(int)
    # Calibration error with the weights the calibration was fitted with (machine against human
    # translations, equal priors), and with natives sharing the negative half equally.
    for name, share in (("ece_machine_vs_human", CALIBRATION_NATIVE_SHARE), ("ece_machine_vs_not_machine", 0.5)):
        w = sample_weights(list(origin), native_share=share)
        keep = scored & (w > 0)
        out[name] = round(expected_calibration_error(probs[keep], labels[keep], w[keep]), 4)
    out["human_below_machine_same_text"] = _pair_ranking(rows, probs)
    return out


def _pair_ranking(rows, probs) -> dict:
    """How often a human translation gets a lower probability than a machine translation of the
    same unit (WMT22: same doc and chunk), ties counting half."""
    by_unit: dict[str, dict] = {}
    for r, p in zip(rows, probs):
        if r["corpus"] != "wmt22" or r["origin"] not in ("human", "machine") or np.isnan(p):
            continue
        unit = f"{r['pair']}:{r['doc']}#{r['id'].rsplit('#', 1)[-1]}"
        by_unit.setdefault(unit, {"human": [], "machine": []})[r["origin"]].append(p)
    wins = total = 0.0
    for unit in by_unit.values():
        for h in unit["human"]:
            for m in unit["machine"]:
                wins += 1.0 if h < m else 0.5 if h == m else 0.0
                total += 1
    return {"share": round(wins / total, 4) if total else None, "pairs": int(total)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=EVAL, help="the folder of mt-dev.jsonl.gz (default ../shared/eval)")
    ap.add_argument("--out", type=Path, default=DEFAULT_MODEL)
    ap.add_argument("--figures-only", action="store_true")
    ap.add_argument("--model-only", action="store_true", help="fit the shipped model, skip the tune/test figures")
    ap.add_argument("--alpha", type=float, default=DEFAULT_ALPHA, help="L2 penalty of the linear model")
    ap.add_argument("--bits", type=int, default=DEFAULT_BITS)
    ap.add_argument("--figures-json", type=Path, help="also write the figures here")
    ap.add_argument("--tune-model", type=Path, help="also write the model fitted on the tune part here "
                    "(benchmarks/mt.py --mt-model measures the whole audit with it on the test part)")
    ap.add_argument("--dump-logits", type=Path, help="write every text's tune and test logits here (npz)")
    args = ap.parse_args(argv)
    started = time.time()
    rows = [r for r in load(args.eval) if words(r["text"]) >= MIN_WORDS]
    matrix = design_matrix([r["text"] for r in rows], args.bits)
    print(f"{len(rows)} texts featurized in {time.time() - started:.0f} s", file=sys.stderr)
    parts = np.array([part_of(r["key"]) for r in rows])
    unseen = np.array([r["system"] in HELD_OUT_SYSTEMS for r in rows])
    origin = [r["origin"] for r in rows]
    keys = [r["key"] for r in rows]
    result: dict = {"seed": SEED, "alpha": args.alpha, "bits": args.bits, "held_out_systems": list(HELD_OUT_SYSTEMS)}
    if not args.model_only:
        train_rows = np.flatnonzero((parts == "tune") & ~unseen)
        fitted = fit([None] * len(train_rows), [origin[i] for i in train_rows], [keys[i] for i in train_rows],
                     seed=SEED, alpha=args.alpha, bits=args.bits, matrix=matrix[train_rows])
        model = fitted.model
        logits, probs = scores(model, matrix)
        # Tune part: out-of-fold logits for what was trained on; the held-out systems' texts of
        # the tune part were never trained on, so the fitted model scores them.
        tune_logits = logits.copy()
        tune_logits[train_rows] = fitted.oof_logits
        tune_probs = 1 / (1 + np.exp(-(model.platt_a * tune_logits + model.platt_b)))
        tune = np.flatnonzero(parts == "tune")
        test = np.flatnonzero(parts == "test")
        result["tune"] = figures([rows[i] for i in tune], tune_probs[tune], tune_logits[tune])
        result["test"] = figures([rows[i] for i in test], probs[test], logits[test])
        result["platt"] = [model.platt_a, model.platt_b]
        if args.tune_model:
            model.save(args.tune_model)
        if args.dump_logits:
            np.savez(args.dump_logits, tune_logits=tune_logits, logits=logits, parts=parts,
                     origin=np.array(origin), source=np.array([r["source"] for r in rows]))
        print(json.dumps(result, indent=1))
        print(f"figures in {time.time() - started:.0f} s", file=sys.stderr)
    if args.figures_json:
        args.figures_json.write_text(json.dumps(result, indent=1))
    if args.figures_only:
        return 0
    data_hash = file_sha256(*(args.eval / f for f in FILES))
    meta = {
        "name": "mt-en", "trained_on": list(FILES), "data_sha256": data_hash, "min_words": MIN_WORDS,
        "feature_spec": "normalized text (quotes ASCII, white space one space, lower case, digits 0, "
                        "names N); hashed char 4-grams and word 1-2-grams (punctuation marks as words), "
                        "each group's term frequencies divided by its size; "
                        "auditor.resources.mt_model.features",
        "weights": {"native_share": NATIVE_SHARE, "roundtrip_share": ROUNDTRIP_SHARE},
        "calibration": "Platt scaling on out-of-fold logits (4 folds by document): machine output (round "
                       "trips at their training share) against human translations, classes weighted equally",
        "figures": {k: result.get(k) for k in ("tune", "test")},
    }
    fitted = fit([None] * len(rows), origin, keys, seed=SEED, alpha=args.alpha, bits=args.bits, meta=meta, matrix=matrix)
    fitted.model.save(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB, sha256 {file_sha256(args.out)}) "
          f"in {time.time() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
