"""Is a fetched page an article, or a listing (home, section, tag, author, search, archive, gallery, video, ticker
index) whose links lead to articles?  One plain function, `judge_page`, over the parsed page.

The judgement is a sum of evidence in log-odds, each signal with its own weight, so that no single signal decides
and every verdict can say why (`PageVerdict.evidence`).  The signals are of four kinds:

- structured data: the page's own JSON-LD entity (an Article, NewsArticle, LiveBlogPosting ... about this URL, also
  inside `@graph`), or a CollectionPage, ItemList, SearchResultsPage, ProfilePage, VideoObject, ImageGallery; a list
  of many Article items is a listing marking up its teasers; `og:type`.  Weak alone: sections often claim
  `og:type=article`.
- shape: where the page's prose is.  Teasers are headlines that link to other articles, each with at most a short
  summary; an article is a headline that links nowhere followed by a run of paragraphs that no teaser interrupts.
  The measure is the longest such run, weighed against the number of teasers around it.  This goes beyond
  news-please (which counts linked h1-h6) by looking at the text each headline owns, and beyond trafilatura's
  readability test (text mass only) by telling teaser summaries from body paragraphs.
- URL shape: the site root, and tag/author/search/archive/page paths (courlan's and Fundus' URL filters).
- hints from discovery: a news sitemap names the page as a news article with its title; the listed title equals
  the page's headline.

Built to run on every fetched page before extraction (it reads the tree once; about 1 ms a page).
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from crawler.discovery import looks_like_article
from crawler.items import Candidate
from crawler.urls import host_of

logger = logging.getLogger(__name__)

KINDS = ("article", "home", "section", "tag", "author", "search", "archive", "gallery", "video", "ticker_index")

# schema.org types of the Article family (a LiveBlogPosting is an article: one story, updated).
ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "satiricalarticle", "blogposting",
    "liveblogposting", "report", "techarticle", "scholarlyarticle", "claimreview", "advertisercontentarticle",
})
LISTING_TYPES = {"collectionpage": "section", "itemlist": "section", "searchresultspage": "search",
                 "profilepage": "author", "imagegallery": "gallery", "mediagallery": "gallery"}
MEDIA_TYPES = {"videoobject": "video", "videogallery": "video", "imagegallery": "gallery", "mediagallery": "gallery"}

# Not <noscript>: pages rendered by scripts keep their text there for readers without them.
_SKIP = frozenset({"head", "script", "style", "template", "select", "option", "title", "textarea"})
_EMPTY_LINKS = etree.XPath("//a[@href][not(normalize-space())]")
_JSON_LD = etree.XPath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]/text()')
_META = etree.XPath("//meta[@content][@property or @name]")

_BLOCKS = frozenset({"p", "div", "td", "th", "li", "dd", "dt", "blockquote", "section", "article", "main", "body",
                     "figcaption", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "address", "header",
                     "footer", "aside", "nav", "form", "table", "tr", "ul", "ol", "dl", "figure", "center", "details",
                     "summary", "fieldset", "legend", "label", "button", "time"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
MAX_HEADLINE_CHARS = 400
# A teaser's summary is a sentence or two; a longer block after a teaser link is text in its own right.
SUMMARY_MAX = 500
READ_MORE_WORDS = 3  # 'mehr', 'weiterlesen', 'Read more', 'Zum Artikel'; a longer link is a citation
# Not <form>: ASP.NET pages wrap the whole page in one.
_CHROME_TAGS = frozenset({"nav", "button", "select", "svg", "iframe", "menu"})
_BOXES = frozenset({"header", "aside", "footer"})
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"})
# Exact class/id tokens of page furniture (tokens, not substrings: 'has-sidebar' on a wrapper must not hide a page).
_CHROME_TOKENS = frozenset({"nav", "navbar", "navigation", "menu", "mainmenu", "main-menu", "main-nav", "site-nav",
                            "sitenav", "breadcrumb", "breadcrumbs", "footer", "site-footer", "sidebar", "site-header",
                            "cookie", "cookies", "consent", "skiplinks", "skip-links", "pagination", "pager"})
_CONTAINERS = frozenset({"html", "body", "main", "article", "section"})
_NOT_PROSE = frozenset({"figcaption", "caption", "address", "summary", "legend", "label", "button", "time", "th",
                        "dt", "pre"})
# A class token naming a caption or credit ('caption', 'image__caption', 'credit-line'; not 'wp-lightbox-captions').
_CAPTION_CLASS = re.compile(r"(^|\s|[-_])(caption|credit|credits|bildunterschrift|copyright|legende|bu)([-_]|\s|$)",
                            re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…:;\"“”«»)]\s*$|[.!?…]\s|[。！？」』।॥؟۔]")
# Chinese, Japanese and Korean script: one character says about as much as three Latin ones.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_WORD = re.compile(r"\w+")
_SLUG = re.compile(r"[^\W\d_]{2,}(-\w+){3,}/?$")  # the last path segment names the article in words
HEADLINE_CHARS = 12
_DATELINE = re.compile(r"^\s*[A-ZÄÖÜ][\w.'’/ -]{1,40}\s*\([\w /,.-]{2,30}\)\s*[-–—]|^\s*[A-Z][A-Z .'-]{2,30}(,| \()"
                       r"[^.]{0,40}[-–—]\s")

# URL paths of listings: the site root, tags/topics, authors, search, archives and paging (courlan, Fundus filters).
_URL_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("search", re.compile(r"/(suche|search|suchergebnisse|recherche)(/|$|\?)|[?&](q|query|s|search|suche)=",
                          re.IGNORECASE)),
    ("author", re.compile(r"/(autor|autoren|author|authors|autorinnen|profile|profil|staff|journalist(en)?|"
                          r"redakteur(e|in)?)(/|$)", re.IGNORECASE)),
    ("tag", re.compile(r"/(tag|tags|thema|themen|topic|topics|schlagwort|schlagworte|stichwort|keyword|hub|dossier|"
                       r"category|kategorie|rubrik)(/|$)", re.IGNORECASE)),
    ("archive", re.compile(r"/(archiv|archive|archives)(/|$)|/(19|20)\d\d/(0?[1-9]|1[0-2])(/(0?[1-9]|[12]\d|3[01]))?/?$"
                           r"|/(page|seite)/?\d+/?$|[?&](page|seite)=\d+", re.IGNORECASE)),
    ("video", re.compile(r"/(videos?|mediathek|tv)/?$", re.IGNORECASE)),
    ("gallery", re.compile(r"/(bilder|fotos|galerie|galerien|gallery|galleries|photos|fotostrecken?|"
                           r"bildergalerien?)/?$", re.IGNORECASE)),
    ("ticker_index", re.compile(r"/(live|liveticker|liveblogs?|ticker)/?$", re.IGNORECASE)),
)
_GALLERY_WORDS = re.compile(r"\b(bildergalerie|fotostrecke|fotogalerie|galerie|in bildern|die bilder|bilder des|"
                            r"in pictures|photos|gallery|slideshow)\b", re.IGNORECASE)

# Weights (log-odds) of the evidence.  A yes/no signal weighs about half its log-likelihood ratio on the development
# half of ../shared/corpus (articles) and of the listing fixtures (`benchmarks/page_type.py --calibrate` prints the
# ratios): half, because the signals are not independent (a page with JSON-LD usually has og:type too).  Two are set
# by argument, not by the fixtures: the page's own Article entity (the fixtures stamp one section on purpose, which
# would make the publisher's word look weaker than it is) and the paywall.  The shape signals are graded: a weight
# per doubling of a measure, capped.
W_OWN_ENTITY = 4.0  # the page's own JSON-LD entity is an Article (about this URL): the publisher's own word
W_LISTED_ENTITIES = -2.5  # several Article entities about other URLs: a listing marks up its teasers
W_LISTING_TYPE = -3.0  # CollectionPage, ItemList, SearchResultsPage, ProfilePage
W_MEDIA_TYPE = -1.5  # the page's entity is a video or a gallery, not an article
W_OG_ARTICLE = 0.5
W_OG_OTHER = -1.0  # og:type website / profile / video
W_PUBLISHED = 1.0  # a publication time of the page itself (article:published_time, datePublished)
W_PAYWALL = 1.5  # isAccessibleForFree=false: only articles sit behind a paywall
W_RUN = 1.6  # per doubling of the longest run of body prose above RUN_NEUTRAL characters
RUN_NEUTRAL = 450
RUN_CAP = 3.5
LISTING_MASS = 6  # teasers (or 150 characters of teaser text each) that make a page's lack of body text telling
W_TEASERS = -0.9  # per doubling of teasers beyond what the body prose carries
W_NO_TEASERS = 1.5  # a listing is links to articles: a page with none is no listing
W_TEASER_PROSE = -1.2  # per doubling of teaser summaries beyond the body prose
TEASER_CAP = 3.0
W_HEADLINE = 0.8  # a main headline that links nowhere and reads like a sentence
W_SHORT_HEADLINE = -0.9  # a main headline of one or two words: a section, topic or person
W_NO_HEADLINE = -0.6
W_DATELINE = 0.8  # 'Berlin (dpa) -': the first paragraph opens like a report
W_URL_ROOT = -3.0
W_URL_LISTING = -1.5
W_URL_ARTICLE = 0.8
W_GALLERY = -1.2
W_NEWS_SITEMAP = 1.0
W_LISTED_TITLE = 0.8
BIAS = 0.3  # a page that says nothing either way is an article: losing an article costs more than a stray listing


@dataclass(frozen=True)
class PageHints:
    """What discovery knew of the page before it was fetched."""

    via: str | None = None  # 'feed', 'sitemap', 'section', 'related', 'seed', 'revisit'
    news_sitemap: bool = False  # listed in a news sitemap with news: fields
    listed_title: str | None = None  # the feed's or news sitemap's title for it


def page_hints(candidate: Candidate) -> PageHints:
    """What a discovered link says about its page: a news sitemap entry carries news: fields (a title or a date)."""
    news = candidate.via == "sitemap" and bool(candidate.title or candidate.published)
    return PageHints(via=candidate.via, news_sitemap=news, listed_title=candidate.title)


@dataclass(frozen=True)
class PageVerdict:
    """The judgement of one page: article or not, the kind of page, the score and the evidence behind it."""

    is_article: bool
    kind: str  # one of KINDS
    score: float  # log-odds of 'article'; > 0 is an article
    evidence: tuple[tuple[str, float], ...] = ()  # (signal, contribution), strongest first

    def describe(self, limit: int = 6) -> str:
        """'section (score -4.2): +1.6 ..., -3.0 ...' for logs and the extract command."""
        parts = ", ".join(f"{value:+.1f} {name}" for name, value in self.evidence[:limit])
        return f"{self.kind} (score {self.score:+.1f}): {parts}"


@dataclass(frozen=True)
class Structured:
    """What the page's structured data (JSON-LD, meta tags) says about it."""

    own_article: str | None = None  # the @type of the page's own Article entity
    listed_articles: int = 0  # Article entities about other URLs (teasers marked up)
    listing_type: str | None = None  # collectionpage, itemlist, searchresultspage, profilepage, ...
    media_type: str | None = None  # videoobject, imagegallery, ... as the page's main entity
    og_type: str | None = None
    published: bool = False
    paywalled: bool = False


