"""The article's frame: what stands before its body (kicker, breadcrumb, skip link, headline) and after it (credit
lines, the outlet's promotions, app and social lines), judged by position and shape rather than by wording.

Works on the text lines that are left after the rule families (crawler/cleaning.py) and needs only what the page
says about itself: its headline in its several versions and the outlet's own names.

- Header: the lines before the first sentence of the body.  A line that is the headline (also with a kicker
  glued to it, or a reworded variant), a line above a headline (in the text, or in the page right above a headline
  element), a line inside a hidden element (screen-reader labels, skip links), a line that is a link's label (a
  breadcrumb, a tag, a tool) or a button's (in a list item with an icon), a date stamp and a line without a
  letter go, unless it reads as a sentence.
- Tail: the run of lines at the end, read backwards while each one is furniture: a credit (a short line of names
  that names the outlet or an agency: 'MDR (dst)', 'mit dpa', 'Quelle: Welle Nordost, dpa'), a line that speaks
  about the outlet itself ('Die Seetaler Zeitung gibt es auch auf Threads'), or the outlet speaking to its reader
  ('unser Ziel ... Sie können das unterstützen').  The first line that is none of these ends the tail, so an
  outlet's name inside the body is never touched; reported speech ('sagte er Welle Nordost') is never furniture.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from lxml.html import HtmlElement

from crawler.agency import AGENCIES, AGENCY_NAMES
from crawler.textstats import word_runs

# The header is looked for in the first lines only; the tail in the last ones.
HEADER_MAX_LINES = 8
HEADLINE_LINES = 4
# Besides its date and time, a date stamp holds a few words: a weekday, 'Stand:', 'Publicado por: ...'.
STAMP_MAX_WORDS = 8
TAIL_MAX_LINES = 8
# A kicker, label or breadcrumb is short; a line this long or longer is never taken for one.
KICKER_MAX_WORDS = 12
# A reworded headline shares this share of the words of the two (Jaccard) with one of the page's headlines.
HEADLINE_OVERLAP = 0.6
# Statements about the outlet and credit lines are short; a long paragraph naming the outlet is article text.
OUTLET_LINE_MAX_WORDS = 45
# The outlet's appeal to its reader is shorter still: a longer paragraph in 'we' and 'you' is a blog's own text.
OUTLET_VOICE_MAX_WORDS = 30
CREDIT_MAX_WORDS = 12
# A line this many elements or fewer before a headline element stands right above it (a kicker, a breadcrumb).
ABOVE_HEADLINE_ELEMENTS = 40

# A tool or share button's label sits at most this many elements below its list item.
TOOL_ITEM_DEPTH = 6
_ICON_TAGS = frozenset({"svg", "img", "i", "use", "picture"})
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_LETTER = re.compile(r"[^\W\d_]")
_SENTENCE_END = re.compile(r"[.!?…][\"“”»«’‘)\]]*\s*$")
_BULLET = re.compile(r"^(?:\s*[-–•·*→>|])+\s*")
_LIST_ITEM = re.compile(r"^\s*[-–•·*]\s")
_TICKER = re.compile(r"^\s*\d{1,2}[:.]\d{2}\s*(uhr|h)?\s*[:–-]\s+\w", re.IGNORECASE)
_HIDDEN_CLASS = re.compile(r"(?:^|[\s_-])(?:hidden|sr-only|visually-?hidden|visuallyhidden|screen-?reader(?:-text)?|"
                           r"a11y(?:-hidden)?|offscreen|skip-?links?|u-hide)(?:$|[\s_])")
_HEADINGS = ("h1", "h2", "h3")
# A time of day, or a day with its year: what a date stamp in the header holds, whatever the language.
_DATE_STAMP = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(uhr|h|am|pm|a\.m\.|p\.m\.)?\b(?![.,]\d)|\b(19|20)\d{2}-\d{2}-\d{2}\b|"
                         r"\b\d{1,2}[./-]\s?\d{1,2}[./-]\s?(19|20)?\d{2}\b|\b\d{1,2}\.?\s+(de\s+)?[^\W\d_]{3,12}\.?,?\s+"
                         r"(de\s+)?(19|20)\d{2}\b|\b[^\W\d_]{3,9}\.?\s+\d{1,2},\s+(19|20)\d{2}\b", re.IGNORECASE)
# Words that a credit line may hold besides names, initials, numbers and the outlet's or an agency's name.
_CREDIT_WORDS = frozenset({
    "mit", "von", "und", "quelle", "quellen", "material", "text", "texte", "redaktion", "sendung", "am", "um",
    "uhr", "im", "auf", "in", "der", "die", "das", "dem", "den", "bei", "nach", "foto", "fotos", "bild", "bilder",
    "with", "from", "and", "by", "source", "sources", "staff", "reporting", "the", "of",
})
# Reported speech and attribution: a line that uses them quotes the outlet, it does not speak for it.
_REPORTING = re.compile(
    r"\b(sagte|sagt|sagten|erklärte|erklärt|berichtete|berichtet|berichteten|schrieb|schreibt|teilte|bestätigte|"
    r"betonte|meinte|fragte|antwortete|gegenüber|zufolge|laut|anfrage|told|said|says|reported|reports|according|"
    r"asked|respond|responded|request|contributed|contacted|reached out)\b", re.IGNORECASE)
_SECOND_PERSON = re.compile(r"(?<!^)(?<![.!?:]\s)\b(Sie|Ihnen|Ihr|Ihre|Ihren|Ihrem|Ihrer)\b|\b(du|dich|dir|dein|deine|"
                            r"euch|euer|eure|you|your)\b")
_FIRST_PLURAL = re.compile(r"\b(wir|uns|unser|unsere|unseren|unserem|unserer|we|us|our)\b", re.IGNORECASE)
_QUOTE = re.compile(r"[„“”\"«»]")
_ADDRESS = re.compile(r"\S+@\S+|https?://\S+|\bwww\.\S+|\b[\w-]+(\.[\w-]+)+/\S*")
_AGENCY_WORDS = frozenset(AGENCIES) | frozenset(AGENCY_NAMES)


@dataclass(frozen=True)
class Frame:
    """What the page says about its own frame: its headline in every version, and the outlet's names."""

    headlines: tuple[str, ...] = ()
    brands: tuple[str, ...] = ()
    sure: frozenset[str] = frozenset()  # the title and the first h1: a line equal to one of them is the headline
    _brand_pattern: re.Pattern[str] | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, headlines: Iterable[str | None], names: Iterable[str | None] = (),
           hosts: Iterable[str | None] = (), sure: Iterable[str | None] = ()) -> Frame:
        """A frame from the page's headline texts, the outlet's names (site name, publisher) and its hosts; `sure`
        are the headlines a line is dropped for whenever it equals one (the title, the first h1)."""
        heads = tuple(dict.fromkeys(h for h in (fold(x or "") for x in headlines) if h))
        forms = [f for f in (_name_forms(n) for n in names) if f] + [f for f in (_host_forms(h) for h in hosts) if f]
        brands = tuple(dict.fromkeys(fold(f.text) for f in forms))
        return cls(heads, brands, frozenset(fold(x) for x in sure if x), _brand_regex(tuple(forms)))

    def names_outlet(self, line: str) -> bool:
        """The line names the outlet (its site name or host, also inside a compound: 'Welle-Nordost-App'); an
        e-mail address or a link on the outlet's host is a contact or a reference, not the outlet speaking."""
        return bool(self._brand_pattern and self._brand_pattern.search(_squash_hyphens(_ADDRESS.sub(" ", line))))


