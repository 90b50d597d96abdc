"""Per-outlet learned boilerplate in real crawls: learned within the run, re-cleaned in stored texts, never a version.

Two rounds of `storywatch run` (subprocesses) against the one-outlet web of tests/boilerplateweb.py on loopback.
Round 1: the outlet's own lines (a request for tips addressed to the reader, a closing label) recur on every page;
no rule knows them, so the first pages are stored with them, the crawl learns them and the end of the run cleans
every stored text, including those stored before the lines were learned.  What recurs legitimately between two
articles of one story (background, a quote, a crosshead) stays.  Round 2: a new recurring line, learned from two
new pages, is also cleaned from a round-1 article; a re-fetched article that changed only its furniture keeps its
version, one that got a new paragraph gets a new one.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from testmodules import load_module

from crawler import dedup

REPO = Path(__file__).resolve().parents[1]
web = load_module("boilerplateweb", REPO / "tests" / "boilerplateweb.py")
CliRunner = Callable[..., subprocess.CompletedProcess[str]]


@dataclass(frozen=True)
class Snapshot:
    """What the database held after a round."""

    articles: dict[str, dict]  # by the test web's key
    stats: list[dict]  # runs.stats, oldest first
    versions: dict[int, list[str]]  # article id -> earlier texts
    bands: dict[int, set[tuple[int, int]]]  # article id -> (band, bucket)
    fts: dict[str, int]  # word -> articles found by the full-text index


@dataclass(frozen=True)
class Crawl:
    runs: tuple[subprocess.CompletedProcess[str], ...]
    round1: Snapshot
    final: Snapshot
    db: Path


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory, run_cli: CliRunner) -> Iterator[Crawl]:
    from crawler.demo.server import OutletWeb

    tmp = tmp_path_factory.mktemp("learned")
    root = web.write_web(tmp / "web")
    db = tmp / "storywatch.db"
    with OutletWeb(root) as outlets:
        config = outlets.render_config(db, tmp / "storywatch.toml")
        first = run_cli("run", "--config", config, cwd=tmp)
        round1 = _snapshot(db)
        outlets.round = 2
        # The store's times are whole seconds: round 2 begins in a later second than round 1 ended, or a refetched
        # article's last_seen could equal round 1's (two quick rounds within one second).
        time.sleep(1.0 - time.time() % 1.0 + 0.01)
        second = run_cli("run", "--config", config, cwd=tmp)
    yield Crawl((first, second), round1, _snapshot(db), db)


def _snapshot(path: Path) -> Snapshot:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        rows = [dict(r) for r in conn.execute("SELECT * FROM articles")]
        by_path = {a.path: a.key for a in web.ARTICLES}
        articles = {by_path[next(p for p in by_path if r["canonical_url"].endswith(p))]: r for r in rows}
        stats = [json.loads(r[0]) for r in conn.execute("SELECT stats FROM runs ORDER BY id")]
        versions: dict[int, list[str]] = {r["id"]: [] for r in rows}
        for article_id, text in conn.execute("SELECT article_id, text FROM article_versions ORDER BY version"):
            versions[article_id].append(text)
        bands: dict[int, set[tuple[int, int]]] = {r["id"]: set() for r in rows}
        for band, bucket, article_id in conn.execute("SELECT band, bucket, article_id FROM article_bands"):
            bands[article_id].add((band, bucket))
        fts = {word: conn.execute("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH ?", [word]).fetchone()[0]
               for word in ("Lokalredaktion", "Livestream", "Kirchenchor")}
    finally:
        conn.close()
    return Snapshot(articles, stats, versions, bands, fts)


def test_both_rounds_finish(crawl: Crawl) -> None:
    for run in crawl.runs:
        assert run.returncode == 0, run.stderr[-2000:]


def test_the_outlets_recurring_lines_are_gone_from_every_text_of_round_1(crawl: Crawl) -> None:
    rows = crawl.round1.articles
    assert set(rows) == {"story_first", "story_followup", "other_market", "other_choir"}
    for key, row in rows.items():
        assert web.PROMO not in row["text"], key
        assert web.LABEL not in row["text"], key
        assert web.BY_KEY[key].paragraphs[-1] in row["text"], key  # and the article's own text is whole
    # Some pages were stored before the lines were learned: the end of the run cleaned them.
    assert crawl.round1.stats[0]["recleaned"] >= 1


def test_what_recurs_legitimately_between_two_articles_of_a_story_stays(crawl: Crawl) -> None:
    rows = crawl.final.articles
    for key in ("story_first", "story_followup"):
        lines = rows[key]["text"].split("\n")
        assert web.BACKGROUND in lines and web.QUOTE in lines and web.CROSSHEAD in lines, key


def test_a_cleaned_text_keeps_its_version_hash_bands_and_full_text_index_in_step(crawl: Crawl) -> None:
    snap = crawl.round1
    assert all(r["version"] == 1 for r in snap.articles.values())
    assert not any(snap.versions.values())
    for key, row in snap.articles.items():
        assert row["content_hash"] == dedup.content_hash(row["text"]), key
        assert snap.bands[row["id"]] == set(dedup.band_keys(dedup.signature(dedup.shingles(row["text"])))), key
    # The index follows the text: the learned line's words are no longer found, the article's still are.
    assert snap.fts["Lokalredaktion"] == 0 and snap.fts["Kirchenchor"] == 1


def test_a_line_learned_in_a_later_run_is_cleaned_from_texts_stored_earlier(crawl: Crawl) -> None:
    before, after = crawl.round1.articles, crawl.final.articles
    assert web.CAMPAIGN in before["other_choir"]["text"]  # one article had it in round 1: not yet learned
    assert crawl.round1.fts["Livestream"] == 1 and crawl.final.fts["Livestream"] == 0
    for key in ("other_choir", "round2_library", "round2_fire"):
        assert web.CAMPAIGN not in after[key]["text"], key
    assert after["other_choir"]["version"] == 1
    assert after["other_choir"]["text"] == "\n".join(
        line for line in before["other_choir"]["text"].split("\n") if line != web.CAMPAIGN)
    assert crawl.final.stats[1]["recleaned"] >= 1


def test_a_refetch_that_changed_only_furniture_keeps_its_version(crawl: Crawl) -> None:
    before, after = crawl.round1.articles["other_market"], crawl.final.articles["other_market"]
    assert after["version"] == 1 and after["text"] == before["text"]
    assert crawl.final.versions[after["id"]] == []
    assert after["last_seen"] > before["last_seen"]  # it was fetched again


def test_a_refetch_with_a_new_paragraph_is_a_new_version(crawl: Crawl) -> None:
    row = crawl.final.articles["story_followup"]
    assert row["version"] == 2 and web.ADDED in row["text"]
    assert web.PROMO not in row["text"]
    old = crawl.final.versions[row["id"]]
    assert len(old) == 1 and web.ADDED not in old[0]


def test_the_noted_articles_were_all_a_reclean_had_to_read(crawl: Crawl, tmp_path: Path) -> None:
    """After both rounds no note is left, and reading every stored article of the outlet again (as the re-clean of a
    store written before articles were noted does) finds nothing more to clean."""
    import shutil

    from crawler import reclean
    from storage.db import open_database

    copy = tmp_path / "copy.db"
    shutil.copy(crawl.db, copy)
    db = open_database(copy)
    assert db.execute("SELECT count(*) FROM reclean_pending").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM boilerplate WHERE learned_at IS NOT NULL").fetchone()[0] >= 3
    with db.conn:
        db.execute("UPDATE boilerplate SET first_article = NULL")
        db.execute("DELETE FROM boilerplate_sites")
    done = reclean.reclean_learned(db)
    assert done.sites == 1 and done.articles == 0
