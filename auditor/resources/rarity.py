"""How common a word is in English (wordfreq's Zipf scale), fast enough for a one-file check.

wordfreq loads its whole English list (and imports langcodes, ftfy, regex) on the first lookup:
about 0.3 s, longer than auditing a short article. The name rules ask about a handful of words
per document, so the list is copied once into an SQLite table in the user's cache folder (like
the other precompiled data, see auditor/cache.py), keyed by wordfreq's version, and each word is
looked up there. When that folder is not writable, or for words wordfreq would split into several
tokens, wordfreq answers directly.
"""
from __future__ import annotations

import sqlite3
from functools import lru_cache
from pathlib import Path

_SIMPLE = str.isalpha


@lru_cache(maxsize=1)
def _table() -> sqlite3.Connection | None:
    from auditor.core.cache import cache_dir, write_atomically

    folder = cache_dir()
    if folder is None:
        return None
    try:
        from importlib.metadata import version

        key = version("wordfreq")
    except Exception:  # noqa: BLE001 - no metadata: use wordfreq directly
        return None
    path = folder / f"wordfreq-en-{key}.sqlite3"
    if not path.exists() and not write_atomically(path, _build):
        return None
    try:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    except sqlite3.Error:
        return None


def _build(path: Path) -> None:
    """The English list as a table, written to ``path`` (sqlite errors surface as OSError)."""
    import math

    from wordfreq import get_frequency_dict

    path.unlink(missing_ok=True)  # a fresh, empty temporary file: sqlite creates its own
    try:
        db = sqlite3.connect(path)
        db.execute("CREATE TABLE words (w TEXT PRIMARY KEY, z REAL) WITHOUT ROWID")
        db.executemany("INSERT OR REPLACE INTO words VALUES (?, ?)",
                       ((w, round(math.log10(f) + 9, 2)) for w, f in get_frequency_dict("en").items() if f > 0))
        db.commit()
        db.close()
    except sqlite3.Error as exc:
        raise OSError(f"cannot build the word table: {exc}") from exc


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of an English word (0 for a word it has never seen)."""
    table = _table() if _SIMPLE(word) else None
    if table is None:
        from wordfreq import zipf_frequency

        return zipf_frequency(word, "en")
    row = table.execute("SELECT z FROM words WHERE w = ?", (word.casefold(),)).fetchone()
    return row[0] if row else 0.0


def frequencies(words: list[str]) -> dict[str, float]:
    """The Zipf frequencies of the words English writing uses among ``words`` (lower case, letters
    only; the others are left out), in one table lookup."""
    words = [w for w in words if _SIMPLE(w)]
    table = _table() if words else None
    if table is None:
        return {w: f for w in words if (f := zipf(w)) > 0}
    found: dict[str, float] = {}
    for i in range(0, len(words), 500):  # below SQLite's limit on parameters
        chunk = words[i:i + 500]
        found.update(table.execute(f"SELECT w, z FROM words WHERE w IN ({','.join('?' * len(chunk))})", chunk))
    return found
