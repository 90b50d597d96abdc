"""Extraction quality and speed of storywatch beside plain ``trafilatura.extract``, per corpus, in one run.

    python benchmarks/extraction.py ../shared/corpus [--jobs N] [--limit N] [--json OUT]

Scoring is the same as ``shared/tools/extract_eval.py``: zyte and fundus-de (German, Austrian and Swiss pages of
fundus-publisher-testdata) by 4-gram shingle precision/recall averaged per page, trafilatura-evaldata by its
'with' / 'without' snippets.  storywatch gets the page bytes without the URL, as `storywatch extract --jsonl` does
for the shared tool; plain trafilatura gets the URL, as the shared tool gives it.  Pages per second are per core:
the pages divided by the summed CPU time of the extraction calls.

Every figure is printed for the two halves of the corpus, split by site (benchmarks/corpus_split.json, a fixed
list: the cleaning was tuned on 'dev' only; 'test' is the held-out half), and for both together:
- F1 per corpus;
- kicker lines at text start: leading lines of at most KICKER_MAX_WORDS words that are no line of the page's
  ground truth (a topic label, a breadcrumb, a skip link), on the corpora with a full ground truth (zyte, fundus-de);
- recurring lines: lines of at least 4 words found in two or more texts of one site and in none of those pages'
  ground truths (template that survived), on the same corpora;
- the same for 'sw+site': storywatch's texts after the pages of each site learned from one another, as a crawl
  of the site learns its recurring lines and re-cleans what it stored (crawler/site_boilerplate.py);
- metadata on fundus-de beside trafilatura's (``extract(with_metadata=True)``): title, author, date (the
  calendar day, and the instant to the minute) and agency (hand labels in benchmarks/fundus_labels.json).
"""

from __future__ import annotations

import argparse
import csv
import functools
import gzip
import json
import os
import re
import statistics
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TOKEN = re.compile(r"\w+", re.UNICODE)
CORPORA = ("zyte", "trafilatura", "fundus-de")
HERE = Path(__file__).resolve().parent
SPLIT_FILE = HERE / "corpus_split.json"
LABELS_FILE = HERE / "fundus_labels.json"
HALVES = ("dev", "test")
BODY_TRUTH = ("zyte", "fundus-de")  # corpora whose ground truth is the whole body text
KICKER_MAX_WORDS = 8
RECURRING_MIN_WORDS = 4
WEAKEST = 10  # pages listed per body corpus by --verbose
# fundus writes some times without an offset; its German pages' local time is Central European.
FUNDUS_ZONE = ZoneInfo("Europe/Berlin")


@dataclass(frozen=True)
class Case:
    """One page of a corpus with its ground truth."""

    corpus: str
    path: Path
    url: str | None
    truth: object  # zyte / fundus-de: the body text; trafilatura: (with-snippets, without-snippets)
    site: str = ""  # the outlet: fundus' publisher, else the URL's host
    meta: dict[str, Any] = field(default_factory=dict)  # fundus-de: title, authors, publishing_date, agencies


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


def host_site(url: str | None) -> str:
    """A page's site when the corpus names no publisher: its host without 'www.'."""
    return (urlsplit(url or "").hostname or "").lower().removeprefix("www.")


