"""Render the page-type fixtures: listing pages (and a few article pages) of twelve invented outlets, each in its own
markup, into tests/pages/listings/<style>/<name>.html, with index.json naming each page's URL, kind and split.

    python tests/pages/listings/make_listings.py     # rewrites the .html files and index.json

The files are committed (golden files); review the diff after a change. Every page is hard on purpose somewhere:
section pages that claim `og:type=article`, JSON-LD lists of NewsArticle items, topic and author pages with prose
intros and bios, blog archives with whole paragraphs per post, galleries with a sentence per picture, card links
without text, live-ticker indexes, video pages with one sentence. The article pages of the same outlets share the
chrome (navigation, sidebars, related teasers) with the listings, so only the main content can tell them apart.

Split: the styles are halved into `dev` (for tuning the judge) and `test` (reported, never tuned on).
"""

from __future__ import annotations

import html
import json
import sys
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from content import (  # run as a script: this folder is on sys.path
    DE_ARTICLE,
    DE_AUTHOR_BIO,
    DE_GALLERY,
    DE_LIVEBLOG,
    DE_PAYWALL_LEAD,
    DE_SHORT_AGENCY,
    DE_TEASERS,
    DE_TOPIC_INTRO,
    EN_ARTICLE,
    EN_AUTHOR_BIO,
    EN_GALLERY,
    EN_SHORT_WIRE,
    EN_TEASERS,
    EN_TOPIC_INTRO,
    Teaser,
)

E = html.escape


@dataclass(frozen=True)
class Page:
    style: str
    name: str
    kind: str  # 'article', a listing kind (home, section, tag, author, search, archive, gallery, video, ticker_index), or
    # 'data' for a page that is neither (labelled neither way)
    url: str
    html: str
    split: str


def ld(data: object) -> str:
    return '<script type="application/ld+json">' + json.dumps(data, ensure_ascii=False) + "</script>"


def pick(pool: tuple[Teaser, ...], start: int, n: int) -> list[Teaser]:
    return [pool[(start + i) % len(pool)] for i in range(n)]


def de_time(iso: str) -> str:
    return datetime.fromisoformat(iso).strftime("%d.%m.%Y, %H:%M Uhr")


def en_time(iso: str) -> str:
    return datetime.fromisoformat(iso).strftime("%d %b %Y %H.%M GMT")


def head(title: str, url: str, *, lang: str = "de", og_type: str | None = None, description: str = "",
         extra: str = "", robots: str = "index, follow") -> str:
    og = f'<meta property="og:type" content="{og_type}">\n' if og_type else ""
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{E(title)}</title>\n'
            f'<meta name="description" content="{E(description)}">\n<meta name="robots" content="{robots}">\n'
            f'{og}<meta property="og:title" content="{E(title)}">\n<meta property="og:url" content="{url}">\n'
            f'<link rel="canonical" href="{url}">\n<link rel="stylesheet" href="/assets/site.css">\n{extra}</head>\n')


# --- 1. de_portal: a national portal; cards are one link each (headline and summary inside the <a>) -----------------
PORTAL = "https://www.tagesblick.example"


def portal_href(t: Teaser) -> str:
    return f"/nachrichten/{t.section}/id_{100400000 + DE_TEASERS.index(t)}/{t.slug}.html"


def portal_card(t: Teaser, size: str = "m") -> str:
    return (f'<article class="teaser teaser--{size}"><a class="teaser__link" href="{portal_href(t)}">'
            f'<figure class="teaser__img"><img src="/img/{t.slug}.jpg" alt=""></figure>'
            f'<span class="teaser__kicker">{E(t.kicker)}</span><h3 class="teaser__title">{E(t.headline)}</h3>'
            f'<p class="teaser__text">{E(t.summary)}</p></a></article>\n')


def portal_page(title: str, url: str, main: str, *, og_type: str | None = "website", extra: str = "",
                robots: str = "index, follow") -> str:
    popular = "".join(f'<li><a href="{portal_href(t)}">{E(t.headline)}</a></li>' for t in pick(DE_TEASERS, 20, 6))
    return (head(f"{title} | Tagesblick", url, og_type=og_type, extra=extra, robots=robots,
                 description="Nachrichten aus Deutschland und der Region")
            + '<body>\n<header class="site-header"><a class="logo" href="/">Tagesblick</a>\n<nav class="main-nav"><ul>'
            '<li><a href="/nachrichten/">Nachrichten</a></li><li><a href="/nachrichten/politik/">Politik</a></li>'
            '<li><a href="/nachrichten/region/">Region</a></li><li><a href="/sport/">Sport</a></li>'
            '<li><a href="/nachrichten/wirtschaft/">Wirtschaft</a></li></ul></nav>'
            '<form class="search" action="/suche/"><input name="q"></form></header>\n'
            f'<main id="content">\n{main}</main>\n<aside class="sidebar"><h2>Meistgelesen</h2><ol>{popular}</ol></aside>\n'
            '<footer class="site-footer"><a href="/impressum/">Impressum</a> <a href="/datenschutz/">Datenschutz</a> '
            '<a href="/kontakt/">Kontakt</a><p>© Tagesblick Medien GmbH</p></footer>\n</body>\n</html>\n')


def de_portal() -> list[Page]:
    pages = []
    url = f"{PORTAL}/"
    main = ('<section class="stage"><h2 class="section-title">Top-Themen</h2>\n'
            + "".join(portal_card(t, "xl" if i == 0 else "m") for i, t in enumerate(pick(DE_TEASERS, 0, 7)))
            + '</section>\n<section><h2 class="section-title"><a href="/nachrichten/region/">Region</a></h2>\n'
            + "".join(portal_card(t) for t in pick(DE_TEASERS, 7, 8))
            + '</section>\n<section><h2 class="section-title"><a href="/nachrichten/politik/">Politik</a></h2>\n'
            + "".join(portal_card(t, "s") for t in pick(DE_TEASERS, 15, 8)) + "</section>\n")
    extra = ld([{"@context": "https://schema.org", "@type": "WebSite", "name": "Tagesblick", "url": url,
                 "potentialAction": {"@type": "SearchAction", "target": f"{PORTAL}/suche/?q={{q}}",
                                     "query-input": "required name=q"}},
                {"@context": "https://schema.org", "@type": "NewsMediaOrganization", "name": "Tagesblick",
                 "url": url}])
    pages.append(Page("de_portal", "home", "home", url,
                      portal_page("Nachrichten, Hintergründe und Service", url, main, extra=extra), "dev"))
    url = f"{PORTAL}/nachrichten/politik/"
    main = ('<h1 class="page-title">Politik</h1>\n<div class="teaser-list">\n'
            + "".join(portal_card(t) for t in pick(DE_TEASERS, 1, 18)) + '</div>\n'
            '<nav class="pagination"><a href="/nachrichten/politik/seite-2/">Nächste Seite</a></nav>\n')
    pages.append(Page("de_portal", "section", "section", url, portal_page("Politik", url, main), "dev"))
    # A CMS that stamps every page as a NewsArticle about itself, section pages included.
    url = f"{PORTAL}/nachrichten/region/"
    main = ('<h1 class="page-title">Region</h1>\n<div class="teaser-list">\n'
            + "".join(portal_card(t) for t in DE_TEASERS if t.section == "region") + "</div>\n")
    extra = ld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Region",
                "mainEntityOfPage": url, "datePublished": "2025-01-21T06:00:00+01:00",
                "publisher": {"@type": "NewsMediaOrganization", "name": "Tagesblick"}})
    pages.append(Page("de_portal", "section-newsarticle", "section", url,
                      portal_page("Region", url, main, og_type="article", extra=extra), "dev"))
    url = f"{PORTAL}/thema/sarnbruecke/"
    intro = "".join(f"<p>{E(p)}</p>" for p in DE_TOPIC_INTRO)
    main = (f'<div class="topic-header"><h1>Sarnbrücke</h1><div class="topic-intro">{intro}</div></div>\n'
            '<h2>Alle Artikel zum Thema</h2><div class="teaser-list">\n'
            + "".join(portal_card(t) for t in pick(DE_TEASERS, 0, 12)) + "</div>\n")
    extra = ld({"@context": "https://schema.org", "@type": "CollectionPage", "name": "Sarnbrücke", "url": url})
    pages.append(Page("de_portal", "tag", "tag", url,
                      portal_page("Sarnbrücke: Aktuelle Nachrichten", url, main, og_type="article", extra=extra),
                      "dev"))
    url = f"{PORTAL}/suche/?q=sarnbr%C3%BCcke"
    results = "".join(
        f'<div class="result"><a href="{portal_href(t)}"><h3>{E(t.headline)}</h3></a>'
        f'<p>{E(t.summary)}</p><span class="date">{de_time(t.time)}</span></div>\n' for t in pick(DE_TEASERS, 0, 10))
    main = ('<h1>Suchergebnisse für „Sarnbrücke“</h1><p class="hits">27 Treffer, sortiert nach Datum</p>\n'
            f'<div class="results">{results}</div>\n')
    pages.append(Page("de_portal", "search", "search", url,
                      portal_page("Suche", url, main, robots="noindex, follow"), "dev"))
    # Article pages of the same outlet: a full one, and a short agency piece under a big block of teasers.
    t = DE_TEASERS[0]
    url = PORTAL + portal_href(t)
    body = "".join(f"<p>{E(p)}</p>\n" for p in DE_ARTICLE)
    related = "".join(portal_card(x) for x in pick(DE_TEASERS, 2, 6))
    extra = ld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": t.headline,
                "datePublished": t.time, "mainEntityOfPage": url,
                "author": {"@type": "Organization", "name": "dpa"}})
    main = (f'<article class="article"><header><span class="kicker">{E(t.kicker)}</span><h1>{E(t.headline)}</h1>'
            f'<p class="lead">{E(t.summary)}</p><time datetime="{t.time}">{de_time(t.time)}</time></header>\n'
            f'<div class="article-body">\n{body}</div></article>\n'
            f'<section class="related"><h2>Mehr zum Thema</h2>{related}</section>\n')
    pages.append(Page("de_portal", "article", "article", url,
                      portal_page(t.headline, url, main, og_type="article", extra=extra), "dev"))
    t = DE_TEASERS[10]
    url = PORTAL + portal_href(t)
    body = "".join(f"<p>{E(p)}</p>\n" for p in DE_SHORT_AGENCY)
    related = "".join(portal_card(x) for x in pick(DE_TEASERS, 11, 12))
    more = "".join(portal_card(x, "s") for x in pick(DE_TEASERS, 23, 8))
    main = (f'<article class="article"><header><span class="kicker">{E(t.kicker)}</span><h1>{E(t.headline)}</h1>'
            f'<time datetime="{t.time}">{de_time(t.time)}</time></header>\n<div class="article-body">\n{body}'
            '</div></article>\n'
            f'<section class="related"><h2>Das könnte Sie auch interessieren</h2>{related}</section>\n'
            f'<section class="more"><h2>Mehr aus der Region</h2>{more}</section>\n')
    pages.append(Page("de_portal", "article-short-agency", "article", url,
                      portal_page(t.headline, url, main, og_type="article"), "dev"))
    return pages


