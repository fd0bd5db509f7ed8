"""Security of the reading room: headers everywhere, bytes never rendered, escaping."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from marsad.store import Store
from marsad.store.reading import media_counts
from marsad.web.app import create_app
from marsad.web.security import CSP
from tests.web.corpus import FAKE_JPEG, Corpus, tiny_png
from tests.web.dom import by_id, parse

EXPECTED = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


def _media_ids(store: Store, corpus: Corpus) -> dict[str, int]:
    doc = store.get_document(corpus.docs["ar"])
    ids: dict[str, int] = {}
    for m in doc.media:
        ids.setdefault(m.kind, m.id)
    return ids


def test_csp_is_the_strict_policy() -> None:
    assert CSP == (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    )


@pytest.mark.parametrize(
    "path",
    [
        "/documents",
        "/documents/1",
        "/sources",
        "/runs",
        "/api/documents",
        "/api/docs",
        "/documents/424242",
        "/documents?from=abc",
        "/api/documents/9999",
        "/static/marsad.css",
        "/no-such-page",
    ],
)
def test_security_headers_on_every_answer(client: TestClient, path: str) -> None:
    r = client.get(path)
    for name, value in EXPECTED.items():
        assert r.headers.get(name) == value, (path, name)


def test_no_inline_script_or_style_and_no_remote_assets(client: TestClient, corpus: Corpus) -> None:
    for path in (
        "/documents",
        f"/documents/{corpus.docs['ar']}",
        f"/sources/{corpus.origin}",
        "/runs",
        "/api/docs",
        "/sources",
        f"/evidence/{corpus.evidence}",
    ):
        page = client.get(path).text
        tree = parse(page)
        title = tree.findtext(".//title")
        assert title and len(title) < 120 and "\n" not in title.strip(), (path, title)
        assert all(s.get("src", "").startswith("/static/") for s in tree.xpath("//script"))
        assert not tree.xpath("//style") and not tree.xpath("//*[@style]")
        assert not tree.xpath("//*[@onload or @onerror or @onclick]")
        for attr in tree.xpath("//@src | //link/@href"):
            assert attr.startswith("/"), (path, attr)


def test_evidence_raw_is_a_download(client: TestClient, corpus: Corpus) -> None:
    r = client.get(f"/evidence/{corpus.evidence}/raw")
    assert r.status_code == 200 and r.content == b'{"messages": []}'
    assert r.headers["content-type"] == "application/octet-stream"
    assert r.headers["content-disposition"].startswith("attachment")
    assert r.headers["x-content-type-options"] == "nosniff"
    # even bytes that are HTML go out as an attachment
    r = client.get(f"/evidence/{corpus.fake_jpeg}/raw")
    assert r.content == FAKE_JPEG and r.headers["content-type"] == "application/octet-stream"
    assert r.headers["content-disposition"].startswith("attachment")


def test_evidence_unknown_or_malformed(client: TestClient) -> None:
    assert client.get("/evidence/" + "0" * 64).status_code == 404
    assert client.get("/evidence/" + "0" * 64 + "/raw").status_code == 404
    assert client.get("/evidence/../../etc/passwd/raw").status_code == 404
    assert client.get("/evidence/%2e%2e%2f%2e%2e%2fetc%2fpasswd/raw").status_code == 404
    assert client.get("/evidence/abc").status_code == 404


def test_evidence_page_shows_captures(client: TestClient, corpus: Corpus) -> None:
    page = client.get(f"/evidence/{corpus.evidence}").text
    assert corpus.evidence in page and "export/result.json" in page
    assert "telegram_export 1.2" in page and "16 B" in page
    citing = by_id(parse(page), "citing").xpath(".//a[@class='docrow-link']/@href")
    assert (
        f"/documents/{corpus.docs['en']}" in citing and len(citing) == 64
    )  # incl. the edited post (version 1)
    png = parse(client.get(f"/evidence/{corpus.png}").text)  # a media file
    assert by_id(png, "citing").xpath(".//a/@href")[-1] == f"/documents/{corpus.docs['ar']}"


def test_media_image_inline_only_when_magic_agrees(
    client: TestClient, web_store: Store, corpus: Corpus
) -> None:
    ids = _media_ids(web_store, corpus)
    png = client.get(f"/media/{ids['photo']}")
    assert png.status_code == 200 and png.content == tiny_png(96, 64)
    assert png.headers["content-type"] == "image/png"
    assert png.headers["content-security-policy"] == "default-src 'none'"
    assert png.headers["x-content-type-options"] == "nosniff"
    assert "attachment" not in png.headers.get("content-disposition", "")
    fake = client.get(f"/media/{ids['file']}")  # HTML labelled image/jpeg
    assert fake.status_code == 200 and fake.content == FAKE_JPEG
    assert fake.headers["content-type"] == "application/octet-stream"
    assert fake.headers["content-disposition"].startswith("attachment")
    assert client.get(f"/media/{ids['video_file']}").status_code == 404  # not included
    assert client.get("/media/987654").status_code == 404
    forced = client.get(f"/media/{ids['photo']}?download=1")
    assert forced.headers["content-disposition"].startswith("attachment")


def test_media_counts(web_store: Store, corpus: Corpus) -> None:
    counts = media_counts(web_store.engine, list(corpus.docs.values()))
    assert counts == {corpus.docs["ar"]: 5}


def test_hostile_fields_are_escaped(sqlite_store: Store) -> None:
    from tests.browser.hostile import HOSTILE, fill_hostile

    ids = fill_hostile(sqlite_store)
    with TestClient(create_app(sqlite_store)) as client:
        for path in (
            "/documents",
            f"/documents/{ids['doc']}",
            f"/sources/{ids['source']}",
            "/sources",
        ):
            page = client.get(path).text
            tree = parse(page)
            assert "<script>window.__pwned" not in page
            assert not tree.xpath("//script[not(@src)]") and not tree.xpath("//svg | //iframe")
            assert not tree.xpath("//*[@onerror or @onload]")
            assert not tree.xpath("//a[starts-with(normalize-space(@href), 'javascript')]")
        doc = parse(client.get(f"/documents/{ids['doc']}").text)
        assert by_id(doc, "doc-text").text_content() == HOSTILE["text"]


def test_crash_becomes_plain_500_with_headers(sqlite_store: Store) -> None:
    app = create_app(sqlite_store)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret internals")

    @app.get("/api/boom")
    def api_boom() -> None:
        raise RuntimeError("secret internals")

    with TestClient(app, raise_server_exceptions=False) as client:
        r = client.get("/boom")
        assert r.status_code == 500 and "secret" not in r.text and "Traceback" not in r.text
        assert r.headers["x-frame-options"] == "DENY"
        assert client.get("/api/boom").json() == {
            "error": "internal error; the details are in the server log"
        }