def load_cases(root: Path) -> list[Case]:
    """All pages of the three corpora, paired with their ground truth, like the shared tool loads them."""
    cases: list[Case] = []
    z = root / "zyte-article-extraction-benchmark"
    for key, v in json.loads((z / "ground-truth.json").read_text()).items():
        cases.append(Case("zyte", z / "html" / f"{key}.html.gz", v.get("url"), v.get("articleBody", ""),
                          host_site(v.get("url"))))
    t = root / "trafilatura-evaldata"
    with open(t / "index.csv", newline="") as fh:
        index = {row["url"]: row for row in csv.DictReader(fh)}
    for url, v in json.loads((t / "evaldata.json").read_text()).items():
        row = index.get(url)
        if row:
            cases.append(Case("trafilatura", t / row["path"], url, (v.get("with", []), v.get("without", [])),
                              host_site(url)))
    f = root / "fundus-publisher-testdata"
    labels = json.loads(LABELS_FILE.read_text())["agencies"]
    places = set(json.loads(LABELS_FILE.read_text())["not_authors"]["names"])
    with open(f / "index.csv", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["country"] not in ("de", "at", "ch"):
                continue
            exp = json.loads((f / row["expected_json"]).read_text())[row["version_key"]]
            body = exp.get("body") or {}
            parts = list(body.get("summary") or [])
            for sec in body.get("sections") or []:
                parts += list(sec.get("headline") or []) + list(sec.get("paragraphs") or [])
            meta = {"title": exp.get("title"), "authors": [a for a in exp.get("authors") or [] if a not in places],
                    "published": exp.get("publishing_date"), "agencies": labels.get(row["html_path"], [])}
            cases.append(Case("fundus-de", f / row["html_path"], row["url"], "\n".join(parts), row["publisher"],
                              meta))
    return cases


def make_split(cases: Sequence[Case]) -> dict[str, object]:
    """Sites of each corpus into two halves by a hash of the site name (stable, blind to the pages' content)."""
    import hashlib

    halves: dict[str, dict[str, list[str]]] = {h: {c: [] for c in CORPORA} for h in HALVES}
    for corpus in CORPORA:
        for site in sorted({c.site for c in cases if c.corpus == corpus}):
            bit = hashlib.blake2b(site.encode("utf-8"), digest_size=2).digest()[0] & 1
            halves[HALVES[bit]][corpus].append(site)
    return {"about": "Sites of ../shared/corpus split in two by make_split() in benchmarks/extraction.py: "
                     "the cleaning is tuned on 'dev'; 'test' is held out.", **halves}


def half_of(split: dict[str, Any], case: Case) -> str:
    """'dev' or 'test': the half of the case's site (sites the split does not know count as test)."""
    return "dev" if case.site in split.get("dev", {}).get(case.corpus, ()) else "test"


def read_page(path: Path) -> bytes:
    """The page's bytes, gunzipped when the file is .gz."""
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


Result = tuple[str, dict[str, Any] | None]  # the text, and the metadata when the engine reads it


@contextmanager
def _as_shipped() -> Iterator[None]:
    """trafilatura's parser as trafilatura ships it, for the baselines: storywatch gives trafilatura's parser lxml's
    C-level element lookup (crawler.extract._element_classes_in_c), and in this process the baselines would get it
    too and seem faster than trafilatura is on its own."""
    from trafilatura import utils

    ours = utils.HTML_PARSER
    utils.HTML_PARSER = _shipped_parser()
    try:
        yield
    finally:
        utils.HTML_PARSER = ours


@functools.cache
def _shipped_parser() -> object:
    """A parser made as trafilatura.utils makes its HTML_PARSER (lxml.html's own element lookup)."""
    from lxml import html

    return html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
                           remove_pis=True)


def plain_trafilatura(page: bytes, url: str | None) -> Result:
    """The baseline: trafilatura.extract with its defaults, given the URL."""
    import trafilatura

    with _as_shipped():
        return trafilatura.extract(page, url=url) or "", None


def trafilatura_with_metadata(page: bytes, url: str | None) -> Result:
    """trafilatura.extract asked for metadata too (title, author, date), as storywatch always reads them."""
    import trafilatura

    with _as_shipped():
        out = trafilatura.extract(page, url=url, with_metadata=True, output_format="json")
    doc = json.loads(out) if out else {}
    return doc.get("text") or "", {"title": doc.get("title"), "author": doc.get("author"),
                                   "published": doc.get("date"), "agency": None}


def storywatch(page: bytes, url: str | None) -> Result:
    """storywatch's extraction as `storywatch extract FILE` runs it (no URL, built-in rules)."""
    from crawler.extract import ExtractionError, decode_html, extract_page

    try:
        ext = extract_page(decode_html(page), None)
    except ExtractionError:
        return "", {}
    return ext.text, {"title": ext.title, "author": ext.author, "published": ext.published, "agency": ext.agency,
                      "source": ext.source, "canonical_url": ext.canonical_url}


