"""Tokenisation: whole words across marks, offsets into the original, same as terms()."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from marsad.text import normalize, terms, tokenize
from marsad.text.tokenize import MAX_TOKEN_CHARS


def test_harakat_and_tatweel_do_not_split_words() -> None:
    text = "كَتَبَ الـمُقاوَمَةِ"
    toks = tokenize(text)
    assert [t.norm for t in toks] == ["كتب", "المقاومه"]
    assert [text[t.start : t.end] for t in toks] == ["كَتَبَ", "الـمُقاوَمَةِ"]


def test_offsets_point_at_the_original_spelling() -> None:
    text = "قال \u200fسُلَيْمانيّ: Kata'ib Hezbollah's ٢٠٢١"
    toks = tokenize(text)
    assert [t.norm for t in toks] == ["قال", "سليماني", "kataib", "hezbollah", "2021"]
    assert text[toks[1].start : toks[1].end] == "سُلَيْمانيّ"  # final shadda included
    assert text[toks[2].start : toks[2].end] == "Kata'ib"
    assert text[toks[4].start : toks[4].end] == "٢٠٢١"


def test_punctuation_separates() -> None:
    assert terms("al-Muhandis, (KH) #سوريا_الآن") == ["al", "muhandis", "kh", "سوريا", "الان"]


def test_long_runs_are_cut() -> None:
    assert terms("x" * 500) == ["x" * MAX_TOKEN_CHARS]


_ALPHABET = "ابتسمنهويةىأإآ \u064e\u0650\u0640\u200c\u200fabcXYZé'’- 019٣"


@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_tokenize_agrees_with_terms(text: str) -> None:
    assert [t.norm for t in tokenize(text)] == terms(text)


_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_PLANES = st.characters(
    codec="utf-8",
    categories=("L", "M", "N", "P", "S", "Z", "Cf", "Co"),
)


def _reference(text: str) -> list[str]:
    """What terms() is defined as: the word regex over the normalised text."""
    words = _WORD.findall(normalize(text))
    return [w[:-2] if w.endswith("'s") else w for w in words]


@given(
    st.lists(
        st.one_of(st.sampled_from([*_ALPHABET, "\U0001f600", "\U000e0067", "𠀀", "ﻻ"]), _PLANES),
        max_size=60,
    ).map("".join)
)
def test_terms_fast_path_agrees_with_the_regex(text: str) -> None:
    ref = [w.replace("'", "")[:MAX_TOKEN_CHARS] for w in _reference(text)]
    assert terms(text) == ref
