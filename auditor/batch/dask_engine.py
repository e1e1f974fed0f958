"""The Dask engine: the same per-chunk functions as the local pool, on dask.distributed.

``DaskEngine(address)`` connects to a running scheduler (``tcp://host:8786``); with no address
it starts a LocalCluster of one single-threaded worker process per core. The job (ruleset
spec, thresholds, options and the corpus context) is scattered to every worker once; chunks of
documents are submitted as they are read, a bounded number at a time, and results come back in
input order, so a run on a cluster gives the same reports as a local one.
"""
from __future__ import annotations

import os
from collections import deque
from typing import Iterator

from auditor.core.errors import AuditorError

# Chunks in flight per worker thread.
CHUNKS_PER_WORKER = 4


class DaskUnavailable(AuditorError, RuntimeError):
    pass


class DaskEngine:
    name = "dask"

    def __init__(self, scheduler: str | None = None, workers: int = 0, client=None):
        from auditor.core.extras import MissingExtra, require

        try:
            distributed = require("distributed", "dask", "the dask engine")
        except MissingExtra as exc:
            raise DaskUnavailable(str(exc)) from None
        Client, LocalCluster = distributed.Client, distributed.LocalCluster
        self._own_cluster = None
        self._own_client = client is None
        if client is not None:
            self.client = client
        elif scheduler:
            try:
                self.client = Client(scheduler, timeout="30s")
            except (OSError, TimeoutError) as exc:
                raise DaskUnavailable(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        else:
            self._own_cluster = LocalCluster(n_workers=workers or (os.cpu_count() or 1), threads_per_worker=1,
                                             processes=True, dashboard_address=None)
            self.client = Client(self._own_cluster)

    @property
    def threads(self) -> int:
        return max(1, sum(self.client.nthreads().values()))

    def map_chunks(self, fn, job, chunks) -> Iterator:
        """``fn(job, chunk)`` on the workers for each chunk, results in chunk order."""
        job_future = None if job is None else self.client.scatter(job, broadcast=True, hash=False)
        window = self.threads * CHUNKS_PER_WORKER
        pending: deque = deque()
        try:
            for chunk in chunks:
                pending.append(self.client.submit(fn, job_future, chunk, pure=False))
                if len(pending) >= window:
                    yield _result(pending.popleft())
            while pending:
                yield _result(pending.popleft())
        finally:
            for future in pending:
                future.cancel()
            if job_future is not None:
                job_future.release()

    def close(self) -> None:
        if self._own_client:
            self.client.close()
        if self._own_cluster is not None:
            self._own_cluster.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _result(future):
    result = future.result()
    future.release()
    return result
