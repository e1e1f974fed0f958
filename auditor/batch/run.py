"""Many documents: ``audit_batch`` over chunks of them, in this process, a pool or Dask; results in input order."""
from __future__ import annotations

import os
from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Iterator

from auditor.resources.corpus import CorpusStats
from auditor.core.document import Document
from auditor.engine.audit import Report, audit_batch
from auditor.engine.ruleset import Ruleset, load_ruleset
from auditor.core.score import Thresholds

if TYPE_CHECKING:
    from auditor.engine.suppress import Suppressions

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
    # Configured suppressions set aside in the worker, before a report is rendered (``report``);
    # ``check`` sets them aside later, together with its baseline.
    suppressions: "Suppressions | None" = None


def _gated(report: Report, job: AuditJob) -> Report:
    from auditor.engine.gate import set_aside

    return set_aside(report, job.suppressions, job.thresholds)


# Documents sent to a worker at a time, and chunks in flight per worker: enough to keep every
# core busy, few enough that memory stays flat however many documents stream through.
CHUNK_DOCUMENTS = 32
CHUNKS_PER_WORKER = 4

_worker: dict = {}
_RULESETS: dict = {}  # RulesetSpec -> Ruleset, compiled once per process


def ruleset_for(spec: RulesetSpec) -> Ruleset:
    ruleset = _RULESETS.get(spec)
    if ruleset is None:
        ruleset = _RULESETS[spec] = spec.build()
    return ruleset


_DOCUMENT_FIELDS = ("text", "id", "path", "meta")


def _drop_caches(document: Document, words: int) -> None:
    """Forget a document's segmentation (computed in this process when it ran here); keep its word count."""
    state = document.__dict__
    for key in [k for k in state if k not in _DOCUMENT_FIELDS]:
        del state[key]
    state["words"] = words


def audit_chunk(job: AuditJob, documents: list[Document], render=None) -> list[tuple]:
    """Audit a chunk: ``(report, words, rendered)`` per document. Each report travels back without
    its text (the caller still holds it); ``render(report)``, when given, runs here in the worker
    and its result comes back beside the report (per-document report files, for instance)."""
    ruleset = ruleset_for(job.spec)
    out = []
    for document, report in zip(documents, audit_batch(documents, ruleset, job.corpus, job.thresholds, job.options)):
        report = _gated(report, job)
        rendered = render(report) if render is not None else None
        report.document = None
        out.append((report, document.words, rendered))
    return out


def collect_chunk(job, documents: list[Document]) -> tuple[CorpusStats, list]:
    """The corpus first pass over a chunk: the documents' statistics merged, and each document's
    print (its lines and what finds its copies), read in input order by ``collect_stream``."""
    from auditor.resources.corpus import collect_with_print

    total = CorpusStats()
    prints = []
    for document in documents:
        stats, doc_print = collect_with_print(document)
        total.absorb(stats)
        prints.append(doc_print)
    return total, prints


def _init_worker(job) -> None:
    _worker["job"] = job


def _in_worker(fn, documents):
    return fn(_worker["job"], documents)


class LocalEngine:
    """A process pool on this machine (or this process alone for one worker)."""

    name = "local"

    def __init__(self, workers: int = 0):
        self.workers = workers or (os.cpu_count() or 1)

    def map_chunks(self, fn, job, chunks: Iterator[list]) -> Iterator:
        """``fn(job, chunk)`` for each chunk, results in chunk order; at most a few chunks in flight."""
        if self.workers <= 1:
            for chunk in chunks:
                yield fn(job, chunk)
            return
        from concurrent.futures import ProcessPoolExecutor

        window = self.workers * CHUNKS_PER_WORKER
        with ProcessPoolExecutor(max_workers=self.workers, initializer=_init_worker, initargs=(job,)) as pool:
            pending: deque = deque()
            for chunk in chunks:
                pending.append(pool.submit(_in_worker, fn, chunk))
                if len(pending) >= window:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()

    def close(self) -> None:
        pass


def make_engine(engine: str = "local", jobs: int = 0, scheduler: str | None = None):
    if engine == "dask":
        from auditor.batch.dask_engine import DaskEngine

        return DaskEngine(scheduler, jobs)
    return LocalEngine(jobs)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _peek(items: Iterable, n: int) -> tuple[list, Iterator, bool]:
    """The first n items, the rest, and whether the input has more than n."""
    iterator = iter(items)
    head = []
    for item in iterator:
        head.append(item)
        if len(head) > n:
            return head, iterator, True
    return head, iterator, False


def _local_engine(items, jobs: int, engine):
    """(engine, items): a given engine; else a pool over all cores unless the input is small."""
    if engine is not None:
        return engine, items
    if jobs == 0:
        head, rest, more = _peek(items, POOL_MIN_DOCUMENTS)
        from itertools import chain

        items = chain(head, rest)
        if not more:
            return LocalEngine(1), items
    return LocalEngine(jobs), items


def audit_stream(items: Iterable, job: AuditJob, jobs: int = 0, engine=None, ruleset: Ruleset | None = None,
                 progress=None, chunk_fn=audit_chunk) -> Iterator:
    """Audit a stream of Documents (and InputErrors, passed through in place), in input order.

    Memory stays flat: documents are read, sent in chunks, and their reports handed on as they
    come back. ``engine`` is a LocalEngine or DaskEngine; None means a local pool (``jobs`` 0:
    all cores when there are enough documents).
    """
    if ruleset is not None:
        _RULESETS.setdefault(job.spec, ruleset)  # this process, and forked workers, reuse it
    engine, items = _local_engine(items, jobs, engine)
    held: deque = deque()

    def feed():
        for chunk in _chunks(items, CHUNK_DOCUMENTS):
            held.append(chunk)
            yield [i for i in chunk if isinstance(i, Document)]

    for results in engine.map_chunks(chunk_fn, job, feed()):
        chunk = held.popleft()
        results = iter(results)
        for item in chunk:
            if isinstance(item, Document):
                report, words, rendered = next(results)
                _drop_caches(item, words)
                report.document = item
                if rendered is not None:
                    report.rendered = rendered
                yield report
            else:
                yield item
        if progress is not None:
            progress.update(len(chunk))


def collect_stream(items: Iterable, jobs: int = 0, engine=None, progress=None) -> CorpusStats:
    """The corpus first pass: statistics gathered per chunk (in workers), merged here; copies of
    one article are found here, in input order, and their lines are not counted again."""
    from auditor.resources.corpus import Syndication

    engine, items = _local_engine(items, jobs, engine)
    total = CorpusStats()
    syndication = Syndication()
    sizes: deque = deque()

    def feed():
        for chunk in _chunks(items, CHUNK_DOCUMENTS):
            sizes.append(len(chunk))
            yield [i for i in chunk if isinstance(i, Document)]

    for part, prints in engine.map_chunks(collect_chunk, None, feed()):
        total.absorb(part)
        for doc_print in prints:
            total.add_print(doc_print, syndication)
        if progress is not None:
            progress.update(sizes.popleft())
    return total


def audit_all(documents: Iterable[Document], job: AuditJob, jobs: int = 0,
              ruleset: Ruleset | None = None) -> Iterator[Report]:
    """Audit documents in order; ``jobs`` 0 picks all cores when there are enough documents."""
    yield from audit_stream(documents, job, jobs, ruleset=ruleset)
