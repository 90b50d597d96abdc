"""The crawl's main process keeps its event loop on time: the extraction workers yield the CPU to it, and the
garbage collector does not walk the libraries' objects during the crawl (issue 15)."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from faultweb import REPO, FaultWeb, cli_env, outlets_with_feeds

from crawler.extract_pool import WORKER_NICENESS, ExtractionPool, worker_crashed


def test_extraction_workers_run_below_the_main_process_priority() -> None:
    pool = ExtractionPool(1, multiprocessing.get_context("spawn"), crash_result=worker_crashed)
    try:
        worker = pool.submit(os.getpriority, os.PRIO_PROCESS, 0).result(timeout=60)
    finally:
        pool.shutdown()
    main = os.getpriority(os.PRIO_PROCESS, 0)
    assert worker == min(19, main + WORKER_NICENESS) > main or main == 19


def test_a_crawl_in_a_process_that_lives_on_leaves_nothing_frozen(tmp_path: Path) -> None:
    """The scheduler starts each crawl as a process of its own, but crawler.cli.main may be called in a process that
    lives on (a test, a library user): what the crawl froze for the garbage collector must be collectable again
    after it."""
    with FaultWeb(["amtsblatt"], first=141) as web:
        sources = outlets_with_feeds(web, 3)
        config = tmp_path / "storywatch.toml"
        db = tmp_path / "storywatch.db"
        config.write_text(
            f'[database]\npath = "{db.as_posix()}"\n\n[crawl]\ndownload_delay = 0\nretries = 0\n\n' + sources
            + "\n[[stories]]\nid = \"wasserwerk\"\ntitle = \"Wasserwerk\"\nquery = 'Wasserwerk*'\n",
            encoding="utf-8")
        script = textwrap.dedent(f"""
            import gc, sys
            from crawler.cli import main
            code = main(["run", "--quiet", "--config", {str(config)!r}])
            print("exit", code, "frozen", gc.get_freeze_count())
        """)
        done = subprocess.run([sys.executable, "-c", script], cwd=REPO, env=cli_env(), capture_output=True,
                              text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split()[-4:] == ["exit", "0", "frozen", "0"], done.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