@dataclass(frozen=True)
class Shape:
    """Where the page's text is: in a run of body paragraphs, or in teasers that link elsewhere."""

    best_run: int = 0  # characters of the longest run of body prose that no teaser interrupts
    best_run_blocks: int = 0
    own_prose: int = 0  # all body prose
    teaser_prose: int = 0  # summaries that belong to teasers
    teasers: int = 0  # distinct other articles linked by headline-like links
    headline: str | None = None  # the main headline (first h1 outside the page furniture)
    headline_linked: bool = False
    run_images: int = 0  # pictures inside the longest run (a gallery is pictures with a line each)
    dateline: bool = False


def judge_page(tree: HtmlElement, url: str | None, hints: PageHints | None = None) -> PageVerdict:
    """Judge one parsed page: article or listing, with the evidence."""
    hints = hints or PageHints()
    base = url or _canonical(tree)
    structured = read_structured(tree, base)
    shape = measure_shape(tree, base)
    evidence = list(_evidence(structured, shape, base, hints))
    score = BIAS + sum(v for _, v in evidence)
    evidence.sort(key=lambda e: -abs(e[1]))
    is_article = score > 0
    kind = "article" if is_article else _kind(structured, shape, base)
    return PageVerdict(is_article, kind, round(score, 2), tuple((n, round(v, 2)) for n, v in evidence))


