"""Near-identical texts (syndicated wire copy) and what a follow-up adds: shingles, MinHash, LSH bands.

A wire copy on another outlet keeps most of its word 5-grams (a new headline, an added first sentence or a dropped
last paragraph change only a few); a follow-up that repeats background paragraphs shares some of them but adds much
more text of its own, so its resemblance to the earlier article stays low even when containment is high.

Everything is a pure function of the text and stable across processes (blake2b, never `hash()`), so the band keys
stored in SQLite by one run are found by the next.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np

from crawler.textstats import sentences, words

SHINGLE_WORDS = 5
BANDS = 32
ROWS = 3  # rows per band: 32 bands of 3 make a pair at Jaccard 0.5 a candidate with p = 0.986, at 0.05 with 0.004
SIGNATURE_SIZE = BANDS * ROWS

# Resemblance (Jaccard of 5-word shingles) from which two texts are one text. ECB+ wire-copy pairs start at 0.5;
# its independent same-story write-ups stay below 0.2; a follow-up that repeats half of an earlier article and adds
# as much of its own sits near 1/3.
DUPLICATE_RESEMBLANCE = 0.5
# A copy trimmed to a part of the original (the original contains almost all of it) is a duplicate as well, even when
# the cut leaves the resemblance below 0.5, as long as it keeps this much of the original.
TRIMMED_CONTAINMENT = 0.9
TRIMMED_RESEMBLANCE = 0.35
MIN_SHINGLES_FOR_TRIM = 20  # a few shared sentences do not make a short text a copy

# A sentence is old news when this share of its word 3-grams occurred in earlier story texts.
SENTENCE_SEEN = 0.6

_MASK64 = (1 << 64) - 1
_LOW32 = (1 << 32) - 1
_EMPTY = 1 << 32  # above every value: the high 32 bits of a mixed hash pick the bin, the low 32 bits are the value


# The definition of the shingle hashes, and so of every band key stored in `article_bands`: stored keys of another
# version are computed again from the stored texts before a crawl (crawler.rekey). 1: blake2b of each 5-gram's
# UTF-8 (about 1 µs a shingle, 0.66 ms a benchmark page); 2: the word hashes below, mixed per 5-gram in numpy.
KEY_VERSION = 2

_U64 = np.uint64
# A 5-gram's hash is sum(word hash * multiplier) over its places, mod 2**64, then a finaliser: odd multipliers, one
# per place, so that the same words in another order make another shingle.
_PLACES = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                    0xFF51AFD7ED558CCD], dtype=np.uint64)
_SHORT = 0x27D4EB2F165667C5  # mixes the words of a text under five words, after its word count
# The hashes of the first words a process meets, kept: most words of a page were on the pages before it, and the
# frequent ones come early (on the fundus pages the 16,384 most frequent words are 87% of all words). Once full it
# takes no more (about 2 MB): emptying it would hash the frequent words again and again.
_WORD_HASHES: dict[str, int] = {}
_WORD_HASHES_MAX = 1 << 14


def _word_hash(word: str) -> int:
    """A word's 64-bit hash: blake2b of its UTF-8, the same in every process and run."""
    value = int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "big")
    if len(_WORD_HASHES) < _WORD_HASHES_MAX:
        _WORD_HASHES[word] = value
    return value


def shingle_array(tokens: Sequence[str]) -> np.ndarray:
    """The distinct hashed word-5-gram shingles of a token list (textstats.words) as a sorted uint64 array; a text
    under five words is one shingle."""
    if not tokens:
        return np.zeros(0, dtype=np.uint64)
    known = list(map(_WORD_HASHES.get, tokens))
    if None in known:  # each word the table lacks hashed once
        missing = {t: _word_hash(t) for t in {t for h, t in zip(known, tokens, strict=True) if h is None}}
        known = [missing[t] if h is None else h for h, t in zip(known, tokens, strict=True)]
    h = np.array(known, dtype=np.uint64)
    if len(h) < SHINGLE_WORDS:
        value = len(known)
        for word in known:
            value = (value * _SHORT + word) & _MASK64
        grams = np.array([value], dtype=np.uint64)
    else:
        n = len(h) - SHINGLE_WORDS + 1
        grams = h[:n] * _PLACES[0]
        for place in range(1, SHINGLE_WORDS):
            grams += h[place : place + n] * _PLACES[place]
    grams ^= grams >> _U64(29)
    grams *= _U64(0xBF58476D1CE4E5B9)
    grams ^= grams >> _U64(32)
    return np.unique(grams)


