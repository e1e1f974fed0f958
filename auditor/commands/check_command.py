"""`auditor check`: audit the inputs, gate each report, print it in the chosen format.

Every report goes through one gate (``Gate.judge``: configured suppressions, then the baseline,
rescore, fail or not). Reports are printed as they come unless the whole run must be seen first:
a baseline being written (it is collected, then printed), JUnit (one document for the run), or text
and JSON that list set-aside findings. Exit codes: setup.EXIT_* (1 when a document fails the gate,
unless --exit-zero).
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import click

from auditor.commands.setup import EXIT_ERROR


@dataclass(frozen=True)
class GateOptions:
    """--fail-under, --fail-on, --exit-zero, --baseline, --write-baseline."""

    fail_under: float | None = None
    fail_on: str | None = None
    exit_zero: bool = False
    baseline_path: str | None = None
    write_baseline: str | None = None


@dataclass(frozen=True)
class OutputOptions:
    """--format, --report-dir, --show-info, --show-suppressed, --max-results, --max-annotations."""

    fmt: str = "text"
    report_dir: str | None = None
    show_info: bool = False
    show_suppressed: bool = False
    max_results: int = 20_000
    max_annotations: int = 10


def read_baseline(path):
    if not path:
        return None
    from auditor.engine.baseline import Baseline, BaselineError

    try:
        return Baseline.read(Path(path))
    except BaselineError as exc:
        click.echo(f"auditor: {exc}", err=True)
        sys.exit(EXIT_ERROR)


def make_gate(options: GateOptions, config, thresholds):
    from auditor.engine.gate import Gate

    fail_under = options.fail_under if options.fail_under is not None else config.fail_under
    return Gate(config.suppressions or None, read_baseline(options.baseline_path), thresholds,
                fail_under, options.fail_on)


def run_check(pipeline, job, ruleset, gate, output: OutputOptions, gate_options: GateOptions, errors: list,
              corpus: bool) -> int:
    """Audit, gate and print every report; returns how many documents fail the gate."""
    from auditor.inputs.reading import InputError

    reports = (r for r in pipeline.audit(job, ruleset) if not isinstance(r, InputError))
    if gate_options.write_baseline:
        # The baseline records the whole run; the run is then reported against it.
        reports = list(reports)
        gate.baseline = write_baseline(gate, reports, gate_options.write_baseline)
    stream = _stream(output, ruleset, gate, corpus, baseline_shown=gate.baseline is not None)
    if stream is None:  # one document for the whole run
        judged = [gate.judge(r) for r in reports]
        _write_reports(output.report_dir, [r for r, _ in judged], errors)
        failed = [r for r, fails in judged if fails]
        _render_whole(output, ruleset, gate, [r for r, _ in judged], failed, errors, corpus)
        return len(failed)
    failed = 0
    root = Path(output.report_dir) if output.report_dir else None
    for report in reports:
        report, fails = gate.judge(report)
        failed += fails
        if root is not None:
            _write_reports(root, [report], errors)
        stream.add(report, fails)
    stream.close(errors)
    return failed


def write_baseline(gate, reports: list, path: str):
    """Record the run's findings (configured suppressions set aside) as the baseline FILE."""
    from auditor.engine.baseline import Baseline
    from auditor.engine.gate import apply

    baseline = Baseline.from_reports(Path(path), apply(reports, gate.suppressions, None, gate.thresholds))
    try:
        baseline.write()
    except OSError as exc:
        click.echo(f"auditor: cannot write baseline {path}: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(f"auditor: wrote baseline {path}: {baseline.count} finding(s) "
               f"in {sum(1 for c in baseline.files.values() if c)} file(s)", err=True)
    return baseline


def _color() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _corpus_note(corpus: bool) -> str:
    from auditor.formats.text import CORPUS_OFF_NOTE

    return "" if corpus else CORPUS_OFF_NOTE


def _stream(output: OutputOptions, ruleset, gate, corpus: bool, baseline_shown: bool):
    """A format that prints each report as it comes (the same bytes as its ``render``), or None.

    Text and JSON list set-aside findings per document only in their whole-run form, so they
    stream when nothing is set aside or nobody asked to see it."""
    set_aside = gate.suppressions is not None or gate.baseline is not None
    if output.fmt == "json" and not set_aside:
        from auditor.formats.stream import JsonStream

        return JsonStream(sys.stdout)
    if output.fmt == "text" and not (set_aside or output.show_suppressed):
        from auditor.formats.stream import TextStream

        return TextStream(sys.stdout, output.show_info, _color(), _corpus_note(corpus))
    if output.fmt == "sarif":
        from auditor.formats.sarif import SarifStream

        return SarifStream(sys.stdout, rules=ruleset.by_code, baseline=baseline_shown,
                           suppressed=output.show_suppressed, max_results=output.max_results)
    if output.fmt == "github":
        from auditor.formats.github import GithubStream

        return GithubStream(sys.stdout, show_info=output.show_info, max_annotations=output.max_annotations)
    return None


def _render_whole(output: OutputOptions, ruleset, gate, reports: list, failed: list, errors: list,
                  corpus: bool) -> None:
    from auditor.engine.gate import gate_key

    failed_ids = frozenset(gate_key(r) for r in failed)
    if output.fmt == "json":
        from auditor.formats.json_format import render
    elif output.fmt == "sarif":
        from auditor.formats.sarif import render
        render = partial(render, rules=ruleset.by_code, baseline=gate.baseline is not None, failed=failed_ids,
                         suppressed=output.show_suppressed, max_results=output.max_results)
    elif output.fmt == "github":
        from auditor.formats.github import render
        render = partial(render, show_info=output.show_info, failed=failed_ids,
                         max_annotations=output.max_annotations)
    elif output.fmt == "junit":
        from auditor.formats.junit import render
        render = partial(render, show_info=output.show_info, failed=failed_ids)
    else:
        from auditor.formats.text import render
        render = partial(render, show_info=output.show_info, color=_color(), failed=failed_ids,
                         show_suppressed=output.show_suppressed, corpus_note=_corpus_note(corpus))
    sys.stdout.write(render(reports, errors))


def _write_reports(root, reports, errors) -> None:
    """A JSON and a Markdown report per document under --report-dir."""
    if not root:
        return
    from auditor.core.output import UnsafeOutputPath, safe_join, write_atomic
    from auditor.formats import json_format, markdown
    from auditor.inputs.reading import InputError

    for r in reports:
        try:
            base = safe_join(Path(root), r.document.id)
        except UnsafeOutputPath as exc:
            errors.append(InputError(r.document.id, str(exc)))
            continue
        write_atomic(base.with_name(base.name + ".json"), json_format.render_one(r))
        write_atomic(base.with_name(base.name + ".md"), markdown.render_one(r))
