"""A long listing enters the frontier in chunks (at most LISTING_CHUNK links and LISTING_BUDGET seconds each), the
crawl's event loop running between them, and its validators only with the last chunk: a crawl killed in the middle of
a listing reads it again in full next time (issue 15)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from faultweb import REPO, FaultWeb, cli_env, outlets_with_feeds, page, rss, run_storywatch, wasserwerk_config

from crawler.spider import LISTING_CHUNK

LINKS = 2 * LISTING_CHUNK + 50  # three chunks


def _config(tmp_path: Path, web: FaultWeb) -> Path:
    sources = outlets_with_feeds(web, LINKS)
    host = web.hosts[0]
    # The same feed, now with a validator: a run that saved it asks conditionally next time.
    entries = [(f"/lokales/wasserwerk-{1000 + i}.html", f"Meldung {i}") for i in range(LINKS)]
    web.add(host, "/feed.xml", page(rss(web.base(host), entries), content_type="application/rss+xml",
                                    headers={"ETag": '"feed-1"'}))
    config = tmp_path / "storywatch.toml"
    config.write_text(
        f'[database]\npath = "{(tmp_path / "storywatch.db").as_posix()}"\n\n[crawl]\ndownload_delay = 0\n'
        "retries = 0\nfollow_related_links = false\n\n" + sources
        + "\n[[stories]]\nid = \"wasserwerk\"\ntitle = \"Wasserwerk\"\nquery = 'Wasserwerk*'\n",
        encoding="utf-8")
    return config


def test_a_crawl_killed_inside_a_long_listing_reads_it_whole_next_time(tmp_path: Path) -> None:
    with FaultWeb(["amtsblatt"], first=142) as web:
        config = _config(tmp_path, web)
        # Killed (SIGKILL, with its extraction workers: nothing gets to clean up) when the listing's second chunk
        # is half done.
        script = textwrap.dedent(f"""
            import os, signal
            import crawler.spider as spider
            seen = 0
            consider = spider.StoryWatchSpider._consider
            def dying(self, candidate, **kw):
                global seen
                seen += 1
                if seen == {LISTING_CHUNK + LISTING_CHUNK // 2}:
                    os.killpg(0, signal.SIGKILL)
                return consider(self, candidate, **kw)
            spider.StoryWatchSpider._consider = dying
            from crawler.cli import main
            main(["run", "--quiet", "--config", {str(config)!r}])
        """)
        killed = subprocess.run([sys.executable, "-c", script], cwd=REPO, env=cli_env(), capture_output=True,
                                text=True, timeout=300, check=False, start_new_session=True)
        assert killed.returncode == -9, killed.stderr[-3000:]
        with sqlite3.connect(tmp_path / "storywatch.db") as db:
            waiting = db.execute("SELECT count(*) FROM frontier").fetchone()[0]
            stored = db.execute("SELECT count(*) FROM articles").fetchone()[0]
            validators = db.execute("SELECT count(*) FROM http_validators").fetchone()[0]
        # The chunks before the kill are safe (at least one: a chunk holds at most LISTING_CHUNK links), the one it
        # interrupted was rolled back.
        assert 0 < waiting + stored < LISTING_CHUNK + LISTING_CHUNK // 2
        assert validators == 0  # never before every link is in the frontier
        first = len(web.hits())

        done = run_storywatch("run", "--config", config)
        assert done.returncode == 0, done.stdout + done.stderr[-3000:]
        again = [h for h in web.hits()[first:] if h.path == "/feed.xml"]
    assert again and "If-None-Match" not in again[0].headers  # read in full, not asked "has it changed?"
    with sqlite3.connect(tmp_path / "storywatch.db") as db:
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == LINKS
        assert db.execute("SELECT count(*) FROM frontier").fetchone()[0] == 0
        assert db.execute("SELECT etag FROM http_validators").fetchall() == [('"feed-1"',)]


def test_a_chunk_ends_after_its_time_budget_when_its_links_are_slow(tmp_path: Path) -> None:
    """Links that take long to consider (a slow disk, a busy machine) end a transaction after LISTING_BUDGET
    seconds, well before LISTING_CHUNK links: the event loop is not held for LISTING_CHUNK slow links."""
    from crawler.spider import LISTING_BUDGET

    with FaultWeb(["amtsblatt"], first=143) as web:
        config = wasserwerk_config(tmp_path, web, 60, tmp_path / "storywatch.db", crawl="follow_related_links = false\n")
        script = textwrap.dedent(f"""
            import collections, contextlib, time
            import crawler.spider as spider
            turns = [0]
            per_turn = collections.Counter()
            turn = spider.StoryWatchSpider._turn
            @contextlib.asynccontextmanager
            async def counted(self):
                async with turn(self):
                    turns[0] += 1
                    yield
            spider.StoryWatchSpider._turn = counted
            consider = spider.StoryWatchSpider._consider
            def slow(self, candidate, **kw):
                time.sleep({LISTING_BUDGET / 3})
                per_turn[turns[0]] += 1
                return consider(self, candidate, **kw)
            spider.StoryWatchSpider._consider = slow
            from crawler.cli import main
            code = main(["run", "--quiet", "--config", {str(config)!r}])
            print(code, sum(per_turn.values()), len(per_turn), max(per_turn.values()))
        """)
        done = subprocess.run([sys.executable, "-c", script], cwd=REPO, env=cli_env(), capture_output=True,
                              text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    code, links, chunks, largest = map(int, done.stdout.split()[-4:])
    assert (code, links) == (0, 60)
    assert largest <= 4 and chunks >= 15, done.stdout  # about three links a chunk, never the whole listing
