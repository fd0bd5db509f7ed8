"""The learned spelling model: what it scores, how it explains, and how it is trained."""

from __future__ import annotations

import math
import random

import pytest

from marsad.core.errors import ConfigError
from marsad.text import xlit_model
from marsad.text.name_index import NameIndex
from marsad.text.names import SAME_NAME, compare
from marsad.text.xlit_model import (
    EITHER,
    WITH_ARTICLE,
    WITHOUT_ARTICLE,
    ReadingsIndex,
    align,
    build_table,
    fit,
    format_table,
    parse_table,
    readings_of,
    spellings,
)
from marsad.text.xlit_train import train


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [
        ("Salamah", "سلمة"),  # -ah for ة
        ("Farrah", "فرح"),  # doubled r, -ah for ح
        ("Eshaq", "إسحاق"),
        ("Haniyeh", "هنية"),
        ("Abdoh", "عبده"),
        ("Mahfoud", "محفوظ"),
        ("Finke", "فينكه"),  # a final e written ه
    ],
)
def test_arab_and_foreign_spellings_the_rules_missed_now_fit(latin: str, arabic: str) -> None:
    # Each of these scored below the match line before the learned model (0.54-0.89).
    assert fit(latin, arabic) > 0.8
    assert compare(latin, arabic).score >= SAME_NAME


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [("Salamah", "سليم"), ("Soleimani", "خزعلي"), ("Hafeez", "حافظ")],
)
def test_different_names_fit_less_than_the_same_name(latin: str, arabic: str) -> None:
    assert fit(latin, arabic) < 0.5 or fit(latin, arabic) < fit(latin, _spelled(latin))


def _spelled(latin: str) -> str:
    return {"Salamah": "سلمة", "Soleimani": "سليماني", "Hafeez": "حفيظ"}[latin]


def test_article_on_one_side_only_still_fits() -> None:
    with_article = fit("al-Baghdadi", "البغدادي")
    assert fit("Baghdadi", "البغدادي") == pytest.approx(with_article, abs=0.05)
    assert fit("Alharby", "الحربي") > 0.9  # glued article, both sides


def test_readings_carry_article_flags() -> None:
    assert spellings(["al", "Baghdadi"], [True, False], False) == (
        ("albaghdadi", WITH_ARTICLE),
        ("baghdadi", WITHOUT_ARTICLE),
    )
    assert spellings(["سليماني"], [False], True) == (("سليماني", EITHER),)
    assert spellings(["البغدادي"], [False], True) == (
        ("البغدادي", WITH_ARTICLE),
        ("بغدادي", WITHOUT_ARTICLE),
    )


def test_alignment_covers_both_spellings_in_order() -> None:
    alignment = align(readings_of("Soleimani"), readings_of("سليماني"))
    assert "".join(lat for lat, _ in alignment.pairs) == "soleimani"
    assert "".join(ar for _, ar in alignment.pairs) == "سليماني"
    assert alignment.pmi > xlit_model.FIT_CENTRE


def test_explanation_shows_the_letters_read_as_each_other() -> None:
    detail = compare("Soleimani", "سليماني").detail
    assert "learned spelling fit" in detail
    assert "ni=ني" in detail


def test_hostile_input_is_bounded_and_scores_nothing() -> None:
    assert xlit_model.latin_letters("ab" * 10_000) == "ab" * 32  # cut at 64 letters
    assert fit("12345 !!!", "سليماني") == 0.0
    assert fit("Soleimani", "<script>") == 0.0
    assert 0.0 <= fit("x" * 300, "س" * 300) <= 1.0


def test_batch_scores_equal_pairwise_scores() -> None:
    names = ["سليماني", "البغدادي", "Soleimani", "سلمة", "المهندس"]
    index = ReadingsIndex()
    for name in names:
        index.add(readings_of(name))
    query = readings_of("al-Baghdadi")
    batch = [value for value, _ in index.pmi_many(query, range(len(names)))]
    for name, value in zip(names, batch, strict=True):
        if name.isascii():
            assert math.isnan(value)  # same script: the learned fit does not apply
        else:
            assert value == pytest.approx(xlit_model.pmi(query, readings_of(name)))


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [
        ("soleimani", "سليماني"),
        ("chalabi", "الجلبي"),
        ("bachchan", "باتشان"),
        ("Marx", "ماركس"),
        ("Ciro", "تشيرو"),
    ],
)
def test_compiled_forward_equals_the_plain_training_forward(latin: str, arabic: str) -> None:
    # The compiled sum reads common chunk pairs from dense copies; the training code
    # reads the table itself. Both must give the same probability of the pair.
    from importlib import resources

    from marsad.text import xlit_train

    text = resources.files("marsad.text").joinpath("resources/xlit_model.tsv").read_text("utf-8")
    table = {(lat, ar): p for lat, ar, p in parse_table(text)}
    lat, ar = xlit_model.latin_letters(latin), xlit_model.arabic_letters(arabic)
    plain = xlit_train._forward(lat, ar, table)[len(lat)][len(ar)]
    codes = (xlit_model.read([(lat, 2)], False).codes, xlit_model.read([(ar, 2)], True).codes)
    compiled = xlit_model._kernels().forward(*codes, xlit_model.load_table().model)
    assert compiled == pytest.approx(plain, rel=1e-9)
    assert plain > 0


