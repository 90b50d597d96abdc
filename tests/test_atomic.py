"""storage.store.atomic: a transaction, or a savepoint inside one, as sqlite-utils' Database.atomic, on a real file."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from storage.store import atomic


def _db(tmp_path: Path) -> Database:
    db = Database(tmp_path / "t.db")
    db.execute("CREATE TABLE t (v INTEGER)")
    return db


def _values(db: Database) -> list[int]:
    return [r[0] for r in db.execute("SELECT v FROM t ORDER BY v")]


def test_an_inner_block_that_raises_is_rolled_back_alone_and_the_rest_commits(tmp_path: Path) -> None:
    db = _db(tmp_path)
    with atomic(db):
        db.execute("INSERT INTO t VALUES (1)")
        for v in (2, 3, 4):
            try:
                with atomic(db):
                    db.execute("INSERT INTO t VALUES (?)", [v])
                    with atomic(db):  # two deep
                        db.execute("INSERT INTO t VALUES (?)", [v * 10])
                        if v == 3:
                            raise ValueError("this article fails")
            except ValueError:
                pass
    assert not db.conn.in_transaction
    assert _values(db) == [1, 2, 4, 20, 40]
    assert Database(tmp_path / "t.db").execute("SELECT count(*) FROM t").fetchone()[0] == 5  # committed


def test_the_outer_block_raising_rolls_everything_back(tmp_path: Path) -> None:
    db = _db(tmp_path)
    with pytest.raises(RuntimeError), atomic(db):
        db.execute("INSERT INTO t VALUES (1)")
        with atomic(db):
            db.execute("INSERT INTO t VALUES (2)")
        raise RuntimeError
    assert not db.conn.in_transaction and _values(db) == []


def test_it_nests_with_sqlite_utils_atomic_either_way(tmp_path: Path) -> None:
    db = _db(tmp_path)
    with db.atomic():
        with atomic(db):
            db.execute("INSERT INTO t VALUES (1)")
            try:
                with db.atomic(), atomic(db):
                    db.execute("INSERT INTO t VALUES (2)")
                    raise KeyError
            except KeyError:
                pass
        with atomic(db):
            db.execute("INSERT INTO t VALUES (3)")
    assert _values(db) == [1, 3]
    assert getattr(db, "_storywatch_savepoints", 0) == 0  # every depth given back