def _evidence(st: Structured, sh: Shape, url: str | None, hints: PageHints) -> Iterator[tuple[str, float]]:
    if st.own_article:
        yield f"JSON-LD {st.own_article} about this page", W_OWN_ENTITY
    if st.listed_articles >= 3:
        yield f"JSON-LD lists {st.listed_articles} articles", W_LISTED_ENTITIES
    if st.listing_type and not st.own_article:
        yield f"JSON-LD {st.listing_type}", W_LISTING_TYPE
    if st.media_type and not st.own_article:
        yield f"JSON-LD {st.media_type}", W_MEDIA_TYPE
    if st.og_type:
        if st.og_type == "article":
            yield "og:type article", W_OG_ARTICLE
        elif st.og_type in ("website", "profile") or st.og_type.startswith(("video", "music")):
            yield f"og:type {st.og_type}", W_OG_OTHER
    if st.published:
        yield "publication time", W_PUBLISHED
    if st.paywalled:
        yield "paywall", W_PAYWALL
    run = min(RUN_CAP, max(-RUN_CAP, math.log2((sh.best_run + 50) / RUN_NEUTRAL)))
    if run < 0:
        # Little body text is evidence of a listing only where teasers hold the page's text instead (a page whose
        # text a script fills in, or a list article, has neither), or of a video or gallery page, as its entity says.
        media = LISTING_MASS if (st.media_type and not st.own_article) or _media_og(st.og_type) else 0
        run *= min(1.0, (sh.teasers + sh.teaser_prose / 150 + media) / LISTING_MASS)
    yield f"body run {sh.best_run} chars in {sh.best_run_blocks} blocks", W_RUN * run
    # Articles carry teasers too (related, most read); only teasers beyond what the body carries count against.
    carried = 6 + sh.best_run / 150
    if sh.teasers == 0:
        yield "no teasers", W_NO_TEASERS
    # The number of teasers and the length of their summaries are two views of one thing: together they count once,
    # at most TEASER_CAP.
    count = W_TEASERS * math.log2(sh.teasers / carried) if sh.teasers > carried else 0.0
    text = W_TEASER_PROSE * min(2.0, math.log2(sh.teaser_prose / max(sh.best_run, 200))) \
        if sh.teaser_prose > max(sh.best_run, 200) else 0.0
    scale = min(1.0, TEASER_CAP / -(count + text)) if count + text < -TEASER_CAP else 1.0
    if count:
        yield f"{sh.teasers} teasers", count * scale
    if text:
        yield f"teaser text {sh.teaser_prose} chars", text * scale
    if sh.headline is None:
        yield "no main headline", W_NO_HEADLINE
    elif not sh.headline_linked:  # an h1 that links to the home page is the logo: it says nothing either way
        words = headline_words(sh.headline)
        if words <= 2:
            yield f"headline of {words} words", W_SHORT_HEADLINE
        elif words >= 4:
            yield "sentence headline", W_HEADLINE
    if sh.dateline:
        yield "dateline", W_DATELINE
    if _pictures_with_lines(sh):
        yield f"{sh.run_images} pictures with a line each", W_GALLERY
    if sh.headline and _GALLERY_WORDS.search(sh.headline) and sh.best_run < 1500:
        yield "gallery headline", W_GALLERY
    if url:
        path_kind = url_kind(url)
        if path_kind == "home":
            yield "site root", W_URL_ROOT
        elif path_kind:
            yield f"{path_kind} URL", W_URL_LISTING
        elif _article_url(url):
            yield "article URL", W_URL_ARTICLE
    if hints.news_sitemap:
        yield "news sitemap entry", W_NEWS_SITEMAP
    if hints.listed_title and sh.headline and _fold(hints.listed_title) == _fold(sh.headline):
        yield "listed title is the headline", W_LISTED_TITLE


