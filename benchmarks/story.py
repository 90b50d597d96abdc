"""Story matching and dedup figures, run by hand: `python benchmarks/story.py [--part 1|2|3] [--big 200000]`.

(1) Membership on ECB+ (../shared/corpus/ecbplus) with the product's decision (crawler.membership.decide) at the
    product's default min_similarity: per sub-topic, a story seeded with its two earliest documents (lowest document
    numbers); the sibling sub-topic of each topic (the same kind of event, another story) is the hard negative.
    Parameters and the default were chosen on the train and dev topics; the test topics are reported beside them.
    Protocols (the issue-13 table):
      all      every other document of all topics is a candidate, one decision;
      young    the store holds only the story's own topic (its sub-topic and the sibling), one decision;
      runs     all documents arrive in runs of --batch in document order, the story decided at the end of each run
               (the figure: membership after the last run; also the mean F1 of what each run left, over the
               documents arrived by then);
      orders   --orders random arrival orders in runs of --batch (article ids given in arrival order, as a store
               would): the share of (story, document) pairs with the same membership in every order.
    Also printed: lowest member and highest non-member score (test), the threshold sweep on train+dev (F1 and TDT
    detection cost, C_miss 1, C_FA 0.1, P_target 0.02, normalised) behind the default, the document's own similarity
    alone for comparison, and a diagnostic protocol:
      lone     a store of the story's sub-topic and ONE sibling document (a hard negative with nothing of its kind).
    Then the project's German test webs, each round's store as a crawl leaves it (seeds, the query-matching pages as
    candidates, the rest as context): tests/web, the demo outlets and tests/goldweb.
(2) Duplicate detection on ECB+'s pairs_within_topic.csv: same-sub-topic pairs with jaccard_w5 >= 0.5 are wire
    copies (positives); pairs of different stories are negatives; same-story pairs below 0.2 must not be duplicates.
(3) Dedup lookup time per new article (shingles, signature, band keys, indexed candidate query, exact check) with
    10k and with 200k stored articles, in two real SQLite files looked up alternately (the machine's drift falls on
    both), and peak Python memory during the lookups.
The decision's speed as its candidates grow: benchmarks/decision_speed.py.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from config.query import WordSet, parse_query
from crawler import dedup
from crawler.matching import term_weights
from crawler.membership import CANDIDATE, CONTEXT, DEFAULT_MIN_SIMILARITY, SEED, Decision, Documents, decide
from storage import dedup_index
from storage.db import open_database

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / ".." / "shared" / "corpus" / "ecbplus"
TUNING = ("train", "dev")
Row = tuple[str, float, bool]  # (split, score, whether the document is in the story)


def _doc_number(doc_id: str) -> int:
    return int(re.match(r"\d+_(\d+)", doc_id).group(1))  # type: ignore[union-attr]


def load_ecb() -> list[dict]:
    with open(CORPUS / "documents.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def _prf(rows: list[Row], threshold: float, splits: tuple[str, ...]) -> tuple[float, float, float, int, int, int]:
    tp = fp = fn = 0
    for split, score, member in rows:
        if split not in splits:
            continue
        if score >= threshold:
            tp += member
            fp += not member
        else:
            fn += member
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), tp, fp, fn


def _cost(rows: list[Row], threshold: float, splits: tuple[str, ...]) -> float:
    """TDT's normalised detection cost: C_miss 1, C_FA 0.1, P_target 0.02 (NIST TDT evaluation plans)."""
    pos = [s for sp, s, m in rows if sp in splits and m]
    neg = [s for sp, s, m in rows if sp in splits and not m]
    p_miss = sum(s < threshold for s in pos) / max(1, len(pos))
    p_fa = sum(s >= threshold for s in neg) / max(1, len(neg))
    return (1.0 * p_miss * 0.02 + 0.1 * p_fa * 0.98) / min(1.0 * 0.02, 0.1 * 0.98)


