"""Same-story scoring and the store-aware decision: seeds and follow-ups in, hard negatives that only name the same
people out, whatever the order the store was filled in."""

from __future__ import annotations

import functools
import json
import random
import re
from pathlib import Path

import lxml.html
import pytest
from testmodules import load_module

from config.model import DEFAULT_MIN_SIMILARITY
from config.query import WordSet, parse_query
from crawler import membership
from crawler.matching import (
    _NUMBER,
    LIKELY_SIMILARITY,
    DocumentFrequencies,
    MatchScore,
    StoryDoc,
    StoryProfile,
    names,
    term_vector,
    term_weights,
)
from crawler.membership import (
    CANDIDATE,
    CONTEXT,
    SAME_TEXT,
    SEED,
    Decision,
    Documents,
    decide,
    nearest,
    vectors,
)

WEB = Path(__file__).resolve().parent / "web"
PAGES = Path(__file__).resolve().parent / "pages"
# The own similarity (StoryProfile.score, before the store-aware decision) that best separates ECB+'s stories on its
# train and dev topics (`python benchmarks/story.py --part 1`): the raw score's tests below hold it to that.
OWN_THRESHOLD = 0.41

# Invented reports in German news style about one story: Assad asked Putin for help before his fall and was left
# waiting. Written for these tests; no sentence comes from a real article.
SEED_1 = (
    "Assad bat Putin vergeblich um Hilfe",
    ("Wenige Tage vor dem Sturz seines Regimes ist der syrische Machthaber Baschar al-Assad nach Moskau geflogen, "
    "um Kremlchef Wladimir Putin um militärische Hilfe zu bitten. Nach Angaben zweier früherer Berater ließ Putin "
    "ihn jedoch warten und empfing ihn erst nach drei Tagen.\n"
    "Assad habe um Kampfflugzeuge und zusätzliche Soldaten gebeten, berichten die Berater. Putin habe abgelehnt und "
    "ihm geraten, mit der Opposition zu verhandeln. Der Kreml wollte die Darstellung nicht kommentieren.\n"
    "Als die Rebellen auf Damaskus vorrückten, war Assad bereits ohne Zusage aus Moskau zurückgekehrt. Wenige Tage "
    "später floh er mit seiner Familie in die russische Hauptstadt."),
)
SEED_2 = (
    "Der Kreml ließ Assad vor dem Sturz hängen",
    ("Der gestürzte syrische Präsident Baschar al-Assad hat vor seiner Flucht offenbar vergeblich auf Unterstützung "
    "aus Moskau gehofft. Wie ein früherer Berater des Machthabers schildert, wartete Assad tagelang auf ein Treffen "
    "mit Wladimir Putin.\n"
    "Der Kremlchef habe die Bitte um Luftangriffe auf die vorrückenden Rebellen zurückgewiesen. Russland habe "
    "seine Kräfte in der Ukraine gebraucht und kein Interesse mehr an einem Einsatz in Syrien gehabt, sagt der "
    "Berater. Assad sei ohne Zusage nach Damaskus zurückgekehrt und habe die Lage falsch eingeschätzt."),
)
FOLLOW_UP_DENIAL = (
    "Kreml bestreitet Bericht über Treffen mit Assad",
    ("Der Kreml hat Berichte zurückgewiesen, wonach Wladimir Putin den syrischen Machthaber Baschar al-Assad vor "
    "dessen Sturz tagelang warten ließ. Kremlsprecher Dmitri Peskow nannte die Darstellung frei erfunden.\n"
    "Zwei frühere Berater Assads hatten geschildert, der Machthaber sei kurz vor dem Vormarsch der Rebellen nach "
    "Moskau geflogen und habe Putin vergeblich um Kampfflugzeuge und Soldaten gebeten. Putin habe ihn erst nach drei "
    "Tagen empfangen und die Bitte abgelehnt.\n"
    "Peskow sagte, Putin und Assad hätten in jenen Tagen lediglich telefoniert. Über den Inhalt des Gesprächs wollte "
    "er keine Angaben machen."),
)
FOLLOW_UP_EXILE = (
    "Assad äußert sich erstmals aus dem Moskauer Exil",
    ("Der gestürzte syrische Machthaber Baschar al-Assad hat sich erstmals seit seiner Flucht nach Moskau zu Wort "
    "gemeldet. In einer schriftlichen Erklärung bestreitet er, Putin vor dem Sturz um Hilfe gebeten zu haben.\n"
    "Frühere Berater hatten berichtet, Assad sei wenige Tage vor dem Fall von Damaskus nach Moskau gereist und vom "
    "Kremlchef abgewiesen worden. Putin habe ihm geraten, mit der Opposition zu verhandeln.\n"
    "Assad schreibt nun, er habe Syrien nicht geplant verlassen. Russland habe ihn erst ausgeflogen, als die Rebellen "
    "bereits in Damaskus standen."),
)
# Hard negatives: they match a query like 'Assad* AND (Putin OR Kreml* OR Moskau)' but tell other stories.
NEG_BASES = (
    "Russland verhandelt über seine Stützpunkte in Syrien",
    ("Die neue syrische Regierung verhandelt mit Russland über die Zukunft des Marinestützpunkts Tartus und des "
    "Luftwaffenstützpunkts Hmeimim. Eine Delegation aus Damaskus reiste dafür in die russische Hauptstadt.\n"
    "Moskau hatte die Häfen und Flugfelder jahrzehntelang genutzt, um Schiffe im Mittelmeer zu versorgen und Truppen "
    "nach Afrika zu verlegen. Die Übergangsregierung fordert nun eine Pacht und die Rückgabe von Vermögen.\n"
    "Unter Assad hatte Putin die Verträge über 49 Jahre verlängert. Militärexperten halten es für möglich, dass die "
    "Marine ihre Schiffe nach Libyen verlegt, falls die Gespräche scheitern."),
)
NEG_PRESS = (
    "Putin gibt sich bei Jahrespressekonferenz siegessicher",
    ("Bei seiner jährlichen Pressekonferenz hat Kremlchef Wladimir Putin die Lage der russischen Wirtschaft gelobt. "
    "Die Inflation sei unter Kontrolle, die Löhne stiegen, sagte der Präsident vor Journalisten in Moskau.\n"
    "Zum Krieg in der Ukraine sagte Putin, seine Armee rücke an allen Frontabschnitten vor. Verhandlungen schloss er "
    "nicht aus, stellte aber Bedingungen. Auf eine Frage zu Syrien antwortete er, der Sturz von Assad sei keine "
    "Niederlage für Russland.\n"
    "Die Veranstaltung dauerte mehr als vier Stunden. Bürger konnten vorab Fragen zu Renten und Heizkosten einreichen."),
)
NEG_REFUGEES = (
    "Debatte über Rückkehr syrischer Flüchtlinge",
    ("Nach dem Sturz von Assad streiten die Parteien im Bundestag über die Rückkehr syrischer Flüchtlinge. Die Union "
    "fordert ein Rückkehrprogramm mit Startgeld, die Grünen warnen vor verfrühten Abschiebungen.\n"
    "Rund 970.000 Menschen aus Syrien leben in Deutschland, viele arbeiten in Pflegeberufen und in Krankenhäusern. "
    "Der frühere Machthaber lebt inzwischen in Moskau, wo ihm Putin Asyl gewährt hat.\n"
    "Das Innenministerium will die Lage in Syrien im Frühjahr neu bewerten und bis dahin keine Entscheidungen über "
    "Schutzstatus treffen."),
)


