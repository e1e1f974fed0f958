from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Third-party evaluation data lives beside the project, never inside it.
SHARED = Path(os.environ.get("AUDITOR_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
EVAL = SHARED / "eval"


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: the evaluation data ships beside the project, not in it")
    return path


@pytest.fixture
def seeds() -> Path:
    return need(SEEDS)


@pytest.fixture
def eval_dir() -> Path:
    return need(EVAL)


def skip_or_fail(reason: str):
    """Locally a missing tool skips; in CI (CI=true) the test must run, so it fails."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{reason} (CI must run this test for real)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def languagetool_server():
    """One real LanguageTool server for the whole test session."""
    from auditor.resources import grammar

    if grammar.find_java() is None:
        skip_or_fail("Java is not installed")
    home = grammar.languagetool_home()
    if not grammar.is_installed(home):
        if grammar.find_maven() is None:
            skip_or_fail("LanguageTool is not installed and Maven is missing to install it")
        grammar.install_languagetool(home)
    with grammar.LanguageToolServer(home) as server:
        yield server


# Debian's chromium, headless, with the background traffic this closed network refuses turned off.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--enable-logging=stderr",
                  "--v=0"]


def chromium() -> str:
    import shutil

    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    skip_or_fail("chromium is not installed (apt-get install chromium)")