def _line(rows: list[Row], threshold: float) -> str:
    p, r, f1, tp, fp, fn = _prf(rows, threshold, ("test",))
    members = [s for sp, s, m in rows if sp == "test" and s >= threshold]
    others = [s for sp, s, m in rows if sp == "test" and s < threshold]
    line = (f"test P {p:.3f} R {r:.3f} F1 {f1:.3f} (tp {tp} fp {fp} fn {fn}; lowest member {min(members, default=0):.3f}"
            f", highest non-member {max(others, default=0):.3f})")
    if any(split in TUNING for split, _, _ in rows):
        tuning = _prf(rows, threshold, TUNING)
        line += f"; train+dev P {tuning[0]:.3f} R {tuning[1]:.3f} F1 {tuning[2]:.3f}"
    return line


class Ecb:
    """ECB+ as the decision sees it: one Document per document, the stories (sub-topics) with their seeds."""

    def __init__(self) -> None:
        self.docs = load_ecb()
        self.weights = [term_weights("", d["text"]) for d in self.docs]
        self.order = sorted(range(len(self.docs)), key=lambda i: (_doc_number(self.docs[i]["doc_id"]),
                                                                   self.docs[i]["doc_id"]))
        subs: dict[str, list[int]] = defaultdict(list)
        for i in self.order:
            subs[self.docs[i]["subtopic"]].append(i)
        self.subtopics = dict(sorted(subs.items()))
        self.topic_docs: dict[int, list[int]] = defaultdict(list)
        for i, d in enumerate(self.docs):
            self.topic_docs[d["topic"]].append(i)

    def seeds(self, sub: str) -> list[int]:
        return self.subtopics[sub][:2]

    def split(self, sub: str) -> str:
        return self.docs[self.subtopics[sub][0]]["split"]

    def sibling(self, sub: str) -> str:
        topic = self.docs[self.subtopics[sub][0]]["topic"]
        return next(s for s, idx in self.subtopics.items() if s != sub and self.docs[idx[0]]["topic"] == topic)

    def decide(self, sub: str, candidates: list[int], threshold: float = DEFAULT_MIN_SIMILARITY,
               ids: dict[int, int] | None = None) -> Decision:
        ids = ids or {}
        documents = Documents()
        for role, members in ((SEED, self.seeds(sub)), (CANDIDATE, candidates)):
            for i in members:
                documents.add(role, self.docs[i]["doc_id"], ids.get(i, i), self.weights[i])
        return decide(documents, threshold=threshold)

    def rows(self, sub: str, decision: Decision, ids: dict[int, int] | None = None) -> list[Row]:
        back = {v: k for k, v in (ids or {}).items()}
        split = self.split(sub)
        return [(split, v.score, self.docs[back.get(a, a)]["subtopic"] == sub) for a, v in decision.verdicts.items()]


def part_membership(batch: int, orders: int, sweep: bool) -> None:
    """The issue-13 protocols on ECB+ with the product's decision at the product's default threshold."""
    t0 = time.perf_counter()
    ecb = Ecb()
    theta = DEFAULT_MIN_SIMILARITY
    print(f"(1) ECB+ membership: {len(ecb.docs)} documents, {len(ecb.subtopics)} sub-topics; product default "
          f"min_similarity {theta}; tuned on train+dev, reported on test")
    everything = list(range(len(ecb.docs)))
    protocols: dict[str, Callable[[str], list[int]]] = {
        "all documents, one decision": lambda sub: [i for i in everything if i not in ecb.seeds(sub)],
        "young store (its own topic only), one decision": lambda sub: [
            i for i in ecb.topic_docs[ecb.docs[ecb.seeds(sub)[0]]["topic"]] if i not in ecb.seeds(sub)],
    }
    results: dict[str, list[Row]] = {}
    own: list[Row] = []
    for name, candidates_of in protocols.items():
        rows: list[Row] = []
        for sub in ecb.subtopics:
            decision = ecb.decide(sub, candidates_of(sub))
            rows += ecb.rows(sub, decision)
            if name.startswith("all"):
                own += [(ecb.split(sub), v.similarity, ecb.docs[a]["subtopic"] == sub)
                        for a, v in decision.verdicts.items()]
        results[name] = rows
        print(f"  {name}:\n    {_line(rows, theta)}")
    _runs(ecb, batch, theta, results["all documents, one decision"])
    _orders(ecb, batch, orders, theta)
    _lone(ecb, theta)
    best = max((t / 400 for t in range(40, 400)), key=lambda t: _prf(own, t, TUNING)[2])
    print(f"  for comparison, the own similarity alone at its best train+dev threshold {best:.3f}:\n"
          f"    {_line(own, best)}")
    if sweep:
        _sweep(ecb)
    print(f"    ({time.perf_counter() - t0:.0f} s)")


