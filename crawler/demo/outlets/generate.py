"""Write the demo outlet web (four fictional outlets, two rounds) from articles.py into this folder.

    python crawler/demo/outlets/generate.py [--out DIR]

The generated pages are committed; run this after editing articles.py or a template and review the diff.
Each outlet has its own markup and clutter (navigation, share bars, teasers, newsletter and cookie boxes, social
footers, photo credits, agency lines) and its own way to be discovered: RSS 2.0 (sarn-kurier), Atom (tagesecho),
a Google News sitemap (landespost), a section page only (anzeiger).
"""

from __future__ import annotations

import argparse
import json
import shutil
from datetime import datetime
from email.utils import format_datetime
from html import escape
from pathlib import Path

from articles import ARTICLES, SEED_TEXT

HERE = Path(__file__).resolve().parent
SITES = {"sarn-kurier": "Sarn-Kurier", "tagesecho": "Tagesecho", "landespost": "Landespost",
         "anzeiger": "Sarnheimer Anzeiger"}
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember"]
TRACKING = "?utm_source=rss&utm_medium=feed&utm_campaign=lokales"
BY_KEY = {a["key"]: a for a in ARTICLES}


def rounds(a: dict) -> tuple[int, ...]:
    return a.get("rounds", (1, 2))


def german_date(iso: str) -> str:
    dt = datetime.fromisoformat(iso)
    return f"{dt.day}. {MONTHS[dt.month - 1]} {dt.year}, {dt:%H:%M} Uhr"


def body(a: dict, round_: int) -> tuple[str, list[str], str | None]:
    """Lead, paragraphs and dateModified of an article as served in a round."""
    if "copy_of" in a:
        src = BY_KEY[a["copy_of"]]
        return src["lead"], list(src["paras"][:-1]), None
    paras = list(a["paras"])
    update = a.get("update")
    if update and round_ >= 2:
        for i, text in update["paras"].items():
            paras[i] = text
        paras += update["add"]
        return a["lead"], paras, update["modified"]
    return a["lead"], paras, None


def jsonld(a: dict, url: str, modified: str | None) -> str:
    author: dict = ({"@type": "Organization", "name": "dpa"} if a["author"] == "dpa"
                    else {"@type": "Person", "name": a["author"]})
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
            "datePublished": a["published"], "dateModified": modified or a["published"], "author": author,
            "publisher": {"@type": "Organization", "name": SITES[a["site"]]}, "mainEntityOfPage": url,
            "inLanguage": "de", "image": f"{{{{base}}}}/bilder/{a['key']}.jpg"}
    return json.dumps(data, ensure_ascii=False, indent=1)


def head(a: dict, url: str, modified: str | None, lead: str) -> str:
    site = SITES[a["site"]]
    return f"""<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(a['title'])} | {site}</title>
<meta name="description" content="{escape(lead)}">
<link rel="canonical" href="{url}">
<meta property="og:type" content="article">
<meta property="og:title" content="{escape(a['title'])}">
<meta property="og:description" content="{escape(lead)}">
<meta property="og:url" content="{url}">
<meta property="og:site_name" content="{site}">
<meta property="og:locale" content="de_DE">
<meta property="article:published_time" content="{a['published']}">
<meta name="author" content="{escape(a['author'])}">
<script type="application/ld+json">
{jsonld(a, url, modified)}
</script>"""


def teaser_links(a: dict) -> list[tuple[str, str]]:
    """(URL, title) of the related articles a page links in its 'Lesen Sie auch' / 'Mehr zum Thema' boxes."""
    out = []
    for key in a.get("related", []):
        r = BY_KEY[key]
        base = "{{base}}" if r["site"] == a["site"] else "{{base:" + r["site"] + "}}"
        out.append((base + r["path"], r["title"]))
    return out


# ---- the four templates --------------------------------------------------------------------------------------


