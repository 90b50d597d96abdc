"""Who is in a story, decided with the store known: a function of the stored documents, whatever their order.

The query decides whether a page names the story at all; this module decides, for every page that does (the
story's *candidates*: its current members and the pages waiting below its threshold), whether it is about the story.
Each run decides them all again, together, so the same stored documents give the same members however they arrived,
however runs were split or interrupted; an article can leave a story when later evidence disagrees.

A candidate's score is the lower of two numbers, both 1.0 for a document as close to the story as its seeds:

* **propagated**: its similarity to the seeds' profile smoothed over the graph of each document's nearest documents
  (seeds, candidates, and other stored articles as context), at the fixed point of "each document's score is the
  weighted mean of its own similarity and its neighbours' scores" (label propagation; Zhou et al. 2004). A follow-up
  on a new aspect sits among other coverage of the story and is pulled up; a page on another matter that names the
  same people sits among its own kind (another report on the same matter, the town's other news) and is pulled down.
* **evidence bound**: propagation must not lift a page above what its own evidence supports. In a young store that
  covers one region, a page on another matter has no kind of its own yet, and its nearest documents are the story's
  own articles. Its own evidence is its best similarity to the story: to the seeds' profile or to any one member
  (a follow-up on a new aspect is close to the follow-up it continues, not to the seeds), as a share of the
  evidence the story's strong members have (their upper quartile). A page needs at least EVIDENCE_SHARE of it: the
  bound is EVIDENCE_SCALE × evidence, which reaches the default threshold at that share. A copy of a text is no
  independent evidence for it: links at SAME_TEXT and above do not count.

Members are found at a fixed point that only shrinks: those the propagation puts at the threshold or above, then
again without those whose evidence bound falls below it (their links no longer count as evidence for others).

Document similarity is the cosine of the weighted term vectors of `crawler.matching`. The nearest documents are
searched through an inverted index of the terms that at most CANDIDATE_TERMS_DF documents share (common terms link
everything with everything and make the search quadratic); the exact cosine is then computed for each document's
NEIGHBOUR_CANDIDATES best candidates. In a store where no term is that common, this is the exact neighbour search.

The parameters were chosen on ECB+'s train and dev topics (`benchmarks/story.py`); its test topics and the German
test webs are reported, not tuned on.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from config.model import DEFAULT_MIN_SIMILARITY
from crawler.matching import AGREEMENT_POWER

logger = logging.getLogger(__name__)

# The propagation, swept on ECB+ train+dev (k 2-5, beta 3-30, tau 0.1-0.3); as before this module existed.
PROPAGATION_K = 3
PROPAGATION_BETA = 10.0  # the neighbours against the document's own similarity
PROPAGATION_TAU = 0.15  # no edge below this cosine: a page with no close neighbour keeps its own similarity
PROPAGATION_TOLERANCE = 1e-10
# The evidence bound. Its reference is the upper quartile of the members' evidence (the median moves with how many
# weak members a story has); a member needs at least half of it (ECB+ train+dev F1 is flat between 0.45 and 0.6;
# the German test webs' follow-ups on new aspects have 0.55 and more, their hard negatives at most 0.47).
EVIDENCE_QUANTILE = 75.0
EVIDENCE_SHARE = 0.5
EVIDENCE_SCALE = DEFAULT_MIN_SIMILARITY / EVIDENCE_SHARE
SAME_TEXT = 0.8  # cosine from which two documents are one text (wire copies): no evidence for each other
# The neighbour search: candidates through terms in at most this many documents, then exact cosines.
CANDIDATE_TERMS_DF = 64
NEIGHBOUR_CANDIDATES = 32
_BLOCK_CELLS = 2_000_000  # rows x documents of one block of the candidate search (16 MB of float64)
_RESCORE_ROWS = 16


@dataclass(frozen=True)
class Document:
    """One stored document as the decision sees it."""

    key: str  # an order-free identity (the canonical URL, a seed file's path): documents are taken in this order
    article_id: int | None  # None for a seed file
    weights: Mapping[str, float]  # crawler.matching.term_weights(): term weights before normalisation


@dataclass(frozen=True)
class Verdict:
    """The decision on one candidate, with what explains it (stored in `reason`)."""

    article_id: int
    member: bool
    score: float  # min(propagated, evidence bound): compared with the threshold
    similarity: float  # cosine with the seeds' profile
    propagated: float
    evidence: float  # its best similarity to the story as a share of the strong members' (1.0 = as strong)
    evidence_similarity: float  # that best similarity
    evidence_from: int | None  # the member it is closest to; None: the seeds' profile or a seed file
    neighbours: tuple[tuple[int | None, float, float, bool], ...]  # (article id, cosine, its score, a seed)

    def reason(self) -> dict:
        """The verdict as the JSON of `story_articles.reason` / `story_candidates.reason` shows it."""
        return {
            "score": round(self.score, 4),
            "similarity": round(self.similarity, 4),
            "propagated": round(self.propagated, 4),
            "evidence": {"share": round(self.evidence, 4), "similarity": round(self.evidence_similarity, 4),
                         "closest_member": self.evidence_from, "bound": round(EVIDENCE_SCALE * self.evidence, 4)},
            "neighbours": [{"article_id": a, "similarity": w, "score": s, "seed": seed}
                           for a, w, s, seed in self.neighbours],
        }


@dataclass(frozen=True)
class Decision:
    """Every candidate's verdict, and the figures they were judged against."""

    verdicts: dict[int, Verdict]
    threshold: float
    seeds: int
    documents: int
    reference: float  # the strong members' evidence: 1.0 of Verdict.evidence

    def members(self) -> set[int]:
        return {a for a, v in self.verdicts.items() if v.member}

    def profile(self) -> dict:
        """What the story was decided with, for `reason.profile`."""
        return {"seeds": self.seeds, "candidates": len(self.verdicts), "documents": self.documents,
                "evidence_reference": round(self.reference, 4)}


