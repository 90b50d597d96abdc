"""The outside acceptance check on a web nobody wrote rules for (tests/unseenweb.py), run as a new user runs it.

`storywatch init` makes the folder, the user writes five outlets and one story (two seeds) into the config, then
`storywatch run` twice (round 2: follow-ups, a hard negative of each kind, an updated article, a wire copy whose
page changed only around the text), `status`, `timeline` and `export` after each.  Asserted on what was stored:
membership after each round, every planted boilerplate line absent from every stored text and every body
paragraph present, no listing stored, the wire copies marked, one new version for the one updated article only,
URL variants (utm, AMP, a redirect, trailing slash) one row each, and the metadata of wire copy.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import html as lxml_html
from unseenweb import (
    ARTICLES,
    BY_KEY,
    LISTINGS,
    PLANTED,
    SEED_FILE,
    SOURCES,
    STORY,
    build,
    config_text,
    members,
)

from crawler.extract import related_links

pytestmark = pytest.mark.slow
CliRunner = Callable[..., subprocess.CompletedProcess[str]]
FIRST_HOST = 170  # 127.0.0.170-174: clear of the other test webs


@dataclass(frozen=True)
class Round:
    run: subprocess.CompletedProcess[str]
    status: subprocess.CompletedProcess[str]
    timeline: subprocess.CompletedProcess[str]
    export: subprocess.CompletedProcess[str]
    db: Path  # a copy of the database after the round


@dataclass(frozen=True)
class Crawl:
    rounds: dict[int, Round]
    bases: dict[str, str]
    requests: tuple[tuple[str, str, int, int], ...]  # (site, path, status, round)

    def key_of(self, url: str | None) -> str | None:
        """The web's key of a stored canonical URL (None for a URL the web does not have as an article)."""
        for a in ARTICLES:
            if url == self.bases[a.site] + a.path:
                return a.key
        return None if url is None else f"?{url}"


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory, run_cli: CliRunner) -> Iterator[Crawl]:
    from crawler.demo.server import OutletWeb

    tmp = tmp_path_factory.mktemp("unseen")
    build(tmp / "web")
    news = tmp / "news"
    init = run_cli("init", news, cwd=tmp)
    assert init.returncode == 0, init.stderr
    (news / "seeds" / "tannried-gemeinderat.txt").write_text(SEED_FILE, encoding="utf-8")
    config = news / "storywatch.toml"
    rounds: dict[int, Round] = {}
    with OutletWeb(tmp / "web", first_host=FIRST_HOST) as web:
        bases = {site: web.base(site) for site in web.sites}
        config.write_text(config_text("storywatch.db", "seeds/tannried-gemeinderat.txt", bases), encoding="utf-8")
        for rnd in (1, 2):
            web.round = rnd
            run = run_cli("run", "--config", config, cwd=tmp)
            copy = tmp / f"round{rnd}.db"
            with sqlite3.connect(news / "storywatch.db") as src, sqlite3.connect(copy) as dest:
                src.backup(dest)
            rounds[rnd] = Round(run, run_cli("status", "--config", config, cwd=tmp),
                                run_cli("timeline", STORY, "--config", config, cwd=tmp),
                                run_cli("export", STORY, "--format", "jsonl", "--config", config, cwd=tmp), copy)
        requests = tuple((r.site, r.path, r.status, r.round) for r in web.requests)
    yield Crawl(rounds, bases, requests)


def _rows(db: Path, sql: str) -> list[sqlite3.Row]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _articles(crawl: Crawl, rnd: int) -> dict[str | None, sqlite3.Row]:
    return {crawl.key_of(r["canonical_url"]): r for r in _rows(crawl.rounds[rnd].db, "SELECT * FROM articles")}


def _members(crawl: Crawl, rnd: int) -> dict[str | None, tuple[str, str | None, float]]:
    """key -> (status, key of the original, score) of the story's members after a round."""
    rows = _rows(crawl.rounds[rnd].db, "SELECT sa.status, sa.score, a.canonical_url, d.canonical_url AS original "
                                        "FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
                                        "LEFT JOIN articles d ON d.id = sa.duplicate_of")
    return {crawl.key_of(r["canonical_url"]): (r["status"], crawl.key_of(r["original"]), r["score"]) for r in rows}


# -- the commands a new user runs ---------------------------------------------------------------------------------

