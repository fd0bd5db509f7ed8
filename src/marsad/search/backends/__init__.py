"""Search backends: one per store dialect, same matches, same interface (:class:`Backend`)."""

from __future__ import annotations

from sqlalchemy import Engine

from marsad.search.backends.base import Backend, Page, SearchPlan

__all__ = ["Backend", "Page", "SearchPlan", "backend_for"]


def backend_for(engine: Engine) -> Backend:
    """Pick the backend for a store's engine (SQLite FTS5 or PostgreSQL tsvector)."""
    if engine.dialect.name == "postgresql":
        from marsad.search.backends.postgres import PostgresBackend

        return PostgresBackend()
    from marsad.search.backends.sqlite import SqliteBackend

    return SqliteBackend()
