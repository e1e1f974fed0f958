"""The pre-commit hook and the GitHub Action, run the way users run them.

The pre-commit test runs `pre-commit try-repo` on a copy of this project (committed in a
temporary repository, so that the hook definition and the current sources are what pre-commit
installs) against a small repository of articles. pre-commit pip-installs the auditor into its
own environment, which needs the package index; the test is skipped only when pre-commit
itself is not installed (`pip install -e '.[test]'` installs it).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
# An article long enough to be one (BP001 fails texts with fewer than 25 words of article text).
CLEAN = ("Rates held\n\nThe central bank kept its main rate unchanged on Thursday, citing slower inflation "
         "and weak demand across the region, and said it would look at the decision again in March.\n")
CHROME = "Storm closes coast road\n\nThe coast road was closed on Sunday.\n\nLeave a Reply\n\nAuthor: Jane Roe\n"


def git(*args, cwd):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false",
                    *args], cwd=cwd, check=True, capture_output=True)


def _copy_project(target: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.pickle")
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy(ROOT / name, target / name)
    shutil.copytree(ROOT / "auditor", target / "auditor", ignore=ignore)
    shutil.copytree(ROOT / "rules", target / "rules", ignore=ignore)


def test_hook_definition_is_valid():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [hook] = hooks
    assert hook["id"] == "auditor" and hook["language"] == "python"
    assert hook["entry"].split()[:2] == ["auditor", "check"]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_try_repo_runs_the_hook(tmp_path):
    pytest.importorskip("pre_commit", reason="pre-commit is not installed (it is in the test extra)")
    hook_repo = tmp_path / "auditor-hook"
    hook_repo.mkdir()
    _copy_project(hook_repo)
    git("init", "-q", cwd=hook_repo)
    git("add", ".", cwd=hook_repo)
    git("commit", "-q", "-m", "hook", cwd=hook_repo)

    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "storm.txt").write_text(CHROME, encoding="utf-8")
    (articles / "rates.txt").write_text(CLEAN, encoding="utf-8")
    (articles / "notes.py").write_text("print('not an article')\n", encoding="utf-8")
    git("init", "-q", cwd=articles)
    git("add", ".", cwd=articles)

    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "NO_COLOR": "1"}
    env.pop("VIRTUAL_ENV", None)

    def try_repo(*args):
        return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "auditor",
                               "--color", "never", *args], cwd=articles, capture_output=True, text=True,
                              env=env, timeout=900)

    failing = try_repo("--all-files")
    out = failing.stdout + failing.stderr
    assert failing.returncode == 1, out
    assert "Failed" in out and "storm.txt" in out and "Leave a Reply" in out
    assert "rates.txt: score 100 (pass)" in out and "notes.py" not in out  # only articles are checked

    passing = try_repo("--files", "rates.txt")
    out = passing.stdout + passing.stderr
    assert passing.returncode == 0, out
    assert "Passed" in out


# ---- the GitHub Action --------------------------------------------------------------------

def _action() -> dict:
    return yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def test_action_is_a_composite_action_with_the_documented_inputs():
    action = _action()
    assert action["runs"]["using"] == "composite"
    assert {"paths", "format", "fail-under", "fail-on", "baseline", "since", "upload-sarif", "sarif-file"} <= set(
        action["inputs"])
    steps = action["runs"]["steps"]
    assert any(s.get("uses", "").startswith("actions/setup-python@") for s in steps)
    assert any("pip install" in s.get("run", "") and "ACTION_PATH" in s.get("run", "") for s in steps)
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    assert "upload-sarif" in upload["if"]
    for s in steps:
        if "run" in s:
            assert s["shell"] == "bash"
            assert "${{ inputs." not in s["run"]  # inputs go through env, never into the script


def _run_audit_step(tmp_path: Path, **inputs) -> tuple[subprocess.CompletedProcess, dict]:
    """The Audit step's script as the runner would run it, with `auditor` on PATH."""
    step = next(s for s in _action()["runs"]["steps"] if s.get("id") == "audit")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    shim = bin_dir / "auditor"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m auditor "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    output = tmp_path / "github_output"
    output.write_text("", encoding="utf-8")
    defaults = {k: str(v.get("default", "")) for k, v in _action()["inputs"].items()}
    values = {**defaults, **inputs}
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "GITHUB_OUTPUT": str(output),
           "PYTHONPATH": str(ROOT)}
    for key, template in step["env"].items():
        name = template.strip()[len("${{ inputs."):-len(" }}")]
        env[key] = values[name]
    result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                            cwd=tmp_path / "work", env=env, capture_output=True, text=True)
    outputs = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines() if "=" in line)
    return result, outputs


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_action_audit_step_annotates_and_reports_the_gate(tmp_path):
    work = tmp_path / "work"
    (work / "news").mkdir(parents=True)
    (work / "news" / "storm.txt").write_text(CHROME, encoding="utf-8")
    (work / "news" / "rates.txt").write_text(CLEAN, encoding="utf-8")

    result, outputs = _run_audit_step(tmp_path, paths="news")
    assert result.returncode == 0, result.stderr  # the step records the code; the Gate step fails the job
    assert outputs["exit-code"] == "1"
    assert "::warning file=news/storm.txt,line=5,col=1,endLine=7,title=BP601" in result.stdout

    result, outputs = _run_audit_step(tmp_path, paths="news/rates.txt", **{"fail-on": "warning"})
    assert outputs["exit-code"] == "0", result.stdout + result.stderr

    result, outputs = _run_audit_step(tmp_path, paths="news", format="sarif", **{"sarif-file": "out.sarif"})
    assert outputs["exit-code"] == "1" and outputs["sarif-file"] == "out.sarif"
    log = json.loads((work / "out.sarif").read_text(encoding="utf-8"))
    results = log["runs"][0]["results"]
    shown = {r["ruleId"] for r in results} | {c for r in results for c in r["properties"].get("related", [])}
    assert shown >= {"BP101", "BP601"}  # one block for the adjacent byline and comment form
