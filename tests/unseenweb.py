"""The unseen web: five outlets in styles no other test web has, written for the outside acceptance check
(tests/test_unseen_web.py, tests/test_unseen_crash.py).  All text is invented for this web.

The story: a planned flood wall on the Rhine bank of Tannried (an invented town on the German side of the
Hochrhein) and the residents' case against it at the Verwaltungsgericht Freiburg.  Two seeds (an article URL on
the broadcaster and a seed file on the council's decision), follow-ups on new aspects (insurance premiums, the Swiss
bank and the fishermen, the court's stop, the Austrian builder's contract), one dpa wire report syndicated on three
outlets (the Austrian tabloid changes the headline, the Swiss paper writes ss for ß and « » quotes), one follow-up
updated between the rounds, and hard negatives that match the query and name the same mayor, town, builder and
river but report other matters (rescue boats, a ferry, another retention basin, a garden show bid, a twin-town visit).

| site | outlet | style | how the crawl finds its pages |
| --- | --- | --- | --- |
| `express` | Vorarlberg Express | Austrian tabloid: kickers in capitals, "Express+" promos, Telegram line, cookie banner | Atom feed with summaries, links with utm parameters, one AMP link |
| `grenzpost` | Aargauer Grenzpost | Swiss regional paper: « », ss, newsletter box, "Das könnte Sie auch interessieren" | sitemap index → news sitemap (news: fields, lastmod) and a page sitemap with the home and a dossier page |
| `orr` | Oberrhein-Rundfunk | public broadcaster: "Stand:" lines, photo credits, audio promo, "Mehr dazu" box | sections only: a paginated region section and a live-ticker index; related links |
| `gazette` | The Ashbury Gazette | English local paper: subscription and newsletter promos, "Read more" | RSS listing an author page and a topic page; a redirect to a trailing-slash address |
| `ticker` | Ticker Südwest | news agency portal of dpa copy: import notes, "aktualisiert" lines | a news sitemap that also lists the home page; extension-less article addresses |

Layout as crawler/demo/server.py serves it: WEB/<site>/round1|round2/..., WEB/<site>/site.toml, WEB/config.toml.tmpl.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

STORY = "tannried-mauer"
QUERY = "Tannried* AND (Hochwasser* OR Schutzmauer* OR Ufermauer*)"
SOURCES = {"express": "Vorarlberg Express", "grenzpost": "Aargauer Grenzpost", "orr": "Oberrhein-Rundfunk",
           "gazette": "The Ashbury Gazette", "ticker": "Ticker Südwest"}


@dataclass(frozen=True)
class Article:
    key: str
    site: str
    path: str
    title: str
    published: str  # ISO 8601 with offset
    paragraphs: tuple[str, ...]
    kind: str  # seed, member, wire, negative, other
    rounds: tuple[int, ...] = (1, 2)
    summary: str = ""
    kicker: str = ""
    author: str = ""
    added: dict[int, tuple[str, ...]] = field(default_factory=dict)  # round -> paragraphs added in that round
    related: tuple[str, ...] = ()  # keys of articles in its related box
    duplicate_of: str = ""  # key of the earliest copy (wire copies)

    def text_in(self, rnd: int) -> tuple[str, ...]:
        return self.paragraphs + tuple(p for r in range(1, rnd + 1) for p in self.added.get(r, ()))


# -- the wire report, as dpa sent it, and as the Swiss paper printed it -----------------------------------------

WIRE = (
    ("Freiburg/Tannried (dpa) - Im Streit um die geplante Hochwasserschutzmauer am Rheinufer von Tannried hat das "
     "Verwaltungsgericht Freiburg am Montag die Klage von 23 Anwohnern verhandelt. Die Kläger wollen verhindern, dass "
     "die Gemeinde auf 1,8 Kilometern eine bis zu 2,10 Meter hohe Betonmauer zwischen der Uferstraße und dem Rhein "
     "baut."),
    ("„Die Mauer nimmt uns den Blick und den Zugang zum Fluss“, sagte Jonas Vögtle, Sprecher der Bürgerinitiative "
     "Rheinufer frei, vor Beginn der Verhandlung. Die Anwohner fordern stattdessen einen Deich weiter landeinwärts "
     "und mobile Schutzwände, wie sie andere Gemeinden am Hochrhein nutzen."),
    ("Bürgermeisterin Katrin Albrecht verteidigte die Pläne. Ein Deich sei auf dem schmalen Uferstreifen nicht "
     "möglich, mobile Wände müssten bei jedem Hochwasser in wenigen Stunden aufgebaut werden, und dafür fehle der "
     "kleinen Feuerwehr ein großer Teil der Leute. Beim Hochwasser im Juni 2024 hatte der Rhein in Tannried mehr "
     "als 40 Keller überflutet."),
    ("Die Mauer soll rund 14 Millionen Euro kosten, das Land Baden-Württemberg trägt 70 Prozent. Die Vorsitzende "
     "Richterin Ulrike Hanke kündigte eine Entscheidung innerhalb von zwei Wochen an. Bis dahin ruhen die "
     "Vorarbeiten am Ufer, außerdem bleibt der Uferweg offen."),
)


def swiss(text: str) -> str:
    """How a Swiss paper prints German copy: ss for ß, « » for „ “."""
    return text.replace("ß", "ss").replace("„", "«").replace("“", "»")


WIRE_TITLE = "Gericht verhandelt über Hochwassermauer in Tannried"

ARTICLES: tuple[Article, ...] = (
    # -- Oberrhein-Rundfunk: the seed, a follow-up found only through its related box, the court's stop ----------
    Article(
        "seed", "orr", "/nachrichten/suedbaden/tannried-anwohner-klagen-gegen-hochwassermauer-100.html",
        "Anwohner klagen gegen Hochwassermauer in Tannried", "2025-05-05T18:12:00+02:00",
        (("Die geplante Hochwasserschutzmauer am Rheinufer in Tannried (Landkreis Waldshut) kommt vor Gericht. "
          "23 Anwohnerinnen und Anwohner der Uferstraße haben beim Verwaltungsgericht Freiburg Klage gegen den "
          "Planfeststellungsbeschluss eingereicht, wie ihr Anwalt Martin Kessler dem ORR bestätigte."),
         ("Die Gemeinde will auf 1,8 Kilometern Länge eine bis zu 2,10 Meter hohe Mauer aus Beton bauen. Sie soll "
          "den Ortskern vor einem Rheinhochwasser schützen, wie es statistisch einmal in hundert Jahren vorkommt. "
          "Im Juni 2024 waren in Tannried mehr als 40 Keller vollgelaufen."),
         ("Die Bürgerinitiative Rheinufer frei hält die Mauer für überdimensioniert. Sprecher Jonas Vögtle sagt, "
          "die Uferpromenade werde zu einem Korridor hinter Beton. Die Initiative schlägt einen Deich weiter "
          "landeinwärts vor, der den Blick auf den Fluss frei lasse."),
         ("Bürgermeisterin Katrin Albrecht (parteilos) sagte, die Gemeinde habe alle Varianten geprüft. Für einen "
          "Deich fehle auf dem schmalen Ufer der Platz. Die Vorarbeiten sollten eigentlich im Sommer beginnen.")),
        "seed", kicker="Hochwasserschutz", author="Lea Stotz", related=("insurance",),
    ),
    Article(
        "insurance", "orr", "/nachrichten/suedbaden/hochwassermauer-tannried-hausbesitzer-versicherung-102.html",
        "Hochwassermauer in Tannried: Was Hausbesitzer an der Uferstraße erwartet", "2025-05-07T06:30:00+02:00",
        (("Für die Hausbesitzer an der Uferstraße in Tannried geht es bei der geplanten Hochwassermauer auch um "
          "Geld. Nach dem Hochwasser im Juni 2024 haben mehrere Versicherer die Prämien für Elementarschäden "
          "deutlich erhöht, manche Anwohner haben gar kein Angebot mehr bekommen."),
         ("Mit der Mauer würden die Häuser in eine niedrigere Gefahrenklasse fallen, sagt der Versicherungsberater "
          "Thomas Brugger aus Waldshut. Ohne Schutz bleibe das Risiko hoch. Viele der Kläger wohnen allerdings "
          "direkt am Ufer, wo ihnen die Mauer den Blick auf den Rhein nähme."),
         ("Die Bürgerinitiative Rheinufer frei hält dagegen: Auch ein Deich weiter landeinwärts würde die "
          "Gefahrenklasse senken. Das Verwaltungsgericht Freiburg verhandelt am 12. Mai über die Klage der "
          "Anwohner.")),
        "member", kicker="Hochwasserschutz", author="Lea Stotz",
    ),
    Article(
        "verdict", "orr", "/nachrichten/suedbaden/verwaltungsgericht-stoppt-hochwassermauer-tannried-104.html",
        "Verwaltungsgericht stoppt Hochwassermauer in Tannried vorerst", "2025-05-19T16:05:00+02:00",
        (("Das Verwaltungsgericht Freiburg hat den Bau der Hochwasserschutzmauer in Tannried vorläufig gestoppt. "
          "Die Kammer gab dem Eilantrag von 23 Anwohnern der Uferstraße statt. Die Gemeinde habe nicht ausreichend "
          "geprüft, ob ein Deich weiter landeinwärts möglich sei, heißt es in dem Beschluss."),
         ("Jonas Vögtle von der Bürgerinitiative Rheinufer frei sprach von einem großen Erfolg für die Anwohner. "
          "Bürgermeisterin Katrin Albrecht zeigte sich enttäuscht: Jedes Jahr ohne Schutz sei ein Risiko für die "
          "Menschen im Ortskern. Sie will den Beschluss am Donnerstag mit dem Gemeinderat beraten."),
         ("Gegen den Beschluss ist eine Beschwerde beim Verwaltungsgerichtshof Baden-Württemberg in Mannheim "
          "möglich. Bis zu einer Entscheidung darf am Ufer nicht gebaut werden.")),
        "member", rounds=(2,), kicker="Gerichtsbeschluss", author="Lea Stotz",
    ),
    Article(
        "boats", "orr", "/nachrichten/suedbaden/feuerwehr-tannried-neue-rettungsboote-101.html",
        "Feuerwehr Tannried bekommt zwei neue Rettungsboote", "2025-05-03T11:00:00+02:00",
        (("Die Freiwillige Feuerwehr Tannried hat zwei neue Rettungsboote in Dienst gestellt. Bürgermeisterin "
          "Katrin Albrecht übergab die Boote am Samstag am Rheinufer an Kommandant Stefan Ebner. Sie ersetzen ein "
          "Schlauchboot aus den neunziger Jahren."),
         ("Die Boote haben einen flachen Rumpf und können auch in überfluteten Straßen fahren. Beim Hochwasser im "
          "Juni 2024 hatte die Feuerwehr Bewohner mit geliehenen Booten aus ihren Häusern geholt. Die Anschaffung "
          "kostete 86.000 Euro, der Landkreis gab einen Zuschuss."),
         ("Ab Juli üben die Einsatzkräfte jeden zweiten Donnerstag auf dem Rhein. Die Feuerwehr sucht außerdem "
          "neue Mitglieder für ihre Gruppe Wasserrettung.")),
        "negative", kicker="Blaulicht", author="Jan Riedle",
    ),
    Article(
        "railway", "orr", "/nachrichten/suedbaden/schwarzwaldbahn-bauarbeiten-triberg-hornberg-103.html",
        "Schwarzwaldbahn: Drei Wochen Bauarbeiten zwischen Triberg und Hornberg", "2025-05-06T09:40:00+02:00",
        (("Auf der Schwarzwaldbahn zwischen Triberg und Hornberg fallen ab Pfingsten drei Wochen lang Züge aus. "
          "Die Bahn erneuert in dieser Zeit Gleise und zwei Tunnelportale, teilte ein Sprecher mit."),
         ("Zwischen den beiden Orten fahren Busse, die Fahrt dauert etwa 25 Minuten länger. Fahrräder nehmen die "
          "Ersatzbusse nicht mit, Pendler sollen auf frühere Verbindungen ausweichen."),
         ("Die Strecke gilt als eine der schönsten Bahnlinien Deutschlands und wird im Sommer auch von vielen "
          "Ausflüglern genutzt. Ab Mitte Juni soll der Verkehr wieder normal laufen.")),
        "other", kicker="Verkehr", author="Jan Riedle",
    ),
    Article(
        "winefest", "orr", "/nachrichten/suedbaden/tannrieder-weinfest-besucherrekord-105.html",
        "Tannrieder Weinfest meldet Besucherrekord", "2025-05-04T20:15:00+02:00",
        (("Das Weinfest in Tannried hat am Wochenende so viele Gäste angezogen wie nie zuvor. Rund 9.000 Menschen "
          "kamen nach Schätzung des Winzervereins auf den Marktplatz, um die Weine vom Hochrhein zu probieren."),
         ("Erstmals gab es einen Bus-Shuttle aus Waldshut und den Nachbarorten. Der Verein will ihn im nächsten "
          "Jahr beibehalten, weil es kaum noch Parkplätze in der Altstadt gibt."),
         ("Zum Abschluss wurde die neue Weinprinzessin gekrönt: Die 22-jährige Mara Künzle aus dem Ortsteil "
          "Oberried wird die Winzer ein Jahr lang bei Messen und Festen vertreten.")),
        "other", kicker="Feste", author="Jan Riedle",
    ),
    Article(
        "museum", "orr", "/nachrichten/suedbaden/rheinmuseum-laufenburg-wiedereroeffnet-107.html",
        "Rheinmuseum in Laufenburg öffnet nach Umbau wieder", "2025-05-02T15:00:00+02:00",
        (("Nach zwei Jahren Umbau ist das Rheinmuseum in Laufenburg wieder geöffnet. Die Ausstellung zeigt nun auch, "
          "wie Flößer früher Holz vom Schwarzwald bis nach Holland brachten."),
         ("Neu ist ein Raum für Kinder, in dem sie an einem Modell selbst Stromschnellen bauen können. Der Eintritt "
          "für Kinder bleibt frei, Erwachsene zahlen sechs Euro."),
         ("Der Umbau hat 2,3 Millionen Euro gekostet, einen großen Teil trug eine Stiftung. Das Museum ist von "
          "Mittwoch bis Sonntag geöffnet.")),
        "other", kicker="Kultur", author="Jan Riedle",
    ),
    Article(
        "clinics", "orr", "/nachrichten/suedbaden/kliniken-hochrhein-fusion-106.html",
        "Kliniken am Hochrhein wollen fusionieren", "2025-05-18T12:00:00+02:00",
        (("Die Kreiskliniken in Waldshut und Bad Säckingen sollen zu einem Verbund zusammengehen. Der Kreistag "
          "stimmte am Freitag einem entsprechenden Vertrag zu, die Fusion soll Anfang 2026 wirksam werden."),
         ("Die Geschäftsführung verspricht sich von dem Schritt geringere Kosten bei Einkauf und Verwaltung. "
          "Entlassungen seien nicht geplant, versicherte Landrat Uwe Ritter den rund 1.900 Beschäftigten."),
         ("Kritik kam von der Gewerkschaft, die längere Wege für Patienten befürchtet, wenn Abteilungen an einem "
          "Standort zusammengelegt werden. Ein Sozialplan soll bis Herbst ausgehandelt werden.")),
        "other", rounds=(2,), kicker="Gesundheit", author="Jan Riedle",
    ),
    # -- Ticker Südwest: the dpa original, a garden show bid, wire news -------------------------------------------
    Article(
        "wire_ticker", "ticker", "/meldungen/2025-05-12/gericht-verhandelt-ueber-hochwassermauer-in-tannried",
        WIRE_TITLE, "2025-05-12T09:12:00+02:00", WIRE, "wire",
    ),
    Article(
        "gardenshow", "ticker", "/meldungen/2025-05-16/tannried-bewirbt-sich-um-landesgartenschau",
        "Tannried bewirbt sich um Landesgartenschau 2031", "2025-05-16T08:05:00+02:00",
        (("Tannried (dpa/lsw) - Die Gemeinde Tannried am Hochrhein will die Landesgartenschau 2031 ausrichten. Der "
          "Gemeinderat beschloss am Donnerstagabend einstimmig die Bewerbung, wie Bürgermeisterin Katrin Albrecht "
          "mitteilte. Geplant ist ein Park auf den Rheinwiesen, die bisher als Hochwasser-Überflutungsfläche "
          "dienen."),
         ("Die Gemeinde rechnet mit Kosten von 25 Millionen Euro. Neben dem Park sollen ein Rad- und Fußweg am "
          "Rhein und eine neue Anlegestelle für die Fähre nach Kaiserried entstehen. Das Land entscheidet im "
          "Herbst über die Vergabe, beworben haben sich bisher fünf Kommunen.")),
        "negative", rounds=(2,),
    ),
    Article(
        "tariff", "ticker", "/meldungen/2025-05-08/tarifeinigung-busfahrer-suedwesten",
        "Tarifeinigung: Busfahrer im Südwesten bekommen mehr Geld", "2025-05-08T14:30:00+02:00",
        (("Stuttgart (dpa/lsw) - Die rund 6.500 Beschäftigten privater Busunternehmen in Baden-Württemberg bekommen "
          "mehr Geld. Gewerkschaft und Arbeitgeber einigten sich in der vierten Verhandlungsrunde auf eine "
          "Erhöhung um 6,2 Prozent in zwei Stufen, wie beide Seiten mitteilten."),
         ("Die Laufzeit beträgt 24 Monate. Weitere Warnstreiks, wie sie in den vergangenen Wochen den "
          "Schülerverkehr in mehreren Landkreisen lahmgelegt hatten, sind damit vom Tisch.")),
        "other",
    ),
    Article(
        "lakeboats", "ticker", "/meldungen/2025-05-10/bodensee-schifffahrt-startet-in-die-saison",
        "Bodensee-Schifffahrt startet in die Hauptsaison", "2025-05-10T10:00:00+02:00",
        (("Konstanz (dpa/lsw) - Die Schiffe auf dem Bodensee fahren von diesem Wochenende an wieder nach dem "
          "Sommerfahrplan. Zwischen Konstanz, Meersburg und Lindau gibt es nun stündliche Verbindungen, teilten die "
          "Bodensee-Schiffsbetriebe mit."),
         ("Neu ist ein Abendschiff am Freitag mit Musik an Bord. Die Preise bleiben nach Angaben des Unternehmens "
          "stabil, Kinder unter sechs Jahren fahren weiterhin kostenlos mit.")),
        "other",
    ),
    Article(
        "shophours", "ticker", "/meldungen/2025-05-20/landtag-debattiert-ueber-ladenoeffnung",
        "Landtag debattiert über längere Ladenöffnung", "2025-05-20T17:45:00+02:00",
        (("Stuttgart (dpa/lsw) - Der Landtag in Stuttgart hat über einen Vorschlag beraten, Supermärkten ohne "
          "Personal auch am Sonntag das Öffnen zu erlauben. Die Regierungsfraktionen wollen damit vor allem Läden "
          "in kleinen Gemeinden helfen."),
         ("Kirchen und Gewerkschaften lehnen den Vorschlag ab. Sie sehen den Sonntagsschutz in Gefahr und "
          "befürchten, dass bald auch Läden mit Personal folgen würden. Eine Anhörung ist für Juni geplant.")),
        "other", rounds=(2,),
    ),
    # -- Vorarlberg Express: the wire copy under its own headline, the builder's contract, another basin --------
    Article(
        "wire_express", "express", "/lokal/streit-um-rhein-mauer-jetzt-entscheidet-das-gericht-3310245",
        "Streit um Rhein-Mauer: Jetzt entscheidet das Gericht", "2025-05-12T09:40:00+02:00", WIRE, "wire",
        summary="Anwohner im deutschen Tannried wehren sich gegen eine Hochwassermauer.", kicker="AUFREGER",
        duplicate_of="wire_ticker",
    ),
    Article(
        "builder", "express", "/lokal/bregenzer-baufirma-bangt-um-millionenauftrag-3310311",
        "Gerichtsstopp am Rhein: Bregenzer Baufirma bangt um Millionenauftrag", "2025-05-20T07:15:00+02:00",
        (("Für die Bregenzer Baufirma Fussenegger Tiefbau kommt der Beschluss aus Freiburg zur Unzeit. Das "
          "Verwaltungsgericht hat den Bau der Hochwasserschutzmauer in Tannried am Rhein vorerst gestoppt – und "
          "damit einen Auftrag über 9,6 Millionen Euro auf Eis gelegt."),
         ("„Wir haben Maschinen und 30 Leute für den Sommer eingeplant“, sagt Geschäftsführer Harald Fussenegger. "
          "Nun suche man Ersatzbaustellen im Ländle. Für die Wartezeit will das Unternehmen von der Gemeinde "
          "Tannried eine Entschädigung verlangen."),
         ("Bürgermeisterin Katrin Albrecht sagte, der Vertrag mit der Firma bleibe gültig. Sobald das Gericht die "
          "Planung bestätige, könne gebaut werden. Die Gemeinde prüft eine Beschwerde beim Verwaltungsgerichtshof "
          "in Mannheim.")),
        "member", rounds=(2,), summary="Ein Gericht stoppt den Hochwasserschutz am Rhein – eine Firma zittert.",
        kicker="MILLIONEN-POKER", author="Sabine Gmeiner",
    ),
    Article(
        "appeal", "express", "/lokal/tannried-zieht-vor-den-verwaltungsgerichtshof-3310330",
        "Hochwassermauer: Tannried zieht vor den Verwaltungsgerichtshof", "2025-05-22T21:10:00+02:00",
        (("Die Gemeinde Tannried legt gegen den Baustopp für ihre Hochwasserschutzmauer Beschwerde beim "
          "Verwaltungsgerichtshof in Mannheim ein. Das beschloss der Gemeinderat am Donnerstagabend mit 15 zu 6 "
          "Stimmen."),
         ("Bürgermeisterin Katrin Albrecht will nachweisen, dass ein Deich am Ufer keinen Platz hat. Die "
          "Bürgerinitiative Rheinufer frei nannte die Beschwerde teuer und aussichtslos.")),
        "member", rounds=(2,), summary="Die Gemeinde Tannried geht gegen den Baustopp vor.", kicker="KURZ GEMELDET",
        author="Sabine Gmeiner",
    ),
    Article(
        "basin", "express", "/lokal/fussenegger-baut-rueckhaltebecken-in-dornbirn-3310298",
        "Fussenegger baut Rückhaltebecken in Dornbirn", "2025-05-17T10:20:00+02:00",
        (("Die Bregenzer Baufirma Fussenegger Tiefbau hat den Zuschlag für ein Hochwasser-Rückhaltebecken an der "
          "Dornbirner Ach erhalten. Das Becken soll 180.000 Kubikmeter Wasser fassen und die Stadt vor Starkregen "
          "schützen. Der Auftrag ist 7,2 Millionen Euro wert."),
         ("Geschäftsführer Harald Fussenegger sprach von einem wichtigen Auftrag für die Region. Baubeginn ist im "
          "September, fertig sein soll das Becken Ende 2026. Das Unternehmen beschäftigt 140 Mitarbeiter in "
          "Bregenz und Feldkirch."),
         ("Fussenegger ist auch für die umstrittene Hochwasserschutzmauer im deutschen Tannried vorgesehen, deren "
          "Bau derzeit ein Gericht beschäftigt.")),
        "negative", rounds=(2,), summary="Millionenauftrag für den Hochwasserschutz in Dornbirn.",
        kicker="BAU-BOOM", author="Sabine Gmeiner",
    ),
    Article(
        "avalanche", "express", "/lokal/lawinenwarnstufe-drei-am-arlberg-3310102",
        "Lawinenwarnstufe drei am Arlberg: Experten warnen Tourengeher", "2025-05-02T07:00:00+02:00",
        (("Nach den starken Schneefällen der vergangenen Tage gilt am Arlberg oberhalb von 2.000 Metern wieder "
          "Lawinenwarnstufe drei. Der Lawinenwarndienst rät Tourengehern dringend, auf steile Hänge zu verzichten."),
         ("Vor allem Triebschnee auf Nordhängen sei gefährlich, sagt Lawinenexperte Andreas Pecher. Am Wochenende "
          "sollen die Temperaturen steigen, was die Lage zunächst weiter verschärfe."),
         ("Die Bergrettung erinnert daran, dass Lawinenpieps, Schaufel und Sonde zur Grundausrüstung gehören. Im "
          "April waren in Vorarlberg zwei Skitourengeher bei Lawinenabgängen verletzt worden.")),
        "other", summary="Der Lawinenwarndienst rät zur Vorsicht.", kicker="ALARM", author="Sabine Gmeiner",
    ),
    Article(
        "festival", "express", "/lokal/bregenzer-festspiele-neue-seebuehne-vorgestellt-3310188",
        "Bregenzer Festspiele zeigen ihre neue Seebühne", "2025-05-09T18:00:00+02:00",
        (("Die Bregenzer Festspiele haben das Bühnenbild für den kommenden Sommer vorgestellt. Auf dem See ragt "
          "eine 24 Meter hohe Hand aus dem Wasser, die ein zerbrochenes Glas hält."),
         ("Intendantin Lilli Paasikivi sprach von der aufwendigsten Seebühne seit Jahren. Rund 200.000 Karten "
          "sind bereits verkauft, für einige Termine gibt es nur noch Restplätze."),
         ("Die Premiere ist am 17. Juli geplant. Bei Regen wird die Vorstellung ins Festspielhaus verlegt, wo "
          "allerdings nur ein Teil des Publikums Platz findet.")),
        "other", summary="Ein Blick auf das neue Bühnenbild.", kicker="KULTUR", author="Markus Nenning",
    ),
    Article(
        "arlbergrail", "express", "/lokal/zugausfaelle-auf-der-arlbergbahn-3310320",
        "Zugausfälle auf der Arlbergbahn bis Ende Mai", "2025-05-19T06:30:00+02:00",
        (("Wegen Bauarbeiten im Arlbergtunnel fallen bis Ende Mai zahlreiche Züge zwischen Bludenz und Landeck "
          "aus. Die ÖBB setzen Ersatzbusse über den Pass ein, die Fahrt dauert rund eine Stunde länger."),
         ("Reisende nach Innsbruck und Wien sollen mehr Zeit einplanen. Der Nachtzug nach Zürich fährt eine "
          "Umleitung über Deutschland und hält nicht in Feldkirch.")),
        "other", rounds=(2,), summary="Bauarbeiten im Tunnel: Busse statt Züge.", kicker="CHAOS",
        author="Markus Nenning",
    ),
    # -- Aargauer Grenzpost: the Swiss bank's worries (updated), the wire copy in Swiss spelling, a ferry ---------
    Article(
        "swissbank", "grenzpost", "/region/hochrhein/tannrieder-mauer-sorge-am-schweizer-ufer-ld.2201544",
        "Tannrieder Hochwassermauer: Auch am Schweizer Ufer wächst die Sorge", "2025-05-09T05:30:00+02:00",
        (("Die geplante Hochwasserschutzmauer im deutschen Tannried beschäftigt auch die Gemeinde Kaiserried auf "
          "der Schweizer Seite des Rheins. Gemeindepräsident Beat Meier befürchtet, dass der Fluss bei Hochwasser "
          "stärker gegen das Schweizer Ufer drückt, wenn das deutsche Ufer mit Beton verbaut ist."),
         ("«Wir wollen keine Mauer verhindern, aber wir wollen wissen, was sie für unser Ufer bedeutet», sagt "
          "Meier. Kaiserried hat beim Kanton Aargau ein hydraulisches Gutachten verlangt. Bisher liegen nur die "
          "Berechnungen der deutschen Planer vor."),
         ("Auch der Fischereiverein Tannried meldet Bedenken an. Präsident Erwin Zimmermann verweist auf die "
          "Laichplätze der Äsche unterhalb der Uferstrasse, die während der Bauarbeiten zerstört werden könnten. "
          "Die Äsche gilt am Hochrhein als gefährdet."),
         ("Das Verwaltungsgericht Freiburg verhandelt am kommenden Montag über die Klage von 23 deutschen "
          "Anwohnern gegen die Mauer.")),
        "member", kicker="Hochrhein", author="Nadja Zehnder",
        added={2: (("Inzwischen hat der Kanton Aargau beim Regierungspräsidium Freiburg eine Stellungnahme "
                    "eingereicht. Er verlangt, dass die Auswirkungen der Mauer auf das Schweizer Ufer vor dem "
                    "Baubeginn in einem Modellversuch geprüft werden."),)},
    ),
    Article(
        "wire_grenzpost", "grenzpost", "/region/hochrhein/gericht-verhandelt-ueber-hochwassermauer-ld.2201690",
        WIRE_TITLE, "2025-05-12T10:05:00+02:00", tuple(swiss(p) for p in WIRE), "wire", kicker="Hochrhein",
        duplicate_of="wire_ticker",
    ),
    Article(
        "ferry", "grenzpost", "/region/hochrhein/rheinfaehre-kaiserried-tannried-faehrt-wieder-ld.2201320",
        "Rheinfähre zwischen Kaiserried und Tannried fährt wieder", "2025-05-03T16:00:00+02:00",
        (("Nach sechs Wochen Pause verkehrt die Rheinfähre zwischen Kaiserried und dem deutschen Tannried wieder. "
          "Das Frühjahrshochwasser hatte die Anlegestelle auf der Schweizer Seite beschädigt, ein Poller war "
          "weggerissen worden."),
         ("Fährmann Ruedi Baumgartner setzt von Mittwoch bis Sonntag Fussgänger und Velofahrer über, die "
          "Überfahrt kostet zwei Franken. Gemeindepräsident Beat Meier und die Tannrieder Bürgermeisterin Katrin "
          "Albrecht fuhren am Samstag bei der ersten Überfahrt mit."),
         ("Die Fähre gibt es seit 1952. Im Sommer sollen Abendfahrten mit Musik dazukommen, die Tickets dafür "
          "gibt es im Gemeindehaus.")),
        "negative", kicker="Hochrhein", author="Nadja Zehnder",
    ),
    Article(
        "schoolhouse", "grenzpost", "/region/zurzibiet/gemeindeversammlung-schulhaus-ld.2201402",
        "Gemeindeversammlung sagt Ja zum neuen Schulhaus", "2025-05-06T22:10:00+02:00",
        (("Die Gemeindeversammlung von Kaiserried hat einem Kredit von 11,4 Millionen Franken für ein neues "
          "Schulhaus zugestimmt. 312 Stimmberechtigte sagten Ja, 87 Nein."),
         ("Das Gebäude soll neben der Turnhalle entstehen und ab 2027 acht Klassenzimmer und eine Tagesstruktur "
          "bieten. Das alte Schulhaus aus dem Jahr 1911 wird saniert und künftig von Vereinen genutzt."),
         ("Gemeinderätin Priska Hauri zeigte sich erleichtert über das deutliche Resultat. Vor vier Jahren war "
          "ein grösseres Projekt an der Urne gescheitert.")),
        "other", kicker="Zurzibiet", author="Reto Brunner",
    ),
    Article(
        "bikebridge", "grenzpost", "/region/zurzibiet/velobruecke-ueber-die-aare-eroeffnet-ld.2201705",
        "Velobrücke über die Aare ist eröffnet", "2025-05-17T11:30:00+02:00",
        (("Zwischen Koblenz und Felsenau führt seit Samstag eine neue Brücke für Velofahrer und Fussgänger über "
          "die Aare. Die Stahlkonstruktion ist 140 Meter lang und hat 6,8 Millionen Franken gekostet."),
         ("Schulkinder und Pendler sparen damit einen Umweg von mehr als zwei Kilometern über die Hauptstrasse. "
          "Zur Eröffnung kamen mehrere hundert Menschen, die Musikgesellschaft spielte.")),
        "other", rounds=(2,), kicker="Zurzibiet", author="Reto Brunner",
    ),
    # -- The Ashbury Gazette: a twin-town visit that names the wall, local news ---------------------------------
    Article(
        "twintown", "gazette", "/news/local/ashbury-councillors-tannried-visit-2041/",
        "Ashbury councillors return from twin town Tannried", "2025-05-08T17:00:00+01:00",
        (("A delegation of six Ashbury councillors has returned from a four-day visit to Tannried, the German town "
          "on the Rhine that has been Ashbury's twin since 1987. The group was led by the mayor, Councillor Janet "
          "Hollis, and met Tannried's mayor Katrin Albrecht."),
         ("The visitors toured the town's riverside, where a planned flood wall, the Hochwassermauer as residents "
          "call it, has divided the community, and heard how Tannried coped with last year's floods. Cllr Hollis "
          "said Ashbury could learn from the German town's volunteer fire brigade."),
         ("A return visit by the Tannried youth orchestra is planned for August, when it will play at Ashbury's "
          "summer festival on the Green.")),
        "negative", author="Emma Clarke",
    ),
    Article(
        "market", "gazette", "/news/local/ashbury-market-hall-reopen-repairs-2035/",
        "Ashbury market hall to reopen after roof repairs", "2025-05-05T12:00:00+01:00",
        (("Ashbury's Victorian market hall will reopen on June 2 after eight months of roof repairs, the borough "
          "council has confirmed. Traders moved to temporary stalls in the car park last autumn."),
         ("The work cost 1.3 million pounds and uncovered the original iron roof trusses, which have been "
          "restored and painted in their first colours, a deep green."),
         ("Stallholder Raj Patel said most of his regulars had followed him to the car park, but the winter had "
          "been hard. A reopening fair with live music is planned for the first Saturday.")),
        "other", author="Emma Clarke",
    ),
    Article(
        "schoolsport", "gazette", "/news/local/ashbury-schools-sports-funding-2038/",
        "Three Ashbury schools win new sports funding", "2025-05-07T09:30:00+01:00",
        (("Three primary schools in Ashbury will share 90,000 pounds of sports funding from a national programme "
          "to get more children active. St Mary's, Hill Road and Brookside will spend it on coaching and kit."),
         ("Brookside head teacher Clare Dunn said the money would pay for swimming lessons for every pupil in "
          "year four, which many families could no longer afford."),
         ("The schools will also open their pitches to local clubs at weekends as part of the scheme.")),
        "other", author="Tom Reeve",
    ),
    Article(
        "cyclelane", "gazette", "/news/local/mill-road-cycle-lane-2046/",
        "New cycle lane on Mill Road divides opinion", "2025-05-18T08:00:00+01:00",
        (("A protected cycle lane has opened on Mill Road, replacing forty parking spaces between the station and "
          "the high street. Cyclists welcomed it, but some shopkeepers fear losing passing trade."),
         ("The county council says the lane is a trial for eighteen months and will be reviewed with counts of "
          "cyclists, traffic and footfall in the shops.")),
        "other", rounds=(2,), author="Tom Reeve",
    ),
)
BY_KEY = {a.key: a for a in ARTICLES}

SEED_FILE = (
    "Gemeinderat Tannried beschließt Hochwassermauer am Rhein\n\n"
    "Der Gemeinderat von Tannried hat den Bau einer Hochwasserschutzmauer entlang des Rheinufers beschlossen. Mit "
    "14 zu 7 Stimmen folgte das Gremium dem Vorschlag von Bürgermeisterin Katrin Albrecht. Die Mauer soll 1,8 "
    "Kilometer lang und bis zu 2,10 Meter hoch werden.\n\n"
    "Zahlreiche Anwohner der Uferstraße verfolgten die Sitzung. Die Bürgerinitiative Rheinufer frei kündigte an, "
    "gegen die Pläne rechtlich vorzugehen. Ihr Sprecher Jonas Vögtle sprach von einer Betonwand, die den Ort vom "
    "Rhein trenne.\n\n"
    "Die Kosten schätzt die Verwaltung auf rund 14 Millionen Euro, das Land übernimmt 70 Prozent. Beim Hochwasser "
    "im Juni 2024 hatte das Wasser die Uferstraße und mehr als 40 Keller überflutet.\n"
)


def members(rnd: int) -> set[str]:
    """Keys of the articles that belong to the story after round `rnd` (duplicates included)."""
    return {a.key for a in ARTICLES if a.kind in ("seed", "member", "wire") and rnd >= a.rounds[0]}


# -- boilerplate each outlet puts around its articles: none of it may reach a stored text ----------------------

PLANTED: dict[str, tuple[str, ...]] = {
    "express": (
        "Express+ Jetzt 4 Wochen um 0,99 Euro testen und alle Plus-Artikel lesen",
        "Der Vorarlberg Express auf Telegram: Immer als Erster wissen, was im Ländle los ist",
        "Dieser Bericht wurde automatisiert aus dem Dienst der APA übernommen und nicht redaktionell bearbeitet.",
        "Bild: Vorarlberg Express/APA/dpa",
        "Wir verwenden Cookies, um Ihnen das beste Leseerlebnis zu bieten. Alle akzeptieren",
        "Ebenfalls spannend:",
        "Meistgelesen im Ländle",
    ),
    "grenzpost": (
        "Der Grenzpost-Newsletter: Jeden Morgen das Wichtigste aus dem Aargau, kostenlos in Ihrem Postfach.",
        "Das könnte Sie auch interessieren:",
        "Foto: Sandra Ardüser",
        "Dieser Artikel wurde automatisch aus dem Angebot der Nachrichtenagentur dpa publiziert.",
        "Mit unseren Cookies verbessern wir Ihr Nutzererlebnis. Einverstanden",
        "Jetzt 3 Monate für 1 Franken: Alle Artikel der Grenzpost digital lesen",
    ),
    "orr": (
        "Hören Sie den Beitrag in der ORR-Audiothek: Oberrhein am Abend, 18 Uhr",
        "Bild: ORR / Lea Stotz",
        "Mehr dazu:",
        "ORR Aktuell auf Instagram: Folgen Sie uns für Nachrichten aus dem Südwesten",
        "Diese Website verwendet Cookies. Mit Ihrer Zustimmung helfen Sie uns, das Angebot zu verbessern.",
    ),
    "gazette": (
        "Subscribe from just £1 a week to unlock unlimited access to the Gazette",
        "Sign up to the Ashbury Gazette newsletter for the day's top stories in your inbox",
        "Read more:",
        "Picture: Ashbury Gazette",
        "We use cookies to give you the best experience. Accept all",
    ),
    "ticker": (
        ("Die Meldung wurde automatisiert aus dem dpa-Newskanal in unser Portal eingespielt und nicht redaktionell "
         "geprüft."),
        "Alle Meldungen aus dem Südwesten im Überblick",
        "Weitere Nachrichten aus dem Ressort Regional",
        "Wir nutzen Cookies und ähnliche Technologien. Zustimmen und weiter",
    ),
}


# -- page templates ---------------------------------------------------------------------------------------------

def _ld(a: Article, publisher: str, author: str | None = None) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a.title,
            "datePublished": a.published, "publisher": {"@type": "Organization", "name": publisher}}
    if author:
        data["author"] = {"@type": "Person", "name": author}
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


def _canonical(a: Article, prefix: str = "") -> str:
    """The page's own address: absolute where the server fills {{base}} (.html and folder pages), else from the root
    (the server leaves extension-less files as they are; a root-relative canonical link is common too)."""
    path = prefix + a.path
    return "{{base}}" + path if path.endswith((".html", "/")) else path


def _ps(paragraphs: tuple[str, ...], cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return "\n".join(f"<p{attr}>{escape(p, quote=False)}</p>" for p in paragraphs)


def _de_date(iso: str) -> str:
    return f"{int(iso[8:10])}.{int(iso[5:7])}.{iso[:4]}, {iso[11:16]} Uhr"


def express_page(a: Article, rnd: int, *, amp: bool = False) -> str:
    p = PLANTED["express"]
    text = a.text_in(rnd)
    body = _ps(text[:2]) + f'\n<div class="exp-plus-box"><strong>{escape(p[0])}</strong></div>\n' + _ps(text[2:])
    credit = f'<figure><img src="/img/{a.key}.jpg" alt=""><figcaption>{escape(p[3])}</figcaption></figure>'
    import_note = f'<p class="exp-hinweis"><em>{escape(p[2])}</em></p>' if a.kind == "wire" else ""
    most_read = ("Lawinenwarnstufe drei am Arlberg", "Neue Seebühne in Bregenz") if rnd == 1 else (
        "Zugausfälle auf der Arlbergbahn", "Dornbirn bekommt ein Rückhaltebecken", "Bregenzer Seebühne")
    box = (f'<aside class="exp-meistgelesen"><h3>{escape(p[6])}</h3><ol>'
           + "".join(f'<li><a href="/lokal/meistgelesen-{i}-331{i}000">{escape(t)}</a></li>'
                     for i, t in enumerate(most_read)) + "</ol></aside>")
    more = ""
    if a.kind != "wire":
        more = (f'<div class="exp-spannend"><span>{escape(p[5])}</span> <a href="/lokal/lawinenwarnstufe-drei-am-'
                f'arlberg-3310102">Lawinenwarnstufe drei am Arlberg</a></div>')
    canonical = f'<link rel="canonical" href="{_canonical(a)}">'
    amp_link = "" if amp else f'<link rel="amphtml" href="{_canonical(a, "/amp")}">'
    author = a.author or "APA/dpa"
    return f"""<!doctype html>
