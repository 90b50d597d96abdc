"""Are all outlets fetched at the same time? Run by hand: `python benchmarks/outlets_at_once.py [--delay 1.0]`.

Serves --outlets loopback outlets whose feeds each list --per new articles, runs `storywatch run` with the given
download_delay (the default config's 1 s unless told), and prints the wall time against the floor set by the delay
(articles per outlet × delay, every outlet at once) and against fetching the outlets one after the other
(outlets × that). Before the frontier's claims were shared among the sources (storage.frontier.claim), the feed read
first filled the whole window: 5 outlets × 40 articles at 1 s took 123 s (this machine, December 2026); now ~45 s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests"), str(REPO)]

from faultweb import FaultWeb, outlets_with_feeds, run_storywatch


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--outlets", type=int, default=5)
    ap.add_argument("--per", type=int, default=40)
    ap.add_argument("--delay", type=float, default=1.0)
    args = ap.parse_args()
    hosts = [f"outlet{i}" for i in range(args.outlets)]
    with FaultWeb(hosts, first=200) as web:
        sources = outlets_with_feeds(web, args.per)
        tmp = Path(tempfile.mkdtemp(prefix="sw-outlets-"))
        config = tmp / "storywatch.toml"
        config.write_text(f'[database]\npath = "{tmp / "storywatch.db"}"\n\n[crawl]\ndownload_delay = {args.delay}\n'
                          "follow_related_links = false\n\n" + sources
                          + "\n[[stories]]\nid = \"w\"\ntitle = \"W\"\nquery = 'Wasserwerk*'\n", encoding="utf-8")
        started = time.perf_counter()
        done = run_storywatch("run", "--config", config, timeout=3600)
        wall = time.perf_counter() - started
        hits = [hit.host for hit in web.hits() if hit.path.startswith("/lokales/")]
    if done.returncode != 0:
        sys.exit(done.stdout + done.stderr[-2000:])
    floor = args.per * args.delay
    print(done.stdout.strip().splitlines()[-1])
    print(f"{args.outlets} outlets x {args.per} articles, download_delay {args.delay} s")
    print(f"wall {wall:.1f} s; floor (all outlets at once) {floor:.1f} s: {wall / floor:.2f}x; "
          f"one outlet after another {args.outlets * floor:.1f} s: {wall / (args.outlets * floor):.2f}x")
    first = hits[: 2 * args.outlets]
    print(f"outlets among the first {len(first)} article fetches: {len(set(first))} of {args.outlets}")


if __name__ == "__main__":
    main()
