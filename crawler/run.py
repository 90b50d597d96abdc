"""`storywatch run`: one crawl of every story (or one), then exit — the cron job."""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import os
import sys
from pathlib import Path

from config.loader import ConfigError, find_config, load_config
from config.model import Config, Story
from crawler.extract_pool import ExtractionPool, worker_crashed
from crawler.logs import add_logging_arguments, quiet_libraries, setup_logging
from crawler.process import ArticleProcessor, read_seed_file
from crawler.stats import RunStats
from crawler.urls import HostAllowList, normalize_url
from storage import open_database
from storage.lock import CrawlLock, LockHeld
from storage.store import Store

logger = logging.getLogger(__name__)

EXIT_OK, EXIT_ALL_FAILED, EXIT_USAGE, EXIT_LOCKED = 0, 1, 2, 3


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", metavar="PATH", help="config file (default: $STORYWATCH_CONFIG, then "
                        "./config/storywatch.toml)")
    parser.add_argument("--story", metavar="ID", help="crawl only this story")
    parser.add_argument("--wait", action="store_true",
                        help="wait for another crawl of the same database to finish instead of exiting with 3")
    add_logging_arguments(parser)


def run(args: argparse.Namespace) -> int:
    setup_logging(args)
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
        return _run_locked(config, stories, args.story)
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


def _run_locked(config: Config, stories: list[Story], story_id: str | None) -> int:
    store = Store(open_database(config.database.path))
    store.mark_abandoned_runs()
    run_id = store.start_run(story_id, os.getpid())
    stats = RunStats([s.name for s in config.sources])
    status = "failed"
    try:
        status = crawl(config, stories, store, run_id, stats)
    finally:
        # Written also when the crawl raised: every run leaves its row.
        store.finish_run(run_id, status, stats.as_dict())
        store.checkpoint()
        store.db.close()
    print(summary_line(run_id, status, stats), file=sys.stderr if status == "failed" else sys.stdout)
    return EXIT_ALL_FAILED if status == "failed" else EXIT_OK


def crawl(config: Config, stories: list[Story], store: Store, run_id: int, stats: RunStats) -> str:
    """Run the Scrapy crawl in this process; returns the run's status."""
    from scrapy import signals
    from scrapy.crawler import CrawlerProcess

    from crawler.settings import scrapy_settings
    from crawler.spider import CrawlPlan, StoryWatchSpider

    seeds: dict[str, tuple[str, ...]] = {}
    seed_texts: dict[str, list[tuple[str, str]]] = {}
    for story in stories:
        for seed in story.seeds:
            if seed.url:
                key = normalize_url(seed.url)
                seeds[key] = (*seeds.get(key, ()), story.id)
            elif seed.path:
                seed_texts.setdefault(story.id, []).append(read_seed_file(Path(seed.path)))
    urls = [s.url for s in config.sources] + list(seeds)
    for source in config.sources:
        urls += [*source.feeds, *source.sitemaps, *source.sections]
    processor = ArticleProcessor(store, stories, run_id, stats, seed_texts)
    workers = max(1, min(2, os.cpu_count() or 1))
    executor = ExtractionPool(workers, multiprocessing.get_context("spawn"), crash_result=worker_crashed)
    plan = CrawlPlan(config=config, stories=stories, store=store, processor=processor, stats=stats,
                     allow=HostAllowList(urls), executor=executor, seeds=seeds)
    close_reason: list[str] = []
    process = CrawlerProcess(scrapy_settings(config.crawl))
    quiet_libraries()
    crawler = process.create_crawler(StoryWatchSpider)
    # weak=False: the dispatcher holds receivers weakly, and nothing else holds this lambda.
    crawler.signals.connect(lambda spider, reason: close_reason.append(reason), signal=signals.spider_closed,
                            weak=False)
    try:
        process.crawl(crawler, plan=plan)
        process.start()
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
    processor.reclean_learned()  # before the decision, which reads the texts; also after a crawl that ended early
    if close_reason and close_reason[0] not in ("finished",):
        logger.warning("crawl ended early: %s; its candidates are decided by the next run", close_reason[0])
        return "interrupted"
    processor.decide()
    if stats.all_sources_failed():
        logger.error("every source failed: %s", ", ".join(stats.sources))
        return "failed"
    return "partial" if stats.counts["errors"] else "ok"


def summary_line(run_id: int, status: str, stats: RunStats) -> str:
    c = stats.counts
    line = (f"run {run_id} {status}: {c['discovered']} discovered, {c['fetched']} fetched, {c['skipped_known']} "
            f"known, {c['new']} new, {c['duplicates']} duplicates, {c['updated']} updated, {c['errors']} errors")
    if stats.errors_by_source:
        per = "; ".join(f"{src}: " + ", ".join(f"{r} {n}" for r, n in sorted(reasons.items()))
                        for src, reasons in sorted(stats.errors_by_source.items()))
        line += f" ({per})"
    return line
