"""Many documents: the same ``audit`` in a process pool, results in input order."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from .corpus import CorpusStats
from .document import Document
from .engine import Report, audit
from .ruleset import Ruleset, load_ruleset
from .score import Thresholds

# Below this many documents a pool costs more than it saves.
POOL_MIN_DOCUMENTS = 40


@dataclass(frozen=True)
class RulesetSpec:
    """What a ruleset is made from: picklable, so each worker compiles its own copy once."""

    paths: tuple = ()
    select: tuple = ()
    ignore: tuple = ()
    severity: tuple = ()  # (prefix, level) pairs
    extra: tuple = ()

    def build(self) -> Ruleset:
        return load_ruleset(self.paths or None, self.select, self.ignore, dict(self.severity), self.extra)


@dataclass
class AuditJob:
    spec: RulesetSpec = field(default_factory=RulesetSpec)
    thresholds: Thresholds = field(default_factory=Thresholds)
    options: dict = field(default_factory=dict)
    corpus: CorpusStats | None = None


_worker: dict = {}


def _init_worker(job: AuditJob) -> None:
    _worker["job"] = job
    _worker["ruleset"] = job.spec.build()


def _audit_one(document: Document) -> Report:
    job = _worker["job"]
    return audit(document, _worker["ruleset"], job.corpus, job.thresholds, job.options)


def audit_all(documents: Iterable[Document], job: AuditJob, jobs: int = 0,
              ruleset: Ruleset | None = None) -> Iterator[Report]:
    """Audit documents in order; ``jobs`` 0 picks all cores when there are enough documents."""
    documents = list(documents)
    workers = jobs or (os.cpu_count() or 1)
    if jobs == 0 and len(documents) < POOL_MIN_DOCUMENTS:
        workers = 1
    if workers <= 1 or len(documents) <= 1:
        ruleset = ruleset or job.spec.build()
        for document in documents:
            yield audit(document, ruleset, job.corpus, job.thresholds, job.options)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(job,)) as pool:
        yield from pool.map(_audit_one, documents, chunksize=max(1, len(documents) // (workers * 8)))
