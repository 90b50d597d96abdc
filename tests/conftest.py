"""Shared fixtures: the storywatch CLI in a subprocess, closed loopback ports, the evaluation corpus."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / ".." / "shared" / "corpus"

CliRunner = Callable[..., subprocess.CompletedProcess[str]]


def _cli_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("STORYWATCH_CONFIG", None)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    return env


def _run_storywatch(*args: str | Path, cwd: Path | None = None, timeout: float = 600
                    ) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "crawler", *map(str, args)],
        cwd=cwd or REPO, env=_cli_env(), capture_output=True, text=True, timeout=timeout, check=False,
    )


def _unused_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def cli_env() -> dict[str, str]:
    """The environment of a CLI subprocess: this checkout first on the path, no config from the caller's shell."""
    return _cli_env()


@pytest.fixture(scope="session")
def run_cli() -> CliRunner:
    """`run_cli(*args, cwd=None, timeout=600)`: `python -m crawler ARGS` in a subprocess, output captured as text.

    A subprocess because the Twisted reactor cannot restart in one process."""
    return _run_storywatch


@pytest.fixture(scope="session")
def unused_port() -> Callable[[], int]:
    """`unused_port()`: a loopback port nothing listens on (bound once, then closed)."""
    return _unused_port


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """../shared/corpus beside the repository; tests that need it skip when it is absent."""
    if not CORPUS.is_dir():
        pytest.skip(f"evaluation corpus not present at {CORPUS.resolve()}")
    return CORPUS.resolve()


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's database, built once per session as a new user builds it: `storywatch demo --db PATH` (two real
    crawls of the bundled outlets on loopback)."""
    db = tmp_path_factory.mktemp("demo-db") / "demo.db"
    run = _run_storywatch("demo", "--db", db, timeout=900)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    return db