def kurier(a: dict, round_: int) -> str:
    url = "{{base}}" + a["path"]
    lead, paras, modified = body(a, round_)
    links = teaser_links(a)
    parts = []
    for i, p in enumerate(paras):
        parts.append(f'<p class="text">{escape(p)}</p>')
        if i == 1 and links:
            parts.append(f'<p class="lesetipp"><strong>Lesen Sie auch:</strong> <a href="{links[0][0]}">'
                         f"{escape(links[0][1])}</a></p>")
    text = "\n".join(parts)
    caption, credit = a["photo"]
    return f"""<!DOCTYPE html>
<html lang="de">
<head>
{head(a, url, modified, lead)}
<link rel="alternate" type="application/rss+xml" title="Sarn-Kurier Lokales" href="/rss/lokales.xml">
</head>
<body class="kurier artikelseite">
<div id="cmp-banner" class="cmp"><p>Wir verwenden Cookies und ähnliche Technologien, um Inhalte und Werbung zu
personalisieren und Zugriffe zu analysieren. Mit „Alle akzeptieren“ stimmen Sie der Verarbeitung zu.</p>
<button>Alle akzeptieren</button> <button>Einstellungen</button></div>
<div id="page">
<header class="kopf">
<a class="logo" href="/">Sarn-Kurier</a>
<nav class="hauptnav"><ul><li><a href="/lokales/">Lokales</a></li><li><a href="/sport/">Sport</a></li>
<li><a href="/kultur/">Kultur</a></li><li><a href="/wirtschaft/">Wirtschaft</a></li>
<li><a href="/abo/">Abo</a></li><li><a href="/epaper/">E-Paper</a></li></ul></nav>
</header>
<div class="breadcrumb"><a href="/">Startseite</a> › <a href="/lokales/">Lokales</a> › Sarnheim</div>
<div class="artikel" id="artikel-{a['key']}">
<span class="dachzeile">{escape(a['kicker'])}</span>
<h1 class="titel">{escape(a['title'])}</h1>
<p class="meta">Von <span class="autor">{escape(a['author'])}</span> ·
<time datetime="{a['published']}">{german_date(a['published'])}</time> ·
<a href="#kommentare">{a['comments']} Kommentare</a></p>
<ul class="share"><li><a href="#">Teilen auf Facebook</a></li><li><a href="#">X</a></li>
<li><a href="#">WhatsApp</a></li><li><a href="#">E-Mail</a></li></ul>
<figure class="aufmacher"><img src="/bilder/{a['key']}.jpg" alt="{escape(caption)}">
<figcaption>{escape(caption)} <span class="credit">Foto: {escape(credit)}</span></figcaption></figure>
<div class="artikel-body">
<p class="einleitung"><strong>{escape(lead)}</strong></p>
{text}
</div>
<div class="newsletter-box"><h3>Newsletter „Sarnheim am Morgen“</h3><p>Das Wichtigste aus Sarnheim und Umgebung
jeden Morgen kostenlos in Ihrem Postfach.</p><form><input type="email" placeholder="Ihre E-Mail-Adresse">
<button>Jetzt anmelden</button></form></div>
<section id="kommentare"><h3>{a['comments']} Kommentare</h3><p>Melden Sie sich an, um mitzudiskutieren.</p>
</section>
</div>
<footer class="fuss"><p>Folgen Sie uns schon bei WhatsApp, Facebook und Instagram!</p>
<p><a href="/impressum/">Impressum</a> · <a href="/datenschutz/">Datenschutz</a> · <a href="/kontakt/">Kontakt</a>
</p><p>© 2025 Sarn-Kurier Verlags-GmbH</p></footer>
</div>
</body>
</html>
"""


