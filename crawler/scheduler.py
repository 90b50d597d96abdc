"""`storywatch schedule`: run each story on its own cron schedule, every crawl in its own process.

Why a process per crawl: Twisted's reactor cannot be restarted in one process. Each crawl is
`python -m crawler run --config CFG --story ID --wait`, started in a new session (Ctrl-C on the scheduler does not
reach it twice, and its whole process group can be ended). Never two crawls of a story at once: the job has
`max_instances=1`, and `run --wait` takes the database's crawl lock, so crawls of different stories (or a cron
job on the same database) queue behind each other instead of failing.

The job store lives in memory and forgets everything on restart, so catch-up after downtime is decided at start
from the `runs` table: a story whose last run began before its previous scheduled fire time runs once, now.
"""

from __future__ import annotations

import argparse
import logging
import math
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from types import FrameType
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from apscheduler.events import (  # type: ignore[import-untyped]
    EVENT_JOB_MAX_INSTANCES,
    EVENT_SCHEDULER_STARTED,
    JobSubmissionEvent,
    SchedulerEvent,
)
from apscheduler.executors.pool import ThreadPoolExecutor  # type: ignore[import-untyped]
from apscheduler.schedulers import SchedulerNotRunningError  # type: ignore[import-untyped]
from apscheduler.schedulers.base import STATE_STOPPED  # type: ignore[import-untyped]
from apscheduler.schedulers.blocking import BlockingScheduler  # type: ignore[import-untyped]
from apscheduler.triggers.base import BaseTrigger  # type: ignore[import-untyped]

from config.cron import CronExpression
from crawler import exit_codes

logger = logging.getLogger(__name__)

DEFAULT_CRAWL_TIMEOUT = 3600.0  # seconds a crawl may take, waiting for the lock included
DEFAULT_STOP_GRACE = 60.0  # on SIGTERM/SIGINT, seconds a crawl in flight may take to finish
DEFAULT_KILL_GRACE = 10.0  # seconds between SIGTERM and SIGKILL when a crawl is ended
# A fire the scheduler itself noticed late (suspend, clock jump) still runs within this; beyond it the next fire
# comes soon enough for a news monitor.
MISFIRE_GRACE_SECONDS = 3600
_POLL_SECONDS = 0.2

CommandFactory = Callable[[str], Sequence[str]]


class CronExpressionTrigger(BaseTrigger):
    """An APScheduler trigger that fires on a `config.cron` expression, as cron would, in one time zone."""

    def __init__(self, expression: CronExpression, timezone: tzinfo) -> None:
        self.expression = expression
        self.timezone = timezone

    def get_next_fire_time(self, previous_fire_time: datetime | None, now: datetime) -> datetime | None:
        """The fire time after the previous one; the first one at or after `now` when there was none."""
        if previous_fire_time is not None:
            return self.expression.next_after(previous_fire_time.astimezone(self.timezone))
        return self.expression.next_after(now.astimezone(self.timezone) - timedelta(microseconds=1))

    def __str__(self) -> str:
        return f"cron[{self.expression}]"

    def __repr__(self) -> str:
        return f"<CronExpressionTrigger ({self.expression}, timezone='{self.timezone}')>"


@dataclass(frozen=True)
class CrawlResult:
    """How one crawl process ended."""

    returncode: int  # negative: ended by that signal
    seconds: float
    timed_out: bool = False
    stopped: bool = False  # ended because the scheduler was stopping

    def describe(self) -> str:
        """A few words for the log line."""
        if self.timed_out:
            how = "timed out, ended"
        elif self.stopped:
            how = "ended at shutdown"
        elif self.returncode == exit_codes.OK:
            how = "finished"
        elif self.returncode == exit_codes.INTERRUPTED:
            how = "interrupted from outside"  # a signal the scheduler did not send (an admin, the OOM killer's kin)
        else:
            how = "failed"
        code = f"signal {-self.returncode}" if self.returncode < 0 else f"exit {self.returncode}"
        return f"{how} ({code}) after {self.seconds:.1f} s"


