"""Whole crawls of the test web (tests/web): two rounds in subprocesses into a temporary SQLite file.

Only the contract is used (CONTRACT.md): the CLI, its exit codes, the tables and the view, `runs.stats`, and the
test server's request log. One module-scoped fixture runs both rounds once; the tests below assert on its result.
What each outlet and article is for: tests/web/README.md and tests/web/articles.py.
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from testmodules import load_module

REPO = Path(__file__).resolve().parents[1]
WEB = REPO / "tests" / "web"
STORY = "oberkolbing-pfas"
COUNTS = ("discovered", "fetched", "skipped_known", "extracted", "matched", "new", "duplicates", "updated", "errors")
TIMELINE_COLUMNS = {"story", "status", "published", "source", "title", "url", "canonical_url", "duplicate_of_url",
                    "score", "version", "text", "first_seen"}
SOURCE = {"abendpost": "Oberland Abendpost", "kurier": "Wettersee-Kurier", "landesbote": "Landesbote Online",
          "rundschau": "Voralpen-Rundschau", "tagblatt": "Hügelland-Tagblatt"}

SEED = "A1_seed"
FOLLOW_UPS_ROUND_1 = ("A2_tracking", "K1_cp1252_header", "K2_updated_feed", "L1_followup", "L2_wire_original",
                      "R1_background", "R2_updated_sitemap", "R4_boilerplate_only", "T1_cp1252_meta", "T2_amp_only",
                      "T3_print_only")
FOLLOW_UPS_ROUND_2 = ("A4_round2", "L3_round2", "R5_round2", "T4_round2")
WIRE_COPY, WIRE_ORIGINAL = "A5_wirecopy", "L2_wire_original"
# Hard negatives that match the query: a football derby, and three pages on other matters of the town (water fees,
# a fire engine with fluorine-free foam, PFAS-free school jackets) stored with the town's other news of their kind.
HARD_NEGATIVES = ("T6_hard_negative", "T7_fees", "T8_fire_engine", "R7_jackets")
NOT_IN_STORY = ("A3_offtopic", "A_intern", "K3_offtopic", "L4_offtopic", "R3_offtopic", "R6_before_since",
                "T5_offtopic", *HARD_NEGATIVES, "T9_fire_honours", "T10_sewage_fees", "R8_ski_course")
UPDATED = {"K2_updated_feed": ("Das Gesundheitsamt reagierte zurückhaltend", "Ab dem 24. März"),
           "R2_updated_sitemap": ("Notfallfonds von 250.000 Euro", "auf 400.000 Euro aufgestockt")}
BOILERPLATE_ONLY = "R4_boilerplate_only"
# Pages the crawl may fetch again in round 2: those whose feed <updated> or sitemap <lastmod> is newer.
SIGNALLED = ("K2_updated_feed", "R2_updated_sitemap", "R4_boilerplate_only")
PATH_404 = ("tagblatt", "/region/sondersitzung-gemeinderat-oberkolbing-3340.html")
PATH_500 = ("rundschau", "/lokales/pfas-grenzwerte-erklaert-55130.html")
TAGBLATT_NAVIGATION = ("/politik/", "/sport/", "/kultur/", "/thema/oberkolbing/", "/impressum.html",
                       "/datenschutz.html", "/kontakt.html", "/wirtschaft/", "/leserbriefe/")
LISTINGS = frozenset({"/robots.txt", "/feeds/lokales.rss", "/feed.atom", "/rss/nachrichten.xml", "/sitemap.xml",
                      "/sitemaps/news.xml", "/sitemaps/archiv-2024.xml", "/region/"})
VARIANT_MARKERS = ("utm_", "/amp/", "/drucken/")

slow = pytest.mark.slow
CliRunner = Callable[..., subprocess.CompletedProcess[str]]


ARTICLES = load_module("testweb_articles", WEB / "articles.py").BY_KEY


@dataclass(frozen=True)
class Request:
    site: str
    method: str
    path: str
    status: int
    round: int


@dataclass(frozen=True)
class TwoRounds:
    """What both crawl rounds left: exit codes and output, the database after each round, the request log."""

    bases: dict[str, str]  # site -> http://127.0.0.N:PORT
    runs: tuple[subprocess.CompletedProcess[str], subprocess.CompletedProcess[str]]
    db_round1: Path  # a copy taken after round 1
    db: Path  # the live database after round 2
    requests: tuple[Request, ...]
    unchanged: subprocess.CompletedProcess[str]  # round 3: the web as in round 2, on a copy of the round-2 database

    def site_of(self, url: str) -> str | None:
        netloc = urlsplit(url).netloc
        return next((s for s, b in self.bases.items() if urlsplit(b).netloc == netloc), None)


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory, run_cli: CliRunner) -> Iterator[TwoRounds]:
    from crawler.demo.server import OutletWeb

    tmp = tmp_path_factory.mktemp("e2e")
    db = tmp / "storywatch.db"
    with OutletWeb(WEB) as web:
        config = web.render_config(db, tmp / "storywatch.toml")
        first = run_cli("run", "--config", config, cwd=tmp)
        _copy_database(db, tmp / "round1.db")
        web.round = 2
        second = run_cli("run", "--config", config, cwd=tmp)
        # Round 3 serves round 2's files again (no round3/ folder), for a crawl on a copy of the database.
        _copy_database(db, tmp / "round3.db")
        web.round = 3
        third = run_cli("run", "--config", web.render_config(tmp / "round3.db", tmp / "round3.toml"), cwd=tmp)
        requests = tuple(Request(r.site, r.method, r.path, r.status, r.round) for r in web.requests)
        bases = {site: web.base(site) for site in web.sites}
    yield TwoRounds(bases, (first, second), tmp / "round1.db", db, requests, third)


def _copy_database(src: Path, dest: Path) -> None:
    if not src.exists():
        return
    # A copy through the backup API: consistent even with pages still in the write-ahead log.
    source, target = sqlite3.connect(src), sqlite3.connect(dest)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()


def _connect(path: Path) -> sqlite3.Connection:
    assert path.exists(), f"no database at {path}"
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    return conn


def _same_page(url: str | None, base: str, path: str) -> bool:
    if not url:
        return False
    parts, want = urlsplit(url), urlsplit(base)
    return parts.hostname == want.hostname and parts.port == want.port and parts.path == path


class Db:
    """Read-only questions to one database state, keyed by the test web's article keys."""

    def __init__(self, path: Path, crawl: TwoRounds) -> None:
        self.conn = _connect(path)
        self.crawl = crawl

    def close(self) -> None:
        self.conn.close()

    def articles(self) -> list[sqlite3.Row]:
        return list(self.conn.execute("SELECT * FROM articles"))

    def article(self, key: str) -> sqlite3.Row | None:
        """The one row whose canonical URL is the article's plain URL (None when absent)."""
        a = ARTICLES[key]
        base = self.crawl.bases[a.site]
        rows = [r for r in self.articles() if _same_page(r["canonical_url"], base, a.path)]
        assert len(rows) <= 1, f"{key}: {len(rows)} rows share one canonical URL"
        return rows[0] if rows else None

    def one(self, key: str) -> sqlite3.Row:
        """The article's row, which must exist."""
        row = self.article(key)
        assert row is not None, f"no row for {key} ({ARTICLES[key].site}{ARTICLES[key].path})"
        return row

    def rows_for(self, key: str) -> list[sqlite3.Row]:
        """Every articles row that stands for the article under any URL (variants included)."""
        a = ARTICLES[key]
        base = self.crawl.bases[a.site]
        return [r for r in self.articles()
                if any(_same_page(r[c], base, a.path) or (r[c] and urlsplit(r[c]).path.endswith(a.path)
                                                          and self.crawl.site_of(r[c]) == a.site)
                       for c in ("url", "canonical_url"))]

    def membership(self, key: str) -> sqlite3.Row | None:
        row = self.article(key)
        if row is None:
            return None
        return self.conn.execute("SELECT * FROM story_articles WHERE story = ? AND article_id = ?",
                                 (STORY, row["id"])).fetchone()

    def runs(self) -> list[sqlite3.Row]:
        return list(self.conn.execute("SELECT * FROM runs ORDER BY id"))


