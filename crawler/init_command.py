"""`storywatch init [DIR]`: a commented starter config, its seed file, and the database."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from config.loader import ConfigError, load_config
from config.starter import write_starter
from storage import open_database


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", nargs="?", default=".", metavar="DIR", help="folder for storywatch.toml (default: .)")


def run(args: argparse.Namespace) -> int:
    directory = Path(args.dir)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        path = write_starter(directory)
    except FileExistsError as exc:
        print(f"storywatch: {exc.filename or exc}: exists already, not overwritten", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"storywatch: {directory}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    try:
        config = load_config(path)
    except ConfigError as exc:
        print(f"storywatch: {exc}", file=sys.stderr)
        return 2
    open_database(config.database.path).close()
    print(f"wrote {path}")
    print(f"created {config.database.path}")
    print(f"next: edit {path}, then: storywatch run --config {shlex.quote(str(path.resolve()))}")
    return 0
