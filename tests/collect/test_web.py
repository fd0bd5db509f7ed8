"""Web articles: a saved HTML file and a URL on a real local server; hostile HTML."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from marsad.collect.web import WebArticleCollector
from marsad.pipeline.ingest import ingest
from marsad.store import Store
from tests.collect.conftest import docs_by_pid
from tests.httpserver import Reply, TestServer

FIXTURES = Path(__file__).parent / "fixtures"
CANONICAL = "https://news.example.org/ar/2024/04/12/field-report"


def test_saved_html_file_extracted(local_store: Store) -> None:
    result = ingest(local_store, str(FIXTURES / "article_ar.html"), collector=WebArticleCollector())
    assert result.counts.added == 1
    doc = docs_by_pid(local_store)[CANONICAL]
    assert doc.kind == "article" and doc.platform == "web"
    assert doc.title == "تقرير ميداني عن القصف في المدينة"
    assert doc.text.startswith("تقرير ميداني عن القصف في المدينة\nأفاد سكان محليون")
    assert "الطواقم الطبية" in doc.text
    assert "جميع الحقوق محفوظة" not in doc.text  # footer boilerplate left out
    assert "الرئيسية" not in doc.text  # navigation left out
    assert doc.published_at == datetime(2024, 4, 12, 11, 35, tzinfo=UTC)
    assert (doc.author, doc.lang, doc.url) == ("سارة الخطيب", "ar", CANONICAL)
    src = local_store.get_source(doc.source_id)
    assert (src.platform, src.handle, src.name) == ("web", "news.example.org", "صحيفة الرصد")
    assert "web:news.example.org" in src.keys
    assert (
        local_store.archive.read(doc.evidence_sha256) == (FIXTURES / "article_ar.html").read_bytes()
    )
    assert doc.evidence["origin"] == "file:article_ar.html"


def test_article_by_url(local_store: Store, server: TestServer) -> None:
    page = (
        (FIXTURES / "article_ar.html")
        .read_bytes()
        .replace(
            b'<link rel="canonical" href="https://news.example.org/ar/2024/04/12/field-report">',
            b"",
        )
    )
    server.route("/ar/field-report", Reply(200, page, {"Content-Type": "text/html; charset=utf-8"}))
    server.route("/old-link", Reply(301, headers={"Location": "/ar/field-report"}))
    ingest(local_store, server.url("/old-link"), collector=WebArticleCollector())
    final = server.url("/ar/field-report")
    doc = docs_by_pid(local_store)[final]  # no canonical link: the final URL names it
    assert doc.url == final
    assert "المستشفى الرئيسي" in doc.text
    assert local_store.get_source(doc.source_id).handle == "127.0.0.1"


def test_hostile_html_stored_as_plain_text(local_store: Store, server: TestServer) -> None:
    body = (FIXTURES / "hostile.html").read_bytes()
    server.route("/claim", Reply(200, body, {"Content-Type": "text/html"}))
    ingest(local_store, server.url("/claim"), collector=WebArticleCollector())
    [doc] = docs_by_pid(local_store).values()
    assert doc.title == "Claimed strike on depot"
    assert "supply depot near the northern road junction" in doc.text
    assert "map of the area" in doc.text
    for stored in (doc.text, doc.title):
        lowered = stored.lower()
        for bad in ("<script", "alert(", "javascript:", "onerror", "onclick", "document.", "<"):
            assert bad not in lowered, bad
    # the evidence keeps the original bytes, hostile parts included
    assert b"<script>" in local_store.archive.read(doc.evidence_sha256)


def test_missing_file_is_one_line_error(local_store: Store, tmp_path: Path) -> None:
    import pytest

    from marsad.core.errors import InputError

    with pytest.raises(InputError) as err:
        ingest(local_store, str(tmp_path / "nope.html"), collector=WebArticleCollector())
    assert "nope.html" in str(err.value) and "\n" not in str(err.value)


def test_non_html_page_refused_but_archived(local_store: Store, server: TestServer) -> None:
    import pytest

    from marsad.core.errors import InputError

    server.route("/blob", Reply(200, b"%PDF-1.7 binary", {"Content-Type": "application/pdf"}))
    with pytest.raises(InputError, match="not an HTML page"):
        ingest(local_store, server.url("/blob"), collector=WebArticleCollector())
    assert local_store.count_documents() == 0
    assert len(list(local_store.archive.iter_digests())) == 1
