"""What the end-of-run membership decision reads and writes beyond `Store`: a story's candidates and members with
their articles, the context articles around them, cached term weights, near-copy pairs and departures.

Every function runs inside the caller's transaction and does not commit.
"""

from __future__ import annotations

import json
import sys
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from sqlite_utils import Database

_CHUNK = 500  # ids per IN (...) list: well below SQLite's limit on bound parameters

_POPULATION = (
    "SELECT a.id AS article_id, a.canonical_url, a.content_hash, a.published, a.first_seen AS stored_at, "
    "sa.status, sa.duplicate_of, sa.score, sa.reason, sa.new_sentences, sa.first_seen AS joined_at, "
    "NULL AS candidate_run, NULL AS matched_terms "
    "FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.story = ? AND sa.status != 'seed' "
    "UNION ALL "
    "SELECT a.id, a.canonical_url, a.content_hash, a.published, a.first_seen, NULL, NULL, c.score, c.reason, NULL, "
    "NULL, c.run_id, c.matched_terms FROM story_candidates c JOIN articles a ON a.id = c.article_id WHERE c.story = ? "
    "AND NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.story = c.story AND sa.article_id = c.article_id)"
)

_CONTEXT = (
    "SELECT id AS article_id, canonical_url, content_hash FROM articles a "
    "WHERE text IS NOT NULL AND text != '' "
    "AND NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.story = ? AND sa.article_id = a.id) "
    "AND NOT EXISTS (SELECT 1 FROM story_candidates c WHERE c.story = ? AND c.article_id = a.id) "
    "ORDER BY COALESCE(published, first_seen) DESC, canonical_url DESC LIMIT ?"
)


