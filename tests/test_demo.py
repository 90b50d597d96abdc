"""`storywatch demo`: the bundled outlet web is sound, and a whole demo run stores what the story needs."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from testmodules import load_module

from crawler.demo.runner import format_run, format_timeline, run_demo
from crawler.demo.server import OutletWeb

REPO = Path(__file__).resolve().parents[1]
OUTLETS = REPO / "crawler" / "demo" / "outlets"
QUERY = "Sarnbrücke* OR (Sarnheim* AND Brücke*)"


ARTICLES = {a["key"]: a for a in load_module("demo_articles", OUTLETS / "articles.py").ARTICLES}


def _text(a: dict) -> str:
    src = ARTICLES[a["copy_of"]] if "copy_of" in a else a
    return " ".join([src["lead"], *src["paras"]])


# ---- the outlet web, without a crawl ----------------------------------------------------------------------------


def test_generated_pages_are_up_to_date_with_articles_and_templates(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(OUTLETS / "generate.py"), "--out", str(tmp_path)], check=True,
                   capture_output=True)
    generated = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    committed = {p.relative_to(OUTLETS): p.read_bytes() for p in OUTLETS.rglob("*")
                 if p.is_file() and p.relative_to(OUTLETS).parts[0] in {q.parts[0] for q in generated}}
    assert generated.keys() == committed.keys()
    stale = [str(k) for k in generated if generated[k] != committed[k]]
    assert stale == [], "run crawler/demo/outlets/generate.py and commit the result"


def test_every_article_has_250_to_600_words() -> None:
    counts = {key: len(_text(a).split()) for key, a in ARTICLES.items()}
    assert all(250 <= n <= 600 for n in counts.values()), counts


def test_demo_query_matches_story_articles_and_the_look_alike_but_no_off_topic_page() -> None:
    from config.query import WordSet, parse_query

    query = parse_query(QUERY)
    matched = {key for key, a in ARTICLES.items() if query.matches(WordSet.from_text(a["title"] + "\n" + _text(a)))}
    story = {key for key, a in ARTICLES.items() if a["kind"] == "story"}
    assert matched == story | {"brueckenfest"}


def test_related_only_article_is_linked_from_one_story_page_and_listed_nowhere() -> None:
    path = ARTICLES["risse-entdeckt"]["path"]
    linking = sorted(str(p.relative_to(OUTLETS)) for p in OUTLETS.rglob("*")
                     if p.is_file() and p.suffix in {".html", ".xml", ".atom"} and path in p.read_text()
                     and not p.name.endswith(path.rsplit("/", 1)[-1]))
    assert linking == ["anzeiger/round2/lokales/artikel/haendler-altstadt-spueren-brueckensperrung-2297.html"]


def test_round_two_serves_the_update_the_copy_and_the_variants() -> None:
    import urllib.request

    def get(url: str) -> str:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.read().decode()

    with OutletWeb(OUTLETS) as web:
        pendler = web.base("landespost") + ARTICLES["pendler"]["path"]
        assert "Behelfsbrücke" not in get(pendler)
        sitemap1 = get(web.base("landespost") + "/sitemap-news.xml")
        web.round = 2
        assert "Behelfsbrücke" in get(pendler)
        sitemap2 = get(web.base("landespost") + "/sitemap-news.xml")
        assert "2025-01-13T10:00:00+01:00" in sitemap2 and "2025-01-13T10:00:00+01:00" not in sitemap1
        assert "utm_source=rss" in get(web.base("sarn-kurier") + "/rss/lokales.xml")
        amp = get(web.base("anzeiger") + ARTICLES["akteneinsicht"]["amp"])
        assert f'rel="canonical" href="{web.base("anzeiger")}{ARTICLES["akteneinsicht"]["path"]}"' in amp
        copy = get(web.base("tagesecho") + ARTICLES["gutachten-kopie"]["path"])
        assert "dpa-infocom" in copy and ARTICLES["gutachten"]["paras"][-1] not in copy


def test_discovery_finds_each_outlets_articles_in_both_rounds() -> None:
    import urllib.request

    from crawler.discovery import parse_feed, parse_section, parse_sitemap

    def get(url: str) -> bytes:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.read()

    def paths(urls: list[str]) -> set[str]:
        return {u.split(":", 2)[2].split("/", 1)[1].split("?")[0] for u in urls}

    def keys(site: str, round_: int) -> set[str]:
        return {a["path"].lstrip("/") for a in ARTICLES.values() if a["site"] == site
                and round_ in a.get("rounds", (1, 2)) and not a["path"].startswith("/hintergrund/")}

    with OutletWeb(OUTLETS) as web:
        for round_ in (1, 2):
            web.round = round_
            kurier, echo, post, anz = (web.base(s) for s in ("sarn-kurier", "tagesecho", "landespost", "anzeiger"))
            rss = parse_feed(get(kurier + "/rss/lokales.xml"), kurier + "/rss/lokales.xml", "Sarn-Kurier")
            atom = parse_feed(get(echo + "/feeds/region.atom"), echo + "/feeds/region.atom", "Tagesecho")
            news = parse_sitemap(get(post + "/sitemap-news.xml"), post + "/sitemap-news.xml", "Landespost")
            section = parse_section(get(anz + "/lokales/").decode(), anz + "/lokales/", "Sarnheimer Anzeiger")
            assert paths([c.url for c in rss]) == keys("sarn-kurier", round_)
            assert paths([c.url for c in atom]) == keys("tagesecho", round_)
            assert paths([c.url for c in news.candidates]) == keys("landespost", round_)
            amp = {ARTICLES["akteneinsicht"]["amp"].lstrip("/")} if round_ == 2 else set()
            assert paths([c.url for c in section]) == keys("anzeiger", round_) | amp
            assert all(c.title and c.published for c in [*rss, *atom, *news.candidates])
            lastmod = {c.url.rsplit("/", 1)[1]: c.updated for c in news.candidates}
            pendler = ARTICLES["pendler"]["path"].rsplit("/", 1)[1]
            assert lastmod[pendler] == ("2025-01-13T09:00:00Z" if round_ == 2 else "2025-01-09T16:40:00Z")


def test_demo_config_loads_with_four_sources_and_the_story(tmp_path: Path) -> None:
    with OutletWeb(OUTLETS) as web:
        cfg = web.render_config(tmp_path / "demo.db", tmp_path / "storywatch.toml")
    data = tomllib.loads(cfg.read_text())
    assert [s["name"] for s in data["sources"]] == ["Sarn-Kurier", "Tagesecho", "Landespost", "Sarnheimer Anzeiger"]
    assert data["stories"][0]["query"] == QUERY
    assert Path(data["stories"][0]["seeds"][0]).read_text().startswith("Sarnbrücke in Sarnheim gesperrt")
    assert "{{" not in cfg.read_text()
    loader = pytest.importorskip("config.loader", reason="config.loader not written yet")
    config = loader.load_config(cfg)
    assert config.database.path == (tmp_path / "demo.db").resolve()
    assert config.crawl.download_delay == 0.05


def test_demo_refuses_to_overwrite_an_existing_database(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    db.write_bytes(b"precious")
    assert run_demo(db) == 2
    assert db.read_bytes() == b"precious"


def test_run_demo_serves_both_rounds_and_reports_from_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The orchestration alone: a stand-in for `storywatch run` that records what it saw and writes one row."""
    import io
    import tomllib as toml

    from crawler.demo import runner
    from storage import open_database

    seen: list[tuple[int, str]] = []

    def fake_crawl(config: Path, workdir: Path, out: object) -> int:
        cfg = toml.loads(config.read_text())
        import urllib.request

        feed = cfg["sources"][0]["feeds"][0]
        with urllib.request.urlopen(feed, timeout=10) as resp:
            seen.append((len(seen) + 1, resp.read().decode()))
        db = open_database(Path(cfg["database"]["path"]))
        db.execute("INSERT INTO runs (started_at, finished_at, status, stats) VALUES ('t0', 't1', 'ok', "
                   "'{\"new\": 3, \"errors\": 0}')")
        db.execute("INSERT OR IGNORE INTO articles (url, canonical_url, title, published, first_seen, last_seen, version) "
                   "VALUES ('u', 'u', 'Risse in der Sarnbrücke', '2025-01-08', 't', 't', 1)")
        db.execute("INSERT OR IGNORE INTO story_articles (story, article_id, status, score, first_seen) "
                   "VALUES ('sarnbruecke', 1, 'seed', 1.0, 't')")
        db.conn.commit()
        db.close()
        return 0

    monkeypatch.setattr(runner, "_crawl", fake_crawl)
    out = io.StringIO()
    db = tmp_path / "demo.db"
    assert run_demo(db, out=out) == 0
    text = out.getvalue()
    assert [n for n, _ in seen] == [1, 2]
    assert "utm_source" not in seen[0][1] and "utm_source" in seen[1][1]  # round 2 was served the second time
    assert "[sarnbruecke]" in text and "Risse in der Sarnbrücke" in text
    assert "run 1 ok (t0 – t1): new 3, errors 0" in text
    assert f"Database: {db.resolve()}" in text