def _profile(**kwargs: object) -> StoryProfile:
    return StoryProfile([StoryDoc(None, *SEED_1), StoryDoc(None, *SEED_2)], **kwargs)  # type: ignore[arg-type]


Page = tuple[str, int | None, dict[str, float]]  # (key, article id, term weights)


def _doc(key: str | int, title: str, text: str) -> Page:
    """A stored document for the decision: its key is its identity, article ids follow the key (seeds: None)."""
    return str(key), key if isinstance(key, int) else None, term_weights(title, text)


def _documents(seeds: list[Page], candidates: list[Page], context: list[Page] = ()) -> Documents:  # type: ignore[assignment]
    documents = Documents()
    for role, pages in ((SEED, seeds), (CANDIDATE, candidates), (CONTEXT, context)):
        for key, article_id, weights in pages:
            documents.add(role, key, article_id, weights)
    return documents


SEEDS = [_doc("seed-1", *SEED_1), _doc("seed-2", *SEED_2)]


def _decide(candidates: list[tuple[int, str, str]], context: list[tuple[int, str, str]] = (), *,
            seeds: list[Page] = SEEDS) -> Decision:  # type: ignore[assignment]
    return decide(_documents(seeds, [_doc(*c) for c in candidates], [_doc(*c) for c in context]))


