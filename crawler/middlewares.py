"""Downloader middlewares: the host allow-list, a redirect guard (offsite targets, loops), robots.txt Crawl-delay and
Scrapy's meta refresh without decoding every page."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urljoin

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response
from scrapy.utils.httpobj import urlparse_cached

from crawler.urls import HostAllowList, normalize_url

logger = logging.getLogger(__name__)


class HostAllowListMiddleware:
    """Drop every request, redirects included, to a host that no configured URL names."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> HostAllowListMiddleware:
        return cls(crawler)

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        if request.url.endswith("/robots.txt"):
            return  # robots.txt of an allowed host is asked for by Scrapy itself
        allow = _allow_list(self.crawler)
        if allow is not None and not allow.allows(request.url):
            logger.info("not a configured host, not fetched: %s", request.url)
            if request.meta.get("redirect_urls"):
                raise IgnoreRequest(f"offsite redirect: {request.meta['redirect_urls'][0]} -> {request.url}")
            raise IgnoreRequest(f"offsite: {request.url}")


class RedirectGuardMiddleware:
    """Refuse a redirect before it becomes a request: to a host that is not configured, or back into its own chain.

    Runs before Scrapy's RedirectMiddleware. A loop A -> B -> A would otherwise end silently in the duplicate
    filter, with no reason counted; an offsite target would be scheduled only to be dropped later.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedirectGuardMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response, spider: Spider | None = None) -> Response:
        location = response.headers.get(b"Location")
        if not 300 <= response.status < 400 or not location or request.meta.get("dont_redirect"):
            return response
        target = urljoin(request.url, location.decode("latin-1").strip())
        allow = _allow_list(self.crawler)
        if allow is not None and not allow.allows(target):
            logger.info("redirect to a host that is not configured, not followed: %s -> %s", request.url, target)
            raise IgnoreRequest(f"offsite redirect: {request.url} -> {target}")
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if normalize_url(target) in {normalize_url(u) for u in chain}:
            raise IgnoreRequest(f"redirect loop: {' -> '.join([*chain, target])}")
        return response


# Scrapy reads a refresh in the first 4096 characters of the page; a character is at most 4 bytes in UTF-8.
META_REFRESH_SCAN_BYTES = 4 * 4096


class ByteScanMetaRefreshMiddleware(MetaRefreshMiddleware):
    """Scrapy's MetaRefreshMiddleware, but a page whose first bytes cannot hold a refresh is passed on undecoded.

    Scrapy looks for the refresh in `response.text[:4096]`, and `response.text` decodes the whole body first: 100 KB
    of an article page, about 0.2 ms of the crawl's main process for every page, which never reads the text itself
    (the extraction workers decode it). Without the bytes 'refresh' (in any case) there is no refresh to find, in
    any encoding that writes ASCII letters as ASCII bytes; a head with NUL bytes (UTF-16, UTF-32) is left to Scrapy.
    """

    def process_response(self, request: Request, response: Response,  # type: ignore[override]
                         spider: Spider | None = None) -> Request | Response:
        head = response.body[:META_REFRESH_SCAN_BYTES]
        if b"\x00" not in head and b"refresh" not in head.lower():
            return response
        return super().process_response(request, response)


def _allow_list(crawler: Crawler) -> HostAllowList | None:
    plan = getattr(crawler.spider, "plan", None)
    return plan.allow if plan is not None else None


class CrawlDelayMiddleware:
    """Apply robots.txt `Crawl-delay` to the host's download slot (Scrapy parses it but does not apply it)."""

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.getbool("ROBOTSTXT_OBEY"):
            raise NotConfigured
        self.crawler = crawler
        self.user_agent = crawler.settings.get("USER_AGENT")
        self._applied: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlDelayMiddleware:
        return cls(crawler)

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        netloc = urlparse_cached(request).netloc
        if netloc in self._applied:
            return
        parser = self._robots_parser(netloc)
        if parser is None:
            return
        self._applied.add(netloc)
        delay = _crawl_delay(parser, self.user_agent)
        if not delay:
            return
        downloader = self.crawler.engine.downloader if self.crawler.engine else None
        if downloader is None:
            return
        key = downloader.get_slot_key(request)
        slot = downloader.slots.get(key)
        if slot is not None and slot.delay < delay:
            slot.delay = delay
            logger.info("robots.txt Crawl-delay %(d)s s for %(host)s", {"d": delay, "host": netloc})
        else:
            self._applied.discard(netloc)  # no slot yet: try again on the next request

    def _robots_parser(self, netloc: str) -> Any:
        engine = self.crawler.engine
        if engine is None:
            return None
        for mw in engine.downloader.middleware.middlewares:
            parsers = getattr(mw, "_parsers", None)
            if isinstance(parsers, dict):
                parser = parsers.get(netloc)
                return parser if parser is not None and hasattr(parser, "allowed") else None
        return None


def _crawl_delay(parser: Any, user_agent: str) -> float | None:
    rp = getattr(parser, "rp", None)
    if rp is None or not hasattr(rp, "crawl_delay"):
        return None
    try:
        delay = rp.crawl_delay(user_agent)
    except (TypeError, ValueError, AttributeError):  # a malformed robots.txt line
        return None
    return float(delay) if delay else None
