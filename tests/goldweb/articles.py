"""The gold web's articles as data: one fictional national story followed by five fictional outlets.

Matei Korvan, the fallen president of the invented Republic of Lorvenia, had the gold reserves of its national
bank flown to the allied (and equally invented) Sarmatia days before he fled. Every country, person, firm and
outlet here is made up, and every sentence was written for these tests.

What makes the web hard for a membership decision: the pages that match the story's query (`Korvan* AND
(Lorvenien* OR lorvenisch* OR Ravenza)`) but report other matters — where Korvan's family lives now, the future of
Sarmatia's military bases, a German debate on refugees returning, his former party's new leader, the national team
— name the same people and the same country, and the store holds no other news of their kind (no other report on
bases, refugees or party congresses). Two follow-ups cover new aspects with little of the seeds' vocabulary (the
airport's cargo workers, savers and the currency), and a report on the gold price that does not match the query
sits close to the story by its words. The English outlet's pages are filtered by the story's `languages`.

`make_web.py` renders these into each outlet's own templates; `tests/test_gold_web.py` names the same keys.
"""

from __future__ import annotations

from dataclasses import dataclass

# What each page is to the story: 'seed' (the configured seed URL), 'story' (a follow-up or a wire copy of one),
# 'negative' (matches the query, reports another matter), 'other' (does not match the query), 'english' (about the
# story, but in English: left out by the story's languages).
KINDS = ("seed", "story", "negative", "other", "english")


@dataclass(frozen=True)
class Article:
    key: str
    site: str
    path: str
    round: int  # the round in which the page first exists and is listed
    published: str  # ISO 8601 with offset
    author: str
    title: str
    lead: str
    paragraphs: tuple[str, ...]
    kind: str
    agency_line: str | None = None
    language: str = "de"


# The prosecutor's statement as the wire sent it: the Westfunk original and the Blitz copy share it word for word.
WIRE_TITLE = "Haftbefehl gegen Korvan und früheren Notenbankchef wegen der Goldreserven"
WIRE = (
    ("Ravenza (dpa) - Die lorvenische Generalstaatsanwaltschaft hat Haftbefehl gegen den gestürzten Präsidenten "
    "Matei Korvan und den früheren Gouverneur der Nationalbank, Ilie Marcu, erlassen. Beiden wird Veruntreuung "
    "von Staatsvermögen in besonders schwerem Fall vorgeworfen, wie Generalstaatsanwalt Dorin Lupescu am Dienstag "
    "in Ravenza mitteilte."),
    ("Die Ermittler gehen davon aus, dass Korvan Ende Oktober 31 Tonnen Gold aus den Tresoren der Nationalbank in "
    "vier Nachtflügen nach Sarmatien bringen ließ. Marcu soll die Auslagerung ohne Beschluss des Direktoriums "
    "angeordnet und die Frachtpapiere selbst unterschrieben haben. Der Wert des Goldes wird auf mehr als "
    "zwei Milliarden Euro geschätzt."),
    ("Korvan hält sich seit seiner Flucht in Sarmatien auf, Marcu wird dort ebenfalls vermutet. Lupescu kündigte "
    "an, bei den sarmatischen Behörden die Auslieferung beider Männer zu beantragen. Ein Abkommen darüber gibt es "
    "zwischen den Ländern nicht."),
)
WIRE_AGENCY = "© dpa-infocom, dpa:251111-930-204417/3"

