"""One page to one Extracted: decode, read metadata, keep related links, trafilatura, clean, find the agency.

`extract_page` is a plain top-level function without threads or global state, so the crawl can run it in a
process pool; trafilatura itself must not run on several threads of one process.
"""

from __future__ import annotations

import codecs
import copy
import functools
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from crawler import (
    agency,
    byline,
    cleaning,
    frame,
    invalid_chars,
    metadata,
    readability_gate,
    site_boilerplate,
    textstats,
)
from crawler.items import Extracted
from crawler.rules import RuleSet, builtin_rules

logger = logging.getLogger(__name__)

# A text shorter than this with a wall marker on the page is a paywall, consent wall or bot challenge.
BLOCKED_MAX_CHARS = 700
# Below this many characters of cleaned text there is no article.
MIN_TEXT_CHARS = 25
MAX_RELATED_LINKS = 40
# The label of a teaser list ('Mehr zum Thema:') is short; a longer line before a list is article text.
LIST_LABEL_MAX_CHARS = 120

# trafilatura settings tuned on shared/corpus (benchmarks/extraction.py): comments are not article text,
# and dedup=True is never used (its cache is process-wide and makes output depend on earlier pages). Named as in
# trafilatura's options object (trafilatura.settings.Extractor), which bare_extraction takes whole.
TRAFILATURA_OPTIONS: dict[str, object] = {
    "comments": False,
    "tables": True,
    "precision": False,
    "recall": False,
    "dedup": False,
    "with_metadata": False,
}
# Page parts that are never article text but that trafilatura sometimes keeps.
PRUNE_XPATH: tuple[str, ...] = ()

_RELATED_BOX = re.compile(
    r"related|mehr-?zum-?thema|lesen-?sie-?auch|auch-?interessant|read-?(also|more|next)|more-?on|weitere-?artikel|"
    r"inline-?teaser|article-?teaser|zum-?thema|recommend|empfehl|see-?also|also-?read|further-?reading")
# The labels of boxes that point to other coverage of the same matter: the pointer kinds the cleaning drops from
# texts (crawler/rules/boilerplate.toml, family 'teaser'), without the site-wide ones ('meistgelesen', 'top stories').
_RELATED_LABEL = re.compile(
    r"^\s*(lesen sie (auch|mehr|hier|weiter)|mehr zum thema|mehr zu diesem thema|mehr dazu|auch interessant|"
    r"ebenfalls interessant|das könnte sie (auch )?interessieren|dies könnte sie (auch )?interessieren|"
    r"weitere artikel|weitere (beiträge|meldungen|berichte) zum thema|zum thema|passend zum thema|dazu passend|"
    r"zum weiterlesen|weiterlesen|auch lesen|schon gelesen|verwandte (artikel|themen|beiträge)|"
    r"ähnliche (artikel|beiträge)|related( articles| stories| content| coverage)?|read (more|also|next)|see also|"
    r"also read|more on this|more (on|about) (this|the) (story|topic)|further reading|you (may|might) also like)\b",
    re.IGNORECASE)
_BOX_TAGS = ("div", "section", "aside", "ul", "ol", "p", "li", "figure")
_LABEL_KEYS = ("lesen sie", "mehr zu", "mehr da", "auch interessant", "ebenfalls interessant", "das könnte",
               "dies könnte", "weitere ", "zum thema", "passend zum", "dazu passend", "zum weiterlesen", "weiterlesen",
               "auch lesen", "schon gelesen", "verwandte ", "ähnliche ", "related", "read ", "see also", "also read",
               "more on", "more about", "further reading", "you may", "you might")
_LABEL_TAGS = ("p", "li", "h2", "h3", "h4", "strong", "b", "span", "div")
# Where lists are page chrome, not content (trafilatura drops navigation, header and footer itself).
_CHROME_TAGS = frozenset({"nav", "header", "footer"})
# A lead (standfirst) in a text-only div that trafilatura skips (see _missing_lead).
LEAD_MIN_CHARS = 80
_LEAD_BOX = re.compile(r"lead|intro|standfirst|excerpt|summary|abstract|kurztext|vorspann|teaser-?text|subline|"
                       r"article-?description|deck\b|\bdek\b|(article|story|post|entry|artikel|beitrag)__teaser")
