"""What `storywatch run` prints and how it exits: silent with --quiet when all is well, exit 4 when interrupted.

Real crawls of a loopback web into real databases; each test reads what the run printed, its exit code and the
run's row in `runs`.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time
from collections.abc import Callable, Iterator
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

from crawler.run import summary_line, summary_stream
from crawler.stats import RunStats
from storage.lock import CrawlLock

CONFIG = """\
[database]
path = "storywatch.db"

[crawl]
download_delay = 0
timeout = 5
retries = 0
follow_related_links = false

{sources}
[[stories]]
id = "wasserwerk"
title = "Wasserwerk"
query = 'Wasserwerk*'
"""
SOURCE = '[[sources]]\nname = "{name}"\nurl = "{base}/"\nfeeds = ["{base}/feed.xml"]\n\n'


def _config(tmp: Path, sources: list[tuple[str, str]]) -> Path:
    path = tmp / "storywatch.toml"
    path.write_text(CONFIG.format(sources="".join(SOURCE.format(name=n, base=b) for n, b in sources)),
                    encoding="utf-8")
    return path


def _serve_articles(web: FaultWeb, host: str, numbers: range, *, pause: float = 0.0,
                    missing: tuple[int, ...] = ()) -> None:
    entries = []
    for n in numbers:
        path = f"/lokales/wasserwerk-{n}.html"
        entries.append((path, article_text(n)[0]))
        if n not in missing:  # a listed page that answers 404: one page failed, the source did not
            web.add(host, path, slow(pause, page(article_html(n))) if pause else page(article_html(n)))
    web.add(host, "/feed.xml", page(rss(web.base(host), entries), content_type="application/rss+xml"))


def _runs(db: Path) -> list[tuple[str, dict]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [(status, json.loads(stats or "{}"))
                for status, stats in conn.execute("SELECT status, stats FROM runs ORDER BY id")]
    finally:
        conn.close()


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.OperationalError:  # no table yet
        return 0


def _wait_for(condition: Callable[[], bool], proc: subprocess.Popen[str], what: str, limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        assert proc.poll() is None, f"the run ended before {what}: {proc.communicate()}"
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.02)


# -------------------------------------------------------------------------------------------- --quiet
def test_quiet_ok_run_prints_nothing_at_all_and_exits_0(tmp_path: Path) -> None:
    with FaultWeb(["outlet"], first=120) as web:
        _serve_articles(web, "outlet", range(700, 703))
        config = _config(tmp_path, [("Outlet", web.base("outlet"))])
        run = run_storywatch("run", "--config", config, "--quiet", cwd=tmp_path, timeout=300)
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "")
    assert [status for status, _ in _runs(tmp_path / "storywatch.db")] == ["ok"]


def test_without_quiet_the_ok_run_prints_its_summary_on_stdout(tmp_path: Path) -> None:
    with FaultWeb(["outlet"], first=124) as web:
        _serve_articles(web, "outlet", range(710, 713))
        config = _config(tmp_path, [("Outlet", web.base("outlet"))])
        run = run_storywatch("run", "--config", config, cwd=tmp_path, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("run 1 ok: ") and run.stdout.count("\n") == 1
    # A first run into a new database knows no article yet: nothing is "known", not even the pages it just stored.
    assert " 0 known, 3 new, 0 duplicates, 0 updated, 0 errors" in run.stdout


def test_quiet_partial_run_with_a_dead_source_prints_one_line_on_stderr_naming_it(
        tmp_path: Path, unused_port: Callable[[], int]) -> None:
    dead = f"http://127.0.0.1:{unused_port()}"
    with FaultWeb(["outlet"], first=128) as web:
        _serve_articles(web, "outlet", range(720, 722))
        config = _config(tmp_path, [("Outlet", web.base("outlet")), ("Dead Outlet", dead)])
        run = run_storywatch("run", "--config", config, "--quiet", cwd=tmp_path, timeout=300)
    assert run.returncode == 0
    assert run.stdout == ""
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("run 1 partial: "), run.stderr
    assert "Dead Outlet: connection_refused" in lines[0] and "1 error " in lines[0] + " "


def test_quiet_partial_run_whose_failures_are_single_pages_prints_nothing(tmp_path: Path) -> None:
    with FaultWeb(["outlet"], first=132) as web:
        _serve_articles(web, "outlet", range(730, 733), missing=(731,))
        config = _config(tmp_path, [("Outlet", web.base("outlet"))])
        run = run_storywatch("run", "--config", config, "--quiet", cwd=tmp_path, timeout=300)
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "")
    ((status, stats),) = _runs(tmp_path / "storywatch.db")
    assert status == "partial" and stats["errors_by_source"] == {"Outlet": {"http_404": 1}}


def test_quiet_failed_run_still_says_so_on_stderr_and_exits_1(tmp_path: Path, unused_port: Callable[[], int]) -> None:
    config = _config(tmp_path, [("Dead Outlet", f"http://127.0.0.1:{unused_port()}")])
    run = run_storywatch("run", "--config", config, "--quiet", cwd=tmp_path, timeout=300)
    assert run.returncode == 1 and run.stdout == ""
    assert run.stderr.splitlines()[-1].startswith("run 1 failed: ")


def test_summary_line_says_1_duplicate_and_1_error_in_the_singular() -> None:
    stats = RunStats(["A"])
    stats.inc("duplicates")
    stats.error("A", "http_404")
    assert "1 duplicate, 0 updated, 1 error (A: http_404 1)" in summary_line(3, "partial", stats)
    stats.inc("duplicates")
    assert "2 duplicates," in summary_line(3, "partial", stats)


@pytest.mark.parametrize(("status", "quiet", "dead_source", "where"), [
    ("ok", False, False, "stdout"), ("ok", True, False, None),
    ("partial", False, True, "stdout"), ("partial", True, False, None), ("partial", True, True, "stderr"),
    ("failed", False, True, "stderr"), ("failed", True, True, "stderr"),
    ("interrupted", False, False, "stderr"), ("interrupted", True, False, "stderr"),
])
def test_where_the_summary_goes(status: str, quiet: bool, dead_source: bool, where: str | None) -> None:
    import sys

    stats = RunStats(["A", "B"])
    stats.answered.add("A")
    if not dead_source:
        stats.answered.add("B")
    got = summary_stream(status, stats, quiet=quiet)
    assert got is {"stdout": sys.stdout, "stderr": sys.stderr, None: None}[where]


# -------------------------------------------------------------------------------------------- interrupted: exit 4
@pytest.fixture(scope="module")
def slow_web() -> Iterator[FaultWeb]:
    """An outlet whose 30 article pages take 0.3 s each: a crawl of it is still running when the signal comes."""
    with FaultWeb(["outlet"], first=136) as web:
        _serve_articles(web, "outlet", range(740, 770), pause=0.3)
        yield web


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_run_interrupted_by_a_signal_exits_4_and_its_row_says_interrupted(
        tmp_path: Path, slow_web: FaultWeb, signum: signal.Signals) -> None:
    config = _config(tmp_path, [("Outlet", slow_web.base("outlet"))])
    db = tmp_path / "storywatch.db"
    # Its own session, as the scheduler starts it; the signal goes to the whole group, as Ctrl-C and the
    # scheduler send it (the extraction workers get it too).
    proc = subprocess.Popen(storywatch_command("run", "--config", config, "--quiet"), cwd=tmp_path, env=cli_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        _wait_for(lambda: _stored(db) >= 2, proc, "two stored articles")
        os.killpg(proc.pid, signum)
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
    assert proc.returncode == 4, err[-3000:]
    assert out == "" and "Traceback" not in err, err[-3000:]
    assert err.splitlines()[-1].startswith("run 1 interrupted: "), err[-3000:]
    ((status, stats),) = _runs(db)
    assert status == "interrupted" and stats["fetched"] >= 2
    # What it stored stays; the next run carries on and ends ok.
    again = run_storywatch("run", "--config", config, cwd=tmp_path, timeout=300)
    assert again.returncode == 0, again.stderr[-3000:]
    assert _stored(db) == 30


def _has_open(pid: int, path: Path) -> bool:
    fd_dir = Path(f"/proc/{pid}/fd")
    try:
        return any(os.readlink(fd_dir / fd) == str(path) for fd in os.listdir(fd_dir))
    except (FileNotFoundError, ProcessLookupError):
        return False


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to see the waiting run's open files")
def test_a_run_waiting_for_the_lock_exits_4_on_sigterm_without_a_traceback_or_a_run_row(
        tmp_path: Path, unused_port: Callable[[], int]) -> None:
    config = _config(tmp_path, [("Dead Outlet", f"http://127.0.0.1:{unused_port()}")])
    db = tmp_path / "storywatch.db"
    with CrawlLock(db) as lock:
        proc = subprocess.Popen(storywatch_command("run", "--config", config, "--wait"), cwd=tmp_path,
                                env=cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            _wait_for(lambda: _has_open(proc.pid, lock.path.resolve()), proc, "the run to wait for the lock")
            proc.send_signal(signal.SIGTERM)
            out, err = proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
    assert proc.returncode == 4
    assert out == "" and err == "storywatch: interrupted before the crawl began\n"
    assert not db.exists()


def test_the_demos_first_run_into_a_new_database_knows_no_article(demo_db: Path) -> None:
    # The demo's first crawl fetches its seed first; the feed and a related link list the seed again. Those are
    # pages of this run, not known ones: counted as dropped 'seen_this_run'.
    (first, _stats2) = _runs(demo_db)[:2]
    status, stats = first
    assert status == "ok" and stats["skipped_known"] == 0
    assert stats["dropped"]["seen_this_run"] >= 1
