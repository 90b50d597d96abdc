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


def _rows(db: Database, table: str) -> list[tuple[int, int, int]]:
    return sorted(db.execute(f"SELECT band, bucket, article_id FROM {table}").fetchall())


def test_staged_keys_are_found_before_and_after_the_merge_which_leaves_the_index_as_direct_writes(
        tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    staged, direct = _db(tmp_path / "a"), _db(tmp_path / "b")
    with staged.conn:
        dedup_index.index_article(staged, 1, _keys(UNRELATED))  # an article indexed before
        dedup_index.stage_article(staged, 2, _keys(ORIGINAL))
    with direct.conn:
        dedup_index.index_article(direct, 1, _keys(UNRELATED))
        dedup_index.index_article(direct, 2, _keys(ORIGINAL))
    assert len(_rows(staged, "article_bands")) == dedup.BANDS  # the staged article is not in the index yet
    assert dedup_index.candidate_ids(staged, _keys(COPY)) == {2}  # but it is found
    assert dedup_index.candidate_ids(staged, _keys(UNRELATED)) == {1}
    with staged.conn:
        assert dedup_index.merge_staged(staged) == dedup.BANDS
    assert _rows(staged, "article_bands") == _rows(direct, "article_bands")
    assert _rows(staged, "article_bands_staged") == []
    assert dedup_index.candidate_ids(staged, _keys(COPY)) == {2}
    with staged.conn:
        assert dedup_index.merge_staged(staged) == 0  # nothing left to merge
    assert _rows(staged, "article_bands") == _rows(direct, "article_bands")


def test_unindex_forgets_staged_keys_too(tmp_path: Path) -> None:
    db = _db(tmp_path)
    with db.conn:
        dedup_index.stage_article(db, 1, _keys(ORIGINAL))
        dedup_index.unindex_article(db, 1)
        dedup_index.stage_article(db, 1, _keys(UNRELATED))  # its changed text
    assert dedup_index.candidate_ids(db, _keys(COPY)) == set()
    with db.conn:
        dedup_index.merge_staged(db)
    assert dedup_index.candidate_ids(db, _keys(COPY)) == set()
    assert dedup_index.candidate_ids(db, _keys(UNRELATED)) == {1}


def test_staged_keys_survive_reopening_and_a_rolled_back_merge(tmp_path: Path) -> None:
    db = _db(tmp_path)
    with db.conn:
        dedup_index.stage_article(db, 7, _keys(ORIGINAL))
    db.execute("BEGIN")
    dedup_index.merge_staged(db)
    db.conn.rollback()  # a run killed in the middle of its merge
    db.conn.close()
    db = _db(tmp_path)
    assert len(_rows(db, "article_bands_staged")) == dedup.BANDS and _rows(db, "article_bands") == []
    assert dedup_index.candidate_ids(db, _keys(COPY)) == {7}
