"""After extraction: store the article and note per story whether it is a seed or a candidate; at the end of the run
decide every story's membership from the store (crawler.story_update).

Plain code over plain data: the spider hands over a `FetchedArticle`, this module does the rest in one
transaction per article.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from config.model import Story
from crawler import dedup, reclean, site_boilerplate
from crawler.extract import extract_page
from crawler.features import TextFeatures, text_features
from crawler.items import Candidate, Extracted
from crawler.matching import StoryDoc, StoryProfile
from crawler.stats import RunStats
from crawler.urls import host_of, normalize_url, same_site
from storage import boilerplate, dedup_index
from storage import membership as stored
from storage.store import Store, utcnow

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FetchedArticle:
    requested_url: str
    final_url: str
    candidate: Candidate
    extracted: Extracted
    etag: str | None = None
    last_modified: str | None = None
    seed_of: tuple[str, ...] = ()  # story ids that name this URL as a seed
    band_keys: tuple[tuple[int, int], ...] | None = None  # the text's LSH buckets, when the extraction worker made them
    features: TextFeatures | None = None  # computed by the extraction worker for every story's query, when it did


@dataclass(frozen=True)
class Outcome:
    article_id: int
    kind: str  # 'new', 'updated' or 'unchanged'
    # story -> status given in this step: 'seed', or 'candidate' for a page likely in the story (decided at the
    # end of the run; its related links are followed)
    memberships: dict[str, str] = field(default_factory=dict)

    @property
    def in_story(self) -> bool:
        return bool(self.memberships)


def canonical_for(extracted: Extracted, final_url: str) -> str:
    """The page's own canonical URL when it points into the same site, else the address it was fetched from."""
    canon = extracted.canonical_url
    if canon and same_site(canon, final_url):
        return normalize_url(canon)
    return normalize_url(final_url)


