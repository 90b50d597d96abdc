"""A process pool for extraction that outlives its workers and starts a second worker only when it pays.

Each worker runs in a `ProcessPoolExecutor` of its own (a lane). When a worker dies (the OOM killer, a segfault in a
C extension), its executor is broken for good: the page in flight and every later submission would fail with
`BrokenProcessPool`, and a crawl would drop every remaining article of the run. This pool starts a fresh lane instead
and resubmits the tasks that were in flight on the broken one; a task that fails that way `attempts` times (a page
that kills its worker every time) gets `crash_result()`.

A worker costs about 0.6 CPU seconds and 50 MB to start (a Python with trafilatura loaded). A cron run of twenty pages
extracts them in less time than a second worker takes to start, so the pool starts with one lane and adds the next
when the work waiting would keep the running lanes busy for longer than a new worker took to start: both times are
measured in this run (the first lane's start, and the interval between two tasks a busy lane finished), not a
threshold fitted to one machine.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing.context import BaseContext
from typing import Any

from crawler.blas import single_threaded_blas

logger = logging.getLogger(__name__)

# The weight of the newest interval in the running mean of how long a task takes.
SERVICE_SMOOTHING = 0.2


@dataclass(eq=False)
class _Lane:
    """One worker process in an executor of its own, and the tasks submitted to it that have not ended."""

    pool: ProcessPoolExecutor
    started: float = field(default_factory=time.monotonic)
    waiting: int = 0  # submitted and not ended, the running one included
    last_end: float | None = None  # when its last task ended
    busy: bool = False  # a task was waiting when the last one ended: the next end measures one task's time


class ExtractionPool(Executor):
    """Worker processes, each in a lane of its own, up to `max_workers`: a lane whose worker dies is replaced and
    what was in flight on it resubmitted; lanes are added while the waiting work outlasts a worker's start."""

    def __init__(self, max_workers: int, mp_context: BaseContext | None = None, *, attempts: int = 2,
                 crash_result: Callable[[], Any] | None = None) -> None:
        self._max_workers = max(1, max_workers)
        self._context = mp_context or multiprocessing.get_context("spawn")
        self._attempts = max(1, attempts)
        self._crash_result = crash_result
        self._lock = threading.Lock()
        self._closed = False
        self._start_seconds: float | None = None  # how long the first lane took to end its first task
        self._task_seconds: float | None = None  # a task's time on a busy lane, a running mean
        self._lanes = [self._new_lane()]
        self._growing = False  # a new lane's worker is being started
        self.replaced = 0  # how many times a broken lane was replaced

    @property
    def workers(self) -> int:
        """How many lanes (worker processes) the pool has started and not replaced."""
        with self._lock:
            return len(self._lanes)

    def _new_lane(self) -> _Lane:
        return _Lane(ProcessPoolExecutor(max_workers=1, mp_context=self._context, initializer=worker_start))

    def warm_up(self) -> None:
        """Start the first worker now (an executor starts its worker with the first task): it spawns a Python and loads
        the extraction's modules (about a second) while the crawl starts up and fetches its first listings, not while
        the first pages wait.  How long that took is the start time the pool weighs a new lane against."""
        with self._lock:
            lane = self._lanes[0]
        lane.pool.submit(os.getpid).add_done_callback(lambda _: self._started(lane))

    def _started(self, lane: _Lane) -> None:
        with self._lock:
            if self._start_seconds is None:
                self._start_seconds = time.monotonic() - lane.started

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        """Run `fn(*args, **kwargs)` in a worker; the future survives the death of the worker."""
        with self._lock:
            if self._closed:
                raise RuntimeError("cannot schedule new futures after shutdown")
        outer: Future[Any] = Future()
        self._submit(outer, fn, args, kwargs, 1)
        return outer

    def _pick(self) -> _Lane:
        """The lane with the least work waiting, after adding one when the waiting work would keep the lanes busy
        for longer than a new worker takes to start.  Called with the lock held."""
        lanes = self._lanes
        if (not self._growing and len(lanes) < self._max_workers and self._start_seconds is not None
                and self._task_seconds is not None
                and sum(lane.waiting for lane in lanes) * self._task_seconds / len(lanes) > self._start_seconds):
            self._growing = True
            threading.Thread(target=self._grow, name="extraction-pool-grow", daemon=True).start()
        now = time.monotonic()
        return min(lanes, key=lambda lane: self._load(lane, now))

    def _grow(self) -> None:
        """Start a new lane's worker and then let it take tasks.  On a thread of its own: starting a process takes
        the caller some milliseconds (tens, on a busy machine), and the caller is the crawl's event loop."""
        lane = self._new_lane()
        try:
            lane.pool.submit(os.getpid)
        except RuntimeError:  # the interpreter is shutting down
            pass
        with self._lock:
            self._growing = False
            closed = self._closed
            if not closed:
                self._lanes.append(lane)
        if closed:
            lane.pool.shutdown(wait=False, cancel_futures=True)

    def _load(self, lane: _Lane, now: float) -> float:
        """The tasks ahead of a new one on `lane`: those waiting, and for a worker that may still be starting, as many
        more as its remaining start time would take.  A task given to a lane stays there."""
        load = float(lane.waiting)
        if lane.last_end is None and self._start_seconds is not None and self._task_seconds:
            load += max(0.0, self._start_seconds - (now - lane.started)) / self._task_seconds
        return load

    def _submit(self, outer: Future[Any], fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any],
                attempt: int) -> None:
        with self._lock:
            if self._closed:
                outer.cancel()
                return
            lane = self._pick()
            lane.waiting += 1
        try:
            inner = lane.pool.submit(fn, *args, **kwargs)
        except BrokenProcessPool as exc:
            self._ended(lane, measured=False)
            self._failed(outer, fn, args, kwargs, attempt, lane, exc)
            return
        except RuntimeError:  # shut down meanwhile
            self._ended(lane, measured=False)
            outer.cancel()
            return
        inner.add_done_callback(lambda done: self._done(done, outer, fn, args, kwargs, attempt, lane))

    def _ended(self, lane: _Lane, *, measured: bool = True) -> None:
        """A task of `lane` ended: when another was waiting as the one before it ended, the time since then is what
        one task took (not `measured` when the task never ran to its end: a dead worker, a cancelled task)."""
        now = time.monotonic()
        with self._lock:
            lane.waiting -= 1
            if measured and lane.busy and lane.last_end is not None:
                took = now - lane.last_end
                self._task_seconds = took if self._task_seconds is None else (
                    (1 - SERVICE_SMOOTHING) * self._task_seconds + SERVICE_SMOOTHING * took)
            elif lane.last_end is None and self._start_seconds is None and lane is self._lanes[0]:
                self._start_seconds = now - lane.started  # no warm-up: the first task's end, an upper bound
            lane.last_end = now
            lane.busy = lane.waiting > 0

    def _done(self, inner: Future[Any], outer: Future[Any], fn: Callable[..., Any], args: tuple[Any, ...],
              kwargs: dict[str, Any], attempt: int, lane: _Lane) -> None:
        exc = None if inner.cancelled() else inner.exception()
        self._ended(lane, measured=not inner.cancelled() and not isinstance(exc, BrokenProcessPool))
        if inner.cancelled():
            outer.cancel()
            return
        if isinstance(exc, BrokenProcessPool):
            self._failed(outer, fn, args, kwargs, attempt, lane, exc)
        elif exc is not None:
            outer.set_exception(exc)
        else:
            outer.set_result(inner.result())

    def _failed(self, outer: Future[Any], fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any],
                attempt: int, lane: _Lane, exc: BrokenProcessPool) -> None:
        self._replace(lane)
        if attempt < self._attempts:
            self._submit(outer, fn, args, kwargs, attempt + 1)
        elif self._crash_result is not None:
            outer.set_result(self._crash_result())
        else:
            outer.set_exception(exc)

    def _replace(self, broken: _Lane) -> None:
        """Swap in a new lane, once per broken lane (every task in flight on it reports the same break)."""
        with self._lock:
            if self._closed or broken not in self._lanes:
                return
            self._lanes[self._lanes.index(broken)] = self._new_lane()
            self.replaced += 1
        logger.warning("an extraction worker died; started a new worker and resubmitted its pages in flight")
        broken.pool.shutdown(wait=False, cancel_futures=False)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._lock:
            self._closed = True
            lanes = list(self._lanes)
        for lane in lanes:  # all told to end first, then waited for
            lane.pool.shutdown(wait=False, cancel_futures=cancel_futures)
        if wait:
            for lane in lanes:
                lane.pool.shutdown(wait=True)


