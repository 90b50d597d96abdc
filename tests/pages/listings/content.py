"""The text of the listing fixtures: teasers, article bodies, captions, bios. All of it invented for these fixtures.

Places, people and firms are fictional (the Sarntal region, the town of Kellbach, the state of Hochland); the English
items follow an invented northern port city. `make_listings.py` renders them into twelve outlet styles.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Teaser:
    slug: str
    kicker: str
    headline: str
    summary: str
    section: str
    time: str  # ISO 8601


def _t(slug: str, kicker: str, headline: str, summary: str, section: str, time: str) -> Teaser:
    return Teaser(slug, kicker, headline, summary, section, time)


DE_TEASERS: tuple[Teaser, ...] = (
    _t("sarnbruecke-bleibt-bis-sommer-gesperrt", "Verkehr", "Sarnbrücke bleibt bis zum Sommer gesperrt",
       "Die Gutachter haben weitere Risse im Tragwerk gefunden. Pendler müssen sich auf monatelange Umwege einstellen.",
       "region", "2025-01-21T06:40:00+01:00"),
    _t("landtag-beschliesst-kita-gesetz", "Landespolitik", "Landtag beschließt das neue Kita-Gesetz",
       "Nach einer langen Debatte stimmte die Mehrheit für beitragsfreie Kitajahre ab 2026. Die Opposition kritisiert "
       "die Finanzierung.", "politik", "2025-01-21T07:15:00+01:00"),
    _t("hochwasser-kellbach-pegel-sinkt", "Unwetter", "Pegel am Kellbach sinkt langsam",
       "Nach dem Starkregen am Wochenende entspannt sich die Lage. Einige Keller stehen noch unter Wasser.",
       "region", "2025-01-20T18:05:00+01:00"),
    _t("stahlwerk-hollfeld-kurzarbeit", "Wirtschaft", "Stahlwerk Hollfeld schickt 800 Beschäftigte in Kurzarbeit",
       "Die Auftragslage in der Autoindustrie drückt auf die Produktion. Die Gewerkschaft fordert eine "
       "Standortgarantie.", "wirtschaft", "2025-01-20T16:30:00+01:00"),
    _t("tsv-sarnheim-siegt-im-derby", "Fußball", "TSV Sarnheim gewinnt das Derby mit 3:1",
       "Zwei späte Tore drehten das Spiel gegen den FC Kellbach. Der Trainer lobte die Moral seiner Mannschaft.",
       "sport", "2025-01-19T17:55:00+01:00"),
    _t("neue-buslinie-nach-oberried", "Nahverkehr", "Neue Buslinie verbindet Oberried mit dem Bahnhof",
       "Ab März fährt die Linie 47 im Halbstundentakt. Der Landkreis zahlt den Zuschuss für zunächst zwei Jahre.",
       "region", "2025-01-19T11:20:00+01:00"),
    _t("klinikum-sarnheim-notaufnahme", "Gesundheit", "Klinikum erweitert die Notaufnahme",
       "Acht zusätzliche Behandlungsplätze sollen Wartezeiten verkürzen. Der Umbau beginnt im Frühjahr.",
       "region", "2025-01-18T09:10:00+01:00"),
    _t("bauernproteste-vor-dem-landtag", "Protest", "Hunderte Traktoren rollen vor den Landtag",
       "Die Landwirte protestieren gegen neue Auflagen für Gülle. Der Verkehr in der Innenstadt kam zeitweise zum "
       "Erliegen.", "politik", "2025-01-18T08:45:00+01:00"),
    _t("wohnungsbau-kellbach-stockt", "Bauen", "Wohnungsbau in Kellbach stockt",
       "Zwei Investoren haben ihre Pläne für das Gelände am alten Güterbahnhof auf Eis gelegt. Die Stadt sucht "
       "nach neuen Partnern.", "wirtschaft", "2025-01-17T15:00:00+01:00"),
    _t("schulen-bekommen-tablets", "Bildung", "Alle Grundschulen bekommen Tablets",
       "Das Land stellt 40 Millionen Euro für die Ausstattung bereit. Lehrerverbände fordern mehr Personal für die "
       "Technik.", "politik", "2025-01-17T12:30:00+01:00"),
    _t("feuer-in-scheune-bei-unterried", "Polizei", "Feuer in Scheune bei Unterried: Hoher Sachschaden",
       "Die Feuerwehr war mit 60 Kräften im Einsatz. Verletzt wurde niemand, die Ursache ist noch unklar.",
       "region", "2025-01-17T06:10:00+01:00"),
    _t("museum-zeigt-flussfunde", "Kultur", "Stadtmuseum zeigt Funde aus dem Flussbett der Sarn",
       "Taucher haben Münzen, Werkzeuge und eine Glocke geborgen. Die Ausstellung öffnet im Februar.",
       "kultur", "2025-01-16T14:00:00+01:00"),
    _t("energieversorger-senkt-preise", "Verbraucher", "Stadtwerke senken den Strompreis",
       "Kunden in der Grundversorgung zahlen ab April rund acht Prozent weniger. Beim Gas bleibt der Preis gleich.",
       "wirtschaft", "2025-01-16T10:45:00+01:00"),
    _t("innenminister-will-mehr-polizei", "Sicherheit", "Innenminister will 500 zusätzliche Polizisten",
       "Die Stellen sollen über vier Jahre geschaffen werden. Die Polizeigewerkschaft begrüßt den Plan.",
       "politik", "2025-01-15T17:20:00+01:00"),
    _t("eishockey-kellbach-playoffs", "Eishockey", "Kellbach Bisons sichern sich die Playoffs",
       "Mit einem Sieg nach Verlängerung ist der Einzug in die Endrunde perfekt. Am Freitag geht es gegen Hollfeld.",
       "sport", "2025-01-15T22:05:00+01:00"),
    _t("gemeinderat-oberried-haushalt", "Kommunalpolitik", "Oberried verabschiedet Rekordhaushalt",
       "Die Gemeinde investiert vor allem in Schulen und Straßen. Die Rücklagen schrumpfen deutlich.",
       "region", "2025-01-15T19:40:00+01:00"),
    _t("wetter-glaette-am-morgen", "Wetter", "Glätte am Morgen: Mehrere Unfälle auf der B 27",
       "Überfrierende Nässe sorgte für Chaos im Berufsverkehr. Die Polizei zählte zwölf Unfälle.",
       "region", "2025-01-14T08:15:00+01:00"),
    _t("brauerei-feiert-jubilaeum", "Tradition", "Brauerei Sarnbräu feiert 400 Jahre",
       "Zum Jubiläum gibt es ein Sonderbier und ein Fest auf dem Marktplatz. Die Familie führt den Betrieb in "
       "der zwölften Generation.", "region", "2025-01-14T13:00:00+01:00"),
    _t("tarifstreit-im-nahverkehr", "Streik", "Warnstreik legt Busse und Bahnen lahm",
       "Die Gewerkschaft ruft für Donnerstag zum ganztägigen Ausstand auf. Schulen bitten Eltern um Fahrgemeinschaften.",
       "wirtschaft", "2025-01-13T15:35:00+01:00"),
    _t("radweg-am-sarnufer-fertig", "Freizeit", "Radweg am Sarnufer ist fertig",
       "Der letzte Abschnitt zwischen Sarnheim und Kellbach ist asphaltiert. Im Mai soll er offiziell eröffnet werden.",
       "region", "2025-01-13T11:00:00+01:00"),
    _t("landrat-kandidiert-nicht-mehr", "Wahl", "Landrat Berghofer tritt nicht mehr an",
       "Nach 18 Jahren im Amt will er sich zurückziehen. Zwei Parteien haben bereits Nachfolger im Blick.",
       "politik", "2025-01-12T16:50:00+01:00"),
    _t("apotheken-notdienst-neu-geregelt", "Service", "Apotheken-Notdienst wird neu geregelt",
       "Statt sechs Apotheken teilen sich künftig vier den Nachtdienst im Kreis. Die Wege werden länger.",
       "region", "2025-01-12T09:30:00+01:00"),
    _t("hochschule-neuer-studiengang", "Hochschule", "Hochschule startet Studiengang für Pflege",
       "Die ersten 40 Plätze sind zum Wintersemester zu vergeben. Bewerbungen sind ab sofort möglich.",
       "bildung", "2025-01-11T10:10:00+01:00"),
    _t("biber-fluten-wiesen", "Natur", "Biber setzen Wiesen bei Hollfeld unter Wasser",
       "Ein neuer Damm staut den Mühlbach. Landwirte und Naturschützer suchen gemeinsam nach einer Lösung.",
       "region", "2025-01-11T08:00:00+01:00"),
    _t("handball-frauen-pokal", "Handball", "Handballerinnen stehen im Pokal-Halbfinale",
       "Die SG Sarntal setzte sich klar mit 31:24 durch. Im Halbfinale wartet der Tabellenführer.",
       "sport", "2025-01-10T21:30:00+01:00"),
    _t("mietspiegel-sarnheim", "Wohnen", "Neuer Mietspiegel: Mieten in Sarnheim steigen um sechs Prozent",
       "Am teuersten ist die Altstadt. Der Mieterverein rät, Erhöhungen genau zu prüfen.",
       "wirtschaft", "2025-01-10T14:15:00+01:00"),
    _t("zugausfaelle-sarntalbahn", "Bahn", "Sarntalbahn: Wieder fallen Züge aus",
       "Wegen fehlender Lokführer fahren bis Ende Februar weniger Züge. Ersatzbusse sind eingerichtet.",
       "region", "2025-01-09T07:05:00+01:00"),
    _t("theater-spielt-wieder", "Bühne", "Stadttheater spielt nach Sanierung wieder",
       "Zwei Jahre war das Haus geschlossen. Zur Wiedereröffnung gibt es eine Uraufführung.",
       "kultur", "2025-01-09T19:00:00+01:00"),
    _t("ministerin-besucht-werk", "Wirtschaft", "Wirtschaftsministerin besucht das Stahlwerk",
       "Bei dem Besuch ging es um Strompreise und Fördergeld. Konkrete Zusagen gab es nicht.",
       "wirtschaft", "2025-01-08T13:45:00+01:00"),
    _t("kinderarzt-praxis-schliesst", "Versorgung", "Letzte Kinderarztpraxis in Oberried schließt",
       "Eltern müssen künftig bis nach Sarnheim fahren. Der Bürgermeister sucht einen Nachfolger.",
       "region", "2025-01-08T10:20:00+01:00"),
    _t("skisaison-kurz", "Tourismus", "Skigebiet am Hohen Kamm beendet Saison früh",
       "Der Schnee reicht nicht mehr für alle Pisten. Die Liftbetreiber setzen auf Sommergäste.",
       "region", "2025-01-07T12:00:00+01:00"),
    _t("datenleck-bei-stadtverwaltung", "Digitales", "Datenleck bei der Stadtverwaltung Kellbach",
       "Unbekannte haben auf Meldedaten zugegriffen. Die Stadt hat Anzeige erstattet und informiert Betroffene.",
       "region", "2025-01-07T16:40:00+01:00"),
    _t("koalition-streitet-ueber-haushalt", "Landespolitik", "Koalition streitet über den Doppelhaushalt",
       "Die Finanzministerin will sparen, die Fraktionen wollen Geld für ihre Projekte. Eine Einigung ist nicht in "
       "Sicht.", "politik", "2025-01-06T18:25:00+01:00"),
    _t("unfall-auf-der-a9", "Polizei", "Lkw-Unfall auf der A9: Stundenlange Sperrung",
       "Ein Sattelzug hatte Getränkekisten verloren. Der Stau reichte bis zur Anschlussstelle Hollfeld.",
       "region", "2025-01-06T06:55:00+01:00"),
    _t("wochenmarkt-zieht-um", "Stadtleben", "Wochenmarkt zieht auf den Kirchplatz",
       "Wegen der Bauarbeiten am Marktplatz wechseln die Stände für ein Jahr den Ort.",
       "region", "2025-01-05T09:00:00+01:00"),
    _t("volleyball-aufstieg", "Volleyball", "Volleyballer träumen vom Aufstieg",
       "Nach dem zehnten Sieg in Folge führt der VC Kellbach die Tabelle an.", "sport", "2025-01-04T20:10:00+01:00"),
)

EN_TEASERS: tuple[Teaser, ...] = (
    _t("harbour-crane-strike-enters-second-week", "Industry", "Harbour crane strike enters its second week",
       "Container ships are queueing off the breakwater as talks between the port authority and the union stall.",
       "business", "2025-02-10T08:20:00+00:00"),
    _t("council-approves-tram-extension", "Transport", "Council approves the northern tram extension",
       "The line will reach the university campus by 2028. Opponents say the cost estimate is far too low.",
       "local", "2025-02-10T07:05:00+00:00"),
    _t("storm-brings-down-power-lines", "Weather", "Storm brings down power lines across the coast",
       "About 12,000 homes were still without electricity on Monday morning, the grid operator said.",
       "local", "2025-02-09T22:40:00+00:00"),
    _t("mayor-faces-confidence-vote", "Politics", "Mayor faces a confidence vote over housing plan",
       "Three councillors from her own party have said they will not back the scheme in its current form.",
       "politics", "2025-02-09T17:15:00+00:00"),
    _t("fishing-quota-talks-collapse", "Fisheries", "Fishing quota talks collapse without a deal",
       "Negotiators left the conference centre after nine hours. Skippers fear another lost season.",
       "business", "2025-02-09T12:30:00+00:00"),
    _t("hospital-waiting-times-rise", "Health", "Hospital waiting times rise for a fifth month",
       "Figures show more than 4,000 patients waited longer than a year for planned surgery.",
       "health", "2025-02-08T09:00:00+00:00"),
    _t("rovers-sign-goalkeeper", "Football", "Rovers sign veteran goalkeeper on a short-term deal",
       "The 36-year-old joins until the end of the season to cover for the injured first choice.",
       "sport", "2025-02-08T15:45:00+00:00"),
    _t("ferry-company-cuts-winter-routes", "Travel", "Ferry company cuts two winter routes",
       "Islanders say the decision leaves them with a single crossing a day until April.",
       "local", "2025-02-07T11:10:00+00:00"),
    _t("school-roof-collapse-inquiry", "Education", "Inquiry ordered after school roof collapse",
       "No pupils were hurt when part of the gym roof fell in overnight. Engineers are checking similar buildings.",
       "local", "2025-02-07T08:25:00+00:00"),
    _t("shipyard-wins-navy-order", "Business", "Shipyard wins navy order worth 400 million",
       "The contract for four patrol vessels secures around 1,200 jobs for the next six years.",
       "business", "2025-02-06T13:50:00+00:00"),
    _t("museum-returns-bronze-figures", "Culture", "Museum returns bronze figures to their home city",
       "The six figures had been held in the city collection since the 1890s.", "culture",
       "2025-02-06T10:00:00+00:00"),
    _t("police-appeal-after-bridge-crash", "Police", "Police appeal for witnesses after bridge crash",
       "A cyclist was seriously injured on the swing bridge on Friday evening.", "local",
       "2025-02-05T19:35:00+00:00"),
    _t("budget-row-threatens-library-branches", "Council", "Budget row threatens three library branches",
       "Campaigners have collected 9,000 signatures against the closures.", "politics",
       "2025-02-05T16:00:00+00:00"),
    _t("airport-passenger-numbers-recover", "Aviation", "Airport passenger numbers recover to pre-pandemic levels",
       "New routes to the south drove a 14 per cent rise last year.", "business", "2025-02-04T07:40:00+00:00"),
    _t("university-lecturers-vote-on-action", "Education", "University lecturers vote on industrial action",
       "The ballot closes on Friday. Students fear disruption to their exams.", "education",
       "2025-02-04T12:15:00+00:00"),
    _t("coastal-path-reopens", "Outdoors", "Coastal path reopens after landslip repairs",
       "The four-mile stretch had been closed since the autumn storms.", "local", "2025-02-03T09:30:00+00:00"),
    _t("rugby-club-new-stadium", "Rugby", "Rugby club unveils plans for a new stadium",
       "The 15,000-seat ground would be built on the old gasworks site.", "sport", "2025-02-03T18:20:00+00:00"),
    _t("water-bills-to-rise", "Consumer", "Water bills to rise by 9 per cent",
       "The supplier says the money will pay for new sewage storage tanks.", "business",
       "2025-02-02T10:05:00+00:00"),
    _t("orchestra-tour-cancelled", "Music", "City orchestra cancels its spring tour",
       "Rising travel costs made the six concerts abroad unaffordable, the board said.", "culture",
       "2025-02-02T14:45:00+00:00"),
    _t("teenager-rescued-from-estuary", "Rescue", "Teenager rescued from the estuary mud",
       "Coastguard teams spent two hours freeing the 16-year-old as the tide came in.", "local",
       "2025-02-01T21:00:00+00:00"),
)

# Article bodies for the outlets' own article pages (every style renders one or two of them in its own chrome).
DE_ARTICLE = (
    ("Kellbach (dpa) - Die Sarnbrücke zwischen Sarnheim und Kellbach bleibt bis mindestens Ende Juli für den "
     "gesamten Verkehr gesperrt. Das teilte das Straßenbauamt am Dienstag nach einer weiteren Untersuchung des "
     "Tragwerks mit."),
    ("Die Prüfer hatten an drei Pfeilern neue Risse entdeckt, die sich seit der ersten Messung im Dezember deutlich "
     "verlängert haben. Eine Freigabe auch nur für Fußgänger sei unter diesen Umständen nicht zu verantworten, sagte "
     "der Leiter des Amtes."),
    ("Für die rund 14.000 Pendler, die täglich über die Brücke fahren, bedeutet das weiter lange Umwege über "
     "Hollfeld. Die Busse der Linie 12 brauchen nach Angaben der Verkehrsbetriebe zur Hauptverkehrszeit bis zu "
     "25 Minuten länger."),
    ("Der Landkreis prüft nun eine Behelfsbrücke für Fußgänger und Radfahrer. Eine Entscheidung soll im Februar "
     "fallen. Die Kosten schätzt das Amt auf gut zwei Millionen Euro."),
    ("Ob die Brücke saniert oder durch einen Neubau ersetzt wird, ist noch offen. Ein Gutachten dazu erwartet die "
     "Stadt bis zum Sommer."),
)
DE_SHORT_AGENCY = (
    ("Hollfeld (dpa) - Bei einem Brand in einer Lagerhalle im Gewerbegebiet Hollfeld-Nord ist am Montagabend ein "
     "Schaden von mehreren hunderttausend Euro entstanden. Verletzt wurde niemand."),
    ("Die Feuerwehr war mit rund 80 Einsatzkräften vor Ort. Die Ursache des Feuers ist noch unklar, die Kriminalpolizei "
     "hat die Ermittlungen aufgenommen."),
)
DE_PAYWALL_LEAD = (
    ("Seit drei Jahren wartet das Dorf Unterried auf schnelles Internet. Jetzt hat der Anbieter den Ausbau abgesagt – "
     "und im Rathaus fragt man sich, wer die Verträge so schlecht verhandelt hat."),
)
DE_LIVEBLOG = (
    ("09:42", "Straßenbauamt nennt neuen Termin",
     ("Das Straßenbauamt rechnet nun mit einer Freigabe der Sarnbrücke frühestens im August. Grund sind zusätzliche "
     "Messungen an den Pfeilern.")),
    ("09:15", "Busse fahren Umleitung",
     ("Die Linie 12 fährt weiter über Hollfeld. Die Verkehrsbetriebe setzen in der Hauptverkehrszeit zwei zusätzliche "
     "Busse ein.")),
    ("08:50", "Stau auf der Umleitungsstrecke",
     "Auf der B 27 vor Hollfeld staut sich der Verkehr auf rund vier Kilometern. Die Polizei rät, früher loszufahren."),
    ("08:05", "Bürgermeisterin lädt zur Versammlung",
     ("Die Bürgermeisterin von Sarnheim lädt für Donnerstagabend zu einer Bürgerversammlung in die Stadthalle ein. "
     "Dort sollen die Gutachter ihre Ergebnisse erklären.")),
    ("07:30", "Guten Morgen",
     "Wir berichten heute wieder den ganzen Tag über die Folgen der Brückensperrung. Schicken Sie uns Ihre Fragen."),
)
EN_ARTICLE = (
    ("Dock workers at the northern container terminal will stay on strike for at least another week after talks "
     "with the port authority broke down on Sunday evening, union officials said."),
    ("The dispute centres on a new shift pattern that the authority says is needed to handle larger vessels. The "
     "union argues it would cut take-home pay for crane operators by up to a fifth."),
    ("Six container ships were anchored off the breakwater on Monday, and two shipping lines have already diverted "
     "calls to ports further south."),
    ("\"We are ready to talk at any time, but not about a pay cut dressed up as modernisation,\" the union's regional "
     "secretary told reporters outside the terminal gates."),
    "The port authority said it had made a fair offer and urged the union to put it to a vote of its members.",
)
EN_SHORT_WIRE = (
    ("PORT ELLEN, Feb 10 (Continental Wire) - A fire on a fishing trawler moored in the inner harbour was brought "
     "under control early on Monday, the fire service said. No one was on board."),
)

# A photo gallery's captions: each slide a picture and one or two sentences (the hard case for a text measure).
DE_GALLERY = (
    ("Schon am frühen Morgen bauen die Schausteller auf dem Festplatz an der Sarn ihre Stände auf. Das erste "
     "Karussell dreht sich um zehn Uhr."),
    "Die Trachtengruppe aus Oberried führt den Festzug an. In diesem Jahr laufen mehr als 1.200 Menschen mit.",
    "Auch die Feuerwehr ist mit ihrem historischen Löschfahrzeug von 1928 dabei, frisch poliert für den Umzug.",
    "Am Nachmittag füllt sich das Festzelt. Die Blaskapelle Kellbach spielt bis in den Abend.",
    "Für die Kinder gibt es ein eigenes Programm mit Puppentheater und Entenangeln am Ufer.",
    "Beim Fassanstich braucht der Bürgermeister in diesem Jahr nur zwei Schläge. Das Publikum applaudiert.",
    "Die Polizei zieht am Abend eine positive Bilanz: Das Fest sei friedlich geblieben.",
    "Zum Abschluss leuchtet ein Feuerwerk über dem Fluss. Viele Besucher sehen es von der alten Brücke aus.",
    "Am Montag wird aufgeräumt. Die Stadtreinigung ist mit zwanzig Leuten im Einsatz.",
    "Das nächste Fest findet im September statt, dann wieder mit Bauernmarkt.",
)
EN_GALLERY = (
    "Spectators gather on the harbour wall as the first boats leave the marina for the annual regatta.",
    "A crew from the rowing club tests the water before the start of the junior race.",
    "Volunteers from the lifeboat station keep watch from the inshore boat throughout the afternoon.",
    "The winning yacht crosses the line just ahead of the squall that closed the course.",
    "Families picnic on the green beside the old customs house as the prize giving begins.",
    "The mayor hands over the silver cup, first awarded in 1884, to the winning skipper.",
    "Fireworks over the estuary close the regatta weekend.",
)

# Bios and intros of author and topic pages: real prose, which a text measure alone would count as an article.
DE_AUTHOR_BIO = (
    ("Johanna Weidinger ist seit 2016 Redakteurin im Ressort Region. Sie berichtet vor allem über Verkehr, "
     "Stadtentwicklung und die Kommunalpolitik im Sarntal. Zuvor hat sie bei einem Radiosender in Hollfeld "
     "volontiert und Geschichte in Regensburg studiert."),
    ("Für ihre Recherche über die Vergabe von Bauaufträgen im Landkreis wurde sie 2022 mit dem Lokaljournalistenpreis "
     "ausgezeichnet. Wenn sie nicht schreibt, ist sie mit dem Rad auf den Hügeln rund um Kellbach unterwegs."),
)
EN_AUTHOR_BIO = (
    ("Martin Okafor is the Ledger's transport correspondent. He has covered the port, the railways and the city's "
     "long-running tram saga since 2018, after six years as a reporter on a regional evening paper."),
)
DE_TOPIC_INTRO = (
    ("Die Sarnbrücke ist seit Dezember 2024 gesperrt. Bei einer Routineprüfung hatten Ingenieure Risse in den "
     "Pfeilern entdeckt, seitdem ist die wichtigste Verbindung zwischen Sarnheim und Kellbach für Autos, Busse, "
     "Radfahrer und Fußgänger dicht."),
    ("Für die Pendler der Region bedeutet das lange Umwege über Hollfeld, für die Geschäfte in der Altstadt weniger "
     "Kundschaft. Stadt und Landkreis streiten darüber, wer für die Verzögerungen bei der Prüfung verantwortlich ist "
     "und wer eine Behelfsbrücke bezahlen soll."),
    ("Auf dieser Seite finden Sie alle Berichte, Hintergründe und Kommentare zur Sperrung der Sarnbrücke, zu den "
     "Gutachten und zu den Plänen für einen Neubau."),
)
EN_TOPIC_INTRO = (
    ("The harbour crane strike began on 3 February, when members of the dockers' union walked out over a new shift "
     "pattern at the northern container terminal. It is the longest stoppage at the port since 1989."),
    ("Follow our coverage of the talks, the effect on shipping and businesses across the region, and what the "
     "dispute means for the port's expansion plans."),
)