def fold(text: str) -> str:
    """Lower case, words only, single spaces."""
    return " ".join(word_runs(text.replace("\u00ad", "").casefold(), _WORD))


def is_sentence(line: str) -> bool:
    """A line that reads as prose: six words or more ending in a full stop, or long."""
    words = len(line.split())
    return words >= 20 or (words >= 6 and bool(_SENTENCE_END.search(line)))


def outlet_voice(line: str) -> bool:
    """The line speaks to the reader ('Folgen Sie uns', 'your inbox') or as the outlet ('unser Newsletter')."""
    return not _QUOTE.search(line) and bool(_SECOND_PERSON.search(line) or _FIRST_PLURAL.search(line))


def quotes_or_reports(line: str) -> bool:
    """The line quotes someone or reports what someone said: article text, whoever it addresses."""
    return bool(_QUOTE.search(line) or _REPORTING.search(line))


def trim_frame(lines: Sequence[str], frame: Frame, tree: HtmlElement | None) -> tuple[list[str], list[tuple[str, str]]]:
    """The lines without the header furniture before the body and the tail furniture after it; and what went."""
    dropped: list[tuple[str, str]] = []
    kept = _trim_header(list(lines), frame, tree, dropped)
    kept = _trim_tail(kept, frame, dropped)
    return kept, dropped


