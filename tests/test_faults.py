"""A hostile, broken web: one crawl of many faulty sources and one healthy one, then many small assertions.

Every faulty source is its own loopback host (tests/faultweb.py) and offers, besides its fault, one good article:
the run must end, count each fault under its source in `runs.stats`, and store every good article (articles lost:
0). Timeouts are short (timeout 2 s, one retry) so the whole crawl takes seconds.
"""

from __future__ import annotations

import gzip
import itertools
import json
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from faultweb import (
    Fault,
    FaultWeb,
    Handler,
    Hit,
    article_html,
    article_text,
    drip,
    gzip_bomb,
    http_date,
    page,
    redirect,
    reset_mid_body,
    retry_after,
    rss,
    run_storywatch,
    section,
    sequence,
    sitemap_index,
    slow,
    truncated,
    unsized,
    urlset,
)

from crawler.stats import RunStats

whole_crawl = pytest.mark.slow  # the tests that read the crawl's result

MAX_LINKS = 50
MAX_PAGE_BYTES = 4_000_000
RETRY_AFTER_SECONDS = 1
TIMEOUT = 3  # small, so the suite stays fast; not smaller, so a loaded machine does not time out
HOSTS = ["healthy", "slow", "reset", "truncated", "retry500", "retry429", "retry503", "blocked202", "blocked403",
         "empty", "charsets", "gzipbomb", "oversize", "redirloop", "rediroffsite", "binary", "badfeed", "entities",
         "selfindex", "biglisting", "bigfeed", "unsized", "drip", "slowrobots", "sitemapgz"]
REFUSED = "refused"  # a source on a loopback address where nothing listens
OUTSIDER = "outsider"  # served, but named by no source
SECRET = "GEHEIMNIS-7f3a9c"  # in a local file that an XML external entity points at
CHALLENGE = ("<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><h1>Checking your browser "
             "before accessing the site.</h1><p>Please verify you are human. Enable JavaScript and cookies to "
             "continue.</p><div class='captcha'></div></body></html>")
CHARSET_CASES = ("lying_header", "wrong_header", "missing", "lying_meta")
UMLAUT_WORDS = ("Größe", "Bürgerversammlung", "Hauptstraße", "Äußerung", "Fußgänger", "jüngsten")


@dataclass
class FaultCrawl:
    """What the crawl left: the process, the database, the web's request log and the articles that must be there."""

    run: subprocess.CompletedProcess[str]
    db: Path
    web: FaultWeb
    expected: dict[str, list[int]] = field(default_factory=dict)  # host -> article numbers that must be stored
    charset_articles: dict[str, int] = field(default_factory=dict)  # charset case -> article number

    @property
    def stats(self) -> dict:
        return json.loads(self.runs()[-1]["stats"])

    def connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True)
        conn.row_factory = sqlite3.Row
        return conn

    def runs(self) -> list[sqlite3.Row]:
        with self.connect() as conn:
            return list(conn.execute("SELECT * FROM runs ORDER BY id"))

    def articles(self) -> list[sqlite3.Row]:
        with self.connect() as conn:
            return list(conn.execute("SELECT * FROM articles"))

    def titles(self) -> set[str]:
        return {r["title"] for r in self.articles()}

    def errors(self, host: str) -> dict[str, int]:
        return self.stats["errors_by_source"].get(host, {})


def _chain(handler: Handler, hit: Hit) -> None:
    """An endless chain of distinct redirects: ?n=1 -> ?n=2 -> ..."""
    n = int(parse_qs(urlsplit(hit.path).query).get("n", ["0"])[0])
    redirect(f"/lokales/kette-40001.html?n={n + 1}")(handler, hit)


def _xml_attacks(base: str) -> dict[str, bytes]:
    laughs_dtd = ('<!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">'
                            for i in range(1, 10))
                  + "]>")
    xxe_dtd = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    head = '<?xml version="1.0" encoding="utf-8"?>'
    item = f"<item><title>Wasserwerk &lol9;</title><link>{base}/lokales/wasserwerk-xml-50001.html</link></item>"
    xitem = f"<item><title>Wasserwerk &xxe;</title><link>{base}/lokales/wasserwerk-xml-50002.html</link></item>"
    url = f"<url><loc>{base}/lokales/wasserwerk-&lol9;-50003.html</loc></url>"
    xurl = f"<url><loc>{base}/lokales/wasserwerk-&xxe;-50004.html</loc></url>"
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    return {
        "/laughs.rss": f"{head}{laughs_dtd}<rss version='2.0'><channel>{item}</channel></rss>".encode(),
        "/xxe.rss": f"{head}{xxe_dtd}<rss version='2.0'><channel>{xitem}</channel></rss>".encode(),
        "/laughs-sitemap.xml": f"{head}{laughs_dtd}<urlset {ns}>{url}</urlset>".encode(),
        "/xxe-sitemap.xml": f"{head}{xxe_dtd}<urlset {ns}>{xurl}</urlset>".encode(),
    }


