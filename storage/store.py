"""Reads and writes of articles, versions, story membership and runs: every SQL statement of the crawl."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

ARTICLE_FIELDS = (
    "url", "canonical_url", "source", "site_name", "title", "author", "published", "language", "agency", "text",
    "content_hash", "fetched_at", "signal", "etag", "last_modified",
)


def utcnow() -> str:
    """Now as ISO 8601 text in UTC, the form every time in the database takes."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@contextmanager
def atomic(db: Database) -> Iterator[Database]:
    """`db.atomic()` (a transaction, or inside one a savepoint: rolled back alone when the block raises), with its
    savepoints named by their depth (sw_1, sw_2, ...) instead of sixteen random bytes each: SQLite's statement cache
    then prepares each savepoint statement once, not once per use (three per stored article)."""
    conn = db.conn
    if not conn.in_transaction:
        with db.atomic():
            yield db
        return
    depth = getattr(db, "_storywatch_savepoints", 0) + 1
    name = f"sw_{depth}"
    conn.execute(f"SAVEPOINT {name}")
    db._storywatch_savepoints = depth  # type: ignore[attr-defined]
    try:
        yield db
    except BaseException:
        if conn.in_transaction:  # an error can end the whole transaction, savepoints included
            conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
            conn.execute(f"RELEASE SAVEPOINT {name}")
        raise
    else:
        conn.execute(f"RELEASE SAVEPOINT {name}")
    finally:
        db._storywatch_savepoints = depth - 1  # type: ignore[attr-defined]