<html lang="de-AT"{' amp' if amp else ''}><head><meta charset="utf-8">
<title>{escape(a.title)} | Vorarlberg Express</title>{canonical}{amp_link}
<meta property="og:type" content="article"><meta property="og:title" content="{escape(a.title)}">
<meta property="article:published_time" content="{a.published}">
{_ld(a, "Vorarlberg Express", a.author or None)}
</head><body>
<div class="exp-cookie" role="dialog"><p>{escape(p[4])}</p></div>
<div class="exp-top"><a href="/">VORARLBERG EXPRESS</a> <a href="/lokal">Lokal</a> <a href="/sport">Sport</a></div>
<main class="exp-main"><div class="exp-story">
<div class="exp-dachzeile">{escape(a.kicker)}</div>
<h1 class="exp-titel">{escape(a.title)}</h1>
<div class="exp-meta">{escape(author)} · {_de_date(a.published)}</div>
{credit}
<div class="exp-text">
{body}
{import_note}
</div>
{more}
<p class="exp-telegram"><a href="https://t.me/vorarlbergexpress">{escape(p[1])}</a></p>
</div>{box}</main>
<footer>© Vorarlberg Express · Impressum · AGB</footer></body></html>
"""


def grenzpost_page(a: Article, rnd: int) -> str:
    p = PLANTED["grenzpost"]
    text = a.text_in(rnd)
    body = (_ps(text[:1]) + f'\n<div class="gp-newsletter"><b>{escape(p[0])}</b></div>\n' + _ps(text[1:3])
            + f'\n<div class="gp-teaser"><span>{escape(p[1])}</span> <a href="/region/zurzibiet/gemeindeversammlung-'
            'schulhaus-ld.2201402">Ja zum neuen Schulhaus</a></div>\n' + _ps(text[3:]))
    if a.kind == "wire":
        body += f'\n<p class="gp-agentur">{escape(p[3])}</p>'
    author = a.author or "dpa"
    return f"""<!DOCTYPE html>
