"""Golden pages written in the styles of German and English outlets: text snippets and metadata must hold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawler.extract import extract_page

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


def test_golden_paragraphs_make_the_text(golden: tuple[dict[str, object], object]) -> None:
    _, ext = golden
    assert "\n".join(ext.paragraphs) == ext.text  # type: ignore[attr-defined]
