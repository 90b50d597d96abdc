"""Logging for the commands: plain lines by default, JSON lines with `--log-format json`."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from datetime import UTC, datetime

# Scrapy and Twisted talk a lot; their warnings are worth a line, their chatter is not.
_QUIET = ("scrapy", "twisted", "trafilatura", "htmldate", "courlan", "charset_normalizer", "filelock", "asyncio")


def add_logging_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--log-format", choices=("text", "json"), default="text", help="log line format")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log lines (-vv: debug)")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="only errors; `run` then prints no summary for an ok run (for cron)")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def setup_logging(args: argparse.Namespace) -> None:
    verbose = getattr(args, "verbose", 0)
    level = logging.ERROR if getattr(args, "quiet", False) else (
        logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG)
    handler = logging.StreamHandler(sys.stderr)
    # Propagated records skip the root logger's level: the handler's own level is what holds libraries back.
    handler.setLevel(level)
    if getattr(args, "log_format", "text") == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s",
                                               "%Y-%m-%d %H:%M:%S"))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    quiet_libraries()


def quiet_libraries() -> None:
    """Hold the libraries' loggers to warnings unless -vv asked for debug (Scrapy resets them when it starts)."""
    level = logging.getLogger().level
    for name in _QUIET:
        logging.getLogger(name).setLevel(level if level <= logging.DEBUG else max(level, logging.WARNING))
    # Scrapy's retry and robots.txt middlewares report failures as errors with tracebacks; the spider counts and
    # logs each failure once, in one line.
    for name in ("scrapy.downloadermiddlewares.retry", "scrapy.downloadermiddlewares.robotstxt"):
        logging.getLogger(name).setLevel(logging.CRITICAL if level > logging.DEBUG else logging.DEBUG)
