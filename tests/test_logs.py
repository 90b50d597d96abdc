"""Log lines of a real run: plain text by default, one JSON object a line with `--log-format json`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from faultweb import run_storywatch

CONFIG = """\
[database]
path = "storywatch.db"

[crawl]
timeout = 3
retries = 0

[[sources]]
name = "Nobody Home"
url = "http://127.0.0.1:{port}/"
feeds = ["http://127.0.0.1:{port}/feed.xml"]

[[stories]]
id = "wasserwerk"
title = "Wasserwerk"
query = 'Wasserwerk*'
"""


@pytest.fixture
def config(tmp_path: Path, unused_port: Callable[[], int]) -> Path:
    path = tmp_path / "storywatch.toml"
    path.write_text(CONFIG.format(port=unused_port()), encoding="utf-8")
    return path


def test_json_log_format_writes_one_json_object_a_line_naming_the_failed_source(config: Path) -> None:
    run = run_storywatch("run", "--config", config, "--log-format", "json", cwd=config.parent, timeout=120)
    assert run.returncode == 1, run.stderr  # the only source failed
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    records = [json.loads(line) for line in lines[:-1]]  # the last line is the run's summary, for people
    assert records, run.stderr
    assert all({"time", "level", "logger", "message"} <= r.keys() for r in records)
    assert any(r["level"] == "warning" and "Nobody Home" in r["message"] and "connection_refused" in r["message"]
               for r in records), records
    assert any(r["level"] == "error" and "every source failed" in r["message"] for r in records), records
    assert lines[-1].startswith("run 1 failed:")


def test_plain_log_format_is_the_default_and_has_no_json(config: Path) -> None:
    run = run_storywatch("run", "--config", config, cwd=config.parent, timeout=120)
    assert run.returncode == 1
    warnings = [line for line in run.stderr.splitlines() if " WARNING " in line]
    assert warnings and all(not line.startswith("{") for line in warnings)
    assert any("Nobody Home: connection_refused" in line for line in warnings), run.stderr
