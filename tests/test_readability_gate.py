"""The readability gate (crawler/readability_gate.py): the same extraction, without readability where it cannot win.

Checked on the fixture pages of this repository and on a sample of ../shared/corpus (when present):
- readability's text is never longer than the gate's bound;
- extract_page gives the same result with the gate as without it, on every page;
- the gate skips readability where the bound allows it and runs it elsewhere;
- a call of trafilatura outside extract_page still gets the full comparison.
"""

from __future__ import annotations

import copy
import gzip
import json
from contextlib import nullcontext
from pathlib import Path

import pytest
import trafilatura
import trafilatura.core
import trafilatura.external
from trafilatura.utils import trim

from crawler import extract, readability_gate
from crawler.extract import ExtractionError, decode_html, extract_page, parse_page

TESTS = Path(__file__).resolve().parent
CORPUS = TESTS.parent / ".." / "shared" / "corpus"
# Every CORPUS_STEP-th page of the corpora, in file-name order: about 95 pages of every kind of site.
CORPUS_STEP = 16
# The corpus pages on which the full comparison changes trafilatura's text: where a gate that skipped too much shows.
WINS = TESTS / "readability_wins.json"

LONG_TEXT = " ".join(f"Der Stadtrat von Beispielstadt beriet am Abend über Punkt {i} der Tagesordnung, "
                     "die Sanierung der alten Brücke am Fluss." for i in range(12))


def _page(body: str) -> str:
    return (f"<html><head><title>Brücke</title><script>var big = '{'x' * 5000}';</script></head>"
            f"<body>{body}</body></html>")


# The article is nearly all the text of the page: readability cannot double it.
ARTICLE_PAGE = _page(f"<nav><a href='/'>Start</a></nav><article><h1>Die Brücke</h1>"
                     f"<p>{LONG_TEXT}</p><p>{LONG_TEXT[:400]}</p></article>")
# Three teaser boxes, each longer than the article: readability might find more text, so it runs.
CROWDED_PAGE = _page(f"<article><h1>Die Brücke</h1><p>{LONG_TEXT[:700]}</p></article>"
                     + "".join(f"<div class='box'><p>{LONG_TEXT} Box {i}.</p></div>" for i in range(3)))


def _fixture_pages() -> list[tuple[str, str]]:
    pages = sorted(p for p in TESTS.rglob("*.html"))
    assert len(pages) > 100, "the fixture pages moved"
    return [(p.relative_to(TESTS).as_posix(), decode_html(p.read_bytes())) for p in pages]


def _corpus_pages() -> list[tuple[str, str]]:
    if not CORPUS.is_dir():
        return []
    files = sorted(CORPUS.rglob("*.html.gz")) + sorted(CORPUS.rglob("*.html"))
    wins = [CORPUS / name for name in json.loads(WINS.read_text())["pages"]]
    assert all(p.is_file() for p in wins), "the corpus changed: make tests/readability_wins.json again"
    files = [*wins, *(p for p in files[::CORPUS_STEP] if p not in set(wins))]
    return [(p.relative_to(CORPUS).as_posix(), decode_html(gzip.decompress(p.read_bytes()) if p.suffix == ".gz"
                                                           else p.read_bytes()))
            for p in files]


@pytest.fixture(scope="module")
def pages() -> list[tuple[str, str]]:
    return _fixture_pages() + _corpus_pages() + [("article", ARTICLE_PAGE), ("crowded", CROWDED_PAGE)]