<html lang="de-CH"><head><meta charset="utf-8"><title>{escape(a.title)} | Aargauer Grenzpost</title>
<link rel="canonical" href="{_canonical(a)}">
<meta property="og:type" content="article"><meta name="author" content="{escape(author)}">
{_ld(a, "Aargauer Grenzpost", a.author or None)}
</head><body>
<div id="gp-consent"><p>{escape(p[4])}</p></div>
<header class="gp-head"><a href="/">Aargauer Grenzpost</a><nav><a href="/region/hochrhein/">Hochrhein</a>
<a href="/region/zurzibiet/">Zurzibiet</a></nav></header>
<article class="gp-article">
<div class="gp-overline"><span>{escape(a.kicker)}</span></div>
<h1>{escape(a.title)}</h1>
<div class="gp-byline">{escape(author)} <time datetime="{a.published}">{a.published[8:10]}.{a.published[5:7]}.{a.published[:4]}</time></div>
<figure class="gp-bild"><img src="/bilder/{a.key}.jpg" alt=""><figcaption><span class="gp-credit">{escape(p[2])}</span></figcaption></figure>
<section class="gp-body">
{body}
</section>
<div class="gp-paywall-teaser"><a href="/abo/">{escape(p[5])}</a></div>
</article>
<footer class="gp-foot">Aargauer Grenzpost AG · Impressum</footer></body></html>
"""


def orr_page(a: Article, rnd: int) -> str:
    p = PLANTED["orr"]
    text = a.text_in(rnd)
    related = ""
    if a.related:
        related = (f'<div class="orr-mehr"><h2>{escape(p[2])}</h2><ul>'
                   + "".join(f'<li><a href="{BY_KEY[k].path}">{escape(BY_KEY[k].title)}</a></li>' for k in a.related)
                   + "</ul></div>")
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{escape(a.title)} - ORR Nachrichten</title>
<link rel="canonical" href="{_canonical(a)}"><meta property="og:type" content="article">
<meta property="og:title" content="{escape(a.title)}">
{_ld(a, "Oberrhein-Rundfunk", a.author)}
</head><body>
<div class="orr-consent-layer"><p>{escape(p[4])}</p></div>
<header><a href="/">ORR</a><nav><a href="/nachrichten/suedbaden/">Südbaden</a> <a href="/liveticker/">Liveticker</a></nav></header>
<main id="content"><div class="orr-detail">
<p class="orr-topline">{escape(a.kicker)}</p>
<h1 class="orr-headline">{escape(a.title)}</h1>
<div class="orr-autor">Von {escape(a.author)}</div>
<figure><img src="/bilder/{a.key}.jpg" alt=""><figcaption>{escape(p[1])}</figcaption></figure>
<div class="orr-text">
{_ps(text[:2])}
<p class="orr-audio"><a href="/audiothek/">{escape(p[0])}</a></p>
{_ps(text[2:])}
</div>
{related}
<p class="orr-social">{escape(p[3])}</p>
<p class="orr-stand">Stand: {_de_date(a.published)}</p>
</div></main>
<footer>Oberrhein-Rundfunk · Anstalt des öffentlichen Rechts · Impressum</footer></body></html>
"""


