"""`storywatch run`: one crawl of every story (or one), then exit — the cron job."""

from __future__ import annotations

import argparse
import gc
import logging
import multiprocessing
import os
import signal
import sys
from pathlib import Path
from typing import TextIO

from config.loader import ConfigError, find_config, load_config
from config.model import Config, Story
from crawler import exit_codes
from crawler.extract_pool import ExtractionPool, worker_crashed
from crawler.frontier import retry_policy
from crawler.logs import add_logging_arguments, quiet_libraries, setup_logging
from crawler.process import ArticleProcessor, read_seed_file
from crawler.stats import RunStats
from crawler.terminal import plural
from crawler.urls import HostAllowList, normalize_url
from storage import frontier, open_database
from storage.checkpointer import Checkpointer
from storage.lock import CrawlLock, LockHeld
from storage.store import Store, utcnow

logger = logging.getLogger(__name__)

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
        return _run_locked(config, stories, args.story, quiet=args.quiet)
    finally:
        lock.release()


def _stories(config: Config, story_id: str | None) -> list[Story]:
    if story_id is None:
        return list(config.stories)
    try:
        return [config.story(story_id)]
    except KeyError:
        known = ", ".join(s.id for s in config.stories) or "none"
        raise ConfigError(f"{config.path}: --story: no story '{story_id}' (stories: {known})") from None


def _run_locked(config: Config, stories: list[Story], story_id: str | None, *, quiet: bool = False) -> int:
    store = Store(open_database(config.database.path))
    # The lock proves no other crawl is alive: runs left 'running' and their frontier claims died with their crawl.
    with store.transaction():
        store.mark_abandoned_runs()
        recovered = frontier.recover(store.db, utcnow(), retry_policy(config.crawl))
    run_id = store.start_run(story_id, os.getpid())
    stats = RunStats([s.name for s in config.sources])
    stats.frontier.update(recovered=recovered.released, interrupted=recovered.interrupted)
    if recovered.gave_up:
        stats.dropped["gave_up"] += recovered.gave_up
    stats.frontier["carried_over"] = frontier.totals(store.db)[0]
    status = "failed"
    try:
        status = crawl(config, stories, store, run_id, stats, show_progress=not quiet)
    except KeyboardInterrupt:  # a signal before Scrapy took over the handlers; the transaction rolled back
        status = "interrupted"
    finally:
        # Written also when the crawl raised: every run leaves its row.
        stats.frontier["waiting"], stats.frontier["failing"] = frontier.totals(store.db)
        store.finish_run(run_id, status, stats.as_dict())
        store.checkpoint()
        store.db.close()
    stream = summary_stream(status, stats, quiet=quiet)
    if stream is not None:
        print(summary_line(run_id, status, stats), file=stream)
    return exit_codes.BY_STATUS[status]


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


def crawl(config: Config, stories: list[Story], store: Store, run_id: int, stats: RunStats, *,
          show_progress: bool = True) -> str:
    """Run the Scrapy crawl in this process; returns the run's status."""
    # Up to two workers; the second starts only when the pages waiting would outlast its start (ExtractionPool).
    # The first starts before Scrapy is loaded: its Python and trafilatura load on the other core meanwhile (in a
    # cron run of 20 pages the first page waited about 0.2 s for the worker when it started after the imports).
    workers = max(1, min(2, os.cpu_count() or 1))
    executor = ExtractionPool(workers, multiprocessing.get_context("spawn"), crash_result=worker_crashed)
    executor.warm_up()
    try:
        return _crawl_with(executor, config, stories, store, run_id, stats, show_progress=show_progress)
    finally:  # already told to end after the crawl (see _crawl_with); here for a set-up that raised
        executor.shutdown(wait=False, cancel_futures=True)


def _crawl_with(executor: ExtractionPool, config: Config, stories: list[Story], store: Store, run_id: int,
                stats: RunStats, *, show_progress: bool) -> str:
    from scrapy import signals
    from scrapy.crawler import CrawlerProcess

    from crawler.settings import scrapy_settings
    from crawler.spider import CrawlPlan, StoryWatchSpider

    seeds: dict[str, tuple[str, ...]] = {}
    seed_texts: dict[str, list[tuple[str, str]]] = {}
    crawled = {story.id for story in stories}
    for story in config.stories:  # every story's profile: each stored page is matched against all of them
        for seed in story.seeds:
            if seed.url and story.id in crawled:
                key = normalize_url(seed.url)
                seeds[key] = (*seeds.get(key, ()), story.id)
            elif seed.path:
                seed_texts.setdefault(story.id, []).append(read_seed_file(Path(seed.path)))
    urls = [s.url for s in config.sources] + list(seeds)
    for source in config.sources:
        urls += [*source.feeds, *source.sitemaps, *source.sections]
    processor = ArticleProcessor(store, list(config.stories), run_id, stats, seed_texts, decide_for=stories)
    plan = CrawlPlan(config=config, stories=stories, store=store, processor=processor, stats=stats,
                     allow=HostAllowList(urls), executor=executor, seeds=seeds, show_progress=show_progress)
    close_reason: list[str] = []
    process = CrawlerProcess(scrapy_settings(config.crawl))
    quiet_libraries()
    crawler = process.create_crawler(StoryWatchSpider)
    # weak=False: the dispatcher holds receivers weakly, and nothing else holds this lambda.
    crawler.signals.connect(lambda spider, reason: close_reason.append(reason), signal=signals.spider_closed,
                            weak=False)
    # The objects of the libraries and of the run's set-up live as long as the crawl: frozen, the cyclic garbage
    # collector stops walking them, and its full collections no longer hold the event loop for up to a tenth of a
    # second (benchmarks/crawl_speed.py's event-loop probe: late by up to 100 ms, each time a full collection ran).
    gc.collect()
    gc.freeze()
    try:
        with Checkpointer(store.db):  # the log is copied into the database file off the event loop
            process.crawl(crawler, plan=plan)
            process.start()
    finally:
        gc.unfreeze()  # whoever calls crawl() in a process that lives on gets its garbage collected again
        # The workers are told to end, not waited for: a worker's exit takes about 0.2 s (its interpreter unloads
        # trafilatura), spent on the other core while this one recleans and decides. The pool's own thread reaps them.
        executor.shutdown(wait=False, cancel_futures=True)
        logger.info("extraction ran in %d worker process(es)", executor.workers)
    processor.reclean_learned()  # before the decision, which reads the texts; also after a crawl that ended early
    if not close_reason or close_reason[0] != "finished":
        # No close reason at all: a SIGTERM/SIGINT reached Scrapy's handlers before the spider opened.
        logger.warning("crawl ended early: %s; its candidates are decided by the next run",
                       close_reason[0] if close_reason else "stopped before it began")
        return "interrupted"
    processor.decide()
    if stats.all_sources_failed():
        logger.error("every source failed: %s", ", ".join(stats.sources))
        return "failed"
    return "partial" if stats.counts["errors"] else "ok"


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
