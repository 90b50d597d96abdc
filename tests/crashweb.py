"""The web of the frontier's crash campaigns (tests/test_frontier_crash.py): the end-to-end test web's first round,
every article page slowed down so that kills land between a listing and its pages, plus one more outlet written
here, the Wetterhausener Marktbote.

The Marktbote is built to be hard for a crawl that forgets what it discovered: a sitemap index whose child news
sitemap lists twelve unrelated local reports and one story follow-up, and that follow-up's "Mehr zum Thema" box
links to a second follow-up that no listing names (it exists for the crawl only through the related link of an
article stored earlier). Every page answers with an ETag, so a listing read once is answered 304 from then on.

Places, people and firms are invented, as in tests/web; the texts are written for this web.
"""

from __future__ import annotations

import dataclasses
from html import escape
from pathlib import Path
from typing import Any

from faultweb import article_html, article_text

from crawler.demo.server import OutletWeb

WEB = Path(__file__).resolve().parent / "web"
SITE = "marktbote"
NAME = "Wetterhausener Marktbote"
FILLER = 12  # unrelated local reports in the news sitemap
FILLER_FIRST = 700  # faultweb.article_text numbers of the filler reports

FOLLOW_UP = {
    "path": "/nachrichten/notleitung-wetterhausen-oberkolbing-81412.html",
    "published": "2025-03-18T06:15:00+01:00",
    "title": "Notleitung aus Wetterhausen soll Oberkolbing ab Mai mit Trinkwasser versorgen",
    "lead": ("Weil der Tiefbrunnen II wegen der PFAS-Belastung abgeschaltet bleibt, baut der Zweckverband eine "
             "Notleitung von Wetterhausen nach Oberkolbing. Bis dahin bleiben die Trinkwasserwagen am Marktplatz."),
    "paragraphs": (
        ("Die Leitung soll über gut drei Kilometer entlang der Kreisstraße verlegt werden und an den Hochbehälter "
         "am Oberkolbinger Kirchberg anschließen. Das kündigte der Zweckverband Wasserversorgung Wettersee am "
         "Montagabend im Gemeinderat an. Die Rohre liegen bereits auf einem Lager in Wetterhausen, gebaut werden "
         "soll in zwei Schichten."),
        ("Bürgermeisterin Hanne Wiesinger sprach von einem Lichtblick. Seit der Routineprobe aus dem Tiefbrunnen II, "
         "in der ein Labor PFAS weit über dem künftigen Grenzwert gefunden hatte, holen die Einwohner ihr "
         "Trinkwasser in Kanistern. Der kleinere Brunnen I allein reicht nach Angaben von Wasserwart Quirin "
         "Haslberger nicht für den ganzen Ort."),
        ("Als Quelle der Belastung gilt weiterhin der Löschschaum vom Großbrand der Lackfabrik Brandner im August "
         "2023. Wer die Kosten der Notleitung trägt, ist offen; die Gemeinde will sie vom Unternehmen "
         "zurückfordern, das jede Verantwortung bestreitet."),
        ("Das Gesundheitsamt des Landkreises Wettersee will das Wasser aus Wetterhausen vor der Einspeisung "
         "zweimal prüfen lassen. Erst wenn beide Proben unauffällig sind, soll die Warnung für das Leitungswasser "
         "in Oberkolbing aufgehoben werden."),
    ),
}
RELATED_ONLY = {
    "path": "/nachrichten/gasthaeuser-oberkolbing-wasserverbot-81420.html",
    "published": "2025-03-19T11:40:00+01:00",
    "title": "Wasserverbot in Oberkolbing: Gasthäuser und Bäckereien kochen mit Wasser aus Kanistern",
    "lead": ("Seit das Wasserwerk PFAS im Trinkwasser gefunden hat, schleppen Wirte und Bäcker in Oberkolbing "
             "jeden Morgen Kanister. Manche Betriebe haben ihre Speisekarte verkleinert."),
    "paragraphs": (
        ("Im Gasthaus zur Post am Oberkolbinger Marktplatz beginnt der Tag seit einer Woche am Trinkwasserwagen. "
         "Wirtin Resi Obermaier füllt dort vor sechs Uhr zwölf Kanister, für Kaffee, Suppen und das Spülen von "
         "Salat. Das Leitungswasser nutzt sie nur noch für die Spülmaschine, wie es das Gesundheitsamt erlaubt."),
        ("Bäckermeister Florian Stadler hat seinen Teig zwei Tage lang mit gekauftem Flaschenwasser angesetzt, "
         "dann stellte ihm die Gemeinde einen eigenen Tank vor die Backstube. Die Mehrkosten für die ersten Tage "
         "will er bei der Lackfabrik Brandner geltend machen, deren Löschschaum als Ursache der PFAS-Belastung "
         "gilt."),
        ("Bürgermeisterin Hanne Wiesinger sagte, die Gemeinde sammle die Rechnungen der Betriebe. Ob die "
         "Wasserversorgung oder das Unternehmen am Ende zahle, müsse womöglich ein Gericht klären. Bis die "
         "Notleitung aus Wetterhausen fertig sei, bleibe es beim Wasser aus Kanistern."),
    ),
}


