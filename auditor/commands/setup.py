"""What every auditing command (check, clean, report, eval) sets up the same way: the
configuration and rule packs, the house style for names, grammar and the machine-translation model.

A problem the user can fix (a bad configuration, rule pack, style file or model) stops the command
with exit 2 and a message naming the file.
"""
from __future__ import annotations

import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import click

# Exit codes of every command: 2 for a usage error or an input that could not be read (it wins),
# else 1 when a document fails the gate, else 0.
EXIT_OK, EXIT_FAIL, EXIT_ERROR = 0, 1, 2


@dataclass(frozen=True)
class RuleChoice:
    """--select, --ignore, --rules, --config."""

    select: tuple = ()
    ignore: tuple = ()
    rules: tuple = ()
    config_path: str | None = None


@dataclass(frozen=True)
class AuditChoice:
    """--grammar, --languagetool-url, --grammar-timeout, --name-style, --name-style-file."""

    grammar: bool | None = None
    languagetool_url: str | None = None
    grammar_timeout: float | None = None
    name_style: str | None = None
    name_style_file: str | None = None


@dataclass
class Setup:
    """The loaded configuration, the rule set (and the spec that rebuilds it in worker processes)
    and the name options, ready for ``audit_options``."""

    config: object
    spec: object
    ruleset: object
    choice: AuditChoice = field(default_factory=AuditChoice)
    names: dict = field(default_factory=dict)

    @property
    def thresholds(self):
        from auditor.core.score import Thresholds

        return Thresholds(self.config.passing, self.config.warn)


def split_codes(values) -> list[str]:
    out = []
    for v in values:
        out += [c.strip().upper() for c in v.split(",") if c.strip()]
    return out


def load_setup(rules: RuleChoice, choice: AuditChoice = AuditChoice()) -> Setup:
    from auditor.batch.run import RulesetSpec
    from auditor.engine.config import ConfigError, load_config
    from auditor.engine.ruleset import RulePackError

    try:
        config = load_config(Path(rules.config_path) if rules.config_path else None)
        spec = RulesetSpec(
            select=tuple(split_codes(rules.select) or config.select),
            ignore=tuple(split_codes(rules.ignore) + list(config.ignore)),
            severity=tuple(sorted(config.severity.items())),
            extra=tuple(str(r) for r in list(config.rules) + list(rules.rules)),
        )
        ruleset = spec.build()
    except (ConfigError, RulePackError) as exc:
        _stop(str(exc))
    return Setup(config, spec, ruleset, choice, _name_options(config, choice))


def _name_options(config, choice: AuditChoice) -> dict:
    """The house style for names (the command line over the configuration), its file read once."""
    from auditor.resources.name_style import NameStyleError, load_style

    options = {"name_style": choice.name_style or config.name_style or "default"}
    path = choice.name_style_file or config.name_style_file
    if path:
        try:
            options["name_style_forms"] = load_style(Path(path))
        except NameStyleError as exc:
            _stop(str(exc))
    return options


def grammar_wanted(flag: bool | None, config, languagetool_url: str | None) -> bool:
    """Grammar runs when asked: --grammar, else the configuration's ``grammar`` (off by default).
    A server named with --languagetool-url alone does not turn it on; the user is told so."""
    wanted = flag if flag is not None else config.grammar
    if languagetool_url and not wanted:
        click.echo("auditor: --languagetool-url is used only with --grammar; grammar is off", err=True)
    return wanted


def grammar_notice(message: str) -> None:
    click.echo(message, err=True)


@contextmanager
def audit_options(setup: Setup, needed: bool | Callable[[], bool] = True, **extra) -> Iterator[dict]:
    """The options ``audit`` takes, for the run's life: grammar (a LanguageTool session when asked
    for and ``needed``: asked only then when a callable), the house style for names, the
    machine-translation model, and ``extra``."""
    from auditor.commands.mt_command import mt_options
    from auditor.resources.grammar_session import grammar_options

    choice = setup.choice
    wanted = grammar_wanted(choice.grammar, setup.config, choice.languagetool_url)
    wanted = wanted and (needed() if callable(needed) else needed)
    with grammar_options(wanted, choice.languagetool_url, setup.ruleset, choice.grammar_timeout,
                         grammar_notice) as options:
        options.update(extra)
        options.update(setup.names)
        options.update(mt_options(setup.config))
        yield options


def _stop(message: str):
    click.echo(f"auditor: {message}", err=True)
    sys.exit(EXIT_ERROR)