@pytest.fixture(scope="module")
def round1(crawl: TwoRounds) -> Iterator[Db]:
    db = Db(crawl.db_round1, crawl)
    yield db
    db.close()


@pytest.fixture(scope="module")
def final(crawl: TwoRounds) -> Iterator[Db]:
    db = Db(crawl.db, crawl)
    yield db
    db.close()


def _describe(run: subprocess.CompletedProcess[str]) -> str:
    return f"exit {run.returncode}\nstdout:\n{run.stdout[-2000:]}\nstderr:\n{run.stderr[-4000:]}"


# ---------------------------------------------------------------------------------------------- the runs
@slow
@pytest.mark.parametrize("round_", [1, 2])
def test_crawl_round_exits_0_although_some_pages_fail(crawl: TwoRounds, round_: int) -> None:
    run = crawl.runs[round_ - 1]
    assert run.returncode == 0, _describe(run)


@slow
@pytest.mark.parametrize("round_", [1, 2])
def test_crawl_round_keeps_stderr_to_warnings_without_tracebacks(crawl: TwoRounds, round_: int) -> None:
    # Cron mails whatever a job prints: by default only warnings and errors, each one line.
    stderr = crawl.runs[round_ - 1].stderr
    chatter = [line for line in stderr.splitlines() if re.search(r"\b(DEBUG|INFO)\b", line)]
    assert chatter == [], f"{len(chatter)} debug/info lines, first: {chatter[:3]}"
    assert "Traceback" not in stderr


