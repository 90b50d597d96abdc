"""The end-of-run decision on a real SQLite store (crawler.story_update): what it writes, what it records when an
article leaves a story, and that the same stored articles give the same rows whatever order they were stored in."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from test_matching import FOLLOW_UP_DENIAL, FOLLOW_UP_EXILE, NEG_BASES, NEG_REFUGEES, SEED_1, SEED_2

from config.model import Story
from config.query import WordSet, parse_query
from crawler import dedup
from crawler.matching import term_weights
from crawler.stats import RunStats
from crawler.story_update import sentence_trigrams, update_story
from storage import dedup_index
from storage import membership as stored
from storage.db import open_database
from storage.store import Store

STORY = "assad"
QUERY = "Assad* AND (Putin OR Kreml* OR Moskau)"
# A wire copy of the denial: another headline, the same text; published an hour before the denial itself.
COPY = ("Moskau: Keine Wartezeit für Assad", FOLLOW_UP_DENIAL[1])
PAGES = {  # address -> (title, text, published)
    "/denial": (*FOLLOW_UP_DENIAL, "2025-01-10T12:00:00+01:00"),
    "/exile": (*FOLLOW_UP_EXILE, "2025-01-12T09:00:00+01:00"),
    "/bases": (*NEG_BASES, "2025-01-11T08:00:00+01:00"),
    "/refugees": (*NEG_REFUGEES, "2025-01-11T18:00:00+01:00"),
    "/copy": (*COPY, "2025-01-10T11:00:00+01:00"),
}


def _story(min_similarity: float = 0.82) -> Story:
    return Story(id=STORY, title="Assad und Putin", query_text=QUERY, query=parse_query(QUERY),
                 min_similarity=min_similarity)


def _store(path: Path, order: list[str]) -> Store:
    """A store holding the pages in `order`, as the crawl leaves them: article rows, bands, candidate rows."""
    store = Store(open_database(path))
    run_id = store.start_run(None, 0)
    query = parse_query(QUERY)
    with store.transaction():
        for address in order:
            title, text, published = PAGES[address]
            url = f"http://example.invalid{address}"
            digest = f"hash{address}"
            article_id = store.insert_article({"url": url, "canonical_url": url, "source": "x", "title": title,
                                               "text": text, "content_hash": digest, "published": published},
                                              "2025-01-13T00:00:00Z")
            dedup_index.index_article(store.db, article_id, dedup.band_keys(dedup.signature(dedup.shingles(text))))
            words = WordSet.from_text(f"{title}\n{text}")
            assert query.matches(words), address
            stored.save_term_weights(store.db, [(article_id, digest, term_weights(title, text))])
            store.set_candidate(STORY, article_id, similarity=0.0, run_id=run_id, now="2025-01-13T00:00:00Z",
                                matched_terms=query.matched_terms(words))
    return store


def _decide(store: Store, story: Story | None = None, stats: RunStats | None = None) -> RunStats:
    stats = stats or RunStats([])
    run_id = store.start_run(None, 0)
    with store.transaction():
        update_story(store, story or _story(), [SEED_1, SEED_2], run_id=run_id, stats=stats,
                     now=f"2025-01-13T0{run_id}:00:00Z")
    return stats


def _rows(store: Store, sql: str) -> list[dict]:
    cur = store.db.execute(sql)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def _members(store: Store) -> dict[str, tuple[str, str | None, float]]:
    return {r["url"]: (r["status"], r["original"], r["score"]) for r in _rows(
        store, "SELECT a.canonical_url AS url, sa.status, d.canonical_url AS original, sa.score FROM story_articles sa "
               "JOIN articles a ON a.id = sa.article_id LEFT JOIN articles d ON d.id = sa.duplicate_of")}


def test_the_follow_ups_join_and_the_copy_points_at_the_earlier_published_copy(tmp_path: Path) -> None:
    store = _store(tmp_path / "a.db", list(PAGES))
    stats = _decide(store)
    members = _members(store)
    assert {u.rsplit("/", 1)[-1]: s for u, (s, _, _) in members.items()} == {
        "copy": "follow_up", "denial": "duplicate", "exile": "follow_up"}
    assert members["http://example.invalid/denial"][1] == "http://example.invalid/copy"  # published an hour earlier
    assert stats.counts["matched"] == 3 and stats.counts["new"] == 2 and stats.counts["duplicates"] == 1
    waiting = {r["url"] for r in _rows(store, "SELECT a.canonical_url AS url FROM story_candidates c "
                                              "JOIN articles a ON a.id = c.article_id")}
    assert waiting == {"http://example.invalid/bases", "http://example.invalid/refugees"}
    row = _rows(store, "SELECT reason, new_sentences FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
                       "WHERE a.canonical_url = 'http://example.invalid/exile'")[0]
    reason = json.loads(row["reason"])
    assert reason["matched_terms"] and reason["profile"]["seeds"] == 2 and reason["evidence"]["share"] >= 0.5
    # The exile report repeats a seed's sentence on Putin's advice: not new; its own statement is.
    assert "Assad schreibt nun" in row["new_sentences"]
    assert "Putin habe ihm geraten" not in row["new_sentences"]


def test_the_same_articles_stored_in_another_order_give_the_same_rows(tmp_path: Path) -> None:
    first = _store(tmp_path / "a.db", list(PAGES))
    second = _store(tmp_path / "b.db", list(reversed(PAGES)))  # other ids, the copy stored first
    _decide(first)
    _decide(second)
    assert _members(first) == _members(second)


def test_a_member_leaves_when_the_evidence_disagrees_and_comes_back_later(tmp_path: Path) -> None:
    store = _store(tmp_path / "a.db", list(PAGES))
    _decide(store, replace(_story(), min_similarity=0.5))  # a user lowers the threshold: the negatives get in
    assert len(_members(store)) == 5
    stats = _decide(store)  # and raises it again: they leave
    assert stats.counts["left"] == 2 and stats.stories[STORY]["left"] == 2
    departures = _rows(store, "SELECT a.canonical_url AS url, d.status, d.score, d.reason, d.left_at, d.joined_at "
                              "FROM story_departures d JOIN articles a ON a.id = d.article_id")
    assert {d["url"] for d in departures} == {"http://example.invalid/bases", "http://example.invalid/refugees"}
    for d in departures:
        assert d["status"] == "follow_up" and d["score"] < 0.82 and d["left_at"] > d["joined_at"]
        assert json.loads(d["reason"])["score"] == pytest.approx(d["score"])
    timeline = {r["url"]: (r["status"], r["left_at"]) for r in _rows(
        store, f"SELECT canonical_url AS url, status, left_at FROM story_timeline_all WHERE story = '{STORY}'")}
    assert timeline["http://example.invalid/bases"][0] == "left" and timeline["http://example.invalid/bases"][1]
    assert timeline["http://example.invalid/exile"] == ("follow_up", None)
    assert "http://example.invalid/bases" not in {r["url"] for r in _rows(
        store, "SELECT canonical_url AS url FROM story_timeline")}
    waiting = _rows(store, "SELECT a.canonical_url AS url, c.score, c.reason FROM story_candidates c "
                           "JOIN articles a ON a.id = c.article_id")
    assert {w["url"] for w in waiting} == {"http://example.invalid/bases", "http://example.invalid/refugees"}
    assert all(json.loads(w["reason"])["matched_terms"] for w in waiting)
    # Lowered again: they come back, and the departures stay on record.
    _decide(store, replace(_story(), min_similarity=0.5))
    assert len(_members(store)) == 5
    assert len(stored.departures(store.db, STORY)) == 2
    assert {r["status"] for r in _rows(store, "SELECT status FROM story_timeline_all")} == {"follow_up", "duplicate"}


def test_a_run_that_changes_nothing_rewrites_no_member(tmp_path: Path) -> None:
    store = _store(tmp_path / "a.db", list(PAGES))
    _decide(store)
    before = _rows(store, "SELECT * FROM story_articles ORDER BY article_id")
    stats = _decide(store)
    assert _rows(store, "SELECT * FROM story_articles ORDER BY article_id") == before
    assert stats.counts["matched"] == stats.counts["new"] == stats.counts["left"] == 0


def test_a_story_without_seeds_takes_every_page_its_query_matched(tmp_path: Path) -> None:
    store = _store(tmp_path / "a.db", list(PAGES))
    run_id = store.start_run(None, 0)
    with store.transaction():
        update_story(store, _story(), [], run_id=run_id, stats=RunStats([]), now="2025-01-13T05:00:00Z")
    members = _members(store)
    assert len(members) == len(PAGES)
    assert members["http://example.invalid/denial"][:2] == ("duplicate", "http://example.invalid/copy")


def test_a_seed_article_stored_during_the_run_joins_the_crawl_profile_once(tmp_path: Path) -> None:
    from crawler.items import Candidate, Extracted
    from crawler.process import ArticleProcessor, FetchedArticle

    store = Store(open_database(tmp_path / "a.db"))
    processor = ArticleProcessor(store, [_story()], store.start_run(None, 0), RunStats([]), {STORY: [SEED_1]})
    url = "http://example.invalid/seed"
    seed = FetchedArticle(url, url, Candidate(url, "x", "seed"),
                          Extracted(url, url, SEED_2[0], None, None, "de", None, None, SEED_2[1]), seed_of=(STORY,))
    assert processor.process(seed).memberships == {STORY: "seed"}
    assert len(processor.profile(_story())) == 2  # the seed file and the seed article, each once


def test_each_follow_up_keeps_the_sentences_no_earlier_story_text_had(tmp_path: Path) -> None:
    """The decision's new sentences (hashed trigrams in arrays, for memory) say what dedup.new_sentences says of
    the follow-up against the seed files and every story text published before it."""
    store = _store(tmp_path / "a.db", list(PAGES))
    _decide(store)
    rows = _rows(store, "SELECT a.canonical_url AS url, a.text, a.published, sa.new_sentences FROM story_articles sa "
                        "JOIN articles a ON a.id = sa.article_id WHERE sa.status = 'follow_up' ORDER BY a.published")
    assert len(rows) == 2
    for i, row in enumerate(rows):
        earlier = [SEED_1[1], SEED_2[1]] + [r["text"] for r in rows[:i]]
        expected = dedup.new_sentences(row["text"], earlier)
        assert row["new_sentences"].split("\n") == expected, row["url"]
    assert len(rows[1]["new_sentences"].split("\n")) < len(dedup.sentences(rows[1]["text"]))  # something was old


# Sentences of one, two and three words, a repeated sentence, one without words, ordinals and an abbreviation;
# neighbouring sentences with a trigram in common (each keeps it).
_SHORT_TEXT = ("Ja. Nein! Ja. So sei es. – … Am 3. Oktober ging es los, sagt Dr. Meier. Drei Wörter hier.\n"
               "Nein! Kurz gesagt: es bleibt dabei. Eins zwei drei. Eins zwei drei vier. Eins zwei drei!")


@pytest.mark.parametrize("text", [_SHORT_TEXT, "", "… – …", *(f"{t}\n{x}" for t, x, _ in PAGES.values())])
def test_sentence_trigrams_are_dedups_trigrams_per_sentence_as_hashes(text: str) -> None:
    """The arrays of the decision's new sentences hold, per sentence that has words (in order, a repeat once),
    exactly its distinct word trigrams (dedup's: one- and two-word sentences are one shorter 'trigram')."""
    kept, flat, starts = sentence_trigrams(text)
    expected = {s: dedup._trigrams(dedup.words(s)) for s in dedup.sentences(text)}
    expected = {s: grams for s, grams in expected.items() if grams}
    assert kept == list(expected)
    assert len(starts) == len(kept)
    ends = [*starts[1:], len(flat)][:len(kept)]
    assert [int(b - a) for a, b in zip(starts, ends, strict=True)] == [len(g) for g in expected.values()]
    for a, b in zip(starts, ends, strict=True):
        assert len(set(flat[a:b].tolist())) == b - a  # distinct within its sentence


def test_shared_trigram_hashes_are_shared_trigrams() -> None:
    """Two texts share as many trigram hashes per sentence as they share trigrams: what makes a sentence old."""
    texts = [_SHORT_TEXT, *(f"{t}\n{x}" for t, x, _ in PAGES.values()), SEED_1[1], SEED_2[1]]
    # an edited copy: every other sentence, a word in each third one replaced
    edited = [" ".join(s.split()[:-1] + ["Zusatzwort."]) if i % 3 == 0 else s
              for i, s in enumerate(dedup.sentences(FOLLOW_UP_DENIAL[1])) if i % 2 == 0]
    texts.append(" ".join(edited))
    compared = 0
    for earlier in texts:
        seen_hashes = set(sentence_trigrams(earlier)[1].tolist())
        seen = set().union(*(dedup._trigrams(dedup.words(s)) for s in dedup.sentences(earlier)))
        for text in texts:
            kept, flat, starts = sentence_trigrams(text)
            ends = [*starts[1:], len(flat)]
            for sentence, a, b in zip(kept, starts, ends, strict=True):
                shared = sum(1 for g in dedup._trigrams(dedup.words(sentence)) if g in seen)
                assert sum(1 for h in flat[a:b].tolist() if h in seen_hashes) == shared, (sentence, earlier[:40])
                compared += 0 < shared < b - a
    assert compared > 10  # sentences partly old were among them