class Store:
    """The crawl's view of the database. Writes join the caller's `transaction()`."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with atomic(self.db):
            yield

    # -- runs ---------------------------------------------------------------------------------------------
    def start_run(self, story: str | None, pid: int) -> int:
        cur = self.db.execute(
            "INSERT INTO runs (started_at, status, story, pid, stats) VALUES (?, 'running', ?, ?, '{}')",
            [utcnow(), story, pid],
        )
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, status: str, stats: Mapping[str, Any]) -> None:
        self.db.execute(
            "UPDATE runs SET finished_at = ?, status = ?, stats = ? WHERE id = ?",
            [utcnow(), status, json.dumps(stats, sort_keys=True, ensure_ascii=False), run_id],
        )

    def mark_abandoned_runs(self) -> int:
        """Runs left 'running' by a crawl that was killed: mark them so, since the lock proves none is alive."""
        cur = self.db.execute(
            "UPDATE runs SET status = 'interrupted', finished_at = COALESCE(finished_at, ?) WHERE status = 'running'",
            [utcnow()],
        )
        return cur.rowcount

    # -- conditional GET validators for feeds, sitemaps and sections ----------------------------------------
    def validators(self, url: str) -> tuple[str | None, str | None]:
        row = self.db.execute("SELECT etag, last_modified FROM http_validators WHERE url = ?", [url]).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def save_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        self.db.execute(
            "INSERT INTO http_validators (url, etag, last_modified, checked_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, "
            "checked_at = excluded.checked_at",
            [url, etag, last_modified, utcnow()],
        )

    # -- articles ---------------------------------------------------------------------------------------
    def article_id_for(self, urls: Iterable[str]) -> int | None:
        """The article stored under any of these normalised URLs (variants and canonical URLs alike)."""
        for url in urls:
            row = self.db.execute("SELECT article_id FROM article_urls WHERE url = ?", [url]).fetchone()
            if row:
                return int(row[0])
        return None

    def article(self, article_id: int) -> dict[str, Any] | None:
        cur = self.db.execute("SELECT * FROM articles WHERE id = ?", [article_id])
        row = cur.fetchone()
        if row is None:
            return None
        return dict(zip([d[0] for d in cur.description], row))

    def article_signal(self, article_id: int) -> str | None:
        row = self.db.execute("SELECT signal FROM articles WHERE id = ?", [article_id]).fetchone()
        return row[0] if row else None

    def insert_article(self, fields: Mapping[str, Any], now: str) -> int:
        values = {k: fields.get(k) for k in ARTICLE_FIELDS}
        values.update(first_seen=now, last_seen=now, version=1)
        cols = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        cur = self.db.execute(f"INSERT INTO articles ({cols}) VALUES ({marks})", list(values.values()))
        return int(cur.lastrowid or 0)

    def add_urls(self, article_id: int, urls: Iterable[str]) -> None:
        for url in set(urls):
            self.db.execute(
                "INSERT OR IGNORE INTO article_urls (url, article_id) VALUES (?, ?)", [url, article_id]
            )

    def new_version(self, article_id: int, fields: Mapping[str, Any], now: str) -> int:
        """Keep the stored text as an earlier version and store the new one; returns the new version number."""
        old = self.article(article_id)
        if old is None:
            raise KeyError(article_id)
        self.db.execute(
            "INSERT OR REPLACE INTO article_versions (article_id, version, fetched_at, title, text, content_hash) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [article_id, old["version"], old["fetched_at"] or old["last_seen"], old["title"], old["text"],
             old["content_hash"]],
        )
        version = int(old["version"]) + 1
        updates = {k: fields.get(k, old[k]) for k in ARTICLE_FIELDS if k not in ("url", "canonical_url")}
        updates["published"] = fields.get("published") or old["published"]
        updates.update(version=version, last_seen=now)
        sets = ", ".join(f"{k} = ?" for k in updates)
        self.db.execute(f"UPDATE articles SET {sets} WHERE id = ?", [*updates.values(), article_id])
        return version

    def touch(self, article_id: int, now: str, *, signal: str | None = None,
              etag: str | None = None, last_modified: str | None = None) -> None:
        """Seen again unchanged: move last_seen (and the change signal and validators, when given)."""
        self.db.execute(
            "UPDATE articles SET last_seen = ?, signal = COALESCE(?, signal), etag = COALESCE(?, etag), "
            "last_modified = COALESCE(?, last_modified) WHERE id = ?",
            [now, signal, etag, last_modified, article_id],
        )

    def young_story_articles(self, since: str) -> list[dict[str, Any]]:
        """Story articles first seen after `since`, with their validators, for conditional revisits."""
        cur = self.db.execute(
            "SELECT DISTINCT a.id, a.url, a.canonical_url, a.source, a.etag, a.last_modified FROM articles a "
            "JOIN story_articles sa ON sa.article_id = a.id WHERE a.first_seen >= ? AND sa.status != 'duplicate'",
            [since],
        )
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]

    # -- story membership --------------------------------------------------------------------------------
    def membership(self, story: str, article_id: int) -> dict[str, Any] | None:
        cur = self.db.execute(
            "SELECT * FROM story_articles WHERE story = ? AND article_id = ?", [story, article_id]
        )
        row = cur.fetchone()
        return dict(zip([d[0] for d in cur.description], row)) if row else None

    def set_membership(
        self,
        story: str,
        article_id: int,
        *,
        status: str,
        score: float | None,
        run_id: int,
        now: str,
        duplicate_of: int | None = None,
        reason: Mapping[str, Any] | None = None,
        new_sentences: list[str] | None = None,
    ) -> None:
        self.db.execute(
            "INSERT INTO story_articles (story, article_id, status, duplicate_of, score, reason, new_sentences, "
            "first_seen, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(story, article_id) DO UPDATE SET status = excluded.status, "
            "duplicate_of = excluded.duplicate_of, score = excluded.score, reason = excluded.reason, "
            "new_sentences = excluded.new_sentences",
            [
                story, article_id, status, duplicate_of, score,
                json.dumps(reason, ensure_ascii=False, sort_keys=True) if reason is not None else None,
                "\n".join(new_sentences) if new_sentences is not None else None,
                now, run_id,
            ],
        )

    # -- candidates: query-matching pages waiting for (or below) the end-of-run decision ------------------
    def set_candidate(self, story: str, article_id: int, *, similarity: float, run_id: int, now: str,
                      matched_terms: list[str] | None = None) -> None:
        """A page matched the story's query (again): it waits for the decision at the end of the run."""
        self.db.execute(
            "INSERT INTO story_candidates (story, article_id, similarity, first_seen, run_id, matched_terms) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(story, article_id) DO UPDATE SET similarity = excluded.similarity, "
            "run_id = excluded.run_id, matched_terms = excluded.matched_terms",
            [story, article_id, similarity, now, run_id,
             json.dumps(matched_terms, ensure_ascii=False) if matched_terms is not None else None],
        )

    def candidate_decided(self, story: str, article_id: int, *, score: float, similarity: float,
                          reason: Mapping[str, Any], now: str, run_id: int | None = None) -> None:
        """A candidate stays out of the story (or was put back among the candidates): its own similarity, its
        store-aware score and why. Created when missing (an article that left the story)."""
        self.db.execute(
            "INSERT INTO story_candidates (story, article_id, similarity, score, reason, first_seen, run_id, "
            "decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(story, article_id) DO UPDATE SET "
            "similarity = excluded.similarity, score = excluded.score, reason = excluded.reason, "
            "decided_at = excluded.decided_at",
            [story, article_id, similarity, score, json.dumps(reason, ensure_ascii=False, sort_keys=True), now,
             run_id, now],
        )

    def drop_candidate(self, story: str, article_id: int) -> None:
        self.db.execute("DELETE FROM story_candidates WHERE story = ? AND article_id = ?", [story, article_id])

    def checkpoint(self) -> None:
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
