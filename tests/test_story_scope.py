"""A `--story` run (the scheduler starts one per story) reads every listing for all stories: the listing's
validators and the frontier serve every story, and a stored page is never fetched again, so a page one story's run
skipped or stored unmatched would be lost for the others (their run gets 304 for the listing and knows the page)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from faultweb import FaultWeb, Handler, Hit, article_html, run_storywatch, send

BRIDGE = ("/lokales/bruecke-gesperrt-40001.html", "Marode Brücke am Mühlbach bleibt bis Herbst gesperrt",
          "Die Brücke über den Mühlbach ist seit Montag für Autos gesperrt; ein Gutachten fand Risse im Beton.")
WATER = ("/lokales/wasserwerk-bericht-40002.html", "Wasserwerk Auenbach: Arbeiten an der Pumpstation Nummer 40002",
         "Das Wasserwerk erneuert die Pumpstation; die Versorgung sei nicht gefährdet.")


def etagged(body: bytes, content_type: str, etag: str) -> object:
    """A page that answers 304 to a request that names its ETag."""

    def fault(handler: Handler, hit: Hit) -> None:
        if hit.headers.get("If-None-Match") == etag:
            send(handler, 304, b"", {"ETag": etag})
        else:
            send(handler, 200, body, {"ETag": etag, "Content-Type": content_type})

    return fault


def bridge_page() -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in (
        ("Die Brücke über den Mühlbach in Auenbach ist seit Montag für Autos und Lastwagen gesperrt. Ein Gutachten "
        "hatte Risse im Beton der beiden Pfeiler gefunden, die Stadt will kein Risiko eingehen."),
        ("Fußgänger und Radfahrer dürfen die Brücke weiter nutzen. Die Umleitung über die Kreisstraße verlängert den "
        "Weg zur Schule für viele Familien um mehrere Kilometer, klagen Eltern im Ortsteil Lindach."),
        ("Der Bauausschuss will im Juni über einen Neubau beraten. Bis zum Herbst bleibe die Brücke in jedem Fall "
        "gesperrt, sagte der Bürgermeister; die Kosten für einen Ersatzbau schätzt die Verwaltung auf zwei "
        "Millionen Euro."),
    ))
    return (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{BRIDGE[1]}</title></head><body>'
            f'<article><h1>{BRIDGE[1]}</h1><p class="byline"><time datetime="2026-03-02T08:00:00Z">2. März 2026'
            f"</time></p>{paragraphs}</article></body></html>")


@pytest.mark.slow
def test_a_page_for_another_story_survives_a_run_of_one_story(tmp_path: Path) -> None:
    with FaultWeb(["outlet"], first=120) as web:
        base = web.base("outlet")
        items = "".join(f"<item><title>{t}</title><link>{base}{p}</link><description>{d}</description></item>"
                        for p, t, d in (BRIDGE, WATER))
        feed = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Lokales</title>'
                f"<link>{base}/</link>{items}</channel></rss>").encode()
        web.add("outlet", "/feed.xml", etagged(feed, "application/rss+xml", '"feed-1"'))
        web.add("outlet", BRIDGE[0], etagged(bridge_page().encode(), "text/html; charset=utf-8", '"b"'))
        web.add("outlet", WATER[0], etagged(article_html(40002).encode(), "text/html; charset=utf-8", '"w"'))
        db = tmp_path / "storywatch.db"
        config = tmp_path / "storywatch.toml"
        config.write_text(
            f'[database]\npath = "{db.as_posix()}"\n\n[crawl]\ndownload_delay = 0\ntimeout = 10\n\n'
            f'[[sources]]\nname = "Outlet"\nurl = "{base}/"\nfeeds = ["{base}/feed.xml"]\n\n'
            "[[stories]]\nid = \"wasser\"\ntitle = \"Wasserwerk\"\nquery = 'Wasserwerk*'\n\n"
            "[[stories]]\nid = \"bruecke\"\ntitle = \"Brücke\"\nquery = 'Mühlbach* AND Brücke*'\n", encoding="utf-8")
        first = run_storywatch("run", "--config", config, "--story", "wasser", cwd=tmp_path)
        assert first.returncode == 0, first.stderr[-2000:]
        conn = sqlite3.connect(db)
        after_first = {r[0]: r[1] for r in conn.execute(
            "SELECT a.canonical_url, c.story FROM story_candidates c JOIN articles a ON a.id = c.article_id")}
        decided_first = conn.execute("SELECT story FROM story_articles").fetchall()
        conn.close()
        second = run_storywatch("run", "--config", config, "--story", "bruecke", cwd=tmp_path)
        assert second.returncode == 0, second.stderr[-2000:]
        feed_answers = [h.headers.get("If-None-Match") for h in web.hits("outlet", "/feed.xml")]
    # The first run fetched the bridge page although its own story's query does not match the feed entry ...
    assert after_first == {f"{base}{BRIDGE[0]}": "bruecke"}  # ... kept it a candidate of the other story ...
    assert decided_first == [("wasser",)]  # ... and decided only its own story.
    assert feed_answers == [None, '"feed-1"']  # the second run was told nothing changed: 304
    conn = sqlite3.connect(db)
    members = sorted(conn.execute("SELECT sa.story, a.canonical_url FROM story_articles sa JOIN articles a "
                                  "ON a.id = sa.article_id"))
    conn.close()
    assert members == [("bruecke", f"{base}{BRIDGE[0]}"), ("wasser", f"{base}{WATER[0]}")]
