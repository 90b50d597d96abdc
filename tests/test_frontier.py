"""The durable frontier (storage/frontier.py) on a real SQLite file: adding, claiming, failing, recovering, counting.

Whole crawls that are killed, stopped and failed are in tests/test_frontier_crash.py.
"""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from config.loader import ConfigError, load_config
from crawler.failures import is_transient
from crawler.frontier import candidate_of, entry_for, retry_policy
from crawler.items import Candidate
from crawler.status import collect_status, format_status
from storage import frontier, open_database
from storage.frontier import Entry, RetryPolicy

T0 = "2026-05-01T10:00:00Z"
POLICY = RetryPolicy(first_wait=timedelta(minutes=10), max_attempts=4)


@pytest.fixture
def db(tmp_path: Path) -> Database:
    return open_database(tmp_path / "storywatch.db")


def entry(n: int, source: str = "Example", **hints: str) -> Entry:
    return Entry(url=f"https://example.test/a/{n}", fetch_url=f"https://example.test/a/{n}?utm_source=x",
                 source=source, via="feed", listing="https://example.test/feed.xml", **hints)


def rows(db: Database) -> dict[str, dict]:
    return {r["url"]: r for r in db.query("SELECT * FROM frontier")}


def true_counts(db: Database) -> dict[str, tuple[int, int]]:
    return {r[0]: (r[1], r[2]) for r in db.execute(
        "SELECT source, COUNT(*), SUM(attempts > 0) FROM frontier GROUP BY source")}


# ------------------------------------------------------------------------------------------ adding
def test_a_page_found_twice_is_one_entry_with_its_hints_completed_and_the_newest_signal(db: Database) -> None:
    assert frontier.add(db, entry(1, title="From the feed"), T0) is True
    assert frontier.add(db, entry(1, summary="A summary", updated="2026-05-02T00:00:00Z"), T0) is False
    assert frontier.add(db, entry(1, title="From a section", updated="2026-05-01T00:00:00Z"), T0) is False
    row = rows(db)["https://example.test/a/1"]
    assert (row["title"], row["summary"], row["updated"]) == ("From the feed", "A summary", "2026-05-02T00:00:00Z")
    assert row["fetch_url"].endswith("?utm_source=x") and row["listing"] == "https://example.test/feed.xml"
    assert frontier.totals(db) == (1, 0)


def test_a_candidate_goes_in_and_comes_out_with_every_hint() -> None:
    candidate = Candidate(url="https://example.test/a/1?utm_source=x", source="Example", via="sitemap",
                          title="T", summary="S", published="2026-05-01", updated="2026-05-02T08:00:00Z")
    entry_ = entry_for(candidate, "https://example.test/a/1", "https://example.test/sitemap.xml")
    assert entry_.url == "https://example.test/a/1" and entry_.listing == "https://example.test/sitemap.xml"
    assert candidate_of(entry_) == candidate


# ------------------------------------------------------------------------------------------ claiming
def test_claims_take_the_longest_due_first_up_to_the_limit_and_never_twice(db: Database) -> None:
    for n in range(5):
        frontier.add(db, entry(n), T0)
    frontier.add(db, entry(9), "2026-05-01T09:00:00Z")  # found earlier: due earlier
    first = frontier.claim(db, 1, T0, 3)
    assert [e.url.rsplit("/", 1)[1] for e in first] == ["9", "0", "1"]
    second = frontier.claim(db, 1, T0, 10)
    assert [e.url.rsplit("/", 1)[1] for e in second] == ["2", "3", "4"]
    assert frontier.claim(db, 1, T0, 10) == []
    assert frontier.claim(db, 1, T0, 0) == []


def test_an_entry_not_yet_due_is_not_claimed(db: Database) -> None:
    frontier.add(db, entry(1), "2026-05-01T11:00:00Z")
    assert frontier.claim(db, 1, T0, 10) == []
    assert len(frontier.claim(db, 1, "2026-05-01T11:00:00Z", 10)) == 1