# --- 2. de_tabloid: kicker + headline links, no summaries, og:type=article on every page ---------------------------
BLITZ = "https://www.blitz.example"


def blitz_href(t: Teaser) -> str:
    return f"/news/{t.section}/{t.slug}-{87100000 + DE_TEASERS.index(t)}.blitz.html"


def blitz_teaser(t: Teaser, cls: str = "teaser") -> str:
    return (f'<div class="{cls}"><a href="{blitz_href(t)}"><img src="/img/{t.slug}.jpg" alt="">'
            f'<span class="kicker">{E(t.kicker.upper())}</span><span class="headline">{E(t.headline)}</span></a>'
            '<span class="comments">💬 12</span></div>\n')


def blitz_page(title: str, url: str, main: str, extra: str = "") -> str:
    return (head(f"{title} | BLITZ", url, og_type="article", extra=extra, description="BLITZ: Alles, was zählt")
            + '<body class="blitz">\n<div class="top"><a href="/" class="logo">BLITZ</a>'
            '<div class="menu"><a href="/news/">News</a> <a href="/politik/">Politik</a> <a href="/sport/">Sport</a> '
            '<a href="/bilder/">Bilder</a> <a href="/video/">Video</a> <a href="/blitzplus/">BLITZplus</a></div></div>\n'
            f'<div class="content">\n{main}</div>\n'
            '<div class="bottom"><a href="/impressum.blitz.html">Impressum</a> | <a href="/agb.blitz.html">AGB</a> | '
            '<a href="/datenschutz.blitz.html">Datenschutz</a></div>\n</body>\n</html>\n')


def de_tabloid() -> list[Page]:
    pages = []
    url = f"{BLITZ}/"
    main = ('<div class="stage">' + blitz_teaser(DE_TEASERS[4], "teaser teaser--stage") + '</div>\n'
            + "".join(blitz_teaser(t) for t in pick(DE_TEASERS, 5, 24))
            + '<div class="ticker"><b>NEWS-TICKER</b>'
            + "".join(f'<a href="{blitz_href(t)}">{E(t.headline)}</a> +++ ' for t in pick(DE_TEASERS, 29, 6))
            + "</div>\n")
    pages.append(Page("de_tabloid", "home", "home", url, blitz_page("Nachrichten, Sport, Stars", url, main), "test"))
    url = f"{BLITZ}/news/"
    main = ('<h1 class="visually-hidden">News</h1>\n'
            + "".join(blitz_teaser(t) for t in pick(DE_TEASERS, 3, 20)))
    extra = ld({"@context": "https://schema.org", "@type": "WebPage", "name": "News", "url": url})
    pages.append(Page("de_tabloid", "section", "section", url, blitz_page("News", url, main, extra), "test"))
    url = f"{BLITZ}/bilder/sarnfest-die-schoensten-fotos-87123999.blitz.html"
    slides = "".join(
        f'<div class="slide"><img src="/img/sarnfest-{i}.jpg" alt="Sarnfest {i}"><p class="caption">{E(c)}</p>'
        f'<span class="credit">Foto: Peter Blumhofer</span><span class="count">{i} / {len(DE_GALLERY)}</span></div>\n'
        for i, c in enumerate(DE_GALLERY, 1))
    main = ('<h1><span class="kicker">FOTOSTRECKE</span> Sarnfest: Die schönsten Bilder vom großen Umzug</h1>\n'
            f'<div class="gallery">\n{slides}</div>\n<div class="more"><h2>Weitere Fotostrecken</h2>'
            + "".join(blitz_teaser(t) for t in pick(DE_TEASERS, 17, 4)) + "</div>\n")
    extra = ld({"@context": "https://schema.org", "@type": "ImageGallery", "name": "Sarnfest: Die schönsten Bilder",
                "url": url, "datePublished": "2025-01-19T20:00:00+01:00"})
    pages.append(Page("de_tabloid", "gallery", "gallery", url,
                      blitz_page("Sarnfest: Die schönsten Bilder vom großen Umzug", url, main, extra), "test"))
    url = f"{BLITZ}/video/"
    vids = "".join(
        f'<div class="video-teaser"><a href="/video/{t.slug}-{87200000 + i}.blitz.html"><img src="/img/v{i}.jpg" '
        f'alt=""><span class="duration">0{i % 5 + 1}:{10 + i:02d}</span><span class="headline">{E(t.headline)}'
        '</span></a></div>\n' for i, t in enumerate(pick(DE_TEASERS, 8, 16)))
    main = f'<h1>Videos</h1>\n<div class="video-grid">\n{vids}</div>\n'
    pages.append(Page("de_tabloid", "video-hub", "video", url, blitz_page("Videos", url, main), "test"))
    t = DE_TEASERS[7]
    url = BLITZ + blitz_href(t)
    body = "".join(f"<p>{E(p)}</p>\n" for p in DE_ARTICLE[1:])
    extra = ld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": t.headline,
                "datePublished": t.time, "isAccessibleForFree": True})
    main = (f'<article><h1><span class="kicker">{E(t.kicker.upper())}</span> {E(t.headline)}</h1>'
            f'<div class="author">Von JOHANNA WEIDINGER</div><p class="lead"><b>{E(DE_ARTICLE[0])}</b></p>\n'
            f'{body}<div class="infobox"><b>BLITZ-INFO</b><p>Die Umleitung führt über Hollfeld und die B 27.</p></div>'
            '</article>\n<div class="more"><h2>MEHR NEWS</h2>'
            + "".join(blitz_teaser(x) for x in pick(DE_TEASERS, 12, 12)) + "</div>\n")
    pages.append(Page("de_tabloid", "article", "article", url, blitz_page(t.headline, url, main, extra), "test"))
    t = DE_TEASERS[20]
    url = f"{BLITZ}/blitzplus/politik/{t.slug}-{87300000}.blitz.html"
    extra = ld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": t.headline,
                "datePublished": t.time, "isAccessibleForFree": False,
                "hasPart": {"@type": "WebPageElement", "isAccessibleForFree": False, "cssSelector": ".paywalled"}})
    main = (f'<article><h1><span class="kicker">BLITZPLUS</span> {E(t.headline)}</h1>'
            f'<p class="lead"><b>{E(DE_PAYWALL_LEAD[0])}</b></p>\n'
            '<div class="paywall"><h3>Jetzt weiterlesen mit BLITZplus</h3><p>Sie haben bereits ein Abo?</p>'
            '<a href="/login/">Anmelden</a> <a href="/abo/">Jetzt 1 Monat für 0,99 € testen</a></div>\n'
            '<div class="paywalled" hidden></div></article>\n<div class="more"><h2>MEHR NEWS</h2>'
            + "".join(blitz_teaser(x) for x in pick(DE_TEASERS, 22, 10)) + "</div>\n")
    pages.append(Page("de_tabloid", "article-paywall", "article", url,
                      blitz_page(t.headline, url, main, extra), "test"))
    return pages


# --- 3. de_regional: flat markup (h2 a, p, 'mehr'), og:type=article everywhere, no JSON-LD -------------------------
BOTE = "https://www.sarntaler-bote.example"


def bote_href(t: Teaser) -> str:
    return f"/lokales/{t.section}/{t.slug}-{31000 + DE_TEASERS.index(t)}.html"