@pytest.mark.parametrize("article", [FOLLOW_UP_DENIAL, FOLLOW_UP_EXILE], ids=["denial", "exile"])
def test_follow_ups_are_accepted(article: tuple[str, str]) -> None:
    profile = _profile()
    assert profile.score(*article).score >= OWN_THRESHOLD


@pytest.mark.parametrize("article", [NEG_BASES, NEG_PRESS, NEG_REFUGEES], ids=["bases", "press", "refugees"])
def test_hard_negatives_naming_assad_and_putin_are_rejected(article: tuple[str, str]) -> None:
    profile = _profile()
    assert profile.score(*article).score < OWN_THRESHOLD


def test_every_follow_up_scores_above_every_hard_negative() -> None:
    profile = _profile()
    low = min(profile.score(*a).score for a in (FOLLOW_UP_DENIAL, FOLLOW_UP_EXILE))
    high = max(profile.score(*a).score for a in (NEG_BASES, NEG_PRESS, NEG_REFUGEES))
    assert low > high + 0.1


def test_background_frequencies_keep_the_separation() -> None:
    background = DocumentFrequencies.from_texts(
        t for _, t in (SEED_1, SEED_2, FOLLOW_UP_DENIAL, FOLLOW_UP_EXILE, NEG_BASES, NEG_PRESS, NEG_REFUGEES)
    )
    profile = _profile(background=background)
    low = min(profile.score(*a).score for a in (FOLLOW_UP_DENIAL, FOLLOW_UP_EXILE))
    high = max(profile.score(*a).score for a in (NEG_BASES, NEG_PRESS, NEG_REFUGEES))
    assert low > high


def test_reason_names_the_closest_seed_and_the_terms_and_is_json() -> None:
    profile = StoryProfile([StoryDoc(None, *SEED_1), StoryDoc(41, *FOLLOW_UP_DENIAL)])
    s = profile.score(
        "Peskow: Putin und Assad telefonierten nur",
        FOLLOW_UP_DENIAL[1].replace("frei erfunden", "eine Erfindung westlicher Medien"),
    )
    assert s.closest_article_id == 41
    assert s.closest_similarity > 0.9
    assert s.reason["closest_seed_article_id"] == 41
    assert {"assad", "putin"} <= set(s.reason["top_terms"])
    assert json.loads(json.dumps(s.reason)) == s.reason


def test_story_without_seeds_takes_every_page_the_query_let_through() -> None:
    profile = StoryProfile([])
    assert not profile.has_seeds
    assert profile.likely(profile.score(*NEG_PRESS))
    decision = decide(_documents([], [_doc(1, *NEG_PRESS), _doc(2, *FOLLOW_UP_DENIAL)]))
    assert decision.members() == {1, 2}


def test_given_term_weights_score_as_the_text_does() -> None:
    profile = _profile()
    assert profile.score(*FOLLOW_UP_EXILE, term_weights(*FOLLOW_UP_EXILE)) == profile.score(*FOLLOW_UP_EXILE)


def test_the_similarity_the_crawl_keeps_is_the_scores_own() -> None:
    profile = _profile()
    pages = [FOLLOW_UP_DENIAL, FOLLOW_UP_EXILE, NEG_BASES, NEG_PRESS, NEG_REFUGEES, SEED_1, ("", "")]
    for page in pages:
        assert profile.similarity(term_weights(*page)) == profile.score(*page).score
        assert profile.likely(profile.similarity(term_weights(*page))) == profile.likely(profile.score(*page))
    assert len({profile.similarity(term_weights(*page)) for page in pages}) == len(pages)  # not one value for all


