"""Loading and validating the TOML config: one-line errors, typed values, lookup order, shipped files."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from datetime import date
from pathlib import Path

import pytest

from config.loader import KNOWN_KEYS, STORY_KEYS, ConfigError, find_config, load_config
from config.model import DEFAULT_MIN_SIMILARITY, CrawlSettings, Seed, Source, Story
from config.starter import write_starter

REPO = Path(__file__).resolve().parents[1]

VALID = """\
[database]
path = "data/storywatch.db"

[crawl]
user_agent = "test/1.0 (+mailto:test@example.org)"
obey_robots_txt = false
download_delay = 0
timeout = 10
max_page_bytes = 1_000_000

[[sources]]
name = "Example News"
url = "https://www.example.de/"
feeds = ["https://www.example.de/politik/rss.xml"]
sitemaps = ["https://www.example.de/sitemap-news.xml"]
sections = ["https://www.example.de/politik/"]
drop_patterns = ["^Lesen Sie auch"]

[[sources]]
name = "Other"
url = "http://127.0.0.1:8080/"

[[stories]]
id = "assad-putin-saqr"
title = "Putin ließ Assad vor dem Sturz hängen"
query = 'Assad* AND (Putin OR Kreml* OR Moskau)'
seeds = ["seeds/story.txt", "https://www.example.de/some-article.html"]
languages = ["de"]
since = "2024-11-27"
schedule = "*/30 * * * *"

[[stories]]
id = "second_story"
title = "Zweite"
query = "Trinkwasser"
since = 2025-03-01
min_similarity = 0.3
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "story.txt").write_text("Eine Zusammenfassung.\n", encoding="utf-8")
    return tmp_path


def write(folder: Path, text: str) -> Path:
    path = folder / "storywatch.toml"
    path.write_text(text, encoding="utf-8")
    return path


# --- a valid config -------------------------------------------------------------------------------------------


def test_valid_config_gives_typed_values_and_absolute_paths(folder: Path) -> None:
    config = load_config(write(folder, VALID))
    assert config.path == folder / "storywatch.toml"
    assert config.database.path == folder / "data" / "storywatch.db"
    assert config.crawl == CrawlSettings(user_agent="test/1.0 (+mailto:test@example.org)", obey_robots_txt=False,
                                         download_delay=0.0, timeout=10.0, max_page_bytes=1_000_000)
    assert isinstance(config.crawl.timeout, float) and isinstance(config.crawl.download_delay, float)
    assert config.sources[0] == Source(
        name="Example News", url="https://www.example.de/", feeds=("https://www.example.de/politik/rss.xml",),
        sitemaps=("https://www.example.de/sitemap-news.xml",), sections=("https://www.example.de/politik/",),
        drop_patterns=("^Lesen Sie auch",))
    story = config.story("assad-putin-saqr")
    assert story.seeds == (Seed(path=folder / "seeds" / "story.txt"),
                           Seed(url="https://www.example.de/some-article.html"))
    assert story.languages == ("de",)
    assert story.since == date(2024, 11, 27)
    assert story.schedule == "*/30 * * * *"
    assert story.min_similarity == DEFAULT_MIN_SIMILARITY
    assert str(story.query) == "Assad* AND (Putin OR Kreml* OR Moskau)"
    assert story.query_text == "Assad* AND (Putin OR Kreml* OR Moskau)"
    second = config.story("second_story")
    assert (second.since, second.min_similarity, second.seeds, second.languages, second.schedule) == (
        date(2025, 3, 1), 0.3, (), (), None)


def test_relative_paths_resolve_against_the_config_folder_not_the_cwd(
        folder: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(folder, VALID)
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))
    config = load_config(path)
    assert config.database.path == folder / "data" / "storywatch.db"
    assert config.stories[0].seeds[0].path == folder / "seeds" / "story.txt"


