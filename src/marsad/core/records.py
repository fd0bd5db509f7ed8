"""Typed records passed between pipeline stages.

A collector yields :class:`DocumentRecord` objects; each points at the evidence blob it
was parsed from (``evidence_sha256`` plus a ``locator`` inside it), so every stored fact
can be traced back to archived bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

SourceType = Literal["official", "affiliated", "facade", "independent", "news", "unknown"]
SOURCE_TYPES: tuple[str, ...] = (
    "official",
    "affiliated",
    "facade",
    "independent",
    "news",
    "unknown",
)
RELIABILITY_GRADES: tuple[str, ...] = ("A", "B", "C", "D", "E", "F")
DocumentKind = Literal["post", "service", "article", "comment"]


@dataclass(slots=True, frozen=True)
class Evidence:
    """One capture of raw bytes in the archive."""

    sha256: str
    size: int
    origin: str  # URL or (sanitised) path the bytes came from
    collector: str
    collector_version: str
    captured_at: datetime
    media_type: str = "application/octet-stream"


@dataclass(slots=True, frozen=True)
class ChannelRef:
    """The channel/outlet a record came from, as the input names it.

    ``keys`` are stable identifiers such as ``telegram:id:1060780848`` or
    ``telegram:@bbcbreaking``; the runner maps them to a source (creating one when the
    user gave no ``--source``).
    """

    platform: str
    keys: tuple[str, ...]
    name: str = ""
    handle: str = ""
    url: str = ""


@dataclass(slots=True)
class MediaItem:
    kind: str  # photo, video_file, voice_message, sticker, file, webpage, ...
    sha256: str | None = None  # None when the file was not included in the export
    mime_type: str = ""
    original_name: str = ""  # as the input named it; never used as a path
    size: int | None = None
    width: int | None = None
    height: int | None = None
    duration_seconds: float | None = None
    note: str = ""  # e.g. "File not included" placeholder
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class ForwardRef:
    """Where a forwarded post came from. Desktop exports give a name only; the API gives ids."""

    from_name: str = ""
    from_key: str = ""  # e.g. telegram:id:1234 when known
    from_message_id: str = ""
    date: datetime | None = None


@dataclass(slots=True)
class DocumentRecord:
    platform: str  # telegram, web, rss, csv
    platform_id: str  # message id within its channel, or canonical URL for articles
    evidence_sha256: str
    locator: str = ""  # where in the evidence blob: "messages[123]", "#post-45", "row 17"
    kind: DocumentKind = "post"
    text: str = ""
    title: str = ""
    published_at: datetime | None = None
    edited_at: datetime | None = None
    author: str = ""  # post signature / byline
    url: str = ""
    lang: str = ""
    reply_to_id: str = ""  # platform_id of the replied-to document in the same channel
    forward: ForwardRef | None = None
    views: int | None = None
    channel: ChannelRef | None = None
    media: list[MediaItem] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # service action, poll, location, ...
