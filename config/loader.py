"""Find, read and validate the TOML config; the result is a `config.model.Config` with absolute paths.

Every problem is a `ConfigError` whose message is one line: ``FILE: KEY: PROBLEM``. Keys are written as a reader
finds them in the file, with 1-based positions in arrays of tables: ``stories[1].seeds[2]`` is the second seed of
the first ``[[stories]]`` table.

Decisions a user may ask about:

- Relative paths (database, seed files) are relative to the config file's folder; ``~`` is expanded.
- The database's folder must exist and be writable; it is not created, so that a typo in ``path`` is an error
  rather than a new database in an unexpected place (``storywatch init DIR`` creates DIR itself).
- An integer is accepted where a float is expected (``timeout = 30``), never the other way round, and a boolean is
  never a number.
"""

from __future__ import annotations

import dataclasses
import difflib
import logging
import math
import os
import re
import tomllib
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from config.model import DEFAULT_MIN_SIMILARITY, Config, CrawlSettings, DatabaseSettings, Seed, Source, Story
from config.query import QuerySyntaxError, parse_query

logger = logging.getLogger(__name__)

ENV_VAR = "STORYWATCH_CONFIG"
DEFAULT_LOCATION = Path("config") / "storywatch.toml"  # relative to the working folder
CONFIG_FILE_NAME = "storywatch.toml"

TOP_KEYS = ("database", "crawl", "sources", "stories")
DATABASE_KEYS = ("path",)
SOURCE_KEYS = ("name", "url", "feeds", "sitemaps", "sections", "drop_patterns")
STORY_KEYS = ("id", "title", "query", "seeds", "languages", "since", "schedule", "min_similarity")
SEED_SUFFIXES = (".txt", ".html", ".htm")

# The lowest value each numeric [crawl] key may take, and whether that value itself is allowed.
# A numeric CrawlSettings field missing here must be >= 0.
CRAWL_MINIMUM: dict[str, tuple[float, bool]] = {
    "download_delay": (0, True),
    "concurrent_requests_per_domain": (1, True),
    "concurrent_requests": (1, True),
    "timeout": (0, False),
    "max_page_bytes": (0, False),
    "revisit_hours": (0, True),
    "retries": (0, True),
    "max_links_per_page": (1, True),
    "sitemap_max_age_days": (1, True),
    "frontier_retry_minutes": (0, True),
    "frontier_max_attempts": (1, True),
}

STORY_ID_RE = re.compile(r"[A-Za-z0-9_-]+")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TOML_POSITION_RE = re.compile(r"^(?P<msg>.*) \(at line (?P<line>\d+), column (?P<col>\d+)\)$")
_TOML_END_RE = re.compile(r"^(?P<msg>.*) \(at end of document\)$")

# ISO 639-1, the two-letter codes that trafilatura's and py3langid's language detection gives.
_ISO_639_1_CODES = """
aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo
es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg
ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn
no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta
te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
"""
ISO_639_1 = frozenset(_ISO_639_1_CODES.split())


class ConfigError(Exception):
    """A config that cannot be used; `str()` is one line naming the file, the key and the problem."""

    def __init__(self, message: str, *, file: Path | str | None = None, key: str | None = None,
                 problem: str | None = None) -> None:
        one_line = " ".join(message.split())  # a newline in a value must not break the one-line promise
        super().__init__(one_line)
        self.file = file
        self.key = key
        self.problem = problem

    @classmethod
    def at(cls, file: Path | str, key: str | None, problem: str) -> ConfigError:
        """The error for `key` (None: the whole file) of `file`."""
        message = f"{file}: {key}: {problem}" if key else f"{file}: {problem}"
        return cls(message, file=file, key=key, problem=problem)


def find_config(explicit: str | os.PathLike[str] | None) -> Path:
    """The config file: `explicit` (--config), else $STORYWATCH_CONFIG, else ./config/storywatch.toml.

    The first of these that is given is the only one tried: a --config or $STORYWATCH_CONFIG that names a missing
    file is an error, not a reason to read another config. A folder stands for its storywatch.toml.
    """
    env = os.environ.get(ENV_VAR, "").strip()
    if explicit is not None and str(explicit).strip():
        origin, candidate = "--config", Path(explicit)
    elif env:
        origin, candidate = f"${ENV_VAR}", Path(env)
    else:
        origin, candidate = "default", DEFAULT_LOCATION
    path = _absolute(candidate.expanduser())
    if path.is_dir():
        path = path / CONFIG_FILE_NAME
    if path.is_file():
        return path
    if origin == "default":
        problem = (f"no config file found (tried {path}; --config and ${ENV_VAR} not given); "
                   f"pass --config PATH, set ${ENV_VAR} or run 'storywatch init'")
    else:
        problem = f"no config file found (tried {path}, from {origin})"
    raise ConfigError(problem, file=path, problem=problem)


