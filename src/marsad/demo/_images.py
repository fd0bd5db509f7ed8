"""Tiny illustrative pictures for the demo exports, drawn in code (no image library).

Each picture is a small PNG: a flat "sky" and "ground", a few blocks standing for
buildings or vehicles, and a dark caption band along the bottom, as channel photos
often carry. The drawing depends only on ``seed`` so the corpus is reproducible.
"""

from __future__ import annotations

import random
import struct
import zlib

Pixel = tuple[int, int, int]

_PALETTES: tuple[tuple[Pixel, Pixel, Pixel], ...] = (
    ((196, 214, 230), (201, 178, 134), (92, 84, 70)),  # desert noon
    ((238, 196, 150), (176, 150, 110), (70, 60, 52)),  # dusk
    ((170, 186, 200), (150, 140, 120), (60, 66, 70)),  # haze
)


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def encode_png(width: int, height: int, rows: list[list[Pixel]]) -> bytes:
    """Encode RGB rows as a PNG file."""
    raw = b"".join(b"\x00" + bytes(c for px in row for c in px) for row in rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(raw, 9))
        + _chunk(b"IEND", b"")
    )


def picture(seed: int, width: int = 96, height: int = 64) -> bytes:
    """Draw one illustrative picture; the same seed gives the same bytes."""
    rng = random.Random(seed)
    sky, ground, block = rng.choice(_PALETTES)
    horizon = height // 2 + rng.randint(-6, 6)
    rows = [[sky if y < horizon else ground for _ in range(width)] for y in range(height)]
    for _ in range(rng.randint(2, 4)):
        w, h = rng.randint(8, 22), rng.randint(5, 14)
        x0, y0 = rng.randint(0, width - w), horizon - h + rng.randint(0, 8)
        for y in range(max(0, y0), min(height, y0 + h)):
            for x in range(x0, x0 + w):
                rows[y][x] = block
    band = height - 10
    for y in range(band, height):
        rows[y] = [(24, 24, 24)] * width
    # a "caption": short light dashes in the band, like a line of text
    x = 4
    while x < width - 8:
        seg = rng.randint(3, 9)
        for xx in range(x, min(width - 4, x + seg)):
            rows[band + 4][xx] = rows[band + 5][xx] = (230, 230, 230)
        x += seg + rng.randint(2, 4)
    return encode_png(width, height, rows)
