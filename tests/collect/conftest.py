"""Fixtures for collector tests: a real local HTTP server and settings that may reach it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.core.settings import Settings
from marsad.store import Store
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
