"""The corpus context: a first pass over many documents whose statistics merge associatively.

``collect(document)`` gathers one document's statistics; ``CorpusStats.merge`` adds two
gatherings. Merging is associative and commutative, so a process pool or a Dask cluster can
build the context in any order and reach the same result. Rules read it in the second pass
(``Context.corpus``).

Copies are the exception to "any order": a batch often holds one article several times
(syndicated wire copy, a page crawled twice). The first pass also takes a print of each document
(``document_print``: a hash of its normalized text and a sketch of its word shingles), and
``Syndication`` reads the prints in input order: a document whose text is the same as an earlier
one, or whose shingles overlap it at ``COPY_SIMILARITY`` or more, is a copy of the first. A copy
adds nothing to the repeated-line counts, so an article's own lines count once however many
copies there are, and only lines repeated across different articles count as template chrome.
"""
from __future__ import annotations

import hashlib
import heapq
import re
import unicodedata
import zlib
from array import array
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from auditor.core.document import Document
from auditor.resources.name_text import name_spellings

_DIGITS = re.compile(r"\d")
_PUNCT_SPACE = re.compile(r"[\W_]+")
# Lines longer than this are body text even when syndication repeats them.
MAX_REPEATED_LINE_WORDS = 30
# Copies: two texts whose word 5-shingles overlap this much (Jaccard) are one article. Each text
# keeps the 32 smallest hashes of its shingles (a bottom-k sketch, which estimates the Jaccard
# similarity within about 0.07); a later text is compared with the earlier ones that share one of
# its 4 smallest hashes, a near copy nearly always does. (datasketch's MinHash LSH does the same,
# but importing it takes seconds, in every worker.)
COPY_SIMILARITY = 0.8
SHINGLE_WORDS = 5
SKETCH_SIZE = 32
INDEXED_HASHES = 4
# Texts shorter than this many words are compared by their exact text only (a shingle set of a few
# words says little).
MIN_COPY_WORDS = 20


def normalize_line(text: str) -> str:
    """cc_net's line normalization: case, accents, digits and punctuation do not count."""
    text = unicodedata.normalize("NFD", text.casefold())
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    text = _DIGITS.sub("0", text)
    return _PUNCT_SPACE.sub(" ", text).strip()


def document_line_keys(document: Document) -> set[str]:
    keys = set()
    for line in document.content_lines:
        if len(line.text.split()) > MAX_REPEATED_LINE_WORDS:
            continue
        key = normalize_line(line.text)
        if key:
            keys.add(key)
    return keys


@dataclass
class CorpusStats:
    documents: int = 0
    line_documents: Counter = field(default_factory=Counter)  # normalized line -> documents holding it
    names: Counter = field(default_factory=Counter)  # spelling of a rare capitalized name -> documents using it
    copies_of: dict = field(default_factory=dict)  # a copy's key -> the id of the first document of its article
    copy_counts: Counter = field(default_factory=Counter)  # the first document's id -> how many copies follow

    def merge(self, other: CorpusStats) -> CorpusStats:
        return CorpusStats(
            self.documents + other.documents,
            self.line_documents + other.line_documents,
            self.names + other.names,
            {**self.copies_of, **other.copies_of},
            self.copy_counts + other.copy_counts,
        )

    __add__ = merge

    def absorb(self, other: CorpusStats) -> CorpusStats:
        """Add ``other`` into this one in place (the same sum as ``merge``, without copying)."""
        self.documents += other.documents
        self.line_documents.update(other.line_documents)
        self.names.update(other.names)
        self.copies_of.update(other.copies_of)
        self.copy_counts.update(other.copy_counts)
        self.__dict__.pop("name_index", None)  # built from the names, which just changed
        return self

    def add_print(self, doc_print: "DocumentPrint", syndication: "Syndication") -> None:
        """Count one document's lines once per group of copies (prints are read in input order):
        a copy counts only the lines that no earlier copy of its article held."""
        group, copy = syndication.place(doc_print)
        if copy:
            first = syndication.name_of(group)
            self.copies_of[doc_print.key] = first
            self.copy_counts[first] += 1
        self.line_documents.update(syndication.new_lines(group, doc_print.lines))

    def copy_of(self, document: Document) -> str | None:
        """The id of the first document this one copies, or None."""
        return self.copies_of.get(document_key(document))

    def compact(self, min_documents: int = 2) -> CorpusStats:
        """Drop lines held by fewer than ``min_documents`` documents: no repeated-line rule can
        fire on them (their threshold is at least 2), and workers then receive a small context."""
        self.line_documents = Counter({k: v for k, v in self.line_documents.items() if v >= min_documents})
        return self

    @cached_property
    def name_index(self) -> dict[tuple[str, int], list[str]]:
        """Name spellings by (folded initial, length), each listed under the lengths within two of
        its own: the candidates a spelling is compared with are one lookup away."""
        index: dict[tuple[str, int], list[str]] = {}
        for name in sorted(self.names):
            for delta in (-2, -1, 0, 1, 2):
                index.setdefault((name[:1].casefold(), len(name) + delta), []).append(name)
        return index

    def line_count(self, text: str) -> int:
        return self.line_documents.get(normalize_line(text), 0)

    def to_dict(self) -> dict:
        return {"documents": self.documents, "line_documents": dict(self.line_documents),
                "names": dict(self.names), "copies_of": dict(self.copies_of)}


