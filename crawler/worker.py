"""The work on one fetched page that runs in the worker processes (trafilatura is not safe across threads): parse it,
judge whether it is an article, then extract it, or harvest its article links when it is a listing."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace

from config.query import Query
from crawler import dedup
from crawler.discovery import section_links
from crawler.extract import (
    ExtractionError,
    ExtractOptions,
    decode_html,
    extract_page,
    parse_page,
    related_links,
)
from crawler.features import TextFeatures, text_features
from crawler.items import Candidate, Extracted
from crawler.page_type import PageHints, PageVerdict, judge_page
from crawler.textstats import words
from crawler.urls import host_of

logger = logging.getLogger(__name__)

MAX_LISTING_LINKS = 500


@dataclass(frozen=True)
class WorkerResult:
    extracted: Extracted | None = None
    # The text's LSH buckets (its shingles stay in the worker: the crawl process needs only the buckets, and a
    # set of 64-bit shingles was 7 KB of every result to pickle and unpickle, 0.1 ms a page in the crawl process).
    band_keys: tuple[tuple[int, int], ...] = ()
    error: str | None = None  # the ExtractionError reason, or 'crash'
    message: str | None = None
    verdict: PageVerdict | None = None  # article or listing, with the evidence
    links: tuple[Candidate, ...] = ()  # a listing's article links (via 'listing'), when it was not extracted
    features: TextFeatures | None = None  # of the text, when the caller gave the stories' queries


def extract_in_worker(body: bytes, content_type: str | None, url: str, options: ExtractOptions,
                      hints: PageHints | None = None, *, source: str = "", trusted: bool = False,
                      max_links: int = MAX_LISTING_LINKS, queries: Mapping[str, Query] | None = None,
                      fallback_title: str | None = None) -> WorkerResult:
    """Judge one page and, when it is an article (or `trusted`: a seed the user named), extract and fingerprint it;
    a listing comes back with its verdict and article links instead.  Failures come back as a reason (exceptions
    cross processes badly).

    The fingerprints, and with `queries` (story id -> query) the text's features (crawler.features; the title is
    the page's own, else `fallback_title`), are made here so that the CPU work runs in parallel workers, not in
    the crawl's main loop.
    """
    verdict = None
    try:
        tree = parse_page(_decode(body, content_type))
        # Hold a Python proxy of every element while the steps below walk the tree again and again: lxml.html makes
        # a new proxy (a Python-level class lookup) each time it hands out an element nobody holds; held, they are
        # reused (-7% CPU per page). The steps' results do not depend on it.
        elements = list(tree.iter())
        verdict = judge_page(tree, url, hints or PageHints())
        if not verdict.is_article and not trusted:
            links = section_links(tree, url, source, max_links=max_links, via="listing",
                                  is_allowed=lambda link: host_of(link) == host_of(url))
            return WorkerResult(verdict=verdict, links=tuple(links))
        # The related links are found last, and only for a page the crawl can follow them from: a seed, or a page
        # whose text some story's query matched (no other page joins a story in this run). The extraction leaves
        # the tree as it was (trafilatura works on a copy of a tree it is given), so they are the same links.
        extracted = extract_page(tree, url, replace(options, related_links=False))
        tokens = words(extracted.text)
        keys = tuple(dedup.text_keys(extracted.text, tokens))
        features = None
        if queries is not None:
            features = text_features(extracted.title or fallback_title or "", extracted.text, extracted.paragraphs,
                                     queries, text_words=tokens)
        if options.related_links and (trusted or features is None or features.matched):
            extracted = replace(extracted, related_links=related_links(tree, url))
        del elements
        return WorkerResult(extracted=extracted, band_keys=keys, verdict=verdict,
                            features=features)
    except ExtractionError as exc:
        return WorkerResult(error=getattr(exc, "reason", "failed"), message=str(exc), verdict=verdict)
    except Exception as exc:  # a page that breaks the extractor must not break the crawl
        logger.exception("extraction crashed on %s", url)
        return WorkerResult(error="crash", message=f"{type(exc).__name__}: {exc}", verdict=verdict)


def _decode(body: bytes, content_type: str | None) -> str:
    declared = None
    if content_type and "charset=" in content_type:
        declared = content_type.split("charset=", 1)[1].split(";")[0].strip().strip("\"'") or None
    return decode_html(body, declared)
