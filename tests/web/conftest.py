"""Fixtures for the web tests: a filled SQLite store and a client over the app."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from marsad.store import Store
from marsad.web.app import create_app
from tests.web.corpus import Corpus, fill


@pytest.fixture
def corpus(sqlite_store: Store) -> Corpus:
    return fill(sqlite_store)


@pytest.fixture
def client(sqlite_store: Store, corpus: Corpus) -> Iterator[TestClient]:
    with TestClient(create_app(sqlite_store), follow_redirects=False) as c:
        yield c
