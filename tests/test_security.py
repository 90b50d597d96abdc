"""A page cannot steer the crawler: only configured hosts are fetched, page text reaches SQL only as bound
parameters, robots.txt is obeyed by default, the crawler says who it is, and its files are not world-writable.

One crawl (under umask 000) of a web with one configured site whose pages link and redirect to loopback hosts that
no source names; those hosts are served too, so their request logs prove that nothing was asked of them. The crawl
runs with `http_proxy` pointing at a proxy host of the same web: every request the crawler makes is logged there,
under the host it names, so links and redirects to 169.254.169.254 can be in the pages without any traffic to it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from faultweb import (
    REPO,
    FaultWeb,
    article_html,
    article_text,
    cli_env,
    page,
    redirect,
    section,
    storywatch_command,
)

USER_AGENT = "storywatch-security/1.0 (+mailto:ops@example.org)"
HOSTILE = (
    "Robert'); DROP TABLE articles; --",
    '" OR "1"="1',
    "'; DELETE FROM story_articles WHERE '1'='1",
    "100% {0} %(name)s %s ? :name $1",
    "Backslash \\ und Anführungszeichen „so“ und 'so'",
    "<script>alert('x')</script>",
)
HOSTILE_TITLE = "Wasserwerk \"Nord\": O'Briens Bericht'); DROP TABLE articles; --"
META_DATA_URL = "http://169.254.169.254/latest/meta-data/iam/security-credentials/"


def _hostile_article(n: int, *, related: list[str]) -> str:
    _, paragraphs = article_text(n)
    escape = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
    html_title = "".join(escape.get(c, c) for c in HOSTILE_TITLE)
    body = "".join(f"<p>{''.join(escape.get(c, c) for c in p)}</p>"
                   for p in [paragraphs[0], *(f"Ein Leser schrieb: {h} – und so weiter, meinte er." for h in HOSTILE),
                             *paragraphs[1:]])
    box = "".join(f'<li><a href="{u}">Wasserwerk weiterlesen</a></li>' for u in related)
    return (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{html_title}</title></head><body>'
            f"<main><article><h1>{html_title}</h1>{body}"
            f'<aside class="related"><h2>Lesen Sie auch</h2><ul>{box}</ul></aside></article></main></body></html>')


@dataclass
class SecurityCrawl:
    run: subprocess.CompletedProcess[str]
    web: FaultWeb
    db: Path
    forbidden_hosts: tuple[str, ...]

    def connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True)
        conn.row_factory = sqlite3.Row
        return conn


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SecurityCrawl]:
    tmp = tmp_path_factory.mktemp("security")
    with FaultWeb(["site", "other", "loopback", "proxy"], first=60, fixed={"loopback": "127.0.0.1"}) as web:
        other, lo = web.base("other"), web.base("loopback")
        localhost = f"http://localhost:{web.port}"
        userinfo = f"http://{web.addresses['site']}:{web.port}@127.0.0.1:{web.port}"
        targets = {  # where the site's links and redirects lead: all off limits
            "loopback": f"{lo}/lokales/wasserwerk-lo-12346.html",
            "localhost": f"{localhost}/lokales/wasserwerk-localhost-12347.html",
            "other": f"{other}/lokales/wasserwerk-other-12348.html",
            "userinfo": f"{userinfo}/lokales/wasserwerk-userinfo-12349.html",
            "metadata": META_DATA_URL,
        }
        for host in ("other", "loopback"):
            for path in ("/lokales/wasserwerk-lo-12346.html", "/lokales/wasserwerk-localhost-12347.html",
                         "/lokales/wasserwerk-other-12348.html", "/lokales/wasserwerk-userinfo-12349.html",
                         "/lokales/wasserwerk-related-12360.html"):
                web.add(host, path, page(article_html(900)))
        web.add("site", "/robots.txt", page("User-agent: *\nDisallow: /privat/\n", content_type="text/plain"))
        web.add("site", "/privat/wasserwerk-geheim-12345.html", page(article_html(901)))
        web.add("site", "/lokales/wasserwerk-bericht-12340.html", page(_hostile_article(
            1, related=[META_DATA_URL, f"{lo}/lokales/wasserwerk-related-12360.html",
                        f"{other}/lokales/wasserwerk-related-12360.html",
                        f"{localhost}/lokales/wasserwerk-related-12360.html"])))
        web.add("site", "/lokales/wasserwerk-normal-12341.html", page(article_html(2)))
        web.add("site", "/lokales/umleitung-lo-12350.html", redirect(targets["loopback"]))
        web.add("site", "/lokales/umleitung-other-12351.html", redirect(targets["other"], status=301))
        web.add("site", "/lokales/umleitung-localhost-12352.html", redirect(targets["localhost"], status=307))
        web.add("site", "/lokales/umleitung-metadata-12354.html", redirect(META_DATA_URL))
        web.add("site", "/lokales/auffrischen-12353.html", page(
            f'<html><head><meta http-equiv="refresh" content="0; url={targets["loopback"]}"></head>'
            "<body>Wasserwerk</body></html>"))
        links = [("/lokales/wasserwerk-bericht-12340.html", "Wasserwerk"),
                 ("/lokales/wasserwerk-normal-12341.html", "Wasserwerk"),
                 ("/privat/wasserwerk-geheim-12345.html", "Wasserwerk geheim"),
                 *((url, "Wasserwerk fremd") for url in targets.values()),
                 ("/lokales/umleitung-lo-12350.html", "Wasserwerk"),
                 ("/lokales/umleitung-other-12351.html", "Wasserwerk"),
                 ("/lokales/umleitung-localhost-12352.html", "Wasserwerk"),
                 ("/lokales/umleitung-metadata-12354.html", "Wasserwerk"),
                 ("/lokales/auffrischen-12353.html", "Wasserwerk")]
        web.add("site", "/lokales/", page(section(links)))
        db = tmp / "data" / "storywatch.db"
        db.parent.mkdir()
        config = tmp / "storywatch.toml"
        site = web.base("site")
        # obey_robots_txt is not set: the default must obey.
        config.write_text(
            f'[database]\npath = "{db.as_posix()}"\n\n[crawl]\nuser_agent = "{USER_AGENT}"\ndownload_delay = 0\n'
            f"timeout = 5\nretries = 0\nfollow_related_links = true\n\n"
            f'[[sources]]\nname = "Site"\nurl = "{site}/"\nsections = ["{site}/lokales/"]\n\n'
            f"[[stories]]\nid = \"wasserwerk\"\ntitle = \"Wasserwerk\"\nquery = 'Wasserwerk*'\n",
            encoding="utf-8")
        # umask 000: whatever permissions the files get are the ones storywatch asks for.
        command = " ".join(f"'{part}'" for part in storywatch_command("run", "--config", config))
        env = {**cli_env(), "http_proxy": web.base("proxy")}
        run = subprocess.run(["sh", "-c", f"umask 000; exec {command}"], cwd=REPO, env=env,
                             capture_output=True, text=True, timeout=300, check=False)
        yield SecurityCrawl(run, web, db, ("other", "loopback", "169.254.169.254"))


@pytest.mark.slow
def test_the_crawl_ends_with_exit_0(crawl: SecurityCrawl) -> None:
    assert crawl.run.returncode == 0, crawl.run.stderr[-4000:]


@pytest.mark.slow
def test_every_request_went_through_the_logging_proxy(crawl: SecurityCrawl) -> None:
    hits = crawl.web.hits()
    assert hits and all(h.via_proxy for h in hits), [(h.host, h.path) for h in hits if not h.via_proxy]
    assert crawl.web.hits("proxy") == []  # nothing asked the proxy for itself


@pytest.mark.slow
@pytest.mark.parametrize("host", ["other", "loopback", "169.254.169.254", "localhost"])
def test_links_and_redirects_to_hosts_no_source_names_are_never_requested(crawl: SecurityCrawl,
                                                                          host: str) -> None:
    asked = [(h.host, h.path) for h in crawl.web.hits() if h.host.split(":")[0] == host or h.host == host]
    assert asked == []


@pytest.mark.slow
def test_only_the_configured_site_was_asked_for_anything(crawl: SecurityCrawl) -> None:
    assert {h.host for h in crawl.web.hits()} == {"site"}


@pytest.mark.slow
def test_the_redirecting_pages_themselves_were_asked_once(crawl: SecurityCrawl) -> None:
    for path in ("/lokales/umleitung-lo-12350.html", "/lokales/umleitung-other-12351.html",
                 "/lokales/umleitung-localhost-12352.html", "/lokales/umleitung-metadata-12354.html",
                 "/lokales/auffrischen-12353.html"):
        assert len(crawl.web.hits("site", path)) == 1, path


@pytest.mark.slow
def test_redirects_elsewhere_are_counted_as_faults_of_the_source(crawl: SecurityCrawl) -> None:
    with crawl.connect() as conn:
        stats = json.loads(conn.execute("SELECT stats FROM runs").fetchone()[0])
    assert stats["errors_by_source"]["Site"]["redirect_offsite"] == 5  # four 3xx and one meta refresh
    # The section page's own offsite links never become candidates; the story article's four related links do,
    # and are dropped as offsite.
    assert stats["dropped"]["offsite"] == 4


@pytest.mark.slow
def test_only_the_configured_sites_pages_are_stored(crawl: SecurityCrawl) -> None:
    with crawl.connect() as conn:
        urls = [r[0] for r in conn.execute("SELECT url FROM articles")]
    assert sorted(u.rsplit("/", 1)[-1] for u in urls) == ["wasserwerk-bericht-12340.html",
                                                          "wasserwerk-normal-12341.html"]
    assert all(u.startswith(crawl.web.base("site")) for u in urls)


@pytest.mark.slow
def test_hostile_text_is_stored_verbatim_and_the_tables_survive(crawl: SecurityCrawl) -> None:
    with crawl.connect() as conn:
        row = conn.execute("SELECT * FROM articles WHERE url LIKE '%bericht-12340%'").fetchone()
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        members = conn.execute("SELECT COUNT(*) FROM story_articles").fetchone()[0]
    assert row is not None
    assert row["title"] == HOSTILE_TITLE
    for text in HOSTILE:
        assert text in row["text"], text
    assert {"articles", "story_articles", "runs", "article_versions"} <= tables
    assert members == 2


@pytest.mark.slow
def test_robots_txt_is_obeyed_by_default(crawl: SecurityCrawl) -> None:
    assert crawl.web.hits("site", "/robots.txt"), "robots.txt was never asked for"
    assert crawl.web.hits("site", "/privat/wasserwerk-geheim-12345.html") == []
    with crawl.connect() as conn:
        stats = json.loads(conn.execute("SELECT stats FROM runs").fetchone()[0])
    assert stats["dropped"]["robots_disallowed"] == 1


@pytest.mark.slow
def test_every_request_carries_the_configured_user_agent(crawl: SecurityCrawl) -> None:
    hits = crawl.web.hits("site")
    assert len(hits) >= 5
    assert {h.headers.get("User-Agent") for h in hits} == {USER_AGENT}


@pytest.mark.slow
def test_database_and_lock_files_are_not_world_writable_even_under_umask_000(crawl: SecurityCrawl) -> None:
    files = [p for p in crawl.db.parent.iterdir() if p.name.startswith(crawl.db.name)]
    names = {p.name for p in files}
    assert {crawl.db.name, f"{crawl.db.name}.lock"} <= names
    for path in files:
        mode = stat.S_IMODE(os.stat(path).st_mode)
        assert not mode & stat.S_IWOTH, f"{path.name} is world-writable ({mode:o})"


# -------------------------------------------------------------------------------------------- without a crawl
@pytest.mark.parametrize("url", [
    META_DATA_URL,
    "http://169.254.169.254/",
    "http://127.0.0.1:8080/admin",
    "http://localhost/",
    "http://[::1]/",
    "http://127.0.0.99/",
    "http://10.0.0.1/",
    "http://news.example.de@127.0.0.1/",
    "http://news.example.de.evil.org/",
    "http://evil.org/?u=http://news.example.de/",
    "file:///etc/passwd",
    "ftp://news.example.de/x",
    "javascript:alert(1)",
    "gopher://news.example.de/",
])
def test_the_allow_list_refuses_hosts_no_source_names(url: str) -> None:
    from crawler.urls import HostAllowList

    allow = HostAllowList(["https://www.news.example.de/", "https://feeds.example.org/rss.xml"])
    assert not allow.allows(url)


@pytest.mark.parametrize("url", [
    "https://www.news.example.de/politik/a-b-c.html", "http://news.example.de:8443/x", "https://feeds.example.org/y",
])
def test_the_allow_list_allows_configured_hosts_their_www_twin_and_any_port(url: str) -> None:
    from crawler.urls import HostAllowList

    assert HostAllowList(["https://www.news.example.de/", "https://feeds.example.org/rss.xml"]).allows(url)


def _entity_documents(secret: Path) -> dict[str, bytes]:
    laughs = ('<!ENTITY a "aaaaaaaaaa">' + "".join(f'<!ENTITY {chr(98 + i)} "{f"&{chr(97 + i)};" * 10}">'
                                                   for i in range(9)))
    dtd = f'<!DOCTYPE r [{laughs}<!ENTITY xxe SYSTEM "file://{secret.as_posix()}">]>'
    feed = (f'<?xml version="1.0" encoding="utf-8"?>{{pad}}{dtd}<rss version="2.0"><channel><item>'
            "<title>Wasserwerk &j; &xxe;</title><link>http://h.example/lokales/a-b-c-12345.html</link>"
            "<description>&xxe;</description></item></channel></rss>")
    sitemap = (f'<?xml version="1.0" encoding="utf-8"?>{{pad}}{dtd}'
               '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url>'
               "<loc>http://h.example/lokales/a-&xxe;-12345.html</loc><lastmod>&j;</lastmod></url></urlset>")
    pad = "<!--" + " " * 30_000 + "-->"  # past any quick look at the first bytes for '<!ENTITY'
    docs = {}
    for name, text in (("feed", feed), ("sitemap", sitemap)):
        docs[f"{name}_plain"] = text.replace("{pad}", "").encode("utf-8")
        docs[f"{name}_padded"] = text.replace("{pad}", pad).encode("utf-8")
        docs[f"{name}_utf16"] = text.replace("{pad}", "").replace("utf-8", "utf-16").encode("utf-16")
    return docs


@pytest.mark.parametrize("name", ["feed_plain", "feed_padded", "feed_utf16", "sitemap_plain", "sitemap_padded",
                                  "sitemap_utf16"])
def test_xml_entities_are_never_expanded_and_external_ones_never_read(tmp_path: Path, name: str) -> None:
    from crawler.discovery import DiscoveryError, parse_feed, parse_sitemap

    secret = tmp_path / "secret.txt"
    secret.write_text("GEHEIM-4711", encoding="utf-8")
    body = _entity_documents(secret)[name]
    parse = parse_feed if name.startswith("feed") else (lambda b, u, s: parse_sitemap(b, u, s).candidates)
    try:
        candidates = parse(body, "http://h.example/", "H")
    except DiscoveryError as exc:
        assert exc.reason == "bad_xml"
        return
    dump = repr(candidates)
    assert "GEHEIM-4711" not in dump
    assert "aaaaaaaaaa" not in dump  # not even one level of expansion
    assert len(dump) < 2000