# --- header --------------------------------------------------------------------------------------------------

def _trim_header(lines: list[str], frame: Frame, tree: HtmlElement | None,
                 dropped: list[tuple[str, str]]) -> list[str]:
    # The headline itself goes from the first lines even where a sentence (a caption, a lead) stands above it.
    sure = {i for i, line in enumerate(lines[:HEADLINE_LINES]) if _is_the_headline(line, frame)}
    body = next((i for i, line in enumerate(lines[:HEADER_MAX_LINES]) if is_sentence(line) and i not in sure), None)
    if body is None:
        # No sentence up front (a list, a table): nothing tells the header from the text but a line's own shape.
        out = [line for i, line in enumerate(lines) if i not in sure and not (i < HEADER_MAX_LINES and _stamp(line))]
        dropped.extend(("date" if i not in sure else "headline", line) for i, line in enumerate(lines)
                       if i in sure or (i < HEADER_MAX_LINES and _stamp(line)))
        return out
    heads = sorted(sure | {i for i in range(body) if _is_headline(lines[i], frame)})
    last_head = max((i for i in heads if i < body), default=-1)
    page = _PageIndex(tree, frame) if tree is not None else None
    out: list[str] = []
    for i, line in enumerate(lines):
        reason = "headline" if i in sure else None
        if i < body and reason is None:
            if not _LETTER.search(line):
                reason = "header"
            elif i in heads:
                reason = "headline"
            elif len(line.split()) <= KICKER_MAX_WORDS:
                if _stamp(line):
                    reason = "date"  # '5:45 AM PST 11/19/2019', 'segunda-feira, 22 de janeiro de 2018 às 0:13'
                elif i < last_head:
                    reason = "kicker"  # above the headline in the text: kicker, breadcrumb, section label
                elif page is not None and page.furniture_element(line):
                    reason = "kicker"  # hidden, right above a headline element, or a link's label (tag, tool)
        if reason:
            dropped.append((reason, line))
        else:
            out.append(line)
    return out


def _stamp(line: str) -> bool:
    """A short line that is mostly a date or a time: the header's date stamp.  A list item with a time (a live
    ticker's summary: '- Mittlerweile 640 Tote im Westjordanland (05.19 Uhr)') or a ticker entry's heading ('12.31 Uhr:
    Zeitung lehnt Aussagen ab') is text."""
    if len(line.split()) > KICKER_MAX_WORDS or is_sentence(line) or _LIST_ITEM.match(line) or _TICKER.match(line):
        return False
    rest = _DATE_STAMP.sub(" ", line)
    return rest != line and len(_WORD.findall(rest)) <= STAMP_MAX_WORDS


def _is_the_headline(line: str, frame: Frame) -> bool:
    """The line is the title or the first h1 itself, or another version of the headline that is no sentence."""
    folded = fold(line)
    return folded in frame.sure or (folded in frame.headlines and not is_sentence(line))


def _is_headline(line: str, frame: Frame) -> bool:
    """The line is one of the page's headlines, a headline with a kicker glued to it, or a reworded variant."""
    folded = fold(line)
    if not folded or not frame.headlines:
        return False
    words = folded.split()
    for head in frame.headlines:
        if folded == head:
            return True
        if " " not in head:
            continue  # a one-word headline is only ever the whole line
        if head in folded and len(words) - len(head.split()) <= KICKER_MAX_WORDS // 2:
            return True  # 'Spionagedrehscheibe Schweiz : Ein großer Tummelplatz ...'
        if folded in head and len(words) >= 4:
            return True  # the headline without the kicker of the structured title
    if is_sentence(line) or len(words) > 25:
        return False
    seen = set(words)
    return any(len(seen & set(h.split())) >= HEADLINE_OVERLAP * len(seen | set(h.split()))
               for h in frame.headlines if " " in h)