def bote_item(t: Teaser) -> str:
    return (f'<h2><a href="{bote_href(t)}">{E(t.headline)}</a></h2>\n'
            f'<p class="vorspann">{E(t.summary)} <a class="mehr" href="{bote_href(t)}">mehr</a></p>\n'
            f'<div class="datum">{de_time(t.time)}</div>\n')


def bote_page(title: str, url: str, main: str) -> str:
    return (head(f"{title} - Sarntaler Bote", url, og_type="article", description="Ihre Heimatzeitung im Sarntal")
            + '<body>\n<table class="layout" width="980"><tr><td colspan="2" class="kopf">'
            '<a href="/"><img src="/gfx/bote.gif" alt="Sarntaler Bote"></a></td></tr>\n<tr><td class="menue">'
            '<a href="/lokales/">Lokales</a><br><a href="/lokales/region/">Sarnheim</a><br><a href="/sport/">Sport</a>'
            '<br><a href="/anzeigen/">Anzeigen</a><br><a href="/archiv/">Archiv</a></td>\n'
            f'<td class="inhalt">\n{main}</td></tr>\n<tr><td colspan="2" class="fuss">© Sarntaler Bote · '
            '<a href="/impressum.html">Impressum</a></td></tr></table>\n</body>\n</html>\n')


def de_regional() -> list[Page]:
    pages = []
    url = f"{BOTE}/lokales/region/"
    main = ('<div class="rubrik">Lokales &gt; Sarnheim</div>\n<div class="liste">\n'
            + "".join(bote_item(t) for t in DE_TEASERS if t.section == "region") + "</div>\n")
    pages.append(Page("de_regional", "section", "section", url, bote_page("Lokales Sarnheim", url, main), "dev"))
    url = f"{BOTE}/autoren/johanna-weidinger/"
    bio = "".join(f"<p>{E(p)}</p>\n" for p in DE_AUTHOR_BIO)
    main = ('<div class="autor"><img src="/gfx/autoren/weidinger.jpg" alt="Johanna Weidinger">'
            f'<h1>Johanna Weidinger</h1><div class="funktion">Redakteurin Region</div>\n{bio}</div>\n'
            '<h3>Artikel von Johanna Weidinger</h3>\n<div class="liste">\n'
            + "".join(bote_item(t) for t in pick(DE_TEASERS, 0, 8)) + "</div>\n")
    pages.append(Page("de_regional", "author", "author", url, bote_page("Johanna Weidinger", url, main), "dev"))
    url = f"{BOTE}/archiv/2025/01/17/"
    rows = "".join(f'<tr><td>{t.time[11:16]}</td><td>{E(t.kicker)}</td><td><a href="{bote_href(t)}">'
                   f'{E(t.headline)}</a></td></tr>\n' for t in pick(DE_TEASERS, 8, 14))
    main = (f'<h1>Archiv: Freitag, 17. Januar 2025</h1>\n<table class="archiv">\n{rows}</table>\n'
            '<p><a href="/archiv/2025/01/16/">« Vortag</a> | <a href="/archiv/2025/01/18/">Folgetag »</a></p>\n')
    pages.append(Page("de_regional", "archive", "archive", url, bote_page("Archiv 17.01.2025", url, main), "dev"))
    url = f"{BOTE}/"
    first = DE_TEASERS[0]
    main = (f'<div class="aufmacher"><h1><a href="{bote_href(first)}">{E(first.headline)}</a></h1>'
            f'<p>{E(first.summary)} {E(DE_ARTICLE[1])}</p><a class="mehr" href="{bote_href(first)}">mehr</a></div>\n'
            '<div class="liste">\n' + "".join(bote_item(t) for t in pick(DE_TEASERS, 1, 12)) + "</div>\n")
    pages.append(Page("de_regional", "home", "home", url, bote_page("Startseite", url, main), "dev"))
    t = DE_TEASERS[0]
    url = BOTE + bote_href(t)
    paras = [f"<p>{E(p)}</p>\n" for p in DE_ARTICLE]
    other = DE_TEASERS[19]
    paras.insert(3, f'<p><b>Lesen Sie auch:</b> <a href="{bote_href(other)}">{E(other.headline)}</a></p>\n')
    main = (f'<div class="rubrik">Lokales &gt; Sarnheim</div>\n<div class="datum">{de_time(t.time)}</div>\n'
            f'<h1>{E(t.headline)}</h1>\n<div class="text">\n{"".join(paras)}</div>\n'
            '<p class="kuerzel">jow</p>\n<h3>Weitere Artikel</h3>\n<div class="liste">\n'
            + "".join(bote_item(x) for x in pick(DE_TEASERS, 21, 5)) + "</div>\n")
    pages.append(Page("de_regional", "article", "article", url, bote_page(t.headline, url, main), "dev"))
    return pages


# --- 4. de_broadcaster: teasers with a 'mehr' link in the short text, live-blog index, Mediathek, a video page ----
RM = "https://www.rundfunk-mitte.example"


def rm_href(t: Teaser) -> str:
    return f"/nachrichten/{t.section}/{t.slug}-100.html"


def rm_teaser(t: Teaser) -> str:
    return (f'<div class="teaser"><a class="teaser__link" href="{rm_href(t)}"><div class="teaser__media">'
            f'<img src="/img/{t.slug}~_v-16x9.jpg" alt=""></div><p class="teaser__topline">{E(t.kicker)}</p>'
            f'<h3 class="teaser__headline">{E(t.headline)}</h3></a>\n<p class="teaser__shorttext">{E(t.summary)} '
            f'<a class="teaser__more" href="{rm_href(t)}" aria-label="{E(t.headline)}">mehr</a></p></div>\n')


def rm_page(title: str, url: str, main: str, *, og_type: str = "website", extra: str = "") -> str:
    return (head(f"{title} | Rundfunk Mitte", url, og_type=og_type, extra=extra,
                 description="Nachrichten von Rundfunk Mitte")
            + '<body>\n<div id="skiplinks"><a href="#content">Zum Inhalt</a></div>\n<header role="banner">'
            '<a href="/" class="logo">Rundfunk Mitte</a><nav role="navigation"><ul><li><a href="/nachrichten/">'
            'Nachrichten</a></li><li><a href="/nachrichten/inland/">Inland</a></li><li><a href="/mediathek/">Mediathek'
            '</a></li><li><a href="/liveblog/">Live</a></li><li><a href="/wetter/">Wetter</a></li></ul></nav></header>\n'
            f'<div id="content" class="content">\n{main}</div>\n<footer role="contentinfo"><ul><li>'
            '<a href="/impressum/">Impressum</a></li><li><a href="/barrierefreiheit/">Barrierefreiheit</a></li></ul>'
            '<p>© Rundfunk Mitte, Anstalt des öffentlichen Rechts</p></footer>\n</body>\n</html>\n')


