"""A fault-injecting web on loopback for the crawl's fault, security and crash tests.

Each host is its own loopback address (127.0.0.N) on one common port, so that Scrapy gives every host its own
download slot and the crawl's host allow-list can tell them apart. A route maps (host, path) to a `Fault`: a
function that writes whatever it likes to the socket (a normal page, a slow answer, a reset, a lie). Every request
is logged with its host, path, headers and time, before the fault runs, so tests can assert on what was asked for.
"""

from __future__ import annotations

import gzip
import os
import random
import socket
import sqlite3
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any, Self
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]


def cli_env() -> dict[str, str]:
    """The environment of a storywatch subprocess: this checkout first on the path, no config from the shell."""
    env = dict(os.environ)
    env.pop("STORYWATCH_CONFIG", None)
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):  # tests choose their own proxy, if any
        env.pop(name, None)
        env.pop(name.upper(), None)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    return env


def storywatch_command(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "crawler", *map(str, args)]


def run_storywatch(*args: str | Path, cwd: Path | None = None, timeout: float = 300
                   ) -> subprocess.CompletedProcess[str]:
    """`python -m crawler ARGS` in a subprocess, output captured as text."""
    return subprocess.run(storywatch_command(*args), cwd=cwd or REPO, env=cli_env(), capture_output=True,
                          text=True, timeout=timeout, check=False)


@dataclass(frozen=True)
class Hit:
    """One request the web received."""

    host: str
    path: str  # query string included
    headers: dict[str, str]
    at: float  # time.monotonic() when it arrived
    count: int  # 1 for the first request of this (host, path), 2 for the next ...
    via_proxy: bool = False  # asked of the web's proxy host in absolute form (http://HOST/PATH)


Fault = Callable[["Handler", Hit], None]


# ------------------------------------------------------------------------------------------------ answers
def rows_while_writing(db: Path, table: str) -> int:
    """Rows of `table` in a database a crawl may be writing (read-only, no lock taken); 0 before the schema exists."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
        try:
            return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:  # no database or no table yet
        return 0


def send(handler: Handler, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
    """A plain, honest response with a Content-Length."""
    handler.send_response(status)
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    if handler.command != "HEAD":
        handler.wfile.write(body)


def page(body: bytes | str, *, status: int = 200, content_type: str = "text/html; charset=utf-8",
         headers: dict[str, str] | None = None) -> Fault:
    """Always the same response."""
    data = body.encode("utf-8") if isinstance(body, str) else body

    def fault(handler: Handler, hit: Hit) -> None:
        send(handler, status, data, {"Content-Type": content_type, **(headers or {})})

    return fault


def sequence(*faults: Fault) -> Fault:
    """The n-th request gets the n-th fault; later requests get the last one."""

    def fault(handler: Handler, hit: Hit) -> None:
        faults[min(hit.count, len(faults)) - 1](handler, hit)

    return fault


def slow(seconds: float, then: Fault) -> Fault:
    """Answer only after `seconds` (a crawler with a shorter timeout has hung up by then)."""

    def fault(handler: Handler, hit: Hit) -> None:
        handler.server.stopping.wait(seconds)
        then(handler, hit)

    return fault


def reset_mid_body(body: bytes) -> Fault:
    """Promise the whole body, send the first part, then reset the connection (TCP RST)."""

    def fault(handler: Handler, hit: Hit) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body[: len(body) // 3])
        handler.wfile.flush()
        # SO_LINGER with a zero timeout turns close() into a reset.
        handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        handler.connection.close()
        handler.close_connection = True

    return fault


def truncated(body: bytes) -> Fault:
    """A Content-Length longer than what is sent, then an orderly close."""

    def fault(handler: Handler, hit: Hit) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Length", str(len(body) * 2))
        handler.send_header("Connection", "close")
        handler.end_headers()
        handler.wfile.write(body)
        handler.wfile.flush()
        handler.connection.shutdown(socket.SHUT_WR)
        handler.close_connection = True

    return fault


def drip(body: bytes, every: float) -> Fault:
    """Honest headers, then the body one byte at a time, `every` seconds apart (each byte beats a read timeout)."""

    def fault(handler: Handler, hit: Hit) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        for i in range(len(body)):
            if handler.server.stopping.wait(every):
                return
            handler.wfile.write(body[i:i + 1])
            handler.wfile.flush()

    return fault


def unsized(size: int) -> Fault:
    """A body of `size` bytes with no Content-Length (the end is the connection's close): no size to refuse early."""

    def fault(handler: Handler, hit: Hit) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Connection", "close")
        handler.end_headers()
        chunk = b"<p>Wasserwerk " + b"x" * 65_000 + b"</p>"
        sent = 0
        while sent < size and not handler.server.stopping.is_set():
            handler.wfile.write(chunk)
            sent += len(chunk)
        handler.close_connection = True

    return fault


def redirect(location: str, status: int = 302) -> Fault:
    """A redirect; `location` may be relative."""
    return page(b"", status=status, headers={"Location": location})


def retry_after(status: int, value: str) -> Fault:
    """A 429/503 that asks the client to come back later."""
    return page(f"<html><body><h1>{status}</h1></body></html>", status=status, headers={"Retry-After": value})


def http_date(seconds_from_now: float) -> str:
    """A Retry-After / Last-Modified HTTP date."""
    return formatdate(time.time() + seconds_from_now, usegmt=True)


def gzip_bomb(decompressed_bytes: int) -> Fault:
    """A small gzip body that inflates to `decompressed_bytes`, sent whatever the client accepts."""
    chunk = b"<p>" + b"a" * 1021
    pieces = decompressed_bytes // len(chunk) + 1
    compressed = gzip.compress(b"<html><body>" + chunk * pieces, compresslevel=9, mtime=0)
    return page(compressed, headers={"Content-Encoding": "gzip"})


# ------------------------------------------------------------------------------------------------ server
class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 30
    server: _HostServer

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the web keeps its own log

    def do_GET(self) -> None:
        self._answer()

    def do_HEAD(self) -> None:
        self._answer()

    def _answer(self) -> None:
        web, host, target, via_proxy = self.server.web, self.server.host, self.path, False
        if target.startswith(("http://", "https://")):
            # A proxy request: log it under the host it names (one of ours, or any other, never contacted).
            parts = urlsplit(target)
            host = web.host_at(parts.netloc) or parts.netloc
            target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            via_proxy = True
        hit = web._record(host, target, dict(self.headers.items()), via_proxy)
        fault = web.route(host, target)
        try:
            fault(self, hit)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError, OSError):
            self.close_connection = True


