"""Retries that honour `Retry-After`: a 429 or 503 that names a wait is retried after it, never after more than a cap.

Scrapy's RetryMiddleware retries at once; a server that asked for a pause gets the same request straight back and
answers 429 again. This middleware replaces it: the same retry rules (RETRY_TIMES, RETRY_HTTP_CODES), plus the
wait, capped by STORYWATCH_RETRY_AFTER_MAX so that a hostile or careless `Retry-After: 86400` cannot hang a cron job.
"""

from __future__ import annotations

import logging
import time
from email.utils import parsedate_to_datetime

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.response import response_status_message
from twisted.internet import task

logger = logging.getLogger(__name__)

#: Statuses whose Retry-After is honoured (RFC 9110 §10.2.3 names 503 and 3xx; RFC 6585 adds 429).
RETRY_AFTER_STATUSES = frozenset({429, 503})


def retry_after_seconds(value: str | bytes | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After value (delta-seconds or an HTTP date); None when absent or unreadable."""
    if value is None:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        return float(int(text))
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None or when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def capped_wait(value: str | bytes | None, cap: float) -> float:
    """The wait before a retry: the server's Retry-After, at most `cap`, 0 without one."""
    seconds = retry_after_seconds(value)
    return 0.0 if seconds is None else min(seconds, max(cap, 0.0))


class RetryAfterMiddleware(RetryMiddleware):
    """Scrapy's retries, waiting first as long as a 429/503 `Retry-After` asks (capped); counts retries per source."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler.settings)
        self.crawler = crawler
        self.cap = crawler.settings.getfloat("STORYWATCH_RETRY_AFTER_MAX", 30.0)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        return cls(crawler)

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response  # retries used up: the status reaches the errback as an HttpError
        self._count(request, f"http_{response.status}")
        if response.status in RETRY_AFTER_STATUSES:
            wait = capped_wait(response.headers.get(b"Retry-After"), self.cap)
            if wait > 0:
                logger.info("%(url)s answered %(status)s: retrying after %(wait).1f s",
                            {"url": request.url, "status": response.status, "wait": wait})
                # Imported here: the reactor Scrapy installed (a module-level import could install another).
                from twisted.internet import reactor

                await maybe_deferred_to_future(task.deferLater(reactor, wait))
        return retry

    def process_exception(  # type: ignore[override]
        self, request: Request, exception: Exception, spider: Spider | None = None
    ) -> Request | Response | None:
        retry = super().process_exception(request, exception)
        if isinstance(retry, Request):
            from crawler.failures import reason_for_exception

            self._count(request, reason_for_exception(exception))
        return retry

    def _count(self, request: Request, reason: str) -> None:
        """A retried fault, counted per source in the run's stats (`retries_by_source`)."""
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"storywatch/retry/{reason}")
        plan = getattr(self.crawler.spider, "plan", None)  # None for a spider that is not ours
        if plan is not None:
            plan.stats.retried(request.meta.get("source", "?"), reason)
