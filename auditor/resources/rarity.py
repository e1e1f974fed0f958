"""How common a word is in English (wordfreq's Zipf scale), fast enough for a one-file check.

wordfreq loads its whole English list (and imports langcodes, ftfy, regex) on the first lookup:
about 0.3 s, longer than auditing a short article. The name rules ask about a handful of words
per document, so the list is copied once into an SQLite table in the user's cache folder (like
the other precompiled data, see auditor/cache.py), keyed by wordfreq's version, and each word is
looked up there. A word of ASCII letters and figures joined by hyphens or apostrophes
("London-based", "We've", "O'Hara", "A300s") is answered from the table too, as wordfreq answers
it: split where wordfreq's tokenizer splits it, figures weighted as wordfreq weighs them, the
frequencies of its pieces combined and rounded as wordfreq does
(``_compound``), so that the first such word of a run does not import wordfreq; so is such a word
with straight apostrophes after it ("Wer'"), which wordfreq strips. When the folder is not
writable, or for other words (letters beyond ASCII joined by a hyphen, figures with points or
commas), wordfreq answers directly.
"""
from __future__ import annotations

import math
import re
import sqlite3
from functools import lru_cache
from pathlib import Path

_SIMPLE = str.isalpha
# Pieces of ASCII letters and figures joined by hyphens, apostrophes between letters only: the
# words answered as wordfreq answers them, without it ("London-based", "We've", "A300s", "Under-21").
_PIECE = r"(?:[A-Za-z]+(?:['\u2019][A-Za-z]+)*|[A-Za-z0-9]+)"
_COMPOUND = re.compile(rf"{_PIECE}(?:-{_PIECE})*")
_FIGURES = re.compile(r"[0-9]{2,}")  # what wordfreq's smash_numbers turns into zeros
# wordfreq's tokenizer cuts a particle before an apostrophe and a vowel or h ("o'hara", "d'arc").
_PARTICLE = re.compile(r"[a-z]{1,2}'[aehiouy]")
# The table's layout; a new layout is a new file.
_LAYOUT = 2
# Enough to map the whole table (about 11 MB).
MMAP_BYTES = 64 << 20


class WordTable:
    """The SQLite word table, with the Zipf values of the words it was asked about.

    A caller that knows many words at once (the capitalized words of a document) asks for them
    together (``zipfs``): one query for many words costs much less than a query per word, while a
    handful of words (what a document adds to a long run's memo) costs less asked one by one, with
    one statement SQLite keeps prepared, than through the temporary index a list of values builds.
    The answers are kept, keyed by the word as written, in a bounded memo.
    """

    MEMO_SIZE = 1 << 17
    # Up to this many words are asked one by one (measured: a document of a long run adds about 7).
    FEW_WORDS = 12

    def __init__(self, connection: sqlite3.Connection):
        self.connection = connection
        self._zipf: dict[str, float] = {}

    def execute(self, sql: str, parameters=()) -> sqlite3.Cursor:
        return self.connection.execute(sql, parameters)

    def zipf(self, word: str) -> float:
        """The Zipf value of a word of letters only."""
        value = self._zipf.get(word)
        if value is None:
            row = self.connection.execute("SELECT z FROM words WHERE w = ?", (word.casefold(),)).fetchone()
            value = row[0] if row else 0.0
            self._remember({word: value})
        return value

    def zipfs(self, words: set[str]) -> dict[str, float]:
        """``zipf`` of each of the words: the words of letters only not asked about yet in as few
        queries as SQLite allows, the others one by one."""
        memo = self._zipf
        missing = words.difference(memo)  # in C, with the words' hashes: no Python loop for known words
        known = words - missing if missing else words
        out = dict(zip(known, map(memo.__getitem__, known)))  # built in C, no Python loop
        if not missing:
            return out
        simple = [w for w in missing if _SIMPLE(w)]
        folded = list({w.casefold() for w in simple})
        found: dict[str, float] = {}
        if len(folded) <= self.FEW_WORDS:
            execute = self.connection.execute
            for word in folded:
                row = execute("SELECT z FROM words WHERE w = ?", (word,)).fetchone()
                if row:
                    found[word] = row[0]
        else:
            for i in range(0, len(folded), 500):  # below SQLite's limit on parameters
                chunk = folded[i:i + 500]
                found.update(self.connection.execute(
                    f"SELECT w, z FROM words WHERE w IN ({','.join('?' * len(chunk))})", chunk))
        new = {w: found.get(w.casefold(), 0.0) for w in simple}
        new.update((w, zipf(w)) for w in missing if not _SIMPLE(w))
        self._remember(new)
        out.update(new)
        return out

    def _remember(self, values: dict[str, float]) -> None:
        if len(self._zipf) + len(values) > self.MEMO_SIZE:
            self._zipf.clear()
        self._zipf.update(values)


