"""Telegram Desktop export: mapping, idempotence, edits, media safety, hostile input."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from marsad.collect import registry
from marsad.core.errors import InputError
from marsad.pipeline.ingest import ingest
from marsad.store import DocumentFilter, Store
from marsad.store.rows import DocumentRow
from tests.collect.tg_exports import CHANNEL_ID, PLACEHOLDER, chat, full_export, msg, write


def docs(store: Store, source_id: int | None = None) -> dict[str, DocumentRow]:
    rows, _ = store.list_documents(DocumentFilter(source_id=source_id, limit=1000))
    return {d.platform_id: store.get_document(d.id) for d in rows}


def errors_of(store: Store, run_id: int) -> list[str]:
    return [f"{e['locator']}: {e['message']}" for e in store.run_errors(run_id)]


def test_detects_folder_and_file(tmp_path: Path) -> None:
    folder = write(tmp_path / "exp", chat([msg(1, "x")]))
    assert registry.detect(str(folder)).name == "telegram-export"
    other = tmp_path / "channel.json"
    other.write_text((folder / "result.json").read_text())
    assert registry.detect(str(other)).name == "telegram-export"


def test_single_chat_fields(sqlite_store: Store, tmp_path: Path) -> None:
    parts = [
        {"type": "bold", "text": "عاجل"},
        ": قصف على ",
        {"type": "text_link", "text": "الموقع", "href": "https://example.org/a"},
        " ",
        {"type": "hashtag", "text": "#حلب"},
    ]
    export = chat(
        [
            msg(1, "First statement of the channel", author="Media Office"),
            msg(
                2,
                parts,
                text_entities=[
                    p if isinstance(p, dict) else {"type": "plain", "text": p} for p in parts
                ],
            ),
            msg(3, "رد على البيان", reply_to_message_id=1, reply_to_peer_id="channel99"),
            msg(4, "منقول", forwarded_from="Central Media", via_bot="@helper_bot"),
            msg(
                5,
                "",
                type="service",
                actor="Test Channel",
                actor_id="channel1060780848",
                action="pin_message",
                message_id=3,
            ),
            msg(
                6,
                "",
                type="service",
                actor="Admin",
                action="invite_members",
                members=["Ali", "Omar"],
            ),
            msg(
                7,
                "این یک پیام فارسی است که چند حرف گ و پ و چ دارد",
                edited="2021-10-14T13:00:00",
                edited_unixtime="1634216400",
            ),
        ]
    )
    export["messages"].append(msg(8, "from a member", **{"from": "Ali", "from_id": "user42"}))
    export["messages"].append(msg(9, "origin hidden", forwarded_from=None))
    result = ingest(sqlite_store, str(write(tmp_path / "exp", export)))
    assert (result.status, result.counts.added, result.errors) == ("ok", 9, 0)
    d = docs(sqlite_store)
    assert d["1"].published_at == datetime(2021, 10, 14, 9, 1, tzinfo=UTC)  # unixtime wins
    assert d["1"].author == "Media Office" and d["1"].lang == "en"
    assert d["2"].text == "عاجل: قصف على الموقع #حلب" and d["2"].lang == "ar"
    ents = d["2"].extra["entities"]  # type: ignore[index]
    assert [e["type"] for e in ents] == ["bold", "text_link", "hashtag"]
    assert ents[1]["href"] == "https://example.org/a"
    assert d["3"].reply_to_id == "1" and d["3"].extra["reply_to_peer_id"] == "channel99"  # type: ignore[index]
    assert d["3"].reply_to_doc == d["1"].id
    assert d["4"].fwd_from_name == "Central Media" and d["4"].fwd_from_key == ""
    assert d["9"].is_forward and d["9"].fwd_from_name == "(hidden origin)"
    assert not d["1"].is_forward
    assert d["5"].kind == "service" and "pinned" in d["5"].text and "3" in d["5"].text
    assert d["5"].extra["action"] == "pin_message"  # type: ignore[index]
    assert "Ali, Omar" in d["6"].text and d["6"].extra["members"] == ["Ali", "Omar"]  # type: ignore[index]
    assert d["7"].lang == "fa" and d["7"].edited_at == datetime(2021, 10, 14, 13, tzinfo=UTC)
    assert d["8"].author == "Ali" and d["8"].extra["from_id"] == "user42"  # type: ignore[index]
    assert "from_id" not in (d["7"].extra or {})  # the channel itself: its source says it
    src = sqlite_store.get_source(d["1"].source_id)
    assert src.name == "Test Channel" and f"telegram:id:{CHANNEL_ID}" in src.keys
    assert (
        d["1"].evidence_sha256
        == hashlib.sha256((tmp_path / "exp" / "result.json").read_bytes()).hexdigest()
    )
    assert d["3"].locator == "messages[id=3]"


def test_reingest_adds_nothing_and_edit_becomes_version(store: Store, tmp_path: Path) -> None:
    first = [msg(i, f"النص رقم {i}") for i in range(1, 9)]
    one = write(tmp_path / "one", chat(first))
    assert ingest(store, str(one)).counts.added == 8
    again = ingest(store, str(one))
    assert (again.counts.added, again.counts.versions, again.counts.unchanged) == (0, 0, 8)
    later = [dict(m) for m in first]
    later[4] = msg(5, "النص رقم 5 بعد التعديل", edited_unixtime="1634300000")
    two = write(tmp_path / "two", chat([*later, msg(9, "جديد")]))
    result = ingest(store, str(two))
    assert (result.counts.added, result.counts.versions) == (1, 1)
    doc = docs(store)["5"]
    assert doc.text == "النص رقم 5 بعد التعديل"
    assert [v.text for v in doc.versions] == ["النص رقم 5", "النص رقم 5 بعد التعديل"]
    assert store.count_documents() == 9


def test_full_export_one_source_per_chat(sqlite_store: Store, tmp_path: Path) -> None:
    data = full_export(
        [
            chat([msg(1, "alpha one"), msg(2, "alpha two")], chat_id=111, name="Alpha"),
            chat([], chat_id=222, name="Empty"),
            chat([msg(1, "بيتا")], chat_id=333, name="Beta", kind="private_supergroup"),
        ],
        left=[chat([msg(7, "gone")], chat_id=444, name="Left channel")],
    )
    folder = write(tmp_path / "full", data)
    result = ingest(sqlite_store, str(folder))
    assert result.counts.added == 4 and result.errors == 0
    names = {s.name: s.document_count for s in sqlite_store.list_sources()}
    assert names == {"Alpha": 2, "Beta": 1, "Left channel": 1}
    beta = sqlite_store.get_source("telegram:id:333")
    (doc,) = docs(sqlite_store, beta.id).values()
    assert doc.locator == "chats[2].messages[id=1]" and doc.text == "بيتا"


def test_multi_chat_export_with_source_is_refused(sqlite_store: Store, tmp_path: Path) -> None:
    sid = sqlite_store.add_source("telegram", "@alpha")
    data = full_export([chat([msg(1, "a")], chat_id=111), chat([msg(1, "b")], chat_id=222)])
    with pytest.raises(InputError, match="several channels"):
        ingest(sqlite_store, str(write(tmp_path / "full", data)), source=sid)


def test_bad_messages_are_reported_and_skipped(sqlite_store: Store, tmp_path: Path) -> None:
    export = chat(
        [
            msg(1, "ok"),
            {"type": "message", "text": "no id"},
            "not an object",
            msg(2, ["array", 5, {"type": "bold"}], date_unixtime=[1]),
            {"id": "x3", "text": "bad id"},
        ]
    )
    result = ingest(sqlite_store, str(write(tmp_path / "exp", export)))
    assert result.status == "partial" and result.errors == 3
    d = docs(sqlite_store)
    assert set(d) == {"1", "2"} and d["2"].text == "array" and d["2"].published_at is not None
    assert any("messages[id=#2]" in e for e in errors_of(sqlite_store, result.run_id))


def test_media_archived_placeholder_and_hostile_names(sqlite_store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "exp"
    (folder / "photos").mkdir(parents=True)
    photo = b"\xff\xd8\xff fake jpeg bytes"
    (folder / "photos" / "photo_1@14-10-2021_09-00-00.jpg").write_bytes(photo)
    secret = tmp_path / "outside-secret.txt"
    secret.write_bytes(b"secret outside the export folder")
    (folder / "files").mkdir()
    (folder / "files" / "link.pdf").symlink_to(secret)
    (folder / "files" / "dir.pdf").mkdir()
    with open(folder / "files" / "huge.mp4", "wb") as fh:
        fh.truncate(4_000_000_001)  # sparse: over the cap without using the disk
    export = chat(
        [
            msg(1, "photo", photo="photos/photo_1@14-10-2021_09-00-00.jpg", width=1280, height=720),
            msg(
                2,
                "not included",
                file=PLACEHOLDER,
                media_type="video_file",
                mime_type="video/mp4",
                duration_seconds=31,
                thumbnail=PLACEHOLDER,
            ),
            msg(3, "escape", file="../../etc/passwd", mime_type="text/plain"),
            msg(4, "absolute", photo="/etc/passwd"),
            msg(5, "symlink", file="files/link.pdf"),
            msg(6, "directory", file="files/dir.pdf"),
            msg(7, "missing", photo="photos/nope.jpg"),
            msg(8, "too large", file="files/huge.mp4", media_type="video_file"),
        ]
    )
    result = ingest(sqlite_store, str(write(folder, export)))
    assert result.counts.added == 8
    d = docs(sqlite_store)
    (m1,) = d["1"].media
    assert m1.sha256 == hashlib.sha256(photo).hexdigest() and (m1.width, m1.height) == (1280, 720)
    assert sqlite_store.archive.read(m1.sha256) == photo
    kinds = [(m.kind, m.sha256, m.note) for m in d["2"].media]
    assert kinds == [
        ("video_file", None, "file not included in the export"),
        ("thumbnail", None, "file not included in the export"),
    ]
    assert d["2"].media[0].duration_seconds == 31 and d["2"].media[0].mime_type == "video/mp4"
    for pid in ("3", "4", "5", "6", "7", "8"):
        (m,) = d[pid].media
        assert m.sha256 is None and m.note and m.original_name
    assert d["3"].media[0].original_name == "../../etc/passwd"
    errs = errors_of(sqlite_store, result.run_id)
    assert len(errs) == 6 and any("messages[id=5]" in e and "symlink" in e for e in errs)
    assert any("messages[id=8]" in e and "larger than" in e for e in errs)
    stored = set(sqlite_store.referenced_digests())
    for outside in (secret.read_bytes(), Path("/etc/passwd").read_bytes()):
        assert hashlib.sha256(outside).hexdigest() not in stored


def test_huge_text_field_is_stored_truncated(sqlite_store: Store, tmp_path: Path) -> None:
    huge = "ب" * 25_000_000  # 50 MB of UTF-8
    export = chat([msg(1, [{"type": "bold", "text": huge}]), msg(2, "small")])
    folder = write(tmp_path / "exp", export)
    del huge, export
    result = ingest(sqlite_store, str(folder))
    assert result.counts.added == 2 and result.errors == 0
    doc = docs(sqlite_store)["1"]
    limit = sqlite_store.settings.max_field_bytes
    assert doc.truncated and limit - 4 < len(doc.text.encode()) <= limit
    assert len(doc.extra["entities"][0]["text"]) <= 2048  # type: ignore[index]


def test_not_an_export(sqlite_store: Store, tmp_path: Path) -> None:
    folder = write(tmp_path / "exp", '{"hello": [1, 2, 3]}')
    with pytest.raises(InputError, match="not a Telegram Desktop export"):
        ingest(sqlite_store, str(folder), collector="telegram-export")
