"""The `auditor` command: a thin layer over ``audit``.

Exit codes: 2 for a usage error or any input that could not be read (it wins); otherwise 1
when a document fails the gate; otherwise 0.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from auditor.commands.cli_options import (GRAMMAR_OPTIONS, MAX_BYTES, batch_options, grammar_and_name_options,
                                          grammar_notice, grammar_wanted, rule_options, selection_options)
from auditor.commands.grammar_command import grammar
from auditor.commands.mt_command import MT_MODEL_OPTION, mt_options, train_mt

EXIT_OK, EXIT_FAIL, EXIT_ERROR = 0, 1, 2


class AuditorGroup(click.Group):
    def main(self, *args, **kwargs):
        # click exits 2 on usage errors already; make every other crash name the problem, exit 2.
        try:
            return super().main(*args, standalone_mode=True, **kwargs)
        except (KeyboardInterrupt, BrokenPipeError):
            sys.exit(EXIT_ERROR)


@click.group(cls=AuditorGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="article-auditor", prog_name="auditor")
def main():
    """Audit articles from the web for chrome and translation damage, and score their reliability."""


def _name_options(config, name_style, name_style_file) -> dict:
    """The house style for names (the command line over the configuration), its file read once."""
    from auditor.resources.name_style import NameStyleError, load_style

    options = {"name_style": name_style or config.name_style or "default"}
    path = name_style_file or config.name_style_file
    if path:
        try:
            options["name_style_forms"] = load_style(Path(path))
        except NameStyleError as exc:
            click.echo(f"auditor: {exc}", err=True)
            sys.exit(EXIT_ERROR)
    return options


def _split_codes(values) -> list[str]:
    out = []
    for v in values:
        out += [c.strip().upper() for c in v.split(",") if c.strip()]
    return out


def _fix_classes(ctx, param, values) -> tuple[str, ...]:
    from auditor.core.findings import FIX_CLASSES

    chosen = [c.strip().lower() for v in values for c in v.split(",") if c.strip()]
    unknown = sorted(set(chosen) - set(FIX_CLASSES))
    if unknown:
        raise click.BadParameter(f"unknown fix class {', '.join(unknown)} (known: {', '.join(FIX_CLASSES)})")
    return tuple(dict.fromkeys(chosen))


def _load(config_path, select, ignore, rules):
    from auditor.batch.run import RulesetSpec
    from auditor.engine.config import ConfigError, load_config
    from auditor.engine.ruleset import RulePackError

    try:
        config = load_config(Path(config_path) if config_path else None)
        spec = RulesetSpec(
            select=tuple(_split_codes(select) or config.select),
            ignore=tuple(_split_codes(ignore) + list(config.ignore)),
            severity=tuple(sorted(config.severity.items())),
            extra=tuple(str(r) for r in list(config.rules) + list(rules)),
        )
        ruleset = spec.build()
    except (ConfigError, RulePackError) as exc:
        click.echo(f"auditor: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    return config, spec, ruleset


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "github", "junit"]), default="text",
              show_default=True, help="Output format on stdout (docs/ci.md).")
@click.option("--report-dir", type=click.Path(file_okay=False), help="Write a JSON and a Markdown report per input here.")
@click.option("--fail-under", type=click.FloatRange(0, 100), help="Fail a document whose score is below this.")
@click.option("--fail-on", type=click.Choice(["warning", "error"]), help="Fail a document with any finding this severe.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when documents fail (input errors still exit 2).")
@rule_options
@batch_options
@MAX_BYTES
@click.option("--show-info", is_flag=True, help="Also print info findings (text, github, junit).")
@click.option("--show-suppressed", is_flag=True,
              help="Also list suppressed and baselined findings (text; SARIF with suppressions).")
@click.option("--readability", is_flag=True, help="Compute readability figures (textstat) for each document.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False),
              help="Only findings missing from this baseline count (docs/ci.md).")
@click.option("--write-baseline", "write_baseline", type=click.Path(dir_okay=False),
              help="Record this run's findings as the baseline FILE; the run then reports against it.")
@click.option("--since", "since", metavar="REV", help="Only check files changed since this git revision (and untracked ones).")
@MT_MODEL_OPTION
@click.option("--max-results", type=click.IntRange(1), default=20_000, show_default=True,
              help="SARIF: keep at most this many results, the most severe (GitHub refuses over 25,000 a run).")
@click.option("--max-annotations", type=click.IntRange(0), default=10, show_default=True,
              help="github: annotations of each kind (error, warning, notice) before one summary per file.")
def check(paths, fmt, report_dir, fail_under, fail_on, exit_zero, select, ignore, rules, config_path, corpus,
          repeated_min_documents, grammar, languagetool_url, grammar_timeout, max_bytes, show_info,
          readability, baseline_path, write_baseline, since, batch, show_suppressed, name_style, name_style_file,
          max_results, max_annotations):
    """Audit PATHS (files, folders, globs, or - for stdin) and gate on the verdicts."""
    from auditor.batch.run import AuditJob
    from auditor.inputs.reading import InputError, read_sources
    from auditor.core.score import Thresholds

    config, spec, ruleset = _load(config_path, select, ignore, rules)
    name_options = _name_options(config, name_style, name_style_file)
    if since is not None and "-" in paths:
        raise click.UsageError("--since checks changed files; it cannot read stdin (-)")
    if since is not None and write_baseline:
        raise click.UsageError("--write-baseline records every file: do not combine it with --since")
    baseline = _read_baseline(baseline_path)
    if since is not None:
        from auditor.inputs.since import SinceError, read_changed

        try:
            changed = list(read_changed(paths, since, batch.read_options(max_bytes)))
        except SinceError as exc:
            click.echo(f"auditor: {exc}", err=True)
            sys.exit(EXIT_ERROR)
        items = lambda: iter(changed)  # noqa: E731
    else:
        read_options = batch.read_options(max_bytes)
        items = lambda: read_sources(paths, read_options)  # noqa: E731
    errors = []
    if sys.stdout.isatty():
        # The findings scrolling by on the terminal are the progress; a bar would be torn by them.
        from dataclasses import replace

        batch = replace(batch, quiet=True)
    pipeline = _pipeline(items, batch, errors)
    with pipeline:
        stats = pipeline.corpus() if corpus else None
        from auditor.resources.grammar_session import grammar_options

        wanted = grammar_wanted(grammar, config, languagetool_url)
        with grammar_options(wanted and pipeline.any_documents(), languagetool_url, ruleset,
                             grammar_timeout, grammar_notice) as options:
            options["repeated_min_documents"] = repeated_min_documents
            options["readability"] = readability
            options.update(name_options)
            options.update(mt_options(config))
            job = AuditJob(spec, Thresholds(config.passing, config.warn), options, stats)
            threshold = fail_under if fail_under is not None else config.fail_under
            streamed = fmt in ("text", "json") and not (baseline is not None or write_baseline or show_suppressed
                                                        or config.suppressions)
            ci_streamed = fmt in ("sarif", "github") and not write_baseline
            if streamed:
                # Nothing needs the whole run at once: each report is printed as it comes (flat memory).
                failed_count = _check_stream(pipeline.audit(job, ruleset), errors, fmt, report_dir, threshold,
                                             fail_on, show_info, corpus)
            elif ci_streamed:
                # Gated one report at a time (suppressions, baseline) and written as it comes.
                if fmt == "sarif":
                    from auditor.formats.sarif import SarifStream

                    stream = SarifStream(sys.stdout, rules=ruleset.by_code, baseline=baseline is not None,
                                         suppressed=show_suppressed, max_results=max_results)
                else:
                    from auditor.formats.github import GithubStream

                    stream = GithubStream(sys.stdout, show_info=show_info, max_annotations=max_annotations)
                failed_count = _ci_stream(pipeline.audit(job, ruleset), stream, errors, config, baseline,
                                          job.thresholds, report_dir, threshold, fail_on)
            else:
                reports = [r for r in pipeline.audit(job, ruleset) if not isinstance(r, InputError)]
    if streamed or ci_streamed:
        sys.exit(EXIT_ERROR if errors else EXIT_FAIL if failed_count and not exit_zero else EXIT_OK)
    reports = _gate(reports, config, baseline, write_baseline, job.thresholds)
    if report_dir:
        _write_reports(Path(report_dir), reports, errors)
    threshold = fail_under if fail_under is not None else config.fail_under
    failed = [r for r in reports if _fails(r, threshold, fail_on)]
    from auditor.engine.gate import gate_key

    failed_ids = frozenset(gate_key(r) for r in failed)
    if fmt == "json":
        from auditor.formats.json_format import render
    elif fmt == "sarif":
        from functools import partial

        from auditor.formats.sarif import render
        render = partial(render, rules=ruleset.by_code, baseline=baseline is not None or bool(write_baseline),
                         failed=failed_ids, suppressed=show_suppressed, max_results=max_results)
    elif fmt == "github":
        from functools import partial

        from auditor.formats.github import render
        render = partial(render, show_info=show_info, failed=failed_ids, max_annotations=max_annotations)
    elif fmt == "junit":
        from functools import partial

        from auditor.formats.junit import render
        render = partial(render, show_info=show_info, failed=failed_ids)
    else:
        import os
        from functools import partial

        from auditor.formats.text import CORPUS_OFF_NOTE, render
        color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        render = partial(render, show_info=show_info, color=color, failed=failed_ids,
                         show_suppressed=show_suppressed, corpus_note="" if corpus else CORPUS_OFF_NOTE)
    sys.stdout.write(render(reports, errors))
    if errors:
        sys.exit(EXIT_ERROR)
    if failed and not exit_zero:
        sys.exit(EXIT_FAIL)
    sys.exit(EXIT_OK)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out", type=click.Path(file_okay=False), help="Write each cleaned input under this folder.")
@click.option("--diff", is_flag=True, help="Print a unified diff of the cleaning; write nothing.")
@click.option("--in-place", is_flag=True, help="Rewrite the inputs (needs --backup).")
@click.option("--backup", metavar="SUFFIX", help="With --in-place: keep each changed input as FILE+SUFFIX.")
@click.option("--unsafe-fixes", is_flag=True,
              help="Also apply unsafe fixes of every class (name spellings, conventions, grammar).")
@click.option("--fix-class", "fix_classes", multiple=True, metavar="CLASSES", callback=_fix_classes,
              help="Also apply the unsafe fixes of these classes only (comma-separated): "
                   "chrome, names, conventions, grammar.")
@click.option("--edit-log", type=click.Path(dir_okay=False), help="Write one JSON object per edit to this file.")
@rule_options
@MAX_BYTES
@click.option("--text-field", metavar="NAME",
              help="Record inputs (.jsonl, .csv, .parquet): the field holding the article text [default: text].")
@click.option("--id-field", metavar="NAME", help="Record inputs: the field naming each record.")
@MT_MODEL_OPTION
def clean(paths, out, diff, in_place, backup, unsafe_fixes, fix_classes, edit_log, select, ignore, rules, config_path,
          corpus, repeated_min_documents, grammar, languagetool_url, grammar_timeout, max_bytes, text_field, id_field,
          name_style, name_style_file):
    """Remove what the rules flag from PATHS and print or write the sanitized text.

    By default only safe fixes are applied and the cleaned text of one input is printed;
    inputs are never modified unless --in-place --backup SUFFIX is given.
    """
    from auditor.commands.clean_command import CleanOptions, UsageError, check_usage, run
    from auditor.resources.grammar_session import grammar_options
    from auditor.core.score import Thresholds

    if unsafe_fixes and fix_classes:
        raise click.UsageError("--unsafe-fixes applies every class; --fix-class picks some: give one of them")
    unsafe = True if unsafe_fixes else frozenset(fix_classes)
    opts = CleanOptions(out=out, diff=diff, in_place=in_place, backup=backup, edit_log=edit_log,
                        unsafe=unsafe, corpus=corpus, max_bytes=max_bytes, text_field=text_field,
                        id_field=id_field)
    try:
        check_usage(opts)
    except UsageError as exc:
        click.echo(f"auditor: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    config, spec, ruleset = _load(config_path, select, ignore, rules)
    name_options = _name_options(config, name_style, name_style_file)
    opts.suppressions = config.suppressions or None  # an allowed phrase is never "fixed"
    # Grammar findings only matter to cleaning through their fixes: LanguageTool is started only
    # when grammar is asked for and its fixes (unsafe, class grammar) may be applied.
    wanted = grammar_wanted(grammar, config, languagetool_url) and (unsafe is True or "grammar" in unsafe)
    with grammar_options(wanted, languagetool_url, ruleset, grammar_timeout, grammar_notice) as options:
        options["repeated_min_documents"] = repeated_min_documents
        options.update(name_options)
        options.update(mt_options(config))
        opts.audit_options = options
        try:
            code = run(paths, opts, ruleset, Thresholds(config.passing, config.warn),
                       lambda message: click.echo(message, err=True))
        except UsageError as exc:
            click.echo(f"auditor: {exc}", err=True)
            code = EXIT_ERROR
    sys.exit(code)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out", required=True, type=click.Path(file_okay=False),
              help="Folder for the reports, summary.csv, summary.parquet and index.html.")
@selection_options
@click.option("--no-corpus", is_flag=True, help="Skip the corpus pass (repeated lines, name spellings across the inputs).")
@click.option("--repeated-min-documents", type=click.IntRange(2), default=3, show_default=True,
              help="A line in this many documents is template chrome.")
@grammar_and_name_options
@click.option("--no-readability", is_flag=True, help="Do not compute readability figures.")
@click.option("--worst", type=click.IntRange(1), default=25, show_default=True,
              help="Worst documents listed on the dashboard (each gets an HTML page).")
@click.option("--per-document", "per_document", default="none", show_default=True, metavar="FORMATS",
              help="Files per document besides reports.jsonl: none, all, or any of html,json,md (comma-separated).")
@click.option("--site-min-documents", type=click.IntRange(1), default=20, show_default=True,
              help="Dashboard: sources with fewer documents are left out of the table of sources.")
@click.option("--site-rows", type=click.IntRange(1), default=25, show_default=True,
              help="Dashboard: rows of the table of sources (worst mean score first).")
@click.option("--title", default="Corpus quality report", show_default=True, help="Title of the dashboard.")
@batch_options
@MAX_BYTES
@MT_MODEL_OPTION
def report(paths, out, select, ignore, rules, config_path, no_corpus, repeated_min_documents, grammar,
           languagetool_url, grammar_timeout, name_style, name_style_file, no_readability, worst, per_document,
           site_min_documents, site_rows, title, batch, max_bytes):
    """Audit PATHS and write a quality report under --out: reports.jsonl (every report), summary.csv,
    summary.parquet, an index.html dashboard with a page per document it lists, and files per
    document when --per-document asks (docs/batch.md).

    Exit 2 when an input could not be read (the others are still reported), else 0.
    """
    from auditor.core.extras import MissingExtra, require_all

    try:  # HTML pages and the dashboard (Jinja2), summary.parquet (pyarrow)
        require_all("the report command", {"jinja2": "html", "pyarrow": "parquet"})
    except MissingExtra as exc:
        click.echo(f"auditor: {exc}", err=True)
        sys.exit(EXIT_ERROR)

    from functools import partial

    from auditor.batch.run import AuditJob
    from auditor.resources.grammar_session import grammar_options
    from auditor.inputs.reading import InputError, read_sources
    from auditor.batch.report import FileOptions, Layout, ReportWriter, fan_out_depth, inside, parse_per_document, report_chunk
    from auditor.core.score import Thresholds

    try:
        formats = parse_per_document(per_document)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--per-document") from None
    config, spec, ruleset = _load(config_path, select, ignore, rules)
    name_options = _name_options(config, name_style, name_style_file)
    root = Path(out)
    read_options = batch.read_options(max_bytes)

    def items():
        # The report folder may sit inside an input folder: its files are outputs, not inputs.
        return (i for i in read_sources(paths, read_options) if not inside(i.path, root))

    errors: list = []
    pipeline = _pipeline(items, batch, errors)
    with pipeline:
        stats = None if no_corpus else pipeline.corpus()
        # Files per document spread over hashed folders when there are many (known from the corpus pass).
        files = FileOptions(formats, Layout(fan_out_depth(pipeline.items_read) if formats else 0))
        note = ("Corpus pass off (--no-corpus): no repeated lines or copies across the batch." if no_corpus else
                "Corpus pass on: lines repeated across different articles are template chrome, copies of one "
                "article are found; auditor check runs this pass only with --corpus, so its verdicts can differ.")
        try:
            writer = ReportWriter(root, worst=worst, title=title, files=files, corpus=stats,
                                  site_min_documents=site_min_documents, site_rows=site_rows, corpus_note=note)
        except OSError as exc:
            click.echo(f"auditor: cannot write to {root}: {exc}", err=True)
            sys.exit(EXIT_ERROR)
        wanted = grammar_wanted(grammar, config, languagetool_url)
        with grammar_options(wanted and pipeline.any_documents(), languagetool_url, ruleset,
                             grammar_timeout, grammar_notice) as options:
            options["repeated_min_documents"] = repeated_min_documents
            options["readability"] = not no_readability
            options.update(name_options)
            options.update(mt_options(config))
            job = AuditJob(spec, Thresholds(config.passing, config.warn), options, stats,
                           suppressions=config.suppressions or None)
            try:
                for item in pipeline.audit(job, ruleset, chunk_fn=partial(report_chunk, files)):
                    if isinstance(item, InputError):
                        writer.add_error(item)
                    else:
                        writer.add(item)
            except BaseException:
                writer.abort()
                raise
    writer.close()
    for error in writer.write_errors:
        click.echo(f"auditor: {error}", err=True)
    d = writer.dashboard
    click.echo(f"{d.documents} document(s): {d.verdicts['pass']} pass, {d.verdicts['warn']} warn, "
               f"{d.verdicts['fail']} fail" + (f"; {d.error_count} input error(s)" if d.error_count else "")
               + (f"; {d.copies} cop(ies) of earlier documents" if d.copies else "")
               + f"; {writer.files_written} file(s) written; report in {root / 'index.html'}")
    sys.exit(EXIT_ERROR if errors or writer.write_errors else EXIT_OK)


def _check_stream(items, errors: list, fmt: str, report_dir, threshold, fail_on, show_info, corpus=False) -> int:
    """Print (and write) each report as it arrives; the same bytes as the formats' ``render``.
    Returns how many documents fail the gate."""
    import os

    from auditor.formats.stream import JsonStream, TextStream
    from auditor.engine.gate import gate_key
    from auditor.inputs.reading import InputError

    if fmt == "json":
        stream = JsonStream(sys.stdout)
    else:
        from auditor.formats.text import CORPUS_OFF_NOTE

        stream = TextStream(sys.stdout, show_info, sys.stdout.isatty() and not os.environ.get("NO_COLOR"),
                            "" if corpus else CORPUS_OFF_NOTE)
    root = Path(report_dir) if report_dir else None
    failed = 0
    for item in items:
        if isinstance(item, InputError):
            continue  # kept in ``errors`` by the pipeline, printed at the end
        fails = _fails(item, threshold, fail_on)
        failed += fails
        if root is not None:
            _write_reports(root, [item], errors)
        stream.add(item, fails, gate_key(item))
    stream.close(errors)
    return failed


def _ci_stream(items, stream, errors: list, config, baseline, thresholds, report_dir, threshold, fail_on) -> int:
    """SARIF or GitHub output, each report gated (suppressions, baseline) and handed on as it comes.
    Returns how many documents fail the gate."""
    from auditor.engine.gate import apply
    from auditor.inputs.reading import InputError

    root = Path(report_dir) if report_dir else None
    failed = 0
    for item in items:
        if isinstance(item, InputError):
            continue  # kept in ``errors`` by the pipeline
        report = apply([item], config.suppressions, baseline, thresholds)[0]
        fails = _fails(report, threshold, fail_on)
        failed += fails
        if root is not None:
            _write_reports(root, [report], errors)
        stream.add(report, fails)
    stream.close(errors)
    return failed


def _pipeline(items, batch, errors: list):
    """A Pipeline whose input errors are printed as met and kept in ``errors`` (exit 2)."""
    from auditor.batch.dask_engine import DaskUnavailable
    from auditor.batch.pipeline import Pipeline

    def on_error(error):
        errors.append(error)
        click.echo(f"auditor: {error}", err=True)

    try:
        return Pipeline(items, batch, on_error)
    except DaskUnavailable as exc:
        click.echo(f"auditor: {exc}", err=True)
        sys.exit(EXIT_ERROR)


def _fails(report, fail_under, fail_on) -> bool:
    from auditor.engine.gate import fails

    return fails(report, fail_under, fail_on)


def _read_baseline(path):
    if not path:
        return None
    from auditor.engine.baseline import Baseline, BaselineError

    try:
        return Baseline.read(Path(path))
    except BaselineError as exc:
        click.echo(f"auditor: {exc}", err=True)
        sys.exit(EXIT_ERROR)


def _gate(reports, config, baseline, write_baseline, thresholds):
    """Set aside configured suppressions, then baselined findings (docs/ci.md); rescore."""
    from auditor.engine.gate import apply

    if write_baseline:
        from auditor.engine.baseline import Baseline

        reports = apply(reports, config.suppressions, None, thresholds)
        baseline = Baseline.from_reports(Path(write_baseline), reports)
        try:
            baseline.write()
        except OSError as exc:
            click.echo(f"auditor: cannot write baseline {write_baseline}: {exc}", err=True)
            sys.exit(EXIT_ERROR)
        click.echo(f"auditor: wrote baseline {write_baseline}: {baseline.count} finding(s) "
                   f"in {sum(1 for c in baseline.files.values() if c)} file(s)", err=True)
    return apply(reports, config.suppressions, baseline, thresholds)


def _write_reports(root: Path, reports, errors) -> None:
    from auditor.formats import json_format, markdown
    from auditor.core.output import UnsafeOutputPath, safe_join, write_atomic

    for r in reports:
        try:
            base = safe_join(root, r.document.id)
        except UnsafeOutputPath as exc:
            errors.append(_error(r.document.id, str(exc)))
            continue
        write_atomic(base.with_name(base.name + ".json"), json_format.render_one(r))
        write_atomic(base.with_name(base.name + ".md"), markdown.render_one(r))


def _error(path, message):
    from auditor.inputs.reading import InputError

    return InputError(path, message)


@main.command("rules")
@click.option("--select", multiple=True, help="Only codes starting with these prefixes.")
def rules_cmd(select):
    """List the rules: code, name, category, severity, fix."""
    from auditor.engine.ruleset import RulePackError, load_rules

    try:
        rules = load_rules()
    except RulePackError as exc:
        click.echo(f"auditor: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    prefixes = _split_codes(select)
    for r in rules:
        if prefixes and not any(r.code.startswith(p) for p in prefixes):
            continue
        fix = f"{r.fix.action}/{r.fix.safety}/{r.fix.fix_class}" if r.fix else "-"
        click.echo(f"{r.code}  {r.name:<34} {r.category.value:<12} {r.severity.value:<8} {r.kind:<9} {fix}")


@main.command("rule")
@click.argument("code")
def rule_cmd(code):
    """Print one rule's documentation."""
    from auditor.engine.ruleset import load_rules

    rules = {r.code: r for r in load_rules()}
    rule = rules.get(code.upper())
    if rule is None:
        click.echo(f"auditor: no rule {code!r}; `auditor rules` lists them", err=True)
        sys.exit(EXIT_ERROR)
    from auditor.commands.rule_page import rule_page

    options = None
    if rule.category.value == "grammar":
        # Rendered only against a server that is already up: a rule page never starts Java.
        from auditor.resources.grammar_server import served_url
        from auditor.resources.grammar_session import GrammarSession

        url = served_url()
        options = {"grammar": True, "grammar_session": GrammarSession(url)} if url else None
    click.echo(rule_page(rule, options), nl=False)


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@GRAMMAR_OPTIONS[0]
@GRAMMAR_OPTIONS[1]
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False))
def eval_cmd(gold, folder, grammar, languagetool_url, config_path):
    """Compare findings on FOLDER with the gold spans in GOLD (exit 1 when short)."""
    from auditor.engine.audit import audit
    from auditor.commands.evaluate import evaluate, render
    from auditor.core.score import Thresholds

    config, spec, ruleset = _load(config_path, (), (), ())
    thresholds = Thresholds(config.passing, config.warn)
    from auditor.resources.grammar_session import grammar_options

    with grammar_options(grammar_wanted(grammar, config, languagetool_url), languagetool_url, ruleset,
                         notify=grammar_notice) as options:
        result = evaluate(Path(gold), Path(folder), lambda d: audit(d, ruleset, None, thresholds, options))
    click.echo(render(result), nl=False)
    sys.exit(EXIT_OK if result.passed else EXIT_FAIL)


main.add_command(grammar)
main.add_command(train_mt)


if __name__ == "__main__":
    main()
