"""A crawl fetches from all its outlets at once: the frontier's window is shared among the sources.

Each outlet's feed lists more articles than the crawl's window holds. Before the claims were shared, the entries of
the feed read first filled the whole window, and with a delay per host the other outlets waited until that outlet
was nearly done: a crawl of five outlets took about five times as long as it needed to.
"""

from __future__ import annotations

from pathlib import Path

from faultweb import FaultWeb, outlets_with_feeds, run_storywatch

HOSTS = ["amtsblatt", "bergbote", "chronik"]
PER_HOST = 30  # the window is 32 (twice concurrent_requests, 16 by default)


def test_the_first_pages_fetched_come_from_every_outlet(tmp_path: Path) -> None:
    with FaultWeb(HOSTS, first=140) as web:
        sources = outlets_with_feeds(web, PER_HOST)
        config = tmp_path / "storywatch.toml"
        config.write_text(
            f'[database]\npath = "{(tmp_path / "storywatch.db").as_posix()}"\n\n[crawl]\ndownload_delay = 0.1\n'
            "retries = 0\nfollow_related_links = false\n\n" + sources
            + "\n[[stories]]\nid = \"wasserwerk\"\ntitle = \"Wasserwerk\"\nquery = 'Wasserwerk*'\n",
            encoding="utf-8")
        done = run_storywatch("run", "--config", config)
        assert done.returncode == 0, done.stdout + done.stderr[-3000:]
        articles = [hit.host for hit in web.hits() if hit.path.startswith("/lokales/")]
    assert len(articles) == len(HOSTS) * PER_HOST, articles
    first = articles[:12]
    assert all(first.count(host) >= 3 for host in HOSTS), first  # all outlets at once, not one after the other
