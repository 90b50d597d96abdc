"""The demo's fictional story and its articles (German). Invented town, river, people and outlets throughout.

Sarnheim, a town on the (invented) river Sarn, closes its main bridge after cracks are found; then it comes out
that an engineers' report had warned months earlier. Read by generate.py, which writes the outlet web beside it.
"""

from __future__ import annotations

# key: unique name; site: outlet folder; path: URL path; rounds: in which rounds the page exists
# kind: 'story' (belongs to the story), 'negative' (matches the query words, another story), 'other' (off-topic)
ARTICLES: list[dict] = [
    {
        "key": "risse",
        "site": "sarn-kurier",
        "path": "/lokales/sarnheim/risse-in-der-sarnbruecke-stadt-sperrt-uebergang-104512.html",
        "kind": "story",
        "kicker": "Sarnheim",
        "title": "Risse in der Sarnbrücke: Stadt sperrt wichtigsten Übergang über die Sarn",
        "author": "Jana Feldkamp",
        "published": "2025-01-08T06:30:00+01:00",
        "photo": ("Absperrgitter an der Auffahrt zur Sarnbrücke am Dienstagabend.", "Jana Feldkamp"),
        "comments": 48,
        "lead": "Die Sarnbrücke in Sarnheim ist seit Dienstagabend für den gesamten Verkehr gesperrt. Bei einer "
        "Routinekontrolle hatten Prüfer tiefe Risse an zwei Spannbetonträgern entdeckt.",
        "paras": [
            ("Gegen 19 Uhr rückten am Dienstag Mitarbeiter des Bauhofs mit Absperrgittern an, eine Stunde später "
            "war die Brücke dicht. Seitdem kommen weder Autos noch Radfahrer oder Fußgänger über die Sarn. "
            "Täglich nutzen nach Angaben der Stadt rund 14.000 Fahrzeuge die 1968 eröffnete Verbindung zwischen "
            "der Altstadt und den Wohngebieten am Südufer."),
            ("Baudezernent Ansgar Wittmoser sprach am Mittwochmorgen von einer Entscheidung, zu der es keine "
            "Alternative gegeben habe. „Die Risse an der Unterseite der Träger sind so breit, dass wir ein Versagen "
            "einzelner Spannglieder nicht mehr ausschließen können“, sagte Wittmoser. Wie lange die Sperrung "
            "dauern werde, könne er derzeit nicht sagen. Zunächst müssten Statiker das Bauwerk genauer "
            "untersuchen."),
            ("Aufgefallen waren die Schäden bei der turnusmäßigen Brückenprüfung, die alle sechs Jahre "
            "vorgeschrieben ist. Ein Prüftrupp hatte am Montag mit einem Hubsteiger die Unterseite der Brücke "
            "abgesucht und die Risse fotografiert. Noch am Dienstagnachmittag beriet sich die Verwaltung mit "
            "einem externen Ingenieurbüro."),
            ("Bürgermeisterin Henrike Pallasch (parteilos) bat die Bürgerinnen und Bürger um Geduld. Die "
            "Sicherheit habe Vorrang vor allem anderen, sagte sie. Die Stadt arbeite mit Hochdruck an einer "
            "Umleitung und an Ersatzverbindungen für den Busverkehr. Für Schülerinnen und Schüler der "
            "Gesamtschule am Südufer sollen ab Donnerstag zusätzliche Busse fahren."),
            ("Für Pendler bedeutet die Sperrung erhebliche Umwege. Die nächste Querung über die Sarn liegt im "
            "Nachbarort Kellbach, rund neun Kilometer flussaufwärts. Bereits am Mittwochmorgen staute sich der "
            "Verkehr auf der Kellbacher Landstraße bis zum Ortseingang. Die Polizei rechnet in den kommenden "
            "Tagen mit weiteren Behinderungen im Berufsverkehr."),
            ("Ob die Brücke saniert werden kann oder abgerissen werden muss, ist offen. Ein Neubau würde nach "
            "ersten Schätzungen aus dem Rathaus mehrere Jahre dauern und einen zweistelligen Millionenbetrag "
            "kosten. Der Bauausschuss soll sich in einer Sondersitzung in der kommenden Woche mit dem Zustand "
            "des Bauwerks befassen."),
        ],
        "related": ["tsv"],
    },
    {
        "key": "umleitung",
        "site": "sarn-kurier",
        "path": "/lokales/sarnheim/umleitung-ueber-kellbach-busse-brauchen-laenger-104598.html",
        "kind": "story",
        "kicker": "Sarnbrücke gesperrt",
        "title": "Umleitung über Kellbach: Busse brauchen bis zu 25 Minuten länger",
        "author": "Jana Feldkamp",
        "published": "2025-01-10T18:45:00+01:00",
        "photo": ("Ein Bus der Linie 3 im Stau an der Kellbacher Landstraße.", "Jana Feldkamp"),
        "comments": 31,
        "lead": "Drei Tage nach der Sperrung der Sarnbrücke zeigt sich, wie sehr der Busverkehr leidet. Die "
        "Stadtwerke Sarnheim stocken die Flotte auf und suchen zusätzliche Fahrer.",
        "paras": [
            ("Die Umleitung über Kellbach kostet Fahrgäste viel Zeit. Auf der Linie 3 zwischen dem Südufer und dem "
            "Bahnhof brauchen die Busse derzeit bis zu 25 Minuten länger als nach Fahrplan, auf der Linie 7 sind "
            "es rund 20 Minuten. Anschlüsse an die Regionalbahn in Richtung Landeshauptstadt gehen dadurch "
            "regelmäßig verloren, wie die Stadtwerke einräumen."),
            ("„Wir tun, was wir können, aber wir können die neun Kilometer bis Kellbach nicht wegzaubern“, sagte "
            "Stadtwerke-Geschäftsführer Bernd Oltmanns am Freitag. Ab Montag sollen auf beiden Linien zusätzliche "
            "Busse eingesetzt werden, um den Takt zu halten. Dafür hat das Unternehmen zwei Fahrzeuge von einem "
            "privaten Busunternehmen angemietet und Fahrer aus dem Ruhestand zurückgeholt."),
            ("Für die Schülerinnen und Schüler der Gesamtschule am Südufer gibt es seit Donnerstag Sonderfahrten. "
            "Vier Busse bringen die Kinder aus der Altstadt morgens über Kellbach zur Schule. Die Schulleitung hat "
            "den Unterrichtsbeginn für die betroffenen Klassen vorerst um eine Viertelstunde nach hinten "
            "verschoben."),
            ("Auf der Landstraße nach Kellbach staut sich der Verkehr weiterhin zu den Stoßzeiten. Die Gemeinde "
            "Kellbach klagt über Lärm und verstopfte Ortsdurchfahrten. Bürgermeister Reinhold Achterberg forderte "
            "eine Ampelregelung an der Einmündung zur Bundesstraße und Tempo 30 in der Ortsmitte. Der Kreis will "
            "die Vorschläge in der kommenden Woche prüfen."),
            ("Die Stadt Sarnheim rät Pendlern, wenn möglich auf das Fahrrad oder Fahrgemeinschaften umzusteigen. "
            "Auf der städtischen Internetseite gibt es inzwischen eine Mitfahrbörse. Wie lange die Sarnbrücke "
            "gesperrt bleibt, ist weiter unklar. Die Stadtwerke bitten Fahrgäste, sich vor Fahrtantritt in der "
            "App über Verspätungen zu informieren, und haben eine eigene Service-Hotline eingerichtet."),
        ],
        "related": ["risse"],
    },
    {
        "key": "tsv",
        "site": "sarn-kurier",
        "path": "/sport/tsv-sarnheim-verpflichtet-neuen-trainer-104560.html",
        "kind": "other",
        "kicker": "Fußball-Landesliga",
        "title": "TSV Sarnheim verpflichtet neuen Trainer für die Rückrunde",
        "author": "Mirko Sandhagen",
        "published": "2025-01-09T20:10:00+01:00",
        "photo": ("Der neue Trainer bei seiner Vorstellung im Vereinsheim.", "Mirko Sandhagen"),
        "comments": 12,
        "lead": "Der Fußball-Landesligist TSV Sarnheim hat einen Nachfolger für den zurückgetretenen Trainer "
        "gefunden. Der 44-jährige Dirk Steinhäuser soll die Mannschaft vor dem Abstieg bewahren.",
        "paras": [
            ("Lange hat die Suche nicht gedauert. Zwei Wochen nach dem Rücktritt von Cheftrainer Uwe Brockhaus "
            "stellte der TSV Sarnheim am Donnerstagabend seinen neuen Übungsleiter vor. Dirk Steinhäuser, zuletzt "
            "beim Bezirksligisten FC Unterweiler tätig, unterschrieb einen Vertrag bis zum Saisonende mit der "
            "Option auf ein weiteres Jahr."),
            ("„Dirk kennt die Liga, er kennt die Region und er hat gezeigt, dass er mit jungen Spielern arbeiten "
            "kann“, sagte der sportliche Leiter Matthias Görlitz. Steinhäuser hatte Unterweiler in der vergangenen "
            "Saison als Aufsteiger überraschend auf Platz vier geführt. Sein Wechsel kam nach Angaben beider "
            "Vereine einvernehmlich zustande."),
            ("Die Aufgabe in Sarnheim ist schwierig. Der TSV steht nach der Hinrunde mit nur zwölf Punkten auf dem "
            "vorletzten Tabellenplatz, der Rückstand auf einen Nichtabstiegsplatz beträgt vier Zähler. Vor allem "
            "in der Defensive hatte die Mannschaft große Probleme: 38 Gegentore sind der schlechteste Wert der "
            "Liga."),
            ("Steinhäuser will zunächst an der Stabilität arbeiten. „Wir müssen wieder lernen, als Mannschaft zu "
            "verteidigen“, sagte er bei seiner Vorstellung im Vereinsheim. Die Vorbereitung auf die Rückrunde "
            "beginnt am Montag, geplant sind ein Trainingslager und vier Testspiele, unter anderem gegen den "
            "Oberligisten SV Eichtal."),
            ("Verstärkung könnte es auch auf dem Platz geben. Der Verein verhandelt nach eigenen Angaben mit zwei "
            "Spielern, die im Winter ablösefrei zu haben wären. Das erste Punktspiel des Jahres bestreitet der "
            "TSV Ende Februar zu Hause gegen den Tabellenführer aus Kellbach. Karten für das Derby gibt es ab "
            "sofort in der Geschäftsstelle und im Vereinsheim."),
        ],
        "related": ["umleitung"],
    },
    {
        "key": "stau",
        "site": "tagesecho",
        "path": "/region/2025/01/sarnheim-bruecke-gesperrt-pendler-im-stau/",
        "kind": "story",
        "kicker": "Verkehr",
        "title": "Sarnheim: Brücke über Nacht gesperrt – Pendler stecken im Stau",
        "author": "Tobias Grüning",
        "published": "2025-01-08T11:15:00+01:00",
        "photo": ("Stau auf der Landstraße nach Kellbach am Mittwochmorgen.", "Tobias Grüning / Tagesecho"),
        "comments": 64,
        "lead": "Nach dem Fund von Rissen an tragenden Teilen hat die Stadt Sarnheim ihre wichtigste Brücke über die "
        "Sarn gesperrt. Am Morgen ging auf den Umleitungsstrecken stellenweise nichts mehr.",
        "paras": [
            ("Wer am Mittwochmorgen aus den Stadtteilen am Südufer in die Innenstadt wollte, brauchte vor allem "
            "Zeit. Weil die Sarnbrücke seit dem Vorabend gesperrt ist, wich der Verkehr auf die Landstraße nach "
            "Kellbach aus. Dort reihten sich die Autos zeitweise auf mehr als drei Kilometern Länge aneinander, "
            "wie ein Sprecher der Polizei bestätigte."),
            ("Die Stadtverwaltung hatte die Sperrung am Dienstagabend kurzfristig verfügt. Prüfer hatten an zwei "
            "Trägern aus Spannbeton Risse festgestellt, die nach Einschätzung der Fachleute auf Schäden an den "
            "innenliegenden Stahlseilen hindeuten könnten. Bei Brücken dieser Bauart aus den sechziger Jahren gilt "
            "das als ernstes Warnsignal."),
            ("„Wir haben nicht das Risiko eingehen wollen, dass hier morgen ein Lastwagen durchbricht“, sagte "
            "Baudezernent Ansgar Wittmoser dem Tagesecho. Die Entscheidung sei in enger Abstimmung mit einem "
            "Ingenieurbüro gefallen, das die Brücke seit Jahren kenne. Messungen in den nächsten Wochen sollen "
            "zeigen, wie tief die Schäden reichen."),
            ("Besonders hart trifft die Sperrung Berufstätige und Familien. Die Erzieherin Sabine Kortmann, die am "
            "Südufer wohnt und in der Altstadt arbeitet, war am Morgen anderthalb Stunden unterwegs statt wie "
            "sonst zehn Minuten. „Ich weiß nicht, wie das die nächsten Monate gehen soll“, sagte sie. Auch "
            "Handwerksbetriebe klagen über lange Anfahrten zu ihren Kunden."),
            ("Die Stadtwerke kündigten an, die Buslinien 3 und 7 über Kellbach umzuleiten. Fahrgäste müssen dort "
            "mit deutlich längeren Fahrzeiten rechnen. Die Industrie- und Handelskammer forderte die Stadt auf, "
            "möglichst schnell eine Behelfsbrücke zu prüfen. Eine solche Lösung sei technisch machbar, sagte ein "
            "Sprecher, koste aber Zeit und Geld."),
            ("Wie es mit dem 56 Jahre alten Bauwerk weitergeht, will die Stadt in den kommenden Tagen mitteilen. "
            "Bürgermeisterin Henrike Pallasch kündigte für Freitag eine Bürgerinformation im Ratssaal an."),
        ],
        "related": ["hallenbad"],
    },
    {
        "key": "brueckenfest",
        "site": "tagesecho",
        "path": "/region/2025/01/sarnheimer-brueckenfest-wird-groesser/",
        "kind": "negative",
        "kicker": "Feste",
        "title": "Sarnheimer Brückenfest wird größer: Drei Tage Musik in der Altstadt",
        "author": "Lea Brandstätter",
        "published": "2025-01-09T16:00:00+01:00",
        "photo": ("Besucher vor der Bühne auf dem Marktplatz beim Fest im vergangenen Sommer.", "Verein"),
        "comments": 5,
        "lead": "Das Sarnheimer Brückenfest soll in diesem Sommer erstmals drei Tage dauern. Der Trägerverein setzt "
        "auf mehr Bands, regionale Küche und ein eigenes Programm für Kinder.",
        "paras": [
            ("Seit mehr als vierzig Jahren feiern die Sarnheimer am letzten Juniwochenende ihr Brückenfest. Der "
            "Name geht auf die Gründungsgeschichte des Vereins zurück: Die ersten Feste fanden in den achtziger "
            "Jahren auf einem alten Holzsteg am Stadtpark statt, der längst abgerissen ist. Inzwischen verteilt "
            "sich das Fest auf Marktplatz, Kirchgasse und Schlossgarten."),
            ("In diesem Jahr wollen die Organisatoren das Programm deutlich ausbauen. Neben der großen Bühne auf "
            "dem Marktplatz ist eine zweite, kleinere Bühne im Schlossgarten geplant, auf der Nachwuchsbands aus "
            "der Region spielen sollen. „Wir bekommen jedes Jahr mehr Bewerbungen, als wir unterbringen können“, "
            "sagt Vereinsvorsitzender Holger Mertineit."),
            ("Erstmals soll es zudem einen Familientag geben. Am Sonntag sind Mitmachaktionen, ein "
            "Kinderflohmarkt und ein Puppentheater vorgesehen. Mehrere Kindergärten und die Musikschule haben "
            "bereits zugesagt. Der Eintritt bleibt an allen drei Tagen frei, der Verein finanziert das Fest über "
            "Standgebühren, Sponsoren und den Verkauf von Festbechern."),
            ("Bei der Verpflegung setzt der Verein stärker auf Anbieter aus dem Umland. Winzer, Imker und ein "
            "Käsehof haben Stände angemeldet, dazu kommen die bekannten Buden der Sportvereine. Für "
            "Einweggeschirr gilt erstmals ein Verbot, stattdessen gibt es ein Pfandsystem mit Mehrwegbechern und "
            "Porzellantellern."),
            ("Mit der Sarnbrücke habe das Fest trotz des Namens nichts zu tun, betont Mertineit; gefeiert werde "
            "wie immer rund um den Marktplatz. Gesucht werden allerdings noch Helferinnen und Helfer für Auf- und "
            "Abbau, für den Ausschank und die Kasse. Wer mitmachen möchte, kann sich bis Ende März beim Verein "
            "melden. Das vollständige Bühnenprogramm soll im April veröffentlicht werden."),
        ],
        "related": ["hallenbad"],
    },
    {
        "key": "hallenbad",
        "site": "tagesecho",
        "path": "/region/2025/01/kellbacher-hallenbad-oeffnet-wieder/",
        "kind": "other",
        "kicker": "Freizeit",
        "title": "Kellbacher Hallenbad öffnet nach zwei Jahren Sanierung",
        "author": "Tobias Grüning",
        "published": "2025-01-09T09:00:00+01:00",
        "photo": ("Das neue Lehrschwimmbecken im Kellbacher Hallenbad.", "Gemeinde Kellbach"),
        "comments": 9,
        "lead": "Nach fast zwei Jahren Bauzeit ist das Hallenbad in Kellbach wieder geöffnet. Die Sanierung wurde "
        "teurer als geplant, dafür gibt es nun ein Lehrschwimmbecken und eine neue Sauna.",
        "paras": [
            ("Pünktlich um sieben Uhr öffneten sich am Donnerstag die Türen des Kellbacher Hallenbads. Die ersten "
            "Frühschwimmer standen bereits eine halbe Stunde vorher vor dem Eingang. „Wir haben lange genug "
            "gewartet“, sagte eine Rentnerin, die nach eigenen Angaben seit dreißig Jahren jeden Morgen ihre "
            "Bahnen zieht."),
            ("Das Bad aus den siebziger Jahren war im Frühjahr 2023 wegen maroder Technik geschlossen worden. "
            "Lüftung, Filteranlage und Heizung mussten vollständig erneuert werden, dazu kam ein neues Dach. "
            "Statt der ursprünglich veranschlagten 6,8 Millionen Euro kostete die Sanierung am Ende knapp 8,3 "
            "Millionen Euro. Rund die Hälfte trägt das Land aus einem Förderprogramm für kommunale Sportstätten."),
            ("Neu ist ein Lehrschwimmbecken mit höhenverstellbarem Boden. Es soll vor allem den Grundschulen der "
            "Gemeinde zugutekommen, die in den vergangenen zwei Jahren für den Schwimmunterricht weite Fahrten in "
            "Kauf nehmen mussten. Nach Angaben der Gemeinde konnte ein Teil der Drittklässler im vergangenen "
            "Schuljahr gar keinen Unterricht erhalten."),
            ("Auch die Sauna wurde umgebaut und um einen Ruhebereich mit Blick auf den Kurpark erweitert. Die "
            "Eintrittspreise steigen moderat: Erwachsene zahlen künftig 5,50 Euro statt bisher 4,50 Euro, für "
            "Kinder und Jugendliche bleibt es bei 2,50 Euro. Familienkarten und Zehnerkarten werden weiter "
            "angeboten."),
            ("Bürgermeister Reinhold Achterberg sprach bei der Eröffnung von einem wichtigen Tag für die Gemeinde. "
            "Das Bad sei ein Treffpunkt für alle Generationen. Die Vereine, die das Becken für Training und "
            "Wettkämpfe nutzen, erhalten ab Februar wieder feste Belegungszeiten. Der Schwimmverein plant im "
            "Frühjahr ein Eröffnungsschwimmfest."),
        ],
        "related": ["brueckenfest"],
    },
    {
        "key": "gutachten",
        "site": "landespost",
        "path": "/nachrichten/land/gutachten-zur-sarnbruecke-lag-seit-juli-im-rathaus-a-7731.html",
        "kind": "story",
        "kicker": "Sarnheim",
        "title": "Gutachten zur Sarnbrücke lag seit Juli im Rathaus",
        "author": "dpa",
        "agency_line": "© dpa-infocom, dpa:250110-930-318842/1",
        "published": "2025-01-10T14:05:00+01:00",
        "photo": ("Die gesperrte Sarnbrücke in Sarnheim.", "Lennart Vogt/dpa"),
        "comments": 87,
        "lead": "Die Stadt Sarnheim wusste offenbar seit Monaten von gravierenden Schäden an der inzwischen "
        "gesperrten Sarnbrücke. Ein Gutachten warnte schon im Sommer vor einem möglichen Versagen der "
        "Spannglieder.",
        "paras": [
            ("Sarnheim (dpa) - Die Verwaltung der Stadt Sarnheim hat ein Gutachten mit deutlichen Warnungen zum "
            "Zustand der Sarnbrücke offenbar monatelang nicht weitergegeben. Das Papier eines Ingenieurbüros, das "
            "der Deutschen Presse-Agentur vorliegt, ist auf Juli 2024 datiert. Darin empfehlen die Fachleute, die "
            "Brücke für den Schwerverkehr zu sperren und die Spannglieder umgehend genauer untersuchen zu lassen."),
            ("Das Ingenieurbüro Kessler & Rautmann hatte die Brücke im Auftrag der Stadt im Frühjahr untersucht. "
            "Die Gutachter stellten nach dpa-Informationen an mehreren Stellen Korrosion an freigelegten "
            "Stahlteilen fest. Bei Spannbetonbrücken dieser Generation bestehe die Gefahr, dass einzelne "
            "Spannglieder ohne Vorankündigung reißen, heißt es in dem Bericht. Eine Lastbeschränkung auf 7,5 "
            "Tonnen sei „dringend angeraten“."),
            ("Umgesetzt wurde diese Empfehlung nicht. Lastwagen rollten bis zur Vollsperrung am Dienstag "
            "ungehindert über die Brücke. Erst als bei der regulären Bauwerksprüfung breite Risse an zwei Trägern "
            "auffielen, ließ die Stadt die Brücke schließen. Täglich fahren dort rund 14.000 Fahrzeuge."),
            ("Ein Sprecher der Stadt bestätigte den Eingang des Gutachtens im Sommer. Es sei im Baudezernat "
            "fachlich geprüft worden, man habe zunächst weitere Messungen abwarten wollen. Warum der Stadtrat "
            "nicht informiert wurde, ließ der Sprecher offen. Baudezernent Ansgar Wittmoser war für eine "
            "Stellungnahme zunächst nicht zu erreichen."),
            ("Die Opposition im Stadtrat reagierte empört. Der Fraktionsvorsitzende der Bürgerliste, Falk "
            "Renneberg, sprach von einem „unglaublichen Vorgang“. Wenn sich bestätige, dass die Verwaltung von der "
            "Gefahr gewusst habe, müsse das Konsequenzen haben. Die Bürgerliste will in der nächsten Ratssitzung "
            "Akteneinsicht beantragen."),
            ("Das Verkehrsministerium des Landes bat die Stadt um einen vollständigen Bericht. Kommunale Brücken "
            "prüft das Land nicht selbst."),
        ],
        "related": ["pendler"],
    },
    {
        "key": "pendler",
        "site": "landespost",
        "path": "/nachrichten/land/sarnbruecke-gesperrt-was-pendler-wissen-muessen-a-7724.html",
        "kind": "story",
        "kicker": "Fragen und Antworten",
        "title": "Sarnbrücke gesperrt: Was Pendler jetzt wissen müssen",
        "author": "Carolin Weidenbach",
        "published": "2025-01-09T17:40:00+01:00",
        "photo": ("Umleitungsschild an der Kellbacher Landstraße.", "Carolin Weidenbach"),
        "comments": 22,
        "lead": "Die Sperrung der Sarnbrücke in Sarnheim stellt Tausende Pendler vor Probleme. Die wichtigsten "
        "Fragen und Antworten zu Umleitungen, Bussen und der Dauer der Sperrung.",
        "paras": [
            ("Warum ist die Brücke gesperrt? Bei der regelmäßigen Bauwerksprüfung haben Fachleute an zwei Trägern "
            "aus Spannbeton breite Risse entdeckt. Sie können darauf hindeuten, dass Stahlseile im Inneren der "
            "Träger korrodiert oder gerissen sind. Weil sich das von außen nicht sicher beurteilen lässt, hat die "
            "Stadt Sarnheim die Brücke vorsorglich für alle Verkehrsteilnehmer gesperrt."),
            ("Wie lange dauert die Sperrung? Das kann derzeit niemand sagen. Zunächst sollen Statiker das Bauwerk "
            "in den kommenden Wochen untersuchen. Erst danach steht fest, ob eine Sanierung möglich ist oder ob "
            "die Brücke abgerissen und neu gebaut werden muss. Ein Neubau würde nach Einschätzung der Stadt "
            "mehrere Jahre dauern."),
            ("Welche Umleitung gilt? Der Verkehr wird über die Landstraße nach Kellbach und die dortige Brücke "
            "geführt. Die Strecke ist rund 18 Kilometer länger als der direkte Weg. Zu den Stoßzeiten am Morgen "
            "und am späten Nachmittag müssen Autofahrer mit erheblichen Wartezeiten rechnen. Die Polizei "
            "empfiehlt, Fahrgemeinschaften zu bilden oder die Fahrt zu verschieben."),
            ("Was ändert sich bei Bus und Bahn? Die Buslinien 3 und 7 der Stadtwerke fahren über Kellbach und "
            "brauchen entsprechend länger. Für Schülerinnen und Schüler der Gesamtschule am Südufer setzen die "
            "Stadtwerke zusätzliche Busse ein. Der Bahnhof ist vom Südufer aus derzeit nur über die Umleitung "
            "erreichbar."),
            ("Können Fußgänger und Radfahrer die Brücke nutzen? Nein. Die Sperrung gilt ausdrücklich auch für "
            "Fußgänger und Radfahrer, weil bei einem Versagen der Träger niemand auf der Brücke sein soll. Die "
            "Stadt prüft, ob eine Fähre oder ein Shuttle für Radfahrer eingerichtet werden kann."),
        ],
        # Round 2: the same URL with a changed answer, a new one, and a newer sitemap lastmod.
        "update": {
            "modified": "2025-01-13T10:00:00+01:00",
            "paras": {
                1: "Wie lange dauert die Sperrung? Nach einer ersten Einschätzung des Landes ist mit mindestens "
                "einem Jahr zu rechnen. Prüfer des Landesbetriebs Straßenbau sollen das Bauwerk in den kommenden "
                "Wochen vermessen. Erst danach steht fest, ob eine Sanierung möglich ist oder ob die Brücke "
                "abgerissen und neu gebaut werden muss.",
                4: "Können Fußgänger und Radfahrer die Brücke nutzen? Nein. Die Sperrung gilt weiterhin auch für "
                "Fußgänger und Radfahrer. Seit Montag verkehrt aber ein kostenloser Shuttlebus mit "
                "Fahrradanhänger zwischen Südufer und Altstadt, tagsüber im Halbstundentakt.",
            },
            "add": [
                ("Gibt es eine Behelfsbrücke? Die Stadt lässt prüfen, ob wenige hundert Meter flussabwärts eine "
                "Behelfsbrücke für Fußgänger und Radfahrer errichtet werden kann. Eine Entscheidung soll der "
                "Stadtrat Ende Januar treffen. Für Autos ist eine solche Lösung nach Angaben der Verwaltung nicht "
                "vorgesehen."),
            ],
        },
        "related": ["kita"],
    },
    {
        "key": "kita",
        "site": "landespost",
        "path": "/nachrichten/politik/landtag-streitet-ueber-beitragsfreie-kitas-a-7729.html",
        "kind": "other",
        "kicker": "Landtag",
        "title": "Landtag streitet über beitragsfreie Kitas",
        "author": "Jonas Pretzlaff",
        "published": "2025-01-10T10:30:00+01:00",
        "photo": ("Blick in den Plenarsaal während der Debatte.", "Jonas Pretzlaff"),
        "comments": 40,
        "lead": "Die Opposition im Landtag will die Kita-Gebühren schrittweise abschaffen. Die "
        "Regierungsfraktionen verweisen auf die angespannte Haushaltslage.",
        "paras": [
            ("Im Landtag ist am Freitag ein heftiger Streit über die Kosten der Kinderbetreuung entbrannt. Die "
            "Oppositionsfraktionen legten einen Gesetzentwurf vor, nach dem Eltern ab dem kommenden "
            "Kindergartenjahr für das letzte Jahr vor der Einschulung keine Beiträge mehr zahlen sollen. In "
            "weiteren Schritten sollen bis 2028 alle Kita-Jahre beitragsfrei werden."),
            ("Die Kosten beziffern die Antragsteller auf zunächst rund 120 Millionen Euro im Jahr, nach "
            "vollständiger Umsetzung auf mehr als 400 Millionen Euro. Finanziert werden soll das nach ihren "
            "Vorstellungen unter anderem durch den Verzicht auf mehrere Großprojekte im Straßenbau. Eltern würden "
            "je nach Einkommen und Wohnort um mehrere Tausend Euro im Jahr entlastet."),
            ("Die Regierungsfraktionen lehnten den Entwurf ab. Die Finanzministerin warnte in der Debatte vor "
            "neuen dauerhaften Ausgaben, die der Haushalt nicht hergebe. Wichtiger als beitragsfreie Plätze sei "
            "es, genügend Fachkräfte zu gewinnen und die Qualität der Betreuung zu sichern. Viele Einrichtungen "
            "müssten schon heute wegen Personalmangels ihre Öffnungszeiten kürzen."),
            ("Unterstützung bekam die Opposition von Elternvertretungen und Gewerkschaften. Die Gebühren "
            "unterschieden sich von Gemeinde zu Gemeinde erheblich, kritisierte der Landeselternbeirat. Familien "
            "in ärmeren Kommunen zahlten oft am meisten. Kommunale Spitzenverbände forderten dagegen, das Land "
            "müsse zuerst die steigenden Betriebskosten der Kitas verlässlich ausgleichen."),
            ("Der Gesetzentwurf wurde nach der ersten Lesung an den Bildungsausschuss überwiesen. Dort sollen im "
            "Februar Sachverständige angehört werden. Eine Mehrheit für das Vorhaben gilt als unwahrscheinlich, "
            "weil die Regierungsfraktionen im Landtag über eine stabile Mehrheit verfügen. Die Opposition kündigte "
            "an, das Thema notfalls in den Wahlkampf zu tragen."),
        ],
        "related": ["pendler"],
    },
    {
        "key": "akteneinsicht",
        "site": "anzeiger",
        "path": "/lokales/artikel/opposition-verlangt-akteneinsicht-brueckensperrung-2281.html",
        "kind": "story",
        "kicker": "Stadtrat",
        "title": "Opposition verlangt Akteneinsicht zur Brückensperrung",
        "author": "Rolf Quandt",
        "published": "2025-01-11T12:00:00+01:00",
        "photo": ("Falk Renneberg, Fraktionschef der Bürgerliste, im Ratssaal.", "Rolf Quandt"),
        "comments": 56,
        "lead": "Nach Berichten über ein monatelang zurückgehaltenes Gutachten zur Sarnbrücke fordert die "
        "Bürgerliste volle Aufklärung. Die Bürgermeisterin verspricht Transparenz.",
        "paras": [
            ("Im Sarnheimer Rathaus wächst der Druck. Die Fraktion der Bürgerliste hat am Freitag offiziell "
            "Akteneinsicht in alle Unterlagen zur Sarnbrücke beantragt. Sie will wissen, wer im Rathaus wann von "
            "den Warnungen eines Ingenieurbüros erfahren hat und warum die Brücke erst Monate später gesperrt "
            "wurde. Der Antrag liegt dem Sarnheimer Anzeiger vor."),
            ("Fraktionschef Falk Renneberg sagte, es gehe nicht um Schuldzuweisungen, sondern um Vertrauen. „Die "
            "Menschen in dieser Stadt sind jahrelang jeden Tag über diese Brücke gefahren. Sie haben ein Recht "
            "darauf zu erfahren, ob jemand die Gefahr kannte“, sagte Renneberg. Er schloss auch einen "
            "Untersuchungsausschuss nicht aus, sollten die Antworten der Verwaltung unzureichend sein."),
            ("Bürgermeisterin Henrike Pallasch reagierte am Nachmittag mit einer schriftlichen Erklärung. Sie habe "
            "das Rechnungsprüfungsamt beauftragt, die Abläufe im Baudezernat seit dem Eingang des Gutachtens zu "
            "rekonstruieren. Alle Unterlagen würden dem Stadtrat zur Verfügung gestellt. „Ich habe selbst erst in "
            "dieser Woche von dem Inhalt des Gutachtens erfahren“, heißt es in der Erklärung."),
            ("Baudezernent Ansgar Wittmoser verteidigte das Vorgehen seiner Behörde. Das Gutachten habe weitere "
            "Messungen empfohlen, diese seien für das Frühjahr beauftragt gewesen. Eine akute Einsturzgefahr habe "
            "im Sommer nach damaligem Kenntnisstand nicht bestanden. Die Empfehlung einer Lastbeschränkung habe "
            "man geprüft, aber wegen der Folgen für den Lieferverkehr zurückgestellt."),
            ("Auch aus den anderen Fraktionen kommen kritische Töne. Die Vorsitzende der größten Ratsfraktion, "
            "Gudrun Havelberg, nannte die Zurückstellung der Lastbeschränkung „schwer nachvollziehbar“. Der "
            "Stadtrat will sich in einer Sondersitzung am kommenden Donnerstag mit dem Thema befassen. Die Sitzung "
            "ist öffentlich; die Stadt rechnet mit großem Andrang und hat dafür die Stadthalle reserviert."),
        ],
        "related": ["baeckerei"],
        "amp": "/amp/lokales/artikel/opposition-verlangt-akteneinsicht-brueckensperrung-2281.html",
    },
    {
        "key": "baeckerei",
        "site": "anzeiger",
        "path": "/lokales/artikel/baeckerei-hollerbach-schliesst-nach-92-jahren-2276.html",
        "kind": "other",
        "kicker": "Handwerk",
        "title": "Bäckerei Hollerbach schließt nach 92 Jahren",
        "author": "Helga Vosskuhl",
        "published": "2025-01-10T08:00:00+01:00",
        "photo": ("Konrad Hollerbach in seiner Backstube.", "Helga Vosskuhl"),
        "comments": 73,
        "lead": "Eine der ältesten Bäckereien der Stadt macht Ende Januar zu. Für das Geschäft in der Kirchgasse "
        "hat sich kein Nachfolger gefunden.",
        "paras": [
            ("Wenn Ende Januar zum letzten Mal die Ladentür in der Kirchgasse ins Schloss fällt, geht in Sarnheim "
            "ein Stück Stadtgeschichte zu Ende. Die Bäckerei Hollerbach schließt nach 92 Jahren. Bäckermeister "
            "Konrad Hollerbach, der den Betrieb in dritter Generation führt, geht in den Ruhestand. Einen "
            "Nachfolger hat er trotz jahrelanger Suche nicht gefunden."),
            ("„Es tut weh, aber irgendwann geht es einfach nicht mehr“, sagt der 67-Jährige. Seit mehr als vierzig "
            "Jahren steht er jede Nacht um zwei Uhr in der Backstube. Seine beiden Kinder haben andere Berufe "
            "gewählt, und auch Gespräche mit jungen Bäckermeistern aus der Region führten zu keinem Ergebnis. Zu "
            "hoch seien die Investitionen in Öfen und Kühltechnik, zu unsicher die Aussichten."),
            ("Gegründet hatte die Bäckerei sein Großvater im Jahr 1933. Bekannt ist das Geschäft vor allem für "
            "sein Roggenbrot aus Natursauerteig und den Sarnheimer Zwiebelkuchen, den es nur im Herbst gibt. "
            "Viele Stammkunden kommen seit Jahrzehnten jeden Morgen. In den vergangenen Tagen bildeten sich vor "
            "dem Laden lange Schlangen, manche Kunden kauften Brot auf Vorrat für den Gefrierschrank."),
            ("Das Schicksal der Bäckerei steht für eine Entwicklung im ganzen Land. Nach Angaben der "
            "Handwerkskammer hat sich die Zahl der Bäckereibetriebe in den vergangenen zwanzig Jahren fast "
            "halbiert. Fachkräftemangel, steigende Energiepreise und die Konkurrenz der Backshops in Supermärkten "
            "setzen vor allem kleinen Betrieben zu."),
            ("Was aus den Räumen in der Kirchgasse wird, ist noch offen. Das Haus gehört der Familie Hollerbach. "
            "Ein Café wäre schön, sagt Konrad Hollerbach. Seine drei Verkäuferinnen haben nach seinen Angaben "
            "bereits neue Stellen in anderen Betrieben gefunden."),
        ],
        "related": ["akteneinsicht"],
    },
    # ---- round 2 -------------------------------------------------------------------------------------------
    {
        "key": "gutachten-kopie",
        "site": "tagesecho",
        "path": "/region/2025/01/brueckengutachten-blieb-monatelang-liegen/",
        "kind": "story",
        "rounds": (2,),
        "copy_of": "gutachten",  # the dpa text of 'gutachten', new headline, last paragraph trimmed
        "kicker": "Sarnheim",
        "title": "Brückengutachten blieb in Sarnheim monatelang liegen",
        "author": "dpa",
        "agency_line": "© dpa-infocom, dpa:250110-930-318842/1",
        "published": "2025-01-12T08:20:00+01:00",
        "photo": ("Absperrung an der Sarnbrücke.", "Lennart Vogt/dpa"),
        "comments": 14,
        "related": ["stau"],
    },
    {
        "key": "pruefer",
        "site": "tagesecho",
        "path": "/region/2025/01/land-schickt-pruefer-sarnbruecke-vermessen/",
        "kind": "story",
        "rounds": (2,),
        "kicker": "Verkehr",
        "title": "Land schickt Prüfer: Sarnbrücke wird Zentimeter für Zentimeter vermessen",
        "author": "Tobias Grüning",
        "published": "2025-01-14T10:10:00+01:00",
        "photo": ("Ein Brückenuntersichtgerät an der Sarnbrücke.", "Tobias Grüning / Tagesecho"),
        "comments": 19,
        "lead": "Fachleute des Landesbetriebs Straßenbau haben mit der Untersuchung der gesperrten Sarnbrücke "
        "begonnen. Sie setzen dabei auch auf Radar und Schallemissionsmessung.",
        "paras": [
            ("Seit Dienstagmorgen arbeiten unter der Sarnbrücke in Sarnheim Fachleute des Landesbetriebs "
            "Straßenbau. Mit zwei Brückenuntersichtgeräten, deren Arbeitskörbe unter die Fahrbahn schwenken, "
            "tasten sie die Träger ab. Ziel ist es herauszufinden, wie viele der Spannglieder im Inneren der "
            "Betonträger geschädigt sind und ob die Brücke noch zu retten ist."),
            ("„Von außen sieht man nur die Risse, die eigentliche Frage liegt im Beton“, erklärte der Leiter des "
            "Prüfteams, Jens Ottersbach, bei einem Termin vor Ort. Mit Bodenradar wollen die Prüfer zunächst die "
            "genaue Lage der Spannglieder bestimmen. An ausgewählten Stellen wird der Beton anschließend geöffnet, "
            "um den Stahl direkt zu begutachten."),
            ("Zusätzlich installiert das Team Sensoren, die über Wochen hinweg Geräusche im Bauwerk aufzeichnen. "
            "Reißt ein Draht im Inneren eines Spannglieds, entsteht ein charakteristisches Knackgeräusch, das die "
            "Sensoren erfassen können. Solche Schallemissionsmessungen werden inzwischen bei vielen älteren "
            "Spannbetonbrücken in Deutschland eingesetzt."),
            ("Die Untersuchung soll nach Angaben des Landesbetriebs bis Ende Februar dauern. Erst danach lasse sich "
            "seriös sagen, ob eine Sanierung technisch und wirtschaftlich sinnvoll sei. Die Kosten der Prüfung "
            "übernimmt das Land. Die Stadt Sarnheim hatte nach dem Bekanntwerden des zurückgehaltenen Gutachtens "
            "um Unterstützung gebeten."),
            ("Für die Pendler gibt es vorerst keine Entwarnung. Die Sperrung bleibt bestehen, auch für Fußgänger "
            "und Radfahrer. Der Landesbetrieb schloss aus, dass während der Messungen einzelne Fahrspuren "
            "freigegeben werden. Die Stadt prüft weiter eine Behelfsbrücke für den Fuß- und Radverkehr. Eine "
            "Entscheidung darüber soll noch im Januar fallen."),
        ],
        "related": ["stau", "gutachten-kopie"],
    },
    {
        "key": "versaeumnisse",
        "site": "landespost",
        "path": "/nachrichten/land/buergermeisterin-raeumt-versaeumnisse-ein-a-7790.html",
        "kind": "story",
        "rounds": (2,),
        "kicker": "Sarnheim",
        "title": "Sarnbrücke: Bürgermeisterin Pallasch räumt Versäumnisse ein",
        "author": "Carolin Weidenbach",
        "published": "2025-01-13T21:30:00+01:00",
        "photo": ("Bürgerversammlung in der Sarnheimer Stadthalle.", "Carolin Weidenbach"),
        "comments": 102,
        "lead": "Vor vollem Saal hat die Sarnheimer Bürgermeisterin Fehler im Umgang mit dem Brückengutachten "
        "eingeräumt. Der Baudezernent lässt sein Amt vorerst ruhen.",
        "paras": [
            ("Mehr als 600 Menschen waren am Montagabend in die Sarnheimer Stadthalle gekommen, um zu hören, was "
            "die Stadtspitze zur gesperrten Sarnbrücke zu sagen hat. Bürgermeisterin Henrike Pallasch begann ihre "
            "Rede mit einer Entschuldigung. „Es hätte nicht passieren dürfen, dass ein solches Gutachten monatelang "
            "in einer Schublade liegt“, sagte sie. Dafür trage sie als Verwaltungschefin die Verantwortung."),
            ("Nach den Ergebnissen einer ersten Prüfung durch das Rechnungsprüfungsamt war das Gutachten des "
            "Ingenieurbüros Kessler & Rautmann Ende Juli im Baudezernat eingegangen. Eine Weiterleitung an die "
            "Bürgermeisterin oder an den Bauausschuss ist in den Akten nicht vermerkt. Die empfohlene "
            "Lastbeschränkung für Lastwagen wurde in einer internen Besprechung im September erörtert und dann "
            "vertagt."),
            ("Baudezernent Ansgar Wittmoser lässt sein Amt nach Angaben der Bürgermeisterin auf eigenen Wunsch "
            "ruhen, bis die Vorgänge vollständig aufgeklärt sind. Er selbst äußerte sich am Abend nicht. Seine "
            "Aufgaben übernimmt vorübergehend der Erste Beigeordnete der Stadt."),
            ("Im Publikum machten viele ihrem Ärger Luft. Anwohner vom Südufer berichteten von stundenlangen Wegen "
            "zur Arbeit, Geschäftsleute aus der Altstadt von leeren Läden. Mehrfach gab es Zwischenrufe, als "
            "Pallasch die Abläufe im Rathaus schilderte. Bürgerlisten-Fraktionschef Falk Renneberg bezeichnete die "
            "Entschuldigung als „ersten Schritt“, forderte aber weiterhin volle Akteneinsicht für den Stadtrat."),
            ("Zur Zukunft der Brücke gab es am Abend kaum Neues. Das Land hat zugesagt, Fachleute des "
            "Landesbetriebs Straßenbau zu schicken, die das Bauwerk in den kommenden Wochen vermessen sollen. Eine "
            "Entscheidung über Sanierung oder Neubau erwartet die Stadt frühestens im Frühjahr. Bis dahin bleibt "
            "die Brücke für alle Verkehrsteilnehmer gesperrt."),
        ],
        "related": ["gutachten", "pendler"],
    },
    {
        "key": "haendler",
        "site": "anzeiger",
        "path": "/lokales/artikel/haendler-altstadt-spueren-brueckensperrung-2297.html",
        "kind": "story",
        "rounds": (2,),
        "kicker": "Einzelhandel",
        "title": "Händler in der Altstadt spüren die Brückensperrung",
        "author": "Helga Vosskuhl",
        "published": "2025-01-13T07:30:00+01:00",
        "photo": ("Leere Lange Straße an einem Samstagvormittag.", "Helga Vosskuhl"),
        "comments": 38,
        "lead": "Seit die Sarnbrücke gesperrt ist, bleiben in vielen Geschäften der Altstadt die Kunden vom "
        "Südufer aus. Die Werbegemeinschaft fordert schnelle Hilfe.",
        "paras": [
            ("Im Modehaus Brandl in der Langen Straße ist es an diesem Vormittag still. „Normalerweise ist samstags "
            "hier kein Durchkommen“, sagt Inhaberin Petra Brandl. Seit der Sperrung der Sarnbrücke sei ihr Umsatz "
            "um fast ein Drittel eingebrochen. Viele Stammkundinnen wohnen am Südufer und kämen nun nicht mehr "
            "oder nur noch selten in die Stadt."),
            ("So wie ihr geht es vielen Händlern in der Sarnheimer Altstadt. Eine Umfrage der Werbegemeinschaft "
            "unter ihren 74 Mitgliedsbetrieben ergab Umsatzrückgänge zwischen 15 und 40 Prozent in der ersten "
            "Woche. Besonders betroffen sind Geschäfte in der Nähe der Brücke, die bisher von Laufkundschaft aus "
            "den südlichen Stadtteilen lebten."),
            ("Die Vorsitzende der Werbegemeinschaft, Doris Meinhövel, fordert von der Stadt ein Hilfspaket. "
            "Denkbar seien kostenlose Parkplätze in der Innenstadt, eine Senkung der Sondernutzungsgebühren für "
            "Außenflächen und ein Shuttle vom Südufer in die Altstadt. „Wenn die Sperrung Jahre dauert, überleben "
            "das nicht alle“, sagt Meinhövel."),
            ("Die Stadt kündigte an, die Vorschläge zu prüfen. Ein kostenloser Shuttlebus soll nach Angaben der "
            "Stadtwerke bereits in dieser Woche starten. Auch über die Parkgebühren will der Stadtrat beraten. Die "
            "Wirtschaftsförderung bietet betroffenen Betrieben zudem Beratung zu Überbrückungskrediten an."),
            ("Manche Händler setzen auf eigene Ideen. Ein Buchladen liefert Bestellungen inzwischen mit dem "
            "Lastenrad über Kellbach ans Südufer, eine Metzgerei hat einen Verkaufswagen angeschafft, der dreimal "
            "pro Woche in den südlichen Stadtteilen hält. Petra Brandl denkt über einen Onlineshop nach. „Aber "
            "ersetzen kann das den Laden nicht“, sagt sie."),
        ],
        "related": ["risse-entdeckt", "akteneinsicht"],
    },
    {
        "key": "risse-entdeckt",
        "site": "anzeiger",
        # Linked only from a 'Lesen Sie auch' teaser of 'haendler': no feed, sitemap or section lists it.
        "path": "/hintergrund/unter-der-sarnbruecke-wie-die-risse-entdeckt-wurden-2290.html",
        "kind": "story",
        "rounds": (2,),
        "kicker": "Hintergrund",
        "title": "Unter der Sarnbrücke: Wie die Risse entdeckt wurden",
        "author": "Rolf Quandt",
        "published": "2025-01-12T09:00:00+01:00",
        "photo": ("Längsriss an der Unterseite eines Trägers der Sarnbrücke.", "Lukas Brenninkamp"),
        "comments": 27,
        "lead": "Ein Prüfingenieur erzählt, wie er bei der Routinekontrolle auf die Schäden an der Sarnbrücke "
        "stieß – und warum ihn die Risse sofort alarmierten.",
        "paras": [
            ("Eigentlich sollte es ein gewöhnlicher Prüftag werden. Am Montagmorgen vergangener Woche fuhr "
            "Prüfingenieur Lukas Brenninkamp mit einem Kollegen und einem Hubsteiger an die Sarnbrücke, um die "
            "vorgeschriebene Hauptprüfung zu beginnen. Alle sechs Jahre muss jede Brücke in Deutschland so "
            "gründlich untersucht werden, Handbreit für Handbreit."),
            ("Schon nach einer Stunde wurde Brenninkamp stutzig. An der Unterseite des dritten Trägers vom Nordufer "
            "aus entdeckte er einen Riss, der sich über mehrere Meter in Längsrichtung zog. „Längsrisse entlang "
            "der Spannglieder sind ein Alarmzeichen“, sagt der Ingenieur. Sie könnten darauf hindeuten, dass der "
            "Stahl im Inneren rostet und sich ausdehnt."),
            ("Wenige Meter weiter fand das Team an einem zweiten Träger ähnliche Schäden. An einer Stelle war "
            "bereits Beton abgeplatzt, darunter schimmerte rostiger Stahl. Brenninkamp dokumentierte die Schäden "
            "mit Fotos und Messungen der Rissbreite, die an einzelnen Stellen mehr als einen Millimeter "
            "erreichte. Noch am Abend schickte er seinen Bericht an das Baudezernat."),
            ("Dass die Stadt die Brücke am folgenden Tag vollständig sperrte, hält Brenninkamp für richtig. Bei "
            "Spannbetonbrücken aus den sechziger Jahren sei ein Versagen ohne Vorankündigung nicht "
            "auszuschließen. Der verwendete Spannstahl gelte als anfällig für sogenannte Spannungsrisskorrosion. "
            "Bundesweit stünden deshalb zahlreiche Brücken dieser Generation unter besonderer Beobachtung."),
            ("Von dem Gutachten aus dem Sommer wusste Brenninkamp nach eigenen Worten nichts. Er habe die Prüfung "
            "ohne Kenntnis früherer Untersuchungen begonnen. Ob die Schäden im Juli schon so groß waren, könne er "
            "nicht sagen. Für ihn steht aber fest: „Diese Risse sind nicht über Nacht entstanden.“"),
        ],
        "related": ["akteneinsicht"],
    },
]

SEED_TEXT = """Sarnbrücke in Sarnheim gesperrt

Die Stadt Sarnheim hat die Sarnbrücke, ihren wichtigsten Übergang über die Sarn, nach dem Fund tiefer Risse an \
zwei Spannbetonträgern für den gesamten Verkehr gesperrt. Pendler müssen über Kellbach ausweichen, Busse fahren \
lange Umwege.

Später wurde bekannt, dass ein Gutachten des Ingenieurbüros Kessler & Rautmann schon im Juli vor Schäden an den \
Spanngliedern gewarnt und eine Lastbeschränkung empfohlen hatte; es blieb im Baudezernat liegen. Bürgermeisterin \
Henrike Pallasch, Baudezernent Ansgar Wittmoser und die Opposition um Falk Renneberg streiten über Verantwortung \
und Aufklärung. Das Land lässt die Brücke prüfen; offen ist, ob sie saniert oder neu gebaut wird.
"""
