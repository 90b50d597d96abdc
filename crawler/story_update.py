"""Bring a story's rows up to date at the end of a run: decide its candidates and members again from the store
(crawler.membership), then write what changed in one transaction.

* A candidate that reaches the threshold joins (status `follow_up`, or `duplicate` of the earliest-published copy of
  its text); one that does not stays in `story_candidates` with its score and why.
* A member that no longer reaches it leaves: its `story_articles` row goes, `story_departures` records when, with
  what score and why, and it waits among the candidates again (a later run may take it back).
* Copies of one text among the members are grouped; the earliest-published copy is the original (a seed is always
  the original of its copies), whatever order the copies arrived in.
* `new_sentences` of a follow-up are the sentences no earlier-published story text (seed files first) had.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping
from datetime import datetime
from itertools import chain
from typing import Any

import numpy as np

from config.model import Story
from crawler import dedup
from crawler.decision_inputs import MAX_CONTEXT
from crawler.matching import term_weights
from crawler.membership import CANDIDATE, CONTEXT, SEED, Decision, Documents, Verdict, decide
from crawler.stats import RunStats
from crawler.textstats import sentences, words
from storage import dedup_index
from storage import membership as stored
from storage.store import Store

logger = logging.getLogger(__name__)


def update_story(store: Store, story: Story, seed_files: list[tuple[str, str]], *, run_id: int, stats: RunStats,
                 now: str) -> Decision | None:
    """Decide one story again and write the changes (inside the caller's transaction); None when it has nothing
    to decide."""
    db = store.db
    rows = stored.population(db, story.id)
    if not rows:
        return None
    dedup_index.merge_staged(db)  # the near-duplicate pairs are read from the index (a crawl merged them already)
    seed_rows = stored.seed_articles(db, story.id)
    has_seeds = bool(seed_files or seed_rows)
    context_rows = stored.context(db, story.id, MAX_CONTEXT) if has_seeds else []
    documents = Documents()
    for title, text in seed_files:
        documents.add(SEED, "seed-file:" + hashlib.sha1(f"{title}\n{text}".encode()).hexdigest(), None,
                      term_weights(title, text))
    _add(store, documents, [(SEED, r) for r in seed_rows] + [(CANDIDATE, r) for r in rows]
         + [(CONTEXT, r) for r in context_rows])
    decision = decide(documents, threshold=story.min_similarity)
    by_id = {r["article_id"]: r for r in rows}
    originals = _originals(store, decision.members(), seed_rows, by_id)
    _write(store, story, decision, rows, originals, seed_files, seed_rows, run_id=run_id, stats=stats, now=now)
    return decision


def _add(store: Store, documents: Documents, rows: list[tuple[int, dict[str, Any]]]) -> None:
    """The articles' term weights into `documents`: from the cache when computed from the same text, else computed
    (and cached for the next decision)."""
    wanted = {r["article_id"]: (role, r) for role, r in rows}
    for article_id, digest, terms, weights in stored.cached_terms(store.db, wanted):
        role, row = wanted[article_id]
        if digest == row["content_hash"]:
            documents.add_terms(role, row["canonical_url"], article_id, terms, weights)
            del wanted[article_id]
    fresh = []
    for article_id, (title, text) in stored.texts(store.db, wanted).items():
        role, row = wanted[article_id]
        weights = term_weights(title, text)
        documents.add(role, row["canonical_url"], article_id, weights)
        fresh.append((article_id, row["content_hash"] or "", weights))
    stored.save_term_weights(store.db, fresh)


def _order_key(row: Mapping[str, Any]) -> tuple[datetime, str]:
    """Earliest publication first, compared as instants across time zones (unknown dates: when it was stored);
    ties by canonical URL, never by arrival."""
    return dedup.instant(row.get("published") or row.get("stored_at") or ""), row.get("canonical_url") or ""


def _originals(store: Store, members: set[int], seed_rows: list[dict[str, Any]],
               by_id: dict[int, dict[str, Any]]) -> dict[int, int]:
    """Member -> the original of its text (itself when it has no copy among the members and seeds)."""
    seeds = {r["article_id"]: r for r in seed_rows}
    ids = members | seeds.keys()
    pairs = stored.copy_candidates(store.db, ids)
    if not pairs:
        return {m: m for m in members}
    involved = {a for pair in pairs for a in pair}
    texts = stored.texts(store.db, involved)
    shingles = {a: dedup.shingles(texts[a][1]) for a in involved if a in texts}
    parent = {a: a for a in ids}

    def root(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for a, b in sorted(pairs):
        if a in shingles and b in shingles and (texts[a][1] == texts[b][1]
                                                or dedup.is_near_duplicate(shingles[a], shingles[b])):
            parent[root(a)] = root(b)
    groups: dict[int, list[int]] = {}
    for a in ids:
        groups.setdefault(root(a), []).append(a)
    out = {}
    for group in groups.values():
        in_seeds = sorted((_order_key(seeds[a]), a) for a in group if a in seeds)
        original = in_seeds[0][1] if in_seeds else min(group, key=lambda a: _order_key(by_id[a]))
        for a in group:
            if a in members:
                out[a] = original
    return out


def _write(store: Store, story: Story, decision: Decision, rows: list[dict[str, Any]], originals: dict[int, int],
           seed_files: list[tuple[str, str]], seed_rows: list[dict[str, Any]], *, run_id: int, stats: RunStats,
           now: str) -> None:
    threshold = story.min_similarity
    profile = decision.profile()
    wanted: dict[int, tuple[str, int | None]] = {
        a: ("follow_up", None) if original == a else ("duplicate", original) for a, original in originals.items()}
    # Rows that become follow-ups need their new sentences: the texts of the story's originals.
    becoming_follow_up = [r for r in rows if wanted.get(r["article_id"], ("", None))[0] == "follow_up"
                          and r["status"] != "follow_up"]
    fresh_sentences = _new_sentences(store, story, {r["article_id"] for r in becoming_follow_up}, wanted, rows,
                                     seed_files, seed_rows) if becoming_follow_up else {}
    repointed = set()
    for row in rows:
        article_id = row["article_id"]
        verdict = decision.verdicts[article_id]
        reason = _reason(verdict, threshold, profile)
        old = _old_reason(row)
        matched = json.loads(row["matched_terms"]) if row["matched_terms"] else old.get("matched_terms")
        if matched is not None:
            reason["matched_terms"] = matched
        score = round(verdict.score, 4)
        status, duplicate_of = wanted.get(article_id, (None, None))
        if status is None and row["status"] is None:  # stays a candidate
            store.candidate_decided(story.id, article_id, score=score, similarity=round(verdict.similarity, 6),
                                    reason=reason, now=now)
            if row["candidate_run"] == run_id:
                stats.near_miss(story.id, score, row["canonical_url"])
                stats.drop("below_threshold")
            continue
        if status is None:  # leaves the story
            stored.leave(store.db, story.id, article_id, row=row, left_at=now, run_id=run_id, score=score,
                         reason=reason)
            store.candidate_decided(story.id, article_id, score=score, similarity=round(verdict.similarity, 6),
                                    reason=reason, now=now, run_id=run_id)
            stats.inc("left")
            stats.stories[story.id]["left"] += 1
            logger.info("left story %(story)s (score %(score).3f): %(url)s",
                        {"story": story.id, "score": score, "url": row["canonical_url"]})
            continue
        if duplicate_of is not None:
            reason["duplicate_of"] = duplicate_of
        if row["status"] is None:  # joins
            store.set_membership(story.id, article_id, status=status, duplicate_of=duplicate_of, score=score,
                                 run_id=run_id, now=now, reason=reason,
                                 new_sentences=fresh_sentences.get(article_id) if status == "follow_up" else None)
            store.drop_candidate(story.id, article_id)
            stats.inc("matched")
            stats.inc("new" if status == "follow_up" else "duplicates")
            stats.stories[story.id][status] += 1
            continue
        if (status, duplicate_of, score) == (row["status"], row["duplicate_of"], row["score"]) and old == reason:
            continue  # nothing changed
        if status != row["status"] or duplicate_of != row["duplicate_of"]:
            if status == "duplicate":
                stats.inc("duplicates")
                if row["status"] == "follow_up":
                    repointed.add(duplicate_of)
            else:
                stats.inc("new")
        sentences_now = (fresh_sentences.get(article_id) if status == "follow_up" and row["status"] != "follow_up"
                         else _split(row["new_sentences"]) if status == "follow_up" else None)
        store.set_membership(story.id, article_id, status=status, duplicate_of=duplicate_of, score=score,
                             run_id=run_id, now=now, reason=reason, new_sentences=sentences_now)
    stats.stories[story.id]["repointed"] += len(repointed)


def _reason(verdict: Verdict, threshold: float, profile: dict) -> dict:
    reason = verdict.reason()
    reason["threshold"] = threshold
    reason["profile"] = profile
    return reason


def _old_reason(row: Mapping[str, Any]) -> dict:
    try:
        return json.loads(row["reason"]) if row["reason"] else {}
    except ValueError:
        return {}


def _split(value: str | None) -> list[str] | None:
    return value.split("\n") if value else ([] if value == "" else None)


def _new_sentences(store: Store, story: Story, wanted_ids: set[int], wanted: dict[int, tuple[str, int | None]],
                   rows: list[dict[str, Any]], seed_files: list[tuple[str, str]],
                   seed_rows: list[dict[str, Any]]) -> dict[int, list[str]]:
    """The new sentences of these follow-ups: sentences that no story text published before them had (the seed files
    count as earliest; copies of a text count through their original)."""
    originals = [r for r in rows if wanted.get(r["article_id"], ("", None))[0] == "follow_up"]
    ordered = sorted([*seed_rows, *originals], key=_order_key)
    last = max(i for i, r in enumerate(ordered) if r["article_id"] in wanted_ids)
    ordered = ordered[:last + 1]
    texts = stored.texts(store.db, {r["article_id"] for r in ordered})
    # Every trigram of every text as a hash with the position of its text (seed files first, -1), then each trigram's
    # first position: a trigram of a follow-up is old when a text before it had it. Arrays, not a set of trigrams:
    # a story of thousands of articles has hundreds of thousands of them (5000 pages: 40 MB less at the peak).
    hashes: list[np.ndarray] = []
    positions: list[np.ndarray] = []
    # per follow-up: its position, its sentences that have trigrams, and their trigrams' hashes one sentence after
    # the other with where each sentence's begin
    wanted_sentences: dict[int, tuple[int, list[str], np.ndarray, np.ndarray]] = {}

    def read(text: str, position: int) -> tuple[list[str], np.ndarray, np.ndarray]:
        kept, flat, starts = sentence_trigrams(text)
        if len(flat):
            every = np.unique(flat)
            hashes.append(every)
            positions.append(np.full(len(every), position, dtype=np.int32))
        return kept, flat, starts

    for _, text in seed_files:
        read(text, -1)
    for position, r in enumerate(ordered):
        kept, flat, starts = read(texts.pop(r["article_id"], ("", ""))[1], position)
        if r["article_id"] in wanted_ids:
            wanted_sentences[r["article_id"]] = (position, kept, flat, starts)
    if not hashes:
        return {a: [] for a in wanted_sentences}
    every = np.concatenate(hashes)
    at = np.concatenate(positions)
    hashes.clear()
    positions.clear()
    order = np.lexsort((at, every))
    known, first = np.unique(every[order], return_index=True)
    first_at = at[order][first]
    del every, at, order, first
    out: dict[int, list[str]] = {}
    for article_id, (position, kept, flat, starts) in wanted_sentences.items():
        if not kept:
            out[article_id] = []
            continue
        seen = np.add.reduceat((first_at[np.searchsorted(known, flat)] < position).astype(np.int64), starts)
        lengths = np.diff(np.append(starts, len(flat)))
        out[article_id] = [s for s, n, k in zip(kept, seen, lengths, strict=True) if n / k < dedup.SENTENCE_SEEN]
    return out


# Word trigrams as 64-bit hashes: the words' own hashes mixed by odd multipliers (a tuple of strings hashes alike
# throughout one process; so do these, as long as the arrays live). A sentence of fewer than three words is its one
# shorter "trigram": the missing places hold hashes of their own, so it never equals a trigram of three words.
# 64-bit hashes of distinct trigrams collide too rarely to matter.
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F], dtype=np.uint64)
_PAD = np.array([0, 0x165667B19E3779F9, 0x27D4EB2F165667C5], dtype=np.uint64)  # place 1 and 2 of a short sentence
_EMPTY = np.zeros(0, dtype=np.int64)


def sentence_trigrams(text: str) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The sentences of a text that have words (in order, a repeated sentence once), with each one's distinct word
    trigrams (dedup's: words of one sentence, casefolded) as hashes, one sentence's after the other's, and where
    each sentence's hashes begin. Arrays in one pass over the text: no Python object per trigram."""
    kept, tokens = [], []
    for sentence in dict.fromkeys(sentences(text)):
        sentence_words = words(sentence)
        if sentence_words:
            kept.append(sentence)
            tokens.append(sentence_words)
    if not kept:
        return [], _EMPTY, _EMPTY
    lengths = np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens))
    word_hashes = np.fromiter(map(hash, chain.from_iterable(tokens)), dtype=np.int64,
                              count=int(lengths.sum())).view(np.uint64)
    # Each sentence padded to three places; a window of three places starts at each place but its last two.
    places = np.maximum(lengths, 3)
    begins = np.zeros(len(kept), dtype=np.int64)
    np.cumsum(places[:-1], out=begins[1:])
    sentence_of = np.repeat(np.arange(len(kept)), places)
    place = np.arange(len(sentence_of)) - begins[sentence_of]
    padded = _PAD[np.minimum(place, 2)]
    padded[place < lengths[sentence_of]] = word_hashes
    starts_window = place <= places[sentence_of] - 3
    first = np.flatnonzero(starts_window)
    grams = (padded[first] * _MIX[0] + padded[first + 1]) * _MIX[1] + padded[first + 2]
    owner = sentence_of[first]
    # Distinct trigrams per sentence: sorted by (sentence, hash), the first of each run.
    order = np.lexsort((grams, owner))
    grams, owner = grams[order], owner[order]
    fresh = np.ones(len(grams), dtype=bool)
    fresh[1:] = (grams[1:] != grams[:-1]) | (owner[1:] != owner[:-1])
    flat = grams[fresh].view(np.int64)
    starts = np.zeros(len(kept), dtype=np.int64)
    np.cumsum(np.bincount(owner[fresh], minlength=len(kept))[:-1], out=starts[1:])
    return kept, flat, starts
