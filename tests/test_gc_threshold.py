"""A run's crawl and decision see the young-generation threshold of crawler.crawl.GC_YOUNG_THRESHOLD, and the caller
gets its own thresholds back afterwards, also when the crawl raises (a real crawl needs Twisted's reactor, which does
not restart in one process: the crawl itself is replaced here, run_locked's store and run row are real)."""

from __future__ import annotations

import gc
import sqlite3
from pathlib import Path

import pytest

from config.loader import load_config
from crawler import crawl as crawl_module
from crawler.stats import RunStats


def _config(tmp_path: Path) -> Path:
    path = tmp_path / "storywatch.toml"
    path.write_text(
        f'[database]\npath = "{(tmp_path / "storywatch.db").as_posix()}"\n\n'
        '[[sources]]\nname = "Bote"\nurl = "http://127.0.0.1:9/"\n\n'
        '[[stories]]\nid = "wasserwerk"\ntitle = "Wasserwerk"\nquery = \'Wasserwerk*\'\n', encoding="utf-8")
    return path


def test_the_crawl_runs_with_fewer_young_collections_and_the_thresholds_come_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[int, ...]] = []

    def crawl(*args: object, **kwargs: object) -> str:
        seen.append(gc.get_threshold())
        return "ok"

    monkeypatch.setattr(crawl_module, "crawl", crawl)
    before = gc.get_threshold()
    config = load_config(_config(tmp_path))
    run_id, status, stats = crawl_module.run_locked(config, list(config.stories), None, None, quiet=True)  # type: ignore[arg-type]
    assert seen == [(crawl_module.GC_YOUNG_THRESHOLD, *before[1:])]
    assert crawl_module.GC_YOUNG_THRESHOLD > before[0]
    assert gc.get_threshold() == before
    assert status == "ok" and isinstance(stats, RunStats)
    conn = sqlite3.connect(tmp_path / "storywatch.db")
    try:
        assert conn.execute("SELECT status FROM runs WHERE id = ?", [run_id]).fetchone() == ("ok",)
    finally:
        conn.close()


def test_the_thresholds_come_back_when_the_crawl_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def crawl(*args: object, **kwargs: object) -> str:
        assert gc.get_threshold()[0] == crawl_module.GC_YOUNG_THRESHOLD
        raise RuntimeError("the crawl broke")

    monkeypatch.setattr(crawl_module, "crawl", crawl)
    before = gc.get_threshold()
    config = load_config(_config(tmp_path))
    with pytest.raises(RuntimeError, match="the crawl broke"):
        crawl_module.run_locked(config, list(config.stories), None, None, quiet=True)  # type: ignore[arg-type]
    assert gc.get_threshold() == before
    conn = sqlite3.connect(tmp_path / "storywatch.db")
    try:
        assert conn.execute("SELECT status FROM runs").fetchall() == [("failed",)]  # its row is written all the same
    finally:
        conn.close()
