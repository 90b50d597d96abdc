"""The story query language: parse a boolean query once, match it against many articles.

Grammar (precedence NOT > AND > OR; adjacent operands mean AND; operators in capitals only)::

    query   := or EOF
    or      := and ("OR" and)*
    and     := unary (["AND"] unary)*
    unary   := "NOT" unary | primary
    primary := TERM | PHRASE | "(" or ")"

Matching works on words: the text is NFC-normalised and case-folded (`ß` = `ss`, diacritics kept), a word is a run
of letters and digits, and a hyphenated compound (`Kreml-Chef`) counts as its parts and as the whole compound.
A term matches a whole word; a trailing `*` matches any word that starts with the rest (`Kreml*` matches `Kremlchef`
and, through its part, `Kreml-Chef`); a quoted phrase, or an unquoted term that holds several words (`al-Assad`),
matches consecutive words.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "And",
    "Not",
    "Or",
    "Phrase",
    "Query",
    "QuerySyntaxError",
    "Term",
    "WordSet",
    "parse_query",
    "words",
]

# Letters and digits only: `_` is a word character to `re` but not to a reader.
_WORD = r"[^\W_]+"
# Hyphen-minus, HYPHEN and NON-BREAKING HYPHEN join compounds (normalised to "-"); dashes (– —) separate words.
_COMPOUND_RE = re.compile(rf"{_WORD}(?:-{_WORD})*")
_PART_RE = re.compile(_WORD)
# Soft hyphens and zero-width characters sit inside words on news pages and must not split them.
_TRANSLATION = str.maketrans({"\u2010": "-", "\u2011": "-", "\u00ad": None, "\u200b": None, "\u200c": None,
                              "\u200d": None, "\u2060": None, "\ufeff": None})


_TRANSLATED = re.compile("[" + re.escape("".join(map(chr, _TRANSLATION))) + "]")


def _normalize(text: str) -> str:
    """NFC, hyphens unified, invisible characters removed, case-folded: how queries and texts are compared."""
    text = unicodedata.normalize("NFC", text)
    if _TRANSLATED.search(text):  # str.translate with a table is slow on long texts: only when needed
        text = text.translate(_TRANSLATION)
    return unicodedata.normalize("NFC", text.casefold())


def words(text: str) -> list[str]:
    """The words of `text` in order, case-folded; a hyphenated compound gives its parts (`Kreml-Chef` → kreml, chef)."""
    return _PART_RE.findall(_normalize(text))


class WordSet:
    """The words of one article, built once, for fast term, prefix and phrase checks by every story's query."""

    __slots__ = ("_positions", "_sequence", "_set", "_sorted")

    def __init__(self, sequence: list[str], compounds: set[str]) -> None:
        self._sequence = sequence
        self._set = frozenset(sequence) | compounds
        self._sorted = sorted(self._set)
        self._positions: dict[str, list[int]] | None = None  # built on the first phrase check only

    @classmethod
    def from_text(cls, text: str) -> WordSet:
        """The words (parts and whole hyphenated compounds) of `text`."""
        normalized = _normalize(text)
        sequence: list[str] = []
        compounds: set[str] = set()
        # A compound never holds whitespace: the text's are those of its whitespace-separated tokens, and a token of
        # letters and digits alone (str.isalnum, in C) is one word as it stands; the pattern reads only the others
        # (2x faster than over the whole text: `re` tests each character's Unicode class one at a time).
        for chunk in normalized.split():
            if chunk.isalnum():
                sequence.append(chunk)
                continue
            for token in _COMPOUND_RE.findall(chunk):
                if "-" in token:
                    sequence.extend(token.split("-"))
                    compounds.add(token)
                else:
                    sequence.append(token)
        return cls(sequence, compounds)

    def __len__(self) -> int:
        return len(self._sequence)

    def __contains__(self, word: object) -> bool:
        return word in self._set

    def has_prefix(self, stem: str) -> bool:
        """Whether any word (or whole compound) starts with `stem` (already normalised)."""
        i = bisect_left(self._sorted, stem)
        return i < len(self._sorted) and self._sorted[i].startswith(stem)

    def _words_with_prefix(self, stem: str) -> list[str]:
        i = bisect_left(self._sorted, stem)
        found = []
        while i < len(self._sorted) and self._sorted[i].startswith(stem):
            found.append(self._sorted[i])
            i += 1
        return found

    def has_phrase(self, parts: tuple[str, ...], last_is_prefix: bool = False) -> bool:
        """Whether `parts` occur as consecutive words; the last part may be a prefix."""
        if not parts:
            return False
        fixed = parts[:-1] if last_is_prefix else parts
        if any(p not in self._set for p in fixed):
            return False  # cheap rejection before positions are needed
        if last_is_prefix and not self.has_prefix(parts[-1]):
            return False
        if len(parts) == 1:
            return True
        if self._positions is None:
            positions: dict[str, list[int]] = {}
            for index, word in enumerate(self._sequence):
                positions.setdefault(word, []).append(index)
            self._positions = positions
        seq = self._sequence
        n = len(parts)
        for start in self._positions.get(parts[0], ()):
            if start + n > len(seq):
                break
            if all(seq[start + k] == parts[k] for k in range(1, n - 1)):
                last = seq[start + n - 1]
                if last.startswith(parts[-1]) if last_is_prefix else last == parts[-1]:
                    return True
        return False


