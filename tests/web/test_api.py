"""The REST API: JSON shapes, filters, creation and errors."""

from __future__ import annotations

from typing import get_args

from fastapi.testclient import TestClient

from marsad.core.records import RELIABILITY_GRADES, SOURCE_TYPES
from marsad.web.schemas import Grade, SourceTypeName
from tests.web.corpus import AR_EDITED, AR_TEXT, Corpus


def test_documents_listing_shape_and_paging(client: TestClient, corpus: Corpus) -> None:
    body = client.get("/api/documents?limit=10&offset=60").json()
    assert (body["total"], body["offset"], body["limit"]) == (64, 60, 10)
    assert len(body["documents"]) == 4
    first = client.get("/api/documents?language=ar&order=oldest").json()
    assert [d["id"] for d in first["documents"]] == [corpus.docs["ar"], corpus.docs["reply"]]
    doc = first["documents"][0]
    assert doc["text"] == AR_EDITED and doc["published_at"] == "2021-10-20T09:00:00Z"
    assert doc["source"] == {
        "id": corpus.origin,
        "platform": "telegram",
        "handle": "@central_media",
        "name": "الإعلام الحربي المركزي",
    }
    assert doc["version_count"] == 2 and doc["evidence_sha256"] == corpus.evidence_edit
    dated = client.get("/api/documents?from=2021-10-14&to=2021-10-14").json()
    assert [d["id"] for d in dated["documents"]] == [corpus.docs["en"]]


def test_document_full(client: TestClient, corpus: Corpus) -> None:
    doc = client.get(f"/api/documents/{corpus.docs['ar']}").json()
    assert [v["text"] for v in doc["versions"]] == [AR_TEXT, AR_EDITED]
    kinds = [m["kind"] for m in doc["media"]]
    assert kinds == ["photo", "file", "video_file", "photo", "webpage"]
    assert doc["media"][4]["meta"]["url"] == "https://news.example.org/a"
    assert doc["media"][2]["sha256"] is None and "not included" in doc["media"][2]["note"]
    assert doc["replies"] == [corpus.docs["reply"]]
    assert doc["evidence"]["sha256"] == corpus.evidence_edit
    assert doc["evidence"]["collector"] == "telegram_export"
    assert doc["evidence"]["captured_at"].endswith("Z")
    fwd = client.get(f"/api/documents/{corpus.docs['fwd']}").json()
    assert fwd["forward_of_doc"] == corpus.docs["en"]
    en = client.get(f"/api/documents/{corpus.docs['en']}").json()
    assert fwd["id"] in en["forwarded_by"]
    assert {e["type"] for e in en["entities"]} == {"hashtag", "text_link"}


def test_sources_and_runs(client: TestClient, corpus: Corpus) -> None:
    sources = client.get("/api/sources").json()
    assert [(s["handle"], s["document_count"]) for s in sources] == [
        ("@central_media", 3),
        ("@copier", 61),
    ]
    one = client.get(f"/api/sources/{corpus.origin}").json()
    assert "telegram:id:42" in one["keys"]
    assert [(h["grade"], h["previous"], h["decided_by"]) for h in one["reliability_history"]] == [
        ("C", None, "system"),
        ("B", "C", "analyst1"),
    ]
    runs = client.get("/api/runs").json()
    assert runs[0]["id"] == corpus.run and runs[0]["status"] == "partial"
    assert runs[0]["errors"] == 1 and runs[0]["started_at"].endswith("Z")


def test_create_source(fresh_client: TestClient) -> None:
    client = fresh_client
    new = {
        "platform": "telegram",
        "handle": "@sabereen",
        "name": "صابرين نيوز",
        "source_type": "affiliated",
        "reliability": "D",
        "aliases": ["Sabereen News"],
    }
    r = client.post("/api/sources", json=new)
    assert r.status_code == 201
    created = r.json()
    assert r.headers["location"] == f"/api/sources/{created['id']}"
    assert created["reliability_history"][0]["grade"] == "D"
    assert client.get(f"/api/sources/{created['id']}").json()["name"] == "صابرين نيوز"
    again = client.post("/api/sources", json=new)
    assert again.status_code == 400 and "already exists" in again.json()["error"]
    bad = client.post("/api/sources", json={**new, "handle": "@b", "reliability": "Z"})
    assert bad.status_code == 400 and "reliability" in bad.json()["error"]
    extra = client.post("/api/sources", json={**new, "handle": "@c", "id": 1})
    assert extra.status_code == 400
    form = client.post("/api/sources", data={"platform": "telegram", "handle": "@d"})
    assert form.status_code == 400
    assert [s["handle"] for s in client.get("/api/sources").json()].count("@sabereen") == 1


def test_evidence(client: TestClient, corpus: Corpus) -> None:
    ev = client.get(f"/api/evidence/{corpus.evidence}").json()
    assert ev["sha256"] == corpus.evidence and ev["size"] == 16
    assert ev["raw_url"] == f"/evidence/{corpus.evidence}/raw"
    assert ev["captures"][0]["origin"] == "export/result.json"


def test_errors_are_json(client: TestClient) -> None:
    for path, status in (
        ("/api/documents/0", 404),
        ("/api/documents/abc", 404),
        ("/api/sources/77777", 404),
        ("/api/evidence/zz", 404),
        ("/api/documents?from=abc", 400),
        ("/api/documents?limit=100000", 400),
        ("/api/documents?offset=-1", 400),
        ("/api/runs?limit=x", 400),
        ("/api/nothing", 404),
    ):
        r = client.get(path)
        assert r.status_code == status, path
        assert set(r.json()) == {"error"} and "Traceback" not in r.text


def test_openapi_and_local_docs(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    assert {"/api/documents", "/api/documents/{doc_id}", "/api/sources", "/api/runs"} <= set(paths)
    ok = paths["/api/documents/{doc_id}"]["get"]["responses"]["200"]
    assert ok["content"]["application/json"]["schema"]["$ref"].endswith("/DocumentFull")
    assert "post" in paths["/api/sources"]
    assert not any(p.startswith("/documents") for p in paths)  # pages stay out of the API
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "/api/sources" in docs.text
    assert "cdn" not in docs.text.lower() and "swagger" not in docs.text.lower()
    assert client.get("/docs").status_code == 404 and client.get("/redoc").status_code == 404


def test_api_enums_follow_the_core_records() -> None:
    assert set(get_args(Grade)) == set(RELIABILITY_GRADES)
    assert set(get_args(SourceTypeName)) == set(SOURCE_TYPES)


def test_oversized_body_is_refused(fresh_client: TestClient) -> None:
    huge = {"platform": "telegram", "handle": "@big", "description": "x" * 2_000_000}
    r = fresh_client.post("/api/sources", json=huge)
    assert r.status_code == 413 and r.json() == {"error": "request body too large"}
    assert r.headers["x-content-type-options"] == "nosniff"
    chunks = iter([b'{"platform": "telegram", ' + b" " * 700_000, b" " * 700_000 + b"}"])
    streamed = fresh_client.post(
        "/api/sources", content=chunks, headers={"content-type": "application/json"}
    )
    assert streamed.status_code == 413  # no Content-Length: counted as it arrives
    assert fresh_client.get("/api/sources").json() == []