def _runs(ecb: Ecb, batch: int, theta: float, one_decision: list[Row]) -> None:
    """Documents arrive in runs of `batch` in document order; every story is decided at the end of every run."""
    seen_f1: list[float] = []
    final: list[Row] = []
    subs = [s for s in ecb.subtopics if ecb.split(s) == "test"]
    for sub in subs:
        seeds = set(ecb.seeds(sub))
        arrived: list[int] = []
        decision = None
        for start in range(0, len(ecb.order), batch):
            arrived += [i for i in ecb.order[start:start + batch] if i not in seeds]
            decision = ecb.decide(sub, arrived)
            seen_f1.append(_prf(ecb.rows(sub, decision), theta, ("test",))[2])
        assert decision is not None
        final += ecb.rows(sub, decision)
    same = sorted(r for r in final) == sorted(r for r in one_decision if r[0] == "test")
    print(f"  runs of {batch} documents in document order, decided at the end of each run ({len(ecb.order) // batch + 1}"
          f" runs):\n    after the last run: {_line(final, theta)}\n    mean F1 of what each run left (over the "
          f"documents arrived by then): {statistics.mean(seen_f1):.3f}; after the last run the same scores as one "
          f"decision: {same}")


def _orders(ecb: Ecb, batch: int, orders: int, theta: float) -> None:
    """Random arrival orders in runs of `batch`: article ids follow the arrival; membership after the last run."""
    subs = [s for s in ecb.subtopics if ecb.split(s) == "test"]
    outcomes: list[dict[tuple[str, str], bool]] = []
    for n in range(orders):
        order = list(ecb.order)
        random.Random(n).shuffle(order)
        ids = {i: k + 1 for k, i in enumerate(order)}  # the id a store would give in this order
        outcome = {}
        for sub in subs:
            seeds = set(ecb.seeds(sub))
            decision = ecb.decide(sub, [i for i in order if i not in seeds], ids=ids)
            back = {v: k for k, v in ids.items()}
            outcome.update({(sub, ecb.docs[back[a]]["doc_id"]): v.member for a, v in decision.verdicts.items()})
        outcomes.append(outcome)
    keys = outcomes[0].keys()
    same = sum(all(o[k] == outcomes[0][k] for o in outcomes) for k in keys)
    print(f"  {orders} random arrival orders in runs of {batch} (ids in arrival order): the same membership for "
          f"{same}/{len(keys)} (story, document) pairs ({same / len(keys):.2%})")


def _lone(ecb: Ecb, theta: float) -> None:
    """Diagnostic: a store of the story's sub-topic and one sibling document, for every sibling document."""
    rows: list[Row] = []
    for sub, members in ecb.subtopics.items():
        others = [i for i in members if i not in ecb.seeds(sub)]
        for n, negative in enumerate(ecb.subtopics[ecb.sibling(sub)]):
            decision = ecb.decide(sub, [*others, negative])
            split = ecb.split(sub)
            rows.append((split, decision.verdicts[negative].score, False))
            if n == 0:
                rows += [(split, decision.verdicts[i].score, True) for i in others]
    print(f"  diagnostic, 'lone': the story's sub-topic and ONE sibling document (a hard negative without its kind), "
          f"each sibling document in turn:\n    {_line(rows, theta)}")


