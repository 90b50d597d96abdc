"""The test web's articles as data: a fictional story (PFAS in the drinking water of the invented market town
Oberkolbing), its follow-ups, off-topic pages and a hard negative. Places, people and firms are invented.

`make_web.py` renders these into each outlet's own template; the e2e tests name the same keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
    listed: bool = True  # listed in the site's feed, sitemap or section page
    encoding: str = "utf-8"
    agency_line: str | None = None
    # round 2 of an updated article: a new modification date, title and body at the same URL
    updated: str | None = None
    title_r2: str | None = None
    paragraphs_r2: tuple[str, ...] | None = None
    boilerplate_r2: bool = False  # round 2 changes only comment counts and teasers
    extra: dict[str, str] = field(default_factory=dict)


BACKGROUND_FOAM = (
    "Woher die Stoffe stammen, ist noch offen. Im Ort richtet sich der Verdacht auf das Gelände der Lackfabrik "
    "Brandner am nördlichen Ortsrand. Dort hatte die Feuerwehr im August 2023 einen Großbrand mit mehreren tausend "
    "Litern Löschschaum bekämpft. Ältere Löschschäume enthielten häufig PFAS, die sich im Boden kaum abbauen und mit "
    "dem Grundwasser wandern."
)

WIRE = (
    ("Oberkolbing (dpa) - Nach dem Fund von PFAS-Chemikalien im Trinkwasser der Marktgemeinde Oberkolbing prüft die "
    "Staatsanwaltschaft eine Anzeige gegen die Lackfabrik Brandner. Eine Sprecherin der Behörde bestätigte am "
    "Donnerstag den Eingang einer Strafanzeige wegen des Verdachts der Gewässerverunreinigung. Ein "
    "Ermittlungsverfahren sei noch nicht eingeleitet."),
    ("Die Anzeige hat nach dpa-Informationen eine Bürgerinitiative erstattet, die sich nach dem Fund gegründet hat. "
    "Sie wirft dem Unternehmen vor, nach dem Großbrand im August 2023 den belasteten Löschschaum nicht ausreichend "
    "entsorgt zu haben. Die Lackfabrik wies die Vorwürfe zurück. Man habe alle Auflagen der Behörden erfüllt, sagte "
    "ein Sprecher."),
    ("Seit Montag sollen die rund 6400 Einwohner von Oberkolbing ihr Leitungswasser nicht mehr trinken. Ein Labor hatte "
    "im Tiefbrunnen II PFAS-Werte gemessen, die den künftigen Grenzwert um mehr als das Achtfache übersteigen. Die "
    "Versorgung läuft über Trinkwasserwagen des Technischen Hilfswerks."),
    ("PFAS sind eine Gruppe von mehreren tausend Industriechemikalien, die wegen ihrer Langlebigkeit auch "
    "Ewigkeitschemikalien genannt werden. Sie stecken unter anderem in Beschichtungen, Outdoor-Kleidung und älteren "
    "Feuerlöschschäumen. Einige von ihnen gelten als gesundheitsschädlich."),
)
WIRE_TITLE = "PFAS im Trinkwasser: Staatsanwaltschaft prüft Anzeige gegen Lackfabrik in Oberkolbing"
WIRE_AGENCY = "© dpa-infocom, dpa:250313-930-118842/2"

ARTICLES: tuple[Article, ...] = (
    # ---------------------------------------------------------------- Oberland Abendpost (RSS 2.0, robots.txt)
    Article(
        key="A1_seed", site="abendpost", path="/lokales/oberkolbing-pfas-im-trinkwasser-100231.html", round=1,
        published="2025-03-10T17:45:00+01:00", author="Miriam Strobl",
        title="PFAS im Trinkwasser: Oberkolbing warnt vor dem Leitungswasser",
        lead="Bei einer Routineprobe hat das Wasserwerk Oberkolbing stark erhöhte Werte von PFAS-Chemikalien "
             "gefunden. Die Gemeinde rät, das Leitungswasser nicht mehr zu trinken.",
        paragraphs=(
            ("Die Nachricht erreichte die rund 6400 Einwohner von Oberkolbing am Montagnachmittag per "
            "Lautsprecherwagen und Warn-App: Das Leitungswasser soll bis auf Weiteres weder getrunken noch zum Kochen "
            "verwendet werden. In einer Routineprobe aus dem Tiefbrunnen II hatte ein Labor im Auftrag des "
            "Wasserwerks per- und polyfluorierte Chemikalien, kurz PFAS, in einer Konzentration gefunden, die den ab "
            "2026 geltenden Grenzwert um mehr als das Achtfache übersteigt."),
            ("„Wir nehmen das sehr ernst und wollen niemanden unnötig beunruhigen“, sagte Bürgermeisterin Hanne "
            "Wiesinger am Abend im Rathaus. Abkochen helfe bei PFAS nicht, deshalb würden ab Dienstag "
            "Trinkwasserwagen am Marktplatz, an der Grundschule und am Sportgelände bereitstehen. Das Gesundheitsamt "
            "des Landkreises Wettersee sei eingeschaltet."),
            BACKGROUND_FOAM,
            ("Wasserwart Quirin Haslberger hat den Tiefbrunnen II vom Netz genommen und speist nur noch aus dem "
            "kleineren Brunnen I ein, dessen Proben unauffällig waren. Das reiche aber nicht für den ganzen Ort, "
            "sagte Haslberger. Eine Notverbindung zur Wasserversorgung der Nachbargemeinde Wetterhausen werde geprüft."),
            ("Das Gesundheitsamt betont, dass keine akute Gefahr bestehe. PFAS reichern sich jedoch über Jahre im "
            "Körper an. Schwangere und Familien mit Säuglingen sollen Babynahrung ausschließlich mit abgefülltem "
            "Wasser zubereiten. Für Donnerstag ist eine Bürgerversammlung in der Mehrzweckhalle angekündigt."),
        ),
    ),
    Article(
        key="A2_tracking", site="abendpost", path="/lokales/oberkolbing-trinkwasserwagen-marktplatz-100245.html",
        round=1, published="2025-03-11T12:10:00+01:00", author="Miriam Strobl",
        title="Oberkolbing: Trinkwasserwagen versorgen den Ort – lange Schlangen am Marktplatz",
        lead="Einen Tag nach dem PFAS-Fund holen die Oberkolbinger ihr Wasser aus Tankwagen. Die Stimmung schwankt "
             "zwischen Gelassenheit und Wut.",
        paragraphs=(
            ("Schon um sieben Uhr standen die ersten Oberkolbinger mit Kanistern, Wasserkästen und Kochtöpfen am "
            "Marktplatz. Das Technische Hilfswerk hatte über Nacht drei Trinkwasserwagen mit je 5000 Litern "
            "aufgestellt, zwei weitere stehen an der Grundschule und am Sportgelände. Bis zum Mittag seien rund "
            "40.000 Liter ausgegeben worden, sagte ein Sprecher des Landratsamts Wettersee."),
            ("„Ich habe zwei kleine Kinder, ich will jetzt einfach wissen, wie lange wir das Zeug schon trinken“, "
            "sagte eine Mutter aus der Siedlung am Mühlbach. Andere nahmen die Lage gelassener. Ein Rentner meinte, "
            "er habe schon das Hochwasser von 1999 erlebt, da werde man auch das überstehen."),
            ("Bürgermeisterin Hanne Wiesinger kündigte an, dass die Gemeinde ältere und gehbehinderte Menschen "
            "beliefern werde. Freiwillige der Feuerwehr und des Sportvereins tragen Wasserkästen bis an die Haustür. "
            "Wer Hilfe brauche, könne sich unter einer Hotline im Rathaus melden."),
            ("Unterdessen wurde bekannt, dass das Labor die PFAS-Werte im Tiefbrunnen II bereits im Januar als "
            "auffällig gemeldet hatte. Wasserwart Quirin Haslberger bestätigte, dass damals eine Kontrollprobe in "
            "Auftrag gegeben worden sei. Erst deren Ergebnis habe die hohe Belastung gezeigt. Die Opposition im "
            "Gemeinderat verlangt Aufklärung, warum die Bürger nicht früher informiert wurden."),
            ("Der Verdacht richtet sich weiter auf den Löschschaum vom Großbrand der Lackfabrik Brandner im Jahr 2023. "
            "Das Unternehmen erklärte, man unterstütze die Behörden und habe alle damaligen Einsatzberichte zur "
            "Verfügung gestellt."),
        ),
    ),
    Article(
        key="A_intern", site="abendpost", path="/intern/oberkolbing-pfas-recherche-notizen.html", round=1,
        published="2025-03-11T08:00:00+01:00", author="Lokalredaktion",
        title="Intern: Recherche-Notizen zum PFAS-Fund in Oberkolbing",
        lead="Nicht veröffentlichen: Notizen der Lokalredaktion zum PFAS-Fund im Trinkwasser von Oberkolbing.",
        paragraphs=(
            ("Interne Planung der Lokalredaktion für die Berichterstattung über das Trinkwasser in Oberkolbing. Termine "
            "mit dem Wasserwerk, dem Gesundheitsamt Wettersee und der Lackfabrik Brandner werden hier gesammelt."),
            ("Offene Fragen: Seit wann war die Belastung des Tiefbrunnens II bekannt, wer hat die Januar-Probe gesehen, "
            "welche Mengen Löschschaum wurden beim Großbrand 2023 eingesetzt. Diese Seite ist nicht für Leser bestimmt "
            "und darf von keinem Crawler abgerufen werden."),
            ("Rückrufe bitte an die Lokalredaktion, Durchwahl im internen Telefonbuch. Fotos vom Marktplatz liegen im "
            "Ordner der Bildredaktion."),
        ),
    ),
    Article(
        key="A3_offtopic", site="abendpost", path="/lokales/parkhaus-bahnhof-wetterhausen-100240.html", round=1,
        published="2025-03-11T09:30:00+01:00", author="Jonas Eberl",
        title="Wetterhausen bekommt ein Parkhaus am Bahnhof",
        lead="Der Stadtrat hat den Bau eines Parkhauses mit 420 Stellplätzen am Bahnhof beschlossen.",
        paragraphs=(
            ("Nach jahrelanger Debatte hat der Stadtrat von Wetterhausen den Bau eines Parkhauses am Bahnhof "
            "beschlossen. Auf vier Ebenen sollen 420 Stellplätze entstehen, dazu eine überdachte Fahrradstation mit "
            "200 Plätzen und Ladesäulen für Elektroautos."),
            ("Die Kosten schätzt die Verwaltung auf 9,8 Millionen Euro. Pendler sollen ab 2027 für einen Euro am Tag "
            "parken können, wer eine Monatskarte der Bahn besitzt, parkt günstiger."),
            ("Kritik kam von Anwohnern der Bahnhofstraße, die mehr Verkehr befürchten. Die Stadt will deshalb die "
            "Zufahrt über die Industriestraße führen und einen neuen Kreisverkehr bauen."),
            ("Der Baubeginn ist für das Frühjahr 2026 geplant. Während der Bauzeit fallen die 150 Stellplätze auf dem "
             "bisherigen Schotterparkplatz weg; die Stadt richtet dafür einen Pendlerparkplatz am Sportgelände ein, von "
             "dem aus ein Kleinbus im Viertelstundentakt zum Bahnhof fährt. Auch die Buslinien sollen besser auf die "
             "Züge abgestimmt werden."),
        ),
    ),
    Article(
        key="A4_round2", site="abendpost", path="/lokales/oberkolbing-aktivkohlefilter-landratsamt-100302.html",
        round=2, published="2025-03-15T09:30:00+01:00", author="Jonas Eberl",
        title="PFAS in Oberkolbing: Landratsamt ordnet Aktivkohlefilter an",
        lead="Eine mobile Aktivkohleanlage soll den Tiefbrunnen II binnen zwei Wochen wieder nutzbar machen. Die "
             "Kosten trägt zunächst die Gemeinde.",
        paragraphs=(
            ("Das Landratsamt Wettersee hat dem Wasserwerk Oberkolbing den Einbau einer mobilen Aktivkohle-Filteranlage "
            "vorgeschrieben. Die Anlage, ein Container mit zwei Filterbehältern, soll neben dem Tiefbrunnen II "
            "aufgestellt werden und die PFAS-Chemikalien aus dem Rohwasser binden, bevor es ins Netz gelangt. Nach "
            "Angaben von Landrat Bertold Gramlich ist die Anlage bei einem Hersteller in Norddeutschland bestellt."),
            ("Bis die Filter arbeiten, bleibt es bei der Versorgung mit Trinkwasserwagen. Wasserwart Quirin Haslberger "
            "rechnet mit zwei Wochen für Aufbau und Probebetrieb. Erst wenn drei Proben in Folge unter dem Grenzwert "
            "lägen, dürfe das Leitungswasser wieder getrunken werden."),
            ("Die Kosten von rund 180.000 Euro für Miete und Betrieb im ersten Jahr trägt zunächst die Gemeinde. "
            "Bürgermeisterin Hanne Wiesinger kündigte an, das Geld später vom Verursacher zurückzufordern. Die "
            "Lackfabrik Brandner, auf deren Gelände beim Großbrand 2023 PFAS-haltiger Löschschaum eingesetzt worden "
            "war, äußerte sich dazu bisher nicht."),
            ("Langfristig denkt die Gemeinde über einen neuen Brunnen im Süden des Gemeindegebiets nach, weit weg vom "
            "Fabrikgelände. Ein hydrogeologisches Gutachten dazu soll im Herbst vorliegen."),
        ),
    ),
    Article(
        key="A5_wirecopy", site="abendpost", path="/lokales/staatsanwaltschaft-anzeige-lackfabrik-100260.html",
        round=2, published="2025-03-13T11:02:00+01:00", author="dpa",
        title=WIRE_TITLE, lead="", paragraphs=WIRE, agency_line=WIRE_AGENCY,
    ),
    # ---------------------------------------------------------------- Wettersee-Kurier (Atom, windows-1252 header)
    Article(
        key="K1_cp1252_header", site="kurier",
        path="/lokales/grossbrand-gelaende-gutachter-loeschschaum-oberkolbing.html", round=1,
        published="2025-03-11T18:30:00+01:00", author="Franziska Süßmeier", encoding="cp1252",
        title="Großbrand-Gelände in Oberkolbing: Gutachter prüfen Löschschaum-Rückstände",
        lead="Auf dem Werksgelände der Lackfabrik Brandner wird gebohrt. Die Proben sollen zeigen, ob das PFAS im "
             "Trinkwasser vom Löschschaum des Großbrands stammt.",
        paragraphs=(
            ("Auf dem Gelände der Lackfabrik Brandner am nördlichen Ortsrand von Oberkolbing haben am Dienstag "
            "Gutachter mit Bohrungen begonnen. Sie sollen klären, ob dort noch Rückstände des Löschschaums im Boden "
            "stecken, den die Feuerwehr beim Großbrand im August 2023 eingesetzt hat. Die Proben gehen an ein Labor "
            "in Süddeutschland; Ergebnisse werden in zehn Tagen erwartet."),
            ("Damals brannte eine Lagerhalle mit Lösungsmitteln vollständig aus. Mehr als 200 Einsatzkräfte waren vor "
            "Ort, der Schaden lag bei rund 4,5 Millionen €. Kreisbrandrat Anton Gößwein sagte, der verwendete Schaum "
            "sei nach damaligem Recht zulässig gewesen. „Niemand hat an das Grundwasser gedacht, es ging darum, ein "
            "Übergreifen auf die Wohnhäuser zu verhindern.“"),
            ("Die Straße zum Werksgelände ist für die Dauer der Arbeiten gesperrt. Anwohner der Mühlstraße berichteten, "
            "dass nach dem Brand tagelang Schaumreste in den Gräben gestanden hätten. Ob das Löschwasser damals "
            "aufgefangen wurde, soll nun ebenfalls geprüft werden."),
            ("Für die Menschen in Oberkolbing bleibt das Trinkwasser aus der Leitung tabu. Bürgermeisterin Hanne "
            "Wiesinger bat um Geduld: Die Gemeinde werde alle Messergebnisse veröffentlichen, sobald sie vorlägen."),
        ),
    ),
    Article(
        key="K2_updated_feed", site="kurier", path="/lokales/eltern-fordern-bluttests-oberkolbing.html", round=1,
        published="2025-03-12T10:15:00+01:00", author="Franziska Süßmeier",
        title="Oberkolbinger Eltern fordern Bluttests für ihre Kinder",
        lead="Mehr als 300 Eltern wollen wissen, wie viel PFAS ihre Kinder mit dem Trinkwasser aufgenommen haben.",
        paragraphs=(
            ("Mehr als 300 Eltern aus Oberkolbing haben in einem offenen Brief an das Gesundheitsamt Wettersee "
            "Bluttests für ihre Kinder gefordert. Sie wollen wissen, wie viel PFAS ihre Kinder mit dem Trinkwasser "
            "aufgenommen haben, bevor die Belastung des Tiefbrunnens II bekannt wurde."),
            ("„Wir haben monatelang Tee und Fläschchen mit diesem Wasser gemacht“, heißt es in dem Schreiben, das die "
            "Elternbeiräte von Grundschule und Kitas verfasst haben. Die Eltern verlangen, dass die Kosten nicht bei "
            "den Familien hängen bleiben."),
            ("Das Gesundheitsamt reagierte zurückhaltend. Ein Bluttest zeige zwar die Menge an PFAS im Körper, sage "
            "aber wenig über ein persönliches Gesundheitsrisiko aus, sagte Amtsleiter Jochen Pfeiffer. Man prüfe "
            "dennoch, ob eine Untersuchung für eine Stichprobe von Kindern sinnvoll sei."),
            ("Bürgermeisterin Hanne Wiesinger unterstützt die Forderung. Die Gemeinde sei bereit, sich an den Kosten "
            "zu beteiligen."),
        ),
        updated="2025-03-16T08:40:00+01:00",
        title_r2="Oberkolbing: Gesundheitsamt sagt Bluttests für Kinder zu",
        paragraphs_r2=(
            ("Mehr als 300 Eltern aus Oberkolbing haben in einem offenen Brief an das Gesundheitsamt Wettersee "
            "Bluttests für ihre Kinder gefordert. Sie wollen wissen, wie viel PFAS ihre Kinder mit dem Trinkwasser "
            "aufgenommen haben, bevor die Belastung des Tiefbrunnens II bekannt wurde."),
            ("„Wir haben monatelang Tee und Fläschchen mit diesem Wasser gemacht“, heißt es in dem Schreiben, das die "
            "Elternbeiräte von Grundschule und Kitas verfasst haben. Die Eltern verlangen, dass die Kosten nicht bei "
            "den Familien hängen bleiben."),
            ("Nach tagelangem Druck hat das Gesundheitsamt am Sonntag eingelenkt: Ab dem 24. März können sich alle "
            "Kinder und Jugendlichen aus Oberkolbing kostenlos Blut abnehmen lassen. Die Proben werden von einem "
            "Universitätslabor auf zwölf PFAS-Verbindungen untersucht. Amtsleiter Jochen Pfeiffer sagte, die "
            "Ergebnisse sollten auch zeigen, ob Erwachsene später ebenfalls getestet werden müssen."),
            ("Bürgermeisterin Hanne Wiesinger sprach von einem wichtigen Signal. Die Kosten teilen sich Landkreis und "
            "Gemeinde; die Elternbeiräte wollen die Aktion mit einer Informationsveranstaltung in der Grundschule "
            "begleiten."),
        ),
    ),
    Article(
        key="K3_offtopic", site="kurier", path="/lokales/faehre-wettersee-saisonstart.html", round=1,
        published="2025-03-12T07:00:00+01:00", author="Tobias Rank",
        title="Fähre auf dem Wettersee startet früher in die Saison",
        lead="Wegen des milden Wetters legt die Seefähre schon Ende März wieder ab.",
        paragraphs=(
            ("Die Fähre zwischen Seeheim und dem Südufer des Wettersees nimmt in diesem Jahr schon am 29. März den "
            "Betrieb auf, zwei Wochen früher als üblich. Grund ist das milde Frühjahr, teilte die Schifffahrtsgesellschaft mit."),
            ("Neu ist ein Halbstundentakt an den Wochenenden. Radfahrer zahlen einen Aufschlag von zwei Euro, Kinder "
            "unter sechs Jahren fahren frei."),
            ("Im Sommer soll die Fähre an Freitagen bis 22 Uhr fahren, damit Besucher des Seefestes bequem "
            "zurückkommen."),
            ("Die Schifffahrtsgesellschaft hat im Winter zudem den Anleger in Seeheim erneuert und eine neue Rampe für "
             "Rollstühle und Kinderwagen gebaut. Das Schiff selbst war zur Generalüberholung in der Werft und hat einen "
             "sparsameren Motor bekommen. Fahrkarten gibt es künftig auch per App; wer bar zahlt, muss mit Wartezeiten "
             "an der Kasse rechnen."),
        ),
    ),
    # ---------------------------------------------------------------- Landesbote Online (RSS 1.0 / RDF)
    Article(
        key="L1_followup", site="landesbote",
        path="/nachrichten/region/umweltministerium-experten-oberkolbing-20250312.html", round=1,
        published="2025-03-12T16:20:00+01:00", author="Sabine Korff",
        title="Umweltministerium schickt Experten nach Oberkolbing",
        lead="",
        paragraphs=(
            ("Das Umweltministerium hat eine Expertengruppe nach Oberkolbing geschickt, wo seit Montag "
            "PFAS-Chemikalien im Trinkwasser die Versorgung lahmlegen. Die Fachleute des Landesamts für Umwelt sollen "
            "gemeinsam mit dem Gesundheitsamt Wettersee klären, wie weit sich die Stoffe im Grundwasser ausgebreitet "
            "haben."),
            ("Geplant sind zunächst zwölf Messstellen zwischen dem Gelände der Lackfabrik Brandner und dem Tiefbrunnen "
            "II. Dort hatte die Feuerwehr beim Großbrand im August 2023 große Mengen Löschschaum eingesetzt. Erste "
            "Ergebnisse erwartet das Ministerium in drei Wochen."),
            ("Bürgermeisterin Hanne Wiesinger begrüßte die Unterstützung. Eine kleine Gemeinde könne einen solchen "
            "Fall nicht allein bewältigen, sagte sie. Zugleich forderte sie, das Land solle die Kosten für die "
            "Notversorgung mit Trinkwasserwagen übernehmen, bis der Verursacher feststehe."),
            ("Die Opposition im Landtag verlangt ein landesweites Messprogramm für Brunnen in der Nähe früherer "
            "Brandstellen. Oberkolbing sei vermutlich kein Einzelfall, hieß es."),
        ),
    ),
    Article(
        key="L2_wire_original", site="landesbote",
        path="/nachrichten/region/staatsanwaltschaft-anzeige-lackfabrik-oberkolbing-20250313.html", round=1,
        published="2025-03-13T09:30:00+01:00", author="dpa",
        title=WIRE_TITLE, lead="", paragraphs=WIRE, agency_line=WIRE_AGENCY,
    ),
    Article(
        key="L3_round2", site="landesbote",
        path="/nachrichten/region/entwarnung-schulen-kitas-oberkolbing-20250316.html", round=2,
        published="2025-03-16T13:00:00+01:00", author="Sabine Korff",
        title="Oberkolbing: Entwarnung für Schulen und Kitas",
        lead="",
        paragraphs=(
            ("In Oberkolbing können Schulen und Kindertagesstätten wieder normal arbeiten. Das Gesundheitsamt Wettersee "
            "teilte am Sonntag mit, dass die Grundschule und die beiden Kitas seit Freitag über eine eigene Leitung "
            "aus dem unbelasteten Brunnen I versorgt werden. Proben dort lägen deutlich unter dem Grenzwert für PFAS."),
            ("Für die übrigen Haushalte bleibt es vorerst beim Trinkwasser aus Tankwagen. Die mobile Aktivkohleanlage "
            "für den Tiefbrunnen II soll nach Angaben des Landratsamts Ende März in Betrieb gehen."),
            ("Elternvertreter zeigten sich erleichtert. In den vergangenen Tagen hatten Eltern Wasserflaschen in die "
            "Kita gebracht, Köche hatten mit abgefülltem Wasser gekocht. Bürgermeisterin Hanne Wiesinger dankte den "
            "Erzieherinnen und dem Wasserwerk für den Einsatz."),
            ("Offen bleibt, wie stark die Bevölkerung belastet ist. Die angekündigten Bluttests für Kinder sollen in "
            "der kommenden Woche beginnen."),
        ),
    ),
    Article(
        key="L4_offtopic", site="landesbote", path="/nachrichten/land/landtag-hochschulgesetz-20250312.html",
        round=1, published="2025-03-12T11:00:00+01:00", author="Sabine Korff",
        title="Landtag debattiert neues Hochschulgesetz",
        lead="",
        paragraphs=(
            ("Der Landtag hat in erster Lesung über das neue Hochschulgesetz beraten. Es soll Hochschulen mehr "
            "Freiheit bei Berufungen geben und Promotionsrechte für Fachhochschulen ermöglichen."),
            ("Die Opposition kritisierte, das Gesetz regle die Finanzierung nicht. Studierendenvertreter fordern mehr "
            "Mitsprache in den Gremien."),
            "Die Ausschüsse sollen das Gesetz bis zum Sommer beraten, in Kraft treten könnte es zum Wintersemester.",
            ("Die Wissenschaftsministerin verteidigte den Entwurf. Die Hochschulen bekämen mehr Verantwortung, müssten "
             "dafür aber auch Ziele vereinbaren und über ihre Fortschritte berichten. Die Rektorenkonferenz begrüßte die "
             "neuen Freiheiten, warnte aber vor zusätzlicher Bürokratie. Mehrere Sachverständige sollen im April im "
             "Ausschuss angehört werden."),
        ),
    ),
    # ---------------------------------------------------------------- Voralpen-Rundschau (news sitemap in an index)
    Article(
        key="R1_background", site="rundschau", path="/lokales/oberkolbing-chronik-pfas-fall-55120.html", round=1,
        published="2025-03-13T06:00:00+01:00", author="Lorenz Hiebl",
        title="Wie das Gift ins Wasser kam: Die Chronik des PFAS-Falls von Oberkolbing",
        lead="Die Rundschau hat die Ereignisse seit dem Großbrand in der Lackfabrik Brandner rekonstruiert.",
        paragraphs=(
            ("Wie konnten Chemikalien aus einem Löschschaum über Jahre unbemerkt in das Trinkwasser einer ganzen "
            "Gemeinde gelangen? Die Rundschau hat die Ereignisse in Oberkolbing seit dem Großbrand in der Lackfabrik "
            "Brandner rekonstruiert."),
            BACKGROUND_FOAM,
            ("August 2023: In der Nacht auf den 14. August bricht in einer Lagerhalle der Lackfabrik Feuer aus. Die "
            "Feuerwehren aus Oberkolbing, Wetterhausen und vier weiteren Orten löschen mit Wasser und Schaum; nach "
            "Angaben des Kreisbrandrats werden rund 6000 Liter Schaummittel verbraucht. Das Löschwasser versickert "
            "zum Teil auf einer unbefestigten Fläche hinter der Halle."),
            ("Herbst 2024: Für PFAS im Trinkwasser gelten bald strengere Grenzwerte. Das Wasserwerk Oberkolbing lässt "
            "daraufhin erstmals gezielt auf diese Stoffe untersuchen."),
            ("Januar 2025: Eine erste Probe aus dem Tiefbrunnen II fällt auf. Das Wasserwerk beauftragt eine "
            "Kontrollprobe, informiert die Bürger aber noch nicht."),
            ("März 2025: Die Kontrollprobe bestätigt eine Belastung von mehr als dem Achtfachen des künftigen "
            "Grenzwerts. Die Gemeinde warnt vor dem Leitungswasser, das Technische Hilfswerk stellt Trinkwasserwagen "
            "auf, Gutachter beginnen mit Bohrungen auf dem Fabrikgelände."),
        ),
    ),
    Article(
        key="R2_updated_sitemap", site="rundschau",
        path="/lokales/gemeinderat-notfallfonds-wasserversorgung-oberkolbing-55098.html", round=1,
        published="2025-03-12T20:45:00+01:00", author="Lorenz Hiebl",
        title="Oberkolbing: Gemeinderat beschließt Notfallfonds für die Wasserversorgung",
        lead="250.000 Euro für Tankwagen, Laboranalysen und Lieferungen an ältere Menschen.",
        paragraphs=(
            ("Der Gemeinderat von Oberkolbing hat in einer Sondersitzung einstimmig einen Notfallfonds von 250.000 Euro "
            "für die Wasserversorgung beschlossen. Aus dem Geld sollen die Trinkwasserwagen, zusätzliche "
            "Laboranalysen und die Lieferung von Wasser an ältere Menschen bezahlt werden."),
            ("Kämmerer Florian Wastl sagte, das Geld komme aus der Rücklage für den geplanten Neubau des "
            "Feuerwehrhauses. Das Projekt müsse sich nun um mindestens ein Jahr verschieben."),
            ("In der Sitzung kam es zu einem heftigen Wortwechsel über die Informationspolitik. Gemeinderätin Resi "
            "Kammerloher warf dem Wasserwerk vor, die auffällige Januar-Probe verschwiegen zu haben. Bürgermeisterin "
            "Hanne Wiesinger entgegnete, man habe ein bestätigtes Ergebnis abwarten wollen, um keine Panik zu "
            "verbreiten."),
            ("Die Gemeinde will die Kosten später von der Lackfabrik Brandner zurückfordern, sollte sich bestätigen, "
            "dass der PFAS-haltige Löschschaum vom Großbrand 2023 die Ursache ist."),
        ),
        updated="2025-03-16T11:20:00+01:00",
        title_r2="Oberkolbing: Gemeinderat stockt Notfallfonds für die Wasserversorgung auf",
        paragraphs_r2=(
            ("Der Gemeinderat von Oberkolbing hat den Notfallfonds für die Wasserversorgung auf 400.000 Euro "
            "aufgestockt. In einer zweiten Sondersitzung am Samstag stimmten alle Räte dafür, weitere 150.000 Euro aus "
            "der Rücklage bereitzustellen. Aus dem Geld werden die Trinkwasserwagen, zusätzliche Laboranalysen und die "
            "Lieferung von Wasser an ältere Menschen bezahlt."),
            ("Kämmerer Florian Wastl sagte, das Geld komme aus der Rücklage für den geplanten Neubau des "
            "Feuerwehrhauses. Das Projekt müsse sich nun um mindestens ein Jahr verschieben."),
            ("Grund für die Aufstockung ist die mobile Aktivkohleanlage, die das Landratsamt angeordnet hat. Allein "
            "Miete und Betrieb kosten im ersten Jahr rund 180.000 Euro."),
            ("In der ersten Sitzung war es zu einem heftigen Wortwechsel über die Informationspolitik gekommen. "
            "Gemeinderätin Resi Kammerloher warf dem Wasserwerk vor, die auffällige Januar-Probe verschwiegen zu "
            "haben. Bürgermeisterin Hanne Wiesinger entgegnete, man habe ein bestätigtes Ergebnis abwarten wollen."),
            ("Die Gemeinde will die Kosten später von der Lackfabrik Brandner zurückfordern, sollte sich bestätigen, "
            "dass der PFAS-haltige Löschschaum vom Großbrand 2023 die Ursache ist."),
        ),
    ),
    Article(
        key="R4_boilerplate_only", site="rundschau",
        path="/lokales/buergerversammlung-trinkwasser-oberkolbing-55087.html", round=1,
        published="2025-03-11T15:00:00+01:00", author="Lorenz Hiebl",
        title="Oberkolbing: Bürgerversammlung zum Trinkwasser am Donnerstag",
        lead="Gemeinde, Gesundheitsamt und Wasserwerk wollen Fragen zur PFAS-Belastung beantworten.",
        paragraphs=(
            ("Zur PFAS-Belastung des Trinkwassers lädt die Gemeinde Oberkolbing für Donnerstag, 19 Uhr, zu einer "
            "Bürgerversammlung in die Mehrzweckhalle ein. Neben Bürgermeisterin Hanne Wiesinger sollen Vertreter des "
            "Gesundheitsamts Wettersee, des Wasserwerks und des Landratsamts Fragen beantworten."),
            ("Wegen des erwarteten Andrangs wird die Versammlung per Lautsprecher auf den Vorplatz übertragen. Fragen "
            "können vorab per E-Mail an das Rathaus geschickt werden. Die Gemeinde bittet darum, möglichst zu Fuß zu "
            "kommen, weil die Parkplätze an der Halle für die Trinkwasserwagen gebraucht werden."),
            ("Wasserwart Quirin Haslberger will dort erläutern, welche Brunnen betroffen sind und wie lange die "
            "Notversorgung voraussichtlich dauert. Ein Vertreter der Lackfabrik Brandner hat nach Angaben der "
            "Gemeinde seine Teilnahme zugesagt."),
            ("Für Menschen, die nicht in die Halle kommen können, will die Gemeinde eine Zusammenfassung der Antworten "
            "im Mitteilungsblatt und auf ihrer Internetseite veröffentlichen."),
        ),
        updated="2025-03-16T07:00:00+01:00", boilerplate_r2=True,
    ),
    Article(
        key="R3_offtopic", site="rundschau", path="/lokales/volksfest-wetterhausen-festwirt-55110.html", round=1,
        published="2025-03-12T13:00:00+01:00", author="Lorenz Hiebl",
        title="Volksfest in Wetterhausen: Neuer Festwirt stellt sich vor",
        lead="Ein Wirt aus dem Nachbarlandkreis übernimmt das Festzelt.",
        paragraphs=(
            ("Das Volksfest in Wetterhausen bekommt einen neuen Festwirt. Der Gastronom Alois Pfanzelt aus dem "
            "Nachbarlandkreis übernimmt das große Zelt an der Festwiese, nachdem der bisherige Wirt in den Ruhestand "
            "gegangen ist."),
            ("Pfanzelt will an der Tradition festhalten: Blasmusik am Nachmittag, Tanzkapellen am Abend und ein "
            "Familientag mit halben Preisen am Mittwoch. Neu ist eine vegetarische Speisekarte."),
            ("Das Volksfest beginnt am ersten Freitag im Mai mit dem Bieranstich durch den Oberbürgermeister und dauert "
            "zehn Tage. Die Festwiese wird dafür ab Mitte April aufgebaut."),
            ("Für Familien mit Kindern plant die Stadt einen eigenen Bereich mit Kinderkarussell, Entenangeln und einem "
             "Puppentheater. Die Festwiese wird an den Abenden von einem privaten Sicherheitsdienst betreut, am "
             "Haupteingang gibt es Taschenkontrollen. Wer mit dem Rad kommt, findet an der Nordseite einen bewachten "
             "Fahrradparkplatz."),
        ),
    ),
    Article(
        key="R5_round2", site="rundschau", path="/lokales/lackfabrik-brandner-weist-vorwuerfe-zurueck-55160.html",
        round=2, published="2025-03-15T16:30:00+01:00", author="Lorenz Hiebl",
        title="Lackfabrik Brandner weist Vorwürfe im Oberkolbinger PFAS-Fall zurück",
        lead="Der Geschäftsführer verweist auf ein früheres Übungsgelände der Feuerwehr.",
        paragraphs=(
            ("Die Geschäftsführung der Lackfabrik Brandner hat erstmals ausführlich zu den Vorwürfen Stellung genommen, "
            "der Löschschaum vom Großbrand 2023 habe das Trinkwasser von Oberkolbing verunreinigt. Geschäftsführer "
            "Matthias Brandner sagte der Rundschau, das Unternehmen habe den Schaum weder gekauft noch eingesetzt. "
            "„Gelöscht hat die Feuerwehr, mit ihrem eigenen Material.“"),
            ("Nach dem Brand habe die Firma auf Anweisung des Landratsamts die oberste Bodenschicht hinter der "
            "Lagerhalle abtragen und entsorgen lassen. Die Unterlagen dazu lägen den Behörden vor. Brandner verwies "
            "zudem darauf, dass auf einem früheren Übungsgelände der Feuerwehr am Mühlbach jahrzehntelang mit Schaum "
            "geübt worden sei."),
            ("Kreisbrandrat Anton Gößwein bestätigte, dass es dieses Übungsgelände bis 2009 gegeben habe. Ob dort "
            "PFAS-haltiger Schaum verwendet wurde, lasse sich heute nicht mehr sicher sagen. Die Messstellen des "
            "Landesamts für Umwelt sollen nun auch den Bereich am Mühlbach einbeziehen."),
            ("Bürgermeisterin Hanne Wiesinger sagte, für die Menschen in Oberkolbing sei zunächst wichtig, dass das "
            "Wasser wieder sauber werde. Die Frage nach dem Verursacher müssten Gutachter und notfalls Gerichte klären."),
        ),
    ),
    Article(
        key="R6_before_since", site="rundschau", path="/lokales/oberkolbing-neuer-hochbehaelter-eingeweiht-41877.html",
        round=1, published="2024-06-20T10:00:00+02:00", author="Lorenz Hiebl",
        title="Oberkolbing weiht neuen Hochbehälter für sein Trinkwasser ein",
        lead="Der neue Speicher am Kalvarienberg fasst 1500 Kubikmeter.",
        paragraphs=(
            ("Mit einem Fest am Kalvarienberg hat die Gemeinde Oberkolbing ihren neuen Hochbehälter eingeweiht. Der "
            "Speicher fasst 1500 Kubikmeter Trinkwasser und ersetzt zwei Behälter aus den 1950er Jahren."),
            ("Wasserwart Quirin Haslberger führte die Gäste durch die Kammern. Der Bau hat 2,1 Millionen Euro gekostet, "
            "ein Drittel davon kam aus Fördermitteln."),
            ("Bürgermeisterin Hanne Wiesinger sprach von einer Investition für die nächsten Generationen. Die "
            "Wasserversorgung des Ortes sei damit auf Jahrzehnte gesichert."),
            ("Der alte Behälter am Kirchberg soll abgerissen werden, das Grundstück will die Gemeinde als Streuobstwiese "
             "anlegen. Beim Tag der offenen Tür konnten Besucher die leere Kammer vor der ersten Befüllung besichtigen; "
             "mehr als 300 Menschen nutzten das Angebot. Für die Kinder gab es Führungen mit der Taschenlampe."),
        ),
    ),
    # ---------------------------------------------------------------- Hügelland-Tagblatt (section page only)
    Article(
        key="T1_cp1252_meta", site="tagblatt", path="/region/trinkwasser-oberkolbing-kanister-sorgen-3310.html",
        round=1, published="2025-03-11T20:00:00+01:00", author="Veronika Großhauser", encoding="cp1252",
        title="Trinkwasser in Oberkolbing: Schläuche, Kanister und große Sorgen",
        lead="Die Feuerwache ist zur Ausgabestelle geworden. Ein Besuch in einem Ort ohne Leitungswasser.",
        paragraphs=(
            ("Vor dem Feuerwehrhaus in Oberkolbing stapeln sich blaue Kanister. Seit das Leitungswasser wegen der "
            "PFAS-Belastung nicht mehr getrunken werden soll, ist die Wache zur Ausgabestelle geworden. Kommandant "
            "Georg Pröbstl und seine Leute füllen Wasser aus den Tankwagen ab und fahren es zu Familien, die kein "
            "Auto haben."),
            ("„Die Hilfsbereitschaft ist riesig“, sagt Pröbstl. Der Getränkehändler an der Hauptstraße hat seine "
            "Preise für Mineralwasser gesenkt, die Bäckerei backt mit Wasser aus Flaschen. Im Seniorenheim sorgt ein "
            "Lieferdienst dafür, dass täglich 600 Liter abgefülltes Wasser bereitstehen; die Küche rechnet mit "
            "Mehrkosten von rund 300 € pro Woche."),
            ("Doch hinter der Gelassenheit wachsen die Sorgen. Viele fragen sich, ob das Gießwasser für den "
            "Gemüsegarten und das Badewasser für die Kinder unbedenklich sind. Das Gesundheitsamt Wettersee rät, zum "
            "Duschen und Waschen könne das Wasser weiter genutzt werden, nur Trinken und Kochen seien tabu."),
            ("Bürgermeisterin Hanne Wiesinger will am Donnerstag in der Bürgerversammlung Antworten geben. Bis dahin "
            "heißt es in Oberkolbing: Kanister schleppen, Schläuche spülen, Geduld bewahren."),
        ),
    ),
    Article(
        key="T2_amp_only", site="tagblatt", path="/region/kinderaerztin-raet-familien-oberkolbing-ruhe-3325.html",
        round=1, published="2025-03-12T14:00:00+01:00", author="Veronika Großhauser",
        title="Kinderärztin rät Oberkolbinger Familien zu Ruhe",
        lead="Volle Wartezimmer, kaum kranke Kinder: Die Angst vor PFAS treibt Eltern in die Praxis.",
        paragraphs=(
            ("Die Oberkolbinger Kinderärztin Ilka Marquardt erlebt in diesen Tagen volle Wartezimmer, obwohl kaum ein "
            "Kind krank ist. Viele Eltern wollen nach dem PFAS-Fund im Trinkwasser wissen, ob ihre Kinder Schaden "
            "genommen haben."),
            ("„Ich verstehe die Angst, aber es gibt keinen Grund zur Panik“, sagt Marquardt. PFAS wirkten nicht wie ein "
            "akutes Gift. Die Stoffe reicherten sich über Jahre im Körper an; entscheidend sei deshalb, die Aufnahme "
            "jetzt schnell zu senken. Das geschehe bereits, weil niemand mehr Leitungswasser trinke."),
            ("Für Säuglinge empfiehlt die Ärztin, Fläschchen ausschließlich mit abgefülltem Wasser zuzubereiten, das "
            "für Babynahrung geeignet ist. Stillende Mütter sollten weiter stillen, die Vorteile überwögen klar."),
            ("Die Forderung vieler Eltern nach Bluttests hält Marquardt für nachvollziehbar. Ein Messwert allein sage "
            "aber noch nichts über ein Risiko für das einzelne Kind. Wichtig sei, die Ergebnisse gut zu erklären, "
            "sonst schürten die Tests mehr Sorgen, als sie nähmen."),
        ),
    ),
    Article(
        key="T3_print_only", site="tagblatt", path="/region/landwirte-oberkolbing-bangen-felder-3331.html",
        round=1, published="2025-03-12T18:00:00+01:00", author="Korbinian Reiter",
        title="PFAS-Fund: Landwirte in Oberkolbing bangen um ihre Felder",
        lead="Viele Betriebe tränken ihr Vieh aus eigenen Brunnen nahe dem belasteten Tiefbrunnen.",
        paragraphs=(
            ("Nicht nur das Trinkwasser macht den Menschen in Oberkolbing Sorgen. Landwirte rund um den Ort fragen "
            "sich, ob die PFAS-Chemikalien auch in ihre Böden und Brunnen gelangt sind. Mehrere Betriebe tränken ihr "
            "Vieh mit Wasser aus eigenen Brunnen, die nur wenige hundert Meter vom Tiefbrunnen II entfernt liegen."),
            ("„Wenn da etwas drin ist, stehen wir vor dem Nichts“, sagt Milchbauer Kaspar Leitl vom Kolbinger Hof. Er "
            "hat auf eigene Kosten eine Probe seines Brunnens ins Labor geschickt. Das Ergebnis steht noch aus."),
            ("Das Landwirtschaftsamt rät den Betrieben, ihre Brunnen untersuchen zu lassen, und hat eine Liste "
            "zugelassener Labore veröffentlicht. Der Bauernverband fordert, dass das Land die Kosten übernimmt. Die "
            "Landwirte hätten den Schaden nicht verursacht."),
            ("Auch Kleingärtner sind verunsichert. Das Gesundheitsamt Wettersee empfiehlt, Gemüse vorerst nicht mit "
            "Leitungswasser zu gießen, bis weitere Messergebnisse vorliegen."),
        ),
    ),
    Article(
        key="T4_round2", site="tagblatt", path="/region/filteranlage-oberkolbing-sommer-3388.html", round=2,
        published="2025-03-16T19:00:00+01:00", author="Korbinian Reiter",
        title="Oberkolbing: Dauerhafte Filteranlage soll bis zum Sommer stehen",
        lead="Ein Ingenieurbüro plant ein Aufbereitungsgebäude neben dem Tiefbrunnen II.",
        paragraphs=(
            ("Die Marktgemeinde Oberkolbing plant über die mobile Aktivkohleanlage hinaus eine dauerhafte "
            "Filteranlage für ihr Trinkwasser. Ein Ingenieurbüro soll bis Ende April Pläne für ein kleines "
            "Aufbereitungsgebäude neben dem Tiefbrunnen II vorlegen. Baubeginn könnte im Juni sein, sagte "
            "Bürgermeisterin Hanne Wiesinger am Sonntag."),
            ("Die Kosten schätzt die Verwaltung auf 1,2 Millionen Euro. Die Gemeinde hofft auf Fördermittel des "
            "Landes und will das Geld langfristig vom Verursacher der PFAS-Belastung zurückholen. Ob das die "
            "Lackfabrik Brandner oder das frühere Übungsgelände der Feuerwehr am Mühlbach ist, ist weiter offen."),
            ("Wasserwart Quirin Haslberger erklärte, Aktivkohle müsse je nach Belastung alle paar Monate getauscht "
            "werden. Eine feste Anlage sei auf Dauer günstiger als der gemietete Container. Zudem prüfe man "
            "Membranfilter, die auch sehr kurzkettige PFAS zurückhalten."),
            "Bis die mobile Anlage läuft, versorgen weiterhin Trinkwasserwagen den Ort.",
        ),
    ),
    Article(
        key="T5_offtopic", site="tagblatt", path="/region/kirchweih-wetterhausen-blasmusik-3320.html", round=1,
        published="2025-03-11T16:00:00+01:00", author="Korbinian Reiter",
        title="Kirchweih in Wetterhausen: Blasmusik, Karussell und Schmalzgebäck",
        lead="Drei Tage feiert Wetterhausen seine Kirchweih.",
        paragraphs=(
            ("Mit einem Festgottesdienst und einem Umzug der Vereine beginnt am Sonntag die Kirchweih in Wetterhausen. "
            "Drei Tage lang spielen Blaskapellen auf dem Kirchplatz, für Kinder gibt es ein Karussell und einen "
            "Süßigkeitenstand."),
            ("Der Frauenbund backt traditionell Schmalzgebäck, der Erlös geht an den Kindergarten. Am Montagabend "
            "treten die Burschen zum Baumkraxeln an."),
            "Die Hauptstraße ist während des Umzugs am Sonntagnachmittag zwischen 13 und 15 Uhr gesperrt.",
            ("Zum ersten Mal seit Jahren gibt es am Dienstag wieder einen Kirchweihmarkt mit Ständen von Handwerkern aus "
             "der Umgebung. Ein Korbflechter, eine Töpferin und ein Drechsler zeigen ihr Können, der Gartenbauverein "
             "verkauft Setzlinge. Der Reinerlös des Marktes soll in die Renovierung der Orgel fließen, für die der "
             "Förderverein seit zwei Jahren sammelt."),
        ),
    ),
    Article(
        key="T6_hard_negative", site="tagblatt", path="/region/tsv-oberkolbing-derby-wetterhausen-3328.html",
        round=1, published="2025-03-12T21:30:00+01:00", author="Korbinian Reiter",
        title="TSV Oberkolbing gewinnt das Derby gegen Wetterhausen",
        lead="Doppelpack von Lukas Danner: Der TSV springt auf Platz drei der Kreisliga.",
        paragraphs=(
            ("Der TSV Oberkolbing hat das Kreisliga-Derby gegen den SV Wetterhausen mit 3:1 gewonnen. Vor 450 "
            "Zuschauern brachte Stürmer Lukas Danner die Gastgeber bereits in der zwölften Minute in Führung, nach "
            "dem Ausgleich kurz vor der Pause drehte der TSV in der zweiten Halbzeit auf."),
            ("Danner mit seinem zweiten Treffer und der eingewechselte Maxi Obermaier per Kopfball nach einer Ecke "
            "sorgten für die Entscheidung. Trainer Ralf Sedlmayr lobte die Moral seiner Mannschaft: „Nach dem "
            "Gegentor sind wir ruhig geblieben und haben weiter Fußball gespielt.“"),
            ("Wetterhausen hatte in der ersten Halbzeit mehr vom Spiel, vergab aber zwei Großchancen. Mit dem Sieg "
            "springt der TSV auf den dritten Tabellenplatz, nächste Woche geht es zum Tabellenführer nach Irlbach."),
            ("Am Rande: Weil das Trinkwasser im Ort derzeit nicht aus der Leitung kommt, hatte der Verein Wasserkästen "
            "für Spieler und Schiedsrichter organisiert."),
        ),
    ),
    # Query-matching pages on other matters of the town (hard negatives), and the town's other news of their kind,
    # which does not match the query: with it stored, each hard negative sits among its own kind.
    Article(
        key="T7_fees", site="tagblatt", path="/region/zweckverband-wettersee-wassergebuehren-3334.html", round=1,
        published="2025-03-12T10:15:00+01:00", author="Korbinian Reiter",
        title="Zweckverband Wettersee erhöht die Wassergebühren",
        lead="Ein Kubikmeter kostet ab Juli 2,35 Euro statt 1,98 Euro.",
        paragraphs=(
            ("Der Zweckverband Wasserversorgung Wettersee hebt zum 1. Juli die Gebühren an. Ein Kubikmeter "
            "Trinkwasser kostet in den fünf Mitgliedsgemeinden, darunter Oberkolbing, Wetterhausen und Buchried, dann "
            "2,35 Euro statt bisher 1,98 Euro. Die Grundgebühr steigt um vier Euro im Jahr."),
            ("Verbandsvorsitzender Alois Hinterleitner begründete den Schritt mit gestiegenen Energiekosten für die "
            "Pumpwerke und mit der Erneuerung alter Leitungen. Allein in Wetterhausen müssen in den kommenden drei "
            "Jahren rund vier Kilometer Gussrohre ersetzt werden."),
            ("Die Verbandsversammlung stimmte mit großer Mehrheit zu. Nur die Vertreter aus Buchried votierten "
            "dagegen; sie hatten eine Staffelung nach Verbrauch gefordert."),
        ),
    ),
    Article(
        key="T8_fire_engine", site="tagblatt", path="/region/neues-loeschfahrzeug-feuerwehr-oberkolbing-3336.html",
        round=1, published="2025-03-12T15:40:00+01:00", author="Korbinian Reiter",
        title="Neues Löschfahrzeug für die Feuerwehr Oberkolbing",
        lead="Das Fahrzeug ersetzt ein 28 Jahre altes Tanklöschfahrzeug.",
        paragraphs=(
            ("Die Freiwillige Feuerwehr Oberkolbing hat ein neues Hilfeleistungslöschfahrzeug in Dienst gestellt. Es "
            "bietet Platz für neun Einsatzkräfte, fasst 2000 Liter Wasser und führt modernen, fluorfreien Löschschaum "
            "mit."),
            ("Kommandant Georg Pröbstl dankte der Gemeinde und dem Landkreis, die sich die Kosten von rund 480.000 "
            "Euro teilen. Bei der Segnung auf dem Kirchplatz spielte die Blaskapelle, die Jugendfeuerwehr zeigte eine "
            "Löschübung."),
            ("Im kommenden Jahr soll auch das Feuerwehrhaus erweitert werden, weil das neue Fahrzeug nur knapp in die "
            "alte Halle passt."),
        ),
    ),
    Article(
        key="R7_jackets", site="rundschau", path="/lokales/pfas-freie-jacken-gymnasium-wetterhausen-55140.html",
        round=1, published="2025-03-12T09:00:00+01:00", author="Lorenz Hiebl",
        title="Wetterhausen testet PFAS-freie Outdoor-Jacken im Schulsport",
        lead="Eine Schülergruppe hat die Idee im Chemieunterricht entwickelt.",
        paragraphs=(
            ("Das Gymnasium Wetterhausen stattet seine Skikurse in diesem Winter mit Leihjacken ohne "
            "PFAS-Beschichtung aus. Die Idee kam von einer Schülergruppe, die sich im Chemieunterricht mit "
            "Ewigkeitschemikalien in Kleidung beschäftigt hatte. Auch Jugendliche aus Oberkolbing besuchen die Schule."),
            ("Der Förderverein hat 60 Jacken angeschafft. Die Jugendlichen wollen in einem Vergleich festhalten, wie "
            "gut die Jacken Regen und Schnee abhalten."),
            "Die Ergebnisse sollen im Frühjahr beim Schulfest vorgestellt werden.",
        ),
    ),
    Article(
        key="T9_fire_honours", site="tagblatt", path="/region/feuerwehr-oberkolbing-ehrt-mitglieder-3312.html",
        round=1, published="2025-03-10T19:30:00+01:00", author="Korbinian Reiter",
        title="Feuerwehr Oberkolbing ehrt langjährige Mitglieder",
        lead="87 Einsätze im vergangenen Jahr, 19 Kinder in der Jugendfeuerwehr.",
        paragraphs=(
            ("Bei der Jahresversammlung der Freiwilligen Feuerwehr Oberkolbing hat Kommandant Georg Pröbstl sechs "
            "Mitglieder für 25 und 40 Jahre Dienst geehrt. Die Wehr rückte im vergangenen Jahr zu 87 Einsätzen aus, "
            "darunter zwei Scheunenbrände und mehrere Unfälle auf der Staatsstraße."),
            ("Die Jugendfeuerwehr zählt inzwischen 19 Mädchen und Buben. Bürgermeister und Kreisbrandrat lobten die "
            "Ausbildung; im Herbst soll das neue Fahrzeug geliefert werden, für das die Halle zu klein ist."),
            "Zum Abschluss lud die Wehr zu Leberkäse und Freibier in das Feuerwehrhaus ein.",
        ),
    ),
    Article(
        key="T10_sewage_fees", site="tagblatt", path="/region/abwassergebuehren-wetterhausen-steigen-3338.html",
        round=1, published="2025-03-12T17:05:00+01:00", author="Korbinian Reiter",
        title="Abwassergebühren in Wetterhausen steigen",
        lead="Auch das Schmutzwasser wird teurer: 3,10 Euro je Kubikmeter.",
        paragraphs=(
            ("Der Zweckverband am Wettersee erhöht auch die Abwassergebühren. Für einen Kubikmeter Schmutzwasser "
            "zahlen Haushalte in Wetterhausen, Buchried und Oberkolbing ab Juli 3,10 Euro. Verbandsvorsitzender Alois "
            "Hinterleitner verwies auf die Sanierung der Kläranlage."),
            ("Die Verbandsversammlung beschloss außerdem einen Zuschuss für Regenwasserzisternen. Eine Staffelung "
            "nach Verbrauch lehnte die Mehrheit erneut ab."),
        ),
    ),
    Article(
        key="R8_ski_course", site="rundschau", path="/lokales/gymnasium-wetterhausen-skikurse-55135.html", round=1,
        published="2025-03-11T08:20:00+01:00", author="Lorenz Hiebl",
        title="Gymnasium Wetterhausen startet Skikurse",
        lead="Der Förderverein hilft Familien mit Helmen und Leihjacken.",
        paragraphs=(
            ("Mehr als 120 Schülerinnen und Schüler des Gymnasiums Wetterhausen fahren im Januar ins Skilager. Der "
            "Förderverein hat dafür Helme und Leihjacken angeschafft, damit auch Familien mit wenig Geld mitfahren "
            "können."),
            ("Im Chemieunterricht bereitet eine Gruppe einen Vergleich der Jacken vor, der beim Schulfest im Frühjahr "
            "gezeigt werden soll."),
        ),
    ),
)

BY_KEY = {a.key: a for a in ARTICLES}
