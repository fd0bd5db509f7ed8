"""RSS and Atom feeds over a real local server: entries, conditional GET, articles."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from marsad.collect.feed import FeedCollector, html_to_text
from marsad.core.errors import InputError
from marsad.pipeline.ingest import ingest
from marsad.store import Store
from tests.collect.conftest import docs_by_pid
from tests.httpserver import Reply, Seen, TestServer

FIXTURES = Path(__file__).parent / "fixtures"


def serve_rss(server: TestServer) -> str:
    body = (FIXTURES / "feed_rss.xml").read_text().replace("{BASE}", server.url(""))

    def feed(req: Seen) -> Reply:
        if req.headers.get("if-none-match") == '"rss-v1"':
            return Reply(304)
        return Reply(
            200, body.encode(), {"Content-Type": "application/rss+xml", "ETag": '"rss-v1"'}
        )

    server.route("/feed.xml", feed)
    return server.url("/feed.xml")


def test_rss_entries_become_articles(local_store: Store, server: TestServer) -> None:
    url = serve_rss(server)
    result = ingest(local_store, url, collector=FeedCollector())
    assert result.counts.added == 2
    docs = docs_by_pid(local_store)
    first = docs[server.url("/ar/field-report")]  # the link names the entry
    second = docs["rasd-2024-0411-7"]  # no link: the guid does
    assert first.kind == "article" and first.platform == "web"
    assert first.title == "تقرير ميداني عن القصف في المدينة"
    assert first.text == (
        "أفاد سكان محليون بأن القصف استمر طوال الليل.\nوقال مسؤول\nإن الطواقم الطبية استقبلت الجرحى."
    )
    assert first.published_at == datetime(2024, 4, 12, 11, 35, tzinfo=UTC)
    assert (first.author, first.lang) == ("سارة الخطيب", "ar")
    assert first.locator == "entries[0]"
    assert second.title == "بيان مشترك حول المعابر"
    src = local_store.get_source(first.source_id)
    assert (src.platform, src.name, src.url) == (
        "rss",
        "صحيفة الرصد - آخر الأخبار",
        "https://news.example.org/ar/",
    )
    assert f"rss:{url}" in src.keys
    assert b"<rss" in local_store.archive.read(first.evidence_sha256)


def test_atom_entry(local_store: Store, server: TestServer) -> None:
    server.route("/atom.xml", Reply(200, (FIXTURES / "feed_atom.xml").read_bytes()))
    ingest(local_store, server.url("/atom.xml"), collector=FeedCollector())
    [doc] = docs_by_pid(local_store).values()
    assert doc.platform_id == "https://monitor.example.com/2024/05/ceasefire-talks"
    assert doc.text == "Delegations met again on Thursday.\nNo agreement was announced."
    assert doc.published_at == datetime(2024, 5, 2, 6, 30, tzinfo=UTC)
    assert (doc.author, doc.lang, doc.title) == ("J. Reporter", "en", "Ceasefire talks resume")


def test_conditional_get_second_run_adds_nothing(
    any_local_store: Store, server: TestServer
) -> None:
    store = any_local_store
    url = serve_rss(server)
    sid = store.add_source("rss", url)
    assert ingest(store, url, collector=FeedCollector(), source=sid).counts.added == 2
    again = ingest(store, url, collector=FeedCollector(), source=sid)
    assert (again.counts.seen, again.counts.added) == (0, 0)
    first, second = server.hits("/feed.xml")
    assert "if-none-match" not in first.headers
    assert second.headers["if-none-match"] == '"rss-v1"'
    assert store.count_documents(sid) == 2


def test_fetch_articles_archives_each_page(local_store: Store, server: TestServer) -> None:
    url = serve_rss(server)
    page = (FIXTURES / "article_ar.html").read_bytes()
    server.route("/ar/field-report", Reply(200, page, {"Content-Type": "text/html"}))
    result = ingest(local_store, url, collector=FeedCollector(), options={"fetch_articles": "1"})
    assert result.errors == 0
    doc = docs_by_pid(local_store)[server.url("/ar/field-report")]
    assert "المستشفى الرئيسي" in doc.text  # full article text, not the feed summary
    assert local_store.archive.read(doc.evidence_sha256) == page
    assert doc.extra is not None
    assert b"<rss" in local_store.archive.read(doc.extra["feed_evidence"])


def test_not_a_feed_is_one_line_error(local_store: Store, server: TestServer) -> None:
    server.route("/feed.xml", Reply(200, b"<html><body>hello</body></html>"))
    with pytest.raises(InputError, match="not an RSS or Atom feed"):
        ingest(local_store, server.url("/feed.xml"), collector=FeedCollector())


def test_html_to_text_drops_active_content() -> None:
    text = html_to_text('<p>One<script>bad()</script></p><ul><li>Two</li></ul><img onerror="x">')
    assert text == "One\nTwo"


def test_body_naming_a_local_file_is_not_read(
    local_store: Store, server: TestServer, tmp_path: Path
) -> None:
    secret = tmp_path / "secret-feed.xml"
    secret.write_bytes((FIXTURES / "feed_atom.xml").read_bytes())
    server.route("/feed.xml", Reply(200, str(secret).encode()))
    with pytest.raises(InputError, match="not an RSS or Atom feed"):
        ingest(local_store, server.url("/feed.xml"), collector=FeedCollector())
    assert local_store.count_documents() == 0


def test_saved_feed_file(local_store: Store) -> None:
    result = ingest(local_store, str(FIXTURES / "feed_atom.xml"), collector=FeedCollector())
    assert result.counts.added == 1
    [doc] = docs_by_pid(local_store).values()
    assert doc.evidence["origin"] == "file:feed_atom.xml"
    assert "rss:file:feed_atom.xml" in local_store.get_source(doc.source_id).keys
