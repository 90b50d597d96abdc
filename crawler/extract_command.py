"""`storywatch extract PATH_OR_URL... [--url URL] [--config PATH] [--any-page] [--json | --jsonl]`: the crawl's
extraction, by hand.

Files (.html, .html.gz) and URLs are extracted in a process pool (trafilatura is not thread-safe), output in input
order.  A page judged not an article (crawler.page_type) fails with `not_article` and the evidence, as the crawl
would drop it, unless --any-page.  Without --config nothing but the built-in rules applies; with it, the matching
source's drop_patterns and the database's learned boilerplate do.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from config.model import CrawlSettings
from crawler.extract import ExtractionError, ExtractOptions, decode_html, extract_page, parse_page
from crawler.page_type import judge_page
from crawler.urls import host_of

logger = logging.getLogger(__name__)

FIELDS = ("input", "url", "canonical_url", "title", "author", "published", "language", "source", "agency", "text")


@dataclass(frozen=True)
class Job:
    """One input and everything its worker needs (picklable)."""

    input: str
    url: str | None
    user_agent: str = CrawlSettings.user_agent
    timeout: float = CrawlSettings.timeout
    max_bytes: int = CrawlSettings.max_page_bytes
    site_options: Mapping[str, ExtractOptions] = field(default_factory=dict)
    any_page: bool = False  # extract also a page judged a listing (home, section, tag, ...)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of `storywatch extract`."""
    parser.add_argument("inputs", nargs="+", metavar="PATH_OR_URL", help=".html or .html.gz files, or http(s) URLs")
    parser.add_argument("--url", help="the address of the page in the (single) file given")
    parser.add_argument("--config", help="apply this config's source rules and the database's learned boilerplate")
    parser.add_argument("--any-page", action="store_true",
                        help="extract also pages judged not to be articles (home, section, tag, author pages ...)")
    fmt = parser.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print one JSON object (one input only)")
    fmt.add_argument("--jsonl", action="store_true", help="print one JSON object a line, key 'input' as given")


def run(args: argparse.Namespace) -> int:
    """Extract every input; exit 0 when all were extracted, 1 when some failed, 2 for bad arguments.

    A file argument that names no file (missing, a folder) is a bad argument, as a wrong option is: exit 2, one
    line on stderr for it, and the other inputs are still extracted and printed (its own record says the error,
    so that --jsonl output keeps one line per input).
    """
    inputs: list[str] = list(args.inputs)
    if args.url and len(inputs) != 1:
        return _usage("--url tells the address of one input; give exactly one PATH_OR_URL with it")
    if args.json and len(inputs) != 1:
        return _usage("--json prints one object: give exactly one PATH_OR_URL (use --jsonl for many)")
    if args.url and not args.url.startswith(("http://", "https://")):
        return _usage(f"--url: not an http(s) URL: {args.url}")
    crawl = CrawlSettings()
    site_options: dict[str, ExtractOptions] = {}
    if args.config:
        from config.loader import ConfigError, load_config

        try:
            config = load_config(args.config)
        except ConfigError as exc:
            print(f"storywatch extract: {exc}", file=sys.stderr)
            return 2
        crawl = config.crawl
        site_options = _site_options(config)
    jobs = [Job(item, args.url or (item if _is_url(item) else None), crawl.user_agent, crawl.timeout,
                crawl.max_page_bytes, site_options, args.any_page) for item in inputs]
    not_files = [item for item in inputs if not _is_url(item) and not Path(item).is_file()]
    failed = 0
    try:
        for result in _results(jobs):
            failed += "error" in result
            _print(result, args)
    except BrokenPipeError:  # the reader (head, a closed pipe) went away: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    for item in not_files:
        _usage(f"{'is a directory' if Path(item).is_dir() else 'no such file'}: {item}")
    return 2 if not_files else 1 if failed else 0


