"""Main-process CPU per stored article, one transaction per article against group commits (crawler.store_batch).

The benchmark's own pages (benchmarks/crawl_speed.py) are extracted once, then stored through the crawl's real path:
frontier entries claimed, `StoreBatch` with the storing marks, `ArticleProcessor.process`, the entry done.  Each
batch size gets a fresh database; the rounds alternate the sizes, and the figures are medians, printed as ratios
against one article per transaction measured in the same run.

    python benchmarks/store_batch.py [--pages 600] [--sizes 1,2,4,8,16] [--repeat 3]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.crawl_speed import QUERY_TERM, make_pages
from config.model import Story
from config.query import parse_query
from crawler.extract import ExtractOptions
from crawler.items import Candidate
from crawler.process import ArticleProcessor, FetchedArticle
from crawler.stats import RunStats
from crawler.store_batch import StoreBatch
from crawler.worker import extract_in_worker
from storage import frontier
from storage.db import open_database
from storage.frontier import Entry
from storage.store import Store, utcnow

STORY = Story(id="s", title="s", query_text=QUERY_TERM, query=parse_query(QUERY_TERM))


def articles(n: int) -> list[FetchedArticle]:
    sites, _ = make_pages(n)
    pages = [(f"http://{h}{p}", b) for h, files in sites.items() for p, b in files.items()
             if p.startswith("/artikel/")][:n]
    out = []
    for url, body in pages:
        r = extract_in_worker(body, "text/html", url, ExtractOptions(), queries={STORY.id: STORY.query})
        assert r.extracted is not None
        out.append(FetchedArticle(url, url, Candidate(url, "bench", "feed"), r.extracted, band_keys=r.band_keys,
                                  features=r.features))
    return out


def cpu_per_article(items: list[FetchedArticle], size: int) -> float:
    with tempfile.TemporaryDirectory() as d:
        store = Store(open_database(Path(d) / "b.db"))
        processor = ArticleProcessor(store, [STORY], store.start_run(None, 0), RunStats([]))
        now = utcnow()
        for item in items:
            frontier.add(store.db, Entry(url=item.final_url, fetch_url=item.final_url, source="bench", via="feed"), now)
        frontier.claim(store.db, 1, now, len(items))
        batch = StoreBatch(store.db, size=size, wait=0.0)

        def work(item: FetchedArticle):
            def store_one() -> object:
                result = processor.process(item)
                frontier.done(store.db, item.final_url)
                return result
            return store_one

        async def main() -> None:
            await asyncio.gather(*(batch.store(item.final_url, work(item)) for item in items))

        start = time.process_time()
        asyncio.run(main())
        spent = time.process_time() - start
        assert store.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == len(items)
    return spent / len(items)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=600)
    parser.add_argument("--sizes", default="1,2,4,8,16")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if 1 not in sizes:
        sizes.insert(0, 1)
    items = articles(args.pages)
    runs: dict[int, list[float]] = {s: [] for s in sizes}
    for _ in range(args.repeat):
        for size in sizes:
            runs[size].append(cpu_per_article(items, size))
    base = statistics.median(runs[1])
    print(f"{len(items)} articles, median of {args.repeat} rounds, main-process CPU per stored article")
    print(f"  {'batch size':>10} {'ms/article':>11} {'vs 1':>7}")
    for size in sizes:
        med = statistics.median(runs[size])
        print(f"  {size:>10} {med * 1e3:11.3f} {med / base:6.2f}x")


if __name__ == "__main__":
    main()
