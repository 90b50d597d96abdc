"""Article metadata from the page itself: title, author, publication date, language, site name, canonical URL, agency.

Structured data (JSON-LD, then meta tags) wins over guesses from the markup, and guesses from the URL come last;
the crawl time is never a publication date.
"""

from __future__ import annotations

import html
import json
import logging
import re
from collections.abc import Iterator, Sequence
from copy import deepcopy
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

from lxml.etree import Element, XPath
from lxml.html import HtmlElement

from crawler import textstats
from crawler.agency import canonical_agency, desk_credit
from crawler.byline import GLUED_PREFIX, PERSON, PREFIX, normalize_byline
from crawler.frame import hidden, is_sentence

logger = logging.getLogger(__name__)

ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "liveblogposting", "report", "scholarlyarticle",
    "techarticle", "webpage", "socialmediaposting", "posting", "claimreview",
})

# The headline the reader sees is an h1 or h2; one inside these (or in a breadcrumb) is page furniture.
_HEADLINE_TAGS = ("h1", "h2")
_CHROME_TAGS = frozenset({"nav", "footer", "aside", "a"})
_CRUMB = re.compile(r"crumb", re.IGNORECASE)
# A kicker element at the start of a headline is short; a headline has a few words at least.
KICKER_MAX_WORDS = 8
HEADLINE_MIN_WORDS = 3
_TITLE_SEPARATORS = (" | ", " – ", " — ", " - ", " :: ", " · ", " • ")
# Byline, contributor and source boxes outside captions and page chrome (class names lower case or in camel case:
# 'metaInfoAuthorList'): where a page names its authors and credits the agency it took the text from.  Both
# spellings with plain contains() ('uthor' for 'author' and 'Author'; 'yline' would match 'storyline'):
# translate() on every class of the page would cost a fifth of the extraction.
_CREDIT_CLASSES = ("byline", "Byline", "uthor", "autor", "Autor", "ontributor", "quelle", "Quelle", "ource")
# Parts of those words that each of them contains: a cheaper first test that rules out most classes.
_CREDIT_SCREEN = ("yline", "uthor", "utor", "uelle", "ource")
if not all(any(part in word for part in _CREDIT_SCREEN) for word in _CREDIT_CLASSES):
    raise AssertionError("every credit class word must contain a part of _CREDIT_SCREEN")
_CREDIT_SCREEN_RE = re.compile("|".join(map(re.escape, _CREDIT_SCREEN)))
# Around a credit box that is not the article's (see _credit_nodes), and what is never a credit box itself.
_NOT_CREDIT_AROUND = frozenset({"figure", "figcaption", "footer", "nav", "a"})
_NOT_CREDIT_TAGS = frozenset({"a", "img", "script"})
CREDIT_BOXES = 8
# Links to an author's page ('<a href="/autoren/name/max-muster">Max Muster</a>'), outside page chrome: see
# _author_links ('/aut' first: one test rules out most links).
_AUTHOR_PATHS = ("/autor/", "/autoren/", "/author/", "/authors/")
# How far up a credit's box is looked at for a picture, and how much text a picture's box holds at most.
PICTURE_BOX_LEVELS = 3
PICTURE_BOX_MAX_CHARS = 300
# Short leaves with a slash outside pictures: where a page sets a desk credit apart ('<div>sak/Reuters</div>'). An XPath:
# a walk in Python over every element costs more here (no tag narrows it down).
_DESK_LEAVES = XPath(
    '//body//*[not(*)][contains(text(), "/")][string-length(normalize-space(text())) <= 40]'
    '[not(ancestor::figure or ancestor::figcaption or ancestor::picture or ancestor::a or ancestor::script)]')
_PICTURE_BOX = re.compile(r"image|img|photo|foto|bild|media|caption|gallery|copyright", re.IGNORECASE)
_OWN_TEASER = re.compile(r"(article|story|post|entry|artikel|beitrag)__teaser")
# The meta tags that name the author, in order ('twitter:misc:written by' is what WordPress' Yoast writes).
_AUTHOR_META_KEYS = ("author", "article:author", "parsely-author", "dc.creator", "sailthru.author", "byl",
                     "twitter:misc:written by")