def tagesecho(a: dict, round_: int) -> str:
    url = "{{base}}" + a["path"]
    lead, paras, modified = body(a, round_)
    links = teaser_links(a)
    text = "\n".join(f"<p>{escape(p)}</p>" for p in paras)
    if a.get("agency_line"):
        text += f'\n<p class="story__agency">{escape(a["agency_line"])}</p>'
    related = "".join(f'<li class="related__item"><a class="related__link" href="{u}">{escape(t)}</a></li>'
                      for u, t in links)
    caption, credit = a["photo"]
    return f"""<!doctype html>
<html lang="de-DE">
<head>
{head(a, url, modified, lead)}
<link rel="alternate" type="application/atom+xml" href="/feeds/region.atom">
</head>
<body>
<div class="consent-layer" role="dialog"><p>Ihre Privatsphäre ist uns wichtig. Wir und unsere Partner speichern
und/oder greifen auf Informationen auf Ihrem Gerät zu.</p><a class="consent-layer__ok">Akzeptieren und
weiter</a></div>
<header class="site-header"><div class="site-header__brand"><a href="/">Tagesecho</a></div>
<nav class="site-nav"><a href="/region/">Region</a> <a href="/politik/">Politik</a> <a href="/panorama/">Panorama
</a> <a href="/sport/">Sport</a> <a href="/suche/">Suche</a></nav></header>
<main class="layout">
<article class="story story--standard">
<header class="story__header">
<p class="story__kicker">{escape(a['kicker'])}</p>
<h1 class="story__headline">{escape(a['title'])}</h1>
<p class="story__teaser">{escape(lead)}</p>
<div class="story__byline"><span>{escape(a['author'])}</span>
<time datetime="{a['published']}">{german_date(a['published'])}</time>
<span class="story__comments">💬 {a['comments']}</span></div>
<div class="share-bar"><span>Teilen:</span> <a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a>
<a href="#">E-Mail</a> <a href="#">Link kopieren</a></div>
</header>
<figure class="story__image"><img src="/img/{a['key']}.webp" alt=""><figcaption><span>{escape(caption)}</span>
<small>Foto: {escape(credit)}</small></figcaption></figure>
<div class="story__content"><section class="richtext">
{text}
</section></div>
<aside class="related"><h2>Mehr zum Thema</h2><ul>{related}</ul></aside>
<p class="story__standards">Erfahren Sie hier mehr über die journalistischen Standards und die Unabhängigkeit
unserer Redaktion.</p>
</article>
<aside class="sidebar"><div class="newsletter"><h3>Der Tagesecho-Newsletter</h3><p>Jeden Abend die wichtigsten
Nachrichten aus der Region.</p><button>Kostenlos abonnieren</button></div>
<div class="most-read"><h3>Meistgelesen</h3><ol><li><a href="/region/">Alle Nachrichten aus der Region</a></li>
</ol></div></aside>
</main>
<footer class="site-footer"><p>Folgen Sie uns schon bei WhatsApp, Facebook und Instagram.</p>
<p>© Tagesecho Medien GmbH · <a href="/impressum/">Impressum</a> · <a href="/datenschutz/">Datenschutz</a></p>
</footer>
</body>
</html>
"""


def landespost(a: dict, round_: int) -> str:
    url = "{{base}}" + a["path"]
    lead, paras, modified = body(a, round_)
    links = teaser_links(a)
    parts = []
    for i, p in enumerate(paras):
        parts.append(f"<p>{escape(p)}</p>")
        if i == 2 and links:
            parts.append(f'<div class="inline-teaser">Lesen Sie auch: <a href="{links[0][0]}">'
                         f"{escape(links[0][1])}</a></div>")
    if a.get("agency_line"):
        parts.append(f'<p class="copyright">{escape(a["agency_line"])}</p>')
    updated = (f'<span class="updated">Aktualisiert: <time datetime="{modified}">{german_date(modified)}</time>'
               f"</span>" if modified else "")
    more = "".join(f'<div class="col-sm-6"><a class="card-link" href="{u}">{escape(t)}</a></div>'
                   for u, t in links)
    caption, credit = a["photo"]
    return f"""<!DOCTYPE html>
<html lang="de">
<head>
{head(a, url, modified, lead)}
</head>
<body class="lp">
<div id="privacy-notice">Diese Website nutzt Cookies. Mehr dazu in unserer Datenschutzerklärung.
<a href="/datenschutz/">Mehr erfahren</a> <a href="#">Verstanden</a></div>
<div class="container">
<div class="row topbar"><div class="col-12"><a href="/" class="brand">Landespost</a>
<ul class="nav nav-pills"><li class="nav-item"><a class="nav-link" href="/nachrichten/land/">Land</a></li>
<li class="nav-item"><a class="nav-link" href="/nachrichten/politik/">Politik</a></li>
<li class="nav-item"><a class="nav-link" href="/nachrichten/wirtschaft/">Wirtschaft</a></li></ul></div></div>
<div class="row">
<div class="col-md-8" itemscope itemtype="https://schema.org/NewsArticle">
<div class="kicker">{escape(a['kicker'])}</div>
<h1 itemprop="headline">{escape(a['title'])}</h1>
<div class="byline">{escape(a['author'])} | <time itemprop="datePublished" datetime="{a['published']}">
{german_date(a['published'])}</time> {updated}</div>
<div class="sharing">Teilen auf Facebook | Teilen auf X | Teilen auf WhatsApp | Per E-Mail teilen</div>
<p class="intro"><b>{escape(lead)}</b></p>
<figure><img src="/media/{a['key']}.jpg" alt="{escape(caption)}"><figcaption>{escape(caption)}
Foto: {escape(credit)}</figcaption></figure>
<div itemprop="articleBody" class="article-text">
{chr(10).join(parts)}
</div>
<div class="comments-count"><a href="#comments">{a['comments']} Kommentare lesen</a></div>
<div class="more-topic"><h4>Mehr zum Thema</h4><div class="row">{more}</div></div>
</div>
<div class="col-md-4"><div class="box-newsletter">Newsletter: Die Landespost am Morgen – jetzt anmelden!</div>
<div class="box-ad">Anzeige</div></div>
</div>
<footer class="row"><div class="col-12">Folgen Sie uns schon bei WhatsApp, Facebook und Instagram! · © 2025
Landespost · <a href="/impressum/">Impressum</a></div></footer>
</div>
</body>
</html>
"""


