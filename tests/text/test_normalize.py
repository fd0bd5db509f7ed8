"""Normalisation: Lucene's five rules, Marsad's further folds, and what must not change."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.text import normalize


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("آمر أمير إمام", "امر امير امام"),  # 1. alef forms
        ("على مستشفى", "علي مستشفي"),  # 2. alef maqsura
        ("مدينة", "مدينه"),  # 3. ta marbuta
        ("الـــمـقـاومـة", "المقاومه"),  # 4. tatweel
        ("كَتَبَ الْكِتَابُ", "كتب الكتاب"),  # 5. harakat
    ],
)
def test_lucene_rules(raw: str, want: str) -> None:
    assert normalize(raw) == want


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("ایران کشور", "ايران كشور"),  # Persian yeh and keheh
        ("٢٠٢١ ۱۴۰۰", "2021 1400"),  # Arabic-Indic and Persian digits
        ("رَحْمٰن", "رحمن"),  # superscript alef
        ("الله\u06d6", "الله"),  # Quranic mark
        ("سلي\u200cماني\u200f", "سليماني"),  # ZWNJ, RLM
        ("\u202eحزب\u202c\u2067", "حزب"),  # bidi override and isolate
        ("\ufefb\ufe8e", "لاا"),  # presentation forms via NFKC
        ("Ḥizb Allāh SÜLEYMANİ", "hizb allah suleymani"),  # Latin accents and case
        ("Kata’ib Kataʾib", "kata'ib kata'ib"),  # apostrophe-like marks unified
    ],
)
def test_marsad_folds(raw: str, want: str) -> None:
    assert normalize(raw) == want


def test_hamza_carriers_stay() -> None:
    # ؤ ئ ء carry meaning (Lucene leaves them too)
    assert normalize("مسؤول قائد جزء") == "مسؤول قائد جزء"


@given(st.text(alphabet="ابتثجحخدذرسشصضطظعغفقكلمنهويءؤئةىآأإ \u064e\u0650\u064f\u0652\u0640"))
def test_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