def test_profile_is_rebuilt_identically_from_the_same_texts() -> None:
    docs = [StoryDoc(None, *SEED_1), StoryDoc(None, *SEED_2), StoryDoc(7, *FOLLOW_UP_DENIAL)]
    assert StoryProfile(docs).score(*FOLLOW_UP_EXILE) == StoryProfile(list(docs)).score(*FOLLOW_UP_EXILE)


def test_likely_compares_the_own_similarity_with_the_threshold_for_following_related_links() -> None:
    profile = _profile()
    assert profile.likely(MatchScore(LIKELY_SIMILARITY, None, 0.0, {}))
    assert not profile.likely(MatchScore(LIKELY_SIMILARITY - 0.001, None, 0.0, {}))
    assert profile.likely(LIKELY_SIMILARITY) and not profile.likely(LIKELY_SIMILARITY - 0.001)


def test_empty_text_scores_zero() -> None:
    assert _profile().score("", "").score == 0.0


def test_names_inside_sentences_weigh_more_than_common_words() -> None:
    vec = term_vector("", "Gestern traf der Minister in Berlin den Botschafter. Der Minister schwieg.")
    assert "gestern" not in vec  # a stopword
    assert vec["berlin"] > vec["traf"]



# The patterns as first written (a lookbehind in front): names() and the numbers of _terms must find exactly what they
# found, on every text.
_NAME_AS_WRITTEN = re.compile(r"(?<=[^\W_]|[,;]) (?![a-z0-9äöüß])(\w+)")
_NUMBER_AS_WRITTEN = re.compile(r"(?<![\w.,:])\d+(?:[.,:]\d+)*(?!\w)")
# Characters around which the two patterns decide: letters of both cases (ASCII, umlauts, a title-case digraph),
# digits (ASCII and Arabic-Indic), the separators of numbers, underscore, hyphen, spaces (also a no-break space and a
# line break), and a letter of a script without case.
_EDGE_ALPHABET = "aBzZäÄßǅ09٣.,:;_- \u00a0\n中"


@functools.cache
def _texts_around_the_edges() -> tuple[str, ...]:
    rng = random.Random(15)
    texts = [
        "", " ", "A", " A", "a B", "a  B", "a,B", "a, B", "a; B c", "1 B", "_ B", "- B", ". B", "ä Ö", "ß Straße",
        "x ǅemal", "中 B", "4,6", "2:09 Uhr", "14.000 Euro", "v2 3v", "1.2.3.", "a1 1a", ",5", ":5", "5.", "12ab 13",
        "٣٤ und ٥,٦", QUAKE_SEED[1], QUAKE_OTHER[1],
    ]
    texts += ["".join(rng.choice(_EDGE_ALPHABET) for _ in range(rng.randint(1, 40))) for _ in range(20000)]
    for path in sorted(PAGES.glob("*.html")):  # the fixture pages' whole text: prose, dates, prices, menus
        texts.append(lxml.html.fromstring(path.read_bytes()).text_content())
    assert len(texts) > 20010
    return tuple(texts)


def test_names_finds_what_the_pattern_as_first_written_found() -> None:
    def names_as_written(text: str) -> set[str]:
        found = set()
        for m in _NAME_AS_WRITTEN.finditer(text):
            before = text[m.start() - 1]
            if m.group(1)[0].isupper() and (before.islower() or before.isdigit() or before in ",;"):
                found.add(m.group(1).casefold())
        return found

    texts = _texts_around_the_edges()
    assert sum(bool(names_as_written(t)) for t in texts) > 1000  # the random texts do reach the pattern's cases
    for text in texts:
        assert names(text) == names_as_written(text), repr(text)


def test_numbers_are_found_as_the_pattern_as_first_written_found_them() -> None:
    texts = _texts_around_the_edges()
    found = 0
    for text in texts:
        expected = [(m.start(), m.group()) for m in _NUMBER_AS_WRITTEN.finditer(text)]
        assert [(m.start(), m.group()) for m in _NUMBER.finditer(text)] == expected, repr(text)
        found += bool(expected)
    assert found > 1000


