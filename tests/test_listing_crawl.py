"""Two crawl rounds of the listing web (tests/listingweb.py): its sitemap and feed list home, section, topic, river and
author pages next to articles, and round 2 changes every listing's teasers.  No listing becomes an article, a
version or a story member; the articles they link to are found and stored; `dropped.not_article` counts them."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from listingweb import ListingWeb, build

pytestmark = pytest.mark.slow
CliRunner = Callable[..., subprocess.CompletedProcess[str]]
SOURCES = {"blick": "Tagesblick", "courier": "Harbor City Courier"}


@dataclass(frozen=True)
class Crawl:
    web: ListingWeb
    bases: dict[str, str]
    runs: tuple[subprocess.CompletedProcess[str], subprocess.CompletedProcess[str]]
    db_round1: Path
    db: Path
    requests: tuple[tuple[str, str, int, int], ...]  # (site, path, status, round)

    def url(self, site: str, path: str) -> str:
        return self.bases[site] + path


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory, run_cli: CliRunner) -> Iterator[Crawl]:
    from crawler.demo.server import OutletWeb

    tmp = tmp_path_factory.mktemp("listings")
    web_info = build(tmp / "web")
    db = tmp / "storywatch.db"
    with OutletWeb(tmp / "web") as web:
        config = web.render_config(db, tmp / "storywatch.toml")
        first = run_cli("run", "--config", config, cwd=tmp)
        _copy(db, tmp / "round1.db")
        web.round = 2
        second = run_cli("run", "--config", config, cwd=tmp)
        requests = tuple((r.site, r.path, r.status, r.round) for r in web.requests)
        bases = {site: web.base(site) for site in web.sites}
    yield Crawl(web_info, bases, (first, second), tmp / "round1.db", db, requests)


def _copy(src: Path, dest: Path) -> None:
    with sqlite3.connect(src) as a, sqlite3.connect(dest) as b:
        a.backup(b)


def _rows(db: Path, sql: str, *args: object) -> list[sqlite3.Row]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def _stats(db: Path) -> list[dict]:
    return [json.loads(r["stats"]) for r in _rows(db, "SELECT stats FROM runs ORDER BY id")]


def _stored_urls(db: Path) -> set[str]:
    """Every address an articles row is known under: its URL, canonical URL and URL variants."""
    urls = {u for r in _rows(db, "SELECT url, canonical_url FROM articles") for u in (r["url"], r["canonical_url"])}
    return urls | {r["url"] for r in _rows(db, "SELECT url FROM article_urls")}


def _listing_urls(crawl: Crawl) -> list[str]:
    return [crawl.url(site, path) for site, paths in crawl.web.listings.items() for path in paths]


@pytest.mark.parametrize("round_", [1, 2])
def test_both_rounds_finish_without_errors(crawl: Crawl, round_: int) -> None:
    run = crawl.runs[round_ - 1]
    assert run.returncode == 0, run.stderr[-3000:]
    stats = _stats(crawl.db)[round_ - 1]
    assert stats["errors"] == 0, stats["errors_by_source"]


def test_every_listing_is_fetched_in_both_rounds(crawl: Crawl) -> None:
    for site, paths in crawl.web.listings.items():
        for path in paths:
            rounds = {rnd for s, p, status, rnd in crawl.requests if s == site and p == path and status == 200}
            assert rounds == {1, 2}, (site, path, rounds)


def test_no_listing_is_stored_as_an_article(crawl: Crawl) -> None:
    stored = _stored_urls(crawl.db)
    for url in _listing_urls(crawl):
        assert url not in stored and url.rstrip("/") not in stored, url


def test_no_listing_joins_the_story_or_becomes_a_version(crawl: Crawl) -> None:
    members = {r["url"] for r in _rows(crawl.db, "SELECT a.url FROM story_articles s JOIN articles a "
                                                 "ON a.id = s.article_id")}
    candidates = {r["url"] for r in _rows(crawl.db, "SELECT a.url FROM story_candidates s JOIN articles a "
                                                    "ON a.id = s.article_id")}
    for url in _listing_urls(crawl):
        assert url not in members | candidates
    assert _rows(crawl.db, "SELECT count(*) AS n FROM article_versions")[0]["n"] == 0
    assert _stats(crawl.db)[1]["updated"] == 0


def test_the_story_holds_the_articles_that_match_it(crawl: Crawl) -> None:
    members = {r["url"] for r in _rows(crawl.db, "SELECT a.url FROM story_articles s JOIN articles a "
                                                 "ON a.id = s.article_id")}
    assert crawl.url("blick", crawl.web.listed_articles["blick"][0]) in members  # 'Sarnbrücke bleibt ... gesperrt'
    assert crawl.url("courier", crawl.web.listed_articles["courier"][0]) in members  # 'Harbour crane strike ...'


def test_articles_linked_only_from_listings_are_found_and_stored(crawl: Crawl) -> None:
    stored_round1 = _stored_urls(crawl.db_round1)
    for site, paths in crawl.web.linked_round1.items():
        assert paths
        for path in paths:
            assert crawl.url(site, path) in stored_round1, (site, path)
    stored = _stored_urls(crawl.db)
    for site, paths in crawl.web.linked_round2.items():
        assert paths
        for path in paths:
            assert crawl.url(site, path) in stored, (site, path)


def test_articles_listed_in_the_sitemap_and_feed_are_stored(crawl: Crawl) -> None:
    stored = _stored_urls(crawl.db_round1)
    for site, paths in crawl.web.listed_articles.items():
        for path in paths:
            assert crawl.url(site, path) in stored, (site, path)


@pytest.mark.parametrize("round_", [1, 2])
def test_dropped_not_article_counts_every_listing_per_source_and_kind(crawl: Crawl, round_: int) -> None:
    stats = _stats(crawl.db)[round_ - 1]
    listings = sum(len(paths) for paths in crawl.web.listings.values())
    taken_down = 1 if round_ == 2 else 0  # the article address that shows a section in round 2
    assert stats["dropped"]["not_article"] == listings + taken_down
    by_source = stats["not_article_by_source"]
    assert by_source["Tagesblick"] == {"home": 1, "section": 1 + taken_down, "tag": 1}
    assert by_source["Harbor City Courier"] == {"section": 1, "author": 1}


def test_an_article_whose_address_later_shows_a_listing_keeps_its_text_and_gets_no_version(crawl: Crawl) -> None:
    site, path = crawl.web.taken_down
    url = crawl.url(site, path)
    assert (site, path, 200, 2) in crawl.requests  # fetched again on the sitemap's newer lastmod
    before = _rows(crawl.db_round1, "SELECT id, text, version FROM articles WHERE url = ?", url)
    after = _rows(crawl.db, "SELECT id, text, version FROM articles WHERE url = ?", url)
    assert len(before) == len(after) == 1
    assert tuple(after[0]) == tuple(before[0]) and after[0]["version"] == 1


def test_round_2_fetches_no_known_article_again_without_a_signal(crawl: Crawl) -> None:
    known = {(site, path) for site, paths in crawl.web.linked_round1.items() for path in paths}
    known |= {(site, path) for site, paths in crawl.web.listed_articles.items() for path in paths}
    known.discard(crawl.web.taken_down)
    again = [(s, p) for s, p, status, rnd in crawl.requests if rnd == 2 and (s, p) in known]
    assert again == []
