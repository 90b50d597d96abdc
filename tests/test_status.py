"""`storywatch status` on a real SQLite file: last run per story, errors by source, articles, next run."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from crawler.status import collect_status, format_status, last_run_started
from storage import open_database

REPO = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 11, 20, 8, 10, tzinfo=UTC)


@dataclass(frozen=True)
class FakeStory:
    id: str
    title: str
    schedule: str | None = None


STORIES = [FakeStory("assad", "Assad and the Kremlin", "*/30 * * * *"), FakeStory("quiet", "A quiet story")]


def add_run(db, story: str | None, started: str, finished: str | None, status: str, stats: dict) -> int:
    cur = db.execute("INSERT INTO runs (started_at, finished_at, status, story, pid, stats) VALUES (?, ?, ?, ?, 1, ?)",
                     [started, finished, status, story, json.dumps(stats)])
    return int(cur.lastrowid)


def add_member(db, story: str, n: int, status: str, run_id: int | None) -> None:
    cur = db.execute("INSERT INTO articles (url, canonical_url, title, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)",
                     [f"https://news.test/{story}/{n}", f"https://news.test/{story}/{n}", f"Article {n}",
                      "2026-11-19T10:00:00Z", "2026-11-19T10:00:00Z"])
    db.execute("INSERT INTO story_articles (story, article_id, status, first_seen, run_id) VALUES (?, ?, ?, ?, ?)",
               [story, cur.lastrowid, status, "2026-11-19T10:00:00Z", run_id])


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "storywatch.db"
    db = open_database(path)
    early = add_run(db, None, "2026-11-19T10:00:00Z", "2026-11-19T10:02:00Z", "ok", {"new": 3, "errors": 0})
    add_member(db, "assad", 1, "seed", early)
    add_member(db, "assad", 2, "follow_up", early)
    add_member(db, "quiet", 3, "follow_up", early)
    last = add_run(db, "assad", "2026-11-20T08:00:00Z", "2026-11-20T08:01:15Z", "partial", {
        "new": 2, "errors": 3,
        "errors_by_source": {"Example News": {"http_404": 2}, "Other Daily": {"timeout": 1}},
    })
    add_member(db, "assad", 4, "follow_up", last)
    add_member(db, "assad", 5, "follow_up", last)
    add_member(db, "assad", 6, "duplicate", last)
    db.conn.commit()
    db.close()
    return path


def test_last_run_of_a_story_with_time_duration_new_articles_and_errors_by_source(db_path: Path) -> None:
    report = collect_status(db_path, STORIES, NOW)
    assad = report["stories"][0]
    last = assad["last_run"]
    assert last["status"] == "partial"
    assert last["started_at"] == "2026-11-20T08:00:00Z"
    assert last["seconds"] == 75.0
    assert (last["new_articles"], last["duplicates"], last["errors"]) == (2, 1, 3)
    assert last["errors_by_source"] == {"Example News": {"http_404": 2}, "Other Daily": {"timeout": 1}}
    assert assad["articles"] == {"seed": 1, "follow_up": 3, "duplicate": 1}
    assert assad["next_run"] == "2026-11-20T08:30:00+00:00"


def test_a_run_of_every_story_counts_as_the_last_run_of_each(db_path: Path) -> None:
    quiet = collect_status(db_path, STORIES, NOW)["stories"][1]
    assert quiet["last_run"]["scope"] == "all stories"
    assert quiet["last_run"]["new_articles"] == 1
    assert quiet["next_run"] is None
    assert quiet["articles"] == {"seed": 0, "follow_up": 1, "duplicate": 0}


def test_text_report_names_the_run_errors_articles_and_next_run(db_path: Path) -> None:
    text = format_status(collect_status(db_path, STORIES, NOW), ZoneInfo("Europe/Berlin"))
    assert "assad: Assad and the Kremlin" in text
    assert "last run:  2026-11-20 09:00:00 CET, partial, took 1 min 15 s: 2 new, 1 duplicate, 3 errors" in text
    assert "errors from Example News: http_404 2" in text
    assert "errors from Other Daily: timeout 1" in text
    assert "articles:  1 seed, 3 follow-up, 1 duplicate" in text
    assert "next run:  2026-11-20 09:30:00 CET (*/30 * * * *)" in text
    assert "next run:  no schedule" in text


def test_database_without_runs_reports_none_yet(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    open_database(path).close()
    report = collect_status(path, STORIES, NOW)
    assert [s["last_run"] for s in report["stories"]] == [None, None]
    assert report["stories"][0]["articles"] == {"seed": 0, "follow_up": 0, "duplicate": 0}
    text = format_status(report, UTC)
    assert text.count("last run:  none yet") == 2
    assert last_run_started(path, "assad") is None


def test_missing_database_is_reported_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "never.db"
    report = collect_status(path, STORIES, NOW)
    assert report["database_exists"] is False
    assert "not created yet" in format_status(report, UTC)
    assert not path.exists()


def test_running_crawl_is_named_with_its_pid(db_path: Path) -> None:
    from storage.lock import CrawlLock

    db = open_database(db_path)
    add_run(db, "assad", "2026-11-20T08:05:00Z", None, "running", {})
    db.conn.commit()
    db.close()
    with CrawlLock(db_path) as lock:
        report = collect_status(db_path, STORIES, NOW)
        assert report["crawl_running_pid"] == lock.holder_pid()
        text = format_status(report, UTC)
    assert "a crawl is running now, pid" in text
    assert "running, took still running" in text
    assert report["stories"][0]["last_run"]["seconds"] is None


def test_a_running_row_without_a_lock_holder_is_reported_interrupted(db_path: Path) -> None:
    db = open_database(db_path)
    add_run(db, "assad", "2026-11-20T08:05:00Z", None, "running", {})
    db.conn.commit()
    db.close()
    assert collect_status(db_path, STORIES, NOW)["stories"][0]["last_run"]["status"] == "interrupted"


def test_unreadable_stats_do_not_break_the_report(db_path: Path) -> None:
    db = open_database(db_path)
    db.execute("INSERT INTO runs (started_at, finished_at, status, story, pid, stats) "
               "VALUES ('2026-11-20T08:06:00Z', '2026-11-20T08:07:00Z', 'failed', 'assad', 1, 'not json')")
    db.conn.commit()
    db.close()
    last = collect_status(db_path, STORIES, NOW)["stories"][0]["last_run"]
    assert last["status"] == "failed"
    assert last["errors_by_source"] == {} and last["errors"] == 0


CONFIG = """
[database]
path = "storywatch.db"