def shingles(text: str, tokens: Sequence[str] | None = None) -> frozenset[int]:
    """Hashed word-5-gram shingles of a text (casefolded `\\w+` words); a text under five words is one shingle.
    `tokens`: textstats.words(text), when the caller has them already."""
    return frozenset(shingle_array(words(text) if tokens is None else tokens).tolist())


def text_keys(text: str, tokens: Sequence[str] | None = None) -> list[tuple[int, int]]:
    """The band keys of a text: band_keys(signature(shingles(text))), without a set of Python integers between."""
    return band_keys(signature(shingle_array(words(text) if tokens is None else tokens)))


def _mix(x: int) -> int:
    """splitmix64 finaliser: a fixed, well-spread permutation of 64-bit integers."""
    x = (x + 0x9E3779B97F4A7C15) & _MASK64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _MASK64
    return x ^ (x >> 31)


def _bins(sh: Iterable[int]) -> list[int]:
    """The smallest low 32 bits of the mixed hashes in each bin (the high 32 bits pick it); _EMPTY where none fell."""
    bins = [_EMPTY] * SIGNATURE_SIZE
    mask, low = _MASK64, _LOW32
    for h in sh:
        # _mix(h), inlined (the hot loop): shingle hashes of short texts are not spread over the bins by themselves
        h = (h + 0x9E3779B97F4A7C15) & mask
        h = ((h ^ (h >> 30)) * 0xBF58476D1CE4E5B9) & mask
        h = ((h ^ (h >> 27)) * 0x94D049BB133111EB) & mask
        h ^= h >> 31
        i = ((h >> 32) * SIGNATURE_SIZE) >> 32
        value = h & low
        if value < bins[i]:  # noqa: PLR1730 - the hot loop; min() is a call per shingle
            bins[i] = value
    return bins


# From this many shingles _bins_numpy is the faster (its setup costs about as much as 60 turns of _bins' loop).
_NUMPY_FROM = 64


def _bins_numpy(sh: frozenset[int] | np.ndarray) -> list[int]:
    """_bins with numpy's uint64 arithmetic, which wraps around at 2**64 as `& _MASK64` does: the same values."""
    h = sh if isinstance(sh, np.ndarray) else np.fromiter(sh, dtype=np.uint64, count=len(sh))
    h = h + _U64(0x9E3779B97F4A7C15)
    h = (h ^ (h >> _U64(30))) * _U64(0xBF58476D1CE4E5B9)
    h = (h ^ (h >> _U64(27))) * _U64(0x94D049BB133111EB)
    h ^= h >> _U64(31)
    index = ((h >> _U64(32)) * _U64(SIGNATURE_SIZE)) >> _U64(32)
    bins = np.full(SIGNATURE_SIZE, _EMPTY, dtype=np.uint64)
    np.minimum.at(bins, index, h & _U64(_LOW32))
    return bins.tolist()