def _date_part(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


class ArticleProcessor:
    """Stores articles and decides story membership; holds one profile per story for the run."""

    def __init__(self, store: Store, stories: list[Story], run_id: int, stats: RunStats,
                 seed_texts: dict[str, list[tuple[str, str]]] | None = None,
                 decide_for: list[Story] | None = None) -> None:
        self.store = store
        # An article is matched against every story (`stories`) when it is stored, since a stored page is never
        # fetched again; only the run's stories (`decide_for`, default all) are decided at its end.
        self.stories = stories
        self.decide_for = stories if decide_for is None else decide_for
        self.run_id = run_id
        self.stats = stats
        self._seed_texts = seed_texts or {}
        self._profiles: dict[str, StoryProfile] = {}
        self._with_new_candidates: set[str] = set()  # stories this run stored a candidate of: decided for sure
        self._loading_decision = False

    # -- per-story state, loaded once a run -------------------------------------------------------------
    def profile(self, story: Story) -> StoryProfile:
        """The story's seeds (files and stored seed articles) as a profile: a page's own similarity while it is
        crawled, and whether its related links are worth following."""
        if story.id not in self._profiles:
            seeds = [StoryDoc(None, title, text) for title, text in self._seed_texts.get(story.id, [])]
            rows = stored.seed_articles(self.store.db, story.id)
            texts = stored.texts(self.store.db, [r["article_id"] for r in rows])
            seeds += [StoryDoc(a, *texts[a]) for a in sorted(texts)]
            self._profiles[story.id] = StoryProfile(seeds)
        return self._profiles[story.id]

    # -- the step ---------------------------------------------------------------------------------------
    def process(self, item: FetchedArticle) -> Outcome:
        ext = item.extracted
        canonical = canonical_for(ext, item.final_url)
        urls = {canonical, normalize_url(item.final_url), normalize_url(item.requested_url)}
        now = utcnow()
        title = ext.title or item.candidate.title
        features = item.features
        if features is None:
            features = text_features(title or "", ext.text, ext.paragraphs, {s.id: s.query for s in self.stories})
        digest = features.content_hash
        fields = {
            "url": item.final_url,
            "canonical_url": canonical,
            "source": item.candidate.source,
            "site_name": ext.source,
            "title": title,
            "author": ext.author,
            "published": ext.published or item.candidate.published,
            "language": ext.language,
            "agency": ext.agency,
            "text": ext.text,
            "content_hash": digest,
            "fetched_at": now,
            "signal": item.candidate.updated,
            "etag": item.etag,
            "last_modified": item.last_modified,
        }
        keys = (list(item.band_keys) if item.band_keys is not None
                else dedup.text_keys(ext.text))
        with self.store.transaction():
            existing = self.store.article_id_for([canonical, *sorted(urls)])
            if existing is None:
                article_id = self.store.insert_article(fields, now)
                dedup_index.stage_article(self.store.db, article_id, keys)
                if ext.paragraphs:
                    site = host_of(canonical)
                    hashes = dict(zip(features.paragraph_hashes, ext.paragraphs, strict=True))
                    boilerplate.record_paragraphs(self.store.db, site, hashes.keys(), hashes, article_id=article_id)
                kind = "new"
            else:
                article_id = existing
                old = self.store.article(article_id) or {}
                if old.get("content_hash") == digest or self._same_but_boilerplate(old, ext.text, canonical):
                    self.store.touch(article_id, now, signal=item.candidate.updated, etag=item.etag,
                                     last_modified=item.last_modified)
                    kind = "unchanged"
                else:
                    version = self.store.new_version(article_id, fields, now)
                    dedup_index.unindex_article(self.store.db, article_id)
                    dedup_index.stage_article(self.store.db, article_id, keys)
                    boilerplate.mark_pending(self.store.db, [article_id])  # its worker may not have known a line
                    self.stats.inc("updated")
                    logger.info("updated to version %(v)s: %(url)s", {"v": version, "url": canonical})
                    kind = "updated"
            self.store.add_urls(article_id, urls)
            memberships = self._memberships(article_id, fields, item, features, now)
        return Outcome(article_id, kind, memberships)

    def _same_but_boilerplate(self, old: dict, text: str, url: str) -> bool:
        """A change only in furniture (teasers, counters, promos, lines the site repeats) is no new version."""
        learned = boilerplate.learned_hashes(self.store.db, host_of(url))
        return site_boilerplate.same_but_boilerplate(old.get("text") or "", text, learned)

    def index_staged(self) -> None:
        """At the end of a crawl: the near-duplicate keys of the articles it stored go into the index, in key order
        (storage.dedup_index.merge_staged)."""
        with self.store.transaction():
            staged = dedup_index.merge_staged(self.store.db)
        logger.debug("%d near-duplicate keys merged into the index", staged)

    def reclean_learned(self) -> None:
        """At the end of a crawl: stored texts lose the lines their site learned as boilerplate during it (no new
        versions); the stories are loaded again from the cleaned texts before they are decided."""
        done = reclean.reclean_learned(self.store.db)
        self.stats.inc("recleaned", done.articles)
        if done.articles:
            self._profiles.clear()
            logger.info("re-cleaned %(n)d stored articles of %(s)d sites of learned boilerplate",
                        {"n": done.articles, "s": done.sites})

    def _memberships(self, article_id: int, fields: dict, item: FetchedArticle, features: TextFeatures,
                     now: str) -> dict[str, str]:
        given: dict[str, str] = {}
        title = fields["title"] or ""
        text = fields["text"] or ""
        weights = features.weights
        saved = False
        for story in self.stories:
            current = self.store.membership(story.id, article_id)
            if current is not None:
                continue  # in the story: decided again with the others at the end of the run
            if story.id in item.seed_of:
                profile = self.profile(story)  # loaded before the seed's row exists: it joins the profile once
                self.store.set_membership(story.id, article_id, status="seed", score=1.0, run_id=self.run_id,
                                          now=now, reason={"seed": True})
                self.store.drop_candidate(story.id, article_id)
                profile.add(StoryDoc(article_id, title, text))
                self.stats.inc("new")
                self.stats.stories[story.id]["seed"] += 1
                given[story.id] = "seed"
                continue
            reason = self._filtered(story, fields)
            if reason:
                self.stats.drop(reason)
                continue
            matched = features.matched.get(story.id)
            if matched is None:
                continue
            # A candidate: decided at the end of the run, when the store around it is known (decide()). Its term
            # weights are kept, so that no decision computes them again.
            assert weights is not None  # made whenever a query matched
            if not saved:
                stored.save_term_weights(self.store.db, [(article_id, features.content_hash, weights)])
                saved = True
            profile = self.profile(story)
            similarity = profile.similarity(weights)
            self.store.set_candidate(story.id, article_id, similarity=similarity, run_id=self.run_id, now=now,
                                     matched_terms=list(matched))
            self._candidate_stored(story)
            self.stats.inc("candidates")
            if profile.likely(similarity):
                given[story.id] = "candidate"
        return given

    def _candidate_stored(self, story: Story) -> None:
        """A new candidate of `story`: the end of the run will decide it, so the decision's modules (scipy: 0.1-0.16
        CPU s) are loaded now, on a thread, while the crawl leaves the core room; not at the end, where the decision
        runs alone on one core. Runs that store no candidate never load them."""
        if story.id in self._with_new_candidates:
            return
        self._with_new_candidates.add(story.id)
        if not self._loading_decision and any(s.id == story.id for s in self.decide_for):
            self._loading_decision = True
            threading.Thread(target=_load_the_decision, name="load-decision", daemon=True).start()

    # -- the end of a run ----------------------------------------------------------------------------------
    def decide(self) -> None:
        """Decide the run's stories' candidates and members again, now that its articles are stored: one
        transaction per story."""
        # Imported here: crawler.decision_inputs loads scipy (the decision's sparse matrices, about 20 MB and 0.25 CPU
        # s) only when a story has changed, and only now, after the extraction workers have ended.
        from crawler.decision_inputs import decide_if_changed

        for story in self.decide_for:
            started = time.perf_counter()
            with self.store.transaction():
                decision = decide_if_changed(self.store, story, self._seed_texts.get(story.id, []),
                                             run_id=self.run_id, stats=self.stats, now=utcnow(),
                                             changed=story.id in self._with_new_candidates)
            if decision is not None:
                logger.info("story %(story)s decided: %(members)d of %(candidates)d in it, %(seconds).2f s",
                            {"story": story.id, "members": len(decision.members()),
                             "candidates": len(decision.verdicts), "seconds": time.perf_counter() - started})

    def _filtered(self, story: Story, fields: dict) -> str | None:
        lang = (fields.get("language") or "").lower()[:2]
        if story.languages and lang and lang not in story.languages:
            return "language"
        published = _date_part(fields.get("published"))
        if story.since and published and published < story.since:
            return "before_since"
        return None


def _load_the_decision() -> None:
    try:
        import crawler.story_update  # noqa: F401
        from crawler.decision_inputs import code_digest

        code_digest()  # the decision's code read and hashed (about 8 ms), not at the end of the run
    except Exception:
        logger.debug("loading the decision's modules ahead failed", exc_info=True)


def read_seed_file(path: Path) -> tuple[str, str]:
    """(title, text) of a local seed file: .txt as is (first line is the title), .html through extraction."""
    if path.suffix.lower() in (".html", ".htm"):
        ext = extract_page(path.read_bytes(), None)
        return ext.title or "", ext.text
    text = path.read_text(encoding="utf-8")
    first = text.strip().splitlines()[0] if text.strip() else ""
    return first, text
