"""The element classes of parsed pages come from lxml's C-level lookup (crawler.extract._element_classes_in_c).

lxml.html's own lookup is a Python call per element proxy; trafilatura creates thousands of proxies per page. The
change must not change any extraction: checked on the fixture pages of this repository and a sample of
../shared/corpus (when present), with lxml.html's lookup against the C-level one.
"""

from __future__ import annotations

import lxml.html
import pytest
from test_readability_gate import _corpus_pages, _fixture_pages
from trafilatura import utils

from crawler.extract import ExtractionError, extract_page, parse_page

FORM_PAGE = ("<html><head><title>Wahl</title></head><body><article><h1>Die Wahl im Kreis</h1>"
             + "<p>Der Kreistag wählte am Dienstag einen neuen Vorsitz, nach einer langen Sitzung im Rathaus.</p>" * 4
             + "<form action='/suche'><label for='q'>Suche</label><input id='q' name='q'>"
               "<select name='s'><option>Alle</option></select><textarea name='t'></textarea></form>"
               "<!-- Kommentar --></article></body></html>")


class _Counted(lxml.html.HtmlElementClassLookup):
    """lxml.html's lookup, counting its calls."""

    calls = 0

    def lookup(self, node_type: str, document: object, namespace: str | None, name: str) -> type | None:
        _Counted.calls += 1
        return super().lookup(node_type, document, namespace, name)


def _extracted(html: str) -> object:
    try:
        return extract_page(html, "https://example.org/a")
    except ExtractionError as exc:
        return ("error", exc.reason)


def test_extraction_is_the_same_with_either_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    pages = [*_fixture_pages(), *_corpus_pages(), ("form", FORM_PAGE)]
    with_c = [_extracted(html) for _, html in pages]
    # trafilatura's parser as trafilatura makes it, with lxml.html's own lookup, for the rest of this test
    python_parser = lxml.html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                                         remove_comments=True, remove_pis=True)
    python_parser.set_element_class_lookup(_Counted())
    monkeypatch.setattr(utils, "HTML_PARSER", python_parser)
    with_python = [_extracted(html) for _, html in pages]
    assert _Counted.calls > 10 * len(pages)  # the Python lookup was the one used
    for (name, _), a, b in zip(pages, with_python, with_c, strict=True):
        assert a == b, f"{name}: the element lookup changed the extraction"
    assert sum(1 for x in with_c if not isinstance(x, tuple)) > 100


def test_an_extraction_makes_no_python_lookup_call(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    original = lxml.html.HtmlElementClassLookup.lookup
    monkeypatch.setattr(lxml.html.HtmlElementClassLookup, "lookup",
                        lambda self, *args: calls.append(args) or original(self, *args))
    ext = extract_page(FORM_PAGE, "https://example.org/wahl")
    assert "neuen Vorsitz" in ext.text
    assert calls == []


def test_every_element_is_an_html_element() -> None:
    tree = parse_page(FORM_PAGE)
    kinds = {el.tag: type(el) for el in tree.iter() if isinstance(el.tag, str)}
    assert kinds["input"] is lxml.html.HtmlElement and kinds["form"] is lxml.html.HtmlElement
    assert all(issubclass(k, lxml.html.HtmlElement) for k in kinds.values())
    assert tree.find(".//label").text_content() == "Suche"