@lru_cache(maxsize=1)
def _table() -> WordTable | None:
    from auditor.core.cache import cache_dir, write_atomically

    folder = cache_dir()
    if folder is None:
        return None
    key = _wordfreq_version()
    if key is None:
        return None
    path = folder / f"wordfreq-en-{key}-{_LAYOUT}.sqlite3"
    if not path.exists() and not write_atomically(path, _build):
        return None
    try:
        # The file is written whole beside its place and moved there (write_atomically), never
        # changed after: opened as immutable, SQLite skips the file locks and change checks it
        # would make for each query (most of a one-word lookup's cost), and it reads the pages
        # through a memory map instead of copying them one read at a time.
        # (as_uri escapes what a URI cannot hold: a '?', '#' or '%' in the cache folder's name)
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                                     check_same_thread=False)
        connection.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        return WordTable(connection)
    except sqlite3.Error:
        return None


def _wordfreq_version() -> str | None:
    """wordfreq's installed version (None when unknown), without importing it. The name of its
    ``.dist-info`` folder beside the package says it; importing importlib.metadata to read the
    same costs more than auditing a short article."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("wordfreq")
    except (ImportError, ValueError):
        return None
    if spec is None:
        return None
    for folder in spec.submodule_search_locations or ():
        found = list(Path(folder).parent.glob("wordfreq-*.dist-info"))
        if len(found) == 1:
            return found[0].name[len("wordfreq-"):-len(".dist-info")]
    try:  # another layout (an egg, several copies): ask the metadata
        from importlib.metadata import version

        return version("wordfreq")
    except Exception:  # noqa: BLE001 - no metadata: use wordfreq directly
        return None


def _build(path: Path) -> None:
    """The English list as a table, written to ``path`` (sqlite errors surface as OSError)."""
    from wordfreq import get_frequency_dict

    path.unlink(missing_ok=True)  # a fresh, empty temporary file: sqlite creates its own
    try:
        db = sqlite3.connect(path)
        # z: the Zipf value of a word; f: its frequency, for words of several pieces (_compound).
        db.execute("CREATE TABLE words (w TEXT PRIMARY KEY, z REAL, f REAL) WITHOUT ROWID")
        db.executemany("INSERT OR REPLACE INTO words VALUES (?, ?, ?)",
                       ((w, round(math.log10(f) + 9, 2), f) for w, f in get_frequency_dict("en").items() if f > 0))
        db.commit()
        db.close()
    except sqlite3.Error as exc:
        raise OSError(f"cannot build the word table: {exc}") from exc


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of an English word (0 for a word it has never seen)."""
    simple = _SIMPLE(word)
    if not simple and word.endswith("'") and word[0] != "'":
        # wordfreq strips straight apostrophes from the ends of a token: "Wer'" is "Wer" (a stem
        # a case ending leaves), answered from the table without importing wordfreq.
        core = word.rstrip("'")
        if _SIMPLE(core) or _COMPOUND.fullmatch(core):
            return zipf(core)
    table = _table() if simple or _COMPOUND.fullmatch(word) else None
    if table is None:
        from wordfreq import zipf_frequency

        return zipf_frequency(word, "en")
    if not simple:
        return _compound(table, word)
    return table.zipf(word)


