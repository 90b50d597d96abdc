"""Words and widths for people reading a terminal: plurals, text cut to a column, the terminal's width."""

from __future__ import annotations

import shutil


def plural(n: int, word: str) -> str:
    """`1 error`, `2 errors`."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def cut(text: str, width: int) -> str:
    """`text` in at most `width` characters, an ellipsis where it was cut."""
    if width <= 0:
        return ""
    return text if len(text) <= width else text[: width - 1] + "…"


def width(default: int = 110) -> int:
    """Columns of the terminal on stdout (or $COLUMNS); `default` when it is not a terminal."""
    return shutil.get_terminal_size((default, 24)).columns
