"""The exit codes of `storywatch run`, which cron, systemd and `storywatch schedule` read (see the README)."""

from __future__ import annotations

OK = 0  # the run finished (some sources may have failed, and it says which)
ALL_FAILED = 1  # every source failed
USAGE = 2  # a bad config or bad arguments
LOCKED = 3  # another crawl holds the database (without --wait)
INTERRUPTED = 4  # SIGTERM or SIGINT ended the run early; what it stored is kept, the next run carries on

# A run's status in the `runs` table -> its exit code.
BY_STATUS = {"ok": OK, "partial": OK, "failed": ALL_FAILED, "interrupted": INTERRUPTED}
