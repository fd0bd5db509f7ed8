"""Shared fixtures: real SQLite and real PostgreSQL stores, the CI no-skip rule."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from marsad.core.settings import Settings
from marsad.store import Store

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
PG_URL = os.environ.get(
    "MARSAD_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/marsad_test"
)
SHARED_DATA = Path(
    os.environ.get("MARSAD_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data")
)


def unavailable(reason: str) -> None:
    """Skip a test whose real peer is missing, except under CI where that is a failure."""
    if IN_CI:
        pytest.fail(f"required under CI but unavailable: {reason}")
    pytest.skip(reason)


def shared_data(*parts: str) -> Path:
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        unavailable(f"shared data missing: {path}")
    return path


def _pg_reachable() -> str | None:
    try:
        eng = create_engine(PG_URL)
        with eng.connect() as conn:
            conn.execute(text("SELECT 1"))
        eng.dispose()
        return None
    except Exception as exc:  # any driver error means unreachable
        return f"PostgreSQL not reachable at {PG_URL}: {type(exc).__name__}"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "marsad-home"


def make_settings(home: Path, database_url: str = "", **overrides: object) -> Settings:
    env = {"MARSAD_HOME": str(home)}
    if database_url:
        env["MARSAD_DATABASE_URL"] = database_url
    return Settings.from_env(env, **overrides)


@pytest.fixture
def sqlite_store(home: Path) -> Iterator[Store]:
    store = Store.open(make_settings(home))
    yield store
    store.close()


@pytest.fixture
def pg_schema_url() -> Iterator[str]:
    """A fresh PostgreSQL schema per test, dropped afterwards."""
    reason = _pg_reachable()
    if reason:
        unavailable(reason)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, home: Path) -> Iterator[Store]:
    """The contract fixture: every test using it runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        s = Store.open(make_settings(home))
    else:
        url = request.getfixturevalue("pg_schema_url")
        s = Store.open(make_settings(home, url))
    yield s
    s.close()
