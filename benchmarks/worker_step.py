"""The extraction worker's CPU per page, this checkout against another revision, and whether their output is the same.

    python benchmarks/worker_step.py --against 99fa656 [--rounds 5]

A crawl A/B (benchmarks/crawl_speed.py, one version after the other) moves by ±10% with this machine's state, more
than most changes to the extraction make. This runs the worker's whole step on a page (crawler.worker
.extract_in_worker: parse, judge, extract, fingerprints, features) over the crawl benchmark's generated pages and,
when ../shared/corpus is beside the checkout, a sample of its real pages (zyte and fundus), in a fresh process per
version and round, the versions alternating. It prints each version's median and best CPU ms per page, the median of
the per-round ratios (this checkout / the other), and a digest of every result: the same digest means the same
output on every page; a second digest leaves the band keys out (a new key definition, crawler.dedup.KEY_VERSION,
changes those alone).

The other revision is checked out into a temporary git worktree (removed afterwards).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"

CHILD = r'''
import gzip, hashlib, json, sys, time
from pathlib import Path
tree, bench_root, corpus = sys.argv[1], sys.argv[2], Path(sys.argv[3])
sys.path.insert(0, tree)
sys.path.insert(1, bench_root)  # the pages and query: the same for both versions
from crawler import extract_pool
extract_pool.single_threaded_blas()  # as in a worker
from crawler.extract import ExtractOptions
from crawler.worker import extract_in_worker
from config.query import parse_query
from crawl_speed import QUERY_TERM, make_pages
sites, _ = make_pages(300)
sets = [("generated", [(f"http://{h}{p}", b) for h, d in sites.items() for p, b in d.items()
                       if p.startswith("/artikel/")][:300], QUERY_TERM)]
files = (sorted(corpus.glob("zyte-article-extraction-benchmark/html/*.html.gz"))[:60]
         + sorted(corpus.glob("fundus-publisher-testdata/**/*.html.gz"))[::4][:60])
if files:
    sets.append(("corpus", [(f"https://example.org/{f.name}", gzip.open(f).read()) for f in files],
                 "Regierung OR Polizei OR government"))
out, digest, rest = {}, hashlib.sha1(), hashlib.sha1()
for name, pages, query in sets:
    q = {"s": parse_query(query)}
    for u, b in pages[:3]:
        extract_in_worker(b, None, u, ExtractOptions(), queries=q)
    start = time.process_time()
    results = [extract_in_worker(b, None, u, ExtractOptions(), queries=q) for u, b in pages]
    out[name] = (time.process_time() - start) / len(pages) * 1e3
    for r in results:
        digest.update(repr((r.extracted, r.band_keys, r.error, r.verdict, r.links,
                            r.features)).encode())
        rest.update(repr((r.extracted, r.error, r.verdict, r.links, r.features)).encode())
out["digest"] = digest.hexdigest()[:12]
out["digest_rest"] = rest.hexdigest()[:12]
print(json.dumps(out))
'''


def run(tree: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, str(tree), str(ROOT / "benchmarks"), str(CORPUS)],
                          check=False, capture_output=True, text=True, cwd=tempfile.gettempdir())
    if done.returncode:
        sys.exit(f"worker_step: the run on {tree} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--against", required=True, help="the git revision to compare this checkout with")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        other = Path(tmp) / "other"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(other), args.against],
                       check=True)
        try:
            trees = {"this checkout": ROOT, args.against: other}
            rounds: dict[str, list[dict]] = {name: [] for name in trees}
            for i in range(args.rounds):
                order = list(trees) if i % 2 == 0 else list(reversed(trees))
                for name in order:
                    rounds[name].append(run(trees[name]))
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(other)], check=False)
    sets = [k for k in rounds["this checkout"][0] if not k.startswith("digest")]
    print(f"worker step, CPU ms per page, {args.rounds} rounds (median / best)")
    for name, results in rounds.items():
        figures = "   ".join(f"{s} {statistics.median(r[s] for r in results):6.2f} / {min(r[s] for r in results):6.2f}"
                               for s in sets)
        print(f"  {name:16} {figures}   output {sorted({r['digest'] for r in results})}")
    for s in sets:
        ratios = [a[s] / b[s] for a, b in zip(rounds["this checkout"], rounds[args.against], strict=True)]
        print(f"  {s}: this checkout / {args.against} = {statistics.median(ratios):.3f} (median of the rounds' ratios)")
    same = {r["digest"] for r in rounds["this checkout"]} == {r["digest"] for r in rounds[args.against]}
    rest = {r["digest_rest"] for r in rounds["this checkout"]} == {r["digest_rest"] for r in rounds[args.against]}
    print("  the same output on every page" if same else
          "  THE OUTPUT DIFFERS only in the band keys (a new key definition?)" if rest else "  THE OUTPUT DIFFERS")


if __name__ == "__main__":
    main()
