"""Per-site learned boilerplate: paragraph hashes counted over the distinct articles of a site.

A paragraph that recurs in several different articles of one site is template (a newsletter box, a standard
disclaimer), not content.  The counts live in the `boilerplate` table, so what was learned grows across runs
and applies from the next page on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

from sqlite_utils import Database

logger = logging.getLogger(__name__)

MIN_ARTICLES = 3
SAMPLE_CHARS = 300


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def site_of(host: str) -> str:
    """The site key of a host name: lower case, without 'www.' and port."""
    return host.lower().split(":")[0].removeprefix("www.")


def learned_hashes(db: Database, site: str, min_articles: int = MIN_ARTICLES) -> frozenset[str]:
    """Hashes of the paragraphs seen in at least `min_articles` different articles of `site`."""
    rows = db.execute("SELECT hash FROM boilerplate WHERE site = ? AND articles >= ?",
                      [site_of(site), min_articles]).fetchall()
    return frozenset(row[0] for row in rows)


def record_paragraphs(db: Database, site: str, paragraph_hashes: Iterable[str],
                      samples: Mapping[str, str] | None = None) -> None:
    """Count one more article for each distinct paragraph hash (call once per new article of the site)."""
    now = _now()
    key = site_of(site)
    rows = [(key, h, (samples or {}).get(h, "")[:SAMPLE_CHARS] or None, now, now) for h in dict.fromkeys(paragraph_hashes)]
    if not rows:
        return
    with db.atomic():
        db.conn.executemany(
            """
            INSERT INTO boilerplate (site, hash, articles, sample, first_seen, last_seen)
            VALUES (?, ?, 1, ?, ?, ?)
            ON CONFLICT (site, hash) DO UPDATE SET articles = articles + 1, last_seen = excluded.last_seen,
                sample = COALESCE(boilerplate.sample, excluded.sample)
            """,
            rows,
        )
    logger.debug("boilerplate: %d paragraphs counted for %s", len(rows), key)
