"""`storywatch timeline [STORY] [--config PATH | --db PATH]`: a story's articles in the terminal, oldest first.

One line per article (status, publication date, source, score, version, title), below it what the article adds
(its new sentences), what it copies (for a duplicate) or when it was updated. Reads only: the database is opened
read-only and never created, so it works while a crawl writes. The demo prints its timeline with the same table.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from crawler.story_lookup import LookupFailed, add_database_arguments, read_stories
from crawler.terminal import cut, plural, width

Row = Mapping[str, Any]
FIXED_COLUMNS = 59  # status, published, source, score and version with their gaps: what the title leaves
TITLE_WIDTH = 70  # when the width is not known (a pipe, a file)
NOTE_INDENT = " " * 11


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("story", nargs="?", metavar="STORY", help="the story's id (default: every story)")
    add_database_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Print the timeline of one story or of all; 0, 2 for a bad config or an unknown story, 1 for an unreadable
    database."""
    try:
        found = read_stories(args, args.story)
    except LookupFailed as exc:
        print(f"storywatch timeline: {exc}", file=sys.stderr)
        return exc.code
    if not found.database_exists:
        print(f"database: {found.source.path} (not created yet: no crawl has run)")
    if not found.stories:
        print("no stories: none is configured and the database holds none")
    columns = width() if sys.stdout.isatty() else None
    for n, (story, rows) in enumerate(found.stories.items()):
        if n:
            print()
        title = found.source.titles.get(story)
        print(f"{story}: {title}" if title else story)
        print(summary(rows))
        if rows:
            print(format_timeline(rows, columns, with_story=False))
    return 0


def summary(rows: Sequence[Row]) -> str:
    """`11 articles: 1 seed, 9 follow-ups, 1 duplicate` (or that there is none yet)."""
    if not rows:
        return "no articles yet"
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["status"]] = counts.get(row["status"], 0) + 1
    parts = [plural(n, status.replace("_", "-")) for status, n in counts.items()]
    return f"{plural(len(rows), 'article')}: {', '.join(parts)}"


def format_timeline(rows: Sequence[Row], columns: int | None = None, *, with_story: bool = True) -> str:
    """A plain-text table, one line per story article and its notes below; fitted to `columns` when given."""
    if not rows:
        return "(empty)"
    title_width = TITLE_WIDTH if columns is None else max(20, columns - FIXED_COLUMNS)
    note_width = 110 if columns is None else max(40, columns - 1)
    header = f"{'status':<10} {'published':<16} {'source':<20} {'score':>5} {'v':>2}  title"
    lines = [] if with_story else [header, "-" * len(header)]
    story = None
    for row in rows:
        if with_story and row["story"] != story:
            story = row["story"]
            lines += [f"[{story}]", header, "-" * len(header)]
        score = f"{row['score']:.2f}" if isinstance(row["score"], int | float) else "-"
        published = (row["published"] or "?").replace("T", " ")[:16]
        lines.append(f"{row['status']:<10} {published:<16} {cut(row['source'] or '?', 20):<20} {score:>5} "
                     f"{row['version'] or 1:>2}  {cut(row['title'] or '(no title)', title_width)}")
        lines += [textwrap.shorten(note, width=note_width, placeholder=" …", initial_indent=NOTE_INDENT)
                  for note in notes(row)]
    return "\n".join(lines)


def notes(row: Row) -> list[str]:
    """What to say below an article's line: what it copies, what it adds, when it was updated."""
    out = []
    if _field(row, "duplicate_of_url"):
        original = _field(row, "duplicate_of_source")
        out.append(f"duplicate of {row['duplicate_of_url']}" + (f" ({original})" if original else ""))
    new = new_sentences(_field(row, "new_sentences"))
    if new and row["status"] != "duplicate":
        out.append(f"new: {' '.join(new)}")
    fetched = _field(row, "fetched_at")
    if (row["version"] or 1) > 1 and fetched:
        out.append(f"updated: version {row['version']} fetched {fetched.replace('T', ' ').rstrip('Z')} UTC")
    return out


def new_sentences(value: str | None) -> list[str]:
    """The sentences an article adds to its story, as stored (one a line; older rows hold a JSON list)."""
    if not value:
        return []
    try:
        parsed = json.loads(value)
    except ValueError:
        return [s for s in value.splitlines() if s.strip()]
    if isinstance(parsed, list):
        return [str(s) for s in parsed]
    return [str(parsed)]


def _field(row: Row, key: str) -> Any:
    """A column that some callers' rows lack (the view has fewer than `story_entries`)."""
    return row.get(key)