class _PageIndex:
    """Element positions and headline elements of a page, computed once and only when a line needs them."""

    def __init__(self, tree: HtmlElement, frame: Frame) -> None:
        self.tree = tree
        self.frame = frame
        self._order: dict[HtmlElement, int] | None = None
        self._heads: list[int] | None = None

    def order(self) -> dict[HtmlElement, int]:
        if self._order is None:
            self._order = {el: i for i, el in enumerate(self.tree.iter())}
        return self._order

    def headline_positions(self) -> list[int]:
        if self._heads is None:
            order = self.order()
            self._heads = [order[h] for h in self.tree.iter(_HEADINGS)
                           if _is_headline(" ".join(h.text_content().split()), self.frame)]
        return self._heads

    def furniture_element(self, line: str) -> bool:
        """An element holding exactly this line is hidden from sight, stands right above a headline element, or is
        (inside) a link: in the header, a link's label is a breadcrumb, a tag or a tool ('Print Article')."""
        wanted = " ".join(_BULLET.sub("", line).split())
        if not wanted:
            return False
        matches = [el for el in self.tree.xpath("//body//*[normalize-space(text())=$t]", t=wanted)
                   if " ".join(el.text_content().split()) == wanted]
        if not matches:
            # a text node among others ('Aber keine Sorge: <span>…</span> sind die'): only a tool item tells
            return any(_tool_item(el) for el in self.tree.xpath("//body//text()[normalize-space()=$t]/..", t=wanted))
        heads = self.headline_positions()
        order = self.order()
        for el in matches:
            if hidden(el) or el.tag == "a" or any(a.tag == "a" for a in el.iterancestors()) or _tool_item(el):
                return True
            pos = order.get(el, -1)
            if any(0 < h - pos <= ABOVE_HEADLINE_ELEMENTS for h in heads):
                return True
        return False


def _tool_item(el: HtmlElement) -> bool:
    """The element is inside a list item that carries an icon (an svg, an image, an empty element with an
    aria-label): a button of a tool or share bar ('Print Article', a report-an-error box), not a list of text."""
    for node in (el, *list(el.iterancestors())[:TOOL_ITEM_DEPTH]):
        if node.tag == "li":
            return any(d.tag in _ICON_TAGS or (d.get("aria-label") and not d.text_content().strip())
                       for d in node.iterdescendants() if isinstance(d.tag, str))
    return False


def hidden(el: HtmlElement) -> bool:
    """The element or one of its three nearest ancestors is hidden from sight (screen-reader text, skip links)."""
    for node in (el, *list(el.iterancestors())[:3]):
        if node.get("hidden") is not None or node.get("aria-hidden") == "true":
            return True
        if _HIDDEN_CLASS.search((node.get("class") or "").lower()):
            return True
    return False


# --- tail ----------------------------------------------------------------------------------------------------

def _trim_tail(lines: list[str], frame: Frame, dropped: list[tuple[str, str]]) -> list[str]:
    end = len(lines)
    gone: list[tuple[str, str]] = []
    while end > 1 and len(gone) < TAIL_MAX_LINES:
        reason = _tail_furniture(lines[end - 1], frame)
        if reason is None:
            break
        gone.append((reason, lines[end - 1]))
        end -= 1
    if not any(is_sentence(line) for line in lines[:end]):
        return lines  # the "tail" would be the whole text
    dropped.extend(reversed(gone))
    return lines[:end]


