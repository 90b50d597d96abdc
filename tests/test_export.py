"""`storywatch export`: Atom (parsed as XML), JSONL and CSV of the demo story, read-only; errors in one line.

The demo's database is built once per session by a real `storywatch demo`; expectations are read from it.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from faultweb import run_storywatch
from lxml import etree

from storage import open_database
from storage.store import Store

ATOM = "{http://www.w3.org/2005/Atom}"


def _members(db: Path, story: str = "sarnbruecke") -> list[dict]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(
            "SELECT t.*, a.fetched_at, a.author FROM story_timeline t JOIN articles a ON a.id = t.article_id "
            "WHERE t.story = ? ORDER BY COALESCE(t.published, t.first_seen), t.article_id", [story])]
    finally:
        conn.close()


def _atom(db: Path, *extra: str | Path) -> etree._Element:
    run = run_storywatch("export", "sarnbruecke", "--db", db, "--format", "atom", *extra, timeout=120)
    assert run.returncode == 0, run.stderr
    return etree.fromstring(run.stdout.encode("utf-8"))


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _entries(feed: etree._Element) -> dict[str, etree._Element]:
    return {e.findtext(f"{ATOM}id"): e for e in feed.iter(f"{ATOM}entry")}


def test_atom_is_a_well_formed_feed_with_one_entry_per_member(demo_db: Path) -> None:
    before = hashlib.sha256(demo_db.read_bytes()).hexdigest()
    feed = _atom(demo_db)
    members = _members(demo_db)
    assert feed.tag == f"{ATOM}feed"
    # RFC 4287: a feed has an id, a title, an updated time and an author (or every entry has one).
    assert feed.findtext(f"{ATOM}id").startswith("urn:uuid:")
    assert feed.findtext(f"{ATOM}title") == "sarnbruecke"  # no config given: the story's id
    assert feed.find(f"{ATOM}author/{ATOM}name") is not None
    entries = _entries(feed)
    assert sorted(entries) == sorted(m["canonical_url"] for m in members)
    for member in members:
        entry = entries[member["canonical_url"]]
        assert entry.findtext(f"{ATOM}title") == member["title"]
        # RFC 4287: a link without rel is the alternate one.
        alternate = [link.get("href") for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate")
                     == "alternate"]
        assert alternate == [member["url"]]
        assert entry.findtext(f"{ATOM}content") == member["text"]
        assert entry.find(f"{ATOM}content").get("type") == "text"
        assert _instant(entry.findtext(f"{ATOM}published")) == _instant(member["published"])
        assert member["status"] in [c.get("term") for c in entry.findall(f"{ATOM}category")]
        if member["author"]:
            assert entry.findtext(f"{ATOM}author/{ATOM}name") == member["author"]
    newest = max(_instant(e.findtext(f"{ATOM}updated")) for e in entries.values())
    assert _instant(feed.findtext(f"{ATOM}updated")) == newest
    published = [_instant(e.findtext(f"{ATOM}published")) for e in feed.iter(f"{ATOM}entry")]
    assert published == sorted(published, reverse=True)  # newest first, as feed readers list them
    assert hashlib.sha256(demo_db.read_bytes()).hexdigest() == before  # read-only


def test_an_entry_is_updated_when_its_article_gets_a_new_version(tmp_path: Path, demo_db: Path) -> None:
    db = tmp_path / "demo.db"
    shutil.copy(demo_db, db)
    members = _members(db)
    # The demo updated one article in its second crawl: its entry carries the fetch of version 2.
    (changed,) = [m for m in members if m["version"] > 1]
    first = _entries(_atom(db))
    assert _instant(first[changed["canonical_url"]].findtext(f"{ATOM}updated")) == _instant(changed["fetched_at"])
    for m in members:
        if m["version"] == 1:
            assert _instant(first[m["canonical_url"]].findtext(f"{ATOM}updated")) == _instant(m["first_seen"])
    # Another article changes, written as the crawl writes a new version.
    target = next(m for m in members if m["version"] == 1 and m["status"] == "follow_up")
    store = Store(open_database(db))
    with store.transaction():
        store.new_version(target["article_id"], {"text": target["text"] + "\nNachtrag: Die Stadt hat geantwortet.",
                                                 "fetched_at": "2099-01-01T00:00:00Z"}, "2099-01-01T00:00:00Z")
    store.db.close()
    second = _entries(_atom(db))
    assert second[target["canonical_url"]].findtext(f"{ATOM}updated").startswith("2099-01-01T00:00:00")
    assert second[target["canonical_url"]].findtext(f"{ATOM}content").endswith("Nachtrag: Die Stadt hat geantwortet.")
    unchanged = [url for url in first if url != target["canonical_url"]]
    assert [first[u].findtext(f"{ATOM}updated") for u in unchanged] == [
        second[u].findtext(f"{ATOM}updated") for u in unchanged]


def test_the_feed_id_is_the_same_for_every_export_of_the_story(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "feed.atom"
    first = _atom(demo_db).findtext(f"{ATOM}id")
    run = run_storywatch("export", "sarnbruecke", "--db", demo_db, "--format", "atom", "--output", out,
                         timeout=120)
    assert run.returncode == 0 and run.stdout == ""
    assert etree.parse(str(out)).getroot().findtext(f"{ATOM}id") == first


def test_jsonl_has_one_object_per_member_in_publication_order(demo_db: Path) -> None:
    run = run_storywatch("export", "sarnbruecke", "--db", demo_db, "--format", "jsonl", timeout=120)
    assert run.returncode == 0, run.stderr
    records = [json.loads(line) for line in run.stdout.splitlines()]
    members = _members(demo_db)
    assert [r["canonical_url"] for r in records] == [m["canonical_url"] for m in members]
    first = records[0]
    assert {"story", "status", "published", "updated", "source", "title", "url", "duplicate_of_url", "score",
            "version", "new_sentences", "text"} <= first.keys()
    assert all(isinstance(r["new_sentences"], list) for r in records)
    follow_ups = [r for r in records if r["status"] == "follow_up"]
    assert follow_ups and all(r["new_sentences"] for r in follow_ups)
    assert all(r["duplicate_of_url"] for r in records if r["status"] == "duplicate")


def test_csv_opens_as_a_spreadsheet_with_a_header_and_one_row_per_member(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "story.csv"
    run = run_storywatch("export", "sarnbruecke", "--db", demo_db, "--format", "csv", "--output", out,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte-order mark by which spreadsheets know UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    members = _members(demo_db)
    assert [r["title"] for r in rows] == [m["title"] for m in members]
    assert any("ü" in r["title"] for r in rows)
    assert [r["text"] for r in rows] == [m["text"] for m in members]  # line breaks inside a cell survive
    assert list(rows[0])[:3] == ["story", "status", "published"] and list(rows[0])[-1] == "text"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".story.csv.")]  # no temporary file left
    assert oct(out.stat().st_mode & 0o777) != oct(0o600)  # readable like any new file, not mkstemp's private


@pytest.mark.parametrize(("argv", "message"), [
    (("export", "sarnbrücke", "--format", "atom"), "no story 'sarnbrücke' in {db} (stories: sarnbruecke)"),
    (("export", "sarnbruecke", "--format", "atom", "--output", "{tmp}/no/such/folder/feed.atom"),
     "--output: no such folder: {tmp}/no/such/folder"),
])
def test_bad_arguments_exit_2_with_one_line(demo_db: Path, tmp_path: Path, argv: tuple[str, ...],
                                             message: str) -> None:
    args = [a.format(tmp=tmp_path) for a in argv]
    run = run_storywatch(*args, "--db", demo_db, cwd=tmp_path, timeout=120)
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr == f"storywatch export: {message.format(db=demo_db, tmp=tmp_path)}\n"


@pytest.mark.parametrize("argv", [("sarnbruecke",), ("sarnbruecke", "--format", "rss")], ids=["no-format", "rss"])
def test_a_missing_or_unknown_format_exits_2_without_a_traceback(demo_db: Path, argv: tuple[str, ...]) -> None:
    run = run_storywatch("export", *argv, "--db", demo_db, timeout=120)
    assert run.returncode == 2 and "Traceback" not in run.stderr and "--format" in run.stderr
    assert run.stderr.count("\n") == 1


def test_an_unwritable_output_exits_1_and_keeps_the_old_file(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "feed.atom"
    out.mkdir()  # a folder where the file should go: the rename fails
    run = run_storywatch("export", "sarnbruecke", "--db", demo_db, "--format", "atom", "--output", out,
                         timeout=120)
    assert run.returncode == 1 and run.stderr.startswith(f"storywatch export: {out}: ")
    assert out.is_dir() and os.listdir(out) == []
    assert [p.name for p in tmp_path.iterdir()] == ["feed.atom"]
