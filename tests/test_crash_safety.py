"""SIGKILL a crawl again and again at different points; the database stays whole and the next run completes it.

The web: a slow outlet (every article page takes a while) and a fast one with many articles, so that a kill lands
during fetches and during writes. Kill points are chosen by what the crawl has done, not by the clock: when the
database file appears (migrations), when the first article request arrives, and after 1, 5, 12, 25 ... articles
of this run are stored. After every kill the database is checked; after the last, one run without a kill must
store every article exactly once and mark the killed runs 'interrupted'.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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

from crawler import dedup

SLOW_ARTICLES = 12
FAST_ARTICLES = 80
SLOW_PAGE_SECONDS = 0.4


@dataclass
class KillRecord:
    point: str
    articles_before: int
    articles_after: int
    returncode: int | None
    problems: list[str] = field(default_factory=list)


@dataclass
class CrashCampaign:
    kills: list[KillRecord]
    final: subprocess.CompletedProcess[str]
    db: Path
    expected_titles: set[str]


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.OperationalError:  # no table yet (migrations running)
        return 0


def problems_of(db: Path) -> list[str]:
    """Everything that would make the database damaged or an article half-stored; [] when all is well."""
    if not db.exists():
        return []
    conn = sqlite3.connect(db, timeout=30)
    try:
        found: list[str] = []
        check = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if check != ["ok"]:
            found.append(f"integrity_check: {check[:5]}")
        if not conn.execute("SELECT name FROM sqlite_master WHERE name = 'articles'").fetchone():
            return found  # killed before the schema was committed: nothing to be half-stored
        candidates = bool(conn.execute("SELECT name FROM sqlite_master WHERE name = 'story_candidates'").fetchone())
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            found.append(f"foreign_key_check: {fk[:5]}")
        queries = {
            "story row of an article without text": "SELECT sa.article_id FROM story_articles sa "
            "JOIN articles a ON a.id = sa.article_id WHERE a.text IS NULL OR a.text = ''",
            "story row pointing at a missing article": "SELECT sa.article_id FROM story_articles sa "
            "LEFT JOIN articles a ON a.id = sa.article_id WHERE a.id IS NULL",
            "duplicate_of pointing at a missing article": "SELECT sa.article_id FROM story_articles sa "
            "LEFT JOIN articles a ON a.id = sa.duplicate_of WHERE sa.duplicate_of IS NOT NULL AND a.id IS NULL",
            "version row without its article": "SELECT v.article_id FROM article_versions v "
            "LEFT JOIN articles a ON a.id = v.article_id WHERE a.id IS NULL",
            "url row without its article": "SELECT u.url FROM article_urls u "
            "LEFT JOIN articles a ON a.id = u.article_id WHERE a.id IS NULL",
            "article without its url row": "SELECT a.id FROM articles a "
            "LEFT JOIN article_urls u ON u.article_id = a.id WHERE u.url IS NULL",
            # Every page here matches the story: in it, or a candidate waiting for the end-of-run decision.
            "article in neither the story nor its candidates": "SELECT a.id FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM story_articles sa WHERE sa.article_id = a.id)" + (
                " AND NOT EXISTS (SELECT 1 FROM story_candidates c WHERE c.article_id = a.id)" if candidates else ""),
            "article without text": "SELECT id FROM articles WHERE text IS NULL OR text = ''",
            "canonical URL stored twice": "SELECT canonical_url FROM articles GROUP BY canonical_url "
            "HAVING COUNT(*) > 1",
            "title stored twice": "SELECT title FROM articles GROUP BY title HAVING COUNT(*) > 1",
        }
        if conn.execute("SELECT name FROM sqlite_master WHERE name = 'article_bands_staged'").fetchone():
            # An article's near-duplicate keys are committed with it: in the index, or staged for the next merge.
            queries["article without its near-duplicate keys"] = (
                "SELECT a.id FROM articles a WHERE a.text != '' AND NOT EXISTS "
                "(SELECT 1 FROM article_bands b WHERE b.article_id = a.id) AND NOT EXISTS "
                "(SELECT 1 FROM article_bands_staged s WHERE s.article_id = a.id)")
        for name, sql in queries.items():
            rows = conn.execute(sql).fetchall()
            if rows:
                found.append(f"{name}: {rows[:5]}")
        fts = conn.execute("SELECT name FROM sqlite_master WHERE name = 'articles_fts'").fetchone()
        if fts:
            try:
                conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
            except sqlite3.DatabaseError as exc:
                found.append(f"articles_fts out of step: {exc}")
        return found
    finally:
        conn.close()


def _kill_group(proc: subprocess.Popen[Any]) -> None:
    """SIGKILL the crawl and its extraction workers, as a power cut or the OOM killer would."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait(timeout=30)


