"""A process pool for extraction that outlives its workers and starts a second worker only when it pays.

Each worker is a process of its own (a lane) joined to this process by one socket. When a worker dies (the OOM
killer, a segfault in a C extension), the pool starts a fresh lane and resubmits the tasks that were in flight on the
dead one; a task that fails that way `attempts` times (a page that kills its worker every time) gets
`crash_result()`.

A spawned worker costs about 0.3-0.6 CPU seconds and 50 MB to start (a Python with trafilatura loaded). A cron run of
twenty pages extracts them in less time than a second worker takes to start, so the pool starts with one lane and
adds the next when the work waiting would keep the running lanes busy for longer than a new worker took to start: both
times are measured in this run (the first lane's start, and the interval between two tasks a busy lane finished), not
a threshold fitted to one machine. The next lane's worker is forked from a ready one where the system allows it
(Linux): it starts with the extraction loaded, ready in milliseconds for almost no CPU, where a second spawned Python
loaded it all again. The forked worker is the forking worker's child, which waits for it when it ends.

The plumbing is the least a task needs (issue 15). Python's ProcessPoolExecutor, one per lane before, moved each
task through a queue, a feeder thread and a manager thread that builds a new selector on every wait: 0.73-0.76 ms of
the crawl process's CPU per task (100 KB in, 24 KB out; scratch probe of 1000 tasks), about 4% of a crawled page's
whole CPU. Here the caller writes a task straight to its lane's socket (never blocking: what does not fit waits in a
buffer that one I/O thread sends on), and that thread reads the results of every lane with one selector: the worker
runs one task and has the next one waiting, as the executor's did; a task not sent yet can still be cancelled.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import pickle
import secrets
import select
import selectors
import signal
import socket
import struct
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import count
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from typing import Any

from crawler.blas import single_threaded_blas

logger = logging.getLogger(__name__)

# The weight of the newest interval in the running mean of how long a task takes.
SERVICE_SMOOTHING = 0.2
# Tasks a worker holds at once: the one it runs and the next (its socket has it when the first ends).
SENT_PER_LANE = 2
# multiprocessing.connection's framing, which the worker's Connection reads and writes: a signed 32-bit big-endian
# length, or -1 and an unsigned 64-bit one.
_LENGTH = struct.Struct("!i")
_LONG_LENGTH = struct.Struct("!Q")
# The I/O thread reads into one buffer of this size, made once: os.read() makes a new bytes object of the size asked
# for each read (a fresh mapping and its page faults for every result, the thread's largest cost in a crawl).
_READ_CHUNK = 1 << 18
# A lane's worker is forked from a ready worker where the system allows it (fork, and the abstract socket addresses
# of Linux the new worker connects to); how long the pool waits for one before it spawns a worker instead.
_CAN_FORK = hasattr(os, "fork") and hasattr(os, "pidfd_open") and sys.platform.startswith("linux")
FORK_TIMEOUT = 20.0


@dataclass(eq=False)
class _Task:
    future: Future[Any]
    fn: Callable[..., Any]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    attempt: int
    control: bool = False  # the pool's own request (a fork), not a page: not timed as one


@dataclass(eq=False)
class _Lane:
    """One worker process and the tasks given to it that have not ended, in order: the first `sent` are in the
    worker's hands (the first one running), the rest wait here."""

    process: multiprocessing.process.BaseProcess | _Forked
    conn: Connection
    started: float = field(default_factory=time.monotonic)
    tasks: deque[_Task] = field(default_factory=deque)
    sent: int = 0
    out: bytearray = field(default_factory=bytearray)  # bytes for the socket that did not fit yet
    inbox: bytearray = field(default_factory=bytearray)  # bytes read that do not make a whole frame yet
    ready: bool = False  # the worker said it has loaded the extraction
    broken: bool = False
    last_end: float | None = None  # when its last task ended
    busy: bool = False  # a task was waiting when the last one ended: the next end measures one task's time

    @property
    def waiting(self) -> int:  # given and not ended, the running one included
        return len(self.tasks)


