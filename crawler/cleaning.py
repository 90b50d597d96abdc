"""Remove what trafilatura leaves of a news page's furniture: rule families, a source's own patterns, learned lines.

Works on paragraphs (trafilatura's text lines).  Rules come from crawler/rules (data); learned boilerplate is a set of
paragraph hashes that recurred across different articles of one site (storage/boilerplate.py keeps them).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from crawler import site_boilerplate
from crawler.rules import Rule, RuleSet, builtin_rules, compile_drop_patterns
from crawler.site_boilerplate import paragraph_hash

__all__ = ["Cleaned", "clean_paragraphs", "drop_family", "paragraph_hash"]

logger = logging.getLogger(__name__)

# Lines after a teaser heading that look like teaser titles (short, no closing full stop) go with it.
TEASER_TITLE_MAX_CHARS = 130
TEASER_BLOCK_MAX_LINES = 8
_SENTENCE_END = re.compile(r"[.!?…:;\"“”»«’)]\s*$")
_BULLET = re.compile(r"^[-•*–·]\s+")


@dataclass(frozen=True)
class Cleaned:
    """Kept paragraphs in order, and what was dropped with the family that dropped it."""

    paragraphs: tuple[str, ...]
    dropped: tuple[tuple[str, str], ...]  # (family, paragraph)


def drop_family(paragraph: str, rules: Sequence[Rule]) -> Rule | None:
    """The first rule that calls this paragraph boilerplate, or None."""
    text = _BULLET.sub("", " ".join(paragraph.split()))
    lowered = text.lower()
    size = len(text)
    for rule in rules:
        if size > rule.max_chars:
            continue
        gate = rule.gate
        if gate is not None:
            # A pattern tried at every position is tried only when the paragraph holds one of the strings that
            # each of its matches contains (built-in rules: lower case, on the lower-cased text).
            for part in gate:
                if part in lowered:
                    break
            else:
                continue
        # Built-in patterns are lower case and run on lower-cased text: much faster than IGNORECASE.
        if rule.pattern.search(lowered if rule.lowered else text):
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
        kept, gone = site_boilerplate.drop_learned(kept, learned)
        dropped.extend(("learned", p) for p in gone)
    return Cleaned(tuple(kept), tuple(dropped))
