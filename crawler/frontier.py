"""Between discovery and the durable frontier (storage.frontier): candidates in, candidates out, the retry policy."""

from __future__ import annotations

from datetime import timedelta

from config.model import CrawlSettings
from crawler.items import Candidate
from storage.frontier import Entry, RetryPolicy


def entry_for(candidate: Candidate, key: str, listing: str | None) -> Entry:
    """The frontier row of a candidate: keyed by its normalised URL, with every hint discovery gave."""
    return Entry(url=key, fetch_url=candidate.url, source=candidate.source, via=candidate.via, listing=listing,
                 title=candidate.title, summary=candidate.summary, published=candidate.published,
                 updated=candidate.updated)


def candidate_of(entry: Entry) -> Candidate:
    """The candidate again, as discovery made it (a later run fetches it with the same hints and change signal)."""
    return Candidate(url=entry.fetch_url, source=entry.source, via=entry.via, title=entry.title,
                     summary=entry.summary, published=entry.published, updated=entry.updated)


def retry_policy(crawl: CrawlSettings) -> RetryPolicy:
    """The `[crawl] frontier_retry_minutes` and `frontier_max_attempts` settings as the frontier's retry policy."""
    return RetryPolicy(first_wait=timedelta(minutes=crawl.frontier_retry_minutes),
                       max_attempts=crawl.frontier_max_attempts)
