"""A story is decided again only when something it is decided on changed (crawler.decision_inputs): the skip is
exact (deciding again on the same inputs would write the same rows), and every kind of input decides again."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from faultweb import REPO, FaultWeb, cli_env, wasserwerk_config
from test_matching import SEED_1, SEED_2
from test_story_update import PAGES, _story

from crawler import decision_inputs
from crawler.decision_inputs import decide_if_changed, inputs
from crawler.stats import RunStats
from crawler.story_update import update_story
from storage import membership as stored
from storage.store import Store

SEEDS = [SEED_1, SEED_2]


def _store(path: Path) -> Store:
    from test_story_update import _store as stored_pages

    return stored_pages(path, list(PAGES))


def _decide(store: Store, story=None, seeds=None) -> tuple[object, RunStats]:
    stats = RunStats([])
    run_id = store.start_run(None, 0)
    with store.transaction():
        decision = decide_if_changed(store, story or _story(), SEEDS if seeds is None else seeds, run_id=run_id,
                                     stats=stats, now=f"2025-01-14T0{run_id}:00:00Z")
    return decision, stats


def _state(store: Store) -> list[tuple]:
    """What a decision writes, without the time it was written at."""
    return [*store.db.execute("SELECT * FROM story_articles ORDER BY article_id").fetchall(),
            *store.db.execute("SELECT story, article_id, similarity, score, reason, run_id FROM story_candidates "
                              "ORDER BY article_id").fetchall(),
            *store.db.execute("SELECT * FROM story_departures ORDER BY rowid").fetchall()]


def test_nothing_changed_is_not_decided_again_and_deciding_again_would_write_the_same(tmp_path: Path) -> None:
    store = _store(tmp_path / "a.db")
    first, _ = _decide(store)
    assert first is not None and first.members()
    after_first = _state(store)
    again, stats = _decide(store)
    assert again is None and stats.counts["decisions_skipped"] == 1
    assert _state(store) == after_first
    # The skip is exact: the decision itself, run on the same store, writes the same rows and leaves the same inputs.
    recorded = stored.last_decision(store.db, "assad")
    with store.transaction():
        update_story(store, _story(), SEEDS, run_id=store.start_run(None, 0), stats=RunStats([]),
                     now="2025-01-14T09:00:00Z")
    assert _state(store) == after_first
    assert inputs(store, _story(), SEEDS) == recorded


def _new_article_elsewhere(store: Store) -> None:
    with store.transaction():
        store.insert_article({"url": "http://example.invalid/else", "canonical_url": "http://example.invalid/else",
                              "source": "x", "title": "Stadtrat", "text": "Der Stadtrat tagt am Montag.",
                              "content_hash": "else", "published": "2025-01-13T08:00:00+01:00"},
                             "2025-01-13T10:00:00Z")


def _text_changed(store: Store) -> None:
    store.db.execute("UPDATE articles SET text = text || ' Ein Satz mehr.', content_hash = 'changed' "
                     "WHERE canonical_url LIKE '%/bases'")


def _title_changed(store: Store) -> None:
    store.db.execute("UPDATE articles SET title = 'Neuer Titel' WHERE canonical_url LIKE '%/exile'")


def _row_written_elsewhere(store: Store) -> None:
    store.db.execute("UPDATE story_candidates SET matched_terms = '[\"Assad\"]' WHERE rowid = "
                     "(SELECT min(rowid) FROM story_candidates)")


@pytest.mark.parametrize("change", [_new_article_elsewhere, _text_changed, _title_changed, _row_written_elsewhere])
def test_a_changed_store_decides_again(tmp_path: Path, change: Callable[[Store], None]) -> None:
    store = _store(tmp_path / "a.db")
    _decide(store)
    with store.transaction():
        change(store)
    assert _decide(store)[0] is not None


def test_a_changed_threshold_seed_file_or_code_decides_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = _store(tmp_path / "a.db")
    _decide(store)
    assert _decide(store)[0] is None
    assert _decide(store, story=replace(_story(), min_similarity=0.7))[0] is not None
    assert _decide(store, story=replace(_story(), min_similarity=0.7))[0] is None
    assert _decide(store, story=replace(_story(), min_similarity=0.7), seeds=[SEED_1])[0] is not None
    monkeypatch.setattr(decision_inputs, "code_digest", lambda: b"another version")
    assert _decide(store, story=replace(_story(), min_similarity=0.7), seeds=[SEED_1])[0] is not None


def test_the_code_digest_changes_with_any_source_file_of_the_packages(tmp_path: Path) -> None:
    import shutil

    root = Path(decision_inputs.__file__).resolve().parents[1]
    for package in ("config", "crawler", "storage"):
        shutil.copytree(root / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    first = decision_inputs.source_digest(tmp_path)
    assert decision_inputs.code_digest() == decision_inputs.source_digest(root)
    (tmp_path / "crawler" / "notes.txt").write_text("not code")
    assert decision_inputs.source_digest(tmp_path) == first
    membership = tmp_path / "crawler" / "membership.py"
    membership.write_text(membership.read_text().replace("PROPAGATION_K = 3", "PROPAGATION_K = 4"))
    assert decision_inputs.source_digest(tmp_path) != first


def test_a_run_that_stores_nothing_new_does_not_decide_or_load_scipy(tmp_path: Path) -> None:
    with FaultWeb(["amtsblatt"], first=141) as web:
        db = tmp_path / "s.db"
        config = wasserwerk_config(tmp_path, web, 3, db)
        script = textwrap.dedent(f"""
            import json, sqlite3, sys
            from crawler.cli import main
            code = main(["run", "--quiet", "--config", {str(config)!r}])
            stats = json.loads(sqlite3.connect({str(db)!r}).execute(
                "SELECT stats FROM runs ORDER BY id DESC LIMIT 1").fetchone()[0])
            print(code, "scipy" in sys.modules, stats.get("decisions_skipped", 0), stats["new"])
        """)
        runs = [subprocess.run([sys.executable, "-c", script], cwd=REPO, env=cli_env(), capture_output=True,
                               text=True, timeout=300, check=False) for _ in range(2)]
    for done in runs:
        assert done.returncode == 0, done.stderr[-3000:]
    assert runs[0].stdout.split() == ["0", "True", "0", "3"], runs[0].stdout
    assert runs[1].stdout.split() == ["0", "False", "1", "0"], runs[1].stdout


def test_the_decisions_modules_load_while_the_crawl_runs_once_a_candidate_is_stored(tmp_path: Path) -> None:
    """scipy and the decision load on a thread when the run stores its first candidate of a story it decides (the end
    of the run will decide it), not at the end, where the decision runs alone on one core; a page that matches no
    story loads nothing. The decision then needs no digest to know the story changed, and decides it."""
    script = textwrap.dedent(f"""
        import sys, threading
        sys.path.insert(0, {str(REPO / "tests")!r})
        from test_features import STORIES, URL, _article_body, _page
        from crawler.extract import ExtractOptions
        from crawler.items import Candidate
        from crawler.process import ArticleProcessor, FetchedArticle
        from crawler.stats import RunStats
        from crawler.worker import extract_in_worker
        from storage.db import open_database
        from storage.store import Store

        def item(url, body):
            r = extract_in_worker(_page("x", body=body).encode(), "text/html", url, ExtractOptions(),
                                  queries={{s.id: s.query for s in STORIES}})
            return FetchedArticle(url, url, Candidate(url, "KZ", "feed"), r.extracted, band_keys=r.band_keys,
                                  features=r.features)

        store = Store(open_database({str(tmp_path / "s.db")!r}))
        stats = RunStats([])
        processor = ArticleProcessor(store, STORIES, store.start_run(None, 0), stats)
        other = "<p>" + " ".join(["Am Marktplatz von Obermoos öffnet am Samstag der Wochenmarkt mit neuen Ständen."] * 4) + "</p>"
        processor.process(item("https://www.kz.example/markt.html", other))
        loading = [t for t in threading.enumerate() if t.name == "load-decision"]
        print("after no candidate", bool(loading), "scipy" in sys.modules)
        processor.process(item(URL, _article_body()))
        for t in threading.enumerate():
            if t.name == "load-decision":
                t.join(60)
        print("after a candidate", "scipy.sparse" in sys.modules, "crawler.story_update" in sys.modules)
        processor.decide()
        decided = store.db.execute("SELECT count(*) FROM story_candidates WHERE story = 'halle' AND decided_at IS NOT "
                                   "NULL").fetchone()[0] + store.db.execute("SELECT count(*) FROM story_articles "
                                                                            "WHERE story = 'halle'").fetchone()[0]
        recorded = [r[0] for r in store.db.execute("SELECT story FROM story_decisions ORDER BY story")]
        print("decided", decided, *recorded)
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, env=cli_env(), capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.splitlines() == ["after no candidate False False", "after a candidate True True",
                                        "decided 1 hafen halle"], done.stdout