@pytest.mark.parametrize("rnd", [1, 2])
def test_each_round_runs_ok_and_status_timeline_and_export_show_the_story(crawl: Crawl, rnd: int) -> None:
    r = crawl.rounds[rnd]
    assert r.run.returncode == 0, r.run.stderr[-3000:]
    assert f"run {rnd} ok:" in r.run.stdout and "0 errors" in r.run.stdout, r.run.stdout + r.run.stderr[-2000:]
    assert r.status.returncode == 0 and STORY in r.status.stdout, r.status.stderr
    assert r.timeline.returncode == 0, r.timeline.stderr
    assert BY_KEY["seed"].title in r.timeline.stdout
    assert r.export.returncode == 0, r.export.stderr
    exported = [json.loads(line) for line in r.export.stdout.splitlines()]
    assert {crawl.key_of(e["canonical_url"]) for e in exported} == set(_members(crawl, rnd))


# -- membership ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("rnd", [1, 2])
def test_every_story_article_is_in_the_story_after_each_round(crawl: Crawl, rnd: int) -> None:
    """Recall 1: the seed, the follow-ups on new aspects (one reachable only through the seed's 'Mehr dazu' box),
    the three wire copies."""
    missing = members(rnd) - set(_members(crawl, rnd))
    assert not missing, {k: BY_KEY[k].title for k in missing}


@pytest.mark.parametrize("rnd", [1, pytest.param(2, marks=pytest.mark.xfail(strict=True, reason=(
    "membership: the garden-show bid (ticker, dpa; names Tannried, its mayor, the Gemeinderat, Hochwasser, the "
    "Rhine, the ferry to Kaiserried, Millionen Euro) joins with 0.92 although it reports another matter: its own "
    "evidence (best similarity 0.345 to the seeds, 0.61 of the strong members' evidence) equals the true Swiss "
    "follow-up's (0.342, 0.61), so the evidence bound (half the reference) cannot tell them apart; the weakest true "
    "follow-up (the builder's contract) scores 0.835, the other negatives 0.78")))])
def test_no_page_on_another_matter_joins_the_story(crawl: Crawl, rnd: int) -> None:
    """Precision 1: rescue boats, a ferry, another retention basin, a garden-show bid, a twin-town visit all match
    the query and name the story's mayor, town, builder or river; none of them is in the story."""
    extra = set(_members(crawl, rnd)) - members(rnd)
    assert not extra, {k: _members(crawl, rnd)[k] for k in extra}


def test_wire_copies_are_duplicates_of_the_earliest_copy(crawl: Crawl) -> None:
    """The dpa report on three outlets: the portal's (09:12) is the original; the tabloid's under its own headline
    (09:40, found through an AMP link) and the Swiss paper's in ss and « » (10:05) point at it."""
    for rnd in (1, 2):
        got = _members(crawl, rnd)
        assert got["wire_ticker"][0] == "follow_up"
        assert got["wire_express"][:2] == ("duplicate", "wire_ticker")
        assert got["wire_grenzpost"][:2] == ("duplicate", "wire_ticker")
        assert got["seed"][0] == "seed"


# -- what is stored -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("rnd", [1, pytest.param(2, marks=pytest.mark.xfail(strict=True, reason=(
    "cleaning: the tabloid's short brief (appeal, 427 chars) keeps 'Ebenfalls spannend: Lawinenwarnstufe drei am "
    "Arlberg', a label and one linked headline of another article of the site; trafilatura leaves the line on this "
    "page only (not on the longer pages of the same template), so it is learned from one article and stays; no "
    "rule knows the label 'Ebenfalls spannend'. A shape rule (a label and one linked headline of the same site) "
    "removes it, but then the brief's paid-tier promo box is its last line and the brief is judged a paywall and "
    "lost: it passes the wall check only because this line follows the box")))])
def test_no_planted_boilerplate_line_reaches_a_stored_text_and_no_body_paragraph_is_lost(crawl: Crawl,
                                                                                          rnd: int) -> None:
    kept, lost = [], []
    for key, row in _articles(crawl, rnd).items():
        a = BY_KEY[key]
        lines = [line for line in row["text"].splitlines() if line.strip()]
        kept += [(key, line) for line in lines for planted in PLANTED[a.site] if planted[:40] in line]
        kept += [(key, line) for line in lines if line.strip() in (a.kicker, a.author)]
        lost += [(key, p[:60]) for p in a.text_in(rnd) if p not in row["text"]]
        # Nothing but the article's own paragraphs: no kicker, credit, promo, note or teaser of any wording.
        kept += [(key, line) for line in lines if not any(line in p for p in a.text_in(rnd))]
    assert not kept
    assert not lost


