"""Extraction quality and speed of storywatch beside plain ``trafilatura.extract``, per corpus, in one run.

    python benchmarks/extraction.py ../shared/corpus [--jobs N] [--limit N] [--json OUT]

Scoring is the same as ``shared/tools/extract_eval.py``: zyte and fundus-de (German, Austrian and Swiss pages of
fundus-publisher-testdata) by 4-gram shingle precision/recall averaged per page, trafilatura-evaldata by its
'with' / 'without' snippets.  storywatch gets the page bytes without the URL, as `storywatch extract --jsonl` does
for the shared tool; plain trafilatura gets the URL, as the shared tool gives it.  Pages per second are per core:
the pages divided by the summed CPU time of the extraction calls.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TOKEN = re.compile(r"\w+", re.UNICODE)
CORPORA = ("zyte", "trafilatura", "fundus-de")


@dataclass(frozen=True)
class Case:
    """One page of a corpus with its ground truth."""

    corpus: str
    path: Path
    url: str | None
    truth: object  # zyte / fundus-de: the body text; trafilatura: (with-snippets, without-snippets)


def shingles(text: str | None, n: int = 4) -> Counter[tuple[str, ...]]:
    """Word 4-gram multiset, as the shared scorer counts it."""
    toks = TOKEN.findall(text or "")
    return Counter(tuple(toks[i:i + n]) for i in range(max(1, len(toks) - n + 1)) if toks[i:i + n])


def zyte_score(pairs: Iterable[tuple[str, str]]) -> tuple[float, float, float]:
    """Per-page shingle precision and recall, averaged (the zyte benchmark's way)."""
    precs, recs = [], []
    for true, pred in pairs:
        t_sh, p_sh = shingles(true), shingles(pred)
        tp: float = sum(min(t_sh[k], p_sh[k]) for k in t_sh.keys() & p_sh.keys())
        fp: float = sum(p_sh.values()) - tp
        fn: float = sum(t_sh.values()) - tp
        s = tp + fp + fn
        if s:
            tp, fp, fn = tp / s, fp / s, fn / s
        if tp + fp > 0:
            precs.append(1.0 if fp == fn == 0 else tp / (tp + fp))
        if tp + fn > 0:
            recs.append(1.0 if fp == fn == 0 else tp / (tp + fn))
    p, r = statistics.mean(precs), statistics.mean(recs)
    return p, r, 2 * p * r / (p + r)


def _norm(s: str | None) -> str:
    return " ".join((s or "").split())


def snippet_score(rows: Iterable[tuple[str, Sequence[str], Sequence[str]]]) -> tuple[float, float, float]:
    """Micro precision and recall over must-have and must-not-have snippets (trafilatura's evaluation)."""
    tp = fp = fn = 0
    for text, withs, withouts in rows:
        t = _norm(text)
        for w in withs:
            if _norm(w) in t:
                tp += 1
            else:
                fn += 1
        for w in withouts:
            if _norm(w) in t:
                fp += 1
    p = tp / (tp + fp) if tp + fp else 0
    r = tp / (tp + fn) if tp + fn else 0
    return p, r, 2 * p * r / (p + r) if p + r else 0


def load_cases(root: Path) -> list[Case]:
    """All pages of the three corpora, paired with their ground truth, like the shared tool loads them."""
    cases: list[Case] = []
    z = root / "zyte-article-extraction-benchmark"
    for key, v in json.loads((z / "ground-truth.json").read_text()).items():
        cases.append(Case("zyte", z / "html" / f"{key}.html.gz", v.get("url"), v.get("articleBody", "")))
    t = root / "trafilatura-evaldata"
    with open(t / "index.csv", newline="") as fh:
        index = {row["url"]: row for row in csv.DictReader(fh)}
    for url, v in json.loads((t / "evaldata.json").read_text()).items():
        row = index.get(url)
        if row:
            cases.append(Case("trafilatura", t / row["path"], url, (v.get("with", []), v.get("without", []))))
    f = root / "fundus-publisher-testdata"
    with open(f / "index.csv", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["country"] not in ("de", "at", "ch"):
                continue
            exp = json.loads((f / row["expected_json"]).read_text())[row["version_key"]]
            body = exp.get("body") or {}
            parts = list(body.get("summary") or [])
            for sec in body.get("sections") or []:
                parts += list(sec.get("headline") or []) + list(sec.get("paragraphs") or [])
            cases.append(Case("fundus-de", f / row["html_path"], row["url"], "\n".join(parts)))
    return cases


def read_page(path: Path) -> bytes:
    """The page's bytes, gunzipped when the file is .gz."""
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def plain_trafilatura(page: bytes, url: str | None) -> str:
    """The baseline: trafilatura.extract with its defaults, given the URL."""
    import trafilatura

    return trafilatura.extract(page, url=url) or ""


def trafilatura_with_metadata(page: bytes, url: str | None) -> str:
    """trafilatura.extract asked for metadata too (title, author, date, ...), as storywatch always reads them."""
    import trafilatura

    return trafilatura.extract(page, url=url, with_metadata=True) or ""


def storywatch(page: bytes, url: str | None) -> str:
    """storywatch's extraction as `storywatch extract FILE` runs it (no URL, built-in rules)."""
    from crawler.extract import ExtractionError, decode_html, extract_page

    try:
        return extract_page(decode_html(page), None).text
    except ExtractionError:
        return ""


ENGINES: dict[str, Callable[[bytes, str | None], str]] = {
    "storywatch": storywatch, "trafilatura": plain_trafilatura, "traf+meta": trafilatura_with_metadata}
SCORED = ("storywatch", "trafilatura")  # traf+meta gives the same text as trafilatura: timed only

# The steps of extract_page that remove what trafilatura left (the rest is trafilatura, metadata, related links).
CLEANING_STEPS = (("crawler.cleaning", "clean_paragraphs"), ("crawler.extract", "_link_list_items"),
                  ("crawler.extract", "_source_list_items"), ("crawler.extract", "_without_headline"))
_cleaning_seconds = [0.0]


def _time_cleaning_steps() -> None:
    """Wrap the cleaning steps in this worker so that their CPU time is summed apart (once per process)."""
    import importlib

    for module_name, name in CLEANING_STEPS:
        module = importlib.import_module(module_name)
        step = getattr(module, name)
        if getattr(step, "_timed", False):
            continue

        def timed(*args: object, _step: Callable[..., object] = step, **kwargs: object) -> object:
            start = time.process_time()
            try:
                return _step(*args, **kwargs)
            finally:
                _cleaning_seconds[0] += time.process_time() - start

        timed._timed = True  # type: ignore[attr-defined]
        setattr(module, name, timed)


def _timed(engine: str, path: str, url: str | None) -> tuple[str, float, float]:
    page = read_page(Path(path))
    if engine == "storywatch":
        _time_cleaning_steps()
    _cleaning_seconds[0] = 0.0
    start = time.process_time()  # CPU time of this worker: fairer than wall time on a shared machine
    try:
        text = ENGINES[engine](page, url)
    except Exception:  # noqa: BLE001 - the shared tool scores a crash as an empty text
        text = ""
    return text, time.process_time() - start, _cleaning_seconds[0]


def run_engine(engine: str, cases: Sequence[Case], jobs: int) -> tuple[list[str], float, float]:
    """Texts in case order, the summed extraction seconds and the part of them spent in the cleaning steps."""
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(_timed, [engine] * len(cases), [str(c.path) for c in cases],
                                [c.url for c in cases], chunksize=8))
    return [text for text, _, _ in results], sum(r[1] for r in results), sum(r[2] for r in results)


def score(cases: Sequence[Case], texts: Sequence[str]) -> dict[str, tuple[float, float, float]]:
    """(precision, recall, F1) per corpus present in the cases."""
    out: dict[str, tuple[float, float, float]] = {}
    for corpus in CORPORA:
        sel = [(c, t) for c, t in zip(cases, texts) if c.corpus == corpus]
        if not sel:
            continue
        if corpus == "trafilatura":
            out[corpus] = snippet_score((t, c.truth[0], c.truth[1]) for c, t in sel)  # type: ignore[index]
        else:
            out[corpus] = zyte_score((str(c.truth), t) for c, t in sel)
    return out


def page_f1(case: Case, text: str) -> float:
    """One page's F1 against a body ground truth (zyte and fundus-de pages), scored like the corpus."""
    return zyte_score([(str(case.truth), text)])[2]


def page_key(case: Case, root: Path) -> str:
    """A page's name in the floor file: its path under the corpus folder."""
    return case.path.relative_to(root).as_posix()


def floors_from(cases: Sequence[Case], texts: Sequence[str], root: Path, page_corpus: str = "fundus-de") -> dict[str, object]:
    """Floors for the numbers reached: per-corpus F1 and per-page F1 of one corpus, rounded down."""
    corpus = {name: int(f1 * 1000) / 1000 for name, (_, _, f1) in score(cases, texts).items()}
    pages = {page_key(c, root): int(page_f1(c, t) * 1000) / 1000
             for c, t in zip(cases, texts) if c.corpus == page_corpus}
    return {"corpus_f1": corpus, "page_corpus": page_corpus, "page_f1": pages}


def raise_floors(old: dict[str, object], new: dict[str, object]) -> dict[str, object]:
    """A floor may rise, never fall: the larger of the old and the new value, key by key."""
    out = dict(new)
    for key in ("corpus_f1", "page_f1"):
        merged = dict(new.get(key, {}))  # type: ignore[call-overload]
        for name, value in dict(old.get(key, {})).items():  # type: ignore[call-overload]
            merged[name] = max(value, merged.get(name, value))
        out[key] = merged
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Print the side-by-side table; optionally write the numbers as JSON."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, help="the shared corpus folder (../shared/corpus)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes")
    ap.add_argument("--limit", type=int, default=0, help="only every N-th page (quick look)")
    ap.add_argument("--only", choices=CORPORA, action="append", help="restrict to a corpus (repeatable)")
    ap.add_argument("--json", type=Path, help="write the numbers to this file")
    ap.add_argument("--write-floor", type=Path, help="raise the floors in this file (extraction_floor.json) "
                    "to what storywatch reached; never lowers one")
    args = ap.parse_args(argv)
    cases = load_cases(args.corpus)
    if args.only:
        cases = [c for c in cases if c.corpus in args.only]
    if args.limit:
        cases = cases[:: args.limit]
    results: dict[str, dict[str, object]] = {}
    for engine in ENGINES:
        texts, seconds, cleaning = run_engine(engine, cases, args.jobs)
        results[engine] = {"scores": score(cases, texts) if engine in SCORED else {},
                           "pages_per_s": len(cases) / seconds if seconds else 0.0,
                           "seconds": seconds, "cleaning_seconds": cleaning}
        if engine == "storywatch" and args.write_floor:
            if args.only or args.limit:
                ap.error("--write-floor needs the whole corpus (no --only, no --limit)")
            old = json.loads(args.write_floor.read_text()) if args.write_floor.exists() else {}
            floors = raise_floors(old, floors_from(cases, texts, args.corpus))
            args.write_floor.write_text(json.dumps(floors, indent=1, sort_keys=True) + "\n")
    print(f"{len(cases)} pages; pages/s per core = pages / summed extraction time")
    print(f"{'corpus':<12} {'engine':<11} {'P':>6} {'R':>6} {'F1':>6}")
    for corpus in CORPORA:
        for engine in ENGINES:
            sc = results[engine]["scores"]
            assert isinstance(sc, dict)
            if corpus in sc:
                p, r, f = sc[corpus]
                print(f"{corpus:<12} {engine:<11} {p:6.3f} {r:6.3f} {f:6.3f}")
    plain_s = float(results["trafilatura"]["seconds"])  # type: ignore[arg-type]
    for engine in ENGINES:
        sec = float(results[engine]["seconds"])  # type: ignore[arg-type]
        print(f"speed {engine:<11} {results[engine]['pages_per_s']:.1f} pages/s, "
              f"{sec / plain_s:.2f}x the CPU time of plain trafilatura")
    sw = results["storywatch"]
    cleaning_s, total_s = float(sw["cleaning_seconds"]), float(sw["seconds"])  # type: ignore[arg-type]
    print(f"cleaning steps ({', '.join(n for _, n in CLEANING_STEPS)}): {cleaning_s:.1f} s of storywatch's "
          f"{total_s:.1f} s; they add {cleaning_s / (total_s - cleaning_s):.0%} to the extraction without them")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
