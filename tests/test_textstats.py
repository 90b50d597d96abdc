"""The token-at-a-time word finding (crawler.textstats.word_runs) against the regular expressions it stands for.

The paragraph keys of learned boilerplate are stored (`boilerplate.hash`): a faster way of computing them must give
the same keys as before, on every text, or every site would learn its boilerplate again.
"""

from __future__ import annotations

import hashlib
import random
import re

import pytest

from config.query import _COMPOUND_RE, WordSet, _normalize
from crawler import extract, frame, metadata, textstats
from crawler.site_boilerplate import paragraph_hash

# Letters of several scripts, digits of several kinds (Arabic-Indic, fractions and superscripts are \w but not \d),
# underscore, hyphens and dashes, Unicode spaces (no-break, thin, ideographic) and invisible characters (zero-width
# space, soft hyphen, a combining accent), ligatures and case-folding specials (ß, İ, final sigma, fullwidth).
ALPHABET = ("aZäöüßéç_-‐‑–—.,;:!?'\"«»„“’()[]/\\@#%&*+=|~ \t\n\r\u00a0\u2009\u3000\u200b\u00ad\u0301"
            "0123456789٣۴½²Ⅳİıστςﬁﬀ\uff21\uff11日本語Москва")
PATTERNS = [re.compile(r"\w+"), textstats.LETTERS_DIGITS, _COMPOUND_RE, frame._WORD]


def random_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 80))) for _ in range(n)]


NEWS = ("Der Kreml-Chef sagte am 3. Oktober 2025 in Moskau: „Wir werden 1.000 Soldaten_schicken.“ "
        "(dpa/AFP) — Folgen Sie uns bei WhatsApp! ½ Stunde später… e‑mail: info@example.org")


@pytest.mark.parametrize("pattern", PATTERNS, ids=["word", "letters_digits", "compound", "frame_word"])
def test_word_runs_are_the_patterns_findall(pattern: re.Pattern[str]) -> None:
    texts = [*random_texts(5000, seed=7), NEWS, NEWS.casefold(), "", "   ", "_", "a_b", "1-2-3"]
    for text in texts:
        assert textstats.word_runs(text, pattern) == pattern.findall(text), repr(text)


def test_words_and_folds_match_their_regular_expression_definitions() -> None:
    non_word = re.compile(r"[\W_]+")
    for text in [*random_texts(3000, seed=11), NEWS]:
        assert textstats.words(text) == re.findall(r"\w+", text.casefold())
        assert extract._fold(text) == " ".join(non_word.sub(" ", text.casefold()).split())
        assert frame.fold(text) == " ".join(frame._WORD.findall(text.replace("\u00ad", "").casefold()))
        assert metadata._fold(text) == " ".join(non_word.sub(" ", text.replace("\u00ad", "").casefold()).split())


def old_paragraph_hash(paragraph: str) -> str:
    """The key as first defined (regular expressions over the whole paragraph): stored keys were made with it."""
    key = re.sub(r"[\W_]+", " ", re.sub(r"\d+", "0", paragraph.casefold())).strip()
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def test_paragraph_keys_are_the_stored_definition() -> None:
    for text in [*random_texts(3000, seed=13), NEWS, "Foto: dpa | 12.05.2024", "Teilen   auf\u00a0Facebook"]:
        assert paragraph_hash(text) == old_paragraph_hash(text), repr(text)
    # numbers, case and punctuation do not count; words do
    assert paragraph_hash("Stand: 12.05.2024, 14:30 Uhr") == paragraph_hash("stand 3 4 5 6 7 uhr")
    assert paragraph_hash("Lesen Sie auch") != paragraph_hash("Lesen Sie nicht")


def test_word_set_reads_the_same_words_and_compounds() -> None:
    for text in [*random_texts(3000, seed=17), NEWS]:
        normalized = _normalize(text)
        tokens = _COMPOUND_RE.findall(normalized)
        sequence = [part for token in tokens for part in token.split("-")]
        ws = WordSet.from_text(text)
        assert len(ws) == len(sequence)
        assert all(word in ws for word in sequence)
        assert all(token in ws for token in tokens if "-" in token)
    ws = WordSet.from_text(NEWS)
    assert "kreml-chef" in ws and "kreml" in ws and "chef" in ws and ws.has_phrase(("in", "moskau"))
