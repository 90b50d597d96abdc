"""Render the gold web from `articles.py`: five outlets, each with templates of its own, in OutletWeb's layout.

    python tests/goldweb/make_web.py        # rewrites tests/goldweb/<site>/round1|round2

The generated files are committed (golden files); review the diff after a change. `{{base}}` is filled by the
server (crawler/demo/server.py) when it serves a file.
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
SITES = ("morgenblatt", "westfunk", "blitz", "wochenschau", "herald")


def listed(site: str, rnd: int) -> list[Article]:
    """The site's articles that exist in this round, newest first."""
    return sorted((a for a in ARTICLES if a.site == site and a.round <= rnd), key=lambda a: a.published, reverse=True)


def de_date(iso: str) -> str:
    return datetime.fromisoformat(iso).strftime("%d.%m.%Y %H:%M")


def kicker(a: Article) -> str:
    """The outlet's section as the line above the headline."""
    return a.path.strip("/").split("/")[-2 if a.path.count("/") > 2 else 0].replace("-", " ").title()


def body(a: Article, box: str = "", after: int = 2) -> str:
    out = []
    for i, p in enumerate(a.paragraphs):
        out.append(f"<p>{E(p, quote=False)}</p>")
        if i + 1 == after and box:
            out.append(box)
    if a.agency_line:
        out.append(f'<p class="credit">{E(a.agency_line)}</p>')
    return "\n".join(out)


def jsonld(a: Article, publisher: str, graph: bool = False) -> str:
    article = {"@type": "NewsArticle", "headline": a.title, "datePublished": a.published,
               "author": {"@type": "Organization" if a.author == "dpa" else "Person", "name": a.author},
               "publisher": {"@type": "NewsMediaOrganization", "name": publisher},
               "inLanguage": a.language, "mainEntityOfPage": f"{B}{a.path}"}
    if graph:
        data = {"@context": "https://schema.org", "@graph": [
            article, {"@type": "BreadcrumbList", "itemListElement": [
                {"@type": "ListItem", "position": 1, "name": "Politik", "item": f"{B}/politik/"}]}]}
    else:
        data = {"@context": "https://schema.org", **article}
    return '<script type="application/ld+json">' + json.dumps(data, ensure_ascii=False) + "</script>"


def meta(a: Article, site_name: str) -> str:
    return (f'<link rel="canonical" href="{B}{a.path}">\n<meta property="og:type" content="article">\n'
            f'<meta property="og:title" content="{E(a.title)}">\n<meta property="og:site_name" content="{E(site_name)}">\n'
            f'<meta property="article:published_time" content="{a.published}">\n'
            f'<meta name="author" content="{E(a.author)}">')


# ------------------------------------------------------------------- Das Morgenblatt: national daily, news sitemap
def morgenblatt_page(a: Article) -> str:
    more = ('<aside class="related-box" aria-label="Mehr zum Thema"><span class="related-box__label">Mehr zum Thema'
            '</span><ul><li><a href="/wirtschaft/goldpreis-rekordhoch-zentralbanken-a-88455">Goldpreis klettert auf '
            'Rekordhoch</a></li></ul></aside>')
    return f"""<!DOCTYPE html>
<html lang="de">
<head><meta charset="utf-8"><title>{E(a.title)} - Das Morgenblatt</title>
{meta(a, "Das Morgenblatt")}
{jsonld(a, "Das Morgenblatt", graph=True)}
</head>
<body>
<a class="skip" href="#inhalt">Zum Inhalt springen</a>
<header class="masthead"><a href="/" class="brand">Das Morgenblatt</a>
<nav><a href="/politik/">Politik</a> <a href="/wirtschaft/">Wirtschaft</a> <a href="/kultur/">Kultur</a>
<a href="/abo/">MB+ testen</a></nav></header>
<main id="inhalt">
<article data-component="article" class="article">
<header class="article__header"><p class="article__kicker">{E(kicker(a))}</p>
<h1 class="article__title">{E(a.title)}</h1>
<p class="article__lead">{E(a.lead)}</p>
<p class="article__byline">Von {E(a.author)} · <time datetime="{a.published}">{de_date(a.published)} Uhr</time></p>
</header>
<div class="article__body">
{body(a, more)}
</div>
<section class="plus-promo"><strong>MB+</strong> Lesen Sie alle Analysen und Hintergründe mit MB+ – jetzt vier
Wochen für 1 Euro. <a href="/abo/">Jetzt testen</a></section>
</article>
<section class="newsletter"><h2>Die Lage am Morgen</h2><p>Unser Newsletter zum Start in den Tag.</p></section>
</main>
<footer class="site-footer">© Das Morgenblatt · <a href="/impressum">Impressum</a> · <a href="/datenschutz">Datenschutz</a>
</footer>
</body>
</html>
"""


