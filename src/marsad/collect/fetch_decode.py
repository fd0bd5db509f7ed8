"""Streaming Content-Encoding decoding with bounded output, and Retry-After reading.

Decoding here rather than in httpx bounds each ``zlib`` step's output, so a compression
bomb is caught after at most one step beyond the cap instead of after a whole chunk.
"""

from __future__ import annotations

import email.utils
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime

from marsad.core.errors import FetchError

DECODE_STEP = 1 << 16


class StreamDecoder:
    """Streams Content-Encoding decoding with a bounded output per step."""

    def __init__(self, encoding: str) -> None:
        codings = [c.strip().lower() for c in encoding.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if len(codings) > 1 or (codings and codings[0] not in {"gzip", "x-gzip", "deflate"}):
            raise FetchError(f"unsupported content-encoding {encoding[:60]!r}")
        self.kind = codings[0] if codings else ""
        wbits = 16 + zlib.MAX_WBITS if self.kind in {"gzip", "x-gzip"} else zlib.MAX_WBITS
        self.obj = zlib.decompressobj(wbits) if self.kind else None
        self.first = True

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self.obj is None:
            yield data
            return
        if self.first and self.kind == "deflate" and data[:1] and (data[0] & 0x0F) != 8:
            self.obj = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate, no zlib header
        self.first = False
        while data:
            try:
                out = self.obj.decompress(data, DECODE_STEP)
            except zlib.error as exc:
                raise FetchError(f"corrupt {self.kind} body") from exc
            data = self.obj.unconsumed_tail
            if out:
                yield out
            if self.obj.eof:
                return


def retry_after(value: str, cap: float) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), cap)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, min((when - datetime.now(UTC)).total_seconds(), cap))
