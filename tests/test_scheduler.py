"""The scheduler: cron trigger times, one crawl process per story at a time, catch-up, clean stop on SIGTERM.

Crawls here are a tiny fake crawl script (no Scrapy): it logs its start, waits for a release file, logs its end,
and on SIGTERM logs that it got it.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from apscheduler.triggers.interval import IntervalTrigger  # type: ignore[import-untyped]

from config.cron import parse_cron
from crawler.scheduler import (
    CrawlRunner,
    CronExpressionTrigger,
    ScheduledStory,
    StoryScheduler,
    catch_up_due,
    crawl_command,
)
from crawler.status import last_finished_run_started, last_run_started
from storage import open_database

REPO = Path(__file__).resolve().parents[1]
NEVER_SOON = "0 0 1 1 *"  # a schedule that will not fire during a test (except on New Year's midnight)

FAKE_CRAWL = textwrap.dedent("""
    import os, pathlib, signal, sys, time
    # Off the scheduler's pipes: a crawl left behind by a failed test must not hold the test's reads open.
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
    log, story, mode, release = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3], pathlib.Path(sys.argv[4])
    def write(word):
        with log.open("a") as f:
            f.write(f"{word} {story} {os.getpid()}\\n")
    def on_term(signum, frame):
        write("term")
        raise SystemExit(4 if mode == "graceful" else 143)  # 4: how `storywatch run` ends on SIGTERM
    signal.signal(signal.SIGTERM, signal.SIG_IGN if mode == "ignore-term" else on_term)
    if mode == "child":
        import subprocess
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
        write(f"child-{child.pid}")
    write("start")
    while not release.exists():
        time.sleep(0.05)
    write("end")
""")


def wait_for(condition: Callable[[], bool], what: str, limit: float = 60.0) -> None:
    """Poll until `condition` holds; the limit only keeps a broken test from hanging."""
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


class Fake:
    """The fake crawl's files and command."""

    def __init__(self, tmp_path: Path, mode: str = "normal") -> None:
        self.script = tmp_path / "fake_crawl.py"
        self.script.write_text(FAKE_CRAWL)
        self.log = tmp_path / "crawls.log"
        self.log.touch()
        self.release = tmp_path / "release"
        self.mode = mode

    def command(self, story_id: str) -> list[str]:
        return [sys.executable, str(self.script), str(self.log), story_id, self.mode, str(self.release)]

    def lines(self, word: str | None = None) -> list[list[str]]:
        rows = [line.split() for line in self.log.read_text().splitlines()]
        return [r for r in rows if word is None or r[0] == word]


@pytest.fixture
def fake(tmp_path: Path) -> Iterator[Fake]:
    made = Fake(tmp_path)
    yield made
    # A failed test must not leave a fake crawl behind (it runs in a session of its own).
    for row in made.lines("start"):
        if alive(int(row[2])):
            os.kill(int(row[2]), signal.SIGKILL)


# -- the trigger -----------------------------------------------------------------------------------------------
def test_cron_trigger_gives_the_first_fire_at_or_after_now_then_the_ones_after() -> None:
    trigger = CronExpressionTrigger(parse_cron("*/30 * * * *"), UTC)
    now = datetime(2026, 11, 20, 8, 10, tzinfo=UTC)
    assert trigger.get_next_fire_time(None, now) == datetime(2026, 11, 20, 8, 30, tzinfo=UTC)
    on_time = datetime(2026, 11, 20, 8, 30, tzinfo=UTC)
    assert trigger.get_next_fire_time(None, on_time) == on_time
    assert trigger.get_next_fire_time(on_time, on_time) == datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def test_cron_trigger_reads_sunday_as_cron_does_in_its_time_zone() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    trigger = CronExpressionTrigger(parse_cron("0 7 * * 0"), berlin)
    friday = datetime(2026, 11, 20, 12, tzinfo=UTC)
    got = trigger.get_next_fire_time(None, friday)
    assert got == datetime(2026, 11, 22, 7, tzinfo=berlin)
    assert got is not None and got.strftime("%a") == "Sun"
    assert trigger.get_next_fire_time(got, got) == datetime(2026, 11, 29, 7, tzinfo=berlin)