class ExtractionPool(Executor):
    """Worker processes, each in a lane of its own, up to `max_workers`: a lane whose worker dies is replaced and
    what was in flight on it resubmitted; lanes are added while the waiting work outlasts a worker's start."""

    def __init__(self, max_workers: int, mp_context: BaseContext | None = None, *, attempts: int = 2,
                 crash_result: Callable[[], Any] | None = None) -> None:
        self._max_workers = max(1, max_workers)
        self._context = mp_context or multiprocessing.get_context("spawn")
        self._attempts = max(1, attempts)
        self._crash_result = crash_result
        self._lock = threading.RLock()
        self._buffer = bytearray(_READ_CHUNK)  # the I/O thread's reads
        self._closed = False
        self._start_seconds: float | None = None  # how long the first lane's worker took to load the extraction
        self._task_seconds: float | None = None  # a task's time on a busy lane, a running mean
        self._growing = False  # a new lane's worker is being started
        self.replaced = 0  # how many times a broken lane was replaced
        self._dead: list[multiprocessing.process.BaseProcess | _Forked] = []  # processes of ended lanes, to join
        self._forked = 0  # lanes whose worker was forked from a ready worker
        self._names = count()
        self._selector = selectors.DefaultSelector()
        self._wake_read, self._wake_write = os.pipe()
        os.set_blocking(self._wake_read, False)
        os.set_blocking(self._wake_write, False)
        self._selector.register(self._wake_read, selectors.EVENT_READ)
        self._changes: deque[tuple[_Lane, int]] = deque()  # selector changes the I/O thread is to make
        self._lanes = [self._new_lane()]
        self._register(self._lanes[0], selectors.EVENT_READ)
        self._thread = threading.Thread(target=self._io, name="extraction-pool-io", daemon=True)
        self._thread.start()

    @property
    def forked(self) -> int:
        """How many lanes' workers were forked from a ready worker (the rest were spawned)."""
        with self._lock:
            return self._forked

    @property
    def workers(self) -> int:
        """How many lanes (worker processes) the pool has started and not replaced."""
        with self._lock:
            return len(self._lanes)

    def _new_lane(self) -> _Lane:
        """A lane with its worker process started: it spawns a Python and loads the extraction's modules (about a
        second) while the caller goes on, then says so; how long that took is the start time the pool weighs a new
        lane against.  The first lane starts with the pool."""
        mine, theirs = self._context.Pipe(duplex=True)
        process = self._context.Process(target=_worker_main, args=(theirs,), name="storywatch-extraction",
                                        daemon=True)
        process.start()
        theirs.close()
        os.set_blocking(mine.fileno(), False)
        return _Lane(process, mine)

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        """Run `fn(*args, **kwargs)` in a worker; the future survives the death of the worker."""
        with self._lock:
            if self._closed:
                raise RuntimeError("cannot schedule new futures after shutdown")
        future: Future[Any] = Future()
        self._submit(_Task(future, fn, args, kwargs, 1))
        return future

    def _submit(self, task: _Task) -> None:
        with self._lock:
            if self._closed and task.attempt == 1:
                task.future.cancel()
                return
            lane = self._pick()
            lane.tasks.append(task)
            self._send_more(lane)

    def _pick(self) -> _Lane:
        """The lane with the least work waiting, after adding one when the waiting work would keep the lanes busy
        for longer than a new worker takes to start.  Called with the lock held."""
        lanes = self._lanes
        if not lanes:  # the last worker died before it was ever ready, with nothing to do: a new one now
            lanes.append(self._new_lane())
            self._change(lanes[0], selectors.EVENT_READ)
        # The bar is a spawned worker's start even when the new one is forked (ready in milliseconds, for almost no
        # CPU): it is still a process of its own that grows its own memory, which a cron run's handful of pages
        # does not need.
        if (not self._growing and len(lanes) < self._max_workers and self._start_seconds is not None
                and self._task_seconds is not None
                and sum(lane.waiting for lane in lanes) * self._task_seconds / len(lanes) > self._start_seconds):
            self._growing = True
            threading.Thread(target=self._grow, name="extraction-pool-grow", daemon=True).start()
        now = time.monotonic()
        return min(lanes, key=lambda lane: self._load(lane, now))

    def _grow(self) -> None:
        """Start a new lane's worker and then let it take tasks: forked from a ready worker where it can be (some
        milliseconds of CPU, where spawning a Python that loads the extraction takes about half a second), else
        spawned.  On a thread of its own: the caller is the crawl's event loop."""
        try:
            lane = self._fork_lane()
            if lane is None:
                with self._lock:
                    if self._closed:  # shut down meanwhile: no worker is wanted any more
                        self._growing = False
                        return
                lane = self._new_lane()
        except Exception:
            logger.exception("could not start another extraction worker")
            with self._lock:
                self._growing = False
            return
        with self._lock:
            self._growing = False
            if self._closed:
                self._close(lane)
                return
            self._lanes.append(lane)
            self._change(lane, selectors.EVENT_READ)

    def _fork_lane(self) -> _Lane | None:
        """A lane whose worker is forked from a ready worker (after the tasks that worker has in hand), joined to this
        process by a socket it connects to; None when no worker can fork one now (none ready, it died meanwhile, or
        this system has no fork or abstract sockets), and the caller spawns one."""
        with self._lock:
            source = next((lane for lane in self._lanes if lane.ready and not lane.broken), None)
        if not _CAN_FORK or source is None:
            return None
        asked = time.monotonic()
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            # An abstract address (Linux): no file to clean up, and a random name no other process can guess.
            address = f"\0storywatch-extraction-{os.getpid()}-{next(self._names)}-{secrets.token_hex(8)}"
            listener.bind(address)
            listener.listen(1)
            listener.settimeout(FORK_TIMEOUT)
            future: Future[Any] = Future()
            # Its last attempt: when the worker dies holding it, it is not sent again, and this gives up below.
            task = _Task(future, _fork_worker, (address,), {}, self._attempts, control=True)
            with self._lock:
                if source.broken or self._closed:
                    return None
                source.tasks.insert(source.sent, task)  # next after the tasks the worker holds, before the rest
                self._send_more(source)
            try:
                pid = future.result(timeout=FORK_TIMEOUT)  # the forking worker's answer: then its fork connects
                accepted, _ = listener.accept() if isinstance(pid, int) else (None, None)
            except Exception:
                logger.debug("no extraction worker was forked; spawning one", exc_info=True)
                return None
        finally:
            listener.close()
        if accepted is None:  # the forking worker died holding the request (its crash result came back)
            return None
        accepted.setblocking(False)
        lane = _Lane(_Forked(pid), Connection(accepted.detach()), started=asked)
        with self._lock:
            self._forked += 1
        return lane

    def _load(self, lane: _Lane, now: float) -> float:
        """The tasks ahead of a new one on `lane`: those waiting, and for a worker that may still be starting, as many
        more as its remaining start time would take.  A task given to a lane stays there."""
        load = float(lane.waiting)
        if not lane.ready and self._start_seconds is not None and self._task_seconds:  # (no task ends before ready)
            load += max(0.0, self._start_seconds - (now - lane.started)) / self._task_seconds
        return load

    def _send_more(self, lane: _Lane) -> None:
        """Hand the worker tasks up to SENT_PER_LANE (a cancelled one is dropped).  Called with the lock held."""
        while lane.sent < min(SENT_PER_LANE, len(lane.tasks)) and not lane.broken:
            task = lane.tasks[lane.sent]
            # Cancelled while it waited: dropped.  (A task sent again after its worker died is running already.)
            if not task.future.running() and not task.future.set_running_or_notify_cancel():
                del lane.tasks[lane.sent]
                self._ended(lane, measured=False)
                continue
            try:
                payload = pickle.dumps((task.fn, task.args, task.kwargs), protocol=pickle.HIGHEST_PROTOCOL)
            except Exception as exc:  # noqa: BLE001 - a task that cannot be sent fails alone
                del lane.tasks[lane.sent]
                self._ended(lane, measured=False)
                task.future.set_exception(exc)
                continue
            lane.sent += 1
            self._write(lane, _header(len(payload)), payload)

    def _write(self, lane: _Lane, header: bytes, payload: bytes) -> None:
        """Send what the socket takes now (the frame's header and payload in one call, not joined first); the rest is
        sent by the I/O thread when the worker has read.  Lock held."""
        if lane.out:
            lane.out += header
            lane.out += payload
            return
        try:
            written = os.writev(lane.conn.fileno(), (header, payload))
        except BlockingIOError:
            written = 0
        except OSError:  # the worker is gone: its end of the socket tells the I/O thread
            return
        if written == len(header) + len(payload):
            return
        if written < len(header):
            lane.out += header[written:]
            lane.out += payload
        else:
            lane.out += memoryview(payload)[written - len(header):]
        self._change(lane, selectors.EVENT_READ | selectors.EVENT_WRITE)

    def _change(self, lane: _Lane, events: int) -> None:
        """Have the I/O thread watch `lane` for `events` (0: forget it).  Lock held."""
        self._changes.append((lane, events))
        self._wake()

    def _wake(self) -> None:
        """Wake the I/O thread; once it has ended, nothing (its pipe is closed then, and the descriptor's number may
        be another file's).  Lock held."""
        if self._wake_write >= 0:
            with contextlib.suppress(BlockingIOError):
                os.write(self._wake_write, b"x")

    def _register(self, lane: _Lane, events: int) -> None:
        key = self._selector.get_map().get(lane.conn.fileno())
        if events == 0:
            if key is not None:
                self._selector.unregister(lane.conn.fileno())
        elif key is None:
            self._selector.register(lane.conn.fileno(), events, lane)
        elif key.events != events:
            self._selector.modify(lane.conn.fileno(), events, lane)

    def _io(self) -> None:
        """The I/O thread: reads every lane's results, sends what did not fit, and ends once the pool is shut down
        and no task is left."""
        while True:
            for key, events in self._selector.select():
                if key.data is None:
                    with contextlib.suppress(BlockingIOError):
                        while os.read(self._wake_read, 4096):
                            pass
                    continue
                lane = key.data
                try:
                    if events & selectors.EVENT_WRITE:
                        self._flush(lane)
                    if events & selectors.EVENT_READ:
                        self._read(lane)
                except Exception:  # a fault here must not leave every later task waiting forever
                    logger.exception("extraction pool: a worker's results could not be handled")
                    self._broken(lane)
            with self._lock:
                while self._changes:
                    lane, wanted = self._changes.popleft()
                    if not lane.out:  # sent meanwhile
                        wanted &= ~selectors.EVENT_WRITE
                    if not lane.broken or wanted == 0:
                        with contextlib.suppress(KeyError, ValueError, OSError):
                            self._register(lane, wanted)
                if self._closed and not any(lane.tasks for lane in self._lanes):
                    for lane in self._lanes:
                        self._close(lane)
                    self._selector.close()
                    os.close(self._wake_read)
                    os.close(self._wake_write)
                    self._wake_read = self._wake_write = -1
                    return

    def _flush(self, lane: _Lane) -> None:
        with self._lock:
            if lane.broken:
                return
            if lane.out:
                try:
                    del lane.out[:os.write(lane.conn.fileno(), lane.out)]
                except BlockingIOError:
                    return
                except OSError:
                    return  # the worker is gone: its end of the socket tells _read
            if not lane.out:  # all sent: watch for results only (a writable socket would wake this thread at once)
                self._register(lane, selectors.EVENT_READ)

    def _read(self, lane: _Lane) -> None:
        try:
            size = os.readv(lane.conn.fileno(), (self._buffer,))
        except BlockingIOError:
            return
        except OSError:
            size = 0
        if not size:
            self._broken(lane)
            return
        with memoryview(self._buffer) as buffer, buffer[:size] as data:
            lane.inbox += data
        while (frame := _take_frame(lane.inbox)) is not None:
            if not lane.ready:
                lane.ready = True
                with self._lock:
                    if self._start_seconds is None and not isinstance(lane.process, _Forked):
                        self._start_seconds = time.monotonic() - lane.started
                continue
            with self._lock:
                if not lane.tasks or lane.sent == 0:
                    continue  # a frame for nothing asked: cannot happen with a sane worker
                task = lane.tasks.popleft()
                lane.sent -= 1
                self._ended(lane, measured=not task.control)
                self._send_more(lane)
            try:
                ok, value = pickle.loads(frame)
            except Exception as exc:  # noqa: BLE001 - a result that cannot be read fails its task alone
                ok, value = False, exc
            if ok:
                task.future.set_result(value)
            else:
                task.future.set_exception(value)

    def _ended(self, lane: _Lane, *, measured: bool = True) -> None:
        """A task of `lane` ended (it has left `lane.tasks`): when another was waiting as the one before it ended,
        the time since then is what one task took (not `measured` when the task never ran to its end: a dead worker,
        a cancelled task).  Lock held."""
        now = time.monotonic()
        if measured and lane.busy and lane.last_end is not None:
            took = now - lane.last_end
            self._task_seconds = took if self._task_seconds is None else (
                (1 - SERVICE_SMOOTHING) * self._task_seconds + SERVICE_SMOOTHING * took)
        lane.last_end = now
        lane.busy = lane.waiting > 0

    def _broken(self, lane: _Lane) -> None:
        """The worker of `lane` died: a new lane takes its place, and every task it had goes again (or ends)."""
        with self._lock:
            if lane.broken:
                return
            lane.broken = True
            tasks = list(lane.tasks)
            lane.tasks.clear()
            lane.sent = 0
            lane.out.clear()
            for _ in tasks:
                self._ended(lane, measured=False)
            self._close(lane)
            replacement = None
            # A worker that dies idle is replaced at once when it had worked (the OOM killer); one that died before
            # it was ever ready, with nothing to do, is replaced by the next task (_pick): a worker that cannot
            # start is not started again and again for nothing.
            if lane in self._lanes and (tasks or (lane.ready and not self._closed)):
                try:
                    replacement = self._new_lane()
                except Exception:  # no process can be started now: its tasks end here, the next task tries again
                    logger.exception("could not start an extraction worker in place of one that died")
                else:
                    self._lanes[self._lanes.index(lane)] = replacement
                    self._register(replacement, selectors.EVENT_READ)
                    self.replaced += 1
            if replacement is None and lane in self._lanes:
                self._lanes.remove(lane)
        if replacement is not None:
            logger.warning("an extraction worker died; started a new worker and resubmitted its pages in flight")
        error = BrokenProcessPool("an extraction worker died while it held the task")
        for task in tasks:
            if task.future.done():
                continue
            if task.attempt < self._attempts and replacement is not None:
                self._submit(_Task(task.future, task.fn, task.args, task.kwargs, task.attempt + 1))
            elif self._crash_result is not None:
                task.future.set_result(self._crash_result())
            else:
                task.future.set_exception(error)

    def _close(self, lane: _Lane) -> None:
        """Forget `lane`'s socket (its worker reads the end of it and exits).  Lock held."""
        lane.broken = True
        with contextlib.suppress(KeyError, ValueError, OSError, RuntimeError):
            self._selector.unregister(lane.conn.fileno())
        lane.conn.close()
        self._dead.append(lane.process)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """No new tasks; with `cancel_futures` the tasks not yet in a worker's hands are cancelled; the workers end
        once the tasks left are done.  `wait`: until then, and the worker processes have ended."""
        with self._lock:
            self._closed = True
            if cancel_futures:
                for lane in self._lanes:
                    for task in list(lane.tasks)[lane.sent:]:
                        if task.future.cancel():
                            lane.tasks.remove(task)
                            self._ended(lane, measured=False)
            idle = not any(lane.tasks for lane in self._lanes)
            self._wake()
        if wait or idle:
            self._thread.join(timeout=None if wait else 5.0)
        if wait:
            for process in self._dead:
                process.join()


