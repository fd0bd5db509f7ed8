"""Posts from a CSV table (scraped channels, spreadsheets), with a column mapping.

The file is archived first (streamed), then read row by row; each row points at it with
the locator ``row <n>`` (1 = first data row). CSV rows name no channel, so ``--source``
is required.

Options:
    text, date, id, author, url, lang, title: the column holding each field (header name,
        case-insensitive). Defaults guess common names (text/message/content/body,
        date/time/published/datetime/timestamp, id, author, url/link, lang/language, title).
    dayfirst: ``1`` (default) reads ``01/02/2024`` as 1 February; ``0`` as January 2.
    leading_time: ``1`` (default) moves a time glued to the start of the text
        (``18:31Following ...``) into the time of day when the date has none.
    date_languages: languages tried for free-form dates, default ``en,ar``.
    tz: UTC offset (``+03:00``) for dates written without one; default UTC.
    delimiter: one character; default guessed from the header line.
    encoding: text encoding of the file (``utf-8-sig`` by default; e.g. ``cp1256``).

Without an id column, a row's id is a hash of its raw (date, text): identical rows
collapse into one document by design.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
from collections.abc import Iterator
from datetime import UTC, timedelta, timezone
from pathlib import Path
from typing import TextIO

from marsad.collect.base import CollectContext, Collector
from marsad.collect.csv_dates import DateReader
from marsad.core.errors import ConfigError, InputError
from marsad.core.records import DocumentRecord

FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "message", "content", "body"),
    "date": ("date", "time", "published", "datetime", "timestamp"),
    "id": ("id",),
    "author": ("author",),
    "url": ("url", "link"),
    "lang": ("lang", "language"),
    "title": ("title",),
}
LEADING_TIME_RE = re.compile(r"^\s*([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?\s*")
TZ_RE = re.compile(r"^([+-])(\d{2}):?(\d{2})$")
MAX_BAD_IN_A_ROW = 100


def map_columns(header: list[str], options: dict[str, str]) -> dict[str, int]:
    """Column index for each field, from options or guessed from the header."""
    lowered = [h.strip().lower() for h in header]
    out: dict[str, int] = {}
    for field, guesses in FIELDS.items():
        wanted = options.get(field, "").strip().lower()
        if wanted:
            if wanted not in lowered:
                raise ConfigError(
                    f"option {field}={options[field][:80]!r}: no such column; columns are "
                    + ", ".join(repr(h[:40]) for h in header[:30])
                )
            out[field] = lowered.index(wanted)
            continue
        for guess in guesses:
            if guess in lowered:
                out[field] = lowered.index(guess)
                break
    if "text" not in out:
        raise InputError("no text column found; name it with --option text=COLUMN")
    return out


def parse_tz(raw: str) -> timezone:
    if not raw or raw.upper() in {"UTC", "Z"}:
        return UTC
    m = TZ_RE.match(raw.strip())
    if not m:
        raise ConfigError(f"option tz must look like +03:00, not {raw[:40]!r}")
    delta = timedelta(hours=int(m.group(2)), minutes=int(m.group(3)))
    return timezone(delta if m.group(1) == "+" else -delta)


def _encoding(raw: str) -> str:
    try:
        return codecs.lookup(raw).name if raw != "utf-8-sig" else raw
    except LookupError as exc:
        raise ConfigError(f"option encoding: unknown encoding {raw[:40]!r}") from exc


def _languages(raw: str) -> tuple[str, ...]:
    langs = tuple(x.strip().lower() for x in raw.split(",") if x.strip())
    if not langs or not all(x.isalpha() and len(x) <= 3 for x in langs):
        raise ConfigError(f"option date_languages must look like en,ar, not {raw[:40]!r}")
    return langs


def row_id(date: str, text: str) -> str:
    return "row:" + hashlib.sha256(f"{date}\x1f{text}".encode()).hexdigest()[:32]


class CsvCollector(Collector):
    name = "csv"
    version = "1"
    platform = "csv"
    description = "A CSV table of posts, columns mapped with --option text=... date=..."
    targets = "PATH to a .csv file (needs --source)"

    def detect(self, target: str, path: Path | None, head: bytes) -> bool:
        return path is not None and path.suffix.lower() in {".csv", ".tsv"}

    def collect(self, target: str, ctx: CollectContext) -> Iterator[DocumentRecord]:
        if ctx.source is None:
            raise InputError("this input does not name its channel: give --source")
        csv.field_size_limit(max(ctx.settings.max_field_bytes, 131072))
        encoding = _encoding(ctx.options.get("encoding", "utf-8-sig"))
        if target.startswith(("http://", "https://")):
            res = ctx.fetcher.fetch(target, accept="text/csv, */*;q=0.5")
            ev = ctx.archive_bytes(res.body, origin=res.final_url, media_type="text/csv")
            stream: TextIO = io.StringIO(res.body.decode(encoding, errors="replace"))
        else:
            path = Path(target)
            try:
                ev = ctx.archive_file(path, origin=f"file:{path.name}", media_type="text/csv")
                stream = open(path, encoding=encoding, errors="replace", newline="")  # noqa: SIM115
            except OSError as exc:
                raise InputError(f"cannot read {path.name}: {exc.strerror}") from exc
        with stream:
            yield from self._rows(stream, ev.sha256, ctx)

    def _rows(self, stream: TextIO, evidence: str, ctx: CollectContext) -> Iterator[DocumentRecord]:
        reader = csv.reader(stream, dialect=_dialect(stream, ctx.options.get("delimiter", "")))
        header = next(reader, None)
        if not header:
            raise InputError("the CSV file is empty")
        cols = map_columns(header, ctx.options)
        dates = DateReader(
            dayfirst=ctx.options.get("dayfirst", "1") != "0",
            tz=parse_tz(ctx.options.get("tz", "")),
            languages=_languages(ctx.options.get("date_languages", "en,ar")),
        )
        leading = ctx.options.get("leading_time", "1") != "0"
        platform = ctx.source.platform if ctx.source and ctx.source.platform else "csv"
        bad = 0
        n = 0
        while True:
            n += 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                bad += 1
                ctx.error(f"row {n}", f"unreadable CSV row: {exc}")
                if bad >= MAX_BAD_IN_A_ROW:
                    raise InputError(
                        f"{bad} unreadable rows in a row; is this a CSV file?"
                    ) from exc
                continue
            bad = 0
            rec = self._record(row, n, cols, evidence, dates, leading, platform, ctx)
            if rec is not None:
                yield rec

    @staticmethod
    def _record(
        row: list[str],
        n: int,
        cols: dict[str, int],
        evidence: str,
        dates: DateReader,
        leading: bool,
        platform: str,
        ctx: CollectContext,
    ) -> DocumentRecord | None:
        def get(field: str) -> str:
            i = cols.get(field)
            return row[i] if i is not None and i < len(row) else ""

        raw_text, raw_date = get("text"), get("date")
        if not any(cell.strip() for cell in row):
            return None
        try:
            when, has_time = dates.parse(raw_date)
        except ValueError as exc:
            ctx.error(f"row {n}", str(exc))
            when, has_time = None, False
        text = raw_text.strip()
        if leading and when is not None and not has_time:
            m = LEADING_TIME_RE.match(text)
            if m:
                when = when.replace(
                    hour=int(m.group(1)), minute=int(m.group(2)), second=int(m.group(3) or 0)
                )
                text = text[m.end() :]
        url = get("url").strip()
        return DocumentRecord(
            platform=platform,
            platform_id=get("id").strip()[:512] or row_id(raw_date, raw_text),
            evidence_sha256=evidence,
            locator=f"row {n}",
            kind="post",
            text=text,
            title=get("title").strip(),
            published_at=dates.to_utc(when),
            author=get("author").strip()[:512],
            url=url if url.startswith(("http://", "https://")) else "",
            lang=get("lang").strip()[:16],
        )


def _dialect(stream: TextIO, delimiter: str) -> type[csv.Dialect]:
    """The excel dialect with the given delimiter, or the most common one of the header."""
    if delimiter and len(delimiter) != 1:
        raise ConfigError("option delimiter must be one character")
    if not delimiter:
        first = ""
        if stream.seekable():
            first = stream.readline(65536)
            stream.seek(0)
        counts = {d: first.count(d) for d in ",;\t|"}
        delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","

    class Chosen(csv.excel):
        pass

    Chosen.delimiter = delimiter
    return Chosen