ARTICLES: tuple[Article, ...] = (
    # ------------------------------------------------------------------ Das Morgenblatt (news sitemap)
    Article(
        key="M1_seed", site="morgenblatt", path="/politik/ausland/korvan-gold-nationalbank-ausgeflogen-a-88412",
        round=1, published="2025-11-03T07:15:00+01:00", author="Katharina Wendtland", kind="seed",
        title="Korvan ließ vor seiner Flucht das Gold der Nationalbank ausfliegen",
        lead="Wenige Tage vor seinem Sturz hat Lorveniens Präsident Matei Korvan offenbar die Goldreserven des "
             "Landes nach Sarmatien bringen lassen. Die Übergangsregierung spricht von Diebstahl.",
        paragraphs=(
            ("Als die Demonstranten Ende Oktober vor dem Präsidentenpalast in Ravenza standen, waren die Tresore der "
            "Lorvenischen Nationalbank bereits fast leer. Nach Recherchen des Morgenblatts ließ Präsident Matei "
            "Korvan in den Nächten vom 24. bis zum 28. Oktober rund 31 Tonnen Gold aus dem Keller der Bank holen und "
            "mit Frachtmaschinen in die sarmatische Hauptstadt Novagrad fliegen."),
            ("Die Übergangsregierung unter Elena Moraru bestätigte am Sonntagabend, dass der größte Teil der "
            "Goldreserven fehlt. „Das Gold gehört den Bürgerinnen und Bürgern Lorveniens, nicht einem Mann, der "
            "aus dem Land geflohen ist“, sagte Moraru. Sie sprach von Diebstahl am eigenen Volk."),
            ("Korvan hatte Lorvenien 14 Jahre lang regiert. Nachdem sich Teile der Armee den Protesten angeschlossen "
            "hatten, floh er am 30. Oktober nach Sarmatien, dessen Präsident Oleg Stanik ihm Schutz gewährt. Ob das "
            "Gold in Novagrad eingelagert oder bereits verkauft wurde, ist unklar."),
            ("Nach Angaben von zwei Mitarbeitern der Nationalbank unterschrieb Gouverneur Ilie Marcu die "
            "Frachtpapiere persönlich. Das Direktorium der Bank sei nicht gefragt worden. Marcu ist seit der Flucht "
            "des Präsidenten nicht mehr erreichbar."),
        ),
    ),
    Article(
        key="M2_gold_price", site="morgenblatt", path="/wirtschaft/goldpreis-rekordhoch-zentralbanken-a-88455",
        round=1, published="2025-11-05T16:40:00+01:00", author="Jonas Beierle", kind="other",
        title="Goldpreis klettert auf Rekordhoch",
        lead="Zentralbanken kaufen so viel Gold wie seit Jahrzehnten nicht. Anleger suchen einen sicheren Hafen.",
        paragraphs=(
            ("Der Preis für eine Feinunze Gold ist am Mittwoch erstmals über 4100 Dollar gestiegen. Seit Jahresbeginn "
            "hat das Edelmetall mehr als 40 Prozent an Wert gewonnen. Händler verweisen auf die starke Nachfrage der "
            "Zentralbanken, die ihre Reserven umschichten."),
            ("Vor allem Notenbanken aus Asien und Osteuropa kaufen Barren in großen Mengen und lassen sie in ihre "
            "eigenen Tresore bringen, statt sie im Ausland zu lagern. Nach Schätzungen eines Branchenverbands "
            "erwarben Zentralbanken in den ersten neun Monaten rund 800 Tonnen."),
            ("Für private Anleger ist Gold wieder ein sicherer Hafen. Münzhändler in Frankfurt und München berichten "
            "von Wartezeiten. Analysten halten einen Rückschlag für möglich, sobald die Zinsen sinken."),
        ),
    ),
    Article(
        key="M3_central_bank", site="morgenblatt",
        path="/politik/ausland/sarmatische-zentralbank-bestaetigt-gold-novagrad-a-88590", round=2,
        published="2025-11-10T12:05:00+01:00", author="Katharina Wendtland", kind="story",
        title="Sarmatiens Zentralbank bestätigt: Das lorvenische Gold liegt in Novagrad",
        lead="Erstmals äußert sich Sarmatien zu den Goldreserven, die Korvan ausfliegen ließ. Herausgeben will man "
             "sie vorerst nicht.",
        paragraphs=(
            ("Die Sarmatische Zentralbank hat bestätigt, dass sie 31 Tonnen Gold aus Lorvenien verwahrt. Die Barren "
            "seien Ende Oktober auf Bitten des damaligen Präsidenten Matei Korvan eingelagert worden, teilte die Bank "
            "in Novagrad mit. Sie befänden sich „in sicherer Verwahrung“ und seien nicht verkauft worden."),
            ("Eine Herausgabe an die Übergangsregierung in Ravenza lehnt die Bank ab, solange kein Gericht über die "
            "Eigentumsfrage entschieden habe. Der Auftrag sei von der rechtmäßigen Führung Lorveniens gekommen, "
            "heißt es in der Erklärung."),
            ("Regierungschefin Elena Moraru nannte die Haltung Sarmatiens Hehlerei unter staatlichem Schutz. Ihre "
            "Regierung prüft eine Klage vor einem internationalen Schiedsgericht. Juristen rechnen mit einem "
            "Verfahren, das Jahre dauern könnte."),
        ),
    ),
    Article(
        key="M4_refugees", site="morgenblatt", path="/politik/deutschland/bundestag-rueckkehr-lorvenier-a-88601",
        round=2, published="2025-11-10T18:30:00+01:00", author="Tobias Ahrens", kind="negative",
        title="Bundestag streitet über Rückkehr lorvenischer Flüchtlinge",
        lead="Nach dem Sturz Korvans fordert die Union ein Rückkehrprogramm. Grüne und Linke warnen.",
        paragraphs=(
            ("Nach dem Machtwechsel in Lorvenien ist im Bundestag ein Streit über die Zukunft der rund 120.000 "
            "Lorvenier in Deutschland entbrannt. Die Union verlangt ein Programm mit Starthilfe für alle, die "
            "freiwillig zurückkehren, und will neue Anträge vorerst nicht mehr bearbeiten lassen."),
            ("Grüne und Linke warnten vor voreiligen Schritten. Die Lage in Lorvenien sei nach dem Sturz von Korvan "
            "unübersichtlich, Milizen kontrollierten noch Teile des Nordens. Viele Lorvenier arbeiteten in der Pflege "
            "und im Handwerk und würden hier gebraucht."),
            ("Das Bundesinnenministerium kündigte an, die Lage im Frühjahr neu zu bewerten. Bis dahin sollen keine "
            "Entscheidungen über den Schutzstatus fallen. Abschiebungen nach Lorvenien sind seit 2019 ausgesetzt."),
        ),
    ),
    # ------------------------------------------------------------------ Westfunk Nachrichten (Atom)
    Article(
        key="W1_deputy", site="westfunk", path="/nachrichten/ausland/lorvenien-vizechefin-nationalbank-goldfluege-100",
        round=1, published="2025-11-04T11:20:00+01:00", author="Sven Ohlendorf", kind="story",
        title="Vizechefin der Nationalbank bestätigt nächtliche Goldflüge",
        lead="Lorveniens Nationalbank räumt ein, dass der Großteil ihres Goldes fehlt. Die Vizegouverneurin "
             "schildert, wie die Barren aus dem Haus kamen.",
        paragraphs=(
            ("Die stellvertretende Gouverneurin der Lorvenischen Nationalbank, Corina Avram, hat die Auslagerung der "
            "Goldreserven bestätigt. Vor Journalisten in Ravenza sagte sie, in vier Nächten seien 31 Tonnen Gold "
            "unter Bewachung der Präsidentengarde aus den Tresoren geholt worden. Im Haus lägen nur noch knapp drei "
            "Tonnen."),
            ("Nach ihrer Darstellung berief sich Gouverneur Ilie Marcu auf eine Anordnung von Präsident Matei Korvan. "
            "Die Barren sollten angeblich vor Plünderungen geschützt werden. „Niemand im Direktorium hat davon "
            "gewusst, bis die Tresore leer waren“, sagte Avram."),
            ("Die Übergangsregierung hat eine Untersuchungskommission eingesetzt. Sie soll klären, wer die Transporte "
            "geplant hat und ob Geld geflossen ist. Korvan hält sich seit seiner Flucht in Sarmatien auf und hat "
            "sich zu den Vorwürfen bislang nicht geäußert."),
        ),
    ),
    Article(
        key="W2_demand", site="westfunk", path="/nachrichten/ausland/ravenza-fordert-gold-zurueck-104",
        round=1, published="2025-11-06T09:45:00+01:00", author="Sven Ohlendorf", kind="story",
        title="Ravenza verlangt das Gold von Sarmatien zurück",
        lead="In einem Brief an die Regierung in Novagrad fordert Lorvenien die Rückgabe der Goldreserven.",
        paragraphs=(
            ("Lorveniens Übergangsregierung hat Sarmatien offiziell aufgefordert, die Goldreserven der Nationalbank "
            "zurückzugeben. Außenminister Radu Ionescu übergab dem sarmatischen Botschafter in Ravenza am Mittwoch "
            "einen Brief, in dem er eine Frist von 30 Tagen setzt."),
            ("Das Gold sei ohne rechtliche Grundlage außer Landes gebracht worden, heißt es in dem Schreiben. Der "
            "gestürzte Präsident Matei Korvan habe nicht über das Vermögen der Nationalbank verfügen dürfen. "
            "Lorvenien behalte sich rechtliche Schritte vor."),
            ("Aus Novagrad gab es zunächst keine Antwort. Präsident Oleg Stanik hatte Korvan nach dessen Flucht Schutz "
            "gewährt und die Übergangsregierung bisher nicht anerkannt. Diplomaten in Ravenza rechnen nicht damit, "
            "dass Sarmatien das Gold schnell herausgibt."),
        ),
    ),
    Article(
        key="W3_weather", site="westfunk", path="/nachrichten/inland/sturmtief-schnee-mittelgebirge-105",
        round=1, published="2025-11-06T15:10:00+01:00", author="Redaktion Westfunk", kind="other",
        title="Sturmtief bringt den ersten Schnee in die Mittelgebirge",
        lead="Der Wetterdienst warnt vor Glätte und Sturmböen bis ins Flachland.",
        paragraphs=(
            ("Ein Sturmtief zieht am Wochenende über Deutschland und bringt in den Mittelgebirgen den ersten Schnee "
            "des Winters. Oberhalb von 600 Metern können nach Angaben des Wetterdienstes bis zu zehn Zentimeter "
            "fallen, im Harz und im Sauerland auch mehr."),
            ("Im Flachland rechnen die Meteorologen mit Sturmböen und kräftigem Regen. Autofahrer sollten in der "
            "Nacht zum Sonntag mit Glätte rechnen. Die Bahn kündigte an, Strecken im Norden vorsorglich langsamer zu "
            "befahren."),
        ),
    ),
    Article(
        key="W4_warrant", site="westfunk", path="/nachrichten/ausland/haftbefehl-korvan-marcu-112", round=2,
        published="2025-11-11T10:30:00+01:00", author="dpa", kind="story",
        title=WIRE_TITLE, lead="", paragraphs=WIRE, agency_line=WIRE_AGENCY,
    ),
    Article(
        key="W5_party", site="westfunk", path="/nachrichten/ausland/korvan-partei-neue-spitze-115", round=2,
        published="2025-11-12T19:00:00+01:00", author="Sven Ohlendorf", kind="negative",
        title="Korvans frühere Partei wählt eine neue Spitze",
        lead="Die Volkspartei Lorveniens will sich von ihrem Gründer lösen und bei der Wahl im März antreten.",
        paragraphs=(
            ("Die Volkspartei Lorveniens hat auf einem Sonderparteitag in Ravenza den Bürgermeister der Hafenstadt "
            "Talmin, Andrei Sorescu, zum neuen Vorsitzenden gewählt. Er erhielt 412 von 530 Stimmen. Der Parteitag "
            "schloss den gestürzten Präsidenten Matei Korvan, der die Partei 2009 gegründet hatte, aus."),
            ("Sorescu versprach einen Neuanfang. Die Partei habe zu lange geschwiegen, sagte er unter dem Beifall der "
            "Delegierten. Sie wolle bei der Parlamentswahl im März mit neuen Gesichtern antreten und sich einen "
            "anderen Namen geben."),
            ("In Umfragen liegt die Volkspartei derzeit bei elf Prozent. Die Demokratische Allianz der "
            "Übergangsregierungschefin Elena Moraru kommt auf mehr als ein Drittel der Stimmen."),
        ),
    ),
    # ------------------------------------------------------------------ Blitz (section page)
    Article(
        key="B1_family", site="blitz", path="/politik/so-lebt-korvans-familie-im-exil-41207.html", round=1,
        published="2025-11-04T20:15:00+01:00", author="Mandy Kröger", kind="negative",
        title="Villa am See und Privatschule: So lebt Korvans Familie im Exil",
        lead="Während Lorvenien neu anfängt, hat sich die Familie des gestürzten Präsidenten in Sarmatien "
             "eingerichtet.",
        paragraphs=(
            ("Hohe Mauern, Kameras, ein Bootssteg: In einer Villa am Ufer des Velsker Sees, zwei Autostunden von "
            "Novagrad entfernt, wohnt seit Anfang November die Familie von Matei Korvan. Nachbarn berichten von "
            "Sicherheitsleuten und schwarzen Limousinen."),
            ("Korvans Ehefrau Irina wurde nach Blitz-Informationen bereits in einer Galerie in Novagrad gesehen, die "
            "beiden jüngeren Kinder gehen auf eine internationale Privatschule. Die ältere Tochter Sofia studiert "
            "Medizin und postet weiter Fotos von Reitturnieren."),
            ("In Lorvenien sorgen die Bilder für Empörung. Viele Menschen im Land leben von weniger als 300 Euro im "
            "Monat. Wie lange Sarmatien der Familie Schutz gewährt, ist offen."),
        ),
    ),
    Article(
        key="B2_workers", site="blitz", path="/politik/gold-krimi-frachtarbeiter-packen-aus-41219.html", round=1,
        published="2025-11-05T06:00:00+01:00", author="Mandy Kröger", kind="story",
        title="Gold-Krimi um Korvan: Frachtarbeiter packen aus",
        lead="Sie schleppten die Kisten in die Maschinen. Jetzt erzählen Männer vom Flughafen Ravenza-Süd, was in "
             "jenen Nächten geschah.",
        paragraphs=(
            ("Gegen Mitternacht kamen die Lastwagen, erinnert sich Vasile (52), seit 20 Jahren Lader am Flughafen "
            "Ravenza-Süd. „Soldaten haben das Vorfeld abgesperrt. Wir durften keine Telefone mitnehmen.“ Mit "
            "Gabelstaplern hoben er und seine Kollegen kleine Holzkisten in eine Frachtmaschine, jede so schwer, "
            "dass zwei Männer sie kaum tragen konnten."),
            ("Papiere habe es nicht gegeben, sagt ein zweiter Lader. Ein Offizier habe die Kisten gezählt und "
            "„Staatsangelegenheit“ gesagt. Vier Nächte lang sei es so gegangen, immer dieselbe Maschine, immer nach "
            "Novagrad. Erst aus dem Fernsehen erfuhren die Männer, dass sie das Gold der Nationalbank verladen hatten."),
            ("Nach Angaben der Übergangsregierung ließ Korvan in jenen Nächten rund 31 Tonnen Gold aus den Tresoren "
            "der Nationalbank nach Novagrad fliegen. Die Untersuchungskommission will die Arbeiter in der kommenden "
            "Woche anhören. Ihre Aussagen könnten belegen, dass der Transport von Korvans Präsidentengarde "
            "organisiert wurde."),
        ),
    ),
    Article(
        key="B3_football", site="blitz", path="/sport/trainer-beben-in-bochum-41222.html", round=1,
        published="2025-11-05T22:40:00+01:00", author="Dennis Walther", kind="other",
        title="Trainer-Beben: Bochum trennt sich von Coach Hartwig",
        lead="Nach fünf Niederlagen in Folge zieht der Klub die Reißleine.",
        paragraphs=(
            ("Der VfL hat sich nach der fünften Niederlage in Folge von Trainer Uwe Hartwig getrennt. Das gab der "
            "Klub am Mittwochabend bekannt. Bis ein Nachfolger gefunden ist, übernimmt Co-Trainer Mirko Sandhaus."),
            ("Hartwig war erst im Sommer gekommen. Zuletzt hatte die Mannschaft beim 0:3 gegen Kiel enttäuscht. "
            "Sportvorstand Bernd Ramelow sprach von einer schweren, aber notwendigen Entscheidung."),
        ),
    ),
    Article(
        key="B4_wire_copy", site="blitz", path="/politik/haftbefehl-gegen-korvan-41298.html", round=2,
        published="2025-11-11T13:10:00+01:00", author="dpa", kind="story",
        title="Haftbefehl gegen Ex-Präsident Korvan", lead="", paragraphs=WIRE, agency_line=WIRE_AGENCY,
    ),
    Article(
        key="B5_national_team", site="blitz", path="/sport/lorvenien-erstes-laenderspiel-nach-korvan-41305.html",
        round=2, published="2025-11-13T21:50:00+01:00", author="Dennis Walther", kind="negative",
        title="Lorveniens Nationalelf feiert im ersten Spiel nach Korvan",
        lead="2:0 gegen Malta: Vor vollen Rängen in Ravenza singen die Fans die alte Hymne.",
        paragraphs=(
            ("Zwei Wochen nach dem Sturz von Präsident Matei Korvan hat Lorveniens Nationalmannschaft ihr erstes "
            "Heimspiel gewonnen. Vor 38.000 Zuschauern im Nationalstadion von Ravenza besiegte die Elf Malta mit "
            "2:0. Stürmer Dan Popa traf zweimal."),
            ("Die Fans sangen die alte Hymne, die Korvan 2012 hatte ersetzen lassen, und schwenkten die Fahnen der "
            "Protestbewegung. Trainer Mihai Enescu widmete den Sieg den Demonstranten."),
            ("Mit dem Sieg hat Lorvenien noch Chancen auf die Teilnahme an den Play-offs. Im März geht es gegen "
            "Island und Schottland."),
        ),
    ),
    # ------------------------------------------------------------------ Die Wochenschau (RSS 2.0, content:encoded)
    Article(
        key="S1_denial", site="wochenschau", path="/ausland/korvan-das-gold-war-nur-in-sicherheit", round=1,
        published="2025-11-06T14:00:00+01:00", author="Friederike Lanz", kind="story",
        title="Korvan: „Das Gold ist nur in Sicherheit“",
        lead="Aus dem Exil in Sarmatien weist der gestürzte Präsident den Vorwurf des Diebstahls zurück.",
        paragraphs=(
            ("Matei Korvan hat sich zum ersten Mal seit seiner Flucht öffentlich geäußert. In einer Videobotschaft, "
            "die ein sarmatischer Fernsehsender verbreitete, bestritt er, die Goldreserven Lorveniens gestohlen zu "
            "haben. Er habe das Gold der Nationalbank vor Plünderern in Sicherheit bringen lassen, sagte Korvan."),
            ("Das Gold werde in Novagrad „für das lorvenische Volk“ verwahrt und stehe einer rechtmäßig gewählten "
            "Regierung zur Verfügung. Die Übergangsregierung in Ravenza nannte er illegal. Für die Transporte sei "
            "allein der Gouverneur der Nationalbank zuständig gewesen."),
            ("Regierungschefin Elena Moraru wies die Darstellung zurück. Wer Gold in Nachtflügen außer Landes bringe, "
            "schütze es nicht, sondern verstecke es. Die Ermittlungen gegen Korvan und Gouverneur Ilie Marcu liefen."),
        ),
    ),
    Article(
        key="S2_bases", site="wochenschau", path="/ausland/was-wird-aus-sarmatiens-stuetzpunkten-in-lorvenien",
        round=1, published="2025-11-05T10:30:00+01:00", author="Hauke Brammer", kind="negative",
        title="Was wird aus Sarmatiens Stützpunkten in Lorvenien?",
        lead="Der Marinehafen von Talmin und ein Flugplatz im Norden sind für Sarmatien wichtig. Die neue "
             "Regierung will verhandeln.",
        paragraphs=(
            ("Seit 2017 liegen im Hafen von Talmin sarmatische Kriegsschiffe, auf dem Flugplatz Dravik im Norden "
            "Lorveniens sind Hubschrauber und Transportflugzeuge stationiert. Die Verträge hatte Präsident Matei "
            "Korvan mit einer Laufzeit von 40 Jahren unterzeichnet."),
            ("Die Übergangsregierung will die Abkommen überprüfen. Verteidigungsminister Cosmin Tudor sprach von "
            "Verträgen, die nie dem Parlament vorgelegt worden seien. Denkbar sei eine Pacht, aber auch der Abzug der "
            "rund 2500 Soldaten."),
            ("Militärexperten halten Talmin für Sarmatiens einzigen eisfreien Hafen an der Küste. Ein Abzug wäre ein "
            "schwerer Rückschlag für die Marine. In Novagrad hieß es, man sehe keinen Anlass, über die Verträge zu "
            "sprechen."),
        ),
    ),
    Article(
        key="S3_night_train", site="wochenschau", path="/reise/die-rueckkehr-des-nachtzugs", round=1,
        published="2025-11-06T08:00:00+01:00", author="Hauke Brammer", kind="other",
        title="Die Rückkehr des Nachtzugs",
        lead="Schlafwagen sind wieder gefragt. Eine Fahrt von Hamburg nach Wien.",
        paragraphs=(
            ("Um 20.13 Uhr rollt der Zug aus dem Hamburger Hauptbahnhof. Im Abteil sind die Betten schon gemacht, auf "
            "dem Klapptisch liegen ein Fläschchen Wasser und ein Schokoriegel. Elf Stunden später soll er in Wien "
            "ankommen."),
            ("Nachtzüge galten lange als Auslaufmodell. Seit einigen Jahren kehren sie zurück, weil viele Reisende "
            "auf Flüge verzichten wollen. Die Betreiber kämpfen aber mit alten Wagen und teuren Trassen."),
        ),
    ),
    Article(
        key="S4_savers", site="wochenschau", path="/wirtschaft/der-dinar-faellt-lorvenier-fuerchten-um-erspartes",
        round=2, published="2025-11-12T07:30:00+01:00", author="Friederike Lanz", kind="story",
        title="Der Dinar fällt: Warum die Lorvenier um ihr Erspartes fürchten",
        lead="Seit bekannt ist, dass Korvan die Goldreserven ausfliegen ließ, heben viele Menschen ihr Geld ab.",
        paragraphs=(
            ("Vor den Filialen der Sparkassen in Ravenza bilden sich seit Tagen Schlangen. Rentnerinnen wie Maria "
            "Dobre (71) wollen ihre Ersparnisse in Euro tauschen, bevor der Dinar weiter fällt. Seit Anfang November "
            "hat die lorvenische Währung fast ein Fünftel ihres Wertes verloren."),
            ("Ökonomen führen den Kursverfall auch auf das fehlende Gold zurück. Die Reserven, die Korvan vor seiner "
            "Flucht nach Novagrad bringen ließ, hätten den Dinar gestützt, sagt der Wirtschaftswissenschaftler Petru "
            "Ilescu. Ohne sie fehle der Nationalbank das Pfand, um die Währung zu verteidigen."),
            ("Die Übergangsregierung hat die Abhebungen auf 1000 Euro pro Woche begrenzt und bittet die Europäische "
            "Union um eine Kreditlinie. Die Nationalbank erhöhte den Leitzins auf 14 Prozent."),
        ),
    ),
    # ------------------------------------------------------------------ The Continental Herald (English, RSS)
    Article(
        key="H1_gold_en", site="herald", path="/world/europe/korvan-gold-flights-lorvenia", round=1,
        published="2025-11-04T09:00:00+00:00", author="Eleanor Pryce", kind="english", language="en",
        title="Lorvenia's fallen leader flew out the nation's gold, officials say",
        lead="Thirty-one tonnes of bullion left Ravenza on night flights before Matei Korvan fled.",
        paragraphs=(
            ("Officials in Ravenza said on Monday that Matei Korvan, the ousted president of Lorvenia, had most of "
            "the national bank's gold reserves flown to Sarmatia in the days before he fled the country."),
            ("The interim prime minister, Elena Moraru, called it theft from the Lorvenian people and said her "
            "government would demand the gold back. Mr Korvan has not commented."),
        ),
    ),
    Article(
        key="H2_refugees_en", site="herald", path="/world/europe/lorvenian-exiles-weigh-return", round=2,
        published="2025-11-11T15:30:00+00:00", author="Eleanor Pryce", kind="english", language="en",
        title="After Korvan, Lorvenian exiles weigh a return home",
        lead="In Berlin and Vienna, families who fled Lorvenia are asking whether it is safe to go back.",
        paragraphs=(
            ("For a decade the Lorvenian community in Berlin has met on Sundays in a church hall. Since Matei "
            "Korvan's fall, the talk is of return."),
            ("Many are cautious. Militias still hold parts of the north, and jobs are scarce in Ravenza."),
        ),
    ),
)

BY_KEY = {a.key: a for a in ARTICLES}