[[sources]]
name = "Example News"
url = "http://127.0.0.1:9/"

[[stories]]
id = "assad"
title = "Assad and the Kremlin"
query = 'Assad AND Kreml*'
schedule = "*/30 * * * *"

[[stories]]
id = "quiet"
title = "A quiet story"
query = 'quiet'
"""


def test_command_prints_text_and_json(tmp_path: Path, db_path: Path) -> None:
    pytest.importorskip("config.loader")
    config = tmp_path / "storywatch.toml"
    config.write_text(CONFIG)
    assert db_path == tmp_path / "storywatch.db"
    text = subprocess.run([sys.executable, "-m", "crawler", "status", "--config", str(config), "--timezone", "UTC"],
                          check=False, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert text.returncode == 0, text.stderr
    assert "errors from Example News: http_404 2" in text.stdout
    out = subprocess.run([sys.executable, "-m", "crawler", "status", "--config", str(config), "--json"],
                         check=False, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert [s["id"] for s in report["stories"]] == ["assad", "quiet"]
    assert report["stories"][0]["last_run"]["new_articles"] == 2


def test_command_with_a_missing_config_exits_2_with_one_line(tmp_path: Path) -> None:
    pytest.importorskip("config.loader")
    got = subprocess.run([sys.executable, "-m", "crawler", "status", "--config", str(tmp_path / "nope.toml")],
                         check=False, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert got.returncode == 2
    assert len(got.stderr.strip().splitlines()) == 1 and "Traceback" not in got.stderr
