"""``audit_frame``: audit a pandas DataFrame of articles, get a DataFrame of results.

For notebooks and pipelines: one row out per row in (same index), with the columns of
``auditor report``'s summary table (score, verdict, language, words, readability, counts per
severity and per category, top rules) and, in ``finding_list``, each row's findings as dicts.
"""
from __future__ import annotations

from typing import Any

from auditor.batch.report import COLUMNS, error_row, summary_row


def audit_frame(df, text_column: str = "text", id_column: str | None = None, *, corpus: bool = True,
                readability: bool = True, grammar: bool = False, languagetool_url: str | None = None,
                select: tuple = (), ignore: tuple = (), rules: tuple = (), jobs: int = 0, engine: str = "local",
                scheduler: str | None = None, repeated_min_documents: int = 3, details: bool = True):
    """Audit ``df[text_column]`` row by row and return the results as a DataFrame.

    ``id_column`` names the documents (default: the index). ``corpus`` runs the corpus pass over
    the frame's rows (repeated lines, name consensus); ``grammar`` starts or uses a LanguageTool
    server (``languagetool_url``); ``jobs``/``engine``/``scheduler`` choose the process pool or
    dask.distributed as on the command line. A row whose text is missing or not a string gets
    verdict ``error`` and the reason in ``errors``.
    """
    import pandas as pd

    from auditor.batch.run import AuditJob, RulesetSpec
    from auditor.core.document import Document
    from auditor.resources.grammar_session import grammar_options
    from auditor.inputs.reading import InputError
    from auditor.batch.pipeline import BatchOptions, Pipeline
    from auditor.core.score import Thresholds

    if text_column not in df.columns:
        raise KeyError(f"no column {text_column!r} in the frame (columns: {', '.join(map(str, df.columns))})")
    if id_column is not None and id_column not in df.columns:
        raise KeyError(f"no column {id_column!r} in the frame")
    spec = RulesetSpec(select=tuple(select), ignore=tuple(ignore), extra=tuple(str(r) for r in rules))
    ruleset = spec.build()
    texts = df[text_column].tolist()
    ids = [str(v) for v in (df[id_column].tolist() if id_column else df.index.tolist())]

    def items():
        for i, (rid, text) in enumerate(zip(ids, texts)):
            if isinstance(text, str):
                yield Document(text=text, id=rid, path=None, meta={"kind": "frame", "row": i})
            else:
                kind = "missing" if text is None or (isinstance(text, float) and text != text) else type(text).__name__
                yield InputError(rid, f"row {i}: {text_column!r} is {kind}, not text")

    pipeline = Pipeline(items, BatchOptions(jobs=jobs, engine=engine, scheduler=scheduler, quiet=True))
    rows: list[dict[str, Any]] = []
    with pipeline:
        stats = pipeline.corpus() if corpus else None
        with grammar_options(grammar, languagetool_url, ruleset) as options:
            options["readability"] = readability
            options["repeated_min_documents"] = repeated_min_documents
            job = AuditJob(spec, Thresholds(), options, stats)
            for item in pipeline.audit(job, ruleset):
                if isinstance(item, InputError):
                    row = error_row(item)
                    if details:
                        row["finding_list"] = []
                else:
                    row = summary_row(item, None)
                    if details:
                        row["finding_list"] = [f.to_dict() for f in item.findings]
                rows.append(row)
    columns = [name for name, _ in COLUMNS if name not in ("path", "site", "report")]
    if details:
        columns.append("finding_list")
    out = pd.DataFrame([{k: row.get(k) for k in columns} for row in rows], columns=columns, index=df.index)
    return out
