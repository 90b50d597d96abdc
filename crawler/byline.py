"""Who wrote an article: one normalisation that every author source goes through (structured data, meta tags,
author markup, byline boxes, a byline line in the text).

A byline names people and agencies, and often more: a prefix glued to the name ('VonBR24 Redaktion'), the time of
the last update ('David Straub, 05:00 Uhr'), the newsroom or studio ('Name, MDR THÜRINGEN'), the place the
reporters write from ('Anna Beispiel und Lea Muster, Nairobi'), or no person at all but a desk ('Redaktion',
'unserer Redaktion', 'BR24 Redaktion', 'Newsdesk') or the outlet itself.  What is kept is a person's name or an
agency (the agency goes to the agencies, the caller decides whether wire copy's author is the agency).

A desk is no author: it says no more than the page's `source` does, and a page credited to a desk alone is wire
copy or the outlet's own, so the author stays empty and the crawl falls back to the agency where the page names one.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from crawler.agency import canonical_agency

# 'Von Name', 'By Name', 'Text: Name', 'Autorin: Name'; glued without a space as some markup renders it
# ('<span>Von</span><span>BR24 Redaktion</span>' -> 'VonBR24 Redaktion').
PREFIX = re.compile(r"^[\s•·*-]*(?:von|by|autor(?:in)?|author|text)\s*(?::\s*|\s+)", re.IGNORECASE)
GLUED_PREFIX = re.compile(r"^(?:Von|By)(?=[A-ZÄÖÜ])")  # title case only: 'BYRNE' keeps its letters
# Between names, and between names and the agency ('Marta Ries mit AP', 'by Ann Example with Reuters').
_SPLIT = re.compile(r"\s*(?:,|;|\||\s+und\s+|\s+and\s+|\s+&\s+|\s+[-–]\s+|\s+(?:mit|with)\s+(?:material\s+(?:von|from)\s+)?)"
                    r"\s*", re.IGNORECASE)
# What follows a name in a broadcaster's byline: the station or studio ('Name, MDR THÜRINGEN', 'Name, ARD-Studio Rom').
_AFFILIATION = re.compile(
    r"^(ard|zdf|swr|ndr|wdr|br|hr|mdr|rbb|sr|dlf|dw|orf|srf|rtl|n-?tv|radio bremen|deutschlandfunk|deutsche welle|"
    r"deutschlandradio|phoenix|arte|3sat)\b|studio\b|\bredaktion\b|\bnewsroom\b")
# A label of the time a byline box goes on with ('Stand: 28. April 2023'): what follows is no name.
_TIME_LABEL = re.compile(r"\s*\b(stand|aktualisiert|zuletzt aktualisiert|update|updated|veröffentlicht|published|"
                         r"erschienen|zuletzt geändert)\b\s*:.*$", re.IGNORECASE)
# From the first word that starts with a digit on: a time or a date ('05:00 Uhr', '28.04.2023', 'am 3. Mai'),
# with the preposition before it; a name holds no such word.
_FROM_DIGIT = re.compile(r"(?:^|\s+)(?:(?:am|um|vom|on|at|updated)\s+)?\d.*$", re.IGNORECASE)
# The words of a desk, a newsroom or a team: no person's name holds one.
_DESK_WORD = re.compile(r"(?:^|[\s-])(?:\w*redaktion|newsdesk|newsroom|desk|nachrichtendesk|staff|team|editors?|"
                        r"editorial|online-?team|agenturen|agencies|red\.)$", re.IGNORECASE)
# Possessives and articles that make a desk of a word ('unserer Redaktion', 'the newsroom').
_DESK_LEAD = frozenset({"unsere", "unserer", "unserem", "unseren", "die", "der", "the", "our", "aus"})
# A person's name: two to four capitalised words ('Karla Bremer', 'Anne-Marie Beispiel', 'Jan van Dijk', 'Dr. Eva
# Muster').
PERSON = re.compile(r"^[A-ZÄÖÜ][\w'’.-]+(\s+(?:(?:van|von|de|der|den|da|di|du|la|le|zu|el|al|bin|ibn)\s+)*"
                    r"[A-ZÄÖÜ][\w'’.-]+){1,3}$")
_INITIALS = re.compile(r"\s*\([^)]{1,12}\)")  # 'Elena Oberholzer (obe)'
# A dateline opening the text: a place in capitals or capitalised, an optional agency, a dash or colon
# ('NAIROBI –', 'Nairobi/Berlin (dpa) -', 'Kiew:').
_DATELINE = re.compile(r"^\s*([A-ZÄÖÜ][\w.'’-]+(?:[ /][A-ZÄÖÜ][\w.'’-]+){0,2})\s*(?:\([^)]{1,30}\))?\s*[-–—:]\s+\S")
# Bylines sit in the first lines of a text.
BYLINE_LINES = 6


def _clean(text: str | None) -> str:
    if not text:
        return ""
    if "&" in text:
        text = html.unescape(text)
    return " ".join(text.replace("\u00ad", "").split())


def is_desk(part: str) -> bool:
    """A desk, newsroom or team rather than a person: 'Redaktion', 'unserer Redaktion', 'BR24 Redaktion',
    'Online-Redaktion', 'Newsdesk', 'The Editorial Team'."""
    words = [w for w in part.split() if w.lower() not in _DESK_LEAD]
    return bool(words) and bool(_DESK_WORD.search(" ".join(words)))


def names_outlet(name: str, source: str | None, host: str | None) -> bool:
    """An 'author' that is the outlet itself: its site name, its host ('Der Postillon' on der-postillon.com, 'n-tv
    NACHRICHTEN' on n-tv.de) or the initials of its name or host ('Deutsche Welle' on dw.com, 'LTO' for Legal
    Tribune Online)."""
    low = name.lower()
    site = (source or "").lower()
    if site and (low == site or low in site or site in low):
        return True
    squashed = re.sub(r"[\W_]+", "", low)
    words = re.findall(r"[^\W\d_]+", low)
    initials = "".join(w[0] for w in words) if len(words) > 1 else ""
    stem = ""
    if host:
        labels = [p for p in host.lower().split(".") if p and p != "www"]
        stem = re.sub(r"[\W_]+", "", labels[0]) if len(labels) > 1 else ""
    site_words = re.findall(r"[^\W\d_]+", site)
    site_initials = "".join(w[0] for w in site_words) if len(site_words) > 1 else ""
    if stem and len(stem) >= 2 and (stem in squashed and len(stem) >= 3 or squashed in stem or initials == stem):
        return True
    return bool(site_initials and squashed == site_initials)


def dateline_place(lines: Sequence[str]) -> str | None:
    """The place of the dateline that opens a text ('NAIROBI – ...' -> 'NAIROBI'), None when it opens with none."""
    for line in lines[:2]:
        m = _DATELINE.match(line)
        if m and len(line) > 40:  # a dateline leads into a sentence; a short 'Name: Title' line is no dateline
            return m.group(1)
    return None


def normalize_byline(raw: Sequence[str], source: str | None = None, host: str | None = None,
                     agencies: list[str] | None = None, place: str | None = None) -> list[str]:
    """The people named by one byline (its raw texts, in order), without prefixes, times, dates, newsrooms, places,
    desks and the outlet itself; agencies it names are appended to `agencies`.  `place` is the dateline's place of
    the text, which is never an author."""
    people: list[str] = []
    found = agencies if agencies is not None else []
    place_key = (place or "").casefold()
    for text in raw:
        text = GLUED_PREFIX.sub("", _clean(text))
        text = _TIME_LABEL.sub("", PREFIX.sub("", text))
        parts = _SPLIT.split(text)
        for i, part in enumerate(parts):
            part = GLUED_PREFIX.sub("", PREFIX.sub("", _INITIALS.sub("", part)))
            part = _FROM_DIGIT.sub("", part).strip(" ,;.:")
            low = part.lower()
            if not part:
                continue
            if i and (_AFFILIATION.search(low) or _station(part, parts[i - 1]) or (" " not in part and i == len(parts) - 1 and canonical_agency(part)
                                                   is None and PERSON.match(parts[i - 1].strip()))):
                # 'Jonas Beispiel, SWR', 'Name, ARD-Hauptstadtstudio', 'Anna Beispiel, Nairobi': the newsroom or
                # the place after the names, not a further author
                continue
            if len(part) > 60 or "@" in part or "/" in part or "http" in low:
                continue  # an e-mail address, a profile link or a sentence is no name
            agency = canonical_agency(part)
            if agency:
                found.append(agency)
                continue
            if is_desk(part) or names_outlet(part, source, host) or (place_key and low == place_key):
                continue
            if part not in people:
                people.append(part)
    return people


def _station(part: str, before: str) -> bool:
    """A part in capitals after a name that is not: the station or newsroom ('Jonas Feld, SENDER NORD')."""
    return part.isupper() and len(part) > 3 and not before.isupper()


def byline_authors(lines: Sequence[str], bare: bool = False, source: str | None = None,
                   host: str | None = None) -> list[str]:
    """Names of a byline among the first lines ('Von Karla Bremer', 'By Ann Example and Bo Ex', 'Von: A, B'); with
    `bare`, a line of names alone counts too (the text of a byline box: 'Eva Beispiel-Rätsch')."""
    for line in lines[:BYLINE_LINES]:
        text = " ".join(line.split())
        if len(text) > 80 or not (PREFIX.match(text) or GLUED_PREFIX.match(text) or bare):
            continue
        names = [n for n in normalize_byline([text], source, host) if PERSON.match(n)]
        if names:
            return names
    return []