def test_a_relative_config_path_becomes_absolute(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(folder, VALID)
    monkeypatch.chdir(folder)
    config = load_config("storywatch.toml")
    assert config.path == folder / "storywatch.toml"
    assert config.database.path.is_absolute()


def test_absolute_seed_paths_are_kept(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    other = tmp_path_factory.mktemp("seeds") / "far.html"
    other.write_text("<p>x</p>", encoding="utf-8")
    config = load_config(write(folder, VALID.replace('"seeds/story.txt"', f'"{other}"')))
    assert config.stories[0].seeds[0] == Seed(path=other)


# --- broken configs -------------------------------------------------------------------------------------------

# (case id, replace this, with this, the key named in the message, a piece of the problem)
BROKEN = [
    ("toml-syntax", 'title = "Zweite"', 'title = "Zweite', None, "line 34, column 16: TOML syntax: Illegal character"),
    ("duplicate-toml-key", 'title = "Zweite"', 'title = "Zweite"\ntitle = "x"', None, "TOML syntax"),
    ("unknown-top-key", "[database]", "[databse]", "databse", "unknown key (did you mean 'database'?)"),
    ("unknown-crawl-key", "download_delay = 0", "dowload_delay = 0", "crawl.dowload_delay",
     "unknown key (did you mean 'download_delay'?)"),
    ("unknown-key-no-match", "timeout = 10", "zzz = 10", "crawl.zzz", "unknown key (allowed: user_agent, "),
    ("unknown-story-key", "languages = [\"de\"]", "language = [\"de\"]", "stories[1].language",
     "did you mean 'languages'?"),
    ("unknown-source-key", 'feeds = ["https://www.example.de/politik/rss.xml"]',
     'feed = ["https://www.example.de/politik/rss.xml"]', "sources[1].feed", "did you mean 'feeds'?"),
    ("unknown-database-key", 'path = "data/storywatch.db"', 'path = "data/storywatch.db"\nfile = "x"',
     "database.file", "unknown key"),
    ("missing-database", '[database]\npath = "data/storywatch.db"\n', "", "database", "missing"),
    ("missing-database-path", 'path = "data/storywatch.db"', "", "database.path", "missing (required)"),
    ("timeout-string", "timeout = 10", 'timeout = "10"', "crawl.timeout", "expected a number, got a string ('10')"),
    ("bool-is-not-a-number", "timeout = 10", "timeout = true", "crawl.timeout", "expected a number, got a boolean"),
    ("float-for-int", "max_page_bytes = 1_000_000", "max_page_bytes = 1e6", "crawl.max_page_bytes",
     "expected an integer, got a float (1000000.0)"),
    ("int-for-bool", "obey_robots_txt = false", "obey_robots_txt = 0", "crawl.obey_robots_txt",
     "expected true or false, got an integer (0)"),
    ("timeout-zero", "timeout = 10", "timeout = 0", "crawl.timeout", "must be greater than 0, got 0"),
    ("negative-delay", "download_delay = 0", "download_delay = -1", "crawl.download_delay",
     "must be at least 0, got -1"),
    ("nan-delay", "download_delay = 0", "download_delay = nan", "crawl.download_delay", "must be a finite number"),
    ("max-page-bytes-zero", "max_page_bytes = 1_000_000", "max_page_bytes = 0", "crawl.max_page_bytes",
     "must be greater than 0"),
    ("empty-user-agent", 'user_agent = "test/1.0 (+mailto:test@example.org)"', 'user_agent = " "',
     "crawl.user_agent", "must not be empty"),
    ("crawl-not-a-table", VALID[:VALID.index("[[sources]]")], 'crawl = 5\n[database]\npath = "data/x.db"\n', "crawl",
     "expected a table ([crawl]), got an integer (5)"),
    ("stories-not-an-array", "[[stories]]\nid = \"second_story\"", "[stories2]\nid = \"second_story\"",
     "stories2", "unknown key (did you mean 'stories'?)"),
    ("missing-story-id", 'id = "second_story"\n', "", "stories[2].id", "missing (required)"),
    ("missing-story-title", 'title = "Zweite"\n', "", "stories[2].title", "missing (required)"),
    ("missing-story-query", 'query = "Trinkwasser"\n', "", "stories[2].query", "missing (required)"),
    ("duplicate-story-id", 'id = "second_story"', 'id = "assad-putin-saqr"', "stories[2].id",
     "duplicate story id 'assad-putin-saqr' (also stories[1])"),
    ("bad-story-id", 'id = "second_story"', 'id = "zweite story"', "stories[2].id",
     "may hold only letters a-z, A-Z, digits, '-' and '_'"),
    ("story-id-not-a-string", 'id = "second_story"', "id = 2", "stories[2].id", "expected a string, got an integer"),
    ("bad-query", "query = 'Assad* AND (Putin OR Kreml* OR Moskau)'", "query = 'Assad AND'", "stories[1].query",
     "column 7: AND without a right operand"),
    ("unbalanced-query", "query = 'Assad* AND (Putin OR Kreml* OR Moskau)'", "query = 'Assad* AND (Putin'",
     "stories[1].query", "column 12: unbalanced parenthesis"),
    ("empty-query", 'query = "Trinkwasser"', 'query = ""', "stories[2].query", "column 1: empty query"),
    ("missing-seed-file", '"seeds/story.txt"', '"seeds/nothere.txt"', "stories[1].seeds[1]",
     "seed file {folder}/seeds/nothere.txt does not exist"),
    ("seed-with-other-suffix", '"seeds/story.txt"', '"seeds/story.pdf"', "stories[1].seeds[1]",
     "a seed is an http(s) URL or a .txt/.html file"),
    ("seed-ftp-url", '"https://www.example.de/some-article.html"', '"ftp://www.example.de/a.html"',
     "stories[1].seeds[2]", "not an http(s) URL: 'ftp://www.example.de/a.html'"),
    ("seeds-not-a-list", 'seeds = ["seeds/story.txt", "https://www.example.de/some-article.html"]',
     'seeds = "seeds/story.txt"', "stories[1].seeds", 'expected an array of strings, got a string'),
    ("seed-not-a-string", '"seeds/story.txt", ', "3, ", "stories[1].seeds[1]", "expected a string, got an integer"),
    ("database-folder-missing", 'path = "data/storywatch.db"', 'path = "nowhere/deeper/storywatch.db"',
     "database.path", "folder {folder}/nowhere/deeper does not exist"),
    ("database-is-a-folder", 'path = "data/storywatch.db"', 'path = "data"', "database.path",
     "{folder}/data is a folder"),
    ("source-url-without-scheme", 'url = "https://www.example.de/"', 'url = "www.example.de"', "sources[1].url",
     "not an http(s) URL: 'www.example.de'"),
    ("source-url-without-host", 'url = "https://www.example.de/"', 'url = "https:///politik"', "sources[1].url",
     "URL without a host"),
    ("feed-url-bad-port", '"https://www.example.de/politik/rss.xml"', '"https://www.example.de:99999/rss"',
     "sources[1].feeds[1]", "not a valid URL"),
    ("section-url-file", '"https://www.example.de/politik/"', '"file:///etc/passwd"', "sources[1].sections[1]",
     "not an http(s) URL"),
    ("missing-source-url", 'url = "http://127.0.0.1:8080/"\n', "", "sources[2].url", "missing (required)"),
    ("missing-source-name", 'name = "Other"\n', "", "sources[2].name", "missing (required)"),
    ("duplicate-source-name", 'name = "Other"', 'name = "example news"', "sources[2].name",
     "duplicate source name 'example news' (also sources[1])"),
    ("bad-drop-pattern", '"^Lesen Sie auch"', '"(unclosed"', "sources[1].drop_patterns[1]",
     "not a valid regular expression"),
    ("bad-language", 'languages = ["de"]', 'languages = ["de", "deu"]', "stories[1].languages[2]",
     "'deu' is not an ISO 639-1 language code"),
    ("bad-since-string", 'since = "2024-11-27"', 'since = "27.11.2024"', "stories[1].since",
     "expected a date like 2024-12-08, got a string ('27.11.2024')"),
    ("impossible-since", 'since = "2024-11-27"', 'since = "2024-02-30"', "stories[1].since", "not a valid date"),
    ("since-datetime", "since = 2025-03-01", "since = 2025-03-01T10:00:00Z", "stories[2].since",
     "got a date-time"),
    ("min-similarity-above-one", "min_similarity = 0.3", "min_similarity = 1.5", "stories[2].min_similarity",
     "must be between 0 and 1, got 1.5"),
    ("min-similarity-string", "min_similarity = 0.3", 'min_similarity = "high"', "stories[2].min_similarity",
     "expected a number"),
    ("no-stories", VALID[VALID.index("[[stories]]"):], "", "stories", "add at least one [[stories]] table"),
]


@pytest.mark.parametrize(("old", "new", "key", "problem"), [case[1:] for case in BROKEN],
                         ids=[case[0] for case in BROKEN])
def test_broken_config_raises_one_line_naming_file_key_and_problem(
        folder: Path, old: str, new: str, key: str | None, problem: str) -> None:
    assert old in VALID, "the case must change the valid config"
    path = write(folder, VALID.replace(old, new, 1))
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert "\n" not in message
    prefix = f"{path}: {key}: " if key else f"{path}: "
    assert message.startswith(prefix), message
    assert problem.format(folder=folder) in message[len(prefix):], message
    assert info.value.key == key


@pytest.mark.parametrize("stories", ["stories = 5", '[stories]\nid = "x"'])
def test_stories_must_be_an_array_of_tables(folder: Path, stories: str) -> None:
    path = write(folder, f'[database]\npath = "data/x.db"\n{stories}\n' if stories.startswith("[")
                 else f'{stories}\n[database]\npath = "data/x.db"\n')
    with pytest.raises(ConfigError, match=re.escape(f"{path}: stories: expected an array of tables ([[stories]])")):
        load_config(path)


def test_bad_cron_expression_is_a_config_error(folder: Path) -> None:
    pytest.importorskip("config.cron")
    path = write(folder, VALID.replace('schedule = "*/30 * * * *"', 'schedule = "61 * * * *"'))
    with pytest.raises(ConfigError, match=re.escape(f"{path}: stories[1].schedule: bad cron expression: minute")):
        load_config(path)


def test_cron_macros_are_accepted(folder: Path) -> None:
    pytest.importorskip("config.cron")
    config = load_config(write(folder, VALID.replace('schedule = "*/30 * * * *"', 'schedule = "@hourly"')))
    assert config.stories[0].schedule == "@hourly"


def test_missing_config_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=re.escape(f"{tmp_path / 'no.toml'}: cannot read: ")):
        load_config(tmp_path / "no.toml")


def test_non_utf8_config_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('title = "Straße"'.encode("latin-1"))
    with pytest.raises(ConfigError, match="not UTF-8 text"):
        load_config(path)


def test_config_error_accepts_a_plain_message() -> None:
    # crawler/run.py raises ConfigError(message) for bad --story values
    assert str(ConfigError("a.toml: --story: no story 'x'\n(stories: y)")) == "a.toml: --story: no story 'x' (stories: y)"


# --- keys stay in sync with the model -------------------------------------------------------------------------


def test_crawl_keys_are_the_crawl_settings_fields() -> None:
    assert set(KNOWN_KEYS["crawl"]) == {f.name for f in dataclasses.fields(CrawlSettings)}


def test_source_keys_are_the_source_fields() -> None:
    assert set(KNOWN_KEYS["sources"]) == {f.name for f in dataclasses.fields(Source)}


def test_story_keys_cover_the_story_fields() -> None:
    fields = {f.name for f in dataclasses.fields(Story)} - {"query_text"} | {"query"}
    assert set(STORY_KEYS) == fields


# --- find_config ----------------------------------------------------------------------------------------------


@pytest.fixture
def three_configs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    paths = {"explicit": tmp_path / "explicit.toml", "env": tmp_path / "env.toml",
             "cwd": tmp_path / "work" / "config" / "storywatch.toml"}
    for path in paths.values():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "work")
    monkeypatch.setenv("STORYWATCH_CONFIG", str(paths["env"]))
    return paths