def de_broadcaster() -> list[Page]:
    pages = []
    url = f"{RM}/nachrichten/inland/"
    main = ('<h1 class="seitenkopf__title">Inland</h1>\n<div class="teaserlist">\n'
            + "".join(rm_teaser(t) for t in pick(DE_TEASERS, 1, 14)) + "</div>\n")
    pages.append(Page("de_broadcaster", "section", "section", url, rm_page("Inland", url, main), "test"))
    url = f"{RM}/liveblog/"
    items = "".join(
        f'<div class="teaser teaser--live"><span class="badge">LIVE</span><a href="/nachrichten/{t.section}/'
        f'liveblog-{t.slug}-100.html"><h3 class="teaser__headline">Liveblog: {E(t.headline)}</h3></a>'
        f'<p class="teaser__shorttext">Zuletzt aktualisiert {t.time[11:16]} Uhr. {E(t.summary)}</p></div>\n'
        for t in pick(DE_TEASERS, 0, 6))
    main = f'<h1>Aktuelle Liveblogs</h1>\n<div class="teaserlist">\n{items}</div>\n'
    pages.append(Page("de_broadcaster", "live-index", "ticker_index", url, rm_page("Liveblogs", url, main), "test"))
    url = f"{RM}/mediathek/"
    vids = pick(DE_TEASERS, 4, 12)
    items = "".join(
        f'<div class="mediathek-teaser"><a href="/mediathek/video/{t.slug}-100.html"><img src="/img/m{i}.jpg" '
        f'alt=""><span class="dauer">{i + 1}:3{i % 10} Min</span><h4>{E(t.headline)}</h4></a>'
        f'<p class="sendung">Rundfunk Mitte aktuell, {de_time(t.time)}</p></div>\n' for i, t in enumerate(vids))
    extra = ld({"@context": "https://schema.org", "@type": "ItemList", "itemListElement": [
        {"@type": "VideoObject", "position": i + 1, "name": t.headline, "url": f"{RM}/mediathek/video/{t.slug}-100.html",
         "uploadDate": t.time} for i, t in enumerate(vids)]})
    main = f'<h1>Mediathek</h1>\n<h2>Neueste Videos</h2>\n<div class="mediathek-grid">\n{items}</div>\n'
    pages.append(Page("de_broadcaster", "mediathek", "video", url, rm_page("Mediathek", url, main, extra=extra),
                      "test"))
    t = DE_TEASERS[0]
    url = f"{RM}/mediathek/video/{t.slug}-100.html"
    extra = ld({"@context": "https://schema.org", "@type": "VideoObject", "name": t.headline,
                "description": t.summary, "uploadDate": t.time, "duration": "PT1M48S",
                "thumbnailUrl": f"{RM}/img/{t.slug}.jpg", "contentUrl": f"{RM}/media/{t.slug}.mp4"})
    main = (f'<div class="videoplayer" data-media="/media/{t.slug}.json"><img src="/img/{t.slug}.jpg" alt=""></div>\n'
            f'<h1>{E(t.headline)}</h1>\n<p class="videotext">{E(t.summary)}</p>\n'
            f'<p class="sendung">Rundfunk Mitte aktuell, {de_time(t.time)}, 1:48 Min</p>\n'
            '<h2>Weitere Videos</h2><div class="mediathek-grid">\n'
            + "".join(f'<div class="mediathek-teaser"><a href="/mediathek/video/{x.slug}-100.html"><h4>'
                      f'{E(x.headline)}</h4></a></div>\n' for x in pick(DE_TEASERS, 5, 8)) + "</div>\n")
    pages.append(Page("de_broadcaster", "video-page", "video", url,
                      rm_page(t.headline, url, main, og_type="video.other", extra=extra), "test"))
    # A live blog is an article.
    t = DE_TEASERS[0]
    url = f"{RM}/nachrichten/region/liveblog-{t.slug}-100.html"
    entries = "".join(
        f'<div class="liveblog-entry" id="entry-{i}"><time>{hhmm} Uhr</time><h2>{E(h)}</h2><p>{E(p)}</p>'
        f'<a class="share" href="#entry-{i}">Link kopieren</a></div>\n' for i, (hhmm, h, p) in enumerate(DE_LIVEBLOG))
    extra = ld({"@context": "https://schema.org", "@type": "LiveBlogPosting", "headline": f"Liveblog: {t.headline}",
                "coverageStartTime": "2025-01-21T07:30:00+01:00", "datePublished": "2025-01-21T07:30:00+01:00",
                "liveBlogUpdate": [{"@type": "BlogPosting", "headline": h} for _, h, _ in DE_LIVEBLOG]})
    main = (f'<article class="liveblog"><h1>Liveblog: {E(t.headline)}</h1><p class="lead">Die Sperrung der '
            'Sarnbrücke und die Folgen für Pendler: alle Entwicklungen des Tages.</p>\n'
            f'{entries}</article>\n<h2>Mehr zum Thema</h2><div class="teaserlist">\n'
            + "".join(rm_teaser(x) for x in pick(DE_TEASERS, 19, 4)) + "</div>\n")
    pages.append(Page("de_broadcaster", "article-liveblog", "article", url,
                      rm_page(t.headline, url, main, og_type="article", extra=extra), "test"))
    return pages


# --- 5. de_magazine: topic page with an explainer intro, author page with a bio, CollectionPage / ProfilePage ------
BEFUND = "https://www.befund.example"


def befund_href(t: Teaser) -> str:
    return f"/{t.section}/{datetime.fromisoformat(t.time):%Y-%m}/{t.slug}"


def befund_item(t: Teaser) -> str:
    return (f'<article class="zon-teaser"><h2 class="zon-teaser__heading"><a href="{befund_href(t)}">'
            f'<span class="zon-teaser__kicker">{E(t.kicker)}</span><span class="zon-teaser__title">{E(t.headline)}'
            f'</span></a></h2><p class="zon-teaser__text">{E(t.summary)}</p><footer class="zon-teaser__byline">'
            f'Von Johanna Weidinger · <time datetime="{t.time}">{de_time(t.time)}</time></footer></article>\n')


def befund_page(title: str, url: str, main: str, *, og_type: str = "website", extra: str = "") -> str:
    return (head(f"{title} | DER BEFUND", url, og_type=og_type, extra=extra, description="DER BEFUND – Magazin")
            + '<body>\n<header class="header"><a href="/" class="header__logo">DER BEFUND</a><nav class="nav">'
            '<a href="/politik/">Politik</a> <a href="/wirtschaft/">Wirtschaft</a> <a href="/region/">Region</a> '
            '<a href="/kultur/">Kultur</a></nav></header>\n'
            f'<main class="main">\n{main}</main>\n<footer class="footer"><a href="/impressum">Impressum</a> '
            '<a href="/abo">Abo</a></footer>\n</body>\n</html>\n')


