"""A two-outlet test web whose sitemap and feed list home, section, tag, river and author pages next to articles,
written in OutletWeb's layout (crawler/demo/server.py) for tests/test_listing_crawl.py.

- `blick` (the Tagesblick portal of tests/pages/listings): a plain sitemap without news fields lists its home page,
  a section page and a topic page next to two articles; the other articles are linked only from those listings.
- `courier` (the Harbor City Courier): an RSS feed lists its "Latest news" river and an author page next to one
  article; the other articles are linked only from the listings.

Round 2 changes every listing's teasers (new articles appear on them, old ones move down) and announces the change
with newer `lastmod` / `pubDate` values; no article changes, but one listed article is taken down and its address
shows the section's teasers instead (`taken_down`).  So a listing stored as an article would come back as a
new version, and one that joined the story would carry every headline of the day.

Every page is rendered from tests/pages/listings/make_listings.py's templates and content (invented text).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from testmodules import load_module

LISTINGS = Path(__file__).resolve().parent / "pages" / "listings"
B = "{{base}}"
STORY_QUERY = "Sarnbrücke* OR Sarnbruecke OR harbour"


def _templates() -> ModuleType:
    return load_module("listing_templates", LISTINGS / "make_listings.py")


@dataclass(frozen=True)
class ListingWeb:
    """What the test needs to know about the web it built: every listing path and every article path per round."""

    listings: dict[str, tuple[str, ...]]  # site -> listing paths (the same in both rounds)
    listed_articles: dict[str, tuple[str, ...]]  # site -> article paths the sitemap or feed names (round 1)
    linked_round1: dict[str, tuple[str, ...]]  # site -> article paths linked only from listings in round 1
    linked_round2: dict[str, tuple[str, ...]]  # site -> article paths new in round 2, linked only from listings
    taken_down: tuple[str, str]  # (site, path) of the article whose address shows a listing in round 2


def build(root: Path) -> ListingWeb:
    """Write the web into `root` (config.toml.tmpl and the site folders) and say what is where."""
    m = _templates()
    root.mkdir(parents=True, exist_ok=True)
    (root / "config.toml.tmpl").write_text(CONFIG, encoding="utf-8")
    blick = _blick(m, root / "blick")
    courier = _courier(m, root / "courier")
    return ListingWeb(
        listings={"blick": blick[0], "courier": courier[0]},
        listed_articles={"blick": blick[1], "courier": courier[1]},
        linked_round1={"blick": blick[2], "courier": courier[2]},
        linked_round2={"blick": blick[3], "courier": courier[3]},
        taken_down=("blick", blick[1][1]),
    )


def _write(site: Path, round_: int, path: str, text: str) -> None:
    file = site / f"round{round_}" / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")


def _paths(pages: dict[str, str], articles: dict[str, object]) -> set[str]:
    """The article paths the rendered pages link to."""
    return {href for text in pages.values() for href in re.findall(r'href="(/[^"#]+)"', text) if href in articles}


def _write_round(site: Path, rnd: int, pages: dict[str, str], by_path: dict[str, Any], written: dict[int, set[str]],
                 article_page: Callable[[Any, str], str]) -> set[str]:
    """Write a round's listing pages and every article they link to that no earlier round wrote; those paths."""
    for path, text in pages.items():
        _write(site, rnd, path, text)
    articles = _paths(pages, by_path) - set().union(set(), *written.values())
    for path in sorted(articles):
        _write(site, rnd, path, article_page(by_path[path], path))
    return articles


def _paragraphs(t: Any, lang: str) -> str:
    return "".join(f"<p>{html.escape(p)}</p>\n" for p in _body(t, lang))


def _body(t: object, lang: str) -> list[str]:
    """Three paragraphs of an article of its own for a teaser: distinct texts, so no two are near-duplicates."""
    head, kicker, summary = t.headline, t.kicker, t.summary  # type: ignore[attr-defined]
    if lang == "de":
        return [summary,
                (f"Zum Thema {kicker} berichtet die Redaktion seit Wochen. Unter der Überschrift „{head}“ fasst "
                "dieser Bericht zusammen, was bisher bekannt ist und wer die nächsten Schritte entscheidet."),
                (f"Betroffene aus der Region schildern, was „{head}“ für ihren Alltag bedeutet. Eine Entscheidung "
                f"der zuständigen Stellen zu {kicker} wird für die kommenden Wochen erwartet.")]
    return [summary,
            (f"Our {kicker.lower()} desk has followed the matter for weeks. Under the headline '{head}' this report "
            "sums up what is known so far and who decides what happens next."),
            (f"People across the region describe what '{head}' means for their daily lives. A decision on "
            f"{kicker.lower()} is expected in the coming weeks.")]


