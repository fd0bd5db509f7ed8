"""Helpers shared by the Telegram collectors (Desktop export and API JSON lines).

Private: the public surface is the two collector classes. Everything here treats its input
as hostile: media names are resolved inside the export folder only, numbers are checked,
text is left to the store to clean and cap.
"""

from __future__ import annotations

import hashlib
import os
import stat
from array import array
from datetime import UTC, datetime
from itertools import accumulate
from pathlib import Path
from typing import Any, BinaryIO

from marsad.core.errors import InputError
from marsad.core.records import ChannelRef
from marsad.text.lang import detect_lang

PLATFORM = "telegram"
NOT_INCLUDED = "(File not included."
MEDIA_MAX_BYTES = 4_000_000_000  # Telegram's own upload cap (Premium); larger is no real media


# Script counting on UTF-8 bytes with bytes.translate (one C pass each): U+0600-U+06FF are
# the two-byte sequences led by 0xD8-0xDB, Latin-1/Extended-A/B letters are led by
# 0xC3-0xC9. Each table deletes every byte except the ones counted.
def _keep_only(kept: bytes) -> bytes:
    return bytes(b for b in range(256) if b not in kept)


_NOT_ARABIC = _keep_only(bytes(range(0xD8, 0xDC)))
_NOT_LATIN = _keep_only(bytes([*range(65, 91), *range(97, 123), *range(0xC3, 0xCA)]))
_SAMPLE = 200  # characters looked at by the language guess


def guess_lang(text: str) -> str:
    """Guess a language from the script of the letters: "ar", "fa", "en" or "".

    Args:
        text: any text; only its first few hundred characters are looked at.

    Returns:
        "ar" when Arabic script dominates and no Persian-keyboard letter appears; when
        one does, :func:`marsad.text.lang.detect_lang` decides ("fa" or "ar"); "en" when Latin does, "" otherwise (no letters, other scripts).
    """
    raw = text[:_SAMPLE].encode("utf-8", "replace")
    latin = len(raw.translate(None, _NOT_LATIN))
    if raw.isascii():
        return "en" if latin else ""
    arabic = len(raw.translate(None, _NOT_ARABIC))
    if arabic == 0 and latin == 0:
        return ""
    if arabic < latin:
        return "en"
    if b"\xda" not in raw and b"\xdb\x8c" not in raw and b"\xd9\xbe" not in raw:
        return "ar"  # none of the Persian-only letters can be there
    # Persian-keyboard letters: Arabic posts carry them too, so weigh all the cues
    return detect_lang(text) or "ar"


