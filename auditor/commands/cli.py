"""The `auditor` command: a thin layer over ``audit``.

Exit codes: 2 for a usage error or any input that could not be read (it wins); otherwise 1
when a document fails the gate; otherwise 0.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

# numpy's OpenBLAS starts a thread per core when numpy is imported, and they spin waiting for
# work: about 0.1 s of CPU per process on a 2-core machine, more than auditing a short article.
# No command but train-mt makes a BLAS call (the machine-translation score is a table lookup and
# a sum), so they get one thread; train-mt keeps BLAS's default, which trained the shipped model.
# A value the user set wins, and nothing changes once numpy is imported (the library, tests).
if "numpy" not in sys.modules and "train-mt" not in sys.argv[1:]:
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import click  # after the thread setting, which must precede numpy's import

from auditor.commands.cli_options import (GRAMMAR_OPTIONS, MAX_BYTES, batch_options, gate_options,
                                          grammar_and_name_options, output_options, rule_options, selection_options)
from auditor.commands.grammar_command import grammar
from auditor.commands.mt_command import MT_MODEL_OPTION, train_mt
from auditor.commands.setup import (EXIT_ERROR, EXIT_FAIL, EXIT_OK, AuditChoice, RuleChoice, audit_options, load_setup,
                                    split_codes)


# Python's cycle collector runs after every 700 net allocations of containers, and a collection
# of the older generations walks every object that survived: the rule indexes, gazetteers and
# word lists (a hundred thousand objects), several times over a batch, for no garbage (a report's
# objects are freed by reference counting). A command owns its process, so collections are made
# rarer (mypy does the same): a twentieth of a batch's time at the default, under a hundredth.
COLLECTION_THRESHOLDS = (10_000, 10, 10)


class AuditorGroup(click.Group):
    def main(self, *args, **kwargs):
        import gc

        gc.set_threshold(*COLLECTION_THRESHOLDS)
        # click exits 2 on usage errors already; make every other crash name the problem, exit 2.
        try:
            return super().main(*args, standalone_mode=True, **kwargs)
        except (KeyboardInterrupt, BrokenPipeError):
            sys.exit(EXIT_ERROR)


@click.group(cls=AuditorGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="article-auditor", prog_name="auditor")
def main():
    """Audit articles from the web for chrome and translation damage, and score their reliability."""


def _fix_classes(ctx, param, values) -> tuple[str, ...]:
    from auditor.core.findings import FIX_CLASSES

    chosen = [c.strip().lower() for v in values for c in v.split(",") if c.strip()]
    unknown = sorted(set(chosen) - set(FIX_CLASSES))
    if unknown:
        raise click.BadParameter(f"unknown fix class {', '.join(unknown)} (known: {', '.join(FIX_CLASSES)})")
    return tuple(dict.fromkeys(chosen))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@output_options
@gate_options
@rule_options
@batch_options
@MAX_BYTES
@click.option("--readability", is_flag=True, help="Compute readability figures (textstat) for each document.")
@click.option("--since", "since", metavar="REV", help="Only check files changed since this git revision (and untracked ones).")
@MT_MODEL_OPTION
def check(paths, output, gate_choice, rule_choice, choice, corpus, repeated_min_documents, batch, max_bytes,
          readability, since):
    """Audit PATHS (files, folders, globs, or - for stdin) and gate on the verdicts."""
    from auditor.batch.run import AuditJob
    from auditor.commands.check_command import make_gate, run_check
    from auditor.inputs.reading import read_sources

    setup = load_setup(rule_choice, choice)
    if since is not None and "-" in paths:
        raise click.UsageError("--since checks changed files; it cannot read stdin (-)")
    if since is not None and gate_choice.write_baseline:
        raise click.UsageError("--write-baseline records every file: do not combine it with --since")
    gate = make_gate(gate_choice, setup.config, setup.thresholds)
    read_options = batch.read_options(max_bytes)
    if since is not None:
        from auditor.inputs.since import SinceError, read_changed

        try:
            changed = list(read_changed(paths, since, read_options))
        except SinceError as exc:
            click.echo(f"auditor: {exc}", err=True)
            sys.exit(EXIT_ERROR)
        items = lambda: iter(changed)  # noqa: E731
    else:
        items = lambda: read_sources(paths, read_options)  # noqa: E731
    errors = []
    if sys.stdout.isatty():
        # The findings scrolling by on the terminal are the progress; a bar would be torn by them.
        from dataclasses import replace

        batch = replace(batch, quiet=True)
    pipeline = _pipeline(items, batch, errors)
    with pipeline:
        stats = pipeline.corpus() if corpus else None
        with audit_options(setup, pipeline.any_documents, repeated_min_documents=repeated_min_documents,
                           readability=readability) as options:
            job = AuditJob(setup.spec, setup.thresholds, options, stats)
            failed = run_check(pipeline, job, setup.ruleset, gate, output, gate_choice, errors, corpus)
    sys.exit(EXIT_ERROR if errors else EXIT_FAIL if failed and not gate_choice.exit_zero else EXIT_OK)


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
def clean(paths, out, diff, in_place, backup, unsafe_fixes, fix_classes, edit_log, rule_choice, choice,
          corpus, repeated_min_documents, max_bytes, text_field, id_field):
    """Remove what the rules flag from PATHS and print or write the sanitized text.

    By default only safe fixes are applied and the cleaned text of one input is printed;
    inputs are never modified unless --in-place --backup SUFFIX is given.
    """
    from auditor.commands.clean_command import CleanOptions, UsageError, check_usage, run

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
    setup = load_setup(rule_choice, choice)
    opts.suppressions = setup.config.suppressions or None  # an allowed phrase is never "fixed"
    # Grammar findings only matter to cleaning through their fixes: LanguageTool is started only
    # when grammar is asked for and its fixes (unsafe, class grammar) may be applied.
    with audit_options(setup, unsafe is True or "grammar" in unsafe,
                       repeated_min_documents=repeated_min_documents) as options:
        opts.audit_options = options
        try:
            code = run(paths, opts, setup.ruleset, setup.thresholds, lambda message: click.echo(message, err=True))
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
def report(paths, out, rule_choice, no_corpus, repeated_min_documents, choice, no_readability, worst, per_document,
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
    from auditor.inputs.reading import InputError, read_sources
    from auditor.batch.report import FileOptions, Layout, ReportWriter, fan_out_depth, inside, parse_per_document, report_chunk

    try:
        formats = parse_per_document(per_document)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--per-document") from None
    setup = load_setup(rule_choice, choice)
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
        with audit_options(setup, pipeline.any_documents, repeated_min_documents=repeated_min_documents,
                           readability=not no_readability) as options:
            job = AuditJob(setup.spec, setup.thresholds, options, stats,
                           suppressions=setup.config.suppressions or None)
            try:
                for item in pipeline.audit(job, setup.ruleset, chunk_fn=partial(report_chunk, files)):
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
    prefixes = split_codes(select)
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

    setup = load_setup(RuleChoice(config_path=config_path), AuditChoice(grammar, languagetool_url))
    with audit_options(setup) as options:
        result = evaluate(Path(gold), Path(folder),
                          lambda d: audit(d, setup.ruleset, None, setup.thresholds, options))
    click.echo(render(result), nl=False)
    sys.exit(EXIT_OK if result.passed else EXIT_FAIL)


main.add_command(grammar)
main.add_command(train_mt)


if __name__ == "__main__":
    main()
