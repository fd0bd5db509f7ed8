"""Clocks and time helpers. All stored times are timezone-aware UTC."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)


def from_unix(ts: float | int | str) -> datetime:
    return datetime.fromtimestamp(float(ts), UTC)


def as_utc(value: datetime | None) -> datetime | None:
    """Attach UTC to a naive datetime (as SQLite returns them) or convert an aware one."""
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)
