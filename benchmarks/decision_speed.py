"""The end-of-run decision's time as a story's candidates grow, run by hand: `python benchmarks/decision_speed.py
[--sizes 1000 5000 10000]`.

For each size N, a fresh SQLite store holds N query-matching candidates of one story (a quarter about the story,
the rest in 200 other topics), 500 other stored articles (the context) and two seed files. Texts are generated from
a Zipf vocabulary of invented words (so the neighbour search meets common and rare terms as in news), stored as the
crawl stores them: article rows, near-duplicate bands, candidate rows with their cached term weights. Then:

  first    the first decision (`crawler.story_update.update_story`): every candidate decided, the members written
           with their reasons and new sentences, in one transaction;
  again    the next run's decision of the same store (nothing new: every candidate and member decided again);
  decide   the decision alone (`crawler.membership.decide`) on the same documents, without the store;
  unchanged  a run that stored nothing since the last decision (the monitor's usual run): the digest of the
           decision's inputs compared with the last decision's (`crawler.decision_inputs`), nothing decided;
  5 new    a run that stored 5 new articles of the story, published after all the others (the monitor's usual run
           when the story moves): every candidate and member decided again, the new follow-ups' new sentences
           against every earlier text of the story.

Printed per size: seconds, milliseconds per candidate and that figure's ratio to the smallest size (1.0 =
linear; up to 2000 documents the neighbour search compares all pairs, which is cheaper than the pruned search at
that size), the decision's own peak memory (traced Python and numpy allocations during one more decision, timed
apart), and the process's peak RSS (store building included). Target (issue 15): every candidate decided, 10,000
in <= 10 s, near-linear.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from config.model import Story
from config.query import parse_query
from crawler import dedup
from crawler.decision_inputs import decide_if_changed
from crawler.matching import term_weights
from crawler.membership import CANDIDATE, SEED, Documents, decide
from crawler.stats import RunStats
from crawler.story_update import update_story
from storage import dedup_index
from storage import membership as stored
from storage.db import open_database
from storage.store import Store, utcnow

NEW_IN_A_RUN = 5

SYLLABLES = ("ber", "kal", "mun", "dor", "fel", "gis", "han", "lo", "mer", "nor", "pal", "quin", "ros", "sta", "tiv",
             "ul", "ver", "wal", "zen", "ach", "bra", "chen", "dil", "eck", "for", "gu", "hei", "ing", "jo", "kur")


def vocabulary(size: int, rng: random.Random) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 5))))
    return sorted(words)


class TextMaker:
    """Invented news texts: 300 words from a general Zipf vocabulary (its head cut off, as stopwords are) and 150
    from the text's topic, a third capitalised (German nouns). Two texts of one topic have a cosine of about 0.3,
    two of different topics about 0.07, as news texts have."""

    def __init__(self, seed: int = 5) -> None:
        self.rng = random.Random(seed)
        self.words = vocabulary(60_000, self.rng)
        self.weights = [1 / (rank + 50) for rank in range(len(self.words))]
        self.topics = [self.rng.sample(self.words[3000:], 150) for _ in range(201)]
        self.topic_weights = [1 / (rank + 1) for rank in range(150)]

    def text(self, topic: int) -> str:
        tokens = self.rng.choices(self.words, self.weights, k=300)
        tokens += self.rng.choices(self.topics[topic], self.topic_weights, k=150)
        self.rng.shuffle(tokens)
        sentences = []
        for start in range(0, len(tokens), 14):
            chunk = [w.capitalize() if self.rng.random() < 0.3 else w for w in tokens[start:start + 14]]
            sentences.append(" ".join(chunk).capitalize() + ".")
        return "\n".join(" ".join(sentences[i:i + 4]) for i in range(0, len(sentences), 4))


def build_store(path: Path, n: int, maker: TextMaker) -> tuple[Store, Story, list[tuple[str, str]]]:
    """A store with n candidates of one story (topic 0: a quarter of them), 500 context articles, two seed files."""
    store = Store(open_database(path))
    story = Story(id="bench", title="bench", query_text="x", query=parse_query("x"))
    now = utcnow()
    run_id = store.start_run(None, 0)
    seeds = [("Seed", maker.text(0)), ("Seed", maker.text(0))]
    with store.transaction():
        for i in range(n + 500):
            topic = 0 if i < n and i % 4 == 0 else 1 + i % 200
            store_article(store, story, maker, i, topic, candidate=i < n, run_id=run_id, now=now)
    return store, story, seeds


def store_article(store: Store, story: Story, maker: TextMaker, i: int, topic: int, *, candidate: bool, run_id: int,
                  now: str, published: str | None = None) -> None:
    """Article i of `topic` as the crawl stores it: its row, its near-duplicate bands and, for a candidate, its
    candidate row with its cached term weights."""
    title, text = f"Meldung {i}", maker.text(topic)
    digest = hashlib.sha1(text.encode()).hexdigest()
    fields = {"url": f"http://bench.invalid/{i}", "canonical_url": f"http://bench.invalid/{i}",
              "source": "bench", "title": title, "text": text, "content_hash": digest,
              "published": published or f"2025-01-{1 + i % 28:02d}T08:00:00+01:00"}
    article_id = store.insert_article(fields, now)
    dedup_index.index_article(store.db, article_id, dedup.text_keys(text))
    if candidate:  # as process() leaves it: its row and its cached term weights
        weights = term_weights(title, text)
        stored.save_term_weights(store.db, [(article_id, digest, weights)])
        store.set_candidate(story.id, article_id, similarity=0.0, run_id=run_id, now=now)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    args = parser.parse_args()
    maker = TextMaker()
    print("end-of-run decision of one story (seconds | ms per candidate | that per-candidate time against the "
          "smallest size)")
    base: dict[str, float] = {}
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            store, story, seeds = build_store(Path(tmp) / "bench.db", n, maker)
            built = time.perf_counter() - t0
            figures = {}
            for label in ("first", "again"):
                run_id = store.start_run(None, 0)
                t = time.perf_counter()
                with store.transaction():
                    decision = update_story(store, story, seeds, run_id=run_id, stats=RunStats([]), now=utcnow())
                figures[label] = time.perf_counter() - t
                assert decision is not None and len(decision.verdicts) == n  # every candidate decided
            members = len(decision.members())
            tracemalloc.start()
            with store.transaction():
                update_story(store, story, seeds, run_id=store.start_run(None, 0), stats=RunStats([]), now=utcnow())
            traced = tracemalloc.get_traced_memory()[1] / 1e6
            tracemalloc.stop()
            with store.transaction():  # decided and recorded: what the next run compares with
                decide_if_changed(store, story, seeds, run_id=store.start_run(None, 0), stats=RunStats([]),
                                  now=utcnow())
            t = time.perf_counter()
            with store.transaction():
                skipped = decide_if_changed(store, story, seeds, run_id=store.start_run(None, 0),
                                            stats=RunStats([]), now=utcnow())
            figures["unchanged"] = time.perf_counter() - t
            assert skipped is None
            # A cron run's usual news: a few new articles of the story, published after all the others.
            run_id = store.start_run(None, 0)
            with store.transaction():
                for k in range(NEW_IN_A_RUN):
                    store_article(store, story, maker, n + 500 + k, 0, candidate=True, run_id=run_id, now=utcnow(),
                                  published=f"2025-02-01T{8 + k:02d}:00:00+01:00")
            t = time.perf_counter()
            with store.transaction():
                decided = decide_if_changed(store, story, seeds, run_id=run_id, stats=RunStats([]), now=utcnow(),
                                            changed=True)
            figures[f"{NEW_IN_A_RUN} new"] = time.perf_counter() - t
            assert decided is not None and len(decided.verdicts) == n + NEW_IN_A_RUN
            documents = Documents()
            for article_id, _, terms, weights in stored.cached_terms(store.db, range(1, n + 1)):
                documents.add_terms(CANDIDATE, f"{article_id:09d}", article_id, terms, weights)
            for i, (title, text) in enumerate(seeds):
                documents.add(SEED, f"seed{i}", None, term_weights(title, text))
            t = time.perf_counter()
            decide(documents)
            figures["decide"] = time.perf_counter() - t
            store.db.close()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        parts = []
        for label, seconds in figures.items():
            per = seconds / n * 1000
            base.setdefault(label, per)
            parts.append(f"{label} {seconds:6.2f} s {per:6.3f} ms {per / base[label]:4.2f}x")
        print(f"  {n:6d} candidates ({members} members; store built in {built:.0f} s): " + " | ".join(parts)
              + f" | decision peak {traced:.0f} MB traced | process peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
