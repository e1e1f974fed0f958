"""Command-line options shared by the commands that read inputs (check, clean, report)."""
from __future__ import annotations

import functools

import click

from auditor.batch.pipeline import BatchOptions

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


def grammar_wanted(flag: bool | None, config, languagetool_url: str | None) -> bool:
    """Grammar runs when asked: --grammar, else the configuration's ``grammar`` (off by default).
    A server named with --languagetool-url alone does not turn it on; the user is told so."""
    wanted = flag if flag is not None else config.grammar
    if languagetool_url and not wanted:
        click.echo("auditor: --languagetool-url is used only with --grammar; grammar is off", err=True)
    return wanted


def grammar_notice(message: str) -> None:
    click.echo(message, err=True)


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


def selection_options(fn):
    """Rule selection and configuration: the same for every command that audits."""
    return _apply(fn, SELECTION_OPTIONS)


def grammar_and_name_options(fn):
    """Grammar and the house style for names: the same for every command that audits."""
    return _apply(fn, (*GRAMMAR_OPTIONS, *NAME_STYLE))


def rule_options(fn):
    """Rule selection, configuration, the corpus pass and grammar: the same for check and clean."""
    return _apply(fn, [
        *SELECTION_OPTIONS,
        click.option("--corpus", is_flag=True, help="Run the corpus pass (repeated lines across the inputs)."),
        click.option("--repeated-min-documents", type=click.IntRange(2), default=3, show_default=True,
                     help="With --corpus: a line in this many documents is template chrome."),
        *GRAMMAR_OPTIONS,
        *NAME_STYLE,
    ])
