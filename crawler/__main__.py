"""`python -m crawler` is the `storywatch` command."""

from crawler.cli import entry

if __name__ == "__main__":
    entry()
