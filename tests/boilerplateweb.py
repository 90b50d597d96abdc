"""A one-outlet test web for learned boilerplate (tests/test_learned_boilerplate.py), written into a folder.

The outlet 'Kreisecho' (all text written for this test) frames every article with lines no built-in rule knows:
a request for tips in the middle of the text, addressed to the reader (PROMO), and a short label at the end
(LABEL).  Round 2 brings a new line of the same kind (CAMPAIGN) that one round-1 article already carried.  Two
articles of one story share what recurs legitimately: a background sentence, a quote, a crosshead.  Round 2 also
re-fetches two articles (their feed entries are updated): one changed only its furniture (a counter, the titles of
a 'much read' box), the other got a new paragraph.

The two new round-2 articles have three paragraphs: with two, their three learned lines were more than
LEARNED_MAX_SHARE of the text, and what was stored depended on the order the pages were processed in (extracted
after CAMPAIGN was learned: all three lines kept by that guard; before: two dropped at extraction and CAMPAIGN by
the re-clean). Pages finish extraction and storing in either order.

Layout as crawler/demo/server.py serves it: WEB/kreisecho/round1|round2/..., WEB/config.toml.tmpl.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

SITE = "kreisecho"
PROMO = ("Sie haben einen Hinweis für unsere Lokalredaktion? Das Formular auf der Kontaktseite ist rund um die Uhr "
         "für Sie geöffnet.")
LABEL = "Der Wochenend-Überblick aus dem Landkreis"
CAMPAIGN = "Ihre Meinung zählt: Am Donnerstag beantwortet die Chefredaktion Ihre Fragen im Livestream."
BACKGROUND = ("Die Kreisstraße 12 zwischen Hollbach und Seewang ist seit dem 3. März gesperrt, nachdem ein Hang "
              "oberhalb der Fahrbahn ins Rutschen geraten war.")
QUOTE = "„Wir öffnen die Straße erst, wenn der Hang sicher ist“, sagte Landrätin Beate Sommerfeld."
CROSSHEAD = "Wie es weitergeht"
ADDED = ("Am Freitagabend teilte das Landratsamt mit, dass eine Fahrspur ab Montag mit einer Ampel wieder "
         "freigegeben wird.")


@dataclass(frozen=True)
class Article:
    key: str
    path: str
    title: str
    published: str
    paragraphs: tuple[str, ...]
    rounds: tuple[int, ...] = (1, 2)
    extra: dict[int, tuple[str, ...]] = field(default_factory=dict)  # round -> paragraphs added in that round
    campaign: tuple[int, ...] = ()  # rounds in which the page carries CAMPAIGN
    most_read: dict[int, tuple[str, ...]] = field(default_factory=dict)  # round -> titles of the 'much read' box
    comments: dict[int, int] = field(default_factory=dict)  # round -> comment counter
    updated: dict[int, str] = field(default_factory=dict)  # round -> the feed entry's <updated>


ARTICLES = (
    Article(
        "story_first", "/landkreis/kreisstrasse-12-gesperrt-hangrutsch-4101.html",
        "Hangrutsch: Kreisstraße 12 bei Hollbach gesperrt", "2025-03-03T18:20:00+01:00",
        (BACKGROUND,
         ("Anwohner hatten am Montagnachmittag Risse im Asphalt bemerkt und die Polizei verständigt. Ein Geologe des "
         "Landratsamts stellte fest, dass sich der Hang nach den Regenfällen der vergangenen Wochen bewegt."),
         QUOTE,
         CROSSHEAD,
         ("Pendler zwischen Hollbach und Seewang müssen über Kirchdorf ausweichen, der Umweg beträgt rund elf "
         "Kilometer. Die Buslinie 412 fährt eine Umleitung, die Haltestellen am Mühlweg entfallen.")),
    ),
    Article(
        "story_followup", "/landkreis/kreisstrasse-12-hang-wird-gesichert-4117.html",
        "Kreisstraße 12: Spezialfirma soll den Hang sichern", "2025-03-06T07:45:00+01:00",
        (("Für die Sicherung des Hangs an der Kreisstraße 12 hat der Kreistag am Mittwoch eine Spezialfirma "
         "beauftragt. Sie soll Stahlnetze spannen und den Hang mit Erdankern befestigen."),
         BACKGROUND,
         QUOTE,
         CROSSHEAD,
         ("Die Arbeiten sollen in der kommenden Woche beginnen und etwa einen Monat dauern. Die Kosten schätzt das "
         "Landratsamt auf 380.000 Euro, das Land beteiligt sich zur Hälfte.")),
        extra={2: (ADDED,)}, updated={1: "2025-03-06T07:45:00+01:00", 2: "2025-03-07T19:30:00+01:00"},
    ),
    Article(
        "other_market", "/landkreis/wochenmarkt-seewang-zieht-um-4109.html",
        "Wochenmarkt in Seewang zieht auf den Kirchplatz", "2025-03-04T11:00:00+01:00",
        (("Der Wochenmarkt in Seewang findet ab April auf dem Kirchplatz statt. Der bisherige Standort am Rathaus "
         "wird für zwei Jahre zur Baustelle, weil die Gemeinde dort eine Tiefgarage bauen lässt."),
         ("Die meisten der 24 Händler begrüßen den Umzug, weil der Kirchplatz mehr Schatten bietet. Nur der "
         "Fischhändler fürchtet, dass ihm die Laufkundschaft aus der Bahnhofstraße fehlen wird."),
         "Markttag bleibt der Samstag von 7 bis 13 Uhr. Die Gemeinde stellt zusätzliche Fahrradständer auf."),
        most_read={1: ("Neue Ampel am Marktplatz", "Freibad öffnet früher"),
                   2: ("Kreisstraße 12: Spezialfirma sichert Hang", "Musikschule sucht Räume")},
        comments={1: 12, 2: 31}, updated={1: "2025-03-04T11:00:00+01:00", 2: "2025-03-08T09:00:00+01:00"},
    ),
    Article(
        "other_choir", "/landkreis/kirchenchor-kirchdorf-jubilaeum-4112.html",
        "Kirchenchor Kirchdorf feiert 150 Jahre", "2025-03-05T16:30:00+01:00",
        (("Mit einem Festkonzert in der Pfarrkirche St. Martin hat der Kirchenchor Kirchdorf sein 150-jähriges "
         "Bestehen gefeiert. Rund 400 Gäste hörten Werke von Haydn und Mendelssohn."),
         ("Der Chor zählt heute 46 Sängerinnen und Sänger, die jüngste ist 14, der älteste 88 Jahre alt. "
         "Chorleiterin Agnes Veit wünscht sich vor allem mehr Männerstimmen."),
         "Zum Jubiläum erscheint im Mai eine Chronik mit Fotos aus anderthalb Jahrhunderten."),
        campaign=(1, 2),
    ),
    Article(
        "round2_library", "/landkreis/buecherei-hollbach-erweitert-oeffnungszeiten-4130.html",
        "Bücherei Hollbach öffnet auch am Samstag", "2025-03-08T10:00:00+01:00",
        (("Die Gemeindebücherei Hollbach öffnet ab April auch samstags von 10 bis 13 Uhr. Möglich machen das vier "
         "Ehrenamtliche, die sich die zusätzlichen Stunden teilen."),
         ("Im vergangenen Jahr liehen die Leserinnen und Leser mehr als 21.000 Medien aus, so viele wie nie zuvor. "
         "Besonders gefragt sind Hörbücher und Brettspiele."),
         ("Für die Samstage sucht das Team noch zwei weitere Helferinnen oder Helfer. Wer mitmachen möchte, kann sich "
         "während der Öffnungszeiten an der Ausleihtheke melden.")),
        rounds=(2,), campaign=(2,),
    ),
    Article(
        "round2_fire", "/landkreis/feuerwehr-seewang-neues-fahrzeug-4133.html",
        "Feuerwehr Seewang bekommt ein neues Löschfahrzeug", "2025-03-08T14:15:00+01:00",
        (("Die Freiwillige Feuerwehr Seewang hat ihr neues Löschfahrzeug in Dienst gestellt. Das Fahrzeug ersetzt "
         "einen Vorgänger aus dem Jahr 1991 und kostete rund 420.000 Euro."),
         ("Kommandant Felix Haberl dankte dem Gemeinderat für die Unterstützung. Die Einweihung mit Segnung ist für "
         "den Tag der offenen Tür im Juni geplant."),
         ("Das alte Fahrzeug geht an eine Partnerwehr in Siebenbürgen. Zwei Maschinisten überführen es im Mai und "
         "weisen die Kameraden dort in die Technik ein.")),
        rounds=(2,), campaign=(2,),
    ),
)
BY_KEY = {a.key: a for a in ARTICLES}
CONFIG = """[database]
path = "{{db}}"