# Labels of a field that holds the author's name, and the short elements that may be such a label.
_AUTHOR_LABEL = re.compile(r"^(autor(in)?|autor\*?/?in|autorin/autor|autor/autorin|autoren|autorinnen|author|authors|"
                           r"written by|verfasst von)\s*:?$", re.IGNORECASE)
_DATE_LABEL = re.compile(r"^(datum|date|veröffentlicht( am)?|erschienen( am)?|published( on)?)\s*:?$", re.IGNORECASE)
_LABEL_TAGS = ("strong", "b", "dt", "th", "span", "label")
LABEL_MAX_CHARS = 20
# The whitespace XPath's normalize-space() strips and collapses (Python's strip() and split() take more: no-break
# spaces too), and a run of it.
XML_SPACE = " \t\n\r"
_XML_SPACE_RUN = re.compile(f"[{XML_SPACE}]+")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])(?:[/-](0[1-9]|[12]\d|3[01]))?(?:/|\b)")
_ISO_DATE = re.compile(r"((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?"
                       r"\s*(Z|[+-]\d{2}:?\d{2})?)?")
# Languages spoken (nearly) only in one time zone: a time their pages write without an offset is local time there.
_LANGUAGE_ZONES = {lang: "Europe/Berlin" for lang in ("de", "it", "nl", "pl", "cs", "sk", "hu", "da", "sv", "nb", "no",
                                                       "hr", "sl", "sr", "lb")}
_DE_DATE = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})\b")
_STOPWORDS = {
    "de": frozenset(["der", "die", "das", "und", "ist", "nicht", "mit", "sich", "des", "auf", "für", "eine", "ein", "dem", "den", "von", "zu", "im", "auch", "wird"]),
    "en": frozenset(["the", "and", "is", "of", "to", "in", "that", "for", "with", "was", "on", "are", "as", "by", "this", "from", "have", "has"]),
    "fr": frozenset(["le", "la", "les", "et", "des", "est", "une", "pour", "dans", "que", "qui", "sur", "pas", "par", "avec"]),
    "es": frozenset(["el", "la", "los", "las", "y", "que", "en", "del", "por", "con", "una", "para", "es", "se"]),
}


@dataclass(frozen=True)
class PageMetadata:
    """What a page says about itself before its text is read."""

    title: str | None = None
    author: str | None = None  # the people, joined; the agencies when the structured data names only them
    authors: tuple[str, ...] = ()  # the people the page names as authors
    wire: bool = False  # the structured data names agencies alone as the author
    published: str | None = None
    language: str | None = None
    source: str | None = None
    canonical_url: str | None = None
    agencies: tuple[str, ...] = ()  # agencies named as author or publisher in the structured data
    headlines: tuple[str, ...] = ()  # every version of the headline the page gives (structured data, h1, <title>)
    h1: str | None = None  # the page's first h1
    credits: tuple[str, ...] = ()  # texts of the page's byline and source boxes, for the agency (crawler/agency.py)