def anzeiger(a: dict, round_: int) -> str:
    url = "{{base}}" + a["path"]
    lead, paras, modified = body(a, round_)
    links = teaser_links(a)
    parts = []
    for i, p in enumerate(paras):
        parts.append(f"<p>{escape(p)}</p>")
        if i == 1 and links:
            parts.append(f'<p class="lesenswert"><b>Lesen Sie auch:</b> <a href="{links[0][0]}">'
                         f"{escape(links[0][1])}</a></p>")
    more = "".join(f'<li><a href="{u}">{escape(t)}</a></li>' for u, t in links[1:])
    more_box = f'<div class="mehr"><b>Mehr zum Thema</b><ul>{more}</ul></div>' if more else ""
    caption, credit = a["photo"]
    return f"""<!DOCTYPE html>
<html lang="de">
<head>
{head(a, url, modified, lead)}
</head>
<body bgcolor="#ffffff">
<div id="rahmen">
<div class="kopf"><a href="/"><img src="/grafik/logo.gif" alt="Sarnheimer Anzeiger"></a>
<div class="menue"><a href="/lokales/">Lokales</a> | <a href="/vereine/">Vereine</a> | <a href="/anzeigen/">
Anzeigen</a> | <a href="/kontakt/">Kontakt</a></div></div>
<div class="spalte-links"><div class="rubriken"><a href="/lokales/">Lokales</a><br>
<a href="/vereine/">Vereine</a><br><a href="/termine/">Termine</a><br><a href="/leserbriefe/">Leserbriefe</a>
</div></div>
<div class="inhalt">
<div class="newsdetail">
<div class="rubrik">{escape(a['kicker'])}</div>
<h2 class="ueberschrift">{escape(a['title'])}</h2>
<div class="datum">{german_date(a['published'])} | <span class="autor">{escape(a['author'])}</span> |
{a['comments']} Leserkommentare</div>
<div class="bild"><img src="/bilder/{a['key']}.jpg" width="600" alt=""><br><span class="bu">{escape(caption)}
(Foto: {escape(credit)})</span></div>
<div class="vorspann"><b>{escape(lead)}</b></div>
<div class="fliesstext">
{chr(10).join(parts)}
</div>
{more_box}
<div class="teilen">Artikel teilen: Teilen auf Facebook · X · WhatsApp · E-Mail · Drucken</div>
</div>
</div>
<div class="fuss">Folgen Sie uns schon bei WhatsApp, Facebook und Instagram. | © Sarnheimer
Anzeiger | <a href="/impressum/">Impressum</a> | <a href="/datenschutz/">Datenschutz</a></div>
</div>
<div class="cookiehinweis">Diese Seite verwendet Cookies. Durch die Nutzung stimmen Sie zu. [OK]</div>
</body>
</html>
"""