[crawl]
user_agent = "storywatch-test/0.1 (+http://127.0.0.1/contact)"
download_delay = 0
concurrent_requests_per_domain = 1
timeout = 10
follow_related_links = false

[[sources]]
name = "Kreisecho"
url = "{{base:kreisecho}}/"
feeds = ["{{base:kreisecho}}/feed.atom"]

[[stories]]
id = "kreisstrasse"
title = "Hangrutsch an der Kreisstraße 12"
query = 'Kreisstraße OR Hangrutsch'
"""


def page(a: Article, rnd: int) -> str:
    """The article as served in a round: its paragraphs framed by the outlet's own lines."""
    paras = list(a.paragraphs) + [p for r in range(1, rnd + 1) for p in a.extra.get(r, ())]
    body = [f"<p>{escape(p, quote=False)}</p>" if p != CROSSHEAD else f"<h2>{escape(p)}</h2>" for p in paras]
    body.insert(min(2, len(body)), f'<p class="ke-tip">{escape(PROMO)}</p>')
    if rnd in a.campaign:
        body.insert(1, f'<p class="ke-aktion">{escape(CAMPAIGN)}</p>')
    titles = a.most_read.get(rnd)
    most_read = ('<div class="ke-leser"><strong>Gerade viel gelesen</strong>'
                 + "".join(f'<p><a href="/landkreis/t-{i}.html">{escape(t)}</a></p>' for i, t in enumerate(titles))
                 + "</div>") if titles else ""
    comments = f'<p class="ke-zahl">{a.comments[rnd]} Kommentare</p>' if rnd in a.comments else ""
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a.title,
            "datePublished": a.published, "author": {"@type": "Person", "name": "Lena Beispielhuber"},
            "publisher": {"@type": "Organization", "name": "Kreisecho"}}
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{escape(a.title)} | Kreisecho</title>
<meta property="og:site_name" content="Kreisecho"><meta property="og:type" content="article">
<link rel="canonical" href="{{{{base}}}}{a.path}">
<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script></head>
<body><header class="ke-kopf"><a href="/">Kreisecho</a> <nav><a href="/landkreis/">Landkreis</a>
<a href="/sport/">Sport</a></nav></header>
<main><article class="ke-artikel">
<div class="ke-pfad"><a href="/">Start</a> › <a href="/landkreis/">Landkreis</a></div>
<h1>{escape(a.title)}</h1>
<p class="ke-autor">Von Lena Beispielhuber</p>
{comments}
{chr(10).join(body)}
{most_read}
<p class="ke-serie">{escape(LABEL)}</p>
</article></main>
<footer><a href="/impressum.html">Impressum</a></footer></body></html>
"""


def feed(rnd: int) -> str:
    entries = []
    for a in ARTICLES:
        if rnd not in a.rounds:
            continue
        updated = a.updated.get(rnd) or a.updated.get(1) or a.published
        entries.append(f"""  <entry>
    <title>{escape(a.title)}</title>
    <link rel="alternate" type="text/html" href="{{{{base}}}}{a.path}"/>
    <id>tag:kreisecho.invalid,2025:{a.path}</id>
    <published>{a.published}</published>
    <updated>{updated}</updated>
  </entry>""")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <title>Kreisecho: Landkreis</title>
  <id>tag:kreisecho.invalid,2025:landkreis</id>
  <updated>2025-03-0{6 + 2 * (rnd - 1)}T20:00:00+01:00</updated>
{chr(10).join(entries)}
</feed>
"""


def write_web(root: Path) -> Path:
    """Write the web into `root` (two rounds and the config template); returns root."""
    for rnd in (1, 2):
        base = root / SITE / f"round{rnd}"
        base.mkdir(parents=True, exist_ok=True)
        (base / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")
        (base / "feed.atom").write_text(feed(rnd), encoding="utf-8")
        for a in ARTICLES:
            if rnd in a.rounds:
                path = base / a.path.lstrip("/")
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(page(a, rnd), encoding="utf-8")
    (root / "config.toml.tmpl").write_text(CONFIG, encoding="utf-8")
    return root
