"""The extraction pool's own plumbing (crawler/extract_pool.py): tasks and results of any size cross the worker's
socket whole, a caller never waits for a busy worker to read, a task not yet in a worker's hands can be cancelled,
errors come back as raised, and a worker that dies while idle is replaced.  Worker deaths during a task:
tests/test_crash_safety.py."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future
from pathlib import Path

import pytest

from crawler.extract_pool import SENT_PER_LANE, ExtractionPool


def _echo_size(body: bytes, answer: int) -> tuple[int, bytes]:
    return len(body), bytes([len(body) % 251]) * answer


def _wait_for_file(path: str, value: int) -> int:
    deadline = time.monotonic() + 120
    while not Path(path).exists():
        if time.monotonic() > deadline:
            raise TimeoutError(path)
        time.sleep(0.01)
    return value


def _fail(message: str) -> None:
    raise ValueError(message)


def _unpicklable() -> object:
    return threading.Lock()


def test_tasks_and_results_of_many_sizes_arrive_whole_and_in_their_order() -> None:
    sizes = [0, 1, 4095, 65536, 300_000, 5_000_000, 17, 2_500_000]
    pool = ExtractionPool(2)
    try:
        futures = [pool.submit(_echo_size, os.urandom(size), size // 3 + 1) for size in sizes * 3]
        results = [f.result(timeout=120) for f in futures]
    finally:
        pool.shutdown()
    for size, (got, answer) in zip(sizes * 3, results, strict=True):
        assert got == size
        assert answer == bytes([size % 251]) * (size // 3 + 1)


@pytest.fixture
def held(tmp_path: Path) -> Iterator[tuple[ExtractionPool, Path]]:
    """A pool of one worker and a gate: tasks of _wait_for_file wait until it exists; opened at the end, and the pool
    shut down."""
    gate = tmp_path / "gate"
    pool = ExtractionPool(1)
    try:
        yield pool, gate
    finally:
        gate.write_text("go")
        pool.shutdown()


def test_a_caller_never_waits_for_a_busy_worker_to_read_its_tasks(held: tuple[ExtractionPool, Path]) -> None:
    """Forty tasks of 2 MB (80 MB, far more than a socket holds) are handed over while the one worker is held by a
    task that waits for a file: were the caller writing them itself until the worker read, it would hang here."""
    pool, gate = held
    first = pool.submit(_wait_for_file, str(gate), 7)
    handed: list[Future[tuple[int, bytes]]] = []

    def hand_over() -> None:
        handed.extend(pool.submit(_echo_size, b"x" * 2_000_000, 1) for _ in range(40))

    caller = threading.Thread(target=hand_over)
    caller.start()
    caller.join(timeout=60)
    assert not caller.is_alive(), "submit() waited for the busy worker"
    assert not first.done()  # the worker is still held: nothing of the forty has been read yet
    gate.write_text("go")
    assert first.result(timeout=120) == 7
    assert [f.result(timeout=120)[0] for f in handed] == [2_000_000] * 40


def test_a_task_that_waits_for_a_worker_can_be_cancelled_and_one_in_hand_runs(held: tuple[ExtractionPool, Path]
                                                                              ) -> None:
    pool, gate = held
    futures = [pool.submit(_wait_for_file, str(gate), n) for n in range(SENT_PER_LANE + 3)]
    assert not futures[0].cancel()  # running in the worker
    assert not futures[SENT_PER_LANE - 1].cancel()  # in the worker's hands, next
    assert futures[SENT_PER_LANE].cancel()  # still here
    gate.write_text("go")
    assert [f.result(timeout=120) for f in futures[:SENT_PER_LANE]] == list(range(SENT_PER_LANE))
    assert [f.result(timeout=120) for f in futures[SENT_PER_LANE + 1:]] == [SENT_PER_LANE + 1, SENT_PER_LANE + 2]
    assert futures[SENT_PER_LANE].cancelled()


def test_shutdown_cancelling_cancels_what_waits_and_finishes_what_the_worker_holds(tmp_path: Path) -> None:
    gate = tmp_path / "gate"
    pool = ExtractionPool(1)
    futures = [pool.submit(_wait_for_file, str(gate), n) for n in range(SENT_PER_LANE + 4)]
    pool.shutdown(wait=False, cancel_futures=True)
    with pytest.raises(RuntimeError):
        pool.submit(int, "1")
    gate.write_text("go")
    assert [f.result(timeout=120) for f in futures[:SENT_PER_LANE]] == list(range(SENT_PER_LANE))
    assert all(f.cancelled() for f in futures[SENT_PER_LANE:])
    pool.shutdown(wait=True)  # returns: the worker ended


def test_errors_come_back_as_raised_and_the_worker_goes_on() -> None:
    pool = ExtractionPool(1)
    try:
        with pytest.raises(ValueError, match="kaputt"):
            pool.submit(_fail, "kaputt").result(timeout=120)
        with pytest.raises(RuntimeError, match="could not be sent"):
            pool.submit(_unpicklable).result(timeout=120)
        with pytest.raises(TypeError):  # a task that cannot be pickled fails alone, in the caller's future
            pool.submit(_echo_size, threading.Lock(), 1).result(timeout=120)
        assert pool.submit(_echo_size, b"abc", 2).result(timeout=120) == (3, b"\x03\x03")
        assert pool.replaced == 0
    finally:
        pool.shutdown()


def test_a_worker_that_dies_while_idle_is_replaced_and_the_next_task_runs() -> None:
    pool = ExtractionPool(1)
    try:
        first = pool.submit(os.getpid).result(timeout=120)
        os.kill(first, signal.SIGKILL)
        deadline = time.monotonic() + 60
        while pool.replaced == 0 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert pool.replaced == 1
        second = pool.submit(os.getpid).result(timeout=120)
        assert second != first
    finally:
        pool.shutdown()


def test_shutdown_ends_the_pools_thread_and_its_workers() -> None:
    pool = ExtractionPool(2)
    pids = {pool.submit(os.getpid).result(timeout=120) for _ in range(3)}
    pool.shutdown(wait=True)
    assert not [t for t in threading.enumerate() if t.name == "extraction-pool-io"]
    for pid in pids:
        with pytest.raises(ProcessLookupError):  # ended and reaped
            os.kill(pid, 0)


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def test_when_no_worker_can_be_started_in_place_of_a_dead_one_its_tasks_end_and_the_next_task_gets_a_worker(
        monkeypatch: pytest.MonkeyPatch) -> None:
    pool = ExtractionPool(1, attempts=3, crash_result=lambda: "crashed")
    try:
        assert pool.submit(os.getpid).result(timeout=120)
        start_worker = ExtractionPool._new_lane

        def cannot_start(self: ExtractionPool) -> object:
            raise OSError("no process now")

        monkeypatch.setattr(ExtractionPool, "_new_lane", cannot_start)
        assert pool.submit(_die).result(timeout=120) == "crashed"  # not waiting for a worker that never comes
        assert pool.workers == 0
        monkeypatch.setattr(ExtractionPool, "_new_lane", start_worker)
        assert pool.submit(_echo_size, b"ab", 1).result(timeout=120) == (2, b"\x02")
        assert pool.workers == 1
    finally:
        pool.shutdown()


def _pid_after(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def _parent_of(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


def _grown(pool: ExtractionPool) -> list[Future[int]]:
    """Tasks of 30 ms submitted every 20 ms until the pool has a second worker ready (its work piles up past a
    spawned worker's start)."""
    futures = []
    deadline = time.monotonic() + 120
    while pool.workers < 2 or not all(lane.ready for lane in pool._lanes):
        assert time.monotonic() < deadline, "the pool never grew"
        futures.append(pool.submit(_pid_after, 0.03))
        time.sleep(0.02)
    return futures


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_the_second_worker_is_forked_from_the_ready_one_serves_tasks_and_ends_with_the_pool() -> None:
    """A new lane's worker is a fork of the ready worker (its child, ready in milliseconds with the extraction
    loaded), not a second Python spawned to load it again; it takes tasks, and the pool's shutdown ends it."""
    pool = ExtractionPool(2)
    try:
        futures = _grown(pool)
        futures += [pool.submit(_pid_after, 0.01) for _ in range(40)]
        pids = {f.result(timeout=120) for f in futures}
        assert pool.forked == 1 and pool.workers == 2
        assert len(pids) == 2  # both served tasks
        spawned, forked = sorted(pids, key=lambda pid: _parent_of(pid) == os.getpid(), reverse=True)
        assert _parent_of(spawned) == os.getpid() and _parent_of(forked) == spawned
        assert pool.submit(_echo_size, b"x" * 300_000, 70_000).result(timeout=120) == (300_000, bytes([300_000 % 251]) * 70_000)
    finally:
        pool.shutdown(wait=True)
    for pid in pids:
        with pytest.raises(ProcessLookupError):  # ended, and reaped by the worker that forked it
            os.kill(pid, 0)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_a_forked_worker_that_dies_holding_a_task_is_replaced_and_the_task_runs_again(tmp_path: Path) -> None:
    pool = ExtractionPool(2)
    try:
        for f in _grown(pool):
            f.result(timeout=120)
        assert pool.forked == 1
        forked = next(lane for lane in pool._lanes if _parent_of(lane.process.pid) != os.getpid())
        gate = tmp_path / "gate"
        held = [pool.submit(_wait_for_file, str(gate), i) for i in range(6)]  # both lanes hold some
        deadline = time.monotonic() + 60
        while forked.sent == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert forked.sent > 0
        os.kill(forked.process.pid, signal.SIGKILL)
        while pool.replaced == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        gate.touch()
        assert [f.result(timeout=120) for f in held] == list(range(6))
        assert pool.replaced == 1 and pool.workers == 2
    finally:
        pool.shutdown(wait=True)
