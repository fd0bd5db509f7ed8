"""Fixtures for collector tests: a real local HTTP server and settings that may reach it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.core.settings import Settings
from marsad.store import Store
from marsad.store.repo import DocumentFilter
from marsad.store.rows import DocumentRow
from tests.conftest import make_settings
from tests.httpserver import TestServer


@pytest.fixture
def server() -> Iterator[TestServer]:
    srv = TestServer()
    yield srv
    srv.stop()


def local_settings(home: Path, database_url: str = "", **overrides: object) -> Settings:
    """Settings allowing 127.0.0.1, fast pacing and quick retries."""
    values: dict[str, object] = {
        "fetch_allow": ("127.0.0.1",),
        "fetch_rate": 1000.0,
        "fetch_retries": 2,
        "fetch_timeout": 5.0,
    }
    values.update(overrides)
    return make_settings(home, database_url, **values)


@pytest.fixture
def local_store(home: Path) -> Iterator[Store]:
    """A SQLite store whose fetcher may reach the local test server."""
    s = Store.open(local_settings(home))
    yield s
    s.close()


def docs_by_pid(store: Store, source_id: int | None = None) -> dict[str, DocumentRow]:
    """Every stored document (up to 1000), keyed by platform id, full detail."""
    rows, _total = store.list_documents(DocumentFilter(source_id=source_id, limit=1000))
    return {r.platform_id: store.get_document(r.id) for r in rows}


@pytest.fixture(params=["sqlite", "postgresql"])
def any_local_store(request: pytest.FixtureRequest, home: Path) -> Iterator[Store]:
    """Like the contract ``store`` fixture (SQLite and PostgreSQL), reaching 127.0.0.1."""
    url = "" if request.param == "sqlite" else request.getfixturevalue("pg_schema_url")
    s = Store.open(local_settings(home, url))
    yield s
    s.close()
