"""`python -m crawler` is the `storywatch` command."""

from crawler.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