def decide(seeds: Sequence[Document], candidates: Sequence[Document], context: Sequence[Document] = (),
           *, threshold: float = DEFAULT_MIN_SIMILARITY) -> Decision:
    """Decide every candidate of one story from its seeds, its candidates and other stored documents (context).

    Without seeds every candidate is a member (a story without seeds goes by its query alone). The result does not
    depend on the order of the arguments: documents are taken in the order of their keys.
    """
    seeds = sorted(seeds, key=lambda d: d.key)
    candidates = sorted(candidates, key=lambda d: d.key)
    context = sorted(context, key=lambda d: d.key)
    if not seeds:
        verdicts = {d.article_id: Verdict(d.article_id, True, 1.0, 0.0, 1.0, 1.0, 0.0, None, ())
                    for d in candidates if d.article_id is not None}
        return Decision(verdicts, threshold, 0, len(candidates), 1.0)
    nodes = [*seeds, *candidates, *context]
    ns, nc = len(seeds), len(candidates)
    x = vectors([d.weights for d in nodes])
    raw = x @ centroid(x[:ns])
    near, sims = nearest(x)
    f = propagate(raw, near, sims, ns)
    member = np.zeros(len(nodes), dtype=bool)
    member[:ns] = True
    member[ns:ns + nc] = f[ns:ns + nc] >= threshold
    # A copy of a text is no evidence for it; neither is a document outside the story (context).
    link = np.where(sims < SAME_TEXT, sims, 0.0)
    best, best_from = _evidence(raw, near, link, member)
    strong = best[ns:ns + nc][member[ns:ns + nc]]
    reference = float(np.percentile(strong if strong.size else best[:ns], EVIDENCE_QUANTILE)) or 1.0
    score = f.copy()
    for _ in range(nc + 1):
        score = np.minimum(f, EVIDENCE_SCALE * best / reference)
        score[:ns] = f[:ns]
        keep = member.copy()
        keep[ns:ns + nc] &= score[ns:ns + nc] >= threshold
        if (keep == member).all():
            break
        member = keep
        best, best_from = _evidence(raw, near, link, member)
    ids = [d.article_id for d in nodes]
    verdicts = {}
    for i in range(ns, ns + nc):
        article_id = ids[i]
        assert article_id is not None
        neighbours = tuple((ids[int(j)], round(float(w), 4), round(float(score[j]), 4), bool(j < ns))
                           for j, w in zip(near[i, :PROPAGATION_K], sims[i, :PROPAGATION_K], strict=True)
                           if j >= 0 and w >= PROPAGATION_TAU)
        source = best_from[i]
        verdicts[article_id] = Verdict(
            article_id=article_id, member=bool(member[i]), score=float(score[i]), similarity=float(raw[i]),
            propagated=float(f[i]), evidence=float(best[i] / reference), evidence_similarity=float(best[i]),
            evidence_from=ids[source] if source >= 0 else None, neighbours=neighbours)
    return Decision(verdicts, threshold, ns, len(nodes), reference)


def vectors(weights: Sequence[Mapping[str, float]]) -> sp.csr_matrix:
    """The documents' L2-normalised term vectors as the rows of a sparse matrix (columns in order of appearance)."""
    vocabulary: dict[str, int] = {}
    indptr = [0]
    indices: list[int] = []
    data: list[float] = []
    for w in weights:
        indices.extend(vocabulary.setdefault(t, len(vocabulary)) for t in w)
        data.extend(w.values())
        indptr.append(len(indices))
    x = sp.csr_matrix((np.asarray(data, dtype=np.float64), np.asarray(indices, dtype=np.int64),
                       np.asarray(indptr, dtype=np.int64)), shape=(len(weights), max(1, len(vocabulary))))
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ x)


def centroid(seeds: sp.csr_matrix) -> np.ndarray:
    """The seeds' profile: their mean vector, terms in several seeds weighted up (as StoryProfile.centroid)."""
    total = np.asarray(seeds.sum(axis=0)).ravel()
    presence = np.asarray((seeds > 0).sum(axis=0)).ravel() / seeds.shape[0]
    c = total * presence ** (AGREEMENT_POWER - 1)
    norm = float(np.linalg.norm(c))
    return c / norm if norm else c


