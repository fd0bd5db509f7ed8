"""Cleaning of hostile values at the store boundary."""

from __future__ import annotations

_CTRL = {c: None for c in range(32) if c not in (9, 10, 13)}
_CTRL[0x7F] = None


def clean_text(value: str | None, max_bytes: int) -> tuple[str, bool]:
    """Remove NUL and other C0 controls (PostgreSQL rejects NUL) and cap the size.

    Returns the cleaned text and whether it was truncated.
    """
    if not value:
        return "", False
    text = value.translate(_CTRL) if not value.isprintable() else value
    # lone surrogates from hostile JSON cannot be encoded: replace them
    try:
        encoded = text.encode("utf-8")
    except UnicodeEncodeError:
        encoded = text.encode("utf-8", "replace")
        text = encoded.decode("utf-8")
    if len(encoded) <= max_bytes:
        return text, False
    return encoded[:max_bytes].decode("utf-8", "ignore"), True


def clean_short(value: str | None, limit: int = 512) -> str:
    text, _ = clean_text(value, limit * 4)
    return text[:limit]