def test_the_next_due_entries_are_read_from_the_partial_index(db: Database) -> None:
    plan = db.execute("EXPLAIN QUERY PLAN SELECT id FROM frontier WHERE claimed_by IS NULL AND next_attempt_at <= ? "
                      "ORDER BY next_attempt_at, id LIMIT 10", [T0]).fetchall()
    assert any("frontier_due" in str(step[-1]) for step in plan), plan
    assert not any("TEMP B-TREE" in str(step[-1]) for step in plan), plan  # no sort of the waiting rows


# ------------------------------------------------------------------------------------------ failing
def test_a_transient_failure_waits_twice_as_long_each_time_and_is_given_up_at_the_last_attempt(
        db: Database) -> None:
    frontier.add(db, entry(1), T0)
    key = entry(1).url
    waits = []
    for attempt in range(1, POLICY.max_attempts):
        assert frontier.claim(db, 7, "2026-06-01T00:00:00Z", 10)
        assert frontier.failed(db, key, "timeout", T0, POLICY) is True
        row = rows(db)[key]
        assert (row["attempts"], row["last_error"]) == (attempt, "timeout")
        waits.append(row["next_attempt_at"])
        assert frontier.claim(db, 7, "2026-06-01T00:00:00Z", 10) == []  # not again in the same run
        frontier.release(db, 7)
    assert waits == ["2026-05-01T10:10:00Z", "2026-05-01T10:20:00Z", "2026-05-01T10:40:00Z"]
    assert frontier.claim(db, 8, "2026-06-01T00:00:00Z", 10)
    assert frontier.failed(db, key, "timeout", T0, POLICY) is False  # the 4th failure of 4 allowed
    assert rows(db) == {} and frontier.totals(db) == (0, 0)


def test_the_wait_stops_growing_at_a_day() -> None:
    assert RetryPolicy(first_wait=timedelta(hours=5)).wait(6) == timedelta(days=1)
    assert RetryPolicy(first_wait=timedelta(0)).wait(3) == timedelta(0)


def test_a_failure_reported_for_a_page_already_gone_changes_nothing(db: Database) -> None:
    assert frontier.failed(db, "https://example.test/none", "timeout", T0, POLICY) is False
    assert frontier.totals(db) == (0, 0)


@pytest.mark.parametrize(("reason", "transient"), [
    ("timeout", True), ("connection_refused", True), ("connection", True), ("dns", True), ("truncated", True),
    ("http_500", True), ("http_503", True), ("http_429", True), ("blocked", True), ("crash", True),
    ("store", True), ("http_404", False), ("http_410", False), ("http_403", False), ("not_html", False),
    ("empty", False), ("too_short", False), ("too_large", False), ("robots_disallowed", False),
    ("offsite", False), ("redirect_offsite", False), ("redirect_loop", False), ("http_5xx", False),
])
def test_which_failures_a_later_run_tries_again(reason: str, transient: bool) -> None:
    assert is_transient(reason) is transient


# ------------------------------------------------------------------------------------------ ends of runs
def test_a_run_that_ends_in_order_hands_its_claims_back_uncounted(db: Database) -> None:
    for n in range(3):
        frontier.add(db, entry(n), T0)
    frontier.claim(db, 1, T0, 10)
    frontier.storing(db, entry(0).url, T0)
    assert frontier.release(db, 1) == 3
    assert {r["attempts"] for r in rows(db).values()} == {0}
    assert len(frontier.claim(db, 2, T0, 10)) == 3


def test_after_a_crash_only_the_page_being_stored_counts_an_attempt_and_goes_to_the_back(db: Database) -> None:
    for n in range(4):
        frontier.add(db, entry(n), T0)
    frontier.claim(db, 1, T0, 3)  # 0, 1, 2 claimed; 3 still waiting
    frontier.storing(db, entry(1).url, T0)
    recovery = frontier.recover(db, "2026-05-01T10:05:00Z", POLICY)
    assert recovery == frontier.Recovery(released=3, interrupted=1, gave_up=0)
    row = rows(db)[entry(1).url]
    assert (row["attempts"], row["last_error"], row["claimed_by"], row["storing_at"]) == (1, "interrupted", None,
                                                                                         None)
    order = [e.url.rsplit("/", 1)[1] for e in frontier.claim(db, 2, "2026-05-01T10:05:00Z", 10)]
    assert order == ["0", "2", "3", "1"]  # the page that may have killed the run comes last


