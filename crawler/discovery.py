"""Discovery: feeds, sitemaps and section pages turned into candidate article links (plain functions)."""

from __future__ import annotations

import logging
import re
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

from crawler.items import Candidate

logger = logging.getLogger(__name__)


class DiscoveryError(ValueError):
    """A feed, sitemap or section page that cannot be read; `reason` is the stats key."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason

    def __reduce__(self) -> tuple[object, ...]:  # keep `reason` when the error crosses a process boundary
        return (type(self), (self.reason, str(self)))


def _xml_parser() -> etree.XMLParser:
    # No entity expansion, no DTD, no network: feeds and sitemaps are untrusted input (billion laughs, XXE).
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=False, dtd_validation=False
    )


def parse_xml(body: bytes) -> etree._Element:
    """Parse untrusted XML safely; raises DiscoveryError('bad_xml') when it is not well-formed."""
    body = body.lstrip()
    if b"<!ENTITY" in body[:20000]:
        raise DiscoveryError("bad_xml", "XML declares entities; refused")
    try:
        root = etree.fromstring(body, parser=_xml_parser())
    except etree.XMLSyntaxError as exc:
        raise DiscoveryError("bad_xml", f"not well-formed XML: {exc}") from None
    if root is None:
        raise DiscoveryError("bad_xml", "empty XML document")
    return root


def _local(tag: object) -> str:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def _children(el: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in el if _local(c.tag) == name]


def _child_text(el: etree._Element, *names: str) -> str | None:
    for name in names:
        for c in el:
            if _local(c.tag) == name:
                text = "".join(c.itertext()).strip()
                if text:
                    return text
    return None


def to_iso(value: str | None) -> str | None:
    """An RFC 822 or ISO 8601 date as ISO 8601 in UTC (dates without a time stay dates); None if unreadable."""
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    dt: datetime | None = None
    try:
        dt = datetime.fromisoformat(value)  # Python 3.11 reads a trailing Z too
    except ValueError:
        try:
            dt = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _strip_tags(text: str | None) -> str | None:
    if not text:
        return None
    if "<" in text:
        try:
            text = lxml_html.fromstring(text).text_content()
        except (etree.ParserError, ValueError):
            text = re.sub(r"<[^>]+>", " ", text)
    text = " ".join(text.split())
    return text or None


def parse_feed(body: bytes, feed_url: str, source: str, *, limit: int | None = None) -> list[Candidate]:
    """Entries of an RSS 2.0, RSS 1.0 (RDF) or Atom feed, the first `limit` of them.

    The limit is applied while reading: a feed of 100,000 entries would otherwise hold the crawl's event loop for
    seconds (every request in flight then times out)."""
    root = parse_xml(body)
    kind = _local(root.tag)
    if kind == "rss":
        channel = _children(root, "channel")
        items = _children(channel[0], "item") if channel else []
    elif kind == "rdf":
        items = _children(root, "item")
    elif kind == "feed":
        items = _children(root, "entry")
    else:
        raise DiscoveryError("bad_feed", f"not a feed (root element <{kind}>)")
    out: list[Candidate] = []
    for item in items:
        if limit is not None and len(out) >= limit:
            break
        if kind == "feed":
            link = None
            for ln in _children(item, "link"):
                if ln.get("rel", "alternate") == "alternate" and ln.get("href"):
                    link = ln.get("href")
                    break
            summary = _child_text(item, "summary", "content")
            published = _child_text(item, "published", "issued")
            updated = _child_text(item, "updated", "modified")
        else:
            link = _child_text(item, "link") or _rdf_about(item) or _guid_link(item)
            summary = _child_text(item, "description", "encoded")
            published = _child_text(item, "pubdate", "date")
            updated = _child_text(item, "updated", "modified") or None
        if not link:
            continue
        out.append(
            Candidate(
                url=urljoin(feed_url, link.strip()),
                source=source,
                via="feed",
                title=_strip_tags(_child_text(item, "title")),
                summary=_strip_tags(summary),
                published=to_iso(published),
                updated=to_iso(updated) or to_iso(published),
            )
        )
    return out


def _rdf_about(item: etree._Element) -> str | None:
    for key, value in item.attrib.items():
        if _local(key) == "about":
            return value
    return None


def _guid_link(item: etree._Element) -> str | None:
    for g in _children(item, "guid"):
        if g.get("isPermaLink", "true") == "true" and (g.text or "").startswith("http"):
            return g.text.strip()
    return None


@dataclass(frozen=True)
class SitemapResult:
    candidates: list[Candidate] = field(default_factory=list)
    children: list[tuple[str, str | None]] = field(default_factory=list)  # (child sitemap URL, lastmod ISO)


GZIP_MAGIC = b"\x1f\x8b"


def gunzip_capped(body: bytes, max_bytes: int) -> bytes:
    """Inflate a gzip file (a `sitemap.xml.gz`), refusing more than `max_bytes` of output (a gzip bomb)."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(body, max_bytes + 1)
    except zlib.error as exc:
        raise DiscoveryError("bad_gzip", f"not a readable gzip file: {exc}") from None
    if len(out) > max_bytes:
        raise DiscoveryError("too_large", f"inflates to more than {max_bytes} bytes")
    return out


