"""How common a word is: the word table in the cache folder answers as wordfreq does, hyphenated
and apostrophe words and words with figures included, and a run that finds the table never loads
wordfreq itself."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.resources import rarity

wordfreq = pytest.importorskip("wordfreq")
ROOT = Path(__file__).resolve().parents[1]

# Words wordfreq cuts into several tokens (at hyphens, after "o'" or "d'" before a vowel or h),
# words with figures (looked up as zeros, weighted by how common the number is), curly
# apostrophes, capitals, pieces wordfreq does not know, and trailing apostrophes.
WORDS = ["London-based", "We've", "We\u2019ve", "O'Hara", "d'Arc", "l'eau", "rock'n'roll", "Blu-ray",
         "No-one", "SCRUM-HALF", "A300s", "Under-21s", "Qatargas-4", "Maroon5", "Euro1080", "2019",
         "1966-67", "state-owned", "Xyzzyq-Plugh", "we'ree",
         # straight apostrophes after a word, which wordfreq strips (a stem a case ending leaves)
         "Wer'", "Smith'", "O'Hara'", "London-based'", "Xyzzyq''"]


@pytest.fixture
def table_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("AUDITOR_NO_CACHE", raising=False)
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path))
    rarity._table.cache_clear()
    rarity.zipf.cache_clear()
    yield tmp_path
    rarity._table.cache_clear()
    rarity.zipf.cache_clear()


def test_words_of_several_pieces_get_wordfreqs_answer_from_the_table(table_folder):
    assert rarity._table() is not None, "the word table could not be built in the cache folder"
    for word in WORDS:
        assert rarity.zipf(word) == wordfreq.zipf_frequency(word, "en"), word
    assert rarity.zipf("Blu-ray") > 0 and rarity.zipf("Xyzzyq-Plugh") == 0


def test_a_run_with_the_table_does_not_load_wordfreq(table_folder):
    assert rarity._table() is not None  # built (with wordfreq) in this process, once
    probe = ("import sys\nfrom auditor.resources.rarity import zipf\n"
             f"values = [zipf(w) for w in {WORDS!r}]\n"
             "print('wordfreq' in sys.modules)\n")
    env = dict(os.environ, AUDITOR_CACHE_DIR=str(table_folder), PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "False"


def test_words_looked_up_together_get_wordfreqs_answers(table_folder):
    """A document's words are looked up in one query (the name rules' ``name_rarity`` stage): the
    answers are wordfreq's, for words asked before, words new to the run, words wordfreq lacks and
    words of several pieces alike, and a word asked alone afterwards gets the same answer."""
    words = {"London", "Zelensky", "Golosheykin", "Xyzzyq", "Straße", "Kharkiv", *WORDS}
    first = {"London", "Xyzzyq"}
    assert rarity.zipfs(first) == {w: wordfreq.zipf_frequency(w, "en") for w in first}
    together = rarity.zipfs(words)
    assert together == {w: wordfreq.zipf_frequency(w, "en") for w in words}
    rarity.zipf.cache_clear()
    assert {w: rarity.zipf(w) for w in words} == together
