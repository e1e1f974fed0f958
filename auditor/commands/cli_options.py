"""Command-line options shared by the commands that read inputs (check, clean, report)."""
from __future__ import annotations

import functools

import click

from auditor.batch.pipeline import BatchOptions
from auditor.commands.setup import AuditChoice, RuleChoice

_NAMES = ("text_field", "id_field", "jobs", "engine", "scheduler", "quiet")


def batch_options(fn):
    """Add the input and engine options; the command receives them as ``batch`` (a BatchOptions)."""
    options = [
        click.option("--text-field", metavar="NAME",
                     help="Record inputs (.jsonl, .csv, .parquet): the field holding the article text [default: text]."),
        click.option("--id-field", metavar="NAME",
                     help="Record inputs: the field naming each record [default: id when present, else the "
                          "record number]."),
        click.option("--jobs", type=click.IntRange(0), default=0, show_default=True,
                     help="Worker processes (0: all cores when there are enough documents)."),
        click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                     help="Where documents are audited: a local process pool, or dask.distributed."),
        click.option("--scheduler", metavar="ADDRESS",
                     help="With --engine dask: the scheduler to use (tcp://host:8786); without it a local "
                          "Dask cluster is started."),
        click.option("--quiet", "-q", is_flag=True, help="No progress bar on stderr."),
    ]

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        values = {name: kwargs.pop(name) for name in _NAMES}
        if values["scheduler"] and values["engine"] != "dask":
            raise click.UsageError("--scheduler needs --engine dask")
        return fn(*args, batch=BatchOptions(**values), **kwargs)

    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper


# One limit for every command that reads inputs (check, clean, report).
MAX_BYTES = click.option("--max-bytes", type=click.IntRange(0), default=50 * 1024 * 1024, show_default=True,
                         help="Refuse larger input files, or larger records (0: no limit).")

GRAMMAR_TIMEOUT = click.option(
    "--grammar-timeout", type=click.FloatRange(0.1), default=None, metavar="SECONDS",
    help="Longest wait for one LanguageTool answer; a document whose check times out "
         "(tried three times) is reported with grammar skipped [default: $AUDITOR_GRAMMAR_TIMEOUT, else 30].")


GRAMMAR_OPTIONS = (
    click.option("--grammar/--no-grammar", "grammar", default=None,
                 help="Check grammar with LanguageTool (Java; starts a server unless one is running) "
                      "[default: off, or `grammar` in the configuration]."),
    click.option("--languagetool-url", metavar="URL",
                 help="With --grammar: use this LanguageTool server instead of starting one."),
    GRAMMAR_TIMEOUT,
)


NAME_STYLE = (
    click.option("--name-style", type=click.Choice(["default", "ukrainian"]), default=None,
                 help="House style for names: ukrainian flags Russian-derived forms of Ukrainian names "
                      "(Kharkov, Arestovich) [default: name_style in the configuration, else default].",),
    click.option("--name-style-file", type=click.Path(exists=True, dir_okay=False),
                 help="A newsroom's preferred name forms (TSV: form<TAB>preferred; or YAML), docs/names.md."),
)


SELECTION_OPTIONS = (
    click.option("--select", multiple=True, help="Only rules whose code starts with these prefixes (comma-separated)."),
    click.option("--ignore", multiple=True, help="Skip rules whose code starts with these prefixes."),
    click.option("--rules", "rules", multiple=True, type=click.Path(exists=True),
                 help="Extra rule pack (file or folder)."),
    click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False),
                 help="auditor.toml or pyproject.toml to use."),
)


def _apply(fn, options):
    for option in reversed(options):
        fn = option(fn)
    return fn


def _collapse(param: str, factory, options):
    """A decorator adding ``options`` whose values the command receives as one ``param``:
    ``factory(**values)``, so that a command takes a few objects, not a parameter per option."""
    def decorate(fn):
        names = None

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            values = {name: kwargs.pop(name) for name in names}
            return fn(*args, **{param: factory(**values)}, **kwargs)

        before = len(getattr(wrapper, "__click_params__", ()))
        wrapped = _apply(wrapper, options)
        names = [p.name for p in wrapped.__click_params__[before:before + len(options)]]
        return wrapped
    return decorate


def selection_options(fn):
    """Rule selection and configuration, received as ``rule_choice`` (a RuleChoice)."""
    return _collapse("rule_choice", RuleChoice, SELECTION_OPTIONS)(fn)


def grammar_and_name_options(fn):
    """Grammar and the house style for names, received as ``choice`` (an AuditChoice)."""
    return _collapse("choice", AuditChoice, (*GRAMMAR_OPTIONS, *NAME_STYLE))(fn)


CORPUS_OPTIONS = (
    click.option("--corpus", is_flag=True, help="Run the corpus pass (repeated lines across the inputs)."),
    click.option("--repeated-min-documents", type=click.IntRange(2), default=3, show_default=True,
                 help="With --corpus: a line in this many documents is template chrome."),
)


def rule_options(fn):
    """Rule selection, configuration, the corpus pass and grammar: the same for check and clean."""
    return selection_options(_apply(grammar_and_name_options(fn), CORPUS_OPTIONS))


def output_options(fn):
    """What check prints and writes, received as ``output`` (an OutputOptions)."""
    from auditor.commands.check_command import OutputOptions

    return _collapse("output", OutputOptions, (
        click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "github", "junit"]),
                     default="text", show_default=True, help="Output format on stdout (docs/ci.md)."),
        click.option("--report-dir", type=click.Path(file_okay=False),
                     help="Write a JSON and a Markdown report per input here."),
        click.option("--show-info", is_flag=True, help="Also print info findings (text, github, junit)."),
        click.option("--show-suppressed", is_flag=True,
                     help="Also list suppressed and baselined findings (text; SARIF with suppressions)."),
        click.option("--max-results", type=click.IntRange(1), default=20_000, show_default=True,
                     help="SARIF: keep at most this many results, the most severe (GitHub refuses over 25,000 a run)."),
        click.option("--max-annotations", type=click.IntRange(0), default=10, show_default=True,
                     help="github: annotations of each kind (error, warning, notice) before one summary per file."),
    ))(fn)


def gate_options(fn):
    """When check fails a document, received as ``gate_choice`` (a GateOptions)."""
    from auditor.commands.check_command import GateOptions

    return _collapse("gate_choice", GateOptions, (
        click.option("--fail-under", type=click.FloatRange(0, 100), help="Fail a document whose score is below this."),
        click.option("--fail-on", type=click.Choice(["warning", "error"]),
                     help="Fail a document with any finding this severe."),
        click.option("--exit-zero", is_flag=True, help="Exit 0 even when documents fail (input errors still exit 2)."),
        click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False),
                     help="Only findings missing from this baseline count (docs/ci.md)."),
        click.option("--write-baseline", "write_baseline", type=click.Path(dir_okay=False),
                     help="Record this run's findings as the baseline FILE; the run then reports against it."),
    ))(fn)
