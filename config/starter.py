"""`storywatch init DIR`: a commented starter config and its seed file, never over an existing file."""

from __future__ import annotations

import errno
import logging
import os
import shlex
import sys
from importlib.resources import files
from pathlib import Path

logger = logging.getLogger(__name__)

CONFIG_NAME = "storywatch.toml"
TEMPLATE = "starter.toml"
# The starter follows the shipped story, so its seed is the shipped seed summary.
STARTER_STORY = "assad-putin-saqr"


def starter_files(config_path: Path | None = None) -> dict[str, str]:
    """What `write_starter` writes: path relative to the target folder → text.

    The config's header shows the commands for it ready to paste (into crontab too, where neither the working
    folder nor PATH is the user's): with this program's absolute path and the config's, when `config_path` is
    given.
    """
    package = files("config")
    config_text = package.joinpath(TEMPLATE).read_text(encoding="utf-8")
    config_shown = shlex.quote(str(config_path.resolve())) if config_path else "/absolute/path/to/storywatch.toml"
    config_text = config_text.replace("{{config}}", config_shown).replace("{{storywatch}}", program_path())
    return {
        CONFIG_NAME: config_text,
        f"seeds/{STARTER_STORY}.txt": package.joinpath("seeds", f"{STARTER_STORY}.txt").read_text(encoding="utf-8"),
    }


def program_path() -> str:
    """How to start this very storywatch from anywhere: its console script beside the interpreter, by absolute path
    (cron knows no virtualenv), else the interpreter with `-m crawler`."""
    script = Path(sys.executable).parent / "storywatch"
    if script.is_file() and os.access(script, os.X_OK):
        return shlex.quote(str(script.absolute()))
    return f"{shlex.quote(str(Path(sys.executable).absolute()))} -m crawler"


def write_starter(directory: Path) -> Path:
    """Write `directory/storywatch.toml` and its seed file in `directory/seeds/`; returns the config's path.

    Raises FileExistsError (with `filename` set) before writing anything when one of the files exists already.
    `directory` itself must exist.
    """
    contents = starter_files(directory / CONFIG_NAME)
    targets = {directory / relative: text for relative, text in contents.items()}
    for path in targets:
        if path.exists():
            raise FileExistsError(errno.EEXIST, "exists already, not overwritten", str(path))
    for path, text in targets.items():
        path.parent.mkdir(exist_ok=True)
        # Mode "x" keeps the promise even against a file that appeared since the check above.
        with path.open("x", encoding="utf-8") as fh:
            fh.write(text)
        logger.debug("wrote %s", path)
    return directory / CONFIG_NAME