# Two invented quakes in one valley, a year apart: the same places and words, told apart by the magnitude, the
# hour and the weekday.
QUAKE_SEED = ("Erdbeben der Stärke 4,6 erschüttert das Sarntal",
              ("Ein Erdbeben der Stärke 4,6 hat in der Nacht auf Donnerstag das Sarntal erschüttert. Der Erdstoß um "
               "2:09 Uhr weckte viele Menschen in Sarnheim und Kellbach, Schäden wurden nicht gemeldet."))
QUAKE_SAME = ("Beben weckt Sarnheim", ("Um 2:09 Uhr in der Nacht auf Donnerstag bebte im Sarntal die Erde, der "
              "Erdbebendienst maß eine Stärke von 4.6. In Sarnheim und Kellbach wachten viele Menschen auf."))
QUAKE_OTHER = ("Beben im Sarntal", ("Am Sonntagmorgen bebte im Sarntal die Erde, der Erdbebendienst maß eine Stärke "
               "von 3,1 um 9:27 Uhr. In Sarnheim und Kellbach wurden viele Menschen aus dem Schlaf gerissen."))


def test_numbers_weekdays_and_months_are_terms_and_decimal_comma_equals_point() -> None:
    vec = term_vector(*QUAKE_SEED)
    assert {"4.6", "2:09", "donnerstag"} <= vec.keys()
    assert "4.6" in term_vector(*QUAKE_SAME)  # written '4.6' there, '4,6' in the seed
    assert not {"4", "6", "2", "09", "der"} & vec.keys()


def test_the_same_quake_scores_above_another_quake_in_the_same_valley() -> None:
    profile = StoryProfile([StoryDoc(None, *QUAKE_SEED)])
    same, other = profile.score(*QUAKE_SAME).score, profile.score(*QUAKE_OTHER).score
    plain = StoryProfile([StoryDoc(None, QUAKE_SEED[0], QUAKE_SEED[1].replace("4,6", "").replace("2:09", ""))])
    assert same > other + 0.1, (same, other)
    # Without the numbers the two reports are closer together: the numbers carry part of the separation.
    assert (plain.score(*QUAKE_SAME).score - plain.score(*QUAKE_OTHER).score) < same - other


def _test_web_seeds() -> list[Page]:
    seed = load_module("testweb_articles", WEB / "articles.py").BY_KEY["A1_seed"]
    seed_file = (WEB / "seeds" / "oberkolbing-pfas.txt").read_text(encoding="utf-8")
    return [_doc("seed-file", "", seed_file), _doc("seed-url", seed.title, "\n".join((seed.lead, *seed.paragraphs)))]


TEST_WEB_QUERY = "Oberkolbing* AND (PFAS OR Trinkwasser* OR Löschschaum* OR Wasserversorgung)"
TEST_WEB_NEGATIVES = ("T6_hard_negative", "T7_fees", "T8_fire_engine", "R7_jackets")


def _test_web_store() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """The test web's pages that match its story's query (the crawl's candidates) and the others (the rest of
    the store), the seed article left out."""
    query = parse_query(TEST_WEB_QUERY)
    pages = {key: (a.title, "\n".join((a.lead, *a.paragraphs)))
             for key, a in load_module("testweb_articles", WEB / "articles.py").BY_KEY.items() if key != "A1_seed"}
    matching = {k: p for k, p in pages.items() if query.matches(WordSet.from_text(f"{p[0]}\n{p[1]}"))}
    return matching, {k: p for k, p in pages.items() if k not in matching}


def _test_web_decision(*, context: bool = True) -> dict[str, object]:
    matching, others = _test_web_store()
    keys = sorted(matching)
    decision = _decide([(i, *matching[k]) for i, k in enumerate(keys)],
                       [(1000 + i, *others[k]) for i, k in enumerate(sorted(others))] if context else [],
                       seeds=_test_web_seeds())
    return {k: decision.verdicts[i] for i, k in enumerate(keys)}


