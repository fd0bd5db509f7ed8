"""Fixtures for the web tests.

The corpus is read-only for most tests, so one filled SQLite store serves a whole test
module (``web_store``); each test still gets its own client (cookies do not leak).
Tests that write use ``sqlite_store`` or ``fresh_client`` instead.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from marsad.store import Store
from marsad.web.app import create_app
from tests.conftest import make_settings
from tests.web.corpus import Corpus, fill


@pytest.fixture(scope="module")
def web_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = Store.open(make_settings(tmp_path_factory.mktemp("web")))
    yield store
    store.close()


@pytest.fixture(scope="module")
def corpus(web_store: Store) -> Corpus:
    return fill(web_store)


@pytest.fixture
def client(web_store: Store, corpus: Corpus) -> Iterator[TestClient]:
    with TestClient(create_app(web_store), follow_redirects=False) as c:
        yield c


@pytest.fixture
def fresh_client(sqlite_store: Store) -> Iterator[TestClient]:
    """A client over an empty store of its own, for tests that write."""
    with TestClient(create_app(sqlite_store), follow_redirects=False) as c:
        yield c
