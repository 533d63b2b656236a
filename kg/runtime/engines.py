"""Where extraction runs: this process, local worker processes, or a Dask cluster.

Every engine does one thing: take a batch of raw inputs and return a future of
their outcomes (:func:`kg.extract.batch.extract_batch`). The build keeps the futures
in input order and merges them in that order, so the engine changes the
speed of a build, never its graph.
"""
from __future__ import annotations

import multiprocessing
from concurrent.futures import BrokenExecutor, Future, ProcessPoolExecutor
from typing import Protocol

from kg.errors import EngineError
from kg.extract.batch import Outcome, extract_batch
from loaders.sources import RawInput


class Pending(Protocol):
    """A ``concurrent.futures.Future`` or a ``dask.distributed.Future``."""

    def result(self) -> list[Outcome]: ...


class Engine(Protocol):
    name: str
    parallelism: int          # batches worth keeping in flight

    def submit(self, batch: list[RawInput]) -> Pending: ...
    def retry_singly(self, batch: list[RawInput], exc: BaseException) -> list[Outcome]: ...
    def close(self) -> None: ...


class RetriesSingly:
    """A batch whose worker died is run again one article at a time (on a fresh
    worker where the engine can start one): the articles that did not kill it
    are extracted after all, and only one that kills a worker again is reported,
    with the reason. Nothing is dropped."""

    def retry_singly(self, batch: list[RawInput], exc: BaseException) -> list[Outcome]:
        out = []
        for raw in batch:
            self.recover()
            try:
                out.extend(self.submit([raw]).result())
            except Exception as again:  # noqa: BLE001  whatever killed the worker, it is this article's
                out.append(Outcome(raw.source, error=f"worker failed on this article: {again.__class__.__name__}: "
                                                     f"{again or exc}"))
        return out

    def recover(self) -> None:
        """Replace a dead worker pool (engines that can)."""


class InProcess(RetriesSingly):
    """Extract here, one batch at a time; the model loads on the first batch (a
    fully cached re-run never loads it)."""

    name = "local"
    parallelism = 1

    def __init__(self, segmenter: str | None, batch_size: int):
        self.segmenter, self.batch_size = segmenter, batch_size

    def submit(self, batch: list[RawInput]) -> Future:
        """A failure that escapes the batch becomes the future's, as a worker's would:
        the build then retries the batch article by article (RetriesSingly)."""
        fut: Future = Future()
        try:
            fut.set_result(extract_batch(batch, self.segmenter, self.batch_size))
        except Exception as exc:  # noqa: BLE001  reported per article by retry_singly
            fut.set_exception(exc)
        return fut

    def close(self) -> None:
        pass


class Processes(RetriesSingly):
    """N worker processes on this machine, each with its own pipeline.

    ``spawn``, not ``fork``: the parent runs a progress thread, and forking a
    threaded process can deadlock. Each worker loads the model once (well
    under a second: the weights are memory-mapped and shared between workers
    by the page cache, the feature table fills in as texts need it).
    """

    name = "processes"

    def __init__(self, workers: int, segmenter: str | None, batch_size: int):
        self.parallelism = workers
        self.segmenter, self.batch_size = segmenter, batch_size
        self.pool = self._new_pool()

    def submit(self, batch: list[RawInput]) -> Future:
        """A worker may die at any moment, also between two merges: the pool it broke
        is replaced before the next batch goes out."""
        self.recover()
        try:
            return self.pool.submit(extract_batch, batch, self.segmenter, self.batch_size)
        except BrokenExecutor:
            self.recover()
            return self.pool.submit(extract_batch, batch, self.segmenter, self.batch_size)

    def recover(self) -> None:
        """A worker killed (kill -9, out of memory) breaks the whole pool: start a new one."""
        if getattr(self.pool, "_broken", False):
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.parallelism, mp_context=multiprocessing.get_context("spawn"))

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


class Dask(RetriesSingly):
    """A ``dask.distributed`` cluster: the scheduler at ``address``, or a
    ``LocalCluster`` of ``workers`` single-threaded worker processes.

    Workers need kg installed and ``kg setup`` run (the model is read from
    each worker's own disk, never shipped over the network).
    """

    name = "dask"

    def __init__(self, address: str | None, workers: int, segmenter: str | None, batch_size: int):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:
            raise EngineError("the dask engine needs dask.distributed: pip install 'kg[dask]'") from exc
        self.segmenter, self.batch_size = segmenter, batch_size
        self.cluster = None
        try:
            if address:
                self.client = Client(address, timeout="5s")
            else:
                self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                            dashboard_address=None)
                self.client = Client(self.cluster)
        except (OSError, TimeoutError) as exc:
            raise EngineError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
        threads = sum(w["nthreads"] for w in self.client.scheduler_info()["workers"].values())
        self.parallelism = max(1, threads)

    def submit(self, batch: list[RawInput]) -> Pending:
        return self.client.submit(extract_batch, batch, self.segmenter, self.batch_size, pure=False)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_engine(kind: str, workers: int, scheduler: str | None, segmenter: str | None, batch_size: int) -> Engine:
    if workers < 1:
        raise EngineError(f"--workers must be at least 1, not {workers}")
    if kind == "dask":
        return Dask(scheduler, workers, segmenter, batch_size)
    if kind != "local":
        raise EngineError(f"unknown engine {kind!r}: use local or dask")
    if scheduler:
        raise EngineError("--scheduler needs --engine dask")
    return Processes(workers, segmenter, batch_size) if workers > 1 else InProcess(segmenter, batch_size)