class _HostServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], web: FaultWeb, host: str) -> None:
        self.web = web
        self.host = host
        self.stopping = web._stopping
        super().__init__(address, Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients that hang up are part of the game


def _not_found(handler: Handler, hit: Hit) -> None:
    send(handler, 404, b"<html><body><h1>404</h1></body></html>", {"Content-Type": "text/html; charset=utf-8"})


@dataclass
class FaultWeb:
    """Hosts on 127.0.0.N (N from `first`), one port; routes added with `add`, a log of every request."""

    hosts: list[str]
    first: int = 20
    fixed: dict[str, str] = field(default_factory=dict)  # host -> a loopback address of its own (e.g. 127.0.0.1)
    port: int = 0
    routes: dict[tuple[str, str], Fault] = field(default_factory=dict)
    _hits: list[Hit] = field(default_factory=list)
    _counts: dict[tuple[str, str], int] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _servers: list[_HostServer] = field(default_factory=list)
    _threads: list[threading.Thread] = field(default_factory=list)
    _stopping: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        if self.first + len(self.hosts) > 255:
            raise ValueError("too many hosts for one 127.0.0.N range")
        numbered = [h for h in self.hosts if h not in self.fixed]
        self.addresses = {h: f"127.0.0.{self.first + i}" for i, h in enumerate(numbered)}
        self.addresses.update({h: a for h, a in self.fixed.items() if h in self.hosts})

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    def start(self) -> None:
        """Bind every host on one free port (retrying with another port when one address has it taken)."""
        for _attempt in range(20):
            try:
                port = 0
                for host in self.hosts:
                    server = _HostServer((self.addresses[host], port), self, host)
                    self._servers.append(server)
                    port = server.server_address[1]
                self.port = port
                break
            except OSError:
                for server in self._servers:
                    server.server_close()
                self._servers.clear()
        else:
            raise OSError("could not bind the fault web's hosts on one port")
        for server in self._servers:
            thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        self._stopping.set()
        for server in self._servers:
            server.shutdown()
            server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)

    def base(self, host: str) -> str:
        """http://127.0.0.N:PORT of a host (no trailing slash)."""
        return f"http://{self.addresses[host]}:{self.port}"

    def url(self, host: str, path: str) -> str:
        return self.base(host) + path

    def add(self, host: str, path: str, fault: Fault) -> None:
        """Answer requests for `path` (query string included when given) on `host` with `fault`."""
        self.routes[(host, path)] = fault

    def route(self, host: str, target: str) -> Fault:
        return self.routes.get((host, target)) or self.routes.get((host, urlsplit(target).path)) or _not_found

    def host_at(self, netloc: str) -> str | None:
        """The host served at ADDRESS:PORT, or None."""
        for host, address in self.addresses.items():
            if netloc == f"{address}:{self.port}":
                return host
        return None

    def _record(self, host: str, path: str, headers: dict[str, str], via_proxy: bool = False) -> Hit:
        with self._lock:
            key = (host, path)
            self._counts[key] = self._counts.get(key, 0) + 1
            hit = Hit(host, path, headers, time.monotonic(), self._counts[key], via_proxy)
            self._hits.append(hit)
            return hit

    def hits(self, host: str | None = None, path: str | None = None) -> list[Hit]:
        """The requests received so far, optionally only those of a host and a path (query string ignored)."""
        with self._lock:
            hits = list(self._hits)
        return [h for h in hits if (host is None or h.host == host)
                and (path is None or urlsplit(h.path).path == path)]