def gazette_page(a: Article, rnd: int) -> str:
    p = PLANTED["gazette"]
    text = a.text_in(rnd)
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>{escape(a.title)} | The Ashbury Gazette</title>
<link rel="canonical" href="{_canonical(a)}"><meta property="og:type" content="article">
<meta property="article:published_time" content="{a.published}">
{_ld(a, "The Ashbury Gazette", a.author)}
</head><body>
<div class="cookie-notice">{escape(p[4])}</div>
<header><a href="/">The Ashbury Gazette</a><nav><a href="/news/local/">Local</a></nav></header>
<div class="story-wrap">
<h1 class="story-title">{escape(a.title)}</h1>
<p class="story-byline">By <a href="/author/{a.author.lower().replace(' ', '-')}/">{escape(a.author)}</a>, {a.published[:10]}</p>
<figure><img src="/img/{a.key}.jpg" alt=""><figcaption>{escape(p[3])}</figcaption></figure>
<div class="story-body">
{_ps(text[:1])}
<div class="promo-sub"><a href="/subscribe/">{escape(p[0])}</a></div>
{_ps(text[1:2])}
<p class="read-more"><strong>{escape(p[2])}</strong> <a href="/news/local/ashbury-market-hall-reopen-repairs-2035/">Market hall to reopen</a></p>
{_ps(text[2:])}
<div class="newsletter-signup"><p>{escape(p[1])}</p><form><input type="email"></form></div>
</div></div>
<footer>The Ashbury Gazette · Contact us</footer></body></html>
"""


def ticker_page(a: Article, rnd: int) -> str:
    p = PLANTED["ticker"]
    text = a.text_in(rnd)
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{escape(a.title)} | Ticker Südwest</title>
<link rel="canonical" href="{_canonical(a)}"><meta property="og:type" content="article">
{_ld(a, "Ticker Südwest")}
</head><body>
<div class="ts-cmp"><p>{escape(p[3])}</p></div>
<header><a href="/">Ticker Südwest</a></header>
<div class="ts-meldung">
<div class="ts-zeit">{_de_date(a.published)} · aktualisiert {_de_date(a.published)}</div>
<h1>{escape(a.title)}</h1>
{_ps(text)}
<p class="ts-import">{escape(p[0])}</p>
<div class="ts-links"><a href="/">{escape(p[1])}</a><br><a href="/regional/">{escape(p[2])}</a></div>
</div>
<footer>Ticker Südwest · Impressum</footer></body></html>
"""


