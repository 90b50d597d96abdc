"""Nothing discovered is lost: crawls killed (SIGKILL) or stopped (SIGTERM) again and again at random points, and a
source that fails for two runs, end with the same database as one undisturbed crawl of the same web.

The web (tests/crashweb.py): the end-to-end test web's first round with slow article pages, plus an outlet whose
sitemap index, news sitemap and an article found only through a related link make a crawl that forgets what it
discovered lose pages. Every listing answers 304 once read, so a page is found again only if the frontier kept it.

A kill point is either a time after the run's start (up to 2.5 s: start-up, migrations, the listings) or a pause
after the run has stored its first or second article (fetches, extraction and writes go on meanwhile), so that a
killed run leaves most of the work to the next; once a run has ended by itself (no work left), a time up to its
duration. Kind, count and times come from a seeded generator (STORYWATCH_CRASH_SEED, default below) and are printed
with `pytest -rP`.

The comparison: stored articles by canonical URL and text hash, story rows by story, canonical URL, status and
the canonical URL of the original, and what waits in the frontier. The text hash is taken without the paragraphs
the site's learned boilerplate names (in either database): what a site repeats is learned from the pages stored
before, so a paragraph that became boilerplate after page A and before page B stays in A's text, and the arrival
order, which no two crawls share (not even two undisturbed ones), decides which pages keep it. By the contract
such texts are one version of one article (a change only in boilerplate is no new version).
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from crashweb import SITE, WEB, CrashWeb, config_text, write_marktbote
from faultweb import cli_env, rows_while_writing, run_storywatch, storywatch_command

from crawler.dedup import content_hash
from crawler.extract import paragraph_hash
from crawler.urls import host_of
from storage import boilerplate

SEED = int(os.environ.get("STORYWATCH_CRASH_SEED", "20261204"))
KILLS = 10
MAX_RUNS = 20  # runs tried at most, to find KILLS that land while the crawl still runs
PAGE_DELAY = 0.1  # seconds each article page takes (on top of the crawl's delay between requests to a host)
STORY = "oberkolbing-pfas"

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Snapshot:
    """What a crawl left in the database, in terms that do not depend on arrival order."""

    texts: dict[str, str]  # canonical URL -> text
    learned: dict[str, frozenset[str]]  # site -> paragraph hashes of its learned boilerplate
    story_rows: frozenset[tuple[str, str, str, str | None]]  # (story, canonical URL, status, original's URL)
    waiting: frozenset[str]  # frontier URLs

    def articles(self, learned: dict[str, frozenset[str]]) -> frozenset[tuple[str, str]]:
        """(canonical URL, hash of the text without the paragraphs in `learned` for its site)."""
        out = set()
        for url, text in self.texts.items():
            skip = learned.get(boilerplate.site_of(host_of(url)), frozenset())
            essential = "\n".join(p for p in text.splitlines() if p.strip() and paragraph_hash(p) not in skip)
            out.add((url, content_hash(essential)))
        return frozenset(out)

    def differences(self, expected: Snapshot) -> dict[str, list[object]]:
        learned = {site: self.learned.get(site, frozenset()) | expected.learned.get(site, frozenset())
                   for site in {*self.learned, *expected.learned}}
        out: dict[str, list[object]] = {}
        for name, mine, theirs in (("articles", self.articles(learned), expected.articles(learned)),
                                   ("story_rows", self.story_rows, expected.story_rows),
                                   ("waiting", self.waiting, expected.waiting)):
            if mine != theirs:
                out[name] = [("missing", x) for x in sorted(theirs - mine, key=str)] + \
                            [("extra", x) for x in sorted(mine - theirs, key=str)]
        return out


def snapshot(db: Path) -> Snapshot:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        texts = dict(conn.execute("SELECT canonical_url, text FROM articles"))
        learned: dict[str, set[str]] = {}
        for site, digest in conn.execute("SELECT site, hash FROM boilerplate WHERE articles >= ?",
                                         [boilerplate.MIN_ARTICLES]):
            learned.setdefault(site, set()).add(digest)
        rows = frozenset(conn.execute(
            "SELECT sa.story, a.canonical_url, sa.status, d.canonical_url FROM story_articles sa "
            "JOIN articles a ON a.id = sa.article_id LEFT JOIN articles d ON d.id = sa.duplicate_of"))
        waiting = frozenset(r[0] for r in conn.execute("SELECT url FROM frontier"))
    finally:
        conn.close()
    return Snapshot(texts, {s: frozenset(h) for s, h in learned.items()}, rows, waiting)


def problems_of(db: Path) -> list[str]:
    """What would make the database damaged or the frontier untrue right after a kill; [] when all is well."""
    if not db.exists():
        return []
    conn = sqlite3.connect(db, timeout=30)
    try:
        found = []
        check = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if check != ["ok"]:
            found.append(f"integrity_check: {check[:5]}")
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'frontier'").fetchone():
            return found  # killed before the schema was committed
        if fk := conn.execute("PRAGMA foreign_key_check").fetchall():
            found.append(f"foreign_key_check: {fk[:5]}")
        queries = {
            # The page's row and the end of its frontier entry are one transaction (round 1 has no update signals,
            # so no stored page is waiting to be fetched again).
            "a stored page still waits in the frontier": "SELECT f.url FROM frontier f JOIN article_urls u "
            "ON u.url = f.url",
            "per-source counts out of step with the frontier": "SELECT s.source FROM frontier_sources s WHERE "
            "s.waiting != (SELECT COUNT(*) FROM frontier f WHERE f.source = s.source) OR s.failing != "
            "(SELECT COUNT(*) FROM frontier f WHERE f.source = s.source AND f.attempts > 0)",
            "a story row of a missing article": "SELECT sa.article_id FROM story_articles sa LEFT JOIN articles a "
            "ON a.id = sa.article_id WHERE a.id IS NULL",
            "an article without its url row": "SELECT a.id FROM articles a LEFT JOIN article_urls u "
            "ON u.article_id = a.id WHERE u.url IS NULL",
        }
        for name, sql in queries.items():
            if rows := conn.execute(sql).fetchall():
                found.append(f"{name}: {rows[:5]}")
        return found
    finally:
        conn.close()


@dataclass
class Webs:
    main: CrashWeb  # tests/web, first round
    extra: CrashWeb  # the Marktbote
    bases: dict[str, str]

    def requests(self) -> int:
        return len(self.main.requests) + len(self.extra.requests)

    def config(self, folder: Path, *, retry_minutes: float = 10) -> tuple[Path, Path]:
        folder.mkdir(parents=True, exist_ok=True)
        db, config = folder / "storywatch.db", folder / "storywatch.toml"
        config.write_text(config_text(db, self.bases, retry_minutes=retry_minutes), encoding="utf-8")
        return db, config


@pytest.fixture(scope="module")
def webs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Webs]:
    root = tmp_path_factory.mktemp("crashweb")
    write_marktbote(root)
    with CrashWeb(WEB, first_host=2, delay=PAGE_DELAY) as main, \
            CrashWeb(root, first_host=40, delay=PAGE_DELAY) as extra:
        bases = {s: main.base(s) for s in main.sites} | {s: extra.base(s) for s in extra.sites}
        yield Webs(main, extra, bases)


@dataclass(frozen=True)
class Reference:
    snapshot: Snapshot
    run: subprocess.CompletedProcess[str]
    seconds: float  # how long the undisturbed run took, start-up included


@pytest.fixture(scope="module")
def reference(webs: Webs, tmp_path_factory: pytest.TempPathFactory) -> Reference:
    """One undisturbed crawl of the web into a fresh database."""
    db, config = webs.config(tmp_path_factory.mktemp("reference"))
    started = time.monotonic()
    run = run_storywatch("run", "--config", config, cwd=config.parent, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    return Reference(snapshot(db), run, time.monotonic() - started)


# ------------------------------------------------------------------------------------------ killing crawls
@dataclass
class Stop:
    """One run of a campaign and the signal it got."""

    point: str
    landed: bool  # the crawl was still running when the signal came
    returncode: int | None
    seconds: float  # how long the run lasted
    stored_after: int  # articles in the database
    waiting_after: int  # entries in the frontier
    problems: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        what = f"exit {self.returncode}" if self.landed else "finished first"
        return f"{self.point}: {what}; then {self.stored_after} articles, {self.waiting_after} waiting"


@dataclass
class Campaign:
    stops: list[Stop]
    final: subprocess.CompletedProcess[str]
    db: Path
    seed: int

    @property
    def landed(self) -> list[Stop]:
        return [s for s in self.stops if s.landed]

    def report(self) -> str:
        return f"seed {self.seed}:\n  " + "\n  ".join(map(str, self.stops))


_rows = rows_while_writing


def _stop(proc: subprocess.Popen[bytes], sig: signal.Signals) -> None:
    """Signal the crawl's process group (its extraction workers too, as the scheduler and the OOM killer do)."""
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError:
        return
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:  # a SIGTERM that did not end the crawl: the scheduler's SIGKILL follows
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)