class _Readability:
    """Counts trafilatura's calls of readability and keeps the length of each text it gave."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.lengths: list[int] = []
        original = trafilatura.external.try_readability

        def counted(tree: object) -> object:
            result = original(tree)
            self.lengths.append(len(trim(trafilatura.external.tostring(result, method="text",
                                                                           encoding="utf-8").decode("utf-8"))))
            return result

        monkeypatch.setattr(trafilatura.external, "try_readability", counted)


def _extracted(html: str) -> object:
    try:
        return extract_page(html, "https://example.org/a")
    except ExtractionError as exc:
        return ("error", exc.reason)


def test_readability_text_is_never_longer_than_the_bound(pages: list[tuple[str, str]]) -> None:
    checked = 0
    for name, html in pages:
        try:
            tree = parse_page(html)
        except ExtractionError:
            continue
        bound = readability_gate.text_bound(copy.deepcopy(tree))
        result = trafilatura.external.try_readability(copy.deepcopy(tree))
        got = len(trim(trafilatura.external.tostring(result, method="text", encoding="utf-8").decode("utf-8")))
        assert got <= bound, f"{name}: readability gave {got} characters, the bound is {bound}"
        checked += 1
    assert checked > 100


def test_extract_page_is_the_same_with_and_without_the_gate(pages: list[tuple[str, str]],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    readability = _Readability(monkeypatch)
    with_gate = [_extracted(html) for _, html in pages]
    gated_calls = len(readability.lengths)
    monkeypatch.setattr(extract.readability_gate, "enabled", nullcontext)
    without = [_extracted(html) for _, html in pages]
    full_calls = len(readability.lengths) - gated_calls
    for (name, _), a, b in zip(pages, with_gate, without, strict=True):
        assert a == b, f"{name}: the gate changed the extraction"
    # The gate did skip readability on a good share of the pages, not on all of them.
    assert 0 < gated_calls < 0.8 * full_calls, (gated_calls, full_calls)


@pytest.mark.parametrize(("html", "runs"), [(ARTICLE_PAGE, 0), (CROWDED_PAGE, 1)], ids=["article", "crowded"])
def test_readability_runs_only_where_it_could_change_the_text(html: str, runs: int,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    readability = _Readability(monkeypatch)
    ext = extract_page(html, "https://example.org/a")
    assert "Punkt 3 der Tagesordnung" in ext.text
    assert len(readability.lengths) == runs


def test_other_callers_of_trafilatura_get_the_full_comparison(monkeypatch: pytest.MonkeyPatch) -> None:
    extract_page(ARTICLE_PAGE, "https://example.org/a")  # the gate is installed by now
    assert trafilatura.core.compare_extraction is not readability_gate._installed[0]
    readability = _Readability(monkeypatch)
    text = trafilatura.extract(ARTICLE_PAGE)
    assert text and "Punkt 3 der Tagesordnung" in text
    assert len(readability.lengths) == 1


def _body(inner: str) -> object:
    from lxml import html

    return html.document_fromstring(f"<html><body>{inner}</body></html>").find("body")


@pytest.mark.parametrize(("body", "text", "skips"), [
    (f"<p>{LONG_TEXT}</p>", LONG_TEXT, True),
    # Justext gets these: text with page furniture in it, or text too short.
    (f"<p>{LONG_TEXT}</p><aside>Anzeige</aside>", LONG_TEXT, False),
    ("<p>Kurz.</p>", "Kurz.", False),
    # Readability may win these on its own length rule: no paragraph text, more tables than paragraphs, no text.
    (f"<div>{LONG_TEXT}</div>", LONG_TEXT, False),
    (f"<p>{LONG_TEXT}</p><table><tr><td>1</td></tr></table><table><tr><td>2</td></tr></table>", LONG_TEXT, False),
    ("<p></p>", "", False),
], ids=["clean", "furniture", "short", "no-paragraph", "tables", "empty"])
def test_the_other_ways_the_comparison_can_change_the_text_keep_it(body: str, text: str, skips: bool) -> None:
    from trafilatura.settings import Extractor

    # The raw page is the body itself: its length never stops the skip here, only the other conditions do.
    raw = parse_page(f"<html><body>{body}</body></html>")
    assert 2 * len(text) >= readability_gate.text_bound(copy.deepcopy(raw))
    assert readability_gate.readability_cannot_win(raw, _body(body), text, Extractor()) is skips
    recall = Extractor(recall=True)
    assert readability_gate.readability_cannot_win(copy.deepcopy(raw), _body(body), text, recall) is False


def test_the_gate_stays_off_for_a_trafilatura_it_was_not_checked_against(monkeypatch: pytest.MonkeyPatch) -> None:
    extract_page(ARTICLE_PAGE, "https://example.org/a")  # installed with the trafilatura at hand
    monkeypatch.setattr(trafilatura.core, "compare_extraction", readability_gate._installed[0])
    monkeypatch.setattr(readability_gate, "_installed", [])
    monkeypatch.setattr(trafilatura, "__version__", "2.9.0")
    readability = _Readability(monkeypatch)
    extract_page(ARTICLE_PAGE, "https://example.org/a")
    assert len(readability.lengths) == 1
