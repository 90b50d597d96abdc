"""`storywatch timeline`: a story's articles in the terminal, read-only, on the demo's database and on made ones.

The demo's database (built once per session by a real `storywatch demo`) is the one a new user opens first; the
expected lines are read from it, so that the test follows the decision code rather than pinning its figures.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from faultweb import run_storywatch

from crawler.timeline import format_timeline, notes, summary


def _rows(db: Path, story: str = "sarnbruecke") -> list[sqlite3.Row]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute("SELECT * FROM story_timeline WHERE story = ?", [story]).fetchall()
    finally:
        conn.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_timeline_of_the_demo_story_lists_every_member_with_its_notes(demo_db: Path) -> None:
    before = _digest(demo_db)
    run = run_storywatch("timeline", "sarnbruecke", "--db", demo_db, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    rows = _rows(demo_db)
    lines = run.stdout.splitlines()
    assert lines[0] == "sarnbruecke"
    statuses = [r["status"] for r in rows]
    assert lines[1].startswith(f"{len(rows)} articles: ") and f"{statuses.count('duplicate')} duplicate" in lines[1]
    article_lines = [line for line in lines if line.split(" ", 1)[0] in ("seed", "follow_up", "duplicate")]
    assert [line.split()[0] for line in article_lines] == statuses  # publication order, as the view has it
    for row, line in zip(rows, article_lines, strict=True):
        assert line.split()[1] == row["published"][:10]
        assert row["title"][:30] in line
    duplicates = [r for r in rows if r["status"] == "duplicate"]
    assert duplicates and all(f"duplicate of {r['duplicate_of_url']}"[:60] in run.stdout for r in duplicates)
    updated = [r for r in rows if r["version"] > 1]
    assert updated and run.stdout.count(f"updated: version {updated[0]['version']} fetched ") == len(updated)
    assert run.stdout.count("           new: ") == sum(1 for r in rows if r["new_sentences"] and
                                                       r["status"] != "duplicate")
    assert _digest(demo_db) == before  # read-only


def test_timeline_without_a_story_shows_every_story_of_the_database(demo_db: Path) -> None:
    all_stories = run_storywatch("timeline", "--db", demo_db, timeout=120)
    one = run_storywatch("timeline", "sarnbruecke", "--db", demo_db, timeout=120)
    assert all_stories.returncode == 0 and all_stories.stdout == one.stdout  # the demo has one story


def test_an_unknown_story_exits_2_with_one_line_naming_the_known_ones(demo_db: Path) -> None:
    run = run_storywatch("timeline", "sarnbrücke", "--db", demo_db, timeout=120)
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr == (f"storywatch timeline: no story 'sarnbrücke' in {demo_db} (stories: sarnbruecke)\n")


def test_a_missing_database_file_is_a_bad_argument(tmp_path: Path) -> None:
    run = run_storywatch("timeline", "--db", tmp_path / "nope.db", cwd=tmp_path, timeout=120)
    assert run.returncode == 2
    assert run.stderr == f"storywatch timeline: --db: no such database file: {tmp_path / 'nope.db'}\n"
    assert not (tmp_path / "nope.db").exists()


def test_a_file_that_is_no_database_exits_1_with_one_line(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("not a database, just notes\n" * 50)
    run = run_storywatch("timeline", "--db", bogus, cwd=tmp_path, timeout=120)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.startswith(f"storywatch timeline: {bogus}: cannot read the database: ")
    assert run.stderr.count("\n") == 1


CONFIG = """\
[database]
path = "storywatch.db"

[[sources]]
name = "Outlet"
url = "http://127.0.0.1:9/"

[[stories]]
id = "sarnbruecke"
title = "Die gesperrte Sarnbrücke"
query = 'Sarnbrücke*'

