"""Packaging and docs: our top-level packages are the ones imported, both entry points and every command answer
--help, every data file ships, and the README documents every command and config key (docs checked by tests)."""

from __future__ import annotations

import dataclasses
import glob
import importlib
import importlib.metadata
import json
import re
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("crawler", "config", "storage")
COMMANDS = ("run", "schedule", "extract", "status", "init", "demo")
README = REPO / "README.md"


def _installed() -> importlib.metadata.Distribution | None:
    """The installed storywatch distribution (not the egg-info a build may leave inside the checkout)."""
    for dist in importlib.metadata.distributions(name="storywatch"):
        # The egg-info of a build sits in the checkout itself; a virtualenv may sit inside it (.venv, as the
        # README sets it up) and still hold a real installation.
        if Path(str(dist.locate_file(""))).resolve() != REPO.resolve():
            return dist
    return None


def _editable(dist: importlib.metadata.Distribution) -> bool:
    info = json.loads(dist.read_text("direct_url.json") or "{}")
    return bool(info.get("dir_info", {}).get("editable"))


def _shipped_files(dist: importlib.metadata.Distribution) -> set[Path]:
    return {Path(str(dist.locate_file(f))).resolve() for f in dist.files or ()}


# ---------------------------------------------------------------------------------------------- imports
@pytest.mark.parametrize("name", PACKAGES)
def test_top_level_package_is_this_projects(name: str) -> None:
    # `config` and `storage` are generic names: another distribution's package must not shadow ours.
    module = importlib.import_module(name)
    path = Path(module.__file__ or "").resolve()
    if path.is_relative_to(REPO.resolve()):
        return
    dist = _installed()
    assert dist is not None, f"{name} comes from {path}, neither this checkout nor the storywatch distribution"
    assert path in _shipped_files(dist), f"{name} comes from {path}, not from the storywatch distribution"


def test_installed_distribution_provides_the_packages_outside_the_checkout(tmp_path: Path,
                                                                          cli_env: dict[str, str]) -> None:
    dist = _installed()
    if dist is None:
        pytest.skip("storywatch is not installed in this environment (pip install .)")
    code = "import json, " + ", ".join(PACKAGES) + "; print(json.dumps([" + ", ".join(
        f"{p}.__file__" for p in PACKAGES) + "]))"
    env = {k: v for k, v in cli_env.items() if k != "PYTHONPATH"}  # only what is installed
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                         check=False)
    assert out.returncode == 0, out.stderr
    shipped = _shipped_files(dist)
    for file in map(Path, json.loads(out.stdout)):
        # an editable install points into this checkout; any other install ships the files itself
        assert file.resolve() in shipped or (_editable(dist) and file.resolve().is_relative_to(REPO.resolve())), file


# ---------------------------------------------------------------------------------------------- data files
def _package_data_patterns() -> dict[str, list[str]]:
    with (REPO / "pyproject.toml").open("rb") as fh:
        tool = tomllib.load(fh)["tool"]["setuptools"]
    return tool.get("package-data", {})


def _data_files(package: str) -> set[Path]:
    root = REPO / package
    return {p for p in root.rglob("*") if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in
            p.parts}


@pytest.mark.parametrize("package", PACKAGES)
def test_every_data_file_in_a_package_is_declared_as_package_data(package: str) -> None:
    # Without setuptools-scm, files that are not .py ship only when pyproject's package-data names them.
    root = REPO / package
    declared: set[Path] = set()
    for pattern in _package_data_patterns().get(package, []):
        declared |= {(root / f) for f in glob.glob(pattern, root_dir=root, recursive=True)}
    missing = sorted(str(p.relative_to(REPO)) for p in _data_files(package) - declared)
    assert missing == [], f"not in [tool.setuptools.package-data] {package}: {missing}"


def test_installed_distribution_ships_the_data_files() -> None:
    dist = _installed()
    if dist is None:
        pytest.skip("storywatch is not installed in this environment (pip install .)")
    if _editable(dist):
        pytest.skip("an editable install ships the checkout itself")
    names = {str(f) for f in dist.files or ()}
    wanted = {str(p.relative_to(REPO)) for pkg in PACKAGES for p in _data_files(pkg)}
    assert sorted(wanted - names) == []


# ---------------------------------------------------------------------------------------------- --help
def test_python_m_crawler_help_lists_every_command(run_cli: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    run = run_cli("--help", timeout=120)
    assert run.returncode == 0, run.stderr
    for command in COMMANDS:
        assert re.search(rf"\b{command}\b", run.stdout), command


def test_storywatch_console_script_help_lists_every_command(cli_env: dict[str, str]) -> None:
    script = Path(sys.executable).with_name("storywatch")
    if not script.exists():
        pytest.skip(f"no console script at {script} (pip install .)")
    run = subprocess.run([str(script), "--help"], env=cli_env, capture_output=True, text=True, timeout=120,
                         check=False)
    assert run.returncode == 0, run.stderr
    for command in COMMANDS:
        assert re.search(rf"\b{command}\b", run.stdout), command


def test_every_command_answers_help(cli_env: dict[str, str]) -> None:
    # One interpreter for all commands: --help exits through SystemExit with argparse's code.
    code = (
        "import json, contextlib, io\n"
        "from crawler.cli import main\n"
        "codes = {}\n"
        f"for cmd in {list(COMMANDS)!r}:\n"
        "    out = io.StringIO()\n"
        "    try:\n"
        "        with contextlib.redirect_stdout(out):\n"
        "            main([cmd, '--help'])\n"
        "        codes[cmd] = ['returned', out.getvalue()]\n"
        "    except SystemExit as exc:\n"
        "        codes[cmd] = [exc.code, out.getvalue()]\n"
        "print(json.dumps(codes))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=cli_env, capture_output=True, text=True,
                         timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    codes = json.loads(run.stdout.strip().splitlines()[-1])
    for command in COMMANDS:
        status, text = codes[command]
        assert status in (0, None), f"{command} --help: {status}"
        assert "usage:" in text and command in text, f"{command} --help printed: {text!r}"


# ---------------------------------------------------------------------------------------------- README
def _readme() -> str:
    if not README.exists():
        pytest.skip("README.md is not written yet")
    return README.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_mentions_command(command: str) -> None:
    assert f"storywatch {command}" in _readme()


def _config_keys() -> list[tuple[str, str]]:
    from config import model

    # Fields that are not TOML keys, and fields whose TOML key has another name.
    skip = {("stories", "query")}  # the parsed query; its key is `query` (query_text)
    rename = {"query_text": "query"}
    sections = {"database": model.DatabaseSettings, "crawl": model.CrawlSettings, "sources": model.Source,
                "stories": model.Story}
    keys = []
    for section, cls in sections.items():
        for f in dataclasses.fields(cls):
            if (section, f.name) not in skip:
                keys.append((section, rename.get(f.name, f.name)))
    return keys


def test_readme_names_every_config_section() -> None:
    text = _readme()
    for section in ("[database]", "[crawl]", "[[sources]]", "[[stories]]"):
        assert section in text, section


@pytest.mark.parametrize(("section", "key"), _config_keys())
def test_readme_documents_config_key(section: str, key: str) -> None:
    assert f"`{key}`" in _readme(), f"[{section}] {key} is not documented in README.md"
