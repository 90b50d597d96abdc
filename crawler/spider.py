"""The Scrapy spider: discovery requests, article fetches, errors counted by source.

Parsing, extraction and the story decisions are plain functions elsewhere; this module only moves requests and
responses between them. Every article link a listing or a story article names goes into the durable frontier
(storage.frontier) in the transaction that marks the listing read or stores the article; the crawl fetches from the
frontier in bounded batches, so a crawl killed at any point leaves its unfinished work to the next run.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from collections.abc import AsyncIterator, Iterable, Iterator, Sequence
from concurrent.futures import Executor
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any, ClassVar

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Request, Response, TextResponse
from twisted.python.failure import Failure

from config.model import Config, Source, Story
from config.query import WordSet
from crawler.discovery import DiscoveryError, parse_feed, parse_section, parse_sitemap
from crawler.extract import ExtractOptions
from crawler.failures import classify_failure, is_transient
from crawler.frontier import candidate_of, entry_for, retry_policy
from crawler.items import Candidate
from crawler.page_type import page_hints
from crawler.process import ArticleProcessor, FetchedArticle, Outcome
from crawler.progress import Progress
from crawler.stats import RunStats
from crawler.store_batch import BUDGET, StoreBatch
from crawler.urls import HostAllowList, host_of, normalize_url, variant_keys
from crawler.worker import WorkerResult, extract_in_worker
from storage import boilerplate, frontier
from storage.store import Store, utcnow

logger = logging.getLogger(__name__)

HTML_TYPES = (b"text/html", b"application/xhtml+xml")
MAX_SITEMAP_CHILDREN = 20  # the newest children of a sitemap index that are followed
MIN_WINDOW = 16  # frontier entries claimed and not yet finished, at least (twice concurrent_requests otherwise)
LISTING_CHUNK = 200  # a listing's links written to the frontier per transaction at most, the event loop running
# between two; a transaction also ends after LISTING_BUDGET seconds, the length of a turn of stores (crawl_speed's
# loop probe on a slow day: 200 links of a feed took 86 ms)
LISTING_BUDGET = BUDGET
PER_SOURCE_MIN = 8  # frontier entries of one source in flight, at most (four times its per-host concurrency if more)
SEED_WAIT = 600  # seconds the article pages wait for the seeds at most (a seed request always reports back)


@dataclass
class CrawlPlan:
    """Everything one crawl needs, handed to the spider by the run command."""

    config: Config
    stories: list[Story]
    store: Store
    processor: ArticleProcessor
    stats: RunStats
    allow: HostAllowList
    executor: Executor | None = None
    seeds: dict[str, tuple[str, ...]] = field(default_factory=dict)  # normalised seed URL -> story ids
    show_progress: bool = True  # the progress line on a terminal (off with --quiet)


class StoryWatchSpider(scrapy.Spider):
    name = "storywatch"
    custom_settings: ClassVar[dict[str, Any]] = {}

    def __init__(self, plan: CrawlPlan, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.plan = plan
        self.stats_ = plan.stats
        self._scheduled: set[str] = set()
        self._stored: set[int] = set()  # articles this run stored or saw unchanged
        self._sitemaps_seen: set[str] = set()
        self._seeds_pending = 0
        self._seeds_done = asyncio.Event()  # set when no seed request is pending any more
        self.progress = Progress(plan.stats, show=plan.show_progress)
        self._sources = {s.name: s for s in plan.config.sources}
        # Every configured story, not only this run's: a listing's validators and the frontier serve all stories,
        # so a link dropped here for the stories of a `--story` run would be lost for the others (304 next time).
        stories = list(plan.config.stories) or plan.stories
        self._terms = self._story_terms(stories)
        # Every story an article is matched against when it is stored (ArticleProcessor.stories): the extraction
        # worker checks their queries, so that the main process does no work on the words.
        self._queries = {s.id: s.query for s in plan.processor.stories}
        since = [s.since for s in stories if s.since]
        self._oldest_since = min(since) if len(since) == len(stories) and since else None
        self._sitemap_cutoff = (
            datetime.now(UTC) - timedelta(days=plan.config.crawl.sitemap_max_age_days)
        ).strftime("%Y-%m-%dT%H:%M:%SZ")
        self._run_id = plan.processor.run_id
        self._retry = retry_policy(plan.config.crawl)
        # Claimed frontier entries not yet finished: a few batches ahead of the downloader, never the whole table.
        self._window = max(MIN_WINDOW, 2 * plan.config.crawl.concurrent_requests)
        self._in_flight = 0
        self._busy: Counter[str] = Counter()  # claimed frontier entries in flight, per source
        # No outlet holds more of the window than keeps its host busy: the others are fetched at the same time.
        self._per_source = max(PER_SOURCE_MIN, 4 * plan.config.crawl.concurrent_requests_per_domain)
        self._turns = asyncio.Lock()  # see _turn
        self._extracting = 0  # article pages in extraction now: while there are, a batch waits for them
        self._batch = StoreBatch(plan.store.db, coming=lambda: self._extracting)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> StoryWatchSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._on_idle, signal=signals.spider_idle)
        return spider

    @staticmethod
    def _story_terms(stories: list[Story]) -> list[Any]:
        """The queries a feed entry is checked against; a query with no positive term (`NOT x`) never prefilters."""
        return [s.query for s in stories]

    # -- start ------------------------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[Request]:
        # Seeds first: the story profile needs them before any other page is judged. Only the article pages wait
        # for them (`_refill`, the revisits below): the listings are fetched and read meanwhile, so a seed's
        # extraction (or a slow seed server) does not hold up the whole crawl's start.
        for request in self._seed_requests():
            self._seeds_pending += 1
            yield request
        if not self._seeds_pending:
            self._seeds_done.set()
        for source in self.plan.config.sources:
            for url in source.feeds:
                yield self._listing_request(url, source, "feed", self.parse_feed)
            for url in source.sitemaps:
                self._sitemaps_seen.add(normalize_url(url))
                # Unconditional: a configured sitemap is often an index, and a 304 there would hide its changed
                # children; the children themselves are asked for conditionally.
                yield self._listing_request(url, source, "sitemap", self.parse_sitemap, conditional=False)
            for url in source.sections:
                yield self._listing_request(url, source, "section", self.parse_section)
        try:  # a seed request that vanished without its callback (none known) holds the rest back no longer
            await asyncio.wait_for(self._seeds_done.wait(), SEED_WAIT)
        except TimeoutError:
            logger.warning("seeds still not stored after %d s: the crawl goes on without waiting", SEED_WAIT)
        for request in self._revisit_requests():
            yield request
        # What earlier runs left in the frontier; the rest follows as listings and articles are answered.
        for request in self._refill():
            yield request

    def _revisit_requests(self) -> Iterator[Request]:
        """Conditional GETs of young story articles: the way to see a change no feed announces."""
        hours = self.plan.config.crawl.revisit_hours
        if hours <= 0:
            return
        since = (datetime.now(UTC) - timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M:%SZ")
        for row in self.plan.store.young_story_articles(since):
            if not self.plan.allow.allows(row["url"]):
                continue
            headers = {}
            if row["etag"]:
                headers["If-None-Match"] = row["etag"]
            if row["last_modified"]:
                headers["If-Modified-Since"] = row["last_modified"]
            candidate = Candidate(url=row["url"], source=row["source"], via="revisit")
            self._scheduled.add(normalize_url(row["url"]))
            yield Request(row["url"], callback=self.parse_article, errback=self.on_error, headers=headers,
                          cb_kwargs={"candidate": candidate},
                          meta={"source": row["source"], "handle_httpstatus_list": [304]}, dont_filter=True)

    def _seed_requests(self) -> Iterator[Request]:
        store = self.plan.store
        for url, story_ids in self.plan.seeds.items():
            article_id = store.article_id_for(variant_keys(url))
            if article_id is not None and all(store.membership(s, article_id) for s in story_ids):
                continue
            source = self._source_for(url)
            candidate = Candidate(url=url, source=source, via="seed")
            # A listing read while the seed is in flight names it again: not a second fetch of it this run.
            self._scheduled.add(variant_keys(url)[0])
            yield Request(
                url,
                callback=self.parse_article,
                errback=self.on_error,
                cb_kwargs={"candidate": candidate},
                meta={"source": source, "seed": True},
                priority=100,
                dont_filter=True,
            )

    def _source_for(self, url: str) -> str:
        host = host_of(url)
        for source in self.plan.config.sources:
            if host in {host_of(source.url), *(host_of(u) for u in (*source.feeds, *source.sitemaps, *source.sections))}:
                return source.name
        return host

    def _listing_request(self, url: str, source: Source, kind: str, callback: Any, *,
                         conditional: bool = True) -> Request:
        etag, last_modified = self.plan.store.validators(url) if conditional else (None, None)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return Request(
            url,
            callback=callback,
            errback=self.on_error,
            headers=headers,
            meta={"source": source.name, "kind": kind, "handle_httpstatus_list": [304]},
            priority=10,
            dont_filter=True,
        )

    # -- listings ---------------------------------------------------------------------------------------
    def _not_modified(self, response: Response) -> bool:
        """A 304 to a conditional request: the source answered, nothing changed."""
        if response.status != 304:
            return False
        self.stats_.answered.add(response.meta["source"])
        self.stats_.drop("not_modified")
        return True

    async def _listing_read(self, response: Response, candidates: Iterable[Candidate]) -> AsyncIterator[Request]:
        """A usable listing: its links go into the frontier, a transaction of at most LISTING_CHUNK links and
        LISTING_BUDGET seconds at a time, with the event loop running in between (a sitemap of thousands of links
        held the loop for a tenth of a second and more), and its validators with the last of them.

        The validators make the next run's request conditional (a 304 hides the links), so they are never saved
        before every link is safe in the frontier: a crawl stopped between two chunks reads the whole listing again
        next time, and the links it had put in the frontier keep their place."""
        self.stats_.answered.add(response.meta["source"])
        url = response.request.url if response.request else response.url
        links = list(candidates)
        done = 0
        while True:
            requests: list[Request] = []
            async with self._turn():
                with self.plan.store.transaction():
                    started, first = time.perf_counter(), done
                    end = min(len(links), done + LISTING_CHUNK)
                    while done < end and (done == first or time.perf_counter() - started < LISTING_BUDGET):
                        requests += self._consider(links[done], listing=response.url)
                        done += 1
                    if done == len(links):
                        self.plan.store.save_validators(url, _header(response, b"ETag"),
                                                        _header(response, b"Last-Modified"))
            for request in requests:
                yield request
            if done == len(links):
                break
        for request in self._refill():
            yield request

    @asynccontextmanager
    async def _turn(self) -> AsyncIterator[None]:
        """One turn of the main process's heavy work: a page stored, a listing's chunk of links written.

        asyncio runs every callback that is ready before it looks at its timers again, so pages whose extraction
        ended at the same moment were stored one after the other in one pass of the loop (five stores, 50 ms), and so
        were the chunks of listings read at once. A turn ends with one pass of the loop, and the next waiting turn
        starts after it: downloads, timers and the other callbacks run between any two turns."""
        async with self._turns:
            yield
            await asyncio.sleep(0)

    async def _off_loop(self, work: Any) -> Any:
        """Run `work` (extraction, parsing: pure functions of a body) in the extraction workers while the loop goes
        on; in this process when the crawl has none."""
        if self.plan.executor is None:
            return work()
        return await asyncio.get_running_loop().run_in_executor(self.plan.executor, work)

    async def parse_feed(self, response: Response) -> AsyncIterator[Request]:
        source = response.meta["source"]
        if self._not_modified(response):
            return
        try:
            candidates = await self._off_loop(partial(parse_feed, response.body, response.url, source,
                                                      limit=self.plan.config.crawl.max_links_per_page))
        except DiscoveryError as exc:
            self._listing_failed(source, exc.reason, response.url, exc)
            return
        async for request in self._listing_read(response, candidates):
            yield request

    async def parse_sitemap(self, response: Response) -> AsyncIterator[Request]:
        source_name = response.meta["source"]
        if self._not_modified(response):
            return
        try:
            result = await self._off_loop(partial(parse_sitemap, response.body, response.url, source_name,
                                                  max_bytes=self.plan.config.crawl.max_page_bytes,
                                                  limit=self.plan.config.crawl.max_links_per_page))
        except DiscoveryError as exc:
            self._listing_failed(source_name, exc.reason, response.url, exc)
            return
        children = sorted(result.children, key=lambda c: c[1] or "", reverse=True)
        followed = 0
        for url, lastmod in children:
            key = normalize_url(url)
            if key in self._sitemaps_seen or not self.plan.allow.allows(url):
                continue
            if lastmod and lastmod < self._sitemap_cutoff:
                continue
            if followed >= MAX_SITEMAP_CHILDREN:
                break
            self._sitemaps_seen.add(key)
            followed += 1
            yield self._listing_request(url, self._sources[source_name], "sitemap", self.parse_sitemap)
        async for request in self._listing_read(response, result.candidates):
            yield request

    async def parse_section(self, response: Response) -> AsyncIterator[Request]:
        source = response.meta["source"]
        if self._not_modified(response):
            return
        if not isinstance(response, TextResponse):
            self._listing_failed(source, "not_html", response.url, None)
            return
        try:
            candidates = parse_section(
                response.text, response.url, source,
                max_links=self.plan.config.crawl.max_links_per_page, is_allowed=self.plan.allow.allows,
            )
        except DiscoveryError as exc:
            self._listing_failed(source, exc.reason, response.url, exc)
            return
        async for request in self._listing_read(response, candidates):
            yield request

    def _listing_failed(self, source: str, reason: str, url: str, exc: Exception | None) -> None:
        logger.warning("%(source)s: %(reason)s at %(url)s%(why)s",
                       {"source": source, "reason": reason, "url": url, "why": f": {exc}" if exc else ""})
        self.stats_.error(source, reason)

    # -- candidates -------------------------------------------------------------------------------------
    def _consider(self, candidate: Candidate, *, listing: str | None = None) -> list[Request]:
        """Every discovered link comes through here: dropped with a reason, skipped as known, or put into the
        frontier (inside the caller's transaction). Returns the requests the link needs at once: none for an
        article page, which waits in the frontier until `_refill` claims it."""
        stats = self.stats_
        stats.inc("discovered")
        if not self.plan.allow.allows(candidate.url):
            stats.drop("offsite")
            return []
        keys = variant_keys(candidate.url)
        if keys[0] in self._scheduled:
            if candidate.updated:
                self._later_signal(keys, candidate.updated)
            stats.drop("seen_this_run")
            return []
        article_id = self.plan.store.article_id_for(keys)
        if article_id is not None:
            signal = self.plan.store.article_signal(article_id)
            if signal is None and candidate.updated:
                # First seen where no date was given (a section page, a related link): this date is the baseline
                # for later signals, not a signal itself.
                self.plan.store.touch(article_id, utcnow(), signal=candidate.updated)
            if not (candidate.updated and signal is not None and candidate.updated > signal):
                # "Known" means stored by an earlier run; a page this run stored under another address (a seed,
                # a canonical URL) listed again is no known page, or a first run would report some.
                reason = "seen_this_run" if article_id in self._stored else "skipped_known"
                if reason == "skipped_known":
                    stats.inc(reason)
                else:
                    stats.drop(reason)
                logger.debug("%(reason)s, not fetched again: %(url)s (via %(via)s)",
                             {"reason": reason, "url": candidate.url, "via": candidate.via})
                return []
        elif self._prefiltered(candidate):
            stats.drop("prefiltered")
            return []
        self._scheduled.add(keys[0])
        if frontier.add(self.plan.store.db, entry_for(candidate, keys[0], listing), utcnow()):
            stats.frontier["added"] += 1
        return []

    def _follows_related(self, candidate: Candidate) -> bool:
        """Whether the related links of this page are followed when it is in a story: with `follow_related_links`,
        one step from a page not itself reached through one (the worker looks for them only then)."""
        return self.plan.config.crawl.follow_related_links and candidate.via != "related"

    def _later_signal(self, keys: Sequence[str], updated: str) -> None:
        """A page this run already took is named again with a change signal (a sitemap's lastmod after a section's
        dateless link): the signal is kept, on its frontier entry while the page is in flight and as its baseline
        once stored, or a later change of that date would be taken for the baseline and the update missed."""
        frontier.hint_updated(self.plan.store.db, keys[0], updated)
        article_id = self.plan.store.article_id_for(keys)
        if article_id is not None and article_id in self._stored and self.plan.store.article_signal(article_id) is None:
            self.plan.store.touch(article_id, utcnow(), signal=updated)

    # -- the frontier -----------------------------------------------------------------------------------
    def _refill(self) -> list[Request]:
        """Claim the next due frontier entries, as many as keep the window full; [] while it is still half full.

        Seeds come first: nothing else is judged before the story's profile has them."""
        if self._seeds_pending > 0 or self._in_flight > self._window // 2:
            return []
        engine = self.crawler.engine
        if engine is None or not engine.running:
            return []  # stopping (SIGTERM): what is not claimed yet waits for the next run untouched
        entries = frontier.claim(self.plan.store.db, self._run_id, utcnow(), self._window - self._in_flight,
                                 busy=self._busy, per_source=self._per_source)
        self._in_flight += len(entries)
        self._busy.update(entry.source for entry in entries)
        requests = []
        for entry in entries:
            self._scheduled.add(entry.url)
            # dont_filter: the frontier is the deduplication; a request the filter dropped would never report back.
            requests.append(Request(entry.fetch_url, callback=self.parse_article, errback=self.on_error,
                                    cb_kwargs={"candidate": candidate_of(entry)},
                                    meta={"source": entry.source, "frontier_key": entry.url,
                                          "failed_before": entry.attempts > 0}, dont_filter=True))
        return requests

    def _on_idle(self) -> None:
        """Scrapy has nothing left to do: take the next batch from the frontier, or let the crawl end."""
        # Nothing is in flight when Scrapy is idle: a request that vanished without its callback stops holding the
        # window (its entry stays claimed until the run's end and waits for the next run).
        self._in_flight = 0
        self._busy.clear()
        self._seeds_pending = 0
        self._seeds_done.set()
        requests = self._refill()
        if not requests:
            return
        for request in requests:
            assert self.crawler.engine is not None
            self.crawler.engine.crawl(request)
        raise DontCloseSpider

    def _settle(self, key: str | None, reason: str) -> None:
        """A frontier page that gave no article: kept for a later run when the failure may pass, else let go."""
        if key is None:
            return
        if not is_transient(reason):
            frontier.done(self.plan.store.db, key)  # final: its reason is already counted
        elif frontier.failed(self.plan.store.db, key, reason, utcnow(), self._retry):
            self.stats_.frontier["retry_later"] += 1
        else:
            self.stats_.drop("gave_up")
            logger.warning("given up after %(n)d failed attempts (last: %(reason)s): %(url)s",
                           {"n": self._retry.max_attempts, "reason": reason, "url": key})

    def _request_done(self, meta: dict[str, Any]) -> None:
        if meta.get("seed"):
            self._seeds_pending -= 1
            if self._seeds_pending <= 0:
                self._seeds_done.set()
        if meta.get("frontier_key"):
            self._in_flight -= 1
            if self._busy[meta.get("source")] > 0:
                self._busy[meta.get("source")] -= 1

    def _prefiltered(self, candidate: Candidate) -> bool:
        """Skip before the fetch what cannot be a story article: too old, or its feed text names no query term."""
        if self._oldest_since and candidate.published and candidate.published[:10] < self._oldest_since.isoformat():
            return True
        if candidate.via != "feed" or not candidate.summary or not candidate.title:
            return False  # never judge on the title alone
        words = WordSet.from_text(f"{candidate.title}\n{candidate.summary}")
        return not any(not query.positive_terms() or query.matched_terms(words) for query in self._terms)

    # -- articles ---------------------------------------------------------------------------------------
    async def parse_article(self, response: Response, candidate: Candidate) -> AsyncIterator[Request]:
        try:
            async for request in self._parse_article(response, candidate):
                yield request
        finally:
            self._request_done(response.meta)
            self.progress.update()
        for request in self._refill():
            yield request

    def closed(self, reason: str) -> None:
        self._batch.flush(everything=True)  # articles still waiting are stored before the claims go back
        self.progress.close()
        # Claims not finished (a stop by signal, a request that vanished) wait for the next run, uncounted.
        frontier.release(self.plan.store.db, self._run_id)

    async def _parse_article(self, response: Response, candidate: Candidate) -> AsyncIterator[Request]:
        stats = self.stats_
        source = candidate.source
        key = response.meta.get("frontier_key")
        stats.answered.add(source)
        if response.status == 304:  # a revisit's conditional GET; frontier pages are asked unconditionally
            stats.inc("skipped_known")
            return
        stats.inc("fetched")
        content_type = (response.headers.get(b"Content-Type") or b"text/html").lower()
        if not any(t in content_type for t in HTML_TYPES):
            stats.error(source, "not_html")
            logger.info("%(source)s: not an HTML page (%(type)s): %(url)s",
                        {"source": source, "type": content_type.decode("latin-1"), "url": response.url})
            self._settle(key, "not_html")
            return
        options = ExtractOptions(
            drop_patterns=self._drop_patterns(source),
            learned=boilerplate.learned_hashes(self.plan.store.db, host_of(response.url)),
            related_links=self._follows_related(candidate),
        )
        declared = content_type.decode("latin-1")
        work = partial(extract_in_worker, response.body, declared, response.url, options, page_hints(candidate),
                       source=source, trusted=candidate.via == "seed",
                       max_links=self.plan.config.crawl.max_links_per_page, queries=self._queries,
                       fallback_title=candidate.title)
        self._extracting += 1
        try:
            outcome = await self._off_loop(work)
        finally:
            self._extracting -= 1
        if outcome.verdict is not None and not outcome.verdict.is_article:
            if outcome.extracted is None and not outcome.error:
                async with self._turn():
                    found = self._not_an_article(candidate, response.url, outcome, key)
                for request in found:
                    yield request
                return
            logger.warning("%(source)s: the seed %(url)s looks like a listing page (%(verdict)s); stored as an "
                           "article because the config names it as a seed",
                           {"source": source, "url": response.url, "verdict": outcome.verdict.describe()})
        if outcome.error:
            # A page that gives no article is the source's fault (empty, blocked, broken): counted per source.
            stats.error(source, outcome.error if outcome.error == "blocked" else f"extract_{outcome.error}")
            logger.info("%(source)s: no article (%(reason)s): %(url)s",
                        {"source": source, "reason": outcome.error, "url": response.url})
            self._settle(key, outcome.error)
            return
        assert outcome.extracted is not None
        stats.inc("extracted")
        extracted = outcome.extracted

        def store() -> tuple[Outcome, list[Request]]:
            """The article, its related links and the end of its frontier entry: all or nothing."""
            nonlocal candidate
            later = frontier.updated_of(self.plan.store.db, key) if key is not None else None
            if later and (candidate.updated is None or later > candidate.updated):
                candidate = replace(candidate, updated=later)  # named again with a date while it was fetched
            item = FetchedArticle(
                requested_url=(response.meta.get("redirect_urls") or [response.url])[0],
                final_url=response.url,
                candidate=candidate,
                extracted=extracted,
                etag=_header(response, b"ETag"),
                last_modified=_header(response, b"Last-Modified"),
                seed_of=self.plan.seeds.get(normalize_url(candidate.url), ()) if candidate.via == "seed" else (),
                band_keys=outcome.band_keys,
                features=outcome.features,
            )
            result = self.plan.processor.process(item)
            requests: list[Request] = []
            if result.in_story and self._follows_related(candidate):
                for link in extracted.related_links:
                    related = Candidate(url=link, source=self._source_for(link), via="related")
                    requests += self._consider(related, listing=response.url)
            if key is not None:
                frontier.done(self.plan.store.db, key)
            return result, requests

        try:
            # Stored with the articles that finish about the same time, in one transaction (crawler.store_batch);
            # a page that failed before is stored alone.
            result, requests = await self._batch.store(key, store, alone=bool(response.meta.get("failed_before")))
        except Exception:  # one bad article must not end the crawl; its writes were rolled back
            logger.exception("could not store %s", response.url)
            stats.error(source, "store")
            self._settle(key, "store")
            return
        self._stored.add(result.article_id)
        for request in requests:
            yield request

    def _not_an_article(self, candidate: Candidate, url: str, outcome: WorkerResult,
                        key: str | None) -> list[Request]:
        """A listing: counted, never stored; its article links are candidates, one step from where it was found.

        Its links enter the frontier in the transaction that ends its own entry: a kill loses neither."""
        assert outcome.verdict is not None
        self.stats_.not_article(candidate.source, outcome.verdict.kind)
        logger.debug("%(source)s: not an article, %(verdict)s: %(url)s",
                     {"source": candidate.source, "verdict": outcome.verdict.describe(), "url": url})
        requests: list[Request] = []
        with self.plan.store.transaction():
            # A listing found on a listing: its links wait for a feed, sitemap or section to name them.
            if candidate.via != "listing":
                for link in outcome.links:
                    if self.plan.allow.allows(link.url):
                        requests += self._consider(link, listing=url)
            if key is not None:
                frontier.done(self.plan.store.db, key)
        return requests

    def _drop_patterns(self, source: str) -> tuple[str, ...]:
        src = self._sources.get(source)
        return src.drop_patterns if src else ()

    # -- errors -----------------------------------------------------------------------------------------
    def on_error(self, failure: Failure) -> list[Request]:
        request = getattr(failure, "request", None)
        meta = request.meta if request is not None else {}
        source = meta.get("source", "?")
        self._request_done(meta)
        reason, is_error = classify_failure(failure)
        url = request.url if request is not None else "?"
        if is_error:
            self.stats_.error(source, reason)
            logger.warning("%(source)s: %(reason)s at %(url)s", {"source": source, "reason": reason, "url": url})
        else:
            self.stats_.drop(reason)
            logger.debug("%(source)s: skipped (%(reason)s) %(url)s", {"source": source, "reason": reason, "url": url})
        self._settle(meta.get("frontier_key"), reason)
        return self._refill()


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
