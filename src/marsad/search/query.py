"""Marsad's query language: parse a query string into a small AST.

Grammar (operators in capitals; implicit AND between terms)::

    query   := or ( "OR" or )*            -- lowest precedence
    or      := unary ( ["AND"] unary )*
    unary   := ("NOT" | "-") unary | primary
    primary := "(" query ")" | '"' phrase '"' | word | word"*" | filter

Filters apply to the whole query and may appear anywhere (not negated):
``source:<id|handle>`` (repeatable, any of them), ``lang:ar``, ``from:2021-10-01``,
``to:2021-10-31`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ``to`` is inclusive),
``translit:off|on``. ``entity:`` is reserved for the knowledge base. Any other
``name:value`` is searched as text.

A word that normalises to several tokens (``al-Muhandis``) becomes a phrase. A word typed
in capitals that is a known abbreviation (``KH``, ``AAH``, ``IRGC-QF``: the list in
``marsad/text/resources/abbreviations.yaml``) also matches its long forms in every script
(``Kata'ib Hizballah``, ``كتائب حزب الله``) while transliteration is on. Bad input
raises :class:`QueryError` with one line; sizes are bounded (:data:`MAX_QUERY_CHARS`,
:data:`MAX_TERMS`, :data:`MAX_DEPTH`) so a hostile query cannot make the parser or the
backend do unbounded work.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from marsad.core.errors import QueryError
from marsad.text.names import abbreviation_long_forms
from marsad.text.tokenize import terms

__all__ = [
    "MAX_DEPTH",
    "MAX_QUERY_CHARS",
    "MAX_TERMS",
    "And",
    "Node",
    "Not",
    "Or",
    "Phrase",
    "Query",
    "Term",
    "parse_query",
]

MAX_QUERY_CHARS = 1000
MAX_TERMS = 32
MAX_DEPTH = 16
MIN_PREFIX = 2
_FILTERS = {"source", "lang", "from", "to", "translit", "entity"}
_LEX = re.compile(r'\s*(?:(\()|(\))|("[^"]*"?)|([^\s()"]+))')


@dataclass(frozen=True)
class Term:
    """One normalised word; ``prefix`` matches every word starting with it."""

    norm: str
    prefix: bool = False


@dataclass(frozen=True)
class Phrase:
    """Normalised words that must appear next to each other, in order."""

    words: tuple[str, ...]


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    child: Node


Node = Term | Phrase | And | Or | Not


@dataclass
class Query:
    """A parsed query: the text part (``root``) and the filters."""

    root: Node
    sources: list[str] = field(default_factory=list)
    lang: str = ""
    date_from: datetime | None = None
    date_to: datetime | None = None
    translit: bool = True

    def positive_words(self) -> list[str]:
        """Every normalised word the query looks for (not under NOT), for highlighting."""
        out: list[str] = []
        _collect(self.root, out)
        return out


def _collect(node: Node, out: list[str]) -> None:
    if isinstance(node, Term):
        out.append(node.norm)
    elif isinstance(node, Phrase):
        out.extend(node.words)
    elif isinstance(node, And | Or):
        for child in node.children:
            _collect(child, out)


def _parse_date(value: str, *, end: bool) -> datetime:
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    try:
        if not m:
            raise ValueError
        year, month, day = int(m[1]), int(m[2] or 0), int(m[3] or 0)
        if not month:
            month, day = (12, 31) if end else (1, 1)
        elif not day:
            day = calendar.monthrange(year, month)[1] if end else 1
        if end:
            return datetime(year, month, day, 23, 59, 59, 999999, tzinfo=UTC)
        return datetime(year, month, day, tzinfo=UTC)
    except ValueError:
        raise QueryError(f"not a date: {value[:40]!r} (use YYYY-MM-DD, YYYY-MM or YYYY)") from None


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = self._lex(text)
        self.pos = 0
        self.query = Query(root=And(()))
        self.term_count = 0
        self.abbreviations: dict[Node, str] = {}

    @staticmethod
    def _lex(text: str) -> list[str]:
        out = []
        for m in _LEX.finditer(text):
            tok = next(g for g in m.groups() if g is not None)
            if tok.startswith('"') and (len(tok) == 1 or not tok.endswith('"')):
                raise QueryError('unbalanced quote: close every "phrase"')
            out.append(tok)
        return out

    def peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def parse(self) -> Query:
        root = self.parse_or(0)
        if self.peek() is not None:
            raise QueryError("unbalanced parenthesis: ')' without '('")
        self.query.root = root
        return self.query

    def parse_or(self, depth: int) -> Node:
        if depth > MAX_DEPTH:
            raise QueryError(f"query nests deeper than {MAX_DEPTH} levels")
        parts = [self.parse_and(depth)]
        while self.peek() == "OR":
            self.pos += 1
            parts.append(self.parse_and(depth))
        parts = [p for p in parts if p != And(())]
        return parts[0] if len(parts) == 1 else Or(tuple(parts)) if parts else And(())

    def parse_and(self, depth: int) -> Node:
        parts: list[Node] = []
        while (tok := self.peek()) is not None and tok not in {"OR", ")"}:
            if tok == "AND":
                self.pos += 1
                continue
            node = self.parse_unary(depth)
            if node is not None:
                parts.append(node)
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def parse_unary(self, depth: int) -> Node | None:
        tok = self.tokens[self.pos]
        if tok in {"NOT", "-"} or (tok.startswith("-") and len(tok) > 1):
            if tok in {"NOT", "-"}:
                self.pos += 1
            else:
                self.tokens[self.pos] = tok[1:]
            if self.peek() is None:
                raise QueryError("NOT needs a word after it")
            if self._is_filter(self.tokens[self.pos]):
                raise QueryError("filters (source:, lang:, from:, ...) cannot be negated")
            child = self.parse_unary(depth + 1)
            return Not(child) if child is not None else None
        return self.parse_primary(depth)

    def parse_primary(self, depth: int) -> Node | None:
        tok = self.tokens[self.pos]
        self.pos += 1
        if tok == "(":
            node = self.parse_or(depth + 1)
            if self.peek() != ")":
                raise QueryError("unbalanced parenthesis: '(' without ')'")
            self.pos += 1
            return None if node == And(()) else node
        if tok == ")":  # pragma: no cover - parse_and stops before ")"
            raise QueryError("unbalanced parenthesis")
        if tok.startswith('"'):
            return self._words(tok[1:-1], phrase=True)
        if self._is_filter(tok):
            self._filter(tok)
            return None
        return self._words(tok, phrase=False)

    def _words(self, text: str, *, phrase: bool) -> Node | None:
        prefix = not phrase and text.endswith("*")
        words = terms(text.rstrip("*") if prefix else text)
        self.term_count += len(words)
        if self.term_count > MAX_TERMS:
            raise QueryError(f"query has more than {MAX_TERMS} words; narrow it down")
        if not words:
            return None
        if prefix:
            if len(words) > 1 or len(words[0]) < MIN_PREFIX:
                raise QueryError(
                    f"a prefix* needs one word of at least {MIN_PREFIX} letters before *"
                )
            return Term(words[0], prefix=True)
        node: Node = Term(words[0]) if len(words) == 1 else Phrase(tuple(words))
        if not phrase and text.isupper() and text in abbreviation_long_forms():
            self.abbreviations[node] = text
        return node

    @staticmethod
    def _is_filter(tok: str) -> bool:
        name, sep, _ = tok.partition(":")
        return bool(sep) and name.lower() in _FILTERS

    def _filter(self, tok: str) -> None:
        name, _, value = tok.partition(":")
        name = name.lower()
        q = self.query
        if not value:
            raise QueryError(f"{name}: needs a value, e.g. {name}:...")
        if name == "entity":
            raise QueryError("entity: search needs the knowledge base, not available yet")
        if name == "source":
            q.sources.append(value[:600])
        elif name == "lang":
            if not re.fullmatch(r"[A-Za-z]{2,3}", value):
                raise QueryError(
                    f"lang: takes a language code such as ar, fa, en, not {value[:20]!r}"
                )
            q.lang = value.lower()
        elif name == "from":
            q.date_from = _parse_date(value, end=False)
        elif name == "to":
            q.date_to = _parse_date(value, end=True)
        elif value.lower() in {"off", "on"}:
            q.translit = value.lower() == "on"
        else:
            raise QueryError("translit: takes on or off")


def parse_query(text: str, *, translit: bool = True) -> Query:
    """Parse a search query.

    Args:
        text: What the user typed.
        translit: Default for cross-script matching; ``translit:`` in the query wins.

    Returns:
        The parsed :class:`Query`.

    Raises:
        QueryError: Malformed, oversized, empty or only-negative queries.
    """
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"query longer than {MAX_QUERY_CHARS} characters")
    parser = _Parser(text)
    parser.query.translit = translit
    query = parser.parse()
    if query.translit and parser.abbreviations:
        query.root = _expand_abbreviations(query.root, parser.abbreviations)
    if query.date_from and query.date_to and query.date_from > query.date_to:
        raise QueryError("from: is after to:")
    _check_positive(query.root)
    return query


def _expand_abbreviations(node: Node, found: dict[Node, str]) -> Node:
    """Replace each abbreviation typed in capitals by (itself OR each of its long forms)."""
    if node in found:
        longs = [terms(form) for form in abbreviation_long_forms()[found[node]]]
        alts = [Phrase(tuple(w)) if len(w) > 1 else Term(w[0]) for w in longs if w]
        return Or((node, *alts))
    if isinstance(node, And):
        return And(tuple(_expand_abbreviations(c, found) for c in node.children))
    if isinstance(node, Or):
        return Or(tuple(_expand_abbreviations(c, found) for c in node.children))
    if isinstance(node, Not):
        return Not(_expand_abbreviations(node.child, found))
    return node


def _check_positive(node: Node) -> None:
    """Every AND needs a positive part and NOT cannot stand alone (nothing to subtract from)."""
    if node == And(()):
        raise QueryError("the query has no words to search for")
    if isinstance(node, Not):
        raise QueryError("a query cannot only exclude words; add a word to look for")
    if isinstance(node, Or):
        for child in node.children:
            _check_positive(child)
    elif isinstance(node, And):
        positives = [c for c in node.children if not isinstance(c, Not)]
        if not positives:
            raise QueryError("a query cannot only exclude words; add a word to look for")
        for child in positives:
            _check_positive(child)
        for child in node.children:
            if isinstance(child, Not):
                _check_inner(child.child)


def _check_inner(node: Node) -> None:
    if isinstance(node, Not):
        raise QueryError("NOT NOT is not supported; remove both")
    if isinstance(node, And | Or):
        _check_positive(node)