def de_magazine() -> list[Page]:
    pages = []
    url = f"{BEFUND}/thema/sarnbruecke"
    intro = "".join(f"<p>{E(p)}</p>\n" for p in DE_TOPIC_INTRO)
    main = (f'<div class="topic-header"><h1>Sarnbrücke</h1>\n{intro}</div>\n<section class="cp-area">\n'
            + "".join(befund_item(t) for t in pick(DE_TEASERS, 0, 10)) + "</section>\n")
    extra = ld({"@context": "https://schema.org", "@type": "CollectionPage", "name": "Sarnbrücke", "url": url,
                "mainEntity": {"@type": "ItemList", "itemListElement": [
                    {"@type": "ListItem", "position": i + 1, "url": BEFUND + befund_href(t)}
                    for i, t in enumerate(pick(DE_TEASERS, 0, 10))]}})
    pages.append(Page("de_magazine", "topic", "tag", url, befund_page("Sarnbrücke", url, main, extra=extra), "dev"))
    url = f"{BEFUND}/autoren/johanna-weidinger"
    bio = "".join(f"<p>{E(p)}</p>\n" for p in DE_AUTHOR_BIO)
    main = (f'<div class="author-header"><img src="/img/weidinger.jpg" alt=""><h1>Johanna Weidinger</h1>'
            f'<p class="author-header__role">Redakteurin, Region</p>\n{bio}</div>\n'
            '<section class="cp-area"><h2>Neueste Artikel</h2>\n'
            + "".join(befund_item(t) for t in pick(DE_TEASERS, 3, 9)) + "</section>\n")
    extra = ld({"@context": "https://schema.org", "@type": "ProfilePage",
                "mainEntity": {"@type": "Person", "name": "Johanna Weidinger", "jobTitle": "Redakteurin"}})
    pages.append(Page("de_magazine", "author", "author", url,
                      befund_page("Johanna Weidinger", url, main, og_type="profile", extra=extra), "dev"))
    url = f"{BEFUND}/"
    main = ('<section class="cp-area cp-area--major">\n' + "".join(befund_item(t) for t in pick(DE_TEASERS, 6, 6))
            + '</section>\n<section class="cp-area"><h2>Region</h2>\n'
            + "".join(befund_item(t) for t in pick(DE_TEASERS, 12, 8)) + "</section>\n")
    pages.append(Page("de_magazine", "home", "home", url, befund_page("Nachrichten und Analysen", url, main), "dev"))
    url = f"{BEFUND}/politik/"
    main = ('<h1 class="centerpage-title">Politik</h1><p class="centerpage-description">Analysen, Reportagen und '
            'Kommentare aus der Landespolitik.</p>\n<section class="cp-area">\n'
            + "".join(befund_item(t) for t in DE_TEASERS if t.section == "politik") + "</section>\n")
    pages.append(Page("de_magazine", "section", "section", url, befund_page("Politik", url, main), "dev"))
    t = DE_TEASERS[1]
    url = BEFUND + befund_href(t)
    body = "".join(f'<p class="paragraph">{E(p)}</p>\n' for p in (*DE_ARTICLE, *DE_TOPIC_INTRO[:2]))
    extra = ld({"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": url, "url": url, "name": t.headline},
        {"@type": "NewsArticle", "headline": t.headline, "datePublished": t.time, "mainEntityOfPage": {"@id": url},
         "author": [{"@type": "Person", "name": "Johanna Weidinger"}]},
        {"@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "position": 1, "item": BEFUND}]}]})
    main = (f'<article class="article"><header class="article-header"><h1 class="article-heading">'
            f'<span class="article-heading__kicker">{E(t.kicker)}</span><span class="article-heading__title">'
            f'{E(t.headline)}</span></h1><div class="summary">{E(t.summary)}</div><div class="byline">Von Johanna '
            f'Weidinger</div></header>\n<div class="article-body">\n{body}</div></article>\n'
            '<section class="cp-area"><h2>Mehr aus der Politik</h2>\n'
            + "".join(befund_item(x) for x in pick(DE_TEASERS, 13, 5)) + "</section>\n")
    pages.append(Page("de_magazine", "article", "article", url,
                      befund_page(t.headline, url, main, og_type="article", extra=extra), "dev"))
    return pages


# --- 6. en_news: a broadsheet; ItemList of NewsArticle items, a tag page with an intro, a live index --------------
LEDGER = "https://www.northernledger.example"


def ledger_href(t: Teaser) -> str:
    d = datetime.fromisoformat(t.time)
    return f"/{t.section}/{d:%Y}/{d:%b}/{d:%d}/{t.slug}".lower()


def ledger_card(t: Teaser, with_text: bool = True) -> str:
    text = f'<div class="dcr-standfirst">{E(t.summary)}</div>' if with_text else ""
    return (f'<li class="dcr-card"><div class="dcr-card__headline"><a href="{ledger_href(t)}" data-link-name="article">'
            f'<span class="dcr-kicker">{E(t.kicker)}</span> <span>{E(t.headline)}</span></a></div>{text}'
            f'<time datetime="{t.time}">{en_time(t.time)}</time></li>\n')


def ledger_page(title: str, url: str, main: str, *, og_type: str = "website", extra: str = "") -> str:
    return (head(f"{title} | The Northern Ledger", url, lang="en-GB", og_type=og_type, extra=extra,
                 description="Latest news from the north")
            + '<body>\n<header data-component="nav"><a href="/" data-link-name="logo">The Northern Ledger</a>'
            '<nav><a href="/uk">UK</a> <a href="/business">Business</a> <a href="/sport">Sport</a> '
            '<a href="/culture">Culture</a> <a href="/live">Live</a></nav></header>\n'
            f'<main>\n{main}</main>\n<footer><a href="/help/terms">Terms</a> <a href="/info/privacy">Privacy</a>'
            '<p>© 2025 Northern Ledger Media Ltd</p></footer>\n</body>\n</html>\n')


def en_news() -> list[Page]:
    pages = []
    url = f"{LEDGER}/uk/port"
    items = pick(EN_TEASERS, 0, 14)
    extra = ld({"@context": "https://schema.org", "@type": "ItemList", "itemListElement": [
        {"@type": "ListItem", "position": i + 1, "item": {"@type": "NewsArticle", "headline": t.headline,
                                                          "url": LEDGER + ledger_href(t), "datePublished": t.time}}
        for i, t in enumerate(items)]})
    main = ('<div class="dcr-container"><h1 class="dcr-container__title">Port and harbour</h1>\n<ul>\n'
            + "".join(ledger_card(t) for t in items) + "</ul></div>\n")
    pages.append(Page("en_news", "section", "section", url, ledger_page("Port and harbour", url, main, extra=extra),
                      "dev"))
    url = f"{LEDGER}/business/harbour-crane-strike"
    intro = "".join(f"<p>{E(p)}</p>" for p in EN_TOPIC_INTRO)
    main = (f'<div class="dcr-tagpage"><h1>Harbour crane strike</h1><div class="dcr-tag-description">{intro}</div>'
            '</div>\n<ul>\n' + "".join(ledger_card(t) for t in pick(EN_TEASERS, 0, 9)) + "</ul>\n")
    pages.append(Page("en_news", "tag", "tag", url,
                      ledger_page("Harbour crane strike", url, main, og_type="article"), "dev"))
    url = f"{LEDGER}/live"
    main = ('<h1>Live</h1>\n<ul>\n' + "".join(
        f'<li class="dcr-card dcr-card--live"><span class="dcr-pulse">Live</span><div class="dcr-card__headline">'
        f'<a href="{ledger_href(t)}-live">{E(t.headline)} – live updates</a></div><time datetime="{t.time}">'
        f'{en_time(t.time)}</time></li>\n' for t in pick(EN_TEASERS, 2, 5)) + "</ul>\n")
    pages.append(Page("en_news", "live-index", "ticker_index", url, ledger_page("Live", url, main), "dev"))
    url = f"{LEDGER}/"
    main = ('<section><h2>Headlines</h2><ul>\n' + "".join(ledger_card(t) for t in pick(EN_TEASERS, 0, 8))
            + '</ul></section>\n<section><h2><a href="/sport">Sport</a></h2><ul>\n'
            + "".join(ledger_card(t, with_text=False) for t in pick(EN_TEASERS, 8, 8)) + "</ul></section>\n")
    pages.append(Page("en_news", "home", "home", url, ledger_page("News, sport and opinion", url, main), "dev"))
    t = EN_TEASERS[0]
    url = LEDGER + ledger_href(t)
    body = "".join(f"<p>{E(p)}</p>\n" for p in EN_ARTICLE)
    extra = ld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": t.headline,
                "datePublished": t.time, "mainEntityOfPage": url})
    main = (f'<article><div class="dcr-kicker">{E(t.kicker)}</div><h1>{E(t.headline)}</h1>'
            f'<div class="dcr-standfirst"><p>{E(t.summary)}</p></div><address>Martin Okafor, transport '
            f'correspondent</address><time datetime="{t.time}">{en_time(t.time)}</time>\n'
            f'<div class="article-body-commercial-selector">\n{body}</div></article>\n'
            '<aside class="dcr-related"><h2>Related stories</h2><ul>\n'
            + "".join(ledger_card(x) for x in pick(EN_TEASERS, 1, 6)) + "</ul></aside>\n"
            '<section class="dcr-onwards"><h2>Most viewed</h2><ul>\n'
            + "".join(ledger_card(x, with_text=False) for x in pick(EN_TEASERS, 7, 10)) + "</ul></section>\n")
    pages.append(Page("en_news", "article", "article", url,
                      ledger_page(t.headline, url, main, og_type="article", extra=extra), "dev"))
    return pages


# --- 7. en_blog: a WordPress blog whose archives show whole paragraphs of every post -----------------------------
NOTES = "https://fieldnotes.example"


def notes_href(t: Teaser) -> str:
    d = datetime.fromisoformat(t.time)
    return f"/{d:%Y}/{d:%m}/{t.slug}/"


def notes_post(t: Teaser, i: int) -> str:
    d = datetime.fromisoformat(t.time)
    second = EN_ARTICLE[(i + 1) % len(EN_ARTICLE)]
    return (f'<article id="post-{2100 + i}" class="post type-post status-publish format-standard hentry">\n'
            f'<header class="entry-header"><h2 class="entry-title"><a href="{notes_href(t)}" rel="bookmark">'
            f'{E(t.headline)}</a></h2><div class="entry-meta"><span class="posted-on">Posted on <a href="'
            f'{notes_href(t)}"><time class="entry-date published" datetime="{t.time}">{d:%B %-d, %Y}</time></a>'
            '</span> <span class="byline">by <a href="/author/rowan/">Rowan</a></span></div></header>\n'
            f'<div class="entry-content"><p>{E(t.summary)} {E(EN_ARTICLE[i % len(EN_ARTICLE)])}</p>\n'
            f'<p>{E(second)}</p>\n<p><a href="{notes_href(t)}#more-{2100 + i}" class="more-link">Continue reading '
            f'<span class="screen-reader-text">{E(t.headline)}</span></a></p></div>\n'
            f'<footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/harbour/">Harbour</a>'
            f'</span> <span class="comments-link"><a href="{notes_href(t)}#comments">2 Comments</a></span></footer>'
            '</article>\n')


def notes_page(title: str, url: str, main: str, *, og_type: str = "website", extra: str = "",
               body_class: str = "archive") -> str:
    recent = "".join(f'<li><a href="{notes_href(t)}">{E(t.headline)}</a></li>' for t in pick(EN_TEASERS, 10, 5))
    return (head(f"{title} – Field Notes", url, lang="en-US", og_type=og_type, extra=extra,
                 description="Notes from the harbour town")
            + f'<body class="{body_class} wp-theme">\n<div id="page" class="site"><header id="masthead" '
            'class="site-header"><p class="site-title"><a href="/" rel="home">Field Notes</a></p><nav '
            'id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu"><li><a href="/about/">'
            'About</a></li><li><a href="/category/harbour/">Harbour</a></li></ul></nav></header>\n'
            f'<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" '
            f'class="site-main">\n{main}</main></div>\n<aside id="secondary" class="widget-area"><section '
            f'class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>{recent}</ul>'
            '</section></aside></div>\n<footer id="colophon" class="site-footer">Proudly powered by WordPress'
            '</footer></div>\n</body>\n</html>\n')


def en_blog() -> list[Page]:
    pages = []
    posts = pick(EN_TEASERS, 0, 5)
    url = f"{NOTES}/category/harbour/"
    main = ('<header class="page-header"><h1 class="page-title">Category: <span>Harbour</span></h1></header>\n'
            + "".join(notes_post(t, i) for i, t in enumerate(posts))
            + '<nav class="navigation posts-navigation"><div class="nav-previous"><a href="/category/harbour/page/2/">'
            'Older posts</a></div></nav>\n')
    pages.append(Page("en_blog", "category", "section", url, notes_page("Harbour", url, main), "dev"))
    url = f"{NOTES}/"
    main = "".join(notes_post(t, i) for i, t in enumerate(pick(EN_TEASERS, 3, 4)))
    pages.append(Page("en_blog", "home", "home", url, notes_page("Field Notes", url, main, body_class="home blog"),
                      "dev"))
    url = f"{NOTES}/tag/strike/page/2/"
    main = ('<header class="page-header"><h1 class="page-title">Tag: <span>strike</span></h1></header>\n'
            + "".join(notes_post(t, i) for i, t in enumerate(pick(EN_TEASERS, 9, 3))))
    pages.append(Page("en_blog", "tag-paged", "tag", url, notes_page("strike", url, main), "dev"))
    url = f"{NOTES}/2025/02/"
    main = ('<header class="page-header"><h1 class="page-title">Month: <span>February 2025</span></h1></header>\n'
            + "".join(notes_post(t, i) for i, t in enumerate(pick(EN_TEASERS, 12, 4))))
    pages.append(Page("en_blog", "month-archive", "archive", url, notes_page("February 2025", url, main), "dev"))
    t = EN_TEASERS[0]
    url = NOTES + notes_href(t)
    body = "".join(f"<p>{E(p)}</p>\n" for p in EN_ARTICLE)
    extra = ld({"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": url, "url": url, "name": t.headline},
        {"@type": "BlogPosting", "@id": url + "#article", "headline": t.headline, "datePublished": t.time,
         "isPartOf": {"@id": url}, "author": {"name": "Rowan"}}]})
    main = (f'<article class="post type-post single"><header class="entry-header"><h1 class="entry-title">'
            f'{E(t.headline)}</h1><div class="entry-meta">Posted on {t.time[:10]} by Rowan</div></header>\n'
            f'<div class="entry-content">\n{body}</div></article>\n<nav class="post-navigation"><a href="'
            f'{notes_href(EN_TEASERS[1])}" rel="prev">{E(EN_TEASERS[1].headline)}</a></nav>\n')
    pages.append(Page("en_blog", "article", "article", url,
                      notes_page(t.headline, url, main, og_type="article", extra=extra, body_class="single"), "dev"))
    return pages