def _media_og(og_type: str | None) -> bool:
    return bool(og_type) and og_type.startswith(("video", "music"))  # type: ignore[union-attr]


def _kind(st: Structured, sh: Shape, url: str | None) -> str:
    """What kind of listing a non-article is: by URL, then structured data, then the headline."""
    path_kind = url_kind(url) if url else None
    if path_kind:
        return path_kind
    if st.media_type and not st.own_article:
        return MEDIA_TYPES[st.media_type]
    if st.listing_type:
        return LISTING_TYPES.get(st.listing_type, "section")
    if st.og_type == "profile":
        return "author"
    if st.og_type and st.og_type.startswith("video"):
        return "video"
    if sh.headline and _GALLERY_WORDS.search(sh.headline) or _pictures_with_lines(sh):
        return "gallery"
    return "section"


def _pictures_with_lines(sh: Shape) -> bool:
    """A gallery's shape: four or more pictures in the body run, with not much more than a line of text each."""
    return sh.run_images >= 4 and sh.run_images * 120 >= sh.best_run


def url_kind(url: str) -> str | None:
    """'home' for the site root, a listing kind for tag/author/search/archive/... paths, else None."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    if path in ("", "/") or re.fullmatch(r"/(index|home|start|startseite)(\.\w+)?/?", path, re.IGNORECASE):
        if not parts.query:
            return "home"
        if _URL_KINDS[0][1].search("?" + parts.query):
            return "search"
        return None  # '/?p=2895', '/index.php?id=42': a page chosen by its query, often an article
    whole = path + ("?" + parts.query if parts.query else "")
    for kind, pattern in _URL_KINDS:
        if pattern.search(whole):
            return kind
    return None


def _article_url(url: str) -> bool:
    path = urlsplit(url).path
    last = path.rstrip("/").rsplit("/", 1)[-1]
    return bool(re.search(r"\d{5,}|[a-z0-9]+(-[a-z0-9]+){3,}", last, re.IGNORECASE))


# --- structured data ---------------------------------------------------------------------------------------------

def read_structured(tree: HtmlElement, url: str | None) -> Structured:
    """The page's JSON-LD entities and meta tags, as evidence of its type."""
    own_article = None
    listed: set[str] = set()
    listing_type = media_type = None
    published = paywalled = False
    own_path = _path_key(url) if url else None
    for entity, listed_in in _ld_entities(tree):
        types = _types(entity)
        if listed_in:
            if types & ARTICLE_TYPES:
                listed.add(_entity_url(entity) or str(len(listed)))
            continue
        if types & ARTICLE_TYPES:
            about = _entity_url(entity)
            if about and own_path and _path_key(about) != own_path and not _is_main_entity(entity):
                listed.add(about)
                continue
            if own_article is None:
                own_article = min(types & ARTICLE_TYPES)
                published = published or bool(entity.get("datePublished"))
                paywalled = paywalled or _free(entity) is False
        for t in types:
            if t in LISTING_TYPES and t not in MEDIA_TYPES:
                listing_type = listing_type or t
            if t in MEDIA_TYPES:
                media_type = media_type or t
        if _free(entity) is False:
            paywalled = True
    meta = {}
    for node in _META(tree):
        key = (node.get("property") or node.get("name") or "").strip().lower()
        if key and key not in meta:
            meta[key] = (node.get("content") or "").strip().lower()
    published = published or any(meta.get(k) for k in ("article:published_time", "og:article:published_time",
                                                         "datepublished"))
    return Structured(own_article=own_article, listed_articles=len(listed), listing_type=listing_type,
                      media_type=media_type, og_type=meta.get("og:type") or None, published=published,
                      paywalled=paywalled)


