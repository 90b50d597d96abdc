"""A one-line progress display on a terminal; nothing at all under cron (no terminal)."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from crawler.stats import RunStats


class Progress:
    """Rewrites one status line at most every `interval` seconds, only when `stream` is a terminal."""

    def __init__(self, stats: RunStats, stream: TextIO | None = None, interval: float = 0.5) -> None:
        self.stats = stats
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.interval = interval
        self._last = 0.0
        self._shown = False

    def update(self) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < self.interval:
            return
        self._last = now
        c = self.stats.counts
        self.stream.write(f"\r{c['fetched']} fetched, {c['new']} new, {c['duplicates']} duplicates, "
                          f"{c['updated']} updated, {c['errors']} errors \x1b[K")
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
