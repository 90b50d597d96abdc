"""trafilatura's removal of the characters XML does not allow, run only on pages that hold one.

Before it parses a page, trafilatura deletes control characters (other than tab and line breaks), U+FFFE and U+FFFF
from the whole HTML with a regular expression (`trafilatura.utils.INVALID_XML_CHARS`, in `repair_faulty_html`).
Python's pattern engine tests every character of the page on its own: 0.5-1.7 ms a page of 100-360 KB (generated
benchmark pages, zyte and fundus pages of ../shared/corpus), about a twentieth of a worker's CPU, while almost no
page holds such a character (none of 210 sampled pages).  numpy finds out whether one is there from the page's
UTF-16 code units at once (37-490 us on the same pages), and only a page that holds one goes through the pattern.

The answer is exact, not a guess: in UTF-16 every character below U+10000 is one code unit of its own value, and a
character above is two surrogates (0xD800-0xDFFF), which are neither below 0x20 nor 0xFFFE or 0xFFFF. A string that
UTF-16 cannot encode (a lone surrogate) goes through the pattern.  The pattern object is replaced only when it is the
one this was written for; another trafilatura keeps its own.
"""

from __future__ import annotations

import functools
import re
from typing import Any

# trafilatura.utils.INVALID_XML_CHARS as this module knows it.
PATTERN = r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]"
ALLOWED_CONTROLS = (0x09, 0x0A, 0x0D)  # tab, line feed, carriage return


def may_hold(text: str) -> bool:
    """Whether `text` holds a character of PATTERN (False only when it surely does not)."""
    import numpy as np

    try:
        units = np.frombuffer(text.encode("utf-16-le"), dtype="<u2")
    except UnicodeEncodeError:  # a lone surrogate: let the pattern decide
        return True
    controls = units[units < 0x20]
    if controls.size and bool(np.isin(controls, ALLOWED_CONTROLS, invert=True).any()):
        return True
    return bool((units >= 0xFFFE).any())


class CheckedPattern:
    """A compiled PATTERN whose `sub` returns the text as it is when may_hold() says it holds none of it; every
    other use goes to the pattern itself."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern

    def sub(self, repl: Any, string: Any, count: int = 0) -> Any:
        if isinstance(string, str) and not may_hold(string):
            return string
        return self.pattern.sub(repl, string, count)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.pattern, name)


@functools.cache
def install() -> bool:
    """Let trafilatura's HTML repair use CheckedPattern (once a process); False when its pattern is not PATTERN."""
    from trafilatura import utils

    current = getattr(utils, "INVALID_XML_CHARS", None)
    if isinstance(current, CheckedPattern):
        return True
    if not isinstance(current, re.Pattern) or current.pattern != PATTERN or current.flags != re.UNICODE:
        return False
    utils.INVALID_XML_CHARS = CheckedPattern(current)
    return True
