"""A page named again with a date while the run already has it keeps that date as its change signal.

A feed names an article without a date; the outlet's sitemap, slower to answer, names it with its <lastmod>. The
article is fetched and stored from the feed's link before the sitemap arrives, so the sitemap's entry is "seen this
run". Its date must still become the article's signal: otherwise, when the sitemap's lastmod moves on in the next
round (the article was changed), that newer date is taken as the first baseline and the update is never fetched.
(Found by the unseen web's crash campaign, where interrupted runs met the same order.)
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from faultweb import FaultWeb, article_html, article_text, page, rss, run_storywatch, slow

N = 7001
PATH = f"/lokales/wasserwerk-{N}.html"
CHANGED = "<p>Nachtrag: Der Gemeinderat hat die Sanierung des Wasserwerks am Abend einstimmig beschlossen.</p>"


def _sitemap(base: str, lastmod: str) -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{base}{PATH}</loc><lastmod>{lastmod}</lastmod></url></urlset>").encode()


def test_an_update_is_fetched_when_the_dated_listing_came_after_the_page_was_taken(tmp_path: Path) -> None:
    with FaultWeb(["bote"], first=150) as web:
        base = web.base("bote")
        web.add("bote", PATH, page(article_html(N)))
        web.add("bote", "/feed.xml", page(rss(base, [(PATH, article_text(N)[0])]), content_type="application/rss+xml"))
        web.add("bote", "/sitemap.xml", slow(2.0, page(_sitemap(base, "2026-03-02T08:00:00Z"),
                                                       content_type="application/xml")))
        db = tmp_path / "storywatch.db"
        config = tmp_path / "storywatch.toml"
        config.write_text(
            f'[database]\npath = "{db.as_posix()}"\n\n[crawl]\ndownload_delay = 0\nretries = 0\n'
            f"follow_related_links = false\n\n"
            f'[[sources]]\nname = "Bote"\nurl = "{base}/"\nfeeds = ["{base}/feed.xml"]\n'
            f'sitemaps = ["{base}/sitemap.xml"]\n\n'
            "[[stories]]\nid = \"wasserwerk\"\ntitle = \"Wasserwerk\"\nquery = 'Wasserwerk*'\n", encoding="utf-8")
        first = run_storywatch("run", "--config", config)
        assert first.returncode == 0, first.stdout + first.stderr[-3000:]
        article_hit = web.hits("bote", PATH)[0].at
        sitemap_hit = web.hits("bote", "/sitemap.xml")[0].at
        assert article_hit < sitemap_hit + 2.0  # the page was taken before the sitemap's answer came
        # The next round: the article changed, and the sitemap says so.
        web.add("bote", PATH, page(article_html(N, extra=CHANGED)))
        web.add("bote", "/sitemap.xml", page(_sitemap(base, "2026-03-03T09:30:00Z"), content_type="application/xml"))
        second = run_storywatch("run", "--config", config)
        assert second.returncode == 0, second.stdout + second.stderr[-3000:]
    conn = sqlite3.connect(db)
    try:
        version, text = conn.execute("SELECT version, text FROM articles").fetchone()
    finally:
        conn.close()
    assert "1 updated" in second.stdout, second.stdout
    assert version == 2 and "einstimmig beschlossen" in text, (version, second.stdout)