def read_metadata(tree: HtmlElement, url: str | None) -> PageMetadata:
    """Title, author, date, language, site name and canonical URL from JSON-LD, meta tags and markup."""
    ld = list(_json_ld_objects(tree))
    article = next((o for o in ld if _types(o) & ARTICLE_TYPES and o.get("headline")), None) or next(
        (o for o in ld if _types(o) & ARTICLE_TYPES), {})
    meta = _meta_tags(tree)
    base = url or meta.get("og:url")
    source = _clean(_name_of(article.get("publisher")) or meta.get("og:site_name") or meta.get("application-name"))
    h1s = [_clean(h.text_content()) for h in tree.xpath("//h1")[:2]]
    page_title = _xpath_text(tree, "//title")
    versions = [_first_text(o.get("headline")) for o in ld if _types(o) & ARTICLE_TYPES]
    # The first h1 only: later ones are often section headings of the page, not the article's headline.
    versions += [meta.get("og:title"), meta.get("twitter:title"), *h1s[:1], page_title]
    headlines = tuple(dict.fromkeys(h for h in (strip_site_suffix(_clean(v), source, url) for v in versions) if h))
    structured = [strip_site_suffix(_clean(v), source, url) for v in (
        _first_text(article.get("headline")), meta.get("og:title"), meta.get("twitter:title"), page_title)]
    shown = visible_headline(tree, [v for v in structured if v])
    if shown:
        headlines = tuple(dict.fromkeys((*headlines, shown)))
    raw_title = (shown or _first_text(article.get("headline")) or meta.get("og:title") or meta.get("twitter:title")
                 or next((h for h in h1s if h), None) or page_title)
    host = urlsplit(base or meta.get("og:url") or "").hostname or urlsplit(_canonical(tree, meta, base) or "").hostname
    credits = _credits(tree) + _desk_credits(tree)
    authors, agencies, wire = _authors(article.get("author"), meta, tree, source, host, credits)
    language = _language(tree, meta, article)
    return PageMetadata(
        headlines=headlines,
        h1=h1s[0] if h1s else None,
        credits=credits,
        title=strip_site_suffix(_clean(raw_title), source, url),
        # the structured data naming only an agency as author is wire copy: the agency is its author
        author=", ".join(authors) or (", ".join(agencies) if wire else None),
        authors=tuple(authors),
        wire=wire,
        published=_published(article, meta, tree, url, language),
        language=language,
        source=source,
        canonical_url=_canonical(tree, meta, base),
        agencies=agencies,
    )


def _credits(tree: HtmlElement) -> tuple[str, ...]:
    """The texts of the page's byline, contributor and source boxes (the first CREDIT_BOXES different ones), not in a
    picture's box, a teaser of another article or a comment."""
    out: dict[str, None] = {}
    for node in _credit_nodes(tree):
        text = " ".join(node.text_content().split())[:300]
        if text and text not in out and not in_picture_box(node) and not _elsewhere(node):
            out[text] = None
            if len(out) >= CREDIT_BOXES:
                break
    return tuple(out)


def _desk_credits(tree: HtmlElement) -> tuple[str, ...]:
    """Desk credits the page sets apart from its text ('sak/Reuters' under the article), not in a picture's box."""
    out = []
    for leaf in _DESK_LEAVES(tree):
        text = " ".join((leaf.text or "").split())
        if desk_credit(text) and not in_picture_box(leaf):
            out.append(text)
    return tuple(dict.fromkeys(out))[:3]


def _credit_nodes(tree: HtmlElement) -> Iterator[HtmlElement]:
    """The elements whose class names a byline, author, contributor or source box, outside figures, footers,
    navigation and links, and not a link, image or script themselves, in document order and one at a time: what the
    XPath //*[@class][contains(@class, "yline") or ...][contains(@class, "byline") or ...][not(ancestor::figure or
    ancestor::figcaption or ancestor::footer or ancestor::nav or ancestor::a)][not(self::a or self::img or
    self::script)] finds, without its tests of every node of the page."""
    for node in tree.getroottree().iter(Element):
        cls = node.get("class")
        if (cls and _CREDIT_SCREEN_RE.search(cls) and any(word in cls for word in _CREDIT_CLASSES)
                and node.tag not in _NOT_CREDIT_TAGS
                and not any(anc.tag in _NOT_CREDIT_AROUND for anc in node.iterancestors())):
            yield node


def _author_markup(tree: HtmlElement) -> HtmlElement | None:
    """The first element marked as the author's (rel="author", itemprop="author", a 'byline__author' class): the first
    that the XPath //*[@rel="author" or @itemprop="author" or contains(@class, "byline__author")] finds."""
    for node in tree.getroottree().iter(Element):
        if (node.get("rel") == "author" or node.get("itemprop") == "author"
                or "byline__author" in (node.get("class") or "")):
            return node
    return None