def load_config(path: Path | str) -> Config:
    """Read and validate the config at `path`; raises ConfigError (one line) on the first problem."""
    file = _absolute(Path(path).expanduser())
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise ConfigError.at(file, None, f"cannot read: {exc.strerror or exc}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError.at(file, None, f"not UTF-8 text (byte {exc.start + 1})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError.at(file, None, _toml_problem(exc)) from None
    return _Validator(file).config(data)


def _absolute(path: Path) -> Path:
    """An absolute, normalised path; symlinks are kept (the user named this path, not its target)."""
    return Path(os.path.abspath(path))


def _toml_problem(exc: tomllib.TOMLDecodeError) -> str:
    text = str(exc)
    m = _TOML_POSITION_RE.match(text)
    if m:
        return f"line {m['line']}, column {m['col']}: TOML syntax: {m['msg']}"
    m = _TOML_END_RE.match(text)
    if m:
        return f"at the end: TOML syntax: {m['msg']}"
    return f"TOML syntax: {text}"


def _describe(value: object) -> str:
    """A value's TOML type and a short rendering, for messages."""
    kind = {bool: "a boolean", int: "an integer", float: "a float", str: "a string", list: "an array",
            dict: "a table", date: "a date", datetime: "a date-time"}.get(type(value), type(value).__name__)
    if isinstance(value, dict | list):
        return kind
    shown = repr(value) if not isinstance(value, date | datetime) else value.isoformat()
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return f"{kind} ({shown})"


class _Validator:
    """Turns the parsed TOML of one file into a Config; every check knows the file for its error."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self.folder = file.parent

    def error(self, key: str | None, problem: str) -> ConfigError:
        return ConfigError.at(self.file, key, problem)

    # --- structure ----------------------------------------------------------------------------------------

    def check_keys(self, table: Mapping[str, Any], allowed: tuple[str, ...], prefix: str) -> None:
        for key in table:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
                hint = f"did you mean '{close[0]}'?" if close else "allowed: " + ", ".join(allowed)
                raise self.error(f"{prefix}{key}", f"unknown key ({hint})")

    def table(self, data: Mapping[str, Any], key: str, required: bool) -> dict[str, Any]:
        value = data.get(key)
        if value is None:
            if required:
                raise self.error(key, f"missing (add a [{key}] table)")
            return {}
        if not isinstance(value, dict):
            raise self.error(key, f"expected a table ([{key}]), got {_describe(value)}")
        return value

    def array_of_tables(self, data: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.error(key, f"expected an array of tables ([[{key}]]), got {_describe(value)}")
        return value

    # --- values -------------------------------------------------------------------------------------------

    def string(self, table: Mapping[str, Any], key: str, where: str, *, required: bool = False,
               empty_ok: bool = False) -> str | None:
        if key not in table:
            if required:
                raise self.error(where, "missing (required)")
            return None
        value = table[key]
        if not isinstance(value, str):
            raise self.error(where, f"expected a string, got {_describe(value)}")
        if not empty_ok and not value.strip():
            raise self.error(where, "must not be empty")
        return value

    def string_list(self, table: Mapping[str, Any], key: str, where: str) -> list[str]:
        value = table.get(key, [])
        if isinstance(value, str):
            raise self.error(where, f'expected an array of strings, got a string (write ["{value}"])')
        if not isinstance(value, list):
            raise self.error(where, f"expected an array of strings, got {_describe(value)}")
        for i, item in enumerate(value, start=1):
            if not isinstance(item, str):
                raise self.error(f"{where}[{i}]", f"expected a string, got {_describe(item)}")
        return value

    def number(self, value: object, where: str, kind: type[int | float]) -> int | float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.error(where, f"expected {'an integer' if kind is int else 'a number'}, got {_describe(value)}")
        if kind is int and isinstance(value, float):
            raise self.error(where, f"expected an integer, got {_describe(value)}")
        if isinstance(value, float) and not math.isfinite(value):  # nan compares false to every bound
            raise self.error(where, f"must be a finite number, got {value}")
        return float(value) if kind is float else value

    def url(self, value: str, where: str) -> str:
        url = value.strip()
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018 - raises ValueError for a bad port
        except ValueError as exc:
            raise self.error(where, f"not a valid URL: {value!r} ({exc})") from None
        if parts.scheme.lower() not in ("http", "https"):
            raise self.error(where, f"not an http(s) URL: {value!r}")
        if not parts.hostname:
            raise self.error(where, f"URL without a host: {value!r}")
        if any(ch.isspace() for ch in url):
            raise self.error(where, f"URL with a space in it: {value!r}")
        return url

    def local_path(self, value: str) -> Path:
        path = Path(value).expanduser()
        return _absolute(path if path.is_absolute() else self.folder / path)

    # --- sections -----------------------------------------------------------------------------------------

    def config(self, data: dict[str, Any]) -> Config:
        self.check_keys(data, TOP_KEYS, "")
        database = self.database(self.table(data, "database", required=True))
        crawl = self.crawl(self.table(data, "crawl", required=False))
        sources = self.sources(self.array_of_tables(data, "sources"))
        stories = self.stories(self.array_of_tables(data, "stories"))
        return Config(path=self.file, database=database, crawl=crawl, sources=sources, stories=stories)

    def database(self, table: dict[str, Any]) -> DatabaseSettings:
        self.check_keys(table, DATABASE_KEYS, "database.")
        value = self.string(table, "path", "database.path", required=True)
        assert value is not None
        path = self.local_path(value)
        folder = path.parent
        if path.is_dir():
            raise self.error("database.path", f"{path} is a folder; name the database file inside it")
        if not folder.is_dir():
            raise self.error("database.path", f"folder {folder} does not exist (create it, or fix the path)")
        if not os.access(folder, os.W_OK | os.X_OK):
            raise self.error("database.path", f"folder {folder} is not writable")
        if path.exists() and not os.access(path, os.R_OK | os.W_OK):
            raise self.error("database.path", f"{path} is not readable and writable")
        return DatabaseSettings(path=path)

    def crawl(self, table: dict[str, Any]) -> CrawlSettings:
        fields = {f.name: f for f in dataclasses.fields(CrawlSettings)}
        self.check_keys(table, tuple(fields), "crawl.")
        values: dict[str, Any] = {}
        for key, value in table.items():
            where = f"crawl.{key}"
            kind = fields[key].type  # a string: the model uses `from __future__ import annotations`
            if kind == "bool":
                if not isinstance(value, bool):
                    raise self.error(where, f"expected true or false, got {_describe(value)}")
            elif kind == "str":
                value = self.string(table, key, where)
            elif kind in ("int", "float"):
                value = self.number(value, where, int if kind == "int" else float)
                low, inclusive = CRAWL_MINIMUM.get(key, (0, True))
                if value < low or (value == low and not inclusive):
                    raise self.error(where, f"must be {'at least' if inclusive else 'greater than'} {low:g}, "
                                            f"got {value:g}")
            else:  # a new field of a type this loader does not know yet: fail loudly for the developer
                raise self.error(where, f"cannot read settings of type {kind}")
            values[key] = value
        return CrawlSettings(**values)

    def sources(self, tables: list[dict[str, Any]]) -> tuple[Source, ...]:
        sources: list[Source] = []
        seen: dict[str, int] = {}
        for i, table in enumerate(tables, start=1):
            at = f"sources[{i}]"
            self.check_keys(table, SOURCE_KEYS, f"{at}.")
            name = self.string(table, "name", f"{at}.name", required=True)
            assert name is not None
            name = name.strip()
            if name.casefold() in seen:
                raise self.error(f"{at}.name", f"duplicate source name '{name}' (also sources[{seen[name.casefold()]}])")
            seen[name.casefold()] = i
            url = self.string(table, "url", f"{at}.url", required=True)
            assert url is not None
            lists = {}
            for key in ("feeds", "sitemaps", "sections"):
                lists[key] = tuple(self.url(u, f"{at}.{key}[{j}]")
                                   for j, u in enumerate(self.string_list(table, key, f"{at}.{key}"), start=1))
            patterns = self.string_list(table, "drop_patterns", f"{at}.drop_patterns")
            for j, pattern in enumerate(patterns, start=1):
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise self.error(f"{at}.drop_patterns[{j}]", f"not a valid regular expression: {exc}") from None
            sources.append(Source(name=name, url=self.url(url, f"{at}.url"), feeds=lists["feeds"],
                                  sitemaps=lists["sitemaps"], sections=lists["sections"],
                                  drop_patterns=tuple(patterns)))
        return tuple(sources)

    def stories(self, tables: list[dict[str, Any]]) -> tuple[Story, ...]:
        if not tables:
            raise self.error("stories", "missing (add at least one [[stories]] table with id, title and query)")
        stories: list[Story] = []
        seen: dict[str, int] = {}
        for i, table in enumerate(tables, start=1):
            stories.append(self.story(table, f"stories[{i}]"))
            story_id = stories[-1].id
            if story_id in seen:
                raise self.error(f"stories[{i}].id", f"duplicate story id '{story_id}' (also stories[{seen[story_id]}])")
            seen[story_id] = i
        return tuple(stories)

    def story(self, table: dict[str, Any], at: str) -> Story:
        self.check_keys(table, STORY_KEYS, f"{at}.")
        story_id = self.string(table, "id", f"{at}.id", required=True)
        assert story_id is not None
        if not STORY_ID_RE.fullmatch(story_id):
            raise self.error(f"{at}.id", f"'{story_id}' may hold only letters a-z, A-Z, digits, '-' and '_'")
        title = self.string(table, "title", f"{at}.title", required=True)
        query_text = self.string(table, "query", f"{at}.query", required=True, empty_ok=True)
        assert title is not None and query_text is not None
        try:
            query = parse_query(query_text)
        except QuerySyntaxError as exc:
            raise self.error(f"{at}.query", str(exc)) from None
        seeds = tuple(self.seed(s, f"{at}.seeds[{j}]")
                      for j, s in enumerate(self.string_list(table, "seeds", f"{at}.seeds"), start=1))
        languages = []
        for j, code in enumerate(self.string_list(table, "languages", f"{at}.languages"), start=1):
            if code.strip().lower() not in ISO_639_1:
                raise self.error(f"{at}.languages[{j}]", f"'{code}' is not an ISO 639-1 language code (like 'de')")
            languages.append(code.strip().lower())
        schedule = self.string(table, "schedule", f"{at}.schedule")
        if schedule is not None:
            schedule = self.schedule(schedule.strip(), f"{at}.schedule")
        min_similarity = DEFAULT_MIN_SIMILARITY
        if "min_similarity" in table:
            min_similarity = float(self.number(table["min_similarity"], f"{at}.min_similarity", float))
            if not 0.0 <= min_similarity <= 1.0:
                raise self.error(f"{at}.min_similarity", f"must be between 0 and 1, got {min_similarity:g}")
        return Story(id=story_id, title=title.strip(), query_text=query_text, query=query, seeds=seeds,
                     languages=tuple(dict.fromkeys(languages)), since=self.since(table, f"{at}.since"),
                     schedule=schedule, min_similarity=min_similarity)

    def seed(self, value: str, where: str) -> Seed:
        text = value.strip()
        if not text:
            raise self.error(where, "must not be empty")
        if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", text):
            return Seed(url=self.url(text, where))
        path = self.local_path(text)
        if path.suffix.lower() not in SEED_SUFFIXES:
            raise self.error(where, f"a seed is an http(s) URL or a .txt/.html file, got {value!r}")
        if not path.is_file():
            raise self.error(where, f"seed file {path} does not exist")
        if not os.access(path, os.R_OK):
            raise self.error(where, f"seed file {path} is not readable")
        return Seed(path=path)

    def since(self, table: dict[str, Any], where: str) -> date | None:
        value = table.get("since")
        if value is None:
            return None
        if isinstance(value, datetime):
            raise self.error(where, f"expected a date like 2024-12-08, got a date-time ({value.isoformat()})")
        if isinstance(value, date):
            return value
        if isinstance(value, str) and _DATE_RE.fullmatch(value.strip()):
            try:
                return date.fromisoformat(value.strip())
            except ValueError as exc:
                raise self.error(where, f"not a valid date: {value!r} ({exc})") from None
        raise self.error(where, f"expected a date like 2024-12-08, got {_describe(value)}")

    def schedule(self, text: str, where: str) -> str:
        # Imported here: config.cron is another module's concern and only needed when a story has a schedule.
        from config.cron import CronError, parse_cron

        try:
            parse_cron(text)
        except CronError as exc:
            raise self.error(where, f"bad cron expression: {exc}") from None
        return text



# Every key a config may hold, by table ("" is the top level): for docs checks and editors.
KNOWN_KEYS: Mapping[str, tuple[str, ...]] = {
    "": TOP_KEYS,
    "database": DATABASE_KEYS,
    "crawl": tuple(f.name for f in dataclasses.fields(CrawlSettings)),
    "sources": SOURCE_KEYS,
    "stories": STORY_KEYS,
}
