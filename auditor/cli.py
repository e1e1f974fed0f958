"""The `auditor` command: a thin layer over ``audit``.

Exit codes: 2 for a usage error or any input that could not be read (it wins); otherwise 1
when a document fails the gate; otherwise 0.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

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


def _split_codes(values) -> list[str]:
    out = []
    for v in values:
        out += [c.strip().upper() for c in v.split(",") if c.strip()]
    return out


def _load(config_path, select, ignore, rules):
    from .batch import RulesetSpec
    from .config import ConfigError, load_config
    from .ruleset import RulePackError

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
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format on stdout.")
@click.option("--report-dir", type=click.Path(file_okay=False), help="Write a JSON and a Markdown report per input here.")
@click.option("--fail-under", type=click.FloatRange(0, 100), help="Fail a document whose score is below this.")
@click.option("--fail-on", type=click.Choice(["warning", "error"]), help="Fail a document with any finding this severe.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when documents fail (input errors still exit 2).")
@click.option("--select", multiple=True, help="Only rules whose code starts with these prefixes (comma-separated).")
@click.option("--ignore", multiple=True, help="Skip rules whose code starts with these prefixes.")
@click.option("--rules", "rules", multiple=True, type=click.Path(exists=True), help="Extra rule pack (file or folder).")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="auditor.toml or pyproject.toml to use.")
@click.option("--corpus", is_flag=True, help="Run the corpus pass (repeated lines across the inputs).")
@click.option("--repeated-min-documents", type=click.IntRange(2), default=3, show_default=True,
              help="With --corpus: a line in this many documents is template chrome.")
@click.option("--no-grammar", is_flag=True, help="Do not run the grammar checker.")
@click.option("--languagetool-url", metavar="URL", help="Use this LanguageTool server instead of starting one.")
@click.option("--jobs", type=click.IntRange(0), default=0, show_default=True, help="Worker processes (0: all cores for large inputs).")
@click.option("--max-bytes", type=click.IntRange(0), default=50 * 1024 * 1024, show_default=True, help="Refuse larger input files (0: no limit).")
@click.option("--show-info", is_flag=True, help="Also print info findings in text output.")
@click.option("--readability", is_flag=True, help="Compute readability figures (textstat) for each document.")
def check(paths, fmt, report_dir, fail_under, fail_on, exit_zero, select, ignore, rules, config_path, corpus,
          repeated_min_documents, no_grammar, languagetool_url, jobs, max_bytes, show_info,
          readability):
    """Audit PATHS (files, folders, or - for stdin) and gate on the verdicts."""
    from .batch import AuditJob, audit_all
    from .inputs import InputError, read_sources
    from .score import Thresholds

    config, spec, ruleset = _load(config_path, select, ignore, rules)
    items = list(read_sources(paths, {"max_bytes": max_bytes}))
    documents = [i for i in items if not isinstance(i, InputError)]
    errors = [i for i in items if isinstance(i, InputError)]
    for e in errors:
        click.echo(f"auditor: {e}", err=True)
    stats = None
    if corpus:
        from .corpus import build

        stats = build(documents)
    from .grammar_session import grammar_options

    with grammar_options(not no_grammar and bool(documents), languagetool_url, ruleset) as options:
        options["repeated_min_documents"] = repeated_min_documents
        options["readability"] = readability
        job = AuditJob(spec, Thresholds(config.passing, config.warn), options, stats)
        reports = list(audit_all(documents, job, jobs, ruleset))
    if report_dir:
        _write_reports(Path(report_dir), reports, errors)
    if fmt == "json":
        from .formats.json_format import render
    else:
        from .formats.text import render
    sys.stdout.write(render(reports, errors))
    threshold = fail_under if fail_under is not None else config.fail_under
    failed = [r for r in reports if _fails(r, threshold, fail_on)]
    if errors:
        sys.exit(EXIT_ERROR)
    if failed and not exit_zero:
        sys.exit(EXIT_FAIL)
    sys.exit(EXIT_OK)


def _fails(report, fail_under, fail_on) -> bool:
    if fail_under is not None:
        failed = report.score.score < fail_under
    else:
        failed = report.verdict == "fail"
    if fail_on:
        rank = {"warning": 1, "error": 2}[fail_on]
        failed = failed or any(f.severity.rank >= rank for f in report.findings)
    return failed


def _write_reports(root: Path, reports, errors) -> None:
    from .formats import json_format, markdown
    from .output import UnsafeOutputPath, safe_join, write_atomic

    for r in reports:
        try:
            base = safe_join(root, r.document.id)
        except UnsafeOutputPath as exc:
            errors.append(_error(r.document.id, str(exc)))
            continue
        write_atomic(base.with_name(base.name + ".json"), json_format.render_one(r))
        write_atomic(base.with_name(base.name + ".md"), markdown.render_one(r))


def _error(path, message):
    from .inputs import InputError

    return InputError(path, message)


@main.command("rules")
@click.option("--select", multiple=True, help="Only codes starting with these prefixes.")
def rules_cmd(select):
    """List the rules: code, name, category, severity, fix."""
    from .ruleset import RulePackError, load_rules

    try:
        rules = load_rules()
    except RulePackError as exc:
        click.echo(f"auditor: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    prefixes = _split_codes(select)
    for r in rules:
        if prefixes and not any(r.code.startswith(p) for p in prefixes):
            continue
        fix = f"{r.fix.action}/{r.fix.safety}" if r.fix else "-"
        click.echo(f"{r.code}  {r.name:<34} {r.category.value:<12} {r.severity.value:<8} {r.kind:<9} {fix}")


@main.command("rule")
@click.argument("code")
def rule_cmd(code):
    """Print one rule's documentation."""
    from .ruleset import load_rules

    rules = {r.code: r for r in load_rules()}
    rule = rules.get(code.upper())
    if rule is None:
        click.echo(f"auditor: no rule {code!r}; `auditor rules` lists them", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(rule.describe(), nl=False)


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--no-grammar", is_flag=True, help="Do not run the grammar checker.")
@click.option("--languagetool-url", metavar="URL", help="Use this LanguageTool server instead of starting one.")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False))
def eval_cmd(gold, folder, no_grammar, languagetool_url, config_path):
    """Compare findings on FOLDER with the gold spans in GOLD (exit 1 when short)."""
    from .engine import audit
    from .evaluate import evaluate, render
    from .score import Thresholds

    config, spec, ruleset = _load(config_path, (), (), ())
    thresholds = Thresholds(config.passing, config.warn)
    from .grammar_session import grammar_options

    with grammar_options(not no_grammar, languagetool_url, ruleset) as options:
        result = evaluate(Path(gold), Path(folder), lambda d: audit(d, ruleset, None, thresholds, options))
    click.echo(render(result), nl=False)
    sys.exit(EXIT_OK if result.passed else EXIT_FAIL)


@main.group()
def grammar():
    """Manage the local LanguageTool server used for grammar findings."""


@grammar.command("install")
@click.option("--force", is_flag=True, help="Download again even if installed.")
def grammar_install(force):
    """Fetch LanguageTool from Maven Central into the cache folder (needs mvn and Java 17+)."""
    from .grammar import LanguageToolInstallError, install_languagetool

    try:
        folder = install_languagetool(force=force)
    except LanguageToolInstallError as exc:
        click.echo(f"auditor: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(f"LanguageTool installed in {folder}")


@grammar.command("status")
def grammar_status():
    """Say whether grammar checking can run here, and why not."""
    from .grammar import grammar_available

    ok, reason = grammar_available()
    click.echo(("available: " if ok else "unavailable: ") + reason)
    sys.exit(EXIT_OK if ok else EXIT_FAIL)


if __name__ == "__main__":
    main()
