"""The news agencies that supplied an article, as the page credits them.

Read from what a reader sees: the dateline ('Moskau (dpa) -'), bylines ('Von Max Muster, dpa', 'von APA',
'Reuters/kra'), credit and source lines ('Quelle: ntv.de, ino/dpa', '© dpa-infocom', 'mit dpa', 'Weitere Quellen •
AP'), notes that an agency's copy was imported ('automatisch von der Deutschen Presse-Agentur (dpa) übernommen'),
a live blog's statement of its sources, and the structured data's author.  Never from photo credits ('Foto: AFP',
'picture alliance/dpa', 'STR/AFP via Getty Images'), and never from an agency quoted inside a sentence ('sagte er
der APA').
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# Canonical spelling of each agency, keyed by the lower-cased forms that occur in credits and datelines.
AGENCIES: dict[str, str] = {
    "dpa": "dpa", "dpa-infocom": "dpa", "dpa-afx": "dpa-AFX", "afx": "dpa-AFX", "afp": "AFP", "reuters": "Reuters",
    "ap": "AP", "associated press": "AP", "epd": "epd", "kna": "KNA", "sid": "SID", "apa": "APA", "sda": "SDA",
    "keystone-sda": "SDA", "dts": "dts", "ddp": "ddp", "efe": "EFE", "ansa": "ANSA", "anp": "ANP", "belga": "Belga",
    "idea": "idea", "xinhua": "Xinhua", "tass": "TASS", "bloomberg": "Bloomberg", "upi": "UPI", "pa": "PA",
}
# Agencies written out in bylines and structured data ('Deutsche Presse-Agentur', 'Agence France-Presse').
AGENCY_NAMES: dict[str, str] = {
    "deutsche presse-agentur": "dpa", "deutschen presse-agentur": "dpa", "deutsche presse agentur": "dpa",
    "agence france-presse": "AFP", "agence france presse": "AFP", "associated press": "AP", "the associated press": "AP",
    "austria presse agentur": "APA", "katholische nachrichten-agentur": "KNA", "evangelischer pressedienst": "epd",
    "sport-informations-dienst": "SID", "schweizerische depeschenagentur": "SDA", "thomson reuters": "Reuters",
}
# What may follow an agency's name when the agency itself is named as author: its national desk or service.
_AGENCY_DESKS = frozenset({"deutschland", "germany", "österreich", "schweiz", "news", "nachrichten", "international",
                           "english", "deutsch", "redaktion"})
# Credits and source statements are short; a longer paragraph names an agency as a source of its reporting.
CREDIT_MAX_WORDS = 12
CREDIT_MAX_CHARS = 300

_AGENCY_ALT = "|".join(sorted((re.escape(a) for a in AGENCIES), key=len, reverse=True))
_NAME_ALT = "|".join(sorted((re.escape(a).replace(r"\ ", r"\s+") for a in AGENCY_NAMES), key=len, reverse=True))
_MENTION = re.compile(r"(?<![\w-])(" + _NAME_ALT + "|" + _AGENCY_ALT + r")(?![\w]|-(?!infocom|afx)\w)", re.IGNORECASE)
# 'Moskau (dpa) -', 'BERLIN (AFP/dpa) –', 'Washington (AP) —', 'Hamburg/Berlin (dpa/lno) -'
_DATELINE = re.compile(
    r"^\s*[\w.,'’ /-]{0,60}?\(\s*((?:" + _AGENCY_ALT + r")(?:\s*[/,]\s*[\w-]+){0,3})\s*\)\s*[-–—:]", re.IGNORECASE)
# A photo credit or caption: agencies named there supplied the picture, not the text.
_PHOTO = re.compile(r"\b(foto|fotos|photo|photos|bild|bilder|bildrechte|bildquelle|image|images|aufnahme|symbolbild|"
                    r"archivbild|archivfoto|grafik|video|picture[ -]alliance|imago|getty|keystone/|shutterstock|"
                    r"istock|epa|action press|dpa-bildfunk|dpa-zentralbild|zentralbild|bildfunk)\b", re.IGNORECASE)
# Marks of a credit inside a longer line: copyright, a source label, 'mit Material von', or a statement about this
# text itself (an import note, what a ticker rests on).
_CREDIT_MARK = re.compile(
    r"©|\(c\)|\bcopyright\b|\b(quellen?|sources?|material)\s*[:•]|\bmit material\b|\bmit informationen\b|"
    r"\b(diese[mnrs]?|this)\s+(ticker|liveblog|live-?ticker|newsblog|text|artikel|beitrag|meldung|nachricht|"
    r"article|story|blog|report)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[.!?]\s*$")
# Words a credit line may hold besides names, initials and agencies: no verb of reported speech among them.
_CREDIT_WORDS = frozenset({
    "mit", "von", "und", "sowie", "quelle", "quellen", "weitere", "material", "text", "texte", "redaktion",
    "nach", "agentur", "agenturen", "with", "from", "and", "by", "source", "sources", "additional", "reporting",
    "the", "via",
})
_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")
_DESK_CODE = re.compile(r"^[a-zäöü]{2,4}$")  # an editor's or a regional desk's initials: 'sak', 'lno', 'kbr'


def canonical_agency(name: str | None) -> str | None:
    """The canonical spelling of an agency named alone ('dpa', 'Deutsche Presse-Agentur', 'AFP Deutschland')."""
    low = " ".join((name or "").lower().split()).strip(" .,;:()")
    if low in AGENCIES:
        return AGENCIES[low]
    if low in AGENCY_NAMES:
        return AGENCY_NAMES[low]
    head, _, rest = low.partition(" ")
    if head in AGENCIES and rest in _AGENCY_DESKS:
        return AGENCIES[head]  # 'AFP Deutschland', 'dpa Nachrichten'
    return None


def find_agencies(lines: Sequence[str], known: Iterable[str] = ()) -> str | None:
    """Agencies credited by the page: the dateline of the first lines, credit lines and bylines anywhere.

    `lines` are the page's text lines before cleaning (credits are boilerplate to the text, not to the metadata),
    plus the byline when the page sets it apart; `known` are agencies the structured data names.
    """
    found: list[str] = list(known)
    for line in lines[:3]:
        m = _DATELINE.match(line)
        if m:
            found.extend(a for a in (canonical_agency(p) for p in re.split(r"\s*[/,]\s*", m.group(1))) if a)
            break
    for line in lines:
        found.extend(credited(line))
    unique = list(dict.fromkeys(found))
    return ", ".join(unique) or None


def credited(line: str) -> list[str]:
    """The agencies a line credits: a short line of names and credit words, or a longer one with a credit mark;
    none from a photo credit."""
    if len(line) > CREDIT_MAX_CHARS:
        return []
    marked = bool(_CREDIT_MARK.search(line))
    words = _WORD.findall(line) if not marked else []
    if not marked and (len(words) > CREDIT_MAX_WORDS or not _credit_words_only(words)
                       or (len(words) > 3 and _SENTENCE.search(line))):
        return []  # prose, or a short sentence that names an agency ('Laut dpa sind drei Menschen tot.')
    if _PHOTO.search(line):
        return []
    return [a for a in (canonical_agency(" ".join(m.group(1).split())) for m in _MENTION.finditer(line)) if a]


def desk_credit(text: str) -> bool:
    """A desk credit standing alone: agencies and editors' initials joined by slashes ('sak/Reuters', 'dpa/lno',
    'AFP/dpa/kbr'), at least one agency among them; a photographer's name ('REUTERS/Jane Doe') is no initials."""
    parts = [p.strip() for p in re.split(r"\s*[/,]\s*", text.strip())]
    if len(parts) < 2 or any(not p for p in parts):
        return False
    return any(canonical_agency(p) for p in parts) and all(canonical_agency(p) or _DESK_CODE.match(p) for p in parts)


def _credit_words_only(words: Sequence[str]) -> bool:
    """Names, initials, agencies and a few credit words only: 'Von Max Muster, dpa', 'sak/Reuters', 'mit dpa'."""
    for word in words:
        low = word.lower()
        if low in _CREDIT_WORDS or canonical_agency(low) or word[0].isupper() or word.isdigit() or len(word) <= 4:
            continue
        if low in ("presse-agentur", "presse", "agentur", "press", "france-presse"):
            continue
        return False
    return True
