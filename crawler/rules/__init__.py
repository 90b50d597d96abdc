"""The built-in boilerplate rules (data in boilerplate.toml) and their loader."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

RULES_FILE = "boilerplate.toml"


@dataclass(frozen=True)
class Rule:
    """One boilerplate pattern: what family it belongs to and which paragraphs it may judge."""

    family: str
    pattern: re.Pattern[str]
    max_chars: int = 300
    heading: bool = False  # the paragraph introduces a teaser block: the short lines after it go too
    lowered: bool = True  # the pattern is lower case and runs on the lower-cased paragraph


@dataclass(frozen=True)
class RuleSet:
    """Every rule, plus the markers of pages that are walls rather than articles."""

    rules: tuple[Rule, ...]
    blocked_markers: tuple[str, ...]

    @property
    def families(self) -> frozenset[str]:
        """The boilerplate families the rules cover."""
        return frozenset(r.family for r in self.rules)


class RuleError(ValueError):
    """A rule file or a drop pattern that cannot be used (bad regex, missing key)."""


def parse_rules(text: str, origin: str = RULES_FILE) -> RuleSet:
    """Build a RuleSet from the TOML text of a rule file."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"{origin}: {exc}") from exc
    rules = []
    for i, entry in enumerate(data.get("rules", []), 1):
        try:
            rules.append(Rule(
                family=str(entry["family"]),
                pattern=re.compile(_lower_case(str(entry["pattern"]), origin, i)),
                max_chars=int(entry.get("max_chars", 300)),
                heading=bool(entry.get("heading", False)),
            ))
        except KeyError as exc:
            raise RuleError(f"{origin}: rule {i} lacks {exc}") from exc
        except re.error as exc:
            raise RuleError(f"{origin}: rule {i} ({entry.get('family')}): bad pattern: {exc}") from exc
    markers = tuple(str(m).lower() for m in data.get("blocked", {}).get("markers", []))
    return RuleSet(tuple(rules), markers)


def _lower_case(pattern: str, origin: str, index: int) -> str:
    # Rules run on lower-cased text (far faster than IGNORECASE); an upper-case letter could never match.
    if re.search(r"(?<!\\)[A-ZÄÖÜ]", pattern):
        raise RuleError(f"{origin}: rule {index}: write the pattern in lower case (it runs on lower-cased text)")
    return pattern


@lru_cache(maxsize=1)
def builtin_rules() -> RuleSet:
    """The rules shipped with storywatch, parsed once per process (they are immutable)."""
    return parse_rules(files(__package__).joinpath(RULES_FILE).read_text(encoding="utf-8"))


def compile_drop_patterns(patterns: tuple[str, ...]) -> tuple[Rule, ...]:
    """A source's `drop_patterns` as rules of the family 'source' that judge paragraphs of any length."""
    return _compile_drop_patterns(tuple(patterns))


@lru_cache(maxsize=64)
def _compile_drop_patterns(patterns: tuple[str, ...]) -> tuple[Rule, ...]:
    out = []
    for p in patterns:
        try:
            out.append(Rule("source", re.compile(p, re.IGNORECASE), max_chars=1_000_000, lowered=False))
        except re.error as exc:
            raise RuleError(f"drop_patterns: bad pattern {p!r}: {exc}") from exc
    return tuple(out)
