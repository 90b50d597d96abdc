"""The story query language: parsing, precedence, syntax errors with columns, and word matching."""

from __future__ import annotations

import pytest

from config.query import And, Not, Or, QuerySyntaxError, Term, WordSet, parse_query, words


def matches(query: str, text: str) -> bool:
    return parse_query(query).matches(WordSet.from_text(text))


# --- parsing and precedence -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "canonical"),
    [
        ("Assad* AND (Putin OR Kreml* OR Moskau)", "Assad* AND (Putin OR Kreml* OR Moskau)"),
        ("a b", "a AND b"),  # adjacency is AND
        ("a b OR c", "a AND b OR c"),
        ("a OR b c", "a OR b AND c"),  # AND binds tighter than OR
        ("NOT a b", "NOT a AND b"),  # NOT binds tighter than AND
        ("NOT (a b)", "NOT (a AND b)"),
        ("a OR NOT b", "a OR NOT b"),
        ("NOT NOT a", "NOT NOT a"),
        ("(a OR b) (c OR d)", "(a OR b) AND (c OR d)"),
        ("((a))", "a"),
        ("a AND (b AND c)", "a AND b AND c"),  # one meaning, one tree
        ("(a OR b) OR c", "a OR b OR c"),
        ('"Kreml-Chef"  Saqr', '"Kreml-Chef" AND Saqr'),
        ("a and b", "a AND and AND b"),  # lowercase operators are terms
        ("Or Not", "Or AND Not"),
        ('"AND"', '"AND"'),
    ],
)
def test_canonical_form_and_round_trip(query: str, canonical: str) -> None:
    parsed = parse_query(query)
    assert str(parsed) == canonical
    assert parse_query(str(parsed)) == parsed


def test_and_binds_tighter_than_or_in_the_tree() -> None:
    root = parse_query("a OR b AND c").root
    assert isinstance(root, Or)
    assert isinstance(root.operands[1], And)


def test_not_applies_to_the_next_operand_only() -> None:
    root = parse_query("NOT a b").root
    assert isinstance(root, And)
    assert isinstance(root.operands[0], Not)
    assert isinstance(root.operands[1], Term)


def test_not_alone_at_the_top_is_allowed() -> None:
    q = parse_query("NOT Fußball")
    assert q.matches(WordSet.from_text("Assad in Moskau"))
    assert not q.matches(WordSet.from_text("Fussball am Abend"))


def test_precedence_decides_matching() -> None:
    # a OR (b AND c): "a" alone matches, "b" alone does not
    assert matches("a OR b c", "a")
    assert not matches("a OR b c", "b")
    assert matches("(a OR b) c", "b c")
    assert not matches("(a OR b) c", "a")
    assert matches("a OR NOT b", "x")
    assert not matches("a OR NOT b", "b")


# --- errors with columns --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "column", "message"),
    [
        ("", 1, "empty query"),
        ("   ", 1, "empty query"),
        ("Assad AND", 7, "AND without a right operand"),
        ("a OR", 3, "OR without a right operand"),
        ("AND a", 1, "AND without a left operand"),
        ("a AND OR b", 3, "AND without a right operand"),
        ("a OR OR b", 3, "OR without a right operand"),
        ("(OR a)", 2, "OR without a left operand"),
        ("(a AND)", 4, "AND without a right operand"),
        ("NOT", 1, "NOT without an operand"),
        ("a NOT", 3, "NOT without an operand"),
        ("a (NOT)", 4, "NOT without an operand"),
        ("(a", 1, "unbalanced parenthesis: '(' is not closed"),
        ("x ((a) b", 3, "unbalanced parenthesis: '(' is not closed"),
        ("(", 1, "unbalanced parenthesis: '(' is not closed"),
        ("a)", 2, "unbalanced parenthesis: ')' without '('"),
        ("(a) b)", 6, "unbalanced parenthesis: ')' without '('"),
        (")", 1, "unbalanced parenthesis: ')' without '('"),
        ("a ()", 3, "empty parentheses"),
        ('Putin "Assad', 7, "unterminated quote"),
        ('a ""', 3, "empty phrase"),
        ('"?!"', 1, "phrase '?!' has no letters or digits"),
        ("a *", 3, "'*' needs a word before it"),
        ("Kr*eml", 3, "'*' is allowed only at the end of a term"),
        ("a !!", 3, "term '!!' has no letters or digits"),
    ],
)
def test_syntax_errors_name_the_column(query: str, column: int, message: str) -> None:
    with pytest.raises(QuerySyntaxError) as info:
        parse_query(query)
    assert (info.value.column, info.value.message) == (column, message)
    assert str(info.value) == f"column {column}: {message}"


def test_query_syntax_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="column 1: empty query"):
        parse_query("")


# --- words and matching ---------------------------------------------------------------------------------------


