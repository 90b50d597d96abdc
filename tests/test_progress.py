"""The progress line shows on a terminal and stays silent under cron."""

import io

from crawler.progress import Progress
from crawler.stats import RunStats


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_line_is_written_on_a_terminal():
    stats = RunStats(["A"])
    stats.inc("fetched", 3)
    stats.inc("new", 2)
    out = Tty()
    progress = Progress(stats, out, interval=0)
    progress.update()
    progress.close()
    assert "3 fetched, 2 new" in out.getvalue()
    assert out.getvalue().endswith("\r\x1b[K")


def test_no_progress_without_a_terminal():
    stats = RunStats(["A"])
    out = io.StringIO()
    progress = Progress(stats, out, interval=0)
    progress.update()
    progress.close()
    assert out.getvalue() == ""
