"""`storywatch init`: the starter config's header shows its own commands, ready to paste, with real paths."""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

from faultweb import cli_env, run_storywatch


def _header_commands(config: Path) -> list[str]:
    lines = config.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines[: lines.index("[database]")] if line.startswith("#   ")]
    return [line[len("#   "):] for line in header]


def test_starter_header_names_its_real_absolute_path_even_with_a_space(tmp_path: Path) -> None:
    folder = tmp_path / "my news"
    run = run_storywatch("init", folder, cwd=tmp_path, timeout=120)
    assert run.returncode == 0, run.stderr
    config = folder / "storywatch.toml"
    text = config.read_text(encoding="utf-8")
    assert "/absolute/path/to" not in text
    commands = _header_commands(config)
    assert len(commands) == 4
    for command in commands:
        words = shlex.split(command)
        assert words[words.index("--config") + 1] == str(config.resolve()), command
        program = words[5] if words[0] == "*/30" else words[0]
        assert Path(program).is_absolute(), command  # cron's PATH knows no virtualenv
    cron = next(c for c in commands if c.startswith("*/30 * * * * "))
    assert cron.endswith(" --quiet")


def test_the_headers_status_command_works_from_another_folder(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    assert run_storywatch("init", folder, cwd=tmp_path, timeout=120).returncode == 0
    (status,) = [c for c in _header_commands(folder / "storywatch.toml") if " status --config " in c]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    got = subprocess.run(shlex.split(status), cwd=elsewhere, env=cli_env(), capture_output=True, text=True,
                         timeout=120, check=False)
    assert got.returncode == 0, got.stderr
    assert f"database: {folder / 'storywatch.db'}" in got.stdout
    assert "assad-putin-saqr" in got.stdout and "last run:  none yet" in got.stdout
