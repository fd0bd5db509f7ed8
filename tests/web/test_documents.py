"""The documents list and the document page, as an analyst reads them."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from marsad.store import Store
from marsad.web.format import iso
from tests.web.corpus import AR_EDITED, AR_TEXT, EN_TEXT, Corpus
from tests.web.dom import by_class, by_id, parse


def _rows(page: str) -> list[str]:
    return [" ".join(li.text_content().split()) for li in by_class(parse(page), "docrow", "li")]


def _doc_ids(page: str) -> list[int]:
    return [int(x) for x in re.findall(r'class="docrow-link" href="/documents/(\d+)"', page)]


def _first_media(tree: object) -> str:
    href = by_id(tree, "media").xpath(".//a[@class='media-thumb']/@href")[0]
    return str(href).rsplit("/", 1)[-1]


def test_home_redirects_to_documents(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 307 and r.headers["location"] == "/documents"


def test_list_paginates_with_total(client: TestClient) -> None:
    first = client.get("/documents")
    assert first.status_code == 200
    assert "64 documents" in first.text
    assert len(_rows(first.text)) == 50
    second = client.get("/documents?page=2")
    assert len(_rows(second.text)) == 14
    assert not set(_doc_ids(first.text)) & set(_doc_ids(second.text))
    assert 'href="/documents?page=2"' in first.text  # page link kept for the reader
    small = client.get("/documents?per_page=20&page=3")
    assert len(_rows(small.text)) == 20 and "showing 41–60" in small.text


def test_list_filters(client: TestClient, corpus: Corpus) -> None:
    arabic = client.get("/documents?language=ar")
    assert _doc_ids(arabic.text) == [corpus.docs["reply"], corpus.docs["ar"]]
    assert 'dir="rtl"' in arabic.text and 'lang="ar"' in arabic.text
    by_source = client.get(f"/documents?source={corpus.origin}&order=oldest")
    assert _doc_ids(by_source.text) == [corpus.docs["en"], corpus.docs["ar"], corpus.docs["reply"]]
    window = client.get("/documents?from=2021-10-14&to=2021-10-15")
    assert sorted(_doc_ids(window.text)) == sorted([corpus.docs["en"], corpus.docs["fwd"]])
    # empty form fields (as a browser submits them) mean "any"
    blank = client.get("/documents?source=&language=&kind=&from=&to=&order=newest")
    assert "64 documents" in blank.text
    assert "No documents match" in client.get("/documents?kind=article").text
    page = parse(
        client.get(f"/documents?source={corpus.origin}&order=oldest&page=2&per_page=2").text
    )
    api = by_id(page, "as-json").get("href")
    assert api == f"/api/documents?source={corpus.origin}&order=oldest&limit=2&offset=2"
    assert [d["id"] for d in client.get(api).json()["documents"]] == [corpus.docs["reply"]]


def test_list_row_shows_markers_and_source(client: TestClient, corpus: Corpus) -> None:
    rows = _rows(client.get(f"/documents?source={corpus.origin}").text)
    ar_row = next(r for r in rows if "Edited" in r)
    assert "Media · 5" in ar_row and "Edited · 2 versions" in ar_row
    assert "الإعلام الحربي المركزي" in ar_row and "AR" in ar_row
    fwd = _rows(client.get(f"/documents?source={corpus.copier}&language=en&to=2021-10-15").text)
    assert any("Forwarded" in r for r in fwd)


def test_document_page_text_evidence_and_versions(
    client: TestClient, web_store: Store, corpus: Corpus
) -> None:
    page = client.get(f"/documents/{corpus.docs['ar']}").text
    captured = web_store.evidence_info(corpus.evidence_edit)["captures"][0]["captured_at"]
    evidence = by_id(parse(page), "evidence").text_content()
    assert corpus.evidence_edit in evidence and iso(captured) in evidence
    tree = parse(page)
    body = by_id(tree, "doc-text")
    assert body.text_content() == AR_EDITED
    assert body.get("dir") == "rtl" and body.get("lang") == "ar"
    assert corpus.evidence_edit in page  # full evidence hash of the current text
    assert "2021-10-20T09:00:00Z" in page and "2021-10-20T11:00:00Z" in page
    assert "telegram_export 1.2" in page and "messages[100]" in page
    assert f'href="/evidence/{corpus.evidence_edit}/raw"' in page
    versions = by_class(tree, "version", "li")
    assert [v.get("id") for v in versions] == ["version-2", "version-1"]  # newest first
    assert by_class(versions[1], "version-text")[0].text_content() == AR_TEXT
    assert [i.text_content().strip() for i in versions[0].xpath(".//ins")] == ["وصواريخ"]
    assert corpus.evidence[:16] in versions[1].text_content()


def test_document_page_links_forward_and_reply(client: TestClient, corpus: Corpus) -> None:
    fwd = parse(client.get(f"/documents/{corpus.docs['fwd']}").text)
    assert by_id(fwd, "forward-origin").get("href") == f"/documents/{corpus.docs['en']}"
    origin = client.get(f"/documents/{corpus.docs['en']}").text
    assert f'href="/documents/{corpus.docs["fwd"]}"' in origin  # "forwarded by"
    reply = parse(client.get(f"/documents/{corpus.docs['reply']}").text)
    assert by_id(reply, "reply-to").get("href") == f"/documents/{corpus.docs['ar']}"
    extra = by_id(reply, "extra").text_content()
    assert '"latitude": 33.5' in extra and "<b>pin</b>" in extra  # shown as text
    parent = client.get(f"/documents/{corpus.docs['ar']}").text
    assert f'href="/documents/{corpus.docs["reply"]}"' in parent
    assert "15,300" in parent and "المكتب الإعلامي" in parent


def test_document_page_media_and_entities(client: TestClient, corpus: Corpus) -> None:
    tree = parse(client.get(f"/documents/{corpus.docs['ar']}").text)
    images = [img.get("src") for img in by_id(tree, "media").xpath(".//img")]
    assert images == [f"/media/{_first_media(tree)}"]  # the real PNG only
    # a photo known only by its remote URL and a link preview: links, never images
    media = by_id(tree, "media")
    remote = media.xpath(".//a[@href='https://cdn.example.org/file/photo.jpg']")
    assert remote and remote[0].get("rel") == "nofollow noopener noreferrer"
    assert media.xpath(".//a[@href='https://news.example.org/a']")
    assert "<b>Preview</b>" in media.text_content() and "javascript:1" in media.text_content()
    assert not media.xpath(".//a[starts-with(@href, 'javascript')]")
    assert corpus.fake_jpeg in by_id(tree, "media").text_content()
    assert "File not included" in by_id(tree, "media").text_content()
    en = parse(client.get(f"/documents/{corpus.docs['en']}").text)
    links = {a.text_content(): a for a in by_id(en, "entities").xpath(".//a")}
    assert set(links) == {"report"}
    assert links["report"].get("rel") == "nofollow noopener noreferrer"
    shown = by_id(en, "entities").text_content()
    assert "click" in shown and "#Tanf" in shown
    assert not en.xpath("//a[starts-with(@href, 'javascript')]")
    assert EN_TEXT in by_id(en, "doc-text").text_content()


def test_unknown_and_malformed(client: TestClient) -> None:
    assert client.get("/documents/999999").status_code == 404
    assert client.get("/documents/abc").status_code == 404
    assert client.get("/documents/99999999999999999999999").status_code == 404
    assert client.get("/no-such-page").status_code == 404
    for bad in ("from=abc", "to=2021-13-01", "page=0", "page=x", "order=sideways", "source=x"):
        r = client.get(f"/documents?{bad}")
        assert r.status_code == 400, bad
        assert "Traceback" not in r.text and "<h1>Error 400</h1>" in r.text
    r = client.get("/documents?from=2022-01-01&to=2021-01-01")
    assert r.status_code == 400 and "after" in r.text
