"""The unseen web's figures (tests/unseenweb.py), measured as a new user runs it: `storywatch init`, the config,
`storywatch run` for round 1 and round 2 (subprocesses against the loopback web).

    python benchmarks/unseen_web.py [--keep DIR]

Printed per round: precision and recall of story membership (duplicates count as members), each member's and
each query-matching non-member's score, the web's articles not stored, stored texts with lines that are no paragraph
of the article (the planted boilerplate and anything else), body paragraphs lost, listing pages stored, the wire
copies' status, versions, and the run's summary line.  The tests asserting the same are tests/test_unseen_web.py.
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from unseenweb import ARTICLES, BY_KEY, LISTINGS, SEED_FILE, STORY, build, config_text, members

from crawler.demo.server import OutletWeb


def cli(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "crawler", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, check=False)


def report(db: Path, rnd: int, bases: dict[str, str]) -> None:
    def key_of(url: str | None) -> str:
        return next((a.key for a in ARTICLES if url == bases[a.site] + a.path), f"?{url}")

    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    arts = {key_of(r["canonical_url"]): r for r in con.execute("SELECT * FROM articles")}
    rows = {key_of(r["url"]): r for r in con.execute(
        "SELECT a.canonical_url AS url, sa.status, sa.score, d.canonical_url AS original FROM story_articles sa "
        "JOIN articles a ON a.id = sa.article_id LEFT JOIN articles d ON d.id = sa.duplicate_of WHERE sa.story = ?",
        [STORY])}
    cands = {key_of(r["url"]): r["score"] for r in con.execute(
        "SELECT a.canonical_url AS url, c.score FROM story_candidates c JOIN articles a ON a.id = c.article_id "
        "WHERE c.story = ?", [STORY])}
    expected, got = members(rnd), set(rows)
    hit = len(expected & got)
    print(f"== round {rnd}: precision {hit / max(1, len(got)):.2f} ({hit}/{len(got)}), "
          f"recall {hit / len(expected):.2f} ({hit}/{len(expected)})")
    print(f"   missing {sorted(expected - got)}, on other matters {sorted(got - expected)}")
    for key, r in sorted(rows.items(), key=lambda kv: -kv[1]["score"]):
        original = f" of {key_of(r['original'])}" if r["original"] else ""
        print(f"   member     {key:15s} {r['status']:10s}{original:18s} {r['score']:.3f}")
    for key, score in sorted(cands.items(), key=lambda kv: -kv[1]):
        print(f"   non-member {key:15s} {score:.3f}")
    in_web = {a.key for a in ARTICLES if a.rounds[0] <= rnd}
    print(f"   articles of the web not stored: {sorted(in_web - set(arts))}")
    listings = {bases[s] + p for s, paths in LISTINGS.items() for p in paths}
    print(f"   listing pages stored: {sorted(k for k, r in arts.items() if r['canonical_url'] in listings)}, "
          f"unknown pages stored: {sorted(k for k in arts if k.startswith('?'))}")
    leftover = [(k, line) for k, r in arts.items() if k in BY_KEY for line in r["text"].splitlines()
                if line.strip() and not any(line in p for p in BY_KEY[k].text_in(rnd))]
    lost = [(k, p[:50]) for k, r in arts.items() if k in BY_KEY for p in BY_KEY[k].text_in(rnd) if p not in r["text"]]
    print(f"   texts with lines that are no paragraph of the article: {len({k for k, _ in leftover})} of {len(arts)}")
    for key, line in leftover:
        print(f"      {key}: {line}")
    print(f"   body paragraphs lost: {lost}")
    print(f"   versions above 1: { {k: r['version'] for k, r in arts.items() if r['version'] > 1} }")
    con.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", type=Path, help="build the web and the database in this (new) folder and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        tmp = args.keep or Path(scratch)
        tmp.mkdir(parents=True, exist_ok=True)
        build(tmp / "web")
        init = cli("init", tmp / "news", cwd=tmp)
        if init.returncode:
            print(init.stderr, file=sys.stderr)
            return 1
        news = tmp / "news"
        (news / "seeds" / "tannried-gemeinderat.txt").write_text(SEED_FILE, encoding="utf-8")
        with OutletWeb(tmp / "web", first_host=190) as web:
            bases = {site: web.base(site) for site in web.sites}
            config = news / "storywatch.toml"
            config.write_text(config_text("storywatch.db", "seeds/tannried-gemeinderat.txt", bases), encoding="utf-8")
            for rnd in (1, 2):
                web.round = rnd
                run = cli("run", "--config", config, cwd=tmp)
                print(f"round {rnd}: exit {run.returncode}: {run.stdout.strip()} {run.stderr.strip()[-500:]}")
                report(news / "storywatch.db", rnd, bases)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
