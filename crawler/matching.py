"""Same-story similarity: how close an article is to a story's seeds, as weighted term vectors.

The query (config.query) decides whether a page mentions the story's names at all; similarity decides whether it is
about the story. Texts become TF-IDF style term vectors: sublinear term counts, built-in German and English
stopwords in place of corpus statistics (an IDF from background frequencies when the caller has them), names
(words written with a capital inside a sentence) weighted up, because stories of one kind (two rehab stays, two
earthquakes) share their vocabulary and differ in who, where and when. A story's profile is the weighted centroid
of its seeds, with terms that several seeds share weighted up.

`StoryProfile` scores a page while it is crawled (its own similarity, and whether its related links are worth
following). Membership itself is decided at the end of each run with the whole store known: crawler.membership.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from crawler.textstats import CALENDAR_WORDS, STOPWORDS, words

logger = logging.getLogger(__name__)

NAME_BOOST = 3.0  # weight of a word written with a capital inside a sentence: names, places (German: nouns too)
AGREEMENT_POWER = 2.0  # a term in every profile document counts fully, one in half of them a half
LIKELY_SIMILARITY = 0.12  # own similarity of a page whose related links are followed before the decision
_REASON_TERMS = 8

# A capitalised word after a lower-case letter, a digit or a comma and one space: not the first word of a sentence.
# The lookahead skips words that start with a lower-case ASCII letter or a digit (most words), which names() would
# reject anyway: fewer matches, the same names.
# The space comes first and what stands before it is looked at behind it: the same matches as the lookbehind in
# front, (?<=[^\W_]|[,;]) (...), but `re` now looks for the space and tests only there, where a pattern that begins
# with a lookbehind tests it at every character of the text (6x faster; tests/test_matching.py compares the two).
_NAME = re.compile(r" (?:(?<=[^\W_] )|(?<=[,;] ))(?![a-z0-9äöüß])(\w+)")


# Weekdays and months are stopwords for the query and for dedup, but here they tell two events of one kind apart
# ('on Sunday' against 'early Thursday'): ECB+ test F1 at its tuned threshold 0.857 -> 0.891 with them as terms.
# Numbers as written, decimal comma or point alike: magnitudes, tolls, times, prices ('4,6', '2:09', '14.000').
# Together with the weekdays and months: 0.857 -> 0.904 (benchmarks/story.py, part 1).
# The first digit is matched before the lookbehind tests the character in front of it, (?<![\w.,:])\d+ written so
# that `re` tests only where a digit stands (2.5x faster, the same matches; tests/test_matching.py).
_NUMBER = re.compile(r"\d(?<![\w.,:]\d)\d*(?:[.,:]\d+)*(?!\w)")


def _terms(text: str, text_words: Sequence[str] | None = None) -> list[str]:
    """The words of a text that can tell stories apart, and its numbers written whole ('4.6', '2:09');
    `text_words`: words(text), when the caller has them."""
    stop, calendar = STOPWORDS, CALENDAR_WORDS
    # A term has two characters or more and is no bare number (numbers come from _NUMBER, whole), and is no
    # stopword unless a calendar word.  Inline: a function call per word would cost more than the test.
    terms = [w for w in (words(text) if text_words is None else text_words)
             if len(w) >= 2 and not w.isdigit() and (w in calendar or w not in stop)]
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


def term_weights(title: str, text: str, background: DocumentFrequencies | None = None,
                 text_words: Sequence[str] | None = None) -> dict[str, float]:
    """The weights of a document's terms (title and text together) before normalisation: sublinear counts, names
    weighted up. A pure function of the text: stored per article and reused by every later decision.
    `text_words`: words(text), when the caller has them (words of title, newline and text are the title's words
    and then the text's: case folding maps each character alone, and a newline ends a word)."""
    with_title = bool(title) and not text.startswith(title)
    full = f"{title}\n{text}" if with_title else text
    full_words = None
    if text_words is not None:
        full_words = [*words(title), *text_words] if with_title else text_words
    counts = Counter(_terms(full, full_words))
    if not counts:
        return {}
    capitalised = names(full)
    weights = {}
    for term, n in counts.items():
        weight = 1.0 + math.log(n)
        if term in capitalised:
            weight *= NAME_BOOST
        if background is not None:
            weight *= background.idf(term)
        weights[term] = weight
    return weights


def normalized(weights: Mapping[str, float]) -> dict[str, float]:
    """The L2-normalised vector of some term weights."""
    norm = math.sqrt(sum(x * x for x in weights.values()))
    return {t: x / norm for t, x in weights.items()} if norm else {}


def term_vector(title: str, text: str, background: DocumentFrequencies | None = None) -> dict[str, float]:
    """The L2-normalised weighted term vector of a document (title and text together)."""
    return normalized(term_weights(title, text, background))


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())


