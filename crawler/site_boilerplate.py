"""Per-outlet learned boilerplate: which of the lines that recur across an outlet's articles may go, dropping them,
telling a re-fetch that changed only in such lines (crawler/reclean.py re-cleans the stored texts when more is learned).

A line seen in two or more different articles of a site is a candidate (storage/boilerplate.py counts them).
Recurrence alone does not make template: a follow-up repeats its story's background paragraph and quotes, a wire
agency ends its reports with the same standard sentence, a series opens every episode with the same intro.  So a
learned line goes only when its shape and place agree:

- never a line with a quotation or reported speech ('„Wir sanieren die Brücke“, sagte sie');
- a sentence (six words or more with a full stop) only when it is about the page rather than the world: it speaks
  to the reader or as the outlet ('Folgen Sie uns ...'), carries a link or handle, names the outlet, or speaks of
  the text itself ('Dieser Artikel erschien zuerst ...'); a plain sentence about the world stays wherever it is
  (background, a wire's standard sentence, a series' intro);
- a short line (a label, a heading, a credit) at the head or the tail of the text (outside the run of body
  sentences); inside the body only when it is about the page in the same way, so that a recurring crosshead
  ('Was bisher bekannt ist') stays;
- a line longer than LEARNED_MAX_CHARS (background, more likely than template) only when it is the publisher
  describing itself at the end of its texts: among the last CLOSING_LINES lines and opening with the outlet's name
  or its host's stem ('Ascom is a global solutions provider ...' under every press release of ascom.com); a
  story's background paragraph repeated at the end of its follow-ups is about the story and stays;
- and never more than LEARNED_MAX_SHARE of a text.
"""

from __future__ import annotations

import difflib
import hashlib
import logging
import re
from collections.abc import Sequence

from crawler import textstats
from crawler.frame import Frame, fold, is_sentence, outlet_voice, quotes_or_reports

logger = logging.getLogger(__name__)

# Long recurring text is more likely a real background paragraph (repeated in follow-ups) than template.
LEARNED_MAX_CHARS = 400
# The closing lines of a text, where a publisher puts its description of itself.
CLOSING_LINES = 3
# Learned removal is undone when it would take away more than this share of the text.
LEARNED_MAX_SHARE = 0.4
# Furniture that changes from fetch to fetch (teaser titles, counters, labels) is short.
FURNITURE_MAX_WORDS = 12
_LINK = re.compile(r"https?://|\bwww\.|@\w|©|→|»|>>|\|")
# A sentence about the text or page itself ('Dieser Artikel erschien zuerst ...'), not about the world.
_ITSELF = re.compile(r"\b(diese[mnrs]?|this)\s+(artikel|text|beitrag|meldung|inhalt|seite|ausgabe|newsletter|podcast|"
                     r"article|story|post|page|newsletter|podcast)\b", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_ABOUT_WORDS = frozenset({"about", "über", "ueber", "the", "die", "der", "das", "den", "à", "propos", "de", "sobre", "a", "o"})


def paragraph_hash(paragraph: str) -> str:
    """Stable key of a paragraph for learned boilerplate: case, spacing, punctuation and numbers do not count."""
    # Its letters and digits, runs of anything else one space (re.sub(r"[\W_]+", " ", ...).strip(), 2x faster),
    # every run of digits 0.
    key = " ".join(run if run.isalpha() else _DIGITS.sub("0", run)
                   for run in textstats.word_runs(paragraph.casefold(), textstats.LETTERS_DIGITS))
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def zones(lines: Sequence[str]) -> list[str]:
    """'head', 'body' or 'tail' for each line: before the first sentence, between the first and last, after."""
    sentences = [i for i, line in enumerate(lines) if is_sentence(line)]
    if not sentences:
        return ["head"] * len(lines)
    first, last = sentences[0], sentences[-1]
    return ["head" if i < first else "tail" if i > last else "body" for i in range(len(lines))]


def may_go(line: str, zone: str, frame: Frame | None = None, from_end: int | None = None) -> bool:
    """Whether a learned (recurring) line may be dropped where it stands: see the module's rules.  `from_end` is
    the line's place counted from the text's last line (0), when known."""
    if quotes_or_reports(line) or not _may_be_template(line, frame, from_end):
        return False
    if len(line) > LEARNED_MAX_CHARS:
        return frame is not None and _about_outlet(line, frame)
    about_page = outlet_voice(line) or bool(_LINK.search(line) or _ITSELF.search(line)) or (
        frame is not None and frame.names_outlet(line))
    if is_sentence(line) or zone == "body":
        return about_page
    return True


def _may_be_template(line: str, frame: Frame | None, from_end: int | None) -> bool:
    """False for a line that stays wherever it recurs, known from its length and place alone: long recurring text is
    background, except the publisher's description of itself that closes its press releases ('About Ascom: Ascom is
    a global solutions provider ...'), among the last lines (and naming the outlet, which may_go checks)."""
    if len(line) <= LEARNED_MAX_CHARS:
        return True
    return from_end is not None and from_end < CLOSING_LINES and frame is not None


def _about_outlet(line: str, frame: Frame) -> bool:
    """The line is about the outlet itself: it opens with the outlet's name or its host's stem ('Ascom is ...',
    'About Ascom: ...', 'Über die Rundschau: ...')."""
    words = fold(line[:200]).split()
    while words and words[0] in _ABOUT_WORDS:
        words = words[1:]
    opening = " ".join(words[:4]) + " "
    return any(brand and opening.startswith(brand + " ") for brand in frame.brands)


def drop_learned(lines: Sequence[str], learned: frozenset[str],
                 frame: Frame | None = None) -> tuple[list[str], list[str]]:
    """The lines without the learned ones that may go; and those that went."""
    if not learned:
        return list(lines), []
    kept: list[str] = []
    gone: list[str] = []
    for i, (line, zone) in enumerate(zip(lines, zones(lines))):
        from_end = len(lines) - 1 - i
        # Most of an article's lines are long body paragraphs: known to stay before they are hashed (the hash is
        # most of the cost of a re-clean: 2 of its 2.8 s after a crawl of 5000 pages).
        if (_may_be_template(line, frame, from_end) and paragraph_hash(line) in learned
                and may_go(line, zone, frame, from_end)):
            gone.append(line)
        else:
            kept.append(line)
    total = sum(len(line) for line in lines)
    if gone and sum(len(line) for line in gone) > LEARNED_MAX_SHARE * total:
        # Most of the page would vanish: the "template" is this site's article text after all.
        logger.debug("learned boilerplate would remove %d of %d chars; kept", sum(len(g) for g in gone), total)
        return list(lines), []
    return kept, gone


def same_but_boilerplate(old: str, new: str, learned: frozenset[str] = frozenset()) -> bool:
    """A re-fetched text that differs from the stored one only in furniture: learned lines, and short lines that are
    no sentence (teaser titles, counters, labels).  Any sentence added, removed or changed is a real change."""
    a = [line for line in old.splitlines() if line.strip()]
    b = [line for line in new.splitlines() if line.strip()]
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if not all(_furniture(line, learned) for line in (*a[i1:i2], *b[j1:j2])):
            return False
    return True


def _furniture(line: str, learned: frozenset[str]) -> bool:
    if paragraph_hash(line) in learned:
        return True
    return not is_sentence(line) and len(line.split()) <= FURNITURE_MAX_WORDS and not quotes_or_reports(line)