def build(web: FaultWeb, secret_file: Path) -> tuple[dict[str, dict[str, list[str]]], FaultCrawl]:
    """Routes for every host; returns each source's feeds/sitemaps/sections and the expectations."""
    numbers = itertools.count(1)
    crawl = FaultCrawl(run=None, db=Path(), web=web)  # type: ignore[arg-type]
    sources: dict[str, dict[str, list[str]]] = {h: {"feeds": [], "sitemaps": [], "sections": []} for h in HOSTS}

    def good(host: str) -> tuple[str, str]:
        """A good article on `host` that must end up stored; (path, title)."""
        n = next(numbers)
        path = f"/lokales/wasserwerk-bericht-{10000 + n}.html"
        web.add(host, path, page(article_html(n)))
        crawl.expected.setdefault(host, []).append(n)
        return path, article_text(n)[0]

    def feed(host: str, entries: list[tuple[str, str]]) -> None:
        web.add(host, "/feed.xml", page(rss(web.base(host), entries), content_type="application/rss+xml"))
        sources[host]["feeds"].append(web.url(host, "/feed.xml"))

    def faulty(host: str, path: str, make: Callable[[int], Fault], *, stored: bool = False) -> tuple[str, str]:
        """A faulty page for article n made by `make(n)`; `stored` when the crawl must get it in the end."""
        n = next(numbers)
        if stored:
            crawl.expected.setdefault(host, []).append(n)
        web.add(host, path, make(n))
        return path, article_text(n)[0]

    feed("healthy", [good("healthy") for _ in range(3)])
    feed("slow", [good("slow"), faulty("slow", "/lokales/langsam-20001.html",
                                       # Far past the timeout: on a loaded machine the crawler's timer
                                       # has fired seconds late (3x the timeout was once not enough).
                                       lambda n: slow(TIMEOUT * 20, page(article_html(n))))])

    def padded(n: int) -> bytes:
        return (article_html(n) + "<!-- " + "x" * 60_000 + " -->").encode()

    feed("reset", [good("reset"), faulty("reset", "/lokales/abbruch-20002.html",
                                         lambda n: reset_mid_body(padded(n)))])
    feed("truncated", [good("truncated"), faulty("truncated", "/lokales/kurz-20003.html",
                                                 lambda n: truncated(padded(n)))])
    feed("retry500", [good("retry500"), faulty(
        "retry500", "/lokales/wieder-20004.html",
        lambda n: sequence(page("<h1>500</h1>", status=500), page(article_html(n))), stored=True)])
    feed("retry429", [good("retry429"), faulty(
        "retry429", "/lokales/spaeter-20005.html",
        lambda n: sequence(retry_after(429, str(RETRY_AFTER_SECONDS)), page(article_html(n))), stored=True)])
    feed("retry503", [good("retry503"), faulty(
        "retry503", "/lokales/morgen-20006.html",
        lambda n: sequence(retry_after(503, http_date(3600)), page(article_html(n))), stored=True)])
    feed("blocked202", [good("blocked202"), faulty("blocked202", "/lokales/pruefung-20007.html",
                                                   lambda n: page(CHALLENGE, status=202))])
    feed("blocked403", [good("blocked403"), faulty("blocked403", "/lokales/pruefung-20008.html",
                                                   lambda n: page(CHALLENGE, status=403))])
    feed("empty", [good("empty"), faulty("empty", "/lokales/leer-20009.html", lambda n: page(b""))])

    charset_entries = [good("charsets")]
    encodings = {
        "lying_header": ("text/html; charset=utf-8", "cp1252", None),
        "wrong_header": ("text/html; charset=iso-8859-1", "utf-8", None),
        "missing": ("text/html", "cp1252", None),
        "lying_meta": ("text/html", "latin-1", "utf-8"),
    }
    for i, (case, (ctype, encoding, meta)) in enumerate(encodings.items()):
        n = next(numbers)
        path = f"/lokales/zeichen-{21000 + i}.html"
        web.add("charsets", path, page(article_html(n, charset=meta).encode(encoding), content_type=ctype))
        crawl.expected.setdefault("charsets", []).append(n)
        crawl.charset_articles[case] = n
        charset_entries.append((path, article_text(n)[0]))
    feed("charsets", charset_entries)

    feed("gzipbomb", [good("gzipbomb"), faulty("gzipbomb", "/lokales/bombe-20010.html",
                                               lambda n: gzip_bomb(MAX_PAGE_BYTES * 50))])
    huge = ("<html><body><article><h1>Wasserwerk riesig</h1>" + "<p>Wasserwerk Größe</p>" * 200_000
            + "</article></body></html>").encode()
    assert len(huge) > MAX_PAGE_BYTES
    feed("oversize", [good("oversize"), faulty("oversize", "/lokales/riesig-20011.html", lambda n: page(huge))])
    web.add("redirloop", "/lokales/schleife-a-40002.html", redirect("/lokales/schleife-b-40003.html"))
    web.add("redirloop", "/lokales/schleife-b-40003.html", redirect("/lokales/schleife-a-40002.html"))
    web.add("redirloop", "/lokales/kette-40001.html", _chain)
    feed("redirloop", [good("redirloop"), ("/lokales/schleife-a-40002.html", "Wasserwerk Schleife"),
                       ("/lokales/kette-40001.html?n=0", "Wasserwerk Kette")])
    outsider_path, _ = good(OUTSIDER)
    crawl.expected.pop(OUTSIDER)  # served, but no source names its host: never fetched
    web.add("rediroffsite", "/lokales/weiter-40004.html", redirect(web.url(OUTSIDER, outsider_path)))
    feed("rediroffsite", [good("rediroffsite"), ("/lokales/weiter-40004.html", "Wasserwerk weiter")])
    web.add("binary", "/lokales/bericht-40005", page(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n" * 50,
                                                      content_type="application/pdf"))
    web.add("binary", "/lokales/bild-40006", page(b"\x89PNG\r\n\x1a\n" + b"\0" * 4000, content_type="image/png"))
    feed("binary", [good("binary"), ("/lokales/bericht-40005", "Wasserwerk PDF"),
                    ("/lokales/bild-40006", "Wasserwerk Bild")])

    # Listings that fail: the source still offers a good article on a section page.
    for host in ("badfeed", "entities", "selfindex"):
        path, title = good(host)
        web.add(host, "/lokales/", page(section([(path, title)])))
        sources[host]["sections"].append(web.url(host, "/lokales/"))
    web.add("badfeed", "/feed.xml", page(b'<?xml version="1.0"?><rss><channel><item><title>Wasserwerk</title>'
                                         b"<link>http://x/</link></item></chanel>", content_type="application/rss+xml"))
    sources["badfeed"]["feeds"].append(web.url("badfeed", "/feed.xml"))
    for path, body in _xml_attacks(web.base("entities")).items():
        body = body.replace(b"{secret}", secret_file.as_posix().encode())
        web.add("entities", path, page(body, content_type="application/xml"))
        sources["entities"]["feeds" if path.endswith(".rss") else "sitemaps"].append(web.url("entities", path))
    news_path, _ = good("selfindex")
    web.add("selfindex", "/sitemap.xml", page(sitemap_index(web.base("selfindex"), ["/sitemap.xml", "/news.xml"]),
                                              content_type="application/xml"))
    web.add("selfindex", "/news.xml", page(urlset(web.base("selfindex"), [news_path]),
                                           content_type="application/xml"))
    sources["selfindex"]["sitemaps"].append(web.url("selfindex", "/sitemap.xml"))
    first, title = good("biglisting")
    # Short links (<a href="/m/100000">x</a>): 100,000 of them fit under max_page_bytes.
    links = [(first, title)] + [(f"/m/{100_000 + k}", "x") for k in range(100_000)]
    listing = section(links)
    assert len(listing) < MAX_PAGE_BYTES
    web.add("biglisting", "/liste/", page(listing))
    sources["biglisting"]["sections"].append(web.url("biglisting", "/liste/"))
    # A feed is a listing too: 100,000 entries (relative links keep it under max_page_bytes).
    first, title = good("bigfeed")
    items = "".join(f"<item><link>/m/{100_000 + k}</link></item>" for k in range(100_000))
    big = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>x</title>'
           f"<item><title>{title}</title><link>{first}</link></item>{items}</channel></rss>").encode()
    assert len(big) < MAX_PAGE_BYTES
    web.add("bigfeed", "/feed.xml", page(big, content_type="application/rss+xml"))
    sources["bigfeed"]["feeds"].append(web.url("bigfeed", "/feed.xml"))
    feed("unsized", [good("unsized"), faulty("unsized", "/lokales/endlos-20012.html",
                                             lambda n: unsized(MAX_PAGE_BYTES * 3))])
    feed("drip", [good("drip"), faulty("drip", "/lokales/tropfen-20013.html",
                                       lambda n: drip(article_html(n).encode(), TIMEOUT / 4))])
    # robots.txt itself slower than the timeout: the site is crawled as if it had none.
    web.add("slowrobots", "/robots.txt", slow(TIMEOUT * 3, page("User-agent: *\nDisallow:\n",
                                                                 content_type="text/plain")))
    feed("slowrobots", [good("slowrobots")])
    # A gzip-compressed sitemap file (sitemap.xml.gz, not Content-Encoding), as many outlets publish them.
    gz_path, _ = good("sitemapgz")
    web.add("sitemapgz", "/sitemap.xml.gz", page(gzip.compress(urlset(web.base("sitemapgz"), [gz_path])),
                                                 content_type="application/x-gzip"))
    sources["sitemapgz"]["sitemaps"].append(web.url("sitemapgz", "/sitemap.xml.gz"))
    # Nothing listens there: the whole source is down.
    down = f"http://127.0.0.19:{web.port}"
    sources[REFUSED] = {"feeds": [f"{down}/feed.xml"], "sitemaps": [], "sections": [], "url": [f"{down}/"]}
    return sources, crawl


