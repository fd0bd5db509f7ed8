"""Telegram API message objects (JSON lines): real 2017 dump and Telethon's newer names."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from marsad.collect import registry
from marsad.pipeline.ingest import ingest
from marsad.store import DocumentFilter, Store
from tests.conftest import shared_data

BBC_LINES = 1929  # lines in bbcbreaking.messages.jsonl, each a distinct message id


def _distinct_ids(path: Path) -> int:
    with open(path, encoding="utf-8") as fh:
        return len({json.loads(line)["id"] for line in fh if line.strip()})


@pytest.mark.realdata
def test_bbcbreaking_ingests_completely(store: Store) -> None:
    path = shared_data("telegram", "bbcbreaking-2017", "bbcbreaking.messages.jsonl")
    assert _distinct_ids(path) == BBC_LINES
    assert registry.detect(str(path)).name == "telegram-api"
    result = ingest(store, str(path))
    assert (result.status, result.errors, result.counts.added) == ("ok", 0, BBC_LINES)
    (source,) = store.list_sources()
    assert source.document_count == BBC_LINES and source.name == "BBC BREAKING NEWS"
    assert {"telegram:id:1060780848", "telegram:@bbcbreaking"} <= set(
        store.get_source(source.id).keys
    )
    rows, _ = store.list_documents(DocumentFilter(limit=1))
    newest = store.get_document(rows[0].id)
    assert newest.platform_id == "1931" and newest.views == 188
    assert newest.url == "https://t.me/bbcbreaking/1931" and newest.lang == "en"
    (page,) = newest.media
    assert page.kind == "webpage" and page.meta is not None
    assert page.meta["title"] == "UK 'won't recognise' Catalan independence"
    assert page.meta["site_name"] == "BBC News"
    links = [e for e in newest.extra["entities"] if e["type"] == "text_link"]  # type: ignore[index]
    assert links[0]["href"] == "https://t.co/RRKAqaMWU4" == links[0]["text"]
    again = ingest(store, str(path))
    assert (again.counts.added, again.counts.versions, again.errors) == (0, 0, 0)


def _line(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_telethon_names_forwards_replies_and_bad_lines(sqlite_store: Store, tmp_path: Path) -> None:
    peer = {"_": "PeerChannel", "channel_id": 777}
    lines = [
        _line(
            _="Message",
            id=10,
            peer_id=peer,
            date="2024-03-01T08:00:00+00:00",
            message="بيان صادر عن المكتب الإعلامي",
            views=1500,
            post_author="المحرر",
            entities=[{"_": "MessageEntityHashtag", "offset": 0, "length": 4}],
        ),
        "{not json",
        _line(
            _="Message",
            id=11,
            peer_id=peer,
            date=1709280000,
            message="forwarded post",
            fwd_from={
                "_": "MessageFwdHeader",
                "from_id": {"_": "PeerChannel", "channel_id": 1060780848},
                "channel_post": 1925,
                "date": 1509051736,
            },
            reply_to={"_": "MessageReplyHeader", "reply_to_msg_id": 10},
            edit_date=1709283600,
            grouped_id=123456789,
        ),
        "[1, 2]",
        _line(_="Message", peer_id=peer, message="no id"),
        "",
        _line(
            _="Message",
            id=12,
            peer_id=peer,
            date=1709290000,
            message="",
            media={
                "_": "MessageMediaDocument",
                "document": {
                    "mime_type": "audio/ogg",
                    "size": 5000,
                    "attributes": [{"_": "DocumentAttributeAudio", "voice": True, "duration": 7}],
                },
            },
        ),
    ]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert registry.detect(str(path)).name == "telegram-api"
    result = ingest(sqlite_store, str(path))
    assert (result.counts.added, result.errors) == (3, 3)
    locs = sorted(e["locator"] for e in sqlite_store.run_errors(result.run_id))
    assert locs == ["line 2", "line 4", "line 5"]
    rows, _ = sqlite_store.list_documents(DocumentFilter(limit=10))
    d = {r.platform_id: sqlite_store.get_document(r.id) for r in rows}
    assert d["10"].published_at == datetime(2024, 3, 1, 8, tzinfo=UTC)
    assert d["10"].views == 1500 and d["10"].author == "المحرر" and d["10"].lang == "ar"
    assert d["10"].extra["entities"][0] == {  # type: ignore[index]
        "type": "hashtag",
        "offset": 0,
        "length": 4,
        "text": "بيان",
    }
    fwd = d["11"]
    assert (fwd.fwd_from_key, fwd.fwd_from_message_id) == ("telegram:id:1060780848", "1925")
    assert fwd.fwd_date == datetime.fromtimestamp(1509051736, UTC)
    assert fwd.reply_to_id == "10" and fwd.reply_to_doc == d["10"].id
    assert fwd.edited_at == datetime.fromtimestamp(1709283600, UTC)
    assert fwd.extra["grouped_id"] == "123456789"  # type: ignore[index]
    (voice,) = d["12"].media
    assert (voice.kind, voice.mime_type, voice.duration_seconds) == (
        "voice_message",
        "audio/ogg",
        7,
    )
    assert voice.sha256 is None
    assert sqlite_store.get_source("telegram:id:777").document_count == 3
