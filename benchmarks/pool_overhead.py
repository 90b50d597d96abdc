"""What handing pages to the extraction workers costs the crawl process: CPU per task of crawler.extract_pool
against Python's ProcessPoolExecutor (what each lane of the pool was before), in one run (issue 15).

    python benchmarks/pool_overhead.py [--tasks 1000] [--rounds 3]

Each task carries a page-sized body (100 KB) and returns a result of an extraction's size (24 KB) after 8 ms of CPU
in the worker; eight are in flight at once, awaited from an asyncio loop through `run_in_executor`, as the spider
awaits its pages. One worker on each side. The figure is the calling process's own CPU (all its threads: the loop,
and the pool's threads) per task while the tasks run, the workers' start excluded; the rounds alternate the two.

Then what a second worker costs to start: the pool's first worker spawned (a Python that loads trafilatura and the
extraction), against its second one forked from that ready worker: the new worker's CPU and the time until it says
it is ready, per round (Linux: read from /proc).
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crawler.extract_pool import ExtractionPool

BODY_BYTES = 100_000
RESULT_BYTES = 24_000
WORK_SECONDS = 0.008
IN_FLIGHT = 8


def task(body: bytes, n: int) -> bytes:
    """In a worker: 8 ms of CPU, then an extraction-sized answer."""
    start = time.thread_time()
    while time.thread_time() - start < WORK_SECONDS:
        pass
    return bytes([n % 256]) * RESULT_BYTES


async def _run(executor: Executor, tasks: int) -> None:
    loop = asyncio.get_running_loop()
    body = os.urandom(BODY_BYTES)
    gate = asyncio.Semaphore(IN_FLIGHT)

    async def one(n: int) -> None:
        async with gate:
            result = await loop.run_in_executor(executor, task, body, n)
            assert len(result) == RESULT_BYTES and result[0] == n % 256

    await asyncio.gather(*(one(n) for n in range(tasks)))


def measure(make: Callable[[], Executor], tasks: int) -> float:
    """CPU seconds of this process per task, the executor's worker started and warm before."""
    executor = make()
    try:
        asyncio.run(_run(executor, 20))  # the worker started and its first tasks done
        before = resource.getrusage(resource.RUSAGE_SELF)
        asyncio.run(_run(executor, tasks))
        after = resource.getrusage(resource.RUSAGE_SELF)
    finally:
        executor.shutdown(wait=True)
    return (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) / tasks


def _cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def worker_start() -> tuple[float, float, float, float]:
    """(CPU s, seconds) of the pool's spawned first worker until ready, and of a second one forked from it."""
    pool = ExtractionPool(2)
    try:
        first = pool._lanes[0]
        while not first.ready:
            time.sleep(0.005)
        spawned = (_cpu(first.process.pid), pool._start_seconds or 0.0)
        asked = time.monotonic()
        lane = pool._fork_lane()
        if lane is None:
            return (*spawned, float("nan"), float("nan"))
        with pool._lock:
            pool._lanes.append(lane)
            pool._change(lane, 1)
        while not lane.ready:
            time.sleep(0.001)
        return (*spawned, _cpu(lane.process.pid), time.monotonic() - asked)
    finally:
        pool.shutdown(wait=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    spawn = multiprocessing.get_context("spawn")
    sides: dict[str, Callable[[], Executor]] = {
        "ProcessPoolExecutor": lambda: ProcessPoolExecutor(max_workers=1, mp_context=spawn),
        "ExtractionPool": lambda: ExtractionPool(1, spawn),
    }
    figures: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(args.rounds):
        for name, make in sides.items():
            figures[name].append(measure(make, args.tasks))
    base = statistics.median(figures["ProcessPoolExecutor"])
    print(f"{args.tasks} tasks ({BODY_BYTES // 1000} KB in, {RESULT_BYTES // 1000} KB out, {WORK_SECONDS * 1000:.0f} ms "
          f"of work each, {IN_FLIGHT} in flight), one worker; calling process's CPU per task, median of "
          f"{args.rounds} rounds")
    for name, values in figures.items():
        mid = statistics.median(values)
        print(f"  {name:20s} {mid * 1000:6.3f} ms  ({', '.join(f'{v * 1000:.3f}' for v in values)})  "
              f"{mid / base:.2f}x")
    if Path("/proc/self/stat").exists():
        starts = [worker_start() for _ in range(args.rounds)]
        print("A worker's start until ready, medians of "
              f"{args.rounds}: spawned {statistics.median(x[0] for x in starts):.3f} CPU s in "
              f"{statistics.median(x[1] for x in starts):.3f} s; forked from a ready worker "
              f"{statistics.median(x[2] for x in starts):.3f} CPU s in {statistics.median(x[3] for x in starts):.3f} s")


if __name__ == "__main__":
    main()