def anzeiger_amp(a: dict, round_: int) -> str:
    """An AMP variant: the same article, little markup, rel=canonical to the plain page."""
    url = "{{base}}" + a["path"]
    lead, paras, _ = body(a, round_)
    text = "\n".join(f"<p>{escape(p)}</p>" for p in paras)
    return f"""<!doctype html>
<html ⚡ lang="de">
<head>
<meta charset="utf-8">
<title>{escape(a['title'])}</title>
<link rel="canonical" href="{url}">
<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
<script async src="https://cdn.ampproject.org/v0.js"></script>
</head>
<body>
<header><a href="/">Sarnheimer Anzeiger</a></header>
<article><h1>{escape(a['title'])}</h1><p><b>{escape(lead)}</b></p>
{text}
</article>
</body>
</html>
"""


TEMPLATES = {"sarn-kurier": kurier, "tagesecho": tagesecho, "landespost": landespost, "anzeiger": anzeiger}


# ---- discovery files -----------------------------------------------------------------------------------------


def visible(site: str, round_: int) -> list[dict]:
    """A site's articles present in a round, newest first."""
    items = [a for a in ARTICLES if a["site"] == site and round_ in rounds(a)]
    return sorted(items, key=lambda a: a["published"], reverse=True)


def rss(round_: int) -> str:
    items = []
    for a in visible("sarn-kurier", round_):
        # Round 2's feed carries tracking parameters on every link, as many feeds do.
        link = "{{base}}" + a["path"] + (TRACKING if round_ == 2 else "")
        pub = format_datetime(datetime.fromisoformat(a["published"]))
        items.append(f"""<item>
<title>{escape(a['title'])}</title>
<link>{escape(link)}</link>
<guid isPermaLink="false">sarn-kurier-{a['key']}</guid>
<description>{escape(a['lead'])}</description>
<pubDate>{pub}</pubDate>
</item>""")
    return ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>\n<title>Sarn-Kurier – "
            "Lokales</title>\n<link>{{base}}/lokales/</link>\n<description>Nachrichten aus Sarnheim und "
            "Umgebung</description>\n<language>de</language>\n" + "\n".join(items) + "\n</channel></rss>\n")


def atom(round_: int) -> str:
    entries = []
    arts = visible("tagesecho", round_)
    for a in arts:
        _, _, modified = body(a, round_)
        lead = a["lead"] if "lead" in a else BY_KEY[a["copy_of"]]["lead"]
        entries.append(f"""<entry>
<title>{escape(a['title'])}</title>
<link rel="alternate" type="text/html" href="{{{{base}}}}{a['path']}"/>
<id>tag:tagesecho.example,2025:{a['key']}</id>
<published>{a['published']}</published>
<updated>{modified or a['published']}</updated>
<author><name>{escape(a['author'])}</name></author>
<summary>{escape(lead)}</summary>
</entry>""")
    newest = max(a["published"] for a in arts)
    return ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" "
            "xml:lang=\"de\">\n<title>Tagesecho – Region</title>\n<id>tag:tagesecho.example,2025:region</id>\n"
            "<link rel=\"self\" href=\"{{base}}/feeds/region.atom\"/>\n"
            f"<updated>{newest}</updated>\n" + "\n".join(entries) + "\n</feed>\n")


def news_sitemap(round_: int) -> str:
    urls = []
    for a in visible("landespost", round_):
        _, _, modified = body(a, round_)
        urls.append(f"""<url>
<loc>{{{{base}}}}{a['path']}</loc>
<lastmod>{modified or a['published']}</lastmod>
<news:news><news:publication><news:name>Landespost</news:name><news:language>de</news:language>
</news:publication><news:publication_date>{a['published']}</news:publication_date>
<news:title>{escape(a['title'])}</news:title></news:news>
</url>""")
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/"
            "sitemap/0.9\" xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n" + "\n".join(urls)
            + "\n</urlset>\n")