def _header(size: int) -> bytes:
    """The frame header of a payload of `size` bytes."""
    if size > 0x7FFFFFFF:
        return _LENGTH.pack(-1) + _LONG_LENGTH.pack(size)
    return _LENGTH.pack(size)


def _take_frame(inbox: bytearray) -> bytes | None:
    """The first whole frame of `inbox`, removed from it; None until one has arrived whole."""
    if len(inbox) < _LENGTH.size:
        return None
    (size,) = _LENGTH.unpack_from(inbox)
    start = _LENGTH.size
    if size == -1:
        if len(inbox) < start + _LONG_LENGTH.size:
            return None
        (size,) = _LONG_LENGTH.unpack_from(inbox, start)
        start += _LONG_LENGTH.size
    if len(inbox) < start + size:
        return None
    with memoryview(inbox) as view:
        frame = bytes(view[start:start + size])  # one copy (a bytearray slice, then bytes of it, were two)
    del inbox[:start + size]
    return frame


def _worker_main(conn: Connection) -> None:
    """A spawned worker: load the extraction, then serve the pool; then end at once. The interpreter's own ending
    (unloading trafilatura, lxml, numpy and the rest) took the worker about 60 ms of CPU for nothing: it holds no
    file, lock or buffer that must outlive it, and the workers it forked are waited for already."""
    worker_start()
    _serve(conn)
    _end(0)