def test_crawl_command_is_a_run_of_one_story_that_waits_for_the_lock() -> None:
    cmd = crawl_command(Path("/etc/sw/storywatch.toml"))("assad")
    assert cmd == [sys.executable, "-m", "crawler", "run", "--config", "/etc/sw/storywatch.toml",
                   "--story", "assad", "--wait"]


# -- one crawl process -----------------------------------------------------------------------------------------
def test_crawl_runner_reports_the_exit_code() -> None:
    assert CrawlRunner([sys.executable, "-c", "raise SystemExit(3)"]).run().returncode == 3
    ok = CrawlRunner([sys.executable, "-c", "pass"]).run()
    assert (ok.returncode, ok.timed_out, ok.stopped) == (0, False, False)
    assert ok.describe().startswith("finished (exit 0)")


def test_crawl_result_tells_an_interrupted_run_from_a_failed_one() -> None:
    interrupted = CrawlRunner([sys.executable, "-c", "raise SystemExit(4)"]).run()
    assert interrupted.returncode == 4
    assert interrupted.describe().startswith("interrupted from outside (exit 4)")
    assert CrawlRunner([sys.executable, "-c", "raise SystemExit(1)"]).run().describe().startswith("failed (exit 1)")


def test_crawl_runner_ends_a_crawl_past_its_timeout_with_sigterm(fake: Fake) -> None:
    result = CrawlRunner(fake.command("a"), timeout=0.5, kill_grace=30).run()
    assert result.timed_out
    assert result.returncode == 143  # the fake's SIGTERM handler ran
    assert len(fake.lines("term")) == 1 and not fake.lines("end")


def test_crawl_runner_kills_a_crawl_that_ignores_sigterm(tmp_path: Path) -> None:
    fake = Fake(tmp_path, mode="ignore-term")
    result = CrawlRunner(fake.command("a"), timeout=0.3, kill_grace=0.3).run()
    assert result.timed_out
    assert result.returncode == -signal.SIGKILL


def test_crawl_runner_ends_the_whole_process_group(tmp_path: Path) -> None:
    fake = Fake(tmp_path, mode="child")
    runner = CrawlRunner(fake.command("a"), timeout=None, kill_grace=30)
    runner.start()
    wait_for(lambda: bool(fake.lines("start")), "the fake crawl to start")
    grandchild = int(next(r[0].split("-")[1] for r in fake.lines() if r[0].startswith("child-")))
    assert alive(grandchild)
    runner.request_stop(0)
    result = runner.wait()
    assert result.stopped
    wait_for(lambda: not alive(grandchild), "the crawl's own child to be ended with its group")


def test_crawl_runner_starts_the_crawl_in_its_own_session(fake: Fake) -> None:
    runner = CrawlRunner(fake.command("a"), timeout=None)
    pid = runner.start()
    try:
        assert os.getsid(pid) == pid
        assert os.getpgid(pid) != os.getpgid(0)
    finally:
        fake.release.touch()
        assert runner.wait().returncode == 0


# -- the scheduler in this process -----------------------------------------------------------------------------
@pytest.fixture
def serving() -> Iterator[Callable[[StoryScheduler], None]]:
    started: list[tuple[StoryScheduler, threading.Thread, list[int]]] = []

    def serve(scheduler: StoryScheduler) -> None:
        codes: list[int] = []
        thread = threading.Thread(target=lambda: codes.append(scheduler.serve(install_signals=False)))
        thread.start()
        assert scheduler.wait_started(60)
        started.append((scheduler, thread, codes))

    yield serve
    for scheduler, thread, codes in started:
        scheduler.request_stop(0)
        thread.join(60)
        assert not thread.is_alive()
        assert codes == [0]