# --- 8. en_wire: an agency's hub pages with cards, a search page, a one-paragraph wire story ----------------------
WIRE = "https://www.continentalwire.example"


def wire_href(t: Teaser) -> str:
    return f"/article/{t.slug}-{zlib.crc32(t.slug.encode()):08x}"


def wire_card(t: Teaser) -> str:
    return (f'<div class="PageList-items-item"><div class="PagePromo" data-testid="FeedCard"><div class="PagePromo-'
            f'title"><a class="Link" href="{wire_href(t)}"><span class="PagePromoContentIcons-text">{E(t.headline)}'
            f'</span></a></div><div class="PagePromo-description"><a class="Link" href="{wire_href(t)}"><span>'
            f'{E(t.summary)}</span></a></div><bsp-timestamp data-timestamp="{t.time}">{en_time(t.time)}'
            '</bsp-timestamp></div></div>\n')


def wire_page(title: str, url: str, main: str, *, og_type: str = "website", extra: str = "") -> str:
    return (head(f"{title} | Continental Wire", url, lang="en", og_type=og_type, extra=extra,
                 description="Continental Wire: independent global news")
            + '<body>\n<bsp-header class="Page-header"><a href="/" class="Page-header-logo">Continental Wire</a>'
            '<div class="Page-header-navigation"><a href="/world-news">World</a> <a href="/business">Business</a> '
            '<a href="/hub/harbour-strike">Harbour strike</a></div></bsp-header>\n'
            f'<div class="Page-content">\n{main}</div>\n<bsp-footer class="Page-footer"><a href="/terms">Terms</a>'
            ' <a href="/privacy">Privacy</a> © 2025 Continental Wire</bsp-footer>\n</body>\n</html>\n')


def en_wire() -> list[Page]:
    pages = []
    url = f"{WIRE}/hub/harbour-strike"
    main = ('<h1 class="PageListStandardE-title">Harbour strike</h1>\n<div class="PageList-items">\n'
            + "".join(wire_card(t) for t in pick(EN_TEASERS, 0, 12)) + "</div>\n")
    pages.append(Page("en_wire", "hub", "tag", url, wire_page("Harbour strike", url, main), "test"))
    url = f"{WIRE}/search?q=harbour&s=0"
    main = ('<h1>Search results for “harbour”</h1><p class="SearchResultsModule-count">112 results</p>\n'
            '<div class="SearchResultsModule-results">\n' + "".join(wire_card(t) for t in pick(EN_TEASERS, 3, 10))
            + '</div><a class="Pagination-next" href="/search?q=harbour&s=10">Next</a>\n')
    pages.append(Page("en_wire", "search", "search", url, wire_page("Search", url, main), "test"))
    url = f"{WIRE}/"
    main = ('<div class="PageListRightRailA"><div class="PageList-items">\n'
            + "".join(wire_card(t) for t in pick(EN_TEASERS, 5, 10)) + '</div><div class="PageList-rail"><h2>'
            'Trending</h2>' + "".join(f'<a href="{wire_href(t)}">{E(t.headline)}</a>' for t in pick(EN_TEASERS, 15, 5))
            + "</div></div>\n")
    pages.append(Page("en_wire", "home", "home", url, wire_page("Breaking news", url, main), "test"))
    url = f"{WIRE}/world-news"
    main = ('<h1>World News</h1>\n<div class="PageList-items">\n'
            + "".join(wire_card(t) for t in pick(EN_TEASERS, 8, 12)) + "</div>\n")
    pages.append(Page("en_wire", "section", "section", url, wire_page("World News", url, main), "test"))
    t = EN_TEASERS[19]
    url = WIRE + wire_href(t)
    extra = ld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Fire on trawler in Port Ellen "
                "harbour brought under control", "datePublished": "2025-02-10T05:12:00Z"})
    main = ('<main class="Page-main"><h1 class="Page-headline">Fire on trawler in Port Ellen harbour brought under '
            'control</h1><div class="Page-byline">By Continental Wire staff · Updated 5:12 AM GMT, February 10, '
            f'2025</div>\n<div class="RichTextStoryBody"><p>{E(EN_SHORT_WIRE[0])}</p></div></main>\n'
            '<div class="PageList-items"><h2>More stories</h2>\n'
            + "".join(wire_card(x) for x in pick(EN_TEASERS, 0, 8)) + "</div>\n")
    pages.append(Page("en_wire", "article-one-paragraph", "article", url,
                      wire_page("Fire on trawler brought under control", url, main, og_type="article", extra=extra),
                      "test"))
    return pages


# --- 9. de_ticker: a news ticker (time, headline link, one line) and a day archive table -------------------------
ECHO = "https://www.hochland-echo.example"


def echo_href(t: Teaser) -> str:
    return f"/ticker/{t.slug}-a-{640000 + DE_TEASERS.index(t)}.html"


def echo_page(title: str, url: str, main: str, *, og_type: str | None = None, extra: str = "") -> str:
    ticker = "".join(f'<li><time>{t.time[11:16]}</time> <a href="{echo_href(t)}">{E(t.headline)}</a></li>'
                     for t in pick(DE_TEASERS, 0, 15))
    return (head(f"{title} – Hochland-Echo", url, og_type=og_type, extra=extra, description="Hochland-Echo")
            + '<body>\n<div id="kopf"><a href="/">Hochland-Echo</a> <span>Die Zeitung für das Hochland</span></div>\n'
            '<div id="navi"><a href="/ticker/">Ticker</a> · <a href="/archiv/">Archiv</a> · <a href="/region/">Region'
            '</a></div>\n'
            f'<div id="haupt">\n{main}</div>\n<div id="rand"><h3>Newsticker</h3><ul class="ticker-kurz">{ticker}</ul>'
            '</div>\n<div id="fuss"><a href="/impressum/">Impressum</a></div>\n</body>\n</html>\n')


def de_ticker() -> list[Page]:
    pages = []
    url = f"{ECHO}/ticker/"
    items = "".join(f'<li><time datetime="{t.time}">{t.time[11:16]}</time> <a href="{echo_href(t)}">{E(t.headline)}'
                    f'</a> – {E(t.summary.split(". ")[0])}.</li>\n' for t in pick(DE_TEASERS, 0, 24))
    main = f'<h1>Nachrichtenticker</h1>\n<ul class="ticker">\n{items}</ul>\n'
    pages.append(Page("de_ticker", "ticker", "section", url, echo_page("Nachrichtenticker", url, main), "dev"))
    url = f"{ECHO}/archiv/2025-01-17/"
    rows = "".join(f'<tr><td>{de_time(t.time)}</td><td>{E(t.section.title())}</td><td><a href="{echo_href(t)}">'
                   f'{E(t.headline)}</a></td></tr>\n' for t in pick(DE_TEASERS, 5, 20))
    main = f'<h1>Alle Meldungen vom 17.01.2025</h1>\n<table class="archiv">\n{rows}</table>\n'
    pages.append(Page("de_ticker", "day-archive", "archive", url, echo_page("Archiv", url, main), "dev"))
    url = f"{ECHO}/"
    first = DE_TEASERS[2]
    main = (f'<div class="top"><h2><a href="{echo_href(first)}">{E(first.headline)}</a></h2><p>{E(first.summary)}</p>'
            '</div>\n<ul class="ticker">\n' + "".join(
                f'<li><time>{t.time[11:16]}</time> <a href="{echo_href(t)}">{E(t.headline)}</a></li>\n'
                for t in pick(DE_TEASERS, 3, 20)) + "</ul>\n")
    pages.append(Page("de_ticker", "home", "home", url, echo_page("Startseite", url, main), "dev"))
    url = f"{ECHO}/region/"
    main = ('<h1>Region</h1>\n' + "".join(
        f'<div class="meldung"><h3><a href="{echo_href(t)}">{E(t.headline)}</a></h3><p>{E(t.summary)}</p></div>\n'
        for t in DE_TEASERS if t.section == "region"))
    pages.append(Page("de_ticker", "section", "section", url, echo_page("Region", url, main), "dev"))
    t = DE_TEASERS[10]
    url = ECHO + echo_href(t)
    body = "".join(f"<p>{E(p)}</p>\n" for p in DE_SHORT_AGENCY)
    main = (f'<div class="meldung-voll"><time datetime="{t.time}">{de_time(t.time)}</time><h1>{E(t.headline)}</h1>\n'
            f'{body}<p class="quelle">Quelle: dpa</p></div>\n')
    pages.append(Page("de_ticker", "article-short-agency", "article", url,
                      echo_page(t.headline, url, main, og_type="article"), "dev"))
    return pages