def test_store_aware_scores_keep_every_follow_up_of_the_test_web_and_its_hard_negatives_out() -> None:
    by_key = {k: v.score for k, v in _test_web_decision().items()}  # type: ignore[attr-defined]
    follow_ups = {k: v for k, v in by_key.items() if k not in (*TEST_WEB_NEGATIVES, "R6_before_since", "A_intern")}
    assert len(follow_ups) >= 15
    assert min(follow_ups.values()) >= DEFAULT_MIN_SIMILARITY, sorted(follow_ups.items(), key=lambda kv: kv[1])[:3]
    assert max(by_key[k] for k in TEST_WEB_NEGATIVES) < DEFAULT_MIN_SIMILARITY, {k: by_key[k] for k in
                                                                               TEST_WEB_NEGATIVES}
    assert by_key["T6_hard_negative"] < DEFAULT_MIN_SIMILARITY / 2


@pytest.mark.parametrize("key", ["T7_fees", "T8_fire_engine", "R7_jackets"])
def test_a_page_on_another_matter_of_the_town_is_pulled_down_by_the_towns_other_news(key: str) -> None:
    # Its own similarity is as high as the weakest follow-up's; the town's other news of its kind (stored, not
    # matching the query: the fire brigade's annual meeting, sewage fees, a school ski course) pulls it down.
    without, with_ = _test_web_decision(context=False)[key], _test_web_decision()[key]
    assert with_.propagated < without.propagated - 0.05, (without, with_)  # type: ignore[attr-defined]
    assert with_.score < DEFAULT_MIN_SIMILARITY  # type: ignore[attr-defined]


# Two more reports on Russia's bases in Syria (written for this test): with them stored, NEG_BASES has its own kind
# around it.
BASES_TALKS = (
    "Gespräche über Tartus ohne Ergebnis",
    ("Die Verhandlungen zwischen Damaskus und Moskau über den Marinestützpunkt Tartus sind ohne Einigung vertagt "
    "worden. Die syrische Übergangsregierung verlangt eine jährliche Pacht für den Hafen und den Flugplatz Hmeimim.\n"
    "Russische Kriegsschiffe liegen weiter im Hafen, einige Transportflugzeuge haben Hmeimim verlassen. Die Marine "
    "prüft nach Angaben von Militärexperten Häfen in Libyen als Ersatz für die Versorgung im Mittelmeer."),
)
BASES_SHIPS = (
    "Russische Schiffe verlassen Tartus",
    ("Satellitenbilder zeigen, dass mehrere russische Schiffe den Marinestützpunkt Tartus verlassen haben. Auch vom "
    "Luftwaffenstützpunkt Hmeimim seien Transportflugzeuge in Richtung Libyen gestartet.\n"
    "Die neue Regierung in Damaskus hatte Moskau eine Frist für die Gespräche über die Pacht der Stützpunkte "
    "gesetzt. Die Verträge aus der Zeit von Assad und Putin sehen eine Nutzung über 49 Jahre vor."),
)


def test_a_page_among_its_own_kind_is_pulled_down_and_follow_ups_stay_in() -> None:
    story = [(1, *FOLLOW_UP_DENIAL), (2, *FOLLOW_UP_EXILE), (3, *NEG_BASES)]
    alone = _decide(story).verdicts
    among = _decide([*story, (5, *BASES_TALKS), (6, *BASES_SHIPS)]).verdicts
    # Its own similarity is the same (to single precision): the store made the change.
    assert among[3].similarity == pytest.approx(alone[3].similarity, abs=1e-6)
    assert among[3].propagated < alone[3].propagated - 0.1, (alone[3], among[3])
    assert among[3].score < DEFAULT_MIN_SIMILARITY
    assert {n[0] for n in among[3].neighbours[:2]} == {5, 6}  # its nearest documents: the other reports on the bases
    for verdicts in (alone, among):
        assert verdicts[1].member and verdicts[2].member, verdicts


def test_propagation_does_not_lift_a_page_above_its_own_evidence() -> None:
    # Alone with the story, the report on the bases has only story documents as neighbours: propagation puts it at
    # the story's level, its own evidence (a fraction of what the follow-ups have) keeps it out.
    verdict = _decide([(1, *FOLLOW_UP_DENIAL), (2, *FOLLOW_UP_EXILE), (3, *NEG_BASES)]).verdicts[3]
    assert verdict.propagated >= DEFAULT_MIN_SIMILARITY > verdict.score, verdict
    assert verdict.evidence < 0.5 and not verdict.member


