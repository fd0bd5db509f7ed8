"""Alembic environment: the engine is handed in by marsad.store.db.migrate."""

from __future__ import annotations

from alembic import context

from marsad.store.tables import metadata

config = context.config
engine = config.attributes.get("engine")


def run() -> None:
    if engine is None:  # pragma: no cover - only for `alembic` invoked by hand
        from sqlalchemy import create_engine

        url = config.get_main_option("sqlalchemy.url") or "sqlite:///marsad-dev.db"
        connectable = create_engine(url)
    else:
        connectable = engine
    with connectable.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=metadata,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()


run()
