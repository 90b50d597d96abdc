"""The small frozen records that move between the crawl's steps."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    """A link found by discovery: maybe an article, not fetched yet."""

    url: str
    source: str  # the configured source's name
    via: str  # 'feed', 'sitemap', 'section', 'related', 'listing' (a page judged a listing), 'seed' or 'revisit'
    title: str | None = None
    summary: str | None = None
    published: str | None = None  # ISO 8601, as the feed or sitemap gave it
    updated: str | None = None  # feed <updated> / sitemap <lastmod>, ISO 8601: the change signal


@dataclass(frozen=True)
class Extracted:
    """What extraction and cleaning made of one page (the `storywatch extract` fields)."""

    url: str | None
    canonical_url: str | None
    title: str | None
    author: str | None
    published: str | None  # ISO 8601 date or datetime from the page's own metadata, never the crawl time
    language: str | None
    source: str | None  # the site's name as the page gives it
    agency: str | None  # 'dpa', 'AFP', 'Reuters', ... or several joined by ', '
    text: str
    related_links: tuple[str, ...] = ()  # absolute URLs of 'Lesen Sie auch' / 'Mehr zum Thema' / related boxes
    paragraphs: tuple[str, ...] = ()  # the cleaned text's paragraphs, in order

    def as_dict(self) -> dict[str, object]:
        return {
            "url": self.url,
            "canonical_url": self.canonical_url,
            "title": self.title,
            "author": self.author,
            "published": self.published,
            "language": self.language,
            "source": self.source,
            "agency": self.agency,
            "text": self.text,
        }
