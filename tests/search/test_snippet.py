"""Snippets: matches marked in the author's spelling, hostile text made inert."""

from __future__ import annotations

from marsad.search.query import parse_query
from marsad.search.snippet import Matcher, make_snippet


def _snip(text: str, query: str) -> tuple[str, list[str], str]:
    s = make_snippet(text, Matcher(parse_query(query)))
    return s.text, [s.text[a:b] for a, b in s.spans], s.html


def test_marks_every_spelling_when_translit_is_on() -> None:
    _, marked, html = _snip("قاسم سُلَيْمانيّ and Suleimani met", "Soleimani")
    assert marked == ["سُلَيْمانيّ", "Suleimani"]
    assert "<mark>Suleimani</mark>" in html


def test_translit_off_marks_only_the_spelling() -> None:
    _, marked, _ = _snip("سليماني and Suleimani and Soleimani", "Soleimani translit:off")
    assert marked == ["Soleimani"]


def test_window_around_first_match_with_ellipsis() -> None:
    text = "word " * 200 + "Soleimani " + "tail " * 200
    plain, marked, _ = _snip(text, "Soleimani")
    assert plain.startswith("…") and plain.endswith("…")
    assert marked == ["Soleimani"] and len(plain) < 300


def test_html_is_escaped_before_marking_and_bidi_is_neutralised() -> None:
    _, _, html = _snip('<img src=x onerror="x()"> \u202eSoleimani & <b>', "Soleimani")
    assert "<img" not in html and "<b>" not in html
    assert "&lt;img" in html and "&amp;" in html
    assert "\u202e" not in html and "<mark>Soleimani</mark>" in html


def test_no_match_gives_the_start() -> None:
    plain, marked, _ = _snip("nothing to see here", "Soleimani")
    assert plain == "nothing to see here" and marked == []


def test_two_word_names_are_marked_whole() -> None:
    _, marked, _ = _snip("بيان كتائب حزب الله اليوم", "Hezbollah")
    assert marked == ["حزب الله"]
    _, marked, _ = _snip("Kataib Hezbollah and Hizb Allah", '"حزب الله"')
    assert marked == ["Hezbollah", "Hizb Allah"]