def test_words_case_fold_and_split_compounds() -> None:
    assert words("Der Kreml-Chef grüßt STRASSE_3") == ["der", "kreml", "chef", "grüsst", "strasse", "3"]


def test_soft_hyphens_do_not_split_words() -> None:
    assert words("Kreml\u00adchef") == ["kremlchef"]
    assert matches("Kremlchef", "Der Kreml\u00adchef sprach")


def test_sharp_s_equals_ss() -> None:
    assert matches("Straße", "an der STRASSE")
    assert matches("Strasse", "an der Straße")
    assert matches("ließ", "Putin liess Assad")


def test_diacritics_are_not_folded() -> None:
    assert not matches("Muller", "Herr Müller")
    assert matches("müller", "Herr MÜLLER")


def test_decomposed_umlauts_match_composed_ones() -> None:
    assert matches("Müller", "Herr Mu\u0308ller")


def test_terms_match_whole_words_only() -> None:
    assert matches("Assad", "Baschar al-Assad floh")
    assert not matches("Assad", "Assads Flucht")
    assert not matches("Kreml", "der Kremlchef")


def test_hyphen_parts_count_as_words() -> None:
    assert matches("Kreml", "Der Kreml-Chef schwieg")
    assert matches("Chef", "Der Kreml-Chef schwieg")


def test_non_breaking_hyphen_joins_and_dash_separates() -> None:
    assert matches('"Kreml-Chef"', "Der Kreml\u2011Chef")
    assert matches("Kreml", "Moskau – Kreml – Damaskus")


def test_prefix_matches_word_starts() -> None:
    assert matches("Assad*", "Assads Flucht")
    assert matches("Assad*", "Assad floh")
    assert matches("Kreml*", "der Kremlchef")
    assert matches("Kreml*", "der Kreml-Chef")
    assert matches("Kreml*", "the Kremlin said")
    assert not matches("Kreml*", "ein Krem aus Milch")
    assert not matches("Assad*", "Massaden")  # a prefix of the word, not any substring


def test_prefix_across_a_compound_hyphen() -> None:
    assert matches("Kreml-C*", "der Kreml-Chef")
    assert not matches("Kreml-C*", "der Kreml schwieg, Chef")


def test_whole_compound_as_a_phrase_or_term() -> None:
    assert matches('"Kreml-Chef"', "Der Kreml-Chef schwieg")
    assert matches("Kreml-Chef", "Der Kreml-Chef schwieg")
    assert matches('"Kreml-Chef"', "Kreml Chef")  # the same words in a row
    assert not matches('"Kreml-Chef"', "Chef im Kreml")


def test_phrases_match_consecutive_words() -> None:
    assert matches('"Baschar al-Assad"', "Präsident Baschar al-Assad floh")
    assert matches('"Baschar al-Assad"', "BASCHAR AL ASSAD")
    assert not matches('"Baschar al-Assad"', "Baschar, so hieß al-Assad mit Vornamen")  # words in between
    assert not matches('"Assad Putin"', "Putin Assad")
    assert matches('"Putin ließ Assad"', "Putin liess Assad hängen")


def test_phrase_at_the_end_of_the_text() -> None:
    assert matches('"hängen lassen"', "Er hat ihn hängen lassen")
    assert not matches('"hängen lassen"', "Er hat ihn hängen")


def test_operators_in_capitals_only() -> None:
    assert matches("Putin and Assad", "Putin and Assad")
    assert not matches("Putin and Assad", "Putin und Assad")
    assert matches("Putin AND Assad", "Putin und Assad")


def test_matched_terms_lists_positive_terms_found() -> None:
    q = parse_query('Assad* AND (Putin OR Kreml* OR "Baschar al-Assad") NOT Fußball')
    ws = WordSet.from_text("Baschar al-Assad und der Kremlchef")
    assert q.matched_terms(ws) == ["Assad*", "Kreml*", '"Baschar al-Assad"']


def test_matched_terms_leaves_out_negated_terms() -> None:
    q = parse_query("Assad OR NOT Putin")
    assert q.matched_terms(WordSet.from_text("Assad Putin")) == ["Assad"]


def test_positive_terms_skip_terms_under_not() -> None:
    q = parse_query('Assad* (Putin OR "Kreml-Chef") NOT (Fußball OR Tennis) NOT NOT Moskau Assad*')
    assert q.positive_terms() == ["Assad*", "Putin", '"Kreml-Chef"', "Moskau"]


def test_wordset_is_built_once_and_serves_many_queries() -> None:
    ws = WordSet.from_text("Putin ließ Assad vor dem Sturz hängen")
    queries = [parse_query(q) for q in ("Putin", "Assad*", '"vor dem Sturz"', "Kreml*", "NOT Sturz")]
    assert [q.matches(ws) for q in queries] == [True, True, True, False, False]
    assert len(ws) == 7
