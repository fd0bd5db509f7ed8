"""t.me/s preview pages: parsing, paging with before=, resume — over a real local server."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from marsad.collect.telegram_preview import TelegramPreviewCollector, parse_target
from marsad.collect.telegram_preview_parse import parse_views
from marsad.core.errors import HTTPStatusError, UserError
from marsad.pipeline.ingest import ingest
from marsad.store import Store
from tests.collect.conftest import docs_by_pid
from tests.collect.tme_pages import VIDEO_AND_LINK, Channel, Post, plain_posts
from tests.httpserver import Reply, TestServer

RICH = [
    Post(
        101,
        "بيان عسكري: استهداف موقع<br/>في الجنوب",
        date="2024-03-01T08:15:00+00:00",
        views="1.2K",
        author="المكتب الإعلامي",
    ),
    Post(
        102,
        "Statement on <b>today's</b> events",
        views="987",
        forward=("Other Outlet", "https://t.me/otheroutlet/4567"),
        date="2024-03-01T12:00:00+03:00",
    ),
    Post(
        103,
        "A reply with a photo",
        reply_to="https://t.me/frontnews/101",
        photo="https://cdn4.telesco.pe/file/abc123.jpg",
        views="3.4M",
        edited=True,
        date="2024-03-01T10:30:00+00:00",
    ),
    Post(104, "مقطع مصور من العملية", media_html=VIDEO_AND_LINK, views="15K"),
    Post(105, "", service=True, views=""),
]


def run(store: Store, target: str, source: int | None = None, **options: str):  # type: ignore[no-untyped-def]
    return ingest(
        store, target, collector=TelegramPreviewCollector(), source=source, options=options
    )


def test_rich_page_parsed_into_documents(local_store: Store, server: TestServer) -> None:
    url = Channel("frontnews", "أخبار الجبهة", RICH).serve(server)
    result = run(local_store, url)
    assert result.counts.added == 5
    docs = docs_by_pid(local_store)
    ar, en, reply = docs["101"], docs["102"], docs["103"]
    assert ar.text == "بيان عسكري: استهداف موقع\nفي الجنوب"
    assert ar.published_at == datetime(2024, 3, 1, 8, 15, tzinfo=UTC)
    assert (ar.views, ar.author) == (1200, "المكتب الإعلامي")
    assert ar.url == "https://t.me/frontnews/101"
    assert ar.locator == "#post-101"
    assert ar.source is not None and ar.source.name == "أخبار الجبهة"
    assert "telegram:@frontnews" in local_store.get_source(ar.source_id).keys
    assert en.text == "Statement on today's events"
    assert en.published_at == datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
    assert (en.fwd_from_name, en.fwd_from_key, en.fwd_from_message_id) == (
        "Other Outlet",
        "telegram:@otheroutlet",
        "4567",
    )
    assert reply.reply_to_id == "101" and reply.reply_to_doc == ar.id
    assert reply.views == 3_400_000
    assert reply.extra == {"edited": True}
    assert ar.extra in (None, {})
    assert reply.text == "A reply with a photo"  # the quoted reply text is not mixed in
    [photo] = reply.media
    assert photo.kind == "photo" and photo.sha256 is None
    assert photo.meta == {"url": "https://cdn4.telesco.pe/file/abc123.jpg"}
    video, link = docs["104"].media
    assert (video.kind, video.meta) == (
        "video_file",
        {
            "url": "https://cdn4.telesco.pe/file/video104.mp4",
            "thumbnail": "https://cdn4.telesco.pe/file/thumb104.jpg",
        },
    )
    assert (link.kind, link.meta) == (
        "webpage",
        {"url": "https://news.example.org/ar/field-report", "title": "تقرير ميداني"},
    )
    assert docs["105"].kind == "service" and docs["104"].kind == "post"
    # every post points at the archived page it was parsed from
    assert local_store.archive.read(ar.evidence_sha256).count(b'data-post="frontnews/') == 5
    assert ar.evidence["origin"] == url


def test_photos_downloaded_only_when_asked(local_store: Store, server: TestServer) -> None:
    server.route("/img/7.jpg", Reply(200, b"\xff\xd8jpegbytes", {"Content-Type": "image/jpeg"}))
    server.route("/img/big.jpg", Reply(200, b"x" * 20_000))
    lazy = Channel("lazy", "Lazy", [Post(7, "pic", photo=server.url("/img/7.jpg"))])
    run(local_store, lazy.serve(server))
    assert server.hits("/img/7.jpg") == []
    eager = Channel("eager", "Eager", [Post(8, "pic", photo=server.url("/img/7.jpg"))])
    run(local_store, eager.serve(server), download_media="1")
    [item] = docs_by_pid(local_store)["8"].media
    assert len(server.hits("/img/7.jpg")) == 1
    assert item.sha256 is not None
    assert local_store.archive.read(item.sha256) == b"\xff\xd8jpegbytes"
    assert item.mime_type == "image/jpeg"


def test_pages_backwards_and_resumes(any_local_store: Store, server: TestServer) -> None:
    sid = any_local_store.add_source("telegram", "@paged")
    chan = Channel("paged", "Paged", plain_posts(1, 50))
    url = chan.serve(server)
    first = run(any_local_store, url, sid, max_pages="2")
    assert first.counts.added == 40
    assert chan.befores(server) == ["", "31"]
    second = run(any_local_store, url, sid)
    assert second.counts.added == 10
    assert chan.befores(server)[2:] == ["", "11"]  # jumps below what is already stored
    assert any_local_store.count_documents(sid) == 50
    chan.posts += plain_posts(51, 55)
    server.seen.clear()
    third = run(any_local_store, url, sid)
    assert third.counts.added == 5
    assert chan.befores(server) == [""]  # one page: the newest posts only
    assert any_local_store.get_cursor(sid, "telegram-preview")["complete"] is True
    assert any_local_store.get_cursor(sid, "telegram-preview")["newest"] == 55


def test_failed_run_continues_where_it_stopped(local_store: Store, server: TestServer) -> None:
    sid = local_store.add_source("telegram", "@shaky")
    chan = Channel("shaky", "Shaky", plain_posts(1, 70))
    chan.fail_before = {31}
    url = chan.serve(server)
    with pytest.raises(HTTPStatusError):
        run(local_store, url, sid)
    assert local_store.count_documents(sid) == 40  # what was parsed before the failure stays
    chan.fail_before = set()
    server.seen.clear()
    run(local_store, url, sid)
    assert local_store.count_documents(sid) == 70
    assert chan.befores(server) == ["", "31", "11"]


@pytest.mark.parametrize(
    ("target", "base", "name"),
    [
        ("https://t.me/s/Some_Channel", "https://t.me", "Some_Channel"),
        ("https://t.me/somechannel", "https://t.me", "somechannel"),
        ("t.me/somechannel", "https://t.me", "somechannel"),
        ("t.me/s/somechannel", "https://t.me", "somechannel"),
        ("@somechannel", "https://t.me", "somechannel"),
        ("http://127.0.0.1:8080/s/somechannel", "http://127.0.0.1:8080", "somechannel"),
    ],
)
def test_target_forms(target: str, base: str, name: str) -> None:
    tgt = parse_target(target)
    assert (tgt.base, tgt.name) == (base, name)


def test_bad_targets_refused_in_one_line() -> None:
    for bad in ("@a/../../etc", "https://t.me/", "@x y", "javascript:alert(1)"):
        with pytest.raises(UserError) as err:
            parse_target(bad)
        assert "\n" not in str(err.value)


def test_views_forms() -> None:
    assert [parse_views(v) for v in ("987", "1.2K", "15K", "3.4M", "", "lots")] == [
        987,
        1200,
        15000,
        3_400_000,
        None,
        None,
    ]


def test_channel_without_public_posts_is_a_clear_error(
    local_store: Store, server: TestServer
) -> None:
    from marsad.core.errors import InputError

    url = Channel("private_one", "", []).serve(server)
    with pytest.raises(InputError, match="no public posts") as err:
        run(local_store, url)
    assert "\n" not in str(err.value)
