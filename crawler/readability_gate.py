"""Skip trafilatura's readability comparison on pages where readability provably cannot replace trafilatura's text.

On every page `trafilatura.bare_extraction` runs readability (its `compare_extraction`) and keeps readability's
text instead of its own in a few cases only (`trafilatura.external._prefer_readability`, trafilatura 2.3):
- its own text is empty;
- readability's text is more than twice as long as its own;
- readability's text is longer than twice `min_extracted_size` and its own holds no paragraph text or more tables
  than paragraphs;
- in recall mode, two more cases.
Then justext is tried when its own text is short or holds page furniture (SANITIZED_XPATH).

Readability only selects and drops parts of the page: its text is at most the page's text without scripts, styles
and fencedframes, with whitespace collapsed, plus ' VIDEO' for each iframe. When twice trafilatura's own
text is at least that bound and none of the other cases holds, the comparison returns trafilatura's own text
unchanged. The gate then returns that text without running readability. The result is the same text, not an
approximation. tests/test_readability_gate.py checks it on every fixture page, on every 16th page of
../shared/corpus and on each corpus page where the full comparison changes the text.

Readability took 12-16% of `extract_page`'s CPU on the pages of ../shared/corpus. The bound holds on about half
of those pages (46-49% per corpus) and on every page of benchmarks/crawl_speed.py.

The gate is active only inside `enabled()`, which crawler.extract wraps around its own call of trafilatura. Other
callers of trafilatura in the same process get the unchanged comparison. The rules above are trafilatura 2.3's:
with another version (VERIFIED_VERSION), or without `compare_extraction` in `trafilatura.core`, nothing is replaced
and every page gets the full comparison.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from lxml import etree

_ACTIVE: contextvars.ContextVar[bool] = contextvars.ContextVar("storywatch_readability_gate", default=False)
# Readability writes 'VIDEO' into each iframe of a video it keeps: five characters and a space at most.
_VIDEO_MARK = len("VIDEO") + 1
# The trafilatura whose comparison rules the gate was checked against (a version prefix).
VERIFIED_VERSION = "2.3."
_installed: list[Callable[..., Any] | None] = []  # trafilatura's own compare_extraction, once looked at


@contextmanager
def enabled() -> Iterator[None]:
    """Within this block, trafilatura skips readability on pages where it cannot change the result."""
    _install()
    token = _ACTIVE.set(True)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def text_bound(raw_tree: etree._Element) -> int:
    """An upper bound on the length of readability's text for this tree (trafilatura trims it to single spaces).

    Drops the tree's scripts, styles and fencedframes, as readability's first step does (their tails stay): the
    comparison gets this tree for readability, so readability's result is the same."""
    etree.strip_elements(raw_tree, "script", "style", "fencedframe", with_tail=False)
    text = etree.tostring(raw_tree, method="text", encoding="unicode")
    return len(" ".join(text.split())) + _VIDEO_MARK * sum(1 for _ in raw_tree.iter("iframe"))


def readability_cannot_win(raw_tree: etree._Element, body: etree._Element, text: str, options: Any) -> bool:
    """True when trafilatura's comparison would return `body` and `text` unchanged (see the module docstring)."""
    from trafilatura.external import SANITIZED_XPATH

    if options.focus == "recall" or not text or len(text) < options.min_extracted_size:
        return False
    if not body.xpath(".//p//text()") or len(body.findall(".//table")) > len(body.findall(".//p")):
        return False
    if body.xpath(SANITIZED_XPATH):
        return False
    # Readability's text can be at most twice as long as trafilatura's: by the length rule it never wins.
    return 2 * len(text) >= text_bound(raw_tree)


def _install() -> None:
    if _installed:
        return
    import trafilatura
    from trafilatura import core

    original = getattr(core, "compare_extraction", None)
    _installed.append(original)
    if original is None or not trafilatura.__version__.startswith(VERIFIED_VERSION):
        return  # nothing replaced: the gate stays off

    def compare_extraction(cleaned_tree: Any, raw_tree: Any, body: Any, text: str, options: Any) -> Any:
        if _ACTIVE.get() and readability_cannot_win(raw_tree, body, text, options):
            return body, text
        return original(cleaned_tree, raw_tree, body, text, options)

    core.compare_extraction = compare_extraction
