"""SQLite storage: the only package that writes SQL."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from storage.db import open_database

__all__ = ["open_database"]


def __getattr__(name: str) -> Any:
    # Loaded on first use: storage.db loads sqlite_utils and numpy (about 0.1 s), and `storywatch run` takes the
    # store's lock (storage.lock) before it needs them (crawler.run).
    if name == "open_database":
        from storage.db import open_database

        return open_database
    raise AttributeError(f"module 'storage' has no attribute {name!r}")