def write_config(path: Path, db: Path, web: FaultWeb, sources: dict[str, dict[str, list[str]]]) -> Path:
    lines = [
        "[database]", f'path = "{db.as_posix()}"', "",
        "[crawl]", 'user_agent = "storywatch-faults/1.0 (+http://127.0.0.1/ops)"', "download_delay = 0",
        "concurrent_requests_per_domain = 2", f"timeout = {TIMEOUT}", "retries = 1",
        f"max_page_bytes = {MAX_PAGE_BYTES}", f"max_links_per_page = {MAX_LINKS}", "follow_related_links = false", "",
    ]
    for host, urls in sources.items():
        url = urls["url"][0] if "url" in urls else f"{web.base(host)}/"
        lines += ["[[sources]]", f'name = "{host}"', f'url = "{url}"']
        lines += [f"{kind} = {json.dumps(values)}" for kind, values in urls.items() if values and kind != "url"]
        lines.append("")
    lines += ["[[stories]]", 'id = "wasserwerk"', 'title = "Bauarbeiten an den Wasserwerken"',
              "query = 'Wasserwerk*'"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FaultCrawl]:
    tmp = tmp_path_factory.mktemp("faults")
    secret = tmp / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    with FaultWeb([*HOSTS, OUTSIDER]) as web:
        sources, result = build(web, secret)
        db = tmp / "storywatch.db"
        config = write_config(tmp / "storywatch.toml", db, web, sources)
        result.run = run_storywatch("run", "--config", config, cwd=tmp, timeout=300)
        result.db = db
    yield result


