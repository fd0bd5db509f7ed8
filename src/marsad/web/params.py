"""Parsing of query parameters shared by the pages and the API.

Every value arrives as an untrusted string (HTML forms send empty fields); a value that
cannot be used raises :class:`~marsad.core.errors.InputError`, which the app turns into
a 400 answer with one clear line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from marsad.core.errors import InputError, NotFound
from marsad.core.ids import is_sha256
from marsad.store import DocumentFilter

MAX_PAGE = 100_000
PER_PAGE_CHOICES = (20, 50, 100, 200)
DEFAULT_PER_PAGE = 50
KINDS = ("post", "service", "article", "comment")
ORDERS = ("newest", "oldest")
_MAX_ID = 2**62


def parse_id(value: str, what: str = "document") -> int:
    """A positive database id from a path segment; anything else is 'not found'."""
    if not value.isdigit() or len(value) > 18 or int(value) <= 0 or int(value) > _MAX_ID:
        raise NotFound(f"no {what} {value[:40]!r}")
    return int(value)


def parse_sha256(value: str) -> str:
    """A lowercase hex SHA-256 from a path segment; anything else is 'not found'."""
    digest = value.strip().lower()
    if not is_sha256(digest):
        raise NotFound(f"not a SHA-256 digest: {value[:80]!r}")
    return digest


def parse_int(value: str | None, name: str, *, lo: int, hi: int, default: int) -> int:
    """An integer query parameter within ``[lo, hi]``; empty means ``default``."""
    if value is None or not value.strip():
        return default
    text = value.strip()
    if not text.lstrip("-").isdigit() or len(text) > 12:
        raise InputError(f"{name} must be a whole number, not {value[:40]!r}")
    number = int(text)
    if not lo <= number <= hi:
        raise InputError(f"{name} must be between {lo} and {hi}, not {number}")
    return number


def parse_day(value: str | None, name: str, *, end: bool = False) -> datetime | None:
    """An ISO date (``2021-10-14``) or datetime; a bare date covers the whole UTC day."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            return datetime.combine(day, time.max if end else time.min, tzinfo=UTC)
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise InputError(f"{name} must be a date like 2021-10-14, not {text[:40]!r}") from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _choice(value: str | None, name: str, choices: tuple[str, ...], default: str) -> str:
    if value is None or not value.strip():
        return default
    if value not in choices:
        raise InputError(f"{name} must be one of {', '.join(choices)}, not {value[:40]!r}")
    return value


def _language(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    text = value.strip().lower()
    if len(text) > 16 or not all(c.isalnum() or c == "-" for c in text):
        raise InputError(f"language must be a code like ar or en, not {value[:40]!r}")
    return text


@dataclass(frozen=True)
class DocumentQuery:
    """The filters of a document listing, validated, plus its page."""

    source_id: int | None = None
    language: str | None = None
    kind: str | None = None
    date_from: datetime | None = None
    date_to: datetime | None = None
    order: str = "newest"
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    offset: int = 0  # rows skipped: (page - 1) * per_page, or the API's own offset

    def to_filter(self) -> DocumentFilter:
        """The store filter for this query."""
        return DocumentFilter(
            source_id=self.source_id,
            lang=self.language,
            kind=self.kind,
            date_from=self.date_from,
            date_to=self.date_to,
            order=self.order,
            limit=self.per_page,
            offset=self.offset,
        )


def document_query(
    *,
    source: str | None = None,
    language: str | None = None,
    kind: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    order: str | None = None,
    page: str | None = None,
    per_page: str | None = None,
) -> DocumentQuery:
    """Validate the raw query values of a document listing.

    Raises:
        InputError: A value is malformed or out of range.
    """
    start = parse_day(date_from, "from")
    end = parse_day(date_to, "to", end=True)
    if start and end and start > end:
        raise InputError("the 'from' date is after the 'to' date")
    number = parse_int(page, "page", lo=1, hi=MAX_PAGE, default=1)
    size = parse_int(per_page, "per_page", lo=1, hi=max(PER_PAGE_CHOICES), default=DEFAULT_PER_PAGE)
    return DocumentQuery(
        source_id=parse_int(source, "source", lo=1, hi=_MAX_ID, default=0) or None,
        language=_language(language),
        kind=_choice(kind, "kind", KINDS, "") or None,
        date_from=start,
        date_to=end,
        order=_choice(order, "order", ORDERS, "newest"),
        page=number,
        per_page=size,
        offset=(number - 1) * size,
    )
