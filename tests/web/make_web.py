"""Render the e2e test web from `articles.py`: five outlets, each with its own templates, in OutletWeb's layout.

    python tests/web/make_web.py        # rewrites tests/web/<site>/round1|round2 and the feeds/sitemaps

The generated files are committed (golden files); review the diff after a change. `{{base}}` and `{{base:<site>}}`
are filled by the server (crawler/demo/server.py) when it serves a file.
"""

from __future__ import annotations

import html
import json
import shutil
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path

from articles import ARTICLES, Article  # run as a script: this folder is on sys.path

WEB = Path(__file__).resolve().parent
B = "{{base}}"


E = html.escape


def de_date(iso: str) -> str:
    d = datetime.fromisoformat(iso)
    return d.strftime("%d.%m.%Y, %H:%M Uhr")


def summary(a: Article) -> str:
    return a.lead or a.paragraphs[0][:220].rsplit(" ", 1)[0] + " …"


def body_of(a: Article, rnd: int) -> tuple[str, tuple[str, ...]]:
    if rnd == 2 and a.paragraphs_r2 is not None:
        return a.title_r2 or a.title, a.paragraphs_r2
    return a.title, a.paragraphs


def modified_of(a: Article, rnd: int) -> str:
    return a.updated if rnd == 2 and a.updated else a.published


def ld_json(a: Article, rnd: int, title: str, publisher: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "datePublished": a.published,
        "dateModified": modified_of(a, rnd),
        "author": {"@type": "Person" if a.author != "dpa" else "Organization", "name": a.author},
        "publisher": {"@type": "NewsMediaOrganization", "name": publisher},
        "inLanguage": "de",
        "mainEntityOfPage": f"{B}{a.path}",
    }
    return '<script type="application/ld+json">' + json.dumps(data, ensure_ascii=False) + "</script>"


def head_meta(a: Article, rnd: int, title: str, site_name: str) -> str:
    return (
        f'<link rel="canonical" href="{B}{a.path}">\n'
        f'<meta property="og:type" content="article">\n'
        f'<meta property="og:title" content="{E(title)}">\n'
        f'<meta property="og:url" content="{B}{a.path}">\n'
        f'<meta property="og:site_name" content="{E(site_name)}">\n'
        f'<meta property="og:locale" content="de_DE">\n'
        f'<meta name="description" content="{E(summary(a))}">\n'
        f'<meta name="author" content="{E(a.author)}">\n'
        f'<meta property="article:published_time" content="{a.published}">\n'
        f'<meta property="article:modified_time" content="{modified_of(a, rnd)}">\n'
        + ld_json(a, rnd, title, site_name)
    )


def paras(ps: tuple[str, ...], teaser_after: int, teaser: str) -> str:
    out = []
    for i, p in enumerate(ps):
        out.append(f"<p>{E(p, quote=False)}</p>")
        if i + 1 == teaser_after:
            out.append(teaser)
    return "\n".join(out)