def nearest(x: sp.csr_matrix, *, max_df: int = CANDIDATE_TERMS_DF,
            keep: int = NEIGHBOUR_CANDIDATES) -> tuple[np.ndarray, np.ndarray]:
    """Per document up to `keep` other documents, most similar first: (indices, cosines), -1 / 0.0 where fewer.

    Candidates are the documents that share a term found in at most `max_df` documents, ranked by what those terms
    give; their exact cosine is then computed. Linear in the documents for a bounded `max_df`.
    """
    n = x.shape[0]
    near = np.full((n, keep), -1, dtype=np.int64)
    sims = np.zeros((n, keep), dtype=np.float64)
    if n < 2:
        return near, sims
    df = np.bincount(x.indices, minlength=x.shape[1])
    rare = (df >= 2) & (df <= max_df)
    exact = bool(rare.sum() == (df >= 2).sum())  # no term left out: the partial products are the cosines
    xr = sp.csr_matrix(x[:, np.flatnonzero(rare)])
    xrt = sp.csr_matrix(xr.T)
    block = max(1, _BLOCK_CELLS // n)
    width = min(keep, n - 1)
    for start in range(0, n, block):
        stop = min(n, start + block)
        partial = (xr[start:stop] @ xrt).toarray()
        partial[np.arange(stop - start), np.arange(start, stop)] = -1.0  # not its own neighbour
        top = np.argpartition(-partial, width - 1, axis=1)[:, :width] if width < n else np.argsort(-partial, axis=1)
        got = np.take_along_axis(partial, top, axis=1)
        top = np.where(got > 0, top, -1)
        near[start:stop, :width] = top
        sims[start:stop, :width] = np.where(got > 0, got, 0.0)
    if not exact:
        sims = _cosines(x, near)
    # Most similar first; ties by index, so the order never depends on how argpartition split them.
    order = np.lexsort((np.where(near >= 0, near, n), -sims), axis=1)
    return np.take_along_axis(near, order, axis=1), np.take_along_axis(sims, order, axis=1)


def _cosines(x: sp.csr_matrix, near: np.ndarray) -> np.ndarray:
    """Exact cosines of each row of `x` with the rows `near` names (0.0 where it names none)."""
    n, keep = near.shape
    out = np.zeros((n, keep), dtype=np.float64)
    for start in range(0, n, _RESCORE_ROWS):
        stop = min(n, start + _RESCORE_ROWS)
        dense = x[start:stop].toarray()
        pairs = near[start:stop].ravel()
        valid = pairs >= 0
        if not valid.any():
            continue
        others = x[pairs[valid]]
        owner = np.repeat(np.arange(stop - start).repeat(keep)[valid], np.diff(others.indptr))
        products = dense[owner, others.indices] * others.data
        sums = np.zeros(len(pairs))
        sums[valid] = np.bincount(np.repeat(np.arange(valid.sum()), np.diff(others.indptr)), weights=products,
                                  minlength=int(valid.sum()))
        out[start:stop] = sums.reshape(stop - start, keep)
    return out


def propagate(raw: np.ndarray, near: np.ndarray, sims: np.ndarray, seeds: int) -> np.ndarray:
    """Scores smoothed over each document's PROPAGATION_K nearest documents (cosine at least PROPAGATION_TAU), at
    the fixed point, divided by the seeds' mean: f = (raw + beta * sum(w * f_neighbour)) / (1 + beta * sum(w))."""
    n = len(raw)
    k_near, k_sims = near[:, :PROPAGATION_K], sims[:, :PROPAGATION_K]
    edge = (k_near >= 0) & (k_sims >= PROPAGATION_TAU)
    rows = np.repeat(np.arange(n), PROPAGATION_K)[edge.ravel()]
    w = sp.csr_matrix((k_sims[edge], (rows, k_near[edge])), shape=(n, n))
    weight = PROPAGATION_BETA * np.asarray(w.sum(axis=1)).ravel()
    f = raw.copy()
    # Jacobi steps: each contracts by at most beta*d/(1+beta*d) < 1, so the fixed point is reached and unique.
    for _ in range(10_000):
        new = (raw + PROPAGATION_BETA * (w @ f)) / (1.0 + weight)
        moved = float(np.max(np.abs(new - f))) if n else 0.0
        f = new
        if moved < PROPAGATION_TOLERANCE:
            break
    scale = float(f[:seeds].mean())
    return f / scale if scale > 0 else np.zeros_like(f)


def _evidence(raw: np.ndarray, near: np.ndarray, link: np.ndarray,
              member: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per document its best similarity to the story, the seeds' profile or a member among its nearest documents
    (itself never: it is not its own neighbour), and which member gave it (-1: the profile)."""
    to_member = np.where((near >= 0) & member[np.maximum(near, 0)], link, 0.0)
    j = np.argmax(to_member, axis=1)
    best_link = to_member[np.arange(len(raw)), j]
    from_member = np.where(best_link > raw, near[np.arange(len(raw)), j], -1)
    return np.maximum(raw, best_link), from_member
