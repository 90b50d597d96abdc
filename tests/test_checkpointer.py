"""The WAL is copied into the database file by a background thread during a crawl (storage/checkpointer.py), so
that no commit of the crawl's event loop waits for a checkpoint's sync."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from storage.checkpointer import AUTOCHECKPOINT_PAGES, Checkpointer
from storage.db import open_database


def _wal_pages(path: Path) -> int:
    wal = path.with_name(path.name + "-wal")
    return wal.stat().st_size // 4096 if wal.exists() else 0


def _wait_for_checkpoints(checkpointer: Checkpointer, n: int, timeout: float = 10.0) -> None:
    target, deadline = checkpointer.checkpoints + n, time.monotonic() + timeout
    while checkpointer.checkpoints < target and time.monotonic() < deadline:
        time.sleep(0.01)
    assert checkpointer.checkpoints >= target, "the thread did not checkpoint"


def test_the_log_is_checkpointed_in_the_background_and_the_connection_takes_over_after(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    db = open_database(path)
    db.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT)")
    blob = "x" * 3000
    with Checkpointer(db, every=0.05) as checkpointer:
        assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0  # the crawl's commits never checkpoint
        for i in range(3000):  # about 2300 pages of log: more than one automatic checkpoint's worth
            with db.atomic():
                db.execute("INSERT INTO filler (body) VALUES (?)", [blob])
            if i % 500 == 0:  # the thread's turn: two checkpoints while nothing is written (the second finds it all
                _wait_for_checkpoints(checkpointer, 2)  # copied), however slowly the machine runs the thread
        time.sleep(0.2)
        assert _wal_pages(path) < 2000  # the log was reused after the thread's checkpoints: it never held it all
        # A reader sees every committed row meanwhile.
        with sqlite3.connect(path) as reader:
            assert reader.execute("SELECT count(*) FROM filler").fetchone()[0] == 3000
    assert checkpointer.checkpoints > 0
    assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == AUTOCHECKPOINT_PAGES
    # What the thread checkpointed was copied into the database file: a checkpoint now has little left to copy.
    busy, log, copied = db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    assert busy == 0 and log == copied
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert _wal_pages(path) == 0
    with sqlite3.connect(path) as reader:
        assert reader.execute("SELECT count(*) FROM filler").fetchone()[0] == 3000
    db.close()


def test_a_crawls_steady_commits_reuse_the_log_and_an_idle_store_is_left_alone(tmp_path: Path) -> None:
    """A crawl commits a batch every few tens of milliseconds for minutes. The log starts over only at a commit that
    finds all of it copied, which a checkpoint once a second never met (5000 benchmark pages: 1.46 GB of log for a
    124 MB store); the thread checkpoints again soon while commits come, and once a second when they stop."""
    path = tmp_path / "store.db"
    db = open_database(path)
    db.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT)")
    with Checkpointer(db) as checkpointer:  # as the crawl runs it: every second when idle
        for _ in range(100):  # 800 rows of 3 KB: over 800 pages of log in all, in three seconds
            with db.atomic():
                db.conn.executemany("INSERT INTO filler (body) VALUES (?)", [["x" * 3000]] * 8)
            time.sleep(0.03)
        written = db.execute("PRAGMA page_count").fetchone()[0]
        assert written > 800
        assert _wal_pages(path) < written / 3, (_wal_pages(path), written)  # the log was reused, not grown
        busy = checkpointer.checkpoints
        assert busy >= 10
        time.sleep(0.7)
        assert checkpointer.checkpoints - busy <= 2  # nothing committed: back to once a second
    db.close()


def test_without_the_thread_the_log_would_only_grow(tmp_path: Path) -> None:
    """The control: with automatic checkpoints off and no thread, nothing copies the log (so the thread is what
    kept it short above)."""
    path = tmp_path / "store.db"
    db = open_database(path)
    db.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT)")
    db.execute("PRAGMA wal_autocheckpoint = 0")
    for _ in range(3000):
        with db.atomic():
            db.execute("INSERT INTO filler (body) VALUES (?)", ["x" * 3000])
    assert _wal_pages(path) > 3000
    db.close()
