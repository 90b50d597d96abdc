"""Golden pages written in the styles of German and English outlets: text snippets and metadata must hold."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from config.query import parse_query
from crawler.extract import ExtractOptions, extract_page
from crawler.textstats import words
from crawler.worker import extract_in_worker

PAGES = Path(__file__).resolve().parent / "pages"
CASES = sorted(p.stem for p in PAGES.glob("*.json"))


@pytest.fixture(params=CASES)
def golden(request: pytest.FixtureRequest) -> tuple[dict[str, object], object]:
    expected = json.loads((PAGES / f"{request.param}.json").read_text(encoding="utf-8"))
    extracted = extract_page((PAGES / f"{request.param}.html").read_bytes(), expected.get("url"))
    return expected, extracted


def test_golden_pages_exist() -> None:
    assert len(CASES) >= 13


def test_golden_text_keeps_every_article_sentence(golden: tuple[dict[str, object], object]) -> None:
    expected, ext = golden
    for snippet in expected["must"]:  # type: ignore[attr-defined]
        assert snippet in ext.text, snippet  # type: ignore[attr-defined]


def test_golden_text_starts_with_the_article(golden: tuple[dict[str, object], object]) -> None:
    expected, ext = golden
    assert ext.text.startswith(expected.get("starts_with", "")), ext.text[:120]  # type: ignore[attr-defined]


def test_golden_text_has_no_boilerplate(golden: tuple[dict[str, object], object]) -> None:
    expected, ext = golden
    for snippet in expected["must_not"]:  # type: ignore[attr-defined]
        assert snippet not in ext.text, snippet  # type: ignore[attr-defined]


@pytest.mark.parametrize("field", ["title", "published", "author", "agency", "language", "canonical_url"])
def test_golden_metadata(golden: tuple[dict[str, object], object], field: str) -> None:
    expected, ext = golden
    if field in expected:
        assert getattr(ext, field) == expected[field]


def test_golden_related_links_are_kept_before_cleaning(golden: tuple[dict[str, object], object]) -> None:
    expected, ext = golden
    for link in expected.get("related", []):  # type: ignore[attr-defined]
        assert link in ext.related_links  # type: ignore[attr-defined]


def test_without_related_links_wanted_the_rest_of_the_extraction_is_the_same() -> None:
    """The crawl asks for related links only where it follows them: without, the field is empty and nothing else of
    the article changes."""
    pages = _related_pages()
    assert len(pages) >= 2
    for case, url, html in pages:
        full = extract_page(html, url)
        without = extract_page(html, url, ExtractOptions(related_links=False))
        assert full.related_links and without.related_links == (), case
        assert without == dataclasses.replace(full, related_links=()), case


def _related_pages() -> list[tuple[str, str, bytes]]:
    """(case, url, html) of the golden pages with related links; pages without a URL of their own get one."""
    out = []
    for case in CASES:
        expected = json.loads((PAGES / f"{case}.json").read_text(encoding="utf-8"))
        if expected.get("related"):
            url = expected.get("url") or f"https://www.example.org/artikel/{case}.html"
            out.append((case, url, (PAGES / f"{case}.html").read_bytes()))
    return out


def test_the_worker_finds_the_related_links_after_the_extraction_and_only_where_the_crawl_follows_them() -> None:
    """The worker looks for related links last, on the tree the extraction was given: the same links as found before
    it (the extraction leaves the tree as it was). Only for a seed or a page some story's query matched: no other
    page can join a story in this run, and the crawl follows links from story pages only."""
    pages = _related_pages()
    assert len(pages) >= 5
    for case, url, html in pages:
        full = extract_page(html, url)
        assert full.related_links, case
        title_words = words(full.title or "")
        matching = {"s": parse_query(max(title_words, key=len))}
        missing = {"s": parse_query("zzzunbekanntzzz")}
        for queries, trusted, wanted in ((matching, False, True), (missing, True, True), (None, False, True),
                                         (missing, False, False)):
            result = extract_in_worker(html, "text/html", url, ExtractOptions(), source="s", trusted=trusted,
                                       queries=queries)
            assert result.extracted is not None, case
            assert result.extracted.related_links == (full.related_links if wanted else ()), (case, trusted)
            assert dataclasses.replace(result.extracted, related_links=full.related_links) == full, case
        off = extract_in_worker(html, "text/html", url, ExtractOptions(related_links=False), trusted=True,
                                queries=matching)
        assert off.extracted is not None and off.extracted.related_links == (), case


def test_golden_paragraphs_make_the_text(golden: tuple[dict[str, object], object]) -> None:
    _, ext = golden
    assert "\n".join(ext.paragraphs) == ext.text  # type: ignore[attr-defined]
