"""`storywatch status`: per story the last run, its errors by source, the articles so far, and the next run.

For cron users, who see nothing of a crawl otherwise. Reads only: the database is opened when it exists and
never created here.
"""

from __future__ import annotations

import argparse
import json
import logging
import sqlite3
import sys
from collections.abc import Sequence
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any, Protocol

from config.cron import CronError, parse_cron
from crawler.terminal import plural
from storage.lock import CrawlLock

logger = logging.getLogger(__name__)

MEMBER_STATUSES = ("seed", "follow_up", "duplicate")


class StoryLike(Protocol):
    """What status needs of a configured story (config.model.Story has it)."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def schedule(self) -> str | None: ...


def parse_time(text: str | None) -> datetime | None:
    """A time from the database (ISO 8601, UTC) as an aware datetime; None when empty or unreadable."""
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _connect(db_path: Path) -> sqlite3.Connection | None:
    """A read-only connection, or None when there is no database yet."""
    if not Path(db_path).exists():
        return None
    conn = sqlite3.connect(f"file:{Path(db_path).resolve()}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout = 10000")  # a crawl may be checkpointing the WAL right now
    return conn


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [name]).fetchone() is not None


# Statuses of runs that ran to their end ('running' and 'interrupted' ones did not).
FINISHED_STATUSES = ("ok", "partial", "failed")


def _last_run_row(conn: sqlite3.Connection, story_id: str, *, finished: bool = False) -> sqlite3.Row | None:
    if not _has_table(conn, "runs"):
        return None
    # A run with no story crawled every story, so it counts for each.
    only_finished = f" AND status IN ({', '.join('?' for _ in FINISHED_STATUSES)})" if finished else ""
    row: sqlite3.Row | None = conn.execute(
        "SELECT id, started_at, finished_at, status, story, pid, stats FROM runs "
        f"WHERE (story = ? OR story IS NULL){only_finished} ORDER BY started_at DESC, id DESC LIMIT 1",
        [story_id, *(FINISHED_STATUSES if finished else ())],
    ).fetchone()
    return row


def last_run_started(db_path: Path, story_id: str, *, finished: bool = False) -> datetime | None:
    """When the last run that covered the story began (with `finished`: the last that ran to its end); None when
    there was none (or there is no database)."""
    conn = _connect(db_path)
    if conn is None:
        return None
    try:
        row = _last_run_row(conn, story_id, finished=finished)
        return parse_time(row["started_at"]) if row else None
    finally:
        conn.close()


def last_finished_run_started(db_path: Path, story_id: str) -> datetime | None:
    """When the last run that covered the story and ran to its end began (interrupted runs don't count)."""
    return last_run_started(db_path, story_id, finished=True)


def _load_stats(text: str | None) -> dict[str, Any]:
    try:
        stats = json.loads(text or "{}")
    except ValueError:
        return {}
    return stats if isinstance(stats, dict) else {}


def _member_counts(conn: sqlite3.Connection, story_id: str, run_id: int | None = None) -> dict[str, int]:
    if not _has_table(conn, "story_articles"):
        return dict.fromkeys(MEMBER_STATUSES, 0)
    sql = "SELECT status, COUNT(*) AS n FROM story_articles WHERE story = ?"
    params: list[Any] = [story_id]
    if run_id is not None:
        sql += " AND run_id = ?"
        params.append(run_id)
    counts = dict.fromkeys(MEMBER_STATUSES, 0)
    for row in conn.execute(sql + " GROUP BY status", params):
        counts[row["status"]] = row["n"]
    return counts


def _last_run(conn: sqlite3.Connection, story_id: str) -> dict[str, Any] | None:
    row = _last_run_row(conn, story_id)
    if row is None:
        return None
    stats = _load_stats(row["stats"])
    started, finished = parse_time(row["started_at"]), parse_time(row["finished_at"])
    added = _member_counts(conn, story_id, row["id"])
    errors_by_source = stats.get("errors_by_source") or {}
    return {
        "id": row["id"],
        "scope": "story" if row["story"] else "all stories",
        "status": row["status"],
        "started_at": row["started_at"],
        "finished_at": row["finished_at"],
        "seconds": round((finished - started).total_seconds(), 1) if started and finished else None,
        # Story rows the run added: the truth for this story, also when the run crawled every story.
        "new_articles": added["seed"] + added["follow_up"],
        "duplicates": added["duplicate"],
        "errors": int(stats.get("errors") or 0),
        "errors_by_source": {str(src): {str(k): int(v) for k, v in reasons.items()}
                             for src, reasons in errors_by_source.items() if isinstance(reasons, dict)},
    }


def frontier_by_source(conn: sqlite3.Connection) -> dict[str, dict[str, int]]:
    """Pages found and not yet fetched, per source: waiting (all of them) and failing (tried before, in vain)."""
    if not _has_table(conn, "frontier_sources"):
        return {}
    rows = conn.execute("SELECT source, waiting, failing FROM frontier_sources WHERE waiting > 0 ORDER BY source")
    return {row["source"]: {"waiting": row["waiting"], "failing": row["failing"]} for row in rows}


def format_frontier(frontier: dict[str, dict[str, int]]) -> list[str]:
    """The frontier section of the text report: nothing when nothing waits."""
    if not frontier:
        return []
    lines = ["", "waiting to be fetched (found, not yet stored):"]
    for source, counts in frontier.items():
        failing = f", {counts['failing']} failing (retried by later runs)" if counts["failing"] else ""
        lines.append(f"  {source}: {counts['waiting']} waiting{failing}")
    return lines


def next_run(schedule: str | None, now: datetime) -> datetime | None:
    """The next fire time of a schedule after `now`, or None without a (readable) schedule."""
    if not schedule:
        return None
    try:
        return parse_cron(schedule).next_after(now)
    except CronError:
        return None


def collect_status(db_path: Path, stories: Sequence[StoryLike], now: datetime) -> dict[str, Any]:
    """The status report as plain data (what `--json` prints)."""
    conn = _connect(db_path)
    holder = CrawlLock(db_path).holder_pid()
    report: dict[str, Any] = {
        "database": str(db_path),
        "database_exists": conn is not None,
        "crawl_running_pid": holder,
        "now": now.isoformat(timespec="seconds"),
        "stories": [],
    }
    try:
        for story in stories:
            when = next_run(story.schedule, now)
            last = _last_run(conn, story.id) if conn else None
            if last and last["status"] == "running" and holder is None:
                # Its crawl died without finishing (the lock would be held otherwise); the next run marks it so.
                last["status"] = "interrupted"
            entry: dict[str, Any] = {
                "id": story.id,
                "title": story.title,
                "schedule": story.schedule,
                "next_run": when.isoformat(timespec="seconds") if when else None,
                "last_run": last,
                "articles": _member_counts(conn, story.id) if conn else dict.fromkeys(MEMBER_STATUSES, 0),
            }
            report["stories"].append(entry)
        report["frontier"] = frontier_by_source(conn) if conn else {}
    finally:
        if conn is not None:
            conn.close()
    return report


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "unfinished"
    if seconds < 60:
        return f"{seconds:.0f} s"
    minutes, secs = divmod(round(seconds), 60)
    if minutes < 60:
        return f"{minutes} min {secs} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min"


def _local(text: str | None, tz: tzinfo) -> str:
    value = parse_time(text)
    return value.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S %Z") if value else "?"


def format_status(report: dict[str, Any], tz: tzinfo) -> str:
    """The report as readable text, times in `tz`."""
    lines = []
    if not report["database_exists"]:
        lines.append(f"database: {report['database']} (not created yet: no crawl has run)")
    elif report["crawl_running_pid"] is not None:
        lines.append(f"database: {report['database']} (a crawl is running now, pid {report['crawl_running_pid']})")
    else:
        lines.append(f"database: {report['database']}")
    if not report["stories"]:
        lines.append("no stories configured")
    for story in report["stories"]:
        lines.append("")
        lines.append(f"{story['id']}: {story['title']}")
        last = story["last_run"]
        if last is None:
            lines.append("  last run:  none yet")
        else:
            took = _duration(last["seconds"]) if last["status"] != "running" else "still running"
            scope = "" if last["scope"] == "story" else ", all stories"
            lines.append(f"  last run:  {_local(last['started_at'], tz)}, {last['status']}, took {took}{scope}: "
                         f"{last['new_articles']} new, {plural(last['duplicates'], 'duplicate')}, "
                         f"{plural(last['errors'], 'error')}")
            for source, reasons in sorted(last["errors_by_source"].items()):
                detail = ", ".join(f"{reason} {count}" for reason, count in sorted(reasons.items()))
                lines.append(f"    errors from {source}: {detail}")
        counts = story["articles"]
        lines.append(f"  articles:  {counts['seed']} seed, {counts['follow_up']} follow-up, "
                     f"{counts['duplicate']} duplicate")
        if story["schedule"] is None:
            lines.append("  next run:  no schedule")
        elif story["next_run"] is None:
            lines.append(f"  next run:  unreadable schedule '{story['schedule']}'")
        else:
            lines.append(f"  next run:  {_local(story['next_run'], tz)} ({story['schedule']})")
    lines += format_frontier(report.get("frontier") or {})
    return "\n".join(lines)


def local_timezone() -> tzinfo:
    """The system's time zone, with its DST rules (not just today's offset)."""
    from tzlocal import get_localzone

    return get_localzone()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", metavar="PATH", help="config file (default: $STORYWATCH_CONFIG, then "
                        "./config/storywatch.toml)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    parser.add_argument("--timezone", metavar="ZONE", help="show times in this zone and compute the next runs in "
                        "it, e.g. Europe/Berlin (default: the system's)")


def run(args: argparse.Namespace) -> int:
    """`storywatch status`: print the report; 0, or 2 for a bad config."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from config.loader import ConfigError, find_config, load_config

    try:
        config = load_config(find_config(args.config))
    except ConfigError as exc:
        print(f"storywatch: {exc}", file=sys.stderr)
        return 2
    try:
        tz = ZoneInfo(args.timezone) if args.timezone else local_timezone()
    except (ZoneInfoNotFoundError, ValueError):
        print(f"storywatch: --timezone: unknown time zone '{args.timezone}'", file=sys.stderr)
        return 2
    try:
        report = collect_status(config.database.path, config.stories, datetime.now(tz))
    except sqlite3.Error as exc:
        print(f"storywatch: {config.database.path}: cannot read the database: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(format_status(report, tz))
    return 0