ENGINES: dict[str, Callable[[bytes, str | None], Result]] = {
    "storywatch": storywatch, "trafilatura": plain_trafilatura, "traf+meta": trafilatura_with_metadata}
SCORED = ("storywatch", "trafilatura")  # traf+meta gives the same text as trafilatura: timed, and its metadata
# storywatch's texts after each site's pages learned from one another, as in a crawl (see learned_per_site)
IN_A_CRAWL = "sw+site"

# The steps of extract_page that remove what trafilatura left (the rest is trafilatura, metadata, related links).
CLEANING_STEPS = (("crawler.cleaning", "clean_paragraphs"), ("crawler.extract", "_link_list_items"),
                  ("crawler.extract", "_source_list_items"), ("crawler.frame", "trim_frame"))
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


def _timed(engine: str, path: str, url: str | None) -> tuple[Result, float, float]:
    page = read_page(Path(path))
    if engine == "storywatch":
        _time_cleaning_steps()
    _cleaning_seconds[0] = 0.0
    start = time.process_time()  # CPU time of this worker: fairer than wall time on a shared machine
    try:
        result = ENGINES[engine](page, url)
    except Exception:  # noqa: BLE001 - the shared tool scores a crash as an empty text
        result = "", {}
    return result, time.process_time() - start, _cleaning_seconds[0]


def run_engine(engine: str, cases: Sequence[Case], jobs: int
               ) -> tuple[list[str], float, float, list[dict[str, Any] | None]]:
    """Texts in case order, the summed extraction seconds, the part of them spent in the cleaning steps, and the
    metadata per case (None for an engine that reads none)."""
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(_timed, [engine] * len(cases), [str(c.path) for c in cases],
                                [c.url for c in cases], chunksize=8))
    return ([res[0] for res, _, _ in results], sum(r[1] for r in results), sum(r[2] for r in results),
            [res[1] for res, _, _ in results])


def learned_per_site(cases: Sequence[Case], texts: Sequence[str],
                     metas: Sequence[dict[str, Any] | None]) -> list[str]:
    """storywatch's texts as a crawl of each site's pages leaves them: lines in two or more pages of a site are
    learned and dropped where their shape and place allow it (crawler/site_boilerplate.py), as the end of a run
    re-cleans the stored texts."""
    from crawler.frame import Frame
    from crawler.site_boilerplate import drop_learned, paragraph_hash
    from storage.boilerplate import MIN_ARTICLES

    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for case, text in zip(cases, texts):
        counts[f"{case.corpus}:{case.site}"].update({paragraph_hash(line) for line in text.splitlines() if line})
    out = []
    for case, text, meta in zip(cases, texts, metas):
        learned = frozenset(h for h, n in counts[f"{case.corpus}:{case.site}"].items() if n >= MIN_ARTICLES)
        meta = meta or {}
        host = urlsplit(meta.get("canonical_url") or case.url or "").hostname
        kept, _ = drop_learned(text.splitlines(), learned, Frame.of((), (meta.get("source"),), (host,)))
        out.append("\n".join(kept))
    return out


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


def fold(text: str | None) -> str:
    """Lower case, soft hyphens and zero-width characters gone, runs of non-word characters as one space."""
    text = unicodedata.normalize("NFKC", text or "").replace("\u00ad", "").replace("\u200b", "")
    return " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())


def _truth_lines(case: Case) -> tuple[str, set[str]]:
    truth = str(case.truth)
    return f" {fold(truth)} ", {fold(line) for line in truth.splitlines()}


def _in_truth(line: str, truth: tuple[str, set[str]]) -> bool:
    """A line belongs to the ground truth: as one of its lines when short, else as a run of its words."""
    folded = fold(line)
    if not folded:
        return False
    if len(folded.split()) < RECURRING_MIN_WORDS:
        return folded in truth[1]
    return f" {folded} " in truth[0]


