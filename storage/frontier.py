"""The durable frontier: every discovered page that is not yet stored or finally rejected, one row per normalised URL.

A run adds what its listings name in the listing's own transaction (with the listing's validators), claims due
entries in small batches, and removes an entry in the transaction that stores the page (or once its rejection is
final). What a run leaves behind — after SIGKILL, SIGTERM, a timeout or a transient error — is due for the next run,
so that a killed crawl costs time, never a page.

An entry's life: waiting (`claimed_by` NULL, due from `next_attempt_at`) -> claimed by a run -> storing (the run
has extracted the page and stores it) -> gone (stored or rejected) or failed (back to waiting after a wait that doubles
with each failure, given up after `max_attempts`). Only one crawl holds the database at a time (storage.lock), so
at the start of a run every claim left in the table belongs to a run that died; `recover` hands those back. A
shared, multi-process crawl would turn `claimed_by` into a lease with an expiry; the table needs no other change.

The functions run inside the caller's transaction where they are one step of a larger write (`add`, `done`), and
in their own otherwise.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlite_utils import Database

TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
MAX_WAIT = timedelta(days=1)  # the doubling wait stops growing here: a source back after a day is tried daily

ENTRY_COLUMNS = ("url", "fetch_url", "source", "via", "listing", "title", "summary", "published", "updated",
                 "attempts")


@dataclass(frozen=True)
class Entry:
    """A discovered page: its key (the normalised URL), the URL to ask for, and discovery's hints about it."""

    url: str  # normalised: the key
    fetch_url: str  # as found: what is requested
    source: str
    via: str  # 'feed', 'sitemap', 'section', 'related', ...
    listing: str | None = None  # the feed, sitemap, section or article page that named it
    title: str | None = None
    summary: str | None = None
    published: str | None = None
    updated: str | None = None  # the change signal (feed <updated>, sitemap <lastmod>)
    attempts: int = 0  # failed attempts so far


@dataclass(frozen=True)
class RetryPolicy:
    """How long a failed entry waits (`first_wait`, doubled per failure) and after how many failures it is given up."""

    first_wait: timedelta = timedelta(minutes=10)
    max_attempts: int = 6

    def wait(self, attempts: int) -> timedelta:
        """The wait after the `attempts`-th failure."""
        return min(self.first_wait * (2 ** max(attempts - 1, 0)), MAX_WAIT)


@dataclass(frozen=True)
class Recovery:
    """What `recover` found of runs that died: claims handed back, those being stored counted as failures."""

    released: int = 0
    interrupted: int = 0  # being stored when the run died: counted as a failed attempt
    gave_up: int = 0  # ... and that was the last attempt allowed


def _parse(ts: str) -> datetime:
    return datetime.strptime(ts, TIME_FORMAT).replace(tzinfo=UTC)


def _later(now: str, wait: timedelta) -> str:
    return (_parse(now) + wait).strftime(TIME_FORMAT)


def add(db: Database, entry: Entry, now: str) -> bool:
    """Put a discovered page into the frontier; True when it is new there.

    A page found again keeps its attempts and place; its hints are completed and its change signal kept at the
    newest date seen."""
    exists = db.execute("SELECT 1 FROM frontier WHERE url = ?", [entry.url]).fetchone() is not None
    db.execute(
        "INSERT INTO frontier (url, fetch_url, source, via, listing, title, summary, published, updated, found_at, "
        "next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(url) DO UPDATE SET title = COALESCE(frontier.title, excluded.title), "
        "summary = COALESCE(frontier.summary, excluded.summary), "
        "published = COALESCE(frontier.published, excluded.published), "
        "updated = CASE WHEN excluded.updated > COALESCE(frontier.updated, '') THEN excluded.updated "
        "ELSE frontier.updated END",
        [entry.url, entry.fetch_url, entry.source, entry.via, entry.listing, entry.title, entry.summary,
         entry.published, entry.updated, now, now],
    )
    return not exists


def claim(db: Database, run_id: int, now: str, limit: int, busy: Mapping[str, int] | None = None,
          per_source: int | None = None) -> list[Entry]:
    """Take up to `limit` due entries for run `run_id`, shared fairly among the sources that have due entries.

    Each slot goes to the source with the fewest entries in flight (`busy`, the run's claimed and unfinished ones)
    plus those given in this claim, and no source gets more than `per_source` in flight, so a crawl fetches from
    all its outlets at once: the feed read first does not fill the whole window with its own entries while the
    other outlets wait (with a delay per host, that made a crawl of five outlets take five times as long).  Within
    a source the longest-due go first (one indexed range read per source); the entries come back interleaved
    across sources."""
    if limit <= 0:
        return []
    load = Counter({s: n for s, n in (busy or {}).items() if n > 0})
    taken: list[tuple] = []
    with db.atomic():
        cap = per_source if per_source is not None and per_source > 0 else limit + sum(load.values())
        open_ = [r[0] for r in db.execute("SELECT source FROM frontier_sources WHERE waiting > 0 ORDER BY source")
                 if load[r[0]] < cap]
        remaining = limit
        while remaining > 0 and open_:
            want: Counter[str] = Counter()
            for _ in range(remaining):
                room = [s for s in open_ if load[s] + want[s] < cap]
                if not room:
                    break
                want[min(room, key=lambda s: (load[s] + want[s], s))] += 1
            if not want:
                break
            for source, n in want.items():
                rows = db.execute(
                    "UPDATE frontier SET claimed_by = ? WHERE id IN (SELECT id FROM frontier WHERE claimed_by IS NULL "
                    "AND source = ? AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?) "
                    f"RETURNING next_attempt_at, id, {', '.join(ENTRY_COLUMNS)}",
                    [run_id, source, now, n],
                ).fetchall()
                rows.sort(key=lambda r: (r[0], r[1]))
                taken += [(rank, *row) for rank, row in enumerate(rows)]
                load[source] += len(rows)
                remaining -= len(rows)
                if len(rows) < n or load[source] >= cap:
                    open_.remove(source)  # nothing more of it is due, or it has its share in flight
    taken.sort(key=lambda r: (r[0], r[1], r[2]))
    return [Entry(*r[3:]) for r in taken]


