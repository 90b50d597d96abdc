"""Who wrote an article: one normalisation for every author source, and the agency of wire copy.

The pages are written for these tests (invented outlets, people and places); each pins one way a byline carries
more than names: a glued prefix, a time, a place, a desk, the outlet itself, a picture's credit.
"""

from __future__ import annotations

import pytest

from crawler.byline import dateline_place, is_desk, normalize_byline
from crawler.extract import extract_page

BODY = ("Der Gemeinderat von Kellbach hat am Montagabend beschlossen, die alte Fähre über den Sarn bis zum "
        "Sommer wieder in Betrieb zu nehmen, obwohl die Kosten für die Reparatur deutlich gestiegen sind.")


@pytest.mark.parametrize("raw,people,agencies", [
    (["Von Karla Bremer"], ["Karla Bremer"], []),
    (["VonKreisblatt Redaktion"], [], []),  # a prefix glued to a desk, as '<span>Von</span><span>...' renders
    (["VonKarla Bremer"], ["Karla Bremer"], []),
    (["Vonnegut Beispiel"], ["Vonnegut Beispiel"], []),  # a name that starts like the prefix keeps it
    (["BYRNE ANN"], ["BYRNE ANN"], []),  # a name in capitals that starts like the prefix
    (["von Jonas Feld, SENDER NORD Stand: 3. Mai 2024, 07:15 Uhr"], ["Jonas Feld"], []),
    (["Jonas Feld, 07:15 Uhr"], ["Jonas Feld"], []),
    (["By Ann Example on 03.05.2024"], ["Ann Example"], []),
    (["Marta Ries und Ole Brand, Mombasa"], ["Marta Ries", "Ole Brand"], []),  # the place they write from
    (["Redaktion"], [], []),
    (["unserer Redaktion"], [], []),
    (["Online-Redaktion"], [], []),
    (["Newsdesk"], [], []),
    (["The Editorial Team"], [], []),
    (["Text: Eva Muster, dpa"], ["Eva Muster"], ["dpa"]),
    (["Deutsche Presse-Agentur"], [], ["dpa"]),
    (["Kreisblatt"], [], []),  # the outlet's own name (source)
])
def test_a_byline_keeps_people_and_agencies_only(raw: list[str], people: list[str], agencies: list[str]) -> None:
    found: list[str] = []
    assert normalize_byline(raw, source="Kreisblatt", host="www.kreisblatt.example", agencies=found) == people
    assert found == agencies


@pytest.mark.parametrize("part,desk", [
    ("BR9 Redaktion", True), ("Politik-Team", True), ("Newsroom", True), ("Karla Bremer", False),
    ("Ole Redakteur", False),
])
def test_a_desk_is_no_person(part: str, desk: bool) -> None:
    assert is_desk(part) is desk


@pytest.mark.parametrize("lines,place", [
    (["NAIROBI – " + BODY], "NAIROBI"),
    (["Mombasa/Nairobi (dpa) - " + BODY], "Mombasa/Nairobi"),
    ([BODY], None),
    (["Kellbach: Fähre fährt wieder"], None),  # a short title line, no dateline
])
def test_the_dateline_place_of_a_text(lines: list[str], place: str | None) -> None:
    assert dateline_place(lines) == place


def _page(head: str, body: str) -> str:
    return (f"<html lang='de'><head><title>Fähre fährt wieder</title>{head}</head><body><article>"
            f"<h1>Fähre fährt wieder</h1>{body}<p>{BODY}</p><p>{BODY}</p></article></body></html>")


def test_a_place_named_in_the_meta_byline_and_the_dateline_is_no_author() -> None:
    page = _page("<meta name='author' content='Marta Ries und Ole Brand, Mombasa'>",
                 f"<p>MOMBASA – {BODY}</p>")
    assert extract_page(page, "https://www.kreisblatt.example/a").author == "Marta Ries, Ole Brand"


def test_a_desk_byline_of_wire_copy_gives_the_agency_as_author() -> None:
    page = _page("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"Fähre fährt "
                 "wieder\", \"author\": [{\"@type\": \"Person\", \"name\": \"Kreisblatt Redaktion\"}]}</script>",
                 "<div class='meta'><span class='author'>Von</span><span class='author'>Kreisblatt Redaktion"
                 "</span></div>")
    page = page.replace("</article>", "<p>mit dpa</p></article>")
    ext = extract_page(page, "https://www.kreisblatt.example/a")
    assert (ext.author, ext.agency) == ("dpa", "dpa")


def test_structured_data_naming_an_agency_wins_over_a_teasers_byline() -> None:
    page = _page("<meta name='author' content='Kreisblatt'><script type='application/ld+json'>{\"@type\": "
                 "\"NewsArticle\", \"headline\": \"Fähre fährt wieder\", \"author\": {\"@type\": \"Organization\", "
                 "\"name\": \"AFP\"}}</script>",
                 "<div class='article-author'>Von unserer Redaktion</div>")
    page = page.replace("</article>", "</article><div class='recommendation'><div class='card-author'>Von Ole "
                        "Brand</div><a href='/b'>Ein anderer Artikel</a></div>")
    ext = extract_page(page, "https://www.kreisblatt.example/a")
    assert (ext.author, ext.agency) == ("AFP", "AFP")


def test_an_agencys_own_site_is_no_wire_copy() -> None:
    page = _page("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"Fähre fährt "
                 "wieder\", \"author\": {\"@type\": \"Organization\", \"name\": \"AFP\"}}</script>",
                 "<div class='byline'>Von Ole Brand</div>")
    assert extract_page(page, "https://faktencheck.afp.example/a").author == "Ole Brand"


@pytest.mark.parametrize("box", [
    # a chart's caption and its source line in the picture's box
    ("<div class='x1'><div class='x2'><picture><img src='c.png'></picture></div><div class='x3'>Die Zahl der "
    "Fähren ist gesunken.</div><div class='x4'>Quelle: AFP</div></div>"),
    # a picture's credit in a box named 'source'
    "<div class='media-box'><img src='f.jpg'><span class='media-source'>Jana Beispiel/AFP</span></div>",
])
def test_a_picture_credit_names_no_agency(box: str) -> None:
    page = _page("<meta name='author' content='Ole Brand'>", box)
    ext = extract_page(page, "https://www.kreisblatt.example/a")
    assert (ext.author, ext.agency) == ("Ole Brand", None)


def test_a_contributors_box_names_author_and_agency() -> None:
    page = _page("", "<div class='c-contributors'>Von <a href='https://social.example/x'>Marta Ries</a> mit "
                 "<b>AP</b></div>")
    ext = extract_page(page, "https://www.kreisblatt.example/a")
    assert (ext.author, ext.agency) == ("Marta Ries", "AP")


@pytest.mark.parametrize("byline", [
    "<p class='meta-info'>von <a href='/autoren/name/ole-brand'>Dr. Ole Brand</a></p>",  # a link to his page
    "<ul class='metaInfoAuthorList'><li>Dr. Ole Brand</li></ul>",  # a class named in camel case
])
def test_the_byline_in_the_article_names_the_author_not_a_teasers(byline: str) -> None:
    page = _page("<meta name='author' content='Kreisblatt'>", byline)
    page = page.replace("</article>", "</article><div class='articleBox'><ul class='articleBox__authorList'>"
                        "<li>Marta Ries</li></ul><h3><a href='/b'>Ein anderer Artikel</a></h3></div>")
    assert extract_page(page, "https://www.kreisblatt.example/a").author == "Dr. Ole Brand"
