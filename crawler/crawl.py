"""One crawl of a store whose lock is held (`storywatch run`, crawler.run): the run's row, the Scrapy crawl, the
re-cleaning of learned boilerplate and the stories' decision.

crawler.run loads this module only once the lock is held and the first extraction worker is starting: these modules
(SQLite, numpy, the article processing) take the crawl process about 0.3 s to load, and the worker loads its Python
and trafilatura on the other core meanwhile.
"""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from config.model import Config, Story
from crawler.extract_pool import ExtractionPool
from crawler.frontier import retry_policy
from crawler.logs import quiet_libraries
from crawler.process import ArticleProcessor, read_seed_file
from crawler.rekey import rekey_if_needed
from crawler.stats import RunStats
from crawler.urls import HostAllowList, normalize_url
from storage import frontier, open_database
from storage.checkpointer import Checkpointer
from storage.store import Store, utcnow

logger = logging.getLogger(__name__)


def run_locked(config: Config, stories: list[Story], story_id: str | None, executor: ExtractionPool, *,
               quiet: bool = False) -> tuple[int, str, RunStats]:
    """The run's row, the crawl with `executor`'s workers, the decision; returns the run's id, status and stats."""
    store = Store(open_database(config.database.path))
    # The lock proves no other crawl is alive: runs left 'running' and their frontier claims died with their crawl.
    with store.transaction():
        store.mark_abandoned_runs()
        recovered = frontier.recover(store.db, utcnow(), retry_policy(config.crawl))
    rekey_if_needed(store)  # stored near-duplicate keys of another definition, made again (once)
    run_id = store.start_run(story_id, os.getpid())
    stats = RunStats([s.name for s in config.sources])
    stats.frontier.update(recovered=recovered.released, interrupted=recovered.interrupted)
    if recovered.gave_up:
        stats.dropped["gave_up"] += recovered.gave_up
    stats.frontier["carried_over"] = frontier.totals(store.db)[0]
    status = "failed"
    try:
        with _fewer_young_collections():
            status = crawl(executor, config, stories, store, run_id, stats, show_progress=not quiet)
    except KeyboardInterrupt:  # a signal before Scrapy took over the handlers; the transaction rolled back
        status = "interrupted"
    finally:
        # Written also when the crawl raised: every run leaves its row.
        stats.frontier["waiting"], stats.frontier["failing"] = frontier.totals(store.db)
        store.finish_run(run_id, status, stats.as_dict())
        store.checkpoint()
        store.db.close()
    return run_id, status, stats


# Python's cyclic garbage collector looks at the young objects after every 700 container objects made and not yet
# freed. The crawl process makes about 200 a page (requests, responses, deferreds, results) and most live on for a
# while (in the scheduler's queue, in flight, in a store batch), so each look found them alive and moved them on to
# the older generations, which were then walked again and again: in a 3000-page benchmark crawl 912 young, 82 middle
# and 7 full collections took 0.45 CPU s (0.15 ms a page), the full ones up to 32 ms each on the event loop's thread.
# With 10,000 for the run: 28 young, 2 middle and 1 full collection in the whole process, 51 ms (a probe with
# gc.callbacks around the command). Cycles are rare here (reference counting frees the rest at once): the garbage
# that waits longer is a few pages' worth.
GC_YOUNG_THRESHOLD = 10_000


@contextmanager
def _fewer_young_collections() -> Iterator[None]:
    """The crawl and its decision with GC_YOUNG_THRESHOLD; the thresholds before restored afterwards, also when the
    crawl raises (a caller that lives on gets its own back)."""
    before = gc.get_threshold()
    gc.set_threshold(GC_YOUNG_THRESHOLD, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def crawl(executor: ExtractionPool, config: Config, stories: list[Story], store: Store, run_id: int, stats: RunStats,
          *, show_progress: bool = True) -> str:
    """Run the Scrapy crawl in this process, its pages extracted by `executor`'s workers; returns the run's status."""
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
    # No collection first: the automatic ones during the imports left about ten unreachable objects to freeze with
    # the rest (a 200-page run), and a full collection here took 22-29 ms of the start, on the path to the first page.
    gc.freeze()
    try:
        with Checkpointer(store.db):  # the log is copied into the database file off the event loop
            process.crawl(crawler, plan=plan)
            process.start()
    finally:
        gc.unfreeze()  # whoever calls crawl() in a process that lives on gets its garbage collected again
        # The workers are told to end, not waited for (a task still running in one ends first): they end on the
        # other core while this one recleans and decides. multiprocessing's exit handler reaps them when this process
        # ends.
        executor.shutdown(wait=False, cancel_futures=True)
        logger.info("extraction ran in %d worker process(es), %d of them forked from a ready one", executor.workers,
                    executor.forked)
    processor.index_staged()  # the run's near-duplicate keys into their index, also after a crawl that ended early
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