def hint_updated(db: Database, url: str, updated: str) -> None:
    """A listing names a page again, with a newer change signal, while a run has it claimed: the entry keeps it."""
    db.execute("UPDATE frontier SET updated = ? WHERE url = ? AND COALESCE(updated, '') < ?", [updated, url, updated])


def updated_of(db: Database, url: str) -> str | None:
    """The newest change signal the entry was listed with (None when it has none, or is gone)."""
    row = db.execute("SELECT updated FROM frontier WHERE url = ?", [url]).fetchone()
    return row[0] if row else None


def storing(db: Database, url: str, now: str) -> None:
    """The claiming run has extracted the page and begins to store it: if the run dies before the page is stored,
    the page may be what killed it, so that counts as a failed attempt (committed at once, before the storing)."""
    db.execute("UPDATE frontier SET storing_at = ? WHERE url = ? AND claimed_by IS NOT NULL", [now, url])


def done(db: Database, url: str) -> None:
    """The page is stored, or its rejection is final: the entry leaves (inside the caller's transaction)."""
    db.execute("DELETE FROM frontier WHERE url = ?", [url])


def failed(db: Database, url: str, error: str, now: str, policy: RetryPolicy) -> bool:
    """A transient failure: count it and let the entry wait; False when that was its last attempt (it is removed).

    The entry stays claimed by its run, so that the run does not try it again; `release` at the run's end hands it
    back."""
    with db.atomic():
        row = db.execute("SELECT attempts FROM frontier WHERE url = ?", [url]).fetchone()
        if row is None:
            return False
        attempts = int(row[0]) + 1
        if attempts >= policy.max_attempts:
            done(db, url)
            return False
        db.execute(
            "UPDATE frontier SET attempts = ?, last_error = ?, next_attempt_at = ?, storing_at = NULL WHERE url = ?",
            [attempts, error, _later(now, policy.wait(attempts)), url],
        )
    return True


def release(db: Database, run_id: int) -> int:
    """A run ends in order (finished, or stopped by a signal): its claims go back to waiting, none counted."""
    cur = db.execute("UPDATE frontier SET claimed_by = NULL, storing_at = NULL WHERE claimed_by = ?", [run_id])
    return cur.rowcount


def recover(db: Database, now: str, policy: RetryPolicy) -> Recovery:
    """Hand back the claims of runs that died (call under the crawl lock, before the new run claims anything).

    A page the dead run was storing may be what killed it (a text that sends matching or dedup astray until the
    scheduler's timeout): that counts as a failed attempt, and the entry goes to the back of the due queue (due now,
    after everything due before). Pages queued, downloading or in extraction keep their place and their count: a
    kill then is not their fault (a page that hangs ends in a timeout, one that kills its extraction worker comes
    back as a failure of its own).

    Pages are stored in batches (crawler.store_batch): when the run was storing several at once, the death does not
    say which of them caused it, so each is charged the attempt but none is given up for it. A page that failed
    before is stored alone, so the next death names it, and only a page stored alone is given up."""
    with db.atomic():
        gone = db.execute(
            "DELETE FROM frontier WHERE claimed_by IS NOT NULL AND storing_at IS NOT NULL AND attempts + 1 >= ? "
            "AND claimed_by IN (SELECT claimed_by FROM frontier WHERE claimed_by IS NOT NULL AND storing_at IS NOT NULL "
            "GROUP BY claimed_by HAVING COUNT(*) = 1)",
            [policy.max_attempts],
        ).rowcount
        interrupted = db.execute(
            "UPDATE frontier SET attempts = attempts + 1, last_error = 'interrupted', next_attempt_at = ?, "
            "claimed_by = NULL, storing_at = NULL WHERE claimed_by IS NOT NULL AND storing_at IS NOT NULL",
            [now],
        ).rowcount
        released = db.execute("UPDATE frontier SET claimed_by = NULL WHERE claimed_by IS NOT NULL").rowcount
    return Recovery(released=released + interrupted + gone, interrupted=interrupted + gone, gave_up=gone)


def totals(db: Database) -> tuple[int, int]:
    """(waiting, failing) over all sources: entries in the frontier, and those among them that failed before."""
    row = db.execute("SELECT COALESCE(SUM(waiting), 0), COALESCE(SUM(failing), 0) FROM frontier_sources").fetchone()
    return int(row[0]), int(row[1])


def by_source(db: Database) -> dict[str, tuple[int, int]]:
    """(waiting, failing) per source, for sources with anything waiting."""
    rows = db.execute("SELECT source, waiting, failing FROM frontier_sources WHERE waiting > 0 ORDER BY source")
    return {str(r[0]): (int(r[1]), int(r[2])) for r in rows}