# ------------------------------------------------------------------------------------------------ Abendpost
def abendpost_page(a: Article, rnd: int) -> str:
    title, ps = body_of(a, rnd)
    teaser = ('<p class="inline-teaser"><strong>Lesen Sie auch:</strong> '
              '<a href="/lokales/parkhaus-bahnhof-wetterhausen-100240.html">Wetterhausen bekommt ein Parkhaus am '
              'Bahnhof</a></p>')
    agency = f'<p class="story__agency">{E(a.agency_line)}</p>' if a.agency_line else ""
    lead = f'<p class="story__lead"><strong>{E(a.lead)}</strong></p>' if a.lead else ""
    return f"""<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{E(title)} | Oberland Abendpost</title>
{head_meta(a, rnd, title, "Oberland Abendpost")}
<link rel="stylesheet" href="/static/abendpost.css">
</head>
<body class="page-article">
<div class="cookie-notice">Wir verwenden Cookies, um Ihnen ein optimales Angebot zu bieten.
<button>Alle akzeptieren</button> <a href="/datenschutz.html">Einstellungen</a></div>
<header class="site-header"><a class="logo" href="/">Oberland Abendpost</a>
<nav class="main-nav"><ul><li><a href="/">Startseite</a></li><li><a href="/lokales/">Lokales</a></li>
<li><a href="/politik/">Politik</a></li><li><a href="/sport/">Sport</a></li><li><a href="/kultur/">Kultur</a></li>
<li><a href="/abo/">Abo</a></li></ul></nav></header>
<main>
<div class="breadcrumb"><a href="/">Startseite</a> › <a href="/lokales/">Lokales</a></div>
<article class="story">
<header class="story__head"><span class="story__kicker">Lokales</span>
<h1 class="story__headline">{E(title)}</h1>
<p class="story__meta">Von <span class="story__author">{E(a.author)}</span> ·
<time datetime="{a.published}">{de_date(a.published)}</time> · <span class="comments">14 Kommentare</span></p>
</header>
<div class="share-bar">Teilen: <a href="https://www.facebook.com/sharer/sharer.php">Facebook</a>
<a href="https://x.com/intent/post">X</a> <a href="https://wa.me/">WhatsApp</a> <a href="mailto:">E-Mail</a></div>
<figure class="story__image"><img src="/img/oberkolbing-marktplatz.jpg" alt="Marktplatz">
<figcaption>Der Marktplatz von Oberkolbing. Foto: Max Brenner / Abendpost</figcaption></figure>
{lead}
<div class="story__body">
{paras(ps, 2, teaser)}
<aside class="newsletter-box"><h3>Der Abendpost-Newsletter</h3>
<p>Jeden Morgen die wichtigsten Nachrichten aus dem Oberland – kostenlos in Ihrem Postfach.</p>
<form><input type="email" placeholder="Ihre E-Mail-Adresse"><button>Jetzt anmelden</button></form></aside>
{agency}
</div>
<p class="social-follow">Folgen Sie uns bei WhatsApp, Facebook und Instagram – so verpassen Sie keine Nachrichten
aus Ihrer Region.</p>
</article>
<section class="comments"><h2>Kommentare (14)</h2><p>Um zu kommentieren, melden Sie sich bitte an.</p></section>
</main>
<footer class="site-footer"><ul><li><a href="/impressum.html">Impressum</a></li>
<li><a href="/datenschutz.html">Datenschutz</a></li><li><a href="/kontakt.html">Kontakt</a></li></ul>
<p>© 2025 Oberland Abendpost Verlag</p></footer>
</body>
</html>
"""