class CrawlRunner:
    """One crawl subprocess: start it in its own session, wait with a timeout, end its process group."""

    def __init__(self, command: Sequence[str], *, timeout: float | None = DEFAULT_CRAWL_TIMEOUT,
                 kill_grace: float = DEFAULT_KILL_GRACE) -> None:
        self.command = list(command)
        self.timeout = timeout
        self.kill_grace = kill_grace
        self._proc: subprocess.Popen[bytes] | None = None
        self._started = 0.0
        self._stop_at: float | None = None
        self._lock = threading.Lock()

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    def start(self) -> int:
        """Start the crawl process; returns its pid (which is also its process group id)."""
        # stdin closed: a crawl never asks; stdout/stderr shared so its summary lands in the scheduler's log.
        self._proc = subprocess.Popen(self.command, stdin=subprocess.DEVNULL, start_new_session=True)
        self._started = time.monotonic()
        return self._proc.pid

    def request_stop(self, grace: float) -> None:
        """Ask the crawl to be over within `grace` seconds, else it is ended; callable from any thread."""
        with self._lock:
            at = time.monotonic() + max(grace, 0.0)
            self._stop_at = at if self._stop_at is None else min(self._stop_at, at)

    def wait(self) -> CrawlResult:
        """Wait for the crawl to end, ending it on timeout or when a stop's grace has run out."""
        proc = self._require()
        while True:
            try:
                code = proc.wait(timeout=_POLL_SECONDS)
                return CrawlResult(code, time.monotonic() - self._started)
            except subprocess.TimeoutExpired:
                pass
            now = time.monotonic()
            with self._lock:
                stop_at = self._stop_at
            if self.timeout is not None and now - self._started >= self.timeout:
                logger.warning("crawl pid %s ran past its timeout of %g s: ending it", proc.pid, self.timeout)
                return CrawlResult(self.end(), time.monotonic() - self._started, timed_out=True)
            if stop_at is not None and now >= stop_at:
                return CrawlResult(self.end(), time.monotonic() - self._started, stopped=True)

    def run(self) -> CrawlResult:
        """Start the crawl and wait for it."""
        self.start()
        return self.wait()

    def end(self) -> int:
        """SIGTERM to the crawl's process group, SIGKILL after the kill grace; returns the exit code."""
        proc = self._require()
        if proc.poll() is not None:
            return proc.returncode
        _signal_group(proc.pid, signal.SIGTERM)
        try:
            return proc.wait(timeout=self.kill_grace)
        except subprocess.TimeoutExpired:
            logger.warning("crawl pid %s did not end %g s after SIGTERM: killing it", proc.pid, self.kill_grace)
        # The leader is not reaped yet, so its process group id still names its group.
        _signal_group(proc.pid, signal.SIGKILL)
        return proc.wait()

    def _require(self) -> subprocess.Popen[bytes]:
        if self._proc is None:
            raise RuntimeError("the crawl has not been started")
        return self._proc


def _signal_group(pgid: int, signum: int) -> None:
    try:
        os.killpg(pgid, signum)
    except ProcessLookupError:
        pass


@dataclass(frozen=True)
class ScheduledStory:
    id: str
    expression: CronExpression


def crawl_command(config_path: Path) -> CommandFactory:
    """The real crawl: `python -m crawler run --config CFG --story ID --wait`."""
    def command(story_id: str) -> list[str]:
        return [sys.executable, "-m", "crawler", "run", "--config", str(config_path), "--story", story_id, "--wait"]
    return command


