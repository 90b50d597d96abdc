"""Crawls of the gold web killed (SIGKILL) and stopped (SIGTERM) part-way and finished by later runs end with the
same stored articles and the same story membership as an undisturbed crawl of the same web.

The decision is a function of the store: the candidates a killed run left undecided, and the members decided by
runs that saw only part of the web, are decided again by the finishing run with everything stored. Kill points are
chosen by what the crawl has stored (not by the clock); article pages answer after a short delay so that a kill
lands between fetches and writes.

Twice: with listings (feeds, sections) that change before every run, so that each run reads their entries again;
and with listings as they are, where a killed run has already kept a listing's validators and the next run's
conditional request is answered 304, so the entries the killed run had not reached are found again only through
the durable frontier (issue 11).
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from faultweb import cli_env, run_storywatch, storywatch_command
from test_crash_safety import _count
from testmodules import load_module

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "goldweb"
STORY = "korvan-gold"
ARTICLES = load_module("goldweb_articles", GOLD / "articles.py").ARTICLES
PAGE_DELAY = 0.3  # seconds before an article page answers
LISTINGS = {"morgenblatt": ["sitemap-news.xml"], "westfunk": ["nachrichten/index~atom.xml"],
            "blitz": ["politik/index.html", "sport/index.html"], "wochenschau": ["feed/rss.xml"],
            "herald": ["world/europe/rss.xml"]}

# Per round: how the crawl is disturbed before a run finishes it. (signal, articles stored in that run)
DISTURBANCES = {
    1: [(signal.SIGKILL, 2), (signal.SIGKILL, 3), (signal.SIGTERM, 2)],
    2: [(signal.SIGKILL, 1), (signal.SIGTERM, 2)],
}


@dataclass(frozen=True)
class Outcome:
    articles: set[tuple[str, str]]  # (address without host, content hash)
    members: dict[str, tuple[str, str | None]]  # address -> (status, address of the original)
    candidates: set[str]
    run_statuses: list[str]
    disturbed: int  # runs that were killed or stopped after storing something


def _slow_copy(tmp: Path) -> Path:
    """The gold web with every article page answering after PAGE_DELAY."""
    web = tmp / "goldweb"
    shutil.copytree(GOLD, web, ignore=shutil.ignore_patterns("__pycache__"))
    for site in {a.site for a in ARTICLES}:
        paths = "\n".join(f'["{a.path}"]\ndelay = {PAGE_DELAY}\n' for a in ARTICLES if a.site == site)
        (web / site / "site.toml").write_text(paths, encoding="utf-8")
    return web


def _one_page_at_a_time(config: Path) -> Path:
    """One download at a time: each article page is extracted and stored before the next arrives, so that a run's
    stored count grows one by one.  Pages that arrive together are committed together (crawler.store_batch), and
    with the gold web's five outlets answering at the same moment a kill point's count was overshot by whole batches:
    the later runs of a round found no work left to be disturbed in."""
    text = config.read_text(encoding="utf-8")
    assert "\n[crawl]\n" in text
    config.write_text(text.replace("\n[crawl]\n", "\n[crawl]\nconcurrent_requests = 1\n", 1), encoding="utf-8")
    return config


def _change_listings(web: Path, round_: int, run: int) -> None:
    """Every listing of the round gets a new comment at its end: a new ETag and Last-Modified, the same entries."""
    for site, paths in LISTINGS.items():
        for rel in paths:
            file = web / site / f"round{round_}" / rel
            text = file.read_text(encoding="utf-8").split("\n<!-- run ")[0]
            file.write_text(f"{text}\n<!-- run {run} -->\n", encoding="utf-8")


def _disturb(config: Path, db: Path, cwd: Path, sig: signal.Signals, stored: int) -> bool:
    """Start a crawl and send it `sig` once it stored `stored` more articles; False when it finished first."""
    target = _count(db) + stored
    proc = subprocess.Popen(storywatch_command("run", "--config", config), cwd=cwd, env=cli_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    try:
        while _count(db) < target:
            if proc.poll() is not None:
                return False
            if time.monotonic() > deadline:
                raise AssertionError("the crawl neither stored the articles nor ended")
            time.sleep(0.01)
        # SIGTERM goes to the crawl (it stops cleanly); SIGKILL to its whole process group, as a power cut would.
        if sig == signal.SIGKILL:
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.send_signal(sig)
        proc.wait(timeout=60)
        return True
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)


def _outcome(db: Path, disturbed: int) -> Outcome:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        def address(url: str | None) -> str | None:
            return urlsplit(url).path if url else None

        articles = {(address(u), h) for u, h in conn.execute("SELECT canonical_url, content_hash FROM articles")}
        members = {address(u): (status, address(original)) for u, status, original in conn.execute(
            "SELECT a.canonical_url, sa.status, d.canonical_url FROM story_articles sa JOIN articles a "
            "ON a.id = sa.article_id LEFT JOIN articles d ON d.id = sa.duplicate_of WHERE sa.story = ?", [STORY])}
        candidates = {address(u) for (u,) in conn.execute(
            "SELECT a.canonical_url FROM story_candidates c JOIN articles a ON a.id = c.article_id WHERE c.story = ?",
            [STORY])}
        statuses = [s for (s,) in conn.execute("SELECT status FROM runs ORDER BY id")]
    finally:
        conn.close()
    return Outcome(articles, members, candidates, statuses, disturbed)  # type: ignore[arg-type]


@pytest.fixture(scope="module", params=["listings change every run", "listings as they are"])
def outcomes(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Outcome, Outcome]]:
    from crawler.demo.server import OutletWeb

    changing = request.param == "listings change every run"
    tmp = tmp_path_factory.mktemp("membership-crash")
    web_dir = _slow_copy(tmp)
    calm, rough = tmp / "calm.db", tmp / "rough.db"
    disturbed = 0
    runs = 0

    def before_run(round_: int) -> None:
        nonlocal runs
        runs += 1
        if changing:
            _change_listings(web_dir, round_, runs)

    with OutletWeb(web_dir) as web:
        calm_config = _one_page_at_a_time(web.render_config(calm, tmp / "calm.toml"))
        rough_config = _one_page_at_a_time(web.render_config(rough, tmp / "rough.toml"))
        for round_ in (1, 2):
            web.round = round_
            before_run(round_)
            assert run_storywatch("run", "--config", calm_config, cwd=tmp).returncode == 0
            for sig, stored in DISTURBANCES[round_]:
                before_run(round_)
                disturbed += _disturb(rough_config, rough, tmp, sig, stored)
            before_run(round_)
            finish = run_storywatch("run", "--config", rough_config, cwd=tmp)
            assert finish.returncode == 0, finish.stderr[-3000:]
    yield _outcome(calm, 0), _outcome(rough, disturbed)


@pytest.mark.slow
def test_the_crawls_were_disturbed_while_storing(outcomes: tuple[Outcome, Outcome],
                                                request: pytest.FixtureRequest) -> None:
    _, rough = outcomes
    # With listings as they are, later disturbances find fewer articles to store before the crawl ends.
    assert rough.disturbed >= (4 if "change" in request.node.name else 1), rough.disturbed
    assert "interrupted" in rough.run_statuses and "running" not in rough.run_statuses
    assert rough.articles  # something to compare


@pytest.mark.slow
def test_the_same_articles_are_stored(outcomes: tuple[Outcome, Outcome], request: pytest.FixtureRequest) -> None:
    calm, rough = outcomes
    assert rough.articles == calm.articles


@pytest.mark.slow
def test_the_story_ends_with_the_same_members_statuses_and_originals(outcomes: tuple[Outcome, Outcome],
                                                                    request: pytest.FixtureRequest) -> None:
    calm, rough = outcomes
    assert rough.members == calm.members
    assert rough.candidates == calm.candidates
    assert {"seed", "follow_up", "duplicate"} == {status for status, _ in calm.members.values()}
