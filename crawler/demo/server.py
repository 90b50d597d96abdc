"""A static multi-host outlet web on loopback: each site its own 127.0.0.N address, one common port, two rounds.

Web directory layout (used by the bundled demo and by the test web):

    WEB/config.toml.tmpl          a storywatch config template ({{db}}, {{web}}, {{base:<site>}})
    WEB/<site>/site.toml          optional, per path: status = 500, headers = {...}, delay = seconds
    WEB/<site>/round1/<path>      files of round 1 (index.html answers "/" and "<dir>/")
    WEB/<site>/round2/<path>      round 2 overlays round 1; "<path>.gone" answers 404 from then on

Text files get their placeholders filled when served: {{base}} (this site), {{base:<site>}}, {{web}}. Everything
is served as raw bytes, so a windows-1252 page stays windows-1252.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import re
import threading
import time
import tomllib
from dataclasses import dataclass
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any, Self
from urllib.parse import unquote, urlsplit

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".html", ".htm", ".xml", ".rss", ".atom", ".txt", ".tmpl", ".json"})
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".json": "application/json",
    ".css": "text/css",
    ".js": "text/javascript",
    ".jpg": "image/jpeg",
    ".png": "image/png",
}
_PLACEHOLDER = re.compile(rb"\{\{(base|web|db)(?::([A-Za-z0-9_.-]+))?\}\}")
_MAX_ROUND = 9  # rounds are folders round1 ... roundN; nobody needs more than a handful


@dataclass(frozen=True)
class RequestRecord:
    """One request the web answered."""

    site: str
    method: str
    path: str  # as requested, query string included
    status: int
    round: int


@dataclass(frozen=True)
class _Response:
    status: int
    body: bytes
    headers: dict[str, str]
    etag: str | None = None
    last_modified: float | None = None  # epoch seconds


class _SiteServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], web: OutletWeb, site: str) -> None:
        self.web = web
        self.site = site
        super().__init__(address, _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that hangs up mid-response is normal for a crawler (size limits, timeouts): stay quiet.
        logger.debug("connection from %s to %s ended with an error", client_address, self.site)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 15  # idle keep-alive connections end by themselves
    server: _SiteServer

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: tests and the demo read the request log, not stderr

    def do_GET(self) -> None:
        self._answer(head=False)

    def do_HEAD(self) -> None:
        self._answer(head=True)

    def _answer(self, *, head: bool) -> None:
        web, site = self.server.web, self.server.site
        current_round = web.round
        try:
            response = web.respond(site, self.path, dict(self.headers.items()), current_round)
            web._record(RequestRecord(site, self.command, self.path, response.status, current_round))
            delay = web.setting(site, self.path).get("delay")
            if delay:
                time.sleep(float(delay))
            body = response.body
            headers = dict(response.headers)
            if body and "gzip" in self.headers.get("Accept-Encoding", "") and response.status == 200:
                body = gzip.compress(body, mtime=0)
                headers["Content-Encoding"] = "gzip"
            self.send_response(response.status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if not head and response.status != 304:
                self.wfile.write(body)
        except (TimeoutError, BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.close_connection = True


class OutletWeb:
    """Serves a web directory: one ThreadingHTTPServer per site on its own loopback address, daemon threads."""

    def __init__(self, root: Path, *, first_host: int = 2) -> None:
        self.root = Path(root).resolve()
        self.sites = sorted(
            p.name for p in self.root.iterdir() if p.is_dir() and (p / "round1").is_dir()
        )
        if not self.sites:
            raise ValueError(f"{self.root}: no site folders with a round1/ folder")
        if first_host + len(self.sites) > 255:
            raise ValueError(f"{len(self.sites)} sites do not fit into 127.0.0.{first_host}-254")
        self.addresses = {site: f"127.0.0.{first_host + i}" for i, site in enumerate(self.sites)}
        self.round = 1
        self.port = 0
        self._servers: list[_SiteServer] = []
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._requests: list[RequestRecord] = []
        self._settings = {site: self._load_settings(site) for site in self.sites}
        # Last-Modified of a file is the time of the round it comes from: in the past, one hour per round.
        self._epoch = int(time.time()) - 86400

    # -- life cycle -------------------------------------------------------------------------------------------

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def start(self) -> None:
        """Bind every site (the first on a free port, the others on the same port) and serve in daemon threads."""
        if self._servers:
            return
        last_error: OSError | None = None
        for _attempt in range(10):
            try:
                self._bind_all()
                break
            except OSError as exc:  # the port was free on the first address only: try another
                last_error = exc
                self._close_servers()
        else:
            raise OSError(f"could not bind {len(self.sites)} loopback addresses on one port: {last_error}")
        for server in self._servers:
            # A short poll interval keeps stop() quick; idle polling costs nothing worth measuring.
            thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                      name=f"outlet-{server.site}", daemon=True)
            thread.start()
            self._threads.append(thread)
        logger.info("outlet web %s on port %d: %s", self.root, self.port,
                    ", ".join(f"{s}={a}" for s, a in self.addresses.items()))

    def _bind_all(self) -> None:
        port = 0
        for site in self.sites:
            server = _SiteServer((self.addresses[site], port), self, site)
            self._servers.append(server)
            port = server.server_address[1]
        self.port = port

    def stop(self) -> None:
        """Stop serving and close the sockets."""
        for server in self._servers:
            server.shutdown()
        self._close_servers()
        for thread in self._threads:
            thread.join(timeout=5)
        self._threads.clear()

    def _close_servers(self) -> None:
        for server in self._servers:
            server.server_close()
        self._servers.clear()

    # -- addresses and config ---------------------------------------------------------------------------------

    def base(self, site: str) -> str:
        """This site's base URL, http://127.0.0.N:PORT (no trailing slash)."""
        if site not in self.addresses:
            raise KeyError(f"no site '{site}' in {self.root} (sites: {', '.join(self.sites)})")
        if not self.port:
            raise RuntimeError("the outlet web is not started")
        return f"http://{self.addresses[site]}:{self.port}"

    def render_config(self, db_path: Path, dest: Path) -> Path:
        """Fill config.toml.tmpl's placeholders ({{db}}, {{web}}, {{base:<site>}}) and write it to dest."""
        template = (self.root / "config.toml.tmpl").read_bytes()
        text = self._fill(template, site=None, db_path=Path(db_path).resolve())
        dest = Path(dest)
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(text)
        return dest

    def _fill(self, data: bytes, *, site: str | None, db_path: Path | None = None) -> bytes:
        def replace(m: re.Match[bytes]) -> bytes:
            kind, arg = m.group(1).decode(), m.group(2).decode() if m.group(2) else None
            if kind == "web" and arg is None:
                return self.root.as_posix().encode()
            if kind == "db" and arg is None and db_path is not None:
                return db_path.as_posix().encode()
            if kind == "base":
                name = arg or site
                if name in self.addresses:
                    return self.base(name).encode()
            logger.warning("unknown placeholder %s left as it is", m.group(0).decode())
            return m.group(0)

        return _PLACEHOLDER.sub(replace, data)

    # -- the request log --------------------------------------------------------------------------------------

    @property
    def requests(self) -> list[RequestRecord]:
        """Every request answered so far, in order (a snapshot)."""
        with self._lock:
            return list(self._requests)

    def clear_requests(self) -> None:
        with self._lock:
            self._requests.clear()

    def _record(self, record: RequestRecord) -> None:
        with self._lock:
            self._requests.append(record)

    # -- answering --------------------------------------------------------------------------------------------

    def _load_settings(self, site: str) -> dict[str, dict[str, Any]]:
        path = self.root / site / "site.toml"
        if not path.exists():
            return {}
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        settings: dict[str, dict[str, Any]] = {}
        for key, value in data.items():
            if not isinstance(value, dict):
                raise TypeError(f"{path}: '{key}' must be a table of status/headers/delay")
            unknown = set(value) - {"status", "headers", "delay"}
            if unknown:
                raise ValueError(f"{path}: '{key}': unknown keys {sorted(unknown)}")
            settings["/" + key.lstrip("/")] = value
        return settings

    def setting(self, site: str, target: str) -> dict[str, Any]:
        """site.toml's entry for a request path (query string ignored), or {}."""
        path = unquote(urlsplit(target).path) or "/"
        return self._settings.get(site, {}).get(path, {})

    def locate(self, site: str, target: str, round_: int) -> tuple[Path, int] | None:
        """The file that answers a request path in a round, and the round it comes from; None for 404."""
        path = unquote(urlsplit(target).path) or "/"
        parts = [p for p in path.split("/") if p]
        if any(p in (".", "..") or "\\" in p for p in parts):
            return None
        site_dir = self.root / site
        candidates = [parts + ["index.html"]] if path.endswith("/") else [parts, parts + ["index.html"]]
        for r in range(min(round_, _MAX_ROUND), 0, -1):
            round_dir = site_dir / f"round{r}"
            for rel in candidates:
                if not rel:
                    continue
                file = round_dir.joinpath(*rel)
                if file.with_name(file.name + ".gone").exists():
                    return None
                if file.is_file():
                    return file, r
        return None

    def respond(self, site: str, target: str, headers: dict[str, str], round_: int) -> _Response:
        """The response to one request (status, body, headers), before transfer encoding."""
        setting = self.setting(site, target)
        found = self.locate(site, target, round_)
        extra = {str(k): str(v) for k, v in setting.get("headers", {}).items()}
        status = int(setting.get("status", 200 if found else 404))
        if found is None:
            body = f"<html><body><h1>{status}</h1></body></html>".encode()
            return _Response(status, body, {"Content-Type": "text/html; charset=utf-8", **extra})
        file, from_round = found
        body = file.read_bytes()
        if file.suffix in TEXT_SUFFIXES:
            body = self._fill(body, site=site)
        out_headers = {"Content-Type": _content_type(file), **extra}
        if status != 200:
            return _Response(status, body, out_headers)
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        modified = float(self._epoch + 3600 * from_round)
        out_headers["ETag"] = etag
        out_headers["Last-Modified"] = formatdate(modified, usegmt=True)
        out_headers["Vary"] = "Accept-Encoding"
        if _not_modified(headers, etag, modified):
            return _Response(304, b"", out_headers, etag, modified)
        return _Response(200, body, out_headers, etag, modified)