def _rows(db: Database, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    cur = db.execute(sql, list(params))
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    ids = list(ids)
    for start in range(0, len(ids), _CHUNK):
        yield ids[start:start + _CHUNK]


def population(db: Database, story: str) -> list[dict[str, Any]]:
    """A story's articles to decide: its members other than seeds (`status` set) and its candidates (`status`
    None), with what the decision needs of their articles and of their rows."""
    return _rows(db, _POPULATION, [story, story])


def seed_articles(db: Database, story: str) -> list[dict[str, Any]]:
    """The stored articles of a story's seed URLs."""
    return _rows(db, "SELECT a.id AS article_id, a.canonical_url, a.content_hash, a.published, "
                 "a.first_seen AS stored_at FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
                 "WHERE sa.story = ? AND sa.status = 'seed'", [story])


def context(db: Database, story: str, limit: int) -> list[dict[str, Any]]:
    """The newest stored articles (by publication, else storage time; ties by URL) that are neither in the story
    nor its candidates: the rest of the world a page on another matter belongs to. Chosen by what is stored, not
    by when it arrived."""
    return _rows(db, _CONTEXT, [story, story, limit])


def cached_terms(db: Database, article_ids: Iterable[int]) -> Iterator[tuple[int, str, list[str], array]]:
    """Cached term weights, one article at a time: (article id, content hash they were computed from, terms,
    weights). Read as a stream: nothing is held for all articles at once."""
    for chunk in _chunks(article_ids):
        marks = ",".join("?" * len(chunk))
        for article_id, digest, terms, weights in db.execute(
                f"SELECT article_id, content_hash, terms, weights FROM article_terms WHERE article_id IN ({marks})",
                chunk):
            values = array("d")
            values.frombytes(weights)
            if sys.byteorder == "big":
                values.byteswap()
            yield int(article_id), digest, terms.split("\n") if terms else [], values


def save_term_weights(db: Database, rows: Iterable[tuple[int, str, Mapping[str, float]]]) -> None:
    """Cache term weights exactly (doubles as they are: cached and fresh weights decide alike). Terms are words and
    numbers, never line breaks: one a line."""
    db.conn.executemany(
        "INSERT OR REPLACE INTO article_terms (article_id, content_hash, terms, weights) VALUES (?, ?, ?, ?)",
        [(article_id, digest, "\n".join(weights), _little_endian(weights.values()))
         for article_id, digest, weights in rows],
    )


def _little_endian(values: Iterable[float]) -> bytes:
    doubles = array("d", values)
    if sys.byteorder == "big":
        doubles.byteswap()
    return doubles.tobytes()


def texts(db: Database, article_ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """(title, text) by article."""
    out: dict[int, tuple[str, str]] = {}
    for chunk in _chunks(article_ids):
        marks = ",".join("?" * len(chunk))
        for article_id, title, text in db.execute(
                f"SELECT id, title, text FROM articles WHERE id IN ({marks})", chunk):
            out[int(article_id)] = (title or "", text or "")
    return out


def copy_candidates(db: Database, article_ids: Iterable[int]) -> set[tuple[int, int]]:
    """Pairs (a < b) of these articles that share a band of the near-duplicate index: to verify exactly."""
    ids = sorted(set(article_ids))
    if len(ids) < 2:
        return set()
    db.execute("CREATE TEMP TABLE IF NOT EXISTS decision_ids (id INTEGER PRIMARY KEY)")
    db.execute("DELETE FROM decision_ids")
    db.conn.executemany("INSERT INTO decision_ids (id) VALUES (?)", [(i,) for i in ids])
    rows = db.execute(
        "SELECT DISTINCT b1.article_id, b2.article_id FROM decision_ids d "
        "JOIN article_bands b1 ON b1.article_id = d.id "
        "JOIN article_bands b2 ON b2.band = b1.band AND b2.bucket = b1.bucket AND b2.article_id > b1.article_id "
        "WHERE b2.article_id IN (SELECT id FROM decision_ids)"
    ).fetchall()
    db.execute("DELETE FROM decision_ids")
    return {(int(a), int(b)) for a, b in rows}


def leave(db: Database, story: str, article_id: int, *, row: Mapping[str, Any], left_at: str, run_id: int,
          score: float, reason: Mapping[str, Any]) -> None:
    """An article leaves a story on later evidence: its story row goes, a departure records when and why."""
    db.execute("DELETE FROM story_articles WHERE story = ? AND article_id = ?", [story, article_id])
    db.execute(
        "INSERT INTO story_departures (story, article_id, status, duplicate_of, joined_at, left_at, run_id, score, "
        "reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [story, article_id, row["status"], row["duplicate_of"], row["joined_at"], left_at, run_id, score,
         json.dumps(reason, ensure_ascii=False, sort_keys=True)],
    )


def departures(db: Database, story: str) -> list[dict[str, Any]]:
    """Every departure of a story, oldest first."""
    return _rows(db, "SELECT * FROM story_departures WHERE story = ? ORDER BY id", [story])


def decision_rows(db: Database, story: str, seed_rows: list[dict[str, Any]],
                  context: int) -> Iterator[tuple[Any, ...]]:
    """Everything of the store a story's decision reads (crawler.story_update), in a fixed order: its population with
    its rows as the last decision left them, its seed articles (`seed_rows`, from seed_articles), and, when `context`
    > 0, that many context articles; each article with its title and text's hash. A stream of tuples, for a digest
    (crawler.decision_inputs)."""
    population = db.execute(f"SELECT p.*, a.title FROM ({_POPULATION}) p JOIN articles a ON a.id = p.article_id "
                            "ORDER BY p.article_id", [story, story])
    for row in population:
        yield ("population", *row)
    for row in sorted(seed_rows, key=lambda r: r["article_id"]):
        yield ("seed", *row.values())
    if context > 0:
        for row in db.execute("SELECT c.article_id, c.canonical_url, c.content_hash, a.title FROM ("
                              + _CONTEXT + ") c JOIN articles a ON a.id = c.article_id ORDER BY c.article_id",
                              [story, story, context]):
            yield ("context", *row)


def last_decision(db: Database, story: str) -> str | None:
    """The digest of what the story was last decided on; None before its first decision."""
    row = db.execute("SELECT inputs FROM story_decisions WHERE story = ?", [story]).fetchone()
    return row[0] if row else None


def record_decision(db: Database, story: str, inputs: str, *, run_id: int | None, now: str) -> None:
    db.execute("INSERT INTO story_decisions (story, inputs, run_id, decided_at) VALUES (?, ?, ?, ?) "
               "ON CONFLICT (story) DO UPDATE SET inputs = excluded.inputs, run_id = excluded.run_id, "
               "decided_at = excluded.decided_at", [story, inputs, run_id, now])
