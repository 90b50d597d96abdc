"""A slow seed holds back the article pages, not the listings.

The story's profile needs its seeds before any other page is judged (its similarity while crawled, whether its
related links are followed), so no article page is fetched before the seed is stored. The feeds, sitemaps and
sections are read meanwhile: a seed whose server takes seconds to answer no longer delays the discovery of the whole
crawl by as much. A listing that names the seed while it is in flight does not make the run fetch it twice.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from faultweb import FaultWeb, article_html, article_text, page, rss, run_storywatch, slow

SEED_DELAY = 2.0
SEED, OTHERS = 8100, (8101, 8102, 8103)


def _path(n: int) -> str:
    return f"/lokales/wasserwerk-{n}.html"


def test_the_feed_is_read_while_the_seed_is_slow_and_articles_wait_for_the_seed(tmp_path: Path) -> None:
    with FaultWeb(["bote"], first=160) as web:
        base = web.base("bote")
        web.add("bote", _path(SEED), slow(SEED_DELAY, page(article_html(SEED))))
        for n in OTHERS:
            web.add("bote", _path(n), page(article_html(n)))
        listed = [(_path(n), article_text(n)[0]) for n in (*OTHERS, SEED)]  # the feed names the seed too
        web.add("bote", "/feed.xml", page(rss(base, listed), content_type="application/rss+xml"))
        db = tmp_path / "storywatch.db"
        config = tmp_path / "storywatch.toml"
        config.write_text(
            f'[database]\npath = "{db.as_posix()}"\n\n[crawl]\ndownload_delay = 0\nretries = 0\n'
            f"follow_related_links = false\n\n"
            f'[[sources]]\nname = "Bote"\nurl = "{base}/"\nfeeds = ["{base}/feed.xml"]\n\n'
            f'[[stories]]\nid = "wasserwerk"\ntitle = "Wasserwerk"\nquery = \'Wasserwerk*\'\n'
            f'seeds = ["{base}{_path(SEED)}"]\n', encoding="utf-8")
        done = run_storywatch("run", "--config", config)
        assert done.returncode == 0, done.stdout + done.stderr[-3000:]
        seed_hits = web.hits("bote", _path(SEED))
        feed_hits = web.hits("bote", "/feed.xml")
        article_hits = [h for n in OTHERS for h in web.hits("bote", _path(n))]
    assert len(seed_hits) == 1, seed_hits  # named by the feed while in flight: still one fetch
    seed_answered = seed_hits[0].at + SEED_DELAY
    assert len(feed_hits) == 1 and feed_hits[0].at < seed_answered - 1.0, (feed_hits, seed_hits)
    assert len(article_hits) == len(OTHERS)
    assert all(h.at >= seed_answered for h in article_hits), (article_hits, seed_answered)
    conn = sqlite3.connect(db)
    try:
        rows = dict(conn.execute("SELECT a.url, s.status FROM articles a LEFT JOIN story_articles s "
                                 "ON s.article_id = a.id AND s.story = 'wasserwerk'").fetchall())
    finally:
        conn.close()
    assert rows[f"{base}{_path(SEED)}"] == "seed", rows
    assert {f"{base}{_path(n)}" for n in OTHERS} <= rows.keys(), rows
