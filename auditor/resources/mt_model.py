"""The machine-translation model at run time: hashed n-gram features and a linear model, in numpy.

A text is normalized (quotes and white space made uniform, so that how a publisher typesets
quotation marks or breaks lines says nothing; digits made 0 and names made one ``N``, so that
what a story is about says nothing either), then turned into three groups of hashed features:
character 4-grams and word 1- and 2-grams (words lower-cased, punctuation marks as words).
Each feature is a bucket of a table of ``2**bits`` weights; a group's value for a text is the
mean weight of its n-grams (term frequency divided by the group's length, so long and short
texts are on one scale). The logit is the bias plus the groups' means; Platt scaling, fitted with
equal class priors, turns it into a probability.

Every n-gram's bucket is computed in vectorized numpy from one polynomial prefix hash of the
text (modulo 2**64: numpy's unsigned integers wrap), so a BBC-sized article costs tens of
microseconds and no scikit-learn is needed at run time. Training (scripts/train_mt.py, ``auditor
train-mt``) calls the same :func:`features`, so the model sees the same features at run time
as when it was fitted.
"""
from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

import numpy as np

from auditor.core.cache import cache_path, cached, write_atomically
from auditor.core.errors import AuditorError
from auditor.core.paths import PACKAGE
from auditor.resources.mt_settings import DEFAULT_BITS, FORMAT  # noqa: F401 (part of this module's interface)

CHAR_ORDER = 4
CHAR_ORDERS = (CHAR_ORDER,)
WORD_ORDERS = (1, 2)
GROUPS = tuple(f"char{n}" for n in CHAR_ORDERS) + tuple(f"word{n}" for n in WORD_ORDERS)
DEFAULT_MODEL = PACKAGE / "models" / "mt-en.npz"

_BASE = np.uint64(0x100000001B3)  # odd, so invertible modulo 2**64
_BASE_INVERSE = np.uint64(pow(0x100000001B3, -1, 2**64))
_MIX = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: the top bits of h * MIX spread well
_SALT = {name: np.uint64((i + 1) * 0xD6E8FEB86659FD93 % 2**64) for i, name in enumerate(GROUPS)}
_MIXED_SALT = {name: np.uint64(int(salt) * int(_MIX) % 2**64) for name, salt in _SALT.items()}

# Character kinds and replacements for the Basic Multilingual Plane, built once per process:
# white space (every kind, as one class), word characters (letters, digits, underscore), and the
# rest, with the flags below; quotation marks of every style, and the cp1252 code points of curly
# quotes that badly decoded text carries, become ASCII ones. A code point above the plane (emoji,
# rare scripts) is read as U+FFFF, one symbol of the class "other".
_SPACE_CLASS, _WORD_CLASS, _OTHER_CLASS = 0, 1, 2  # a word character has bit 0 set
_CLASS_BITS = 3
# Flags: a capital letter; white space (any); white space that does not break the line; white
# space or a character after which a capitalised word opens a sentence or a quotation.
_UPPER_FLAG, _SPACE_FLAG, _PLAIN_SPACE_FLAG, _OPENS_FLAG = 4, 8, 16, 32
_PLANE = 0x10000
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb\x93\x94"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2039\u203a\x91\x92"
_OPENERS = ".!?:\"'" + _DOUBLE_QUOTES + _SINGLE_QUOTES
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
NAME = ord("N")  # what a name becomes (free: every other capital letter is made lower case)
# Two consecutive kinds read as one little-endian integer: both white space (the second goes).
_SPACE_PAIR = np.uint16(_SPACE_FLAG | _SPACE_FLAG << 8)
# Four consecutive kinds read as one little-endian integer: a name starts at the third when the
# first is neither white space nor an opener, the second is white space inside a line, the
# third a capital letter and the fourth a word character.
_NAME_MASK = np.uint32(_OPENS_FLAG | _PLAIN_SPACE_FLAG << 8 | _UPPER_FLAG << 16 | 1 << 24)
_NAME_PATTERN = np.uint32(_PLAIN_SPACE_FLAG << 8 | _UPPER_FLAG << 16 | 1 << 24)
NAME_LETTERS = 16  # a name longer than this keeps its letters after the 16th (few are)
# The letters a name drops, counted from the start of its four-kind window (the capital is third).
_NAME_FOLLOWERS = np.arange(3, NAME_LETTERS + 2)[None, :]
_PADDING = " " * (NAME_LETTERS + 1)


