"""A page's text features made by the extraction worker (crawler.features) store exactly what the crawl's main
process would have computed itself: the same article, boilerplate keys, candidate rows and cached term weights."""

from __future__ import annotations

from pathlib import Path

from test_page_type import _article_body, _page

from config.model import Story
from config.query import parse_query
from crawler.extract import ExtractOptions
from crawler.features import text_features
from crawler.items import Candidate
from crawler.process import ArticleProcessor, FetchedArticle
from crawler.stats import RunStats
from crawler.worker import extract_in_worker
from storage.db import open_database
from storage.store import Store

URL = "https://www.kz.example/lokales/turnhalle-4711.html"
STORIES = [Story(id="halle", title="Turnhalle", query_text="Turnhalle AND Kellbach*",
                 query=parse_query("Turnhalle AND Kellbach*")),
           Story(id="hafen", title="Hafen", query_text="Hafen", query=parse_query("Hafen"))]
QUERIES = {s.id: s.query for s in STORIES}


def _rows(path: Path, features: bool) -> dict[str, list[tuple]]:
    result = extract_in_worker(_page("x", body=_article_body()).encode(), "text/html", URL, ExtractOptions(),
                               queries=QUERIES if features else None, fallback_title="Aus dem Feed")
    assert result.extracted is not None and (result.features is not None) == features
    store = Store(open_database(path))
    processor = ArticleProcessor(store, STORIES, store.start_run(None, 0), RunStats([]))
    item = FetchedArticle(URL, URL, Candidate(URL, "KZ", "feed", title="Aus dem Feed"), result.extracted,
                          band_keys=result.band_keys, features=result.features)
    processor.process(item)
    db = store.db
    return {
        "articles": db.execute("SELECT title, text, content_hash FROM articles").fetchall(),
        "boilerplate": db.execute("SELECT site, hash, sample FROM boilerplate ORDER BY hash").fetchall(),
        "candidates": db.execute("SELECT story, article_id, similarity, matched_terms FROM story_candidates"
                                 ).fetchall(),
        "terms": db.execute("SELECT * FROM article_terms").fetchall(),
    }


def test_features_from_the_worker_store_what_the_processor_would_compute(tmp_path: Path) -> None:
    from_worker = _rows(tmp_path / "worker.db", features=True)
    computed_here = _rows(tmp_path / "here.db", features=False)
    assert from_worker == computed_here
    assert [(story, terms) for story, _, _, terms in from_worker["candidates"]] == [
        ("halle", '["Turnhalle", "Kellbach*"]')]
    assert len(from_worker["terms"]) == 1 and len(from_worker["boilerplate"]) == 3


def test_no_term_weights_are_made_for_a_text_no_query_matches() -> None:
    features = text_features("Hafenfest", "Der Hafen feiert. Am Kai spielt eine Kapelle.", ["Der Hafen feiert."],
                             {"halle": STORIES[0].query})
    assert features.matched == {} and features.weights is None
    assert len(features.paragraph_hashes) == 1
    matched = text_features("Hafenfest", "Der Hafen feiert.", [], QUERIES)
    assert matched.matched == {"hafen": ("Hafen",)} and matched.weights