def test_overlapping_fires_start_one_crawl(fake: Fake, serving: Callable[[StoryScheduler], None]) -> None:
    story = ScheduledStory("a", parse_cron(NEVER_SOON))
    scheduler = StoryScheduler([story], fake.command, stop_grace=0,
                               triggers={"a": IntervalTrigger(seconds=0.2)})
    serving(scheduler)
    wait_for(lambda: bool(fake.lines("start")), "the first crawl")
    wait_for(lambda: scheduler.skipped_fires.get("a", 0) >= 3, "fires while the crawl runs")
    assert len(fake.lines("start")) == 1
    assert list(scheduler.active()) == ["a"]
    fake.release.touch()
    wait_for(lambda: len(scheduler.results) >= 1, "the crawl to finish")
    assert scheduler.results[0][0] == "a" and scheduler.results[0][1].returncode == 0


def test_catch_up_story_crawls_at_start_and_others_wait_for_their_schedule(
        fake: Fake, serving: Callable[[StoryScheduler], None]) -> None:
    stories = [ScheduledStory("late", parse_cron(NEVER_SOON)), ScheduledStory("fresh", parse_cron(NEVER_SOON))]
    scheduler = StoryScheduler(stories, fake.command, stop_grace=0, catch_up=["late"])
    serving(scheduler)
    wait_for(lambda: bool(fake.lines("start")), "the catch-up crawl")
    fake.release.touch()
    wait_for(lambda: len(scheduler.results) == 1, "the catch-up crawl to finish")
    assert [r[1] for r in fake.lines("start")] == ["late"]
    assert scheduler.active() == {}


def test_stop_ends_a_crawl_in_flight_after_the_grace(fake: Fake) -> None:
    scheduler = StoryScheduler([ScheduledStory("a", parse_cron(NEVER_SOON))], fake.command,
                               stop_grace=0.2, kill_grace=30, catch_up=["a"])
    codes: list[int] = []
    thread = threading.Thread(target=lambda: codes.append(scheduler.serve(install_signals=False)))
    thread.start()
    wait_for(lambda: bool(fake.lines("start")), "the crawl")
    scheduler.request_stop()
    thread.join(60)
    assert codes == [0]
    assert [r[1] for r in fake.lines("term")] == ["a"]
    assert scheduler.results[0][1].stopped


def test_stop_before_start_returns_without_crawling(fake: Fake) -> None:
    scheduler = StoryScheduler([ScheduledStory("a", parse_cron(NEVER_SOON))], fake.command, catch_up=["a"])
    scheduler.request_stop()
    assert scheduler.serve(install_signals=False) == 0
    assert fake.lines() == []


# -- catch-up from the runs table ------------------------------------------------------------------------------
def add_run(db_path: Path, story: str | None, started: datetime, status: str = "ok") -> None:
    db = open_database(db_path)
    stamp = started.strftime("%Y-%m-%dT%H:%M:%SZ")
    db.execute("INSERT INTO runs (started_at, finished_at, status, story, pid, stats) VALUES (?, ?, ?, ?, 1, ?)",
               [stamp, stamp, status, story, json.dumps({"new": 0})])
    db.conn.commit()
    db.close()


def test_catch_up_is_decided_from_the_runs_table(tmp_path: Path) -> None:
    db_path = tmp_path / "storywatch.db"
    now = datetime(2026, 11, 20, 8, 30, tzinfo=UTC)
    hourly = parse_cron("0 * * * *")
    add_run(db_path, "missed", datetime(2026, 11, 20, 6, 0, 5, tzinfo=UTC))
    add_run(db_path, "missed", datetime(2026, 11, 19, 6, 0, 5, tzinfo=UTC))
    add_run(db_path, "current", datetime(2026, 11, 20, 8, 0, 3, tzinfo=UTC))
    add_run(db_path, None, datetime(2026, 11, 20, 8, 1, tzinfo=UTC))  # a run of every story covers 'by-all'
    add_run(db_path, "by-all", datetime(2026, 11, 20, 5, 0, tzinfo=UTC))
    stories = [ScheduledStory(s, hourly) for s in ("missed", "current", "never", "by-all")]
    due = catch_up_due(stories, lambda sid: last_run_started(db_path, sid), now)
    assert due == []  # the run of every story at 08:01 covers each of them
    db = open_database(db_path)
    db.execute("DELETE FROM runs WHERE story IS NULL")
    db.conn.commit()
    db.close()
    due = catch_up_due(stories, lambda sid: last_run_started(db_path, sid), now)
    assert due == ["missed", "never", "by-all"]