@slow
def test_every_run_leaves_a_finished_runs_row_with_the_contract_counts(final: Db) -> None:
    runs = final.runs()
    assert len(runs) == 2
    for run in runs:
        assert run["started_at"] and run["finished_at"], dict(run)
        stats = json.loads(run["stats"])
        assert all(isinstance(stats.get(k), int) for k in COUNTS), stats
        assert isinstance(stats.get("errors_by_source"), dict), stats


@slow
def test_round_2_counts_the_updates_and_the_duplicate(final: Db) -> None:
    stats = json.loads(final.runs()[1]["stats"])
    assert stats["updated"] >= len(UPDATED), stats
    assert stats["duplicates"] >= 1, stats


# ---------------------------------------------------------------------------------------------- story rows
@slow
def test_seed_url_is_stored_with_status_seed(round1: Db, final: Db) -> None:
    for db in (round1, final):
        row = db.membership(SEED)
        assert row is not None and row["status"] == "seed"


@slow
def test_seed_file_only_informs_similarity(final: Db) -> None:
    assert all(urlsplit(r["url"]).scheme == "http" for r in final.articles())
    statuses = final.conn.execute("SELECT status, COUNT(*) FROM story_articles GROUP BY status").fetchall()
    assert dict(statuses).get("seed") == 1


@slow
@pytest.mark.parametrize("key", FOLLOW_UPS_ROUND_1)
def test_query_matching_article_of_round_1_is_a_follow_up(round1: Db, key: str) -> None:
    row = round1.membership(key)
    assert row is not None, f"{key} ({ARTICLES[key].site}{ARTICLES[key].path}) is not in the story"
    assert row["status"] == "follow_up"
    assert row["score"] is not None


@slow
def test_follow_up_reason_shows_its_store_aware_score_own_similarity_and_nearest_documents(final: Db) -> None:
    from config.model import DEFAULT_MIN_SIMILARITY

    ids = {r["id"] for r in final.articles()}
    for key in (*FOLLOW_UPS_ROUND_1, *FOLLOW_UPS_ROUND_2):
        row = final.membership(key)
        if row is None or row["status"] != "follow_up":
            continue  # reported by the membership tests
        reason = json.loads(row["reason"])
        assert reason["score"] == pytest.approx(row["score"]) and row["score"] >= DEFAULT_MIN_SIMILARITY, reason
        assert reason["threshold"] == DEFAULT_MIN_SIMILARITY
        assert 0 < reason["similarity"] < row["score"], reason  # its own similarity, before the store pulled it up
        assert reason["neighbours"], reason
        assert all(n["article_id"] is None or n["article_id"] in ids for n in reason["neighbours"]), reason


