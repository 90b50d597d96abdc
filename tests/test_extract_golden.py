"""Golden pages written in the styles of German and English outlets: text snippets and metadata must hold."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from crawler.extract import ExtractOptions, extract_page

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
    the article changes (finding them reads the tree before the cleaning changes it)."""
    pages = [c for c in CASES if json.loads((PAGES / f"{c}.json").read_text(encoding="utf-8")).get("related")]
    assert len(pages) >= 2
    for case in pages:
        url = json.loads((PAGES / f"{case}.json").read_text(encoding="utf-8")).get("url")
        html = (PAGES / f"{case}.html").read_bytes()
        full = extract_page(html, url)
        without = extract_page(html, url, ExtractOptions(related_links=False))
        assert full.related_links and without.related_links == (), case
        assert without == dataclasses.replace(full, related_links=()), case


def test_golden_paragraphs_make_the_text(golden: tuple[dict[str, object], object]) -> None:
    _, ext = golden
    assert "\n".join(ext.paragraphs) == ext.text  # type: ignore[attr-defined]