def test_no_listing_page_is_stored_and_each_is_counted(crawl: Crawl) -> None:
    """Home pages in a sitemap, a dossier (tag) page, a topic page in a feed, a paginated section's second page:
    fetched, never stored, counted per source; the articles they list are found."""
    fetched = {(site, path.split("?")[0]) for site, path, status, _ in crawl.requests if status == 200}
    for rnd in (1, 2):
        stored = {r["canonical_url"] for r in _rows(crawl.rounds[rnd].db, "SELECT canonical_url FROM articles")}
        listings = {crawl.bases[site] + path for site, paths in LISTINGS.items() for path in paths}
        assert not stored & listings
        assert None not in _articles(crawl, rnd) and not [k for k in _articles(crawl, rnd) if k.startswith("?")]
        stats = json.loads(_rows(crawl.rounds[rnd].db, "SELECT stats FROM runs ORDER BY id DESC LIMIT 1")[0][0])
        assert stats["not_article_by_source"] == {"Aargauer Grenzpost": {"home": 1, "tag": 1},
                                                  "Oberrhein-Rundfunk": {"section": 1},
                                                  "The Ashbury Gazette": {"tag": 1}, "Ticker Südwest": {"home": 1}}
    assert ("orr", "/nachrichten/suedbaden/seite-2/") in fetched
    # Linked only from the section's second page (the live-ticker index shows the three newest reports).
    assert {"museum", "boats"} <= set(_articles(crawl, 1))


def test_the_updated_article_gets_one_new_version_and_nothing_else_does(crawl: Crawl) -> None:
    """Round 2: the Swiss follow-up gains a paragraph (news sitemap lastmod); the tabloid's wire copy is fetched
    again (Atom `updated`) with only its 'most read' box changed; every listing changed its teasers."""
    before, after = _articles(crawl, 1), _articles(crawl, 2)
    assert {k: r["version"] for k, r in after.items() if r["version"] != 1} == {"swissbank": 2}
    versions = _rows(crawl.rounds[2].db, "SELECT a.canonical_url, v.version, v.text FROM article_versions v "
                                         "JOIN articles a ON a.id = v.article_id")
    assert [(crawl.key_of(r[0]), r[1], r[2]) for r in versions] == [("swissbank", 1, before["swissbank"]["text"])]
    assert ("express", f"/amp{BY_KEY['wire_express'].path}", 200, 2) in crawl.requests
    assert after["wire_express"]["text"] == before["wire_express"]["text"]


def test_url_variants_are_one_article_under_its_canonical_address(crawl: Crawl) -> None:
    """Feed links with utm parameters, an AMP link, a redirect to a trailing-slash address (which the topic page
    also links): one row each, under the page's canonical URL, the variants known as its addresses."""
    arts = _articles(crawl, 2)
    urls = {(crawl.key_of(r["canonical_url"]), r["url"]) for r in _rows(
        crawl.rounds[2].db, "SELECT a.canonical_url, u.url FROM article_urls u JOIN articles a ON a.id = u.article_id")}
    assert ("wire_express", crawl.bases["express"] + "/amp" + BY_KEY["wire_express"].path) in urls
    assert ("twintown", crawl.bases["gazette"] + "/go/2041") in urls
    assert not [u for k, u in urls if "utm_" in u]
    assert len(arts) == len({a.key for a in ARTICLES if a.rounds[0] <= 2} & set(arts))


def test_wire_copy_metadata(crawl: Crawl) -> None:
    arts = _articles(crawl, 1)
    for key in ("wire_ticker", "wire_express", "wire_grenzpost"):
        assert (arts[key]["agency"], arts[key]["author"]) == ("dpa", "dpa"), key
    assert arts["wire_ticker"]["published"] == "2025-05-12T07:12:00Z"
    assert arts["wire_grenzpost"]["published"] == "2025-05-12T08:05:00Z"
    assert arts["twintown"]["language"] == "en" and arts["seed"]["language"] == "de"
    assert arts["wire_express"]["title"] == BY_KEY["wire_express"].title
    assert {r["source"] for r in arts.values()} == set(SOURCES.values())


def test_a_box_that_starts_with_its_label_gives_its_own_links_only() -> None:
    """`<div class="orr-mehr"><h2>Mehr dazu:</h2><ul>…</ul></div>`: the box's links, not every link of the article
    around it (the broadcaster's audio promo in the text had become a 'related' link)."""
    from unseenweb import orr_page

    a = BY_KEY["seed"]
    base = "http://orr.invalid"
    tree = lxml_html.fromstring(orr_page(a, 1).replace("{{base}}", base))
    assert related_links(tree, base + a.path) == (base + BY_KEY["insurance"].path,)
