"""Start-up of the command: BLAS threads that no command but train-mt uses are not started."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROBE = ("import os, sys; sys.argv = ['auditor', *sys.argv[1:]]; import auditor.commands.cli; "
         "print(os.environ.get('OPENBLAS_NUM_THREADS'))")


def blas_threads(*args: str, preset: str | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    if preset is not None:
        env["OPENBLAS_NUM_THREADS"] = preset
    out = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env, check=True)
    return out.stdout.strip()


@pytest.mark.parametrize("command", ["check", "clean"])
def test_auditing_commands_run_numpy_on_one_blas_thread(command):
    assert blas_threads(command, "article.txt") == "1"


def test_the_users_own_setting_wins():
    assert blas_threads("check", "article.txt", preset="3") == "3"


def test_training_keeps_blas_default_threads():
    assert blas_threads("train-mt", "--out", "m.npz") == "None"


def test_a_run_without_english_text_does_not_load_numpy(tmp_path):
    """numpy (tens of milliseconds to import) comes with the machine-translation model, which only
    English article text needs: a pre-commit check of a German file does without it."""
    article = tmp_path / "artikel.txt"
    article.write_text("Die Stadt hat am Montag einen neuen Haushalt beschlossen. Der Rat stimmte mit "
                       "großer Mehrheit zu, nachdem die Opposition ihre Einwände zurückgezogen hatte.\n",
                       encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    probe = ("import sys, runpy; sys.argv = ['auditor', 'check', sys.argv[1], '--no-grammar', '--exit-zero'];\n"
             "try:\n    runpy.run_module('auditor', run_name='__main__')\nexcept SystemExit:\n    pass\n"
             "print('numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe, str(article)], capture_output=True, text=True, env=env,
                         check=True)
    assert out.stdout.strip().splitlines()[-1] == "False"