def parse_sitemap(body: bytes, sitemap_url: str, source: str, *, max_bytes: int = 5_000_000,
                  limit: int | None = None) -> SitemapResult:
    """A urlset (news fields read: publication date and title; its first `limit` URLs) or a sitemap index, plain or
    gzip-compressed."""
    if body[:2] == GZIP_MAGIC:
        # A .xml.gz file served as a file (no Content-Encoding): Scrapy hands over the compressed bytes.
        body = gunzip_capped(body, max_bytes)
    root = parse_xml(body)
    kind = _local(root.tag)
    if kind == "sitemapindex":
        children = []
        for sm in _children(root, "sitemap"):
            loc = _child_text(sm, "loc")
            if loc:
                children.append((urljoin(sitemap_url, loc), to_iso(_child_text(sm, "lastmod"))))
        return SitemapResult(children=children)
    if kind != "urlset":
        raise DiscoveryError("bad_sitemap", f"not a sitemap (root element <{kind}>)")
    out: list[Candidate] = []
    for url_el in _children(root, "url"):
        if limit is not None and len(out) >= limit:
            break  # read no further than the crawl takes (see parse_feed)
        loc = _child_text(url_el, "loc")
        if not loc:
            continue
        title = published = None
        for news in _children(url_el, "news"):
            title = _child_text(news, "title")
            published = _child_text(news, "publication_date")
        lastmod = _child_text(url_el, "lastmod")
        out.append(
            Candidate(
                url=urljoin(sitemap_url, loc),
                source=source,
                via="sitemap",
                title=_strip_tags(title),
                published=to_iso(published),
                updated=to_iso(lastmod) or to_iso(published),
            )
        )
    return SitemapResult(candidates=out)


# Paths that are listings, not articles.
_NOT_ARTICLE = re.compile(
    r"/(tag|tags|thema|themen|topic|topics|autor|autoren|author|authors|kategorie|category|suche|search|login|"
    r"abo|abonnement|impressum|datenschutz|kontakt|about|newsletter|archiv|archive|video|videos|podcast|"
    r"podcasts|live|wetter|jobs|shop|rss|feed|feeds|sitemap|page|seite)(/|$)",
    re.IGNORECASE,
)
_ARTICLE_HINT = re.compile(r"(\.s?html?$)|(\d{5,})|([a-z0-9]+(-[a-z0-9]+){2,})", re.IGNORECASE)
_SKIP_EXT = re.compile(r"\.(jpe?g|png|gif|webp|svg|pdf|mp3|mp4|zip|css|js|xml|rss|atom|json)$", re.IGNORECASE)


def looks_like_article(url: str, section_url: str) -> bool:
    """A link on a listing page that plausibly leads to an article, not to navigation."""
    parts = urlsplit(url)
    path = parts.path
    if not path or path == "/" or _SKIP_EXT.search(path) or _NOT_ARTICLE.search(path):
        return False
    if url.rstrip("/") == section_url.rstrip("/"):
        return False
    last = path.rstrip("/").rsplit("/", 1)[-1]
    return bool(_ARTICLE_HINT.search(last))


def parse_section(
    body: str, section_url: str, source: str, *, max_links: int = 500, is_allowed=lambda url: True
) -> list[Candidate]:
    """Article links of a section/listing page: links outside nav, header and footer that look like articles."""
    try:
        doc = lxml_html.fromstring(body)
    except (etree.ParserError, ValueError) as exc:
        raise DiscoveryError("bad_section", f"unreadable section page: {exc}") from None
    return section_links(doc, section_url, source, max_links=max_links, is_allowed=is_allowed)


def section_links(
    doc: etree._Element, section_url: str, source: str, *, max_links: int = 500, is_allowed=lambda url: True,
    via: str = "section",
) -> list[Candidate]:
    """The article links of an already parsed listing page (a configured section, or a page judged a listing)."""
    base = doc.xpath("//base/@href")
    base_url = urljoin(section_url, base[0]) if base else section_url
    seen: set[str] = set()
    out: list[Candidate] = []
    for a in doc.iter("a"):
        href = a.get("href")
        if not href or href.startswith(("#", "mailto:", "javascript:", "tel:")):
            continue
        if any(anc.tag in ("nav", "header", "footer") for anc in a.iterancestors()):
            continue
        url = urljoin(base_url, href.strip()).split("#", 1)[0]
        if url in seen or not is_allowed(url) or not looks_like_article(url, section_url):
            continue
        seen.add(url)
        title = " ".join(a.text_content().split()) or None
        out.append(Candidate(url=url, source=source, via=via, title=title))
        if len(out) >= max_links:
            break
    if via == "section" and len(out) < max_links:
        # A configured section's next page (rel="next"): its links are the section's older articles. It is fetched
        # as a candidate, judged a listing and read one step (the links of a listing found on a listing wait).
        for href in doc.xpath('//a[contains(concat(" ", normalize-space(@rel), " "), " next ")]/@href'
                              ' | //link[contains(concat(" ", normalize-space(@rel), " "), " next ")]/@href'):
            url = urljoin(base_url, href.strip()).split("#", 1)[0]
            if url not in seen and url.rstrip("/") != section_url.rstrip("/") and is_allowed(url) \
                    and urlsplit(url).netloc == urlsplit(section_url).netloc:
                seen.add(url)
                out.append(Candidate(url=url, source=source, via=via, title=None))
                break
    return out
