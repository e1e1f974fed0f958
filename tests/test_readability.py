import json
import os
import subprocess
import sys

from auditor import Document, audit

TEXT = ("The central bank kept its main interest rate unchanged on Thursday. Officials said inflation "
        "had slowed for a third month, but warned that wages were still rising quickly.")


def test_readability_is_reported_and_never_charged():
    report = audit(Document(TEXT), options={"grammar": False, "readability": True})
    figures = report.readability
    assert set(figures) == {"flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog"}
    assert 0 < figures["flesch_reading_ease"] < 100
    assert report.score.score == 100


def test_readability_works_offline_without_touching_home(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    # The auditor's own precompiled data goes to its cache folder (here outside HOME); nothing
    # else may be written under HOME, least of all NLTK's data.
    env = {**os.environ, "HOME": str(home), "NLTK_DATA": str(tmp_path / "nowhere"),
           "AUDITOR_CACHE_DIR": str(tmp_path / "cache")}
    result = subprocess.run([sys.executable, "-m", "auditor", "check", str(path), "--readability", "--no-grammar",
                             "--format", "json"], capture_output=True, text=True, env=env)
    doc = json.loads(result.stdout)["documents"][0]
    assert doc["readability"]["gunning_fog"] > 0
    assert list(home.iterdir()) == []


def test_readability_is_null_for_languages_textstat_cannot_count():
    report = audit(Document("Bu bir deneme metnidir ve kısa bir cümledir."), options={"readability": True, "grammar": False})
    assert report.readability is None
