"""SQLite storage: the only package that writes SQL."""

from storage.db import open_database

__all__ = ["open_database"]
