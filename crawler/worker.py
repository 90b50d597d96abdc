"""The extraction call that runs in the worker processes (trafilatura is not safe across threads)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from crawler import dedup
from crawler.extract import ExtractionError, ExtractOptions, decode_html, extract_page
from crawler.items import Extracted

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class WorkerResult:
    extracted: Extracted | None = None
    shingles: frozenset[int] = frozenset()  # of the text, for near-duplicate checks
    band_keys: tuple[tuple[int, int], ...] = ()  # the text's LSH buckets
    error: str | None = None  # the ExtractionError reason, or 'crash'
    message: str | None = None


def extract_in_worker(body: bytes, content_type: str | None, url: str, options: ExtractOptions) -> WorkerResult:
    """Extract one page and fingerprint its text; failures come back as a reason (exceptions cross processes badly).

    The fingerprints are made here so that the CPU work runs in parallel workers, not in the crawl's main loop.
    """
    try:
        extracted = extract_page(_decode(body, content_type), url, options)
        shingles = dedup.shingles(extracted.text)
        keys = tuple(dedup.band_keys(dedup.signature(shingles)))
        return WorkerResult(extracted=extracted, shingles=shingles, band_keys=keys)
    except ExtractionError as exc:
        return WorkerResult(error=getattr(exc, "reason", "failed"), message=str(exc))
    except Exception as exc:  # a page that breaks the extractor must not break the crawl
        logger.exception("extraction crashed on %s", url)
        return WorkerResult(error="crash", message=f"{type(exc).__name__}: {exc}")


def _decode(body: bytes, content_type: str | None) -> str:
    declared = None
    if content_type and "charset=" in content_type:
        declared = content_type.split("charset=", 1)[1].split(";")[0].strip().strip("\"'") or None
    return decode_html(body, declared)