def morgenblatt_sitemap(rnd: int) -> str:
    urls = []
    for a in listed("morgenblatt", rnd):
        urls.append(f"""  <url>
    <loc>{B}{a.path}</loc>
    <news:news>
      <news:publication><news:name>Das Morgenblatt</news:name><news:language>de</news:language></news:publication>
      <news:publication_date>{a.published}</news:publication_date>
      <news:title>{E(a.title)}</news:title>
    </news:news>
  </url>""")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n' + "\n".join(urls) + "\n</urlset>\n")


# ------------------------------------------------------------------- Westfunk: public broadcaster, Atom
def westfunk_page(a: Article) -> str:
    audio = ('<div class="audio-player"><span>Audio</span> Hören Sie den Beitrag: 3 Min <button>Abspielen</button>'
             '</div>')
    return f"""<!DOCTYPE html>
<html lang="de">
<head><meta charset="utf-8"><title>{E(a.title)} | westfunk.invalid</title>
{meta(a, "Westfunk Nachrichten")}
{jsonld(a, "Westfunk")}
</head>
<body class="wf">
<div id="wf-header"><a href="/">Westfunk</a> <span>Nachrichten</span>
<ul class="wf-menu"><li><a href="/nachrichten/inland/">Inland</a></li><li><a href="/nachrichten/ausland/">Ausland</a></li>
<li><a href="/wetter/">Wetter</a></li><li><a href="/mediathek/">Mediathek</a></li></ul></div>
<div class="wf-content">
<div class="seitenkopf"><span class="seitenkopf__topline">{E(kicker(a))}</span>
<h1 class="seitenkopf__headline">{E(a.title)}</h1></div>
<div class="metatextline">Stand: {de_date(a.published)} Uhr</div>
{audio}
<p class="textabsatz"><strong>{E(a.lead)}</strong></p>
<div class="wf-text">
{body(a, '<div class="teaser-mehr">Mehr zum Thema: <a href="/nachrichten/inland/sturmtief-schnee-mittelgebirge-105">'
         'Sturmtief bringt den ersten Schnee</a></div>')}
</div>
<p class="autorenzeile">{E(a.author)}, Westfunk-Auslandsredaktion</p>
<div class="sendungsbezug">Dieses Thema im Programm: Westfunk am Mittag, 12:00 Uhr</div>
</div>
<div id="wf-footer">Westfunk · Anstalt des öffentlichen Rechts · <a href="/kontakt/">Kontakt</a></div>
</body>
</html>
"""


