"""The full-text index (articles_fts): kept in step with titles and texts by triggers, not rewritten by updates of
other columns, and merged in small steps by those triggers rather than in FTS5's bursts (storage.schema.m008, m010)."""

from __future__ import annotations

import hashlib
import random
import sqlite3
from pathlib import Path

from storage import open_database
from storage.boilerplate import replace_text
from storage.schema import migrations
from storage.store import Store

NOW = "2026-12-01T08:00:00Z"


def _fields(i: int, text: str, title: str | None = None) -> dict[str, str]:
    url = f"http://example.test/artikel/{i}.html"
    return {"url": url, "canonical_url": url, "source": "example", "title": title or f"Meldung {i}", "text": text,
            "content_hash": hashlib.sha1(text.encode()).hexdigest()}


def _index_blocks(db) -> str:
    """A digest of every block of the index: it changes when anything is written to the index."""
    digest = hashlib.sha1()
    for rowid, block in db.execute("SELECT id, block FROM articles_fts_data ORDER BY id"):
        digest.update(str(rowid).encode() + bytes(block))
    return digest.hexdigest()


def _hits(db, word: str) -> list[int]:
    return [r[0] for r in db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid",
                                     [word])]


def _check(db) -> None:
    db.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")


def test_updates_of_other_columns_leave_the_index_alone_and_text_changes_reach_it(tmp_path: Path) -> None:
    db = open_database(tmp_path / "s.db")
    store = Store(db)
    with store.transaction():
        first = store.insert_article(_fields(1, "Die Fähre am Seeufer fährt wieder nach Plan."), NOW)
        store.insert_article(_fields(2, "Der Hafen bleibt wegen Hochwasser geschlossen."), NOW)
    before = _index_blocks(db)
    with store.transaction():  # seen again unchanged, a change signal, new validators: no text changed
        store.touch(first, "2026-12-02T08:00:00Z", signal="2026-12-02T07:00:00Z", etag='"v2"',
                    last_modified="Wed, 02 Dec 2026 07:00:00 GMT")
    assert _index_blocks(db) == before
    assert db.execute("SELECT last_seen, etag FROM articles WHERE id = ?", [first]).fetchone() == (
        "2026-12-02T08:00:00Z", '"v2"')

    with store.transaction():  # a new version: the index follows the text
        store.new_version(first, _fields(1, "Die Fähre fällt aus, der Steg ist gesperrt."), "2026-12-03T08:00:00Z")
    assert _index_blocks(db) != before
    assert _hits(db, "gesperrt") == [first]
    assert _hits(db, "plan") == []
    with store.transaction():  # cleaned again (storywatch reclean): the index follows too
        replace_text(db, first, "Die Fähre fällt aus.", "h3")
    assert _hits(db, "gesperrt") == []
    assert _hits(db, "fähre") == [first]
    _check(db)


def _triggers_without_steps(db) -> None:
    """The control: the triggers as sqlite-utils writes them (index rows only, no merge step)."""
    for name in ("articles_ai", "articles_au"):
        db.execute(f"DROP TRIGGER {name}")
    db.execute("CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN "
               "INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text); END")
    db.execute("CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN "
               "INSERT INTO articles_fts (articles_fts, rowid, title, text) "
               "VALUES ('delete', old.rowid, old.title, old.text); "
               "INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text); END")


def test_writes_merge_the_index_in_steps(tmp_path: Path) -> None:
    """600 articles, each in its own transaction as a crawl stores them. FTS5's bursts are off (automerge 0); the
    triggers' steps keep the index in few segments. Without the steps, only FTS5's emergency merge bounds them."""
    rng = random.Random(5)
    vocabulary = ["".join(rng.choice("abdefghiklmnoprstuw") for _ in range(rng.randint(3, 11))) for _ in range(3000)]
    texts = [" ".join(rng.choice(vocabulary) for _ in range(600)) for _ in range(600)]

    def fill(path: Path, *, steps: bool = True) -> tuple[int, sqlite3.Connection]:
        db = open_database(path)
        if not steps:
            _triggers_without_steps(db)
        store = Store(db)
        for i, text in enumerate(texts):
            with store.transaction():
                store.insert_article(_fields(i, text), NOW)
        _check(db)
        assert _hits(db, texts[17].split()[3]) and len(_hits(db, f'"{texts[17][:60]}"')) >= 1
        return db.execute("SELECT COUNT(DISTINCT segid) FROM articles_fts_idx").fetchone()[0], db

    stepped, db = fill(tmp_path / "stepped.db")
    assert db.execute("SELECT v FROM articles_fts_config WHERE k = 'automerge'").fetchone() == (0,)
    unmerged, _ = fill(tmp_path / "unmerged.db", steps=False)
    assert stepped * 2 <= unmerged, (stepped, unmerged)


def test_a_store_from_before_the_migration_gets_the_new_trigger_and_keeps_its_index(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = open_database(path, migrate=False)
    migrations.apply(db, stop_before="m008_text_index_steps")
    old = db.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_au'").fetchone()[0]
    assert "UPDATE OF" not in old  # the trigger as sqlite-utils made it: any update rewrote the text's entry
    store = Store(db)
    with store.transaction():
        kept = db.execute("INSERT INTO articles (url, canonical_url, source, title, text, content_hash, first_seen, "
                          "last_seen) VALUES ('http://old.test/a', 'http://old.test/a', 'old', 'Alt', "
                          "'Ein Eintrag von früher über den Deich.', 'h', ?, ?)", [NOW, NOW]).lastrowid
    db.conn.close()

    db = open_database(path)
    assert "UPDATE OF title, text" in db.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_au'").fetchone()[0]
    assert _hits(db, "deich") == [kept]
    before = _index_blocks(db)
    Store(db).touch(kept, "2026-12-05T08:00:00Z")
    assert _index_blocks(db) == before
    _check(db)


def test_a_store_written_before_the_triggers_took_the_steps_gets_them(tmp_path: Path) -> None:
    """A store that ran m008 when the store's Python code took the merge steps: its triggers had none. m010 gives
    them the steps; without it such a store would never be merged in steps again."""
    path = tmp_path / "old.db"
    db = open_database(path, migrate=False)
    migrations.apply(db, stop_before="m010_text_index_merged_by_triggers")
    triggers = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ('articles_ai', 'articles_au')"
    assert not any("'merge'" in sql for _, sql in db.execute(triggers))
    db.conn.close()

    db = open_database(path)
    assert {name for name, sql in db.execute(triggers) if "'merge'" in sql} == {"articles_ai", "articles_au"}
    store = Store(db)
    with store.transaction():
        kept = db.execute("INSERT INTO articles (url, canonical_url, source, title, text, content_hash, first_seen, "
                          "last_seen) VALUES ('http://old.test/b', 'http://old.test/b', 'old', 'Alt', "
                          "'Ein Eintrag über das Wehr.', 'h', ?, ?)", [NOW, NOW]).lastrowid
    assert _hits(db, "wehr") == [kept]
    _check(db)