def _wait_for(condition: Callable[[], bool], proc: subprocess.Popen[Any], limit: float = 120) -> bool:
    """Poll until `condition()`; False when the crawl ended first. The limit only guards against a hang."""
    deadline = time.monotonic() + limit
    while not condition():
        if proc.poll() is not None:
            return False
        if time.monotonic() > deadline:
            raise AssertionError("the crawl neither reached the kill point nor ended")
        time.sleep(0.02)
    return True


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CrashCampaign]:
    tmp = tmp_path_factory.mktemp("crash")
    db = tmp / "storywatch.db"
    with FaultWeb(["slowpost", "fastnews"], first=90) as web:
        titles: set[str] = set()
        for host, count, offset in (("slowpost", SLOW_ARTICLES, 0), ("fastnews", FAST_ARTICLES, 500)):
            entries = []
            for i in range(count):
                n = offset + i
                path = f"/lokales/wasserwerk-bericht-{30000 + n}.html"
                body = page(article_html(n))
                web.add(host, path, slow(SLOW_PAGE_SECONDS, body) if host == "slowpost" else body)
                entries.append((path, article_text(n)[0]))
                titles.add(article_text(n)[0])
            web.add(host, "/feed.xml", page(rss(web.base(host), entries), content_type="application/rss+xml"))
        config = tmp / "storywatch.toml"
        sources = "".join(
            f'[[sources]]\nname = "{h}"\nurl = "{web.base(h)}/"\nfeeds = ["{web.base(h)}/feed.xml"]\n\n'
            for h in ("slowpost", "fastnews"))
        config.write_text(
            f'[database]\npath = "{db.as_posix()}"\n\n[crawl]\ndownload_delay = 0\n'
            "concurrent_requests_per_domain = 2\ntimeout = 10\nretries = 1\nfollow_related_links = false\n\n"
            f"{sources}[[stories]]\nid = \"wasserwerk\"\ntitle = \"Wasserwerk\"\nquery = 'Wasserwerk*'\n",
            encoding="utf-8")

        def article_requests() -> int:
            return sum(1 for h in web.hits() if h.path.startswith("/lokales/"))

        kills: list[KillRecord] = []
        # (name, condition factory): each condition is made when its crawl starts.
        points: list[tuple[str, Callable[[int, int], Callable[[], bool]]]] = [
            ("database file created (migrations)", lambda before, reqs: db.exists),
            ("first article request of the run (fetching)", lambda before, reqs: lambda: article_requests() > reqs),
            ("1st article stored (writing)", lambda before, reqs: lambda: _count(db) >= before + 1),
            ("5 articles stored", lambda before, reqs: lambda: _count(db) >= before + 5),
            ("12 articles stored", lambda before, reqs: lambda: _count(db) >= before + 12),
            ("3 more article requests (fetching)", lambda before, reqs: lambda: article_requests() >= reqs + 3),
            ("25 articles stored", lambda before, reqs: lambda: _count(db) >= before + 25),
            ("2 articles stored", lambda before, reqs: lambda: _count(db) >= before + 2),
        ]
        for name, make in points:
            before, reqs = _count(db), article_requests()
            condition = make(before, reqs)
            proc = subprocess.Popen(storywatch_command("run", "--config", config), cwd=tmp, env=cli_env(),
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
            try:
                reached = _wait_for(condition, proc)
            finally:
                if proc.poll() is None:
                    _kill_group(proc)
            if not reached:
                continue  # the crawl finished before this point: no kill to count
            kills.append(KillRecord(name, before, _count(db), proc.returncode, problems_of(db)))
        final = run_storywatch("run", "--config", config, cwd=tmp, timeout=300)
    yield CrashCampaign(kills, final, db, titles)


@pytest.mark.slow
def test_at_least_five_kills_landed(campaign: CrashCampaign) -> None:
    # Shown with `pytest -rP tests/test_crash_safety.py`: the kills this campaign survived.
    print(f"{len(campaign.kills)} kills landed:", *(f"{k.point} ({k.articles_before} -> {k.articles_after} articles)"
                                                 for k in campaign.kills), sep="\n  ")
    assert len(campaign.kills) >= 5, [k.point for k in campaign.kills]
    assert all(k.returncode == -signal.SIGKILL for k in campaign.kills)


@pytest.mark.slow
def test_kills_landed_both_while_fetching_and_while_storing(campaign: CrashCampaign) -> None:
    assert any("request" in k.point for k in campaign.kills)
    assert sum(1 for k in campaign.kills if "stored" in k.point) >= 3


@pytest.mark.slow
def test_after_every_kill_the_database_is_whole_and_no_article_is_half_stored(campaign: CrashCampaign) -> None:
    assert {k.point: k.problems for k in campaign.kills if k.problems} == {}


@pytest.mark.slow
def test_the_next_run_completes_the_work(campaign: CrashCampaign) -> None:
    assert campaign.final.returncode == 0, campaign.final.stderr[-3000:]
    conn = sqlite3.connect(f"file:{campaign.db}?mode=ro", uri=True)
    titles = [r[0] for r in conn.execute("SELECT title FROM articles")]
    members = conn.execute("SELECT COUNT(*) FROM story_articles WHERE story = 'wasserwerk'").fetchone()[0]
    conn.close()
    assert sorted(titles) == sorted(campaign.expected_titles)  # every article, each once
    assert members == len(campaign.expected_titles)


@pytest.mark.slow
def test_after_the_next_run_the_database_is_whole(campaign: CrashCampaign) -> None:
    assert problems_of(campaign.db) == []


@pytest.mark.slow
def test_after_the_next_run_every_article_has_its_keys_in_the_index_and_none_is_left_staged(
        campaign: CrashCampaign) -> None:
    staged, keys = _keys_in_index(campaign.db)
    assert staged == 0
    assert keys and set(keys.values()) == {dedup.BANDS}


@pytest.mark.slow
def test_killed_runs_are_marked_interrupted_and_none_is_left_running(campaign: CrashCampaign) -> None:
    conn = sqlite3.connect(f"file:{campaign.db}?mode=ro", uri=True)
    statuses = [r[0] for r in conn.execute("SELECT status FROM runs ORDER BY id")]
    conn.close()
    assert "running" not in statuses
    assert statuses[-1] == "ok"
    # Every killed run that got as far as its runs row is 'interrupted' (a kill during migrations may come first).
    assert statuses[:-1] and set(statuses[:-1]) == {"interrupted"}
    assert len(statuses) - 1 >= len(campaign.kills) - 1


def _workers(pid: int) -> list[int]:
    """The extraction worker processes of a crawl (spawned children; the resource tracker is not one)."""
    try:
        children = [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []
    workers = []
    for child in children:
        try:
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
        except OSError:
            continue
        if b"spawn_main" in cmdline:
            workers.append(child)
    return workers


@dataclass
class WorkerKill:
    run: subprocess.CompletedProcess[str]
    killed: int | None
    db: Path
    expected_titles: set[str]


@pytest.fixture(scope="module")
def worker_kill(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WorkerKill]:
    """A crawl whose extraction worker process is SIGKILLed (as by the OOM killer) after the first stored article."""
    tmp = tmp_path_factory.mktemp("worker-kill")
    db = tmp / "storywatch.db"
    with FaultWeb(["outlet"], first=95) as web:
        titles, entries = set(), []
        for n in range(30):
            path = f"/lokales/wasserwerk-bericht-{31000 + n}.html"
            web.add("outlet", path, slow(0.2, page(article_html(n))))
            entries.append((path, article_text(n)[0]))
            titles.add(article_text(n)[0])
        web.add("outlet", "/feed.xml", page(rss(web.base("outlet"), entries), content_type="application/rss+xml"))
        config = tmp / "storywatch.toml"
        base = web.base("outlet")
        config.write_text(
            f'[database]\npath = "{db.as_posix()}"\n\n[crawl]\ndownload_delay = 0\ntimeout = 10\nretries = 1\n'
            f'follow_related_links = false\n\n[[sources]]\nname = "outlet"\nurl = "{base}/"\n'
            f'feeds = ["{base}/feed.xml"]\n\n'
            "[[stories]]\nid = \"wasserwerk\"\ntitle = \"Wasserwerk\"\nquery = 'Wasserwerk*'\n", encoding="utf-8")
        out, err = tmp / "out.txt", tmp / "err.txt"
        with out.open("w") as fo, err.open("w") as fe:
            proc = subprocess.Popen(storywatch_command("run", "--config", config), cwd=tmp, env=cli_env(),
                                    stdout=fo, stderr=fe, start_new_session=True)
            killed = None
            try:
                if _wait_for(lambda: _count(db) >= 1 and bool(_workers(proc.pid)), proc):
                    killed = _workers(proc.pid)[0]
                    os.kill(killed, signal.SIGKILL)
                proc.wait(timeout=300)
            finally:
                if proc.poll() is None:
                    _kill_group(proc)
        run = subprocess.CompletedProcess(proc.args, proc.returncode, out.read_text(), err.read_text())
    yield WorkerKill(run, killed, db, titles)


@pytest.mark.slow
def test_a_killed_extraction_worker_does_not_end_or_break_the_crawl(worker_kill: WorkerKill) -> None:
    assert worker_kill.killed is not None
    assert worker_kill.run.returncode == 0, worker_kill.run.stderr[-3000:]
    assert problems_of(worker_kill.db) == []


@pytest.mark.slow
def test_a_killed_extraction_worker_loses_no_article(worker_kill: WorkerKill) -> None:
    conn = sqlite3.connect(f"file:{worker_kill.db}?mode=ro", uri=True)
    titles = {r[0] for r in conn.execute("SELECT title FROM articles")}
    conn.close()
    assert titles == worker_kill.expected_titles, f"{len(titles)} of {len(worker_kill.expected_titles)} stored"


# ------------------------------------------------------------------------------------------ the pool, alone
def _die_once(marker: str, value: int) -> int:
    """Kill the worker process the first time (as the OOM killer would), answer the second time."""
    path = Path(marker)
    if not path.exists():
        path.write_text("died")
        os.kill(os.getpid(), signal.SIGKILL)
    return value * 2


def _always_die() -> int:
    os.kill(os.getpid(), signal.SIGKILL)
    return 0


def test_the_extraction_pool_replaces_a_dead_worker_and_resubmits_the_task(tmp_path: Path) -> None:
    from crawler.extract_pool import ExtractionPool

    pool = ExtractionPool(1)
    try:
        assert pool.submit(_die_once, str(tmp_path / "marker"), 21).result(timeout=120) == 42
        assert pool.replaced == 1
        assert pool.submit(_die_once, str(tmp_path / "marker"), 5).result(timeout=120) == 10  # the new pool works
    finally:
        pool.shutdown()


def test_a_task_that_kills_every_worker_gets_the_crash_result(tmp_path: Path) -> None:
    from crawler.extract_pool import ExtractionPool, worker_crashed

    pool = ExtractionPool(1, attempts=2, crash_result=worker_crashed)
    try:
        result = pool.submit(_always_die).result(timeout=120)
        assert result.error == "crash"
        assert pool.replaced == 2
    finally:
        pool.shutdown()


def test_a_task_that_kills_every_worker_raises_without_a_crash_result() -> None:
    from concurrent.futures.process import BrokenProcessPool

    from crawler.extract_pool import ExtractionPool

    pool = ExtractionPool(1, attempts=1)
    try:
        with pytest.raises(BrokenProcessPool):
            pool.submit(_always_die).result(timeout=120)
    finally:
        pool.shutdown()


def test_the_extraction_pool_refuses_work_after_shutdown() -> None:
    from crawler.extract_pool import ExtractionPool

    pool = ExtractionPool(1)
    pool.shutdown()
    with pytest.raises(RuntimeError):
        pool.submit(int, "1")


# ------------------------------------------------------------------------------------------ SIGTERM, as the scheduler stops a crawl
@dataclass
class Terminated:
    returncode: int
    stdout: str
    stderr: str
    stored_at_signal: int
    db: Path
    next_run: subprocess.CompletedProcess[str]
    expected_titles: set[str]
    keys_at_signal: tuple[int, dict[int, int]]  # (rows left staged, index rows per article) when the run had ended


@pytest.fixture(scope="module")
def terminated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Terminated]:
    """SIGTERM to the crawl's process group (what the scheduler sends at its timeout) after 3 stored articles."""
    tmp = tmp_path_factory.mktemp("sigterm")
    db = tmp / "storywatch.db"
    with FaultWeb(["outlet"], first=97) as web:
        titles, entries = set(), []
        for n in range(40):
            path = f"/lokales/wasserwerk-bericht-{32000 + n}.html"
            web.add("outlet", path, slow(0.3, page(article_html(600 + n))))
            entries.append((path, article_text(600 + n)[0]))
            titles.add(article_text(600 + n)[0])
        web.add("outlet", "/feed.xml", page(rss(web.base("outlet"), entries), content_type="application/rss+xml"))
        base = web.base("outlet")
        config = tmp / "storywatch.toml"
        config.write_text(
            f'[database]\npath = "{db.as_posix()}"\n\n[crawl]\ndownload_delay = 0\ntimeout = 10\nretries = 1\n'
            f'concurrent_requests_per_domain = 2\nfollow_related_links = false\n\n[[sources]]\nname = "outlet"\n'
            f'url = "{base}/"\nfeeds = ["{base}/feed.xml"]\n\n'
            "[[stories]]\nid = \"wasserwerk\"\ntitle = \"Wasserwerk\"\nquery = 'Wasserwerk*'\n", encoding="utf-8")
        proc = subprocess.Popen(storywatch_command("run", "--config", config), cwd=tmp, env=cli_env(),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
        try:
            _wait_for(lambda: _count(db) >= 3, proc)
            stored = _count(db)
            os.killpg(proc.pid, signal.SIGTERM)
            out, err = proc.communicate(timeout=120)
        finally:
            if proc.poll() is None:
                _kill_group(proc)
        keys = _keys_in_index(db)
        next_run = run_storywatch("run", "--config", config, cwd=tmp, timeout=300)
    yield Terminated(proc.returncode, out, err, stored, db, next_run, titles, keys)


def _keys_in_index(db: Path) -> tuple[int, dict[int, int]]:
    """Near-duplicate key rows left staged, and the index's rows per article."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        staged = conn.execute("SELECT count(*) FROM article_bands_staged").fetchone()[0]
        return staged, dict(conn.execute("SELECT a.id, (SELECT count(*) FROM article_bands b "
                                          "WHERE b.article_id = a.id) FROM articles a").fetchall())
    finally:
        conn.close()


@pytest.mark.slow
def test_a_run_ended_by_sigterm_merges_its_staged_keys_into_the_index(terminated: Terminated) -> None:
    # The decision does not run after an interrupted crawl; the merge at the crawl's end does.
    staged, keys = terminated.keys_at_signal
    assert staged == 0
    assert len(keys) >= 3 and set(keys.values()) == {dedup.BANDS}


@pytest.mark.slow
def test_sigterm_ends_the_crawl_with_its_run_marked_interrupted(terminated: Terminated) -> None:
    assert "Traceback" not in terminated.stderr, terminated.stderr[-3000:]
    conn = sqlite3.connect(f"file:{terminated.db}?mode=ro", uri=True)
    first = conn.execute("SELECT status, finished_at FROM runs ORDER BY id LIMIT 1").fetchone()
    conn.close()
    assert first[0] == "interrupted" and first[1]
    assert "interrupted" in terminated.stdout + terminated.stderr


@pytest.mark.slow
def test_sigterm_leaves_a_whole_database_and_the_next_run_completes_the_work(terminated: Terminated) -> None:
    assert terminated.next_run.returncode == 0, terminated.next_run.stderr[-3000:]
    assert problems_of(terminated.db) == []
    conn = sqlite3.connect(f"file:{terminated.db}?mode=ro", uri=True)
    titles = [r[0] for r in conn.execute("SELECT title FROM articles")]
    conn.close()
    assert sorted(titles) == sorted(terminated.expected_titles)


def _pid_after(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def test_a_few_short_tasks_run_in_one_worker() -> None:
    """A cron run's handful of pages: a second worker (0.6 CPU seconds and 50 MB to start) would not pay."""
    from crawler.extract_pool import ExtractionPool

    pool = ExtractionPool(2)
    try:
        pids = {f.result(timeout=120) for f in [pool.submit(_pid_after, 0.01) for _ in range(10)]}
        pids |= {f.result(timeout=120) for f in [pool.submit(_pid_after, 0.01) for _ in range(10)]}
        assert len(pids) == 1
        assert pool.workers == 1
    finally:
        pool.shutdown()


def test_work_that_outlasts_a_worker_start_gets_the_second_worker() -> None:
    from crawler.extract_pool import ExtractionPool

    pool = ExtractionPool(2)
    try:
        first = {f.result(timeout=120) for f in [pool.submit(_pid_after, 0.1) for _ in range(3)]}
        assert pool.workers == 1  # the backlog of 3 tenths of a second never outlasted the start
        # Sixty tasks of a tenth of a second, arriving as pages do: six seconds of work, a worker starts in about one.
        futures = []
        for _ in range(60):
            futures.append(pool.submit(_pid_after, 0.1))
            time.sleep(0.02)
        pids = [f.result(timeout=120) for f in futures]
        assert pool.workers == 2
        assert len(set(pids)) == 2 and first < set(pids)
        assert min(pids.count(pid) for pid in set(pids)) >= 10  # the new worker took a share, not one task
    finally:
        pool.shutdown()


def _blas_threads() -> tuple[str | None, int]:
    """In a worker: the BLAS setting it runs with and its threads once numpy is loaded (the worker loads it)."""
    import numpy  # noqa: F401

    return os.environ.get("OPENBLAS_NUM_THREADS"), len(os.listdir("/proc/self/task"))


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts threads through /proc")
def test_a_worker_starts_no_blas_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker's numpy does no BLAS work: its library starts one thread, not one per core (0.1 CPU s per start)."""
    from crawler.blas import BLAS_THREAD_VARIABLES
    from crawler.extract_pool import ExtractionPool

    for name in BLAS_THREAD_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    pool = ExtractionPool(1)
    try:
        assert pool.submit(_blas_threads).result(timeout=120) == ("1", 1)
    finally:
        pool.shutdown()
    assert "OPENBLAS_NUM_THREADS" not in os.environ  # the pool leaves its caller alone (crawler.cli.entry decides)


def test_a_blas_setting_the_user_made_reaches_the_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    from crawler.extract_pool import ExtractionPool

    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "2")
    pool = ExtractionPool(1)
    try:
        assert pool.submit(_blas_threads).result(timeout=120)[0] == "2"
    finally:
        pool.shutdown()