@slow
@pytest.mark.parametrize("key", HARD_NEGATIVES)
def test_query_matching_hard_negative_waits_among_the_candidates_with_its_score(final: Db, key: str) -> None:
    from config.model import DEFAULT_MIN_SIMILARITY

    article_id = final.one(key)["id"]
    row = final.conn.execute("SELECT * FROM story_candidates WHERE story = ? AND article_id = ?",
                             (STORY, article_id)).fetchone()
    assert row is not None, f"the query-matching {key} is not a candidate"
    assert row["score"] < DEFAULT_MIN_SIMILARITY and row["decided_at"], dict(row)
    assert json.loads(row["reason"])["score"] == pytest.approx(row["score"])
    # No candidate row is left for an article in the story, and every run's near misses are counted with the best.
    assert final.conn.execute("SELECT COUNT(*) FROM story_candidates c JOIN story_articles s ON s.story = c.story "
                              "AND s.article_id = c.article_id").fetchone()[0] == 0
    first = json.loads(final.runs()[0]["stats"])["below_threshold"][STORY]
    assert first["count"] >= 1 and first["best_score"] < DEFAULT_MIN_SIMILARITY, first


@slow
@pytest.mark.parametrize("key", FOLLOW_UPS_ROUND_2)
def test_new_follow_up_of_round_2_is_found(round1: Db, final: Db, key: str) -> None:
    assert round1.article(key) is None  # not published yet in round 1
    row = final.membership(key)
    assert row is not None, f"{key} ({ARTICLES[key].site}{ARTICLES[key].path}) is not in the story"
    assert row["status"] == "follow_up"


@slow
def test_round_2_keeps_the_story_rows_of_round_1(round1: Db, final: Db) -> None:
    before = {k: round1.membership(k) for k in (SEED, *FOLLOW_UPS_ROUND_1)}
    for key, row in before.items():
        if row is None:
            continue  # reported by the tests above
        after = final.membership(key)
        assert after is not None and after["status"] == row["status"], key


@slow
def test_exact_wire_copy_on_another_outlet_is_a_duplicate_of_the_earlier_original(final: Db) -> None:
    copy, original = final.membership(WIRE_COPY), final.membership(WIRE_ORIGINAL)
    assert copy is not None, "the wire copy is not in the story"
    assert copy["status"] == "duplicate"
    assert copy["duplicate_of"] == final.one(WIRE_ORIGINAL)["id"]
    assert original is not None and original["status"] == "follow_up"


@slow
@pytest.mark.parametrize("key", NOT_IN_STORY)
def test_article_outside_the_story_has_no_story_row(final: Db, key: str) -> None:
    for row in final.rows_for(key):
        member = final.conn.execute("SELECT status FROM story_articles WHERE article_id = ?", (row["id"],)).fetchone()
        assert member is None, f"{key} is in the story as {member['status']}"


@slow
@pytest.mark.parametrize("key", ["R3_offtopic", "T5_offtopic", "T6_hard_negative"])
def test_title_only_listing_entry_is_fetched_and_stored_outside_the_story(round1: Db, key: str) -> None:
    # Sitemap and section entries carry no summary: the crawl must not judge them by their title alone.
    row = round1.article(key)
    assert row is not None, f"{key} was not fetched"
    assert row["text"]


@slow
def test_story_articles_have_language_and_their_own_publication_date(final: Db) -> None:
    for key in (SEED, *FOLLOW_UPS_ROUND_1, *FOLLOW_UPS_ROUND_2):
        row = final.article(key)
        if row is None:
            continue  # reported by the membership tests
        assert (row["language"] or "").startswith("de"), (key, row["language"])
        assert (row["published"] or "")[:10] == ARTICLES[key].published[:10], (key, row["published"])


# ---------------------------------------------------------------------------------------------- URL variants
@slow
def test_no_row_for_tracking_amp_or_print_variants(final: Db) -> None:
    for row in final.articles():
        assert not any(m in row["canonical_url"] for m in VARIANT_MARKERS), row["canonical_url"]
    dupes = final.conn.execute("SELECT title, COUNT(*) AS n FROM articles GROUP BY title HAVING n > 1").fetchall()
    titles = {r["title"] for r in dupes}
    assert titles <= {ARTICLES[WIRE_COPY].title}, f"several rows for one article: {titles}"


