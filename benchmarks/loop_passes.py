"""What holds the crawl's event loop: the longest passes of the loop in one crawl of the benchmark's pages, and the
callbacks that ran in them (issue 15's target: the loop never late by more than 50 ms).

benchmarks/crawl_speed.py measures how late a 10 ms timer is; this says why.  It runs `storywatch run` on
crawl_speed's generated pages with every callback of the asyncio loop timed (its wall and its thread's CPU time, so
that a wait for a core or for the GIL shows as wall without CPU) and every pass of the loop timed.  While one
callback runs over 15 ms a watchdog thread takes the crawl thread's stack, so the slowest callbacks come with where
they were.  The timing costs a few microseconds a callback: the figures are for finding causes, not for comparing
speed (crawl_speed.py does that).

    python benchmarks/loop_passes.py [--pages 5000] [--follow-related] [--stacks 4]

It prints the passes over 25 ms (a pass includes the wait in select() when nothing was ready: a pass with no
callback over 1 ms was idle), with their callbacks over 1 ms, then the callbacks over 20 ms, the crawl thread's state while they ran (Linux) and their
stacks.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.crawl_speed import make_pages, serve, write_config

TIMED_RUN = textwrap.dedent('''
    import asyncio.base_events
    import asyncio.events
    import json
    import os
    import sys
    import threading
    import time
    import traceback

    SLOW_CALLBACK, LONG_PASS, WATCH_AFTER = 0.020, 0.025, 0.015
    slow, passes, in_pass = [], [], []
    running = [None, 0.0, None]  # the callback now running, when it began, the stacks the watchdog took of it
    main_thread = threading.get_ident()

    def describe(handle):
        callback = handle._callback
        name = getattr(callback, "__qualname__", repr(callback))
        task = getattr(callback, "__self__", None)
        if task is not None and hasattr(task, "get_coro"):  # a task's step: name its coroutine
            coro = task.get_coro()
            name += " " + getattr(coro, "__qualname__", repr(coro))
        return name

    run_handle = asyncio.events.Handle._run

    def timed_run(self):
        name = describe(self)  # before it runs: a callback may cancel its own handle
        began, cpu = time.perf_counter(), time.thread_time()
        running[:] = [self, began, None]
        try:
            return run_handle(self)
        finally:
            wall, cpu = time.perf_counter() - began, time.thread_time() - cpu
            running[0] = None
            if wall > 0.001:
                in_pass.append([round(wall * 1e3, 1), round(cpu * 1e3, 1), name])
            if wall > SLOW_CALLBACK:
                slow.append([round(wall * 1e3, 1), round(cpu * 1e3, 1), name, running[2] or []])

    run_once = asyncio.base_events.BaseEventLoop._run_once

    def timed_pass(self):
        in_pass.clear()
        began = time.perf_counter()
        try:
            return run_once(self)
        finally:
            wall = time.perf_counter() - began
            if wall > LONG_PASS:
                passes.append([round(wall * 1e3, 1), list(in_pass)])

    states = {}  # the crawl thread's state while a callback runs long (Linux): "R" runs or waits for a core

    def thread_state():
        try:
            task = f"/proc/{os.getpid()}/task/{os.getpid()}"  # the main thread's id is the process's
            with open(task + "/stat") as f:
                state = f.read().rsplit(")", 1)[1].split()[0]
            with open(task + "/wchan") as f:
                where = f.read().strip()
            return state + (" in " + where if where not in ("", "0") else "")
        except OSError:
            return None

    def watch():
        while True:
            time.sleep(0.004)
            handle, began = running[0], running[1]
            if handle is None or time.perf_counter() - began < WATCH_AFTER:
                continue
            state = thread_state()
            frame = sys._current_frames().get(main_thread)
            if frame is not None and running[0] is handle and running[1] == began:
                running[2] = (running[2] or []) + ["".join(traceback.format_stack(frame)[-9:])]
                if state:
                    states[state] = states.get(state, 0) + 1

    if __name__ == "__main__":  # the extraction workers are spawned: they import this file again
        asyncio.events.Handle._run = timed_run
        asyncio.base_events.BaseEventLoop._run_once = timed_pass
        threading.Thread(target=watch, daemon=True).start()
        from crawler.blas import single_threaded_blas
        from crawler.cli import end_process, main
        single_threaded_blas()  # as the storywatch command does first (crawler.cli.entry), before numpy is loaded
        code = main(sys.argv[2:])
        with open(sys.argv[1], "w") as f:
            json.dump({"slow": slow, "passes": passes, "states": states}, f)
        end_process(code)
''')


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=5000)
    ap.add_argument("--follow-related", action="store_true", help="follow the related links (the config's default)")
    ap.add_argument("--stacks", type=int, default=4, help="the stacks of this many of the slowest callbacks")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="loop-passes-"))
    sites, seeds = make_pages(args.pages)
    port, servers = serve(sites)
    _, cfg = write_config(tmp, "run", port, seeds, follow_related=args.follow_related)
    script, out = tmp / "timed_run.py", tmp / "timed.json"
    script.write_text(TIMED_RUN)
    began = time.perf_counter()
    done = subprocess.run([sys.executable, str(script), str(out), "run", "--quiet", "--config", str(cfg)],
                          check=False, cwd=ROOT)
    wall = time.perf_counter() - began
    for server in servers:
        server.shutdown()
    if done.returncode != 0 or not out.exists():
        sys.exit(f"loop_passes: the run failed (exit {done.returncode}); its files are in {tmp}")
    timed = json.loads(out.read_text())
    passes = sorted(timed["passes"], key=lambda p: -p[0])
    print(f"{args.pages} pages, {wall:.1f} s; {len(passes)} passes of the loop over 25 ms "
          f"({sum(1 for p in passes if p[1])} of them with a callback over 1 ms):")
    for wall_ms, callbacks in passes[:15]:
        if callbacks:
            parts = "; ".join(f"{w} ms (CPU {c}) {name[:50]}" for w, c, name in sorted(callbacks, reverse=True)[:4])
            print(f"  {wall_ms:6.1f} ms: {parts}")
    slow = sorted(timed["slow"], key=lambda s: -s[0])
    print(f"{len(slow)} callbacks over 20 ms (wall, the thread's CPU):")
    for wall_ms, cpu_ms, name, _ in slow[:15]:
        print(f"  {wall_ms:6.1f} ms (CPU {cpu_ms}) {name}")
    states = sorted(timed["states"].items(), key=lambda kv: -kv[1])
    if states:
        print("the crawl thread's state in the watchdog's samples of callbacks over 15 ms (R: on a core or waiting "
              "for one; D: waiting for the disk; S: asleep, a lock): "
              + ", ".join(f"{state} {n}" for state, n in states))
    for wall_ms, cpu_ms, name, stacks in slow[:args.stacks]:
        print(f"--- {wall_ms} ms {name}: " + (stacks[-1] if stacks else "(no stack taken)\n"), end="")


if __name__ == "__main__":
    main()
