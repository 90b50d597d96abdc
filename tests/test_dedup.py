"""Near-duplicate detection: wire copies with edits are one text; follow-ups that repeat background are not."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from crawler import dedup
from crawler.dedup import Copy

# An invented agency report in German news style, written for these tests.
WIRE_PARAGRAPHS = [
    ("Die Deutsche Bahn will bis zum Jahr 2030 rund 4000 Kilometer Schienennetz grundlegend erneuern. Das kündigte "
    "Infrastrukturvorstand Petra Lindner am Dienstag in Frankfurt an."),
    ("Betroffen seien vor allem die stark befahrenen Korridore zwischen Hamburg und Hannover sowie zwischen Köln und "
    "Frankfurt, sagte Lindner. Während der Bauarbeiten sollen die Strecken jeweils für mehrere Monate voll gesperrt "
    "werden, Fernzüge würden umgeleitet."),
    ("Der Fahrgastverband Pro Schiene kritisierte die Pläne als zu spät und zu vage. Pendler müssten sich auf Jahre mit "
    "Ersatzbussen und längeren Fahrzeiten einstellen, erklärte ein Sprecher des Verbands in Berlin."),
    ("Die Kosten der Sanierung bezifferte die Bahn auf rund 45 Milliarden Euro. Der Bund habe zugesagt, den größten "
    "Teil davon aus dem Sondervermögen für Infrastruktur zu tragen, hieß es aus dem Verkehrsministerium."),
    ("Bereits im vergangenen Sommer war die Riedbahn zwischen Frankfurt und Mannheim fünf Monate lang gesperrt und "
    "erneuert worden. Nach Angaben der Bahn sank die Zahl der Störungen auf dem Abschnitt seitdem um mehr als die "
    "Hälfte."),
    ("Die Gewerkschaft EVG forderte, die Beschäftigten früh in die Planung einzubeziehen. Ohne zusätzliches Personal "
    "in den Stellwerken seien die Ziele nicht zu erreichen, sagte ein Gewerkschaftssprecher."),
]
ORIGINAL = "\n".join(WIRE_PARAGRAPHS)
COPY_TRIMMED = "\n".join(WIRE_PARAGRAPHS[:-1])
COPY_ADDED_FIRST_SENTENCE = "\n".join(
    ["Frankfurt/Main (dpa) - Reisende müssen sich auf viele Sperrungen einstellen.", *WIRE_PARAGRAPHS]
)
COPY_ALL_EDITS = "\n".join(
    [
        "Pendler in Norddeutschland trifft es besonders hart.",
        *WIRE_PARAGRAPHS[:4],
        WIRE_PARAGRAPHS[4].replace("fünf Monate lang", "für fünf Monate"),
        "Folgen Sie uns auch auf WhatsApp und Instagram.",
    ]
)
FOLLOW_UP = "\n".join(
    [
        ("Nach der Ankündigung der Bahn, bis 2030 Tausende Kilometer Gleise zu erneuern, haben die Länder einen "
        "eigenen Fahrplan für die Ersatzverkehre verlangt. Die Verkehrsminister wollen bei einer Sonderkonferenz in "
        "Bremen über Busse, Taktung und Entschädigungen für Pendler beraten."),
        ("Niedersachsen fordert, dass die Bahn für jede Vollsperrung ein Jahr im Voraus einen verbindlichen Ersatzplan "
        "vorlegt. Nordrhein-Westfalen will zusätzliche Regionalzüge auf Umleitungsstrecken bestellen und verlangt "
        "dafür Geld vom Bund."),
        WIRE_PARAGRAPHS[1],
        WIRE_PARAGRAPHS[3],
        ("Die Bahn erklärte, sie sei zu Gesprächen bereit. Einen Termin für ein Treffen mit den Ländern gebe es aber "
        "noch nicht, sagte eine Sprecherin am Mittwoch. Der Fahrgastverband begrüßte die Initiative der Länder."),
        ("Auch die Gewerkschaft verlangte Klarheit: Die Beschäftigten im Ersatzverkehr bräuchten verlässliche "
        "Dienstpläne, die Busunternehmen fänden schon heute kaum Fahrer."),
    ]
)
INDEPENDENT = (
    "Bahn kündigt große Sanierungswelle an. Bis 2030 sollen Tausende Kilometer Gleis erneuert werden, teilte der "
    "Konzern mit. Für Fahrgäste bedeutet das monatelange Vollsperrungen auf wichtigen Strecken, etwa von Hamburg nach "
    "Hannover. Kritik kommt von Fahrgastvertretern, die mehr Tempo verlangen. Die Kosten liegen bei etwa 45 Milliarden "
    "Euro, den Großteil übernimmt der Bund."
)


@pytest.mark.parametrize(
    "copy",
    [COPY_TRIMMED, COPY_ADDED_FIRST_SENTENCE, COPY_ALL_EDITS],
    ids=["dropped-last-paragraph", "added-first-sentence", "all-edits-and-boilerplate"],
)
def test_wire_copies_with_edits_are_near_duplicates(copy: str) -> None:
    assert dedup.is_near_duplicate(dedup.shingles(copy), dedup.shingles(ORIGINAL))
    assert dedup.is_near_duplicate(dedup.shingles(ORIGINAL), dedup.shingles(copy))


@pytest.mark.parametrize("copy", [COPY_TRIMMED, COPY_ADDED_FIRST_SENTENCE, COPY_ALL_EDITS])
def test_wire_copies_share_an_lsh_band_with_the_original(copy: str) -> None:
    a = dedup.band_keys(dedup.signature(dedup.shingles(copy)))
    b = dedup.band_keys(dedup.signature(dedup.shingles(ORIGINAL)))
    assert set(a) & set(b)


def test_follow_up_repeating_background_paragraphs_is_not_a_duplicate() -> None:
    follow, original = dedup.shingles(FOLLOW_UP), dedup.shingles(ORIGINAL)
    assert dedup.containment(dedup.shingles("\n".join(WIRE_PARAGRAPHS[1:2])), follow) == 1.0
    assert dedup.resemblance(follow, original) < 0.35
    assert not dedup.is_near_duplicate(follow, original)


def test_independent_write_up_of_the_same_news_is_not_a_duplicate() -> None:
    assert not dedup.is_near_duplicate(dedup.shingles(INDEPENDENT), dedup.shingles(ORIGINAL))


def test_a_short_quote_contained_in_a_long_text_is_not_a_duplicate() -> None:
    quote = dedup.shingles(WIRE_PARAGRAPHS[2])
    assert dedup.containment(quote, dedup.shingles(ORIGINAL)) == 1.0
    assert not dedup.is_near_duplicate(quote, dedup.shingles(ORIGINAL))


def test_shingles_ignore_case_punctuation_and_spacing() -> None:
    assert dedup.shingles("Die Bahn, sagte sie:  SPERRT   die Strecke.") == dedup.shingles(
        "die bahn sagte sie sperrt die strecke"
    )


def test_short_and_empty_texts() -> None:
    assert dedup.shingles("") == frozenset()
    assert len(dedup.shingles("Nur drei Wörter")) == 1
    assert dedup.resemblance(frozenset(), frozenset()) == 0.0
    assert not dedup.is_near_duplicate(frozenset(), frozenset())
    assert len(dedup.band_keys(dedup.signature(frozenset()))) == dedup.BANDS


def test_shingles_and_band_keys_are_stable_across_processes() -> None:
    code = (
        "from crawler import dedup; import sys; "
        "sys.stdout.write(repr(dedup.band_keys(dedup.signature(dedup.shingles(sys.stdin.read())))))"
    )
    root = Path(__file__).resolve().parents[1]
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)}
        done = subprocess.run(
            [sys.executable, "-c", code], input=ORIGINAL, capture_output=True, text=True, env=env, check=True
        )
        outputs.add(done.stdout)
    assert outputs == {repr(dedup.band_keys(dedup.signature(dedup.shingles(ORIGINAL))))}


def test_band_buckets_fit_sqlite_integers() -> None:
    keys = dedup.band_keys(dedup.signature(dedup.shingles(ORIGINAL)))
    assert [band for band, _ in keys] == list(range(dedup.BANDS))
    assert all(0 <= bucket < 2**63 for _, bucket in keys)


def test_signature_agreement_estimates_jaccard() -> None:
    rng = random.Random(7)
    vocab = [f"w{i}" for i in range(3000)]
    errors = []
    for keep in (100, 250, 400, 500):
        base = [rng.choice(vocab) for _ in range(500)]
        other = base[:keep] + [rng.choice(vocab) for _ in range(500 - keep)]
        a, b = dedup.shingles(" ".join(base)), dedup.shingles(" ".join(other))
        sa, sb = dedup.signature(a), dedup.signature(b)
        estimate = sum(x == y for x, y in zip(sa, sb, strict=True)) / len(sa)
        errors.append(abs(estimate - dedup.resemblance(a, b)))
    assert max(errors) < 0.12


def test_resemblance_and_containment() -> None:
    a, b = frozenset({1, 2, 3, 4}), frozenset({3, 4, 5, 6, 7, 8})
    assert dedup.resemblance(a, b) == pytest.approx(2 / 8)
    assert dedup.containment(a, b) == pytest.approx(0.5)
    assert dedup.containment(b, a) == pytest.approx(2 / 6)


def test_new_sentences_are_what_the_follow_up_adds_in_order() -> None:
    new = dedup.new_sentences(FOLLOW_UP, [ORIGINAL])
    assert new[0].startswith("Nach der Ankündigung der Bahn")
    assert any(s.startswith("Die Bahn erklärte, sie sei zu Gesprächen bereit") for s in new)
    assert not any("Korridore zwischen Hamburg und Hannover" in s for s in new)  # repeated background
    assert not any("45 Milliarden Euro" in s for s in new)
    positions = [FOLLOW_UP.index(s) for s in new]
    assert positions == sorted(positions)


def test_lightly_edited_repeated_sentence_is_not_new() -> None:
    earlier = "Der Bund habe zugesagt, den größten Teil davon aus dem Sondervermögen für Infrastruktur zu tragen."
    text = "Der Bund hat zugesagt, den größten Teil davon aus dem Sondervermögen für Infrastruktur zu tragen."
    assert dedup.new_sentences(text, [earlier]) == []


def test_new_sentences_with_no_earlier_text_is_the_whole_text() -> None:
    assert dedup.new_sentences("Erster Satz. Zweiter Satz am 3. Oktober.", []) == [
        "Erster Satz.",
        "Zweiter Satz am 3. Oktober.",
    ]


def test_original_is_the_earliest_published_copy() -> None:
    copies = [
        Copy(1, "2025-01-10T09:00:00+00:00", "2025-01-10T09:05:00Z"),
        Copy(2, "2025-01-10T07:30:00+00:00", "2025-01-11T12:00:00Z"),  # stored later, published earlier
        Copy(3, None, "2025-01-10T08:00:00Z"),
    ]
    assert dedup.original_of(copies) == 2


def test_without_dates_the_first_stored_copy_is_the_original() -> None:
    assert dedup.original_of([Copy(5, None, "2025-01-02T00:00:00Z"), Copy(4, None, "2025-01-03T00:00:00Z")]) == 5


def test_publication_times_in_other_zones_are_compared_as_instants() -> None:
    copies = [Copy(1, "2025-01-10T09:00:00+01:00", "2025-01-10T09:00:00Z"), Copy(2, "2025-01-10T08:30:00Z", "x")]
    assert dedup.original_of(copies) == 1  # 08:00 UTC


ECB = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "ecbplus"


@pytest.mark.corpus
@pytest.mark.skipif(not ECB.is_dir(), reason="../shared/corpus/ecbplus is absent")
def test_ecb_wire_copies_are_duplicates_and_other_stories_never_are() -> None:
    import csv
    import json

    with open(ECB / "documents.jsonl", encoding="utf-8") as f:
        sh = {d["doc_id"]: dedup.shingles(d["text"]) for d in map(json.loads, f)}
    missed, wrong = [], []
    with open(ECB / "pairs_within_topic.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            same, jaccard = row["same_subtopic"] == "1", float(row["jaccard_w5"])
            dup = dedup.is_near_duplicate(sh[row["doc_a"]], sh[row["doc_b"]])
            if same and jaccard >= 0.5 and not dup:
                missed.append(row["doc_a"] + "/" + row["doc_b"])
            if dup and (not same or jaccard < 0.2):
                wrong.append(row["doc_a"] + "/" + row["doc_b"])
    assert missed == []
    assert wrong == []


def test_the_pipeline_orders_copies_by_instant_across_time_zones() -> None:
    from crawler.story_update import _order_key

    # 09:00 in Berlin is 08:00 UTC: earlier than 08:30 UTC although its text sorts later.
    berlin = {"published": "2025-01-10T09:00:00+01:00", "canonical_url": "http://b.invalid/"}
    utc = {"published": "2025-01-10T08:30:00Z", "canonical_url": "http://a.invalid/"}
    assert _order_key(berlin) < _order_key(utc)
    assert _order_key({"published": None, "stored_at": "2025-01-10T07:00:00Z", "canonical_url": "z"}) < _order_key(utc)
    assert _order_key({"published": None, "stored_at": None, "canonical_url": "a"}) > _order_key(utc)
    # The same instant: the URL decides, never the order of arrival.
    assert _order_key(berlin | {"published": "2025-01-10T08:30:00Z"}) > _order_key(utc)


def test_both_ways_of_binning_a_signature_give_the_same_values() -> None:
    """signature() bins small shingle sets in Python and large ones with numpy: the values are the same either way,
    so band keys do not depend on which way a text took, nor on the code that stored the older bands."""
    import random

    rng = random.Random(11)
    for size in (1, 5, dedup._NUMPY_FROM - 1, dedup._NUMPY_FROM, 300, 3000):
        sh = frozenset(rng.getrandbits(64) for _ in range(size))
        assert dedup._bins(sh) == dedup._bins_numpy(sh), size