@slow
@pytest.mark.parametrize("key", ["A2_tracking", "T1_cp1252_meta", "T2_amp_only", "T3_print_only"])
def test_article_found_under_a_variant_is_one_row_under_its_plain_url(final: Db, key: str) -> None:
    rows = final.rows_for(key)
    assert len(rows) == 1, [r["url"] for r in rows]
    assert final.article(key) is not None, f"no row with the plain canonical URL for {key}"


# ---------------------------------------------------------------------------------------------- fetching
@slow
def test_nothing_is_requested_under_the_robots_disallowed_path(crawl: TwoRounds, final: Db) -> None:
    abendpost = [r for r in crawl.requests if r.site == "abendpost"]
    assert any(r.path == "/robots.txt" for r in abendpost), "robots.txt was never read"
    assert not [r for r in abendpost if r.path.startswith("/intern/")]
    assert final.rows_for("A_intern") == []


@slow
def test_navigation_links_of_the_section_page_are_not_fetched(crawl: TwoRounds) -> None:
    fetched = {r.path.split("?")[0] for r in crawl.requests if r.site == "tagblatt"}
    assert fetched.isdisjoint(TAGBLATT_NAVIGATION), fetched & set(TAGBLATT_NAVIGATION)


@slow
def test_no_known_article_page_is_requested_again_in_round_2(crawl: TwoRounds, round1: Db) -> None:
    known: set[tuple[str | None, str]] = set()
    for row in round1.articles():
        for url in (row["url"], row["canonical_url"]):
            known.add((crawl.site_of(url), urlsplit(url).path))
    # Pages answered in round 1 count too, stored or not: articles holds every page fetched and extracted.
    known |= {(r.site, r.path.split("?")[0]) for r in crawl.requests
              if r.round == 1 and r.status == 200 and r.path.split("?")[0] not in LISTINGS}
    allowed = {(ARTICLES[k].site, ARTICLES[k].path) for k in SIGNALLED}
    again = [r for r in crawl.requests if r.round == 2 and (r.site, r.path.split("?")[0]) in known - allowed]
    assert again == []


@slow
def test_unchanged_feeds_sections_and_child_sitemaps_are_asked_conditionally_and_answered_304(
        crawl: TwoRounds) -> None:
    assert crawl.unchanged.returncode == 0, crawl.unchanged.stderr[-2000:]
    listings = {(r.site, r.path): r.status for r in crawl.requests if r.round == 3 and r.path in LISTINGS}
    # Configured sitemaps are asked unconditionally (an index's changed children must be seen); robots.txt too.
    conditional = {k: v for k, v in listings.items() if k[1] not in ("/robots.txt", "/sitemap.xml")}
    assert {path for _, path in conditional} == LISTINGS - {"/robots.txt", "/sitemap.xml"}
    assert set(conditional.values()) == {304}, conditional


@slow
def test_a_crawl_of_an_unchanged_web_fetches_no_article_and_stores_nothing_new(crawl: TwoRounds) -> None:
    assert [r for r in crawl.requests if r.round == 3 and r.path.split("?")[0] not in LISTINGS] == []
    assert crawl.unchanged.stdout.strip().splitlines()[-1].startswith("run 3 ok: 0 discovered, 0 fetched")


@slow
@pytest.mark.parametrize("key", sorted(UPDATED))
def test_signalled_change_is_fetched_again_in_round_2(crawl: TwoRounds, key: str) -> None:
    a = ARTICLES[key]
    assert any(r.round == 2 and r.site == a.site and r.path == a.path and r.status == 200 for r in crawl.requests)


# ---------------------------------------------------------------------------------------------- updates
@slow
@pytest.mark.parametrize("key", sorted(UPDATED))
def test_changed_article_becomes_version_2_with_version_1_kept(round1: Db, final: Db, key: str) -> None:
    old_sentence, new_sentence = UPDATED[key]
    before, after = round1.article(key), final.article(key)
    assert before is not None and after is not None
    assert before["version"] == 1 and old_sentence in before["text"]
    assert after["id"] == before["id"]
    assert after["version"] == 2
    assert new_sentence in after["text"] and old_sentence not in after["text"]
    versions = final.conn.execute("SELECT version, text FROM article_versions WHERE article_id = ?",
                                  (after["id"],)).fetchall()
    assert [v["version"] for v in versions] == [1]
    assert old_sentence in versions[0]["text"]
    assert final.membership(key) is not None


