"""The crawl lock between real processes: held, named holder, waiting, and freed when the holder is killed."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from storage.lock import CrawlLock, LockHeld

REPO = Path(__file__).resolve().parents[1]

# Takes the lock, says so, then holds it until a line arrives on stdin (or it is killed).
HOLDER = """
import sys
from storage.lock import CrawlLock
lock = CrawlLock(sys.argv[1])
lock.acquire()
print("locked", flush=True)
sys.stdin.readline()
lock.release()
print("released", flush=True)
sys.stdin.readline()
"""


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "storywatch.db"


@pytest.fixture
def holder(db_path: Path) -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db_path)], cwd=REPO, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "locked"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.communicate(timeout=30)


def test_lock_file_sits_beside_the_database_with_the_holder_pid_and_mode_640(db_path: Path) -> None:
    old_umask = os.umask(0o077)
    try:
        lock = CrawlLock(db_path)
        lock.acquire()
    finally:
        os.umask(old_umask)
    try:
        path = Path(f"{db_path}.lock")
        assert lock.path == path
        assert path.read_text().strip() == str(os.getpid())
        assert stat.S_IMODE(path.stat().st_mode) == 0o640
        assert lock.holder_pid() == os.getpid()
    finally:
        lock.release()
    assert lock.holder_pid() is None
    assert path.read_text() == ""


def test_second_process_is_refused_with_the_holder_pid(db_path: Path, holder: subprocess.Popen[str]) -> None:
    lock = CrawlLock(db_path)
    assert lock.holder_pid() == holder.pid
    with pytest.raises(LockHeld) as info:
        lock.acquire()
    assert info.value.pid == holder.pid
    message = str(info.value)
    assert f"{db_path}.lock" in message and f"pid {holder.pid}" in message
    assert "\n" not in message
    assert not lock.held


def test_lock_is_free_again_after_the_holder_is_killed(db_path: Path, holder: subprocess.Popen[str]) -> None:
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    lock = CrawlLock(db_path)
    assert lock.holder_pid() is None  # the file still names the dead pid, but nobody holds the flock
    lock.acquire()
    try:
        assert lock.held
        assert Path(f"{db_path}.lock").read_text().strip() == str(os.getpid())
    finally:
        lock.release()


def test_waiting_acquire_gets_the_lock_when_the_holder_releases(db_path: Path,
                                                                holder: subprocess.Popen[str]) -> None:
    lock = CrawlLock(db_path)
    got: list[object] = []

    def take() -> None:
        try:
            lock.acquire(wait=True, timeout=60)
            got.append("acquired")
        except LockHeld as exc:  # pragma: no cover - only on failure
            got.append(exc)

    waiter = threading.Thread(target=take)
    waiter.start()
    assert holder.stdin is not None and holder.stdout is not None
    holder.stdin.write("go\n")
    holder.stdin.flush()
    assert holder.stdout.readline().strip() == "released"
    waiter.join(timeout=60)
    assert got == ["acquired"]
    assert lock.holder_pid() == os.getpid()
    lock.release()


def test_waiting_acquire_with_timeout_gives_up_with_lock_held(db_path: Path, holder: subprocess.Popen[str]) -> None:
    lock = CrawlLock(db_path)
    with pytest.raises(LockHeld) as info:
        lock.acquire(wait=True, timeout=0.3)
    assert info.value.pid == holder.pid
    assert "waited" in str(info.value)


def test_context_manager_releases_on_error(db_path: Path) -> None:
    with pytest.raises(ZeroDivisionError), CrawlLock(db_path) as lock:
        assert lock.held
        1 / 0  # noqa: B018
    assert CrawlLock(db_path).holder_pid() is None
    with CrawlLock(db_path) as again:
        assert again.held


def test_acquiring_twice_in_one_object_is_an_error(db_path: Path) -> None:
    with CrawlLock(db_path) as lock, pytest.raises(RuntimeError):
        lock.acquire()


def test_a_subprocess_does_not_inherit_the_lock(db_path: Path) -> None:
    with CrawlLock(db_path):
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"], close_fds=False)
    try:
        # The parent released it; a child that outlives the parent's hold must not keep it.
        assert CrawlLock(db_path).holder_pid() is None
    finally:
        child.kill()
        child.wait(timeout=30)


def test_release_without_acquire_is_harmless(db_path: Path) -> None:
    lock = CrawlLock(db_path)
    lock.release()
    assert lock.holder_pid() is None
