"""Words, sentences and stopwords shared by story matching and near-duplicate detection.

Everything here is a pure function of its text, so any state built from it (a story profile, a shingle set) can be
rebuilt at each run from stored texts alone.
"""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"\w+")
# Letters and digits: `_` is a word character to `re` but not to a reader.
LETTERS_DIGITS = re.compile(r"[^\W_]+")

# Function words and the words every news report uses (reporting verbs, weekdays, months): they say nothing about
# which story a text belongs to. Written for German and English news; casefolded ('ß' is 'ss').
_GERMAN = """
ab aber alle allem allen aller alles als also am an andere anderen anderer anderes auch auf aus außerdem ausserdem
bei beim bereits bis bisher bislang bzw da dabei dafür dagegen daher damals damit danach dann daran darauf darüber
darum das dass davon dazu dem demnach den denen denn der deren des deshalb dessen die dies diese diesem diesen
dieser dieses doch dort du durch ebenfalls ein eine einem einen einer eines einige einigen einmal er erst erste
ersten erster es etwa euch euer eure für gab gegen gegenüber geht gewesen gibt habe haben hat hatte hatten heißt
heisst hier hieß hiess ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im immer in indem ins ist ja jahr jahre
jahren je jedoch jetzt kam kann kaum kein keine keinem keinen keiner können könne könnte konnte laut lässt lasst
machen macht man mehr mehrere mein meine mich mir mit muss müssen musste nach nachdem neue neuen neuer neues nicht
nichts noch nun nur ob oder ohne rund sagt sagte sagten schon sehr sei seien sein seine seinem seinen seiner seines
seit selbst sich sie sind so soll sollen sollte sondern sowie statt um und uns unser unsere unter viel viele vielen
vom von vor wann war wäre waren warum was weil weiter weitere weiteren welche welcher welches wenn wer werde werden
wie wieder will wir wird wo wollen wollte worden wurde wurden zu zudem zum zur zwar zwei zwischen über
heute gestern morgen uhr prozent millionen milliarden erklärte hieß berichtet
berichtete teilte mit sowie zufolge angaben
"""
_ENGLISH = """
a about after again against all also an and any are around as at be because been before being between both but by
can could did do does done during each even ever every few for from further had has have having he her here hers
him his how however i if in into is it its itself just last least like made make many may me more most much must my
new no nor not now of off on once one only or other others our out over own per same says said she should since so
some still such than that the their them then there these they this those through to too two under until up upon
us very was we were what when where whether which while who whom whose why will with within without would year
years yet you your may today yesterday tomorrow percent million billion told according
reported news report reports reuters ap afp dpa
"""
# Weekdays and months (English 'may' is above, as the verb): stopwords for queries and dedup; the similarity of
# crawler.matching keeps them as terms, because they tell two events of one kind apart.
_CALENDAR = """
montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz april mai juni juli august september
oktober november dezember monday tuesday wednesday thursday friday saturday sunday january february march april june
july august september october november december
"""
CALENDAR_WORDS: frozenset[str] = frozenset(_CALENDAR.split())
STOPWORDS: frozenset[str] = frozenset((_GERMAN + _ENGLISH).split()) | CALENDAR_WORDS


def words(text: str) -> list[str]:
    """Casefolded word tokens (`\\w+`), in order; hyphenated compounds give their parts."""
    return word_runs(text.casefold())


def word_runs(text: str, pattern: re.Pattern[str] = _WORD) -> list[str]:
    """`pattern.findall(text)`, the same list, for a pattern of runs of word characters that takes every letter and
    digit (`\\w+`, LETTERS_DIGITS, or one that also joins such runs with a hyphen), found a token at a time.

    A run of word characters never holds whitespace, so the runs of a text are the runs of its whitespace-separated
    tokens one after the other; a token of letters and digits only (str.isalnum, tested in C) is one run as it
    stands. Most tokens of a text are, and the pattern sees only the others: `re` tests each character's Unicode
    class one at a time (about 24 ns a character), 2x slower over a paragraph than this. Checked against the
    pattern on texts of all kinds of characters in tests/test_textstats.py."""
    out: list[str] = []
    for token in text.split():
        if token.isalnum():
            out.append(token)
        else:
            out.extend(pattern.findall(token))
    return out


def folded(text: str) -> str:
    """`text` casefolded, its letters and digits only, runs of anything else one space: how two renderings of one
    line are compared (punctuation, case, spacing and underscores do not count)."""
    return " ".join(word_runs(text.casefold(), LETTERS_DIGITS))


def content_terms(text: str) -> Counter[str]:
    """Counts of the words that can tell stories apart: no stopwords, no bare numbers, no single letters."""
    return Counter(w for w in words(text) if len(w) > 1 and not w.isdigit() and w not in STOPWORDS)


# A period ends a sentence unless it follows a one- or two-digit number (German ordinals: 'am 3. Oktober'), a single
# letter (initials, 'z. B.') or a known abbreviation.
_ABBREVIATIONS = frozenset(
    {"abs", "bzw", "ca", "chr", "dr", "dt", "etc", "evtl", "ggf", "hr", "inkl", "jh", "jr", "mio", "mr", "mrd", "mrs",
     "ms", "nr", "prof", "sr", "st", "str", "tel", "usw", "vgl", "vs", "zb"}
)
_SENTENCE_END = re.compile(r"""([.!?…]["'»«“”’)]*)\s+(?=["'»«„“(]?[\w])""")


def sentences(text: str) -> list[str]:
    """Split a text into sentences: paragraphs first, then at sentence ends that are not abbreviations or ordinals."""
    out: list[str] = []
    for paragraph in text.splitlines():
        paragraph = " ".join(paragraph.split())
        if not paragraph:
            continue
        start = 0
        for m in _SENTENCE_END.finditer(paragraph):
            if m.group(1).startswith(".") and _is_abbreviation(paragraph[start : m.start()]):
                continue
            out.append(paragraph[start : m.end(1)])
            start = m.end()
        rest = paragraph[start:].strip()
        if rest:
            out.append(rest)
    return out


def _is_abbreviation(before: str) -> bool:
    last = before.rsplit(None, 1)[-1] if before.strip() else ""
    last = last.lstrip("\"'»«„“(")
    if not last:
        return True
    if (last.isdigit() and len(last) <= 2) or len(last) == 1:
        return True  # ordinals ('3. Oktober') and initials; a year ends its sentence
    return last.casefold() in _ABBREVIATIONS
