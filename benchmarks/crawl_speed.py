"""Whole-crawl speed against plain trafilatura, in one run, on the same loopback outlets.

    python benchmarks/crawl_speed.py [--pages 1000] [--repeat 3]

Serves N generated article pages of about 100 KB on four loopback hosts with RSS feeds, then measures
(a) the baseline: plain trafilatura, 8 download threads, extraction in one thread (a subprocess);
(b) `storywatch run` on the same outlets into a fresh database (a subprocess; matching, dedup and SQLite included).
Prints pages/s, the ratio to the baseline, CPU seconds per page and peak memory (largest process) of each,
medians over --repeat rounds.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HOSTS = ["127.0.0.11", "127.0.0.12", "127.0.0.13", "127.0.0.14"]
WORDS = ("Stadt Rat Brücke Gutachten Sanierung Bürgermeisterin Verkehr Pendler Baustelle Kosten Millionen Land "  # noqa: SIM905
         "Bund Förderung Ingenieure Prüfung Beton Stahl Träger Risse Sperrung Umleitung Busse Bahn Anwohner "
         "Kritik Opposition Fraktion Sitzung Beschluss Zeitplan Frühjahr Herbst Verwaltung Auftrag Firma "
         "Ausschreibung Haushalt Steuer Schule Klinik Polizei Feuerwehr Hochwasser Ufer Fluss Nachbarn").split()


def make_pages(n: int, seed: int = 7) -> dict[str, dict[str, bytes]]:
    """Per host: path -> bytes. About a third of the articles are about the story (the Lindau bridge)."""
    rng = random.Random(seed)
    sites: dict[str, dict[str, bytes]] = {h: {} for h in HOSTS}
    items: dict[str, list[str]] = {h: [] for h in HOSTS}
    for i in range(n):
        host = HOSTS[i % len(HOSTS)]
        on_story = i % 3 == 0
        title = ("Lindauer Brücke: " if on_story else "Aus der Region: ") + " ".join(rng.sample(WORDS, 5))
        paras = []
        for _ in range(14):
            words = rng.choices(WORDS, k=90)
            if on_story:
                words[rng.randrange(90)] = "Lindauer Brücke"
            paras.append(" ".join(words).capitalize() + ".")
        nav = "".join(f'<li><a href="/ressort/{w.lower()}/">{w}</a></li>' for w in WORDS) * 20
        body = "".join(f"<p>{p}</p>" for p in paras)
        filler = "<!-- " + ("x" * 60000) + " -->"  # template weight, as real pages carry scripts and styles
        meta = json.dumps({"@type": "NewsArticle", "headline": title,
                           "datePublished": f"2025-01-{1 + i % 28:02d}T08:00:00+01:00"})
        html = (f"<!doctype html><html lang='de'><head><meta charset='utf-8'><title>{title}</title>"
                f"<meta property='og:title' content='{title}'>"
                f"<script type='application/ld+json'>{meta}</script></head>"
                f"<body><nav><ul>{nav}</ul></nav><main><article><h1>{title}</h1>{body}</article></main>"
                f"<footer>Impressum Datenschutz Kontakt</footer>{filler}</body></html>")
        path = f"/artikel/meldung-{i:05d}.html"
        sites[host][path] = html.encode()
        # No summaries: every page is fetched and extracted (the prefilter never judges a title alone).
        items[host].append(f"<item><title>{title}</title><link>http://{host}:{{port}}{path}</link></item>")
    for host in HOSTS:
        sites[host]["/robots.txt"] = b"User-agent: *\nAllow: /\n"
        sites[host]["/rss.xml"] = ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>x"
                                   "</title>" + "".join(items[host]) + "</channel></rss>").encode()
    return sites


def serve(sites: dict[str, dict[str, bytes]]) -> tuple[int, list[ThreadingHTTPServer]]:
    servers = []
    port = 0
    for host in HOSTS:
        files = sites[host]

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self, files=files) -> None:
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

        server = ThreadingHTTPServer((host, port), Handler)
        server.daemon_threads = True
        port = server.server_address[1]
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    return port, servers


BASELINE = textwrap.dedent("""
    import sys, re, urllib.request, concurrent.futures, trafilatura
    feeds = sys.argv[1:]
    links = []
    for f in feeds:
        links += re.findall(r"<link>([^<]+)</link>", urllib.request.urlopen(f).read().decode())
    def get(u):
        return urllib.request.urlopen(u, timeout=30).read()
    n = 0
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        for html in pool.map(get, links):
            if trafilatura.extract(html):
                n += 1
    print(n)