def test_timeline_table_shows_status_score_version_duplicate_and_new_sentences() -> None:
    rows: list[dict] = [
        {"story": "s", "status": "seed", "published": "2025-01-08T05:30:00Z", "source": "Sarn-Kurier",
         "title": "Erster Bericht", "score": 1.0, "version": 1, "duplicate_of_url": None, "new_sentences": None},
        {"story": "s", "status": "duplicate", "published": "2025-01-12", "source": "Tagesecho", "title": "Kopie",
         "score": 0.5, "version": 1, "duplicate_of_url": "http://x/orig.html", "new_sentences": "[]"},
        {"story": "s", "status": "follow_up", "published": None, "source": None, "title": "Neu", "score": 0.31,
         "version": 2, "duplicate_of_url": None, "new_sentences": '["Der Shuttlebus fährt.", "Im Takt."]'},
    ]
    table = format_timeline(rows)
    assert "seed       2025-01-08 05:30" in table
    assert "duplicate of http://x/orig.html" in table
    assert re.search(r"follow_up\s+\?\s+\?\s+0\.31\s+2\s+Neu", table)
    assert "new: Der Shuttlebus fährt. Im Takt." in table
    assert format_timeline([]) == "(empty)"


def test_run_line_lists_the_contract_counts_and_errors_by_source() -> None:
    line = format_run(2, "partial", "a", "b", '{"new": 4, "duplicates": 1, "errors": 1, '
                      '"errors_by_source": {"Tagesecho": {"http_404": 1}}}')
    assert line.startswith("run 2 partial (a – b): new 4, duplicates 1, errors 1")
    assert "Tagesecho: {'http_404': 1}" in line


