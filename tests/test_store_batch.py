"""Group commit (crawler.store_batch): articles stored together in one transaction, each all or nothing on its own,
with their storing marks committed before any of them is stored; a crawl stores every article with fewer
transactions than articles."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from pathlib import Path

import pytest
from sqlite_utils import Database

from crawler.store_batch import StoreBatch
from storage import frontier
from storage.db import open_database
from storage.frontier import Entry

T0 = "2026-05-01T10:00:00Z"


def _url(n: int) -> str:
    return f"https://a.example/{n}"


@pytest.fixture
def db(tmp_path: Path) -> Database:
    db = open_database(tmp_path / "s.db")
    db.execute("CREATE TABLE stored (n INTEGER PRIMARY KEY)")
    for n in range(12):
        frontier.add(db, Entry(url=_url(n), fetch_url=_url(n), source="A", via="feed"), T0)
    frontier.claim(db, 1, T0, 12)
    return db


def _work(db: Database, n: int, fail: bool = False):
    def work() -> int:
        db.execute("INSERT INTO stored (n) VALUES (?)", [n])
        frontier.done(db, _url(n))
        if fail:
            raise ValueError(f"page {n} cannot be stored")
        return n

    return work


def _committed(path: Path) -> tuple[list[int], dict[str, str | None]]:
    """What another connection sees: the stored numbers and the frontier's storing marks."""
    with sqlite3.connect(path) as other:
        stored = [r[0] for r in other.execute("SELECT n FROM stored ORDER BY n")]
        marks = dict(other.execute("SELECT url, storing_at FROM frontier").fetchall())
    return stored, marks


async def _gather(*awaitables):
    return await asyncio.gather(*awaitables, return_exceptions=True)


def test_articles_that_arrive_within_the_wait_are_stored_in_one_transaction(db: Database, tmp_path: Path) -> None:
    batch = StoreBatch(db, size=8, wait=0.05)

    async def main() -> list:
        return await _gather(*(batch.store(_url(n), _work(db, n)) for n in range(5)))

    assert asyncio.run(main()) == [0, 1, 2, 3, 4]
    assert batch.batches == 1
    stored, marks = _committed(tmp_path / "s.db")
    assert stored == [0, 1, 2, 3, 4] and not any(_url(n) in marks for n in range(5))
    assert len(marks) == 7


def test_a_full_batch_is_stored_at_once_without_waiting(db: Database) -> None:
    # A timer that would never fire within the test, and no time budget that could end a transaction early.
    batch = StoreBatch(db, size=4, wait=60.0, budget=60.0)

    async def main() -> list:
        return await asyncio.wait_for(_gather(*(batch.store(_url(n), _work(db, n)) for n in range(4))), 5)

    began = time.monotonic()
    assert asyncio.run(main()) == list(range(4))
    assert batch.batches == 1 and time.monotonic() - began < 30


def _slow(db: Database, n: int, events: list[str], path: Path):
    inner = _work(db, n)

    def work() -> int:
        events.append(f"store {n}, committed before: {_committed(path)[0]}")
        time.sleep(0.015)
        return inner()

    return work


def test_one_article_that_fails_is_rolled_back_alone(db: Database, tmp_path: Path) -> None:
    batch = StoreBatch(db, size=8, wait=0.05)

    async def main() -> list:
        return await _gather(*(batch.store(_url(n), _work(db, n, fail=n == 2)) for n in range(4)))

    results = asyncio.run(main())
    assert results[:2] == [0, 1] and results[3] == 3 and isinstance(results[2], ValueError)
    stored, marks = _committed(tmp_path / "s.db")
    assert stored == [0, 1, 3]
    # The failed page's entry stays, with its storing mark, for the caller to settle (crawler.spider._settle).
    assert marks[_url(2)] is not None and _url(0) not in marks


def test_when_the_database_drops_the_whole_transaction_no_article_of_the_batch_is_stored(db: Database,
                                                                                        tmp_path: Path) -> None:
    # RAISE(ROLLBACK) ends the whole transaction, savepoints included, as a full disk or an I/O error may.
    db.execute("CREATE TRIGGER no_seven BEFORE INSERT ON stored WHEN new.n = 7 BEGIN "
               "SELECT RAISE(ROLLBACK, 'the transaction is gone'); END")
    batch = StoreBatch(db, size=8, wait=0.05)

    async def main() -> list:
        return await _gather(*(batch.store(_url(n), _work(db, n)) for n in (5, 6, 7, 8)))

    results = asyncio.run(main())
    assert all(isinstance(r, sqlite3.IntegrityError) for r in results), results
    stored, marks = _committed(tmp_path / "s.db")
    assert stored == [] and all(marks[_url(n)] is not None for n in (5, 6, 7, 8))
    assert not db.conn.in_transaction


