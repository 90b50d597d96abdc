"""The run's counts, which become `runs.stats`."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

COUNTS = ("discovered", "fetched", "skipped_known", "extracted", "matched", "new", "duplicates", "updated", "errors",
          "left")  # left: articles that left a story on later evidence (the end-of-run decision)


class RunStats:
    """Counts of one run, errors by source and reason, and the near misses per story."""

    def __init__(self, sources: list[str]) -> None:
        self.counts: Counter[str] = Counter({k: 0 for k in COUNTS})
        self.dropped: Counter[str] = Counter()  # reason -> pages not stored or not in a story
        self.errors_by_source: dict[str, Counter[str]] = defaultdict(Counter)
        self.retries_by_source: dict[str, Counter[str]] = defaultdict(Counter)  # faults that a retry got past
        self.answered: set[str] = set()  # sources that gave at least one usable response
        self.sources = list(sources)
        self.not_article_by_source: dict[str, Counter[str]] = defaultdict(Counter)  # source -> page kind -> pages
        self.below_threshold: dict[str, dict[str, Any]] = {}
        self.stories: dict[str, Counter[str]] = defaultdict(Counter)
        # The durable frontier: carried_over (waiting at the start), added, retry_later, recovered, interrupted,
        # waiting and failing (at the end).
        self.frontier: Counter[str] = Counter()

    def inc(self, key: str, n: int = 1) -> None:
        self.counts[key] += n

    def drop(self, reason: str) -> None:
        self.dropped[reason] += 1

    def not_article(self, source: str, kind: str) -> None:
        """A fetched page judged a listing (home, section, tag, ...): not stored, counted per source and kind."""
        self.dropped["not_article"] += 1
        self.not_article_by_source[source][kind] += 1

    def error(self, source: str, reason: str) -> None:
        self.counts["errors"] += 1
        self.errors_by_source[source][reason] += 1

    def retried(self, source: str, reason: str) -> None:
        """A request retried after a fault; not an error unless its last attempt fails too."""
        self.retries_by_source[source][reason] += 1

    def near_miss(self, story: str, score: float, url: str) -> None:
        entry = self.below_threshold.setdefault(story, {"count": 0, "best_score": 0.0, "best_url": None})
        entry["count"] += 1
        if score >= entry["best_score"]:
            entry["best_score"] = round(score, 4)
            entry["best_url"] = url

    def all_sources_failed(self) -> bool:
        return bool(self.sources) and not self.answered

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = dict(self.counts)
        out["dropped"] = dict(self.dropped)
        out["errors_by_source"] = {s: dict(c) for s, c in self.errors_by_source.items()}
        out["retries_by_source"] = {s: dict(c) for s, c in self.retries_by_source.items()}
        out["not_article_by_source"] = {s: dict(c) for s, c in self.not_article_by_source.items()}
        out["sources_answered"] = sorted(self.answered)
        out["sources_failed"] = sorted(set(self.sources) - self.answered)
        out["below_threshold"] = self.below_threshold
        out["stories"] = {s: dict(c) for s, c in self.stories.items()}
        out["frontier"] = dict(self.frontier)
        return out