@pytest.mark.parametrize("article", [
    pytest.param(NEG_PRESS, id="press", marks=pytest.mark.xfail(strict=True, reason=(
        "known limit: in a store of two seeds and two follow-ups, the report of Putin's press conference shares "
        "more of its words with the seeds (Putin, Kremlchef, Moskau, Syrien, Assad's fall) than the weakest "
        "follow-ups of the German test webs share with theirs; no bag-of-words evidence tells them apart"))),
    pytest.param(NEG_REFUGEES, id="refugees"),
])
def test_in_a_store_of_a_few_documents_a_hard_negative_without_its_own_kind_stays_out(
        article: tuple[str, str]) -> None:
    verdicts = _decide([(1, *FOLLOW_UP_DENIAL), (2, *FOLLOW_UP_EXILE), (3, *article)]).verdicts
    assert verdicts[3].score < DEFAULT_MIN_SIMILARITY, verdicts[3]
    assert verdicts[1].member and verdicts[2].member


def test_in_a_store_of_one_seed_and_one_page_its_own_similarity_decides() -> None:
    seeds = [_doc("seed-1", *SEED_1)]
    close = _decide([(1, *SEED_2)], seeds=seeds).verdicts[1]
    far = _decide([(1, *NEG_REFUGEES)], seeds=seeds).verdicts[1]
    assert close.member and close.score >= DEFAULT_MIN_SIMILARITY > far.score, (close, far)
    assert [(n[0], n[3]) for n in close.neighbours] == [(None, True)]  # the seed file: no article id


def test_the_reason_is_json_names_each_neighbour_once_and_is_rebuilt_identically() -> None:
    a = _decide([(1, *FOLLOW_UP_DENIAL), (2, *NEG_PRESS), (3, *FOLLOW_UP_EXILE)])
    b = _decide([(1, *FOLLOW_UP_DENIAL), (2, *NEG_PRESS), (3, *FOLLOW_UP_EXILE)])
    assert a == b
    reason = a.verdicts[1].reason()
    assert json.loads(json.dumps(reason)) == reason
    neighbours = reason["neighbours"]
    ids = [n["article_id"] for n in neighbours if n["article_id"] is not None]
    assert len(neighbours) == 3 and len(ids) == len(set(ids))
    assert all(n["seed"] == (n["article_id"] is None) for n in neighbours)
    assert a.profile()["seeds"] == 2 and a.profile()["candidates"] == 3


def test_the_same_documents_give_the_same_members_in_any_order_and_under_any_ids() -> None:
    matching, others = _test_web_store()
    pages = sorted(matching.items())
    context = [_doc(1000 + i, *p) for i, (_, p) in enumerate(sorted(others.items()))]
    first = decide(_documents(_test_web_seeds(), [(k, i, term_weights(*p)) for i, (k, p) in enumerate(pages)],
                              context))
    # Another arrival: other ids, another order of the lists.
    shuffled = list(reversed(pages))
    second = decide(_documents(list(reversed(_test_web_seeds())),
                               [(k, 500 + i, term_weights(*p)) for i, (k, p) in enumerate(shuffled)],
                               list(reversed(context))))
    by_key_first = {k: first.verdicts[i] for i, (k, _) in enumerate(pages)}
    by_key_second = {k: second.verdicts[500 + i] for i, (k, _) in enumerate(shuffled)}
    assert {k: (v.member, v.score) for k, v in by_key_first.items()} == \
        {k: (v.member, v.score) for k, v in by_key_second.items()}


def test_a_copy_is_no_evidence_for_its_text() -> None:
    # Two copies of the report on the bases (a new headline on the second): each is the other's nearest document,
    # at a cosine of one text, and that must not lift them.
    copy = ("Moskau verhandelt über Tartus und Hmeimim", NEG_BASES[1])
    verdicts = _decide([(1, *FOLLOW_UP_DENIAL), (2, *FOLLOW_UP_EXILE), (3, *NEG_BASES), (4, *copy)]).verdicts
    assert verdicts[3].neighbours[0][1] >= SAME_TEXT
    assert not verdicts[3].member and not verdicts[4].member, (verdicts[3], verdicts[4])


