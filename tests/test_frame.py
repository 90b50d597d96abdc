"""The article's frame judged by position and shape (crawler/frame.py): what goes before the body and after it."""

from __future__ import annotations

import pytest
from lxml.html import fromstring

from crawler.frame import Frame, is_sentence, trim_frame

LEAD = ("Die Gemeinde Hollbach hat am Dienstag beschlossen, die alte Turnhalle abzureißen und an ihrer Stelle ein "
        "Bürgerhaus zu bauen.")
BODY = ("Der Gemeinderat stimmte mit elf zu vier Stimmen für den Abriss. Die Halle war seit einem Wasserschaden im "
        "vergangenen Winter gesperrt, eine Sanierung hätte nach einem Gutachten mehr gekostet als ein Neubau.")
TITLE = "Hollbach reißt die alte Turnhalle ab"
OUTLET = Frame.of((TITLE, "Turnhalle: Hollbach plant ein Bürgerhaus"), ("Seetaler Bote",), ("www.seetaler-bote.example",),
                  (TITLE,))


def trim(lines: list[str], tree_html: str | None = None, frame: Frame = OUTLET) -> list[str]:
    kept, _ = trim_frame(lines, frame, fromstring(tree_html) if tree_html else None)
    return kept


@pytest.mark.parametrize("header", [
    ["Gemeinderat", TITLE],  # a kicker above the headline
    [f"Gemeinderat {TITLE}"],  # a kicker glued to the headline
    ["Turnhalle : Hollbach plant ein Bürgerhaus"],  # another version of the headline
    ["|", "-"],  # lines without a letter
    ["Stand: 14.01.2025, 09:41 Uhr"],  # a date stamp
])
def test_header_furniture_before_the_body_goes(header: list[str]) -> None:
    assert trim([*header, LEAD, BODY]) == [LEAD, BODY]


def test_a_kicker_right_above_the_headline_element_goes_though_the_text_lacks_the_headline() -> None:
    page = (f"<html><body><article><span class='topic'>Leben</span><div><h2>{TITLE}</h2></div>"
            f"<p>{LEAD}</p><p>{BODY}</p></article></body></html>")
    assert trim(["Leben", LEAD, BODY], page) == [LEAD, BODY]


@pytest.mark.parametrize("element", ["<h2 class='visually-hidden'>Hauptinhalt</h2>", "<a href='/tag/turnhalle'>Turnhalle</a>"])
def test_hidden_labels_and_link_labels_in_the_header_go(element: str) -> None:
    label = "Hauptinhalt" if "Haupt" in element else "Turnhalle"
    page = f"<html><body><h1>{TITLE}</h1>{element}<p>{LEAD}</p><p>{BODY}</p></body></html>"
    assert trim([label, LEAD, BODY], page) == [LEAD, BODY]


def test_the_buttons_of_a_tool_bar_in_the_header_go_and_a_summary_list_stays() -> None:
    tools = ("<ul class='bar'><li data-x='1'>Artikel drucken<span aria-label='Drucken'></span></li>"
             "<li>Fehler melden: <span>Hollbach</span> steht<svg></svg></li></ul>")
    page = f"<html><body><h1>{TITLE}</h1>{tools}<p>{LEAD}</p><p>{BODY}</p></body></html>"
    assert trim(["Artikel drucken", "Fehler melden:", "steht", LEAD, BODY], page) == [LEAD, BODY]
    summary = "<ul><li>Mittlerweile 640 Tote im Westjordanland</li><li>Neue Gespräche in Kairo</li></ul>"
    page = f"<html><body><h1>{TITLE}</h1>{summary}<p>{LEAD}</p><p>{BODY}</p></body></html>"
    lines = ["- Mittlerweile 640 Tote im Westjordanland", "- Neue Gespräche in Kairo", LEAD, BODY]
    assert trim(lines, page) == lines


@pytest.mark.parametrize("line", [
    "Hollbach",  # a short first line that no element marks: a dateline, kept
    "- Mittlerweile 640 Tote im Westjordanland (05.19 Uhr)",  # a live ticker's summary item
    "12.31 Uhr: Zeitung lehnt die Aussagen des Ministers ab",  # a ticker entry's heading
])
def test_short_lines_up_front_that_nothing_marks_as_furniture_stay(line: str) -> None:
    page = f"<html><body><h1>{TITLE}</h1><p>{line}</p><p>{LEAD}</p><p>{BODY}</p></body></html>"
    assert trim([line, LEAD, BODY], page) == [line, LEAD, BODY]


@pytest.mark.parametrize("tail", [
    ["Seetaler Bote (kbr/mwe)"],  # a credit naming the outlet
    ["mit dpa"],  # an agency credit
    ["Der Seetaler Bote ist auch auf Instagram und Threads unterwegs."],  # a statement about the outlet
    ["Lokalnachrichten aufs Smartphone: Hier geht es zur App des Seetaler Boten."],  # inflected, in a compound
    ["Genau das ist unser Ziel, und dabei können Sie uns unterstützen."],  # the outlet's voice to its reader
    ["Quelle: Seetaler Bote, dpa", "Sendung: Seetaler Bote am Morgen, 12.03.2025, 07:30 Uhr"],
])
def test_tail_furniture_after_the_body_goes(tail: list[str]) -> None:
    assert trim([LEAD, BODY, *tail]) == [LEAD, BODY]


@pytest.mark.parametrize("line", [
    "„Wir bauen das Bürgerhaus bis 2027“, sagte der Bürgermeister dem Seetaler Boten.",  # reported speech
    "Die Gemeinde hatte dem Seetaler Boten auf Anfrage keine Zahlen genannt.",  # the outlet's own reporting
    "Der Abriss soll im Frühjahr beginnen.",  # article text that names nobody
])
def test_the_last_lines_of_the_article_stay(line: str) -> None:
    assert trim([LEAD, BODY, line]) == [LEAD, BODY, line]


def test_the_outlets_name_inside_the_body_is_never_touched() -> None:
    inside = "Der Seetaler Bote hatte im Herbst als erster über die Schäden an der Halle geschrieben."
    assert trim([LEAD, inside, BODY]) == [LEAD, inside, BODY]


def test_a_one_word_name_matches_only_as_written_and_a_host_only_as_a_domain() -> None:
    welt = Frame.of((), ("DIE WELT",), ("www.welt.de",))
    assert welt.names_outlet("Korrespondent Max Muster ist bei WELT für die Länder zuständig.")
    assert welt.names_outlet("Mehr auf welt.de")
    assert not welt.names_outlet("Die ganze Welt schaut auf Hollbach.")
    assert not welt.names_outlet("Fragen an info@welt.de")


def test_a_sentence_is_prose_of_six_words_or_more() -> None:
    assert is_sentence(LEAD) and not is_sentence("Gemeinderat") and not is_sentence("Mehr zum Thema:")
