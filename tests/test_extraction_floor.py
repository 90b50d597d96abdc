"""Quality floor on the real corpora in ../shared/corpus (skipped when absent): F1 may rise, never fall.

The floors in benchmarks/extraction_floor.json are what `python benchmarks/extraction.py ../shared/corpus
--write-floor benchmarks/extraction_floor.json` recorded (rounded down).  Every page of the three corpora is
extracted (about a minute on two cores); the per-page floor covers the German, Austrian and Swiss fundus pages.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from types import ModuleType

import pytest
from testmodules import load_module

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "corpus"
FLOOR = ROOT / "benchmarks" / "extraction_floor.json"
PAGE_TOLERANCE = 0.02  # one page may wobble a little with a rule change; a corpus may not
TARGETS = {"zyte": 0.965, "trafilatura": 0.940, "fundus-de": 0.960}  # the targets of issue 3

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not (CORPUS / "zyte-article-extraction-benchmark").is_dir(), reason="../shared/corpus absent"),
]


def _benchmark() -> ModuleType:
    return load_module("extraction_benchmark", ROOT / "benchmarks" / "extraction.py")


@pytest.fixture(scope="module")
def measured() -> tuple[ModuleType, list[object], list[str]]:
    bench = _benchmark()
    cases = bench.load_cases(CORPUS.resolve())
    texts, *_ = bench.run_engine("storywatch", cases, os.cpu_count() or 1)
    return bench, cases, texts


def test_floor_file_holds_the_issue_targets() -> None:
    floors = json.loads(FLOOR.read_text())["corpus_f1"]
    for corpus, target in TARGETS.items():
        assert floors[corpus] >= target


def test_corpus_f1_is_not_below_its_floor(measured: tuple[ModuleType, list[object], list[str]]) -> None:
    bench, cases, texts = measured
    floors = json.loads(FLOOR.read_text())["corpus_f1"]
    reached = {name: f1 for name, (_, _, f1) in bench.score(cases, texts).items()}
    assert set(floors) == set(reached)
    for corpus, floor in floors.items():
        assert reached[corpus] >= floor, f"{corpus}: F1 {reached[corpus]:.4f} fell below the floor {floor}"


def test_no_page_falls_far_below_its_floor(measured: tuple[ModuleType, list[object], list[str]]) -> None:
    bench, cases, texts = measured
    data = json.loads(FLOOR.read_text())
    floors = data["page_f1"]
    by_key = {bench.page_key(c, CORPUS.resolve()): (c, t) for c, t in zip(cases, texts)
              if c.corpus == data["page_corpus"]}
    assert len(floors) >= 90 and set(floors) <= set(by_key)
    worse = {key: round(bench.page_f1(*by_key[key]), 3) for key, floor in floors.items()
             if bench.page_f1(*by_key[key]) < floor - PAGE_TOLERANCE}
    assert not worse, f"pages below their floor: {worse}"


def test_storywatch_beats_plain_trafilatura_on_a_sample(measured: tuple[ModuleType, list[object], list[str]]) -> None:
    bench, cases, texts = measured
    sample = list(range(0, len(cases), 4))
    plain, *_ = bench.run_engine("trafilatura", [cases[i] for i in sample], os.cpu_count() or 1)
    ours = bench.score([cases[i] for i in sample], [texts[i] for i in sample])
    theirs = bench.score([cases[i] for i in sample], plain)
    for corpus in ours:
        assert ours[corpus][2] >= theirs[corpus][2], corpus
