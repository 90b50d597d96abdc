"""trafilatura's removal of characters XML forbids runs only on pages that hold one (crawler.invalid_chars).

The check must never miss such a character: it is compared with trafilatura's own pattern on every code point, and
extractions with the checked pattern are compared with extractions with trafilatura's pattern on the fixture pages,
a sample of ../shared/corpus (when present) and pages that hold the forbidden characters.
"""

from __future__ import annotations

import re
import sys

import pytest
from test_readability_gate import _corpus_pages, _fixture_pages
from trafilatura import utils

from crawler import invalid_chars
from crawler.extract import ExtractionError, extract_page, parse_page

ORIGINAL = re.compile(invalid_chars.PATTERN)
FORBIDDEN = [chr(c) for c in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)]


def _not_surrogate(c: int) -> bool:
    return not 0xD800 <= c <= 0xDFFF


def test_the_check_agrees_with_the_pattern_on_every_character_of_the_basic_plane() -> None:
    disagree = [hex(c) for c in range(0x10000) if _not_surrogate(c)
                and invalid_chars.may_hold(chr(c)) != (ORIGINAL.search(chr(c)) is not None)]
    assert disagree == []
    assert sum(invalid_chars.may_hold(chr(c)) for c in range(0x10000) if _not_surrogate(c)) == len(FORBIDDEN)


def test_characters_beyond_the_basic_plane_are_never_taken_for_forbidden_ones() -> None:
    # Their UTF-16 surrogates (0xD800-0xDFFF) must not look like 0xFFFE/0xFFFF or a control character.
    for start in range(0x10000, sys.maxunicode + 1, 0x1000):
        block = "".join(map(chr, range(start, start + 0x1000)))
        assert not invalid_chars.may_hold(block), hex(start)
    text = "Straße 😀 𝔘 " * 50
    for bad in FORBIDDEN:
        assert invalid_chars.may_hold(text + bad + text), repr(bad)
        assert invalid_chars.may_hold(bad), repr(bad)
    assert not invalid_chars.may_hold(text + "\t\n\r")
    assert invalid_chars.may_hold("a\udc80b")  # a lone surrogate cannot be checked: the pattern decides


def test_the_checked_pattern_substitutes_as_the_pattern_does() -> None:
    checked = invalid_chars.CheckedPattern(ORIGINAL)
    texts = ["", "plain", "Zeile\tmit\nUmbruch\r\n", "ein\x0bvertikaler Tab", "\x00\x01\x1f", "Ende\ufffe\uffff",
             "😀\x0c😀", "a\udc80\x02b", "<p>Bürgermeisterin" + "\x07" * 3 + "</p>" * 100]
    for text in texts:
        assert checked.sub("", text) == ORIGINAL.sub("", text), repr(text)
        assert checked.sub("?", text, 1) == ORIGINAL.sub("?", text, 1), repr(text)
    assert checked.pattern is ORIGINAL and checked.flags == ORIGINAL.flags


def _extracted(html: str) -> object:
    try:
        return extract_page(html, "https://example.org/a")
    except ExtractionError as exc:
        return ("error", exc.reason)


def _with_forbidden(html: str) -> str:
    """The page with forbidden characters in its markup and text (as broken CMS exports have them)."""
    return html.replace("<p>", "<p>\x0b", 3).replace("</p>", "\x1f\ufffe</p>", 3).replace("<body", "\x00<body", 1)


def test_extraction_is_the_same_with_trafilaturas_own_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    parse_page("<html><body><p>x</p><p>y</p></body></html>")  # the checked pattern installed, as in a crawl
    assert isinstance(utils.INVALID_XML_CHARS, invalid_chars.CheckedPattern)
    pages = [*_fixture_pages(), *_corpus_pages()]
    pages += [(f"{name} with forbidden characters", _with_forbidden(html)) for name, html in pages[:20]]
    assert any(ORIGINAL.search(html) for _, html in pages)
    checked = [_extracted(html) for _, html in pages]
    monkeypatch.setattr(utils, "INVALID_XML_CHARS", ORIGINAL)
    plain = [_extracted(html) for _, html in pages]
    for (name, _), a, b in zip(pages, plain, checked, strict=True):
        assert a == b, f"{name}: the checked pattern changed the extraction"
    assert sum(1 for x in checked if not isinstance(x, tuple)) > 20


def test_another_pattern_is_left_to_trafilatura(monkeypatch: pytest.MonkeyPatch) -> None:
    other = re.compile(r"[\x00-\x08]")
    monkeypatch.setattr(utils, "INVALID_XML_CHARS", other)
    assert invalid_chars.install.__wrapped__() is False
    assert utils.INVALID_XML_CHARS is other
