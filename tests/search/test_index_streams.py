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