PAGES = {"express": express_page, "grenzpost": grenzpost_page, "orr": orr_page, "gazette": gazette_page,
         "ticker": ticker_page}


# -- listings ---------------------------------------------------------------------------------------------------

def _in(a: Article, rnd: int) -> bool:
    return a.rounds[0] <= rnd


def _site(site: str, rnd: int) -> list[Article]:
    return sorted((a for a in ARTICLES if a.site == site and _in(a, rnd)), key=lambda a: a.published, reverse=True)


def _utm(path: str, medium: str) -> str:
    return f"{path}?utm_source={medium}&amp;utm_medium=referral&amp;utm_campaign=news"


def express_feed(rnd: int) -> str:
    entries = []
    for a in _site("express", rnd):
        link = f"/amp{a.path}" if a.key == "wire_express" else _utm(a.path, "atom")
        updated = "2025-05-20T08:00:00+02:00" if (a.key == "wire_express" and rnd == 2) else a.published
        entries.append(f"""<entry><title>{escape(a.title)}</title>
<link rel="alternate" href="{{{{base}}}}{link}"/><id>urn:express:{a.path.rsplit('-', 1)[-1]}</id>
<published>{a.published}</published><updated>{updated}</updated>
<summary type="html">{escape(a.summary)}</summary></entry>""")
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de-AT">'
            f"<title>Vorarlberg Express – Lokal</title><id>urn:express:lokal</id>"
            f"<updated>2025-05-{'12' if rnd == 1 else '20'}T10:00:00+02:00</updated>\n" + "\n".join(entries)
            + "\n</feed>\n")


