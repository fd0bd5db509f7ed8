"""Search contract: the same matches, order and errors on SQLite FTS5 and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from marsad.core.errors import NotFound, QueryError
from marsad.core.records import DocumentRecord
from marsad.search import search
from marsad.store import Store
from marsad.store.search_index import rebuild

POSTS = {
    "1": ("قُتِلَ قاسم سُلَيْمانيّ في غارة قرب مطار بغداد", "ar", 3),
    "2": ("Qasem Suleimani was killed near Baghdad airport", "en", 4),
    "3": ("Statement on Soleimani by the group's media office", "en", 5),
    "4": ("بيان صادر عن الإعلام الحربي للمقاومة الإسلامية", "ar", 6),
    "5": ("كتائب حزب الله تعلن مسؤوليتها عن الهجوم", "ar", 7),
    "6": ("Kata'ib Hezbollah claims the attack on the base", "en", 8),
    "7": ("لا علاقة لهذا المنشور بالموضوع", "ar", 9),
}


def _load(store: Store, posts: dict[str, tuple[str, str, int]] = POSTS) -> int:
    sid = store.add_source("telegram", "@room", name="room")
    ev = store.archive_bytes(b"export", origin="test://x", collector="test", version="1").sha256
    recs = [
        DocumentRecord(
            platform="telegram",
            platform_id=pid,
            evidence_sha256=ev,
            text=text,
            lang=lang,
            published_at=datetime(2021, 10, day, 9, 0, tzinfo=UTC),
        )
        for pid, (text, lang, day) in posts.items()
    ]
    store.write_batch(sid, recs)
    return sid


def _texts(store: Store, q: str, **kw: object) -> list[str]:
    return [h.snippet.text for h in search(store, q, **kw).hits]  # type: ignore[arg-type]


def test_transliteration_finds_every_spelling(store: Store) -> None:
    _load(store)
    found = _texts(store, "Soleimani", sort="newest")
    assert len(found) == 3
    assert any("سُلَيْمانيّ" in t for t in found) and any("Suleimani" in t for t in found)


def test_a_one_consonant_name_does_not_match_every_preposition(store: Store) -> None:
    _load(
        store,
        {
            "1": ("أعلن علي الأسدي عن الهجوم", "ar", 3),
            "2": ("Aly al-Asadi announced the attack", "en", 4),
            "3": ("توجهت القوات إلى الحدود ولا تزال هناك", "ar", 5),
            "4": ("All of the posts were deleted", "en", 6),
        },
    )
    found = _texts(store, "Ali", sort="newest")
    assert len(found) == 2
    assert "Aly" in found[0] and "علي" in found[1]
    assert len(_texts(store, "علي")) == 2


def test_translit_off_finds_only_the_spelling(store: Store) -> None:
    _load(store)
    assert len(_texts(store, "Soleimani translit:off")) == 1
    assert len(_texts(store, "Soleimani", translit=False)) == 1


def test_arabic_query_ignores_harakat_and_forms(store: Store) -> None:
    _load(store)
    # query without harakat finds the voweled post; alef-hamza and ta marbuta folded
    assert len(_texts(store, "سليماني translit:off")) == 1
    assert len(_texts(store, "الاعلام الحربى")) == 1
    assert len(_texts(store, "المقاومه")) == 1


def test_phrase_and_boolean(store: Store) -> None:
    _load(store)
    assert len(_texts(store, '"حزب الله" translit:off')) == 1
    assert len(_texts(store, '"الله حزب" translit:off')) == 0
    # Baghdad also finds بغداد (cross-script), attack the English post
    assert len(_texts(store, "Baghdad OR attack", sort="newest")) == 3
    assert len(_texts(store, "Baghdad OR attack translit:off")) == 2
    assert len(_texts(store, "attack -base")) == 0
    assert len(_texts(store, "(airport OR base) NOT Qasem")) == 1
    assert len(_texts(store, "Kataib Hezbollah translit:off")) == 1
    assert len(_texts(store, "مسؤولي*")) == 1


def test_newest_order_dates_and_filters(store: Store) -> None:
    sid = _load(store)
    res = search(store, "Soleimani", sort="newest")
    days = [h.published_at.day for h in res.hits if h.published_at]
    assert days == [5, 4, 3] and res.total == 3 and res.total_exact
    assert len(_texts(store, "Soleimani from:2021-10-04 to:2021-10-04")) == 1
    assert len(_texts(store, "Soleimani lang:ar")) == 1
    assert len(_texts(store, f"Soleimani source:{sid}")) == 3
    assert len(_texts(store, "Soleimani source:@room")) == 3
    with pytest.raises(NotFound):
        search(store, "Soleimani source:@nobody")


def test_relevance_prefers_more_matches(store: Store) -> None:
    _load(store, {"a": ("attack once here", "en", 1), "b": ("attack attack attack", "en", 2)})
    res = search(store, "attack")
    assert [h.snippet.text for h in res.hits] == ["attack attack attack", "attack once here"]
    assert res.hits[0].score > res.hits[1].score


def test_pagination(store: Store) -> None:
    posts = {str(i): (f"تقرير رقم {i}", "ar", 1 + i % 28) for i in range(30)}
    _load(store, posts)
    p1 = search(store, "تقرير", sort="newest", limit=10, page=1)
    p3 = search(store, "تقرير", sort="newest", limit=10, page=3)
    assert p1.total == 30 and len(p1.hits) == 10 and len(p3.hits) == 10
    assert not {h.id for h in p1.hits} & {h.id for h in p3.hits}


def test_snippet_is_escaped_and_marked(store: Store) -> None:
    _load(store, {"x": ("<script>alert(1)</script> Soleimani & co", "en", 1)})
    hit = search(store, "Soleimani").hits[0]
    assert "<script>" not in hit.snippet.html
    assert "&lt;script&gt;" in hit.snippet.html
    assert "<mark>Soleimani</mark>" in hit.snippet.html
    s, e = hit.snippet.spans[0]
    assert hit.snippet.text[s:e] == "Soleimani"


def test_edit_replaces_indexed_text(store: Store) -> None:
    sid = _load(store, {"e": ("النص الأول عن سليماني", "ar", 1)})
    ev = store.archive_bytes(b"two", origin="test://y", collector="test", version="1").sha256
    edited = DocumentRecord(
        platform="telegram",
        platform_id="e",
        evidence_sha256=ev,
        text="النص بعد التعديل عن المهندس",
        published_at=datetime(2021, 10, 1, 9, tzinfo=UTC),
        edited_at=datetime(2021, 10, 1, 10, tzinfo=UTC),
    )
    store.write_batch(sid, [edited])
    assert _texts(store, "سليماني") == []
    assert len(_texts(store, "المهندس")) == 1
    assert search(store, "النص").total == 1


def test_reindex_rebuilds_the_same_results(store: Store) -> None:
    _load(store)
    before = _texts(store, "Soleimani", sort="newest")
    seen: list[tuple[int, int]] = []
    assert rebuild(store.engine, lambda done, total: seen.append((done, total))) == len(POSTS)
    assert seen[-1] == (len(POSTS), len(POSTS))
    assert _texts(store, "Soleimani", sort="newest") == before


@pytest.mark.parametrize("bad", ['"open', "(a b", "NOT a", "entity:Q42", "from:2021-02-30 a", ""])
def test_bad_queries_are_one_line_errors(store: Store, bad: str) -> None:
    _load(store)
    with pytest.raises(QueryError) as err:
        search(store, bad)
    assert "\n" not in str(err.value)


def test_names_across_scripts_and_word_boundaries(store: Store) -> None:
    _load(store)
    # one Latin word against two Arabic words, and a hyphenated name against one word
    assert len(_texts(store, "Hezbollah")) == 2
    assert len(_texts(store, "Kataib Hizballah")) == 2
    assert len(_texts(store, '"كتائب حزب الله"')) == 2
    assert len(_texts(store, '"كتائب حزب الله" translit:off')) == 1
    assert len(_texts(store, "al-Harbi")) == 1


def test_undated_posts_are_found_and_sort_last(store: Store) -> None:
    sid = _load(store, {"d": ("dated report on Mosul", "en", 2)})
    ev = store.archive_bytes(b"u", origin="test://u", collector="test", version="1").sha256
    undated = DocumentRecord(
        platform="telegram", platform_id="u", evidence_sha256=ev, text="undated Mosul report"
    )
    store.write_batch(sid, [undated])
    res = search(store, "Mosul", sort="newest")
    assert [h.snippet.text for h in res.hits] == ["dated report on Mosul", "undated Mosul report"]
    assert len(_texts(store, "Mosul from:2000")) == 1


def test_very_common_words_come_back_newest_first(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from marsad.search.backends import postgres, sqlite

    for module in (sqlite, postgres):
        monkeypatch.setattr(module, "PROBE_DOCS", 20)
    posts = {
        str(i): (f"بيان {'غارة غارة غارة' if i == 3 else 'غارة'} رقم {i}", "ar", 1 + i)
        for i in range(25)
    }
    _load(store, posts)
    ranked = search(store, "غارة")  # in every post: too common to rank
    assert ranked.common == ["غاره"]
    assert [h.published_at.day for h in ranked.hits][:3] == [25, 24, 23]  # type: ignore[union-attr]
    rare = search(store, "غارة رقم 3")  # "3" is rare: ranked, the repeated post first
    assert rare.common == ["غاره", "رقم"] and rare.total == 1
    solo = search(store, "بيان", sort="relevance", translit=False)
    assert solo.common == ["بيان"]
    assert search(store, '"رقم 3"').common == []


def test_known_abbreviation_finds_its_long_forms(store: Store) -> None:
    """KH (typed in capitals) finds Kata'ib Hezbollah and كتائب حزب الله; not with translit off."""
    _load(store)
    found = _texts(store, "KH")
    assert found and all("كتائب حزب الله" in t or "Kata'ib Hezbollah" in t for t in found)
    assert len(found) == 2
    assert _texts(store, "KH translit:off") == []
    assert _texts(store, "kh") == []  # lower case is a word, not the abbreviation


