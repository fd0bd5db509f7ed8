"""Light stemming: Lucene's Arabic rules and English plural folding."""

from __future__ import annotations

import pytest

from marsad.text import normalize, stem


@pytest.mark.parametrize(
    ("word", "want"),
    [
        ("الكتاب", "كتاب"),  # ال
        ("والكتاب", "كتاب"),  # وال
        ("بالكتاب", "كتاب"),
        ("للكتاب", "كتاب"),  # لل
        ("وكتب", "كتب"),  # و on a 4-letter word
        ("وجد", "وجد"),  # و needs 4 letters: kept
        ("ال", "ال"),  # nothing left: kept
        ("المسلمون", "مسلم"),  # prefix then ون
        ("مدرستها", "مدرست"),  # ها only (ت is not a listed suffix)
        ("المدينة", "مدين"),  # ة normalised to ه, then stripped
        ("كتابات", "كتاب"),
        ("في", "في"),  # too short for ي
    ],
)
def test_arabic(word: str, want: str) -> None:
    assert stem(normalize(word)) == want


def test_arabic_suffixes_go_in_sequence() -> None:
    # ها then ات: each listed suffix is checked once, in list order, while 2 letters remain
    assert stem(normalize("سياراتها")) == "سيار"
    # ه comes after ين in the list, so ين before a final ه stays
    assert stem(normalize("مهندسينه")) == "مهندسين"


@pytest.mark.parametrize(
    ("word", "want"),
    [
        ("militias", "militia"),
        ("casualties", "casualty"),
        ("churches", "church"),
        ("strikes", "strike"),
        ("isis", "isis"),
        ("mosul", "mosul"),
        ("bus", "bus"),
        ("press", "press"),
    ],
)
def test_english(word: str, want: str) -> None:
    assert stem(word) == want


def test_digits_and_other_scripts_unchanged() -> None:
    assert stem("2021") == "2021"
    assert stem("ישראל") == "ישראל"
    assert stem("") == ""