# Where a lead box is never (see _text_divs).
_NOT_LEAD_TAGS = frozenset({"nav", "footer", "aside", "a"})
# The article's own teaser is a BEM element of the article block ('article__teaser', 'story__teaser'); any other
# 'teaser' around a lead box is the teaser of another article.
_OWN_TEASER = re.compile(r"(article|story|post|entry|artikel|beitrag)__teaser")
_INLINE_TAGS = frozenset({"a", "em", "strong", "b", "i", "u", "s", "span", "br", "sup", "sub", "small", "abbr", "q",
                          "cite", "mark", "time", "wbr"})
_SENTENCES = re.compile(r"\w[.!?…][\"“”»«’)]?(\s+\S|\s*$)")
# The labels of lists that name an article's sources (see _source_list_items).
_SOURCES_LABEL = re.compile(r"^(verwendete quellen|quellen|quellenangaben|quellenverzeichnis|sources|sources used|"
                            r"used sources)\s*:?$", re.IGNORECASE)
# A credit line is short; the element that holds exactly its text is looked up to see where it stands.
PICTURE_CREDIT_MAX_CHARS = 80
_BY_TEXT = etree.XPath("//body//*[normalize-space(.) = $text][not(*[normalize-space(.) = $text])]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_SINGLE_BYTE = frozenset({"latin-1", "iso8859-1", "cp1252", "iso8859-15", "ascii", "cp1250", "iso8859-2"})


@dataclass(frozen=True)
class ExtractOptions:
    """Per-source extraction settings: extra drop patterns from the config and the site's learned boilerplate; and
    whether the page's related-article links are wanted (the crawl follows them only with `follow_related_links`,
    and never from a page it reached through one: finding them is 5-10% of a page's extraction)."""

    drop_patterns: tuple[str, ...] = ()  # per-source extra regexes from the config ([[sources]] drop_patterns)
    learned: frozenset[str] = frozenset()  # paragraph hashes learned as this site's boilerplate
    related_links: bool = True  # find Extracted.related_links (else it stays empty)


class ExtractionError(Exception):
    """A page that yields no article; `reason` is 'empty', 'blocked', 'not_html' or 'too_short'."""

    def __init__(self, reason: str, message: str = "") -> None:
        super().__init__(message or reason)
        self.reason = reason

    def __reduce__(self) -> tuple[object, ...]:  # keep `reason` when the error crosses a process boundary
        return (type(self), (self.reason, str(self)))


def paragraph_hash(paragraph: str) -> str:
    """Stable key of a paragraph for learned boilerplate (see crawler.cleaning.paragraph_hash)."""
    return cleaning.paragraph_hash(paragraph)


def decode_html(body: bytes, declared: str | None = None) -> str:
    """Bytes to text: BOM, then the HTTP charset, then <meta charset>, checked against the bytes themselves."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if body.startswith(bom):
            return body[len(bom):].decode(enc, errors="replace")
    m = _META_CHARSET.search(body[:4096])
    candidates = [c for c in (declared, m.group(1).decode("ascii", "ignore") if m else None) if c]
    utf8 = _strict(body, "utf-8")
    for name in candidates:
        codec = _codec(name)
        if codec is None:
            continue
        if codec == "utf-8":
            if utf8 is not None:
                return utf8
            continue  # declared UTF-8 but not UTF-8: a lying header, try the next clue
        if codec in _SINGLE_BYTE and utf8 is not None and not utf8.isascii():
            return utf8  # valid multi-byte UTF-8 is no accident: the declaration is wrong
        if codec in ("latin-1", "iso8859-1", "ascii"):
            codec = "cp1252"  # what browsers do (WHATWG): keeps curly quotes and euro signs
        text = _strict(body, codec)
        if text is not None:
            return text
    if utf8 is not None:
        return utf8
    return body.decode("cp1252", errors="replace")


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def _strict(body: bytes, codec: str) -> str | None:
    try:
        return body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def parse_page(html: str | bytes) -> HtmlElement:
    """The parsed page, for the steps that read it before extraction (crawler.page_type); ExtractionError if none."""
    return _parse(decode_html(html) if isinstance(html, bytes) else html)


def extract_page(html: str | bytes | HtmlElement, url: str | None,
                 options: ExtractOptions = ExtractOptions()) -> Extracted:
    """Extract and clean one article page (its HTML, or the tree `parse_page` made of it); raise ExtractionError with
    a reason when it holds no article."""
    tree = html if isinstance(html, HtmlElement) else parse_page(html)
    rules = builtin_rules()
    meta = metadata.read_metadata(tree, url)
    base = url or meta.canonical_url
    related = related_links(tree, base) if options.related_links else ()
    raw_lines = article_lines(tree, url, language=meta.language)
    if not raw_lines:
        if _is_blocked(_page_text(tree), rules):
            raise ExtractionError("blocked", "the page is a paywall, consent wall or bot challenge")
        raise ExtractionError("empty", "no article text found")
    cleaned = cleaning.clean_paragraphs(raw_lines, rules, options.drop_patterns)
    outlet = frame.Frame.of(meta.headlines, (meta.source,),
                            (urlsplit(u).hostname for u in (url, meta.canonical_url) if u), (meta.title, meta.h1))
    lines, _ = site_boilerplate.drop_learned(list(cleaned.paragraphs), options.learned, outlet)
    paragraphs, _ = frame.trim_frame(lines, outlet, tree)
    text = "\n".join(paragraphs)
    if len(text) < BLOCKED_MAX_CHARS and _is_blocked("\n".join(_wall_lines(raw_lines, paragraphs, rules)), rules):
        raise ExtractionError("blocked", "the page is a paywall, consent wall or bot challenge")
    if len(text) < MIN_TEXT_CHARS:
        raise ExtractionError("empty", "no article text left after cleaning")
    language = meta.language or metadata.guess_language(text)
    pictures = picture_credits(tree, raw_lines)
    credit_lines = [line for line in raw_lines if line not in pictures]
    agencies = agency.find_agencies([*credit_lines, *meta.credits], meta.agencies)
    # A byline in the text names the author when the markup did not; wire copy without a person is the agency's.
    # The place of the text's dateline is never an author ('Anna Beispiel, Nairobi' beside 'NAIROBI - ...').
    host = urlsplit(base).hostname if base else None
    people = [] if meta.wire else (
        list(meta.authors) or byline.byline_authors(raw_lines, source=meta.source, host=host)
        or byline.byline_authors(meta.credits, bare=True, source=meta.source, host=host))
    place = byline.dateline_place(paragraphs)
    people = [p for p in people if not place or p.casefold() != place.casefold()]
    author = ", ".join(people) or agencies
    return Extracted(
        url=url,
        canonical_url=meta.canonical_url,
        title=meta.title,
        author=author,
        published=meta.published,
        language=language,
        source=meta.source,
        agency=agencies,
        text=text,
        related_links=related,
        paragraphs=tuple(paragraphs),
    )


def picture_credits(tree: HtmlElement, lines: list[str]) -> frozenset[str]:
    """The lines that credit an agency from inside a picture's box (a chart's 'Quelle: AFP' under its caption):
    they name who supplied the picture, not the text.  Only the few lines that credit an agency are looked up."""
    out = set()
    for line in lines:
        if len(line) > PICTURE_CREDIT_MAX_CHARS or not agency.credited(line):
            continue
        nodes = _BY_TEXT(tree, text=line)
        if nodes and all(metadata.in_picture_box(n) for n in nodes[:3]):
            out.add(line)
    return frozenset(out)


def _parse(text_html: str) -> HtmlElement:
    if not text_html.strip():
        raise ExtractionError("empty", "the page is empty")
    if "<" not in text_html[:2000] and "<" not in text_html:
        raise ExtractionError("not_html", "the input holds no HTML markup")
    import trafilatura  # here, not at the top: the crawl's main process imports this module but never extracts

    _element_classes_in_c()
    invalid_chars.install()  # the pattern over the whole page only when it holds a character XML forbids
    tree = trafilatura.load_html(text_html)
    if tree is None or not isinstance(tree, HtmlElement):
        raise ExtractionError("not_html", "the input could not be parsed as HTML")
    return tree


@functools.cache
def _element_classes_in_c() -> None:
    """Let trafilatura's HTML parser give every element its Python class without a Python call.

    lxml.html's parsers pick the class of each element proxy they hand out with a lookup written in Python
    (`HtmlElementClassLookup.lookup`), only so that <form>, <input>, <select>, <textarea> and <label> get classes of
    their own (form-field helpers). trafilatura copies the page's tree and walks the copies again and again: about
    3,500 proxies on a news page of ../shared/corpus, 0.3 microseconds of Python each (~1 ms a page). Neither
    trafilatura nor this project uses those form classes, and every other class is the same (HtmlElement,
    HtmlComment, HtmlProcessingInstruction, HtmlEntity): lxml's C-level default lookup gives them at no Python cost.
    The parser is trafilatura's module-level one; a trafilatura without it is left as it is. Once a process."""
    from lxml import html as lxml_html
    from trafilatura import utils

    parser = getattr(utils, "HTML_PARSER", None)
    if isinstance(parser, lxml_html.HTMLParser):
        parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
            element=HtmlElement, comment=lxml_html.HtmlComment, pi=lxml_html.HtmlProcessingInstruction,
            entity=lxml_html.HtmlEntity))


