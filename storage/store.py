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


class Store:
    """The crawl's view of the database. Writes join the caller's `transaction()`."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.db.atomic():
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

    def articles_brief(self, ids: Iterable[int]) -> list[dict[str, Any]]:
        """id, text, published, first_seen, source of some articles (dedup verification)."""
        out = []
        for article_id in ids:
            row = self.db.execute(
                "SELECT id, text, published, first_seen, source, title FROM articles WHERE id = ?", [article_id]
            ).fetchone()
            if row:
                out.append(dict(zip(("id", "text", "published", "first_seen", "source", "title"), row)))
        return out

    def ids_with_hash(self, content_hash: str) -> list[int]:
        rows = self.db.execute("SELECT id FROM articles WHERE content_hash = ? ORDER BY id", [content_hash])
        return [int(r[0]) for r in rows]

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
    def story_members(self, story: str) -> list[dict[str, Any]]:
        """Articles of a story with their texts, oldest first."""
        cur = self.db.execute(
            "SELECT sa.article_id, sa.status, sa.duplicate_of, a.published, sa.first_seen, a.title, a.text "
            "FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.story = ? "
            "ORDER BY COALESCE(a.published, sa.first_seen), a.id",
            [story],
        )
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]

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
    def set_candidate(self, story: str, article_id: int, *, similarity: float, run_id: int, now: str) -> None:
        """A page matched the story's query (again): it waits for the decision at the end of the run."""
        self.db.execute(
            "INSERT INTO story_candidates (story, article_id, similarity, first_seen, run_id) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(story, article_id) DO UPDATE SET similarity = excluded.similarity, run_id = excluded.run_id",
            [story, article_id, similarity, now, run_id],
        )

    def candidates(self, story: str) -> list[dict[str, Any]]:
        """A story's candidates with their articles, oldest first (those already in the story left out)."""
        cur = self.db.execute(
            "SELECT c.article_id, c.run_id, c.first_seen, a.title, a.text, a.published, a.canonical_url, "
            "a.content_hash FROM story_candidates c JOIN articles a ON a.id = c.article_id "
            "WHERE c.story = ? AND NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.story = c.story "
            "AND sa.article_id = c.article_id) ORDER BY c.first_seen, c.article_id",
            [story],
        )
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]

    def other_articles(self, story: str, limit: int) -> list[dict[str, Any]]:
        """The newest stored articles with text that are neither in the story nor its candidates, oldest first."""
        cur = self.db.execute(
            "SELECT id, title, text FROM articles a WHERE text IS NOT NULL AND text != '' "
            "AND NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.story = ? AND sa.article_id = a.id) "
            "AND NOT EXISTS (SELECT 1 FROM story_candidates c WHERE c.story = ? AND c.article_id = a.id) "
            "ORDER BY id DESC LIMIT ?",  # ids grow as articles are stored: the newest first, without a sort
            [story, story, limit],
        )
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in reversed(cur.fetchall())]

    def candidate_decided(self, story: str, article_id: int, *, score: float, reason: Mapping[str, Any],
                          now: str) -> None:
        """A candidate stays out of the story for now: its store-aware score and why."""
        self.db.execute(
            "UPDATE story_candidates SET score = ?, reason = ?, decided_at = ? WHERE story = ? AND article_id = ?",
            [score, json.dumps(reason, ensure_ascii=False, sort_keys=True), now, story, article_id],
        )

    def drop_candidate(self, story: str, article_id: int) -> None:
        self.db.execute("DELETE FROM story_candidates WHERE story = ? AND article_id = ?", [story, article_id])

    def make_duplicate(self, story: str, article_id: int, original_id: int) -> None:
        self.db.execute(
            "UPDATE story_articles SET status = 'duplicate', duplicate_of = ?, new_sentences = NULL "
            "WHERE story = ? AND article_id = ?",
            [original_id, story, article_id],
        )

    def repoint_duplicates(self, story: str, old_original: int, new_original: int) -> None:
        self.db.execute(
            "UPDATE story_articles SET duplicate_of = ? WHERE story = ? AND duplicate_of = ?",
            [new_original, story, old_original],
        )

    def checkpoint(self) -> None:
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