@dataclass(frozen=True)
class _Tables:
    """Per code point of the plane: its kind (class and flags), and what it adds to a hash (its
    normalized code, plus one: lower case, ASCII quotes, one space, digits 0). Per pair of
    consecutive kinds (read as one little-endian integer): whether a word starts at the second,
    and whether one ends at the first (a word is a run of word characters, or one other visible
    character)."""

    kinds: np.ndarray
    hash_codes: np.ndarray
    word_starts: np.ndarray
    word_ends: np.ndarray


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    """The tables, read from the user's cache folder when an earlier run built them: building
    them walks every code point of the plane in Python, which costs more than a short article.
    They depend on Python's Unicode database (part of the cache key) and on this module."""
    import unicodedata

    tables = cached("mt-tables", [Path(__file__)], _build_tables, content=unicodedata.unidata_version.encode())
    for table in (tables.kinds, tables.hash_codes, tables.word_starts, tables.word_ends):
        table.setflags(write=False)
    return tables


def _build_tables() -> _Tables:
    chars = [chr(c) for c in range(_PLANE)]
    kinds = np.array(
        [_SPACE_CLASS if ch.isspace() else _WORD_CLASS if (ch.isalnum() or ch == "_") else _OTHER_CLASS
         for ch in chars], dtype=np.uint8)
    kinds[0xD800:0xE000] = _OTHER_CLASS
    space = kinds == _SPACE_CLASS
    kinds[[c for c, ch in enumerate(chars) if ch.isupper() or ch.istitle()]] |= _UPPER_FLAG
    kinds[space] |= _SPACE_FLAG | _PLAIN_SPACE_FLAG | _OPENS_FLAG
    kinds[[ord(c) for c in _LINE_BREAKS]] &= ~np.uint8(_PLAIN_SPACE_FLAG)
    kinds[[ord(c) for c in _OPENERS]] |= _OPENS_FLAG
    lower = [ch.lower() for ch in chars]
    replace = np.array([ord(low) if len(low) == 1 else c for c, low in enumerate(lower)], dtype=np.uint64)
    replace[[ord(c) for c in _DOUBLE_QUOTES]] = ord('"')
    replace[[ord(c) for c in _SINGLE_QUOTES]] = ord("'")
    replace[space] = ord(" ")
    replace[[c for c, ch in enumerate(chars) if ch.isdigit()]] = ord("0")
    pairs = np.arange(1 << 16)
    first, second = pairs & _CLASS_BITS, (pairs >> 8) & _CLASS_BITS
    joined = (first == _WORD_CLASS) & (second == _WORD_CLASS)
    return _Tables(kinds, replace + np.uint64(1), (second != _SPACE_CLASS) & ~joined,
                   (first != _SPACE_CLASS) & ~joined)


@lru_cache(maxsize=1)
def _powers(length: int) -> tuple[np.ndarray, np.ndarray]:
    """BASE**-k, and BASE**k * MIX for k = 0 .. length (modulo 2**64)."""
    powers = np.full(length + 1, _BASE, dtype=np.uint64)
    powers[0] = 1
    np.cumprod(powers, out=powers)
    inverse = np.full(length + 1, _BASE_INVERSE, dtype=np.uint64)
    inverse[0] = 1
    np.cumprod(inverse, out=inverse)
    np.multiply(powers, _MIX, out=powers)
    powers.setflags(write=False)
    inverse.setflags(write=False)
    return inverse, powers


_POWERS_KEPT = 1 << 15  # texts up to this many characters reuse one table of powers
BATCH_CHARACTERS = 1 << 14  # texts scored together by MTModel.probabilities, in characters


_WINDOW_TYPES = {width: np.dtype(f"<u{width}") for width in (2, 4)}


def _byte_windows(array: np.ndarray, width: int) -> np.ndarray:
    """Every run of ``width`` consecutive bytes of a uint8 array, read as one little-endian integer."""
    # Positional arguments: numpy parses keywords here at a cost comparable to the call's work.
    return np.ndarray((len(array) - width + 1,), _WINDOW_TYPES[width], array, 0, (1,))