def article_lines(tree: HtmlElement, url: str | None, language: str | None = None) -> list[str]:
    """trafilatura's text lines of the page without the items of teaser link lists, with the lead first when
    trafilatura missed it (not on English pages: there it is a subtitle).  The headline and the rest of the
    article's frame are judged after the rules (crawler/frame.py)."""
    teasers = _link_list_items(tree) | _source_list_items(tree)
    lines = _trafilatura_lines(tree, url)
    if teasers:  # dropped after extraction: removing them before would change what trafilatura picks
        lines = [line for line in lines if _fold(line) not in teasers]
    lead = _missing_lead(tree, lines) if lines else None  # no text at all: a wall, not a missed lead
    if lead and (language or metadata.guess_language("\n".join(lines))) == "en":
        lead = None  # an English standfirst is a subtitle, not the article's first paragraph
    if lead:
        # Where the page has it: after the kicker and the headline, before the body's first sentence.
        first = next((i for i, line in enumerate(lines[:frame.HEADER_MAX_LINES]) if frame.is_sentence(line)), 0)
        lines.insert(first, lead)
    return lines


@functools.cache
def _extractor() -> object:
    """TRAFILATURA_OPTIONS as trafilatura's options object, built once a process.

    `bare_extraction` builds one from its keyword arguments on every call, reading the numbers of its configuration
    file out of a ConfigParser each time (77 µs a page, about 1% of a worker's CPU). Given one, it takes it as it is, and
    it never changes it (its recall retry works on a copy); each page gets a copy with its own URL."""
    from trafilatura.settings import Extractor

    return Extractor(output_format="python", **TRAFILATURA_OPTIONS)  # type: ignore[arg-type]