def test_the_storing_marks_are_committed_before_any_article_is_stored(db: Database, tmp_path: Path) -> None:
    seen: list[tuple[list[int], dict[str, str | None]]] = []

    def look() -> None:
        db.execute("INSERT INTO stored (n) VALUES (9)")
        seen.append(_committed(tmp_path / "s.db"))  # from another connection, while the batch is open

    batch = StoreBatch(db, size=8, wait=0.05)

    async def main() -> list:
        return await _gather(batch.store(_url(8), _work(db, 8)), batch.store(_url(9), look))

    asyncio.run(main())
    stored, marks = seen[0]
    assert stored == [] and marks[_url(8)] is not None and marks[_url(9)] is not None and marks[_url(3)] is None
    assert _committed(tmp_path / "s.db")[0] == [8, 9]


def test_a_page_that_failed_before_is_stored_alone(db: Database) -> None:
    batch = StoreBatch(db, size=8, wait=0.05)
    sizes: list[int] = []

    def counted(n: int):
        inner = _work(db, n)

        def work() -> int:
            sizes.append(batch.batches)
            return inner()

        return work

    async def main() -> list:
        first = [asyncio.ensure_future(batch.store(_url(n), counted(n))) for n in (0, 1)]
        await asyncio.sleep(0)  # both wait for the timer
        alone = batch.store(_url(2), counted(2), alone=True)
        return await _gather(*first, alone, batch.store(_url(3), counted(3)))

    assert asyncio.run(main()) == [0, 1, 2, 3]
    # 0 and 1 went first (batch 1), then 2 on its own (batch 2), then 3 after the wait (batch 3).
    assert sizes == [1, 1, 2, 3] and batch.batches == 3


def test_flush_stores_what_waits_when_the_crawl_ends(db: Database, tmp_path: Path) -> None:
    batch = StoreBatch(db, size=8, wait=60.0)

    async def main() -> None:
        task = asyncio.ensure_future(batch.store(_url(4), _work(db, 4)))
        await asyncio.sleep(0)
        assert batch.pending == 1
        task.cancel()  # a stop cancels the waiting page's callback ...
        await asyncio.sleep(0)
        batch.flush(everything=True)  # ... and the spider's close stores it all the same

    asyncio.run(main())
    assert _committed(tmp_path / "s.db")[0] == [4] and batch.pending == 0


def test_an_article_is_stored_at_once_when_no_other_page_is_in_extraction(db: Database) -> None:
    extracting = [2]
    batch = StoreBatch(db, size=8, wait=60.0, coming=lambda: extracting[0])

    async def main() -> list:
        first = asyncio.ensure_future(batch.store(_url(0), _work(db, 0)))
        await asyncio.sleep(0)
        assert batch.pending == 1  # two more pages are in extraction: it waits for them
        extracting[0] = 0
        last = await asyncio.wait_for(batch.store(_url(1), _work(db, 1)), 5)  # the last one: no timer needed
        return [await first, last]

    assert asyncio.run(main()) == [0, 1] and batch.batches == 1


@pytest.mark.parametrize("size", [4, 2])
def test_one_pass_of_the_event_loop_stores_one_budgets_worth(db: Database, tmp_path: Path, size: int) -> None:
    """Four pages finish in one pass, 15 ms of storing each, a budget of 20 ms. Size 4: one batch, two articles
    (30 ms) end its transaction and the other two follow in the next pass. Size 2: two full batches; storing each in
    the step of the page that filled it stored both in that pass (60 ms). Either way the loop's timer, due while the
    first two were stored, runs before the other two."""
    events: list[str] = []
    batch = StoreBatch(db, size=size, wait=60.0, budget=0.02)

    async def main() -> list:
        asyncio.get_running_loop().call_later(0.01, events.append, "a timer of the loop")
        stores = [batch.store(_url(n), _slow(db, n, events, tmp_path / "s.db")) for n in range(4)]
        return await asyncio.wait_for(_gather(*stores), 5)

    assert asyncio.run(main()) == [0, 1, 2, 3]
    assert events == ["store 0, committed before: []", "store 1, committed before: []", "a timer of the loop",
                      "store 2, committed before: [0, 1]", "store 3, committed before: [0, 1]"]
    assert batch.batches == 2 and _committed(tmp_path / "s.db")[0] == [0, 1, 2, 3]