class StoryScheduler:
    """An APScheduler BlockingScheduler with one job per story; stops cleanly on request."""

    def __init__(self, stories: Sequence[ScheduledStory], command: CommandFactory, *,
                 timezone: tzinfo | None = None, crawl_timeout: float | None = DEFAULT_CRAWL_TIMEOUT,
                 stop_grace: float = DEFAULT_STOP_GRACE, kill_grace: float = DEFAULT_KILL_GRACE,
                 catch_up: Sequence[str] = (), triggers: dict[str, BaseTrigger] | None = None) -> None:
        self.stories = list(stories)
        self.command = command
        self.crawl_timeout = crawl_timeout
        self.stop_grace = stop_grace
        self.kill_grace = kill_grace
        self.catch_up = set(catch_up)
        self.results: list[tuple[str, CrawlResult]] = []
        self.skipped_fires: dict[str, int] = {}
        # Per-story triggers may be given (tests use short intervals); by default each story's cron expression.
        self._triggers = triggers or {}
        self._scheduler = BlockingScheduler(
            executors={"default": ThreadPoolExecutor(max_workers=max(1, len(self.stories)))},
            **({"timezone": timezone} if timezone is not None else {}),
        )
        self.timezone: tzinfo = self._scheduler.timezone
        self._scheduler.add_listener(self._on_skipped, EVENT_JOB_MAX_INSTANCES)
        self._scheduler.add_listener(self._on_started, EVENT_SCHEDULER_STARTED)
        self._active: dict[str, CrawlRunner] = {}
        self._state = threading.Condition()
        self._stopping = False
        self._started = threading.Event()

    # -- the jobs -------------------------------------------------------------------------------------------
    def _add_jobs(self) -> None:
        now = datetime.now(self.timezone)
        for story in self.stories:
            trigger = self._triggers.get(story.id) or CronExpressionTrigger(story.expression, self.timezone)
            extra: dict[str, Any] = {"next_run_time": now} if story.id in self.catch_up else {}
            job = self._scheduler.add_job(
                self._crawl, trigger, args=[story.id], id=story.id, name=f"crawl {story.id}",
                max_instances=1, coalesce=True, misfire_grace_time=MISFIRE_GRACE_SECONDS, **extra)
            nxt = trigger.get_next_fire_time(None, now)
            logger.info("story %s: schedule '%s', %s", job.id, story.expression,
                        "catching up now" if extra else f"next run {nxt.isoformat() if nxt else 'never'}")

    def _crawl(self, story_id: str) -> None:
        with self._state:
            if self._stopping:
                return
            if story_id in self._active:  # max_instances already prevents this; a second guard costs nothing
                logger.warning("crawl of story %s still running: this fire is skipped", story_id)
                return
            runner = CrawlRunner(self.command(story_id), timeout=self.crawl_timeout, kill_grace=self.kill_grace)
            pid = runner.start()
            self._active[story_id] = runner
        logger.info("crawl of story %s started (pid %s)", story_id, pid)
        try:
            result = runner.wait()
        finally:
            with self._state:
                self._active.pop(story_id, None)
                self._state.notify_all()
        self.results.append((story_id, result))
        log = logger.info if result.returncode == 0 or result.stopped else logger.warning
        log("crawl of story %s %s", story_id, result.describe())
        if result.returncode == exit_codes.INTERRUPTED or result.timed_out:
            # The run row says 'interrupted'; its stored articles stay, its candidates are decided by the next
            # run: the next fire, or a catch-up when the scheduler starts again.
            logger.info("story %s: the next run carries on where this one stopped", story_id)

    def _on_started(self, event: SchedulerEvent) -> None:
        self._started.set()
        if self._stopping:  # asked to stop before the scheduler ran: stop it now
            self._shutdown()

    def _shutdown(self) -> None:
        try:
            # wait=False: serve() itself waits for the crawls in flight, within their grace.
            self._scheduler.shutdown(wait=False)
        except SchedulerNotRunningError:
            pass

    def _on_skipped(self, event: JobSubmissionEvent) -> None:
        self.skipped_fires[event.job_id] = self.skipped_fires.get(event.job_id, 0) + 1

    # -- running and stopping ---------------------------------------------------------------------------------
    def active(self) -> dict[str, int | None]:
        """Story id -> pid of the crawls running now."""
        with self._state:
            return {story: runner.pid for story, runner in self._active.items()}

    def wait_started(self, timeout: float | None = None) -> bool:
        """Block until the scheduler runs (for callers that start `serve` in a thread)."""
        return self._started.wait(timeout)

    def request_stop(self, grace: float | None = None) -> None:
        """Stop firing; crawls in flight get `grace` seconds (default: stop_grace) before they are ended."""
        grace = self.stop_grace if grace is None else grace
        with self._state:
            first = not self._stopping
            self._stopping = True
            for runner in self._active.values():
                runner.request_stop(grace)
        if first and self._scheduler.state != STATE_STOPPED:
            self._shutdown()

    def serve(self, *, install_signals: bool = True) -> int:
        """Run until stopped (SIGTERM/SIGINT when `install_signals`); returns the exit code, 0 on a clean stop."""
        previous: dict[signal.Signals, Any] = {}
        read_fd, write_fd = os.pipe()
        watcher = threading.Thread(target=self._watch_signals, args=(read_fd,), name="signal-watcher", daemon=True)
        watcher.start()

        def on_signal(signum: int, frame: FrameType | None) -> None:
            # Only a write here. The handler runs on the main thread between any two bytecodes, possibly while
            # it holds a lock of the thread pool or of a stream: stopping from here could deadlock on it.
            os.write(write_fd, bytes([signum]))

        if install_signals:
            for signum in (signal.SIGTERM, signal.SIGINT):
                previous[signum] = signal.signal(signum, on_signal)
        try:
            self._add_jobs()
            self._scheduler.start()  # blocks until request_stop shuts it down
            with self._state:
                if self._active:
                    logger.info("stopping: waiting up to %g s for %d crawl(s) in flight", self.stop_grace,
                                len(self._active))
                while self._active:
                    self._state.wait()
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
            os.write(write_fd, b"\0")  # tells the watcher to end
            watcher.join()
            os.close(write_fd)
            os.close(read_fd)
        logger.info("scheduler stopped")
        return 0

    def _watch_signals(self, read_fd: int) -> None:
        """Turn signals written to the pipe into stops: the first waits out the grace, a second does not."""
        received = 0
        while True:
            data = os.read(read_fd, 64)
            for signum in data:
                if signum == 0:
                    return
                received += 1
                name = signal.Signals(signum).name
                if received == 1:
                    self.request_stop()
                    logger.info("%s: stopping", name)
                else:
                    self.request_stop(0)
                    logger.warning("%s again: ending the crawls in flight now", name)