def _sweep(ecb: Ecb) -> None:
    """Train+dev F1 and TDT cost of the all-documents and young-store protocols at thresholds around the default."""
    print("  threshold sweep on train+dev (all documents | young store): F1, TDT normalised cost")
    tuning = [s for s in ecb.subtopics if ecb.split(s) in TUNING]
    for theta in (0.78, 0.80, 0.82, 0.84, 0.86, 0.88, 0.90):
        rows_all: list[Row] = []
        rows_young: list[Row] = []
        for sub in tuning:
            seeds = ecb.seeds(sub)
            rows_all += ecb.rows(sub, ecb.decide(sub, [i for i in range(len(ecb.docs)) if i not in seeds], theta))
            topic = ecb.topic_docs[ecb.docs[seeds[0]]["topic"]]
            rows_young += ecb.rows(sub, ecb.decide(sub, [i for i in topic if i not in seeds], theta))
        print(f"    {theta:.2f}: F1 {_prf(rows_all, theta, TUNING)[2]:.3f} | {_prf(rows_young, theta, TUNING)[2]:.3f}; "
              f"cost {_cost(rows_all, theta, TUNING):.3f} | {_cost(rows_young, theta, TUNING):.3f}")


def _module(name: str, path: Path) -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


WEB_QUERY = "Oberkolbing* AND (PFAS OR Trinkwasser* OR Löschschaum* OR Wasserversorgung)"


def german_webs() -> list[tuple[str, str, list[tuple[str, str, str, str]], list[tuple[str, str]]]]:
    """(name, query, pages, seed files) per German test web and round; a page is (key, kind, title, text) with kind
    'seed', 'story' (in the story), 'other' (not in it). Pages the crawl never stores (robots.txt, before `since`,
    another language) are left out."""
    web = _module("bench_testweb", REPO / "tests" / "web" / "articles.py")
    gold = _module("bench_goldweb", REPO / "tests" / "goldweb" / "articles.py")
    demo = _module("bench_demo", REPO / "crawler" / "demo" / "outlets" / "articles.py")
    out = []
    negatives = {"T6_hard_negative", "T7_fees", "T8_fire_engine", "R7_jackets"}
    for rnd in (1, 2):
        pages = [(a.key, "seed" if a.key == "A1_seed" else "other" if a.key in negatives else "story", a.title,
                  "\n".join((a.lead, *a.paragraphs))) for a in web.ARTICLES
                 if a.round <= rnd and a.key not in ("A_intern", "R6_before_since")]
        out.append((f"tests/web round {rnd}", WEB_QUERY, pages,
                    [("", (REPO / "tests" / "web" / "seeds" / "oberkolbing-pfas.txt").read_text(encoding="utf-8"))]))
    by_key = {a["key"]: a for a in demo.ARTICLES}
    for rnd in (1, 2):
        pages = []
        for a in demo.ARTICLES:
            if min(a.get("rounds", (1,))) > rnd:
                continue
            source = by_key[a["copy_of"]] if "copy_of" in a else a
            kind = "seed" if a["key"] == "risse" else "story" if a["kind"] == "story" else "other"
            pages.append((a["key"], kind, a["title"], "\n".join([source.get("lead", ""), *source["paras"]])))
        out.append((f"demo round {rnd}", "Sarnbrücke* OR (Sarnheim* AND Brücke*)", pages,
                    [("", (REPO / "crawler" / "demo" / "outlets" / "seeds" / "sarnbruecke.txt").read_text("utf-8"))]))
    for rnd in (1, 2):
        pages = [(a.key, "seed" if a.kind == "seed" else "story" if a.kind == "story" else "other", a.title,
                  "\n".join((a.lead, *a.paragraphs))) for a in gold.ARTICLES if a.round <= rnd and a.language == "de"]
        out.append((f"tests/goldweb round {rnd}", "Korvan* AND (Lorvenien* OR lorvenisch* OR Ravenza)", pages,
                    [("", (REPO / "tests" / "goldweb" / "seeds" / "korvan-gold.txt").read_text(encoding="utf-8"))]))
    return out


