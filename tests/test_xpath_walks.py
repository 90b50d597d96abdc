"""Tree walks that replaced XPath queries find exactly what the queries found (crawler.extract._lists, _text_divs,
crawler.metadata._label_leaves, _author_links, _credit_nodes, _author_markup).

A query over `//*[...]` makes libxml2 test every node of the page; a walk over the few <ul>/<ol> or <div>/<p>
elements costs a fraction of it, and the lead's walk stops at the first lead. The queries stay here as the
specification, checked on the fixture pages of this repository, a sample of ../shared/corpus (when present), and
pages made to hit the corners: text after a child, whitespace XPath does not strip, nesting, chrome around.
"""

from __future__ import annotations

import pytest
from lxml import etree
from test_readability_gate import _corpus_pages, _fixture_pages

from crawler.extract import ExtractionError, _lists, _text_divs, parse_page
from crawler.metadata import (
    _CREDIT_CLASSES,
    _CREDIT_SCREEN,
    _author_links,
    _author_markup,
    _credit_nodes,
    _label_leaves,
)

CONTENT_LISTS = etree.XPath("//*[self::ul or self::ol][li[2]][not(ancestor::nav or ancestor::header or ancestor::footer)]")
ANY_LISTS = etree.XPath("//*[self::ul or self::ol][li][not(ancestor::nav or ancestor::header or ancestor::footer)]")
TEXT_DIVS = etree.XPath("//*[self::div or self::p][normalize-space(text())]"
                        "[not(ancestor::nav or ancestor::footer or ancestor::aside or ancestor::a)]")
LABEL_LEAVES = etree.XPath("//body//*[self::strong or self::b or self::dt or self::th or self::span or self::label]"
                          "[not(*)][string-length(normalize-space(text())) <= 20]")
AUTHOR_LINKS = etree.XPath(
    '//body//a[contains(@href, "/aut")][contains(@href, "/autor/") or contains(@href, "/autoren/") or '
    'contains(@href, "/author/") or contains(@href, "/authors/")][not(ancestor::nav or ancestor::footer or '
    'ancestor::aside or ancestor::header[1][not(ancestor::article or ancestor::main)])]')
CREDIT_NODES = etree.XPath(
    "//*[@class][" + " or ".join(f'contains(@class, "{w}")' for w in _CREDIT_SCREEN) + "]"
    "[" + " or ".join(f'contains(@class, "{w}")' for w in _CREDIT_CLASSES)
    + '][not(ancestor::figure or ancestor::figcaption or ancestor::footer or ancestor::nav or ancestor::a)]'
    '[not(self::a or self::img or self::script)]')
AUTHOR_MARKUP = etree.XPath('//*[@rel="author" or @itemprop="author" or contains(@class, "byline__author")]')

CORNERS = """<html><body>
<div>  <span>Kind</span> danach Text</div><div><span>nur Kind</span></div><div>\u00a0</div><p>\u2003x</p>
<div><!-- c --> nach Kommentar</div><div><b>a</b><i>b</i>\n</div><div><b>a</b><i>b</i>c</div><p> \t\r\n</p>
<nav><div>Menü</div><ul><li>a</li><li>b</li></ul></nav><header><ol><li>x</li></ol></header>
<a href="/x"><div>im Link</div></a><aside><p>Kasten</p></aside><footer><p>Fuß</p></footer>
<ul><li>eins</li></ul><ol><li>eins</li><li>zwei</li><li><ul><li>tief</li><li>tiefer</li></ul></li></ol>
<ul><span>kein li</span><li>ein li</li><!-- c --><li>zwei li</li></ul><div><div>innen</div>außen</div>
<section><header><p>Kopf</p></header><div>Inhalt<ul><li>1</li><li>2</li></ul></div></section>
<dl><dt>Autor</dt><dd>Anna Beispiel</dd><dt><b>Foto</b></dt><dt>  Ort:\n\t  Kiel  </dt>
<dt>Zwanzig Zeichen ganz</dt><dt>einundzwanzig Zeichen!</dt><dt>   neunzehn    Zeichen</dt></dl>
<span><!-- c -->Quelle</span><label>Text <!-- c --> weiter</label>
<header><a href="/autor/kopf">Kopf Autor</a><article><header><a href="/autoren/a">Im Artikelkopf</a></header>
<a href="/author/b">Im Artikel</a></article></header>
<article><header><nav><a href="/authors/c">Im Nav</a></nav></header><a href="/x/authors/d">Zwei</a>
<a href="/autorin/e">Kein Pfad</a><a href="https://example.org/authors/f">Drei</a><a href="/autor/g">Vier</a></article>
<div class="article__byline">Von Anna Beispiel</div><figure><p class="byline">Foto: A/B</p></figure>
<a class="author">Link</a><span class="Quelle-box">Quelle: dpa</span><p class="storyline">keine</p>
<p>sak/Reuters</p><p><b>x</b>ab/dpa</p><a href="/y"><span>im/Link</span></a><p>ein/e sehr lange Zeile, länger als vierzig Zeichen</p>
<p>\u00a0lb/AFP\u00a0</p><span itemprop="author">Max Muster</span>
<b>""" + " " * 200 + "Weit verteilt" + "\n" * 200 + """</b><b>""" + "Ein Feld von mehr als zwanzig Zeichen " * 5 + """</b>
</body></html>"""