def collect(document: Document) -> CorpusStats:
    """One document's share of the corpus context."""
    return CorpusStats(documents=1, line_documents=Counter(document_line_keys(document)),
                       names=Counter(name_spellings(document.text)))


def build(documents) -> CorpusStats:
    """The corpus context of documents in this order (copies found as in a batch run)."""
    total = CorpusStats()
    syndication = Syndication()
    for document in documents:
        stats, doc_print = collect_with_print(document)
        total.absorb(stats)
        total.add_print(doc_print, syndication)
    return total


# --- copies of one article ---------------------------------------------------------------------

def document_key(document: Document) -> str:
    """What names a document across the two passes (ids can repeat across files named directly)."""
    return document.path or document.id


@dataclass
class DocumentPrint:
    """What the first pass keeps of one document to find its copies and count its lines."""

    key: str
    name: str  # the document's id, as reports name the first of a group
    text_hash: bytes
    sketch: tuple = ()  # the smallest hashes of the word shingles (bottom-k), empty for short texts
    lines: frozenset = frozenset()


_WORD = re.compile(r"\w+")


def copy_words(text: str) -> list[str]:
    """The words that decide whether two texts are one article: case and punctuation do not count,
    digits do (two reports that differ only in their figures are two articles)."""
    return _WORD.findall(text.casefold())


def document_print(document: Document, lines=None) -> DocumentPrint:
    words = copy_words(document.text)
    text_hash = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).digest()
    sketch: tuple = ()
    if len(words) >= MIN_COPY_WORDS:
        # Words as CRC-32 numbers, shingles as the hash of five of them: a tuple of ints hashes the
        # same in every process (unlike a string), so sketches from any worker compare.
        ids = [zlib.crc32(word.encode("utf-8")) for word in words]
        shingles = set(map(hash, zip(*(ids[i:] for i in range(SHINGLE_WORDS)))))
        sketch = tuple(heapq.nsmallest(SKETCH_SIZE, shingles))
    keys = document_line_keys(document) if lines is None else lines
    return DocumentPrint(document_key(document), document.id, text_hash, sketch, frozenset(keys))


def collect_with_print(document: Document) -> tuple[CorpusStats, DocumentPrint]:
    """``collect`` with the document's lines held back in its print: they are counted (or not, for
    a copy) when the prints are read in input order."""
    stats = collect(document)
    lines = stats.line_documents
    stats.line_documents = Counter()
    return stats, document_print(document, lines)


def sketch_similarity(a: tuple, b: tuple) -> float:
    """The Jaccard similarity of two shingle sets estimated from their bottom-k sketches: the share of
    the k smallest hashes of the union that both sets hold (Broder's estimator)."""
    k = min(len(a), len(b))
    if not k:
        return 0.0
    union = heapq.nsmallest(k, set(a) | set(b))
    both = set(a) & set(b)
    return sum(1 for h in union if h in both) / k


class Syndication:
    """Finds copies among prints read in input order: the same normalized text, or a near copy whose
    shingle sketch is close to an earlier first document's (candidates: documents that share one of
    its few smallest shingle hashes). Each first document opens a group, numbered in input order."""

    def __init__(self, threshold: float = COPY_SIMILARITY):
        self.threshold = threshold
        self._by_text: dict[bytes, int] = {}  # normalized text hash -> group
        self._by_hash: dict[int, list[int]] = {}  # one of a first document's smallest hashes -> groups
        self._sketches: list[tuple] = []  # per group: the first document's sketch
        self._names: list[str] = []  # per group: the first document's id
        # Per group: the short lines its documents hold, as hashes in a compact array.
        self._lines: dict[int, array] = {}

    def place(self, doc_print: DocumentPrint) -> tuple[int, bool]:
        """(group, copy): the group of the first document ``doc_print`` copies, or a new group."""
        group = self._by_text.get(doc_print.text_hash)
        if group is not None:
            return group, True
        sketch = doc_print.sketch
        if sketch:
            candidates = {g for h in sketch[:INDEXED_HASHES] for g in self._by_hash.get(h, ())}
            near = [g for g in candidates if sketch_similarity(sketch, self._sketches[g]) >= self.threshold]
            if near:
                return min(near), True
        group = len(self._names)
        self._names.append(doc_print.name)
        self._sketches.append(sketch)
        self._by_text[doc_print.text_hash] = group
        for h in sketch[:INDEXED_HASHES]:
            self._by_hash.setdefault(h, []).append(group)
        return group, False

    def name_of(self, group: int) -> str:
        return self._names[group]

    def new_lines(self, group: int, lines: frozenset) -> list[str]:
        """The lines no document of the group has held yet; they now belong to the group."""
        held = self._lines.get(group)
        seen = set(held) if held is not None else set()
        new = [line for line in lines if hash(line) not in seen]
        if new:
            self._lines[group] = array("q", sorted(seen.union(hash(line) for line in new)))
        return new
