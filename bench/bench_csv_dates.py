"""Speed of CSV date reading: ``python -m bench csv_dates``.

Reads every ``Date`` cell of the real IDF channel CSV (1,667 rows, mixed formats:
``29/02/2024``, ``13/10/23``, ``23.04.2024 16:11:34 UTC+03:00``, empty) with
:class:`marsad.collect.csv_dates.DateReader` (explicit formats first, cache per string),
beside the baseline measured in the same run: ``dateparser.parse`` on every cell, the
obvious robust approach. Both must agree on every date; the ratio is the speed-up.
"""

from __future__ import annotations

import csv
import sys
import time
import warnings
from datetime import UTC, datetime
from pathlib import Path

import dateparser

from marsad.collect.csv_dates import DateReader

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from eval.common import shared_data

SETTINGS = {"DATE_ORDER": "DMY"}


def cells() -> list[str]:
    path = shared_data("telegram", "idf-telegram-en", "Labeled_IDFNews_Gaza_war_till_23April.csv")
    with open(path, encoding="utf-8", newline="") as fh:
        return [row["Date"] for row in csv.DictReader(fh)]


def baseline(value: str) -> datetime | None:
    text = " ".join(value.split())
    if not text:
        return None
    parsed = dateparser.parse(text, languages=["en"], settings=SETTINGS)  # type: ignore[arg-type]
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def timed(fn, values: list[str]) -> tuple[float, list[datetime | None]]:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    out = [fn(v) for v in values]
    return time.perf_counter() - start, out


def main(argv: list[str]) -> int:
    values = cells()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        baseline("01/01/2024")  # load dateparser's data outside the timing
        base_s, base_out = timed(baseline, values)
    cold = DateReader()
    cold_s, cold_out = timed(lambda v: cold._parse(v)[0], values)  # no cache
    warm = DateReader()
    warm_s, warm_out = timed(lambda v: warm.parse(v)[0], values)  # cached per string
    agree = sum(
        1
        for a, b in zip(base_out, cold_out, strict=True)
        if (a and a.astimezone(UTC)) == (b and b.astimezone(UTC))
    )
    n = len(values)
    print(f"date cells of the IDF channel CSV: {n:,}")
    print(f"  baseline dateparser.parse   {n / base_s:12,.0f} cells/s")
    print(
        f"  DateReader, no cache        {n / cold_s:12,.0f} cells/s   ratio {base_s / cold_s:8.1f}x"
    )
    print(
        f"  DateReader, cached          {n / warm_s:12,.0f} cells/s   ratio {base_s / warm_s:8.1f}x"
    )
    print(f"  same result as baseline     {agree:,}/{n:,}")
    assert warm_out == cold_out
    return 0 if agree == n else 1
