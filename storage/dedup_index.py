"""The LSH band index of article texts in `article_bands`: which stored articles may be near-copies of a new one.

A lookup is one indexed point query per band on the table's primary key (band, bucket, article_id), so its cost
grows with the logarithm of the store, never with a scan. The functions run inside the caller's transaction and
do not commit.

The crawl stages an article's keys (`stage_article`) instead of writing them into the index: its 32 keys are random,
so each article changed 32 scattered pages of the index, and every commit wrote each of them into the log again (at
5000 stored articles the key rows were 0.38 ms of every article's store and most of the pages its commit wrote).
Staged rows are appended in the order stored, a few pages a commit, and merged into the index in key order in one
statement (`merge_staged`) at the end of the crawl and before any decision reads the index, so that each page of
the index is written once per merge. Staged rows are committed with their article: a run that dies leaves them for
the next merge, nothing is lost. `candidate_ids` and `unindex_article` see both tables.
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


def stage_article(db: Database, article_id: int, keys: Iterable[tuple[int, int]]) -> None:
    """Record an article's (band, bucket) keys for the next `merge_staged`."""
    db.conn.executemany(
        "INSERT INTO article_bands_staged (band, bucket, article_id) VALUES (?, ?, ?)",
        [(band, bucket, article_id) for band, bucket in keys],
    )


def merge_staged(db: Database) -> int:
    """Move the staged keys into the index, in key order; how many rows were staged."""
    (staged,) = db.execute("SELECT count(*) FROM article_bands_staged").fetchone()
    if staged:
        db.execute("INSERT OR IGNORE INTO article_bands (band, bucket, article_id) "
                   "SELECT band, bucket, article_id FROM article_bands_staged ORDER BY band, bucket, article_id")
        db.execute("DELETE FROM article_bands_staged")
    return int(staged)


def unindex_article(db: Database, article_id: int) -> None:
    """Forget an article's keys, staged or not (before indexing its changed text)."""
    db.execute("DELETE FROM article_bands WHERE article_id = ?", [article_id])
    db.execute("DELETE FROM article_bands_staged WHERE article_id = ?", [article_id])


def candidate_ids(db: Database, keys: Iterable[tuple[int, int]]) -> set[int]:
    """Ids of stored articles that share at least one (band, bucket) key, staged or not: candidates to verify
    exactly."""
    keys = list(keys)
    out: set[int] = set()
    for band, bucket in keys:
        for (article_id,) in db.execute(LOOKUP_SQL, [band, bucket]):
            out.add(int(article_id))
    if keys and db.execute("SELECT 1 FROM article_bands_staged LIMIT 1").fetchone():  # one pass over the staged rows
        wanted = set(keys)
        for band, bucket, article_id in db.execute("SELECT band, bucket, article_id FROM article_bands_staged"):
            if (band, bucket) in wanted:
                out.add(int(article_id))
    return out


def key_version(db: Database) -> int | None:
    """The definition the stored keys were computed with; None when not recorded (keys older than the record)."""
    row = db.execute("SELECT version FROM index_versions WHERE name = 'article_bands'").fetchone()
    return int(row[0]) if row else None


def set_key_version(db: Database, version: int) -> None:
    db.execute("INSERT INTO index_versions (name, version) VALUES ('article_bands', ?) "
               "ON CONFLICT (name) DO UPDATE SET version = excluded.version", [version])


def forget_all(db: Database) -> None:
    """Every key, staged or not (before they are all computed again)."""
    db.execute("DELETE FROM article_bands")
    db.execute("DELETE FROM article_bands_staged")


def texts_after(db: Database, after: int, limit: int) -> list[tuple[int, str]]:
    """(id, text) of up to `limit` stored articles with a text, in id order, after id `after`."""
    return [(int(i), t) for i, t in db.execute(
        "SELECT id, text FROM articles WHERE id > ? AND text IS NOT NULL AND text != '' ORDER BY id LIMIT ?",
        [after, limit])]