# ------------------------------------------------------------------------------------------------ pages
# Words the article generator mixes so that no two generated articles are near-duplicates of each other.
_PLACES = ("Auenbach", "Birkenfeld", "Dornstetten", "Eschwiesen", "Falkenried", "Grünhagen", "Holzmühl",
           "Immenried", "Kaltenbrunn", "Lindach", "Moosbühl", "Neuhäusl", "Oberried", "Pfaffenhain", "Quellental",
           "Rabenstein", "Schönwald", "Tannau", "Ulmenhof", "Vogtsreuth", "Weidach", "Zellhausen")
_THINGS = ("Pumpstation", "Hochbehälter", "Filteranlage", "Leitung", "Messstelle", "Quelle", "Schieberkammer",
           "Aufbereitung", "Notverbund", "Brunnenstube")
_PEOPLE = ("Bürgermeisterin Ilse Raabe", "Werkleiter Jörg Stübner", "Gemeinderat Ömer Bärtle",
           "Ingenieurin Dörte Fähnrich", "Kämmerer Bruno Weißkopf", "Sprecherin Anke Lüders")


_WORDS = ("Abend", "Ablauf", "Absprache", "Anlage", "Antrag", "Anwohner", "Arbeit", "Aufsicht", "Ausschuss",
          "Bagger", "Bahnhof", "Bauhof", "Becken", "Behörde", "Bericht", "Betrieb", "Boden", "Brücke",
          "Brunnen", "Bürger", "Dach", "Damm", "Druck", "Einsatz", "Entwurf", "Ergebnis", "Fahrplan", "Feld",
          "Feuerwehr", "Fluss", "Förderung", "Frist", "Garten", "Gebühr", "Gelände", "Gericht", "Gutachten",
          "Hang", "Hof", "Kanal", "Kapelle", "Keller", "Kosten", "Kreis", "Landrat", "Leitung", "Markt",
          "Messung", "Mühle", "Nachbar", "Netz", "Ortschaft", "Pegel", "Plan", "Platz", "Probe", "Prüfer",
          "Rathaus", "Regen", "Rohr", "Sanierung", "Schacht", "Schule", "Sitzung", "Spende", "Stadtrat",
          "Steg", "Strom", "Tal", "Technik", "Teich", "Turm", "Ufer", "Umbau", "Verein", "Verwaltung",
          "Vorrat", "Wald", "Wartung", "Weg", "Wiese", "Zähler", "Zaun")
_VERBS = ("prüfte", "verlegte", "meldete", "plante", "öffnete", "sperrte", "erneuerte", "zählte", "maß", "besprach",
          "verschob", "lobte", "bezahlte", "reinigte", "begutachtete", "beschloss")
_ADJECTIVES = ("alte", "neue", "marode", "sanierte", "kleine", "große", "städtische", "nördliche", "südliche",
               "frische", "trübe", "teure", "günstige", "gesperrte", "vorläufige", "dritte")


def _filler(rng: random.Random, sentences: int) -> str:
    """Sentences made of random words: they make every generated article's text its own (no near-duplicates)."""
    out = []
    for _ in range(sentences):
        words = []
        for _ in range(rng.randint(3, 4)):
            words += [f"die {rng.choice(_ADJECTIVES)} {rng.choice(_WORDS)}", rng.choice(_VERBS),
                      f"den {rng.choice(_WORDS)}"]
        sentence = " ".join(words)
        out.append(sentence[0].upper() + sentence[1:] + ".")
    return " ".join(out)


