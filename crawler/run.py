"""`storywatch run`: one crawl of every story (or one), then exit — the cron job.

This module loads only what reading the config and taking the store's lock need; the crawl's modules (crawler.crawl)
load once the first extraction worker is starting (start_extraction).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import signal
import sys
from typing import TYPE_CHECKING, TextIO

from config.loader import ConfigError, find_config, load_config
from config.model import Config, Story
from crawler import exit_codes
from crawler.extract_pool import ExtractionPool, worker_crashed
from crawler.logs import add_logging_arguments, setup_logging
from crawler.terminal import plural
from storage.lock import CrawlLock, LockHeld

if TYPE_CHECKING:
    from crawler.stats import RunStats

EXIT_OK, EXIT_ALL_FAILED, EXIT_USAGE, EXIT_LOCKED, EXIT_INTERRUPTED = (
    exit_codes.OK, exit_codes.ALL_FAILED, exit_codes.USAGE, exit_codes.LOCKED, exit_codes.INTERRUPTED)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", metavar="PATH", help="config file (default: $STORYWATCH_CONFIG, then "
                        "./config/storywatch.toml)")
    parser.add_argument("--story", metavar="ID", help="crawl only this story")
    parser.add_argument("--wait", action="store_true",
                        help="wait for another crawl of the same database to finish instead of exiting with 3")
    add_logging_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """One crawl; the exit code tells how it went (crawler.exit_codes)."""
    setup_logging(args)
    # Until Scrapy installs its own handlers (a graceful stop), SIGTERM ends the run as Ctrl-C does: no
    # traceback, the run row (if any) marked interrupted, exit 4 — also while `--wait` waits for the lock.
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        return _run(args)
    except KeyboardInterrupt:
        print("storywatch: interrupted before the crawl began", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        signal.signal(signal.SIGTERM, previous)


def _run(args: argparse.Namespace) -> int:
    try:
        config = load_config(find_config(args.config))
        stories = _stories(config, args.story)
    except ConfigError as exc:
        print(f"storywatch: {exc}", file=sys.stderr)
        return EXIT_USAGE
    lock = CrawlLock(config.database.path)
    try:
        lock.acquire(wait=args.wait)
    except LockHeld as exc:
        print(f"storywatch: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    try:
        executor = start_extraction()
        try:
            from crawler.crawl import run_locked  # loads while the first worker starts

            run_id, status, stats = run_locked(config, stories, args.story, executor, quiet=args.quiet)
        finally:
            executor.shutdown(wait=False, cancel_futures=True)  # the crawl told them to end already, if it ran
    finally:
        lock.release()
    stream = summary_stream(status, stats, quiet=args.quiet)
    if stream is not None:
        print(summary_line(run_id, status, stats), file=stream)
    return exit_codes.BY_STATUS[status]


def start_extraction() -> ExtractionPool:
    """The extraction pool, its first worker starting now. Up to two workers; the second starts only when the pages
    waiting would outlast its start (ExtractionPool). The first starts before this process loads the crawl's modules
    and Scrapy: its Python and trafilatura load on the other core meanwhile. In a cron run of 20 pages the first page
    waited about 0.2 s for the worker when it started after Scrapy's imports, and the crawl process's own modules
    (crawler.crawl: SQLite, numpy, the article processing) took it another 0.3 s before it started the worker."""
    workers = max(1, min(2, os.cpu_count() or 1))
    return ExtractionPool(workers, multiprocessing.get_context("spawn"), crash_result=worker_crashed)


def _stories(config: Config, story_id: str | None) -> list[Story]:
    if story_id is None:
        return list(config.stories)
    try:
        return [config.story(story_id)]
    except KeyError:
        known = ", ".join(s.id for s in config.stories) or "none"
        raise ConfigError(f"{config.path}: --story: no story '{story_id}' (stories: {known})") from None


def summary_stream(status: str, stats: RunStats, *, quiet: bool) -> TextIO | None:
    """Where the run's summary line goes: stdout for a run that did its work, stderr for one that needs a look.

    With --quiet (the cron line: any output becomes a mail) an ok run prints nothing, and so does a partial run
    whose failures were single pages; a partial run where a whole source gave nothing usable prints its line on
    stderr, since that source needs a look. A failed or interrupted run always prints on stderr.
    """
    if status in ("failed", "interrupted"):
        return sys.stderr
    if not quiet:
        return sys.stdout
    if status == "partial" and stats.as_dict()["sources_failed"]:
        return sys.stderr
    return None


def summary_line(run_id: int, status: str, stats: RunStats) -> str:
    """`run 7 ok: 17 discovered, 11 fetched, 0 known, 6 new, 1 duplicate, 0 updated, 0 errors (Source: reason n)`."""
    c = stats.counts
    line = (f"run {run_id} {status}: {c['discovered']} discovered, {c['fetched']} fetched, {c['skipped_known']} "
            f"known, {c['new']} new, {plural(c['duplicates'], 'duplicate')}, {c['updated']} updated, "
            f"{plural(c['errors'], 'error')}")
    if stats.errors_by_source:
        per = "; ".join(f"{src}: " + ", ".join(f"{r} {n}" for r, n in sorted(reasons.items()))
                        for src, reasons in sorted(stats.errors_by_source.items()))
        line += f" ({per})"
    return line
