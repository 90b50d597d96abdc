"""Broken configs and bad arguments through the real CLI: exit 2 and one line on stderr, never a traceback."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from faultweb import run_storywatch

BASE = """\
[database]
path = "storywatch.db"

[crawl]
timeout = 3

[[sources]]
name = "Example"
url = "http://127.0.0.30:9/"
feeds = ["http://127.0.0.30:9/feed.xml"]

[[stories]]
id = "wasserwerk"
title = "Wasserwerk"
query = 'Wasserwerk*'
"""


@dataclass(frozen=True)
class Case:
    id: str
    edit: Callable[[str], str]  # the broken config made from BASE
    key: str  # the key the message must name ('' for the whole file)
    problem: tuple[str, ...]  # words the message must hold


CASES = [
    Case("bad_toml", lambda s: s.replace("[crawl]", "[crawl"), "line 4", ("toml",)),
    Case("unknown_key_did_you_mean", lambda s: s.replace("timeout = 3", "timeuot = 3"), "crawl.timeuot",
         ("unknown key", "did you mean", "timeout")),
    Case("wrong_type", lambda s: s.replace("timeout = 3", 'timeout = "fast"'), "crawl.timeout",
         ("number", "string")),
    Case("negative_number", lambda s: s.replace("timeout = 3", "timeout = -1"), "crawl.timeout", ("0",)),
    Case("missing_story_id", lambda s: s.replace('id = "wasserwerk"\n', ""), "stories[1].id", ("missing",)),
    Case("duplicate_story_ids", lambda s: s + '\n[[stories]]\nid = "wasserwerk"\ntitle = "x"\nquery = "x"\n',
         "stories[2].id", ("duplicate", "wasserwerk")),
    Case("bad_cron_expression", lambda s: s + 'schedule = "61 * * * *"\n', "stories[1].schedule",
         ("cron", "61")),
    Case("bad_query", lambda s: s.replace("'Wasserwerk*'", "'Wasserwerk AND (Putin'"), "stories[1].query",
         ("column 16", "parenthes")),
    Case("missing_seed_file", lambda s: s + 'seeds = ["seeds/nope.txt"]\n', "stories[1].seeds[1]",
         ("nope.txt", "does not exist")),
    Case("unreachable_database_folder",
         lambda s: s.replace('path = "storywatch.db"', 'path = "/nonexistent-storywatch/folder/x.db"'),
         "database.path", ("/nonexistent-storywatch/folder", "does not exist")),
    Case("missing_query", lambda s: s.replace("query = 'Wasserwerk*'\n", ""), "stories[1].query", ("missing",)),
    Case("source_without_url", lambda s: s.replace('url = "http://127.0.0.30:9/"\n', ""), "sources[1].url",
         ("missing",)),
]


def _assert_one_clean_line(run: subprocess.CompletedProcess[str], *needles: str) -> str:
    assert "Traceback" not in run.stderr, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    line = lines[0]
    for needle in needles:
        assert needle.lower() in line.lower(), f"{needle!r} not in {line!r}"
    return line


@pytest.mark.parametrize("command", ["run", "status"])
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_broken_config_exits_2_with_one_line_naming_file_key_and_problem(tmp_path: Path, case: Case,
                                                                         command: str) -> None:
    config = tmp_path / "storywatch.toml"
    config.write_text(case.edit(BASE), encoding="utf-8")
    run = run_storywatch(command, "--config", config, cwd=tmp_path, timeout=60)
    assert run.returncode == 2, (run.stdout, run.stderr)
    _assert_one_clean_line(run, str(config), case.key, *case.problem)
    assert not (tmp_path / "storywatch.db").exists()  # nothing was created from a broken config


def test_run_of_an_unknown_story_exits_2_naming_the_known_stories(tmp_path: Path) -> None:
    config = tmp_path / "storywatch.toml"
    config.write_text(BASE, encoding="utf-8")
    run = run_storywatch("run", "--config", config, "--story", "nope", cwd=tmp_path, timeout=60)
    assert run.returncode == 2
    _assert_one_clean_line(run, str(config), "--story", "nope", "wasserwerk")


def test_a_missing_config_file_exits_2_naming_the_path_tried(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.toml"
    run = run_storywatch("run", "--config", missing, cwd=tmp_path, timeout=60)
    assert run.returncode == 2
    _assert_one_clean_line(run, str(missing), "no config file")


def test_an_unknown_sub_command_exits_2_with_one_line(tmp_path: Path) -> None:
    run = run_storywatch("frobnicate", cwd=tmp_path, timeout=60)
    assert run.returncode == 2
    _assert_one_clean_line(run, "frobnicate", "invalid choice")


def test_an_unknown_option_exits_2_without_a_traceback(tmp_path: Path) -> None:
    run = run_storywatch("run", "--frobnicate", cwd=tmp_path, timeout=60)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr and "--frobnicate" in run.stderr


def test_extract_of_a_missing_file_is_a_bad_argument_exit_2_with_one_line_and_no_traceback(tmp_path: Path) -> None:
    missing = tmp_path / "missing.html"
    run = run_storywatch("extract", missing, "--jsonl", cwd=tmp_path, timeout=60)
    assert run.returncode == 2, run.stderr
    assert run.stderr == f"storywatch extract: error: no such file: {missing}\n"
    (record,) = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    assert record["input"] == str(missing)
    assert "missing.html" in record["error"] or "not_found" in record["error"]
