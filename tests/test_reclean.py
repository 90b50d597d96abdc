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


@pytest.mark.parametrize("chunk", [2, 200])
def test_every_article_of_a_site_is_cleaned_whatever_the_chunk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               chunk: int) -> None:
    monkeypatch.setattr(reclean, "CHUNK", chunk)
    store = Store(open_database(tmp_path / "a.db"))
    with store.transaction():
        for i in range(7):
            url = f"https://www.kz.example/lokales/meldung-{i}.html"
            store.insert_article({"url": url, "canonical_url": url, "source": "KZ", "site_name": "KZ",
                                  "text": "\n".join(_body(i)), "content_hash": f"h{i}"}, "2025-01-01T00:00:00Z")
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