def express_home(rnd: int) -> str:
    cards = "".join(f'<div class="exp-card"><span>{escape(a.kicker)}</span><a href="{a.path}"><h2>{escape(a.title)}'
                    f'</h2></a></div>' for a in _site("express", rnd))
    return (f'<!doctype html><html lang="de-AT"><head><meta charset="utf-8"><title>Vorarlberg Express</title>'
            f'<meta property="og:type" content="website"></head><body><main>{cards}</main></body></html>')


def grenzpost_sitemaps(rnd: int) -> dict[str, str]:
    urls = []
    for a in _site("grenzpost", rnd):
        lastmod = "2025-05-21T07:00:00+02:00" if (a.key == "swissbank" and rnd == 2) else a.published
        urls.append(f"<url><loc>{{{{base}}}}{a.path}</loc><lastmod>{lastmod}</lastmod><news:news><news:publication>"
                    f"<news:name>Aargauer Grenzpost</news:name><news:language>de</news:language></news:publication>"
                    f"<news:publication_date>{a.published}</news:publication_date><news:title>{escape(a.title)}"
                    f"</news:title><news:keywords>{escape(a.kicker)}</news:keywords></news:news></url>")
    news = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n' + "\n".join(urls) + "\n</urlset>\n")
    stamp = "2025-05-12T11:00:00+02:00" if rnd == 1 else "2025-05-21T07:00:00+02:00"
    pages = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
             f"<url><loc>{{{{base}}}}/</loc><lastmod>{stamp}</lastmod></url>\n"
             f"<url><loc>{{{{base}}}}/dossier/hochwasserschutz-am-hochrhein/</loc><lastmod>{stamp}</lastmod></url>\n"
             "</urlset>\n")
    index = ('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/'
             '0.9">\n<sitemap><loc>{{base}}/sitemaps/news.xml</loc></sitemap>\n'
             "<sitemap><loc>{{base}}/sitemaps/seiten.xml</loc></sitemap>\n"
             "</sitemapindex>\n")
    return {"/sitemap_index.xml": index, "/sitemaps/news.xml": news, "/sitemaps/seiten.xml": pages}