def zipfs(words: set[str]) -> dict[str, float]:
    """``zipf`` of each of the (distinct) words, the words of letters only looked up together
    (see ``WordTable``)."""
    table = _table()
    if table is None:
        return {w: zipf(w) for w in words}
    return table.zipfs(words)


def pieces(word: str) -> list[str]:
    """The tokens wordfreq's English tokenizer makes of a word that ``_COMPOUND`` matches: cut at
    hyphens (letters and figures stay together), and after a particle of one or two letters that a
    straight apostrophe joins to a vowel or h; curly apostrophes made straight."""
    out = []
    for part in word.casefold().split("-"):
        at = 0
        while True:
            m = _PARTICLE.match(part, at)
            if m is None:
                break
            out.append(part[at:m.end() - 2])
            at = m.end() - 1
        out.append(part[at:].replace("\u2019", "'"))
    return out


def _compound(table: WordTable, word: str) -> float:
    """wordfreq's ``zipf_frequency(word, "en")`` for a word of several pieces, from the table:
    1/f = 1/f1 + 1/f2 + ..., rounded to three significant digits, at least its minimum."""
    freq = minimum = 10 ** 0.0 / 1e9  # wordfreq's zipf_to_freq(0): what a word it lacks gets
    one_over = 0.0
    for piece in pieces(word):
        # A run of two or more figures is looked up as zeros, then weighted by how common such a
        # number is (wordfreq's smash_numbers and digit_freq).
        smashed = _FIGURES.sub(lambda m: "0" * len(m.group()), piece)
        row = table.execute("SELECT f FROM words WHERE w = ?", (smashed,)).fetchone()
        if row is None:
            break
        one_over += 1.0 / (row[0] if smashed == piece else row[0] * _figures_frequency(piece))
    else:
        freq = max(1.0 / one_over, minimum)
        freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2)


# wordfreq's estimates of how common a number is (wordfreq/numbers.py, MIT licence): Benford's law
# for the leading figure, and a curve over the years for four figures.
_LEADING_FIGURE = [0.009, 0.300, 0.175, 0.124, 0.096, 0.078, 0.066, 0.057, 0.050, 0.045]
_YEAR_LOG_PEAK, _NOT_YEAR, _REFERENCE_YEAR, _PLATEAU = -1.9185, 0.1, 2019, 20


def _benford(figures: str) -> float:
    return _LEADING_FIGURE[int(figures[0])] / 10 ** (len(figures) - 1)


def _year(figures: str) -> float:
    year = int(figures)
    if year <= _REFERENCE_YEAR:
        log_freq = _YEAR_LOG_PEAK - 0.0083 * (_REFERENCE_YEAR - year)
    elif year <= _REFERENCE_YEAR + _PLATEAU:
        log_freq = _YEAR_LOG_PEAK
    else:
        log_freq = _YEAR_LOG_PEAK - 0.2 * (year - (_REFERENCE_YEAR + _PLATEAU))
    return 10.0 ** log_freq + _NOT_YEAR * _benford(figures)


def _figures_frequency(token: str) -> float:
    """wordfreq's digit_freq of a token whose figures are plain runs (no points or commas)."""
    freq = 1.0
    for run in _FIGURES.findall(token):
        freq *= _year(run) if len(run) == 4 else _benford(run)
    return freq


def frequencies(words: list[str]) -> dict[str, float]:
    """The Zipf frequencies of the words English writing uses among ``words`` (lower case, letters
    only; the others are left out), looked up together (``zipfs``)."""
    return {w: f for w, f in zipfs({w for w in words if _SIMPLE(w)}).items() if f > 0}
