"""The package as users install it: the light core, and a read-only installation.

- The core (`pip install article-auditor`, no extras) checks and cleans text: a child process
  that refuses to import the optional packages (pyarrow, dask, trafilatura, Jinja2 ...) runs
  `check` and `clean`, and a feature that needs an extra says which one.
- A non-editable install whose site-packages is read-only runs `check` and `clean`, writes its
  precompiled data to the user's cache folder ($XDG_CACHE_HOME) and nothing into the package;
  with a cache folder that cannot be created it still works, building the data in memory.
"""
from __future__ import annotations

import os
import stat
import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OPTIONAL = ("pyarrow", "dask", "distributed", "trafilatura", "lxml_html_clean", "jinja2")
BODY = ("Winds of more than 120 km/h closed the coast road on Sunday, police said, and the ferry to the "
        "islands was cancelled for the second day running. Engineers expect to reopen the road by Tuesday "
        "once fallen trees have been cleared, the regional council said in a statement. ") * 3
ARTICLE = f"Storm closes coast road\n\n{BODY}\n\nLeave a Reply\n"

# Runs the auditor's command line with the optional packages refused at import.
BLOCKED_RUNNER = textwrap.dedent(f"""
    import sys

    BLOCKED = {OPTIONAL!r}

    class RefuseOptional:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ModuleNotFoundError(f"No module named {{name!r}} (refused by the test)")
            return None

    sys.meta_path.insert(0, RefuseOptional())
    from auditor.commands.cli import main

    main(sys.argv[1:], prog_name="auditor")
""")


def _env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AUDITOR_")}
    env.update(extra)
    return env


def run_core(*args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", BLOCKED_RUNNER, *args], capture_output=True, text=True,
                          cwd=cwd, env=_env(PYTHONPATH=str(ROOT)))


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "storm.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_core_checks_and_cleans_text_without_the_optional_packages(tmp_path, article):
    checked = run_core("check", str(article), "--no-grammar", "--format", "json", cwd=tmp_path)
    assert checked.returncode in (0, 1), checked.stderr
    assert '"BP101"' in checked.stdout
    cleaned = run_core("clean", str(article), "--no-grammar", cwd=tmp_path)
    assert cleaned.returncode == 0, cleaned.stderr
    assert "Leave a Reply" not in cleaned.stdout and "Engineers expect" in cleaned.stdout


def test_core_names_the_extra_a_feature_needs(tmp_path, article):
    page = tmp_path / "page.html"
    page.write_text("<html><body><article><p>Text.</p></article></body></html>", encoding="utf-8")
    html = run_core("check", str(page), str(article), "--no-grammar", cwd=tmp_path)
    assert html.returncode == 2  # an input error; the text file is still checked
    assert "reading HTML needs the html extra: pip install 'article-auditor[html]'" in html.stderr
    assert "storm.txt" in html.stdout
    report = run_core("report", str(article), "--out", str(tmp_path / "q"), "--no-grammar", cwd=tmp_path)
    assert report.returncode == 2
    assert "the report command needs the html and parquet extras: pip install 'article-auditor[html,parquet]'" \
        in report.stderr
    dask = run_core("check", str(article), "--no-grammar", "--engine", "dask", cwd=tmp_path)
    assert dask.returncode == 2
    assert "the dask engine needs the dask extra: pip install 'article-auditor[dask]'" in dask.stderr


# --- a read-only installation ----------------------------------------------------------------

@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A venv holding a real, non-editable install of this tree, its site-packages read-only.

    The venv reaches the test environment's packages (the dependencies, pip, hatchling) through
    a .pth line: `venv --system-site-packages` would give the base interpreter's packages, not
    this virtual environment's. The package is built without build isolation (no download).
    """
    pytest.importorskip("hatchling", reason="hatchling (in the test extra) builds the package")
    venv = tmp_path_factory.mktemp("install") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    (site / "test-environment.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    result = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                             "--disable-pip-version-check", str(ROOT)], capture_output=True, text=True,
                            env=_env())
    assert result.returncode == 0, result.stderr
    package = site / "auditor"
    assert (package / "rules" / "boilerplate").is_dir() and not (package / "rules" / "__pycache__").exists()
    before = _files(site)
    _read_only(site)
    yield venv, site, before
    for path in [site, *site.rglob("*")]:
        if path.is_dir():
            path.chmod(path.stat().st_mode | stat.S_IWUSR)


def _files(folder: Path) -> set[str]:
    # Python may compile a module pip left uncompiled; everything else must stay as installed.
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.suffix != ".pyc"}


def _read_only(folder: Path) -> None:
    for path in [folder, *folder.rglob("*")]:
        path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def _run_installed(venv: Path, home: Path, cache: Path, *args) -> subprocess.CompletedProcess:
    env = _env(HOME=str(home), XDG_CACHE_HOME=str(cache))
    env.pop("PYTHONPATH", None)
    return subprocess.run([str(venv / "bin" / "auditor"), *args], capture_output=True, text=True, cwd=home,
                          env=env)


def test_a_read_only_install_checks_and_cleans_with_a_user_cache(installed, tmp_path, article):
    venv, site, before = installed
    home, cache = tmp_path / "home", tmp_path / "xdg-cache"
    home.mkdir()
    checked = _run_installed(venv, home, cache, "check", str(article), "--no-grammar", "--format", "json")
    assert checked.returncode in (0, 1), checked.stderr
    assert '"BP101"' in checked.stdout
    entries = sorted(p.name for p in (cache / "article-auditor").iterdir())
    assert any(name.startswith("rules-") and name.endswith(".pickle") for name in entries), entries
    cleaned = _run_installed(venv, home, cache, "clean", str(article), "--no-grammar")
    assert cleaned.returncode == 0, cleaned.stderr
    assert "Leave a Reply" not in cleaned.stdout and "Engineers expect" in cleaned.stdout
    assert _files(site) == before  # nothing written into the installed package


def test_a_cache_folder_that_cannot_be_created_costs_time_not_results(installed, tmp_path, article):
    venv, site, before = installed
    home = tmp_path / "home"
    home.mkdir()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go\n", encoding="utf-8")
    cache = blocker / "cache"  # cannot be created, even by root
    checked = _run_installed(venv, home, cache, "check", str(article), "--no-grammar", "--format", "json")
    assert checked.returncode in (0, 1), checked.stderr
    assert '"BP101"' in checked.stdout and "Traceback" not in checked.stderr
    cleaned = _run_installed(venv, home, cache, "clean", str(article), "--no-grammar")
    assert cleaned.returncode == 0, cleaned.stderr
    assert "Leave a Reply" not in cleaned.stdout
    assert _files(site) == before
