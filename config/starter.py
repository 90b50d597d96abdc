"""`storywatch init DIR`: a commented starter config and its seed file, never over an existing file."""

from __future__ import annotations

import errno
import logging
from importlib.resources import files
from pathlib import Path

logger = logging.getLogger(__name__)

CONFIG_NAME = "storywatch.toml"
TEMPLATE = "starter.toml"
# The starter follows the shipped story, so its seed is the shipped seed summary.
STARTER_STORY = "assad-putin-saqr"


def starter_files() -> dict[str, str]:
    """What `write_starter` writes: path relative to the target folder → text."""
    package = files("config")
    return {
        CONFIG_NAME: package.joinpath(TEMPLATE).read_text(encoding="utf-8"),
        f"seeds/{STARTER_STORY}.txt": package.joinpath("seeds", f"{STARTER_STORY}.txt").read_text(encoding="utf-8"),
    }


def write_starter(directory: Path) -> Path:
    """Write `directory/storywatch.toml` and its seed file in `directory/seeds/`; returns the config's path.

    Raises FileExistsError (with `filename` set) before writing anything when one of the files exists already.
    `directory` itself must exist.
    """
    contents = starter_files()
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
