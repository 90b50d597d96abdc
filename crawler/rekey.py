"""Band keys of another definition computed again: before a crawl stores anything, every stored article's keys are
made with this code's definition (crawler.dedup.KEY_VERSION) when the store records another one, or none (keys
written before the record).  Keys of two definitions never match, so a copy stored now would not be found as the
copy of an article stored before.

The texts are read in id order, a chunk a transaction (the log stays small); the keys are staged and merged into
the index in key order at the end, with the new version.  A run that dies midway leaves the old version recorded,
and the next run starts again from the first article.
"""

from __future__ import annotations

import logging
import time

from crawler import dedup
from storage import dedup_index
from storage.store import Store

logger = logging.getLogger(__name__)

CHUNK = 1000


def rekey_if_needed(store: Store) -> int:
    """Recompute the stored articles' band keys when they were made with another definition; how many articles."""
    db = store.db
    if dedup_index.key_version(db) == dedup.KEY_VERSION:
        return 0
    started = time.perf_counter()
    done = after = 0
    with store.transaction():
        dedup_index.forget_all(db)
    while rows := dedup_index.texts_after(db, after, CHUNK):
        with store.transaction():
            for article_id, text in rows:
                dedup_index.stage_article(db, article_id, dedup.text_keys(text))
        after = rows[-1][0]
        done += len(rows)
    with store.transaction():
        dedup_index.merge_staged(db)
        dedup_index.set_key_version(db, dedup.KEY_VERSION)
    if done:
        logger.info("the near-duplicate keys of %(n)d stored articles were computed again (key version %(v)d), once: "
                    "%(s).1f s", {"n": done, "v": dedup.KEY_VERSION, "s": time.perf_counter() - started})
    return done
