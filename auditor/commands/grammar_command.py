"""`auditor grammar`: install LanguageTool, keep a server up between runs, say whether grammar can run."""
from __future__ import annotations

import sys

import click

from auditor.commands.setup import EXIT_OK, EXIT_FAIL, EXIT_ERROR


@click.group()
def grammar():
    """Manage the local LanguageTool server used for grammar findings."""


@grammar.command("install")
@click.option("--force", is_flag=True, help="Download again even if installed.")
def grammar_install(force):
    """Fetch LanguageTool from Maven Central into the cache folder (needs mvn and Java 17+)."""
    from auditor.resources.grammar_install import LanguageToolInstallError, install_languagetool

    try:
        folder = install_languagetool(force=force)
    except LanguageToolInstallError as exc:
        click.echo(f"auditor: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(f"LanguageTool installed in {folder}")


@grammar.command("serve")
@click.option("--port", type=click.IntRange(1, 65535), help="Port on 127.0.0.1 [default: a free one].")
def grammar_serve(port):
    """Keep a LanguageTool server up until stopped (Ctrl-C): runs with --grammar use it and start
    nothing. It never turns grammar on by itself."""
    import signal
    import time

    from auditor.resources.grammar_client import GrammarUnavailable
    from auditor.resources.grammar_install import grammar_available
    from auditor.resources.grammar_server import LanguageToolServer, forget_served, record_served, served_url

    running = served_url()
    if running:
        click.echo(f"auditor: a LanguageTool server is already kept up at {running}", err=True)
        sys.exit(EXIT_ERROR)
    ok, reason = grammar_available()
    if not ok:
        click.echo(f"auditor: {reason}", err=True)
        sys.exit(EXIT_ERROR)

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    # SIGTERM ends the wait as Ctrl-C does, so the server is stopped and the record removed.
    signal.signal(signal.SIGTERM, interrupt)
    click.echo("auditor: starting LanguageTool (Java)...", err=True)
    try:
        with LanguageToolServer(port=port) as server:
            state = record_served(server)
            click.echo(f"LanguageTool {server.url} is up; `auditor check --grammar` uses it. Ctrl-C stops it.")
            try:
                while server.is_running():
                    time.sleep(1)
            except KeyboardInterrupt:
                pass
            finally:
                forget_served(state)
    except GrammarUnavailable as exc:
        click.echo(f"auditor: LanguageTool could not start: {exc.reason}", err=True)
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        pass
    sys.exit(EXIT_OK)


@grammar.command("status")
def grammar_status():
    """Say whether grammar checking can run here, and why not."""
    from auditor.resources.grammar_install import grammar_available
    from auditor.resources.grammar_server import served_url

    ok, reason = grammar_available()
    running = served_url()
    click.echo(("available: " if ok else "unavailable: ") + reason
               + (f"; a server is kept up at {running}" if running else ""))
    sys.exit(EXIT_OK if ok else EXIT_FAIL)