# How much lower the workers' CPU priority is than the crawl's main process (nice levels). The main process runs the
# event loop (downloads, storing, the next requests); with both cores busy extracting it waited its turn behind the
# workers, and the loop was late by up to a tenth of a second. The workers take every cycle it leaves, so the
# crawl's throughput stays the same whatever the level; the lowest priority lets the loop take a core back at once.
# 5000 benchmark pages (benchmarks/crawl_speed.py's pages, a watchdog on the loop), one run or two each: at nice 5
# the loop went without a turn for over 30 ms 34-67 times, over 50 ms 1-6 times (107 ms at most), the main thread
# waiting on the run queue for 15-23 ms of such a stretch; at nice 12, 14-24 times, 0-2 (85 ms); at nice 19, 10
# times and never over 50 ms (32 ms at most); wall time alike (57-60 s). A worker also yields to whatever else the
# machine runs: the monitor is background work.
WORKER_NICENESS = 19


def worker_start() -> None:
    """A worker's first step: Ctrl-C ignored (ignore_ctrl_c), its CPU priority below the main process's, the
    extraction's modules loaded."""
    ignore_ctrl_c()
    try:
        os.nice(WORKER_NICENESS)
    except OSError:  # not permitted somewhere: the worker runs at the main process's priority
        pass
    single_threaded_blas()
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
