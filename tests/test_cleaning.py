"""Boilerplate rule families, source patterns, learned per-site boilerplate, charset decoding and metadata."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from crawler.agency import find_agencies
from crawler.cleaning import clean_paragraphs, drop_family, paragraph_hash
from crawler.extract import ExtractionError, ExtractOptions, decode_html, extract_page
from crawler.frame import Frame
from crawler.metadata import normalize_date, strip_site_suffix
from crawler.rules import RuleError, builtin_rules, compile_drop_patterns, gate_of
from crawler.site_boilerplate import drop_learned, same_but_boilerplate
from storage import open_database
from storage.boilerplate import learned_hashes, record_paragraphs

BODY = ("Der Stadtrat hat am Dienstagabend mit knapper Mehrheit beschlossen, das alte Hallenbad bis zum Jahr "
        "2027 zu sanieren, statt es abzureißen und an anderer Stelle einen Neubau zu errichten.")

BOILERPLATE = {
    "social": ["Folgen Sie der Rundschau schon bei WhatsApp, Facebook und Instagram?",
               "Teilen Facebook WhatsApp E-Mail", "Follow us on Twitter for the latest updates"],
    "newsletter": ["Jetzt den kostenlosen Newsletter abonnieren!", "Sign up for our daily newsletter here.",
                   "Laden Sie sich jetzt unsere App im App Store herunter."],
    "teaser": ["Lesen Sie auch: Warum das Hallenbad so teuer wird", "Mehr zum Thema", "Auch interessant",
               "Related: Council approves budget", "Das könnte Sie auch interessieren"],
    "credit": ["Foto: picture alliance/dpa | Max Muster", "Bild: Imago Images", "Photo: Getty Images"],
    "agency": ["© dpa-infocom, dpa:250314-99-123456/3", "(dpa/lno)", "Mit Material von dpa und AFP",
               "Copyright 2024 The Associated Press. All rights reserved."],
    "standards": ["Erfahren Sie hier mehr über die journalistischen Standards und die Unabhängigkeit unserer Redaktion.",
                  "Dieser Text wurde mit Hilfe von KI erstellt und von der Redaktion geprüft.",
                  "Our Standards: The Thomson Reuters Trust Principles.",
                  "Dieser Artikel enthält Affiliate-Links."],
    "ad": ["Anzeige", "ADVERTISEMENT", "Artikel geht unter der Anzeige weiter"],
    "consent": ["Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten.",
                "Externer Inhalt: Um diesen Inhalt anzuzeigen, benötigen wir Ihre Zustimmung.",
                "We use cookies to personalise content. Accept all cookies?"],
    "comments": ["34 Kommentare", "Kommentare (12)", "Leave a comment"],
    # Kinds of issue 14, in wordings the rules were not written from: any outlet's paid tier, follow lines of any
    # brand, any agency's import note, pointers to other articles.
    "promo": ["Rundschau-Plus: Alle Artikel für 1 Euro im ersten Monat",
              "Das Digital-Abo des Kreisblatts: drei Monate für 3 Euro, danach monatlich kündbar.",
              "Read every story with unlimited access for $2 a week.",
              # Austrian 'um' for the price (tests/unseenweb.py's tabloid).
              "Express+ Jetzt 4 Wochen um 0,99 Euro testen und alle Plus-Artikel lesen",
              "Nur für Plus-Leser", "K+",
              "Hintergründe aus dem Landkreis – für Sie ausgewählt"],
    "import": ["Der Beitrag wurde automatisiert aus dem epd-Basisdienst übernommen und redaktionell nicht geprüft.",
               "This article was generated automatically from a Reuters wire item and has not been reviewed.",
               # The unseen web's Austrian tabloid (tests/unseenweb.py): 'Bericht', a noun the rule lacked.
               "Dieser Bericht wurde automatisiert aus dem Dienst der APA übernommen und nicht redaktionell bearbeitet."],
    "follow": ["Keine Eilmeldung mehr verpassen: Kreisblatt bei Google News als bevorzugte Quelle hinzufügen",
               "Das Kreisblatt auch bei Social Media – auf TikTok, Instagram und Facebook."],
    "pointer": ["Zum Liveblog: Alle Entwicklungen im Überblick", "Mehr dazu lesen Sie in unserem Schwerpunkt Wasser:"],
}
# Kinds that the rules file files under an older family name.
FAMILY_OF = {"import": "agency", "follow": "social", "pointer": "teaser"}


@pytest.mark.parametrize("family,line", [(f, line) for f, lines in BOILERPLATE.items() for line in lines])
def test_rule_family_drops_its_boilerplate(family: str, line: str) -> None:
    cleaned = clean_paragraphs([BODY, line])
    assert cleaned.paragraphs == (BODY,)
    assert cleaned.dropped[0][1] == line


def test_every_family_is_covered_by_the_builtin_rules() -> None:
    assert {FAMILY_OF.get(f, f) for f in BOILERPLATE} <= builtin_rules().families


@pytest.mark.parametrize("line", [
    "Die Feuerwehr teilte auf Facebook mit, dass die Straße wieder frei sei, und bat Anwohner um Geduld.",
    "Mehr zum Thema Klimaschutz will die Stadt im kommenden Jahr vorlegen, kündigte der Bürgermeister an.",
    ("Der Verlag hat den Newsletter nach eigenen Angaben eingestellt, weil zu wenige Leser ihn abonniert hatten, "
    "sagte eine Sprecherin am Montag in Berlin."),
    "Anzeigen gegen die Betreiber wurden bislang nicht erstattet.",
    # A kind's one sign alone is article text: a price, a platform, an app, an agency, a pointer word.
    "Das Deutschlandticket kostet künftig 58 Euro im Monat, das Abo bleibt monatlich kündbar.",
    "Die Polizei bat auf Instagram und Facebook um Hinweise zu dem Fahrer des weißen Transporters.",
    "Die Warn-App Nina gibt es kostenlos für Android und für das iPhone, sie warnt auch vor Hochwasser.",
    "Die Feuerwehr wurde automatisch alarmiert, wie die Nachrichtenagentur dpa berichtete.",
    "Zum Artikel des Grundgesetzes, auf den sich die Kläger berufen, äußerte sich das Gericht nicht.",
])
def test_sentences_that_only_mention_a_keyword_stay(line: str) -> None:
    assert clean_paragraphs([BODY, line]).paragraphs == (BODY, line)


def test_teaser_heading_takes_the_teaser_titles_after_it() -> None:
    cleaned = clean_paragraphs([BODY, "Mehr zum Thema", "Hallenbad: Was die Sanierung kostet",
                                "Neue Öffnungszeiten ab Mai", BODY + " Zweiter Absatz."])
    assert cleaned.paragraphs == (BODY, BODY + " Zweiter Absatz.")


def test_source_drop_patterns_extend_the_rules() -> None:
    line = "Rundschau-Tipp der Woche: Der Hofladen am Ortsrand"
    assert clean_paragraphs([BODY, line]).paragraphs == (BODY, line)
    assert clean_paragraphs([BODY, line], drop_patterns=(r"^rundschau-tipp",)).paragraphs == (BODY,)


def test_bad_drop_pattern_is_a_rule_error() -> None:
    with pytest.raises(RuleError):
        compile_drop_patterns(("([unclosed",))


def test_paragraph_hash_ignores_case_spacing_and_numbers() -> None:
    assert paragraph_hash("12 Kommentare  zu diesem Artikel") == paragraph_hash("3 kommentare zu diesem artikel!")
    assert paragraph_hash("Erster Absatz") != paragraph_hash("Zweiter Absatz")


def test_learned_boilerplate_is_removed_but_never_most_of_the_text() -> None:
    promo = "Unterstützen Sie die Rundschau mit einem Abo."
    learned = frozenset({paragraph_hash(promo)})
    assert clean_paragraphs([BODY, promo], learned=learned).paragraphs == (BODY,)
    # A learned paragraph that would be most of a page stays: it is that page's text.
    assert clean_paragraphs([promo, "Kurz."], learned=learned).paragraphs == (promo, "Kurz.")


def test_learned_boilerplate_grows_across_articles_and_applies(tmp_path: Path) -> None:
    db = open_database(tmp_path / "store.db")
    template = "Hören Sie die Rundschau jetzt auch als Podcast auf allen Plattformen."
    h = paragraph_hash(template)
    for i, topic in enumerate(("Hallenbad", "Stadtfest", "Haushalt")):
        assert (h in learned_hashes(db, "rundschau.example")) == (i >= 2)  # learned once two articles had it
        body = f"{BODY} Ein eigener Absatz zum Thema {topic}."
        hashes = {paragraph_hash(p): p for p in (body, template)}
        record_paragraphs(db, "www.rundschau.example", hashes.keys(), hashes)
    learned = learned_hashes(db, "rundschau.example")
    assert h in learned
    assert len(learned) == 1  # each article's own paragraph was seen once only
    row = db.execute("SELECT articles, sample FROM boilerplate WHERE hash = ?", [h]).fetchone()
    assert row == (3, template)
    # The articles' own paragraphs, seen once, are counted without a copy of their text.
    assert db.execute("SELECT articles, sample FROM boilerplate WHERE hash != ?", [h]).fetchall() == [(1, None)] * 3
    page = f"<html><body><article><p>{BODY}</p><p>{template}</p></article></body></html>"
    assert template in extract_page(page, "https://www.rundschau.example/a.html").text
    ext = extract_page(page, "https://www.rundschau.example/a.html", ExtractOptions(learned=learned))
    assert template not in ext.text and BODY in ext.text


def test_decode_keeps_umlauts_of_windows_1252_pages() -> None:
    body = "<html><head><meta charset='windows-1252'></head><body>Grüße aus Köln – „Zitat“</body></html>"
    assert "Grüße aus Köln – „Zitat“" in decode_html(body.encode("cp1252"))


def test_decode_handles_a_header_that_claims_utf8_for_cp1252_bytes() -> None:
    body = "<html><body>Schöne Straße</body></html>".encode("cp1252")
    assert "Schöne Straße" in decode_html(body, "utf-8")


def test_decode_prefers_real_utf8_over_a_latin1_declaration() -> None:
    body = "<html><head><meta charset='iso-8859-1'></head><body>Fußgängerzone</body></html>".encode()
    assert "Fußgängerzone" in decode_html(body)


def test_decode_honours_a_bom() -> None:
    assert decode_html("<p>Ärger</p>".encode("utf-8-sig")) == "<p>Ärger</p>"


@pytest.mark.parametrize("paragraphs,agency", [
    (["Moskau (dpa) - Der Kreml hat am Montag ..."], "dpa"),
    (["BERLIN (AFP/dpa) – Die Regierung ..."], "AFP, dpa"),
    (["Washington (AP) — The Senate ..."], "AP"),
    (["Text.", "© dpa-infocom, dpa:240101-99-1/2"], "dpa"),
    (["Ein Text ohne jede Quelle, der auch nicht mit einer Agentur endet."], None),
    # Credits, source lines, bylines and final lines in forms written for no outlet in particular.
    (["Text.", "Quelle: ntv.de, ino/dpa"], "dpa"),
    (["Text.", "mit dpa"], "dpa"),
    (["Text.", "sak/Reuters"], "Reuters"),
    (["Von Max Muster und Eva Beispiel, dpa", "Text."], "dpa"),
    (["Von Diana Beispiel mit AP", "Text."], "AP"),
    (["Text.", "Weitere Quellen • AP"], "AP"),
    (["Text.", "Diese Meldung wurde automatisch von der Deutschen Presse-Agentur (dpa) übernommen."], "dpa"),
    (["Die Angaben in diesem Ticker stammen von Korrespondenten sowie den Agenturen AFP, Reuters und KNA."],
     "AFP, Reuters, KNA"),
    # Photo credits and agencies quoted as a source are not the text's agency.
    (["Text ohne Agentur.", "Foto: picture alliance/news.de/dpa"], None),
    (["Text.", "Ein Strommast bei Grafenrheinfeld. Foto: AFP"], None),
    (["Text.", "STR/AFP via Getty Images"], None),
    (["Laut dpa sind drei Menschen tot."], None),
    (["Das betonte der Innenminister gegenüber der APA am Donnerstag in Wien, wie sein Sprecher bestätigte."], None),
])
def test_agency_from_datelines_and_credits(paragraphs: list[str], agency: str | None) -> None:
    assert find_agencies(paragraphs) == agency


@pytest.mark.parametrize("raw,iso", [
    ("2024-05-03T18:19:08+02:00", "2024-05-03T16:19:08Z"),
    ("2024-05-03T18:19:08Z", "2024-05-03T18:19:08Z"),
    ("2024-05-03T18:19:08.250-0400", "2024-05-03T22:19:08Z"),
    ("2024-05-03 18:19:08", "2024-05-03T18:19:08"),
    ("2024-05-03", "2024-05-03"),
    ("03.05.2024, 18:19 Uhr", "2024-05-03"),
    ("gestern", None),
])
def test_dates_become_iso_8601(raw: str, iso: str | None) -> None:
    assert normalize_date(raw) == iso


@pytest.mark.parametrize("title,source,url,clean", [
    ("Hallenbad wird saniert | Rundschau", "Rundschau", None, "Hallenbad wird saniert"),
    ("Hallenbad wird saniert - Rundschau Online", "Rundschau Online", None, "Hallenbad wird saniert"),
    ("Hallenbad - Stadt saniert für 20 Millionen", None, "https://rundschau.example/x", "Hallenbad - Stadt saniert für 20 Millionen"),
    ("Terminal approved – The Coastal Ledger", None, "https://www.coastalledger.example/a", "Terminal approved"),
])
def test_title_loses_the_site_suffix_only(title: str, source: str | None, url: str | None, clean: str) -> None:
    assert strip_site_suffix(title, source, url) == clean


def _titled(head: str, body: str) -> str:
    return (f"<html lang='de'><head>{head}</head><body>{body}<article><p>{BODY}</p><p>{BODY}</p></article>"
            "</body></html>")


@pytest.mark.parametrize("head,body,title", [
    # The h1 is the breadcrumb's search title; the article shows og:title in an h2 behind a kicker element.
    (('<meta property="og:title" content="Warum das Hallenbad doch saniert wird">'
     '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Hallenbad: Stadtrat entscheidet '
     'sich für Sanierung"}</script>'),
     ('<nav class="breadcrumb"><h1>Hallenbad: Stadtrat entscheidet sich für Sanierung</h1></nav>'
     '<header><h2><span class="kicker">Kommentar</span> <span>Warum das Hallenbad doch saniert wird</span></h2>'
     '</header>'), "Warum das Hallenbad doch saniert wird"),
    # The structured data glue another kicker to the headline than the page shows: the shared part is the title.
    ('<meta property="og:title" content="Streit im Stadtrat: Das Hallenbad bleibt offen">',
     ('<h1><span>Bäder in Nordstadt</span><span aria-hidden="true"> - </span><span>Das Hallenbad bleibt offen'
     '</span></h1>'), "Das Hallenbad bleibt offen"),
    # The h1 alone, and the structured headline that puts the kicker before it: the outlet's headline.
    (('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Nordstadt: Das Hallenbad bleibt '
     'offen"}</script>'), '<div class="kicker">Nordstadt</div><h1>Das Hallenbad bleibt offen</h1>',
     "Nordstadt: Das Hallenbad bleibt offen"),
    # A heading no structured version confirms (a teaser, a section) does not replace the JSON-LD headline.
    ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Hallenbad wird saniert"}</script>',
     '<h2>Weitere Nachrichten aus der Region</h2>', "Hallenbad wird saniert"),
])
def test_title_is_the_headline_the_article_shows(head: str, body: str, title: str) -> None:
    assert extract_page(_titled(head, body), None).title == title


@pytest.mark.parametrize("head,lang,published", [
    # The offset of the page's own copy of the same time (JSON-LD without, meta tag with).
    (('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-04-28 18:11:01.0"}</script>'
     '<meta property="article:published_time" content="2023-04-28T18:11:01+02:00">'), "en", "2023-04-28T16:11:01Z"),
    # No offset anywhere: a German page's local time, summer and winter.
    ('<meta property="article:published_time" content="2024-07-01T09:30:00">', "de", "2024-07-01T07:30:00Z"),
    ('<meta property="article:published_time" content="2024-12-01T09:30:00">', "de-CH", "2024-12-01T08:30:00Z"),
    # An English page: the offset another time on the page carries.
    (('<meta property="article:published_time" content="2024-12-01T09:30:00">'
     '<meta property="article:modified_time" content="2024-12-02T10:00:00-05:00">'), "en", "2024-12-01T14:30:00Z"),
    # A day stays a day.
    ('<meta property="article:published_time" content="2024-12-01">', "de", "2024-12-01"),
])
def test_publication_time_is_a_utc_instant(head: str, lang: str, published: str) -> None:
    page = f"<html lang='{lang}'><head>{head}</head><body><article><p>{BODY}</p></article></body></html>"
    assert extract_page(page, None).published == published


def test_url_date_is_only_a_fallback() -> None:
    page = ("<html><head><meta property='article:published_time' content='2024-03-02T10:00:00Z'></head>"
            f"<body><article><p>{BODY}</p></article></body></html>")
    assert extract_page(page, "https://x.example/2020/01/01/a.html").published == "2024-03-02T10:00:00Z"
    bare = f"<html><body><article><p>{BODY}</p></article></body></html>"
    assert extract_page(bare, "https://x.example/2020/01/31/a.html").published == "2020-01-31"
    assert extract_page(bare, "https://x.example/a.html").published is None


def test_language_from_markup_then_detection() -> None:
    assert extract_page(f"<html lang='de-AT'><body><p>{BODY}</p></body></html>", None).language == "de"
    english = ("The council voted on Tuesday to renovate the old swimming pool by 2027 instead of tearing it down "
               "and building a new one in another part of the town, the mayor said.")
    assert extract_page(f"<html><body><p>{english}</p></body></html>", None).language == "en"


@pytest.mark.parametrize("page,reason", [
    (("<html><head><title>Just a moment...</title></head><body><p>Checking your browser before accessing."
     "</p></body></html>"), "blocked"),
    ("<html><body><p>Dieser Artikel ist nur für Abonnenten. Jetzt weiterlesen mit Plus.</p></body></html>", "blocked"),
    ("<html><body><nav><a href='/'>Start</a></nav></body></html>", "empty"),
    ("just some plain text without any markup at all", "not_html"),
    ("", "empty"),
    (" \r\n\t ", "empty"),
])
def test_pages_without_an_article_raise_with_a_reason(page: str, reason: str) -> None:
    with pytest.raises(ExtractionError) as info:
        extract_page(page, None)
    assert info.value.reason == reason


SHORT_BRIEF = (("Die Gemeinde legt gegen den Baustopp für ihre Hochwasserschutzmauer Beschwerde beim "
               "Verwaltungsgerichtshof ein. Das beschloss der Gemeinderat am Donnerstagabend mit 15 zu 6 Stimmen."),
               ("Die Bürgermeisterin will nachweisen, dass ein Deich am Ufer keinen Platz hat. Die Bürgerinitiative "
               "nannte die Beschwerde teuer und aussichtslos."))


def test_a_short_free_article_with_a_paid_tier_box_inside_is_no_paywall() -> None:
    """A promo box between two paragraphs has more of the article after it: a wall ends the article."""
    page = (f"<html><body><article><h1>Tannried zieht vor Gericht</h1><p>{SHORT_BRIEF[0]}</p>"
            "<div class='box'><p>Jetzt 4 Wochen testen und alle Plus-Artikel lesen</p></div>"
            f"<p>{SHORT_BRIEF[1]}</p></article></body></html>")
    text = extract_page(page, None).text
    assert all(p in text for p in SHORT_BRIEF)  # (the promo line itself is the cleaning's to drop)


def test_a_short_teaser_that_ends_in_a_paywall_is_blocked() -> None:
    page = (f"<html><body><article><h1>Tannried zieht vor Gericht</h1><p>{SHORT_BRIEF[0]}</p>"
            f"<p>{SHORT_BRIEF[1]}</p><div class='box'><p>Jetzt weiterlesen mit Plus: alle Plus-Artikel für "
            "4 Wochen testen</p></div></article></body></html>")
    with pytest.raises(ExtractionError) as info:
        extract_page(page, None)
    assert info.value.reason == "blocked"


def test_extraction_error_keeps_its_reason_across_processes() -> None:
    import pickle

    err = pickle.loads(pickle.dumps(ExtractionError("blocked", "a consent wall")))
    assert (err.reason, str(err)) == ("blocked", "a consent wall")


# --- learned lines: what recurs legitimately stays (crawler/site_boilerplate.py) ---------------------------------
BACKGROUND = ("Die Sarnbrücke war am 7. Januar gesperrt worden, nachdem Prüfer Risse an zwei Spannbetonträgern "
              "entdeckt hatten.")
WIRE_STANDARD = "Die Angaben ließen sich zunächst nicht unabhängig überprüfen."
SERIES_INTRO = "Diese Woche stellt die Serie einen Sportverein aus dem Landkreis vor, der bald hundert Jahre alt wird."
QUOTE = "„Wir werden die Brücke so schnell wie möglich sanieren“, sagte die Bürgermeisterin."
CROSSHEAD = "Was bisher bekannt ist"
LABEL = "Die Kolumne am Sonntag"
VOICE = "Sie möchten keine Nachricht aus dem Landkreis verpassen? Abonnieren Sie unseren Morgen-Überblick."
ITSELF = "Dieser Artikel erschien zuerst in der gedruckten Samstagsausgabe."


@pytest.mark.parametrize("line,where,goes", [
    (BACKGROUND, "end", False), (WIRE_STANDARD, "end", False), (SERIES_INTRO, "start", False),
    (QUOTE, "middle", False), (CROSSHEAD, "middle", False),
    (LABEL, "start", True), (LABEL, "end", True), (VOICE, "middle", True), (VOICE, "end", True),
    (ITSELF, "end", True),
])
def test_a_learned_line_goes_only_where_its_shape_and_place_say_furniture(line: str, where: str, goes: bool) -> None:
    body = [BODY, BODY.replace("Hallenbad", "Freibad"), BODY.replace("2027", "2029")]
    lines = {"start": [line, *body], "middle": [body[0], line, *body[1:]], "end": [*body, line]}[where]
    kept, gone = drop_learned(lines, frozenset({paragraph_hash(line)}))
    assert (gone == [line]) is goes
    assert kept == ([x for x in lines if x != line] if goes else lines)


@pytest.mark.xfail(strict=True, reason=(
    "known limit: the guard against removing most of a text (LEARNED_MAX_SHARE) is judged on the text it is given; "
    "a short article whose three furniture lines were all learned before its extraction keeps all three, while the "
    "same article extracted when two were learned loses those two, and the re-clean judges the third on what is "
    "left, so what is stored depends on the order the pages arrived in "
    "(found with the batched stores of issue 15; tests/boilerplateweb.py avoids it with longer articles)"))
def test_which_learned_lines_a_short_text_keeps_does_not_depend_on_when_they_were_learned() -> None:
    body = ["Der Kreistag hat am Dienstag den Haushalt für das kommende Jahr beschlossen.",
            "Die Schulden des Landkreises sinken damit zum dritten Mal in Folge."]
    furniture = [VOICE, ITSELF, LABEL]
    lines = [body[0], VOICE, body[1], ITSELF, LABEL]
    every = frozenset(paragraph_hash(line) for line in furniture)
    two = frozenset(paragraph_hash(line) for line in furniture[1:])
    learned_first = drop_learned(lines, every)[0]  # all three learned before the page was extracted
    learned_later = drop_learned(drop_learned(lines, two)[0], every)[0]  # two before, the third at the re-clean
    assert learned_first == learned_later


# A publisher's description of itself closing each of its press releases, and a story's long background paragraph
# closing each of its follow-ups: both recur, both are longer than a learned line usually is; only the first goes.
ABOUT = ("Sarnwerk ist ein Hersteller von Pumpen und Armaturen für die Wasserwirtschaft mit Sitz in Kellbach. Das "
         "Unternehmen beschäftigt an vier Standorten rund 900 Menschen und beliefert Stadtwerke, Zweckverbände und "
         "Industriebetriebe in ganz Europa. Seine Produkte sichern die Versorgung mit Trinkwasser und die Ableitung "
         "von Abwasser; ein eigenes Labor prüft jedes Pumpenmodell vor der Auslieferung unter realen Bedingungen. "
         "Sarnwerk gehört seit 1998 zur Kellbacher Industrieholding.")
LONG_BACKGROUND = (
    "Die Sarnbrücke zwischen Sarnheim und Kellbach ist seit dem 7. Januar für den gesamten Verkehr gesperrt, nachdem "
    "Prüfer bei einer Routineuntersuchung Risse an zwei Spannbetonträgern entdeckt hatten. Täglich fuhren zuvor "
    "rund 18.000 Fahrzeuge über die Brücke, Pendler müssen seither einen Umweg von bis zu zwanzig Kilometern in "
    "Kauf nehmen. Ein Gutachten soll bis zum Sommer klären, ob das Bauwerk saniert werden kann oder ersetzt werden "
    "muss; die Stadt rechnet in beiden Fällen mit Kosten in zweistelliger Millionenhöhe.")


@pytest.mark.parametrize("host,closing,goes", [
    ("www.sarnwerk.example", ABOUT, True),
    ("www.kreisblatt.example", LONG_BACKGROUND, False),
])
def test_a_long_closing_line_goes_only_when_the_publisher_describes_itself(
        tmp_path: Path, host: str, closing: str, goes: bool) -> None:
    db = open_database(tmp_path / "store.db")
    texts = [[BODY.replace("Hallenbad", topic), f"Ein eigener Absatz über {topic} und was daraus folgt.",
              *(BODY.replace("Hallenbad", topic).replace("2027", year) for year in ("2028", "2029", "2030")),
              closing]
             for topic in ("Hallenbad", "Freibad", "Eisstadion")]  # three releases, or three follow-ups of a story
    for lines in texts:
        hashes = {paragraph_hash(p): p for p in lines}
        record_paragraphs(db, host, hashes.keys(), hashes)
    learned = learned_hashes(db, host)
    assert paragraph_hash(closing) in learned and len(closing) > 400
    frame = Frame.of((), (), (host,))
    for lines in texts:
        kept, _ = drop_learned(lines, learned, frame)
        assert kept == (lines[:-1] if goes else lines)
    # The same line anywhere but at the end, or on another outlet's pages, stays.
    middle = [texts[0][0], closing, texts[0][1], BODY, BODY.replace("2027", "2029")]
    assert drop_learned(middle, learned, frame)[0] == middle
    assert drop_learned(texts[0], learned, Frame.of((), (), ("www.anderes-blatt.example",)))[0] == texts[0]


@pytest.mark.parametrize("new,same", [
    # Furniture changed: a counter, teaser titles, a label; a learned promo line appeared.
    ([BODY, "Diskutieren Sie mit: 52 Kommentare", "Meistgelesen", "Neue Ampel am Marktplatz"], True),
    ([BODY, "Diskutieren Sie mit: 48 Kommentare", "Meistgelesen", "Freibad öffnet früher", VOICE], True),
    # The article changed: a sentence edited, added or removed.
    ([BODY.replace("2027", "2028"), "Diskutieren Sie mit: 48 Kommentare", "Meistgelesen", "Freibad öffnet früher"],
     False),
    ([BODY, BACKGROUND, "Diskutieren Sie mit: 48 Kommentare", "Meistgelesen", "Freibad öffnet früher"], False),
    (["Diskutieren Sie mit: 48 Kommentare", "Meistgelesen", "Freibad öffnet früher"], False),
])
def test_a_refetch_that_changed_only_furniture_is_the_same_article(new: list[str], same: bool) -> None:
    old = f"{BODY}\nDiskutieren Sie mit: 48 Kommentare\nMeistgelesen\nFreibad öffnet früher"
    assert same_but_boilerplate(old, "\n".join(new), frozenset({paragraph_hash(VOICE)})) is same


def test_labelled_fields_give_author_and_day_when_the_structured_data_names_neither() -> None:
    page = ("<html lang='de'><head><title>Hallenbad wird saniert</title><meta name='author' content='Rundschau "
            f"(www.rundschau.example)'></head><body><article><h1>Hallenbad wird saniert</h1><p>{BODY}</p><p>{BODY}"
            "</p></article><ul class='meta'><li><strong>Datum</strong> 28.04.2023</li><li><strong>Autorin/Autor"
            "</strong> Jana Beispielfrau</li></ul></body></html>")
    ext = extract_page(page, "https://www.rundschau.example/hallenbad")
    assert (ext.author, ext.published) == ("Jana Beispielfrau", "2023-04-28")


def test_an_e_mail_author_gives_way_to_the_written_by_tag() -> None:
    page = ("<html lang='de'><head><title>Hallenbad wird saniert</title><meta name='author' "
            "content='j.beispiel@rundschau.example'><meta name='twitter:misc:Written by' content='Jan Beispiel'>"
            f"</head><body><article><p>{BODY}</p><p>{BODY}</p></article></body></html>")
    assert extract_page(page, None).author == "Jan Beispiel"


@pytest.mark.parametrize("credit,agency", [
    ("<div class='article-end'>sak/Reuters</div>", "Reuters"),
    ("<p class='small'>dpa/lno</p>", "dpa"),
    # a photographer's credit, and a desk credit inside a picture's box, name no supplier of the text
    ("<div class='small'>REUTERS/Jana Beispiel</div>", None),
    ("<div class='image-credit'><span>sak/AFP</span></div>", None),
])
def test_a_desk_credit_set_apart_names_the_agency(credit: str, agency: str | None) -> None:
    page = (f"<html lang='de'><head><title>Hallenbad</title></head><body><article><p>{BODY}</p><p>{BODY}</p>"
            f"</article>{credit}</body></html>")
    ext = extract_page(page, None)
    assert ext.agency == agency
    assert ext.author == agency  # wire copy without a person: the agency is its author



@pytest.mark.parametrize(("pattern", "gate"), [
    (r"(foo|barbaz) qux", (" qux",)),  # of the parts every match has, the one with the longest shortest string
    (r"newsletter.{0,20}(abonnieren|bestellen)", ("newsletter",)),
    (r"(externe[rn]?|eingebettete) inhalte", (" inhalte",)),
    (r"(vom|beim) zeitungsverlag|ki-generiert", (" zeitungsverlag", "ki-generiert")),  # one string per branch
    (r"^(?=.*(whatsapp|telegram)).{0,80}kanal", ("whatsapp", "telegram")),  # a lookahead's strings are in the text
    (r"^lesen sie auch", None),  # anchored: tried at the first position only, no gate needed
    (r"(a|bc)", None),  # no required string of three characters
    (r"(kanal|)x+yz", None),  # a branch that requires nothing requires nothing
])
def test_gate_strings_are_required_by_the_pattern(pattern: str, gate: tuple[str, ...] | None) -> None:
    found = gate_of(re.compile(pattern))
    assert (set(found) if found else None) == (set(gate) if gate else None)


def test_gates_change_no_verdict() -> None:
    """A line a built-in rule matches contains one of the strings of the rule's gate, for the boilerplate lines of
    every family above and for article text; so the first matching rule is the same with the gates as without."""
    rules = builtin_rules().rules
    gated = [r for r in rules if r.gate]
    assert gated  # the rules tried at every position have gates
    ungated = [dataclasses.replace(r, gate=None) for r in rules]
    for line in [line for family in BOILERPLATE.values() for line in family] + [BODY]:
        low = line.lower()
        for rule in gated:
            if rule.pattern.search(low):
                assert any(part in low for part in rule.gate), (rule.pattern.pattern, line)
        with_gates, without = drop_family(line, rules), drop_family(line, ungated)
        assert (with_gates and with_gates.pattern) == (without and without.pattern), line