def in_picture_box(node: HtmlElement) -> bool:
    """A credit in a picture's box: it is named for pictures ('image-credit'), or a near ancestor is a small box
    (no heading, little other text) that is named for pictures or holds one (a chart's caption with 'Quelle: AFP')."""
    if _PICTURE_BOX.search(node.get("class") or ""):
        return True
    own = len(" ".join(node.text_content().split()))
    for level, anc in enumerate(node.iterancestors(), 1):
        if level > PICTURE_BOX_LEVELS or anc.tag in ("body", "article", "main", "header"):
            return False
        if any(anc.find(f".//{h}") is not None for h in ("h1", "h2", "h3")):
            return False  # the article's header or body around the credit, not a picture's box
        if len(" ".join(anc.text_content().split())) - own > PICTURE_BOX_MAX_CHARS:
            return False
        if (_PICTURE_BOX.search(anc.get("class") or "") or anc.find(".//img") is not None
                or anc.find(".//picture") is not None):
            return True
    return False


def _elsewhere(node: HtmlElement) -> bool:
    """Inside the teaser of another article (a box named 'teaser' that is not the article's own) or a comment."""
    return any(("teaser" in cls and not _OWN_TEASER.search(cls)) or "comment" in cls
               for cls in ((a.get("class") or "").lower() for a in node.iterancestors()))


def visible_headline(tree: HtmlElement, versions: Sequence[str]) -> str | None:
    """The headline as the article shows it, when the page's own headline data confirms it.

    Pages give several headlines: JSON-LD's for search engines, og:title for social media, <title>, and the one
    the reader sees.  The first h1 is often none of these: many outlets put an h1 into the breadcrumb (the search
    title) and show the article's headline in an h2 with its kicker in a child element ('<span>Meinung</span>
    <span>Warum ...</span>').  So: the first h1 or h2 outside navigation, breadcrumbs, asides, links and hidden
    parts whose text, with or without its leading kicker element, is one of `versions` (the structured ones) or
    part of one: the version's own spelling when it is that text or the heading behind a kicker, else the heading
    (without its kicker when only that part is in a version: the versions carry another kicker); None when no
    heading is confirmed.
    """
    folded = [(_fold(v), v) for v in versions if v]
    if not folded:
        return None
    for heading in tree.iter(_HEADLINE_TAGS):
        if _page_chrome(heading):
            continue
        full = _clean(heading.text_content())
        if not full:
            continue
        bare = _without_kicker(heading, full)
        forms = [full] if bare is None else [full, bare]
        for form in forms:
            key = _fold(form)
            same = next((v for f, v in folded if f == key), None)
            if same:
                return same
        for form in forms:
            key = _fold(form)
            if len(key.split()) >= HEADLINE_MIN_WORDS and any(key in f for f, _ in folded):
                # a version that is the heading behind a kicker ('Kenia: Nairobi von unten' for the h1 'Nairobi von
                # unten') is the headline as the outlet titles it; else the heading (a <title> adds the site name)
                return next((v for f, v in folded if f.endswith(" " + key)), form) if form is full else form
    return None


def _page_chrome(heading: HtmlElement) -> bool:
    for node in (heading, *heading.iterancestors()):
        if node.tag in _CHROME_TAGS or _CRUMB.search(node.get("class") or "") or (node is heading and hidden(node)):
            return True
    return False


def _without_kicker(heading: HtmlElement, full: str) -> str | None:
    """The heading's text without a kicker that is its own first element ('<span>Eskalation im Nahen Osten</span>
    <span> - </span><span>«...»</span>'); None when the heading does not start with such an element."""
    if (heading.text or "").strip():
        return None
    first = next((el for el in heading.iterdescendants() if isinstance(el.tag, str) and len(el) == 0
                  and (el.text or "").strip()), None)
    if first is None:
        return None
    kicker = _clean(first.text_content()) or ""
    if not full.startswith(kicker) or len(kicker.split()) > KICKER_MAX_WORDS or is_sentence(kicker):
        return None
    rest = full[len(kicker):].lstrip(" :-–—|")
    return rest if len(rest.split()) >= HEADLINE_MIN_WORDS else None


def _fold(text: str) -> str:
    return textstats.folded(text.replace("\u00ad", ""))


def strip_site_suffix(title: str | None, source: str | None, url: str | None) -> str | None:
    """'Headline | Site' -> 'Headline'; a ' - ' part goes only when it names the site."""
    if not title:
        return None
    for _ in range(3):  # 'Headline | Site | 28.04.2023' loses both tails
        shorter = _strip_once(title, source, url)
        if shorter == title:
            break
        title = shorter
    return title