def test_capped_totals_keep_the_date_order(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the count cap (dense matches) the same posts come back in the same order."""
    from marsad.search.backends import postgres, sqlite

    posts = {str(i): (f"تقرير رقم {i}", "ar", 1 + i % 28) for i in range(30)}
    _load(store, posts)
    exact = [search(store, "تقرير", sort="newest", limit=10, page=p) for p in (1, 3)]
    for module in (sqlite, postgres):
        monkeypatch.setattr(module, "COUNT_CAP", 5)
    capped = [search(store, "تقرير", sort="newest", limit=10, page=p) for p in (1, 3)]
    assert [r.total for r in exact] == [30, 30] and all(r.total_exact for r in exact)
    assert [r.total for r in capped] == [5, 5] and not any(r.total_exact for r in capped)
    assert [[h.id for h in r.hits] for r in capped] == [[h.id for h in r.hits] for r in exact]


def test_many_searches_in_one_transaction_match_separate_ones(store: Store) -> None:
    """A caller may run many searches on one connection (alerts, saved searches): the
    hits are the same as one search per connection, and on PostgreSQL every search is
    planned for its own words (after five runs psycopg prepares a statement and the
    server may switch to one generic plan: ~170 ms a query at 200,000 posts instead of
    2-8 ms, ``python -m bench search_pg --held``)."""
    from sqlalchemy import text as sql

    from marsad.search.backends import backend_for
    from marsad.search.backends.base import SearchPlan
    from marsad.search.query import parse_query

    _load(store)
    words = ["Soleimani", "سليماني", "كتائب", "Baghdad", "attack", "حزب", "بيان", "base"] * 2
    separate = [[h.id for h in search(store, w, sort="newest").hits] for w in words]
    backend = backend_for(store.engine)
    with store.engine.connect() as conn:
        held = []
        for w in words:
            plan = SearchPlan(parse_query(w, translit=True), [], "newest", 20, 0)
            held.append([doc_id for doc_id, _ in backend.search(conn, plan).hits])
            if store.engine.dialect.name == "postgresql":
                assert conn.scalar(sql("SHOW plan_cache_mode")) == "force_custom_plan"
    assert held == separate and any(separate)