def _describe(run: subprocess.CompletedProcess[str]) -> str:
    return f"exit {run.returncode}\nstdout:\n{run.stdout[-3000:]}\nstderr:\n{run.stderr[-6000:]}"


def _hosts_path(crawl: FaultCrawl, host: str, path: str) -> list[Hit]:
    return crawl.web.hits(host, path)


# ------------------------------------------------------------------------------------------ the run as a whole
@whole_crawl
def test_fault_crawl_ends_with_exit_0_and_a_partial_run(crawl: FaultCrawl) -> None:
    assert crawl.run.returncode == 0, _describe(crawl.run)
    runs = crawl.runs()
    assert [r["status"] for r in runs] == ["partial"]
    assert runs[0]["finished_at"]


@whole_crawl
def test_no_article_is_lost_every_good_article_of_every_source_is_stored(crawl: FaultCrawl) -> None:
    titles = crawl.titles()
    missing = {host: [article_text(n)[0] for n in ns if article_text(n)[0] not in titles]
               for host, ns in crawl.expected.items()}
    assert {h: m for h, m in missing.items() if m} == {}
    expected = {article_text(n)[0] for ns in crawl.expected.values() for n in ns}
    unexpected = [(r["url"], r["title"]) for r in crawl.articles() if r["title"] not in expected]
    assert unexpected == []
    assert len(crawl.articles()) == len(expected)


@whole_crawl
def test_a_gzip_compressed_sitemap_file_is_read(crawl: FaultCrawl) -> None:
    assert crawl.errors("sitemapgz") == {}
    assert article_text(crawl.expected["sitemapgz"][0])[0] in crawl.titles()


