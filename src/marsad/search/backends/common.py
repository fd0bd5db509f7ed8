"""Helpers both backends use when indexing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, select

from marsad.store import tables as t
from marsad.text.lang import detect_lang

__all__ = ["fill_rows", "meta_tokens"]


def fill_rows(conn: Connection, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Complete rows that lack ``source_id`` (edits) from the documents table."""
    missing = [int(r["id"]) for r in rows if r.get("source_id") is None]
    if not missing:
        return list(rows)
    q = select(t.documents.c.id, t.documents.c.source_id).where(t.documents.c.id.in_(missing))
    found = {int(i): int(s) for i, s in conn.execute(q).all()}
    return [
        r if r.get("source_id") is not None else {**r, "source_id": found.get(int(r["id"]))}
        for r in rows
    ]


def meta_tokens(row: dict[str, Any]) -> list[str]:
    """Filter tokens of a document: its source and language (detected when not given)."""
    out = []
    if row.get("source_id") is not None:
        out.append(f"src{int(row['source_id'])}")
    lang = (row.get("lang") or "").strip().lower() or detect_lang(row.get("text") or "")
    if lang.isascii() and lang.isalpha():
        out.append(f"lang{lang}")
    return out