[[stories]]
id = "hallenbad"
title = "Das Hallenbad"
query = 'Hallenbad'
"""


def test_with_a_config_before_any_crawl_it_says_so_and_creates_nothing(tmp_path: Path) -> None:
    (tmp_path / "storywatch.toml").write_text(CONFIG, encoding="utf-8")
    run = run_storywatch("timeline", "--config", tmp_path / "storywatch.toml", cwd=tmp_path, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        f"database: {tmp_path / 'storywatch.db'} (not created yet: no crawl has run)",
        "sarnbruecke: Die gesperrte Sarnbrücke", "no articles yet", "",
        "hallenbad: Das Hallenbad", "no articles yet"]
    assert not (tmp_path / "storywatch.db").exists()
    unknown = run_storywatch("timeline", "schwimmbad", "--config", tmp_path / "storywatch.toml", cwd=tmp_path,
                             timeout=120)
    assert unknown.returncode == 2
    assert unknown.stderr.endswith("(stories: sarnbruecke, hallenbad)\n")


def test_with_a_config_the_titles_come_from_it_and_the_rows_from_its_database(tmp_path: Path, demo_db: Path) -> None:
    shutil.copy(demo_db, tmp_path / "storywatch.db")
    (tmp_path / "storywatch.toml").write_text(CONFIG, encoding="utf-8")
    run = run_storywatch("timeline", "--config", tmp_path / "storywatch.toml", cwd=tmp_path, timeout=120)
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert out.startswith("sarnbruecke: Die gesperrte Sarnbrücke\n")
    assert "\n\nhallenbad: Das Hallenbad\nno articles yet\n" in out


def test_timeline_and_export_read_while_a_crawl_holds_a_write_transaction(tmp_path: Path, demo_db: Path) -> None:
    db = tmp_path / "demo.db"
    shutil.copy(demo_db, db)
    writer = sqlite3.connect(db)
    try:
        writer.execute("PRAGMA journal_mode = WAL")
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO articles (url, canonical_url, title, first_seen, last_seen, version, text) "
                       "VALUES ('http://x/neu', 'http://x/neu', 'Noch nicht festgeschrieben', 't', 't', 1, 'Text')")
        article_id = writer.execute("SELECT id FROM articles WHERE url = 'http://x/neu'").fetchone()[0]
        writer.execute("INSERT INTO story_articles (story, article_id, status, score, first_seen) "
                       "VALUES ('sarnbruecke', ?, 'follow_up', 0.9, 't')", [article_id])
        timeline = run_storywatch("timeline", "sarnbruecke", "--db", db, cwd=tmp_path, timeout=60)
        export = run_storywatch("export", "sarnbruecke", "--db", db, "--format", "jsonl", cwd=tmp_path, timeout=60)
    finally:
        writer.rollback()
        writer.close()
    assert timeline.returncode == 0, timeline.stderr
    assert export.returncode == 0, export.stderr
    assert "Noch nicht festgeschrieben" not in timeline.stdout + export.stdout  # committed rows only
    assert len(export.stdout.splitlines()) == len(_rows(demo_db))


# -- the formatting alone ------------------------------------------------------------------------------------------
def test_titles_are_cut_to_the_terminal_width_and_notes_shortened() -> None:
    row = {"story": "s", "status": "follow_up", "published": "2025-01-08T05:30:00+00:00", "source": "Tagesecho",
           "title": "Ein sehr langer Titel " * 5, "score": 0.9, "version": 1, "duplicate_of_url": None,
           "new_sentences": "Der erste neue Satz ist lang genug, um gekürzt zu werden.\nEin zweiter folgt."}
    table = format_timeline([row], 80, with_story=False)
    assert all(len(line) <= 80 for line in table.splitlines()), table
    assert "…" in table.splitlines()[2]
    assert table.splitlines()[3].startswith("           new: Der erste neue Satz")


@pytest.mark.parametrize(("row", "expected"), [
    ({"status": "duplicate", "version": 1, "duplicate_of_url": "http://x/o", "duplicate_of_source": "Landespost",
      "new_sentences": None}, ["duplicate of http://x/o (Landespost)"]),
    ({"status": "follow_up", "version": 3, "duplicate_of_url": None, "fetched_at": "2026-12-04T02:50:44Z",
      "new_sentences": '["Alt gespeichert."]'},
     ["new: Alt gespeichert.", "updated: version 3 fetched 2026-12-04 02:50:44 UTC"]),
    ({"status": "seed", "version": 1, "duplicate_of_url": None, "new_sentences": None}, []),
])
def test_notes_say_what_an_article_copies_adds_and_when_it_changed(row: dict, expected: list[str]) -> None:
    assert notes(row) == expected


def test_summary_counts_statuses_in_words() -> None:
    rows = [{"status": "seed"}, {"status": "follow_up"}, {"status": "follow_up"}, {"status": "duplicate"}]
    assert summary(rows) == "4 articles: 1 seed, 2 follow-ups, 1 duplicate"
    assert summary([]) == "no articles yet"
