"""A small corpus written for the web tests: Arabic and English posts, an edit, a
forward with its origin, a reply, media (a real PNG, an HTML file posing as JPEG, a
file not included) and a graded source with history."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from marsad.core.records import DocumentRecord, ForwardRef, MediaItem
from marsad.store import DocumentFilter, Store, WriteCounts

AR_TEXT = "أعلنت غرفة العمليات المشتركة عن استهداف قاعدة التنف بطائرات مسيرة"
AR_EDITED = "أعلنت غرفة العمليات المشتركة عن استهداف قاعدة التنف بطائرات مسيرة وصواريخ"
EN_TEXT = "Statement on the strike near Palmyra, published by the operations room."
FAKE_JPEG = b"<html><script>window.__pwned=1</script></html>"


def tiny_png(width: int = 2, height: int = 2) -> bytes:
    """A valid PNG made here (no third-party file)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\x0d\x5c\x63" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


@dataclass
class Corpus:
    """Ids of what :func:`fill` stored, for tests to look up."""

    origin: int = 0
    copier: int = 0
    docs: dict[str, int] = field(default_factory=dict)
    evidence: str = ""
    evidence_edit: str = ""
    png: str = ""
    fake_jpeg: str = ""
    run: int = 0


def _at(day: int, hour: int = 9) -> datetime:
    return datetime(2021, 10, day, hour, 0, tzinfo=UTC)


def _doc_id(store: Store, source_id: int, platform_id: str) -> int:
    docs, _ = store.list_documents(DocumentFilter(source_id=source_id, limit=1000))
    return next(d.id for d in docs if d.platform_id == platform_id)


def fill(store: Store) -> Corpus:
    """Store the corpus and return its ids."""
    c = Corpus()
    c.origin = store.add_source(
        "telegram",
        "@central_media",
        name="الإعلام الحربي المركزي",
        source_type="affiliated",
        affiliation="Operations room of the axis",
        reliability="C",
        language="ar",
        aliases=["Central Media", "al-Elam al-Harbi"],
        keys=["telegram:id:42"],
    )
    store.set_reliability(c.origin, "B", decided_by="analyst1", note="claims matched later reports")
    c.copier = store.add_source("telegram", "@copier", name="Copier Channel", language="en")
    c.evidence = store.archive_bytes(
        b'{"messages": []}', origin="export/result.json", collector="telegram_export", version="1.2"
    ).sha256
    c.evidence_edit = store.archive_bytes(
        b'{"messages": [1]}',
        origin="export2/result.json",
        collector="telegram_export",
        version="1.2",
    ).sha256
    c.png = store.archive_bytes(
        tiny_png(96, 64), origin="photos/1.png", collector="t", version="1"
    ).sha256
    c.fake_jpeg = store.archive_bytes(
        FAKE_JPEG, origin="photos/2.jpg", collector="t", version="1"
    ).sha256

    def rec(pid: str, text: str, when: datetime, **kw: object) -> DocumentRecord:
        return DocumentRecord(
            platform="telegram",
            platform_id=pid,
            evidence_sha256=c.evidence,
            locator=f"messages[{pid}]",
            text=text,
            published_at=when,
            **kw,  # type: ignore[arg-type]
        )

    media = [
        MediaItem(kind="photo", sha256=c.png, mime_type="image/png", width=96, height=64),
        MediaItem(kind="file", sha256=c.fake_jpeg, mime_type="image/jpeg", original_name="x.jpg"),
        MediaItem(kind="video_file", note="(File not included. Change data exporting settings.)"),
        MediaItem(kind="photo", meta={"url": "https://cdn.example.org/file/photo.jpg"}),
        MediaItem(
            kind="webpage",
            meta={
                "url": "https://news.example.org/a",
                "title": "<b>Preview</b>",
                "x": "javascript:1",
            },
        ),
    ]
    store.write_batch(
        c.origin,
        [
            rec(
                "100",
                AR_TEXT,
                _at(20),
                lang="ar",
                views=15300,
                author="المكتب الإعلامي",
                media=media,
            ),
            rec(
                "101",
                "بيان رقم ٢",
                _at(21),
                lang="ar",
                reply_to_id="100",
                extra={"location": {"latitude": 33.5, "longitude": 36.3}, "action": "<b>pin</b>"},
            ),
            rec(
                "102",
                EN_TEXT,
                _at(14),
                lang="en",
                url="https://t.me/central_media/102",
                entities=[
                    {"type": "hashtag", "text": "#Tanf"},
                    {"type": "text_link", "text": "report", "href": "https://example.org/r"},
                    {"type": "text_link", "text": "click", "href": "javascript:alert(1)"},
                ],
            ),
        ],
    )
    edited = rec("100", AR_EDITED, _at(20), lang="ar", edited_at=_at(20, 11))
    store.write_batch(c.origin, [replace(edited, evidence_sha256=c.evidence_edit)])
    fwd = ForwardRef(
        from_name="الإعلام الحربي المركزي", from_key="telegram:id:42", from_message_id="102"
    )
    store.write_batch(c.copier, [rec("5", EN_TEXT, _at(15), lang="en", forward=fwd)])
    filler = [
        rec(f"{1000 + i}", f"Filler post number {i}", _at(1) + timedelta(hours=i), lang="en")
        for i in range(60)
    ]
    store.write_batch(c.copier, filler)
    run = store.start_run("telegram_export", "1.2", "export/result.json", c.origin)
    store.add_run_error(run, "messages[77]", "message without an id")
    store.finish_run(run, "partial", WriteCounts(seen=4, added=3, versions=1), 1)
    c.run = run
    for name, (sid, pid) in {
        "ar": (c.origin, "100"),
        "reply": (c.origin, "101"),
        "en": (c.origin, "102"),
        "fwd": (c.copier, "5"),
    }.items():
        c.docs[name] = _doc_id(store, sid, pid)
    return c