def _article_page(a: dict[str, Any], related: dict[str, Any] | None) -> str:
    paragraphs = "\n".join(f"<p>{escape(p)}</p>" for p in a["paragraphs"])
    box = ""
    if related is not None:
        box = (f'<aside class="mehr-zum-thema"><h3>Mehr zum Thema</h3><ul>'
               f'<li><a href="{related["path"]}">{escape(related["title"])}</a></li></ul></aside>')
    return (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{escape(a["title"])} | {NAME}'
            f'</title><link rel="canonical" href="{{{{base}}}}{a["path"]}">'
            f'<meta property="article:published_time" content="{a["published"]}"></head><body>'
            f'<header><nav><a href="/">Start</a> <a href="/nachrichten/">Nachrichten</a></nav></header>'
            f'<div class="beitrag"><h1>{escape(a["title"])}</h1><p class="vorspann">{escape(a["lead"])}</p>'
            f'<div class="beitrag-text">{paragraphs}</div>{box}</div>'
            f"<footer>{NAME} · Impressum · Datenschutz</footer></body></html>")


def _filler_path(n: int) -> str:
    return f"/nachrichten/wasserwerk-bericht-{FILLER_FIRST + n}.html"


def write_marktbote(root: Path) -> None:
    """The Marktbote's first round as an OutletWeb folder under `root`."""
    site = root / SITE / "round1"
    (site / "nachrichten").mkdir(parents=True, exist_ok=True)
    (site / "sitemaps").mkdir(exist_ok=True)
    (site / "robots.txt").write_text("User-agent: *\nDisallow:\n", encoding="utf-8")
    (site / "index.html").write_text(f"<html><body><h1>{NAME}</h1></body></html>", encoding="utf-8")
    (site / FOLLOW_UP["path"].lstrip("/")).write_text(_article_page(FOLLOW_UP, RELATED_ONLY), encoding="utf-8")
    (site / RELATED_ONLY["path"].lstrip("/")).write_text(_article_page(RELATED_ONLY, None), encoding="utf-8")
    urls = []
    for n in range(FILLER):
        (site / _filler_path(n).lstrip("/")).write_text(article_html(FILLER_FIRST + n), encoding="utf-8")
        title = article_text(FILLER_FIRST + n)[0]
        urls.append((_filler_path(n), title, f"2026-03-{n % 27 + 1:02d}T08:00:00Z"))
    urls.insert(FILLER // 2, (FOLLOW_UP["path"], FOLLOW_UP["title"], FOLLOW_UP["published"]))
    entries = "".join(
        f"<url><loc>{{{{base}}}}{path}</loc><news:news><news:publication><news:name>{NAME}</news:name>"
        f"<news:language>de</news:language></news:publication><news:publication_date>{published}"
        f"</news:publication_date><news:title>{escape(title)}</news:title></news:news></url>"
        for path, title, published in urls)
    (site / "sitemaps" / "nachrichten.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{entries}</urlset>', encoding="utf-8")
    (site / "sitemap-index.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<sitemap><loc>{{base}}/sitemaps/nachrichten.xml</loc></sitemap></sitemapindex>", encoding="utf-8")


class CrashWeb(OutletWeb):
    """An outlet web whose article pages (`.html`) take `delay` seconds, and whose sites can be made to fail.

    `failing[site] = 'articles'` answers 503 to the site's article pages only (its listings still answer);
    `failing[site] = 'all'` answers 503 to everything but robots.txt."""

    def __init__(self, root: Path, *, first_host: int, delay: float) -> None:
        super().__init__(root, first_host=first_host)
        self.delay = delay
        self.failing: dict[str, str] = {}

    def setting(self, site: str, target: str) -> dict[str, Any]:
        found = super().setting(site, target)
        if target.split("?")[0].endswith(".html") and "delay" not in found:
            return {**found, "delay": self.delay}
        return found

    def respond(self, site: str, target: str, headers: dict[str, str], round_: int) -> Any:
        response = super().respond(site, target, headers, round_)
        mode = self.failing.get(site)
        path = target.split("?")[0]
        if mode == "all" and path != "/robots.txt" or mode == "articles" and path.endswith(".html"):
            return dataclasses.replace(response, status=503, body=b"<html><body><h1>503</h1></body></html>",
                                       headers={"Content-Type": "text/html; charset=utf-8"}, etag=None,
                                       last_modified=None)
        return response


def config_text(db: Path, bases: dict[str, str], *, retry_minutes: float = 10, delay: float = 0.3) -> str:
    """The campaigns' config: the test web's sources and story (related links followed) plus the Marktbote.

    One request at a time per host, `delay` seconds apart: Scrapy 2.19 starts every request queued for a host at
    once when download_delay is 0, whatever concurrent_requests_per_domain says, and the crawl would be over
    before most kills. Four requests in flight at most: a SIGTERM lets them finish (Scrapy's graceful stop), and a
    stop should leave work to the next run."""
    b = bases
    return f"""
[database]
path = "{db.as_posix()}"

[crawl]
user_agent = "storywatch-crash/0.1 (+http://127.0.0.1/contact)"
download_delay = {delay}
concurrent_requests_per_domain = 1
concurrent_requests = 4
timeout = 10
retries = 1
follow_related_links = true
frontier_retry_minutes = {retry_minutes}

[[sources]]
name = "Oberland Abendpost"
url = "{b['abendpost']}/"
feeds = ["{b['abendpost']}/feeds/lokales.rss"]

[[sources]]
name = "Wettersee-Kurier"
url = "{b['kurier']}/"
feeds = ["{b['kurier']}/feed.atom"]

[[sources]]
name = "Landesbote Online"
url = "{b['landesbote']}/"
feeds = ["{b['landesbote']}/rss/nachrichten.xml"]

[[sources]]
name = "Voralpen-Rundschau"
url = "{b['rundschau']}/"
sitemaps = ["{b['rundschau']}/sitemap.xml"]

[[sources]]
name = "Hügelland-Tagblatt"
url = "{b['tagblatt']}/"
sections = ["{b['tagblatt']}/region/"]

[[sources]]
name = "{NAME}"
url = "{b[SITE]}/"
sitemaps = ["{b[SITE]}/sitemap-index.xml"]

[[stories]]
id = "oberkolbing-pfas"
title = "PFAS im Trinkwasser von Oberkolbing"
query = 'Oberkolbing* AND (PFAS OR Trinkwasser* OR Löschschaum* OR Wasserversorgung)'
seeds = [
    "{(WEB / 'seeds' / 'oberkolbing-pfas.txt').as_posix()}",
    "{b['abendpost']}/lokales/oberkolbing-pfas-im-trinkwasser-100231.html",
]
languages = ["de"]
since = "2025-03-01"
"""
