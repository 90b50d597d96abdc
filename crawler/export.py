"""`storywatch export STORY --format atom|jsonl|csv [--output FILE] [--config PATH | --db PATH]`.

What a feed reader or a spreadsheet takes, from a story's current members in publication order:
- atom: an Atom 1.0 feed (feedgen), one entry per member; an entry's `updated` is when it joined the story or,
  for an article that changed since, when its current version was fetched, so a feed reader shows it again;
- jsonl: one JSON object a line;
- csv: one row per member with a header row, UTF-8 with a byte-order mark (spreadsheets then read umlauts right).
Reads only (the database is opened read-only, also while a crawl writes); `--output` replaces the file in one
step, so a web server or a feed reader never sees half of it.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import tempfile
import textwrap
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crawler import __version__
from crawler.status import parse_time
from crawler.story_lookup import LookupFailed, StoryDatabase, add_database_arguments, read_stories
from crawler.timeline import new_sentences

FORMATS = ("atom", "jsonl", "csv")
SUMMARY_CHARS = 400  # an entry's summary; the whole text is its content


@dataclass(frozen=True)
class Entry:
    """One story member as exported; the field order is the CSV's column order."""

    story: str
    status: str
    published: str | None
    updated: str  # when the entry last changed: joined the story, or its current version was fetched
    source: str | None
    title: str | None
    author: str | None
    language: str | None
    agency: str | None
    url: str
    canonical_url: str
    duplicate_of_url: str | None
    score: float | None
    version: int
    new_sentences: tuple[str, ...]
    text: str


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("story", metavar="STORY", help="the story's id")
    parser.add_argument("--format", required=True, choices=FORMATS, help="atom (a feed), jsonl or csv")
    parser.add_argument("--output", metavar="FILE", type=Path, help="write to FILE, replaced in one step "
                        "(default: standard output)")
    add_database_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Export one story; 0, 2 for bad arguments, a bad config or an unknown story, 1 when it cannot be read or
    written."""
    if args.output is not None and not args.output.parent.is_dir():
        print(f"storywatch export: --output: no such folder: {args.output.parent}", file=sys.stderr)
        return 2
    try:
        found = read_stories(args, args.story)
    except LookupFailed as exc:
        print(f"storywatch export: {exc}", file=sys.stderr)
        return exc.code
    source, rows = found.source, found.stories[args.story]
    entries = [to_entry(row) for row in rows]
    if args.format == "atom":
        data = atom_feed(args.story, source.titles.get(args.story) or args.story, entries, feed_id(args.story, source))
    elif args.format == "jsonl":
        data = jsonl(entries).encode("utf-8")
    else:
        data = csv_table(entries).encode("utf-8-sig")
    try:
        write(data, args.output)
    except OSError as exc:
        print(f"storywatch export: {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0


def to_entry(row: Mapping[str, Any]) -> Entry:
    """A row of `storage.reader.story_entries` as an export entry."""
    version = int(row["version"] or 1)
    updated = row["first_seen"]
    if version > 1 and row.get("fetched_at"):
        updated = max(updated, row["fetched_at"])  # both ISO 8601 UTC text: they compare as times
    return Entry(
        story=row["story"], status=row["status"], published=row["published"], updated=updated,
        source=row["source"], title=row["title"], author=row.get("author"), language=row.get("language"),
        agency=row.get("agency"), url=row["url"], canonical_url=row["canonical_url"],
        duplicate_of_url=row["duplicate_of_url"],
        score=round(row["score"], 4) if isinstance(row["score"], int | float) else None, version=version,
        new_sentences=tuple(new_sentences(row.get("new_sentences"))), text=row["text"] or "",
    )


def feed_id(story: str, source: StoryDatabase) -> str:
    """The feed's Atom id: the same for every export of this story from this database, and unlike any other."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"storywatch:{source.path.resolve()}#{story}").urn


def atom_feed(story: str, title: str, entries: Sequence[Entry], id_: str) -> bytes:
    """An Atom 1.0 document, one entry per member, newest first (as feed readers list them)."""
    from feedgen.feed import FeedGenerator

    feed = FeedGenerator()
    feed.id(id_)
    feed.title(title)
    feed.subtitle(f"storywatch: the articles of the story '{story}'")
    feed.author({"name": "storywatch"})  # Atom wants an author; articles often name none
    feed.generator("storywatch", version=__version__)
    feed.updated(max((parse_time(e.updated) for e in entries), default=None) or datetime.now(UTC))
    for e in sorted(entries, key=lambda e: parse_time(e.published) or parse_time(e.updated) or datetime.min.replace(tzinfo=UTC),
                    reverse=True):
        item = feed.add_entry(order="append")
        item.id(e.canonical_url)
        item.title(e.title or e.canonical_url)
        item.link(href=e.url, rel="alternate")
        item.updated(parse_time(e.updated) or datetime.now(UTC))
        if (published := parse_time(e.published)) is not None:
            item.published(published)
        if e.author:
            item.author({"name": e.author})
        item.category(term=e.status, label=e.status.replace("_", "-"))
        if e.source:
            item.category(term=e.source, scheme="storywatch:source")
        item.summary(_summary(e))
        item.content(e.text, type="text")
    return feed.atom_str(pretty=True)


def _summary(e: Entry) -> str:
    """What a feed reader shows in its list: source, status, version, and what the article adds (shortened)."""
    head = f"{e.source or '?'} · {e.status.replace('_', '-')}" + (f" · version {e.version}" if e.version > 1 else "")
    if e.status == "duplicate" and e.duplicate_of_url:
        return f"{head} · a copy of {e.duplicate_of_url}"
    if e.new_sentences:
        return textwrap.shorten(f"{head} · new: {' '.join(e.new_sentences)}", SUMMARY_CHARS, placeholder=" …")
    return head


def jsonl(entries: Sequence[Entry]) -> str:
    """One JSON object a line, in publication order."""
    return "".join(json.dumps(asdict(e) | {"new_sentences": list(e.new_sentences)}, ensure_ascii=False) + "\n"
                   for e in entries)


def csv_table(entries: Sequence[Entry]) -> str:
    """A header row and one row per entry; new sentences one a line in their cell."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(f.name for f in fields(Entry))
    for e in entries:
        writer.writerow(["\n".join(v) if isinstance(v, tuple) else "" if v is None else v
                         for v in asdict(e).values()])
    return out.getvalue()


def write(data: bytes, output: Path | None) -> None:
    """To stdout, or to `output` through a temporary file beside it and one rename."""
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", dir=output.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # as any new file: mkstemp's are private, an export is for readers
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
