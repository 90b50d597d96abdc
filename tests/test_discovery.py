"""Discovery parsers: feeds, sitemaps and section pages become candidate links; hostile XML is refused."""

import gzip

import pytest

from crawler.discovery import DiscoveryError, looks_like_article, parse_feed, parse_section, parse_sitemap

RSS2 = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>
<item><title>Stadtrat berät &#252;ber Brücke</title><link>https://a.de/lokal/bruecke-123.html</link>
<description>&lt;p&gt;Der Rat tagt am Montag.&lt;/p&gt;</description>
<pubDate>Mon, 13 Jan 2025 08:30:00 +0100</pubDate></item>
<item><title>Ohne Link</title></item>
</channel></rss>""".encode()

RSS1 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://b.de/"><title>B</title></channel>
<item rdf:about="https://b.de/a/1.html"><title>Eins</title><link>https://b.de/a/1.html</link>
<description>Erster Text</description><dc:date>2025-01-14T10:00:00+01:00</dc:date></item>
</rdf:RDF>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>C</title>
<entry><title>Atom-Artikel</title><link rel="alternate" href="/politik/atom-artikel-55.html"/>
<link rel="enclosure" href="/bild.jpg"/><summary>Zusammenfassung</summary>
<published>2025-01-15T09:00:00Z</published><updated>2025-01-16T12:00:00Z</updated></entry>
</feed>"""

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://d.de/welt/bericht-77.html</loc><lastmod>2025-01-17T10:00:00+00:00</lastmod>
<news:news><news:publication><news:name>D</news:name><news:language>de</news:language></news:publication>
<news:publication_date>2025-01-17T08:00:00+01:00</news:publication_date><news:title>Der Bericht</news:title>
</news:news></url></urlset>"""

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://d.de/sitemap-news.xml</loc><lastmod>2025-01-17</lastmod></sitemap>
<sitemap><loc>/sitemap-2001.xml</loc></sitemap></sitemapindex>"""


def test_rss2_entries_with_title_summary_and_date():
    [c] = parse_feed(RSS2, "https://a.de/rss.xml", "A")
    assert c.url == "https://a.de/lokal/bruecke-123.html"
    assert c.title == "Stadtrat berät über Brücke"
    assert c.summary == "Der Rat tagt am Montag."
    assert c.published == "2025-01-13T07:30:00Z"
    assert c.via == "feed" and c.source == "A"


def test_rss1_rdf_entries():
    [c] = parse_feed(RSS1, "https://b.de/rdf", "B")
    assert (c.url, c.title, c.summary, c.published) == (
        "https://b.de/a/1.html", "Eins", "Erster Text", "2025-01-14T09:00:00Z")


def test_atom_entries_take_the_alternate_link_and_updated_as_signal():
    [c] = parse_feed(ATOM, "https://c.de/feed.atom", "C")
    assert c.url == "https://c.de/politik/atom-artikel-55.html"
    assert c.published == "2025-01-15T09:00:00Z"
    assert c.updated == "2025-01-16T12:00:00Z"


def test_news_sitemap_reads_publication_date_and_title():
    result = parse_sitemap(NEWS_SITEMAP, "https://d.de/sitemap-news.xml", "D")
    [c] = result.candidates
    assert c.title == "Der Bericht"
    assert c.published == "2025-01-17T07:00:00Z"
    assert c.updated == "2025-01-17T10:00:00Z"


def test_sitemap_index_lists_children_with_lastmod():
    result = parse_sitemap(INDEX, "https://d.de/sitemap.xml", "D")
    assert result.children == [("https://d.de/sitemap-news.xml", "2025-01-17"),
                               ("https://d.de/sitemap-2001.xml", None)]


def test_a_feed_is_read_only_up_to_the_limit_in_its_own_order():
    items = "".join(f"<item><title>T{i}</title><link>https://a.de/m/{i}-1.html</link></item>" for i in range(300))
    body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>{items}</channel></rss>'.encode()
    assert len(parse_feed(body, "https://a.de/feed.xml", "A")) == 300
    assert [c.title for c in parse_feed(body, "https://a.de/feed.xml", "A", limit=3)] == ["T0", "T1", "T2"]


def test_a_sitemap_is_read_only_up_to_the_limit():
    urls = "".join(f"<url><loc>https://d.de/m/{i}-1.html</loc></url>" for i in range(300))
    body = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()
    result = parse_sitemap(body, "https://d.de/sitemap.xml", "D", limit=5)
    assert [c.url for c in result.candidates] == [f"https://d.de/m/{i}-1.html" for i in range(5)]


def test_gzip_compressed_sitemap_file_is_read_like_the_plain_one():
    plain = parse_sitemap(NEWS_SITEMAP, "https://d.de/sitemap-news.xml", "D")
    packed = parse_sitemap(gzip.compress(NEWS_SITEMAP), "https://d.de/sitemap-news.xml.gz", "D")
    assert packed == plain


