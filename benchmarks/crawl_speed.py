"""Whole-crawl speed, CPU, memory and event-loop lateness against plain trafilatura, in one run (issue 15).

    python benchmarks/crawl_speed.py [--pages 1000 5000] [--repeat 3] [--store-sizes 10000 100000]
                                     [--decision-sizes 1000 5000 10000] [--quick] [--close-connections]

Serves N generated German article pages of about 100 KB on four loopback hosts (127.0.0.11-14) with RSS feeds,
then, for every N, --repeat rounds of:

  plain trafilatura   a subprocess: 8 download threads, `trafilatura.extract(html, with_metadata=True)` in one
                      thread (the issue's baseline);
  storywatch run      a subprocess: `storywatch run` into a fresh database, one story with two seed files and one
                      seed URL whose query matches every page, so every page is a candidate and the end-of-run
                      decision (included in the time) decides all of them. The related links are not followed
                      (`follow_related_links = false`: the crawl fetches the N pages and no more), so the workers do
                      not look for them; with --follow-related they are followed as by default, and every page,
                      matched by the query, is searched for them (the pages they point to are fetched already).

Each figure is printed beside its baseline from the same run (medians of the rounds): pages/s and its ratio, CPU
seconds per page of the whole process tree (user + system, the extraction workers included) against the baseline's
whole process and against its `extract()` calls alone (thread CPU time around them), and peak RSS of the whole
process tree (sampled from /proc every 20 ms; the sum over the process and its children at each sample).

Where storywatch's CPU goes, each against `extract()`: the crawl process itself (its own user + system time when the
command returns: downloads, storing, the decision, start-up) and the extraction workers (the rest of the tree); and,
in a third subprocess per round, Scrapy alone as storywatch configures it (crawler/settings.py from the same config
file), fetching the same feeds and pages and doing nothing with them: what the required fetcher costs by itself.

The event-loop probe: the crawl process runs with a Twisted timer every 10 ms; its lateness (when it ran minus when
it was due) is reported as maximum and 99th percentile, over the crawl (the decision runs after the loop stops).
For the ticks over 50 ms late it also reads the crawl thread's schedstat (Linux): the time it ran on a core and the
time it waited for one since the tick before, which tells work on the loop from a wait behind other processes.

The store's write-ahead log: its file's largest size during the run (sampled with the RSS), against the store's file
after the run. SQLite reuses the log from its start only at a commit that finds all of it copied into the store
(storage/checkpointer.py); a log that never starts over grows by every page the crawl writes.

Store growth (--store-sizes): the same crawl of the smallest N into databases pre-filled by SQL with 10k and 100k
stored articles (unique texts, their FTS rows, URLs and near-duplicate bands); pages/s and the tree's peak RSS of
each, and the ratio of the largest to the smallest store.

The decision's scaling table (--decision-sizes) comes from benchmarks/decision_speed.py: N query-matching
candidates of one story with seeds, every one decided.

The checkout's packages (crawler, storage, config) are byte-compiled before anything is measured, as `pip install .`
(the README's set-up) compiles an installed storywatch and trafilatura's own install compiled the baseline: with
PYTHONDONTWRITEBYTECODE set (this machine's environment) a run from the checkout otherwise compiled its modules from
source in the crawl process and in each worker, which no installed storywatch does (compiling all of them takes
86 ms; the crawl process's imports took 0.42-0.44 s without byte-code, 0.36-0.37 s with it). Whole runs show it
within their noise: 20 pages 1.02 against 1.00 s, 1000 pages 7.19 against 7.09 s (medians of 7 and 3, alternating).

The outlets speak HTTP/1.1 and keep connections open, as web servers do; both sides use them (plain trafilatura
through urllib3's pool, as trafilatura's own fetch_url). --close-connections: HTTP/1.0, a new connection for every
page on both sides (the protocol of the issue's first measurement, which made connection set-up a tenth of the
crawl's main-process CPU).

--small-run N (default 20): the same for N pages, a cron run's usual size, where starting up is most of the time.

--quick: 300 pages, one round, stores of 2k and 10k, decision sizes 1000 and 2000: a few minutes, for development.

Targets (issue 15): pages/s >= 1.5x plain trafilatura for 1000 and 5000 pages; CPU s/page <= 1.3x extract();
tree peak RSS <= 250 MB at 5000 pages and within 1.2x from 10k to 100k stored articles; the event loop never late by
more than 50 ms; every candidate decided, 10,000 in <= 10 s, near-linear.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import json
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

HOSTS = ["127.0.0.11", "127.0.0.12", "127.0.0.13", "127.0.0.14"]
QUERY_TERM = "Bodensee"  # every page names it: the query matches every page
# German function words between the invented content words, so that the text reads as German to the extractor's
# and the judge's statistics (stopword share, sentence shape).
FUNCTION_WORDS = ("der die das und in den von zu mit sich des auf für ist im dem nicht ein eine als auch es an "  # noqa: SIM905
                  "werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum "
                  "war haben nur oder aber vor zur bis mehr durch man sein wurde sei").split()
NAV = ("Politik Wirtschaft Sport Kultur Panorama Wissen Reise Auto Digital Meinung Region Lokales Wetter Video "  # noqa: SIM905
       "Podcast Newsletter Abo Archiv Impressum Kontakt").split()


class PageWriter:
    """Invented German news texts: function words, a Zipf vocabulary of invented content words, and the words of
    the page's topic (a quarter of the pages share the story's topic), as in benchmarks/decision_speed.py."""

    def __init__(self, seed: int = 7) -> None:
        from benchmarks.decision_speed import TextMaker

        self.maker = TextMaker(seed)
        self.rng = random.Random(seed)

    def text(self, topic: int) -> list[str]:
        words = self.maker.text(topic).split()
        out: list[str] = []
        for word in words:
            out.append(word)
            if self.rng.random() < 0.45:
                out.append(self.rng.choice(FUNCTION_WORDS))
        out.insert(self.rng.randrange(len(out)), f"{QUERY_TERM}.")
        paragraphs = []
        for start in range(0, len(out), 60):
            chunk = out[start:start + 60]
            paragraphs.append(" ".join(chunk).strip(".").capitalize() + ".")
        return paragraphs


def make_pages(n: int, seed: int = 7) -> tuple[dict[str, dict[str, bytes]], list[tuple[str, str]]]:
    """Per host: path -> bytes; and two seed files (title, text) on the story's topic."""
    writer = PageWriter(seed)
    sites: dict[str, dict[str, bytes]] = {h: {} for h in HOSTS}
    items: dict[str, list[str]] = {h: [] for h in HOSTS}
    nav = "".join(f'<li><a href="/ressort/{w.lower()}/">{w}</a></li>' for w in NAV) * 10
    for i in range(n):
        host = HOSTS[i % len(HOSTS)]
        topic = 0 if i % 4 == 0 else 1 + i % 200
        paras = writer.text(topic)
        title = ("Am Bodensee: " if topic == 0 else "Aus der Region: ") + " ".join(paras[0].split()[:6])
        body = "".join(f"<p>{p}</p>" for p in paras)
        # Related links to pages of the same outlet (every fourth page is on this host), as sites link their own.
        teaser = "".join(f'<li><a href="/artikel/meldung-{(i + 4 * k) % n:05d}.html">Auch interessant {k}</a></li>'
                         for k in range(1, 9))
        filler = "<script>var config = '" + ("x" * 85000) + "';</script>"  # template weight: scripts, styles
        meta = json.dumps({"@type": "NewsArticle", "headline": title, "author": {"name": "Redaktion"},
                           "datePublished": f"2025-01-{1 + i % 28:02d}T08:00:00+01:00"})
        html = (f"<!doctype html><html lang='de'><head><meta charset='utf-8'><title>{title}</title>"
                f"<meta property='og:title' content='{title}'>"
                f"<script type='application/ld+json'>{meta}</script>{filler}</head>"
                f"<body><header><nav><ul>{nav}</ul></nav></header><main><article><h1>{title}</h1>"
                f"<p class='byline'>Von Redaktion, 2025-01-{1 + i % 28:02d}</p>{body}</article>"
                f"<aside><ul>{teaser}</ul></aside></main>"
                f"<footer>Impressum Datenschutz Kontakt. Alle Rechte vorbehalten.</footer></body></html>")
        path = f"/artikel/meldung-{i:05d}.html"
        sites[host][path] = html.encode()
        # No summaries: every page is fetched and extracted (the prefilter never judges a title alone).
        items[host].append(f"<item><title>{title}</title><link>http://{host}:{{port}}{path}</link></item>")
    for host in HOSTS:
        sites[host]["/robots.txt"] = b"User-agent: *\nAllow: /\n"
        sites[host]["/rss.xml"] = ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>x"
                                   "</title>" + "".join(items[host]) + "</channel></rss>").encode()
    seeds = [("Am Bodensee", "\n\n".join(writer.text(0))) for _ in range(2)]
    return sites, seeds


