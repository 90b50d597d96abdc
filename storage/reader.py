"""Read-only access for the commands that show the database (timeline, export): never creates or changes it.

A read-only connection in WAL mode sees every committed row and never waits for a crawl that writes, so these
commands work while a crawl runs.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

READ_BUSY_TIMEOUT_MS = 10_000  # a crawl may be checkpointing the WAL at this moment


class NoDatabase(FileNotFoundError):
    """There is no database file at the path (no crawl has run into it yet, or a wrong path)."""


def connect_readonly(path: Path | str) -> sqlite3.Connection:
    """A read-only connection to the database at `path`, rows as sqlite3.Row; NoDatabase when there is no file."""
    path = Path(path)
    if not path.is_file():
        raise NoDatabase(f"no database at {path}")
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {READ_BUSY_TIMEOUT_MS}")
    return conn


def _has(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [name]).fetchone() is not None


def story_ids(conn: sqlite3.Connection) -> list[str]:
    """The stories that have articles in this database, sorted."""
    if not _has(conn, "story_articles"):
        return []
    return [r[0] for r in conn.execute("SELECT DISTINCT story FROM story_articles ORDER BY story")]


def story_entries(conn: sqlite3.Connection, story: str) -> list[dict[str, Any]]:
    """A story's current members in publication order: the `story_timeline` view's columns, plus what a reader of
    a timeline or a feed wants beside them — author, language, when the current text was fetched (`fetched_at`) and
    the title and source of the original a duplicate copies."""
    if not _has(conn, "story_timeline"):
        return []
    rows = conn.execute(
        "SELECT t.*, a.author AS author, a.language AS language, a.fetched_at AS fetched_at, "
        "d.title AS duplicate_of_title, d.source AS duplicate_of_source "
        "FROM story_timeline t JOIN articles a ON a.id = t.article_id "
        "LEFT JOIN articles d ON d.canonical_url = t.duplicate_of_url "
        "WHERE t.story = ? ORDER BY COALESCE(t.published, t.first_seen), t.article_id",
        [story],
    )
    return [dict(r) for r in rows]