def abendpost_feed(rnd: int) -> str:
    items = []
    for a in sorted(_listed("abendpost", rnd), key=lambda a: a.published, reverse=True):
        link = f"{B}{a.path}"
        if a.key == "A2_tracking":  # the feed only ever gives this article with tracking parameters
            link += "?utm_source=rss&amp;utm_medium=feed&amp;utm_campaign=lokales"
        title, _ = body_of(a, rnd)
        items.append(f"""  <item>
    <title>{E(title)}</title>
    <link>{link}</link>
    <description>{E(summary(a))}</description>
    <pubDate>{format_datetime(datetime.fromisoformat(a.published))}</pubDate>
    <guid isPermaLink="false">abendpost-{a.path.rsplit('-', 1)[-1].split('.')[0]}</guid>
    <dc:creator>{E(a.author)}</dc:creator>
  </item>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Oberland Abendpost – Lokales</title>
  <link>{B}/lokales/</link>
  <description>Nachrichten aus dem Oberland</description>
  <language>de-de</language>
  <atom:link href="{B}/feeds/lokales.rss" rel="self" type="application/rss+xml"/>
{chr(10).join(items)}
</channel>
</rss>
"""


# ------------------------------------------------------------------------------------------------ Kurier
def kurier_page(a: Article, rnd: int) -> str:
    title, ps = body_of(a, rnd)
    charset = "" if a.encoding == "cp1252" else '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
    box = ('<div class="mehr-zum-thema"><h4>Mehr zum Thema</h4><ul>'
           '<li><a href="/lokales/faehre-wettersee-saisonstart.html">Fähre auf dem Wettersee startet früher in die '
           'Saison</a></li></ul></div>')
    return f"""<!DOCTYPE html>
<html lang="de-DE">
<head>
{charset}<title>{E(title)} - Wettersee-Kurier</title>
{head_meta(a, rnd, title, "Wettersee-Kurier")}
</head>
<body>
<div id="wrapper">
<div id="top"><div class="logo"><a href="/">Wettersee-Kurier</a></div>
<div class="claim">Die Zeitung für den Landkreis Wettersee</div>
<ul id="ressorts"><li><a href="/lokales/">Lokales</a></li><li><a href="/region/">Region</a></li>
<li><a href="/sport/">Sport</a></li><li><a href="/service/">Service</a></li></ul></div>
<div id="content">
<div class="artikel">
<div class="dachzeile">Oberkolbing</div>
<h1 class="titel">{E(title)}</h1>
<div class="autor">{E(a.author)} | {de_date(modified_of(a, rnd))}</div>
<div class="bild"><img src="/bilder/werksgelaende.jpg" alt="">
<div class="bildunterschrift">Das Werksgelände am Ortsrand. <span class="copyright">Bild: Kurier/Archiv</span></div></div>
<div class="artikeltext">
<p class="vorspann">{E(a.lead)}</p>
{paras(ps, 2, box)}
</div>
<div class="social">Artikel teilen: <a href="#">Facebook</a> | <a href="#">X</a> | <a href="#">WhatsApp</a> |
<a href="#">E-Mail</a> | <a href="#">Drucken</a></div>
<div class="follow">Folgen Sie dem Wettersee-Kurier schon bei WhatsApp, Facebook und Instagram? Hier finden Sie
aktuelle News aus dem Landkreis.</div>
</div>
<div id="sidebar"><h3>Meistgelesen</h3><ol><li><a href="/lokales/faehre-wettersee-saisonstart.html">Fähre startet
früher</a></li><li><a href="/sport/">Eishockey: Seeadler im Halbfinale</a></li></ol>
<div class="anzeige">Anzeige</div></div>
</div>
<div id="footer">Impressum · Datenschutz · AGB · © Wettersee-Kurier GmbH &amp; Co. KG</div>
<div id="consent">Wir und unsere Partner speichern und/oder greifen auf Informationen auf einem Gerät zu, etwa auf
Cookies. <a href="#">Zustimmen</a> <a href="#">Einstellungen</a></div>
</div>
</body>
</html>
"""


def kurier_feed(rnd: int) -> str:
    entries = []
    for a in sorted(_listed("kurier", rnd), key=lambda a: modified_of(a, rnd), reverse=True):
        title, _ = body_of(a, rnd)
        entries.append(f"""  <entry>
    <title>{E(title)}</title>
    <link rel="alternate" type="text/html" href="{B}{a.path}"/>
    <id>tag:wettersee-kurier.invalid,2025:{a.path}</id>
    <published>{a.published}</published>
    <updated>{modified_of(a, rnd)}</updated>
    <author><name>{E(a.author)}</name></author>
    <summary>{E(summary(a))}</summary>
  </entry>""")
    newest = max(modified_of(a, rnd) for a in _listed("kurier", rnd))
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <title>Wettersee-Kurier: Lokales</title>
  <link rel="self" href="{B}/feed.atom"/>
  <link rel="alternate" href="{B}/lokales/"/>
  <id>tag:wettersee-kurier.invalid,2025:lokales</id>
  <updated>{newest}</updated>
{chr(10).join(entries)}
</feed>
"""


# ------------------------------------------------------------------------------------------------ Landesbote
def landesbote_page(a: Article, rnd: int) -> str:
    title, ps = body_of(a, rnd)
    teaser = ('<p class="teaser-link">Lesen Sie auch: <a href="/nachrichten/land/landtag-hochschulgesetz-20250312.html">'
              'Landtag debattiert neues Hochschulgesetz</a></p>')
    agency = f'<p class="agency">{E(a.agency_line)}</p>' if a.agency_line else ""
    return f"""<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>{E(title)} – Landesbote Online</title>
{head_meta(a, rnd, title, "Landesbote Online")}
</head>
<body>
<header><div class="brand"><a href="/">Landesbote Online</a></div>
<nav><a href="/nachrichten/">Nachrichten</a> <a href="/nachrichten/region/">Region</a>
<a href="/nachrichten/land/">Land</a> <a href="/wirtschaft/">Wirtschaft</a></nav></header>
<main id="main">
<article class="news-article" itemscope itemtype="https://schema.org/NewsArticle">
<h1 itemprop="headline">{E(title)}</h1>
<div class="byline"><span itemprop="author">{E(a.author)}</span>
<time itemprop="datePublished" datetime="{a.published}">{de_date(a.published)}</time></div>
<ul class="share"><li><a href="#">Facebook</a></li><li><a href="#">X</a></li><li><a href="#">WhatsApp</a></li>
<li><a href="#">Link kopieren</a></li></ul>
<div itemprop="articleBody" class="article-body">
{paras(ps, 2, teaser)}
{agency}
<p class="standards">Erfahren Sie hier mehr über die journalistischen Standards und die Arbeitsweise der
Redaktion.</p>
</div>
<figure><img src="/media/wasserhahn.jpg" alt="Wasserhahn"><figcaption>Symbolbild: Ein Wasserhahn.
Foto: Lena Auer/Landesbote</figcaption></figure>
</article>
<aside class="newsletter"><strong>Newsletter „Landesbote am Abend“</strong> Die wichtigsten Nachrichten des Tages,
jeden Abend um 18 Uhr. <a href="/newsletter/">Jetzt kostenlos abonnieren</a></aside>
</main>
<footer>Folgen Sie uns: <a href="#">Facebook</a> <a href="#">Instagram</a> <a href="#">WhatsApp-Kanal</a> ·
<a href="/impressum/">Impressum</a> · <a href="/datenschutz/">Datenschutz</a></footer>
</body>
</html>
"""


def landesbote_feed(rnd: int) -> str:
    listed = sorted(_listed("landesbote", rnd), key=lambda a: a.published, reverse=True)
    seq = "\n".join(f'        <rdf:li rdf:resource="{B}{a.path}"/>' for a in listed)
    items = []
    for a in listed:
        title, _ = body_of(a, rnd)
        items.append(f"""  <item rdf:about="{B}{a.path}">
    <title>{E(title)}</title>
    <link>{B}{a.path}</link>
    <description>{E(summary(a))}</description>
    <dc:date>{a.published}</dc:date>
    <dc:creator>{E(a.author)}</dc:creator>
  </item>""")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="{B}/rss/nachrichten.xml">
    <title>Landesbote Online – Nachrichten</title>
    <link>{B}/</link>
    <description>Nachrichten aus Land und Region</description>
    <items>
      <rdf:Seq>
{seq}
      </rdf:Seq>
    </items>
  </channel>
{chr(10).join(items)}
</rdf:RDF>
"""


# ------------------------------------------------------------------------------------------------ Rundschau
def rundschau_page(a: Article, rnd: int) -> str:
    title, ps = body_of(a, rnd)
    late = rnd == 2 and a.boilerplate_r2
    comments = 41 if late else 3
    related = (
        '<a href="/lokales/lackfabrik-brandner-weist-vorwuerfe-zurueck-55160.html">Lackfabrik weist Vorwürfe zurück</a>'
        if late else '<a href="/lokales/volksfest-wetterhausen-festwirt-55110.html">Volksfest in Wetterhausen: Neuer '
                     'Festwirt stellt sich vor</a>')
    most_read = (
        "<li>Lackfabrik weist Vorwürfe zurück</li><li>Notfallfonds wird aufgestockt</li>" if late
        else "<li>Volksfest: Neuer Festwirt</li><li>Bürgerversammlung am Donnerstag</li>"
    )
    box = f'<div class="rs-box rs-related"><b>Lesen Sie auch</b><br>{related}</div>'
    return f"""<html>
<head>
<meta http-equiv="content-type" content="text/html; charset=utf-8">
<title>{E(title)} - Voralpen-Rundschau</title>
{head_meta(a, rnd, title, "Voralpen-Rundschau")}
<meta name="news_keywords" content="Oberkolbing, Trinkwasser, PFAS">
</head>
<body>
<div class="rs-container">
<div class="rs-top"><a href="/"><img src="/gfx/logo.gif" alt="Voralpen-Rundschau"></a>
<span>Ihre Heimatzeitung seit 1949</span></div>
<div class="rs-menu"><a href="/lokales/">Lokales</a> | <a href="/region/">Region</a> | <a href="/sport/">Sport</a> |
<a href="/anzeigen/">Anzeigen</a></div>
<div class="rs-main">
<div class="rs-article">
<div class="rs-date">{de_date(a.published)} | Lokales</div>
<h1>{E(title)}</h1>
<h2 class="rs-intro">{E(a.lead)}</h2>
<div class="rs-text">
{paras(ps, 2, box)}
<p class="rs-author">{E(a.author)}</p>
</div>
<div class="rs-tools"><a href="#">Artikel drucken</a> <a href="#">Artikel versenden</a>
<span class="rs-comments">Kommentare ({comments})</span></div>
<div class="rs-newsletter">Rundschau-Newsletter: Melden Sie sich jetzt an und erhalten Sie die wichtigsten
Nachrichten des Tages.</div>
</div>
<div class="rs-sidebar"><h3>Meistgelesen</h3><ol>{most_read}</ol></div>
</div>
<div class="rs-footer">© Voralpen-Rundschau · <a href="/impressum.html">Impressum</a> ·
<a href="/datenschutz.html">Datenschutz</a> · Folgen Sie uns bei WhatsApp, Facebook und Instagram</div>
</div>
</body>
</html>
"""


RUNDSCHAU_500 = "/lokales/pfas-grenzwerte-erklaert-55130.html"  # answers 500 (site.toml)


def rundschau_news_sitemap(rnd: int) -> str:
    urls = []
    entries = [(a.path, modified_of(a, rnd), a.published, body_of(a, rnd)[0])
               for a in _listed("rundschau", rnd) if a.published >= "2025"]
    entries.append((RUNDSCHAU_500, "2025-03-13T08:00:00+01:00", "2025-03-13T08:00:00+01:00",
                    "PFAS-Grenzwerte erklärt: Was bedeuten die Messwerte aus Oberkolbing?"))
    for path, lastmod, published, title in sorted(entries, key=lambda e: e[2], reverse=True):
        urls.append(f"""  <url>
    <loc>{B}{path}</loc>
    <lastmod>{lastmod}</lastmod>
    <news:news>
      <news:publication><news:name>Voralpen-Rundschau</news:name><news:language>de</news:language></news:publication>
      <news:publication_date>{published}</news:publication_date>
      <news:title>{E(title)}</news:title>
    </news:news>
  </url>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
{chr(10).join(urls)}
</urlset>
"""


def rundschau_archive_sitemap() -> str:
    old = [a for a in _listed("rundschau", 1) if a.published < "2025"]
    urls = "\n".join(f"  <url><loc>{B}{a.path}</loc><lastmod>{a.published}</lastmod></url>" for a in old)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{urls}
</urlset>
"""


RUNDSCHAU_INDEX = f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>{B}/sitemaps/news.xml</loc></sitemap>
  <sitemap><loc>{B}/sitemaps/archiv-2024.xml</loc></sitemap>
</sitemapindex>
"""


# ------------------------------------------------------------------------------------------------ Tagblatt
def tagblatt_page(a: Article, rnd: int) -> str:
    title, ps = body_of(a, rnd)
    charset = "windows-1252" if a.encoding == "cp1252" else "utf-8"
    teaser = ('<div class="art-readmore"><span>Lesen Sie auch:</span> '
              '<a href="/region/kirchweih-wetterhausen-blasmusik-3320.html">Kirchweih in Wetterhausen</a></div>')
    return f"""<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="{charset}">
<title>{E(title)} | Hügelland-Tagblatt</title>
{head_meta(a, rnd, title, "Hügelland-Tagblatt")}
<link rel="amphtml" href="{B}/amp{a.path}">
</head>
<body>
<div class="consent-layer">Wir brauchen Ihre Zustimmung: Dieses Angebot nutzt Cookies und Tracking.
<a href="#">Akzeptieren</a></div>
<header class="masthead"><a href="/" class="brand">Hügelland-Tagblatt</a>
<nav><a href="/region/">Region</a> <a href="/politik/">Politik</a> <a href="/sport/">Sport</a>
<a href="/kultur/">Kultur</a></nav></header>
<section class="content">
<article class="art">
<p class="art-kicker">Oberkolbing</p>
<h1 class="art-title">{E(title)}</h1>
<p class="art-teaser">{E(a.lead)}</p>
<div class="art-info">Von {E(a.author)} · {de_date(a.published)}</div>
<div class="art-share"><span>Teilen auf</span> <a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a>
<a href="#">E-Mail</a></div>
<figure class="art-image"><img src="/bilder/oberkolbing.jpg" alt="">
<figcaption>Blick auf Oberkolbing. <small>Foto: Tagblatt/Ritter</small></figcaption></figure>
<div class="art-body">
{paras(ps, 2, teaser)}
</div>
<div class="art-follow">Folgen Sie uns schon bei WhatsApp, Facebook und Instagram? Hier geht's zu unseren
Kanälen.</div>
<div class="art-newsletter"><b>Tagblatt-Newsletter:</b> Der Tag im Hügelland, jeden Morgen um sechs.
<a href="/newsletter/">Anmelden</a></div>
</article>
</section>
<footer><a href="/impressum.html">Impressum</a> · <a href="/datenschutz.html">Datenschutz</a> ·
<a href="/kontakt.html">Kontakt</a> · © Hügelland-Tagblatt</footer>
</body>
</html>
"""


def tagblatt_amp(a: Article) -> str:
    title, ps = body_of(a, 1)
    body = "\n".join(f"<p>{E(p, quote=False)}</p>" for p in ps)
    return f"""<!doctype html>
<html ⚡ lang="de">
<head>
<meta charset="utf-8">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<title>{E(title)} | Hügelland-Tagblatt</title>
<link rel="canonical" href="{B}{a.path}">
<meta name="viewport" content="width=device-width">
<style amp-boilerplate>body{{visibility:hidden}}</style>
{ld_json(a, 1, title, "Hügelland-Tagblatt")}
</head>
<body>
<header class="amp-header"><a href="/">Hügelland-Tagblatt</a></header>
<article class="amp-article">
<h1>{E(title)}</h1>
<p class="amp-meta">Von {E(a.author)} · {de_date(a.published)}</p>
<amp-img src="/bilder/oberkolbing.jpg" width="800" height="450" layout="responsive"></amp-img>
<p><strong>{E(a.lead)}</strong></p>
{body}
<div class="amp-share"><amp-social-share type="facebook"></amp-social-share>
<amp-social-share type="whatsapp"></amp-social-share></div>
</article>
<footer>© Hügelland-Tagblatt · <a href="{B}{a.path}">Zur vollständigen Ansicht</a></footer>
</body>
</html>
"""


def tagblatt_print(a: Article) -> str:
    title, ps = body_of(a, 1)
    body = "\n".join(f"<p>{E(p, quote=False)}</p>" for p in ps)
    return f"""<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>{E(title)} (Druckversion) | Hügelland-Tagblatt</title>
<link rel="canonical" href="{B}{a.path}">
<meta name="robots" content="noindex">
{ld_json(a, 1, title, "Hügelland-Tagblatt")}
</head>
<body onload="window.print()">
<div class="print-head">Hügelland-Tagblatt – Druckversion</div>
<h1>{E(title)}</h1>
<p><i>{E(a.lead)}</i></p>
<p>Von {E(a.author)}, {de_date(a.published)}</p>
{body}
<p class="print-foot">© Hügelland-Tagblatt. Alle Rechte vorbehalten.</p>
</body>
</html>
"""


TAGBLATT_404 = "/region/sondersitzung-gemeinderat-oberkolbing-3340.html"  # linked, never written


def tagblatt_section(rnd: int) -> str:
    links: list[tuple[str, str, str]] = []  # (href, title, lead)
    for a in sorted(_listed("tagblatt", rnd), key=lambda a: a.published, reverse=True):
        href = a.path
        if rnd == 1 and a.key == "T2_amp_only":
            href = "/amp" + a.path
        elif rnd == 1 and a.key == "T3_print_only":
            href = "/drucken" + a.path
        elif rnd == 2 and a.key == "T1_cp1252_meta":
            href = a.path + "?utm_source=facebook&amp;utm_medium=social&amp;utm_campaign=region"
        links.append((href, a.title, a.lead))
    links.insert(2, (TAGBLATT_404, "Oberkolbing: Sondersitzung des Gemeinderats", "Der Gemeinderat tagt am Montag."))
    teasers = "\n".join(
        f'<div class="teaser"><a href="{href}"><h2>{E(t)}</h2></a><p>{E(lead)}</p></div>' for href, t, lead in links
    )
    return f"""<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>Region | Hügelland-Tagblatt</title>
<link rel="canonical" href="{B}/region/">
</head>
<body>
<header class="masthead"><a href="/" class="brand">Hügelland-Tagblatt</a>
<nav><a href="/">Startseite</a> <a href="/region/">Region</a> <a href="/politik/">Politik</a>
<a href="/sport/">Sport</a> <a href="/kultur/">Kultur</a> <a href="/thema/oberkolbing/">Thema Oberkolbing</a></nav>
</header>
<section class="content">
<h1>Nachrichten aus der Region</h1>
{teasers}
<div class="pagination"><a href="/region/?seite=2">Weitere Artikel</a></div>
</section>
<aside class="ressorts"><h3>Ressorts</h3><ul><li><a href="/wirtschaft/">Wirtschaft</a></li>
<li><a href="/kultur/">Kultur</a></li><li><a href="/leserbriefe/">Leserbriefe</a></li></ul></aside>
<footer><a href="/impressum.html">Impressum</a> · <a href="/datenschutz.html">Datenschutz</a> ·
<a href="/kontakt.html">Kontakt</a></footer>
</body>
</html>
"""


# ------------------------------------------------------------------------------------------------ the web
PAGES = {
    "abendpost": abendpost_page, "kurier": kurier_page, "landesbote": landesbote_page,
    "rundschau": rundschau_page, "tagblatt": tagblatt_page,
}
NAMES = {
    "abendpost": "Oberland Abendpost", "kurier": "Wettersee-Kurier", "landesbote": "Landesbote Online",
    "rundschau": "Voralpen-Rundschau", "tagblatt": "Hügelland-Tagblatt",
}
ROBOTS = {
    "abendpost": "User-agent: *\nDisallow: /intern/\nDisallow: /suche/\n",
    "kurier": "User-agent: *\nAllow: /\n",
    "landesbote": "User-agent: *\nDisallow: /admin/\n",
    "rundschau": "User-agent: *\nDisallow: /suche/\n\nSitemap: {{base}}/sitemap.xml\n",
    "tagblatt": "User-agent: *\nDisallow: /leserkonto/\n",
}
SITE_TOML = {
    "kurier": '["/lokales/grossbrand-gelaende-gutachter-loeschschaum-oberkolbing.html"]\n'
              "# windows-1252 bytes; the charset is named only in the HTTP header\n"
              'headers = { Content-Type = "text/html; charset=windows-1252" }\n',
    "tagblatt": '["/region/trinkwasser-oberkolbing-kanister-sorgen-3310.html"]\n'
                "# windows-1252 bytes; the charset is named only in the page's <meta charset>\n"
                'headers = { Content-Type = "text/html" }\n',
    "rundschau": f'["{RUNDSCHAU_500}"]\nstatus = 500\n',
}


def _listed(site: str, rnd: int) -> list[Article]:
    return [a for a in ARTICLES if a.site == site and a.listed and a.round <= rnd]


def home(site: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="de"><head><meta charset="utf-8"><title>{E(NAMES[site])}</title></head>\n'
            f"<body><h1>{E(NAMES[site])}</h1><p>Nachrichten aus der Region.</p></body></html>\n")


def write(path: Path, text: str, encoding: str = "utf-8") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))  # strict: a character cp1252 lacks is a bug here