def kicker_lines(case: Case, text: str) -> list[str]:
    """The leading lines of a text that are short and no line of the ground truth: kickers, labels, skip links."""
    truth = _truth_lines(case)
    out = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if len(line.split()) > KICKER_MAX_WORDS or _in_truth(line, truth):
            break
        out.append(line)
    return out


def recurring_lines(cases: Sequence[Case], texts: Sequence[str]) -> dict[str, list[str]]:
    """Per site, the lines of >= 4 words that two or more of its texts share and none of their ground truths holds."""
    pages: dict[str, list[tuple[Case, str]]] = defaultdict(list)
    for case, text in zip(cases, texts):
        if case.corpus in BODY_TRUTH:
            pages[f"{case.corpus}:{case.site}"].append((case, text))
    out: dict[str, list[str]] = {}
    for site, group in pages.items():
        if len(group) < 2:
            continue
        seen: Counter[str] = Counter()
        for _, text in group:
            seen.update({fold(line) for line in text.splitlines() if len(fold(line).split()) >= RECURRING_MIN_WORDS})
        truths = [_truth_lines(case) for case, _ in group]
        bad = sorted(line for line, n in seen.items() if n >= 2 and not any(_in_truth(line, t) for t in truths))
        if bad:
            out[site] = bad
    return out


# --- metadata ---------------------------------------------------------------------------------------------------

def _instant(value: str | None) -> datetime | date | None:
    """A date or an aware instant from an ISO text; a time without offset is read in FUNDUS_ZONE, midnight as a day."""
    if not value:
        return None
    value = value.strip().replace(" ", "T", 1)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    if len(value) <= 10:
        return moment.date()
    if moment.tzinfo is None:
        if (moment.hour, moment.minute, moment.second) == (0, 0, 0):
            return moment.date()  # fundus' way of writing a date without a time
        moment = moment.replace(tzinfo=FUNDUS_ZONE)
    return moment


def _local_day(value: datetime | date, like: datetime | date) -> date:
    if isinstance(value, datetime):
        zone = like.tzinfo if isinstance(like, datetime) and like.tzinfo else FUNDUS_ZONE
        return value.astimezone(zone).date()
    return value


def date_matches(found: str | None, truth: str | None) -> tuple[bool, bool]:
    """(same calendar day where the page is, same instant to the minute) of a found date against the truth's."""
    got, want = _instant(found), _instant(truth)
    if got is None or want is None:
        return False, False
    day = _local_day(got, want) == _local_day(want, want)
    if isinstance(want, datetime):
        exact = isinstance(got, datetime) and abs((got - want).total_seconds()) < 60
    else:
        exact = day
    return day, exact


def _names(value: str | Sequence[str] | None) -> set[str]:
    items = re.split(r"\s*[;,]\s*|\s+(?:und|and)\s+", value) if isinstance(value, str) else list(value or [])
    return {fold(v) for v in items if fold(v)}


def expected_authors(case: Case) -> set[str]:
    """fundus' authors without the outlet's own name and without agencies; the agency when no person is left."""
    from crawler.agency import AGENCIES, canonical_agency

    site = fold(case.site).replace(" ", "")
    people = set()
    for name in case.meta.get("authors", []):
        folded = fold(name)
        if canonical_agency(name) or folded in AGENCIES:
            continue
        squashed = folded.replace(" ", "")
        # a short site name ('BR') counts at the start of a word only: 'Sabrina' is no mention of BR
        named = site in squashed if len(site) >= 4 else any(w.startswith(site) for w in (squashed, *folded.split()))
        if named or any(len(w) >= 4 and w in site for w in folded.split()):
            continue  # 'DER SPIEGEL', 'BR24 Redaktion', 'ndr.de': the outlet, not an author
        people.add(folded)
    if not people:
        people = {fold(a) for a in case.meta.get("agencies", [])}
    return people