def signature(sh: frozenset[int] | np.ndarray) -> tuple[int, ...]:
    """MinHash signature of SIGNATURE_SIZE values: one-permutation hashing with optimal densification.

    One pass over the shingles instead of one per hash function (pure Python: 0.3 ms instead of 15 ms for a typical
    article); the chance that two signatures agree in a position is still the Jaccard of the sets
    (Shrivastava, ICML 2017).
    """
    if isinstance(sh, np.ndarray) and len(sh) < _NUMPY_FROM:
        sh = sh.tolist()
    bins = _bins_numpy(sh) if len(sh) >= _NUMPY_FROM else _bins(sh)
    if not len(sh):
        return tuple(bins)
    filled = [v != _EMPTY for v in bins]
    out = list(bins)
    for i in range(SIGNATURE_SIZE):
        if filled[i]:
            continue
        # Borrow from a pseudo-randomly chosen filled bin; the choice depends only on (i, attempt), so two texts
        # with the same filled bins borrow alike.
        attempt = 0
        while True:
            j = _mix((i << 16) | attempt) % SIGNATURE_SIZE
            if filled[j]:
                out[i] = bins[j]
                break
            attempt += 1
    return tuple(out)


def band_keys(sig: Sequence[int]) -> list[tuple[int, int]]:
    """(band, bucket) pairs of a signature: texts that share any pair are candidates for a near-duplicate check."""
    keys = []
    for band in range(BANDS):
        rows = sig[band * ROWS : (band + 1) * ROWS]
        digest = hashlib.blake2b(",".join(map(str, rows)).encode("ascii"), digest_size=8).digest()
        keys.append((band, int.from_bytes(digest, "big") >> 1))  # 63 bits: fits SQLite's signed INTEGER
    return keys


def resemblance(a: frozenset[int], b: frozenset[int]) -> float:
    """Jaccard similarity of two shingle sets (0 for two empty sets)."""
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def containment(a: frozenset[int], b: frozenset[int]) -> float:
    """Share of `a`'s shingles that occur in `b`."""
    if not a:
        return 0.0
    return len(a & b) / len(a)


def is_near_duplicate(a: frozenset[int], b: frozenset[int]) -> bool:
    """Whether text `a` is a copy of text `b` (or `b` of `a`): resemblance ≥ 0.5, or a trimmed copy of the other.

    A follow-up that repeats background paragraphs is not one: it adds text of its own, so both its resemblance and
    the share of it found in the earlier text stay low.
    """
    r = resemblance(a, b)
    if r >= DUPLICATE_RESEMBLANCE:
        return True
    if r < TRIMMED_RESEMBLANCE:
        return False
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return len(shorter) >= MIN_SHINGLES_FOR_TRIM and containment(shorter, longer) >= TRIMMED_CONTAINMENT


def _trigrams(tokens: Sequence[str]) -> set[tuple[str, ...]]:
    if len(tokens) < 3:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i : i + 3]) for i in range(len(tokens) - 2)}


def new_sentences(text: str, earlier_texts: Iterable[str]) -> list[str]:
    """The sentences of `text`, in order, that no earlier text contained (lightly edited repeats count as old)."""
    seen: set[tuple[str, ...]] = set()
    for earlier in earlier_texts:
        for sentence in sentences(earlier):
            seen |= _trigrams(words(sentence))
    out = []
    for sentence in sentences(text):
        grams = _trigrams(words(sentence))
        if not grams:
            continue
        if sum(1 for g in grams if g in seen) / len(grams) < SENTENCE_SEEN:
            out.append(sentence)
    return out


@dataclass(frozen=True)
class Copy:
    """One stored copy of a text, as needed to decide which copy is the original."""

    article_id: int
    published: str | None  # ISO 8601 date or datetime, the article's own
    first_seen: str  # ISO 8601, when storywatch stored it


def original_of(copies: Iterable[Copy]) -> int:
    """The article id of the original among copies: the earliest published; unknown dates count as first stored.

    Copies with a publication date come before copies without one only by that date; ties go to the copy stored
    first, then to the lower id, so the decision never depends on crawl order alone.
    """
    best = min(copies, key=lambda c: (instant(c.published or c.first_seen), instant(c.first_seen), c.article_id))
    return best.article_id


def instant(value: str) -> datetime:
    """An ISO 8601 date or datetime as an aware UTC datetime (naive ones taken as UTC); unreadable ones last."""
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return datetime.max.replace(tzinfo=UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def content_hash(text: str) -> str:
    """Hash of the cleaned text with white space folded: equal texts, equal hashes."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()