def test_index_scores_and_reasons_are_compare_scores_and_reasons() -> None:
    names = ["سليماني", "سلمان", "البغدادي", "أبو مهدي المهندس", "Suleimani"]
    index = NameIndex()
    index.add_many((str(i), n) for i, n in enumerate(names))
    for query in ("Soleimani", "Abu Mahdi al-Muhandis", "Baghdadi", "al-Baghdadi", "المهندس"):
        for candidate in index.search(query, 5):
            match = compare(query, candidate.name)
            assert (candidate.score, candidate.detail) == (match.score, match.detail)


def test_table_round_trips_and_rejects_malformed_lines() -> None:
    entries = [("sh", "ش", 0.5), ("a", "", 0.25), ("", "ع", 0.25)]
    text = format_table(entries, ["test"])
    assert sorted(parse_table(text)) == sorted(entries)
    for bad in ("sh\tش", "shch\tش\t0.1", "s\tx\t0.1", "s\tس\t2", "-\t-\t0.1", "s\tس\tnan"):
        with pytest.raises(ConfigError, match="line 1"):
            parse_table(bad)


def test_shipped_table_states_its_provenance() -> None:
    from importlib import resources

    text = resources.files("marsad.text").joinpath("resources/xlit_model.tsv").read_text("utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert any("CC0" in line for line in header) and any("Apache-2.0" in line for line in header)
    assert xlit_model.load_table().size == len(parse_table(text)) > 1_000


def test_training_learns_a_letter_mapping_from_pairs() -> None:
    # Synthetic names under a known spelling: sh = ش, kh = خ, a = ا, other vowels unwritten.
    rng = random.Random(3)
    sounds = {"sh": "ش", "kh": "خ", "b": "ب", "d": "د", "r": "ر", "m": "م", "n": "ن"}
    vowels = {"a": "ا", "i": "", "u": ""}
    pairs = []
    for _ in range(400):
        lat = ar = ""
        for _ in range(rng.randint(2, 4)):
            c, v = rng.choice(list(sounds)), rng.choice(list(vowels))
            lat, ar = lat + c + v, ar + sounds[c] + vowels[v]
        pairs.append((lat, ar))
    learned = train(pairs, iterations=4)
    # Whatever chunks it settles on (sha = شا, khi = خ), ش is read from sh, خ from kh.
    for latin, arabic in (("sh", "ش"), ("kh", "خ")):
        mass = sum(p for (lat, ar), p in learned.items() if arabic in ar)
        right = sum(p for (lat, ar), p in learned.items() if arabic in ar and latin in lat)
        assert right / mass > 0.95
    table = build_table((lat, ar, p) for (lat, ar), p in learned.items())
    lat = xlit_model.read([("shadi", EITHER)], False, table)
    ar = xlit_model.read([("شاد", EITHER)], True, table)
    wrong = xlit_model.read([("بارم", EITHER)], True, table)
    assert xlit_model.pmi(lat, ar, table) > xlit_model.pmi(lat, wrong, table)


def test_names_added_between_searches_score_as_if_added_first() -> None:
    names = ["سليماني", "Suleimani", "البغدادي", "سلمان", "أبو مهدي المهندس", "Salman"]
    queries = ["Soleimani", "al-Baghdadi", "سلمان", "Abu Mahdi al-Muhandis"]
    growing = NameIndex()
    for i, name in enumerate(names):
        growing.add(str(i), name)
        growing.search(queries[i % len(queries)], 3)  # packs what is there so far
        assert growing.search(name, 1)[0].id == str(i)  # the newest name is searchable
    whole = NameIndex()
    whole.add_many((str(i), n) for i, n in enumerate(names))
    for query in queries:
        got = [(c.id, c.score, c.detail) for c in growing.search(query, 6)]
        assert got == [(c.id, c.score, c.detail) for c in whole.search(query, 6)]
