"""The crawl's main process keeps its event loop on time: the extraction workers yield the CPU to it, and the
garbage collector does not walk the libraries' objects during the crawl, and listing chunks ready at the same moment
are written one per pass of the loop (pages ready together are stored in batches of at most 10 ms:
tests/test_store_batch.py); the first extraction worker starts while the process loads Scrapy (issue 15)."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from faultweb import REPO, FaultWeb, cli_env, outlets_with_feeds

from crawler.extract_pool import WORKER_NICENESS, ExtractionPool, worker_crashed
from crawler.spider import StoryWatchSpider


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
            from crawler.cli import COMMANDS, main
            code = main(["run", "--quiet", "--config", {str(config)!r}])
            # A cron run loads its own command's module, not the others' (apscheduler, the exporters): 0.2 s of CPU.
            print(sorted(m for m, _ in COMMANDS.values() if m in sys.modules), "apscheduler" in sys.modules)
            print("exit", code, "frozen", gc.get_freeze_count())
        """)
        done = subprocess.run([sys.executable, "-c", script], cwd=REPO, env=cli_env(), capture_output=True,
                              text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split()[-4:] == ["exit", "0", "frozen", "0"], done.stdout
    assert "['crawler.run'] False" in done.stdout.splitlines(), done.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3


def test_heavy_work_ready_at_once_takes_one_pass_of_the_loop_each() -> None:
    """Five pages whose extraction ends together (five tasks ready at once) are stored in five passes of the loop,
    with the loop's other callbacks (a timer, a download) between them, not all in one pass."""

    class Spider:
        _turn = StoryWatchSpider._turn

        def __init__(self) -> None:
            self._turns = asyncio.Lock()

    async def scenario() -> tuple[list[tuple[int, int]], int]:
        loop = asyncio.get_running_loop()
        passes = 0
        done = False

        def count() -> None:  # runs once in every pass of the loop
            nonlocal passes
            passes += 1
            if not done:
                loop.call_soon(count)

        loop.call_soon(count)
        spider = Spider()
        turns: list[tuple[int, int]] = []

        async def page(i: int) -> None:
            for part in range(2):  # a page's store, then (say) one of its listing chunks
                async with spider._turn():
                    turns.append((passes, i))
                await asyncio.sleep(0)

        await asyncio.gather(*(page(i) for i in range(5)))
        done = True
        return turns, passes

    turns, passes = asyncio.run(scenario())
    assert len(turns) == 10
    assert sorted(i for _, i in turns) == [i for i in range(5) for _ in range(2)]
    in_pass = [p for p, _ in turns]
    assert len(set(in_pass)) == len(in_pass), in_pass  # never two turns in one pass
    assert passes >= 10


def test_the_first_extraction_worker_starts_before_scrapy_is_loaded(tmp_path: Path) -> None:
    """Its Python and trafilatura load on the other core while the crawl process loads Scrapy, not after it."""
    with FaultWeb(["amtsblatt"], first=141) as web:
        sources = outlets_with_feeds(web, 2)
        config = tmp_path / "storywatch.toml"
        config.write_text(
            f'[database]\npath = "{(tmp_path / "s.db").as_posix()}"\n\n[crawl]\ndownload_delay = 0\nretries = 0\n\n'
            + sources + "\n[[stories]]\nid = \"wasserwerk\"\ntitle = \"Wasserwerk\"\nquery = 'Wasserwerk*'\n",
            encoding="utf-8")
        script = textwrap.dedent(f"""
            import sys
            from crawler import extract_pool
            warm_up = extract_pool.ExtractionPool.warm_up
            def probe(self):
                print("scrapy loaded at warm-up:", "scrapy" in sys.modules)
                warm_up(self)
            extract_pool.ExtractionPool.warm_up = probe
            from crawler.cli import main
            print("exit", main(["run", "--quiet", "--config", {str(config)!r}]), "scrapy" in sys.modules)
        """)
        done = subprocess.run([sys.executable, "-c", script], cwd=REPO, env=cli_env(), capture_output=True,
                              text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.splitlines() == ["scrapy loaded at warm-up: False", "exit 0 True"], done.stdout
