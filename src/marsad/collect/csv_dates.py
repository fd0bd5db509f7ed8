"""Robust, fast date reading for tabular inputs.

Explicit formats are tried first (cheap ``strptime``); only what none of them reads goes
to ``dateparser``. Results are cached per raw string: scraped tables repeat dates a lot.
"""

from __future__ import annotations

import warnings
from datetime import UTC, datetime, timezone
from functools import lru_cache

DAYFIRST_FORMATS = ("%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y", "%d-%m-%Y")
MONTHFIRST_FORMATS = ("%m/%d/%Y", "%m/%d/%y", "%m.%d.%Y", "%m-%d-%Y")
TIMED_SUFFIXES = (" %H:%M:%S", " %H:%M")
ZONED_SUFFIXES = (" UTC%z", " GMT%z", " %z", "")
MAX_DATE_CHARS = 100


class DateReader:
    """Parse one cell into ``(datetime | None, has_time)``.

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
        self.languages = list(languages)
        self.tz = tz
        dates = DAYFIRST_FORMATS if dayfirst else MONTHFIRST_FORMATS
        timed = [d + t + z for d in dates for t in TIMED_SUFFIXES for z in ZONED_SUFFIXES]
        self.formats: tuple[tuple[str, bool], ...] = (
            *((f, False) for f in dates),
            *((f, True) for f in timed),
        )
        self.parse = lru_cache(maxsize=8192)(self._parse)

    def _parse(self, raw: str) -> tuple[datetime | None, bool]:
        value = " ".join(raw.split())
        if not value:
            return None, False
        if len(value) > MAX_DATE_CHARS:
            raise ValueError(f"date too long to be a date: {value[:40]!r}…")
        try:
            parsed = datetime.fromisoformat(value)
            return self._zoned(parsed), "T" in value or " " in value
        except ValueError:
            pass
        for fmt, has_time in self.formats:
            try:
                return self._zoned(datetime.strptime(value, fmt)), has_time
            except ValueError:
                continue
        return self._fallback(value)

    def _fallback(self, value: str) -> tuple[datetime | None, bool]:
        import dateparser

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = dateparser.parse(
                value,
                languages=self.languages,
                settings={
                    "DATE_ORDER": "DMY" if self.dayfirst else "MDY",
                    "PREFER_DAY_OF_MONTH": "first",
                    "RETURN_AS_TIMEZONE_AWARE": False,
                },
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