@dataclass(frozen=True)
class StoryDoc:
    """A seed of a story: a seed file (no article id) or the article of a seed URL."""

    article_id: int | None
    title: str
    text: str


@dataclass(frozen=True)
class MatchScore:
    """An article's own similarity to a story's seeds, with the terms and the seed that made it."""

    score: float
    closest_article_id: int | None
    closest_similarity: float
    reason: dict = field(default_factory=dict)  # JSON-able


class StoryProfile:
    """A story's seeds as weighted term vectors; scores a page against them while it is crawled."""

    def __init__(self, seeds: Iterable[StoryDoc], *, background: DocumentFrequencies | None = None) -> None:
        self.background = background
        self._seeds: list[tuple[StoryDoc, dict[str, float]]] = []
        self._centroid: dict[str, float] | None = None
        for doc in seeds:
            self.add(doc)

    @property
    def has_seeds(self) -> bool:
        """Whether similarity decides membership (a story without seeds goes by its query alone)."""
        return bool(self._seeds)

    def __len__(self) -> int:
        return len(self._seeds)

    def add(self, doc: StoryDoc) -> None:
        """A seed joins the profile (a seed URL's article, stored during the run). A seed without terms adds
        nothing."""
        vec = term_vector(doc.title, doc.text, self.background)
        if vec:
            self._seeds.append((doc, vec))
            self._centroid = None

    def centroid(self) -> dict[str, float]:
        """The story's term vector: the seeds' mean, terms in several seeds weighted up (crawler.membership.centroid
        computes the same from a matrix)."""
        if self._centroid is None:
            sums: dict[str, float] = defaultdict(float)
            presence: dict[str, int] = defaultdict(int)
            for _, vec in self._seeds:
                for t, x in vec.items():
                    sums[t] += x
                    presence[t] += 1
            n = len(self._seeds)
            cen = {t: x * (presence[t] / n) ** (AGREEMENT_POWER - 1) for t, x in sums.items()} if n else {}
            norm = math.sqrt(sum(x * x for x in cen.values())) or 1.0
            self._centroid = {t: x / norm for t, x in cen.items()}
        return self._centroid

    def score(self, title: str, text: str, weights: Mapping[str, float] | None = None) -> MatchScore:
        """An article's own similarity to the seeds (cosine with their profile), the closest seed and the terms that
        made the score; `weights` (term_weights of the same title and text) saves computing them again."""
        if weights is None:
            weights = term_weights(title, text, self.background)
        norm, common, score = self._cosine(weights)
        cen = self.centroid()
        closest_id: int | None = None
        closest_sim = 0.0
        for doc, dvec in self._seeds:
            sim = math.fsum(weights[t] * dvec[t] for t in common & dvec.keys()) / norm if common else 0.0
            if sim > closest_sim:
                closest_id, closest_sim = doc.article_id, sim
        shared = sorted(((weights[t] / norm * cen[t], t) for t in common), reverse=True)
        reason = {
            "similarity": round(score, 4),
            "closest_seed_article_id": closest_id,
            "closest_seed_similarity": round(closest_sim, 4),
            "top_terms": [t for _, t in shared[:_REASON_TERMS]],
        }
        return MatchScore(round(score, 6), closest_id, round(closest_sim, 6), reason)

    def similarity(self, weights: Mapping[str, float]) -> float:
        """`score(...).score` alone, from the page's term weights: what the crawl keeps of a candidate until the
        decision, without the closest seed and the top terms that only a reason shows."""
        return round(self._cosine(weights)[2], 6)

    def _cosine(self, weights: Mapping[str, float]) -> tuple[float, set[str], float]:
        """(norm of the weights, the terms shared with the seeds' centroid, the cosine with it).

        Cosines over the terms the page shares with the seeds only (a set intersection in C), the page's vector
        normalised at the end: the values of cosine(normalized(weights), ...) for a third of the work; fsum, since a
        set's order changes from process to process and a sum's last bit with it."""
        norm = math.sqrt(sum(x * x for x in weights.values()))
        cen = self.centroid()
        common = weights.keys() & cen.keys() if norm else set()
        return norm, common, (math.fsum(weights[t] * cen[t] for t in common) / norm if common else 0.0)

    def likely(self, s: MatchScore | float) -> bool:
        """Whether a page probably belongs to the story before the store-aware decision (its related links are
        followed during the crawl): its own similarity (a score, or its value) reaches LIKELY_SIMILARITY, or the story
        has no seeds."""
        return not self._seeds or (s.score if isinstance(s, MatchScore) else s) >= LIKELY_SIMILARITY
