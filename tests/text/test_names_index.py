"""NameIndex: blocking finds near keys, ranking puts the right name first."""

from __future__ import annotations

import random

import pytest

from marsad.core.errors import InputError
from marsad.text.name_index import NameIndex, blocking_keys
from marsad.text.names import prepare

PEOPLE = [
    ("soleimani", "قاسم سليماني"),
    ("sulaymaniyah", "السليمانية"),
    ("salman", "سلمان"),
    ("muhandis", "أبو مهدي المهندس"),
    ("kh", "كتائب حزب الله"),
    ("tahrir", "حزب التحرير"),
    ("akhbar", "الأخبار"),
    ("amiri", "هادي العامري"),
    ("khazali", "قيس الخزعلي"),
    ("sadr", "مقتدى الصدر"),
]


@pytest.fixture
def index() -> NameIndex:
    idx = NameIndex()
    idx.add_many(PEOPLE)
    # Distractors: shuffled letters of the real names, so blocking has work to do.
    rng = random.Random(3)
    for i in range(2_000):
        letters = list(rng.choice(PEOPLE)[1].replace(" ", ""))
        rng.shuffle(letters)
        idx.add(f"noise{i}", "".join(letters[:6]))
    return idx


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Qassem Soleimani", "soleimani"),
        ("Qasim Sulaimani", "soleimani"),
        ("Abu Mehdi al-Mohandes", "muhandis"),
        ("Kataib Hezbollah", "kh"),
        ("KH", "kh"),
        ("al-Akhabar", "akhbar"),
        ("Hadi al-Ameri", "amiri"),
        ("Qays al-Khaz'ali", "khazali"),
        ("Moqtada as-Sadr", "sadr"),
        ("Sulaimaniya", "sulaymaniyah"),
    ],
)
def test_latin_queries_find_arabic_names_first(index: NameIndex, query: str, expected: str) -> None:
    found = index.search(query, 5)
    assert found and found[0].id == expected, [(c.id, c.score) for c in found]
    assert found[0].detail


def test_results_are_sorted_bounded_and_explained(index: NameIndex) -> None:
    found = index.search("Soleimani", 3)
    assert len(found) <= 3
    assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)
    assert all(c.detail for c in found)


def test_one_letter_off_key_is_still_found() -> None:
    idx = NameIndex()
    idx.add("1", "Fayyadh")  # key FD
    idx.add("2", "Muhandis")  # key MHNDS
    assert [c.id for c in idx.search("Muhandes", 3)][:1] == ["2"]
    assert [c.id for c in idx.search("Mohanis", 3)][:1] == ["2"]  # a letter missing


def test_blocking_keys_hold_deletion_neighbours_and_abbreviations() -> None:
    exact, near = blocking_keys(prepare("Kata'ib Hizballah"))
    # Blocking keys are coarse: z, s and sh share S; d and t share T.
    assert {"KTB", "HSBL", "KTBHSBL", "@KH"} <= exact
    assert "KB" in near
    # HSB: a deletion neighbour of HSBL, and exact for the reading Hizbayah (ll = y).
    assert "HSB" in exact
    assert blocking_keys(prepare("Rakusa"))[0] == blocking_keys(prepare("راكوزا"))[0]


def test_translit_off_matches_within_one_script_only() -> None:
    idx = NameIndex(translit=False)
    idx.add_many([("ar", "سليماني"), ("la", "Soleimani")])
    assert [c.id for c in idx.search("Suleimani", 5)] == ["la"]
    assert [c.id for c in idx.search("سلیمانی", 5)] == ["ar"]
    assert idx.search("KH", 5) == []


def test_empty_index_and_bad_limit() -> None:
    idx = NameIndex()
    assert idx.search("Soleimani") == []
    assert len(idx) == 0
    with pytest.raises(InputError):
        idx.search("Soleimani", 0)
