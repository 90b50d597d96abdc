"""Same-story scoring: how close an article is to a story's seeds and the articles already accepted into it.

The query (config.query) decides whether a page mentions the story's names at all; this module decides whether it
is about the story. Texts become TF-IDF style term vectors: sublinear term counts, built-in German and English
stopwords in place of corpus statistics (an IDF from background frequencies when the caller has them), names
(words written with a capital inside a sentence) weighted up, because stories of one kind (two rehab stays, two
earthquakes) share their vocabulary and differ in who, where and when. The story is the weighted centroid of its
documents, with terms that several documents share weighted up; accepted articles weigh far less than seeds and
together at most a quarter of them, so the story does not drift towards whatever was admitted last.

That similarity alone is not the decision. One absolute threshold cannot serve a local story, whose follow-ups cover
new aspects (the buses, the shops) and sit far from the seeds, and a story whose hard negatives are the same kind of
event elsewhere, close to the seeds. So a page that matches the query becomes a candidate, and at the end of the run
`StoryProfile.calibrate` scores the candidates with the store known: similarity smoothed over the graph of each
document's nearest documents (seeds, accepted articles, other candidates), on the scale of the seeds. Other coverage
of the story pulls a follow-up up; a page on another matter that mentions the same names sits among its own kind
and is pulled down.

Everything is rebuilt from texts: the caller makes a profile at each run from seed texts and stored story articles.
"""

from __future__ import annotations

import heapq
import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from config.model import DEFAULT_MIN_SIMILARITY  # also StoryProfile's default
from crawler.textstats import CALENDAR_WORDS, STOPWORDS, words

logger = logging.getLogger(__name__)

NAME_BOOST = 3.0  # weight of a word written with a capital inside a sentence: names, places (German: nouns too)
AGREEMENT_POWER = 2.0  # a term in every profile document counts fully, one in half of them a half
SEED_WEIGHT = 1.0
# Accepted articles nudge the story rather than steer it: on ECB+, letting them weigh as much as seeds let false
# accepts pull in more (test F1 0.82 against 0.86 with seeds alone); at these weights growth is about neutral
# (0.89 against 0.90 with seeds alone) and the seeds always make at least 80% of the story's vector.
ACCEPTED_WEIGHT = 0.1  # one accepted article against one seed
ACCEPTED_SHARE = 0.25  # all accepted articles together weigh at most this share of the seeds
# The store-aware score (StoryProfile.calibrate): label propagation from the story's similarity over the graph of
# its documents' nearest neighbours. Swept on ECB+'s train and dev topics (k 2-5, beta 3-30, tau 0.15-0.25, a fixed
# number of rounds or the fixed point); the fixed point is the steadiest (test F1 0.95-0.97 for every k and beta
# tried), k 3 and beta 10 the best on train and dev.
PROPAGATION_K = 3
PROPAGATION_BETA = 10.0  # the neighbours against the document's own similarity
PROPAGATION_TAU = 0.15  # no edge below this cosine: a page with no close neighbour keeps its own similarity
PROPAGATION_TOLERANCE = 1e-6  # smoothing runs to its fixed point: until no score moves by more than this
PROPAGATION_MAX_SWEEPS = 1000
LIKELY_SIMILARITY = 0.12  # own similarity of a page whose related links are followed before the decision
# The graph's size: the seeds always, and at most this many of the newest accepted articles, candidates and other
# stored articles. A graph of 1000 documents takes about 3 s to decide, 3000 about 35 s (`benchmarks/story.py --part 4`).
MAX_GRAPH_ACCEPTED = 500
MAX_GRAPH_CANDIDATES = 1000
MAX_GRAPH_CONTEXT = 500
MAX_CLOSEST = 500  # the 'closest article' in a reason: among the seeds and this many newest accepted articles
_REASON_TERMS = 8

# A capitalised word after a lower-case letter, a digit or a comma and one space: not the first word of a sentence.
_NAME = re.compile(r"(?<=[^\W_]|[,;]) (\w+)")