def metadata_scores(cases: Sequence[Case], metas: Sequence[dict[str, Any] | None]) -> dict[str, float]:
    """Share of fundus-de pages whose title, author, day, instant and agency are right."""
    hits: Counter[str] = Counter()
    n = 0
    for case, meta in zip(cases, metas):
        if case.corpus != "fundus-de" or meta is None:
            continue
        n += 1
        hits["title"] += fold(meta.get("title")) == fold(case.meta.get("title"))
        hits["author"] += _names(meta.get("author")) == expected_authors(case)
        day, exact = date_matches(meta.get("published"), case.meta.get("published"))
        hits["date (day)"] += day
        hits["date (instant)"] += exact
        hits["agency"] += _names(meta.get("agency")) == {fold(a) for a in case.meta.get("agencies", [])}
    return {k: hits[k] / n for k in ("title", "author", "date (day)", "date (instant)", "agency")} if n else {}


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


def _by_half(cases: Sequence[Case], split: dict[str, Any]) -> dict[str, list[int]]:
    idx: dict[str, list[int]] = {h: [] for h in HALVES}
    for i, case in enumerate(cases):
        idx[half_of(split, case)].append(i)
    idx["all"] = list(range(len(cases)))
    return idx


def _pick(seq: Sequence[Any], ids: Sequence[int]) -> list[Any]:
    return [seq[i] for i in ids]


def report(cases: Sequence[Case], split: dict[str, Any], results: dict[str, dict[str, Any]], verbose: bool,
           shown: Sequence[str] = ("dev",)) -> None:
    """Print quality per half: F1, kicker lines, recurring lines, metadata; with `verbose`, the failing pages of the
    halves in `shown` one by one (the lowest F1 too)."""
    halves = _by_half(cases, split)
    listed = [i for h in shown for i in halves[h]]
    cols = ("dev", "test", "all")
    print("\nF1 per corpus (P / R / F1), by half of the sites")
    print(f"{'corpus':<12} {'engine':<11} " + " ".join(f"{h:>20}" for h in cols))
    quality = (*SCORED, IN_A_CRAWL)
    for corpus in CORPORA:
        for engine in quality:
            cells = []
            for h in cols:
                ids = [i for i in halves[h] if cases[i].corpus == corpus]
                if not ids:
                    cells.append(f"{'-':>20}")
                    continue
                p, r, f = score(_pick(cases, ids), _pick(results[engine]["texts"], ids))[corpus]
                cells.append(f"{p:6.3f} {r:6.3f} {f:6.3f}")
            print(f"{corpus:<12} {engine:<11} " + " ".join(cells))
    print(f"\nkicker lines at text start (<= {KICKER_MAX_WORDS} words, no line of the truth; zyte + fundus-de; "
          "target 0)")
    for engine in quality:
        texts = results[engine]["texts"]
        counts = {h: sum(len(kicker_lines(cases[i], texts[i])) for i in halves[h] if cases[i].corpus in BODY_TRUTH)
                  for h in cols}
        print(f"  {engine:<11} " + "  ".join(f"{h} {counts[h]}" for h in cols))
        if verbose and engine == "storywatch":
            for i in listed:
                if cases[i].corpus in BODY_TRUTH and kicker_lines(cases[i], texts[i]):
                    print(f"      {half_of(split, cases[i])} {cases[i].path.name}: {kicker_lines(cases[i], texts[i])}")
    print(f"\nrecurring lines (>= {RECURRING_MIN_WORDS} words, in 2+ texts of a site, in none of their truths; "
          "zyte + fundus-de; target 0)")
    for engine in quality:
        texts = results[engine]["texts"]
        cells = []
        for h in cols:
            found = recurring_lines(_pick(cases, halves[h]), _pick(texts, halves[h]))
            cells.append(f"{h} {sum(len(v) for v in found.values())} in {len(found)} sites")
        print(f"  {engine:<11} " + "  ".join(cells))
        if verbose and engine in ("storywatch", IN_A_CRAWL):
            for h in shown:
                for site, lines in recurring_lines(_pick(cases, halves[h]), _pick(texts, halves[h])).items():
                    for line in lines:
                        print(f"      {h} {site}: {line[:110]}")
    print("\nmetadata on fundus-de (share of pages right; trafilatura: extract(with_metadata=True), "
          "its date is a day; target >= 0.95)")
    fields = ("title", "author", "date (day)", "date (instant)", "agency")
    print(f"{'field':<15} " + " ".join(f"{e + ' ' + h:>22}" for h in cols for e in ("storywatch", "trafilatura")))
    scores = {(e, h): metadata_scores(_pick(cases, halves[h]), _pick(results[src]["metas"], halves[h]))
              for e, src in (("storywatch", "storywatch"), ("trafilatura", "traf+meta")) for h in cols}
    for name in fields:
        print(f"{name:<15} " + " ".join(f"{scores[(e, h)].get(name, 0.0):>22.3f}" for h in cols
                                        for e in ("storywatch", "trafilatura")))
    if verbose:
        sw = results["storywatch"]["metas"]
        for case, meta in zip(cases, sw):
            if case.corpus != "fundus-de" or meta is None or half_of(split, case) not in shown:
                continue
            wrong = []
            if fold(meta.get("title")) != fold(case.meta.get("title")):
                wrong.append(f"title {meta.get('title')!r} != {case.meta.get('title')!r}")
            if _names(meta.get("author")) != expected_authors(case):
                wrong.append(f"author {meta.get('author')!r} != {sorted(expected_authors(case))}")
            if not date_matches(meta.get("published"), case.meta.get("published"))[1]:
                wrong.append(f"date {meta.get('published')!r} != {case.meta.get('published')!r}")
            if _names(meta.get("agency")) != {fold(a) for a in case.meta.get("agencies", [])}:
                wrong.append(f"agency {meta.get('agency')!r} != {case.meta.get('agencies')}")
            for w in wrong:
                print(f"      {half_of(split, case)} {case.path.name}: {w}")
        print_weakest(cases, split, results["storywatch"]["texts"], listed)


