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

import pytest
from faultweb import REPO, FaultWeb, cli_env, wasserwerk_config

from crawler.blas import BLAS_THREAD_VARIABLES
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
        db = tmp_path / "storywatch.db"
        config = wasserwerk_config(tmp_path, web, 3, db)
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
    """Its Python and trafilatura load on the other core while the crawl process loads Scrapy and its own crawl's
    modules (SQLite, numpy, the article processing: crawler.crawl), not after them."""
    with FaultWeb(["amtsblatt"], first=141) as web:
        config = wasserwerk_config(tmp_path, web, 2, tmp_path / "s.db")
        script = textwrap.dedent(f"""
            import sys
            from crawler import extract_pool
            start = extract_pool.ExtractionPool.__init__
            def probe(self, *args, **kwargs):
                print("loaded at warm-up:", [m for m in ("scrapy", "sqlite_utils", "numpy", "crawler.crawl",
                                                         "crawler.process") if m in sys.modules])
                start(self, *args, **kwargs)
            extract_pool.ExtractionPool.__init__ = probe
            from crawler.cli import main
            print("exit", main(["run", "--quiet", "--config", {str(config)!r}]), "scrapy" in sys.modules)
        """)
        done = subprocess.run([sys.executable, "-c", script], cwd=REPO, env=cli_env(), capture_output=True,
                              text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.splitlines() == ["loaded at warm-up: []", "exit 0 True"], done.stdout


def _alive_in_group(group: int) -> list[str]:
    """The processes of a process group that have not ended (zombies are ended), as 'pid state'."""
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile
            continue
        if int(fields[2]) == group and fields[0] not in ("Z", "X"):
            alive.append(f"{stat.parent.name} {fields[0]}")
    return alive


def test_a_run_ends_without_the_teardown_and_loses_nothing_on_the_way(tmp_path: Path) -> None:
    """`storywatch run` ends with os._exit after the exit handlers (crawler.cli.end_process): its exit handlers still
    run and its output arrives whole, the workers have ended, and the database file alone holds every article."""
    with FaultWeb(["amtsblatt"], first=141) as web:
        db = tmp_path / "s.db"
        config = wasserwerk_config(tmp_path, web, 3, db)
        script = textwrap.dedent(f"""
            import atexit, sys
            class Teardown:
                def __del__(self):
                    print("torn down")  # only the interpreter's teardown would collect this
            kept = Teardown()
            atexit.register(lambda: print("exit handler ran"))  # unflushed: end_process flushes it
            sys.argv = ["storywatch", "run", "--config", {str(config)!r}]
            from crawler.cli import entry
            entry()
        """)
        proc = subprocess.Popen([sys.executable, "-c", script], cwd=REPO, env=cli_env(), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, start_new_session=True)
        out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err[-3000:]
    # The extraction workers were joined before the end: nothing of the run's process group lives on. (A zombie is
    # dead: the resource tracker, which the parent never waits for, is one where PID 1 reaps no orphans.)
    assert _alive_in_group(proc.pid) == [], _alive_in_group(proc.pid)
    lines = out.splitlines()
    assert lines[-1] == "exit handler ran" and "torn down" not in lines, out
    assert any("3 new" in line for line in lines), out  # the run's summary, whole
    alone = tmp_path / "copy.db"
    alone.write_bytes(db.read_bytes())  # the file a user copies, without its -wal
    with sqlite3.connect(alone) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3


def test_an_ended_process_keeps_its_exit_code(tmp_path: Path) -> None:
    config = tmp_path / "broken.toml"
    config.write_text("[database\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "crawler", "run", "--config", str(config)], cwd=REPO,
                          env=cli_env(), capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "broken.toml" in done.stderr, done.stderr


def _numpy_threads_of_a_command(tmp_path: Path, **env: str) -> tuple[str, int]:
    """The BLAS setting and the thread count of a `storywatch` process (crawler.cli.entry) once numpy is loaded, seen
    by a command of the test's own that loads it."""
    (tmp_path / "numpy_probe.py").write_text(textwrap.dedent("""
        import os

        def add_arguments(parser):
            pass

        def run(args):
            import numpy  # noqa: F401
            print(os.environ.get("OPENBLAS_NUM_THREADS"), len(os.listdir("/proc/self/task")))
            return 0
    """))
    script = textwrap.dedent("""
        import sys
        from crawler import cli
        cli.COMMANDS["probe"] = ("numpy_probe", "numpy's threads")
        sys.argv = ["storywatch", "probe"]
        cli.entry()
    """)
    environment = cli_env()
    for name in BLAS_THREAD_VARIABLES:
        environment.pop(name, None)
    environment.update(env)
    environment["PYTHONPATH"] += os.pathsep + str(tmp_path)
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, env=environment, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    setting, threads = done.stdout.split()
    return setting, int(threads)


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts threads through /proc")
def test_the_storywatch_process_runs_numpy_on_one_thread(tmp_path: Path) -> None:
    """The crawl process's numpy does no work for a second BLAS thread (crawler.blas): it starts none, and a setting
    the user made is kept."""
    assert _numpy_threads_of_a_command(tmp_path) == ("1", 1)
    setting, _ = _numpy_threads_of_a_command(tmp_path, OPENBLAS_NUM_THREADS="2")
    assert setting == "2"