def _trees() -> list[tuple[str, etree._Element]]:
    out = []
    for name, html in [*_fixture_pages(), *_corpus_pages(), ("corners", CORNERS)]:
        try:
            out.append((name, parse_page(html)))
        except ExtractionError:
            continue
    return out


@pytest.fixture(scope="module")
def trees() -> list[tuple[str, etree._Element]]:
    return _trees()


def _first(tree: etree._Element) -> list[etree._Element]:
    marked = _author_markup(tree)
    return [] if marked is None else [marked]


# (the walk, the query it replaced, how many elements the pages give at least: the fixture pages alone, without
# ../shared/corpus beside the checkout, give more than that)
WALKS = {
    "content-lists": (lambda tree: _lists(tree, 2), CONTENT_LISTS, 50),
    "any-lists": (lambda tree: _lists(tree, 1), ANY_LISTS, 50),
    "text-divs": (lambda tree: list(_text_divs(tree)), TEXT_DIVS, 1000),
    "label-leaves": (lambda tree: list(_label_leaves(tree)), LABEL_LEAVES, 300),
    "author-links-1": (lambda tree: _author_links(tree, 1), lambda tree: AUTHOR_LINKS(tree)[:1], 5),
    "author-links-3": (lambda tree: _author_links(tree, 3), lambda tree: AUTHOR_LINKS(tree)[:3], 10),
    "author-links-all": (lambda tree: _author_links(tree, 10_000), AUTHOR_LINKS, 10),
    "credit-nodes": (lambda tree: list(_credit_nodes(tree)), CREDIT_NODES, 100),
    "author-markup": (_first, lambda tree: AUTHOR_MARKUP(tree)[:1], 3),
}


@pytest.mark.parametrize("name", list(WALKS))
def test_each_walk_finds_what_its_query_found(trees: list[tuple[str, etree._Element]], name: str) -> None:
    walk, query, at_least = WALKS[name]
    found = 0
    for page, tree in trees:
        expected = query(tree)
        assert walk(tree) == expected, page
        found += len(expected)
    assert found >= at_least  # the pages have such elements to find


def test_the_corners_are_met() -> None:
    tree = parse_page(CORNERS)
    # A first text node of whitespace hides the text after a child ('  <span>Kind</span> danach'); a no-break or em
    # space is text to XPath; an element of children alone has none; navigation, asides and links do not count.
    assert [d.text_content() for d in _text_divs(tree)][:8] == [
        "\u00a0", "\u2003x", " nach Kommentar", "abc", "innenaußen", "innen", "Kopf", "Inhalt12"]
    assert [len(lst) for lst in _lists(tree, 2)] == [3, 2, 3, 2]
    labels = [" ".join((label.text or "").split()) for label in _label_leaves(tree)]
    assert labels[:len(LABEL_LEAVES_IN_CORNERS)] == LABEL_LEAVES_IN_CORNERS
    # judged by the text as XPath normalizes it: 413 characters, 13 of them not white space, are a label
    assert "Weit verteilt" in labels and not any(label.startswith("Ein Feld") for label in labels)
    # the nearest header counts: a link in an article inside the page's header is in that header
    assert [a.text for a in _author_links(tree, 10)] == ["Im Artikelkopf", "Zwei", "Drei", "Vier"]
    # a credit class in a figure, on a link, or only part of a word ('storyline') is no credit box
    assert [n.text for n in _credit_nodes(tree)] == ["Von Anna Beispiel", "Quelle: dpa"]
    assert _author_markup(tree).text == "Max Muster"


# A <dt> with an element inside is no label; 20 characters are a label, 22 are not, and no-break spaces count
# as characters ('\u00a0\u00a0 neunzehn ...' is 22).
LABEL_LEAVES_IN_CORNERS = ["Kind", "nur Kind", "a", "a", "kein li", "Autor", "Foto", "Ort: Kiel",
                           "Zwanzig Zeichen ganz", "Quelle", "Text weiter"]