def _end(code: int) -> None:
    """End this worker process now, without the interpreter's own ending (what it wrote is flushed first)."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


_connection: Connection | None = None  # the socket this worker serves (a worker forked from it closes its copy)
_forked_pids: list[int] = []  # the workers this one forked, waited for when it ends


def _serve(conn: Connection) -> None:
    """Say the worker is ready (an empty frame), then run the tasks that come, one after the other, answering each
    with (True, result) or (False, exception); return when the pool closes its end."""
    global _connection
    _connection = conn
    try:
        _serve_tasks(conn)
    finally:
        _reap_forked()


def _serve_tasks(conn: Connection) -> None:
    conn.send_bytes(b"")
    while True:
        try:
            fn, args, kwargs = pickle.loads(conn.recv_bytes())
        except (EOFError, OSError):
            return
        try:
            outcome: tuple[bool, Any] = (True, fn(*args, **kwargs))
        except BaseException as exc:  # noqa: BLE001 - the caller gets it, as from ProcessPoolExecutor
            outcome = (False, exc)
        try:
            payload = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 - a result or exception that cannot be pickled
            payload = pickle.dumps((False, RuntimeError(f"the extraction result could not be sent: {exc!r}")))
        try:
            conn.send_bytes(payload)
        except OSError:
            return


def _fork_worker(address: str) -> int:
    """Run in a ready worker at the pool's request: fork a new worker, which connects to the pool at `address` and
    serves it from then on; returns the new worker's pid.  The new worker starts with the extraction loaded, so it
    costs some milliseconds of CPU instead of the half second of a spawned one."""
    pid = os.fork()
    if pid:
        _forked_pids.append(pid)
        return pid
    code = 0
    _forked_pids.clear()
    try:
        if _connection is not None:
            _connection.close()  # the forking worker's socket (and the task it may hold) stays its own
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.connect(address)
        _serve(Connection(sock.detach()))
    except BaseException:  # noqa: BLE001 - it never returns into the forking worker's loop
        code = 1
    finally:
        _end(code)


def _reap_forked() -> None:
    """Wait for the workers this one forked (they end when the pool closes their sockets, as it closes this one's):
    none is left a zombie, and their CPU time counts among this process's children's, as a spawned worker's counts
    among the crawl process's. (A worker that ignored SIGCHLD instead would have the kernel drop that time.)"""
    while _forked_pids:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(_forked_pids.pop(), 0)


class _Forked:
    """A lane's worker forked by another worker: not a child of this process, so it is joined through a pidfd."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        try:
            self._fd = os.pidfd_open(pid)
        except OSError:  # it ended already
            self._fd = -1

    def join(self, timeout: float | None = None) -> None:
        if self._fd < 0:
            return
        readable, _, _ = select.select([self._fd], [], [], timeout)
        if readable:
            os.close(self._fd)
            self._fd = -1


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
    extraction's modules and rules loaded."""
    ignore_ctrl_c()
    try:
        os.nice(WORKER_NICENESS)
    except OSError:  # not permitted somewhere: the worker runs at the main process's priority
        pass
    single_threaded_blas()
    import trafilatura  # noqa: F401 -- loaded before the worker says it is ready

    import crawler.worker  # noqa: F401
    from crawler.rules import builtin_rules

    # The cleaning rules, parsed and compiled (about 40 ms) before the worker says it is ready, not in its first
    # page: that page is a seed the whole crawl waits for, and a worker forked from this one inherits them.
    builtin_rules()


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
