"""The reading room's read-only store queries, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from marsad.core.errors import NotFound
from marsad.core.records import DocumentRecord, MediaItem
from marsad.store import DocumentFilter, Store
from marsad.store.reading import documents_citing, get_media, media_counts


def test_media_counts_and_get_media(store: Store) -> None:
    sid = store.add_source("telegram", "@m")
    ev = store.archive_bytes(b"export", origin="x", collector="t", version="1").sha256
    photo = store.archive_bytes(b"\x89PNG\r\n\x1a\n...", origin="p", collector="t", version="1")
    when = datetime(2021, 10, 1, tzinfo=UTC)
    store.write_batch(
        sid,
        [
            DocumentRecord(
                platform="telegram",
                platform_id="1",
                evidence_sha256=ev,
                published_at=when,
                media=[
                    MediaItem(kind="photo", sha256=photo.sha256, mime_type="image/png"),
                    MediaItem(kind="file", note="not included"),
                ],
            ),
            DocumentRecord(platform="telegram", platform_id="2", evidence_sha256=ev),
        ],
    )
    docs, _ = store.list_documents(DocumentFilter(source_id=sid, order="oldest"))
    with_media = next(d.id for d in docs if d.platform_id == "1")
    without = next(d.id for d in docs if d.platform_id == "2")
    assert media_counts(store.engine, [with_media, without]) == {with_media: 2}
    assert media_counts(store.engine, []) == {}
    first = store.get_document(with_media).media[0]
    got = get_media(store.engine, first.id)
    assert (got.kind, got.sha256, got.mime_type) == ("photo", photo.sha256, "image/png")
    with pytest.raises(NotFound):
        get_media(store.engine, 10**9)
    assert documents_citing(store.engine, ev) == [with_media, without]
    assert documents_citing(store.engine, photo.sha256) == [with_media]
    assert documents_citing(store.engine, "0" * 64) == []