@whole_crawl
def test_every_stored_article_is_in_the_story_once(crawl: FaultCrawl) -> None:
    with crawl.connect() as conn:
        rows = list(conn.execute("SELECT article_id, COUNT(*) AS n FROM story_articles GROUP BY article_id"))
    assert len(rows) == len(crawl.articles())
    assert all(r["n"] == 1 for r in rows)


@whole_crawl
def test_only_the_source_that_is_down_is_reported_failed(crawl: FaultCrawl) -> None:
    stats = crawl.stats
    assert set(stats["sources_failed"]) == {REFUSED}
    assert set(stats["sources_answered"]) == set(HOSTS)


@whole_crawl
def test_the_healthy_source_has_no_errors(crawl: FaultCrawl) -> None:
    assert "healthy" not in crawl.stats["errors_by_source"]


@whole_crawl
def test_errors_count_is_the_sum_of_errors_by_source(crawl: FaultCrawl) -> None:
    stats = crawl.stats
    assert stats["errors"] == sum(sum(r.values()) for r in stats["errors_by_source"].values())


@whole_crawl
def test_the_summary_line_names_the_faulty_sources(crawl: FaultCrawl) -> None:
    line = crawl.run.stdout.strip().splitlines()[-1]
    assert line.startswith("run 1 partial:")
    for host in ("slow", "reset", "blocked403", "entities"):
        assert f"{host}:" in line


# ------------------------------------------------------------------------------------------ one fault each
@whole_crawl
@pytest.mark.parametrize(("host", "reason", "count"), [
    ("slow", "timeout", 1),
    # The body was cut short by the reset: Twisted reports it as data loss, like the truncated body.
    ("reset", "truncated", 1),
    ("truncated", "truncated", 1),
    ("blocked202", "blocked", 1),
    ("blocked403", "blocked", 1),
    ("empty", "extract_empty", 1),
    ("gzipbomb", "too_large", 1),
    ("oversize", "too_large", 1),
    ("redirloop", "redirect_loop", 2),
    ("rediroffsite", "redirect_offsite", 1),
    ("binary", "not_html", 2),
    ("badfeed", "bad_xml", 1),
    ("entities", "bad_xml", 4),
    ("unsized", "too_large", 1),
    ("drip", "timeout", 1),
    ("bigfeed", "http_404", MAX_LINKS - 1),
    (REFUSED, "connection_refused", 1),
], ids=lambda v: str(v))
def test_fault_is_counted_under_its_source_with_its_reason(crawl: FaultCrawl, host: str, reason: str,
                                                           count: int) -> None:
    assert crawl.errors(host) == {reason: count}, crawl.stats["errors_by_source"]


@whole_crawl
def test_a_response_slower_than_the_timeout_is_tried_twice_then_given_up(crawl: FaultCrawl) -> None:
    assert len(crawl.web.hits("slow", "/lokales/langsam-20001.html")) == 2


@whole_crawl
def test_500_then_success_stores_the_article_after_one_retry(crawl: FaultCrawl) -> None:
    hits = crawl.web.hits("retry500", "/lokales/wieder-20004.html")
    assert len(hits) == 2
    assert article_text(crawl.expected["retry500"][1])[0] in crawl.titles()
    assert crawl.errors("retry500") == {}


@whole_crawl
@pytest.mark.parametrize(("host", "path", "at_least"), [
    ("retry429", "/lokales/spaeter-20005.html", RETRY_AFTER_SECONDS),
    ("retry503", "/lokales/morgen-20006.html", 1.0),  # asked for an hour; capped at the timeout (3 s)
])
def test_retry_after_is_honoured_then_the_article_is_stored(crawl: FaultCrawl, host: str, path: str,
                                                            at_least: float) -> None:
    hits = crawl.web.hits(host, path)
    assert len(hits) == 2
    assert hits[1].at - hits[0].at >= at_least * 0.9
    assert article_text(crawl.expected[host][1])[0] in crawl.titles()
    assert crawl.errors(host) == {}


@whole_crawl
def test_a_retry_after_of_an_hour_is_capped_so_the_run_ends(crawl: FaultCrawl) -> None:
    hits = crawl.web.hits("retry503", "/lokales/morgen-20006.html")
    assert hits[1].at - hits[0].at < 3600
    assert crawl.runs()[0]["finished_at"]


@whole_crawl
def test_retries_are_counted_per_source(crawl: FaultCrawl) -> None:
    retries = crawl.stats["retries_by_source"]
    assert retries["retry500"] == {"http_500": 1}
    assert retries["retry429"] == {"http_429": 1}
    assert retries["retry503"] == {"http_503": 1}
    assert retries["slow"] == {"timeout": 1}