def anzeiger_section(round_: int) -> str:
    # The related-only article is deliberately not listed.
    listed = [a for a in visible("anzeiger", round_) if not a["path"].startswith("/hintergrund/")]
    teasers = "\n".join(
        f'<div class="teaser"><span class="datum">{german_date(a["published"])}</span>'
        f'<h3><a href="{a["path"]}">{escape(a["title"])}</a></h3><p>{escape(a["lead"])}</p></div>'
        for a in listed
    )
    most_read = ""
    if round_ >= 2:
        amp = BY_KEY["akteneinsicht"]
        most_read = (f'<div class="meistgelesen"><b>Meistgelesen</b><ol><li><a href="{amp["amp"]}">'
                     f'{escape(amp["title"])}</a></li></ol></div>')
    return f"""<!DOCTYPE html>
<html lang="de">
<head><meta charset="utf-8"><title>Lokales | Sarnheimer Anzeiger</title>
<link rel="canonical" href="{{{{base}}}}/lokales/"></head>
<body>
<table class="layout" width="980">
<tr><td class="kopf" colspan="2"><a href="/">Sarnheimer Anzeiger</a>
<nav class="menue"><a href="/lokales/">Lokales</a> | <a href="/vereine/">Vereine</a> | <a href="/kontakt/">Kontakt
</a></nav></td></tr>
<tr><td class="spalte-links" width="180" valign="top"><a href="/lokales/">Lokales</a><br>
<a href="/termine/">Termine</a><br><a href="/thema/sarnbruecke/">Thema: Sarnbrücke</a><br>
<a href="/leserbriefe/">Leserbriefe</a></td>
<td class="inhalt" valign="top">
<h1>Lokales</h1>
{teasers}
{most_read}
<div class="blaettern"><a href="/lokales/seite/2/">Ältere Meldungen</a> | <a href="/archiv/2025/01/">Archiv
Januar 2025</a></div>
</td></tr>
<tr><td class="fuss" colspan="2">© Sarnheimer Anzeiger | <a href="/impressum/">Impressum</a></td></tr>
</table>
</body>
</html>
"""


def home(site: str, round_: int) -> str:
    links = "\n".join(f'<li><a href="{a["path"]}">{escape(a["title"])}</a></li>' for a in visible(site, round_)
                      if not a["path"].startswith("/hintergrund/"))
    return (f'<!DOCTYPE html>\n<html lang="de"><head><meta charset="utf-8"><title>{SITES[site]}</title></head>'
            f"<body><h1>{SITES[site]}</h1><ul>\n{links}\n</ul></body></html>\n")


ROBOTS = {
    "sarn-kurier": "User-agent: *\nDisallow: /suche/\nDisallow: /intern/\n",
    "tagesecho": "User-agent: *\nDisallow: /api/\nDisallow: /suche/\n",
    "landespost": "User-agent: *\nDisallow: /redaktion/\n\nSitemap: {{base}}/sitemap-news.xml\n",
    "anzeiger": "User-agent: *\nDisallow: /cgi-bin/\nDisallow: /anzeigen/\n",
}


def page_path(path: str) -> str:
    return path.lstrip("/") + ("index.html" if path.endswith("/") else "")


def build(out: Path) -> list[Path]:
    """Write every file of the web under out; returns the files written."""
    files: dict[str, str] = {}
    for site in SITES:
        for r in (1, 2):
            files[f"{site}/round{r}/index.html"] = home(site, r)
        files[f"{site}/round1/robots.txt"] = ROBOTS[site]
    for a in ARTICLES:
        first = rounds(a)[0]
        files[f"{a['site']}/round{first}/{page_path(a['path'])}"] = TEMPLATES[a["site"]](a, first)
        if a.get("update"):
            files[f"{a['site']}/round2/{page_path(a['path'])}"] = TEMPLATES[a["site"]](a, 2)
        if a.get("amp"):
            files[f"{a['site']}/round2/{page_path(a['amp'])}"] = anzeiger_amp(a, 2)
    for r in (1, 2):
        files[f"sarn-kurier/round{r}/rss/lokales.xml"] = rss(r)
        files[f"tagesecho/round{r}/feeds/region.atom"] = atom(r)
        files[f"landespost/round{r}/sitemap-news.xml"] = news_sitemap(r)
        files[f"anzeiger/round{r}/lokales/index.html"] = anzeiger_section(r)
    files["seeds/sarnbruecke.txt"] = SEED_TEXT
    written = []
    for rel, text in sorted(files.items()):
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args()
    for site in SITES:  # stale pages from an earlier version must not linger
        shutil.rmtree(args.out / site, ignore_errors=True)
    written = build(args.out)
    print(f"{len(written)} files written under {args.out}")


if __name__ == "__main__":
    main()
