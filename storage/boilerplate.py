"""Per-site learned boilerplate: paragraph hashes counted over the distinct articles of a site.

A paragraph that recurs in several different articles of one site is template (a newsletter box, a standard
disclaimer), not content, when its shape and place say so too (crawler/site_boilerplate.py judges that).  The
counts live in the `boilerplate` table, so what was learned grows across runs and applies from the next page on;
`learned_at` records when a line reached MIN_ARTICLES, and `boilerplate_sites.recleaned_at` when a site's stored
texts were last cleaned of what it had learned.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from storage.store import atomic

logger = logging.getLogger(__name__)

# A line seen in this many different articles of a site is learned.  Two suffice because the line's shape and
# place must say "furniture" too before it is removed (crawler/site_boilerplate.py).
MIN_ARTICLES = 2
SAMPLE_CHARS = 300


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def site_of(host: str) -> str:
    """The site key of a host name: lower case, without 'www.' and port."""
    return host.lower().split(":")[0].removeprefix("www.")


def learned_hashes(db: Database, site: str, min_articles: int = MIN_ARTICLES) -> frozenset[str]:
    """Hashes of the paragraphs seen in at least `min_articles` different articles of `site`."""
    if min_articles == MIN_ARTICLES:  # exactly the lines with a learned_at: read through their partial index
        rows = db.execute("SELECT hash FROM boilerplate INDEXED BY boilerplate_learned "
                          "WHERE site = ? AND learned_at IS NOT NULL",
                          [site_of(site)]).fetchall()
    else:
        rows = db.execute("SELECT hash FROM boilerplate WHERE site = ? AND articles >= ?",
                          [site_of(site), min_articles]).fetchall()
    return frozenset(row[0] for row in rows)


def record_paragraphs(db: Database, site: str, paragraph_hashes: Iterable[str],
                      samples: Mapping[str, str] | None = None, *, article_id: int | None = None) -> None:
    """Count one more article for each distinct paragraph hash (call once per new article of the site).

    With the article's id, what the end-of-crawl re-clean must read is noted in `reclean_pending`: this article when
    one of its lines is learned (its worker had not learned it yet, or the line may not go where it stands), and the
    article that first had a line this one makes learned. With MIN_ARTICLES = 2 that one is the only article that
    held the line before it was learned. Without the id (and for lines first counted before ids were kept) a site
    that learns one of those lines is read whole at the re-clean."""
    now = _now()
    key = site_of(site)
    rows = [(key, h, now, now, article_id, (samples or {}).get(h, "")[:SAMPLE_CHARS] or None, now)
            for h in dict.fromkeys(paragraph_hashes)]
    if not rows:
        return
    # The sample is kept from the second article on: most of a site's paragraphs are seen once (they are its
    # articles' own text), and a sample of each would store every text a second time. Stores written before keep
    # their samples of lines seen once: clearing them would rewrite the whole table (on 1.5 million rows, a 650 MB
    # write-ahead log) and give no space back to the file system without a VACUUM.
    with atomic(db):
        db.conn.executemany(
            f"""
            INSERT INTO boilerplate (site, hash, articles, sample, first_seen, last_seen, first_article)
            VALUES (?, ?, 1, NULL, ?, ?, ?)
            ON CONFLICT (site, hash) DO UPDATE SET articles = articles + 1, last_seen = excluded.last_seen,
                sample = COALESCE(boilerplate.sample, ?),
                learned_at = CASE WHEN boilerplate.learned_at IS NULL AND boilerplate.articles + 1 >= {MIN_ARTICLES}
                                  THEN ? ELSE boilerplate.learned_at END
            """,
            rows,
        )
        if article_id is not None:
            pending: set[int] = set()
            for start in range(0, len(rows), 500):
                hashes = [row[1] for row in rows[start:start + 500]]
                for articles, first_article in db.execute(
                        "SELECT articles, first_article FROM boilerplate INDEXED BY boilerplate_learned "
                        f"WHERE site = ? AND learned_at IS NOT NULL AND hash IN ({','.join('?' * len(hashes))})",
                        [key, *hashes]):
                    pending.add(article_id)
                    if articles == MIN_ARTICLES and first_article is not None and first_article != article_id:
                        pending.add(first_article)
            mark_pending(db, pending)
    logger.debug("boilerplate: %d paragraphs counted for %s", len(rows), key)


def mark_pending(db: Database, article_ids: Iterable[int]) -> None:
    """These stored articles may hold learned lines: the next re-clean reads them."""
    db.conn.executemany("INSERT OR IGNORE INTO reclean_pending (article_id) VALUES (?)", [(a,) for a in article_ids])


def sites_to_read_whole(db: Database) -> list[str]:
    """Sites that learned, since their last re-clean, a line whose first article is not known: all their stored
    articles are read (lines counted without an article id, or before ids were kept)."""
    return sites_to_reclean(db, first_article_unknown=True)


def pending_articles(db: Database, *, after: int = 0, limit: int = -1) -> list[dict[str, Any]]:
    """id, text, site name and canonical URL of the articles noted in `reclean_pending`, in id order: those after
    id `after`, at most `limit` of them."""
    cur = db.execute("SELECT a.id, a.text, a.site_name, a.canonical_url FROM reclean_pending p "
                     "JOIN articles a ON a.id = p.article_id WHERE p.article_id > ? AND a.text IS NOT NULL "
                     "ORDER BY p.article_id LIMIT ?", [after, limit])
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row)) for row in cur]


def clear_pending(db: Database) -> None:
    """Every noted article was read."""
    db.execute("DELETE FROM reclean_pending")


def sites_to_reclean(db: Database, *, first_article_unknown: bool = False) -> list[str]:
    """Sites that learned a line since their stored texts were last cleaned of learned lines (with
    `first_article_unknown`, only such lines whose first article is not known)."""
    rows = db.execute(
        "SELECT DISTINCT b.site FROM boilerplate b LEFT JOIN boilerplate_sites s ON s.site = b.site "
        "WHERE b.learned_at IS NOT NULL AND (s.recleaned_at IS NULL OR b.learned_at >= s.recleaned_at) "
        + ("AND b.first_article IS NULL " if first_article_unknown else "") + "ORDER BY b.site"
    ).fetchall()
    return [row[0] for row in rows]


def site_articles(db: Database, site: str, *, after: int = 0, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """id, text, site name and canonical URL of the stored articles of a site (any scheme, with or without www.), in
    id order: those after id `after`, at most `limit` of them."""
    key = site_of(site)
    patterns = [f"{scheme}://{www}{key}{end}*" for scheme in ("http", "https") for www in ("", "www.")
                for end in ("/", ":")]
    sql = ("SELECT id, text, site_name, canonical_url FROM articles WHERE id > ? AND text IS NOT NULL AND ("
           + " OR ".join("canonical_url GLOB ?" for _ in patterns) + ") ORDER BY id LIMIT ?")
    cur = db.execute(sql, [after, *patterns, -1 if limit is None else limit])
    cols = [d[0] for d in cur.description]
    for row in cur:
        yield dict(zip(cols, row))


def replace_text(db: Database, article_id: int, text: str, content_hash: str) -> None:
    """A stored article's text cleaned again: the same version, a new text and hash (the FTS triggers follow)."""
    db.execute("UPDATE articles SET text = ?, content_hash = ? WHERE id = ?", [text, content_hash, article_id])


def mark_recleaned(db: Database, site: str, when: str | None = None) -> None:
    """The site's stored texts are clean of everything it had learned up to `when` (default: now)."""
    db.execute(
        "INSERT INTO boilerplate_sites (site, recleaned_at) VALUES (?, ?) "
        "ON CONFLICT (site) DO UPDATE SET recleaned_at = excluded.recleaned_at",
        [site_of(site), when or _now()],
    )
