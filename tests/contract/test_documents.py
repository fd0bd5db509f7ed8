"""Storage contract: the same behaviour on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from marsad.core.errors import NotFound, UserError
from marsad.core.records import ChannelRef, DocumentRecord, ForwardRef, MediaItem
from marsad.store import DocumentFilter, Store


def _ev(store: Store, payload: bytes = b"raw export bytes") -> str:
    return store.archive_bytes(
        payload, origin="test://export", collector="test", version="1"
    ).sha256


def _rec(pid: str, text: str, ev: str, **kw: object) -> DocumentRecord:
    return DocumentRecord(
        platform="telegram",
        platform_id=pid,
        evidence_sha256=ev,
        text=text,
        published_at=datetime(2021, 10, 14, 9, 0, tzinfo=UTC),
        **kw,
    )  # type: ignore[arg-type]


def test_write_is_idempotent(store: Store) -> None:
    sid = store.add_source("telegram", "@room", name="غرفة عمليات حلفاء سوريا")
    ev = _ev(store)
    recs = [_rec(str(i), f"بيان رقم {i}", ev) for i in range(1, 6)]
    first = store.write_batch(sid, recs)
    again = store.write_batch(sid, recs)
    assert (first.added, first.versions) == (5, 0)
    assert (again.added, again.versions, again.unchanged) == (0, 0, 5)
    assert store.count_documents(sid) == 5


def test_edit_keeps_both_texts(store: Store) -> None:
    sid = store.add_source("telegram", "@room")
    ev1 = _ev(store, b"export one")
    ev2 = _ev(store, b"export two")
    store.write_batch(sid, [_rec("7", "النص الأول", ev1)])
    edited = _rec("7", "النص بعد التعديل", ev2, edited_at=datetime(2021, 10, 14, 10, tzinfo=UTC))
    counts = store.write_batch(sid, [edited])
    assert counts.versions == 1
    docs, _ = store.list_documents(DocumentFilter(source_id=sid))
    doc = store.get_document(docs[0].id)
    assert doc.text == "النص بعد التعديل"
    assert [v.text for v in doc.versions] == ["النص الأول", "النص بعد التعديل"]
    assert doc.versions[0].evidence_sha256 == ev1 and doc.versions[1].evidence_sha256 == ev2
    # seeing the old export again changes nothing
    assert store.write_batch(sid, [_rec("7", "النص الأول", ev1)]).versions == 0
    assert len(store.get_document(doc.id).versions) == 2


def test_hostile_text_is_stored_safely(store: Store) -> None:
    sid = store.add_source("telegram", "@x")
    ev = _ev(store)
    nasty = "a\x00b<script>alert(1)</script>\ud800" + "ب" * 10
    store.write_batch(sid, [_rec("1", nasty, ev)])
    doc = store.list_documents(DocumentFilter(source_id=sid))[0][0]
    assert "\x00" not in doc.text and "<script>" in doc.text  # kept verbatim, escaped on output


def test_media_forward_reply_links(store: Store) -> None:
    origin = store.add_source("telegram", "@origin", name="Central Media", keys=["telegram:id:42"])
    copier = store.add_source("telegram", "@copier")
    ev = _ev(store)
    store.write_batch(
        origin, [_rec("100", "original", ev), _rec("101", "reply", ev, reply_to_id="100")]
    )
    fwd = ForwardRef(from_name="Central Media", from_key="telegram:id:42", from_message_id="100")
    store.write_batch(
        copier,
        [
            _rec(
                "5",
                "original",
                ev,
                forward=fwd,
                media=[MediaItem(kind="photo", note="File not included")],
            )
        ],
    )
    docs, _ = store.list_documents(DocumentFilter(source_id=origin, order="oldest"))
    orig = store.get_document(docs[0].id)
    copy = store.list_documents(DocumentFilter(source_id=copier))[0][0]
    assert store.get_document(copy.id).forward_of_doc == orig.id
    assert copy.id in orig.forwarded_by
    assert orig.replies == [docs[1].id]
    assert store.get_document(copy.id).media[0].note == "File not included"


def test_sources_and_reliability_history(store: Store) -> None:
    sid = store.add_source(
        "telegram", "@akhbar", name="الأخبار", reliability="C", source_type="news"
    )
    store.set_reliability(sid, "b", decided_by="analyst1", note="track record")
    src = store.get_source("@akhbar")
    assert src.reliability == "B"
    hist = store.reliability_history(sid)
    assert [(h["grade"], h["previous"], h["decided_by"]) for h in hist] == [
        ("C", None, "system"),
        ("B", "C", "analyst1"),
    ]
    with pytest.raises(UserError):
        store.add_source("telegram", "@akhbar")
    with pytest.raises(UserError):
        store.set_reliability(sid, "Z", decided_by="x")
    with pytest.raises(NotFound):
        store.get_source("@nobody")


def test_resolve_channel_creates_once(store: Store) -> None:
    ref = ChannelRef(
        platform="telegram", keys=("telegram:id:99", "telegram:@room"), name="Room", handle="@room"
    )
    a = store.resolve_channel(ref)
    b = store.resolve_channel(
        ChannelRef(platform="telegram", keys=("telegram:id:99",), name="Room")
    )
    assert a == b
    assert store.get_source("telegram:@room").id == a


def test_filters(store: Store) -> None:
    sid = store.add_source("telegram", "@f")
    ev = _ev(store)
    store.write_batch(
        sid,
        [
            DocumentRecord(
                platform="telegram",
                platform_id="1",
                evidence_sha256=ev,
                text="a",
                lang="ar",
                published_at=datetime(2017, 5, 1, tzinfo=UTC),
            ),
            DocumentRecord(
                platform="telegram",
                platform_id="2",
                evidence_sha256=ev,
                text="b",
                lang="en",
                published_at=datetime(2021, 10, 20, tzinfo=UTC),
            ),
        ],
    )
    ar, n = store.list_documents(DocumentFilter(lang="ar"))
    assert n == 1 and ar[0].text == "a"
    recent, n = store.list_documents(DocumentFilter(date_from=datetime(2021, 1, 1, tzinfo=UTC)))
    assert n == 1 and recent[0].text == "b"
    assert recent[0].published_at == datetime(2021, 10, 20, tzinfo=UTC)


def test_times_are_stored_in_utc_whatever_the_offset(store: Store) -> None:
    """12:00 at UTC+03:00 is 09:00 UTC on both backends, and date filters agree."""
    from datetime import timedelta, timezone

    sid = store.add_source("telegram", "@tz")
    ev = _ev(store)
    baghdad = timezone(timedelta(hours=3))
    store.write_batch(
        sid,
        [
            DocumentRecord(
                platform="telegram",
                platform_id="1",
                evidence_sha256=ev,
                text="x",
                published_at=datetime(2021, 10, 20, 12, 0, tzinfo=baghdad),
            ),
        ],
    )
    doc = store.list_documents(DocumentFilter(source_id=sid))[0][0]
    assert doc.published_at == datetime(2021, 10, 20, 9, 0, tzinfo=UTC)
    assert doc.published_at.utcoffset() == timedelta(0)
    hit = DocumentFilter(date_from=datetime(2021, 10, 20, 11, 30, tzinfo=baghdad))
    miss = DocumentFilter(date_from=datetime(2021, 10, 20, 12, 30, tzinfo=baghdad))
    assert store.list_documents(hit)[1] == 1 and store.list_documents(miss)[1] == 0
