"""Query language: what parses to what, and one-line errors for everything else."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from marsad.core.errors import QueryError
from marsad.search.query import MAX_QUERY_CHARS, And, Not, Or, Phrase, Term, parse_query


def test_words_are_normalised_and_and_ed() -> None:
    q = parse_query("سُلَيْمانيّ Baghdad")
    assert q.root == And((Term("سليماني"), Term("baghdad")))


def test_operators_and_precedence() -> None:
    q = parse_query("a b OR c -d")
    assert q.root == Or((And((Term("a"), Term("b"))), And((Term("c"), Not(Term("d"))))))
    q = parse_query("(a OR b) NOT (c AND d)")
    assert q.root == And((Or((Term("a"), Term("b"))), Not(And((Term("c"), Term("d"))))))


def test_phrases_prefixes_and_hyphenated_words() -> None:
    assert parse_query('"Kata\'ib Hezbollah"').root == Phrase(("kataib", "hezbollah"))
    assert parse_query("al-Muhandis").root == Phrase(("al", "muhandis"))
    assert parse_query("سليم*").root == Term("سليم", prefix=True)


def test_filters() -> None:
    q = parse_query("x source:@room source:12 lang:AR from:2021-10 to:2021-10-31 translit:off")
    assert q.sources == ["@room", "12"] and q.lang == "ar" and q.translit is False
    assert q.date_from == datetime(2021, 10, 1, tzinfo=UTC)
    assert q.date_to == datetime(2021, 10, 31, 23, 59, 59, 999999, tzinfo=UTC)
    assert parse_query("x to:2021").date_to == datetime(
        2021, 12, 31, 23, 59, 59, 999999, tzinfo=UTC
    )
    assert parse_query("x", translit=False).translit is False
    assert parse_query("x translit:on", translit=False).translit is True


def test_unknown_field_is_text() -> None:
    assert parse_query("time:12").root == Phrase(("time", "12"))


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"open phrase', "unbalanced quote"),
        ("(a b", "'(' without ')'"),
        ("a b)", "')' without '('"),
        ("NOT a", "only exclude"),
        ("-a -b", "only exclude"),
        ("a OR -b", "only exclude"),
        ("from:2021-02-30 a", "not a date"),
        ("from:yesterday a", "not a date"),
        ("a from:2021-10-02 to:2021-10-01", "after"),
        ("entity:Q42", "knowledge base"),
        ("lang:arabic a", "language code"),
        ("translit:maybe a", "on or off"),
        ("-lang:ar a", "cannot be negated"),
        ("a*", "prefix"),
        ("", "no words"),
        ("!!! ...", "no words"),
        ("source:@x", "no words"),
        (" ".join(["w"] * 10_000)[:MAX_QUERY_CHARS], "more than"),
        ("x" * (MAX_QUERY_CHARS + 1), "longer than"),
        ("(" * 40 + "a" + ")" * 40, "nests deeper"),
    ],
)
def test_bad_queries(query: str, message: str) -> None:
    with pytest.raises(QueryError) as err:
        parse_query(query)
    assert message in str(err.value)
    assert "\n" not in str(err.value)