def part_german() -> None:
    """The product's decision on the German test webs' stores, at the default threshold."""
    theta = DEFAULT_MIN_SIMILARITY
    print(f"  German test webs (default {theta}): each round's store as a crawl leaves it")
    for name, query_text, pages, seed_files in german_webs():
        query = parse_query(query_text)
        documents = Documents()
        for i, (title, text) in enumerate(seed_files):
            documents.add(SEED, f"seed-file-{i}", None, term_weights(title, text))
        kinds = {}
        for n, (key, kind, title, text) in enumerate(pages):
            if kind == "seed":
                role = SEED
            elif query.matches(WordSet.from_text(f"{title}\n{text}")):
                role = CANDIDATE
                kinds[n] = kind
            else:
                role = CONTEXT
            documents.add(role, key, n, term_weights(title, text))
        decision = decide(documents, threshold=theta)
        rows: list[Row] = [("test", v.score, kinds[a] == "story") for a, v in decision.verdicts.items()]
        p, r, _, tp, fp, fn = _prf(rows, theta, ("test",))
        members = [s for _, s, m in rows if m]
        others = [s for _, s, m in rows if not m]
        print(f"    {name:24s} P {p:.3f} R {r:.3f} (tp {tp} fp {fp} fn {fn}); lowest member {min(members):.3f}, "
              f"highest non-member {max(others, default=0):.3f}")


