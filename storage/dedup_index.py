"""The LSH band index of article texts in `article_bands`: which stored articles may be near-copies of a new one.

A lookup is one indexed point query per band on the table's primary key (band, bucket, article_id), so its cost
grows with the logarithm of the store, never with a scan. The functions run inside the caller's transaction and
do not commit.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

LOOKUP_SQL = "SELECT article_id FROM article_bands WHERE band = ? AND bucket = ?"


def index_article(db: Database, article_id: int, keys: Iterable[tuple[int, int]]) -> None:
    """Record an article's (band, bucket) keys."""
    db.conn.executemany(
        "INSERT OR IGNORE INTO article_bands (band, bucket, article_id) VALUES (?, ?, ?)",
        [(band, bucket, article_id) for band, bucket in keys],
    )


def unindex_article(db: Database, article_id: int) -> None:
    """Forget an article's keys (before indexing its changed text)."""
    db.execute("DELETE FROM article_bands WHERE article_id = ?", [article_id])


def candidate_ids(db: Database, keys: Iterable[tuple[int, int]]) -> set[int]:
    """Ids of stored articles that share at least one (band, bucket) key: candidates to verify exactly."""
    out: set[int] = set()
    for band, bucket in keys:
        for (article_id,) in db.execute(LOOKUP_SQL, [band, bucket]):
            out.add(int(article_id))
    return out
