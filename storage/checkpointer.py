"""The write-ahead log is copied into the database file by a thread of its own while a crawl writes.

SQLite checkpoints a WAL database in the connection that commits when the log has grown past 1000 pages: that
commit writes the pages into the database file and syncs it, which took up to a tenth of a second here, and the
crawl's event loop waited for it (downloads, the next requests, the storing of other pages). During a crawl the
crawl's connection checkpoints no more; this thread does, every second, with a connection of its own, in PASSIVE
mode: it never waits for or blocks the crawl's writes or a reader, and Python's sqlite3 lets the event loop run
while it works. While the crawl commits it checkpoints every tenth of a second, so that the log is reused from
its start and stays short (CATCH_UP_SECONDS). After the crawl, the connection checkpoints by itself again (the run's
end truncates the log).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from types import TracebackType
from typing import Self

from sqlite_utils import Database

logger = logging.getLogger(__name__)

EVERY_SECONDS = 1.0
AUTOCHECKPOINT_PAGES = 1000  # SQLite's default
# The next checkpoint's wait while the crawl commits. Once a second let the log grow to 8-12 times the store
# (benchmarks/crawl_speed.py's pages: 1000 pages, 205 MB of log for 26 MB of store; 5000 pages, 1.46 GB for 124 MB);
# a tenth of a second kept it at 21 and 86 MB, as checkpoints met the log fully copied between two of the crawl's
# commits and the next commit started it over. Each checkpoint copies only what changed since the last one.
CATCH_UP_SECONDS = 0.1


class Checkpointer:
    """`with Checkpointer(db):` — the WAL is checkpointed in the background while the block runs."""

    def __init__(self, db: Database, every: float = EVERY_SECONDS) -> None:
        self.db = db
        self.every = every
        self.checkpoints = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._path = next((row[2] for row in db.execute("PRAGMA database_list") if row[1] == "main"), "")

    def __enter__(self) -> Self:
        if not self._path:  # an in-memory database has no log to copy
            return self
        try:
            conn = sqlite3.connect(self._path, timeout=1.0, check_same_thread=False)
        except sqlite3.Error as exc:  # the crawl's connection goes on checkpointing by itself
            logger.warning("background checkpoints off: %s", exc)
            return self
        self.db.execute("PRAGMA wal_autocheckpoint = 0")
        self._thread = threading.Thread(target=self._run, args=(conn,), name="storywatch-checkpoint", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
            self.db.execute(f"PRAGMA wal_autocheckpoint = {AUTOCHECKPOINT_PAGES}")

    def _run(self, conn: sqlite3.Connection) -> None:
        hurry = min(self.every, CATCH_UP_SECONDS)
        wait, seen = hurry, None  # a crawl writes most at its start
        try:
            while not self._stop.wait(wait):
                wait = self.every
                try:
                    # fetchall: each statement runs to its end, so this connection holds no read lock while it
                    # waits (a reader of the log keeps the crawl's next commit from starting it over)
                    (_, log, copied), = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                    # changes whenever another connection (the crawl) committed since this one last asked
                    (version,), = conn.execute("PRAGMA data_version").fetchall()
                    self.checkpoints += 1
                except sqlite3.Error as exc:  # busy or locked: the next second tries again
                    logger.debug("background checkpoint skipped: %s", exc)
                    continue
                # The log restarts from its beginning only at a commit that finds all of it copied. While the crawl
                # commits every few milliseconds, a checkpoint once a second has always missed that moment: while it
                # commits, or while the log is partly uncopied, the next checkpoint comes soon.
                if version != seen or copied < log:
                    wait = hurry
                seen = version
        finally:
            conn.close()
