"""One crawl holds the database at a time: an flock on a lock file beside it.

The kernel drops an flock when its holder dies, SIGKILL included, so a lock can never be left stale; the pid
written into the file only names the holder for messages. The file itself stays (removing it would let two
processes lock two different files under one name).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import logging
import os
import time
from pathlib import Path
from types import TracebackType
from typing import Self

logger = logging.getLogger(__name__)

FILE_MODE = 0o640
_POLL_SECONDS = 0.2
# A lock file with no pid in it is being locked or probed right now; look again this long before giving up.
_SETTLE_SECONDS = 0.5


class LockHeld(Exception):
    """Another process holds the crawl lock."""

    def __init__(self, path: Path, pid: int | None, waited: float | None = None) -> None:
        self.path = path
        self.pid = pid
        self.waited = waited
        holder = f"pid {pid}" if pid is not None else "pid unknown"
        after = f" (waited {waited:g} s)" if waited is not None else ""
        super().__init__(f"another crawl holds the database lock {path} ({holder}){after}")


class CrawlLock:
    """The crawl lock of the database at `db_path`: the file `<db_path>.lock`."""

    def __init__(self, db_path: Path | str) -> None:
        self.path = Path(f"{db_path}.lock")
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        """Whether this object holds the lock."""
        return self._fd is not None

    def acquire(self, *, wait: bool = False, timeout: float | None = None) -> None:
        """Take the lock; without `wait` raise LockHeld at once, with it wait (up to `timeout` s, None = forever)."""
        if self._fd is not None:
            raise RuntimeError(f"{self.path} is already held by this process")
        fd = self._open()
        started = time.monotonic()
        settle_until = started + _SETTLE_SECONDS
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except OSError as exc:
                    if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                        raise
                now = time.monotonic()
                pid = _read_pid(fd)
                if not wait and (pid is not None or now >= settle_until):
                    raise LockHeld(self.path, pid)
                if wait and timeout is not None and now - started >= timeout:
                    raise LockHeld(self.path, pid, waited=timeout)
                time.sleep(_POLL_SECONDS if wait else 0.02)
        except BaseException:
            os.close(fd)
            raise
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd
        logger.debug("took the crawl lock %s", self.path)

    def release(self) -> None:
        """Give the lock back; a no-op when not held."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            os.ftruncate(fd, 0)  # before unlocking: the next holder writes its own pid
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)
        logger.debug("released the crawl lock %s", self.path)

    def holder_pid(self) -> int | None:
        """The pid of the process holding the lock (this one included), or None when nobody holds it."""
        if self._fd is not None:
            return os.getpid()
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            return None
        try:
            try:
                # A shared probe succeeds only when nobody holds the exclusive lock.
                fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except OSError:
                return _read_pid(fd)
            fcntl.flock(fd, fcntl.LOCK_UN)
            return None
        finally:
            os.close(fd)

    def __enter__(self) -> Self:
        self.acquire()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()

    def _open(self) -> int:
        # O_CLOEXEC (Python's default): crawl subprocesses must not inherit, and so keep, the lock.
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, FILE_MODE)
        with contextlib.suppress(PermissionError):
            # The umask may have narrowed it, and an older file may be wider; another user's file is left alone.
            if os.fstat(fd).st_mode & 0o777 != FILE_MODE:
                os.fchmod(fd, FILE_MODE)
        return fd


def _read_pid(fd: int) -> int | None:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None