@whole_crawl
def test_bot_challenge_pages_are_never_stored_as_articles(crawl: FaultCrawl) -> None:
    for row in crawl.articles():
        low = (row["text"] or "").lower()
        assert "checking your browser" not in low and "verify you are human" not in low
        assert "pruefung" not in row["url"]


@whole_crawl
@pytest.mark.parametrize("case", CHARSET_CASES)
def test_charsets_wrong_missing_or_lying_keep_umlauts_intact(crawl: FaultCrawl, case: str) -> None:
    n = crawl.charset_articles[case]
    title = article_text(n)[0]
    rows = [r for r in crawl.articles() if r["title"] == title]
    assert len(rows) == 1, f"{case}: {title} not stored"
    text = rows[0]["text"]
    for word in UMLAUT_WORDS:
        assert word in text, f"{case}: '{word}' mangled in {text[:300]!r}"
    assert "\ufffd" not in text and "Ã" not in text


@whole_crawl
def test_neither_the_bomb_nor_the_oversized_page_is_stored(crawl: FaultCrawl) -> None:
    urls = " ".join(r["url"] for r in crawl.articles())
    assert "bombe" not in urls and "riesig" not in urls


@whole_crawl
def test_a_redirect_loop_is_followed_only_until_it_repeats(crawl: FaultCrawl) -> None:
    assert len(crawl.web.hits("redirloop", "/lokales/schleife-a-40002.html")) == 1
    assert len(crawl.web.hits("redirloop", "/lokales/schleife-b-40003.html")) == 1


@whole_crawl
def test_an_endless_redirect_chain_stops_at_the_redirect_limit(crawl: FaultCrawl) -> None:
    assert 1 < len(crawl.web.hits("redirloop", "/lokales/kette-40001.html")) <= 6


@whole_crawl
def test_a_redirect_to_a_host_that_is_no_source_is_not_followed(crawl: FaultCrawl) -> None:
    assert len(crawl.web.hits("rediroffsite", "/lokales/weiter-40004.html")) == 1
    assert crawl.web.hits(OUTSIDER) == []


@whole_crawl
def test_pdf_and_image_responses_are_not_stored(crawl: FaultCrawl) -> None:
    urls = " ".join(r["url"] for r in crawl.articles())
    assert "bericht-40005" not in urls and "bild-40006" not in urls


@whole_crawl
def test_entity_expansion_and_external_entities_are_refused_and_nothing_is_read_from_disk(
        crawl: FaultCrawl) -> None:
    with crawl.connect() as conn:
        dump = "\n".join(conn.iterdump())
    assert SECRET not in dump
    assert "lollol" not in dump
    assert crawl.web.hits("entities", "/lokales/wasserwerk-xml-50001.html") == []
    assert crawl.web.hits("entities", "/lokales/wasserwerk-xml-50002.html") == []


@whole_crawl
def test_a_sitemap_index_that_lists_itself_is_read_once(crawl: FaultCrawl) -> None:
    assert len(crawl.web.hits("selfindex", "/sitemap.xml")) == 1
    assert len(crawl.web.hits("selfindex", "/news.xml")) == 1
    assert crawl.errors("selfindex") == {}


@whole_crawl
@pytest.mark.parametrize("host", ["biglisting", "bigfeed"])
def test_a_listing_with_100000_links_is_capped_at_max_links_per_page(crawl: FaultCrawl, host: str) -> None:
    fetched = {h.path for h in crawl.web.hits(host) if h.path.startswith(("/lokales/", "/m/"))}
    assert len(fetched) == MAX_LINKS
    assert crawl.errors(host) == {"http_404": MAX_LINKS - 1}


@whole_crawl
def test_the_capped_listings_discover_only_what_they_may_fetch(crawl: FaultCrawl) -> None:
    assert crawl.stats["discovered"] < 1000


@whole_crawl
def test_a_page_that_drips_slower_than_the_timeout_is_given_up(crawl: FaultCrawl) -> None:
    assert len(crawl.web.hits("drip", "/lokales/tropfen-20013.html")) == 2
    assert all("tropfen" not in r["url"] for r in crawl.articles())


@whole_crawl
def test_a_robots_txt_slower_than_the_timeout_does_not_stop_the_site_being_crawled(crawl: FaultCrawl) -> None:
    assert crawl.web.hits("slowrobots", "/robots.txt")
    assert crawl.errors("slowrobots") == {}
    assert article_text(crawl.expected["slowrobots"][0])[0] in crawl.titles()