def test_catch_up_runs_a_story_whose_last_run_was_interrupted_or_killed(tmp_path: Path) -> None:
    db_path = tmp_path / "storywatch.db"
    now = datetime(2026, 11, 20, 8, 30, tzinfo=UTC)
    hourly = parse_cron("0 * * * *")
    for story in ("interrupted", "killed", "failed"):
        add_run(db_path, story, datetime(2026, 11, 20, 7, 0, 2, tzinfo=UTC))  # an older run that finished
    add_run(db_path, "interrupted", datetime(2026, 11, 20, 8, 0, 3, tzinfo=UTC), status="interrupted")
    add_run(db_path, "killed", datetime(2026, 11, 20, 8, 0, 3, tzinfo=UTC), status="running")  # never marked
    add_run(db_path, "failed", datetime(2026, 11, 20, 8, 0, 3, tzinfo=UTC), status="failed")  # ran to its end
    stories = [ScheduledStory(s, hourly) for s in ("interrupted", "killed", "failed")]
    assert catch_up_due(stories, lambda sid: last_finished_run_started(db_path, sid), now) == [
        "interrupted", "killed"]
    # Any run at all (what `status` shows as the last run) would have hidden them.
    assert catch_up_due(stories, lambda sid: last_run_started(db_path, sid), now) == []


def test_catch_up_compares_with_the_previous_fire_of_a_daily_schedule() -> None:
    daily = ScheduledStory("d", parse_cron("0 6 * * *"))
    now = datetime(2026, 11, 20, 8, 30, tzinfo=UTC)
    assert catch_up_due([daily], lambda _: datetime(2026, 11, 20, 6, 0, 10, tzinfo=UTC), now) == []
    assert catch_up_due([daily], lambda _: datetime(2026, 11, 20, 5, 59, tzinfo=UTC), now) == ["d"]


def test_last_run_started_without_a_database_is_none_and_creates_nothing(tmp_path: Path) -> None:
    assert last_run_started(tmp_path / "missing.db", "a") is None
    assert not (tmp_path / "missing.db").exists()


# -- the scheduler as its own process, stopped by a signal -----------------------------------------------------
SCHEDULER_SCRIPT = textwrap.dedent("""
    import logging, sys
    sys.path.insert(0, sys.argv[1])
    from config.cron import parse_cron
    from crawler.scheduler import ScheduledStory, StoryScheduler
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(name)s: %(message)s")
    script, log, mode, release, grace = sys.argv[2:7]
    command = lambda story: [sys.executable, script, log, story, mode, release]
    scheduler = StoryScheduler([ScheduledStory("a", parse_cron("0 0 1 1 *"))], command, catch_up=["a"],
                               stop_grace=float(grace), kill_grace=30)
    print("serve returned", scheduler.serve(), file=sys.stderr, flush=True)
""")


def start_scheduler(fake: Fake, grace: float) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", SCHEDULER_SCRIPT, str(REPO), str(fake.script), str(fake.log), fake.mode,
         str(fake.release), str(grace)],
        stderr=subprocess.PIPE, text=True)


def read_until(proc: subprocess.Popen[str], marker: str, limit: float = 120) -> list[str]:
    """Read stderr lines up to one holding `marker`; a process that stays silent is killed after `limit` s."""
    assert proc.stderr is not None
    seen = []
    watchdog = threading.Timer(limit, proc.kill)
    watchdog.start()
    try:
        for line in proc.stderr:
            seen.append(line)
            if marker in line:
                return seen
    finally:
        watchdog.cancel()
    raise AssertionError(f"'{marker}' never came; stderr: {''.join(seen)}")