def extract_job(job: Job) -> dict[str, object]:
    """Read or fetch one input and extract it: the fields, or `input` and `error`."""
    try:
        body, declared = _fetch(job) if _is_url(job.input) else (_read_file(job.input), None)
        html = decode_html(body, declared)
        tree = parse_page(html)
        if not job.any_page:
            # The crawl stores only articles; a listing gets the same verdict here, with the evidence behind it.
            verdict = judge_page(tree, job.url)
            if not verdict.is_article:
                return {"input": job.input, "error": f"not_article: {verdict.describe()}"}
        options = job.site_options.get(host_of(job.url), ExtractOptions()) if job.url else ExtractOptions()
        extracted = extract_page(tree, job.url, options)
        if not job.url and job.site_options and extracted.canonical_url:
            # A file without --url: its own canonical link names the site whose rules apply.
            site_opts = job.site_options.get(host_of(extracted.canonical_url))
            if site_opts is not None and site_opts != options:
                extracted = extract_page(html, job.url, site_opts)
    except ExtractionError as exc:
        return {"input": job.input, "error": f"{exc.reason}: {exc}" if str(exc) != exc.reason else exc.reason}
    except _InputError as exc:
        return {"input": job.input, "error": str(exc)}
    except Exception as exc:
        logger.debug("extraction crashed on %s", job.input, exc_info=True)
        return {"input": job.input, "error": f"crash: {type(exc).__name__}: {exc}"}
    return {"input": job.input, **extracted.as_dict()}


class _InputError(Exception):
    """An input that could not be read or fetched."""


def _results(jobs: list[Job]) -> Iterator[dict[str, object]]:
    if len(jobs) == 1:
        yield extract_job(jobs[0])
        return
    workers = max(1, min(os.cpu_count() or 1, len(jobs)))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        # map keeps input order; a small chunk keeps both cores busy without holding output back long.
        yield from pool.map(extract_job, jobs, chunksize=max(1, min(8, len(jobs) // (workers * 4))))


def _site_options(config: object) -> dict[str, ExtractOptions]:
    from storage import open_database
    from storage.boilerplate import learned_hashes

    db = open_database(config.database.path)  # type: ignore[attr-defined]
    out: dict[str, ExtractOptions] = {}
    try:
        for source in config.sources:  # type: ignore[attr-defined]
            for address in (source.url, *source.feeds, *source.sitemaps, *source.sections):
                site = host_of(address)
                if site and site not in out:
                    out[site] = ExtractOptions(tuple(source.drop_patterns), learned_hashes(db, site))
    finally:
        db.close()
    return out


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def _read_file(path_text: str) -> bytes:
    path = Path(path_text)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise _InputError(f"not_found: no such file: {path_text}") from None
    except IsADirectoryError:
        raise _InputError(f"not_a_file: is a directory: {path_text}") from None
    except OSError as exc:
        raise _InputError(f"unreadable: {exc.strerror or exc}") from None
    if path.suffix == ".gz":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise _InputError(f"bad_gzip: {exc}") from None
    return data


def _fetch(job: Job) -> tuple[bytes, str | None]:
    request = urllib.request.Request(job.input, headers={"User-Agent": job.user_agent, "Accept": "text/html,*/*"})
    try:
        with urllib.request.urlopen(request, timeout=job.timeout) as response:
            ctype = response.headers.get("Content-Type", "")
            if ctype and "html" not in ctype.lower() and "xml" not in ctype.lower():
                raise ExtractionError("not_html", f"the server sent {ctype.split(';')[0]}")
            body = response.read(job.max_bytes + 1)
            charset = response.headers.get_content_charset()
    except urllib.error.HTTPError as exc:
        raise _InputError(f"http_{exc.code}: {exc.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise _InputError(f"fetch_failed: {reason}") from None
    if len(body) > job.max_bytes:
        raise _InputError(f"too_large: more than {job.max_bytes} bytes")
    return body, charset


def _print(result: dict[str, object], args: argparse.Namespace) -> None:
    if args.jsonl:
        print(json.dumps(result, ensure_ascii=False), flush=True)
    elif args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2), flush=True)
    elif "error" in result:
        print(f"== {result['input']}\nerror: {result['error']}\n", flush=True)
    else:
        lines = [f"== {result['input']}"]
        lines += [f"{key}: {result[key]}" for key in FIELDS[1:-1] if result.get(key)]
        lines += ["", str(result["text"]), ""]
        print("\n".join(lines), flush=True)


def _usage(message: str) -> int:
    print(f"storywatch extract: error: {message}", file=sys.stderr)
    return 2
