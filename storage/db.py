"""Opening the database: WAL, busy timeout, migrations, private file permissions."""

from __future__ import annotations

import os
from pathlib import Path

from sqlite_utils import Database

from storage.schema import migrations

BUSY_TIMEOUT_MS = 30_000


def open_database(path: Path | str, *, migrate: bool = True) -> Database:
    """Open (creating if needed) the storywatch database at `path`, in WAL mode, migrated to the newest schema."""
    path = Path(path)
    if not path.exists():
        # Create it ourselves so that it is never world-writable, whatever the umask.
        fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o640)
        os.close(fd)
    db = Database(path)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        db.enable_wal()
    db.execute("PRAGMA synchronous = NORMAL")
    if migrate:
        migrations.apply(db)
    return db
