"""A wire copy stored first, its earlier-published original found a crawl later: the original takes over.

Two loopback outlets. Round 1: only the later copy (new headline, an added first sentence, the outlet's own
furniture) is in a feed, so it joins the story as a follow-up. Round 2: the agency original, published four hours
earlier, appears on the other outlet. CONTRACT.md: a copy's `duplicate_of` points at the earliest-published copy and
is re-pointed when an earlier copy arrives later.
"""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from faultweb import rss

from crawler import dedup
from crawler.demo.server import OutletWeb
from crawler.rekey import rekey_if_needed
from crawler.textstats import words
from storage import dedup_index
from storage.db import open_database
from storage.store import Store

STORY = "faehre"
PARAGRAPHS = (
    ("Lindholm (dpa) - Die Fähre zwischen Lindholm und der Insel Sandeck bleibt nach dem Maschinenschaden vom "
    "Wochenende mindestens bis Ende Januar im Hafen."),
    ("Die Reederei teilte am Montag mit, ein Ersatzteil für das Getriebe müsse erst in Norwegen gefertigt werden. "
    "Bis dahin pendelt ein kleineres Ausflugsschiff dreimal am Tag."),
    ("Auf der Insel wohnen rund 900 Menschen, viele von ihnen arbeiten auf dem Festland. Der Bürgermeister von Sandeck "
    "sprach von einer Belastungsprobe für die Familien und die Betriebe."),
    ("Schüler der weiterführenden Schulen sollen vorerst mit einem Bus der Wasserschutzpolizei über den Damm der "
    "Bahnstrecke gebracht werden, der sonst nur für Güterzüge freigegeben ist."),
    ("Lieferungen für den Supermarkt und die Apotheke kommen nach Angaben des Landkreises mit einem Frachtkahn. "
    "Ärztliche Notfälle übernimmt wie bisher der Rettungshubschrauber."),
    ("Die Fähre war am Samstagmorgen kurz nach dem Ablegen liegen geblieben und von einem Schlepper in den Hafen "
    "gezogen worden. Verletzt wurde niemand."),
)
ADDED = "Für die Inselbewohner beginnen schwierige Wochen."
SEED = ("Seit einem Maschinenschaden liegt die Fähre von Lindholm nach Sandeck still. Die Inselbewohner, Schüler "
        "und Betriebe auf der Insel müssen wochenlang mit Ersatzverbindungen auskommen, die Reederei wartet auf ein "
        "Ersatzteil für das Getriebe.\n")


def _article(title: str, published: str, paragraphs: tuple[str, ...], furniture: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!doctype html><html lang="de"><head><meta charset="utf-8"><title>{title}</title>'
            f'<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{title}", '
            f'"datePublished": "{published}"}}</script></head><body><header><nav><a href="/">Start</a></nav>'
            f"</header><main><article><h1>{title}</h1>{body}<p>{furniture}</p></article></main>"
            f"<footer>Impressum</footer></body></html>")


def _feed(items: list[tuple[str, str]]) -> str:
    return rss("{{base}}", items).decode()  # the outlet web fills in each site's base URL


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _make_web(root: Path) -> None:
    original = ("/land/faehre-nach-sandeck-bleibt-im-hafen-501.html", "Fähre nach Sandeck bleibt bis Ende Januar im Hafen")
    copy = ("/region/inselfaehre-faellt-wochenlang-aus-902.html", "Inselfähre fällt wochenlang aus")
    _write(root / "agentur" / "round1" / "feed.xml", _feed([]))
    _write(root / "agentur" / "round2" / "feed.xml", _feed([original]))
    _write(root / "agentur" / "round2" / original[0].lstrip("/"),
           _article(original[1], "2025-01-13T08:00:00+01:00", PARAGRAPHS, "Mehr Nachrichten aus dem Land"))
    _write(root / "zeitung" / "round1" / "feed.xml", _feed([copy]))
    _write(root / "zeitung" / "round1" / copy[0].lstrip("/"),
           _article(copy[1], "2025-01-13T12:00:00+01:00", (ADDED, *PARAGRAPHS), "Folgen Sie uns bei WhatsApp"))
    _write(root / "seeds" / "faehre.txt", SEED)
    sources = "".join(f'[[sources]]\nname = "{s}"\nurl = "{{{{base:{s}}}}}/"\nfeeds = ["{{{{base:{s}}}}}/feed.xml"]\n\n'
                      for s in ("agentur", "zeitung"))
    _write(root / "config.toml.tmpl",
           '[database]\npath = "{{db}}"\n\n[crawl]\ndownload_delay = 0\ntimeout = 10\nfollow_related_links = false\n\n'
           f"{sources}[[stories]]\nid = \"{STORY}\"\ntitle = \"Inselfähre\"\nquery = 'Fähre* AND Sandeck'\n"
           'seeds = ["{{web}}/seeds/faehre.txt"]\n')


@dataclass(frozen=True)
class Rounds:
    runs: tuple[subprocess.CompletedProcess[str], subprocess.CompletedProcess[str]]
    after_round_1: list[dict[str, object]]
    after_round_2: list[dict[str, object]]


def _members(db: Path) -> list[dict[str, object]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(
            "SELECT a.id, a.source, a.published, s.status, s.duplicate_of FROM story_articles s "
            "JOIN articles a ON a.id = s.article_id WHERE s.story = ? ORDER BY a.id", (STORY,))]
    finally:
        conn.close()


