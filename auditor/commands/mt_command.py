"""`auditor train-mt`: a machine-translation model trained on the user's own text.

Inputs are read like ``check`` reads them (text and HTML files, folders, JSONL/CSV/Parquet record
files), one option per class. A share of the texts (by a hash of each text's group: its
``--group-field`` value, else its id) is held out; the model fitted on the rest is measured on it
and the figures printed; then the model is fitted on everything and written.
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import click

from auditor.resources.mt_settings import DEFAULT_BITS

MIN_WORDS = 50
THRESHOLD = 0.5


def mt_options(config) -> dict:
    """Audit options for the machine-translation rules: the model path (validated here, so a bad
    file stops the run with its name) and the threshold, from --mt-model or the configuration."""
    options: dict = {}
    context = click.get_current_context(silent=True)
    path = (context.meta.get("mt_model") if context else None) or getattr(config, "mt_model", None)
    if path:
        from auditor.resources.mt_model import ModelError, load_model  # numpy: only when a model is named

        try:
            load_model(str(path))
        except ModelError as exc:
            raise click.UsageError(str(exc)) from None
        options["mt_model"] = str(path)
    if getattr(config, "mt_threshold", None) is not None:
        options["mt_threshold"] = float(config.mt_threshold)
    return options


def _remember_model(context, _param, value):
    if value:
        context.meta["mt_model"] = value


MT_MODEL_OPTION = click.option(
    "--mt-model", type=click.Path(exists=True, dir_okay=False), default=None, expose_value=False,
    callback=_remember_model,
    help="Machine-translation model to use (auditor train-mt) [default: configuration mt_model, else the shipped one].")


def _texts(paths, text_field, group_field, label) -> list[tuple[str, str]]:
    from auditor.inputs.reading import InputError, read_sources

    options = {"text_field": text_field} if text_field else {}
    out = []
    for item in read_sources(paths, options):
        if isinstance(item, InputError):
            raise click.UsageError(f"{item.path}: {item.message}")
        group = str((item.meta or {}).get(group_field) or "") if group_field else ""
        out.append((item.text, group or f"{label}:{item.id}"))
    return out


def held_out(group: str, share: float) -> bool:
    return int.from_bytes(hashlib.sha256(group.encode()).digest()[:4], "big") / 2**32 < share


@click.command("train-mt")
@click.option("--native", "natives", multiple=True, required=True, metavar="PATH",
              help="Text written in English (files, folders, record files); repeatable.")
@click.option("--human", "humans", multiple=True, metavar="PATH", help="English translated by people; repeatable.")
@click.option("--machine", "machines", multiple=True, required=True, metavar="PATH",
              help="English translated by machine; repeatable.")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False), help="Model file to write (.npz).")
@click.option("--text-field", metavar="NAME", help="Record inputs: the field holding the text [default: text].")
@click.option("--group-field", metavar="NAME",
              help="Record inputs: a field shared by the translations of one source text, kept on one "
                   "side of the held-out split [default: each text is its own group].")
@click.option("--test-share", type=click.FloatRange(0.05, 0.5), default=0.25, show_default=True,
              help="Share of groups held out for the printed figures.")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--alpha", type=click.FloatRange(min=0, min_open=True), default=None,
              help="L2 penalty of the linear model [default: the shipped model's].")
@click.option("--bits", type=click.IntRange(10, 24), default=DEFAULT_BITS, show_default=True,
              help="Feature table size, 2**BITS weights (4 bytes each, compressed).")
def train_mt(natives, humans, machines, out, text_field, group_field, test_share, seed, alpha, bits):
    """Train a machine-translation model on your own native, human- and machine-translated text."""
    from auditor.resources.mt_train import INSTALL_HINT, TrainingUnavailable

    try:
        import sklearn  # noqa: F401
    except ImportError:
        click.echo(f"auditor: {INSTALL_HINT}", err=True)
        sys.exit(2)
    from auditor.resources.mt_model import file_sha256
    from auditor.resources.mt_train import DEFAULT_ALPHA, design_matrix, fit, summary

    labelled = []
    for origin, paths in (("native", natives), ("human", humans), ("machine", machines)):
        for text, group in _texts(paths, text_field, group_field, origin):
            if len(text.split()) >= MIN_WORDS:
                labelled.append((text, origin, group))
    counts = {o: sum(1 for _, origin, _ in labelled if origin == o) for o in ("native", "human", "machine")}
    click.echo(f"texts of {MIN_WORDS} words or more: " + ", ".join(f"{n} {o}" for o, n in counts.items()), err=True)
    if counts["machine"] < 2 or counts["native"] + counts["human"] < 2:
        raise click.UsageError("need at least two machine-translated texts and two others "
                               f"of {MIN_WORDS} words or more")
    alpha = DEFAULT_ALPHA if alpha is None else alpha
    texts = [t for t, _, _ in labelled]
    origins = [o for _, o, _ in labelled]
    groups = [g for _, _, g in labelled]
    try:
        matrix = design_matrix(texts, bits)
    except TrainingUnavailable as exc:
        click.echo(f"auditor: {exc}", err=True)
        sys.exit(2)
    test = [held_out(g, test_share) for g in groups]
    train_rows = [i for i, t in enumerate(test) if not t]
    test_rows = [i for i, t in enumerate(test) if t]
    figures = None
    if test_rows and len({origins[i] in ("machine",) for i in train_rows}) == 2:
        fitted = fit(None, [origins[i] for i in train_rows], [groups[i] for i in train_rows], seed=seed, alpha=alpha,
                     bits=bits, matrix=matrix[train_rows])
        figures = summary(fitted.model, matrix[test_rows], [origins[i] for i in test_rows], THRESHOLD)
        click.echo(json.dumps({"held_out": figures}, indent=1))
    else:
        click.echo("too few texts to hold some out: no figures", err=True)
    meta = {"name": Path(out).stem, "trained_on": [str(p) for p in (*natives, *humans, *machines)],
            "counts": counts, "figures": {"held_out": figures}, "min_words": MIN_WORDS}
    fitted = fit(None, origins, groups, seed=seed, alpha=alpha, bits=bits, meta=meta, matrix=matrix)
    fitted.model.save(out)
    click.echo(f"wrote {out} (sha256 {file_sha256(out)})", err=True)