# --- 10. de_local_portal: overlay links without text, a topic page with an article-like URL, a gallery ------------
S24 = "https://www.sarntal24.example"


def s24_href(t: Teaser) -> str:
    return f"/sarntal/{t.section}/{t.slug}-zr-{92000000 + DE_TEASERS.index(t)}.html"


def s24_teaser(t: Teaser) -> str:
    return (f'<li class="id-Teaser-el"><a class="id-LinkOverlay-link" href="{s24_href(t)}" aria-hidden="true" '
            f'tabindex="-1"></a><div class="id-Teaser-el-content"><img src="/img/{t.slug}.jpg" alt="">'
            f'<h3 class="id-Teaser-el-content-headline"><span class="id-Teaser-el-content-headline-kicker">'
            f'{E(t.kicker)}</span><span class="id-Teaser-el-content-headline-text">{E(t.headline)}</span></h3>'
            f'<p class="id-Teaser-el-content-text">{E(t.summary)}</p></div></li>\n')


def s24_page(title: str, url: str, main: str, *, og_type: str = "article", extra: str = "") -> str:
    return (head(f"{title} | Sarntal24", url, og_type=og_type, extra=extra, description="Sarntal24: Nachrichten")
            + '<body>\n<div class="id-SiteHeader"><a href="/" class="id-SiteHeader-logo">Sarntal24</a>'
            '<ul class="id-SiteNav"><li><a href="/sarntal/">Sarntal</a></li><li><a href="/sarntal/region/">Sarnheim'
            '</a></li><li><a href="/sport/">Sport</a></li><li><a href="/verbraucher/">Verbraucher</a></li></ul></div>\n'
            f'<div class="id-SiteContent">\n{main}</div>\n<div class="id-SiteFooter"><a href="/impressum/">'
            'Impressum</a> <a href="/datenschutz/">Datenschutz</a></div>\n</body>\n</html>\n')


def de_local_portal() -> list[Page]:
    pages = []
    url = f"{S24}/sarntal/sarnbruecke-alle-news-und-infos-zur-sperrung-zr-91234567.html"
    main = ('<h1 class="id-StoryPage-headline">Sarnbrücke gesperrt: Alle News und Infos</h1>\n'
            f'<p class="id-StoryPage-leadText">{E(DE_TOPIC_INTRO[0])}</p>\n<ul class="id-TeaserList">\n'
            + "".join(s24_teaser(t) for t in pick(DE_TEASERS, 0, 12)) + "</ul>\n")
    extra = ld({"@context": "https://schema.org", "@type": "WebPage", "name": "Sarnbrücke gesperrt", "url": url})
    pages.append(Page("de_local_portal", "topic-article-url", "tag", url,
                      s24_page("Sarnbrücke gesperrt: Alle News und Infos", url, main, extra=extra), "test"))
    url = f"{S24}/sarntal/region/"
    main = ('<h1 class="id-SectionHeader">Sarnheim</h1>\n<ul class="id-TeaserList">\n'
            + "".join(s24_teaser(t) for t in DE_TEASERS if t.section == "region") + "</ul>\n")
    pages.append(Page("de_local_portal", "section", "section", url, s24_page("Sarnheim", url, main), "test"))
    url = f"{S24}/sarntal/sarnfest-2025-die-bilder-vom-umzug-zr-91234600.html"
    figs = "".join(f'<figure class="id-Gallery-item"><img src="/img/fest{i}.jpg" alt=""><figcaption>{E(c)}'
                   '<span class="id-Gallery-credit">© Sarntal24/Blumhofer</span></figcaption></figure>\n'
                   for i, c in enumerate(DE_GALLERY))
    main = ('<h1 class="id-StoryPage-headline">Sarnfest 2025: Die Bilder vom Umzug</h1>\n'
            f'<div class="id-Gallery">\n{figs}</div>\n<ul class="id-TeaserList">\n'
            + "".join(s24_teaser(t) for t in pick(DE_TEASERS, 13, 4)) + "</ul>\n")
    pages.append(Page("de_local_portal", "gallery", "gallery", url,
                      s24_page("Sarnfest 2025: Die Bilder vom Umzug", url, main), "test"))
    url = f"{S24}/"
    main = ('<ul class="id-TeaserList id-TeaserList--top">\n' + "".join(s24_teaser(t) for t in pick(DE_TEASERS, 0, 20))
            + "</ul>\n")
    pages.append(Page("de_local_portal", "home", "home", url, s24_page("Nachrichten aus dem Sarntal", url, main,
                                                                          og_type="website"), "test"))
    t = DE_TEASERS[5]
    url = S24 + s24_href(t)
    paras = [f"<p>{E(p)}</p>\n" for p in (*DE_ARTICLE, *DE_TOPIC_INTRO[:2])]
    box = ('<div class="id-InlineTeasers"><h4>Auch interessant</h4><ul class="id-TeaserList">\n'
           + "".join(s24_teaser(x) for x in pick(DE_TEASERS, 14, 3)) + "</ul></div>\n")
    paras.insert(2, box)
    paras.insert(5, box.replace("Auch interessant", "Mehr zum Thema"))
    extra = ld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": t.headline,
                "datePublished": t.time})
    main = (f'<article class="id-Story"><h1 class="id-StoryPage-headline"><span>{E(t.kicker)}</span> {E(t.headline)}'
            f'</h1><p class="id-StoryPage-leadText">{E(t.summary)}</p>\n<div class="id-Story-body">\n{"".join(paras)}'
            '</div></article>\n<ul class="id-TeaserList">\n' + "".join(s24_teaser(x) for x in pick(DE_TEASERS, 20, 10))
            + "</ul>\n")
    pages.append(Page("de_local_portal", "article", "article", url, s24_page(t.headline, url, main, extra=extra),
                      "test"))
    return pages


# --- 11. en_local: a US local paper's river, staff page, photo gallery; an image-heavy article without JSON-LD ---
COURIER = "https://www.harborcitycourier.example"


def courier_href(t: Teaser) -> str:
    return f"/news/{t.section}/{t.slug}/article_{zlib.crc32(t.slug.encode()) % 10**8:08d}.html"


def courier_item(t: Teaser) -> str:
    d = datetime.fromisoformat(t.time)
    return (f'<div class="river-item"><h2 class="tnt-headline"><a href="{courier_href(t)}">{E(t.headline)}</a></h2>'
            f'<p class="tnt-byline">By Dana Whitfield | {d:%b %-d, %Y}</p><p class="tnt-summary">{E(t.summary)}</p>'
            '</div>\n')


def courier_page(title: str, url: str, main: str, *, og_type: str = "website", extra: str = "") -> str:
    return (head(f"{title} | Harbor City Courier", url, lang="en-US", og_type=og_type, extra=extra,
                 description="Harbor City Courier")
            + '<body>\n<div id="site-top"><a href="/" class="logo">Harbor City Courier</a><ul class="nav">'
            '<li><a href="/news/local/">Local</a></li><li><a href="/sports/">Sports</a></li><li><a href="/photos/">'
            'Photos</a></li><li><a href="/obituaries/">Obituaries</a></li></ul></div>\n'
            f'<div id="main-page-container">\n{main}</div>\n<div id="site-footer"><a href="/site/contact/">'
            'Contact</a> <a href="/site/terms/">Terms</a></div>\n</body>\n</html>\n')


