"""Output helpers shared by CLI modules: JSON lines/objects, tables, one-line errors."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from marsad.core.errors import UserError

# markup off: post text, names and handles are hostile and must never become Rich markup
stdout = Console(soft_wrap=True, highlight=False, markup=False)
stderr = Console(stderr=True, highlight=False, markup=False)


def _default(obj: Any) -> Any:
    if isinstance(obj, datetime | date):
        return obj.isoformat()
    if isinstance(obj, set | tuple):
        return list(obj)
    raise TypeError(f"not JSON serialisable: {type(obj).__name__}")


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, default=_default, indent=2) + "\n")


def emit_jsonl(items: Sequence[Any]) -> None:
    for item in items:
        sys.stdout.write(json.dumps(item, ensure_ascii=False, default=_default) + "\n")


def table(columns: Sequence[str], rows: Sequence[Sequence[Any]], title: str | None = None) -> None:
    tbl = Table(title=title, show_lines=False)
    for col in columns:
        tbl.add_column(col, overflow="fold")
    for row in rows:
        tbl.add_row(*(Text("" if v is None else str(v)) for v in row))
    stdout.print(tbl)


def parse_when(value: str | None, *, end: bool = False) -> datetime | None:
    """Parse an ISO date or datetime; a bare date is the start (or end) of that UTC day."""
    if not value:
        return None
    try:
        if len(value) == 10:
            d = date.fromisoformat(value)
            return datetime.combine(d, time.max if end else time.min, tzinfo=UTC)
        dt = datetime.fromisoformat(value)
    except ValueError as exc:
        raise UserError(f"not an ISO date: {value!r} (use YYYY-MM-DD)") from exc
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def short(text: str, n: int = 80) -> str:
    one = " ".join(text.split())
    return one if len(one) <= n else one[: n - 1] + "…"