def _content_type(file: Path) -> str:
    if file.name == "robots.txt":
        return "text/plain"
    return CONTENT_TYPES.get(file.suffix.lower(), "application/octet-stream")


def _not_modified(headers: dict[str, str], etag: str, modified: float) -> bool:
    lower = {k.lower(): v for k, v in headers.items()}
    if "if-none-match" in lower:  # RFC 9110: If-None-Match wins over If-Modified-Since
        tags = [t.strip().removeprefix("W/") for t in lower["if-none-match"].split(",")]
        return "*" in tags or etag in tags
    since = lower.get("if-modified-since")
    if since:
        try:
            return parsedate_to_datetime(since).timestamp() >= modified
        except (TypeError, ValueError, IndexError):
            return False
    return False


def main(argv: list[str] | None = None) -> int:
    """Serve a web directory by hand: `python -m crawler.demo.server [WEB] [--round N]`, Ctrl-C to stop."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m crawler.demo.server", description=main.__doc__)
    parser.add_argument("web", nargs="?", type=Path, default=Path(__file__).resolve().parent / "outlets",
                        help="web directory (default: the bundled demo outlets)")
    parser.add_argument("--round", type=int, default=1, help="round to serve (default: 1)")
    args = parser.parse_args(argv)
    with OutletWeb(args.web) as web:
        web.round = args.round
        for site in web.sites:
            print(f"{site:<16} {web.base(site)}/")
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