""")


def child_usage() -> tuple[float, int]:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime, ru.ru_maxrss


def measure(cmd: list[str], cwd: Path | None = None) -> tuple[float, float, str]:
    cpu0, _ = child_usage()
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, check=False)
    wall = time.perf_counter() - t0
    cpu1, _ = child_usage()
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{done.stderr[-2000:]}")
    return wall, cpu1 - cpu0, done.stdout + done.stderr


def peak_rss_mb(cmd: list[str]) -> float:
    """Peak resident memory of the largest process of a command (GNU time is not everywhere: use a wrapper)."""
    wrapper = ("import resource,subprocess,sys;subprocess.run(sys.argv[1:]);"
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True, check=False)
    return int(out.stdout.strip().splitlines()[-1]) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    sites = make_pages(args.pages)
    port, servers = serve(sites)
    feeds = [f"http://{h}:{port}/rss.xml" for h in HOSTS]
    tmp = Path(tempfile.mkdtemp(prefix="sw-bench-"))
    (tmp / "baseline.py").write_text(BASELINE)
    results: dict[str, list[tuple[float, float]]] = {"plain trafilatura": [], "storywatch run": []}
    mem: dict[str, float] = {}
    for r in range(args.repeat):
        base_cmd = [sys.executable, str(tmp / "baseline.py"), *feeds]
        wall, cpu, _ = measure(base_cmd)
        results["plain trafilatura"].append((wall, cpu))
        db = tmp / f"run{r}.db"
        cfg = tmp / f"run{r}.toml"
        sources = "\n".join(
            f'[[sources]]\nname = "Outlet {i}"\nurl = "http://{h}:{port}/"\nfeeds = ["http://{h}:{port}/rss.xml"]\n'
            for i, h in enumerate(HOSTS))
        cfg.write_text(f'[database]\npath = "{db}"\n[crawl]\ndownload_delay = 0\nconcurrent_requests = 32\n'
                       f'concurrent_requests_per_domain = 8\nfollow_related_links = false\n{sources}\n'
                       f'[[stories]]\nid = "bruecke"\ntitle = "Lindauer Brücke"\nquery = \'"Lindauer Brücke"\'\n')
        run_cmd = [sys.executable, "-m", "crawler", "run", "--config", str(cfg)]
        wall, cpu, out = measure(run_cmd, cwd=Path(__file__).resolve().parents[1])
        results["storywatch run"].append((wall, cpu))
        if r == 0:
            mem["plain trafilatura"] = peak_rss_mb(base_cmd)
            db.unlink()
            mem["storywatch run"] = peak_rss_mb(run_cmd)
            print(out.strip().splitlines()[-1])
    for s in servers:
        s.shutdown()
    base_pps = args.pages / statistics.median(w for w, _ in results["plain trafilatura"])
    print(f"{args.pages} pages of ~{len(next(iter(sites[HOSTS[0]].values()))) // 1024} KB on {len(HOSTS)} "
          f"loopback hosts, medians of {args.repeat}")
    print(f"{'runner':20} {'pages/s':>8} {'x plain':>8} {'CPU s/page':>11} {'peak MB':>8}")
    for name, runs in results.items():
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        pps = args.pages / wall
        print(f"{name:20} {pps:8.1f} {pps / base_pps:8.2f} {cpu / args.pages:11.4f} {mem[name]:8.0f}")


if __name__ == "__main__":
    main()