# -- catch-up ------------------------------------------------------------------------------------------------
def catch_up_due(stories: Sequence[ScheduledStory], last_started: Callable[[str], datetime | None],
                 now: datetime) -> list[str]:
    """Stories whose last run began before their previous scheduled fire time (or that never ran).

    `last_started` should count only runs that ran to their end: an interrupted run did not do the work of its
    fire (the command passes `last_finished_run_started`)."""
    due = []
    for story in stories:
        previous = story.expression.previous_fire(now)
        last = last_started(story.id)
        if last is None or (previous is not None and last < previous):
            due.append(story.id)
    return due


# -- the command ---------------------------------------------------------------------------------------------
def add_arguments(parser: argparse.ArgumentParser) -> None:
    from crawler.logs import add_logging_arguments

    parser.add_argument("--config", metavar="PATH", help="config file (default: $STORYWATCH_CONFIG, then "
                        "./config/storywatch.toml)")
    parser.add_argument("--timezone", metavar="ZONE", help="time zone of the schedules, e.g. Europe/Berlin "
                        "(default: the system's)")
    parser.add_argument("--crawl-timeout", metavar="SECONDS", type=_positive, default=DEFAULT_CRAWL_TIMEOUT,
                        help=f"end a crawl that takes longer (default {DEFAULT_CRAWL_TIMEOUT:g})")
    parser.add_argument("--stop-grace", metavar="SECONDS", type=_non_negative, default=DEFAULT_STOP_GRACE,
                        help="on SIGTERM/SIGINT, how long a crawl in flight may take to finish before it is "
                        f"ended (default {DEFAULT_STOP_GRACE:g})")
    add_logging_arguments(parser)


def _positive(text: str) -> float:
    value = _non_negative(text)
    if value == 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, not {text}")
    return value


def _non_negative(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text}") from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"must be a number of 0 or more, not {text}")
    return value


def run(args: argparse.Namespace) -> int:
    """`storywatch schedule`: load the config, decide catch-up, serve until SIGTERM/SIGINT."""
    from config.loader import ConfigError, find_config, load_config
    from crawler.logs import setup_logging
    from crawler.status import last_finished_run_started

    setup_logging(args)
    if not getattr(args, "quiet", False) and getattr(args, "verbose", 0) == 0:
        # A daemon's start and finish lines are its heartbeat: show them without -v, and only them (other
        # loggers keep the root's level, so their info records are never made).
        logger.setLevel(logging.INFO)
        for handler in logging.getLogger().handlers:
            handler.setLevel(min(handler.level or logging.INFO, logging.INFO))
    try:
        config = load_config(find_config(args.config))
    except ConfigError as exc:
        print(f"storywatch: {exc}", file=sys.stderr)
        return 2
    timezone: tzinfo | None = None
    if args.timezone:
        try:
            timezone = ZoneInfo(args.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            print(f"storywatch: --timezone: unknown time zone '{args.timezone}'", file=sys.stderr)
            return 2
    from config.cron import CronError, parse_cron

    stories = []
    try:
        for story in config.stories:
            if story.schedule:
                stories.append(ScheduledStory(story.id, parse_cron(story.schedule)))
    except CronError as exc:  # the loader checks this too; kept for a config built another way
        print(f"storywatch: {config.path}: schedule: {exc}", file=sys.stderr)
        return 2
    if not stories:
        print(f"storywatch: {config.path}: no story has a schedule (add e.g. schedule = \"*/30 * * * *\" to a "
              "[[stories]] entry, or run `storywatch run` from cron)", file=sys.stderr)
        return 2
    unscheduled = [s.id for s in config.stories if not s.schedule]
    if unscheduled:
        logger.info("stories without a schedule are not crawled here: %s", ", ".join(unscheduled))
    scheduler = StoryScheduler(stories, crawl_command(config.path), timezone=timezone,
                               crawl_timeout=args.crawl_timeout, stop_grace=args.stop_grace)
    db_path = config.database.path
    due = catch_up_due(stories, lambda story_id: last_finished_run_started(db_path, story_id),
                       datetime.now(scheduler.timezone))
    scheduler.catch_up = set(due)
    return scheduler.serve()
