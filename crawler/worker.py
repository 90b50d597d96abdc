"""The extraction call that runs in the worker processes (trafilatura is not safe across threads)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from crawler.extract import ExtractionError, ExtractOptions, extract_page
from crawler.items import Extracted

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class WorkerResult:
    extracted: Extracted | None = None
    error: str | None = None  # the ExtractionError reason, or 'crash'
    message: str | None = None


def extract_in_worker(body: bytes, content_type: str | None, url: str, options: ExtractOptions) -> WorkerResult:
    """Extract one page; every failure comes back as a reason (exceptions do not cross processes well)."""
    try:
        return WorkerResult(extracted=extract_page(_decode(body, content_type), url, options))
    except ExtractionError as exc:
        return WorkerResult(error=getattr(exc, "reason", "failed"), message=str(exc))
    except Exception as exc:  # a page that breaks the extractor must not break the crawl
        logger.exception("extraction crashed on %s", url)
        return WorkerResult(error="crash", message=f"{type(exc).__name__}: {exc}")


def _decode(body: bytes, content_type: str | None) -> str:
    from crawler.extract import decode_html

    declared = None
    if content_type and "charset=" in content_type:
        declared = content_type.split("charset=", 1)[1].split(";")[0].strip().strip("\"'") or None
    return decode_html(body, declared)