def run_campaign(webs: Webs, reference: Reference, folder: Path, sig: signal.Signals, seed: int) -> Campaign:
    """Runs stopped by `sig` at seeded random times until KILLS landed, then one run left alone."""
    db, config = webs.config(folder)
    rng = random.Random(seed)
    stops: list[Stop] = []
    finished: float | None = None  # how long the last run that ended by itself took
    while sum(s.landed for s in stops) < KILLS and len(stops) < MAX_RUNS:
        stored = rng.choice((0, 1, 1, 2)) if finished is None else 0
        pause = rng.uniform(0, 0.25) if stored else rng.uniform(0, 2.5 if finished is None else finished)
        point = f"{pause:.2f} s after " + (f"storing article {stored}" if stored else "the start")
        before = _rows(db, "articles")
        started = time.monotonic()
        proc = subprocess.Popen(storywatch_command("run", "--config", config), cwd=folder, env=cli_env(),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            while stored and _rows(db, "articles") < before + stored and proc.poll() is None:
                time.sleep(0.01)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=pause)
            landed = proc.poll() is None
            if landed:
                _stop(proc, sig)
        finally:
            if proc.poll() is None:
                _stop(proc, signal.SIGKILL)
        stops.append(Stop(point, landed, proc.returncode, time.monotonic() - started, _rows(db, "articles"),
                          _rows(db, "frontier"), problems_of(db)))
        if not landed:
            finished = stops[-1].seconds
    final = run_storywatch("run", "--config", config, cwd=folder, timeout=300)
    return Campaign(stops, final, db, seed)