def _tail_furniture(line: str, frame: Frame) -> str | None:
    if not _LETTER.search(line):
        return "tail"
    words = word_runs(line, _WORD)
    if _REPORTING.search(line):
        return None
    names_outlet = frame.names_outlet(line)
    if len(words) <= CREDIT_MAX_WORDS and (names_outlet or _names_agency(words)) and _credit_shape(words, frame):
        return "credit"
    if names_outlet and len(words) <= OUTLET_LINE_MAX_WORDS:
        return "outlet"
    if (len(words) <= OUTLET_VOICE_MAX_WORDS and not _QUOTE.search(line) and _SECOND_PERSON.search(line)
            and _FIRST_PLURAL.search(line)):
        return "outlet"  # the outlet speaking to its reader
    return None


def _names_agency(words: Sequence[str]) -> bool:
    low = [w.lower() for w in words]
    return any(w in AGENCIES for w in low) or any(
        " ".join(low[i:i + n]) in AGENCY_NAMES for n in (2, 3) for i in range(len(low) - n + 1))


def _credit_shape(words: Sequence[str], frame: Frame) -> bool:
    """Only names, initials, numbers, the outlet's or agencies' names and a few credit words: no sentence."""
    outlet_words = {w for b in frame.brands for w in b.split()}
    for word in words:
        low = word.lower()
        if low in _CREDIT_WORDS or low in _AGENCY_WORDS or low in outlet_words or word[0].isupper() or word.isdigit():
            continue
        if len(word) <= 4:
            continue  # initials and desk codes: 'dst', 'kbr', 'sak'
        return False
    return True


# --- the outlet's names ----------------------------------------------------------------------------------------

_ARTICLES = frozenset(("the", "der", "die", "das"))
_GENERIC_NAMES = frozenset({"online", "news", "nachrichten", "zeitung", "www", "de", "com", "net", "org"})


@dataclass(frozen=True)
class _Form:
    text: str  # the name's words as written
    exact_case: bool  # one ordinary word ('WELT', 'Capital'): only as written, else any common word would match
    domain: bool  # a host's stem: only as a domain ('kapitalblick.de')


def _name_forms(name: str | None) -> _Form | None:
    words = [w for w in _WORD.findall((name or "").replace("\u00ad", "")) if w.lower() not in _ARTICLES]
    if not words or all(w.lower() in _GENERIC_NAMES for w in words):
        return None
    return _Form(" ".join(words), exact_case=len(words) == 1, domain=False)


def _host_forms(host: str | None) -> _Form | None:
    labels = [p for p in (host or "").lower().split(":")[0].split(".") if p and p != "www"]
    if len(labels) < 2:
        return None
    words = [w for w in re.split(r"[-_]", labels[0]) if w]
    if not words:
        return None
    # 'welle-nordost' names the outlet as words; 'kapitalblick' or 'welt' only as a domain ('kapitalblick.de').
    return _Form(" ".join(words), exact_case=False, domain=len(words) == 1)


@lru_cache(maxsize=256)
def _brand_regex(forms: tuple[_Form, ...]) -> re.Pattern[str] | None:
    """Whole-word forms of the outlet's names: inflected ('des Ruhrtal Boten'), squashed ('harbourgazette', 'ntv'
    for 'n-tv'), a one-word name only in the case it is written in (or in capitals), a host's stem as a domain."""
    alts = set()
    for form in forms:
        words = form.text.split()
        if form.domain:
            alts.add(re.escape(words[0]) + r"\.[a-z]{2,6}")  # 'kapitalblick.de'
            continue
        if len(words) == 1:
            if len(words[0]) < 2:
                continue
            if form.exact_case:
                alts.add("(?-i:" + re.escape(words[0]) + "|" + re.escape(words[0].upper()) + ")")
                continue
        alts.add(r"\s+".join(re.escape(w) for w in words) + r"(?:n|s|es)?")
        if len(words) > 1:
            alts.add(re.escape("".join(words)))
    if not alts:
        return None
    return re.compile(r"(?<![^\W_])(?:" + "|".join(sorted(alts, key=len, reverse=True)) + r")(?![^\W_])",
                      re.IGNORECASE)


def _squash_hyphens(line: str) -> str:
    """'Welle-Nordost-App' and 'n-tv' as the regex sees them: hyphens between letters as spaces."""
    return re.sub(r"(?<=\w)-(?=\w)", " ", line)
