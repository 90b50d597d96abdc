"""Concurrent use of one database: two crawls at once, and a reader holding a long read transaction.

The scheduler's side (never two crawls of a story at once) is pinned in tests/test_scheduler.py
(test_overlapping_fires_start_one_crawl).
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from faultweb import (
    FaultWeb,
    article_html,
    article_text,
    cli_env,
    page,
    rss,
    run_storywatch,
    slow,
    storywatch_command,
)

from storage import open_database
from storage.lock import CrawlLock

SLOW_SECONDS = 8  # how long the first crawl holds the lock, at least


def _config(path: Path, db: Path, web: FaultWeb, host: str) -> Path:
    base = web.base(host)
    path.write_text(
        f'[database]\npath = "{db.as_posix()}"\n\n[crawl]\ndownload_delay = 0\ntimeout = {SLOW_SECONDS + 10}\n'
        f"retries = 0\nfollow_related_links = false\n\n"
        f'[[sources]]\nname = "{host}"\nurl = "{base}/"\nfeeds = ["{base}/feed.xml"]\n\n'
        f"[[stories]]\nid = \"wasserwerk\"\ntitle = \"Wasserwerk\"\nquery = 'Wasserwerk*'\n",
        encoding="utf-8")
    return path


def _wait_for(condition, what: str, limit: float = 60.0) -> None:
    """Poll until `condition()`; a deadline only so that a broken crawl cannot hang the suite."""
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)


@dataclass
class TwoCrawls:
    first: subprocess.CompletedProcess[str]
    second: subprocess.CompletedProcess[str]  # started while the first held the lock, without --wait
    waiting: subprocess.CompletedProcess[str]  # started while the first held the lock, with --wait
    first_running_when_waiting_started: bool
    db: Path
    lock: Path


@pytest.fixture(scope="module")
def two_crawls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TwoCrawls]:
    tmp = tmp_path_factory.mktemp("concurrency")
    db = tmp / "storywatch.db"
    with FaultWeb(["outlet"], first=80) as web:
        base = web.base("outlet")
        paths = [f"/lokales/wasserwerk-bericht-{12000 + n}.html" for n in range(3)]
        web.add("outlet", paths[0], slow(SLOW_SECONDS, page(article_html(0))))
        for n, path in enumerate(paths[1:], start=1):
            web.add("outlet", path, page(article_html(n)))
        web.add("outlet", "/feed.xml", page(rss(base, [(p, article_text(n)[0]) for n, p in enumerate(paths)]),
                                            content_type="application/rss+xml"))
        config = _config(tmp / "storywatch.toml", db, web, "outlet")
        lock = CrawlLock(db)
        first = subprocess.Popen(storywatch_command("run", "--config", config), cwd=tmp, env=cli_env(),
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            # The first crawl holds the lock and is inside the slow fetch.
            _wait_for(lambda: lock.holder_pid() == first.pid and web.hits("outlet", paths[0]), "the first crawl")
            second = run_storywatch("run", "--config", config, cwd=tmp, timeout=60)
            waiting = subprocess.Popen(storywatch_command("run", "--config", config, "--wait"), cwd=tmp,
                                       env=cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            first_running = first.poll() is None
            out, err = first.communicate(timeout=120)
            first_done = subprocess.CompletedProcess(first.args, first.returncode, out, err)
            out, err = waiting.communicate(timeout=120)
            waiting_done = subprocess.CompletedProcess(waiting.args, waiting.returncode, out, err)
        finally:
            for proc in (first, locals().get("waiting")):
                if proc is not None and proc.poll() is None:
                    proc.kill()
                    proc.wait()
    yield TwoCrawls(first_done, second, waiting_done, first_running, db, lock.path)


@pytest.mark.slow
def test_the_first_crawl_finishes_normally(two_crawls: TwoCrawls) -> None:
    assert two_crawls.first.returncode == 0, two_crawls.first.stderr[-3000:]


@pytest.mark.slow
def test_a_second_crawl_exits_3_with_one_line_naming_the_lock(two_crawls: TwoCrawls) -> None:
    second = two_crawls.second
    assert second.returncode == 3, second.stderr
    lines = second.stderr.strip().splitlines()
    assert len(lines) == 1, second.stderr
    assert str(two_crawls.lock) in lines[0]
    assert "Traceback" not in second.stderr


@pytest.mark.slow
def test_a_second_crawl_with_wait_waits_for_the_first_then_succeeds(two_crawls: TwoCrawls) -> None:
    assert two_crawls.first_running_when_waiting_started
    assert two_crawls.waiting.returncode == 0, two_crawls.waiting.stderr[-3000:]
    conn = sqlite3.connect(f"file:{two_crawls.db}?mode=ro", uri=True)
    runs = conn.execute("SELECT status, started_at, finished_at FROM runs ORDER BY id").fetchall()
    conn.close()
    # Two runs only: the refused crawl wrote nothing; the waiting one started after the first had finished.
    assert [r[0] for r in runs] == ["ok", "ok"]
    assert runs[1][1] >= runs[0][2]


@pytest.mark.slow
def test_the_crawl_that_waited_did_not_fetch_the_stored_articles_again(two_crawls: TwoCrawls) -> None:
    conn = sqlite3.connect(f"file:{two_crawls.db}?mode=ro", uri=True)
    stats = [json.loads(s) for (s,) in conn.execute("SELECT stats FROM runs ORDER BY id")]
    count = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    conn.close()
    assert count == 3
    assert stats[0]["new"] == 3
    assert stats[1]["new"] == 0 and stats[1]["skipped_known"] == 3


# ------------------------------------------------------------------------------------------ readers and writers
def test_a_long_read_transaction_does_not_block_a_writer_at_all(tmp_path: Path) -> None:
    """WAL: with busy_timeout 0 the writer would fail at once if it had to wait for the reader."""
    db = open_database(tmp_path / "storywatch.db")
    db.execute("INSERT INTO runs (started_at, status, stats) VALUES ('2026-01-01T00:00:00Z', 'ok', '{}')")
    reader = sqlite3.connect(tmp_path / "storywatch.db", isolation_level=None)
    reader.execute("BEGIN")
    assert reader.execute("SELECT COUNT(*) FROM runs").fetchone()[0] == 1
    db.execute("PRAGMA busy_timeout = 0")
    with db.atomic():
        for i in range(50):
            db.execute("INSERT INTO runs (started_at, status, stats) VALUES (?, 'ok', '{}')", [f"2026-01-02T{i}"])
    # The reader keeps its snapshot until it ends its transaction, then sees the writes.
    assert reader.execute("SELECT COUNT(*) FROM runs").fetchone()[0] == 1
    reader.execute("COMMIT")
    assert reader.execute("SELECT COUNT(*) FROM runs").fetchone()[0] == 51
    reader.close()
    db.close()


@pytest.mark.slow
def test_a_crawl_writes_and_finishes_its_run_while_a_reader_holds_a_read_transaction(tmp_path: Path) -> None:
    """The reader keeps its snapshot (0 articles) while the crawl stores 3 articles and writes its finished runs row.

    The reader ends its transaction only once the run row says finished: the crawl's last step, a TRUNCATE
    checkpoint, waits for readers up to the busy timeout (30 s), which a reader that never ends would cost.
    """
    db_path = tmp_path / "storywatch.db"
    open_database(db_path).close()
    reader = sqlite3.connect(db_path, isolation_level=None)
    reader.execute("BEGIN")
    assert reader.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 0
    observer = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    with FaultWeb(["outlet"], first=85) as web:
        base = web.base("outlet")
        paths = [f"/lokales/wasserwerk-bericht-{13000 + n}.html" for n in range(3)]
        for n, path in enumerate(paths):
            web.add("outlet", path, page(article_html(n)))
        web.add("outlet", "/feed.xml", page(rss(base, [(p, article_text(n)[0]) for n, p in enumerate(paths)]),
                                            content_type="application/rss+xml"))
        config = _config(tmp_path / "storywatch.toml", db_path, web, "outlet")
        crawl = subprocess.Popen(storywatch_command("run", "--config", config), cwd=tmp_path, env=cli_env(),
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            _wait_for(lambda: crawl.poll() is not None or observer.execute(
                "SELECT COUNT(*) FROM runs WHERE finished_at IS NOT NULL").fetchone()[0] == 1, "the run to finish")
            seen_by_observer = observer.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            still_open = reader.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            reader.execute("COMMIT")
            _, err = crawl.communicate(timeout=120)
        finally:
            if crawl.poll() is None:
                crawl.kill()
                crawl.wait()
    after = reader.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    status = reader.execute("SELECT status FROM runs").fetchone()[0]
    reader.close()
    observer.close()
    assert crawl.returncode == 0, err[-3000:]
    assert (still_open, seen_by_observer, after, status) == (0, 3, 3, "ok")
