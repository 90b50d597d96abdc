"""The README fits the program: every command and option is in its command table, every exit code in its list,
and every example runs on the demo's database (built by a real `storywatch demo`) with a non-empty result."""

from __future__ import annotations

import argparse
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from faultweb import cli_env

from crawler import __version__, exit_codes
from crawler.cli import COMMANDS, build_parser, main

README = Path(__file__).resolve().parents[1] / "README.md"


def _readme() -> str:
    return README.read_text(encoding="utf-8")


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(sub.choices)


def _table_row(command: str) -> str:
    rows = [line for line in _readme().splitlines() if line.startswith(f"| `storywatch {command}")]
    assert len(rows) == 1, f"README's command table has {len(rows)} rows for `storywatch {command}`"
    return rows[0]


def _mentions(row: str, word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", row) is not None


@pytest.mark.parametrize("command", list(COMMANDS))
def test_the_command_table_lists_every_option_of_the_command(command: str) -> None:
    row = _table_row(command)
    missing = []
    for action in _subparsers()[command]._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        names = action.option_strings or [action.metavar or action.dest]
        if not any(_mentions(row, name) for name in names):
            missing.append("/".join(names))
        missing += [f"{names[-1]} {choice}" for choice in action.choices or () if not _mentions(row, str(choice))]
    assert not missing, f"`storywatch {command}` in README.md lacks {', '.join(missing)}"


def test_every_command_in_the_readme_table_exists() -> None:
    listed = re.findall(r"^\| `storywatch ([a-z]+)", _readme(), flags=re.MULTILINE)
    assert sorted(set(listed)) == sorted(COMMANDS)


def test_the_readme_names_the_version_option() -> None:
    assert "`storywatch --version`" in _readme()


def test_version_prints_the_projects_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out == f"storywatch {__version__}\n"
    from importlib.metadata import version

    assert version("storywatch") == __version__  # pyproject reads the same one


@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_command_answers_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main([command, "--help"])
    assert stop.value.code == 0
    assert f"usage: storywatch {command}" in capsys.readouterr().out


def test_the_readme_lists_every_exit_code_of_run() -> None:
    codes = {v for k, v in vars(exit_codes).items() if k.isupper() and isinstance(v, int)}
    table = _readme().split("`storywatch run` exits with:", 1)[1].split("\n\n", 2)[1]
    listed = {int(m) for m in re.findall(r"^\| `(\d+)` \|", table, flags=re.MULTILINE)}
    assert listed == codes


# -- the examples, on the demo's database ---------------------------------------------------------------------------
def _example_lines(program: str) -> list[str]:
    """Lines of the README's sh blocks that start with `program`."""
    blocks = re.findall(r"^```sh\n(.*?)^```", _readme(), flags=re.MULTILINE | re.DOTALL)
    return [line for block in blocks for line in block.splitlines() if line.startswith(f"{program} ")]


SQLITE_EXAMPLES = _example_lines("sqlite3")
DEMO_COMMANDS = [line for line in _example_lines("storywatch") if "demo.db" in line.split()
                 and not line.startswith("storywatch demo ")]


@pytest.fixture
def demo_folder(tmp_path: Path, demo_db: Path) -> Path:
    """A folder holding a copy of the demo's database as `demo.db`, as the README's examples name it."""
    shutil.copy(demo_db, tmp_path / "demo.db")
    return tmp_path


def test_the_readme_makes_the_demo_database_as_the_test_does() -> None:
    assert "storywatch demo --db demo.db" in _example_lines("storywatch")


def test_every_sqlite_example_uses_the_demo_database() -> None:
    assert len(SQLITE_EXAMPLES) >= 4
    assert all(shlex.split(line)[1] == "demo.db" for line in SQLITE_EXAMPLES), SQLITE_EXAMPLES


@pytest.mark.parametrize("line", SQLITE_EXAMPLES)
def test_sqlite_example_gives_rows_on_the_demo_database(line: str, demo_folder: Path) -> None:
    _, db, sql = shlex.split(line)
    cli = shutil.which("sqlite3")
    if cli:  # the very line, as a reader types it
        got = subprocess.run([cli, db, sql], cwd=demo_folder, capture_output=True, text=True, timeout=60,
                             check=False)
        assert got.returncode == 0 and not got.stderr, got.stderr
        rows = got.stdout.splitlines()
    else:
        conn = sqlite3.connect(f"file:{demo_folder / db}?mode=ro", uri=True)
        try:
            rows = conn.execute(sql).fetchall()
        finally:
            conn.close()
    assert rows, f"no rows on the demo database: {line}"


def test_the_readme_shows_timeline_and_every_export_format_on_the_demo_database() -> None:
    used = " ".join(DEMO_COMMANDS)
    assert "storywatch timeline " in used
    assert all(f"--format {fmt}" in used for fmt in ("atom", "jsonl", "csv"))


@pytest.mark.parametrize("line", DEMO_COMMANDS)
def test_command_example_works_on_the_demo_database(line: str, demo_folder: Path) -> None:
    words = shlex.split(line)
    got = subprocess.run([sys.executable, "-m", "crawler", *words[1:]], cwd=demo_folder, env=cli_env(),
                         capture_output=True, text=True, timeout=120, check=False)
    assert got.returncode == 0, got.stderr
    assert got.stderr == ""
    if "--output" in words:
        output = demo_folder / words[words.index("--output") + 1]
        assert output.stat().st_size > 0 and got.stdout == ""
    else:
        assert got.stdout.strip()
