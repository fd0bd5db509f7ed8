"""``load_demo`` through the real collectors and ingest runner, into real stores."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from marsad.core.errors import UserError
from marsad.demo.loader import load_demo
from marsad.demo.registry import DATA_DIR, read_registry
from marsad.store import Store
from marsad.store import tables as t
from marsad.store.repo import DocumentFilter
from marsad.store.rows import DocumentRow
from tests.conftest import make_settings
from tests.demo.corpus_files import expected_documents, export_messages, posts_per_year

OFFICIAL = "غرفة عمليات حلفاء سوريا"
CENTRAL = "الإعلام الحربي المركزي"
AKHBAR = "الأخبار"


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, dict[str, int]]]:
    """One fresh SQLite store (its own MARSAD_HOME) with the demo loaded once."""
    store = Store.open(make_settings(tmp_path_factory.mktemp("demo") / "home"))
    summary = load_demo(store)
    yield store, summary
    store.close()


def _source_id(store: Store, name: str) -> int:
    return next(s.id for s in store.list_sources() if s.name == name)


def _docs(store: Store, name: str) -> list[DocumentRow]:
    docs, _total = store.list_documents(
        DocumentFilter(source_id=_source_id(store, name), order="oldest", limit=1000)
    )
    return docs


def _day(doc: DocumentRow) -> date:
    assert doc.published_at is not None
    return doc.published_at.date()


def test_load_registers_every_source_once_marked_illustrative(
    loaded: tuple[Store, dict[str, int]],
) -> None:
    store, summary = loaded
    entries = read_registry(DATA_DIR)
    sources = store.list_sources()
    assert sorted((s.platform, s.handle) for s in sources) == sorted(
        (e.platform, e.handle) for e in entries
    )
    assert summary["sources"] == summary["sources_added"] == len(entries)
    for s in sources:
        assert s.illustrative
        assert "illustrative" in s.description.lower()
        assert s.reliability in {"A", "B", "C", "D", "E", "F"}


def test_load_stores_every_document_of_the_data_files_without_errors(
    loaded: tuple[Store, dict[str, int]],
) -> None:
    store, summary = loaded
    for entry in read_registry(DATA_DIR):
        sid = _source_id(store, entry.name)
        assert store.count_documents(sid) == expected_documents(entry), entry.handle
    total = sum(expected_documents(e) for e in read_registry(DATA_DIR))
    assert summary["documents"] == summary["documents_added"] == total
    assert summary["errors"] == 0
    assert summary["inputs_loaded"] == summary["inputs"]
    assert {r["status"] for r in store.list_runs(limit=100)} == {"ok"}


def test_every_document_is_marked_illustrative(loaded: tuple[Store, dict[str, int]]) -> None:
    store, _ = loaded
    docs, total = store.list_documents(DocumentFilter(limit=1000))
    assert total == len(docs) > 0
    assert all((d.extra or {}).get("illustrative") is True for d in docs)


def test_loading_twice_adds_nothing(loaded: tuple[Store, dict[str, int]]) -> None:
    store, first = loaded
    runs = len(store.list_runs(limit=1000))
    again = load_demo(store)
    assert again["sources_added"] == again["documents_added"] == again["versions_added"] == 0
    assert again["inputs_skipped"] == again["inputs"] == first["inputs"]
    assert again["documents"] == first["documents"]
    assert len(store.list_runs(limit=1000)) == runs


def test_october_2021_sequence_has_its_dates(loaded: tuple[Store, dict[str, int]]) -> None:
    store, _ = loaded
    room = [d for d in _docs(store, OFFICIAL) if d.kind == "post"]
    days = {_day(d): d for d in room if _day(d).year == 2021}
    assert "تدمر" in days[date(2021, 10, 13)].text
    assert "قاسياً جداً" in days[date(2021, 10, 14)].text
    assert "التنف" in days[date(2021, 10, 20)].text
    report = [d for d in _docs(store, AKHBAR) if _day(d) == date(2021, 10, 21)]
    assert len(report) == 1 and "التنف" in report[0].title
    body = report[0].text.split("\n")[-1].strip()  # the report's last paragraph
    copies = [d for d in _docs(store, CENTRAL) if _day(d) == date(2021, 10, 21)]
    assert any(body and body in d.text and d.text.startswith("نقلاً عن") for d in copies)


def test_the_edited_post_keeps_both_versions(loaded: tuple[Store, dict[str, int]]) -> None:
    store, _ = loaded
    edited = [d for d in _docs(store, OFFICIAL) if d.version_count > 1]
    assert len(edited) == 1
    doc = store.get_document(edited[0].id)
    assert [v.version for v in doc.versions] == [1, 2]
    first, second = doc.versions
    assert second.text.startswith(first.text) and len(second.text) > len(first.text)
    assert doc.text == second.text and doc.edited_at is not None


def test_a_forward_links_to_its_original(loaded: tuple[Store, dict[str, int]]) -> None:
    store, _ = loaded
    room_ids = {d.id for d in _docs(store, OFFICIAL)}
    forwards = [
        d
        for s in store.list_sources()
        if s.name != OFFICIAL
        for d in _docs(store, s.name)
        if d.fwd_from_name == OFFICIAL
    ]
    assert forwards
    linked = [store.get_document(d.id).forward_of_doc for d in forwards]
    assert all(origin in room_ids for origin in linked)
    statement = next(d for d in _docs(store, OFFICIAL) if "قاسياً جداً" in d.text)
    assert len(store.get_document(statement.id).forwarded_by) >= 3


def test_official_activity_in_the_store_is_busy_quiet_back(
    loaded: tuple[Store, dict[str, int]],
) -> None:
    store, _ = loaded
    stored = Counter(_day(d).year for d in _docs(store, OFFICIAL) if d.kind == "post")
    from_files = posts_per_year(next(e for e in read_registry(DATA_DIR) if e.name == OFFICIAL))
    assert stored == from_files
    assert min(stored[2017], stored[2018]) > 10 * max(stored[2019], stored[2020])
    assert stored[2021] > stored[2020]


def _media(store: Store, name: str) -> list[dict[str, object]]:
    q = (
        select(t.media)
        .join(t.documents, t.documents.c.id == t.media.c.document_id)
        .where(t.documents.c.source_id == _source_id(store, name))
    )
    with store.engine.connect() as conn:
        return [dict(m) for m in conn.execute(q).mappings()]


def test_photos_are_archived_and_missing_files_are_noted(
    loaded: tuple[Store, dict[str, int]],
) -> None:
    store, _ = loaded
    entry = next(e for e in read_registry(DATA_DIR) if e.name == OFFICIAL)
    with_photo = {m["id"] for i in entry.inputs for m in export_messages(i.path) if m.get("photo")}
    photos = [m for m in _media(store, OFFICIAL) if m["kind"] == "photo"]
    assert len(photos) == len(with_photo) > 0
    assert all(isinstance(m["sha256"], str) and store.archive.has(m["sha256"]) for m in photos)
    missing = [m for m in _media(store, CENTRAL) if m["sha256"] is None]
    assert missing and all(m["note"] for m in missing)


def test_refuses_to_load_into_a_real_source_of_the_same_handle(home: Path) -> None:
    store = Store.open(make_settings(home))
    try:
        store.add_source("telegram", "@demo_hulafa_oproom", name="someone's real channel")
        with pytest.raises(UserError, match="not illustrative"):
            load_demo(store)
        assert store.count_documents() == 0
    finally:
        store.close()


def test_load_twice_on_each_backend(store: Store) -> None:
    first = load_demo(store)
    second = load_demo(store)
    assert first["errors"] == 0 and first["documents_added"] == first["documents"] > 0
    assert second["documents_added"] == 0 and second["documents"] == first["documents"]
    assert store.count_documents() == first["documents"]
