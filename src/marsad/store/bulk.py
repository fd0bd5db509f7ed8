"""The bulk-insert hot path of :meth:`marsad.store.Store.write_batch`.

SQLAlchemy's per-row parameter handling costs more than SQLite itself when a million
posts are ingested. For SQLite the statement is compiled once per column set and the rows
go to the driver's ``executemany`` as tuples, converted by the same bind processors
SQLAlchemy would use (so stored values are identical). PostgreSQL keeps the ordinary
SQLAlchemy path, whose ``insertmanyvalues`` batching is already fast there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql, sqlite

from marsad.store.clean import clean_short

_Step = tuple[str, Callable[[Any], Any] | None, bool]  # column key, processor, skip for None
_Plan = tuple[str, tuple[_Step, ...]]
_PLANS: dict[tuple[str, tuple[str, ...]], _Plan] = {}


def short(value: str | None, limit: int) -> str:
    """:func:`clean_short` with a fast path for the common already-clean short value."""
    if not value:
        return ""
    if len(value) <= limit and value.isprintable():
        return value
    return clean_short(value, limit)


def insert_ignore(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert rows, skipping those that collide with a unique key.

    All rows must have the same keys (as the store's row builders produce).
    """
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        conn.execute(postgresql.insert(table).on_conflict_do_nothing(), list(rows))
        return
    sql, plan = _plan(conn, table, tuple(rows[0]))
    # a processor is skipped for None unless its type turns None into a value (JSON null)
    params = [
        tuple(
            v if p is None or (v is None and skip) else p(v)
            for k, p, skip in plan
            for v in (row[k],)
        )
        for row in rows
    ]
    conn.exec_driver_sql(sql, params)


def _plan(conn: Connection, table: Table, keys: tuple[str, ...]) -> _Plan:
    cache_key = (table.name, keys)
    plan = _PLANS.get(cache_key)
    if plan is None:
        dialect = conn.dialect
        compiled = (
            sqlite.insert(table).on_conflict_do_nothing().compile(dialect=dialect, column_keys=keys)
        )
        steps = []
        for key in compiled.positiontup or ():
            impl = table.c[key].type.dialect_impl(dialect)
            steps.append((key, impl.bind_processor(dialect), not impl.should_evaluate_none))
        plan = _PLANS[cache_key] = (str(compiled), tuple(steps))
    return plan