def _blick(m: ModuleType, site: Path) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    teasers = m.DE_TEASERS
    r1 = {"home": teasers[0:5], "section": (teasers[1], teasers[5]), "topic": (teasers[0], teasers[6])}
    r2 = {"home": teasers[2:10], "section": (teasers[8], teasers[1], teasers[5]),
          "topic": (teasers[9], teasers[0], teasers[6])}
    listed = (teasers[0], teasers[1])
    listings = ("/", "/nachrichten/politik/", "/thema/sarnbruecke/")
    by_path = {m.portal_href(t): t for t in teasers}
    written: dict[int, set[str]] = {}
    for rnd, sel in ((1, r1), (2, r2)):
        pages = {
            "/": m.portal_page("Nachrichten, Hintergründe und Service", f"{B}/", '<section class="stage">'
                               '<h2 class="section-title">Top-Themen</h2>\n'
                               + "".join(m.portal_card(t) for t in sel["home"]) + "</section>\n"),
            "/nachrichten/politik/": m.portal_page("Politik", f"{B}/nachrichten/politik/", '<h1 class="page-title">'
                                                   'Politik</h1>\n<div class="teaser-list">\n'
                                                   + "".join(m.portal_card(t) for t in sel["section"]) + "</div>\n"),
            "/thema/sarnbruecke/": m.portal_page(
                "Sarnbrücke: Aktuelle Nachrichten", f"{B}/thema/sarnbruecke/",
                '<div class="topic-header"><h1>Sarnbrücke</h1><div class="topic-intro">'
                + "".join(f"<p>{html.escape(p)}</p>" for p in m.DE_TOPIC_INTRO) + '</div></div>\n'
                '<div class="teaser-list">\n' + "".join(m.portal_card(t) for t in sel["topic"]) + "</div>\n",
                og_type="article"),
        }
        written[rnd] = _write_round(site, rnd, pages, by_path, written, lambda t, path: m.portal_page(
            t.headline, f"{B}{path}", f'<article class="article"><header><span class="kicker">{html.escape(t.kicker)}'
            f'</span><h1>{html.escape(t.headline)}</h1><time datetime="{t.time}">{m.de_time(t.time)}</time></header>'
            f'\n<div class="article-body">\n{_paragraphs(t, "de")}</div></article>\n', og_type="article"))
        lastmod = "2025-01-21T06:00:00+00:00" if rnd == 1 else "2025-01-22T06:00:00+00:00"
        urls = [(p, lastmod) for p in listings] + [(m.portal_href(t), t.time) for t in listed]
        if rnd == 2:
            # The second listed article was taken down: its address now shows the section's teasers, and the
            # sitemap announces the change.  A listing must not become the article's next version.
            gone = m.portal_href(listed[1])
            _write(site, rnd, gone, pages["/nachrichten/politik/"].replace("/nachrichten/politik/", gone, 2))
            urls[-1] = (gone, lastmod)
        _write(site, rnd, "/sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?>\n'
               '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
               + "".join(f"  <url><loc>{B}{p}</loc><lastmod>{mod}</lastmod></url>\n" for p, mod in urls)
               + "</urlset>\n")
    listed_paths = tuple(m.portal_href(t) for t in listed)
    return (listings, listed_paths, tuple(sorted(written[1] - set(listed_paths))), tuple(sorted(written[2])))


def _courier(m: ModuleType, site: Path) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    teasers = m.EN_TEASERS
    r1 = {"river": teasers[0:4], "author": (teasers[1], teasers[4])}
    r2 = {"river": teasers[2:7], "author": (teasers[5], teasers[1], teasers[4])}
    listed = teasers[0]
    listings = ("/news/latest/", "/users/profile/martin-okafor/")
    by_path = {m.courier_href(t): t for t in teasers}
    written: dict[int, set[str]] = {}
    for rnd, sel in ((1, r1), (2, r2)):
        pages = {
            "/news/latest/": m.courier_page("Latest news", f"{B}/news/latest/", '<h1>Latest news</h1>\n'
                                            '<div class="river">\n' + "".join(m.courier_item(t) for t in sel["river"])
                                            + "</div>\n"),
            "/users/profile/martin-okafor/": m.courier_page(
                "Martin Okafor", f"{B}/users/profile/martin-okafor/",
                f'<div class="user-profile"><h1>Martin Okafor</h1><p>{html.escape(m.EN_AUTHOR_BIO[0])}</p></div>\n'
                '<h2>Recent stories</h2>\n<div class="river">\n' + "".join(m.courier_item(t) for t in sel["author"])
                + "</div>\n", og_type="profile"),
        }
        written[rnd] = _write_round(site, rnd, pages, by_path, written, lambda t, path: m.courier_page(
            t.headline, f"{B}{path}", f'<article><h1 class="headline">{html.escape(t.headline)}</h1><p class="tnt-'
            f'byline">By Dana Whitfield</p>\n<div class="asset-content">\n{_paragraphs(t, "en")}</div></article>\n',
            og_type="article"))
        stamp = "Mon, 10 Feb 2025 09:00:00 GMT" if rnd == 1 else "Tue, 11 Feb 2025 09:00:00 GMT"
        items = [(p, stamp, title) for p, title in zip(listings, ("Latest news", "Martin Okafor"), strict=True)]
        items.append((m.courier_href(listed), "Mon, 10 Feb 2025 08:20:00 GMT", listed.headline))
        _write(site, rnd, "/feed.rss", '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
               "<title>Harbor City Courier</title>\n"
               + "".join(f"<item><title>{html.escape(title)}</title><link>{B}{p}</link><pubDate>{when}</pubDate>"
                         "</item>\n" for p, when, title in items)
               + "</channel></rss>\n")
    listed_path = m.courier_href(listed)
    return (listings, (listed_path,), tuple(sorted(written[1] - {listed_path})), tuple(sorted(written[2])))


CONFIG = """# storywatch config for the listing test web (tests/listingweb.py); the server fills the placeholders.

[database]
path = "{{db}}"

[crawl]
user_agent = "storywatch-listings/0.1 (+http://127.0.0.1/contact)"
obey_robots_txt = false
download_delay = 0
concurrent_requests_per_domain = 4
timeout = 10
follow_related_links = false

[[sources]]
name = "Tagesblick"
url = "{{base:blick}}/"
sitemaps = ["{{base:blick}}/sitemap.xml"]

[[sources]]
name = "Harbor City Courier"
url = "{{base:courier}}/"
feeds = ["{{base:courier}}/feed.rss"]

[[stories]]
id = "listings"
title = "Every teaser matches this story"
query = '""" + STORY_QUERY + """'
"""
