"""The reading room over a real channel: 1,929 BBC Breaking posts (raw API objects)."""

from __future__ import annotations

import random

import pytest
from fastapi.testclient import TestClient

from marsad.pipeline.ingest import ingest
from marsad.store import DocumentFilter, Store
from marsad.web.app import create_app
from tests.conftest import shared_data
from tests.web.dom import by_id, parse

pytestmark = pytest.mark.realdata
SAMPLE = 40


def test_real_posts_render(sqlite_store: Store) -> None:
    path = shared_data("telegram", "bbcbreaking-2017", "bbcbreaking.messages.jsonl")
    result = ingest(sqlite_store, str(path), collector="telegram-api")
    docs, total = sqlite_store.list_documents(DocumentFilter(limit=1000))
    assert total == result.counts.added > 1000
    with TestClient(create_app(sqlite_store)) as client:
        listing = client.get("/documents?per_page=200&page=2")
        assert listing.status_code == 200 and f"{total:,} documents" in listing.text
        for doc in random.Random(7).sample(docs, SAMPLE):
            page = client.get(f"/documents/{doc.id}")
            assert page.status_code == 200, doc.id
            assert by_id(parse(page.text), "doc-text").text_content() in (doc.text, "(no text)")
            api = client.get(f"/api/documents/{doc.id}")
            assert api.status_code == 200 and api.json()["evidence"]["sha256"]
        assert client.get("/api/documents?limit=200&offset=1000").json()["total"] == total
        assert client.get("/runs").status_code == 200
        assert client.get("/sources").status_code == 200