def westfunk_feed(rnd: int) -> str:
    entries = []
    for a in listed("westfunk", rnd):
        entries.append(f"""  <entry>
    <title>{E(a.title)}</title>
    <link rel="alternate" type="text/html" href="{B}{a.path}"/>
    <id>tag:westfunk.invalid,2025:{a.path}</id>
    <published>{a.published}</published>
    <updated>{a.published}</updated>
    <summary>{E(a.lead or a.paragraphs[0][:200])}</summary>
  </entry>""")
    newest = max(a.published for a in listed("westfunk", rnd))
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <title>Westfunk Nachrichten</title>
  <link rel="self" href="{B}/nachrichten/index~atom.xml"/>
  <id>tag:westfunk.invalid,2025:nachrichten</id>
  <updated>{newest}</updated>
{chr(10).join(entries)}
</feed>
"""


# ------------------------------------------------------------------- Blitz: tabloid, section pages
def blitz_page(a: Article) -> str:
    also = ('<div class="also"><b>Lesen Sie auch</b> <a href="/sport/trainer-beben-in-bochum-41222.html">'
            'Trainer-Beben in Bochum</a></div>')
    return f"""<!DOCTYPE html>
<html lang="de">
<head><meta charset="utf-8"><title>{E(a.title)} | BLITZ</title>
{meta(a, "BLITZ")}
{jsonld(a, "BLITZ")}
</head>
<body>
<div class="top-bar">BLITZ <a href="/politik/">Politik</a> <a href="/sport/">Sport</a> <a href="/blitzplus/">BLITZ+</a></div>
<div class="breaking">EILMELDUNG +++ Verfolgen Sie alle News im Liveticker +++</div>
<div class="story">
<span class="kicker">{E(kicker(a))}</span>
<h1>{E(a.title)}</h1>
<div class="author">{E(a.author)} · {de_date(a.published)}</div>
<figure><img src="/img/aufmacher.jpg" alt=""><figcaption>Foto: BLITZ/Agentur</figcaption></figure>
<p class="intro"><b>{E(a.lead)}</b></p>
{body(a, also, after=1)}
<div class="plus-box">Mehr Hintergründe? Jetzt BLITZ+ abonnieren – nur 0,99 € im ersten Monat!</div>
<div class="share">Teilen: Facebook · X · WhatsApp</div>
</div>
<div class="comments">Kommentare (213) – Diskutieren Sie mit!</div>
<footer>BLITZ – Die Zeitung mit dem Knall · Impressum · AGB</footer>
</body>
</html>
"""


def blitz_section(section: str, rnd: int) -> str:
    cards = []
    for a in listed("blitz", rnd):
        if not a.path.startswith(f"/{section}/"):
            continue
        cards.append(f'<div class="card"><a href="{a.path}"><span class="card-kicker">BLITZ</span>'
                     f'<h3>{E(a.title)}</h3></a><p>{E(a.lead[:120])}</p></div>')
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{section.title()} | BLITZ</title></head>
<body>
<div class="top-bar">BLITZ <a href="/politik/">Politik</a> <a href="/sport/">Sport</a> <a href="/blitzplus/">BLITZ+</a></div>
<h1>{section.title()}</h1>
<div class="cards">
{chr(10).join(cards)}
</div>
<footer>BLITZ · <a href="/impressum.html">Impressum</a></footer>
</body></html>
"""


# ------------------------------------------------------------------- Die Wochenschau: magazine, RSS with full text
def wochenschau_page(a: Article) -> str:
    return f"""<!DOCTYPE html>
<html lang="de">
<head><meta charset="utf-8"><title>{E(a.title)} | Die Wochenschau</title>
{meta(a, "Die Wochenschau")}
{jsonld(a, "Die Wochenschau")}
</head>
<body>
<header><div class="logo">Die Wochenschau</div><nav>Ausland · Wirtschaft · Reise · Abo</nav></header>
<article class="longform">
<div class="rubrik">Aus dem Heft 46/2025</div>
<h1>{E(a.title)}</h1>
<div class="vorspann">{E(a.lead)}</div>
<div class="byline">Eine Analyse von {E(a.author)} – {de_date(a.published)}</div>
<div class="text dropcap">
{body(a, '<blockquote class="pullquote">„Wer Gold in Nachtflügen außer Landes bringt, versteckt es.“</blockquote>'
      if a.kind == "story" else "")}
</div>
<div class="gift">Artikel verschenken: Als Abonnent können Sie diesen Artikel an Freunde verschenken.</div>
<div class="authorbio">{E(a.author)} ist Redakteurin im Ressort Ausland der Wochenschau.</div>
</article>
<footer>Die Wochenschau · Verlagshaus am Hafen · Impressum</footer>
</body>
</html>
"""


