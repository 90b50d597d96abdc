"""The built-in boilerplate rules (data in boilerplate.toml) and their loader."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from re import _constants as sre
from re import _parser as sre_parse

RULES_FILE = "boilerplate.toml"


@dataclass(frozen=True)
class Rule:
    """One boilerplate pattern: what family it belongs to and which paragraphs it may judge."""

    family: str
    pattern: re.Pattern[str]
    max_chars: int = 300
    heading: bool = False  # the paragraph introduces a teaser block: the short lines after it go too
    lowered: bool = True  # the pattern is lower case and runs on the lower-cased paragraph
    # Strings one of which every match contains (see required_literals), for a pattern that would otherwise be
    # tried at every position of a paragraph; None when the pattern is cheap or no such strings are known.
    gate: tuple[str, ...] | None = None


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
            pattern = re.compile(_lower_case(str(entry["pattern"]), origin, i))
            rules.append(Rule(
                family=str(entry["family"]),
                pattern=pattern,
                max_chars=int(entry.get("max_chars", 300)),
                heading=bool(entry.get("heading", False)),
                gate=gate_of(pattern),
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


GATE_MIN_CHARS = 3  # shorter required strings occur in too many paragraphs to rule any out


def gate_of(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """The strings one of which a text must contain for `pattern` to match it, when the pattern is tried at more than
    the first position (not anchored by a leading '^', or '^' followed by a lookahead that scans the text) and such
    strings of GATE_MIN_CHARS or more are known; else None.  Patterns with IGNORECASE get None (their strings
    would have to be compared in all cases)."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except re.error:
        return None
    if _anchored(list(parsed)):
        return None
    found = required_literals(list(parsed))
    return tuple(sorted(found, key=len)) if found else None


def _anchored(items: list) -> bool:
    """The pattern starts with '^' (in every branch) and no lookahead right after it: the search tries position 0
    only, and cheaply."""
    if not items:
        return False
    op, av = items[0]
    if op is sre.AT and av is sre.AT_BEGINNING:
        return len(items) < 2 or items[1][0] not in (sre.ASSERT, sre.ASSERT_NOT)
    if op is sre.BRANCH:
        return all(_anchored(list(b)) for b in av[1])
    if op is sre.SUBPATTERN and not av[1] & re.IGNORECASE:
        return _anchored(list(av[3])) and len(items) == 1
    return False


def required_literals(items: list) -> frozenset[str] | None:
    """Strings one of which the text contains wherever the parsed sequence `items` matches (a lookahead's strings
    count: they are in the text too), or None when none are known.  Of the sequence's parts, each of which must
    match, the one with the longest shortest string is taken; a run of literal characters is one string; a branch
    requires one of its branches' strings (none known for one branch: none for the branch); a repeat at least once,
    its item's."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            candidates.append(frozenset({"".join(run)}))
            run.clear()

    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        close_run()
        found: frozenset[str] | None = None
        if op is sre.SUBPATTERN:
            _group, add_flags, _del_flags, sub = av
            if not add_flags & re.IGNORECASE:
                found = required_literals(list(sub))
        elif op is sre.BRANCH:
            branches = [required_literals(list(b)) for b in av[1]]
            if all(b is not None for b in branches):
                found = frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _high, sub = av
            if low >= 1:
                found = required_literals(list(sub))
        elif op is sre.ASSERT:  # a lookahead or lookbehind: its text is in the string as well
            found = required_literals(list(av[1]))
        elif op is sre.ATOMIC_GROUP:
            found = required_literals(list(av))
        if found:
            candidates.append(found)
    close_run()
    usable = [c for c in candidates if min(map(len, c)) >= GATE_MIN_CHARS]
    if not usable:
        return None
    return max(usable, key=lambda c: (min(map(len, c)), -len(c)))