@slow
def test_change_of_boilerplate_only_is_no_new_version(final: Db) -> None:
    row = final.article(BOILERPLATE_ONLY)
    assert row is not None
    assert row["version"] == 1
    assert final.conn.execute("SELECT COUNT(*) FROM article_versions WHERE article_id = ?",
                              (row["id"],)).fetchone()[0] == 0


# ---------------------------------------------------------------------------------------------- text
@slow
@pytest.mark.parametrize(("key", "snippets"), [
    ("K1_cp1252_header", ("Großbrand", "Rückstände", "Süddeutschland", "4,5 Millionen €", "Gößwein", "„Niemand")),
    ("T1_cp1252_meta", ("Schläuche", "Pröbstl", "Gießwasser", "300 €", "heißt es", "„Die Hilfsbereitschaft")),
])
def test_windows_1252_page_keeps_its_umlauts(final: Db, key: str, snippets: tuple[str, ...]) -> None:
    row = final.article(key)
    assert row is not None
    assert row["title"] == ARTICLES[key].title
    text = row["text"]
    for snippet in snippets:
        assert snippet in text
    assert "\ufffd" not in text and "Ã" not in text and "Ã" not in row["title"]


@slow
def test_full_text_search_finds_a_stored_article(final: Db) -> None:
    hits = final.conn.execute(
        "SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ?",
        ("Membranfilter",),
    ).fetchall()
    assert [h["id"] for h in hits] == [final.one("T4_round2")["id"]]
    # an umlaut from a windows-1252 page, as stored
    hits = final.conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", ("Pröbstl",)).fetchall()
    assert final.one("T1_cp1252_meta")["id"] in {h[0] for h in hits}


@slow
def test_story_timeline_view_lists_the_story(final: Db) -> None:
    rows = final.conn.execute("SELECT * FROM story_timeline WHERE story = ?", (STORY,)).fetchall()
    members = final.conn.execute("SELECT COUNT(*) FROM story_articles WHERE story = ?", (STORY,)).fetchone()[0]
    assert rows and len(rows) == members
    assert TIMELINE_COLUMNS <= set(rows[0].keys())
    duplicates = [r for r in rows if r["status"] == "duplicate"]
    assert [r["duplicate_of_url"] for r in duplicates] == [final.one(WIRE_ORIGINAL)["canonical_url"]]
    assert {r["version"] for r in rows if r["canonical_url"] == final.one("K2_updated_feed")["canonical_url"]} \
        == {2}


# ---------------------------------------------------------------------------------------------- errors
@slow
@pytest.mark.parametrize(("site", "path", "status"), [(*PATH_404, 404), (*PATH_500, 500)])
def test_failing_page_is_counted_as_an_error_of_its_source(crawl: TwoRounds, round1: Db, site: str, path: str,
                                                           status: int) -> None:
    assert any(r.site == site and r.path == path and r.status == status and r.round == 1 for r in crawl.requests)
    stats = json.loads(round1.runs()[0]["stats"])
    assert stats["errors"] >= 2
    assert sum(stats["errors_by_source"].get(SOURCE[site], {}).values()) >= 1, stats["errors_by_source"]


@slow
def test_sources_that_answered_everything_report_no_errors(final: Db) -> None:
    # A link skipped because robots.txt disallows it is a decision, not a failure of the outlet.
    for run in final.runs():
        by_source = json.loads(run["stats"])["errors_by_source"]
        healthy = {SOURCE["abendpost"], SOURCE["kurier"], SOURCE["landesbote"]}
        assert not {s for s, reasons in by_source.items() if s in healthy and sum(reasons.values())}, by_source


