"""Which archived media may be shown inline, decided by declared type AND magic number.

A hostile channel can label an HTML page ``image/jpeg``. An image is served inline only
when the media row declares one of :data:`IMAGE_TYPES` (or is a Telegram ``photo``,
which exports carry without a MIME type) and the first bytes are that format's
signature; everything else is a download.
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.core.errors import MarsadError
from marsad.store import Store
from marsad.store.rows import MediaRow

IMAGE_TYPES: frozenset[str] = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})
SNIFF_BYTES = 16
MAX_INLINE_PER_PAGE = 50


def sniff_image(head: bytes) -> str | None:
    """The image type the leading bytes prove, or None.

    Args:
        head: At least the first 12 bytes of the file.
    """
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if len(head) >= 12 and head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "image/webp"
    return None


def declared_image(media: MediaRow) -> str | None:
    """The image type the row claims (``""`` for a photo without MIME), or None."""
    mime = (media.mime_type or "").split(";")[0].strip().lower()
    if mime == "image/jpg":
        mime = "image/jpeg"
    if mime in IMAGE_TYPES:
        return mime
    if not mime and media.kind == "photo":
        return ""
    return None


def inline_type(media: MediaRow, head: bytes) -> str | None:
    """The type to serve ``media`` inline with, or None when it must be a download."""
    declared = declared_image(media)
    if declared is None or not media.sha256:
        return None
    actual = sniff_image(head)
    if actual is None or (declared and declared != actual):
        return None
    return actual


def read_head(store: Store, sha256: str) -> bytes:
    """The first bytes of an archived blob (empty when it is missing)."""
    try:
        with store.archive.open(sha256) as fh:
            return fh.read(SNIFF_BYTES)
    except (MarsadError, OSError):
        return b""


def inline_media_ids(store: Store, media: Sequence[MediaRow]) -> set[int]:
    """Ids of the media a document page may show as ``<img>`` (type and magic agree)."""
    out: set[int] = set()
    for item in media[:MAX_INLINE_PER_PAGE]:
        if not item.sha256 or declared_image(item) is None:
            continue
        if inline_type(item, read_head(store, item.sha256)):
            out.add(item.id)
    return out
