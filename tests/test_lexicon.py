"""The phrase data of the web-chrome rules is generated: it must match its sources.

scripts/build_lexicon.py --check regenerates rules/boilerplate/lexicon/ from the WordPress UI
lexicon (../shared/lexicon, outside the project) and the hand-written phrases, into a temporary
folder, and fails when the data on disk differs.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "build_lexicon.py"
LEXICON = ROOT / ".." / "shared" / "lexicon" / "wordpress-ui.tsv"
PACKS = ROOT / "rules" / "boilerplate"

needs_lexicon = pytest.mark.skipif(not LEXICON.is_file(),
                                   reason=f"the WordPress UI lexicon is not at {LEXICON.resolve()}")


def build(*args):
    return subprocess.run([sys.executable, str(SCRIPT), "--quiet", *args], capture_output=True, text=True,
                          cwd=ROOT)


@needs_lexicon
def test_generated_phrase_data_matches_its_sources():
    result = build("--check")
    assert result.returncode == 0, result.stderr


@needs_lexicon
def test_check_names_a_data_file_that_was_edited_by_hand(tmp_path):
    packs = tmp_path / "boilerplate"
    shutil.copytree(PACKS, packs)
    data = packs / "lexicon" / "widgets.yaml"
    data.write_text(data.read_text(encoding="utf-8").replace("    - Share this page\n", "", 1), encoding="utf-8")
    result = build("--check", "--packs", str(packs))
    assert result.returncode == 1
    assert str(data) in result.stderr
    assert "comment-forms.yaml" not in result.stderr  # the untouched files are current


def test_rule_metadata_is_written_only_in_the_packs():
    """The packs hold every rule's documentation; the data files hold only phrases by language."""
    for data_file in sorted((PACKS / "lexicon").glob("*.yaml")):
        pack = yaml.safe_load((PACKS / data_file.name).read_text(encoding="utf-8"))
        served = {r["code"] for r in pack if r.get("phrases_file") == f"lexicon/{data_file.name}"}
        data = yaml.safe_load(data_file.read_text(encoding="utf-8"))
        assert set(data) == served
        for code, by_language in data.items():
            assert all(isinstance(v, list) for v in by_language.values()), code
        for rule in pack:
            assert "phrases" not in rule and rule["why"] and rule["examples"]["match"], rule["code"]