def article_text(n: int) -> tuple[str, list[str]]:
    """Title and paragraphs of the n-th generated article: about the Wasserwerk, umlauts included, distinct."""
    place = _PLACES[n % len(_PLACES)]
    thing = _THINGS[(n // len(_PLACES)) % len(_THINGS)]
    person = _PEOPLE[n % len(_PEOPLE)]
    rng = random.Random(n)
    title = f"Wasserwerk {place}: Arbeiten an der {thing} Nummer {n}"
    paragraphs = [
        (f"Das Wasserwerk in {place} hat am Montag mit den Arbeiten an der {thing} begonnen. Nach Angaben der "
         f"Gemeinde sollen sie {n % 9 + 2} Wochen dauern; die Größe der Baustelle überrascht viele Anwohner."),
        (f"{person} sagte bei einer Bürgerversammlung im Saal an der Hauptstraße, die Versorgung sei zu keinem "
         f"Zeitpunkt gefährdet. Für Haushalte in {place} gelte die Äußerung ausdrücklich auch nachts."),
        (f"Die Kosten für die {thing} in {place} liegen nach der jüngsten Schätzung bei {n * 1370 + 41000} "
         f"Euro. Ein Teil davon übernimmt der Landkreis, den übrigen Betrag trägt der Eigenbetrieb aus seinen "
         f"Rücklagen des Jahres {2000 + n % 25}."),
        (f"Anwohner der {place}er Straße müssen mit Umleitungen rechnen. Fußgänger können die Baustelle über einen "
         f"Steg an der Nordseite passieren, teilte das Wasserwerk mit; Radfahrer sollen absteigen."),
        (f"Im Herbst will der Gemeinderat über eine zweite Bauphase an der {thing} beraten. Bis dahin sollen "
         f"Messungen zeigen, ob der Druck im Netz von {place} stabil bleibt und die Trübung nicht zunimmt."),
    ]
    return title, [f"{p} {_filler(rng, 3)}" for p in paragraphs]


def article_html(n: int, *, charset: str | None = "utf-8", extra: str = "") -> str:
    """A whole article page for `article_text(n)`; `charset` goes into <meta charset> (None: no meta)."""
    title, paragraphs = article_text(n)
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html lang="de"><head>{meta}<title>{title}</title>'
            f'<meta property="og:title" content="{title}"></head><body><header><nav><a href="/">Start</a></nav>'
            f"</header><main><article><h1>{title}</h1>"
            f'<p class="byline">Von Redaktion, <time datetime="2026-03-{n % 27 + 1:02d}T08:00:00Z">'
            f"{n % 27 + 1}. März 2026</time></p>{body}{extra}</article></main><footer>Impressum</footer></body></html>")


def rss(base: str, links: list[tuple[str, str]]) -> bytes:
    """An RSS 2.0 feed of (path, title) entries (no summaries: the crawl's prefilter judges none)."""
    items = "".join(f"<item><title>{_xml(t)}</title><link>{base}{p}</link></item>" for p, t in links)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Nachrichten</title>'
            f"<link>{base}/</link>{items}</channel></rss>").encode()


def outlets_with_feeds(web: FaultWeb, per: int) -> str:
    """Every host of `web` an outlet whose RSS feed lists `per` generated articles (distinct numbers per host);
    returns the config's [[sources]] for them."""
    sources = []
    for h, host in enumerate(web.hosts):
        entries = []
        for i in range(per):
            n = 1000 * (h + 1) + i
            path = f"/lokales/wasserwerk-{n}.html"
            web.add(host, path, page(article_html(n)))
            entries.append((path, article_text(n)[0]))
        web.add(host, "/feed.xml", page(rss(web.base(host), entries), content_type="application/rss+xml"))
        sources.append(f'[[sources]]\nname = "{host}"\nurl = "{web.base(host)}/"\n'
                       f'feeds = ["{web.url(host, "/feed.xml")}"]\n')
    return "\n".join(sources)


def urlset(base: str, paths: list[str]) -> bytes:
    locs = "".join(f"<url><loc>{base}{p}</loc></url>" for p in paths)
    return (f'<?xml version="1.0" encoding="utf-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>').encode()


def sitemap_index(base: str, paths: list[str]) -> bytes:
    locs = "".join(f"<sitemap><loc>{base}{p}</loc></sitemap>" for p in paths)
    return (f'<?xml version="1.0" encoding="utf-8"?>'
            f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</sitemapindex>').encode()


def section(links: list[tuple[str, str]], *, extra: str = "") -> str:
    """A listing page with (href, text) article links."""
    anchors = "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in links)
    return (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Lokales</title></head>'
            f"<body><main><ul>{anchors}</ul>{extra}</main></body></html>")


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def wasserwerk_config(tmp_path: Path, web: FaultWeb, links: int, db: Path, crawl: str = "") -> Path:
    """A config file in tmp_path: the web's outlets with `links` linked articles each in their feeds (no delay, no
    retries, and the `crawl` lines), one story 'wasserwerk' without seeds whose query every article matches, the
    database at `db`."""
    config = tmp_path / "storywatch.toml"
    config.write_text(
        f'[database]\npath = "{db.as_posix()}"\n\n[crawl]\ndownload_delay = 0\nretries = 0\n{crawl}\n'
        + outlets_with_feeds(web, links)
        + "\n[[stories]]\nid = \"wasserwerk\"\ntitle = \"Wasserwerk\"\nquery = 'Wasserwerk*'\n",
        encoding="utf-8")
    return config
