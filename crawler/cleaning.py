"""Remove what trafilatura leaves of a news page's furniture: rule families, a source's own patterns, learned lines.

Works on paragraphs (trafilatura's text lines).  Rules come from crawler/rules (data); learned boilerplate is a set of
paragraph hashes that recurred across different articles of one site (storage/boilerplate.py keeps them).
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from crawler.rules import Rule, RuleSet, builtin_rules, compile_drop_patterns

logger = logging.getLogger(__name__)

# A learned paragraph is removed only while it stays short: long recurring text is more likely a real
# background paragraph (repeated in follow-ups) than template.
LEARNED_MAX_CHARS = 400
# Learned removal is undone when it would take away more than this share of the text.
LEARNED_MAX_SHARE = 0.4
# Lines after a teaser heading that look like teaser titles (short, no closing full stop) go with it.
TEASER_TITLE_MAX_CHARS = 130
TEASER_BLOCK_MAX_LINES = 8
_SENTENCE_END = re.compile(r"[.!?…:;\"“”»«’)]\s*$")
_BULLET = re.compile(r"^[-•*–·]\s+")
_DIGITS = re.compile(r"\d+")
_NON_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Cleaned:
    """Kept paragraphs in order, and what was dropped with the family that dropped it."""

    paragraphs: tuple[str, ...]
    dropped: tuple[tuple[str, str], ...]  # (family, paragraph)


def paragraph_hash(paragraph: str) -> str:
    """Stable key of a paragraph for learned boilerplate: case, spacing, punctuation and numbers do not count."""
    key = _NON_WORD.sub(" ", _DIGITS.sub("0", paragraph.casefold())).strip()
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def drop_family(paragraph: str, rules: Sequence[Rule]) -> Rule | None:
    """The first rule that calls this paragraph boilerplate, or None."""
    text = _BULLET.sub("", " ".join(paragraph.split()))
    lowered = text.lower()
    size = len(text)
    for rule in rules:
        # Built-in patterns are lower case and run on lower-cased text: much faster than IGNORECASE.
        if size <= rule.max_chars and rule.pattern.search(lowered if rule.lowered else text):
            return rule
    return None


def clean_paragraphs(
    paragraphs: Sequence[str],
    rules: RuleSet | None = None,
    drop_patterns: tuple[str, ...] = (),
    learned: frozenset[str] = frozenset(),
) -> Cleaned:
    """Drop boilerplate paragraphs by rule, by the source's patterns and by learned hashes."""
    ruleset = rules or builtin_rules()
    active = compile_drop_patterns(drop_patterns) + ruleset.rules
    kept: list[str] = []
    dropped: list[tuple[str, str]] = []
    teaser_lines = 0
    for para in paragraphs:
        if not para.strip():
            continue
        if teaser_lines:
            teaser_lines -= 1
            if len(para) <= TEASER_TITLE_MAX_CHARS and not _SENTENCE_END.search(para):
                dropped.append(("teaser", para))
                continue
            teaser_lines = 0
        rule = drop_family(para, active)
        if rule is not None:
            dropped.append((rule.family, para))
            if rule.heading:
                teaser_lines = TEASER_BLOCK_MAX_LINES
            continue
        kept.append(para)
    if learned:
        kept, gone = _drop_learned(kept, learned)
        dropped.extend(("learned", p) for p in gone)
    return Cleaned(tuple(kept), tuple(dropped))


def _drop_learned(paragraphs: list[str], learned: frozenset[str]) -> tuple[list[str], list[str]]:
    kept, gone = [], []
    for para in paragraphs:
        if len(para) <= LEARNED_MAX_CHARS and paragraph_hash(para) in learned:
            gone.append(para)
        else:
            kept.append(para)
    total = sum(len(p) for p in paragraphs)
    if gone and sum(len(p) for p in gone) > LEARNED_MAX_SHARE * total:
        # Most of the page would vanish: the "template" is this site's article text after all.
        logger.debug("learned boilerplate would remove %d of %d chars; kept", sum(len(p) for p in gone), total)
        return paragraphs, []
    return kept, gone