def unix_time(value: Any) -> datetime | None:
    """A Unix timestamp (int or numeric string) as an aware UTC datetime, else None."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        return None
    if not 0 <= seconds < 32_503_680_000:  # year 3000
        return None
    return datetime.fromtimestamp(seconds, UTC)


def iso_time(value: Any) -> datetime | None:
    """Desktop's local ISO time (``2021-10-14T09:00:00``), read as UTC when no zone."""
    if not isinstance(value, str) or len(value) > 64:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def as_int(value: Any) -> int | None:
    """An int from an int or digit string; None for anything else (bools included)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit() and len(value) < 40:
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def as_str(value: Any, limit: int = 4096) -> str:
    """A short string field: strings as given (capped), numbers as text, else ""."""
    if isinstance(value, str):
        return value[:limit]
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def peer_number(value: Any) -> str:
    """The bare number of a peer id: ``channel1060780848`` / ``-1001060780848`` → digits."""
    if isinstance(value, bool):
        return ""
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        return ""
    value = value.strip()
    for prefix in ("channel", "chat", "user"):
        if value.startswith(prefix):
            value = value[len(prefix) :]
            break
    if value.startswith("-100") and len(value) > 4:
        value = value[4:]
    value = value.lstrip("-")
    return value if value.isdigit() and len(value) < 32 else ""


def channel_ref(number: str, name: str = "", username: str = "") -> ChannelRef | None:
    """The :class:`ChannelRef` for a channel id (and @username when known)."""
    keys: list[str] = []
    if number:
        keys.append(f"telegram:id:{number}")
    handle = username.lstrip("@").strip()
    if handle:
        keys.append(f"telegram:@{handle.lower()}")
    if not keys:
        return None
    return ChannelRef(
        platform=PLATFORM,
        keys=tuple(keys),
        name=name,
        handle=f"@{handle}" if handle else "",
        url=f"https://t.me/{handle}" if handle else "",
    )


def safe_origin(path: Path) -> str:
    """What a capture records as origin for a local file: ``file:`` + its name only."""
    name = "".join(ch for ch in path.name if ch.isprintable())[:200]
    return f"file:{name}"


def resolve_media(root: Path, name: str, max_bytes: int) -> tuple[Path | None, str]:
    """Find a media file an export names, refusing anything outside the export folder.

    Args:
        root: the export folder (the one holding result.json), already resolved.
        name: the relative path as written in the JSON (untrusted).
        max_bytes: largest file accepted.

    Returns:
        ``(path, "")`` for a regular file inside ``root``, else ``(None, reason)``.
    """
    if not name or "\x00" in name or len(name) > 4096:
        return None, "unusable media file name"
    candidate = Path(name)
    if candidate.is_absolute() or candidate.drive:
        return None, "absolute media path refused"
    if ".." in candidate.parts:
        return None, "media path leaving the export folder refused"
    try:
        resolved = (root / candidate).resolve(strict=True)
    except (OSError, RuntimeError):
        return None, "media file missing from the export"
    if not resolved.is_relative_to(root):
        return None, "media path leaving the export folder refused (symlink)"
    try:
        info = os.stat(resolved)
    except OSError:
        return None, "media file unreadable"
    if not stat.S_ISREG(info.st_mode):
        return None, "media path is not a regular file"
    if info.st_size > max_bytes:
        return None, f"media file larger than {max_bytes} bytes"
    return resolved, ""


# --------------------------------------------------------------------------- nesting guard
MAX_DEPTH = 64  # Desktop exports nest about 6 deep; yajl/ijson memory grows with depth²
_NOT_QUOTES_BRACKETS = bytes(b for b in range(256) if b not in b'[]{}"')
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_BRACKET_SIGN = bytes.maketrans(b"[]{}", bytes([1, 255, 1, 255]))  # +1 / -1 as signed bytes


class NestingTooDeep(InputError):
    """The JSON nests deeper than :data:`MAX_DEPTH` (a memory bomb for the parser)."""


class DepthGuard:
    """A binary reader that refuses JSON nested deeper than ``limit`` before a parser sees it.

    ijson keeps one prefix string per open level, so nesting ``d`` deep costs memory in
    ``d²``: a few hundred kilobytes of ``[`` exhaust gigabytes. Each chunk is checked with
    C-speed byte operations: escapes are removed, strings are cut out by quote parity, and
    the running bracket depth outside strings is tracked across chunks.
    """

    def __init__(self, raw: BinaryIO | HashingReader, name: str, limit: int = MAX_DEPTH) -> None:
        self.raw = raw
        self.name = name
        self.limit = limit
        self._reset()

    def _reset(self) -> None:
        self.depth = 0
        self.in_string = False
        self.carry = b""  # a trailing backslash whose escaped byte is in the next chunk

    def seek(self, offset: int, whence: int = 0) -> int:
        if (offset, whence) != (0, 0):
            raise ValueError("DepthGuard only rewinds to the start")
        self._reset()
        return self.raw.seek(0)

    def read(self, size: int = -1) -> bytes:
        chunk = self.raw.read(size)
        self._check(self.carry + chunk)
        return chunk

    def _check(self, data: bytes) -> None:
        stripped = data.rstrip(b"\\")
        self.carry = b"\\" if (len(data) - len(stripped)) % 2 else b""
        data = data[:-1] if self.carry else data
        if b"\\" in data:
            data = data.replace(b"\\\\", b"").replace(b'\\"', b"")
        compact = data.translate(None, _NOT_QUOTES_BRACKETS).replace(b'""', b"")
        parts = compact.split(b'"')
        outside = b"".join(parts[1::2] if self.in_string else parts[0::2])
        if (len(parts) - 1) % 2:
            self.in_string = not self.in_string
        steps = array("b", outside.translate(None, _NOT_BRACKETS).translate(_BRACKET_SIGN))
        if not steps:
            return
        peak = max(accumulate(steps, initial=self.depth))
        self.depth += sum(steps)
        if peak > self.limit:
            raise NestingTooDeep(
                f"{self.name}: JSON nested deeper than {self.limit} levels; refused "
                "(a Telegram export nests about 6 deep)"
            )


class HashingReader:
    """A binary reader that hashes what it hands out, to prove it parsed the archived bytes.

    The export is archived (hashed) first and parsed second; a file rewritten in between
    would leave documents pointing at evidence they were not parsed from. ``digest()``
    reads what the parser left unread and returns the SHA-256 of the whole pass.
    """

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.hasher = hashlib.sha256()

    def seek(self, offset: int, whence: int = 0) -> int:
        if (offset, whence) != (0, 0):
            raise ValueError("HashingReader only rewinds to the start")
        self.hasher = hashlib.sha256()
        return self.raw.seek(0)

    def read(self, size: int = -1) -> bytes:
        chunk = self.raw.read(size)
        self.hasher.update(chunk)
        return chunk

    def digest(self) -> str:
        while self.read(1 << 20):
            pass
        return self.hasher.hexdigest()