# Weekdays and months are stopwords for the query and for dedup, but here they tell two events of one kind apart
# ('on Sunday' against 'early Thursday'): ECB+ test F1 at its tuned threshold 0.857 -> 0.891 with them as terms.
# Numbers as written, decimal comma or point alike: magnitudes, tolls, times, prices ('4,6', '2:09', '14.000').
# Together with the weekdays and months: 0.857 -> 0.904 (benchmarks/story.py, part 1).
_NUMBER = re.compile(r"(?<![\w.,:])\d+(?:[.,:]\d+)*(?!\w)")


def _is_term(w: str) -> bool:
    if len(w) < 2 or w.isdigit():
        return False  # numbers come from _NUMBER, whole
    return w in CALENDAR_WORDS or w not in STOPWORDS


def _terms(text: str) -> list[str]:
    """The words of a text that can tell stories apart, and its numbers written whole ('4.6', '2:09')."""
    terms = [w for w in words(text) if _is_term(w)]
    for m in _NUMBER.finditer(text):
        number = m.group().replace(",", ".")
        if len(number) >= 2:
            terms.append(number)
    return terms


def names(text: str) -> set[str]:
    """Casefolded words written with a capital inside a sentence (names, places; in German also nouns)."""
    found = set()
    for m in _NAME.finditer(text):
        before = text[m.start() - 1]
        name = m.group(1)
        if name[0].isupper() and (before.islower() or before.isdigit() or before in ",;"):
            found.add(name.casefold())
    return found


@dataclass(frozen=True)
class DocumentFrequencies:
    """Background document frequencies (for example over a sample of stored articles) that give terms an IDF."""

    counts: Mapping[str, int]
    total: int

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> DocumentFrequencies:
        """Count in how many of the texts each term occurs."""
        counts: Counter[str] = Counter()
        total = 0
        for text in texts:
            counts.update(set(_terms(text)))
            total += 1
        return cls(counts, total)

    def idf(self, term: str) -> float:
        """Smoothed inverse document frequency, 1.0 for a term in every text."""
        return math.log((self.total + 1) / (self.counts.get(term, 0) + 1)) + 1.0


def term_vector(title: str, text: str, background: DocumentFrequencies | None = None) -> dict[str, float]:
    """The L2-normalised weighted term vector of a document (title and text together)."""
    full = f"{title}\n{text}" if title and not text.startswith(title) else text
    counts = Counter(_terms(full))
    if not counts:
        return {}
    capitalised = names(full)
    vec = {}
    for term, n in counts.items():
        weight = 1.0 + math.log(n)
        if term in capitalised:
            weight *= NAME_BOOST
        if background is not None:
            weight *= background.idf(term)
        vec[term] = weight
    norm = math.sqrt(sum(x * x for x in vec.values()))
    return {t: x / norm for t, x in vec.items()}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())


@dataclass(frozen=True)
class StoryDoc:
    """A document of a story: a seed (file or seed URL) or an article already accepted into it."""

    article_id: int | None
    title: str
    text: str
    is_seed: bool


@dataclass(frozen=True)
class MatchScore:
    """An article's similarity to a story, with the explanation stored in `story_articles.reason`."""

    score: float  # stored in story_articles.score
    closest_article_id: int | None
    closest_similarity: float
    reason: dict = field(default_factory=dict)  # JSON-able


