"""The end-of-crawl re-clean (crawler.reclean) reads a site's stored articles in chunks and cleans every one."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler import reclean
from crawler.extract import paragraph_hash
from storage import boilerplate
from storage.db import open_database
from storage.store import Store

FURNITURE = "Folgen Sie uns auf Instagram und bei WhatsApp, damit Sie keine Meldung aus Kellbach verpassen."


def _body(i: int) -> list[str]:
    return [f"Der Gemeinderat von Kellbach hat in seiner Sitzung Nummer {i} über die Turnhalle beraten und entschieden.",
            f"Die Kosten der Sanierung liegen nach dem Gutachten Nummer {i} bei rund zwei Millionen Euro.", FURNITURE]


def _insert(store: Store, i: int) -> None:
    url = f"https://www.kz.example/lokales/meldung-{i}.html"
    store.insert_article({"url": url, "canonical_url": url, "source": "KZ", "site_name": "KZ",
                          "text": "\n".join(_body(i)), "content_hash": f"h{i}"}, "2025-01-01T00:00:00Z")


@pytest.mark.parametrize("chunk", [2, 200])
def test_every_article_of_a_site_is_cleaned_whatever_the_chunk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               chunk: int) -> None:
    monkeypatch.setattr(reclean, "CHUNK", chunk)
    store = Store(open_database(tmp_path / "a.db"))
    with store.transaction():
        for i in range(7):
            _insert(store, i)
            hashes = {paragraph_hash(p): p for p in _body(i)}
            boilerplate.record_paragraphs(store.db, "www.kz.example", hashes.keys(), hashes)
        other = "https://else.example/x.html"  # another site: untouched
        store.insert_article({"url": other, "canonical_url": other, "source": "E", "text": FURNITURE,
                              "content_hash": "e"}, "2025-01-01T00:00:00Z")
    assert reclean.reclean_learned(store.db) == reclean.Recleaned(sites=1, articles=7)
    texts = [r[0] for r in store.db.execute("SELECT text FROM articles ORDER BY id")]
    assert texts[:7] == ["\n".join(_body(i)[:2]) for i in range(7)]
    assert texts[7] == FURNITURE
    assert reclean.reclean_learned(store.db).articles == 0  # nothing left to clean


PLACES = ["Turnhalle", "Kläranlage", "Grundschule", "Feuerwache", "Bücherei", "Kita", "Sporthalle", "Brücke",
          "Friedhofshalle", "Bahnhofsplatz"]
TOPICS = ["Sanierung", "Erweiterung", "Planung", "Finanzierung", "Ausschreibung", "Prüfung"]


def _varied(i: int) -> list[str]:
    """Two body lines of their own (numbers alone would not do: a line's key ignores them) and the furniture."""
    place, topic = PLACES[i % len(PLACES)], TOPICS[i // len(PLACES)]
    return [f"Der Gemeinderat von Kellbach hat über die {topic} der {place} beraten und entschieden.",
            f"Die Kosten der {topic} für die {place} liegen nach dem Gutachten bei rund zwei Millionen Euro.",
            FURNITURE]


def _store(store: Store, i: int, lines: list[str], site: str = "www.kz.example") -> int:
    url = f"https://{site}/lokales/meldung-{i}.html"
    article_id = store.insert_article({"url": url, "canonical_url": url, "source": "KZ", "site_name": "KZ",
                                       "text": "\n".join(lines), "content_hash": f"h{i}"}, "2025-01-01T00:00:00Z")
    hashes = {paragraph_hash(p): p for p in lines}
    boilerplate.record_paragraphs(store.db, site, hashes.keys(), hashes, article_id=article_id)
    return article_id


def test_only_the_articles_that_may_hold_a_learned_line_are_read(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The first article that had a line and the one that made it learned are noted as they are stored; later
    articles stored without the line (their worker knew it) are not read at the re-clean, nor is another site."""
    store = Store(open_database(tmp_path / "a.db"))
    with store.transaction():
        first = _store(store, 0, _varied(0))
        second = _store(store, 1, _varied(1))  # makes FURNITURE learned: itself and the first are noted
        later = [_store(store, i, _varied(i)[:2]) for i in range(2, 30)]
        other = _store(store, 99, [FURNITURE, "Ein ganz anderer Text über den Markt in Obermoos und seine Stände."],
                       site="else.example")  # seen once on its own site: not learned there
    assert {r[0] for r in store.db.execute("SELECT article_id FROM reclean_pending")} == {first, second}
    read = []
    real = reclean._reclean
    monkeypatch.setattr(reclean, "_reclean", lambda db, row, *a: read.append(row["id"]) or real(db, row, *a))
    assert reclean.reclean_learned(store.db) == reclean.Recleaned(sites=1, articles=2)
    assert sorted(read) == [first, second]
    texts = dict(store.db.execute("SELECT id, text FROM articles").fetchall())
    assert texts[first] == "\n".join(_varied(0)[:2]) and texts[second] == "\n".join(_varied(1)[:2])
    assert all(FURNITURE not in texts[a] for a in later) and FURNITURE in texts[other]
    assert store.db.execute("SELECT count(*) FROM reclean_pending").fetchone()[0] == 0
    read.clear()
    assert reclean.reclean_learned(store.db).articles == 0 and read == []


def test_a_line_first_seen_in_an_earlier_run_is_cleaned_from_that_article(tmp_path: Path) -> None:
    """Across runs (transactions) and re-cleans: the first article of a line learned later is found by its note."""
    store = Store(open_database(tmp_path / "a.db"))
    with store.transaction():
        first = _store(store, 0, _varied(0))
        _store(store, 1, _varied(1)[:2])
    assert reclean.reclean_learned(store.db).articles == 0  # nothing learned yet
    with store.transaction():
        second = _store(store, 2, _varied(2))
    assert reclean.reclean_learned(store.db).articles == 2
    texts = dict(store.db.execute("SELECT id, text FROM articles").fetchall())
    assert FURNITURE not in texts[first] and FURNITURE not in texts[second]


def test_lines_counted_without_their_article_make_the_site_read_whole(tmp_path: Path) -> None:
    """Counts from before articles were noted (or recorded without an id) know no first article: a site that learns
    such a line has all its stored articles read, as every re-clean did before."""
    store = Store(open_database(tmp_path / "a.db"))
    with store.transaction():
        for i in range(3):
            _insert(store, i)
        hashes = {paragraph_hash(FURNITURE): FURNITURE}
        boilerplate.record_paragraphs(store.db, "www.kz.example", hashes.keys(), hashes)
        boilerplate.record_paragraphs(store.db, "www.kz.example", hashes.keys(), hashes)
    assert boilerplate.sites_to_read_whole(store.db) == ["kz.example"]
    assert reclean.reclean_learned(store.db) == reclean.Recleaned(sites=1, articles=3)
    assert reclean.reclean_learned(store.db).articles == 0