def _normalized(text: str, tables: _Tables) -> tuple[np.ndarray, np.ndarray]:
    """The normalized text between two spaces, as hash codes (code point + 1) and kinds; empty
    when the text has nothing but white space. See :func:`normalized_codes`."""
    # Two spaces before the text, so every capital has two characters before it; spaces after
    # it, so every name ends inside the array with room to look NAME_LETTERS characters on.
    raw = np.frombuffer(("  " + text + _PADDING).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    codes, kinds, keep = _marked(raw, tables)
    codes, kinds = codes[keep], kinds[keep]
    if len(codes) < 3:  # the leading space and the first trailing one: nothing between them
        return codes[:0], kinds[:0]
    return codes, kinds


def _marked(raw: np.ndarray, tables: _Tables) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Hash codes and kinds of the code points ``raw`` (names made ``N``), and which of them the
    normalized text keeps."""
    # A code point above the plane (emoji, rare scripts) is read as the last one of the plane.
    kinds = tables.kinds.take(raw, mode="clip")
    # A character stays unless it is white space after white space; the first space stays too,
    # as the space before the text.
    keep = np.empty(len(raw), dtype=bool)
    keep[0] = True
    np.not_equal(_byte_windows(kinds, 2) & _SPACE_PAIR, _SPACE_PAIR, out=keep[1:])
    # Each name is tested on the four kinds around its capital, read as one integer.
    windows = _byte_windows(kinds, 4)
    names = np.equal(windows & _NAME_MASK, _NAME_PATTERN).nonzero()[0]
    codes = tables.hash_codes.take(raw, mode="clip")
    if len(names):
        # The letters after a name's first, up to NAME_LETTERS - 1 of them, are dropped: those
        # before the first character that is not a word character.
        followers = names[:, None] + _NAME_FOLLOWERS
        in_name = np.logical_and.accumulate((kinds.take(followers) & _WORD_CLASS).view(bool), axis=1)
        keep[followers[in_name]] = False
        codes[2:][names] = NAME + 1
    return codes, kinds, keep


def normalized_codes(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Code points of the normalized text, and each one's class. Normalized: lower case, quotes
    made ASCII, digits made 0 (figures say what a text is about, not how it was written), white
    space runs made one space and none at either end, and each name made one ``N``.

    A name is a capitalised word of two letters or more after one space that follows a word or a
    comma, a bracket, a dash...: not after a sentence end, a colon, a quotation mark or a line
    break, where any word is capitalised. Names say what a text is about and where it was
    written, not how it was translated; a model that learns them does not carry over to new
    stories."""
    codes, kinds = _normalized(text, _tables())
    return codes[1:-1] - np.uint64(1), kinds[1:-1] & _CLASS_BITS


def normalize_text(text: str) -> str:
    """What the features are computed on, as a string (for reading; features use the codes)."""
    codes, _ = normalized_codes(text)
    return codes.astype(np.uint32).tobytes().decode("utf-32-le", "surrogatepass")


def features(text: str, bits: int = DEFAULT_BITS) -> tuple[np.ndarray, tuple[int, ...]]:
    """Bucket indexes of every n-gram of the normalized text, grouped, and each group's size
    (in GROUPS order; a group is empty when the text is too short for it).

    An n-gram ``codes[i:j]`` hashes to sum((codes[k] + 1) * BASE**(j - 1 - k)), modulo 2**64. With
    prefix sums S[j] = sum over k < j of (codes[k] + 1) * BASE**-(k + 1), that is
    BASE**j * (S[j] - S[i]): one cumulative sum, then one subtraction and one product per group.
    Each group's hashes get the group's salt, and Fibonacci hashing (the top bits of h * MIX
    depend on every bit of h) picks the bucket; as products distribute modulo 2**64, MIX is
    folded into the table of powers and into the salts. The work is some thirty whole-array
    numpy calls whatever the text's length: at about a microsecond a call, fewer calls is what
    makes it fast, not smaller arrays."""
    tables = _tables()
    codes, kinds = _normalized(text, tables)
    n = len(codes) - 2  # codes and kinds have a space at either end
    if n <= 0:
        return np.zeros(0, dtype=np.int64), (0,) * len(GROUPS)
    inverse, mixed_powers = _powers(_POWERS_KEPT) if n <= _POWERS_KEPT else _powers.__wrapped__(n)
    sums = np.multiply(codes[:n + 1], inverse[:n + 1])
    sums[0] = 0  # the leading space is not part of the text
    sums.cumsum(out=sums)
    # Words: word k is codes[starts[k]:ends[k]] of the text (between the spaces at either end).
    pairs = _byte_windows(kinds, 2)
    starts = tables.word_starts.take(pairs).nonzero()[0]
    ends = tables.word_ends.take(pairs).nonzero()[0]
    chars, words = max(0, n - CHAR_ORDER + 1), len(starts)
    sizes = (chars, words, max(0, words - 1))
    hashes = np.empty(sum(sizes), dtype=np.uint64)
    char_grams, word1, word2 = hashes[:chars], hashes[chars:chars + words], hashes[chars + words:]
    # (hash + salt) * MIX, each hash already times MIX.
    np.subtract(sums[CHAR_ORDER:], sums[:chars], out=char_grams)
    np.multiply(char_grams, mixed_powers[CHAR_ORDER:n + 1], out=char_grams)
    np.add(char_grams, _MIXED_SALT[GROUPS[0]], out=char_grams)
    np.subtract(sums.take(ends), sums.take(starts), out=word1)
    np.multiply(word1, mixed_powers.take(ends), out=word1)
    # A word pair hashes to first * MIX + second.
    np.multiply(word1[:-1], _MIX, out=word2)
    np.add(word2, word1[1:], out=word2)
    np.add(word2, _MIXED_SALT["word2"], out=word2)
    np.add(word1, _MIXED_SALT["word1"], out=word1)
    np.right_shift(hashes, np.uint64(64 - bits), out=hashes)
    return hashes.view(np.int64), sizes


@dataclass(frozen=True)
class MTModel:
    """Weights, bias and calibration of one trained model, with what it was trained on."""

    weights: np.ndarray  # float32, 2**bits
    bias: float
    platt_a: float
    platt_b: float
    bits: int
    meta: dict = field(default_factory=dict)
    path: str = ""

    @property
    def name(self) -> str:
        return self.meta.get("name") or Path(self.path).name or "mt-model"

    def logit(self, text: str) -> float:
        indexes, sizes = features(text, self.bits)
        return self.bias + group_means(self.weights.take(indexes), sizes)

    def probability(self, text: str) -> float:
        return calibrate(self.logit(text), self.platt_a, self.platt_b)

    def probabilities(self, texts: list[str]) -> list[float]:
        """``probability`` of each text, exactly: a few texts at a time are hashed and weighed
        together (:func:`logits`), so numpy's cost per call is shared by them."""
        out: list[float] = []
        group: list[str] = []
        size = 0
        for text in texts:
            # About 16,000 characters together: the arrays of a group (8 bytes a character)
            # stay in the processor's cache between numpy's passes over them; larger groups
            # are slower (measured on news articles: 8 of them at a time are fastest).
            if group and size + len(text) > BATCH_CHARACTERS:
                out += logits(self, group)
                group, size = [], 0
            group.append(text)
            size += len(text)
        out += logits(self, group)
        return [calibrate(z, self.platt_a, self.platt_b) for z in out]

    def save(self, path: str | Path) -> None:
        """Write the model as a compressed npz; the same model always gives the same bytes."""
        meta = dict(self.meta, format=FORMAT, bits=self.bits)
        arrays = {
            "weights": self.weights.astype(np.float32),
            "params": np.array([self.bias, self.platt_a, self.platt_b], dtype=np.float64),
            "meta": np.frombuffer(json.dumps(meta, sort_keys=True, indent=1).encode(), dtype=np.uint8),
        }
        _write_npz(Path(path), arrays)


def logits(model: MTModel, texts: list[str]) -> list[float]:
    """``model.logit(text)`` of each text, bit for bit, computed on the texts laid end to end.

    Each text is normalized as :func:`_normalized` does, between two spaces: laid end to end with
    their padding, the texts share those spaces (white space after white space goes), and no name
    window or n-gram of one text reaches into another's letters. The prefix hash of the whole is
    the prefix hash of each text times a power of BASE that the position's own power cancels
    (BASE is invertible modulo 2**64), so every n-gram of a text gets the bucket it gets alone;
    the n-grams that straddle two texts are left out. Each text's group sums are then taken by
    the same numpy call as for the text alone, on its own values in the same order. A text with
    an empty group (a few words) is computed alone, as ``logit`` does."""
    if len(texts) < 2:
        return [model.logit(text) for text in texts]
    tables = _tables()
    raw = np.frombuffer("".join(f"  {text}{_PADDING}" for text in texts).encode("utf-32-le", "surrogatepass"),
                        dtype=np.uint32)
    codes, kinds, kept_before = _normalized_raw(raw, tables)
    # Where each text's normalized codes start (its leading space) and how many there are.
    region_starts = np.cumsum([0] + [len(text) + 2 + len(_PADDING) for text in texts[:-1]])
    first = kept_before[region_starts]
    ends = np.append(first[1:], len(codes))
    offsets = np.maximum(first - 1, 0)  # a text's leading space is the one the text before it ends with
    lengths = ends - offsets
    n = lengths - 2
    chars = np.maximum(n - CHAR_ORDER + 1, 0)
    total = len(codes)
    if total <= 2 * CHAR_ORDER:  # blank texts, or hardly more: nothing to share
        return [model.logit(text) for text in texts]
    inverse, mixed_powers = _batch_powers(total)
    sums = np.multiply(codes, inverse[:total])
    sums.cumsum(out=sums)
    char_grams = np.subtract(sums[CHAR_ORDER:], sums[:total - CHAR_ORDER])
    np.multiply(char_grams, mixed_powers[CHAR_ORDER:total], out=char_grams)
    np.add(char_grams, _MIXED_SALT[GROUPS[0]], out=char_grams)
    pairs = _byte_windows(kinds, 2)
    starts = tables.word_starts.take(pairs).nonzero()[0]
    word_ends = tables.word_ends.take(pairs).nonzero()[0]
    words = np.subtract(sums.take(word_ends), sums.take(starts))
    np.multiply(words, mixed_powers.take(word_ends), out=words)
    word_pairs = np.multiply(words[:-1], _MIX)
    np.add(word_pairs, words[1:], out=word_pairs)
    np.add(word_pairs, _MIXED_SALT["word2"], out=word_pairs)
    np.add(words, _MIXED_SALT["word1"], out=words)
    # A text's words start at a pair window inside it (the window on its last space and the next
    # text's first letter belongs to the next text).
    word_first = np.searchsorted(starts, offsets)
    word_counts = np.searchsorted(starts, offsets + lengths - 1) - word_first
    # Each text's buckets in the order logit reads them: its character grams, words, word pairs.
    sizes = np.stack([chars, word_counts, np.maximum(word_counts - 1, 0)], axis=1)
    hashes = np.concatenate([char_grams, words, word_pairs])
    sources = [offsets, len(char_grams) + word_first, len(char_grams) + len(words) + word_first]
    bases = np.cumsum(sizes.ravel()) - sizes.ravel()
    where = np.repeat(np.ravel(np.stack(sources, axis=1)) - bases, sizes.ravel()) + np.arange(int(sizes.sum()))
    indexes = np.right_shift(hashes.take(where), np.uint64(64 - model.bits)).view(np.int64)
    values = model.weights.take(indexes)
    out = []
    for text, size, start in zip(texts, sizes.tolist(), bases[::3].tolist()):
        if not all(size):
            out.append(model.logit(text))  # a group is empty: summed as logit sums it
            continue
        out.append(model.bias + group_means(values[start:start + sum(size)], tuple(size)))
    return out


def _normalized_raw(raw: np.ndarray, tables: _Tables) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`_normalized` of texts laid end to end (``raw``), without the check for an empty
    text, and how many codes are kept before each position of ``raw``."""
    codes, kinds, keep = _marked(raw, tables)
    kept_before = np.zeros(len(raw) + 1, dtype=np.int64)
    np.cumsum(keep, out=kept_before[1:])
    return codes[keep], kinds[keep], kept_before


def _batch_powers(length: int) -> tuple[np.ndarray, np.ndarray]:
    """The powers for ``length`` codes: the table ``features`` keeps (groups of texts are shorter
    than it, see BATCH_CHARACTERS), or one made for a longer run."""
    return _powers(_POWERS_KEPT) if length <= _POWERS_KEPT else _powers.__wrapped__(length)


def group_means(values: np.ndarray, sizes) -> float:
    """The sum over groups of each group's mean value (an empty group adds nothing)."""
    if all(sizes):  # the common case: one reduction for every group
        offsets = [0, *accumulate(sizes[:-1])]
        sums = np.add.reduceat(values, offsets, dtype=np.float64).tolist()
        return sum(total / size for total, size in zip(sums, sizes))
    total, at = 0.0, 0
    for size in sizes:
        if size:
            total += float(values[at:at + size].sum(dtype=np.float64)) / size
            at += size
    return total


def calibrate(z: float, a: float, b: float) -> float:
    s = a * z + b
    if s >= 0:
        return 1.0 / (1.0 + math.exp(-s))
    e = math.exp(s)
    return e / (1.0 + e)


class ModelError(AuditorError, ValueError):
    """A model file that cannot be used; the message names the file."""


def _write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    # np.savez_compressed stamps the current time into the zip entries; a fixed date makes the
    # file depend on the model alone, so a rebuild can be compared byte for byte.
    import io
    import zipfile

    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.ascontiguousarray(array), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, buffer.getvalue(), compresslevel=9)


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> MTModel:
    """Read a model file once per process and path (the default: the model shipped in the wheel)."""
    path = str(path or DEFAULT_MODEL)
    try:
        # Both cache entries are keyed by the file's content, hashed once here. A run that finds
        # them never opens the compressed file (reading it takes the zipfile module, slow to import).
        content = file_sha256(path).encode()
        meta, params = cached("mt-params", [], lambda: _read_params(path), content)
        weights = _cached_weights(path, content)
        bias, a, b = params
    except FileNotFoundError:
        raise ModelError(f"{path}: machine-translation model not found") from None
    except (OSError, KeyError, ValueError) as exc:
        raise ModelError(f"{path}: not a machine-translation model ({exc})") from None
    if meta.get("format") != FORMAT:
        raise ModelError(f"{path}: model format {meta.get('format')!r}, expected {FORMAT!r}")
    bits = int(meta["bits"])
    if len(weights) != 2**bits:
        raise ModelError(f"{path}: {len(weights)} weights, expected 2**{bits}")
    return MTModel(weights, bias, a, b, bits, meta, path)