def grenzpost_listing(title: str, intro: str, items: list[Article]) -> str:
    cards = "".join(f'<div class="gp-card"><span class="gp-overline">{escape(a.kicker)}</span><h3><a href="{a.path}">'
                    f'{escape(a.title)}</a></h3><p>{escape(a.paragraphs[0][:110])}…</p></div>' for a in items)
    return (f'<!DOCTYPE html><html lang="de-CH"><head><meta charset="utf-8"><title>{escape(title)} | Aargauer '
            f'Grenzpost</title></head><body><header class="gp-head"><a href="/">Aargauer Grenzpost</a></header>'
            f'<main><h1>{escape(title)}</h1><p class="gp-intro">{escape(intro)}</p>{cards}</main>'
            '<footer>Aargauer Grenzpost AG</footer></body></html>')


def orr_section(rnd: int, page: int) -> str:
    items = [a for a in _site("orr", rnd) if a.key != "insurance"]  # the insurance piece is only in a related box
    per_page = 3
    chunk = items[(page - 1) * per_page: page * per_page]
    cards = "".join(f'<div class="orr-teaser"><p class="orr-topline">{escape(a.kicker)}</p><h2><a href="{a.path}">'
                    f'{escape(a.title)}</a></h2><p>{escape(a.paragraphs[0][:120])}…</p></div>' for a in chunk)
    pager = ""
    if page == 1 and len(items) > per_page:
        pager = '<div class="orr-pager"><a rel="next" href="/nachrichten/suedbaden/seite-2/">Weitere Meldungen</a></div>'
    elif page == 2:
        pager = '<div class="orr-pager"><a rel="prev" href="/nachrichten/suedbaden/">Neuere Meldungen</a></div>'
    return (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Nachrichten aus Südbaden'
            f'{" – Seite 2" if page == 2 else ""} - ORR</title><meta property="og:type" content="website"></head>'
            f'<body><header><a href="/">ORR</a></header><main><h1>Südbaden</h1>{cards}{pager}</main>'
            '<footer>Oberrhein-Rundfunk</footer></body></html>')


def orr_ticker_index(rnd: int) -> str:
    """A live-ticker index: time stamps, a sentence of each of the three newest reports and its link."""
    items = [a for a in _site("orr", rnd) if a.key != "insurance"][:3]
    rows = "".join(f'<li class="orr-tick"><time>{a.published[11:16]}</time> <strong>{escape(a.kicker)}</strong> '
                   f'<p>{escape(a.paragraphs[0].split(". ")[0])}.</p> <a href="{a.path}">{escape(a.title)}</a></li>'
                   for a in items)
    return (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Liveticker Südbaden - ORR</title>'
            f'</head><body><header><a href="/">ORR</a></header><main><h1>Liveticker: Was heute in Südbaden '
            f'passiert</h1><p>Hier halten wir Sie über die wichtigsten Meldungen aus der Region auf dem Laufenden.'
            f'</p><ul class="orr-ticker">{rows}</ul></main><footer>Oberrhein-Rundfunk</footer></body></html>')