def _ld_entities(tree: HtmlElement) -> Iterator[tuple[dict, bool]]:
    """(entity, listed) for every JSON-LD object: listed when it is an item of a list, not the page's own."""
    for raw in _JSON_LD(tree):
        raw = raw.strip()
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            try:
                data = json.loads(re.sub(r"[\x00-\x1f]", " ", raw))
            except ValueError:
                continue
        yield from _walk(data, listed=False, depth=0)


def _walk(data: object, *, listed: bool, depth: int) -> Iterator[tuple[dict, bool]]:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            yield from _walk(item, listed=listed, depth=depth + 1)
        return
    if not isinstance(data, dict):
        return
    yield data, listed
    if "@graph" in data:
        yield from _walk(data["@graph"], listed=listed, depth=depth + 1)
    main = data.get("mainEntity")
    if isinstance(main, (dict, list)):
        yield from _walk(main, listed=listed, depth=depth + 1)
    for key in ("itemListElement", "hasPart", "liveBlogUpdate", "blogPost", "articles"):
        if key == "hasPart" and not _types(data) & {"collectionpage", "webpage", "itemlist", "website"}:
            continue  # an article's hasPart is the paywalled part of itself
        if key == "liveBlogUpdate":
            continue  # the updates of a live blog are the page's own entries, not other articles
        items = data.get(key)
        if isinstance(items, dict):
            items = [items]
        if isinstance(items, list):
            for item in items:
                if isinstance(item, dict) and isinstance(item.get("item"), dict):
                    item = item["item"]
                yield from _walk(item, listed=True, depth=depth + 1)


