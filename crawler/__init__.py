"""storywatch's crawler: discovery, fetch, extraction, matching, dedup; the command line and the scheduler."""

__version__ = "0.1.0"