def build() -> None:
    for site in PAGES:
        shutil.rmtree(WEB / site, ignore_errors=True)
        write(WEB / site / "round1" / "robots.txt", ROBOTS[site])
        write(WEB / site / "round1" / "index.html", home(site))
        if site in SITE_TOML:
            write(WEB / site / "site.toml", SITE_TOML[site])
    for a in ARTICLES:
        root = WEB / a.site
        write(root / f"round{a.round}" / a.path.lstrip("/"), PAGES[a.site](a, 1 if a.round == 1 else 2), a.encoding)
        if a.updated:
            write(root / "round2" / a.path.lstrip("/"), PAGES[a.site](a, 2), a.encoding)
        if a.key == "T2_amp_only":
            write(root / "round1" / ("amp" + a.path), tagblatt_amp(a))
        if a.key == "T3_print_only":
            write(root / "round1" / ("drucken" + a.path), tagblatt_print(a))
    for rnd in (1, 2):
        r = f"round{rnd}"
        write(WEB / "abendpost" / r / "feeds" / "lokales.rss", abendpost_feed(rnd))
        write(WEB / "kurier" / r / "feed.atom", kurier_feed(rnd))
        write(WEB / "landesbote" / r / "rss" / "nachrichten.xml", landesbote_feed(rnd))
        write(WEB / "rundschau" / r / "sitemaps" / "news.xml", rundschau_news_sitemap(rnd))
        write(WEB / "tagblatt" / r / "region" / "index.html", tagblatt_section(rnd))
    write(WEB / "rundschau" / "round1" / "sitemap.xml", RUNDSCHAU_INDEX)
    write(WEB / "rundschau" / "round1" / "sitemaps" / "archiv-2024.xml", rundschau_archive_sitemap())


if __name__ == "__main__":
    build()
    print(f"wrote the test web under {WEB}")
