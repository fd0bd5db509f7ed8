"""The embedded index refuses edits after the text rules change, until a reindex."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from marsad.core.errors import StoreError
from marsad.core.records import DocumentRecord
from marsad.search import search
from marsad.store import Store
from marsad.store.search_index import rebuild


def _rec(store: Store, body: str, payload: bytes) -> DocumentRecord:
    ev = store.archive_bytes(payload, origin="test://r", collector="test", version="1").sha256
    return DocumentRecord(
        platform="telegram",
        platform_id="1",
        evidence_sha256=ev,
        text=body,
        published_at=datetime(2021, 1, 1, tzinfo=UTC),
        edited_at=datetime(2021, 1, 1, len(payload), tzinfo=UTC),
    )


def test_changed_rules_need_reindex(sqlite_store: Store) -> None:
    sid = sqlite_store.add_source("telegram", "@r")
    sqlite_store.write_batch(sid, [_rec(sqlite_store, "بيان أول", b"a")])
    with sqlite_store.engine.begin() as conn:
        conn.execute(text("UPDATE search_meta SET value = 'older-rules'"))
    with pytest.raises(StoreError, match="marsad reindex"):
        sqlite_store.write_batch(sid, [_rec(sqlite_store, "بيان ثان", b"bb")])
    assert search(sqlite_store, "أول").total == 1  # nothing stored was lost
    rebuild(sqlite_store.engine)
    sqlite_store.write_batch(sid, [_rec(sqlite_store, "بيان ثان", b"bb")])
    assert search(sqlite_store, "أول").total == 0 and search(sqlite_store, "ثان").total == 1