def _strip_once(title: str, source: str | None, url: str | None) -> str:
    host = (urlsplit(url).hostname or "") if url else ""
    stem = host.removeprefix("www.").split(".")[0].lower() if host else ""
    names = {n for n in ((source or "").lower(), stem) if n}
    for sep in _TITLE_SEPARATORS:
        if sep not in title:
            continue
        head, tail = title.rsplit(sep, 1)
        low = tail.lower().replace(" ", "")
        names_hit = any(n.replace(" ", "") in low or low in n.replace(" ", "") for n in names if len(low) > 1)
        if names_hit or (sep == " | " and len(tail.split()) <= 4):
            return head.strip() or title
    for sep in _TITLE_SEPARATORS:  # 'Site | Headline'
        if sep in title:
            head, tail = title.split(sep, 1)
            low = head.lower().replace(" ", "")
            if any(n.replace(" ", "") == low for n in names):
                return tail.strip() or title
    return title


def guess_language(text: str) -> str | None:
    """The language of a text by its commonest function words; None when nothing fits."""
    words = re.findall(r"[^\W\d_]+", text[:5000].lower())
    if len(words) < 10:
        return None
    scores = {lang: sum(w in stop for w in words) for lang, stop in _STOPWORDS.items()}
    lang, best = max(scores.items(), key=lambda kv: kv[1])
    return lang if best >= max(3, len(words) // 50) else None


def normalize_date(value: str | None) -> str | None:
    """An ISO 8601 day ('2024-05-03'), UTC instant ('2024-05-03T16:19:08Z') or, when the value names no offset,
    local time as written ('2024-05-03T18:19:08'); None when no date is recognisable."""
    parsed = _parse_date(value)
    return _iso(parsed) if parsed else None


def _parse_date(value: str | None) -> date | datetime | None:
    """A day, an aware datetime, or a naive datetime (a time without an offset) from the forms pages use."""
    if not value:
        return None
    value = value.strip()
    m = _ISO_DATE.search(value)
    if m:
        year, month, day, hour, minute, second, zone = m.groups()
        try:
            if hour is None:
                return date(int(year), int(month), int(day))
            dt = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
        except ValueError:
            return None
        if not zone:
            return dt
        if zone == "Z":
            return dt.replace(tzinfo=UTC)
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        return dt.replace(tzinfo=timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))))
    m = _DE_DATE.search(value)
    if m:
        day_, month_, year_ = (int(g) for g in m.groups())
        try:
            return date(year_, month_, day_)
        except ValueError:
            return None
    return None


def _iso(value: date | datetime) -> str:
    if not isinstance(value, datetime):
        return value.isoformat()
    if value.tzinfo is None:
        return value.isoformat()
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def resolve_local_time(found: datetime, others: Sequence[date | datetime], language: str | None) -> datetime:
    """A publication time written without an offset, placed in time.

    Pages often write the offset in one field and leave it out in another ('datePublished': '2023-04-28
    18:11:01' beside article:published_time 2023-04-28T18:11:01+02:00): the offset of the page's own copy of the
    same wall-clock time wins; else the zone of the page's language where the language has one (German pages:
    Central European time, summer time included); else the offset of any other time on the page; else UTC.
    """
    same = [o for o in others if isinstance(o, datetime) and o.tzinfo is not None
            and o.replace(tzinfo=None, second=0) == found.replace(second=0)]
    if same:
        return found.replace(tzinfo=same[0].tzinfo)
    zone = _LANGUAGE_ZONES.get((language or "")[:2])
    if zone:
        return found.replace(tzinfo=ZoneInfo(zone))
    zoned = [o for o in others if isinstance(o, datetime) and o.tzinfo is not None]
    return found.replace(tzinfo=zoned[0].tzinfo if zoned else UTC)


# --- structured data -------------------------------------------------------------------------------------------

