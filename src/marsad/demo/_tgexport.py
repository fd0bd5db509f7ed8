"""Build Telegram Desktop export messages (``result.json``) for the demo corpus.

Only the corpus generator uses this module. It writes exactly the shape Telegram Desktop
writes (see ``FORMATS.md``): local ``date`` without zone, ``date_unixtime`` as a string,
``text`` as a plain string or an array of parts mirrored in ``text_entities``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

# The illustrative exporting machine ran on Damascus time.
LOCAL = timezone(timedelta(hours=3))
NOT_INCLUDED = "(File not included. Change data exporting settings to download.)"

_ENTITY = re.compile(r"(#[\w\u0600-\u06FF]+|https?://[^\s]+)")


def at(stamp: str) -> datetime:
    """Parse ``YYYY-MM-DD HH:MM`` as Damascus local time."""
    return datetime.strptime(stamp, "%Y-%m-%d %H:%M").replace(tzinfo=LOCAL)


def text_parts(text: str) -> list[Any]:
    """Split ``text`` into Desktop text parts: hashtags and bare links become entities."""
    parts: list[Any] = []
    for piece in _ENTITY.split(text):
        if not piece:
            continue
        if piece.startswith("#"):
            parts.append({"type": "hashtag", "text": piece})
        elif piece.startswith(("http://", "https://")):
            parts.append({"type": "link", "text": piece})
        else:
            parts.append(piece)
    return parts


def _entities(parts: list[Any]) -> list[dict[str, Any]]:
    return [p if isinstance(p, dict) else {"type": "plain", "text": p} for p in parts]


def _text_value(parts: list[Any]) -> str | list[Any]:
    if all(isinstance(p, str) for p in parts):
        return "".join(parts)
    return parts


@dataclass
class Post:
    """One message as the generator plans it, before it becomes export JSON."""

    when: datetime
    text: str = ""
    forwarded_from: str = ""
    reply_key: str = ""  # key of the post this one answers (same channel)
    photo: str = ""  # relative path inside the export folder, or NOT_INCLUDED
    photo_size: tuple[int, int] = (0, 0)
    video_placeholder: bool = False
    link: tuple[str, str] | None = None  # (label, href) appended as a text_link
    edited: datetime | None = None
    earlier_text: str = ""  # the text before the edit, for the earlier export
    action: str = ""  # service message action
    pin_key: str = ""  # key of the pinned post, for pin_message
    key: str = ""  # a name for cross-references inside the generator
    photo_seed: int = 0  # > 0: draw a picture for this post
    extra: dict[str, Any] = field(default_factory=dict)


def _base(msg_id: int, kind: str, when: datetime) -> dict[str, Any]:
    return {
        "id": msg_id,
        "type": kind,
        "date": when.astimezone(LOCAL).replace(tzinfo=None).isoformat(),
        "date_unixtime": str(int(when.timestamp())),
    }


def service_message(
    msg_id: int, post: Post, channel: str, channel_id: int, ids: dict[str, int]
) -> dict[str, Any]:
    """A service message (channel created, message pinned)."""
    msg = _base(msg_id, "service", post.when)
    msg["actor"] = channel
    msg["actor_id"] = f"channel{channel_id}"
    msg["action"] = post.action
    if post.action == "create_channel":
        msg["title"] = channel
    if post.pin_key:
        msg["message_id"] = ids[post.pin_key]
    msg["text"] = ""
    msg["text_entities"] = []
    return msg


def message(
    msg_id: int,
    post: Post,
    channel: str,
    channel_id: int,
    ids: dict[str, int],
    *,
    early: bool = False,
) -> dict[str, Any]:
    """A channel post; ``early`` writes the pre-edit version (no ``edited`` fields).

    ``ids`` maps generator keys to message ids, for replies and pins.
    """
    if post.action:
        return service_message(msg_id, post, channel, channel_id, ids)
    msg = _base(msg_id, "message", post.when)
    if post.edited is not None and not early:
        msg["edited"] = post.edited.astimezone(LOCAL).replace(tzinfo=None).isoformat()
        msg["edited_unixtime"] = str(int(post.edited.timestamp()))
    msg["from"] = channel
    msg["from_id"] = f"channel{channel_id}"
    if post.forwarded_from:
        msg["forwarded_from"] = post.forwarded_from
    if post.reply_key:
        msg["reply_to_message_id"] = ids[post.reply_key]
    if post.photo:
        msg["photo"] = post.photo
        if post.photo != NOT_INCLUDED:
            msg["width"], msg["height"] = post.photo_size
    if post.video_placeholder:
        msg.update(
            file=NOT_INCLUDED,
            thumbnail=NOT_INCLUDED,
            media_type="video_file",
            mime_type="video/mp4",
            duration_seconds=41,
            width=640,
            height=360,
        )
    text = post.earlier_text if early and post.earlier_text else post.text
    parts = text_parts(text)
    if post.link is not None:
        parts += ["\n", {"type": "text_link", "text": post.link[0], "href": post.link[1]}]
    msg["text"] = _text_value(parts)
    msg["text_entities"] = _entities(parts)
    return msg


def export(name: str, channel_id: int, messages: list[dict[str, Any]]) -> dict[str, Any]:
    """The single-chat export object Desktop writes for a public channel."""
    return {"name": name, "type": "public_channel", "id": channel_id, "messages": messages}
