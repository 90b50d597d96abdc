"""The LSH band index in SQLite: candidates found through indexed lookups, on a real database file."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from crawler import dedup
from storage import dedup_index
from storage.db import open_database

ORIGINAL = (
    "Der Stadtrat von Leipzig hat am Donnerstagabend den Bau einer neuen Straßenbahnlinie in den Süden der Stadt "
    "beschlossen. Die Strecke soll rund neun Kilometer lang werden und drei Stadtteile mit dem Hauptbahnhof "
    "verbinden. Nach den Plänen der Verkehrsbetriebe könnten die ersten Bahnen im Jahr 2031 fahren. Die Kosten "
    "werden auf 380 Millionen Euro geschätzt, Bund und Land sollen den größten Teil übernehmen. Anwohner hatten in "
    "einer Bürgerbefragung mehrheitlich für die Linie gestimmt, Gewerbetreibende fürchten jedoch lange Baustellen."
)
COPY = "Leipzig (dpa) - Die Stadt bekommt eine neue Linie. " + ORIGINAL.rsplit(" Anwohner", 1)[0]
UNRELATED = (
    "Im Finale der Hallenmeisterschaften hat die Mannschaft aus Kiel den Titelverteidiger aus Magdeburg knapp "
    "besiegt. Nach einer ausgeglichenen ersten Halbzeit setzten sich die Gastgeber in den letzten zehn Minuten ab. "
    "Der Trainer lobte vor allem die Abwehr und den Torhüter, der mehrere Siebenmeter parierte."
)


def _keys(text: str) -> list[tuple[int, int]]:
    return dedup.band_keys(dedup.signature(dedup.shingles(text)))


def _db(tmp_path: Path) -> Database:
    return open_database(tmp_path / "storywatch.db")


def test_wire_copy_finds_its_original_among_candidates(tmp_path: Path) -> None:
    db = _db(tmp_path)
    with db.conn:
        dedup_index.index_article(db, 1, _keys(ORIGINAL))
        dedup_index.index_article(db, 2, _keys(UNRELATED))
    assert dedup_index.candidate_ids(db, _keys(COPY)) == {1}


def test_unrelated_text_finds_no_candidates(tmp_path: Path) -> None:
    db = _db(tmp_path)
    with db.conn:
        dedup_index.index_article(db, 1, _keys(ORIGINAL))
    assert dedup_index.candidate_ids(db, _keys(UNRELATED)) == set()


def test_index_survives_reopening_the_file(tmp_path: Path) -> None:
    db = _db(tmp_path)
    with db.conn:
        dedup_index.index_article(db, 7, _keys(ORIGINAL))
    db.conn.close()
    assert dedup_index.candidate_ids(_db(tmp_path), _keys(COPY)) == {7}


def test_unindex_forgets_an_article_and_reindexing_is_idempotent(tmp_path: Path) -> None:
    db = _db(tmp_path)
    with db.conn:
        dedup_index.index_article(db, 1, _keys(ORIGINAL))
        dedup_index.index_article(db, 1, _keys(ORIGINAL))
    assert db.execute("SELECT count(*) FROM article_bands").fetchone()[0] == dedup.BANDS
    with db.conn:
        dedup_index.unindex_article(db, 1)
    assert dedup_index.candidate_ids(db, _keys(ORIGINAL)) == set()
    assert db.execute("SELECT count(*) FROM article_bands").fetchone()[0] == 0


def test_changed_text_is_found_only_under_its_new_keys(tmp_path: Path) -> None:
    db = _db(tmp_path)
    with db.conn:
        dedup_index.index_article(db, 1, _keys(ORIGINAL))
        dedup_index.unindex_article(db, 1)
        dedup_index.index_article(db, 1, _keys(UNRELATED))
    assert dedup_index.candidate_ids(db, _keys(COPY)) == set()
    assert dedup_index.candidate_ids(db, _keys(UNRELATED)) == {1}


def test_lookup_is_an_index_search_not_a_scan(tmp_path: Path) -> None:
    db = _db(tmp_path)
    plan = db.execute("EXPLAIN QUERY PLAN " + dedup_index.LOOKUP_SQL, [0, 1]).fetchall()
    detail = " ".join(row[-1] for row in plan)
    assert "SEARCH" in detail and "SCAN" not in detail


def test_index_writes_join_the_callers_transaction(tmp_path: Path) -> None:
    db = _db(tmp_path)
    db.execute("BEGIN")
    dedup_index.index_article(db, 1, _keys(ORIGINAL))
    db.conn.rollback()
    assert dedup_index.candidate_ids(db, _keys(ORIGINAL)) == set()
