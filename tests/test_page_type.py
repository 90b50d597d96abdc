"""The page-type judge (crawler.page_type) on the listing fixtures, the project's own article pages, the test webs,
and on small pages that isolate one signal each; the worker's listing branch and `storywatch extract` on a listing."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import pytest

from crawler import extract_command
from crawler.extract import ExtractOptions, parse_page
from crawler.items import Candidate
from crawler.page_type import PageHints, judge_page, page_hints, url_kind
from crawler.worker import extract_in_worker

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
LISTINGS = TESTS / "pages" / "listings"
INDEX = json.loads((LISTINGS / "index.json").read_text(encoding="utf-8"))
PARAGRAPHS = (
    ("Der Gemeinderat von Kellbach hat am Dienstagabend beschlossen, die alte Turnhalle an der Schulstraße nicht "
    "abzureißen, sondern bis zum Herbst 2026 zu sanieren. Die Kosten von rund 2,4 Millionen Euro trägt zu einem "
    "Drittel das Land."),
    ("Für die Vereine bedeutet das eine lange Übergangszeit: Der Turnverein weicht in die Halle des Gymnasiums aus, "
    "die Volleyballer trainieren bis auf Weiteres in Hollfeld. Der Vorsitzende sprach von einer vernünftigen "
    "Lösung."),
    ("Bürgermeisterin Anja Reuter sagte, ein Neubau wäre mehr als doppelt so teuer geworden. Die Sanierung soll im "
    "Frühjahr ausgeschrieben werden, der Baubeginn ist für die Sommerferien geplant."),
)


def _page(url: str, *, head: str = "", body: str) -> str:
    return (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Seite</title>{head}</head>'
            f'<body><header><a href="/">Kellbacher Zeitung</a><nav><a href="/politik/">Politik</a></nav></header>'
            f'{body}<footer><a href="/impressum/">Impressum</a></footer></body></html>')


def _article_body(headline: str = "Kellbach saniert die alte Turnhalle statt eines Neubaus") -> str:
    return f"<main><article><h1>{headline}</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article></main>"


def _teasers(n: int, *, summaries: bool = True) -> str:
    items = []
    for i in range(n):
        summary = f"<p>Kurz erklärt: Was die Entscheidung Nummer {i} für die Bürger im Ort bedeutet.</p>" if summaries \
            else ""
        items.append(f'<div class="teaser"><h3><a href="/lokales/meldung-aus-dem-ort-nummer-{i}-{4100 + i}.html">'
                     f"Meldung aus dem Ort Nummer {i} sorgt für Gesprächsstoff</a></h3>{summary}</div>")
    return "".join(items)


def _ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def _judge(html: str, url: str | None, hints: PageHints | None = None):  # type: ignore[no-untyped-def]
    return judge_page(parse_page(html), url, hints)


# --- the fixtures ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("entry", [e for e in INDEX if e["article"] is False], ids=lambda e: e["file"])
def test_listing_fixture_is_not_an_article(entry: dict) -> None:
    verdict = _judge((LISTINGS / entry["file"]).read_text(encoding="utf-8"), entry["url"])
    assert not verdict.is_article, verdict.describe(10)
    assert verdict.kind != "article"


@pytest.mark.parametrize("entry", [e for e in INDEX if e["article"] is True], ids=lambda e: e["file"])
def test_article_page_of_a_listing_outlet_is_an_article(entry: dict) -> None:
    verdict = _judge((LISTINGS / entry["file"]).read_text(encoding="utf-8"), entry["url"])
    assert verdict.is_article and verdict.kind == "article", verdict.describe(10)


@pytest.mark.parametrize("kind", ["home", "search", "author", "gallery", "video", "ticker_index"])
def test_listing_fixture_gets_its_kind(kind: str) -> None:
    entries = [e for e in INDEX if e["kind"] == kind]
    assert entries
    for entry in entries:
        verdict = _judge((LISTINGS / entry["file"]).read_text(encoding="utf-8"), entry["url"])
        assert verdict.kind == kind, (entry["file"], verdict.describe())


@pytest.mark.parametrize("page", sorted((TESTS / "pages").glob("*.html")), ids=lambda p: p.name)
def test_golden_article_page_is_an_article(page: Path) -> None:
    url = json.loads(page.with_suffix(".json").read_text(encoding="utf-8")).get("url")
    verdict = judge_page(parse_page(page.read_bytes()), url)  # bytes: one of them is windows-1252
    assert verdict.is_article, verdict.describe(10)


@pytest.mark.parametrize("web", [TESTS / "web", REPO / "crawler" / "demo" / "outlets"], ids=["test web", "demo"])
def test_crawl_webs_articles_are_articles_and_their_index_pages_are_not(web: Path) -> None:
    base = "http://127.0.0.9:8123"
    checked = 0
    for file in sorted(web.rglob("*.html")):
        parts = file.relative_to(web).parts  # site, round, path...
        path = "/" + "/".join(parts[2:])
        listing = file.name == "index.html" and len(parts) <= 4  # the home page and section pages, not /2025/01/x/
        html = re.sub(rb"\{\{base(:[^}]+)?\}\}", base.encode(), file.read_bytes())
        verdict = judge_page(parse_page(html), base + path.removesuffix("index.html"))
        assert verdict.is_article != listing, (file, verdict.describe())
        checked += 1
    assert checked > 20


# --- one signal at a time ----------------------------------------------------------------------------------------

def test_paragraphs_under_a_headline_make_an_article_without_any_metadata() -> None:
    verdict = _judge(_page("x", body=_article_body()), "https://www.kz.example/lokales/turnhalle-wird-saniert-4711.html")
    assert verdict.is_article
    assert any(name.startswith("body run") and value > 0 for name, value in verdict.evidence)


def test_teasers_with_summaries_make_a_listing_even_when_og_type_says_article() -> None:
    head = '<meta property="og:type" content="article">'
    verdict = _judge(_page("x", head=head, body=f"<main><h1>Lokales</h1>{_teasers(12)}</main>"),
                     "https://www.kz.example/lokales/")
    assert not verdict.is_article and verdict.kind == "section"
    names = [name for name, _ in verdict.evidence]
    assert "og:type article" in names and any("teaser" in n for n in names)


def test_short_agency_article_under_many_teasers_stays_an_article() -> None:
    head = '<meta property="og:type" content="article">'
    body = ("<main><article><h1>Feuer in Lagerhalle: Hoher Schaden in Hollfeld</h1><time>03.02.2025</time>"
            f"<p>Hollfeld (dpa) - {PARAGRAPHS[0]}</p><p>{PARAGRAPHS[2]}</p></article>"
            f"<section><h2>Mehr aus der Region</h2>{_teasers(14)}</section></main>")
    verdict = _judge(_page("x", head=head, body=body),
                     "https://www.kz.example/lokales/feuer-in-lagerhalle-hollfeld-4712.html")
    assert verdict.is_article, verdict.describe(10)
    assert ("dateline", 0.8) in verdict.evidence


def test_one_paragraph_without_any_metadata_under_summary_teasers_is_taken_for_a_listing() -> None:
    # The documented limit: nothing but one short paragraph (dateline and all) against 14 teasers with summaries.
    body = ("<main><article><h1>Feuer in Lagerhalle: Hoher Schaden in Hollfeld</h1>"
            f"<p>Hollfeld (dpa) - {PARAGRAPHS[0]}</p></article>"
            f"<section><h2>Mehr aus der Region</h2>{_teasers(14)}</section></main>")
    verdict = _judge(_page("x", body=body), "https://www.kz.example/lokales/feuer-in-lagerhalle-hollfeld-4712.html")
    assert not verdict.is_article and verdict.score > -3, verdict.describe(10)


def test_own_article_entity_inside_a_graph_counts() -> None:
    url = "https://www.kz.example/lokales/turnhalle-4711.html"
    ld = _ld({"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": url}, {"@type": "NewsArticle", "headline": "Turnhalle", "mainEntityOfPage": url}]})
    verdict = _judge(_page("x", head=ld, body=_article_body()), url)
    assert ("JSON-LD newsarticle about this page", 4.0) in verdict.evidence


def test_list_of_newsarticle_items_is_evidence_of_a_listing_not_of_an_article() -> None:
    url = "https://www.kz.example/lokales/"
    items = [{"@type": "ListItem", "position": i, "item": {"@type": "NewsArticle", "headline": f"Meldung {i}",
                                                           "url": f"https://www.kz.example/lokales/m-{i}.html"}}
             for i in range(5)]
    ld = _ld({"@context": "https://schema.org", "@type": "ItemList", "itemListElement": items})
    verdict = _judge(_page("x", head=ld, body=f"<main><h1>Lokales</h1>{_teasers(8)}</main>"), url)
    names = [n for n, _ in verdict.evidence]
    assert "JSON-LD lists 5 articles" in names and "JSON-LD itemlist" in names
    assert not any(n.startswith("JSON-LD newsarticle") for n in names)
    assert not verdict.is_article


def test_an_article_entity_about_another_url_is_not_the_pages_own() -> None:
    ld = _ld({"@context": "https://schema.org", "@type": "NewsArticle", "url": "https://www.kz.example/andere-4.html"})
    verdict = _judge(_page("x", head=ld, body=f"<main><h1>Lokales</h1>{_teasers(8)}</main>"),
                     "https://www.kz.example/lokales/")
    assert not any(n.startswith("JSON-LD newsarticle about") for n, _ in verdict.evidence)


def test_live_blog_is_an_article_and_its_updates_are_not_other_articles() -> None:
    url = "https://www.kz.example/lokales/liveblog-turnhalle-4713.html"
    ld = _ld({"@context": "https://schema.org", "@type": "LiveBlogPosting", "headline": "Liveblog", "url": url,
              "liveBlogUpdate": [{"@type": "BlogPosting", "headline": f"Update {i}", "url": f"{url}#u{i}"}
                                 for i in range(6)]})
    entries = "".join(f"<div class='entry'><time>0{i}:00</time><h2>Neu um {i} Uhr</h2><p>{p}</p></div>"
                      for i, p in enumerate(PARAGRAPHS))
    verdict = _judge(_page("x", head=ld, body=f"<main><h1>Liveblog zur Turnhalle</h1>{entries}</main>"), url)
    assert verdict.is_article
    assert ("JSON-LD liveblogposting about this page", 4.0) in verdict.evidence
    assert not any("lists" in n for n, _ in verdict.evidence)


def test_paywalled_teaser_article_is_an_article() -> None:
    url = "https://www.kz.example/plus/turnhalle-hintergrund-4714.html"
    ld = _ld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Turnhalle", "url": url,
              "isAccessibleForFree": "False"})
    body = (f"<main><article><h1>Was hinter der Sanierung der Turnhalle steckt</h1><p>{PARAGRAPHS[0]}</p>"
            "<div class='paywall'>Jetzt weiterlesen mit KZ+</div></article>" + _teasers(10) + "</main>")
    verdict = _judge(_page("x", head=ld, body=body), url)
    assert verdict.is_article and ("paywall", 1.5) in verdict.evidence


def test_page_without_text_is_not_called_a_listing() -> None:
    # A page whose text a script fills in: no evidence of teasers, so the extraction decides (and finds no text).
    verdict = _judge(_page("x", body="<div id='app'></div>"), "https://www.kz.example/lokales/turnhalle-4715.html")
    assert verdict.is_article


def test_site_root_and_listing_paths_are_evidence() -> None:
    assert url_kind("https://www.kz.example/") == "home"
    assert url_kind("https://www.kz.example/?p=2895") is None  # a WordPress article chosen by its query
    assert url_kind("https://www.kz.example/suche/?q=turnhalle") == "search"
    assert url_kind("https://www.kz.example/autoren/anja-reuter/") == "author"
    assert url_kind("https://www.kz.example/thema/turnhalle/") == "tag"
    assert url_kind("https://www.kz.example/2025/02/") == "archive"
    assert url_kind("https://www.kz.example/2025/02/turnhalle-wird-saniert/") is None
    assert url_kind("https://www.kz.example/lokales/turnhalle-wird-saniert-4711.html") is None


def test_news_sitemap_hint_and_listed_title_add_evidence() -> None:
    headline = "Kellbach saniert die alte Turnhalle statt eines Neubaus"
    html = _page("x", body=_article_body(headline))
    url = "https://www.kz.example/lokales/turnhalle-4711.html"
    plain = _judge(html, url)
    hinted = _judge(html, url, PageHints(via="sitemap", news_sitemap=True, listed_title=headline))
    assert hinted.score == pytest.approx(plain.score + 1.0 + 0.8)
    cand = Candidate(url=url, source="KZ", via="sitemap", title=headline, published="2025-02-03")
    assert page_hints(cand) == PageHints(via="sitemap", news_sitemap=True, listed_title=headline)
    assert not page_hints(Candidate(url=url, source="KZ", via="sitemap", updated="2025-02-03")).news_sitemap


def test_verdict_describes_itself_with_kind_score_and_strongest_evidence() -> None:
    verdict = _judge(_page("x", body=f"<main><h1>Lokales</h1>{_teasers(12)}</main>"), "https://www.kz.example/")
    text = verdict.describe(3)
    assert text.startswith("home (score -") and text.count(",") == 2
    assert abs(verdict.evidence[0][1]) >= abs(verdict.evidence[-1][1])


# --- the worker and the extract command ----------------------------------------------------------------------------

def test_worker_returns_a_listings_article_links_instead_of_extracting_it() -> None:
    html = _page("x", body=f"<main><h1>Lokales</h1>{_teasers(6)}<a href='https://else.example/x-y-z-1.html'>"
                           "Woanders: ein Bericht mit Titel</a></main>")
    result = extract_in_worker(html.encode(), "text/html; charset=utf-8", "https://www.kz.example/lokales/",
                               ExtractOptions(), source="KZ")
    assert result.extracted is None and result.error is None
    assert result.verdict is not None and not result.verdict.is_article
    assert [c.url for c in result.links] == [f"https://www.kz.example/lokales/meldung-aus-dem-ort-nummer-{i}-"
                                             f"{4100 + i}.html" for i in range(6)]
    assert {c.via for c in result.links} == {"listing"} and {c.source for c in result.links} == {"KZ"}


def test_worker_extracts_a_trusted_seed_even_when_it_looks_like_a_listing() -> None:
    html = _page("x", body=f"<main><h1>Lokales</h1>{_teasers(6)}</main>")
    result = extract_in_worker(html.encode(), "text/html", "https://www.kz.example/lokales/", ExtractOptions(),
                               trusted=True)
    assert result.verdict is not None and not result.verdict.is_article
    assert result.extracted is not None and result.links == ()


def test_worker_extracts_an_article_and_keeps_the_verdict() -> None:
    result = extract_in_worker(_page("x", body=_article_body()).encode(), "text/html",
                               "https://www.kz.example/lokales/turnhalle-4711.html", ExtractOptions())
    assert result.extracted is not None and "Turnhalle" in result.extracted.text
    assert result.verdict is not None and result.verdict.is_article


def _extract(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    extract_command.add_arguments(parser)
    return extract_command.run(parser.parse_args(list(argv)))


def test_extract_command_reports_a_listing_as_not_article_with_its_kind(capsys: pytest.CaptureFixture[str]) -> None:
    entry = next(e for e in INDEX if e["kind"] == "section" and e["article"] is False)
    code = _extract("--jsonl", str(LISTINGS / entry["file"]), "--url", entry["url"])
    obj = json.loads(capsys.readouterr().out)
    assert code == 1
    assert set(obj) == {"input", "error"}
    assert obj["error"].startswith("not_article: section (score -")


def test_extract_command_extracts_a_listing_with_any_page(capsys: pytest.CaptureFixture[str]) -> None:
    entry = next(e for e in INDEX if e["kind"] == "section" and e["article"] is False)
    code = _extract("--json", "--any-page", str(LISTINGS / entry["file"]), "--url", entry["url"])
    obj = json.loads(capsys.readouterr().out)
    assert code == 0 and "error" not in obj and obj["text"]