def test_find_config_prefers_the_explicit_path(three_configs: dict[str, Path]) -> None:
    assert find_config(str(three_configs["explicit"])) == three_configs["explicit"]


def test_find_config_then_the_environment(three_configs: dict[str, Path]) -> None:
    assert find_config(None) == three_configs["env"]


def test_find_config_then_config_storywatch_toml_in_the_working_folder(
        three_configs: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STORYWATCH_CONFIG")
    found = find_config(None)
    assert found == three_configs["cwd"]
    assert found.is_absolute()


def test_find_config_empty_environment_variable_counts_as_unset(
        three_configs: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORYWATCH_CONFIG", "")
    assert find_config(None) == three_configs["cwd"]


def test_find_config_accepts_a_folder(three_configs: dict[str, Path]) -> None:
    assert find_config(str(three_configs["cwd"].parent)) == three_configs["cwd"]


def test_find_config_does_not_fall_back_from_a_missing_explicit_path(
        three_configs: dict[str, Path], tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=re.escape(f"tried {tmp_path / 'typo.toml'}, from --config")):
        find_config(str(tmp_path / "typo.toml"))


def test_find_config_does_not_fall_back_from_a_missing_environment_path(
        three_configs: dict[str, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("STORYWATCH_CONFIG", str(tmp_path / "gone.toml"))
    with pytest.raises(ConfigError, match=re.escape(f"tried {tmp_path / 'gone.toml'}, from $STORYWATCH_CONFIG")):
        find_config(None)


def test_find_config_names_the_path_tried_when_nothing_is_found(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STORYWATCH_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as info:
        find_config(None)
    assert str(tmp_path / "config" / "storywatch.toml") in str(info.value)
    assert "--config" in str(info.value) and "$STORYWATCH_CONFIG" in str(info.value)


# --- the shipped config and the starter -----------------------------------------------------------------------


def test_shipped_config_loads_with_the_story_and_eight_outlets_or_more() -> None:
    config = load_config(REPO / "config" / "storywatch.toml")
    story = config.story("assad-putin-saqr")
    assert story.title == "Putin ließ Assad vor dem Sturz hängen"
    assert story.languages == ("de",)
    assert story.since == date(2024, 12, 8)
    assert story.schedule
    assert story.seeds == (Seed(path=REPO / "config" / "seeds" / "assad-putin-saqr.txt"),)
    assert config.database.path == REPO / "config" / "storywatch.db"
    assert len(config.sources) >= 8
    assert all(s.feeds or s.sitemaps for s in config.sources)


def test_shipped_query_matches_its_seed_and_spelling_variants() -> None:
    from config.query import WordSet

    story = load_config(REPO / "config" / "storywatch.toml").story("assad-putin-saqr")
    seed = (REPO / "config" / "seeds" / "assad-putin-saqr.txt").read_text(encoding="utf-8")
    assert story.query.matches(WordSet.from_text(seed))
    for text in ("Assads Berater Kamal Saqr", "Kreml-Chef ließ al-Assad fallen", "Moscow left Assad alone",
                 "the Kremlin and Bashar al-Assad", "Putins Verbündeter Assad"):
        assert story.query.matches(WordSet.from_text(text)), text
    assert not story.query.matches(WordSet.from_text("Putin trifft Trump in Alaska"))


def test_shipped_seed_is_a_german_summary_of_120_to_200_words() -> None:
    text = (REPO / "config" / "seeds" / "assad-putin-saqr.txt").read_text(encoding="utf-8")
    assert 120 <= len(text.split()) <= 200
    assert "Saqr" in text and "Putin" in text


def test_starter_is_written_and_loads(tmp_path: Path) -> None:
    path = write_starter(tmp_path)
    assert path == tmp_path / "storywatch.toml"
    config = load_config(path)
    assert config.database.path == tmp_path / "storywatch.db"
    assert config.stories[0].seeds[0].path == tmp_path / "seeds" / "assad-putin-saqr.txt"
    assert config.stories[0].seeds[0].path.read_text(encoding="utf-8").strip()
    assert config.crawl == CrawlSettings()  # the starter shows the defaults, so it must keep up with them


def test_starter_comments_every_key(tmp_path: Path) -> None:
    text = write_starter(tmp_path).read_text(encoding="utf-8")
    data = tomllib.loads(text)
    lines = text.splitlines()
    for table, keys in KNOWN_KEYS.items():
        for key in keys:
            if table == "":
                assert key in data, key
                continue
            index = next((i for i, line in enumerate(lines) if line.startswith(f"{key} =")), None)
            assert index is not None, f"{table}.{key} missing from the starter"
            assert lines[index - 1].startswith("#") or "#" in lines[index], f"{table}.{key} has no comment"


def test_starter_refuses_to_overwrite(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "assad-putin-saqr.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError) as info:
        write_starter(tmp_path)
    assert info.value.filename == str(tmp_path / "seeds" / "assad-putin-saqr.txt")
    assert not (tmp_path / "storywatch.toml").exists()  # nothing written when anything is in the way
    assert (tmp_path / "seeds" / "assad-putin-saqr.txt").read_text(encoding="utf-8") == "mine"


def test_starter_refuses_an_existing_config(tmp_path: Path) -> None:
    write_starter(tmp_path)
    with pytest.raises(FileExistsError):
        write_starter(tmp_path)
