"""The `storywatch` command line: one sub-command per module, errors as one line, exit codes per CONTRACT.md."""

from __future__ import annotations

import argparse
import atexit
import os
import sys
import threading
from collections.abc import Callable, Sequence
from importlib import import_module
from typing import NoReturn

from crawler import __version__
from crawler.blas import single_threaded_blas

# command -> (module, help); each module has add_arguments(parser) and run(args) -> int.
COMMANDS: dict[str, tuple[str, str]] = {
    "run": ("crawler.run", "one crawl of every story (or one), then exit: the cron job"),
    "schedule": ("crawler.scheduler", "long-running scheduler: each story on its own cron schedule"),
    "extract": ("crawler.extract_command", "extract pages (files or URLs) with the crawl's cleaning"),
    "status": ("crawler.status", "last run and next scheduled run of each story"),
    "timeline": ("crawler.timeline", "a story's articles in the terminal: status, date, source, title, what is new"),
    "export": ("crawler.export", "a story's articles as an Atom feed, JSON lines or CSV"),
    "init": ("crawler.init_command", "write a commented starter config and create the database"),
    "demo": ("crawler.demo.runner", "the whole job offline on bundled demo outlets"),
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, no usage dump: cron mails and terminals both read it at a glance.
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with `command`, only that sub-command's module is imported for its options (the
    others' modules, apscheduler and the exporters among them, cost a cron run about 0.2 CPU seconds to import)."""
    parser = _Parser(prog="storywatch", description="Follow news stories: collect every later article about "
                     "them from chosen outlets, once, as clean text, into SQLite.")
    parser.add_argument("--version", action="version", version=f"storywatch {__version__}",
                        help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (module, help_text) in COMMANDS.items():
        cmd = sub.add_parser(name, help=help_text, description=help_text)
        if command is None or name == command:
            import_module(module).add_arguments(cmd)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # The top-level options take no value: the first word that is not an option names the sub-command.
    first = next((arg for arg in argv if not arg.startswith("-")), None)
    parser = build_parser(first if first in COMMANDS else None)
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    runner: Callable[[argparse.Namespace], int] = import_module(COMMANDS[args.command][0]).run
    try:
        return runner(args)
    except KeyboardInterrupt:
        print("storywatch: interrupted", file=sys.stderr)
        return 130


def entry() -> NoReturn:
    """The `storywatch` console script and `python -m crawler`: numpy's BLAS on one thread (crawler.blas), main(),
    then the process ends (end_process)."""
    single_threaded_blas()
    end_process(main())


def end_process(code: int) -> NoReturn:
    """End the process with `code` once everything it owes is done, without the interpreter's teardown.

    After a crawl the teardown frees every module and object one by one (Scrapy, Twisted, numpy, scipy): about 0.1
    CPU seconds and 0.1-0.2 s of a 20-page cron run's 1.7 s, doing nothing anyone sees. What a normal exit does that
    matters is done first, in its order: the exit handlers (logging's flush and close, multiprocessing's join of
    the workers, weakref finalizers), then stdout and stderr flushed. The store was closed by the command (its
    write-ahead log checkpointed into the database file). While another thread still runs (none should by now), or
    on a Python without these hooks, the normal exit runs instead, which waits for that thread.
    """
    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)
    if threading.active_count() > 1 or run_exit_handlers is None:
        raise SystemExit(code)
    run_exit_handlers()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a closed pipe ('storywatch status | head'): as Python's own exit does
            code = code or 120
    os._exit(code)