@whole_crawl
def test_an_empty_200_is_counted_as_an_extraction_error_and_not_stored(crawl: FaultCrawl) -> None:
    assert sum(n for reason, n in crawl.errors("empty").items() if reason.startswith("extract_")) == 1
    assert all("leer-20009" not in r["url"] for r in crawl.articles())


# ------------------------------------------------------------------------------------------ the pieces, alone
@pytest.mark.parametrize(("value", "expected"), [
    ("5", 5.0), (b"0", 0.0), ("  12 ", 12.0), ("", None), (None, None), ("soon", None), ("-3", None),
])
def test_retry_after_reads_delta_seconds(value: str | bytes | None, expected: float | None) -> None:
    from crawler.retry_after import retry_after_seconds

    assert retry_after_seconds(value) == expected


def test_retry_after_reads_an_http_date_relative_to_now() -> None:
    from crawler.retry_after import retry_after_seconds

    assert retry_after_seconds("Sun, 22 Nov 2026 10:00:30 GMT", now=1795341600.0) == 30.0
    assert retry_after_seconds("Sun, 22 Nov 2026 09:59:00 GMT", now=1795341600.0) == 0.0  # in the past


@pytest.mark.parametrize(("value", "cap", "expected"), [("3600", 2.0, 2.0), ("1", 2.0, 1.0), (None, 2.0, 0.0),
                                                        ("junk", 2.0, 0.0), ("10", -1.0, 0.0)])
def test_the_wait_before_a_retry_is_capped(value: str | None, cap: float, expected: float) -> None:
    from crawler.retry_after import capped_wait

    assert capped_wait(value, cap) == expected


def test_scrapy_settings_replace_the_retry_middleware_and_cap_retry_after_at_the_timeout() -> None:
    from scrapy.settings import Settings

    from config.model import CrawlSettings
    from crawler.settings import scrapy_settings

    settings = scrapy_settings(CrawlSettings(timeout=2))
    mws = {k: v for k, v in Settings(settings).getwithbase("DOWNLOADER_MIDDLEWARES").items() if v is not None}
    assert "scrapy.downloadermiddlewares.retry.RetryMiddleware" not in mws
    assert "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware" not in mws  # our allow-list decides
    assert "crawler.retry_after.RetryAfterMiddleware" in mws
    # Sees the 3xx before RedirectMiddleware does.
    assert mws["scrapy.downloadermiddlewares.redirect.RedirectMiddleware"] < mws[
        "crawler.middlewares.RedirectGuardMiddleware"]
    assert settings["STORYWATCH_RETRY_AFTER_MAX"] == 2
    assert scrapy_settings(CrawlSettings(timeout=600))["STORYWATCH_RETRY_AFTER_MAX"] == 60


@pytest.mark.parametrize(("exc", "reason"), [
    ("DownloadTimeoutError", "timeout"), ("ResponseDataLossError", "truncated"),
    ("DownloadCancelledError", "too_large"), ("DownloadConnectionRefusedError", "connection_refused"),
    ("CannotResolveHostError", "dns"), ("DownloadFailedError", "connection"),
])
def test_scrapy_download_errors_have_named_reasons(exc: str, reason: str) -> None:
    import scrapy.exceptions
    from twisted.python.failure import Failure

    from crawler.failures import classify_failure

    error = getattr(scrapy.exceptions, exc)("boom")
    assert classify_failure(Failure(error)) == (reason, True)


@pytest.mark.parametrize(("message", "outcome"), [
    ("Forbidden by robots.txt", ("robots_disallowed", False)),
    ("offsite: http://elsewhere/", ("offsite", False)),
    ("offsite redirect: http://a/ -> http://b/", ("redirect_offsite", True)),
    ("redirect loop: http://a/ -> http://b/ -> http://a/", ("redirect_loop", True)),
    ("max redirections reached", ("redirect_loop", True)),
    (("Ignored response <200 http://a/> because its body (1 B compressed, 9 B decompressed so far) exceeded "
     "DOWNLOAD_MAXSIZE (5 B) during decompression."), ("too_large", True)),
])
def test_ignored_requests_are_decisions_or_faults_by_their_message(message: str, outcome: tuple[str, bool]) -> None:
    from scrapy.exceptions import IgnoreRequest
    from twisted.python.failure import Failure

    from crawler.failures import classify_failure

    assert classify_failure(Failure(IgnoreRequest(message))) == outcome


