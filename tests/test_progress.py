"""The progress line shows on a terminal, counts only what is true during the crawl, and is silent under cron."""

import io

from crawler.progress import Progress
from crawler.stats import RunStats


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_line_is_written_on_a_terminal():
    stats = RunStats(["A"])
    stats.inc("fetched", 3)
    stats.inc("candidates", 2)
    out = Tty()
    progress = Progress(stats, out, interval=0)
    progress.update()
    progress.close()
    assert "3 fetched, 2 candidates" in out.getvalue()
    assert out.getvalue().endswith("\r\x1b[K")


def test_progress_line_shows_candidates_not_new_members_which_are_decided_at_the_end():
    stats = RunStats(["A"])
    stats.inc("fetched", 1)
    stats.inc("candidates", 1)
    stats.inc("new", 1)  # a seed joins during the crawl; follow-ups join in the decision after it
    line = Progress(stats, Tty(), interval=0).line()
    assert "1 candidate," in line and "decided at the end" in line
    assert " new" not in line and "1 error" not in line and "0 errors" in line


def test_no_progress_without_a_terminal():
    stats = RunStats(["A"])
    out = io.StringIO()
    progress = Progress(stats, out, interval=0)
    progress.update()
    progress.close()
    assert out.getvalue() == ""


def test_no_progress_when_asked_for_quiet_even_on_a_terminal():
    stats = RunStats(["A"])
    stats.inc("fetched", 3)
    out = Tty()
    progress = Progress(stats, out, interval=0, show=False)
    progress.update()
    progress.close()
    assert out.getvalue() == ""