class Server(ThreadingHTTPServer):
    """A loopback outlet with a real server's listen backlog.

    socketserver's default backlog is 5. The crawl opens up to `concurrent_requests` connections to one host at once
    (with download_delay 0, Scrapy 2.19 starts every queued request of a host's download slot, beyond
    concurrent_requests_per_domain); the kernel drops the connections beyond the backlog, and each dropped one waits
    a second for its SYN to be sent again. The crawl then waits on the benchmark's servers, not on its own work: at
    2500 pages, 898 dropped connections and 0.55 times the pages/s of the same crawl with a backlog of 128 (13
    dropped). Web servers listen with far larger backlogs (nginx 511)."""

    request_queue_size = 1024


def listen_drops() -> int | None:
    """Connections the kernel dropped because a listen backlog was full, so far (Linux; None elsewhere)."""
    try:
        with open("/proc/net/netstat") as f:
            lines = f.read().splitlines()
    except OSError:
        return None
    for names, values in zip(lines[::2], lines[1::2], strict=False):
        if names.startswith("TcpExt:"):
            fields = dict(zip(names.split()[1:], values.split()[1:], strict=False))
            return int(fields["ListenDrops"]) if "ListenDrops" in fields else None
    return None


def serve(sites: dict[str, dict[str, bytes]], keep_alive: bool = True) -> tuple[int, list[ThreadingHTTPServer]]:
    """The outlets: HTTP/1.1 with persistent connections as web servers speak it (keep_alive), or HTTP/1.0 with one
    connection per request (the protocol of the issue's first measurement, --close-connections)."""
    servers = []
    port = 0
    for host in HOSTS:
        files = sites[host]

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1" if keep_alive else "HTTP/1.0"

            def do_GET(self, files: dict[str, bytes] = files) -> None:
                body = files.get(self.path)
                if body is not None and self.path == "/rss.xml":
                    body = body.replace(b"{port}", str(self.server.server_address[1]).encode())
                self.send_response(200 if body is not None else 404)
                self.send_header("Content-Type", "application/rss+xml" if self.path.endswith(".xml")
                                 else "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body or b"")))
                self.end_headers()
                self.wfile.write(body or b"")

            def log_message(self, *args: object) -> None:
                pass

        server = Server((host, port), Handler)
        server.daemon_threads = True
        port = server.server_address[1]
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    return port, servers


BASELINE = textwrap.dedent("""
    import sys, re, time, urllib.request, concurrent.futures, trafilatura, urllib3
    keep_alive = sys.argv[1] == "keep-alive"
    feeds = sys.argv[2:]
    links = []
    for f in feeds:
        links += re.findall(r"<link>([^<]+)</link>", urllib.request.urlopen(f).read().decode())
    # Persistent connections through urllib3's pool, as trafilatura's own fetch_url downloads; else one per request.
    http = urllib3.PoolManager(num_pools=8, maxsize=8)
    def get(u):
        if keep_alive:
            return http.request("GET", u, timeout=30).data
        return urllib.request.urlopen(u, timeout=30).read()
    n = 0
    extract_cpu = 0.0
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        for html in pool.map(get, links):
            t = time.thread_time()
            if trafilatura.extract(html, with_metadata=True):
                n += 1
            extract_cpu += time.thread_time() - t
    print(f"BASELINE extracted={n} extract_cpu={extract_cpu}")
""")

# Scrapy alone, as storywatch configures it (crawler.settings from the same config file): the feeds' links fetched
# and nothing done with the pages. The part of the crawl's CPU that the required fetcher costs by itself.
SCRAPY_ALONE = textwrap.dedent("""
    import re, sys
    import scrapy
    from scrapy.crawler import CrawlerProcess
    from config.loader import load_config
    from crawler.settings import scrapy_settings

    config = load_config(sys.argv[1])
    feeds = [f for source in config.sources for f in source.feeds]

    class Fetch(scrapy.Spider):
        name = "fetch"

        async def start(self):
            for feed in feeds:
                yield scrapy.Request(feed, callback=self.feed)

        def feed(self, response):
            for link in re.findall(rb"<link>([^<]+)</link>", response.body):
                yield scrapy.Request(link.decode(), callback=self.page)

        def page(self, response):
            self.crawler.stats.inc_value("pages")

    process = CrawlerProcess(scrapy_settings(config.crawl))
    crawler = process.create_crawler(Fetch)
    process.crawl(crawler)
    process.start()
    print(f"FETCHED pages={crawler.stats.get_value('pages')}")
""")

# `storywatch run` with an event-loop probe: a timer every 10 ms on the crawl's reactor, its lateness recorded.
PROBED_RUN = textwrap.dedent("""
    import json, os, resource, sys, time

    def on_cpu_and_waiting():
        # The crawl thread's nanoseconds on a core and waiting for one (Linux's schedstat; None elsewhere).
        try:
            with open(f"/proc/self/task/{os.getpid()}/schedstat") as f:
                ran, waited, _ = f.read().split()
            return int(ran), int(waited)
        except (OSError, ValueError):
            return None

    def probed_main(out, argv):
        try:  # as the storywatch command does first (crawler.cli.entry), before numpy is loaded
            from crawler.blas import single_threaded_blas
            single_threaded_blas()
        except ImportError:  # a revision before crawler.blas (an A/B run)
            pass
        from crawler import extract_pool
        late = []
        stretches = []  # ticks over 50 ms late: [late, the thread's CPU, its wait for a core] since the tick before

        def probe_the_loop():
            import scrapy.crawler

            class Probed(scrapy.crawler.CrawlerProcess):
                def start(self, *args, **kwargs):
                    from twisted.internet import reactor

                    def tick(due, before):
                        now, sched = time.perf_counter(), on_cpu_and_waiting()
                        late.append(now - due)
                        if now - due > 0.05 and sched and before:
                            stretches.append([now - due, (sched[0] - before[0]) / 1e9, (sched[1] - before[1]) / 1e9])
                        reactor.callLater(0.01, tick, now + 0.01, sched)
                    reactor.callLater(0.01, tick, time.perf_counter() + 0.01, on_cpu_and_waiting())
                    return super().start(*args, **kwargs)

            scrapy.crawler.CrawlerProcess = Probed

        # Scrapy is loaded where the crawl loads it, after the first worker was started (crawler.run.start_extraction):
        # the pool starts it when it is made; a revision before that started it in ExtractionPool.warm_up (an A/B run).
        hook = "warm_up" if hasattr(extract_pool.ExtractionPool, "warm_up") else "__init__"
        started = getattr(extract_pool.ExtractionPool, hook)

        def start_then_probe(self, *args, **kwargs):
            started(self, *args, **kwargs)
            probe_the_loop()
        setattr(extract_pool.ExtractionPool, hook, start_then_probe)
        from crawler.cli import main
        code = main(argv)
        own = resource.getrusage(resource.RUSAGE_SELF)  # the main process alone; the workers are the rest of the tree
        with open(out, "w") as f:
            json.dump({"late": late, "stretches": stretches, "main_cpu": own.ru_utime + own.ru_stime}, f)
        return code

    if __name__ == "__main__":  # the extraction workers are spawned: they import this file again
        from crawler.cli import end_process
        end_process(probed_main(sys.argv[1], sys.argv[2:]))  # as the storywatch command ends
""")


@dataclass
class Measured:
    wall: float
    cpu: float
    peak_mb: float
    output: str
    main_cpu: float = 0.0  # storywatch run: the crawl process alone (the rest of `cpu` is its extraction workers)
    log_mb: float = 0.0  # storywatch run: its store's write-ahead log at its largest during the run
    store_mb: float = 0.0  # storywatch run: the store's file after it


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def tree_rss(root: int) -> int:
    """Resident bytes of a process and all its descendants now."""
    tree = _children()
    total, todo = 0, [root]
    page = os.sysconf("SC_PAGE_SIZE")
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/statm") as f:
                total += int(f.read().split()[1]) * page
        except OSError:
            pass
        todo += tree.get(pid, [])
    return total


def measure(cmd: list[str], cwd: Path | None = None, log: Path | None = None) -> Measured:
    """Wall time, CPU of the process tree (user + system of it and every waited-for descendant) and the tree's
    peak RSS; with `log`, that file's largest size during the run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    # This checkout's code, also where another one is installed in the environment (an editable install of the
    # main checkout answers `import crawler` for every copy of it, e.g. a worktree of an older revision).
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    peak = log_peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, log_peak
        while not done.wait(0.02):
            peak = max(peak, tree_rss(proc.pid))
            if log is not None:
                with contextlib.suppress(OSError):
                    log_peak = max(log_peak, log.stat().st_size)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - t0
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Measured(wall, cpu, peak / 2**20, stdout + stderr, log_mb=log_peak / 2**20)


def write_config(tmp: Path, name: str, port: int, seeds: list[tuple[str, str]],
                 max_links: int = 100_000, follow_related: bool = False) -> tuple[Path, Path]:
    db = tmp / f"{name}.db"
    cfg = tmp / f"{name}.toml"
    seed_files = []
    for i, (title, text) in enumerate(seeds):
        path = tmp / f"seed{i}.txt"
        path.write_text(f"{title}\n{text}\n", encoding="utf-8")
        seed_files.append(str(path))
    seed_url = f"http://{HOSTS[0]}:{port}/artikel/meldung-00000.html"  # on the story's topic
    sources = "\n".join(
        f'[[sources]]\nname = "Outlet {i}"\nurl = "http://{h}:{port}/"\nfeeds = ["http://{h}:{port}/rss.xml"]\n'
        for i, h in enumerate(HOSTS))
    cfg.write_text(f'[database]\npath = "{db}"\n[crawl]\ndownload_delay = 0\nconcurrent_requests = 32\n'
                   f'concurrent_requests_per_domain = 8\nfollow_related_links = {str(follow_related).lower()}\n'
                   f'max_links_per_page = {max_links}\n{sources}\n'
                   f'[[stories]]\nid = "bodensee"\ntitle = "Am Bodensee"\nquery = \'{QUERY_TERM}\'\n'
                   f'seeds = {json.dumps([*seed_files, seed_url])}\n', encoding="utf-8")
    return db, cfg


def run_storywatch(tmp: Path, cfg: Path) -> tuple[Measured, list[float], dict]:
    """One probed run: its measures, the event loop's lateness at each tick, and the run's stats (with the late
    ticks' stretches: the crawl thread's CPU and wait for a core since the tick before, under "late_stretches")."""
    probe = tmp / "probe.json"
    script = tmp / "probed_run.py"
    script.write_text(PROBED_RUN)
    drops = listen_drops()
    store = cfg.with_suffix(".db")
    m = measure([sys.executable, str(script), str(probe), "run", "--quiet", "--config", str(cfg)], cwd=ROOT,
                log=store.with_name(store.name + "-wal"))
    m.store_mb = store.stat().st_size / 2**20
    after = listen_drops()
    probed = json.loads(probe.read_text())
    late = probed["late"]
    m.main_cpu = probed["main_cpu"]
    late_stretches = probed.get("stretches", [])
    db = sqlite3.connect(store)
    stats = json.loads(db.execute("SELECT stats FROM runs ORDER BY id DESC LIMIT 1").fetchone()[0])
    stats["members"] = db.execute("SELECT count(*) FROM story_articles").fetchone()[0]
    stats["undecided"] = db.execute("SELECT count(*) FROM story_candidates WHERE decided_at IS NULL").fetchone()[0]
    stats["stored"] = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    # Machine-wide (another process's full backlog counts too): not 0 means the crawl may have waited on servers.
    stats["listen_drops"] = after - drops if drops is not None and after is not None else "?"
    stats["late_stretches"] = late_stretches
    db.close()
    return m, late, stats


def prefill(path: Path, n: int, seed: int = 3) -> None:
    """A store with n earlier articles written by SQL (as a long-running store holds them): unique texts with their
    FTS rows, URLs, near-duplicate bands (random buckets: unrelated texts share none) and counted paragraphs."""
    from storage.db import open_database

    open_database(path).close()
    rng = random.Random(seed)
    vocab = [f"{a}{b}{c}" for a in ("ber", "kal", "mun", "dor", "fel", "gis", "han", "lo")
             for b in ("ver", "wal", "zen", "ach", "bra", "chen", "dil", "eck", "for", "gu")
             for c in ("ing", "jo", "kur", "ler", "mo", "nis", "or", "pel", "quast", "ren")] + FUNCTION_WORDS
    db = sqlite3.connect(path)
    with db:
        for start in range(0, n, 5000):
            rows, urls, bands = [], [], []
            for i in range(start, min(n, start + 5000)):
                text = " ".join(rng.choices(vocab, k=300))
                url = f"http://old.invalid/{i}"
                rows.append((i + 1, url, url, "Old", f"Alte Meldung {i}", text, f"{rng.getrandbits(64):016x}",
                             "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z"))
                urls.append((url, i + 1))
                bands += [(b, rng.getrandbits(62), i + 1) for b in range(16)]
            db.executemany("INSERT INTO articles (id, url, canonical_url, source, title, text, content_hash, "
                           "first_seen, last_seen, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            db.executemany("INSERT INTO article_urls (url, article_id) VALUES (?, ?)", urls)
            db.executemany("INSERT OR IGNORE INTO article_bands (band, bucket, article_id) VALUES (?, ?, ?)", bands)
            # Their paragraphs counted for learned boilerplate, on the crawled outlets' sites (as earlier crawls of
            # the same outlets leave them): about fifteen lines an article, nearly all seen once.
            db.executemany("INSERT OR IGNORE INTO boilerplate (site, hash, articles, first_seen, last_seen) "
                           "VALUES (?, ?, 1, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')",
                           [(HOSTS[i % len(HOSTS)], f"{rng.getrandbits(64):016x}")
                            for i in range(start, min(n, start + 5000)) for _ in range(15)])
        # Keys of this code's definition (random ones stand in for them): the crawl does not make them again
        # (crawler.rekey). A revision without the record has no such table.
        if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'index_versions'").fetchone():
            from crawler import dedup

            db.execute("INSERT OR REPLACE INTO index_versions (name, version) VALUES ('article_bands', ?)",
                       [dedup.KEY_VERSION])
    # The full-text index as a long-running store holds it: merged until no level holds enough segments for a
    # merge (the triggers' steps, storage.schema.m010, leave some behind when rows come in thousands at once), so
    # that the first crawl into it does not do that merging.
    with db:
        while True:
            before = db.total_changes
            db.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('merge', 2000)")
            if db.total_changes - before < 2:
                break
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def ratio(x: float, base: float) -> str:
    return f"{x / base:5.2f}x" if base else "  -  "


def crawl_table(pages: int, repeat: int, tmp: Path, keep_alive: bool = True, follow_related: bool = False) -> dict:
    sites, seeds = make_pages(pages)
    port, servers = serve(sites, keep_alive)
    feeds = [f"http://{h}:{port}/rss.xml" for h in HOSTS]
    (tmp / "baseline.py").write_text(BASELINE)
    (tmp / "scrapy_alone.py").write_text(SCRAPY_ALONE)
    base: list[Measured] = []
    ours: list[Measured] = []
    alone: list[Measured] = []
    extract_cpu: list[float] = []
    late: list[float] = []
    stretches: list[list[float]] = []
    stats: dict = {}
    try:
        for r in range(repeat):
            m = measure([sys.executable, str(tmp / "baseline.py"), "keep-alive" if keep_alive else "close", *feeds])
            line = next(x for x in m.output.splitlines() if x.startswith("BASELINE"))
            extract_cpu.append(float(line.split("extract_cpu=")[1]))
            base.append(m)
            _, cfg = write_config(tmp, f"run{pages}-{r}", port, seeds, follow_related=follow_related)
            m, lateness, stats = run_storywatch(tmp, cfg)
            ours.append(m)
            m = measure([sys.executable, str(tmp / "scrapy_alone.py"), str(cfg)], cwd=ROOT)
            if f"pages={pages}" not in m.output:
                sys.exit(f"Scrapy alone did not fetch {pages} pages: {m.output[-2000:]}")
            alone.append(m)
            late += lateness
            stretches += stats.pop("late_stretches", [])
    finally:
        for s in servers:
            s.shutdown()
            s.server_close()
    med = {name: {"wall": statistics.median(x.wall for x in runs), "cpu": statistics.median(x.cpu for x in runs),
                  "peak": statistics.median(x.peak_mb for x in runs)}
           for name, runs in (("plain", base), ("ours", ours))}
    b, o = med["plain"], med["ours"]
    ex = statistics.median(extract_cpu) / pages
    main_cpu = statistics.median(x.main_cpu for x in ours) / pages
    workers_cpu = statistics.median(x.cpu - x.main_cpu for x in ours) / pages
    fetch_cpu = statistics.median(x.cpu for x in alone) / pages
    late_ms = sorted(x * 1000 for x in late) or [0.0]
    p99 = late_ms[min(len(late_ms) - 1, int(0.99 * len(late_ms)))]
    print(f"\n{pages} pages of ~{len(sites[HOSTS[0]]['/artikel/meldung-00000.html']) // 1024} KB on "
          f"{len(HOSTS)} loopback hosts ({'persistent connections' if keep_alive else 'a connection per request'}), "
          f"{'related links followed, ' if follow_related else ''}medians of {repeat}; last run: {stats.get('fetched')} fetched, "
          f"{stats.get('stored')} stored, {stats.get('candidates')} candidates, {stats.get('members')} members, "
          f"{stats.get('undecided')} undecided, {stats.get('listen_drops')} connections dropped by full listen "
          f"backlogs during it")
    print(f"  {'':22} {'plain trafilatura':>18} {'storywatch run':>15} {'ratio':>7}  target")
    print(f"  {'seconds':22} {b['wall']:18.2f} {o['wall']:15.2f}")
    print(f"  {'pages/s':22} {pages / b['wall']:18.1f} {pages / o['wall']:15.1f} "
          f"{ratio(b['wall'], o['wall']):>7}  >= 1.50x")
    print(f"  {'CPU s/page (process)':22} {b['cpu'] / pages:18.4f} {o['cpu'] / pages:15.4f} "
          f"{ratio(o['cpu'], b['cpu']):>7}")
    print(f"  {'CPU s/page vs extract()':22} {ex:18.4f} {o['cpu'] / pages:15.4f} "
          f"{ratio(o['cpu'] / pages, ex):>7}  <= 1.30x")
    print(f"  {'  crawl process':22} {'':18} {main_cpu:15.4f} {ratio(main_cpu, ex):>7}  (of extract(); Scrapy alone "
          f"{fetch_cpu:.4f}, {ratio(fetch_cpu, ex)})")
    print(f"  {'  extraction workers':22} {'':18} {workers_cpu:15.4f} {ratio(workers_cpu, ex):>7}  (of extract())")
    print(f"  {'peak RSS MB (tree)':22} {b['peak']:18.0f} {o['peak']:15.0f} {ratio(o['peak'], b['peak']):>7}"
          f"  <= 250 MB at 5000 pages")
    print(f"  {'event loop late, ms':22} {'':18} {f'max {late_ms[-1]:.0f}, p99 {p99:.0f}':>15} {'':7}"
          f"  max <= 50 ms ({sum(x > 50 for x in late_ms)} of {len(late_ms)} ticks later)")
    if stretches:  # was the crawl thread busy or waiting for a core before the late ticks?
        ran, waited = sum(x[1] for x in stretches) * 1000, sum(x[2] for x in stretches) * 1000
        print(f"  {'  the late ticks':22} {'':18} {'':15} {'':7}  since the tick before each, the crawl thread ran "
              f"{ran:.0f} ms and waited {waited:.0f} ms for a core ({len(stretches)} ticks, "
              f"{sum(x[0] for x in stretches) * 1000:.0f} ms late in all)")
    log_mb = statistics.median(x.log_mb for x in ours)
    store_mb = statistics.median(x.store_mb for x in ours)
    print(f"  {'write-ahead log, MB':22} {'':18} {log_mb:15.0f} {ratio(log_mb, store_mb):>7}  (at its largest, of the "
          f"store's {store_mb:.0f} MB after the run)")
    return {"pages": pages, "plain": b, "ours": o, "extract_cpu": ex, "main_cpu": main_cpu, "workers_cpu": workers_cpu,
            "fetch_cpu": fetch_cpu, "late_max_ms": late_ms[-1], "late_p99": p99}


def store_table(pages: int, sizes: list[int], tmp: Path) -> None:
    sites, seeds = make_pages(pages)
    port, servers = serve(sites)
    rows = []
    try:
        for size in sizes:
            filled = tmp / f"prefill-{size}.db"
            t = time.perf_counter()
            prefill(filled, size)
            built = time.perf_counter() - t
            db, cfg = write_config(tmp, f"store{size}", port, seeds)
            shutil.copyfile(filled, db)
            filled.unlink()
            m, late, stats = run_storywatch(tmp, cfg)
            rows.append((size, m, max(late or [0.0]) * 1000, built, stats.get("late_stretches") or []))
            db.unlink()
    finally:
        for s in servers:
            s.shutdown()
            s.server_close()
    print(f"\nstore growth: a crawl of {pages} pages into a store already holding N articles (pre-filled by SQL)")
    for size, m, late, built, stretches in rows:
        print(f"  {size:7d} stored: {pages / m.wall:6.1f} pages/s, tree peak RSS {m.peak_mb:5.0f} MB, "
              f"loop late max {late:.0f} ms (store built in {built:.0f} s)")
        for late_s, ran, waited in stretches:  # ticks over 50 ms late: was the crawl thread working, or off the CPU?
            print(f"      a tick {late_s * 1000:.0f} ms late: since the tick before, the crawl thread ran {ran * 1000:.0f} ms"
                  f" and waited {waited * 1000:.0f} ms for a core")
    if len(rows) > 1:
        first, last = rows[0][1], rows[-1][1]
        print(f"  {rows[-1][0]} vs {rows[0][0]}: peak RSS {ratio(last.peak_mb, first.peak_mb)}, "
              f"seconds {ratio(last.wall, first.wall)}  (target: within 1.20x)")


def decision_table(sizes: list[int]) -> None:
    print("\n", end="", flush=True)
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "decision_speed.py"), "--sizes", *map(str, sizes)],
                   check=True)


def compile_checkout() -> None:
    """Byte-code for the checkout's modules, as an install has it (see the module's text); written into their
    __pycache__ directories (ignored by git) also where PYTHONDONTWRITEBYTECODE is set, as pip writes it."""
    for package in ("crawler", "storage", "config"):
        if not compileall.compile_dir(ROOT / package, quiet=1):
            raise SystemExit(f"could not byte-compile {ROOT / package}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, nargs="+", default=[1000, 5000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--store-sizes", type=int, nargs="*", default=[10_000, 100_000])
    ap.add_argument("--decision-sizes", type=int, nargs="*", default=[1000, 5000, 10_000])
    ap.add_argument("--small-run", type=int, default=20, metavar="N",
                    help="also a cron run's usual size: N new pages (0: not measured); the start-up is most of it")
    ap.add_argument("--quick", action="store_true", help="300 pages, one round, small stores and decisions")
    ap.add_argument("--close-connections", action="store_true",
                    help="the outlets speak HTTP/1.0, a new connection for every page, for both sides (the issue's "
                         "first protocol); default: HTTP/1.1 keep-alive for both (urllib3's pool for the baseline)")
    ap.add_argument("--follow-related", action="store_true",
                    help="the story's related links followed (the config's default): every page is searched for them")
    args = ap.parse_args()
    if args.quick:
        args.pages, args.repeat, args.store_sizes, args.decision_sizes = [300], 1, [2000, 10_000], [1000, 2000]
    compile_checkout()
    tmp = Path(tempfile.mkdtemp(prefix="sw-bench-"))
    try:
        for pages in ([args.small_run] if args.small_run else []) + args.pages:
            crawl_table(pages, args.repeat, tmp, keep_alive=not args.close_connections,
                        follow_related=args.follow_related)
        if args.store_sizes:
            store_table(min(args.pages), args.store_sizes, tmp)
        if args.decision_sizes:
            decision_table(args.decision_sizes)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
