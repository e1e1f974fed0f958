"""A run over many inputs: the optional corpus pass, then the audit, on one engine.

Both passes read the inputs as a stream (``items()`` is called once per pass), send documents
to the engine in bounded chunks and keep results in input order, so memory does not grow with
the number of documents. Input errors are handed to ``on_error`` as the audit pass meets them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from auditor.batch.run import AuditJob, audit_chunk, audit_stream, collect_stream, make_engine
from auditor.resources.corpus import CorpusStats
from auditor.core.document import Document
from auditor.inputs.reading import InputError
from auditor.batch.progress import Progress


@dataclass(frozen=True)
class BatchOptions:
    """How a command reads its inputs and where it runs: shared by check, clean and report."""

    text_field: str | None = None
    id_field: str | None = None
    jobs: int = 0
    engine: str = "local"
    scheduler: str | None = None
    quiet: bool = False

    def read_options(self, max_bytes: int | None = None) -> dict:
        options = {"text_field": self.text_field, "id_field": self.id_field}
        if max_bytes is not None:
            options["max_bytes"] = max_bytes
        return options


class Pipeline:
    def __init__(self, items: Callable[[], Iterable], batch: BatchOptions = BatchOptions(),
                 on_error: Callable[[InputError], None] | None = None):
        self._items = items
        self.batch = batch
        self.on_error = on_error
        self.items_read = None  # inputs (documents and errors) seen by the corpus pass
        self._engine = None
        if batch.engine == "dask":
            self._engine = make_engine("dask", batch.jobs, batch.scheduler)

    def any_documents(self) -> bool:
        """Whether the inputs hold at least one readable document (reads up to the first)."""
        return any(isinstance(item, Document) for item in self._items())

    def corpus(self) -> CorpusStats:
        """The first pass: statistics per document, gathered in the workers and merged here."""
        count = [0]

        def counted():
            for item in self._items():
                count[0] += 1
                yield item

        with Progress("corpus pass", quiet=self.batch.quiet) as progress:
            stats = collect_stream(counted(), self.batch.jobs, self._engine, progress)
        self.items_read = count[0]
        return stats.compact()

    def audit(self, job: AuditJob, ruleset=None, chunk_fn=None) -> Iterator:
        """Reports (and InputErrors, also passed to ``on_error``) in input order.

        ``chunk_fn`` replaces ``batch.audit_chunk`` (same contract) to do more in the workers."""
        with Progress("auditing", total=self.items_read, quiet=self.batch.quiet) as progress:
            for item in audit_stream(self._items(), job, self.batch.jobs, self._engine, ruleset, progress,
                                     chunk_fn or audit_chunk):
                if isinstance(item, InputError) and self.on_error is not None:
                    self.on_error(item)
                yield item

    def close(self) -> None:
        if self._engine is not None:
            self._engine.close()
            self._engine = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