def _types(entity: dict) -> set[str]:
    t = entity.get("@type")
    items = t if isinstance(t, list) else [t]
    return {str(x).lower().rsplit("/", 1)[-1] for x in items if x}


def _entity_url(entity: dict) -> str | None:
    for key in ("url", "mainEntityOfPage", "@id"):
        value = entity.get(key)
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, list):
            value = value[0] if value and isinstance(value[0], str) else None
        if isinstance(value, str) and value.startswith(("http://", "https://", "/")):
            return value.split("#", 1)[0]
    return None


def _is_main_entity(entity: dict) -> bool:
    return bool(entity.get("mainEntityOfPage")) and not entity.get("url")


def _free(entity: dict) -> bool | None:
    value = entity.get("isAccessibleForFree")
    if isinstance(value, str):
        return value.strip().lower() not in ("false", "0", "no")
    return value if isinstance(value, bool) else None


def _path_key(url: str) -> str:
    return unquote(urlsplit(url).path).rstrip("/").lower()


def _canonical(tree: HtmlElement) -> str | None:
    hrefs = tree.xpath('//link[translate(@rel, "CANONIL", "canonil")="canonical"]/@href')
    href = hrefs[0].strip() if hrefs else None
    return href if href and href.startswith(("http://", "https://")) else None


# --- shape -------------------------------------------------------------------------------------------------------

@dataclass
class _Block:
    first: int
    chars: int = 0
    link_chars: int = 0
    first_in_link: bool = False
    last: int = 0  # position of the block's last text
    last_link: HtmlElement | None = None  # the link holding the block's last text, if any
    card: bool = False  # inside a card that one link covers
    text: list[str] = field(default_factory=list)


@dataclass
class _Heading:
    first: int
    card: bool
    chars: int = 0
    link_chars: int = 0
    link: HtmlElement | None = None
    text: list[str] = field(default_factory=list)


def measure_shape(tree: HtmlElement, url: str | None) -> Shape:
    """Walk the page's text once: body prose runs, teaser headlines and their summaries, the main headline."""
    return _runs(page_events(tree, url))


