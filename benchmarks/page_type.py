"""Does `crawler.page_type.judge_page` tell articles from listings?  Article pages of ../shared/corpus judged articles,
the listing fixtures of tests/pages/listings judged not articles, per split, with every page that fails; and the
judge's cost per page beside parsing and extraction, measured in the same run.

    python benchmarks/page_type.py ../shared/corpus [--split dev|test] [--dump] [--calibrate] [--no-extraction]

Which corpus pages are articles (read from each folder's SOURCE.md):
- zyte-article-extraction-benchmark: all 181 pages ("real article pages").
- fundus-publisher-testdata: all pages (each the test page of a publisher's article parser).
- fundus-evaluation: all 80 pages (news articles taken from the publishers' feeds and sitemaps).
- trafilatura-evaldata: a mixed web collection (shops, club and company pages next to news and blog posts).  Its
  annotators gave a publication date to 728 pages; those are counted as articles, except the few pages in
  NOT_ARTICLES below, each checked by eye and named with the reason.  The undated rest is printed as information.
mozilla-readability-testpages is left out: many of its cases are synthetic markup tests.

Split: a page's site (its host without www.) goes to `dev` or `test` by a stable hash; the listing fixtures carry
their style's split in index.json.  The judge's weights were tuned on `dev` only.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
import re
import statistics
import sys
import time
import zlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crawler.extract import ExtractionError, decode_html, extract_page
from crawler.page_type import PageVerdict, judge_page
from crawler.urls import host_of

REPO = Path(__file__).resolve().parents[1]
LISTINGS = REPO / "tests" / "pages" / "listings"
ARTICLE_TARGET = 0.995
LISTING_TARGET = 1.0

# trafilatura-evaldata pages with a gold date that are not articles by the definition, checked by eye.
NOT_ARTICLES: dict[str, str] = {
    "https://www.ardmediathek.de/swr/player/Y3JpZDovL3N3ci5kZS9hZXgvbzExNjIyMjY/nahrungsergaenzungsmittel-das-"
    "dubiose-geschaeft-mit-der-hoffnung": "a video player page (og:type video): the video and its one-line description",
    "https://web.archive.org/web/20181206101316/https://swap-stop.org/de/filmswap/zusammenarbeit-shuji-walter-april-"
    "2018-i/": "a photo gallery (WordPress post format 'gallery'): pictures captioned with film and camera names",
    "https://www.couchstyle.de/living/homestory/vintage-flair-mit-sehr-viel-gruen--1597": "a photo gallery (a "
    "member's 'homestory'): pictures with a line each, every one linking to its own photo page",
}


@dataclass(frozen=True)
class Page:
    corpus: str
    path: Path
    url: str | None
    article: bool | None  # None: not labelled (undated trafilatura pages)
    split: str
    kind: str = "article"


def split_of(url: str | None) -> str:
    """'dev' or 'test' by the page's site, stable across runs and machines."""
    return "dev" if zlib.crc32(host_of(url or "").encode()) % 2 == 0 else "test"


def load_corpus(root: Path) -> list[Page]:
    pages: list[Page] = []
    zyte = root / "zyte-article-extraction-benchmark"
    if zyte.is_dir():
        truth = json.loads((zyte / "ground-truth.json").read_text(encoding="utf-8"))
        for key, entry in sorted(truth.items()):
            pages.append(Page("zyte", zyte / "html" / f"{key}.html.gz", entry["url"], True, split_of(entry["url"])))
    fpt = root / "fundus-publisher-testdata"
    if fpt.is_dir():
        with (fpt / "index.csv").open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                pages.append(Page("fundus-publisher", fpt / row["html_path"], row["url"], True, split_of(row["url"])))
    fev = root / "fundus-evaluation"
    if fev.is_dir():
        truth = json.loads((fev / "ground_truth.json").read_text(encoding="utf-8"))
        for key, entry in sorted(truth.items()):
            pages.append(Page("fundus-eval", fev / "html" / key, entry["url"], True, split_of(entry["url"])))
    tra = root / "trafilatura-evaldata"
    if tra.is_dir():
        gold = json.loads((tra / "evaldata.json").read_text(encoding="utf-8"))
        with (tra / "index.csv").open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                dated = bool(gold.get(row["url"], {}).get("date"))
                if row["url"] in NOT_ARTICLES:
                    pages.append(Page("trafilatura-not-article", tra / row["path"], row["url"], False,
                                      split_of(row["url"]), kind=NOT_ARTICLES[row["url"]]))
                    continue
                pages.append(Page("trafilatura" if dated else "trafilatura-undated", tra / row["path"], row["url"],
                                  True if dated else None, split_of(row["url"])))
    return pages