# ---- a whole demo run (two crawls in subprocesses) --------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    db = tmp_path_factory.mktemp("demo") / "x.db"
    proc = subprocess.run([sys.executable, "-m", "crawler", "demo", "--db", str(db)], cwd=REPO,
                          capture_output=True, text=True, timeout=900, check=False)
    return proc, db


def _query(db: Path, sql: str, *args: object) -> list[sqlite3.Row]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def _story_rows(db: Path) -> dict[str, sqlite3.Row]:
    """Story rows by article key (matched on the URL path)."""
    rows = _query(db, "SELECT sa.status, sa.duplicate_of, a.id, a.canonical_url, a.version FROM story_articles sa "
                      "JOIN articles a ON a.id = sa.article_id WHERE sa.story = 'sarnbruecke'")
    out = {}
    for row in rows:
        for key, a in ARTICLES.items():
            if row["canonical_url"].endswith(a["path"]):
                out[key] = row
    return out


def _article(db: Path, key: str) -> sqlite3.Row | None:
    rows = _query(db, "SELECT * FROM articles WHERE canonical_url LIKE ?", "%" + ARTICLES[key]["path"])
    return rows[0] if rows else None


@pytest.mark.slow
def test_demo_exits_0_and_prints_timeline_and_database_path(demo: tuple) -> None:
    proc, db = demo
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "== Story timeline" in proc.stdout
    assert f"Database: {db.resolve()}" in proc.stdout
    assert len(_query(db, "SELECT id FROM runs")) == 2


