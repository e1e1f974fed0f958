"""The machine-translation features against a plain, character-by-character reading of their spec.

The shipped model's weights are indexed by these hashes: the vectorized code in
auditor/resources/mt_model.py must give exactly the buckets that the written-out definition
below gives (normalization, names, words, polynomial hashes, salts, Fibonacci hashing), or every
probability changes without a retrained model.
"""
from __future__ import annotations

import random

import numpy as np
import pytest

from auditor.resources.mt_model import GROUPS, features, normalize_text

BASE, MIX, MOD = 0x100000001B3, 0x9E3779B97F4A7C15, 2**64
SALTS = {name: (i + 1) * 0xD6E8FEB86659FD93 % MOD for i, name in enumerate(GROUPS)}
DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb\x93\x94"
SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2039\u203a\x91\x92"
OPENERS = ".!?:\"'" + DOUBLE_QUOTES + SINGLE_QUOTES
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
NAME_LETTERS = 16


def is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def normalized_chars(text: str) -> list[tuple[str, str]]:
    """(character, class) of the normalized text, one character at a time."""
    text = "".join(ch if ord(ch) < 0x10000 else "\uffff" for ch in text)  # read above the plane as U+FFFF
    padded = "  " + text
    out: list[tuple[str, str]] = []
    pos = 2
    while pos < len(padded):
        ch = padded[pos]
        kind = "space" if ch.isspace() else "word" if is_word(ch) else "other"
        before, space = padded[pos - 2], padded[pos - 1]
        following = padded[pos + 1] if pos + 1 < len(padded) else " "
        if ((ch.isupper() or ch.istitle()) and is_word(following) and space.isspace() and space not in LINE_BREAKS
                and not before.isspace() and before not in OPENERS):
            out.append(("N", kind))
            pos += 1
            dropped = 0
            while pos < len(padded) and is_word(padded[pos]) and dropped < NAME_LETTERS - 1:
                pos, dropped = pos + 1, dropped + 1
            continue
        if ch.isdigit():
            ch = "0"
        elif kind == "space":
            ch = " "
        elif ch in DOUBLE_QUOTES:
            ch = '"'
        elif ch in SINGLE_QUOTES:
            ch = "'"
        elif len(ch.lower()) == 1:
            ch = ch.lower()
        if not (kind == "space" and (not out or out[-1][1] == "space")):
            out.append((ch, kind))
        pos += 1
    if out and out[-1][1] == "space":
        out.pop()
    return out


def polynomial_hash(chars: list[str]) -> int:
    value = 0
    for ch in chars:
        value = (value * BASE + ord(ch) + 1) % MOD
    return value


def reference_features(text: str, bits: int) -> tuple[list[int], tuple[int, ...]]:
    chars = normalized_chars(text)
    letters = [ch for ch, _ in chars]
    grams = [polynomial_hash(letters[i:i + 4]) + SALTS["char4"] for i in range(len(letters) - 3)]
    words: list[list[str]] = []
    for i, (ch, kind) in enumerate(chars):
        if kind == "space":
            continue
        if kind == "word" and i and chars[i - 1][1] == "word":
            words[-1].append(ch)
        else:
            words.append([ch])
    word_hashes = [polynomial_hash(w) for w in words]
    unigrams = [h + SALTS["word1"] for h in word_hashes]
    bigrams = [a * MIX + b + SALTS["word2"] for a, b in zip(word_hashes, word_hashes[1:])]
    buckets = [(h % MOD) * MIX % MOD >> (64 - bits) for h in grams + unigrams + bigrams]
    return buckets, (len(grams), len(unigrams), len(bigrams))


MADE_UP = [
    "The talks in Geneva ended. Officials said \u201cTalks go on\u201d and Angela Merkel agreed.\nWhite smoke rose.",
    "  Prices rose 4.5% in 2023 , said   Mr\u00a0Smith (of AcmeCorp) -- the firm's chief.  ",
    "He met Maximilianus-Bartholomew and Constantinopolitanus yesterday \u2018at home\u2019.",
    "\u2028Line\u2029breaks\r\nand\ttabs \u0130stanbul \u01c5ubrovnik \u24b6bc x\U0001d400y \U0001f600 end_of_it",
]
ALPHABET = list("aB Cd\n\r\t.,:!?\"'\u201c\u201d\u00ab\x93\x92 09_-\u00c9\u00e9\u0130\u0131\u00df\u1e9e\u01c5\u24b6"
                "\u2028\u00a0\u3000\U0001f600\U0001d400x") + ["  ", " Ab", ". Xy", ", Mr", " Abcdefghijklmnopqrstu"]


# Texts of ASCII characters alone, as most English articles are: every ASCII white space, line
# break, opener and word character, capitals and names, densely.
ASCII_ALPHABET = list("aB Cd\n\r\t\x0b\x0c\x1c\x1d\x1e\x1f.,:;!?\"'09_-()") + [
    "  ", " Ab", ". Xy", ", Mr", " Abcdefghijklmnopqrstu", "\tXy", "\x1fQz"]


def random_texts(count: int, seed: int, alphabet: list[str] = ALPHABET) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 80))) for _ in range(count)]


@pytest.mark.parametrize("text", MADE_UP + ["", " ", "a", "abc", "abcd", "x Y", "x Yz"])
def test_features_follow_their_definition(text):
    expected, sizes = reference_features(text, 20)
    got, got_sizes = features(text)
    assert got_sizes == sizes
    assert got.tolist() == expected
    assert normalize_text(text) == "".join(ch for ch, _ in normalized_chars(text))


def test_features_follow_their_definition_on_odd_texts():
    for bits in (20, 12):
        for text in random_texts(400, seed=bits):
            expected, sizes = reference_features(text, bits)
            got, got_sizes = features(text, bits)
            assert (got_sizes, got.tolist()) == (sizes, expected), repr(text)
            assert got.dtype == np.int64


def test_ascii_texts_follow_the_definition():
    for text in random_texts(600, seed=7, alphabet=ASCII_ALPHABET):
        assert text.isascii()
        expected, sizes = reference_features(text, 20)
        got, got_sizes = features(text)
        assert (got_sizes, got.tolist()) == (sizes, expected), repr(text)
        assert normalize_text(text) == "".join(ch for ch, _ in normalized_chars(text)), repr(text)


def test_texts_scored_together_get_the_probability_each_gets_alone():
    """``probabilities`` lays a few texts end to end and hashes them at once: every text must get
    exactly (bit for bit) the probability it gets alone, whatever its neighbours, including empty
    texts, texts of a few words (a group left empty), names at the edges and characters beyond the plane."""
    from auditor.resources.mt_model import BATCH_CHARACTERS, load_model, logits

    model = load_model()
    rng = random.Random(7)
    words = ["Kyiv", "the", "said", "Mr", "Olaf", "Scholz,", "(AP)", "—", "«quote»", "3.5", "\n\n", "  ", "A",
             "I", "x", "naïve", "Ναι", "北京", "😀", "O'Neill", "well-known", "\u00a0", "\ud800"]
    texts = ["", " ", "a", "A B", "Name", "  \n\t ", "End with a Capital Name", "Ünïcödé 😀"]
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(0, 400))) for _ in range(60)]
    alone = [model.probability(text) for text in texts]
    assert model.probabilities(texts) == alone
    for size in (2, 3, 5):
        for i in range(0, len(texts), size):
            group = texts[i:i + size]
            assert logits(model, group) == [model.logit(text) for text in group]
    assert sum(map(len, texts)) > 2 * BATCH_CHARACTERS  # several groups were made