def test_a_page_that_kills_every_run_storing_it_is_given_up(db: Database) -> None:
    frontier.add(db, entry(1), T0)
    for run in range(1, POLICY.max_attempts + 1):
        assert frontier.claim(db, run, T0, 1)
        frontier.storing(db, entry(1).url, T0)
        recovery = frontier.recover(db, T0, POLICY)
    assert recovery.gave_up == 1 and rows(db) == {}


def test_a_death_while_storing_a_batch_charges_each_page_of_it_but_gives_none_up(db: Database) -> None:
    """The run stored three pages in one transaction (crawler.store_batch): any of them may have killed it, so each
    is charged, and none is given up for it, not even one at its last attempt; stored alone next, a death names it."""
    for n in range(4):
        frontier.add(db, entry(n), T0)
    db.execute("UPDATE frontier SET attempts = ? WHERE url = ?", [POLICY.max_attempts - 1, entry(2).url])
    frontier.claim(db, 1, T0, 4)
    for n in range(3):
        frontier.storing(db, entry(n).url, T0)
    recovery = frontier.recover(db, T0, POLICY)
    assert recovery == frontier.Recovery(released=4, interrupted=3, gave_up=0)
    assert {url.rsplit("/", 1)[1]: row["attempts"] for url, row in rows(db).items()} == {
        "0": 1, "1": 1, "2": POLICY.max_attempts, "3": 0}
    # The next run stores page 2 alone (it failed before) and dies: now it is named, and given up.
    assert frontier.claim(db, 2, T0, 4)
    frontier.storing(db, entry(2).url, T0)
    assert frontier.recover(db, T0, POLICY).gave_up == 1
    assert entry(2).url not in rows(db) and len(rows(db)) == 3


# ------------------------------------------------------------------------------------------ counts
def test_per_source_counts_follow_every_change_of_the_table(db: Database) -> None:
    for n in range(6):
        frontier.add(db, entry(n, source="A" if n % 2 else "B"), T0)
    frontier.claim(db, 1, T0, 4)
    frontier.failed(db, entry(0).url, "timeout", T0, POLICY)
    frontier.failed(db, entry(1).url, "http_503", T0, POLICY)
    frontier.done(db, entry(2).url)
    frontier.storing(db, entry(3).url, T0)
    frontier.recover(db, T0, POLICY)
    frontier.failed(db, entry(3).url, "timeout", T0, POLICY)  # second failure: still failing once counted
    expected = true_counts(db)
    assert frontier.by_source(db) == expected == {"A": (3, 2), "B": (2, 1)}
    assert frontier.totals(db) == (5, 3)
    for n in range(6):
        frontier.done(db, entry(n).url)
    assert frontier.by_source(db) == {} and frontier.totals(db) == (0, 0)