def test_the_neighbour_search_is_exact_when_no_term_is_left_out() -> None:
    texts = [SEED_1, SEED_2, FOLLOW_UP_DENIAL, FOLLOW_UP_EXILE, NEG_BASES, NEG_PRESS, NEG_REFUGEES, BASES_TALKS,
             BASES_SHIPS]
    x = vectors([term_weights(*t) for t in texts])
    near, sims = nearest(x)
    dense = (x @ x.T).toarray()
    for i in range(len(texts)):
        others = sorted(((dense[i, j], j) for j in range(len(texts)) if j != i and dense[i, j] > 0), reverse=True)
        assert [j for _, j in others[:3]] == list(near[i, :3]), i
        assert abs(sims[i, :3] - [w for w, _ in others[:3]]).max() < 1e-6


@pytest.mark.parametrize("pairs_a_step", [None, 7])
def test_the_pruned_neighbour_search_finds_near_documents_with_their_exact_cosine(
        pairs_a_step: int | None, monkeypatch: pytest.MonkeyPatch) -> None:
    # The test web's pages, searched as a store above the exact search's limit would be: through each document's
    # heaviest terms and each term's documents where it weighs most; the exact cosines in one step or in many.
    if pairs_a_step is not None:
        monkeypatch.setattr(membership, "_RESCORE_PAIRS", pairs_a_step)
    matching, others = _test_web_store()
    pages = [*matching.values(), *others.values()]
    x = vectors([term_weights(*p) for p in pages])
    dense = (x @ x.T).toarray()
    exact_near, _ = nearest(x)
    near, sims = nearest(x, exact_limit=0)
    for i in range(len(pages)):
        for j, w in zip(near[i], sims[i], strict=True):
            if j >= 0:
                assert abs(w - dense[i, j]) < 1e-6  # the exact cosine (single precision)
    found = sum(len(set(near[i, :3]) & set(exact_near[i, :3])) for i in range(len(pages)))
    assert found >= 0.9 * 3 * len(pages), found / (3 * len(pages))


GOLD = Path(__file__).resolve().parent / "goldweb"


@pytest.mark.parametrize("round_", [1, 2])
def test_gold_web_hard_negatives_naming_the_same_people_and_country_stay_out_of_a_young_store(round_: int) -> None:
    # The store of a young crawl of the gold web: the story's seeds, the query-matching German pages (follow-ups
    # and pages on other matters with no other news of their kind) and the rest as context.
    articles = load_module("goldweb_articles", GOLD / "articles.py").ARTICLES
    query = parse_query("Korvan* AND (Lorvenien* OR lorvenisch* OR Ravenza)")
    seeds = [_doc("seed-file", "", (GOLD / "seeds" / "korvan-gold.txt").read_text(encoding="utf-8"))]
    candidates, context, kinds = [], [], {}
    for i, a in enumerate(articles):
        if a.round > round_ or a.language != "de":
            continue
        page = (a.title, "\n".join((a.lead, *a.paragraphs)))
        if a.kind == "seed":
            seeds.append(_doc("seed-url", *page))
        elif query.matches(WordSet.from_text("\n".join(page))):
            candidates.append((i, *page))
            kinds[i] = a.kind
        else:
            context.append((i, *page))
    decision = _decide(candidates, context, seeds=seeds)
    assert {"story", "negative"} <= set(kinds.values())
    assert decision.members() == {i for i, kind in kinds.items() if kind == "story"}, {
        articles[i].key: (round(v.score, 3), round(v.propagated, 3), round(v.evidence, 3))
        for i, v in decision.verdicts.items()}


def test_a_document_without_terms_is_decided_without_neighbours() -> None:
    verdicts = _decide([(1, *FOLLOW_UP_DENIAL), (2, "", "")]).verdicts
    assert verdicts[1].member and not verdicts[2].member
    assert verdicts[2].score == 0.0 and verdicts[2].neighbours == ()
    matching, others = _test_web_store()
    x = vectors([*(term_weights(*p) for p in matching.values()), {}, *(term_weights(*p) for p in others.values())])
    near, _ = nearest(x, exact_limit=0)  # the pruned search, past an empty row
    assert (near[len(matching)] == -1).all() and (near[0] >= 0).any()
