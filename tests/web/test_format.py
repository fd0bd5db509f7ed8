"""Presentation helpers: direction, links, snippets, diffs."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from marsad.web.format import (
    entity_view,
    human_size,
    iso,
    safe_href,
    snippet,
    tail,
    text_dir,
    word_diff,
)
from marsad.web.media import sniff_image


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("بيان صادر عن غرفة العمليات", "", ("rtl", "ar")),
        ("بيان", "ar", ("rtl", "ar")),
        ("Statement", "", ("ltr", "")),
        ("Statement", "en", ("ltr", "en")),
        ("Statement in English", "ar", ("rtl", "ar")),  # declared language wins
        ("12345 !!!", "", ("auto", "")),
        ("بيان statement mixed نص", "", ("auto", "")),
        ("این یک متن فارسی است", "fa", ("rtl", "fa")),
    ],
)
def test_text_dir(text: str, lang: str, expected: tuple[str, str]) -> None:
    got = text_dir(text, lang)
    assert (got.dir, got.lang) == expected


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/a?b=c", True),
        ("http://t.me/channel/12", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("//evil.example/x", False),
        ("/documents/1", False),
        ('https://e.org/"><script>', False),
        ("https://", False),
        ("vbscript:x", False),
        ("", False),
    ],
)
def test_safe_href(url: str, ok: bool) -> None:
    assert (safe_href(url) == url) is ok


def test_entity_view_keeps_unsafe_target_as_text() -> None:
    view = entity_view({"type": "text_link", "text": "click", "href": "javascript:x()"})
    assert view == {"type": "text_link", "text": "click", "href": None, "target": "javascript:x()"}
    assert entity_view({"type": "hashtag", "text": "#x"})["href"] is None  # type: ignore[index]
    assert entity_view("not a dict") is None and entity_view({"type": "link"}) is None


def test_snippet_and_sizes() -> None:
    assert snippet("a  b\n\nc") == "a b c"
    cut = snippet("word " * 100, 22)
    assert cut.endswith("…") and len(cut) <= 23 and not cut[:-1].endswith(" ")
    assert human_size(512) == "512 B" and human_size(2048) == "2.0 KB"
    assert iso(datetime(2021, 10, 20, 9, tzinfo=UTC)) == "2021-10-20T09:00:00Z"
    assert (
        tail("/data/exports/channel/") == "channel" and tail("https://x.org/feed.rss") == "feed.rss"
    )


def test_word_diff_marks_only_the_change() -> None:
    parts = word_diff("أعلنت الغرفة عن الهجوم", "أعلنت الغرفة عن الهجوم الثاني")
    assert [(p.op, p.text.strip()) for p in parts if p.op != "same"] == [("ins", "الثاني")]
    rebuilt_old = "".join(p.text for p in parts if p.op != "ins")
    assert rebuilt_old == "أعلنت الغرفة عن الهجوم"


def test_word_diff_is_bounded() -> None:
    a = " ".join(f"a{i}" for i in range(5000))
    b = " ".join(f"b{i}" for i in range(5000))
    assert word_diff(a, b) == []  # too different to diff cheaply: side by side instead
    long_edit = word_diff(a, a.replace("a2500", "z"))
    assert [p.op for p in long_edit] == ["same", "del", "ins", "same"]


def test_sniff_image() -> None:
    assert sniff_image(b"\xff\xd8\xff\xe0rest") == "image/jpeg"
    assert sniff_image(b"\x89PNG\r\n\x1a\nxxxx") == "image/png"
    assert sniff_image(b"GIF89a....") == "image/gif"
    assert sniff_image(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "image/webp"
    assert sniff_image(b"<html><script>") is None
    assert sniff_image(b"RIFF\x00\x00\x00\x00WAVE") is None