def load_listings() -> list[Page]:
    index = json.loads((LISTINGS / "index.json").read_text(encoding="utf-8"))
    groups = {True: "own-articles", False: "own-listings", None: "own-other"}
    return [Page(groups[e["article"]], LISTINGS / e["file"], e["url"], e["article"], e["split"], e["kind"])
            for e in index]


def read(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


@dataclass(frozen=True)
class Result:
    page: Page
    verdict: PageVerdict
    parse_s: float
    judge_s: float
    extract_s: float | None


def run(pages: Sequence[Page], *, extraction: bool) -> list[Result]:
    import trafilatura

    out = []
    for page in pages:
        html = decode_html(read(page.path))
        t0 = time.perf_counter()
        tree = trafilatura.load_html(html)
        t1 = time.perf_counter()
        verdict = judge_page(tree, page.url)
        t2 = time.perf_counter()
        extract_s = None
        if extraction:
            try:
                extract_page(html, page.url)
            except ExtractionError:
                pass
            extract_s = time.perf_counter() - t2
        out.append(Result(page, verdict, t1 - t0, t2 - t1, extract_s))
    return out


def report(results: Sequence[Result], splits: Sequence[str]) -> bool:
    """Print the figures per group and split with the failures; True when both targets are met on every split."""
    groups: dict[tuple[str, str], list[Result]] = defaultdict(list)
    for r in results:
        groups[(r.page.corpus, r.page.split)].append(r)
    ok = True
    print(f"{'group':<22} {'split':<5} {'pages':>6} {'right':>6} {'share':>8}  target")
    for split in splits:
        art = [r for r in results if r.page.split == split and r.page.article is True
               and r.page.corpus != "own-articles"]
        lst = [r for r in results if r.page.split == split and r.page.corpus == "own-listings"]
        for corpus in ("zyte", "fundus-publisher", "fundus-eval", "trafilatura", "own-articles", "own-listings",
                       "trafilatura-not-article", "trafilatura-undated", "own-other"):
            rs = groups.get((corpus, split), [])
            if not rs:
                continue
            if corpus in ("trafilatura-undated", "own-other"):
                n = sum(r.verdict.is_article for r in rs)
                print(f"{corpus:<22} {split:<5} {len(rs):>6} {n:>6} {n / len(rs):>8.1%}  (unlabelled: judged article)")
                continue
            right = sum(r.verdict.is_article == r.page.article for r in rs)
            print(f"{corpus:<22} {split:<5} {len(rs):>6} {right:>6} {right / len(rs):>8.1%}")
        a_right = sum(r.verdict.is_article for r in art)
        l_right = sum(not r.verdict.is_article for r in lst)
        a_share = a_right / len(art) if art else 1.0
        l_share = l_right / len(lst) if lst else 1.0
        met_a, met_l = a_share >= ARTICLE_TARGET, l_share >= LISTING_TARGET
        ok = ok and met_a and met_l
        print(f"{'CORPUS ARTICLES':<22} {split:<5} {len(art):>6} {a_right:>6} {a_share:>8.2%}  >= 99.5% "
              f"{'met' if met_a else 'NOT MET'}")
        print(f"{'OWN LISTINGS':<22} {split:<5} {len(lst):>6} {l_right:>6} {l_share:>8.2%}  = 100% "
              f"{'met' if met_l else 'NOT MET'} ({len({r.page.path.parent.name for r in lst})} styles)")
    wrong = [r for r in results if r.page.article is not None and r.verdict.is_article != r.page.article]
    for title, rows in (("failures", [r for r in wrong if r.page.corpus != "trafilatura-not-article"]),
                        ("reviewed non-articles of trafilatura-evaldata judged otherwise (not a target)",
                         [r for r in wrong if r.page.corpus == "trafilatura-not-article"])):
        if rows:
            print(f"\n{title}:")
        for r in rows:
            expected = "article" if r.page.article else r.page.kind
            print(f"  [{r.page.split}] {r.page.corpus}: expected {expected}, got {r.verdict.describe(8)}\n"
                  f"      {r.page.url}  ({r.page.path.name})")
    return ok


def report_cost(results: Sequence[Result]) -> None:
    judge = [r.judge_s * 1000 for r in results]
    parse = [r.parse_s * 1000 for r in results]
    print(f"\njudge: {statistics.mean(judge):.2f} ms a page on average, median {statistics.median(judge):.2f}, "
          f"p95 {sorted(judge)[int(0.95 * len(judge))]:.2f}, max {max(judge):.1f} ({len(judge)} pages)")
    print(f"       {sum(judge) / sum(parse):.2f} x the lxml parse of the same pages "
          f"({statistics.mean(parse):.2f} ms a page)")
    extract = [r.extract_s * 1000 for r in results if r.extract_s is not None]
    if extract:
        print(f"       {sum(judge) / sum(extract):.1%} of storywatch's extraction of the same pages "
              f"({statistics.mean(extract):.1f} ms a page)")


def calibrate(results: Sequence[Result]) -> None:
    """For each yes/no signal: how often articles and listings show it, and the log-likelihood ratio (smoothed);
    the judge's weights are about half of these on the dev split (see crawler/page_type.py)."""
    seen: dict[bool, dict[str, int]] = {True: defaultdict(int), False: defaultdict(int)}
    total = {True: 0, False: 0}
    for r in results:
        if r.page.article is None:
            continue
        total[r.page.article] += 1
        for name in {re.sub(r"\d+", "N", n) for n, _ in r.verdict.evidence}:
            seen[r.page.article][name] += 1
    print(f"\n{'signal':<40} {'articles':>14} {'listings':>12} {'LLR':>6}  weight")
    weights = {re.sub(r"\d+", "N", n): v for r in results for n, v in r.verdict.evidence}
    for name in sorted(set(seen[True]) | set(seen[False])):
        a, b = seen[True][name], seen[False][name]
        llr = math.log(((a + 0.5) / (total[True] + 1)) / ((b + 0.5) / (total[False] + 1)))
        graded = "N" in name
        print(f"{name[:40]:<40} {a:>6}/{total[True]:<7} {b:>4}/{total[False]:<7} {llr:>+6.2f}  "
              f"{'graded' if graded else f'{weights[name]:+.1f}'}")


def dump(results: Sequence[Result]) -> None:
    for r in results:
        print(f"{r.page.corpus}\t{r.page.split}\t{r.page.article}\t{r.verdict.score:+.2f}\t{r.verdict.describe(12)}"
              f"\t{r.page.url}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, help="the shared corpus folder (../shared/corpus)")
    ap.add_argument("--split", choices=("dev", "test"), action="append", help="only this split (repeatable)")
    ap.add_argument("--dump", action="store_true", help="print every page's score and evidence")
    ap.add_argument("--calibrate", action="store_true", help="print each signal's log-likelihood ratio")
    ap.add_argument("--no-extraction", action="store_true", help="do not time the extraction baseline")
    ap.add_argument("--only", help="only pages whose corpus name starts with this")
    args = ap.parse_args(argv)
    splits = args.split or ["dev", "test"]
    pages = [p for p in load_corpus(args.corpus) + load_listings() if p.split in splits]
    if args.only:
        pages = [p for p in pages if p.corpus.startswith(args.only)]
    results = run(pages, extraction=not args.no_extraction)
    if args.dump:
        dump(results)
    if args.calibrate:
        calibrate(results)
    ok = report(results, splits)
    report_cost(results)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