def snippet_misses(case: Case, text: str) -> tuple[int, int]:
    """(must-have snippets missing, must-not-have snippets present) of a trafilatura-evaldata page."""
    withs, withouts = case.truth  # type: ignore[misc]
    t = _norm(text)
    return sum(_norm(w) not in t for w in withs), sum(_norm(w) in t for w in withouts)


def print_weakest(cases: Sequence[Case], split: dict[str, Any], texts: Sequence[str], listed: Sequence[int]) -> None:
    """The pages that pull each corpus down, for whoever works on the extraction next: the lowest F1 of the body
    corpora, and the evaldata pages with snippets missed or kept wrongly."""
    print(f"\nweakest pages (storywatch; the {WEAKEST} lowest F1 per body corpus, the {WEAKEST} evaldata pages with "
          "the most snippets wrong)")
    for corpus in BODY_TRUTH:
        ids = sorted((i for i in listed if cases[i].corpus == corpus), key=lambda i: page_f1(cases[i], texts[i]))
        for i in ids[:WEAKEST]:
            print(f"      {half_of(split, cases[i])} {corpus} {cases[i].site} {cases[i].path.name}: "
                  f"F1 {page_f1(cases[i], texts[i]):.3f}")
    wrong = [(sum(snippet_misses(cases[i], texts[i])), i) for i in listed if cases[i].corpus == "trafilatura"]
    wrong = sorted((w for w in wrong if w[0]), key=lambda w: -w[0])
    for _, i in wrong[:WEAKEST]:
        missed, kept = snippet_misses(cases[i], texts[i])
        print(f"      {half_of(split, cases[i])} trafilatura {cases[i].site} {cases[i].path.name}: "
              f"{missed} wanted snippets missing, {kept} unwanted kept")
    if len(wrong) > WEAKEST:
        print(f"      ... and {len(wrong) - WEAKEST} more evaldata pages with one snippet or two wrong")


