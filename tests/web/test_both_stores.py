"""Every page and API route answers the same on SQLite and PostgreSQL."""

from __future__ import annotations

from fastapi.testclient import TestClient

from marsad.store import Store
from marsad.web.app import create_app
from tests.web.corpus import AR_EDITED, fill


def test_pages_on_both_stores(store: Store) -> None:
    corpus = fill(store)
    with TestClient(create_app(store)) as client:
        listing = client.get(f"/documents?source={corpus.origin}&from=2021-10-14&order=oldest")
        assert listing.status_code == 200 and "3 documents" in listing.text
        doc = client.get(f"/documents/{corpus.docs['ar']}")
        assert AR_EDITED in doc.text and corpus.evidence_edit in doc.text
        paths = [
            "/sources",
            f"/sources/{corpus.origin}",
            "/runs",
            f"/evidence/{corpus.evidence}",
            "/api/documents?language=ar",
            f"/api/documents/{corpus.docs['fwd']}",
            "/api/sources",
            "/api/runs",
            f"/api/evidence/{corpus.png}",
        ]
        for path in paths:
            assert client.get(path).status_code == 200, path
        api = client.get(f"/api/documents/{corpus.docs['fwd']}").json()
        assert api["forward_of_doc"] == corpus.docs["en"]
        assert api["published_at"] == "2021-10-15T09:00:00Z"
        runs = client.get("/api/runs").json()
        assert runs[0]["status"] == "partial" and runs[0]["started_at"].endswith("Z")