def part_duplicates() -> None:
    docs = {d["doc_id"]: d["text"] for d in load_ecb()}
    sh = {k: dedup.shingles(v) for k, v in docs.items()}
    keys = {k: set(dedup.band_keys(dedup.signature(v))) for k, v in sh.items()}
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # kind -> [pairs, called duplicate, lsh candidate]
    with open(CORPUS / "pairs_within_topic.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            a, b = row["doc_a"], row["doc_b"]
            j = float(row["jaccard_w5"])
            same = row["same_subtopic"] == "1"
            kind = ("wire copy (same story, J>=0.5)" if j >= 0.5 else "same story J<0.2" if j < 0.2
                    else "same story 0.2<=J<0.5") if same else "different story"
            c = counts[kind]
            c[0] += 1
            c[1] += dedup.is_near_duplicate(sh[a], sh[b])
            c[2] += bool(keys[a] & keys[b])
    print("(2) ECB+ duplicate pairs (pairs, marked duplicate, shared an LSH band)")
    for kind, (n, dup, cand) in sorted(counts.items()):
        print(f"    {kind:32s} {n:6d} {dup:6d} {cand:6d}")
    tp = counts["wire copy (same story, J>=0.5)"][1]
    fn = counts["wire copy (same story, J>=0.5)"][0] - tp
    fp = counts["different story"][1] + counts["same story J<0.2"][1]
    print(f"    precision {tp / (tp + fp) if tp + fp else 0:.3f} recall {tp / (tp + fn) if tp + fn else 0:.3f} "
          f"(negatives: different-story and same-story J<0.2 pairs)")


def _text(rng: random.Random, vocab: list[str], n: int) -> str:
    return " ".join(rng.choice(vocab) for _ in range(n))


def _fill(db, start: int, stop: int, rng: random.Random) -> None:
    """Index unrelated stored articles: their band buckets are what unrelated texts give, uniform 63-bit values."""
    batch: list[tuple[int, int, int]] = []
    for article_id in range(start, stop):
        batch.extend((band, rng.getrandbits(63), article_id) for band in range(dedup.BANDS))
        if len(batch) >= 200_000:
            db.conn.executemany("INSERT INTO article_bands (band, bucket, article_id) VALUES (?, ?, ?)", batch)
            batch = []
    if batch:
        db.conn.executemany("INSERT INTO article_bands (band, bucket, article_id) VALUES (?, ?, ?)", batch)
    db.conn.commit()


def _lookup(db, text: str, stored: dict[int, frozenset[int]]) -> tuple[float, float, bool]:
    """One whole lookup: seconds in all, seconds of the index query alone, and whether a stored copy was found."""
    t0 = time.perf_counter()
    sh = dedup.shingles(text)
    keys = dedup.band_keys(dedup.signature(sh))
    t1 = time.perf_counter()
    cands = dedup_index.candidate_ids(db, keys)
    t2 = time.perf_counter()
    found = any(dedup.is_near_duplicate(sh, stored[c]) for c in cands if c in stored)
    return time.perf_counter() - t0, t2 - t1, found


def _peak_memory(db, queries: list[str]) -> int:
    """Peak traced Python bytes over the lookups."""
    tracemalloc.start()
    for text in queries:
        dedup_index.candidate_ids(db, dedup.text_keys(text))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def part_lookup(small: int, big: int, rounds: int = 5) -> None:
    """Two real SQLite files, one with `small` and one with `big` stored articles, the same 100 new articles looked
    up in both, alternating (small, big, big, small, ...) over several rounds, so that the machine's drift falls on
    both alike."""
    rng = random.Random(4)
    vocab = [f"wort{i}" for i in range(20_000)]
    originals = {i: _text(rng, vocab, 400) for i in range(1, 101)}
    stored = {i: dedup.shingles(t) for i, t in originals.items()}
    # Queries: half wire copies of stored articles (new first sentence, last 60 words dropped), half new texts.
    queries = []
    for i in range(1, 101):
        words = originals[i].split()
        queries.append(" ".join([*_text(rng, vocab, 12).split(), *words[:-60]]) if i % 2 else _text(rng, vocab, 400))
    with tempfile.TemporaryDirectory() as tmp:
        dbs = []
        t0 = time.perf_counter()
        for n in (small, big):
            db = open_database(Path(tmp) / f"bench-{n}.db")
            for i, sh in stored.items():
                dedup_index.index_article(db, i, dedup.band_keys(dedup.signature(sh)))
            _fill(db, 101, n + 1, random.Random(n))
            # The pipeline checkpoints the WAL after each crawl; a lookup over a fresh WAL measures the WAL.
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            dbs.append(db)
        fill_s = time.perf_counter() - t0
        size = (Path(tmp) / f"bench-{big}.db").stat().st_size
        for db in dbs:  # warm up both
            for text in queries[:20]:
                _lookup(db, text, stored)
        whole: list[list[float]] = [[], []]
        index_only: list[list[float]] = [[], []]
        found = [0, 0]
        for r in range(rounds):
            for q, text in enumerate(queries):
                order = (0, 1) if (q + r) % 2 == 0 else (1, 0)
                for k in order:
                    w, ix, hit = _lookup(dbs[k], text, stored)
                    whole[k].append(w)
                    index_only[k].append(ix)
                    found[k] += hit if r == 0 else 0
        peaks = [_peak_memory(db, queries) for db in dbs]
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        for db in dbs:
            db.conn.close()
    print(f"(3) dedup lookup per new article ({dedup.BANDS} bands x {dedup.ROWS} rows; {len(queries)} new articles "
          f"x {rounds} rounds, alternating between the two stores; both filled in {fill_s:.0f} s; big file "
          f"{size / 1e6:.0f} MB; max RSS of the process {rss / 1024:.0f} MB)")
    medians = []
    for k, n in enumerate((small, big)):
        m, mi = statistics.median(whole[k]), statistics.median(index_only[k])
        medians.append((m, mi))
        print(f"    {n:>7d} stored: {m * 1000:.3f} ms per article ({mi * 1e6:.0f} us of it the index query), "
              f"copies found {found[k]}/50, peak traced {peaks[k] / 1e6:.2f} MB")
    (w1, i1), (w2, i2) = medians
    print(f"    ratio {big // 1000}k / {small // 1000}k: {w2 / w1:.2f}x per article, {i2 / i1:.2f}x index query alone, "
          f"{peaks[1] / peaks[0]:.2f}x peak traced memory")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", type=int, choices=(1, 2, 3), action="append")
    parser.add_argument("--batch", type=int, default=10, help="documents per run in part 1's runs protocols")
    parser.add_argument("--orders", type=int, default=3, help="random arrival orders in part 1")
    parser.add_argument("--sweep", action="store_true", help="part 1: the threshold sweep on train+dev")
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--big", type=int, default=200_000)
    args = parser.parse_args()
    parts = args.part or [1, 2, 3]
    if {1, 2} & set(parts) and not CORPUS.is_dir():
        print(f"ECB+ not found at {CORPUS}: parts 1 and 2 skipped")
        parts = [p for p in parts if p == 3]
    if 1 in parts:
        part_membership(args.batch, args.orders, args.sweep)
        part_german()
    if 2 in parts:
        part_duplicates()
    if 3 in parts:
        part_lookup(args.small, args.big)


if __name__ == "__main__":
    main()