def _trafilatura_lines(tree: HtmlElement, url: str | None) -> list[str]:
    import trafilatura

    options = copy.copy(_extractor())
    options.url = url  # type: ignore[attr-defined]
    options.source = url and url.encode("utf-8", "replace").decode("utf-8")  # type: ignore[attr-defined]
    with readability_gate.enabled():  # the same text, without readability where it cannot change it
        doc = trafilatura.bare_extraction(tree, url=url, prune_xpath=list(PRUNE_XPATH) or None,
                                          options=options)  # type: ignore[arg-type]
    text = getattr(doc, "text", None)
    if not isinstance(text, str) or not text:
        return []
    return [line.strip() for line in text.split("\n") if line.strip()]


def _missing_lead(tree: HtmlElement, lines: list[str]) -> str | None:
    """The lead (standfirst) of the article when trafilatura passed over it, else None.

    Outlets set the lead in a <div> of bare text marked as lead, intro, teaser text or excerpt ('Seit 40 Jahren ...
    Ein Besuch.' in <header data-area="intro"><div class="RichText">); trafilatura skips text-only divs.  Only the
    first such div of the page counts, and only when it reads as sentences and is not already part of the text.
    """
    for div in _text_divs(tree):
        if not _is_lead_box(div) or any("teaser" in cls and not _OWN_TEASER.search(cls)
                                        for cls in ((anc.get("class") or "").lower() for anc in div.iterancestors())):
            continue  # not marked as a lead, or the lead of a teaser for another article
        if any(isinstance(child.tag, str) and child.tag not in _INLINE_TAGS for child in div.iterdescendants()):
            continue
        text = " ".join(div.text_content().replace("\u00ad", "").split())
        if len(text) < LEAD_MIN_CHARS or not _SENTENCES.search(text):
            continue
        anchor = sum(len(" ".join(a.text_content().split())) for a in div.iter("a"))
        if anchor > 0.3 * len(text):
            continue
        folded = _fold(text)
        if any(folded in _fold(line) or (len(line) > 40 and _fold(line) in folded) for line in lines):
            return None
        return text
    return None


