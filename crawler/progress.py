"""A one-line progress display on a terminal; nothing at all under cron (no terminal) or with --quiet."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from crawler.stats import RunStats
from crawler.terminal import plural


class Progress:
    """Rewrites one status line at most every `interval` seconds, only when `stream` is a terminal and `show`.

    The line counts what is true while the crawl runs: pages fetched and the candidates among them. Which
    candidates join a story is decided at the end of the run, so new story articles are for the summary line.
    """

    def __init__(self, stats: RunStats, stream: TextIO | None = None, interval: float = 0.5, *,
                 show: bool = True) -> None:
        self.stats = stats
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = show and bool(getattr(self.stream, "isatty", lambda: False)())
        self.interval = interval
        self._last = 0.0
        self._shown = False

    def line(self) -> str:
        """The text of the line now."""
        c = self.stats.counts
        parts = [f"{c['fetched']} fetched", plural(c["candidates"], "candidate")]
        if c["updated"]:
            parts.append(f"{c['updated']} updated")
        parts.append(plural(c["errors"], "error"))
        return ", ".join(parts) + " (story articles are decided at the end)"

    def update(self) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < self.interval:
            return
        self._last = now
        self.stream.write(f"\r{self.line()} \x1b[K")
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
