"""The SQLite bulk-insert path stores exactly what SQLAlchemy's own insert stores."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from sqlalchemy import select, text
from sqlalchemy.dialects import sqlite

from marsad.store import Store
from marsad.store import tables as t
from marsad.store.bulk import insert_ignore


def _row(pid: str, **kw: object) -> dict[str, object]:
    row: dict[str, object] = {c.key: None for c in t.documents.c if c.key != "id"}
    row.update(
        source_id=1,
        platform="telegram",
        platform_id=pid,
        kind="post",
        title="",
        text="نص",
        text_hash="h",
        lang="ar",
        author="",
        url="",
        reply_to_id="",
        fwd_from_name="",
        fwd_from_key="",
        fwd_from_message_id="",
        version_count=1,
        evidence_sha256="",
        locator="",
        truncated=False,
        first_seen_at=datetime(2024, 1, 1, 12, tzinfo=UTC),
    )
    row.update(kw)
    return row


def test_bulk_rows_equal_sqlalchemy_rows(sqlite_store: Store) -> None:
    sqlite_store.add_source("telegram", "@x")
    ev = sqlite_store.archive_bytes(b"raw", origin="test", collector="test", version="1").sha256
    when = datetime(2021, 10, 14, 9, 30, 5, 123, tzinfo=UTC)
    variants = [
        {"published_at": when, "extra": {"entities": [{"type": "bold", "text": "ب"}]}},
        {"published_at": None, "extra": None, "truncated": True, "views": 7},
        {"published_at": datetime(2021, 10, 14, 12, tzinfo=timezone(timedelta(hours=3)))},
    ]
    with sqlite_store.engine.begin() as conn:
        for i, kw in enumerate(variants):
            conn.execute(sqlite.insert(t.documents), [_row(f"a{i}", evidence_sha256=ev, **kw)])
            insert_ignore(conn, t.documents, [_row(f"b{i}", evidence_sha256=ev, **kw)])
        insert_ignore(conn, t.documents, [_row("b0", evidence_sha256=ev, text="duplicate")])
        cols = [c.key for c in t.documents.c if c.key not in ("id", "platform_id")]
        raw = conn.execute(text(f"SELECT platform_id, {', '.join(cols)} FROM documents"))
        by_pid = {r[0]: r[1:] for r in raw}
        n = conn.scalar(select(t.documents.c.id).order_by(t.documents.c.id.desc()))
    assert n == 6 and by_pid["b0"][cols.index("text")] == "نص"
    for i in range(len(variants)):
        assert by_pid[f"a{i}"] == by_pid[f"b{i}"]
    assert str(by_pid["b2"][cols.index("published_at")]).startswith("2021-10-14 09:00:00")
