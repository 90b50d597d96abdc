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
class Crawl:
    runs: tuple[subprocess.CompletedProcess[str], ...]
    round1: Path  # a copy of the database after round 1
    final: Path


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory, run_cli: CliRunner) -> Iterator[Crawl]:
    from crawler.demo.server import OutletWeb

    tmp = tmp_path_factory.mktemp("learned")
    root = web.write_web(tmp / "web")
    db = tmp / "storywatch.db"
    with OutletWeb(root) as outlets:
        config = outlets.render_config(db, tmp / "storywatch.toml")
        first = run_cli("run", "--config", config, cwd=tmp)
        _copy(db, tmp / "round1.db")
        outlets.round = 2
        second = run_cli("run", "--config", config, cwd=tmp)
    yield Crawl((first, second), tmp / "round1.db", db)


def _copy(src: Path, dest: Path) -> None:
    source, target = sqlite3.connect(src), sqlite3.connect(dest)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()


def _rows(path: Path) -> dict[str, dict]:
    """Articles by the test web's key."""
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        rows = [dict(r) for r in conn.execute("SELECT * FROM articles")]
    finally:
        conn.close()
    by_path = {a.path: a.key for a in web.ARTICLES}
    return {by_path[next(p for p in by_path if r["canonical_url"].endswith(p))]: r for r in rows}


def _query(path: Path, sql: str, *args: object) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def _stats(path: Path) -> list[dict]:
    return [json.loads(s) for (s,) in _query(path, "SELECT stats FROM runs ORDER BY id")]


def test_both_rounds_finish(crawl: Crawl) -> None:
    for run in crawl.runs:
        assert run.returncode == 0, run.stderr[-2000:]


def test_the_outlets_recurring_lines_are_gone_from_every_text_of_round_1(crawl: Crawl) -> None:
    rows = _rows(crawl.round1)
    assert set(rows) == {"story_first", "story_followup", "other_market", "other_choir"}
    for key, row in rows.items():
        assert web.PROMO not in row["text"], key
        assert web.LABEL not in row["text"], key
        assert web.BY_KEY[key].paragraphs[-1] in row["text"], key  # and the article's own text is whole
    # Some pages were stored before the lines were learned: the end of the run cleaned them.
    assert _stats(crawl.round1)[0]["recleaned"] >= 1


def test_what_recurs_legitimately_between_two_articles_of_a_story_stays(crawl: Crawl) -> None:
    rows = _rows(crawl.final)
    for key in ("story_first", "story_followup"):
        lines = rows[key]["text"].split("\n")
        assert web.BACKGROUND in lines and web.QUOTE in lines and web.CROSSHEAD in lines, key


def test_a_cleaned_text_keeps_its_version_hash_bands_and_full_text_index_in_step(crawl: Crawl) -> None:
    rows = _rows(crawl.round1)
    assert all(r["version"] == 1 for r in rows.values())
    assert _query(crawl.round1, "SELECT COUNT(*) FROM article_versions") == [(0,)]
    for key, row in rows.items():
        assert row["content_hash"] == dedup.content_hash(row["text"]), key
        stored = set(_query(crawl.round1, "SELECT band, bucket FROM article_bands WHERE article_id = ?", row["id"]))
        assert stored == set(dedup.band_keys(dedup.signature(dedup.shingles(row["text"])))), key
    # The index follows the text: the learned line's words are no longer found, the article's still are.
    assert _query(crawl.round1, "SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'Lokalredaktion'") == [(0,)]
    assert _query(crawl.round1, "SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'Kirchenchor'") == [(1,)]


def test_a_line_learned_in_a_later_run_is_cleaned_from_texts_stored_earlier(crawl: Crawl) -> None:
    before, after = _rows(crawl.round1), _rows(crawl.final)
    assert web.CAMPAIGN in before["other_choir"]["text"]  # one article had it in round 1: not yet learned
    for key in ("other_choir", "round2_library", "round2_fire"):
        assert web.CAMPAIGN not in after[key]["text"], key
    assert after["other_choir"]["version"] == 1
    assert after["other_choir"]["text"] == "\n".join(
        line for line in before["other_choir"]["text"].split("\n") if line != web.CAMPAIGN)
    assert _stats(crawl.final)[1]["recleaned"] >= 1


def test_a_refetch_that_changed_only_furniture_keeps_its_version(crawl: Crawl) -> None:
    before, after = _rows(crawl.round1), _rows(crawl.final)
    market = after["other_market"]
    assert market["version"] == 1 and market["text"] == before["other_market"]["text"]
    assert _query(crawl.final, "SELECT COUNT(*) FROM article_versions WHERE article_id = ?", market["id"]) == [(0,)]
    assert market["last_seen"] > before["other_market"]["last_seen"]  # it was fetched again


def test_a_refetch_with_a_new_paragraph_is_a_new_version(crawl: Crawl) -> None:
    row = _rows(crawl.final)["story_followup"]
    assert row["version"] == 2 and web.ADDED in row["text"]
    assert web.PROMO not in row["text"]
    old = _query(crawl.final, "SELECT text FROM article_versions WHERE article_id = ?", row["id"])
    assert len(old) == 1 and web.ADDED not in old[0][0]