@pytest.fixture(scope="module")
def killed(webs: Webs, reference: Reference, tmp_path_factory: pytest.TempPathFactory) -> Campaign:
    return run_campaign(webs, reference, tmp_path_factory.mktemp("sigkill"), signal.SIGKILL, SEED)


@pytest.fixture(scope="module")
def terminated(webs: Webs, reference: Reference, tmp_path_factory: pytest.TempPathFactory) -> Campaign:
    return run_campaign(webs, reference, tmp_path_factory.mktemp("sigterm"), signal.SIGTERM, SEED + 1)


def _stats(db: Path) -> list[dict[str, object]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [json.loads(r[0] or "{}") for r in conn.execute("SELECT stats FROM runs ORDER BY id")]
    finally:
        conn.close()


def _statuses(db: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT status FROM runs ORDER BY id")]
    finally:
        conn.close()


@pytest.mark.parametrize("name", ["killed", "terminated"])
def test_enough_stops_landed_while_the_crawl_had_work_left(name: str, reference: Reference,
                                                           request: pytest.FixtureRequest) -> None:
    campaign: Campaign = request.getfixturevalue(name)
    print(f"{name}, {campaign.report()}")
    assert len(campaign.landed) >= KILLS, campaign.report()
    # Stops must leave work behind, or the campaign would prove nothing about carrying it over.
    expected = len(reference.snapshot.texts)
    assert sum(1 for s in campaign.landed if s.stored_after < expected) >= KILLS // 2, campaign.report()


def test_sigkill_stops_are_kills(killed: Campaign) -> None:
    assert {s.returncode for s in killed.landed} == {-signal.SIGKILL}, killed.report()


@pytest.mark.parametrize("name", ["killed", "terminated"])
def test_after_every_stop_the_database_is_whole_and_the_frontier_true(name: str,
                                                                     request: pytest.FixtureRequest) -> None:
    campaign: Campaign = request.getfixturevalue(name)
    assert {s.point: s.problems for s in campaign.stops if s.problems} == {}


@pytest.mark.parametrize("name", ["killed", "terminated"])
def test_the_finishing_run_stores_what_an_undisturbed_crawl_stores(name: str, reference: Reference,
                                                                   request: pytest.FixtureRequest) -> None:
    campaign: Campaign = request.getfixturevalue(name)
    assert campaign.final.returncode == 0, campaign.final.stderr[-3000:]
    diff = snapshot(campaign.db).differences(reference.snapshot)
    assert "articles" not in diff, (diff["articles"], campaign.report())
    assert diff == {}, (diff, campaign.report())
    assert problems_of(campaign.db) == []


@pytest.mark.parametrize("name", ["killed", "terminated"])
def test_the_finishing_run_carries_over_what_the_stopped_runs_left(name: str, request: pytest.FixtureRequest
                                                                   ) -> None:
    campaign: Campaign = request.getfixturevalue(name)
    statuses = _statuses(campaign.db)
    assert "running" not in statuses and statuses[-1] in ("ok", "partial")
    assert set(statuses[:-1]) <= {"interrupted", "ok", "partial"}
    final = _stats(campaign.db)[-1]["frontier"]
    assert isinstance(final, dict)
    before = campaign.stops[-1].waiting_after
    assert final["carried_over"] == before, (final, campaign.report())


# ------------------------------------------------------------------------------------------ a failing source
@dataclass(frozen=True)
class Outage:
    runs: list[subprocess.CompletedProcess[str]]
    status_after_second: subprocess.CompletedProcess[str]
    db: Path


@pytest.fixture(scope="module")
def outage(webs: Webs, reference: Reference, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Outage]:
    """Run 1: the Kurier's feed answers but its articles fail (503), the Marktbote fails altogether; run 2: both
    fail altogether; run 3: everything answers. No wait between the runs (frontier_retry_minutes = 0)."""
    db, config = webs.config(tmp_path_factory.mktemp("outage"), retry_minutes=0)
    runs = []
    try:
        webs.main.failing, webs.extra.failing = {"kurier": "articles"}, {SITE: "all"}
        runs.append(run_storywatch("run", "--config", config, cwd=config.parent, timeout=300))
        webs.main.failing, webs.extra.failing = {"kurier": "all"}, {SITE: "all"}
        runs.append(run_storywatch("run", "--config", config, cwd=config.parent, timeout=300))
        status = run_storywatch("status", "--config", config, "--json", cwd=config.parent, timeout=60)
    finally:
        webs.main.failing, webs.extra.failing = {}, {}
    runs.append(run_storywatch("run", "--config", config, cwd=config.parent, timeout=300))
    yield Outage(runs, status, db)


def test_a_source_back_after_two_failed_runs_ends_with_what_an_undisturbed_crawl_stores(
        outage: Outage, reference: Reference) -> None:
    assert [r.returncode for r in outage.runs] == [0, 0, 0], [r.stderr[-2000:] for r in outage.runs]
    assert snapshot(outage.db).differences(reference.snapshot) == {}


def test_the_failing_source_shows_its_waiting_pages_in_status_and_stats(outage: Outage,
                                                                       reference: Reference) -> None:
    assert outage.status_after_second.returncode == 0, outage.status_after_second.stderr
    report = json.loads(outage.status_after_second.stdout)
    # The feed's two story articles: found in run 1 (the feed answered), failed in runs 1 and 2, all failing. (Its
    # third article is named only by their related links: found when they are stored, in run 3.)
    kurier_pages = 2
    assert report["frontier"]["Wettersee-Kurier"] == {"waiting": kurier_pages, "failing": kurier_pages}
    # ... and the page that answers 500 in every run, as after the undisturbed crawl.
    assert set(report["frontier"]) == {"Wettersee-Kurier", "Voralpen-Rundschau"}
    stats = _stats(outage.db)
    frontier = [s["frontier"] for s in stats]
    assert all(isinstance(f, dict) for f in frontier)
    assert frontier[0]["retry_later"] >= kurier_pages  # type: ignore[index]
    assert frontier[1]["carried_over"] >= kurier_pages  # type: ignore[index]
    assert frontier[2]["carried_over"] >= kurier_pages  # type: ignore[index]
    assert frontier[2]["waiting"] == len(reference.snapshot.waiting)  # type: ignore[index]
    assert "Wettersee-Kurier" in stats[1]["errors_by_source"]  # type: ignore[operator]