def en_local() -> list[Page]:
    pages = []
    url = f"{COURIER}/news/latest/"
    main = ('<h1>Latest news</h1>\n<div class="river">\n' + "".join(courier_item(t) for t in pick(EN_TEASERS, 0, 15))
            + "</div>\n")
    pages.append(Page("en_local", "river", "section", url, courier_page("Latest news", url, main), "test"))
    url = f"{COURIER}/users/profile/martin-okafor/"
    main = (f'<div class="user-profile"><h1>Martin Okafor</h1><p class="title">Transport reporter</p>'
            f'<p>{E(EN_AUTHOR_BIO[0])}</p><p><a href="mailto:mokafor@harborcitycourier.example">Email</a></p></div>\n'
            '<h2>Recent stories</h2>\n<div class="river">\n' + "".join(courier_item(t) for t in pick(EN_TEASERS, 1, 8))
            + "</div>\n")
    pages.append(Page("en_local", "author", "author", url, courier_page("Martin Okafor", url, main, og_type="profile"),
                      "test"))
    url = f"{COURIER}/photos/regatta-weekend-in-pictures/collection_4f2a9c1e.html"
    slides = "".join(f'<div class="photo"><img src="/photos/regatta-{i}.jpg" alt=""><p class="caption">{E(c)} '
                     '<span class="credit">Photo: Lee Harrow/Courier</span></p></div>\n' for i, c in enumerate(EN_GALLERY))
    main = (f'<h1>PHOTOS: Regatta weekend in pictures</h1>\n<div class="collection">\n{slides}</div>\n'
            '<h2>More galleries</h2>\n<div class="river">\n' + "".join(courier_item(t) for t in pick(EN_TEASERS, 10, 3))
            + "</div>\n")
    pages.append(Page("en_local", "gallery", "gallery", url,
                      courier_page("PHOTOS: Regatta weekend in pictures", url, main, og_type="article"), "test"))
    # Every page stamped as a NewsArticle about itself, this section page too.
    url = f"{COURIER}/sports/"
    extra = ld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Sports",
                "url": url, "datePublished": "2025-02-10T06:00:00+00:00"})
    main = ('<h1>Sports</h1>\n<div class="river">\n' + "".join(courier_item(t) for t in pick(EN_TEASERS, 6, 9))
            + "</div>\n")
    pages.append(Page("en_local", "section-newsarticle", "section", url,
                      courier_page("Sports", url, main, og_type="article", extra=extra), "test"))
    url = f"{COURIER}/"
    main = ('<div class="block-top">' + courier_item(EN_TEASERS[1]) + '</div>\n<div class="river">\n'
            + "".join(courier_item(t) for t in pick(EN_TEASERS, 2, 12)) + "</div>\n")
    pages.append(Page("en_local", "home", "home", url, courier_page("Home", url, main), "test"))
    t = EN_TEASERS[1]
    url = COURIER + courier_href(t)
    parts = []
    for i, p in enumerate(EN_ARTICLE):
        parts.append(f'<figure class="photo"><img src="/photos/tram-{i}.jpg" alt=""><figcaption>'
                     f'{E(EN_GALLERY[i])}</figcaption></figure>\n<p>{E(p)}</p>\n')
    main = (f'<article><h1 class="headline">{E(t.headline)}</h1><p class="tnt-byline">By Dana Whitfield</p>\n'
            f'<div class="asset-content">\n{"".join(parts)}</div></article>\n<h2>Related</h2>\n<div class="river">\n'
            + "".join(courier_item(x) for x in pick(EN_TEASERS, 4, 6)) + "</div>\n")
    pages.append(Page("en_local", "article-image-heavy", "article", url, courier_page(t.headline, url, main), "test"))
    return pages


# --- 12. de_sport: a live-ticker index as a table of matches, a standings table, a news section -------------------
BALL = "https://www.ballwelt.example"

MATCHES = (("TSV Sarnheim", "FC Kellbach", "3:1", "Ende"), ("SV Hollfeld", "SC Oberried", "0:0", "2. HZ"),
           ("VfB Unterried", "TuS Talheim", "1:2", "1. HZ"), ("FC Sarntal II", "SG Hohenkamm", "-:-", "19:30"),
           ("DJK Kellbach", "ASV Hollfeld", "2:2", "Ende"), ("SV Oberried", "TSV Talheim", "-:-", "20:00"))


def _match_slug(home: str, away: str) -> str:
    return (home + "-" + away).lower().replace(" ", "-").replace("ä", "ae")


def ball_page(title: str, url: str, main: str) -> str:
    return (head(f"{title} – ballwelt", url, og_type="website", description="ballwelt: Amateurfußball live")
            + '<body>\n<header class="bw-header"><a href="/" class="bw-logo">ballwelt</a><nav><a href="/liveticker/">'
            'Liveticker</a> <a href="/bezirksliga/">Bezirksliga</a> <a href="/news/">News</a> <a href="/transfers/">'
            'Transfers</a></nav></header>\n'
            f'<div class="bw-main">\n{main}</div>\n<footer class="bw-footer"><a href="/impressum/">Impressum</a>'
            '</footer>\n</body>\n</html>\n')


def de_sport() -> list[Page]:
    pages = []
    url = f"{BALL}/liveticker/"
    rows = "".join(f'<tr class="bw-match"><td class="bw-status">{s}</td><td>{h}</td><td class="bw-score">'
                   f'<a href="/liveticker/{_match_slug(h, a)}-2025-01-19/">{r}</a></td><td>{a}</td></tr>\n'
                   for h, a, r, s in MATCHES)
    main = (f'<h1>Liveticker: Alle Spiele heute</h1>\n<h2>Bezirksliga Sarntal, 18. Spieltag</h2>\n'
            f'<table class="bw-matches">\n{rows}</table>\n<h2>Kreisliga</h2>\n<table class="bw-matches">\n{rows}'
            '</table>\n')
    pages.append(Page("de_sport", "live-index", "ticker_index", url, ball_page("Liveticker", url, main), "test"))
    url = f"{BALL}/bezirksliga/tabelle/"
    teams = sorted({team for m in MATCHES for team in m[:2]})
    rows = "".join(f'<tr><td>{i}.</td><td><a href="/verein/{n.lower().replace(" ", "-")}/">{n}</a></td><td>17</td>'
                   f'<td>{40 - 3 * i}</td></tr>\n' for i, n in enumerate(teams, 1))
    main = (f'<h1>Bezirksliga Sarntal: Tabelle</h1>\n<table class="bw-table"><tr><th>Pl.</th><th>Verein</th>'
            f'<th>Sp.</th><th>Pkt.</th></tr>\n{rows}</table>\n')
    # A league table is data, not a listing of articles (it links to clubs): outside the issue's kinds, printed by
    # the benchmark for information only.
    pages.append(Page("de_sport", "table", "data", url, ball_page("Tabelle Bezirksliga", url, main), "test"))
    url = f"{BALL}/news/"
    sport = [t for t in DE_TEASERS if t.section == "sport"]
    main = ('<h1>News</h1>\n' + "".join(
        f'<div class="bw-news"><a href="/news/{t.slug}-{5500 + i}/"><img src="/img/{t.slug}.jpg" alt=""></a>'
        f'<div><span class="bw-kicker">{E(t.kicker)}</span><h2><a href="/news/{t.slug}-{5500 + i}/">{E(t.headline)}'
        f'</a></h2><p>{E(t.summary)}</p></div></div>\n' for i, t in enumerate(sport * 3)))
    pages.append(Page("de_sport", "news", "section", url, ball_page("News", url, main), "test"))
    t = sport[0]
    url = f"{BALL}/news/{t.slug}-5500/"
    report = (
        ("Der TSV Sarnheim hat das Derby gegen den FC Kellbach nach einem Rückstand noch mit 3:1 gewonnen. Vor 850 "
        "Zuschauern an der Sarnwiese brachte Lukas Hainz die Gäste in der 23. Minute per Kopfball in Führung."),
        ("Nach der Pause drückte Sarnheim auf den Ausgleich, der in der 71. Minute durch einen Foulelfmeter fiel. "
        "Die späte Entscheidung besorgten Jonas Eder und der eingewechselte Mehmet Aydin in der Nachspielzeit."),
        ("„Die Mannschaft hat nie aufgegeben, das war ein Sieg der Moral“, sagte Trainer Florian Kerschbaum nach dem "
        "Spiel. Mit dem Erfolg springt Sarnheim auf den dritten Tabellenplatz."),
    )
    body = "".join(f"<p>{E(p)}</p>\n" for p in report)
    main = (f'<article class="bw-article"><span class="bw-kicker">{E(t.kicker)}</span><h1>{E(t.headline)}</h1>'
            f'<div class="bw-meta">{de_time(t.time)} · von Stefan Lindner</div>\n{body}'
            '<table class="bw-lineup"><tr><th>TSV Sarnheim</th><td>Huber – Eder, Maier, Brandl – Aydin</td></tr>'
            '<tr><th>FC Kellbach</th><td>Wagner – Hainz, Oberhofer, Seidl – Kraus</td></tr></table></article>\n'
            '<h2>Liveticker</h2>\n<table class="bw-matches">\n' + "".join(
                f'<tr><td>{h}</td><td><a href="/liveticker/{_match_slug(h, a)}-2025-01-19/">{r}</a></td><td>{a}</td>'
                '</tr>\n' for h, a, r, _ in MATCHES) + "</table>\n")
    pages.append(Page("de_sport", "article-match-report", "article", url, ball_page(t.headline, url, main), "test"))
    return pages


STYLES: tuple[Callable[[], list[Page]], ...] = (de_portal, de_tabloid, de_regional, de_broadcaster, de_magazine,
                                                 en_news, en_blog, en_wire, de_ticker, de_local_portal, en_local,
                                                 de_sport)


def all_pages() -> list[Page]:
    return [page for style in STYLES for page in style()]


def write(pages: Iterable[Page]) -> None:
    index = []
    for page in pages:
        path = HERE / page.style / f"{page.name}.html"
        path.parent.mkdir(exist_ok=True)
        path.write_text(page.html, encoding="utf-8")
        index.append({"file": f"{page.style}/{page.name}.html", "url": page.url, "style": page.style,
                      "kind": page.kind, "article": None if page.kind == "data" else page.kind == "article",
                      "split": page.split})
    (HERE / "index.json").write_text(json.dumps(index, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write(all_pages())
