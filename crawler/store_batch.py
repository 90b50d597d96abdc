"""Group commit: the articles that finish extraction close together are stored in one transaction.

Each stored article used to cost two commits of its own: the storing mark (crawler.spider, storage.frontier.storing)
and the store. A commit writes every page the transaction touched into the log, and consecutive articles touch
many of the same pages (the full-text index's newest segment, the band and URL indexes, the frontier), so one commit
for several articles writes much less than one each (`python benchmarks/store_batch.py` measures the main
process's CPU per stored article by batch size, against one at a time).

A batch is stored when BATCH_SIZE articles wait, when no other page is in extraction (nothing would join the batch
soon: a slow or small crawl stores each article at once, as before), or when the first of them has waited BATCH_WAIT
seconds, whichever comes first.  BUDGET bounds the time one store takes on the event loop (eight articles take
10-25 ms during a crawl: a transaction ends after BUDGET seconds of storing and the rest goes on in the next pass of
the loop); the wait bounds how late an article becomes readable.  A batch is stored by a callback of its own in the
next pass of the loop, never inside the step of the page that filled it, so one pass of the loop stores one budget's
worth: at 5,000 benchmark pages two batches filled in one pass had been stored in it back to back (28 and 17 ms),
and the loop's timer came 49 ms late.

What stays as it was:
- Every article is all or nothing on its own: each is stored in a savepoint of the batch's transaction, and one that
  fails is rolled back alone and reported to its caller; the others are committed.  When the database loses the
  whole transaction (disk full, I/O error), every article of the batch is reported failed and stored by a later run.
- The storing marks of the whole batch are committed before any of it is stored, so that a run that dies while
  storing leaves them behind (storage.frontier.recover).  A death in a batch of several does not say which page
  caused it: recover charges each of them an attempt but drops none of them for it, and a page that failed before
  is stored alone (`alone=True`), where a death does name it.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from storage import frontier
from storage.store import atomic, utcnow

BATCH_SIZE = 8
BATCH_WAIT = 0.1  # seconds
# Seconds of storing after which a transaction ends and the rest of the batch waits for the next pass of the event
# loop: a fifth of the loop's 50 ms lateness target (issue 15), with room for the one article that runs over it.
# At 1000 benchmark pages 0.02 and 0.01 saved the crawl process the same CPU (0.0070 and 0.0071 s/page, from 0.0081
# one article at a time); the loop was late by at most 41 and 30 ms.
BUDGET = 0.01


@dataclass
class _Waiting:
    key: str | None  # the frontier entry the article ends, None for a page outside the frontier (a seed)
    work: Callable[[], Any]
    future: asyncio.Future[Any]
    marked: bool = False  # its storing mark is committed


class StoreBatch:
    """`await batch.store(key, work)`: runs `work()` (the article's whole store: its writes and the end of its
    frontier entry) in a savepoint of a transaction shared with the articles that wait with it; returns what `work`
    returned once that transaction is committed, or raises what stopped the article from being stored."""

    def __init__(self, db: Database, *, size: int = BATCH_SIZE, wait: float = BATCH_WAIT,
                 coming: Callable[[], int] | None = None, budget: float = BUDGET) -> None:
        self.db = db
        self.budget = budget
        self._coming = coming  # how many other pages are in extraction now (None: always wait for the batch)
        self.size = max(1, size)
        self.wait = wait
        self._waiting: list[_Waiting] = []
        self._timer: asyncio.TimerHandle | None = None
        self.batches = 0  # flushes that stored something (a transaction each, or tried): for tests

    @property
    def pending(self) -> int:
        return len(self._waiting)

    async def store(self, key: str | None, work: Callable[[], Any], *, alone: bool = False) -> Any:
        loop = asyncio.get_running_loop()
        if alone:
            self.flush(everything=True)  # the batch before it, without it
        future: asyncio.Future[Any] = loop.create_future()
        self._waiting.append(_Waiting(key, work, future))
        if alone:
            self.flush()
        elif len(self._waiting) >= self.size or (self._coming is not None and self._coming() <= 0):
            self._flush_soon(loop)
        elif self._timer is None:
            self._timer = loop.call_later(self.wait, self.flush)
        return await future

    def _flush_soon(self, loop: asyncio.AbstractEventLoop) -> None:
        """The batch is stored in the next pass of the event loop, behind the timers already due, instead of in the
        step of the page that filled it: two pages that fill two batches in one pass (or fill one while a flush
        is due) then store them in two passes, one budget each, not both in the pass that runs the loop's timers
        late.  A flush already coming soon stays; a later one (the wait) is brought forward."""
        if self._timer is not None:
            if self._timer.when() <= loop.time():
                return
            self._timer.cancel()
        self._timer = loop.call_later(0, self.flush)

    def flush(self, *, everything: bool = False) -> None:
        """Store what waits now, in one transaction that ends once `budget` seconds of storing have passed: what is
        left goes on in the next pass of the event loop, so that one batch never holds the loop for long (a slow
        article or a slow moment of the machine makes the batch smaller, not the loop later).  `everything`: all of
        it, now (the crawl's end, when no later pass may come)."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        batch, self._waiting = self._waiting, []
        if not batch:
            return
        self.batches += 1
        db = self.db
        outcomes: list[tuple[bool, Any]] = []
        try:
            keys = [w.key for w in batch if w.key is not None and not w.marked]
            if keys:
                now = utcnow()
                with db.atomic():
                    for key in keys:
                        frontier.storing(db, key, now)
            for waiting in batch:
                waiting.marked = True
            began = time.perf_counter()
            with db.atomic():
                for waiting in batch:
                    if outcomes and not everything and time.perf_counter() - began >= self.budget:
                        break
                    try:
                        with atomic(db):  # a savepoint: this article alone is rolled back when it fails
                            outcomes.append((True, waiting.work()))
                    except Exception as exc:
                        if not db.conn.in_transaction:
                            raise  # the database dropped the whole transaction: nothing of it is stored
                        outcomes.append((False, exc))
        except Exception as exc:  # noqa: BLE001 - handed to every caller of the batch, who logs it
            for waiting in batch:
                if not waiting.future.done():
                    waiting.future.set_exception(exc)
            return
        left = batch[len(outcomes):]
        if left:  # marked already: their marks stay committed until they are stored
            self._waiting = left + self._waiting
            self._flush_soon(asyncio.get_running_loop())
        for waiting, (ok, value) in zip(batch, outcomes, strict=False):
            if waiting.future.done():  # its caller was cancelled (a stop): the article is stored all the same
                continue
            if ok:
                waiting.future.set_result(value)
            else:
                waiting.future.set_exception(value)
