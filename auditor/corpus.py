"""The corpus context: a first pass over many documents whose statistics merge associatively.

``collect(document)`` gathers one document's statistics; ``CorpusStats.merge`` adds two
gatherings. Merging is associative and commutative, so a process pool or a Dask cluster can
build the context in any order and reach the same result. Rules read it in the second pass
(``Context.corpus``).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from .document import Document
from .name_text import name_spellings

_DIGITS = re.compile(r"\d")
_PUNCT_SPACE = re.compile(r"[\W_]+")
# Lines longer than this are body text even when syndication repeats them.
MAX_REPEATED_LINE_WORDS = 30


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

    def merge(self, other: CorpusStats) -> CorpusStats:
        return CorpusStats(
            self.documents + other.documents,
            self.line_documents + other.line_documents,
            self.names + other.names,
        )

    __add__ = merge

    def absorb(self, other: CorpusStats) -> CorpusStats:
        """Add ``other`` into this one in place (the same sum as ``merge``, without copying)."""
        self.documents += other.documents
        self.line_documents.update(other.line_documents)
        self.names.update(other.names)
        self.__dict__.pop("name_index", None)  # built from the names, which just changed
        return self

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
                "names": dict(self.names)}


def collect(document: Document) -> CorpusStats:
    """One document's share of the corpus context."""
    return CorpusStats(documents=1, line_documents=Counter(document_line_keys(document)),
                       names=Counter(name_spellings(document.text)))


def build(documents) -> CorpusStats:
    total = CorpusStats()
    for document in documents:
        total = total.merge(collect(document))
    return total
