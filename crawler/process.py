"""After extraction: store the article, then decide per story: seed, follow-up, duplicate, or not in it.

Plain code over plain data: the spider hands over a `FetchedArticle`, this module does the rest in one
transaction per article.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from config.model import Story
from config.query import WordSet
from crawler import dedup, site_boilerplate
from crawler.dedup import content_hash
from crawler.extract import extract_page, paragraph_hash
from crawler.items import Candidate, Extracted
from crawler.matching import MAX_GRAPH_CONTEXT, Calibrated, StoryDoc, StoryProfile
from crawler.stats import RunStats
from crawler.textstats import sentences, words
from crawler.urls import host_of, normalize_url, same_site
from storage import boilerplate, dedup_index
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
    shingles: frozenset[int] | None = None  # fingerprints made by the extraction worker, when it made them
    band_keys: tuple[tuple[int, int], ...] | None = None


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


class StoryMemory:
    """What a story already holds, loaded once a run: its members and the word trigrams of their sentences.

    Kept in step by the processor (the only writer during a crawl), so judging an article never reloads the story.
    """

    def __init__(self, members: list[dict], seed_texts: list[str]) -> None:
        self.members: dict[int, dict] = {}
        self._seen: set[tuple[str, ...]] = set()
        for text in seed_texts:
            self.remember_text(text)
        for m in members:
            self.members[m["article_id"]] = {k: m[k] for k in ("status", "duplicate_of", "published", "first_seen")}
            if m["status"] != "duplicate":
                self.remember_text(m["text"] or "")

    def remember_text(self, text: str) -> None:
        for sentence in sentences(text):
            self._seen |= dedup._trigrams(words(sentence))

    def new_sentences(self, text: str) -> list[str]:
        """The sentences of `text` that no earlier story text contained (lightly edited repeats count as old)."""
        out = []
        for sentence in sentences(text):
            grams = dedup._trigrams(words(sentence))
            if grams and sum(1 for g in grams if g in self._seen) / len(grams) < dedup.SENTENCE_SEEN:
                out.append(sentence)
        return out

    def set(self, article_id: int, **values: object) -> None:
        self.members.setdefault(article_id, {"status": None, "duplicate_of": None, "published": None,
                                             "first_seen": None}).update(values)


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
        self._memories: dict[str, StoryMemory] = {}

    # -- per-story state, loaded once a run -------------------------------------------------------------
    def _load(self, story: Story) -> None:
        members = self.store.story_members(story.id)
        seeds = self._seed_texts.get(story.id, [])
        docs = [StoryDoc(None, title, text, True) for title, text in seeds]
        for m in members:
            if m["status"] != "duplicate":
                docs.append(StoryDoc(m["article_id"], m["title"] or "", m["text"] or "", m["status"] == "seed"))
        self._profiles[story.id] = StoryProfile(docs, min_similarity=story.min_similarity)
        self._memories[story.id] = StoryMemory(members, [text for _, text in seeds])

    def profile(self, story: Story) -> StoryProfile:
        if story.id not in self._profiles:
            self._load(story)
        return self._profiles[story.id]

    def memory(self, story: Story) -> StoryMemory:
        if story.id not in self._memories:
            self._load(story)
        return self._memories[story.id]

    def _join(self, story: Story, article_id: int, fields: dict, *, status: str, now: str,
              seed: bool = False) -> None:
        """An article joined the story: the profile and the memory learn it."""
        memory = self.memory(story)
        memory.set(article_id, status=status, duplicate_of=None, published=fields.get("published"), first_seen=now)
        if status != "duplicate":
            self.profile(story).add(StoryDoc(article_id, fields["title"] or "", fields["text"] or "", seed))
            memory.remember_text(fields["text"] or "")

    # -- the step ---------------------------------------------------------------------------------------
    def process(self, item: FetchedArticle) -> Outcome:
        ext = item.extracted
        canonical = canonical_for(ext, item.final_url)
        urls = {canonical, normalize_url(item.final_url), normalize_url(item.requested_url)}
        digest = content_hash(ext.text)
        now = utcnow()
        fields = {
            "url": item.final_url,
            "canonical_url": canonical,
            "source": item.candidate.source,
            "site_name": ext.source,
            "title": ext.title or item.candidate.title,
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
        shingles = item.shingles if item.shingles is not None else dedup.shingles(ext.text)
        keys = list(item.band_keys) if item.band_keys is not None else dedup.band_keys(dedup.signature(shingles))
        with self.store.transaction():
            existing = self.store.article_id_for([canonical, *sorted(urls)])
            if existing is None:
                article_id = self.store.insert_article(fields, now)
                dedup_index.index_article(self.store.db, article_id, keys)
                if ext.paragraphs:
                    site = host_of(canonical)
                    hashes = {paragraph_hash(p): p for p in ext.paragraphs}
                    boilerplate.record_paragraphs(self.store.db, site, hashes.keys(), hashes)
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
                    dedup_index.index_article(self.store.db, article_id, keys)
                    self.stats.inc("updated")
                    logger.info("updated to version %(v)s: %(url)s", {"v": version, "url": canonical})
                    kind = "updated"
            self.store.add_urls(article_id, urls)
            memberships = self._memberships(article_id, fields, item, shingles, keys, now)
        return Outcome(article_id, kind, memberships)

    def _same_but_boilerplate(self, old: dict, text: str, url: str) -> bool:
        """A change only in furniture (teasers, counters, promos, lines the site repeats) is no new version."""
        learned = boilerplate.learned_hashes(self.store.db, host_of(url))
        return site_boilerplate.same_but_boilerplate(old.get("text") or "", text, learned)

    def reclean_learned(self) -> None:
        """At the end of a crawl: stored texts lose the lines their site learned as boilerplate during it (no new
        versions); the stories are loaded again from the cleaned texts before they are decided."""
        done = site_boilerplate.reclean_learned(self.store.db)
        self.stats.inc("recleaned", done.articles)
        if done.articles:
            self._profiles.clear()
            self._memories.clear()
            logger.info("re-cleaned %(n)d stored articles of %(s)d sites of learned boilerplate",
                        {"n": done.articles, "s": done.sites})

    def _memberships(self, article_id: int, fields: dict, item: FetchedArticle, shingles: frozenset[int],
                     keys: list[tuple[int, int]], now: str) -> dict[str, str]:
        given: dict[str, str] = {}
        title = fields["title"] or ""
        text = fields["text"] or ""
        words = WordSet.from_text(f"{title}\n{text}")
        for story in self.stories:
            current = self.store.membership(story.id, article_id)
            if current is not None:
                continue  # already in the story: an update keeps its place
            if story.id in item.seed_of:
                self.store.set_membership(story.id, article_id, status="seed", score=1.0, run_id=self.run_id,
                                          now=now, reason={"seed": True})
                self.store.drop_candidate(story.id, article_id)
                self._join(story, article_id, fields, status="seed", now=now, seed=True)
                self.stats.inc("new")
                self.stats.stories[story.id]["seed"] += 1
                given[story.id] = "seed"
                continue
            reason = self._filtered(story, fields)
            if reason:
                self.stats.drop(reason)
                continue
            if not story.query.matches(words):
                continue
            # A candidate: decided at the end of the run, when the store around it is known (decide()).
            profile = self.profile(story)
            score = profile.score(title, text)
            self.store.set_candidate(story.id, article_id, similarity=score.score, run_id=self.run_id, now=now)
            self.stats.inc("candidates")
            if profile.likely(score):
                given[story.id] = "candidate"
        return given

    # -- the end of a run ----------------------------------------------------------------------------------
    def decide(self) -> None:
        """Decide the run's stories' candidates now that its articles are stored: one transaction per story."""
        for story in self.decide_for:
            with self.store.transaction():
                self._decide(story)

    def _decide(self, story: Story) -> None:
        rows = self.store.candidates(story.id)
        if not rows:
            return
        profile = self.profile(story)
        now = utcnow()
        calibrated: dict[int, Calibrated] = {}
        if profile.has_seeds:
            context = self.store.other_articles(story.id, MAX_GRAPH_CONTEXT)
            calibrated = profile.calibrate([(r["article_id"], r["title"] or "", r["text"] or "") for r in rows],
                                           [(r["id"], r["title"] or "", r["text"] or "") for r in context])
        accepted: list[tuple[dict, Calibrated | None]] = []
        for row in rows:
            c = calibrated.get(row["article_id"])
            if not profile.has_seeds:
                accepted.append((row, c))
            elif c is None:
                continue  # beyond the graph's size (MAX_GRAPH_CANDIDATES newest): stays as it was
            elif c.score >= story.min_similarity:
                accepted.append((row, c))
            else:
                self.store.candidate_decided(story.id, row["article_id"], score=c.score,
                                             reason=_calibration_reason(c, story.min_similarity), now=now)
                if row["run_id"] == self.run_id:
                    self.stats.near_miss(story.id, c.score, row["canonical_url"])
                    self.stats.drop("below_threshold")
        # The earliest-published first, so that the first copy of a wire text is the original from the start.
        accepted.sort(key=lambda rc: _order_key(rc[0], rc[0]["article_id"]))
        for row, c in accepted:
            title, text = row["title"] or "", row["text"] or ""
            fields = {"title": row["title"], "text": row["text"], "published": row["published"],
                      "content_hash": row["content_hash"]}
            match = profile.score(title, text)
            reason = dict(match.reason)
            if c is not None:
                reason.update(_calibration_reason(c, story.min_similarity))
            reason["matched_terms"] = story.query.matched_terms(WordSet.from_text(f"{title}\n{text}"))
            shingles = dedup.shingles(text)
            keys = dedup.band_keys(dedup.signature(shingles))
            self.stats.inc("matched")
            self._place(story, row["article_id"], fields, shingles, keys, c.score if c else match.score, reason, now)
            self.store.drop_candidate(story.id, row["article_id"])

    def _filtered(self, story: Story, fields: dict) -> str | None:
        lang = (fields.get("language") or "").lower()[:2]
        if story.languages and lang and lang not in story.languages:
            return "language"
        published = _date_part(fields.get("published"))
        if story.since and published and published < story.since:
            return "before_since"
        return None

    def _place(self, story: Story, article_id: int, fields: dict, shingles: frozenset[int],
               keys: list[tuple[int, int]], score: float, reason: dict, now: str) -> str:
        """Follow-up or duplicate: the earliest-published copy of a text is the original."""
        memory = self.memory(story)
        members = memory.members
        candidates = (dedup_index.candidate_ids(self.store.db, keys) | set(self.store.ids_with_hash(
            fields["content_hash"]))) & members.keys()
        candidates.discard(article_id)
        copies = []
        for row in self.store.articles_brief(sorted(candidates)):
            if row["text"] and (
                row["text"] == fields["text"] or dedup.is_near_duplicate(shingles, dedup.shingles(row["text"]))
            ):
                copies.append(row["id"])
        if copies:
            originals = {members[c]["duplicate_of"] or c for c in copies}
            original = min(originals, key=lambda i: _order_key(members.get(i), i))
            if _order_key(members.get(original), original) > _order_key(fields | {"first_seen": now}, article_id):
                # The new copy was published first: it becomes the original, the others point at it.
                self.store.set_membership(story.id, article_id, status="follow_up", score=score,
                                          run_id=self.run_id, now=now, reason=reason,
                                          new_sentences=memory.new_sentences(fields["text"]))
                self._join(story, article_id, fields, status="follow_up", now=now)
                for old in originals:
                    self.store.make_duplicate(story.id, old, article_id)
                    self.store.repoint_duplicates(story.id, old, article_id)
                for member in members.values():
                    if member["duplicate_of"] in originals:
                        member["duplicate_of"] = article_id
                for old in originals:
                    memory.set(old, status="duplicate", duplicate_of=article_id)
                self.stats.inc("new")
                self.stats.inc("duplicates", len(originals))
                self.stats.stories[story.id]["repointed"] += 1
                return "follow_up"
            reason["duplicate_of"] = original
            self.store.set_membership(story.id, article_id, status="duplicate", duplicate_of=original,
                                      score=score, run_id=self.run_id, now=now, reason=reason)
            self._join(story, article_id, fields, status="duplicate", now=now)
            memory.set(article_id, duplicate_of=original)
            self.stats.inc("duplicates")
            self.stats.stories[story.id]["duplicate"] += 1
            return "duplicate"
        self.store.set_membership(story.id, article_id, status="follow_up", score=score, run_id=self.run_id,
                                  now=now, reason=reason, new_sentences=memory.new_sentences(fields["text"]))
        self._join(story, article_id, fields, status="follow_up", now=now)
        self.stats.inc("new")
        self.stats.stories[story.id]["follow_up"] += 1
        return "follow_up"


def _calibration_reason(c: Calibrated, threshold: float) -> dict:
    """What a SQLite browser shows of the decision: the score against the threshold, and the nearest documents."""
    return {
        "score": c.score,
        "similarity": c.similarity,
        "threshold": threshold,
        "neighbours": [{"article_id": aid, "similarity": w, "score": s} for aid, w, s in c.neighbours],
    }


def _order_key(member: dict | None, article_id: int) -> tuple[datetime, int]:
    """Earliest publication first, compared as instants across time zones; unknown dates fall back to when the copy
    was first stored."""
    if member is None:
        return (dedup.instant(""), article_id)
    return (dedup.instant(member.get("published") or member.get("first_seen") or ""), article_id)


def read_seed_file(path: Path) -> tuple[str, str]:
    """(title, text) of a local seed file: .txt as is (first line is the title), .html through extraction."""
    if path.suffix.lower() in (".html", ".htm"):
        ext = extract_page(path.read_bytes(), None)
        return ext.title or "", ext.text
    text = path.read_text(encoding="utf-8")
    first = text.strip().splitlines()[0] if text.strip() else ""
    return first, text
