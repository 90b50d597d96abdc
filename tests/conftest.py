"""Shared fixtures: the storywatch CLI in a subprocess, a closed loopback port, the evaluation corpus."""

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


def cli_env() -> dict[str, str]:
    """The environment of a CLI subprocess: this checkout first on the path, no config from the caller's shell."""
    env = dict(os.environ)
    env.pop("STORYWATCH_CONFIG", None)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    return env


def run_storywatch(*args: str | Path, cwd: Path | None = None, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """`python -m crawler ARGS` in a subprocess (the Twisted reactor cannot restart in one process)."""
    return subprocess.run(
        [sys.executable, "-m", "crawler", *map(str, args)],
        cwd=cwd or REPO, env=cli_env(), capture_output=True, text=True, timeout=timeout, check=False,
    )


@pytest.fixture(scope="session")
def run_cli() -> CliRunner:
    """Run the storywatch CLI in a subprocess; returns the CompletedProcess (text output captured)."""
    return run_storywatch


def free_closed_port() -> int:
    """A loopback port that nothing listens on (bound once, then closed)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def closed_port() -> int:
    return free_closed_port()


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """../shared/corpus beside the repository; tests that need it skip when it is absent."""
    if not CORPUS.is_dir():
        pytest.skip(f"evaluation corpus not present at {CORPUS.resolve()}")
    return CORPUS.resolve()
