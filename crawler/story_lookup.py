"""Which database and which story a reading command (timeline, export) means: `--config` or `--db`, and STORY.

With `--config` (or the usual lookup: $STORYWATCH_CONFIG, ./config/storywatch.toml) the configured stories and
their titles are known; with `--db` the database alone tells its stories (the demo's database has no config left).
Problems come back as `LookupFailed` with the exit code and the one line to print.
"""

from __future__ import annotations

import argparse
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storage.reader import NoDatabase, connect_readonly, story_entries, story_ids

EXIT_NOTHING_TO_READ = 1  # a database that cannot be read
EXIT_USAGE = 2


class LookupFailed(Exception):
    """A bad config, a database that is not there, an unknown story: `code` is the exit code."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class StoryDatabase:
    """The database to read and what the config says of its stories."""

    path: Path
    titles: dict[str, str] = field(default_factory=dict)  # configured story id -> title, in config order
    from_config: bool = True


def add_database_arguments(parser: argparse.ArgumentParser) -> None:
    """`--config PATH` or `--db PATH`."""
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--config", metavar="PATH", help="config file (default: $STORYWATCH_CONFIG, then "
                       "./config/storywatch.toml); its database and its stories' titles are used")
    where.add_argument("--db", metavar="PATH", type=Path,
                       help="read this database file directly, without a config (e.g. the demo's)")


def story_database(args: argparse.Namespace) -> StoryDatabase:
    """The database named by --db, or by the config found as `run` finds it."""
    if getattr(args, "db", None) is not None:
        if not Path(args.db).is_file():
            raise LookupFailed(f"--db: no such database file: {args.db}")
        return StoryDatabase(Path(args.db), from_config=False)
    from config.loader import ConfigError, find_config, load_config

    try:
        config = load_config(find_config(args.config))
    except ConfigError as exc:
        raise LookupFailed(str(exc)) from None
    return StoryDatabase(config.database.path, {s.id: s.title for s in config.stories})


def open_readonly(source: StoryDatabase) -> sqlite3.Connection | None:
    """A read-only connection; None when the config's database does not exist yet (no crawl has run)."""
    try:
        return connect_readonly(source.path)
    except NoDatabase:
        return None
    except sqlite3.Error as exc:
        raise LookupFailed(f"{source.path}: cannot read the database: {exc}", EXIT_NOTHING_TO_READ) from None


def known_stories(source: StoryDatabase, conn: sqlite3.Connection | None) -> list[str]:
    """The configured stories in config order, then the database's other stories (say, one taken out of it)."""
    known = list(source.titles)
    if conn is not None:
        try:
            known += [s for s in story_ids(conn) if s not in source.titles]
        except sqlite3.Error as exc:
            raise LookupFailed(f"{source.path}: cannot read the database: {exc}", EXIT_NOTHING_TO_READ) from None
    return known


def check_story(story: str, known: list[str], source: StoryDatabase) -> None:
    """LookupFailed naming the known stories when `story` is none of them."""
    if story in known:
        return
    where = "configured or in the database" if source.from_config else f"in {source.path}"
    raise LookupFailed(f"no story '{story}' {where} (stories: {', '.join(known) or 'none'})")


@dataclass(frozen=True)
class StoryRows:
    """What a reading command shows: each asked-for story's current members, in publication order."""

    source: StoryDatabase
    database_exists: bool
    stories: dict[str, list[dict[str, Any]]]  # story id -> rows of storage.reader.story_entries, stories in order


def read_stories(args: argparse.Namespace, story: str | None) -> StoryRows:
    """The members of `story`, or of every known story when it is None; LookupFailed for a bad config, a missing
    --db file, an unknown story or an unreadable database."""
    source = story_database(args)
    conn = open_readonly(source)
    try:
        known = known_stories(source, conn)
        if story is not None:
            check_story(story, known, source)
        wanted = [story] if story is not None else known
        rows = {s: story_entries(conn, s) if conn else [] for s in wanted}
    except sqlite3.Error as exc:
        raise LookupFailed(f"{source.path}: cannot read the database: {exc}", EXIT_NOTHING_TO_READ) from None
    finally:
        if conn is not None:
            conn.close()
    return StoryRows(source, conn is not None, rows)