def _offline_config(tmp_path: Path, port: int, extra: str = "", query: str = "Oberkolbing AND PFAS") -> Path:
    text = f"""
[database]
path = "storywatch.db"
{extra}
[[sources]]
name = "Nirgendwo-Bote"
url = "http://127.0.0.1:{port}/"
feeds = ["http://127.0.0.1:{port}/feed.rss"]

[[sources]]
name = "Niemandsland-Zeitung"
url = "http://127.0.0.1:{port}/"
sitemaps = ["http://127.0.0.1:{port}/sitemap.xml"]
sections = ["http://127.0.0.1:{port}/region/"]

[[stories]]
id = "offline"
title = "Nobody answers"
query = '{query}'
"""
    path = tmp_path / "storywatch.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory, run_cli: CliRunner, unused_port: Callable[[], int]
            ) -> tuple[subprocess.CompletedProcess[str], Path]:
    """One crawl of a config whose every source points at a closed loopback port."""
    tmp = tmp_path_factory.mktemp("offline")
    config = _offline_config(tmp, unused_port(), extra="[crawl]\ntimeout = 5\n")
    return run_cli("run", "--config", config, cwd=tmp), tmp / "storywatch.db"


@slow
def test_exit_1_and_a_runs_row_when_every_source_fails(offline: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    run, db = offline
    assert run.returncode == 1, _describe(run)
    conn = _connect(db)
    try:
        runs = list(conn.execute("SELECT * FROM runs"))
    finally:
        conn.close()
    assert len(runs) == 1 and runs[0]["finished_at"]
    stats = json.loads(runs[0]["stats"])
    assert stats["errors"] >= 1
    assert set(stats["errors_by_source"]) == {"Nirgendwo-Bote", "Niemandsland-Zeitung"}


@slow
def test_every_source_failing_is_reported_without_a_traceback(
        offline: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    run, _ = offline
    assert run.stderr.strip(), "nothing said about the failed sources"
    assert "Traceback" not in run.stderr, run.stderr[-3000:]


@pytest.mark.parametrize(("extra", "query", "expected"), [
    pytest.param("[crawl]\ndonwload_delay = 1\n", "Oberkolbing AND PFAS", "download_delay", id="did-you-mean"),
    pytest.param('[crawl]\ndownload_delay = "schnell"\n', "Oberkolbing AND PFAS", "download_delay", id="wrong-type"),
    pytest.param("", "Oberkolbing AND (PFAS", "column", id="query-syntax-error"),
])
def test_exit_2_for_a_bad_config(tmp_path: Path, run_cli: CliRunner, unused_port: Callable[[], int], extra: str,
                                 query: str, expected: str) -> None:
    config = _offline_config(tmp_path, unused_port(), extra=extra, query=query)
    run = run_cli("run", "--config", config, cwd=tmp_path)
    assert run.returncode == 2, _describe(run)
    assert "Traceback" not in run.stderr
    assert expected in run.stderr and "storywatch.toml" in run.stderr


def test_exit_2_for_an_unknown_story(tmp_path: Path, run_cli: CliRunner, unused_port: Callable[[], int]) -> None:
    config = _offline_config(tmp_path, unused_port())
    run = run_cli("run", "--config", config, "--story", "no-such-story", cwd=tmp_path)
    assert run.returncode == 2, _describe(run)
    assert "Traceback" not in run.stderr
    assert "no-such-story" in run.stderr


def test_exit_2_names_the_missing_config_file(tmp_path: Path, run_cli: CliRunner) -> None:
    missing = tmp_path / "nowhere" / "storywatch.toml"
    run = run_cli("run", "--config", missing, cwd=tmp_path)
    assert run.returncode == 2, _describe(run)
    assert "Traceback" not in run.stderr
    assert str(missing) in run.stderr


def test_web_articles_are_written_in_their_declared_encodings() -> None:
    # The test web itself: the windows-1252 pages must be windows-1252 bytes, or the umlaut tests prove nothing.
    for key in ("K1_cp1252_header", "T1_cp1252_meta"):
        a = ARTICLES[key]
        raw = (WEB / a.site / "round1" / a.path.lstrip("/")).read_bytes()
        with pytest.raises(UnicodeDecodeError):
            raw.decode("utf-8")
        assert a.title in raw.decode("cp1252")