@pytest.mark.parametrize(("mode", "code"), [("normal", 143), ("graceful", 4)], ids=["killed", "run-exits-4"])
def test_sigterm_ends_the_crawl_in_flight_and_the_scheduler_exits_0(fake: Fake, mode: str, code: int) -> None:
    fake.mode = mode  # "graceful" ends as `storywatch run` does on SIGTERM: exit 4, interrupted
    proc = start_scheduler(fake, grace=0.3)
    try:
        read_until(proc, "crawl of story a started")
        wait_for(lambda: bool(fake.lines("start")), "the crawl to start")
        crawl_pid = int(fake.lines("start")[0][2])
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert "serve returned 0" in err
    assert fake.lines("term") == [["term", "a", str(crawl_pid)]]
    assert not fake.lines("end")
    assert not alive(crawl_pid)
    assert f"crawl of story a ended at shutdown (exit {code})" in err and "failed" not in err
    assert ("story a: the next run carries on" in err) == (code == 4)


def test_sigterm_lets_a_crawl_that_finishes_within_the_grace_finish(fake: Fake) -> None:
    proc = start_scheduler(fake, grace=120)
    try:
        read_until(proc, "crawl of story a started")
        proc.send_signal(signal.SIGTERM)
        read_until(proc, "SIGTERM: stopping")
        fake.release.touch()
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert [r[0] for r in fake.lines()] == ["start", "end"]
    assert "crawl of story a finished (exit 0)" in err


def test_a_second_signal_ends_the_crawl_without_waiting_for_the_grace(fake: Fake) -> None:
    proc = start_scheduler(fake, grace=3600)
    try:
        read_until(proc, "crawl of story a started")
        proc.send_signal(signal.SIGINT)
        read_until(proc, "SIGINT: stopping")
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert [r[0] for r in fake.lines()] == ["start", "term"]



# -- `storywatch schedule` itself, with the real crawl command -------------------------------------------------
SCHEDULE_CONFIG = """
[database]
path = "storywatch.db"

[crawl]
obey_robots_txt = false
timeout = 5
retries = 0

[[sources]]
name = "Closed Port News"
url = "http://127.0.0.1:{port}/"
feeds = ["http://127.0.0.1:{port}/feed.xml"]

[[stories]]
id = "scheduled"
title = "A scheduled story"
query = 'anything'
schedule = "0 0 1 1 *"

[[stories]]
id = "unscheduled"
title = "A story for cron"
query = 'anything'
"""


@pytest.mark.slow
def test_schedule_command_catches_up_with_a_real_crawl_then_stops_on_sigterm(
        tmp_path: Path, cli_env: dict[str, str], unused_port: Callable[[], int]) -> None:
    pytest.importorskip("config.loader")
    config = tmp_path / "storywatch.toml"
    config.write_text(SCHEDULE_CONFIG.format(port=unused_port()))
    proc = subprocess.Popen([sys.executable, "-m", "crawler", "schedule", "--config", str(config)],
                            cwd=tmp_path, env=cli_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        # The database has no runs: the scheduled story is due at once; its only source refuses connections.
        seen = read_until(proc, "crawl of story scheduled")  # the start line
        seen += read_until(proc, "crawl of story scheduled")  # the finish line
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    log = "".join(seen) + err
    assert proc.returncode == 0, log
    assert "catching up now" in log
    assert "failed (exit 1)" in log  # `run` exits 1 when every source failed
    assert "unscheduled" not in [line.split()[3] for line in log.splitlines() if "crawl of story" in line]
    db = open_database(tmp_path / "storywatch.db")
    runs = list(db.query("SELECT story, status FROM runs"))
    db.close()
    assert runs == [{"story": "scheduled", "status": "failed"}]


def test_schedule_command_without_any_schedule_exits_2_with_one_line(
        tmp_path: Path, cli_env: dict[str, str]) -> None:
    pytest.importorskip("config.loader")
    config = tmp_path / "storywatch.toml"
    config.write_text(SCHEDULE_CONFIG.format(port=9).replace('schedule = "0 0 1 1 *"\n', ""))
    got = subprocess.run([sys.executable, "-m", "crawler", "schedule", "--config", str(config)], cwd=tmp_path,
                         env=cli_env, capture_output=True, text=True, timeout=120, check=False)
    assert got.returncode == 2
    assert got.stderr.count("\n") == 1 and "no story has a schedule" in got.stderr