def test_gzip_sitemap_that_inflates_past_the_limit_is_refused_as_too_large():
    bomb = gzip.compress(NEWS_SITEMAP + b" " * 2_000_000)
    assert len(bomb) < 10_000
    with pytest.raises(DiscoveryError) as info:
        parse_sitemap(bomb, "https://d.de/sitemap.xml.gz", "D", max_bytes=1_000_000)
    assert info.value.reason == "too_large"


def test_broken_gzip_sitemap_is_a_bad_gzip_error():
    with pytest.raises(DiscoveryError) as info:
        parse_sitemap(b"\x1f\x8b" + b"not really gzip", "https://d.de/sitemap.xml.gz", "D")
    assert info.value.reason == "bad_gzip"


@pytest.mark.parametrize(
    "body, reason",
    [
        (b"<rss><channel><item><title>kaputt</channel>", "bad_xml"),
        (b"", "bad_xml"),
        (b"<html><body>kein Feed</body></html>", "bad_feed"),
        (b"""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<rss><channel><item><title>&lol2;</title><link>https://a.de/x-1-2.html</link></item></channel></rss>""", "bad_xml"),
        (b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss><channel><item><title>&xxe;</title><link>https://a.de/x-1-2.html</link></item></channel></rss>""", "bad_xml"),
    ],
)
def test_broken_and_hostile_feeds_are_refused_with_a_reason(body, reason):
    with pytest.raises(DiscoveryError) as err:
        parse_feed(body, "https://a.de/rss.xml", "A")
    assert err.value.reason == reason


SECTION = """<html><head><title>Politik</title></head><body>
<header><a href="/politik/">Politik</a><a href="/wirtschaft/">Wirtschaft</a></header>
<nav><a href="/politik/nav-link-zu-artikel-12345.html">Nav</a></nav>
<main>
 <article><a href="/politik/stadtrat-streitet-ueber-bruecke-100234.html">Stadtrat streitet</a></article>
 <article><a href="https://s.de/politik/neue-gutachten-zur-bruecke.html#top">Neue Gutachten</a></article>
 <a href="/thema/bruecke/">Thema Brücke</a>
 <a href="/autor/max-muster/">Max Muster</a>
 <a href="/bilder/bruecke.jpg">Bild</a>
 <a href="https://fremd.de/politik/fremder-artikel-2025.html">Fremd</a>
 <a href="/politik/stadtrat-streitet-ueber-bruecke-100234.html">Doppelt</a>
</main><footer><a href="/impressum">Impressum</a></footer></body></html>"""


def test_section_page_yields_article_links_only():
    found = parse_section(SECTION, "https://s.de/politik/", "S", is_allowed=lambda u: "s.de" in u)
    assert [c.url for c in found] == [
        "https://s.de/politik/stadtrat-streitet-ueber-bruecke-100234.html",
        "https://s.de/politik/neue-gutachten-zur-bruecke.html",
    ]
    assert found[0].title == "Stadtrat streitet"


def test_section_page_link_cap():
    links = "".join(f'<a href="/p/artikel-nummer-{i}.html">x</a>' for i in range(2000))
    found = parse_section(f"<html><body>{links}</body></html>", "https://s.de/", "S", max_links=100)
    assert len(found) == 100


def test_listing_paths_are_not_articles():
    assert not looks_like_article("https://s.de/thema/assad/", "https://s.de/")
    assert looks_like_article("https://s.de/ausland/assad-berater-erhebt-vorwuerfe-gegen-putin", "https://s.de/")


def test_a_configured_section_names_its_next_page_once():
    """rel="next" (an <a> or a <link> in the head): the section's older articles are on it; found on a section only,
    and only the first such link (the page after it is a listing found on a listing, which is not read)."""
    page = ('<html><head><link rel="next" href="/politik/seite-2/"></head><body><main>'
            '<a href="/politik/stadtrat-streitet-ueber-bruecke-100234.html">Stadtrat</a>'
            '<a rel="next nofollow" href="/politik/seite-3/">Weitere Meldungen</a>'
            '<a rel="next" href="https://other.de/politik/seite-2/">elsewhere</a></main></body></html>')
    found = parse_section(page, "https://s.de/politik/", "S", is_allowed=lambda u: "s.de" in u)
    assert [(c.url, c.via) for c in found] == [
        ("https://s.de/politik/stadtrat-streitet-ueber-bruecke-100234.html", "section"),
        ("https://s.de/politik/seite-2/", "section"),
    ]
    from lxml import html as lxml_html

    from crawler.discovery import section_links
    listing = section_links(lxml_html.fromstring(page), "https://s.de/politik/", "S", via="listing")
    assert [c.url for c in listing] == ["https://s.de/politik/stadtrat-streitet-ueber-bruecke-100234.html"]
