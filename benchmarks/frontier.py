"""The frontier with many waiting rows, run by hand: `python benchmarks/frontier.py [--big 1000000] [--small 1000]`.

Two real SQLite files, one with --small and one with --big waiting entries (spread over 50 sources, all due), are
measured alternately for --rounds rounds (the machine's drift falls on both); the medians and their ratio big/small
are printed for:

- start: what `storywatch run` does with the frontier before the crawl: open the database, mark the dead run and
  hand back its claims (32 claimed, one of them being stored), count what is carried over;
- drain: a run's frontier work: six listings add 100 new entries each (each listing one transaction with its
  validators), then 600 entries are claimed in batches of 32 and finished one by one (marked storing, removed in
  their own transaction; every tenth fails and waits), the rest of the claims are handed back, the end counts read;
- status: the per-source counts `storywatch status` shows.

Building the big file takes a while (a million rows go in through the product's own `frontier.add`); --keep DIR
keeps the files for the next time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storage import frontier
from storage.db import open_database
from storage.frontier import Entry, RetryPolicy
from storage.store import Store

SOURCES = 50
NOW = "2026-06-01T12:00:00Z"
POLICY = RetryPolicy()
BATCH = 32


def _entry(n: int, tag: str = "w") -> Entry:
    source = f"source-{n % SOURCES:02d}"
    url = f"https://{source}.example/{tag}/{n}.html"
    return Entry(url=url, fetch_url=url, source=source, via="feed", listing=f"https://{source}.example/feed.xml",
                 title=f"Article {n}", summary=f"About {n}", published="2026-05-31T08:00:00Z")


def build(path: Path, rows: int) -> None:
    """A database whose frontier holds `rows` waiting entries found over the last hours (all due)."""
    if path.exists():
        db = open_database(path)
        have = frontier.totals(db)[0]
        db.close()
        if have >= rows:
            return
        path.unlink()
    db = open_database(path)
    started = time.monotonic()
    chunk = 50_000
    for first in range(0, rows, chunk):
        with db.atomic():
            for n in range(first, min(first + chunk, rows)):
                found = f"2026-06-01T{(n * 11 // rows):02d}:{(n // 60) % 60:02d}:{n % 60:02d}Z"
                frontier.add(db, _entry(n), found)
    db.execute("ANALYZE")
    db.close()
    print(f"built {path.name}: {rows:,} waiting rows in {time.monotonic() - started:.1f} s", file=sys.stderr)


def measure_start(path: Path, run_id: int) -> float:
    db = open_database(path)
    # The run that died: 32 claims, one of them being stored (not timed).
    claimed = frontier.claim(db, run_id, NOW, BATCH)
    frontier.storing(db, claimed[0].url, NOW)
    db.execute("INSERT INTO runs (started_at, status, pid, stats) VALUES (?, 'running', 1, '{}')", [NOW])
    db.close()
    started = time.perf_counter()
    db = open_database(path)
    store = Store(db)
    with store.transaction():
        store.mark_abandoned_runs()
        frontier.recover(db, NOW, POLICY)
    frontier.totals(db)
    seconds = time.perf_counter() - started
    db.close()
    return seconds


def measure_drain(path: Path, run_id: int, serial: int) -> float:
    db = open_database(path)
    store = Store(db)
    started = time.perf_counter()
    for listing in range(6):
        with store.transaction():
            for i in range(100):
                frontier.add(db, _entry(serial * 1000 + listing * 100 + i, tag=f"r{run_id}"), NOW)
            store.save_validators(f"https://source-{listing:02d}.example/feed.xml", f'"{run_id}"', None)
    finished = 0
    while finished < 600:
        for n, entry in enumerate(frontier.claim(db, run_id, NOW, BATCH)):
            if finished >= 600:
                break
            if n % 10 == 9:
                frontier.failed(db, entry.url, "timeout", NOW, POLICY)
            else:
                frontier.storing(db, entry.url, NOW)
                with store.transaction():
                    frontier.done(db, entry.url)
            finished += 1
    frontier.release(db, run_id)
    frontier.totals(db)
    seconds = time.perf_counter() - started
    db.close()
    return seconds


def measure_status(path: Path) -> float:
    db = open_database(path)
    started = time.perf_counter()
    frontier.by_source(db)
    frontier.totals(db)
    seconds = time.perf_counter() - started
    db.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--big", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="keep the databases in this folder (and reuse them)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="frontier-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    files = {"small": folder / f"frontier-{args.small}.db", "big": folder / f"frontier-{args.big}.db"}
    build(files["small"], args.small)
    build(files["big"], args.big)
    times: dict[str, dict[str, list[float]]] = {k: {"small": [], "big": []} for k in ("start", "drain", "status")}
    steps: list[tuple[str, Callable[[Path, int, int], float]]] = [
        ("start", lambda p, run, _: measure_start(p, run)),
        ("drain", lambda p, run, serial: measure_drain(p, run, serial)),
        ("status", lambda p, run, _: measure_status(p)),
    ]
    for rnd in range(args.rounds):
        for which in (("small", "big") if rnd % 2 == 0 else ("big", "small")):
            for name, step in steps:
                times[name][which].append(step(files[which], 1000 + rnd, rnd))
    print(f"frontier with {args.small:,} vs {args.big:,} waiting rows, medians of {args.rounds} alternating rounds")
    print(f"{'step':8} {'small ms':>10} {'big ms':>10} {'big/small':>10}")
    for name, by in times.items():
        small, big = statistics.median(by["small"]) * 1000, statistics.median(by["big"]) * 1000
        print(f"{name:8} {small:10.2f} {big:10.2f} {big / small:10.2f}")
    if not args.keep:
        for path in files.values():
            for extra in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                extra.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
