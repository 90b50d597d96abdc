"""`storywatch demo [--db PATH]`: serve the bundled outlets on loopback, crawl them twice, print the timeline.

Each crawl is a subprocess (`python -m crawler run`), as in cron: Twisted's reactor cannot restart in one process.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections import Counter
from importlib.resources import as_file, files
from pathlib import Path
from typing import TextIO

from crawler.demo.server import OutletWeb
from crawler.timeline import format_timeline

_LOUD = re.compile(r"^\S+ \S+ (WARNING|ERROR|CRITICAL) |^Traceback|\"level\": \"(warning|error|critical)\"")
CRAWL_TIMEOUT = 900  # seconds; the demo crawl takes a few seconds, this only guards against a hang
STAT_KEYS = ("discovered", "fetched", "skipped_known", "extracted", "matched", "new", "duplicates", "updated",
             "errors")
ROUNDS = {
    1: "first reports, follow-ups, off-topic pages and a look-alike story",
    2: "new follow-ups, a syndicated dpa copy, an updated article, a related-only follow-up, "
       "tracking and AMP variants of known articles",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, metavar="PATH",
                        help="database file to create (default: a new temporary file); must not exist yet")


def run(args: argparse.Namespace) -> int:
    return run_demo(args.db)


def run_demo(db: Path | None, *, out: TextIO = sys.stdout) -> int:
    """Crawl the demo outlets twice into a fresh database and print the story timeline; 0 if both crawls did."""
    if db is not None and db.exists() and db.stat().st_size > 0:
        print(f"storywatch: {db}: exists already; the demo writes a fresh database (pick another --db)",
              file=sys.stderr)
        return 2
    workdir = Path(tempfile.mkdtemp(prefix="storywatch-demo-"))
    db_path = (db if db is not None else workdir / "storywatch-demo.db").resolve()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    codes: list[int] = []
    with as_file(files("crawler.demo").joinpath("outlets")) as outlets, OutletWeb(Path(outlets)) as web:
        config = web.render_config(db_path, workdir / "storywatch.toml")
        print(f"Demo outlets on port {web.port}: " + ", ".join(f"{s} {web.base(s)}" for s in web.sites), file=out)
        for round_, what in ROUNDS.items():
            web.round = round_
            web.clear_requests()
            print(f"\n== Crawl {round_}: {what}", file=out)
            code = _crawl(config, workdir, out)
            codes.append(code)
            statuses = Counter(r.status for r in web.requests)
            print(f"   crawl exited {code}; the outlets answered {sum(statuses.values())} requests "
                  f"({', '.join(f'{n}× {s}' for s, n in sorted(statuses.items()))})", file=out)
    if db_path.exists():
        print_report(db_path, out)
    print(f"\nDatabase: {db_path}", file=out)
    if db is not None:  # nothing of worth left in the work folder: its config names ports that are closed now
        shutil.rmtree(workdir, ignore_errors=True)
    return 0 if codes and all(c == 0 for c in codes) else 1


def _crawl(config: Path, workdir: Path, out: TextIO) -> int:
    # The child must import this very project, also when run from a source checkout in another folder.
    root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p))
    cmd = [sys.executable, "-m", "crawler", "run", "--config", str(config)]
    try:
        proc = subprocess.run(cmd, cwd=workdir, env=env, capture_output=True, text=True, timeout=CRAWL_TIMEOUT,
                              check=False)
    except subprocess.TimeoutExpired:
        print(f"   crawl did not finish within {CRAWL_TIMEOUT} s", file=out)
        return 1
    # The summary line is on stdout; of the log on stderr, warnings and errors are worth showing, and the
    # end of it when the crawl failed.
    log = proc.stderr.splitlines()
    shown = log[-30:] if proc.returncode else [ln for ln in log if _LOUD.search(ln)]
    for line in [*proc.stdout.splitlines(), *shown]:
        print(f"   | {line}", file=out)
    return proc.returncode


def print_report(db_path: Path, out: TextIO) -> None:
    """The story timeline and the runs' stats, read-only from the database."""
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    try:
        timeline = [dict(r) for r in con.execute("SELECT * FROM story_timeline")]
        runs = con.execute("SELECT id, started_at, finished_at, status, stats FROM runs ORDER BY id").fetchall()
        articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error as exc:
        print(f"\n(no timeline: {exc})", file=out)
        return
    finally:
        con.close()
    print(f"\n== Story timeline ({len(timeline)} story articles of {articles} articles stored)", file=out)
    print(format_timeline(timeline), file=out)
    print("\n== Runs", file=out)
    for r in runs:
        print(format_run(r["id"], r["status"], r["started_at"], r["finished_at"], r["stats"]), file=out)


def format_run(run_id: int, status: str, started: str | None, finished: str | None, stats: str | None) -> str:
    """One line per run: status, time span and the contract's counts."""
    try:
        counts = json.loads(stats) if stats else {}
    except ValueError:
        counts = {}
    parts = ", ".join(f"{k} {counts[k]}" for k in STAT_KEYS if k in counts)
    errors = counts.get("errors_by_source") or {}
    by_source = "; ".join(f"{src}: {reasons}" for src, reasons in sorted(errors.items()))
    line = f"run {run_id} {status} ({started} – {finished}): {parts or 'no stats'}"
    return line + (f"\n    errors by source: {by_source}" if by_source else "")