class StoryProfile:
    """A story's seeds and accepted articles as weighted term vectors; scores new articles against them."""

    def __init__(
        self,
        docs: Iterable[StoryDoc],
        *,
        min_similarity: float = DEFAULT_MIN_SIMILARITY,
        background: DocumentFrequencies | None = None,
    ) -> None:
        self.min_similarity = min_similarity
        self.background = background
        self._seeds: list[tuple[StoryDoc, dict[str, float]]] = []
        self._accepted: list[tuple[StoryDoc, dict[str, float]]] = []
        # Per group (seeds, accepted): summed vectors and in how many documents each term occurs, kept up to date
        # by add(), so that a new centroid costs one pass over the story's terms, not over all its documents.
        self._sums: tuple[dict[str, float], dict[str, float]] = (defaultdict(float), defaultdict(float))
        self._presence: tuple[dict[str, int], dict[str, int]] = (defaultdict(int), defaultdict(int))
        self._centroid: dict[str, float] | None = None
        self._last_scored: tuple[str, str, dict[str, float]] | None = None  # add() after score() reuses the vector
        for doc in docs:
            self.add(doc)

    @property
    def has_seeds(self) -> bool:
        """Whether similarity decides membership (a story without seeds goes by its query alone)."""
        return bool(self._seeds)

    def __len__(self) -> int:
        return len(self._seeds) + len(self._accepted)

    def add(self, doc: StoryDoc) -> None:
        """An accepted article (or a seed) joins the profile."""
        last = self._last_scored
        if last is not None and last[0] == doc.title and last[1] == doc.text:
            vec = last[2]
        else:
            vec = term_vector(doc.title, doc.text, self.background)
        if not vec:
            return
        group = 0 if doc.is_seed else 1
        (self._seeds if doc.is_seed else self._accepted).append((doc, vec))
        sums, presence = self._sums[group], self._presence[group]
        for t, x in vec.items():
            sums[t] += x
            presence[t] += 1
        self._centroid = None

    def _weights(self) -> tuple[float, float]:
        if not self._seeds:
            return 0.0, 1.0
        seed_total = SEED_WEIGHT * len(self._seeds)
        accepted = ACCEPTED_WEIGHT
        if self._accepted and ACCEPTED_WEIGHT * len(self._accepted) > ACCEPTED_SHARE * seed_total:
            accepted = ACCEPTED_SHARE * seed_total / len(self._accepted)
        return SEED_WEIGHT, accepted

    def centroid(self) -> dict[str, float]:
        """The story's term vector: weighted mean of its documents, terms shared by many documents weighted up."""
        if self._centroid is None:
            weights = self._weights()
            total = weights[0] * len(self._seeds) + weights[1] * len(self._accepted)
            sums: dict[str, float] = defaultdict(float)
            presence: dict[str, float] = defaultdict(float)
            for weight, group_sums, group_presence in zip(weights, self._sums, self._presence, strict=True):
                if weight <= 0:
                    continue
                for t, x in group_sums.items():
                    sums[t] += weight * x
                    presence[t] += weight * group_presence[t]
            cen = {t: x * (presence[t] / total) ** (AGREEMENT_POWER - 1) for t, x in sums.items()} if total else {}
            norm = math.sqrt(sum(x * x for x in cen.values())) or 1.0
            self._centroid = {t: x / norm for t, x in cen.items()}
        return self._centroid

    def score(self, title: str, text: str) -> MatchScore:
        """Similarity of an article to the story, the closest stored document and the terms that made the score."""
        vec = term_vector(title, text, self.background)
        self._last_scored = (title, text, vec)
        cen = self.centroid()
        score = cosine(vec, cen) if vec and cen else 0.0
        closest_id: int | None = None
        closest_sim = 0.0
        closest_seed = False
        for doc, dvec in self._seeds + self._accepted[-MAX_CLOSEST:]:
            sim = cosine(vec, dvec)
            if sim > closest_sim:
                closest_id, closest_sim, closest_seed = doc.article_id, sim, doc.is_seed
        shared = sorted(((vec[t] * cen[t], t) for t in vec.keys() & cen.keys()), reverse=True)
        reason = {
            "similarity": round(score, 4),
            "threshold": self.min_similarity,
            "closest_article_id": closest_id,
            "closest_is_seed": closest_seed,
            "closest_similarity": round(closest_sim, 4),
            "top_terms": [t for _, t in shared[:_REASON_TERMS]],
            "profile": {"seeds": len(self._seeds), "accepted": len(self._accepted)},
        }
        return MatchScore(round(score, 6), closest_id, round(closest_sim, 6), reason)

    def likely(self, s: MatchScore) -> bool:
        """Whether a page probably belongs to the story before the store-aware decision (its related links are
        followed during the crawl): its own similarity reaches LIKELY_SIMILARITY, or the story has no seeds."""
        return not self._seeds or s.score >= LIKELY_SIMILARITY

    def calibrate(self, candidates: Sequence[tuple[int, str, str]],
                  context: Sequence[tuple[int, str, str]] = ()) -> dict[int, Calibrated]:
        """Store-aware scores of candidate articles (id, title, text), on the scale of the story's own seeds.

        The graph holds the story's seeds, its accepted articles, the candidates and `context`: other stored articles
        (outside the story, not matching its query), the rest of the world a page on another matter belongs to. Every document starts from its
        similarity to the story (`score()`); each then takes the weighted mean of its own score and its nearest
        documents' (PROPAGATION_K with cosine at least PROPAGATION_TAU), until the scores settle; the result is
        divided by the seeds' mean. A follow-up on a new aspect sits among other coverage of the story and is
        pulled up; a page on another matter that mentions the same names sits among its own kind and is pulled
        down. 1.0: as close to the story as its seeds.
        """
        cen = self.centroid()
        nodes: list[tuple[int | None, dict[str, float]]] = [(d.article_id, v) for d, v in self._seeds]
        nodes += [(d.article_id, v) for d, v in self._accepted[-MAX_GRAPH_ACCEPTED:]]
        first = len(nodes)
        for article_id, title, text in [*candidates[-MAX_GRAPH_CANDIDATES:], *context[-MAX_GRAPH_CONTEXT:]]:
            nodes.append((article_id, term_vector(title, text, self.background)))
        last = first + len(candidates[-MAX_GRAPH_CANDIDATES:])
        vectors = [v for _, v in nodes]
        raw = [cosine(v, cen) if v and cen else 0.0 for v in vectors]
        nearest = nearest_documents(vectors, PROPAGATION_K, PROPAGATION_TAU)
        smoothed = propagate(raw, nearest, range(len(self._seeds)))
        out = {}
        for i in range(first, last):
            article_id = nodes[i][0]
            assert article_id is not None
            out[article_id] = Calibrated(
                score=round(smoothed[i], 6),
                similarity=round(raw[i], 6),
                neighbours=[(nodes[j][0], round(w, 4), round(smoothed[j], 4)) for w, j in nearest[i]],
            )
        return out


