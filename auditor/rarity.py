"""How common a word is in English (wordfreq's Zipf scale), fast enough for a one-file check.

wordfreq loads its whole English list (and imports langcodes, ftfy, regex) on the first lookup:
about 0.3 s, longer than auditing a short article. The name rules ask about a handful of words
per document, so the list is copied once into an SQLite table in the package's __pycache__
folder (like the other precompiled data, see auditor/cache.py) and each word is looked up there.
When that folder is not writable, or for words wordfreq would split into several tokens,
wordfreq answers directly.
"""
from __future__ import annotations

import os
import sqlite3
import tempfile
from functools import lru_cache
from pathlib import Path

_SIMPLE = str.isalpha


@lru_cache(maxsize=1)
def _table() -> sqlite3.Connection | None:
    if os.environ.get("AUDITOR_NO_CACHE"):
        return None
    try:
        from importlib.metadata import version

        key = version("wordfreq")
    except Exception:  # noqa: BLE001 - no metadata: use wordfreq directly
        return None
    folder = Path(__file__).resolve().parent / "__pycache__"
    path = folder / f"wordfreq-en-{key}.sqlite3"
    if not path.exists():
        try:
            _build(folder, path)
        except (OSError, sqlite3.Error):
            return None
    try:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    except sqlite3.Error:
        return None


def _build(folder: Path, path: Path) -> None:
    import math

    from wordfreq import get_frequency_dict

    folder.mkdir(exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        db.execute("CREATE TABLE words (w TEXT PRIMARY KEY, z REAL) WITHOUT ROWID")
        db.executemany("INSERT OR REPLACE INTO words VALUES (?, ?)",
                       ((w, round(math.log10(f) + 9, 2)) for w, f in get_frequency_dict("en").items() if f > 0))
        db.commit()
        db.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of an English word (0 for a word it has never seen)."""
    table = _table() if _SIMPLE(word) else None
    if table is None:
        from wordfreq import zipf_frequency

        return zipf_frequency(word, "en")
    row = table.execute("SELECT z FROM words WHERE w = ?", (word.casefold(),)).fetchone()
    return row[0] if row else 0.0