def test_status_shows_what_waits_per_source(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    path = tmp_path / "storywatch.db"
    db = open_database(path)
    for n in range(3):
        frontier.add(db, entry(n, source="Example News"), T0)
    frontier.claim(db, 1, T0, 1)
    frontier.failed(db, entry(0).url, "timeout", T0, POLICY)
    db.close()
    report = collect_status(path, [], datetime(2026, 5, 1, tzinfo=UTC))
    assert report["frontier"] == {"Example News": {"waiting": 3, "failing": 1}}
    text = format_status(report, UTC)
    assert "Example News: 3 waiting, 1 failing" in text


def test_status_of_an_older_database_without_a_frontier_shows_none(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    path = tmp_path / "old.db"
    sqlite3.connect(path).close()
    report = collect_status(path, [], datetime(2026, 5, 1, tzinfo=UTC))
    assert report["frontier"] == {}
    assert "waiting to be fetched" not in format_status(report, UTC)


# ------------------------------------------------------------------------------------------ config
def _config(tmp_path: Path, crawl: str) -> Path:
    path = tmp_path / "storywatch.toml"
    path.write_text(f'[database]\npath = "s.db"\n\n[crawl]\n{crawl}\n\n[[stories]]\nid = "s"\ntitle = "S"\n'
                    "query = 'Wasserwerk'\n", encoding="utf-8")
    return path


def test_the_retry_policy_comes_from_the_crawl_settings(tmp_path: Path) -> None:
    config = load_config(_config(tmp_path, "frontier_retry_minutes = 2.5\nfrontier_max_attempts = 3"))
    assert retry_policy(config.crawl) == RetryPolicy(first_wait=timedelta(minutes=2.5), max_attempts=3)


@pytest.mark.parametrize(("line", "problem"), [
    ("frontier_max_attempts = 0", "crawl.frontier_max_attempts: must be at least 1, got 0"),
    ("frontier_retry_minutes = -1", "crawl.frontier_retry_minutes: must be at least 0, got -1"),
    ("frontier_max_attempts = 2.5", "crawl.frontier_max_attempts"),
])
def test_bad_retry_settings_are_config_errors(tmp_path: Path, line: str, problem: str) -> None:
    with pytest.raises(ConfigError, match=problem):
        load_config(_config(tmp_path, line))


# ------------------------------------------------------------------------------------------ sharing among sources
def test_a_claim_shares_the_window_among_the_sources_whose_entries_are_due(db: Database) -> None:
    # One outlet's feed was read first: its entries are the longest due, yet the others are fetched at once too.
    for source in ("Anzeiger", "Bote", "Kurier"):
        for n in range(10):
            frontier.add(db, entry(100 * len(source) + n + ord(source[0]), source=source), T0)
    claimed = frontier.claim(db, 1, T0, 6)
    assert [e.source for e in claimed] == ["Anzeiger", "Bote", "Kurier"] * 2  # interleaved, two each
    # The sources' own order is kept: the longest due of each first.
    for source in ("Anzeiger", "Bote", "Kurier"):
        mine = [e.url for e in claimed if e.source == source]
        assert mine == sorted(mine, key=lambda u: int(u.rsplit("/", 1)[1]))


def test_a_claim_fills_up_the_sources_with_the_fewest_pages_in_flight(db: Database) -> None:
    for source in ("Anzeiger", "Bote"):
        for n in range(10):
            frontier.add(db, entry(n + (0 if source == "Anzeiger" else 50), source=source), T0)
    claimed = frontier.claim(db, 1, T0, 6, busy={"Anzeiger": 4})
    assert sorted(e.source for e in claimed) == ["Anzeiger"] + ["Bote"] * 5  # 4+1 and 0+5 in flight
    # A source with nothing more due gives its share to the others: all that is left of both (9 and 5) comes.
    more = frontier.claim(db, 1, T0, 20, busy={"Anzeiger": 5, "Bote": 5})
    assert len(more) == 9 + 5 and sorted({e.source for e in more}) == ["Anzeiger", "Bote"]
    assert frontier.claim(db, 1, T0, 5) == []


def test_a_sources_next_due_entries_are_read_from_their_own_partial_index(db: Database) -> None:
    plan = db.execute("EXPLAIN QUERY PLAN SELECT id FROM frontier WHERE claimed_by IS NULL AND source = ? "
                      "AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT 10", ["Bote", T0]).fetchall()
    assert any("frontier_due_by_source" in str(step[-1]) for step in plan), plan
    assert not any("TEMP B-TREE" in str(step[-1]) for step in plan), plan


def test_no_source_gets_more_than_its_share_in_flight(db: Database) -> None:
    # Only one outlet's feed has been read so far: it gets its share, the rest of the window waits for the others.
    for n in range(30):
        frontier.add(db, entry(n, source="Anzeiger"), T0)
    assert len(frontier.claim(db, 1, T0, 32, per_source=8)) == 8
    assert frontier.claim(db, 1, T0, 32, busy={"Anzeiger": 8}, per_source=8) == []
    assert len(frontier.claim(db, 1, T0, 32, busy={"Anzeiger": 5}, per_source=8)) == 3