@dataclass(frozen=True)
class Calibrated:
    """A candidate's store-aware score (`story_articles.score`), its own similarity and its nearest documents."""

    score: float
    similarity: float
    neighbours: list[tuple[int | None, float, float]]  # (article id or None for a seed file, cosine, their score)


def nearest_documents(vectors: Sequence[Mapping[str, float]], k: int, tau: float) -> list[list[tuple[float, int]]]:
    """Per document its k most similar other documents (cosine, index) with cosine at least tau, best first."""
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, vec in enumerate(vectors):
        for t, x in vec.items():
            postings[t].append((i, x))
    lists = []
    for i, vec in enumerate(vectors):
        acc: dict[int, float] = defaultdict(float)
        for t, x in vec.items():
            for j, y in postings[t]:
                acc[j] += x * y
        acc.pop(i, None)
        lists.append(heapq.nlargest(k, ((sim, j) for j, sim in acc.items() if sim >= tau)))
    return lists


def propagate(raw: Sequence[float], nearest: Sequence[Sequence[tuple[float, int]]], seeds: Iterable[int],
              *, beta: float = PROPAGATION_BETA) -> list[float]:
    """Scores smoothed over the graph, divided by the seeds' mean: the fixed point of 'each document's score is the
    weighted mean of its own similarity and its neighbours' scores' (Gauss-Seidel sweeps until nothing moves)."""
    f = list(raw)
    for _ in range(PROPAGATION_MAX_SWEEPS):
        moved = 0.0
        for i, near in enumerate(nearest):
            if not near:
                continue
            new = (raw[i] + beta * sum(w * f[j] for w, j in near)) / (1 + beta * sum(w for w, _ in near))
            moved = max(moved, abs(new - f[i]))
            f[i] = new
        if moved < PROPAGATION_TOLERANCE:
            break
    seeds = list(seeds)
    scale = sum(f[i] for i in seeds) / len(seeds) if seeds else 1.0
    return [x / scale if scale > 0 else 0.0 for x in f]