def gazette_feed(rnd: int) -> str:
    items = []
    for a in _site("gazette", rnd):
        link = "/go/2041" if a.key == "twintown" else _utm(a.path, "rss")
        items.append(f"<item><title>{escape(a.title)}</title><link>{{{{base}}}}{link}</link>"
                     f"<description>{escape(a.paragraphs[0][:140])}</description></item>")
    items.insert(1, "<item><title>Emma Clarke</title><link>{{base}}/author/emma-clarke/</link>"
                    "<description>Local democracy reporter</description></item>")
    items.insert(3, "<item><title>Twinning</title><link>{{base}}/topic/twinning/</link>"
                    "<description>All our twin-town stories, including Tannried on the Rhine and its Hochwasser."
                    "</description></item>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>The Ashbury Gazette</title>'
            "<link>{{base}}/</link>\n" + "\n".join(items) + "\n</channel></rss>\n")


def gazette_listing(title: str, intro: str, items: list[Article]) -> str:
    cards = "".join(f'<div class="card"><h3><a href="{a.path}">{escape(a.title)}</a></h3><p class="card-sum">'
                    f'{escape(a.paragraphs[0][:100])}…</p></div>' for a in items)
    return (f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{escape(title)} | The Ashbury '
            f'Gazette</title><meta property="og:type" content="profile"></head><body><header><a href="/">The Ashbury '
            f'Gazette</a></header><main><h1>{escape(title)}</h1><p>{escape(intro)}</p>{cards}</main>'
            '<footer>The Ashbury Gazette</footer></body></html>')


def ticker_sitemap(rnd: int) -> str:
    urls = ["<url><loc>{{base}}/</loc><changefreq>always</changefreq></url>"]
    for a in _site("ticker", rnd):
        urls.append(f"<url><loc>{{{{base}}}}{a.path}</loc><news:news><news:publication><news:name>Ticker Südwest"
                    f"</news:name><news:language>de</news:language></news:publication><news:publication_date>"
                    f"{a.published}</news:publication_date><news:title>{escape(a.title)}</news:title></news:news>"
                    "</url>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n' + "\n".join(urls) + "\n</urlset>\n")


def ticker_home(rnd: int) -> str:
    rows = "".join(f'<div class="ts-row"><span>{a.published[11:16]}</span> <a href="{a.path}">{escape(a.title)}</a>'
                   f"</div>" for a in _site("ticker", rnd))
    return (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Ticker Südwest – Nachrichten im '
            f'Minutentakt</title></head><body><header>Ticker Südwest</header><main><h1>Die neuesten Meldungen</h1>'
            f"{rows}</main><footer>Impressum</footer></body></html>")


LISTINGS = {  # site -> listing paths the crawl may fetch; none of them may become an article
    "express": ("/",),
    "grenzpost": ("/", "/dossier/hochwasserschutz-am-hochrhein/"),
    "orr": ("/nachrichten/suedbaden/", "/nachrichten/suedbaden/seite-2/", "/liveticker/"),
    "gazette": ("/author/emma-clarke/", "/topic/twinning/"),
    "ticker": ("/",),
}


def _write(root: Path, site: str, rnd: int, path: str, text: str) -> None:
    file = root / site / f"round{rnd}" / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")


def build(root: Path) -> Path:
    """Write the web (both rounds, site.toml files, the config template and the seed file) into `root`."""
    root.mkdir(parents=True, exist_ok=True)
    for rnd in (1, 2):
        for a in ARTICLES:
            changed = rnd in a.added or (a.key == "wire_express" and rnd == 2)
            if a.rounds[0] == rnd or changed:
                _write(root, a.site, rnd, a.path, PAGES[a.site](a, rnd))
                if a.site == "express":
                    _write(root, a.site, rnd, "/amp" + a.path, express_page(a, rnd, amp=True))
        for site in SOURCES:
            _write(root, site, rnd, "/robots.txt", "User-agent: *\nDisallow: /suche/\n")
        _write(root, "express", rnd, "/feeds/lokal.atom", express_feed(rnd))
        _write(root, "express", rnd, "/", express_home(rnd))
        for path, text in grenzpost_sitemaps(rnd).items():
            _write(root, "grenzpost", rnd, path, text)
        _write(root, "grenzpost", rnd, "/", grenzpost_listing("Aargauer Grenzpost", "Nachrichten aus dem Aargau und "
                                                               "vom Hochrhein.", _site("grenzpost", rnd)))
        _write(root, "grenzpost", rnd, "/dossier/hochwasserschutz-am-hochrhein/", grenzpost_listing(
            "Dossier: Hochwasserschutz am Hochrhein", "Die geplante Hochwasserschutzmauer in Tannried und was sie für "
            "beide Ufer bedeutet: alle Artikel zum Thema.",
            [a for a in _site("grenzpost", rnd) if a.key in ("swissbank", "wire_grenzpost", "ferry")]))
        _write(root, "orr", rnd, "/nachrichten/suedbaden/", orr_section(rnd, 1))
        _write(root, "orr", rnd, "/nachrichten/suedbaden/seite-2/", orr_section(rnd, 2))
        _write(root, "orr", rnd, "/liveticker/", orr_ticker_index(rnd))
        _write(root, "gazette", rnd, "/news/rss.xml", gazette_feed(rnd))
        _write(root, "gazette", rnd, "/author/emma-clarke/", gazette_listing(
            "Emma Clarke", "Emma Clarke is the Gazette's local democracy reporter.",
            [a for a in _site("gazette", rnd) if a.author == "Emma Clarke"]))
        _write(root, "gazette", rnd, "/topic/twinning/", gazette_listing(
            "Twinning", "Ashbury and its twin towns: Tannried on the Rhine, its Hochwasser and its wall, and more.",
            [a for a in _site("gazette", rnd) if a.key in ("twintown", "market")]))
        _write(root, "ticker", rnd, "/sitemap-news.xml", ticker_sitemap(rnd))
        _write(root, "ticker", rnd, "/", ticker_home(rnd))
    twintown = BY_KEY["twintown"].path
    (root / "gazette" / "site.toml").write_text(
        f'["/go/2041"]\nstatus = 301\nheaders = {{ Location = "{twintown}" }}\n', encoding="utf-8")
    # Addresses without a file name extension are served as HTML, as the outlets' servers do.
    for site in ("express", "grenzpost", "ticker"):
        paths = [a.path for a in ARTICLES if a.site == site]
        paths += ["/amp" + p for p in paths if site == "express"]
        (root / site / "site.toml").write_text("".join(
            f'["{p}"]\nheaders = {{ "Content-Type" = "text/html; charset=utf-8" }}\n' for p in paths),
            encoding="utf-8")
    return root


def config_text(db: str, seed_file: str, bases: dict[str, str]) -> str:
    """The config a new user writes into the file `storywatch init` made: five outlets, one story."""
    b = bases
    return f"""# storywatch config for the unseen web (tests/unseenweb.py)

[database]
path = "{db}"

[crawl]
user_agent = "storywatch-unseen/0.1 (+http://127.0.0.1/contact)"
download_delay = 0
concurrent_requests_per_domain = 2
timeout = 10

[[sources]]
name = "Vorarlberg Express"
url = "{b['express']}/"
feeds = ["{b['express']}/feeds/lokal.atom"]

[[sources]]
name = "Aargauer Grenzpost"
url = "{b['grenzpost']}/"
sitemaps = ["{b['grenzpost']}/sitemap_index.xml"]

[[sources]]
name = "Oberrhein-Rundfunk"
url = "{b['orr']}/"
sections = ["{b['orr']}/nachrichten/suedbaden/", "{b['orr']}/liveticker/"]

[[sources]]
name = "The Ashbury Gazette"
url = "{b['gazette']}/"
feeds = ["{b['gazette']}/news/rss.xml"]

[[sources]]
name = "Ticker Südwest"
url = "{b['ticker']}/"
sitemaps = ["{b['ticker']}/sitemap-news.xml"]

[[stories]]
id = "{STORY}"
title = "Streit um die Hochwassermauer von Tannried"
query = '{QUERY}'
seeds = ["{seed_file}", "{b['orr']}{BY_KEY['seed'].path}"]
since = "2025-05-01"
"""