def _json_ld_objects(tree: HtmlElement) -> Iterator[dict[str, object]]:
    for node in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        raw = (node.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            try:  # unescaped control characters in strings are common
                data = json.loads(re.sub(r"[\x00-\x1f]", " ", raw))
            except ValueError:
                continue
        yield from _flatten(data)


def _flatten(data: object) -> Iterator[dict[str, object]]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _flatten(data["@graph"])
        main = data.get("mainEntity")
        if isinstance(main, dict):
            yield from _flatten(main)


def _types(obj: dict[str, object]) -> set[str]:
    t = obj.get("@type")
    items = t if isinstance(t, list) else [t]
    return {str(x).lower() for x in items if x}


def _first_text(value: object) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def _name_of(value: object) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        name = _first_text(value.get("name"))
        if not name and (value.get("givenName") or value.get("familyName")):  # schema.org Person in two parts
            name = _first_text(" ".join(str(value.get(k) or "") for k in ("givenName", "familyName")).strip())
        return name
    return _first_text(value)


def _meta_tags(tree: HtmlElement) -> dict[str, str]:
    out: dict[str, str] = {}
    for node in tree.xpath("//meta[@content]"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").strip().lower()
        value = (node.get("content") or "").strip()
        if key and value and key not in out:
            out[key] = value
    return out


def _xpath_text(tree: HtmlElement, path: str) -> str | None:
    nodes = tree.xpath(path)
    return _clean(nodes[0].text_content()) if nodes else None


def _clean(text: str | None) -> str | None:
    if not text:
        return None
    if "&" in text:  # JSON-LD and meta values often carry HTML entities ('zerst&ouml;ren')
        text = html.unescape(text)
    text = " ".join(text.replace("\u00ad", "").split())
    return text or None


def _authors(value: object, meta: dict[str, str], tree: HtmlElement, source: str | None,
             host: str | None = None, credits: tuple[str, ...] = ()) -> tuple[list[str], tuple[str, ...], bool]:
    """Author names, agencies, and whether the structured data named agencies alone as the author (wire copy):
    from JSON-LD, else meta tags, else author markup, else a byline box; each through the same normalisation
    (crawler/byline.py).

    The markup is read also when the structured data or meta tags named only the site ('mdr.de' in
    <meta name="author">): then the byline 'von David Beispiel, MDR THÜRINGEN' gives the name.
    """
    agencies: list[str] = []
    people = _structured_authors(value, agencies)
    if not people and agencies and not _agency_is_outlet(agencies, source, host):
        # 'author': {'@type': 'Organization', 'name': 'dpa'}: wire copy, whatever a byline box elsewhere names
        return [], tuple(dict.fromkeys(agencies)), True
    cleaned: list[str] = []
    for names in _author_candidates(people, meta, tree, credits):
        cleaned = normalize_byline(names, source, host, agencies)
        if cleaned:
            break
    return cleaned, tuple(dict.fromkeys(agencies)), False


def _agency_is_outlet(agencies: list[str], source: str | None, host: str | None) -> bool:
    """The agency named as author publishes the page itself (an agency's own fact-check site): no wire copy."""
    labels = set((host or "").lower().split("."))
    first = (source or "").split()[:1]
    return any(a.lower() in labels or (first and canonical_agency(first[0]) == a) for a in agencies)


def _structured_authors(value: object, agencies: list[str]) -> list[str]:
    """The names of the structured data's authors that are no organisation; agencies go to `agencies`."""
    names: list[str] = []
    for item in value if isinstance(value, list) else [value] if value else []:
        name = _name_of(item)
        if not name:
            continue
        agency = canonical_agency(name)
        if agency:
            agencies.append(agency)
        elif not (isinstance(item, dict) and "organization" in _types(item)):
            names.append(name)
    return names


def _author_candidates(names: list[str], meta: dict[str, str], tree: HtmlElement,
                       credits: tuple[str, ...] = ()) -> Iterator[list[str]]:
    if names:
        yield names
    else:  # the meta tags only when the structured data names nobody (they repeat it, often worse)
        for key in _AUTHOR_META_KEYS:  # each in turn: one may hold only an e-mail address or the outlet's name
            raw = meta.get(key)
            if raw and not raw.startswith("http"):
                yield [raw]
    marked = _author_markup(tree)
    if marked is not None:
        yield [marked.text_content()]
    labelled = _labelled_author(tree)
    if labelled:
        yield [labelled]
    for text in credits:  # a byline box: <p class="author">von <a>Name, SWR</a></p>
        if len(text) <= 100 and (PREFIX.match(text) or GLUED_PREFIX.match(text)):
            yield [text]
            break
    links = (" ".join(a.text_content().split()) for a in _author_links(tree, 3))
    linked = next((t for t in links if PERSON.match(t)), None)
    if linked:  # a link to the author's page: <a href="/autoren/name/max-muster">Dr. Max Muster</a>
        yield [linked]


def _labelled_author(tree: HtmlElement) -> str | None:
    """A name the page gives in a labelled field: '<li><strong>Autorin/Autor</strong> Name</li>', '<dt>Author</dt>
    <dd>Name</dd>'; only a person's name counts."""
    return next((v for v in _labelled_values(tree, _AUTHOR_LABEL) if PERSON.match(v)), None)


def first_text(node: HtmlElement) -> str:
    """The first text node among the children of `node`, the one XPath's text() gives a string function: its text,
    else the tail of the first child that has one; '' when it has none."""
    text = node.text
    if text is None:
        text = next((child.tail for child in node if child.tail is not None), "")
    return text


def _at_most(text: str, limit: int) -> bool:
    """Whether XPath's normalize-space(text) has at most `limit` characters. A long text (a script's) is judged by a
    prefix first: the normalized prefix is never longer than the normalized text."""
    if len(text) > 4 * limit and len(_XML_SPACE_RUN.sub(" ", text[:4 * limit]).strip(" ")) > limit:
        return False
    return len(_XML_SPACE_RUN.sub(" ", text).strip(" ")) <= limit


def _in_body(node: HtmlElement) -> bool:
    return any(anc.tag == "body" for anc in node.iterancestors())


def _label_leaves(tree: HtmlElement) -> Iterator[HtmlElement]:
    """The short labels of the body (<strong>, <b>, <dt>, <th>, <span>, <label> without an element inside and with at
    most LABEL_MAX_CHARS of text) in document order, one at a time: what the XPath //body//*[self::strong or self::b
    or self::dt or self::th or self::span or self::label][not(*)][string-length(normalize-space(text())) <= 20]
    finds, without its walk over every node of the page."""
    for node in tree.getroottree().iter(_LABEL_TAGS):
        if any(isinstance(child.tag, str) for child in node):
            continue
        if _at_most(first_text(node), LABEL_MAX_CHARS) and _in_body(node):
            yield node


def _author_links(tree: HtmlElement, limit: int) -> list[HtmlElement]:
    """The first `limit` links of the body to an author's page, outside navigation, footer, asides and a header that
    is not the article's: what the XPath //body//a[contains(@href, "/aut")][contains(@href, "/autor/") or ...]
    [not(ancestor::nav or ancestor::footer or ancestor::aside or ancestor::header[1][not(ancestor::article or
    ancestor::main)])] finds."""
    out: list[HtmlElement] = []
    for a in tree.getroottree().iter("a"):
        href = a.get("href")
        if href is None or "/aut" not in href or not any(path in href for path in _AUTHOR_PATHS):
            continue
        if _in_body(a) and _outside_link_chrome(a):
            out.append(a)
            if len(out) >= limit:
                break
    return out


def _outside_link_chrome(node: HtmlElement) -> bool:
    """No navigation, footer or aside around `node`, and its nearest header (if any) inside an article or main."""
    header_seen = False
    for anc in node.iterancestors():
        if anc.tag in ("nav", "footer", "aside"):
            return False
        if anc.tag == "header" and not header_seen:
            header_seen = True
            if not any(up.tag in ("article", "main") for up in anc.iterancestors()):
                return False
    return True


def _labelled_values(tree: HtmlElement, label_pattern: re.Pattern[str]) -> Iterator[str]:
    """The values of the page's labelled fields whose label matches: the text after the label element, or the
    next element's text."""
    for label in _label_leaves(tree):
        if not label_pattern.match(" ".join((label.text or "").split())):
            continue
        value = (label.tail or "").strip()
        if not value:
            nxt = label.getnext()
            value = nxt.text_content() if nxt is not None else ""
        value = " ".join(value.split()).strip(" :")
        if value:
            yield value


_PUBLISHED_KEYS = ("article:published_time", "og:article:published_time", "datepublished", "date", "dc.date",
                   "dc.date.issued", "dcterms.date", "pubdate", "publishdate", "publish-date", "parsely-pub-date",
                   "sailthru.date", "article.published", "date.available", "og:published_time", "last-modified")
# Spellings of the publication-time key beyond the usual ones ('article:published:time', 'publish_date').
_PUBLISHED_KEY = re.compile(r"publi(shed|cation|sh)[_:.-]?(time|date)|date[_:.-]?published|first[_-]?published")
# Other times a page writes, read only for their offset (see resolve_local_time).
_OTHER_TIME_KEYS = ("article:modified_time", "og:updated_time", "datemodified", "last-modified")


def _published(article: dict[str, object], meta: dict[str, str], tree: HtmlElement, url: str | None,
               language: str | None) -> str | None:
    candidates: list[object] = [article.get("datePublished"), article.get("dateCreated")]
    candidates += [meta.get(k) for k in _PUBLISHED_KEYS]
    candidates += [v for k, v in meta.items() if _PUBLISHED_KEY.search(k) and k not in _PUBLISHED_KEYS]
    parsed = [d for d in (_date_of(v) for v in candidates) if d is not None]
    if not parsed:
        # Markup is read only when the structured data had no date (XPath over the whole page costs time).
        for path in ('//*[@itemprop="datePublished"]/@content | //*[@itemprop="datePublished"]/@datetime',
                     "(//article//time/@datetime | //time[@pubdate]/@datetime | //header//time/@datetime)[1]"):
            parsed = [d for d in (_date_of(v) for v in tree.xpath(path)) if d is not None]
            if parsed:
                break
    if parsed:
        found = parsed[0]
        if isinstance(found, datetime) and found.tzinfo is None:
            others = parsed[1:] + [d for d in (_date_of(v) for v in (
                article.get("dateModified"), *(meta.get(k) for k in _OTHER_TIME_KEYS),
                *tree.xpath("(//time/@datetime)[position() <= 3]"))) if d is not None]
            found = resolve_local_time(found, others, language)
        return _iso(found)
    labelled = next((d for d in (_date_of(v[:40]) for v in _labelled_values(tree, _DATE_LABEL)) if d), None)
    if labelled is not None:  # '<li><strong>Datum</strong> 28.04.2023</li>': the page's own statement of its day
        return _iso(labelled)
    if url:
        m = _URL_DATE.search(url)
        if m and m.group(3):
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
            except ValueError:
                pass
    return _htmldate(tree)


def _htmldate(tree: HtmlElement) -> str | None:
    """htmldate's reading of the visible page (bylines, date stamps): the last resort, on a copy of the tree."""
    from htmldate import find_date

    try:
        # original_date: the publication, not the last update; no extensive search, which guesses from any
        # date on the page and would turn a sidebar's date into this article's.
        found = find_date(deepcopy(tree), original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except (ValueError, TypeError) as exc:
        logger.debug("htmldate failed: %s", exc)
        return None
    return normalize_date(found) if found else None


def _date_of(value: object) -> date | datetime | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return _parse_date(str(value)) if value else None


def _language(tree: HtmlElement, meta: dict[str, str], article: dict[str, object]) -> str | None:
    for value in (tree.get("lang"), tree.get("xml:lang"), meta.get("og:locale"), _first_text(article.get("inLanguage")),
                  meta.get("content-language"), meta.get("language"), meta.get("dc.language")):
        if value:
            code = re.split(r"[-_]", value.strip().lower())[0]
            if re.fullmatch(r"[a-z]{2,3}", code):
                return code
    return None


def _canonical(tree: HtmlElement, meta: dict[str, str], base: str | None) -> str | None:
    hrefs = tree.xpath('//link[translate(@rel, "CANONIL", "canonil")="canonical"]/@href')
    href = hrefs[0].strip() if hrefs else meta.get("og:url")
    if not href:
        return None
    absolute = urljoin(base, href) if base else href
    return absolute if absolute.startswith(("http://", "https://")) else None