def _read_params(path: str) -> tuple[dict, tuple[float, ...]]:
    """The model file's description (meta) and its bias and calibration."""
    with np.load(path, allow_pickle=False) as data:
        return json.loads(bytes(data["meta"]).decode()), tuple(float(x) for x in data["params"])


def _cached_weights(path: str, content: bytes) -> np.ndarray:
    """The model's weights as float32, mapped from an uncompressed copy in the user's cache folder
    (keyed by ``content``, the model file's hash) rather than inflated from the compressed file
    each run; read from the file (and the copy written) when there is none yet or it cannot be used."""
    target = cache_path("mt-weights", [], ".npy", content)
    if target is not None:
        try:
            mapped = np.load(target, mmap_mode="r", allow_pickle=False)
            if mapped.dtype == np.float32 and mapped.ndim == 1:
                return np.asarray(mapped)  # a plain read-only array over the mapped file, no copy
        except (OSError, ValueError, EOFError):
            pass
    with np.load(path, allow_pickle=False) as data:
        weights = data["weights"].astype(np.float32)
    if target is not None:
        write_atomically(target, lambda tmp: _save_array(tmp, weights))
    return weights


def _save_array(path: Path, array: np.ndarray) -> None:
    with path.open("wb") as handle:
        np.save(handle, array, allow_pickle=False)


def file_sha256(*paths: str | Path) -> str:
    digest = hashlib.sha256()
    for p in paths:
        with open(p, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()
