"""At the end of a crawl: the stored texts that may hold boilerplate lines their site learned lose those lines.

The store-side half of crawler.site_boilerplate (which decides what may go, and runs in the extraction workers
too; this module keeps the store out of them). A site's articles are read in chunks in id order, so a site with a
hundred thousand stored articles costs no more memory than one with a hundred.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlite_utils import Database

from crawler import dedup
from crawler.frame import Frame
from crawler.site_boilerplate import drop_learned
from crawler.urls import host_of
from storage import boilerplate, dedup_index
from storage.store import utcnow

logger = logging.getLogger(__name__)

CHUNK = 200  # stored articles read at a time


@dataclass(frozen=True)
class Recleaned:
    """What a re-clean did: sites cleaned and articles whose stored text lost learned lines."""

    sites: int = 0
    articles: int = 0


def reclean_learned(db: Database) -> Recleaned:
    """Clean the stored texts that may hold lines their site learned since its last re-clean.

    Those are the articles noted in `reclean_pending` as they were stored (storage.boilerplate.record_paragraphs):
    in a crawl of thousands of pages, a few dozen. A site that learned a line whose first article is not known
    (counted before articles were noted) is read whole, one transaction per site; the noted articles follow in one
    more. The article keeps its version (a re-clean is no change of the article); its text, content hash,
    near-duplicate bands and full-text index are updated together.
    """
    sites = articles = 0
    learned: dict[str, frozenset[str]] = {}
    whole = boilerplate.sites_to_read_whole(db)
    for site in whole:
        started = utcnow()
        learned[site] = boilerplate.learned_hashes(db, site)
        with db.atomic():
            last = 0
            while rows := list(boilerplate.site_articles(db, site, after=last, limit=CHUNK)):
                last = rows[-1]["id"]
                for row in rows:
                    if _reclean(db, row, learned[site], site):
                        articles += 1
            boilerplate.mark_recleaned(db, site, started)
        sites += 1
    started = utcnow()
    to_mark = [site for site in boilerplate.sites_to_reclean(db) if site not in learned]
    with db.atomic():
        last = 0
        while rows := boilerplate.pending_articles(db, after=last, limit=CHUNK):
            last = rows[-1]["id"]
            for row in rows:
                site = boilerplate.site_of(host_of(row["canonical_url"] or ""))  # as process() counted it
                if site in whole:
                    continue  # read whole above
                if site not in learned:
                    learned[site] = boilerplate.learned_hashes(db, site)
                if _reclean(db, row, learned[site], site):
                    articles += 1
        boilerplate.clear_pending(db)  # in the same transaction: no note is added meanwhile
        for site in to_mark:
            boilerplate.mark_recleaned(db, site, started)
    return Recleaned(sites + len(to_mark), articles)


def _reclean(db: Database, row: dict, learned: frozenset[str], site: str) -> bool:
    lines = (row["text"] or "").split("\n")
    host = urlsplit(row["canonical_url"] or "").hostname
    kept, gone = drop_learned(lines, learned, Frame.of((), (row["site_name"],), (host,)))
    if not gone:
        return False
    cleaned = "\n".join(kept)
    boilerplate.replace_text(db, row["id"], cleaned, dedup.content_hash(cleaned))
    dedup_index.unindex_article(db, row["id"])
    dedup_index.index_article(db, row["id"], dedup.text_keys(cleaned))
    logger.debug("re-cleaned article %s of %s: %d learned lines", row["id"], site, len(gone))
    return True
