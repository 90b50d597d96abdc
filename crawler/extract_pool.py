"""A process pool for extraction that outlives its workers.

When one worker of a `ProcessPoolExecutor` dies (the OOM killer, a segfault in a C extension), the pool is broken
for good: the page in flight and every later submission fail with `BrokenProcessPool`, and a crawl would drop every
remaining article of the run. This pool starts a fresh one instead and resubmits the tasks that were in flight; a
task that fails that way `attempts` times (a page that kills its worker every time) gets `crash_result()`.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import BaseContext
from typing import Any

logger = logging.getLogger(__name__)


class ExtractionPool(Executor):
    """A `ProcessPoolExecutor` that replaces itself when a worker dies and resubmits what was in flight."""

    def __init__(self, max_workers: int, mp_context: BaseContext | None = None, *, attempts: int = 2,
                 crash_result: Callable[[], Any] | None = None) -> None:
        self._max_workers = max_workers
        self._context = mp_context or multiprocessing.get_context("spawn")
        self._attempts = max(1, attempts)
        self._crash_result = crash_result
        self._lock = threading.Lock()
        self._closed = False
        self._pool = self._new_pool()
        self.replaced = 0  # how many times a broken pool was replaced

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self._max_workers, mp_context=self._context,
                                   initializer=worker_start)

    def warm_up(self) -> None:
        """Start every worker now (a pool starts them one per submitted task): each spawns a Python and loads the
        extraction's modules (about a second) while the crawl starts up and fetches its first listings, not while
        the first pages wait."""
        with self._lock:
            pool = self._pool
        for _ in range(self._max_workers):
            pool.submit(os.getpid)

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        """Run `fn(*args, **kwargs)` in a worker; the future survives the death of the worker."""
        with self._lock:
            if self._closed:
                raise RuntimeError("cannot schedule new futures after shutdown")
        outer: Future[Any] = Future()
        self._submit(outer, fn, args, kwargs, 1)
        return outer

    def _submit(self, outer: Future[Any], fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any],
                attempt: int) -> None:
        with self._lock:
            if self._closed:
                outer.cancel()
                return
            pool = self._pool
        try:
            inner = pool.submit(fn, *args, **kwargs)
        except BrokenProcessPool as exc:
            self._failed(outer, fn, args, kwargs, attempt, pool, exc)
            return
        except RuntimeError:  # shut down meanwhile
            outer.cancel()
            return
        inner.add_done_callback(lambda done: self._done(done, outer, fn, args, kwargs, attempt, pool))

    def _done(self, inner: Future[Any], outer: Future[Any], fn: Callable[..., Any], args: tuple[Any, ...],
              kwargs: dict[str, Any], attempt: int, pool: ProcessPoolExecutor) -> None:
        if inner.cancelled():
            outer.cancel()
            return
        exc = inner.exception()
        if isinstance(exc, BrokenProcessPool):
            self._failed(outer, fn, args, kwargs, attempt, pool, exc)
        elif exc is not None:
            outer.set_exception(exc)
        else:
            outer.set_result(inner.result())

    def _failed(self, outer: Future[Any], fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any],
                attempt: int, pool: ProcessPoolExecutor, exc: BrokenProcessPool) -> None:
        self._replace(pool)
        if attempt < self._attempts:
            self._submit(outer, fn, args, kwargs, attempt + 1)
        elif self._crash_result is not None:
            outer.set_result(self._crash_result())
        else:
            outer.set_exception(exc)

    def _replace(self, broken: ProcessPoolExecutor) -> None:
        """Swap in a new pool, once per broken pool (every task in flight reports the same break)."""
        with self._lock:
            if self._closed or self._pool is not broken:
                return
            self._pool = self._new_pool()
            self.replaced += 1
        logger.warning("an extraction worker died; started a new worker pool and resubmitted the pages in flight")
        broken.shutdown(wait=False, cancel_futures=False)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._lock:
            self._closed = True
            pool = self._pool
        pool.shutdown(wait=wait, cancel_futures=cancel_futures)


# How much lower the workers' CPU priority is than the crawl's main process (nice levels). The main process runs the
# event loop (downloads, storing, the next requests); with both cores busy extracting it waited its turn behind the
# workers, and the loop was late by up to a tenth of a second. Nice 5 gives it about three times a worker's share of
# a contended core; the workers still get every cycle it leaves, so the crawl's throughput stays the same.
WORKER_NICENESS = 5


def worker_start() -> None:
    """A worker's first step: Ctrl-C ignored (ignore_ctrl_c), its CPU priority below the main process's, the
    extraction's modules loaded."""
    ignore_ctrl_c()
    try:
        os.nice(WORKER_NICENESS)
    except OSError:  # not permitted somewhere: the worker runs at the main process's priority
        pass
    import trafilatura  # noqa: F401 -- loaded before the first page arrives (ExtractionPool.warm_up)

    import crawler.worker  # noqa: F401


def ignore_ctrl_c() -> None:
    """In a worker: ignore SIGINT, which the crawl process gets too and answers with a graceful stop.

    Ctrl-C reaches the terminal's whole process group: a worker that died of it would break the pool in the middle
    of that stop (a KeyboardInterrupt traceback per worker, pages in flight lost, the run hanging on them). SIGTERM
    keeps its default: the executor ends the workers of a broken pool with it, and a worker that ignored it would
    hold that pool's shutdown forever. A worker killed by a SIGTERM to the whole group is replaced like any other.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def worker_crashed() -> Any:
    """The extraction result of a page whose worker died on every attempt: an error counted for its source."""
    from crawler.worker import WorkerResult

    return WorkerResult(error="crash", message="the extraction worker process died")