def test_an_error_status_with_a_challenge_page_is_blocked_and_a_plain_one_is_not() -> None:
    from scrapy.http import HtmlResponse, Request
    from scrapy.spidermiddlewares.httperror import HttpError
    from twisted.python.failure import Failure

    from crawler.failures import classify_failure

    def failure(status: int, body: str) -> Failure:
        response = HtmlResponse("http://a/x", status=status, body=body.encode(), request=Request("http://a/x"))
        return Failure(HttpError(response, "error"))

    assert classify_failure(failure(403, CHALLENGE)) == ("blocked", True)
    assert classify_failure(failure(503, CHALLENGE)) == ("blocked", True)
    assert classify_failure(failure(403, "<h1>Forbidden</h1>")) == ("http_403", True)
    assert classify_failure(failure(404, CHALLENGE)) == ("http_404", True)


def _retry_middleware(retries: int = 1):
    from types import SimpleNamespace

    from scrapy.utils.test import get_crawler

    from crawler.retry_after import RetryAfterMiddleware

    crawler = get_crawler(settings_dict={"RETRY_TIMES": retries, "RETRY_HTTP_CODES": [429, 500, 503],
                                         "STORYWATCH_RETRY_AFTER_MAX": 2.0})
    stats = RunStats(["A"])
    crawler.spider = SimpleNamespace(  # type: ignore[assignment]  # only what the middleware reads
        plan=SimpleNamespace(stats=stats), name="test", crawler=crawler)
    return RetryAfterMiddleware.from_crawler(crawler), stats


def test_the_retry_middleware_retries_a_429_and_counts_it_under_the_source() -> None:
    import asyncio

    from scrapy.http import Request, Response

    mw, stats = _retry_middleware()
    request = Request("http://a.example/x", meta={"source": "A"})
    response = Response("http://a.example/x", status=429, headers={"Retry-After": "0"}, request=request)
    retry = asyncio.run(mw.process_response(request, response))
    assert isinstance(retry, Request) and retry.meta["retry_times"] == 1
    assert stats.as_dict()["retries_by_source"] == {"A": {"http_429": 1}}
    # Retries used up: the response goes on (to become an HttpError), and nothing more is counted.
    final = Response("http://a.example/x", status=429, request=retry)
    assert asyncio.run(mw.process_response(retry, final)) is final
    assert stats.as_dict()["retries_by_source"] == {"A": {"http_429": 1}}


def test_the_retry_middleware_counts_a_retried_timeout_under_the_source() -> None:
    from scrapy.exceptions import DownloadTimeoutError
    from scrapy.http import Request

    mw, stats = _retry_middleware()
    request = Request("http://a.example/x", meta={"source": "A"})
    assert isinstance(mw.process_exception(request, DownloadTimeoutError("slow")), Request)
    assert stats.as_dict()["retries_by_source"] == {"A": {"timeout": 1}}


def test_the_retry_middleware_leaves_other_statuses_alone() -> None:
    import asyncio

    from scrapy.http import Request, Response

    mw, stats = _retry_middleware()
    request = Request("http://a.example/x", meta={"source": "A"})
    response = Response("http://a.example/x", status=404, request=request)
    assert asyncio.run(mw.process_response(request, response)) is response
    assert stats.as_dict()["retries_by_source"] == {}
    assert stats.counts["errors"] == 0


@pytest.mark.parametrize(("head", "encoding", "follows"), [
    ('<meta http-equiv="refresh" content="0; url=/next">', "utf-8", True),
    ("<META HTTP-EQUIV='Refresh' CONTENT='1;URL=/next'>", "utf-8", True),
    ('<meta http-equiv="refresh" content="0; url=/next">', "utf-16-le", True),  # NUL bytes: Scrapy decides
    ('<meta name="description" content="no reload here">', "utf-8", False),
    ('<meta name="description" content="refresh your memory">', "utf-8", False),  # the word alone: Scrapy decides
])
def test_meta_refresh_is_followed_and_a_page_without_one_is_not_decoded(head: str, encoding: str,
                                                                        follows: bool) -> None:
    from scrapy.http import HtmlResponse, Request
    from scrapy.utils.test import get_crawler

    from crawler.middlewares import ByteScanMetaRefreshMiddleware

    mw = ByteScanMetaRefreshMiddleware.from_crawler(get_crawler())
    request = Request("http://a.example/page")
    body = f"<html><head>{head}</head><body>{'<p>Text des Artikels.</p>' * 3000}</body></html>".encode(encoding)
    response = HtmlResponse("http://a.example/page", body=body, encoding=encoding, request=request)
    out = mw.process_response(request, response)
    if follows:
        assert isinstance(out, Request) and out.url == "http://a.example/next"
    else:
        assert out is response
    if b"\x00" not in body and b"refresh" not in body.lower():  # passed on without the body being decoded
        assert response._cached_ubody is None