def _text_divs(tree: HtmlElement) -> Iterator[HtmlElement]:
    """The page's <div> and <p> elements whose first text node is more than whitespace, outside navigation, footer,
    asides and links, in document order and one at a time: what the XPath //*[self::div or self::p]
    [normalize-space(text())][not(ancestor::nav or ancestor::footer or ancestor::aside or ancestor::a)] finds (its
    text() is the first text node among the element's children: its text, else the first tail of a child)."""
    for node in tree.getroottree().iter("div", "p"):
        if (metadata.first_text(node).strip(metadata.XML_SPACE)
                and not any(anc.tag in _NOT_LEAD_TAGS for anc in node.iterancestors())):
            yield node


def _is_lead_box(node: HtmlElement) -> bool:
    for i, el in enumerate((node, *node.iterancestors())):
        if i > 3 or el.tag in ("body", "article", "main"):
            break
        label = f"{el.get('class', '')} {el.get('id', '')} {el.get('data-area', '')}".lower()
        if _LEAD_BOX.search(label):
            return True
    return False


def _link_list_items(tree: HtmlElement) -> frozenset[str]:
    """Folded texts of the items of lists that are nothing but links (teaser lists, not article text), and of the
    label right before such a list ('Mehr zum Thema finden Sie in unserem Dossier:', 'Exklusiv – für Sie
    recherchiert'): the box's heading goes with its links."""
    items_out: set[str] = set()
    for node in _lists(tree, 2):
        items = [li for li in node if isinstance(li.tag, str) and li.tag == "li"]
        texts = []
        for li in items:
            text = " ".join(li.text_content().split())
            anchor = sum(len(" ".join(a.text_content().split())) for a in li.iter("a")
                         if (a.get("href") or "#")[:1] not in ("#", "j", ""))
            if text and anchor >= 0.7 * len(text):
                texts.append(text)
        if len(texts) >= 0.75 * len(items):
            items_out.update(_fold(t) for t in texts)
            label = _list_label(node)
            if label:
                items_out.add(label)
    items_out.discard("")
    return frozenset(items_out)


def _list_label(node: HtmlElement) -> str | None:
    """The folded text of a short heading or line right before a list, when it reads as a label (no sentence)."""
    label = node.getprevious()
    while label is not None and not isinstance(label.tag, str):
        label = label.getprevious()
    if label is None or label.tag in ("ul", "ol", "li", "table", "figure", "img") or label.find(".//p") is not None:
        return None
    text = " ".join(label.text_content().split())
    if not text or len(text) > LIST_LABEL_MAX_CHARS or _SENTENCES.search(text.rstrip(":")):
        return None
    return _fold(text)


def _lists(tree: HtmlElement, min_items: int) -> list[HtmlElement]:
    """The page's <ul> and <ol> elements with at least `min_items` <li> children, outside navigation, header and
    footer, in document order: what the XPath //*[self::ul or self::ol][li[min_items]][not(ancestor::nav or
    ancestor::header or ancestor::footer)] finds, without its walk over every node of the page."""
    out = []
    for node in tree.getroottree().iter("ul", "ol"):
        items = 0
        for child in node:
            if child.tag == "li":
                items += 1
                if items == min_items:
                    break
        if items >= min_items and not any(anc.tag in _CHROME_TAGS for anc in node.iterancestors()):
            out.append(node)
    return out


def _source_list_items(tree: HtmlElement) -> frozenset[str]:
    """Folded texts of the items of a list headed 'Verwendete Quellen' / 'Quellen' / 'Sources': credits, not text."""
    items_out: set[str] = set()
    for node in _lists(tree, 1):
        label = node.getprevious()
        if label is None or not isinstance(label.tag, str) or label.tag in ("ul", "ol", "li"):
            continue
        text = " ".join(label.text_content().split())
        if len(text) > 40 or not _SOURCES_LABEL.match(text):
            continue
        lists = [node]
        for sibling in node.itersiblings():  # the rest of the list, often folded into a <details> box
            if sibling.tag in ("ul", "ol"):
                lists.append(sibling)
            elif sibling.tag == "details":
                lists.extend(sibling.iter("ul", "ol"))
            else:
                break
        for lst in lists:
            items_out.update(_fold(li.text_content()) for li in lst if isinstance(li.tag, str) and li.tag == "li")
    items_out.discard("")
    return frozenset(items_out)