def wochenschau_feed(rnd: int) -> str:
    items = []
    for a in listed("wochenschau", rnd):
        full = "".join(f"<p>{E(p)}</p>" for p in a.paragraphs)
        items.append(f"""  <item>
    <title>{E(a.title)}</title>
    <link>{B}{a.path}</link>
    <description>{E(a.lead)}</description>
    <content:encoded><![CDATA[{full}]]></content:encoded>
    <pubDate>{format_datetime(datetime.fromisoformat(a.published))}</pubDate>
    <guid isPermaLink="true">{B}{a.path}</guid>
  </item>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Die Wochenschau</title>
  <link>{B}/</link>
  <description>Das Magazin</description>
  <language>de</language>
{chr(10).join(items)}
</channel>
</rss>
"""


# ------------------------------------------------------------------- The Continental Herald: English, RSS
def herald_page(a: Article) -> str:
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>{E(a.title)} | The Continental Herald</title>
{meta(a, "The Continental Herald")}
{jsonld(a, "The Continental Herald")}
</head>
<body>
<header><a href="/">The Continental Herald</a> <nav>World · Europe · Business · Opinion</nav></header>
<main><article>
<h1>{E(a.title)}</h1>
<p class="standfirst">{E(a.lead)}</p>
<p class="byline">By {E(a.author)} · {de_date(a.published)} GMT</p>
{body(a)}
<p class="support">Support independent journalism: subscribe to the Herald.</p>
</article></main>
<footer>© The Continental Herald</footer>
</body>
</html>
"""


def herald_feed(rnd: int) -> str:
    items = "\n".join(f"""  <item><title>{E(a.title)}</title><link>{B}{a.path}</link>
    <pubDate>{format_datetime(datetime.fromisoformat(a.published))}</pubDate></item>""" for a in listed("herald", rnd))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>The Continental Herald: '
            f'Europe</title><link>{B}/</link><description>Europe</description>\n{items}\n</channel></rss>\n')


PAGES = {"morgenblatt": morgenblatt_page, "westfunk": westfunk_page, "blitz": blitz_page,
         "wochenschau": wochenschau_page, "herald": herald_page}


def listings(site: str, rnd: int) -> dict[str, str]:
    """The discovery files of a site in one round: path -> text."""
    if site == "morgenblatt":
        return {"/sitemap-news.xml": morgenblatt_sitemap(rnd)}
    if site == "westfunk":
        return {"/nachrichten/index~atom.xml": westfunk_feed(rnd)}
    if site == "blitz":
        return {"/politik/index.html": blitz_section("politik", rnd), "/sport/index.html": blitz_section("sport", rnd)}
    if site == "wochenschau":
        return {"/feed/rss.xml": wochenschau_feed(rnd)}
    return {"/world/europe/rss.xml": herald_feed(rnd)}


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def build() -> None:
    for site in SITES:
        shutil.rmtree(WEB / site, ignore_errors=True)
        for rnd in (1, 2):
            root = WEB / site / f"round{rnd}"
            if rnd == 1:
                write(root / "robots.txt", "User-agent: *\nAllow: /\n")
                write(root / "index.html", f"<!DOCTYPE html><html><head><title>{site}</title></head><body>"
                                           f"<h1>{site}</h1></body></html>\n")
            for path, text in listings(site, rnd).items():
                write(root / path.lstrip("/"), text)
            for a in ARTICLES:
                if a.site == site and a.round == rnd:
                    # An address without a file suffix (most of these outlets) is served from its folder's index.
                    rel = a.path.lstrip("/") if "." in a.path.rsplit("/", 1)[-1] else a.path.lstrip("/") + "/index.html"
                    write(root / rel, PAGES[site](a))


if __name__ == "__main__":
    build()