@pytest.mark.slow
def test_demo_stores_the_seed_url_as_seed(demo: tuple) -> None:
    assert _story_rows(demo[1])["risse"]["status"] == "seed"


@pytest.mark.slow
def test_demo_finds_follow_ups_through_feed_atom_sitemap_and_section(demo: tuple) -> None:
    rows = _story_rows(demo[1])
    expected = ["umleitung", "stau", "gutachten", "pendler", "akteneinsicht",  # round 1, one per outlet
                "pruefer", "versaeumnisse", "haendler"]  # round 2
    assert {k: rows[k]["status"] if k in rows else None for k in expected} == dict.fromkeys(expected, "follow_up")


@pytest.mark.slow
def test_demo_marks_the_syndicated_dpa_copy_as_duplicate_of_the_original(demo: tuple) -> None:
    rows = _story_rows(demo[1])
    assert rows["gutachten-kopie"]["status"] == "duplicate"
    assert rows["gutachten-kopie"]["duplicate_of"] == rows["gutachten"]["id"]


@pytest.mark.slow
def test_demo_updated_article_is_version_2_with_version_1_kept(demo: tuple) -> None:
    db = demo[1]
    article = _article(db, "pendler")
    assert article is not None and article["version"] == 2
    assert "Behelfsbrücke" in article["text"]
    old = _query(db, "SELECT version, text FROM article_versions WHERE article_id = ?", article["id"])
    assert [r["version"] for r in old] == [1]
    assert "Das kann derzeit niemand sagen" in old[0]["text"]


@pytest.mark.slow
def test_demo_follows_the_read_also_link_to_the_related_only_article(demo: tuple) -> None:
    assert _story_rows(demo[1])["risse-entdeckt"]["status"] == "follow_up"


@pytest.mark.slow
def test_demo_keeps_the_look_alike_story_and_off_topic_pages_out(demo: tuple) -> None:
    rows = _story_rows(demo[1])
    outside = [k for k, a in ARTICLES.items() if a["kind"] != "story"]
    assert [k for k in outside if k in rows] == []
    # The look-alike matched the query words, so it was fetched and judged, not filtered unseen.
    assert _article(demo[1], "brueckenfest") is not None


@pytest.mark.slow
def test_demo_stores_no_row_for_tracking_or_amp_variants(demo: tuple) -> None:
    db = demo[1]
    variants = _query(db, "SELECT url, canonical_url FROM articles WHERE url LIKE '%utm_%' OR url LIKE '%/amp/%' "
                          "OR canonical_url LIKE '%utm_%' OR canonical_url LIKE '%/amp/%'")
    assert [tuple(r) for r in variants] == []
    for key in ("risse", "umleitung", "akteneinsicht"):
        count = _query(db, "SELECT count(*) FROM articles WHERE canonical_url LIKE ?", "%" + ARTICLES[key]["path"])
        assert count[0][0] == 1, key


@pytest.mark.slow
def test_demo_second_run_counts_new_duplicate_and_updated(demo: tuple) -> None:
    import json

    stats = json.loads(_query(demo[1], "SELECT stats FROM runs ORDER BY id DESC LIMIT 1")[0]["stats"])
    assert stats["duplicates"] >= 1 and stats["updated"] >= 1 and stats["new"] >= 4


@pytest.mark.slow
def test_demo_no_article_but_the_updated_one_gets_a_second_version(demo: tuple) -> None:
    versioned = [r["canonical_url"] for r in _query(demo[1], "SELECT canonical_url FROM articles WHERE version > 1")]
    assert [u.split("/")[-1] for u in versioned] == [ARTICLES["pendler"]["path"].split("/")[-1]]
