"""What the SQLite index stores per document, and how FTS5 is set up for bulk loads."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text

from marsad.search.analyze import analyze, index_streams
from marsad.store import Store

_WORDS = ["حزب", "الله", "عبد", "الرحمن", "ال", "كتائب", "والكتاب", "Hizb", "Allah", "Abd"]
_WORDS += ["al", "Rahman", "Kata'ib", "Soleimani", "313", "٢٠٢١", "militias", "بالمدينة"]


@given(st.lists(st.sampled_from(_WORDS), max_size=12), st.lists(st.sampled_from(_WORDS)))
def test_index_streams_are_analyze_joined(title: list[str], body: list[str]) -> None:
    a = analyze(" ".join(title), " ".join(body))
    stems = [s for s, w in zip(a.stems, a.words, strict=True) if s != w]
    expected = (" ".join(a.words), " ".join(stems), " ".join(a.keys))
    assert index_streams(" ".join(title), " ".join(body)) == expected


def test_fts5_buffers_a_batch_in_one_segment(sqlite_store: Store) -> None:
    with sqlite_store.engine.connect() as conn:
        size = conn.scalar(text("SELECT v FROM search_fts_config WHERE k = 'hashsize'"))
    assert size == 16 * 1024 * 1024


def test_one_consonant_names_keep_their_vowel_edges() -> None:
    from marsad.search.analyze import key_of
    from marsad.text.tokenize import terms

    def k(word: str) -> str:  # as the index and the query see it: normalised first
        return key_of(terms(word)[0])

    # Ali and علي share a key; إلى, لا, لي and "all" do not. (على is folded to علي
    # before keying, as Egyptian spelling writes it: that one cannot be told apart.)
    assert k("Ali") == k("Aly") == k("علي") == k("وعلي") == k("عَلِيّ")
    assert k("Ali") not in {k(w) for w in ("إلى", "الى", "لا", "لي", "all")}
    # Arabic writes an ʿayn, alef or waw where Latin writes a vowel, and ى reads as ي.
    assert k("Eid") == k("عيد")
    assert k("Isa") == k("Issa") == k("عيسى")
    assert k("Layla") == k("Leila") == k("ليلى")
    assert k("Wael") == k("وائل")
    assert k("Abu") == k("أبو")
    # Function words get no key (still found as words): "Amin" is not every post with من.
    assert k("من") == k("ومن") == k("بعد") == k("the") == ""
    assert k("Amin") == k("أمين") == "mn" and k("Abed") == k("عابد")
    # The article alone is no name; names of two consonants or more keep the plain key.
    assert k("al") == k("ال") == ""
    assert k("Hadi") == k("هادي") == "hd"