class QuerySyntaxError(ValueError):
    """A query that does not parse; `column` is 1-based."""

    def __init__(self, column: int, message: str) -> None:
        super().__init__(f"column {column}: {message}")
        self.column = column
        self.message = message


# --- the tree -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """A word, a prefix (`Kreml*`) or, when its text holds several words (`al-Assad`), a phrase."""

    text: str  # as written, without the trailing `*`
    parts: tuple[str, ...]  # normalised words
    prefix: bool = False
    quoted: bool = False

    def __str__(self) -> str:
        if self.quoted:
            return f'"{self.text}"'
        return self.text + ("*" if self.prefix else "")

    def matches(self, ws: WordSet) -> bool:
        if self.prefix and len(self.parts) == 1:
            return ws.has_prefix(self.parts[0])
        if len(self.parts) == 1:
            return self.parts[0] in ws
        return ws.has_phrase(self.parts, last_is_prefix=self.prefix)


# A quoted phrase is a Term with quoted=True; the alias names it for readers of the tree.
Phrase = Term


@dataclass(frozen=True)
class Not:
    operand: Node

    def __str__(self) -> str:
        inner = str(self.operand)
        return f"NOT {inner}" if isinstance(self.operand, Term | Not) else f"NOT ({inner})"

    def matches(self, ws: WordSet) -> bool:
        return not self.operand.matches(ws)


@dataclass(frozen=True)
class And:
    operands: tuple[Node, ...]

    def __str__(self) -> str:
        return " AND ".join(f"({o})" if isinstance(o, Or) else str(o) for o in self.operands)

    def matches(self, ws: WordSet) -> bool:
        return all(o.matches(ws) for o in self.operands)


@dataclass(frozen=True)
class Or:
    operands: tuple[Node, ...]

    def __str__(self) -> str:
        return " OR ".join(str(o) for o in self.operands)

    def matches(self, ws: WordSet) -> bool:
        return any(o.matches(ws) for o in self.operands)


Node = Term | Not | And | Or


def _terms(node: Node, positive: bool = True) -> list[tuple[Term, bool]]:
    """Every term with its polarity (False under an odd number of NOTs), in the order written."""
    if isinstance(node, Term):
        return [(node, positive)]
    if isinstance(node, Not):
        return _terms(node.operand, not positive)
    return [pair for o in node.operands for pair in _terms(o, positive)]


@dataclass(frozen=True)
class Query:
    """A parsed query; equal queries have equal trees."""

    root: Node

    def matches(self, ws: WordSet) -> bool:
        """Whether the article whose words are `ws` satisfies the query."""
        return self.root.matches(ws)

    def matched_terms(self, ws: WordSet) -> list[str]:
        """The positive terms and phrases (as written in the canonical form) found in `ws`, without repeats."""
        seen: list[str] = []
        for term, positive in _terms(self.root):
            if positive and str(term) not in seen and term.matches(ws):
                seen.append(str(term))
        return seen

    def positive_terms(self) -> list[str]:
        """The terms and phrases not under NOT (an even number of NOTs counts as none), without repeats."""
        seen: list[str] = []
        for term, positive in _terms(self.root):
            if positive and str(term) not in seen:
                seen.append(str(term))
        return seen

    def __str__(self) -> str:
        return str(self.root)


# --- tokenizer ------------------------------------------------------------------------------------------------

TokenKind = Literal["TERM", "PHRASE", "AND", "OR", "NOT", "(", ")", "END"]


@dataclass(frozen=True)
class _Token:
    kind: TokenKind
    text: str
    column: int  # 1-based


_OPERATORS: dict[str, TokenKind] = {"AND": "AND", "OR": "OR", "NOT": "NOT"}
_TERM_STOP = set('()"')


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            tokens.append(_Token(ch, ch, i + 1))  # type: ignore[arg-type]
            i += 1
        elif ch == '"':
            end = text.find('"', i + 1)
            if end < 0:
                raise QuerySyntaxError(i + 1, "unterminated quote")
            tokens.append(_Token("PHRASE", text[i + 1:end], i + 1))
            i = end + 1
        else:
            start = i
            while i < n and not text[i].isspace() and text[i] not in _TERM_STOP:
                i += 1
            word = text[start:i]
            tokens.append(_Token(_OPERATORS.get(word, "TERM"), word, start + 1))
    tokens.append(_Token("END", "", n + 1))
    return tokens