def page_events(tree: HtmlElement, url: str | None) -> _Page:
    """The page in document order as headings, teaser links and prose blocks; picture positions; the headline."""
    base = url or "http://localhost/"
    own_key = _path_key(url) if url else None
    own_host = host_of(base)
    parts = urlsplit(base)
    origin = f"{parts.scheme}://{parts.netloc}"
    targets: dict[str, str | None] = {}

    def target(a: HtmlElement) -> str | None:
        """The path of the article this link leads to, when it is another article of the same site."""
        href = a.get("href")
        if not href:
            return None
        key = targets.get(href, "")
        if key == "":
            key = targets[href] = _target(href.strip(), origin, base, own_host, own_key)
        return key

    cards: dict[HtmlElement, str] = {}  # a link laid over a whole card: its headline and summary are one teaser
    for a in _EMPTY_LINKS(tree):
        parent = a.getparent()
        if a.find(".//img") is None and parent is not None:
            key = target(a)
            if key is not None:
                cards[parent] = key
    card_teasers: list[tuple[int, str]] = []
    blocks: dict[HtmlElement, _Block] = {}
    links: dict[HtmlElement, list] = {}  # <a> -> [first position, chars, context]
    headings: dict[HtmlElement, _Heading] = {}
    images: list[int] = []  # positions of pictures outside links and page furniture
    # The context of the element being read: (block, link, heading, chrome, card, caption), each inherited from the
    # parent.  One walk with start and end events keeps it on a stack, skipping furniture and scripts whole.
    stack: list[tuple] = [(None, None, None, False, False, False)]
    pos = 0

    def text(piece: str, c: tuple) -> None:
        n = len(piece.strip())
        block, link, heading, _, card, caption = c
        if heading is not None:
            h = headings.get(heading)
            if h is None:
                h = headings[heading] = _Heading(first=pos, card=card)
            h.chars += n
            h.text.append(piece)
            if link is not None:
                h.link_chars += n
                h.link = link
        elif block is not None:
            b = blocks.get(block)
            if b is None:
                b = blocks[block] = _Block(first=pos, first_in_link=link is not None)
            b.chars += n
            b.last = pos
            b.last_link = link
            if link is not None:
                b.link_chars += n
            elif not caption:
                b.text.append(piece)
            if card:
                b.card = True
        if link is not None:
            entry = links[link]
            if entry[0] < 0:
                entry[0] = pos
            entry[1] += n

    walker = etree.iterwalk(tree, events=("start", "end", "comment"))
    for event, el in walker:
        if event == "start":
            tag = el.tag
            c = stack[-1]
            block, link, heading, chrome, card, caption = c
            names = el.keys()  # one call; most elements carry a class at most
            cls = el.get("class") if "class" in names else None
            if tag in _SKIP or _is_chrome(el, tag, cls, names):
                stack.append((block, link, heading, True, card, caption))
                walker.skip_subtree()
                continue
            if tag in _BLOCKS:
                block = el
                if tag in _HEADINGS and _is_heading(el):
                    heading = el
            elif tag == "a":
                if el.get("href"):
                    link = el
            elif tag == "img" and link is None and not card:
                images.append(pos)
                pos += 1
            if cards and el in cards:
                card = True
                card_teasers.append((pos, cards[el]))
            if not caption:
                caption = tag == "figcaption" or bool(cls and tag not in _CONTAINERS and _is_caption(cls))
            c = (block, link, heading, chrome, card, caption)
            stack.append(c)
            if link is el:
                links[el] = [-1, 0, c]
            piece = el.text
            if piece and not piece.isspace():
                text(piece, c)
                pos += 1
            continue
        if event == "end":
            stack.pop()
        piece = el.tail  # after an element or a comment: the parent's text
        if piece and not piece.isspace():
            c = stack[-1]
            if not c[3]:
                text(piece, c)
                pos += 1

    # Events in document order: headings, teaser links, prose blocks.
    events: list[tuple[int, str, object]] = []
    headline_links = {h.link for h in headings.values() if h.link is not None and h.link_chars >= 0.5 * h.chars}
    for a, (first, chars, c) in links.items():
        key = target(a)
        if key is None or first < 0:
            continue
        block = blocks.get(c[0]) if c[0] is not None else None
        inline = block is not None and block.link_chars < 0.5 * block.chars and not (
            block.first_in_link and block.first == first)
        if c[2] is not None or a in headline_links or not inline and (
                chars >= HEADLINE_CHARS and len(_WORD.findall(a.text_content())) >= 2 or _SLUG.search(key)):
            # A link that names its article, by a headline-like text or by a descriptive address ('3:1' in a
            # table of live tickers); not a menu item ('Actualités' -> /fr/actualités/s-10261).
            events.append((first, "teaser", key))
    events.extend((p, "teaser", key) for p, key in card_teasers)
    headline: _Heading | None = None
    for h_el, h in headings.items():
        linked = h.card or (h.link_chars >= 0.5 * h.chars and h.link is not None and target(h.link) is not None)
        events.append((h.first, "heading", linked))
        if headline is None and h_el.tag == "h1":
            headline = h
    for el, b in blocks.items():
        if b.link_chars > 0.5 * b.chars:
            continue
        words = " ".join(" ".join(b.text).split())
        size = _size(words)
        if el.tag in _NOT_PROSE or size < 40 or not _SENTENCE_END.search(words):
            continue
        # '... mehr', '... Continue reading': a block closed by a short link to another article is a teaser's text.
        closed = b.card or (b.last_link is not None and target(b.last_link) is not None
                            and len(_WORD.findall(b.last_link.text_content())) <= READ_MORE_WORDS)
        events.append((b.first, "prose", (size, closed, words, b.last)))
    events.sort(key=lambda e: (e[0], e[1] != "heading"))
    headline_linked = False
    if headline is not None and headline.link is not None and headline.link_chars >= 0.5 * headline.chars:
        href = (headline.link.get("href") or "").strip()
        headline_linked = target(headline.link) is not None or _path_key(urljoin(base, href)) == ""
    return _Page(events, images, " ".join(" ".join(headline.text).split()) if headline else None, headline_linked)


@dataclass(frozen=True)
class _Page:
    """The page read once: events in document order, picture positions, the main headline."""

    events: list[tuple[int, str, object]]
    images: list[int]
    headline: str | None
    headline_linked: bool


