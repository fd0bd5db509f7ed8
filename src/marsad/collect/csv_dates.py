"""Robust, fast date reading for tabular inputs.

Numeric day/month/year shapes (``29/02/2024``, ``13/10/23``, ``23.04.2024 16:11:34
UTC+03:00``) are read by one compiled pattern, ISO 8601 by ``datetime.fromisoformat``;
only what neither reads goes to ``dateparser`` (about 100 times slower). Results are
cached per raw string: scraped tables repeat dates a lot.
"""

from __future__ import annotations

import re
import warnings
from datetime import UTC, datetime, timedelta, timezone
from functools import lru_cache

MAX_DATE_CHARS = 100
NUMERIC_RE = re.compile(
    r"^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})"
    r"(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?"
    r"\s*(?:(?:UTC|GMT)?\s*([+-])(\d{1,2}):?(\d{2})|(Z|UTC|GMT))?$",
    re.IGNORECASE,
)


class DateReader:
    """Parse one cell into ``(datetime | None, has_time)``; raise ValueError if unreadable.

    Args:
        dayfirst: read ``01/02/2024`` as 1 February (True) or January 2 (False).
        tz: zone assumed for dates written without one.
        languages: languages ``dateparser`` tries for free-form dates (fewer is faster).
    """

    def __init__(
        self,
        *,
        dayfirst: bool = True,
        tz: timezone = UTC,
        languages: tuple[str, ...] = ("en", "ar"),
    ) -> None:
        self.dayfirst = dayfirst
        self.tz = tz
        self.languages = list(languages)
        self.parse = lru_cache(maxsize=8192)(self._parse)

    def _parse(self, raw: str) -> tuple[datetime | None, bool]:
        value = " ".join(raw.split())
        if not value:
            return None, False
        if len(value) > MAX_DATE_CHARS:
            raise ValueError(f"date too long to be a date: {value[:40]!r}…")
        m = NUMERIC_RE.match(value)
        if m:
            return self._numeric(m, value)
        try:
            parsed = datetime.fromisoformat(value)
            return self._zoned(parsed), "T" in value or " " in value
        except ValueError:
            pass
        return self._fallback(value)

    def _numeric(self, m: re.Match[str], value: str) -> tuple[datetime, bool]:
        first, second, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        day, month = (first, second) if self.dayfirst else (second, first)
        if len(m.group(4)) == 2:
            year += 2000 if year < 70 else 1900
        hour, minute, sec = (int(m.group(i) or 0) for i in (5, 6, 7))
        tz = self.tz
        if m.group(8):
            delta = timedelta(hours=int(m.group(9)), minutes=int(m.group(10)))
            tz = timezone(delta if m.group(8) == "+" else -delta)
        elif m.group(11):
            tz = UTC
        try:
            return datetime(year, month, day, hour, minute, sec, tzinfo=tz), m.group(5) is not None
        except ValueError as exc:
            raise ValueError(f"cannot read the date {value[:60]!r}: {exc}") from exc

    def _fallback(self, value: str) -> tuple[datetime | None, bool]:
        import dateparser

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = dateparser.parse(
                value,
                languages=self.languages,
                settings={"DATE_ORDER": "DMY" if self.dayfirst else "MDY"},
            )
        if parsed is None:
            raise ValueError(f"cannot read the date {value[:60]!r}")
        has_time = (parsed.hour, parsed.minute, parsed.second) != (0, 0, 0)
        return self._zoned(parsed), has_time

    def _zoned(self, value: datetime) -> datetime:
        return value if value.tzinfo else value.replace(tzinfo=self.tz)

    @staticmethod
    def to_utc(value: datetime | None) -> datetime | None:
        return value.astimezone(UTC) if value is not None else None