# --- parser ---------------------------------------------------------------------------------------------------

_STARTS_OPERAND = {"TERM", "PHRASE", "(", "NOT"}


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _tokenize(text)
        self.pos = 0

    def peek(self) -> _Token:
        return self.tokens[self.pos]

    def take(self) -> _Token:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def parse(self) -> Query:
        if self.peek().kind == "END":
            raise QuerySyntaxError(1, "empty query")
        node = self.parse_or()
        token = self.peek()
        if token.kind == ")":
            raise QuerySyntaxError(token.column, "unbalanced parenthesis: ')' without '('")
        if token.kind != "END":  # unreachable with this grammar; kept as a guard against future tokens
            raise QuerySyntaxError(token.column, f"unexpected {token.text!r}")
        return Query(node)

    def operand(self, operator: _Token | None, side: str = "right") -> Node:
        """A unary operand; when none follows, the error blames `operator` (or the token where one was expected)."""
        token = self.peek()
        if token.kind not in _STARTS_OPERAND:
            if operator is not None:
                raise QuerySyntaxError(operator.column, f"{operator.kind} without a {side} operand")
            if token.kind in ("AND", "OR"):
                raise QuerySyntaxError(token.column, f"{token.kind} without a left operand")
            if token.kind == ")":
                raise QuerySyntaxError(token.column, "unbalanced parenthesis: ')' without '('")
            raise QuerySyntaxError(token.column, "a term was expected")
        return self.parse_unary()

    def parse_or(self) -> Node:
        operands = [self.parse_and(None)]
        while self.peek().kind == "OR":
            operator = self.take()
            operands.append(self.parse_and(operator))
        return operands[0] if len(operands) == 1 else Or(tuple(_flatten(Or, operands)))

    def parse_and(self, left_operator: _Token | None) -> Node:
        operands = [self.operand(left_operator)]
        while True:
            token = self.peek()
            if token.kind == "AND":
                operator = self.take()
                operands.append(self.operand(operator))
            elif token.kind in _STARTS_OPERAND:
                operands.append(self.parse_unary())  # adjacency means AND
            else:
                break
        return operands[0] if len(operands) == 1 else And(tuple(_flatten(And, operands)))

    def parse_unary(self) -> Node:
        token = self.peek()
        if token.kind == "NOT":
            operator = self.take()
            if self.peek().kind not in _STARTS_OPERAND:
                raise QuerySyntaxError(operator.column, "NOT without an operand")
            return Not(self.parse_unary())
        return self.parse_primary()

    def parse_primary(self) -> Node:
        token = self.take()
        if token.kind == "(":
            if self.peek().kind == ")":
                raise QuerySyntaxError(token.column, "empty parentheses")
            if self.peek().kind == "END":
                raise QuerySyntaxError(token.column, "unbalanced parenthesis: '(' is not closed")
            return self.parse_or_in_parens(token)
        if token.kind == "PHRASE":
            return _phrase(token)
        return _term(token)

    def parse_or_in_parens(self, opening: _Token) -> Node:
        node = self.parse_or()
        closing = self.peek()
        if closing.kind != ")":
            raise QuerySyntaxError(opening.column, "unbalanced parenthesis: '(' is not closed")
        self.take()
        return node


def _flatten(kind: type[And | Or], operands: list[Node]) -> list[Node]:
    """`(a OR b) OR c` is `a OR b OR c`: one canonical tree for one meaning."""
    flat: list[Node] = []
    for o in operands:
        flat.extend(o.operands if isinstance(o, kind) else [o])
    return flat


def _phrase(token: _Token) -> Term:
    parts = tuple(words(token.text))
    if not parts:
        raise QuerySyntaxError(token.column, "empty phrase" if not token.text.strip()
                               else f"phrase {token.text!r} has no letters or digits")
    return Term(text=token.text, parts=parts, quoted=True)


def _term(token: _Token) -> Term:
    text = token.text
    prefix = text.endswith("*")
    stem = text[:-1] if prefix else text
    star = stem.find("*")
    if star >= 0:
        raise QuerySyntaxError(token.column + star, "'*' is allowed only at the end of a term")
    parts = tuple(words(stem))
    if not parts:
        if prefix and not stem:
            raise QuerySyntaxError(token.column, "'*' needs a word before it")
        raise QuerySyntaxError(token.column, f"term {text!r} has no letters or digits")
    return Term(text=stem, parts=parts, prefix=prefix)


def parse_query(text: str) -> Query:
    """Parse `text`; raises QuerySyntaxError with a 1-based column."""
    return _Parser(text).parse()