def _runs(page: _Page) -> Shape:
    """Follow the events: prose after a teaser is its summary; body prose runs until a teaser interrupts it."""
    events, images = page.events, page.images

    best = _Run()
    run = _Run()
    own = teaser_prose = 0
    after_teaser = False
    dateline = None
    for pos, kind, value in events:
        if kind == "teaser" or (kind == "heading" and value):
            after_teaser = True
            run = _Run()
            continue
        if kind == "heading":
            after_teaser = False
            continue
        chars, closed, words, last = value  # type: ignore[misc]
        if (closed or after_teaser) and chars <= SUMMARY_MAX:  # a teaser's summary
            teaser_prose += chars
            after_teaser = False
            run = _Run()
            continue
        if dateline is None:
            dateline = bool(_DATELINE.match(words))
        own += chars
        if not run.blocks:
            run.start = pos
        run.chars += chars
        run.blocks += 1
        run.end = last
        if run.chars > best.chars:
            best = _Run(run.chars, run.blocks, run.start, run.end)
    run_images = sum(1 for p in images if best.start <= p <= best.end) if best.blocks >= 3 else 0
    teasers = len({value for _, kind, value in events if kind == "teaser"})
    return Shape(best_run=best.chars, best_run_blocks=best.blocks, own_prose=own, teaser_prose=teaser_prose,
                 teasers=teasers, headline=page.headline, headline_linked=page.headline_linked,
                 run_images=run_images, dateline=bool(dateline))


@dataclass
class _Run:
    chars: int = 0
    blocks: int = 0
    start: int = -1
    end: int = -1


def _target(href: str, origin: str, base: str, own_host: str, own_key: str | None) -> str | None:
    """The path of the article a link leads to, when it is another article of the same site; else None."""
    if href.startswith("/") and not href.startswith("//"):
        absolute = origin + href  # the common case, without the cost of urljoin
    elif href.startswith(("http://", "https://")):
        absolute = href
        if host_of(absolute) != own_host:
            return None
    elif not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:", "whatsapp:")):
        return None
    else:
        absolute = urljoin(base, href)
        if not absolute.startswith(("http://", "https://")) or host_of(absolute) != own_host:
            return None
    key = _path_key(absolute)
    if key == own_key or not looks_like_article(absolute, base):
        return None
    return key


def _is_heading(el: HtmlElement) -> bool:
    """A heading of headline size: broken markup can leave a heading open around a whole article."""
    return len(el.text_content()) <= MAX_HEADLINE_CHARS


def _is_chrome(el: HtmlElement, tag: str, cls: str | None, names: list[str]) -> bool:
    """Page furniture: navigation, menus, the site's header and footer, sidebars, hidden parts."""
    if tag in _CHROME_TAGS:
        return True
    if tag in _BOXES:
        # A header, aside or footer that holds the headline or an <article> is not furniture: an article's own
        # header, or markup so broken that the parser put the story inside an aside.
        if el.find(".//h1") is not None or el.find(".//article") is not None:
            return False
        return tag != "header" or not any(a.tag in ("article", "main") for a in el.iterancestors())
    if not names or tag in _CONTAINERS:  # a class 'sidebar' on <body> says how the page is laid out
        return False
    if cls and not _CHROME_TOKENS.isdisjoint(cls.lower().split()):
        return True
    if "id" in names and (el.get("id") or "").lower() in _CHROME_TOKENS:
        return True
    if "role" in names and (el.get("role") or "").lower() in _CHROME_ROLES:
        return True
    return "hidden" in names or ("aria-hidden" in names and el.get("aria-hidden") == "true")


def _is_caption(cls: str) -> bool:
    low = cls.lower()
    return ("cap" in low or "credit" in low or "bu" in low or "copyright" in low or "legende" in low
            or "bildunter" in low) and _CAPTION_CLASS.search(low) is not None


def _size(text: str) -> int:
    """Length in Latin-script characters: CJK characters count three times."""
    return len(text) + 2 * len(_CJK.findall(text)) if not text.isascii() else len(text)


def headline_words(text: str) -> int:
    """Words of a headline; in CJK script every two characters count as a word."""
    return len(_WORD.findall(text)) + len(_CJK.findall(text)) // 2


def _fold(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))