_fold = textstats.folded


def _page_text(tree: HtmlElement) -> str:
    body = tree.find(".//body")
    node = body if body is not None else tree
    try:
        return " ".join(node.text_content().split())[:20000]
    except ValueError:
        return ""


def _wall_lines(raw_lines: list[str], paragraphs: list[str], rules: RuleSet) -> list[str]:
    """The lines of a page (as extracted, and as kept) that can be a paywall or consent wall: all but those between
    two kept paragraphs of the article.

    A wall ends what the page shows of the article; a paid-tier promo box inside a short free article ('Plus: 4
    Wochen testen und alle Plus-Artikel lesen') has more of the article after it, whether the cleaning dropped it
    or not."""
    raw = set(raw_lines)
    body = {p for p in paragraphs if p in raw and not _is_blocked(p, rules)}
    inside = [i for i, line in enumerate(raw_lines) if line in body]
    changed = [p for p in paragraphs if p not in raw]  # paragraphs the cleaning rewrote: judged as they are
    if len(inside) < 2:
        return [*raw_lines, *paragraphs]
    return [*raw_lines[:inside[0]], *raw_lines[inside[-1] + 1:], *changed]


def _is_blocked(text: str, rules: RuleSet) -> bool:
    low = text.lower()
    return any(marker in low for marker in rules.blocked_markers)


def related_links(tree: HtmlElement, base: str | None) -> tuple[str, ...]:
    """Absolute links of 'Lesen Sie auch' / 'Mehr zum Thema' / related boxes and inline teasers, in page order."""
    found: list[str] = []
    own = _strip_fragment(base) if base else None

    def add(anchors: list[HtmlElement]) -> None:
        for a in anchors:
            href = (a.get("href") or "").strip()
            if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
                continue
            absolute = _strip_fragment(urljoin(base, href) if base else href)
            if absolute.startswith(("http://", "https://")) and absolute != own and absolute not in found:
                found.append(absolute)

    done: set[HtmlElement] = set()
    for node in tree.iter(_BOX_TAGS):
        if len(found) >= MAX_RELATED_LINKS:
            break
        label = f"{node.get('class', '')} {node.get('id', '')}"
        if (len(label) > 1 and _RELATED_BOX.search(label.lower()) and not _is_page_chrome(node)
                and not any(anc in done for anc in node.iterancestors())):
            done.add(node)
            add(node.xpath(".//a[@href]"))
    for node in tree.iter(_LABEL_TAGS):
        if len(found) >= MAX_RELATED_LINKS:
            break
        text = node.text
        labelled_box = False  # the label is the text of the node's first child: the node is the box itself
        if not text or text.isspace():
            first = node[0] if len(node) else None
            text = first.text if first is not None and isinstance(first.tag, str) else None
            labelled_box = text is not None and node.tag not in ("p", "li")
        if not text or not text.lstrip()[:24].lower().startswith(_LABEL_KEYS):
            continue  # a cheap prefix test first: this loop sees every paragraph of the page
        text = " ".join(text.split())
        if len(text) > 200 or not _RELATED_LABEL.match(text):
            continue
        if node.tag in ("p", "li") and node.find(".//a") is not None:
            add(node.xpath(".//a[@href]"))  # 'Lesen Sie auch: <a>…</a>' inline teaser
        elif len(text) < 60:
            # A box heading: the links are its siblings' (in a box that starts with the heading, the box's own).
            container = node if labelled_box else node.getparent()
            if container is not None and container.tag not in ("body", "html") and not _is_page_chrome(container):
                add(container.xpath(".//a[@href]")[:12])
                nxt = node.getnext()
                if nxt is not None and node.tag in ("p", "strong", "b", "span"):
                    add(nxt.xpath("descendant-or-self::a[@href]")[:12])
    return tuple(found[:MAX_RELATED_LINKS])


def _is_page_chrome(node: HtmlElement) -> bool:
    """Header, footer and navigation boxes hold site links, not related articles."""
    for anc in node.iterancestors():
        if anc.tag in ("header", "footer", "nav") or anc.tag is etree.Comment:
            return True
    return node.tag in ("body", "html")


def _strip_fragment(url: str) -> str:
    parts = urlsplit(url)
    return parts._replace(fragment="").geturl()