def _two_rounds(tmp: Path, run_cli: Callable[..., subprocess.CompletedProcess[str]],
                between: Callable[[Path], None] | None = None) -> Rounds:
    """Both rounds into one store; `between` gets the store's path after the first."""
    _make_web(tmp / "web")
    db = tmp / "storywatch.db"
    with OutletWeb(tmp / "web") as web:
        config = web.render_config(db, tmp / "storywatch.toml")
        first = run_cli("run", "--config", config, cwd=tmp, timeout=300)
        after_1 = _members(db)
        if between is not None:
            between(db)
        web.round = 2
        second = run_cli("run", "--config", config, cwd=tmp, timeout=300)
    return Rounds((first, second), after_1, _members(db))


@pytest.fixture(scope="module")
def rounds(tmp_path_factory: pytest.TempPathFactory, run_cli: Callable[..., subprocess.CompletedProcess[str]]
           ) -> Iterator[Rounds]:
    yield _two_rounds(tmp_path_factory.mktemp("repoint"), run_cli)


@pytest.mark.slow
def test_both_rounds_finish(rounds: Rounds) -> None:
    for run in rounds.runs:
        assert run.returncode == 0, run.stderr[-2000:]


@pytest.mark.slow
def test_the_copy_stored_first_is_a_follow_up_while_it_is_the_only_copy(rounds: Rounds) -> None:
    assert [(m["source"], m["status"]) for m in rounds.after_round_1] == [("zeitung", "follow_up")]


@pytest.mark.slow
def test_the_earlier_original_arriving_later_takes_over_and_the_copy_points_at_it(rounds: Rounds) -> None:
    by_source = {m["source"]: m for m in rounds.after_round_2}
    assert set(by_source) == {"agentur", "zeitung"}
    original, copy = by_source["agentur"], by_source["zeitung"]
    assert original["status"] == "follow_up" and original["duplicate_of"] is None
    assert copy["status"] == "duplicate" and copy["duplicate_of"] == original["id"]
    assert str(original["published"]) < str(copy["published"])


# -- the same two rounds on a store whose band keys were made by the definition before (crawler.rekey) -----------

def _v1_keys(text: str) -> set[tuple[int, int]]:
    """Band keys as key version 1 made them: blake2b of each word 5-gram's UTF-8."""
    tokens = words(text)
    grams = ({" ".join(tokens[i:i + 5]) for i in range(len(tokens) - 4)} if len(tokens) >= 5
             else {" ".join(tokens)})
    shingles = frozenset(int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big") for g in grams)
    return set(dedup.band_keys(dedup.signature(shingles)))


def _age_keys(db: Path) -> None:
    """Make the store look written by a version whose keys were version 1 (and recorded no version)."""
    conn = sqlite3.connect(db)
    try:
        with conn:
            texts = conn.execute("SELECT id, text FROM articles").fetchall()
            conn.execute("DELETE FROM article_bands")
            conn.executemany("INSERT INTO article_bands (band, bucket, article_id) VALUES (?, ?, ?)",
                             [(band, bucket, i) for i, text in texts for band, bucket in _v1_keys(text)])
            conn.execute("DELETE FROM index_versions")
    finally:
        conn.close()


def _keys(db: Path) -> tuple[dict[int, set[tuple[int, int]]], dict[int, str], list[tuple[object, ...]]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        keys: dict[int, set[tuple[int, int]]] = {}
        for band, bucket, article_id in conn.execute("SELECT band, bucket, article_id FROM article_bands"):
            keys.setdefault(article_id, set()).add((band, bucket))
        return keys, dict(conn.execute("SELECT id, text FROM articles")), conn.execute(
            "SELECT name, version FROM index_versions").fetchall()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def upgraded(tmp_path_factory: pytest.TempPathFactory, run_cli: Callable[..., subprocess.CompletedProcess[str]]
             ) -> Iterator[Rounds]:
    yield _two_rounds(tmp_path_factory.mktemp("rekey"), run_cli, between=_age_keys)


@pytest.mark.slow
def test_keys_of_the_definition_before_are_made_again_so_a_copy_stored_then_is_still_found(
        upgraded: Rounds) -> None:
    for run in upgraded.runs:
        assert run.returncode == 0, run.stderr[-2000:]
    by_source = {m["source"]: m for m in upgraded.after_round_2}
    original, copy = by_source["agentur"], by_source["zeitung"]
    assert copy["status"] == "duplicate" and copy["duplicate_of"] == original["id"]


def test_rekey_makes_every_key_with_this_definition_once(tmp_path: Path) -> None:
    db_path = tmp_path / "storywatch.db"
    store = Store(open_database(db_path))
    texts = {1: " ".join(PARAGRAPHS), 2: " ".join((ADDED, *PARAGRAPHS[:3])), 3: "Drei kurze Wörter"}
    with store.transaction():
        for i, text in texts.items():
            store.db.execute("INSERT INTO articles (id, url, canonical_url, source, text, content_hash, first_seen, "
                             "last_seen, version) VALUES (?, ?, ?, 's', ?, 'h', 't', 't', 1)",
                             [i, f"http://x/{i}", f"http://x/{i}", text])
            dedup_index.index_article(store.db, i, _v1_keys(text))
        dedup_index.stage_article(store.db, 1, _v1_keys(texts[1]))  # left staged by a run that died
    assert rekey_if_needed(store) == 3
    keys, stored, versions = _keys(db_path)
    assert keys == {i: set(dedup.text_keys(t)) for i, t in stored.items()}
    assert all(keys[i].isdisjoint(_v1_keys(t)) for i, t in stored.items())  # the definitions differ
    assert versions == [("article_bands", dedup.KEY_VERSION)]
    assert store.db.execute("SELECT count(*) FROM article_bands_staged").fetchone()[0] == 0
    assert rekey_if_needed(store) == 0  # recorded: not again
