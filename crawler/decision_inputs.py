"""Decide a story at the end of a run only when something it is decided on changed since its last decision.

The decision (crawler.story_update) is a function of what is stored: the story's candidates and members with their
texts and rows, its seed articles and seed files, the context articles, its threshold, and the code. Deciding again
on the same inputs writes nothing new (tests/test_story_update.py), yet every run did it: on a story of 10,000
candidates about 5 s, and loading scipy (about 0.25 CPU s) for it in every run, while most runs of a monitor (cron,
every quarter of an hour) store nothing new at all. So each decision records a digest of its inputs as it left them
(`story_decisions`), and a run whose digest is the same skips the story: not a threshold or a guess, the same inputs
give the same verdicts. Any stored article added, changed or re-cleaned, any row another step wrote, a seed file
edited, the threshold changed, or another version of the code (its source files are part of the digest) decides the
story again.
"""

from __future__ import annotations

import functools
import hashlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from config.model import Story
from crawler import __version__
from crawler.stats import RunStats
from storage import membership as stored
from storage.store import Store

if TYPE_CHECKING:
    from crawler.membership import Decision

logger = logging.getLogger(__name__)

# The context: the newest stored articles outside the story join the graph, so that a page on another matter sits
# among its own kind. A bound keeps the decision's cost flat as the store grows.
MAX_CONTEXT = 500
# The packages whose code the decision runs: any change to their source decides every story again once.
_PACKAGES = ("config", "crawler", "storage")


@functools.cache
def code_digest() -> bytes:
    """A digest of the version and the source of the packages the decision runs (read once per process)."""
    return source_digest(Path(__file__).resolve().parents[1])


def source_digest(root: Path) -> bytes:
    """A digest of the version and of the .py files of _PACKAGES under `root`, by path."""
    h = hashlib.blake2b(__version__.encode(), digest_size=16)
    for package in _PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            h.update(path.relative_to(root).as_posix().encode())
            h.update(path.read_bytes())
    return h.digest()


def inputs(store: Store, story: Story, seed_files: list[tuple[str, str]]) -> str:
    """The digest of everything the story's decision reads and of the code that reads it."""
    h = hashlib.blake2b(code_digest(), digest_size=16)
    h.update(repr((story.id, story.min_similarity)).encode())
    for title, text in seed_files:
        h.update(repr(("seed file", title, text)).encode())
    seed_rows = stored.seed_articles(store.db, story.id)
    context = MAX_CONTEXT if seed_files or seed_rows else 0  # as update_story: a story without seeds reads none
    for row in stored.decision_rows(store.db, story.id, seed_rows, context):
        h.update(repr(row).encode())
    return h.hexdigest()


def decide_if_changed(store: Store, story: Story, seed_files: list[tuple[str, str]], *, run_id: int,
                      stats: RunStats, now: str, changed: bool = False) -> Decision | None:
    """Decide the story again (crawler.story_update.update_story) unless nothing it is decided on changed since its
    last decision; then record what it was decided on. Inside the caller's transaction. None when it was not decided
    (nothing changed, or nothing to decide). `changed`: the caller knows the inputs changed (it stored a candidate of
    the story): the digest before is not needed to tell."""
    if not changed and inputs(store, story, seed_files) == stored.last_decision(store.db, story.id):
        logger.info("story %s: nothing it is decided on changed since its last decision; not decided again", story.id)
        stats.inc("decisions_skipped")
        return None
    from crawler.story_update import update_story  # scipy, loaded only when a story is decided

    decision = update_story(store, story, seed_files, run_id=run_id, stats=stats, now=now)
    stored.record_decision(store.db, story.id, inputs(store, story, seed_files), run_id=run_id, now=now)
    return decision