def main(argv: Sequence[str] | None = None) -> int:
    """Print the side-by-side tables; optionally write the numbers as JSON."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, help="the shared corpus folder (../shared/corpus)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes")
    ap.add_argument("--limit", type=int, default=0, help="only every N-th page (quick look)")
    ap.add_argument("--only", choices=CORPORA, action="append", help="restrict to a corpus (repeatable)")
    ap.add_argument("--half", choices=HALVES, help="only the pages of one half (tuning looks at dev only)")
    ap.add_argument("--verbose", action="store_true", help="list the failing pages of the dev half one by one: "
                    "kicker lines, recurring lines, wrong metadata, the lowest F1 (the test half stays held out)")
    ap.add_argument("--verbose-test", action="store_true", help="list the test half's failing pages too (looking "
                    "at them makes the test half seen: say so when you report its figures)")
    ap.add_argument("--json", type=Path, help="write the numbers to this file")
    ap.add_argument("--write-floor", type=Path, help="raise the floors in this file (extraction_floor.json) "
                    "to what storywatch reached; never lowers one")
    ap.add_argument("--write-split", action="store_true", help=f"(re)write {SPLIT_FILE.name} from the sites")
    args = ap.parse_args(argv)
    cases = load_cases(args.corpus)
    if args.write_split:
        SPLIT_FILE.write_text(json.dumps(make_split(cases), indent=1, ensure_ascii=False) + "\n")
    split = json.loads(SPLIT_FILE.read_text())
    if args.only:
        cases = [c for c in cases if c.corpus in args.only]
    if args.half:
        cases = [c for c in cases if half_of(split, c) == args.half]
    if args.limit:
        cases = cases[:: args.limit]
    results: dict[str, dict[str, Any]] = {}
    for engine in ENGINES:
        texts, seconds, cleaning, metas = run_engine(engine, cases, args.jobs)
        results[engine] = {"texts": texts, "metas": metas, "pages_per_s": len(cases) / seconds if seconds else 0.0,
                           "seconds": seconds, "cleaning_seconds": cleaning}
        if engine == "storywatch" and args.write_floor:
            if args.only or args.limit or args.half:
                ap.error("--write-floor needs the whole corpus (no --only, --half or --limit)")
            old = json.loads(args.write_floor.read_text()) if args.write_floor.exists() else {}
            floors = raise_floors(old, floors_from(cases, texts, args.corpus))
            args.write_floor.write_text(json.dumps(floors, indent=1, sort_keys=True) + "\n")
    sw = results["storywatch"]
    results[IN_A_CRAWL] = {"texts": learned_per_site(cases, sw["texts"], sw["metas"])}
    counts = Counter(half_of(split, c) for c in cases)
    print(f"{len(cases)} pages (dev {counts['dev']}, test {counts['test']}); pages/s per core = pages / summed "
          "extraction time")
    report(cases, split, results, args.verbose or args.verbose_test, ("dev", "test") if args.verbose_test else ("dev",))
    plain_s = float(results["trafilatura"]["seconds"])
    print()
    for engine in ENGINES:
        sec = float(results[engine]["seconds"])  # type: ignore[arg-type]
        print(f"speed {engine:<11} {results[engine]['pages_per_s']:.1f} pages/s, "
              f"{sec / plain_s:.2f}x the CPU time of plain trafilatura")
    sw = results["storywatch"]
    cleaning_s, total_s = float(sw["cleaning_seconds"]), float(sw["seconds"])
    print(f"cleaning steps ({', '.join(n for _, n in CLEANING_STEPS)}): {cleaning_s:.1f} s of storywatch's "
          f"{total_s:.1f} s; they add {cleaning_s / (total_s - cleaning_s):.0%} to the extraction without them")
    if args.json:
        numbers = {e: {k: v for k, v in r.items() if k not in ("texts", "metas")} for e, r in results.items()}
        for engine in (*SCORED, IN_A_CRAWL):
            numbers[engine]["scores"] = score(cases, results[engine]["texts"])
        args.json.write_text(json.dumps(numbers, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
