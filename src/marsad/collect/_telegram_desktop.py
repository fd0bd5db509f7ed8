"""Mapping one Telegram Desktop export message to a :class:`DocumentRecord`.

Private to :mod:`marsad.collect.telegram_export`, which streams the file and hands each
message dict here. Field meanings follow Telegram Desktop's ``export_output_json.cpp``
(see FORMATS.md): text as a string or an array of parts, ``text_entities``, service
messages, forwards by name, media files named relative to the export folder.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.collect import _telegram as tg
from marsad.collect.base import CollectContext
from marsad.core.records import ChannelRef, DocumentKind, DocumentRecord, ForwardRef, MediaItem


@dataclass
class Chat:
    """One chat of an export, as far as its header tells."""

    section: str  # "" for a single-chat export, else chats / left_chats
    index: int
    name: str = ""
    type: str = ""
    id: str = ""
    count: int = 0

    def is_self(self, from_id: Any) -> bool:
        """Whether a message's ``from_id`` is the chat itself (a channel posting as itself)."""
        if not self.id or from_id is None:
            return False
        return from_id in (f"channel{self.id}", f"chat{self.id}", self.id) or (
            tg.peer_number(from_id) == self.id
        )

    def channel(self) -> ChannelRef | None:
        return tg.channel_ref(self.id, self.name)

    def locator(self, message_id: str) -> str:
        head = f"{self.section}[{self.index}]." if self.section else ""
        return f"{head}messages[id={message_id}]"


_ENTITY_KEYS = frozenset(
    ("type", "text", "href", "user_id", "document_id", "language", "collapsed")
)
MAX_ENTITIES = 1000
HIDDEN_ORIGIN = "(hidden origin)"
MAX_ENTITY_TEXT = 2048
_MEDIA_FIELDS = ("photo", "file", "thumbnail", "contact_vcard")
_EXTRA_SCALARS = (
    "from",
    "from_id",
    "via_bot",
    "saved_from",
    "reply_to_peer_id",
    "forwarded_from_id",
    "sticker_emoji",
    "place_name",
    "address",
    "live_location_period_seconds",
    "self_destruct_period_seconds",
    "game_title",
    "game_description",
)
_EXTRA_OBJECTS = ("location_information", "poll", "contact_information", "invoice_information")
_SERVICE_KEYS = ("actor", "actor_id", "action", "title", "message_id", "duration_seconds")
_EXTRA_KEYS = frozenset(_EXTRA_SCALARS + _EXTRA_OBJECTS)
_SERVICE_EXTRA = _EXTRA_KEYS | frozenset((*_SERVICE_KEYS, "members"))
_ACTIONS = {
    "create_channel": "created the channel",
    "create_group": "created the group",
    "migrate_to_supergroup": "turned the group into a supergroup",
    "migrate_from_group": "moved the group here",
    "pin_message": "pinned a message",
    "invite_members": "added members",
    "remove_members": "removed members",
    "join_group_by_link": "joined by invite link",
    "edit_group_title": "changed the title",
    "edit_group_photo": "changed the photo",
    "delete_group_photo": "removed the photo",
    "clear_history": "cleared the history",
    "phone_call": "called",
    "group_call": "started a voice chat",
}


def plain_text(value: Any) -> str:
    """Desktop ``text``: a string, or an array of strings and ``{type, text}`` parts."""
    if isinstance(value, str):
        return value
    if not isinstance(value, list):
        return ""
    parts: list[str] = []
    for part in value:
        if isinstance(part, str):
            parts.append(part)
        elif isinstance(part, dict) and isinstance(part.get("text"), str):
            parts.append(part["text"])
    return "".join(parts)


def entities_of(value: Any) -> list[dict[str, Any]]:
    """``text_entities`` (or a ``text`` array) as entity dicts; plain runs are dropped.

    Plain runs repeat the text itself, so keeping them would store every text twice;
    entity texts are capped at :data:`MAX_ENTITY_TEXT` characters, their number at
    :data:`MAX_ENTITIES`.
    """
    if not isinstance(value, list):
        return []
    out: list[dict[str, Any]] = []
    for part in value:
        if type(part) is not dict:
            continue
        kind = part.get("type")
        if kind is None or kind == "plain":
            continue
        out.append(
            {
                k: v[:MAX_ENTITY_TEXT] if type(v) is str else v
                for k, v in part.items()
                if k in _ENTITY_KEYS and isinstance(v, str | int | float | bool)
            }
        )
        if len(out) >= MAX_ENTITIES:
            break
    return out


def _bounded(value: Any, depth: int = 0) -> Any:
    """A JSON value with strings, lists and nesting capped (polls, contacts, places)."""
    if isinstance(value, str):
        return value[:MAX_ENTITY_TEXT]
    if depth > 4:
        return None
    if isinstance(value, dict):
        return {str(k)[:64]: _bounded(v, depth + 1) for k, v in list(value.items())[:50]}
    if isinstance(value, list):
        return [_bounded(v, depth + 1) for v in value[:100]]
    return value


def service_text(msg: dict[str, Any]) -> str:
    """A readable line for a service message, e.g. ``X pinned a message (12)``."""
    actor = tg.as_str(msg.get("actor"), 256) or "someone"
    action = tg.as_str(msg.get("action"), 64)
    words = [actor, _ACTIONS.get(action, action.replace("_", " ") or "did something")]
    title = tg.as_str(msg.get("title"), 512)
    if title:
        words.append(f"«{title}»")
    members = msg.get("members")
    if isinstance(members, list) and members:
        names = [tg.as_str(m, 128) for m in members[:20] if m is not None]
        words.append(": " + ", ".join(n for n in names if n))
    target = tg.as_int(msg.get("message_id"))
    if target is not None:
        words.append(f"(message {target})")
    return " ".join(words)


class MessageMapper:
    """Turns one Desktop message dict into a :class:`DocumentRecord` (or reports why not)."""

    def __init__(self, ctx: CollectContext, evidence: str, root: Path) -> None:
        self.ctx = ctx
        self.evidence = evidence
        self.root = root
        self.max_media = tg.MEDIA_MAX_BYTES

    def record(
        self, msg: Any, chat: Chat, channel: ChannelRef | None, position: int
    ) -> DocumentRecord | None:
        """Map one message; a message without a usable id is reported and skipped."""
        if not isinstance(msg, dict):
            self.ctx.error(chat.locator(f"#{position}"), "message is not a JSON object")
            return None
        mid = tg.as_int(msg.get("id"))
        if mid is None or mid < 1:
            self.ctx.error(chat.locator(f"#{position}"), "message without a numeric id, skipped")
            return None
        pid = str(mid)
        locator = chat.locator(pid)
        kind: DocumentKind = "service" if msg.get("type") == "service" else "post"
        text = plain_text(msg.get("text"))
        if kind == "service":
            text = service_text(msg) + (f"\n{text}" if text else "")
        published = tg.unix_time(msg.get("date_unixtime")) or tg.iso_time(msg.get("date"))
        edited = tg.unix_time(msg.get("edited_unixtime")) or tg.iso_time(msg.get("edited"))
        rec = DocumentRecord(
            platform=tg.PLATFORM,
            platform_id=pid,
            evidence_sha256=self.evidence,
            locator=locator,
            kind=kind,
            text=text,
            published_at=published,
            edited_at=edited,
            author=tg.as_str(msg.get("author"), 512) or self._sender(msg, chat),
            lang=tg.guess_lang(text),
            channel=channel,
        )
        reply = tg.as_int(msg.get("reply_to_message_id"))
        if reply is not None:
            rec.reply_to_id = str(reply)
        if "forwarded_from" in msg:  # null when the origin hides itself
            name = tg.as_str(msg["forwarded_from"], 512) or HIDDEN_ORIGIN
            rec.forward = ForwardRef(from_name=name)
            origin = tg.peer_number(msg.get("forwarded_from_id"))
            if origin:
                rec.forward.from_key = f"telegram:id:{origin}"
        ents = msg.get("text_entities")
        rec.entities = entities_of(ents if ents is not None else msg.get("text"))
        rec.extra = self._extra(msg, chat, kind)
        self._media(msg, rec, locator)
        return rec

    @staticmethod
    def _sender(msg: dict[str, Any], chat: Chat) -> str:
        """Who wrote it, when that is not the chat itself (a group member, a bot)."""
        sender = msg.get("from")
        if not isinstance(sender, str) or not sender:
            return ""
        if chat.is_self(msg.get("from_id")):
            return ""
        return sender[:512]

    def _extra(self, msg: dict[str, Any], chat: Chat, kind: str) -> dict[str, Any]:
        keys = _SERVICE_EXTRA if kind == "service" else _EXTRA_KEYS
        extra: dict[str, Any] = {}
        for key in msg.keys() & keys:
            value = msg[key]
            if value is None or (key in _EXTRA_OBJECTS and not isinstance(value, dict)):
                continue
            extra[key] = _bounded(value)
        if chat.is_self(extra.get("from_id")):
            extra.pop("from_id")  # the channel posting as itself: the source says it
            extra.pop("from", None)
        mtype = msg.get("type")
        if mtype not in ("message", "service", None):
            extra["type"] = tg.as_str(mtype, 32)
        return extra

    def _media(self, msg: dict[str, Any], rec: DocumentRecord, locator: str) -> None:
        for field in _MEDIA_FIELDS:
            name = msg.get(field)
            if name is None:
                continue
            item = MediaItem(kind=self._kind(msg, field))
            if field in ("photo", "file"):
                item.mime_type = tg.as_str(msg.get("mime_type"), 128)
                item.width = tg.as_int(msg.get("width"))
                item.height = tg.as_int(msg.get("height"))
                dur = msg.get("duration_seconds")
                if isinstance(dur, int | float) and not isinstance(dur, bool):
                    item.duration_seconds = float(dur)
            self._attach_file(item, name, locator)
            rec.media.append(item)

    @staticmethod
    def _kind(msg: dict[str, Any], field: str) -> str:
        if field == "file":
            return tg.as_str(msg.get("media_type"), 32) or "file"
        if field == "contact_vcard":
            return "vcard"
        return field

    def _attach_file(self, item: MediaItem, name: Any, locator: str) -> None:
        if not isinstance(name, str):
            item.note = "media name is not a string"
            self.ctx.error(locator, f"{item.kind}: media name is not a string")
            return
        item.original_name = name[:1024]
        if name.startswith(tg.NOT_INCLUDED):
            item.note = "file not included in the export"
            return
        path, reason = tg.resolve_media(self.root, name, self.max_media)
        if path is None:
            item.note = reason
            self.ctx.error(locator, f"{item.kind} {name[:200]!r}: {reason}")
            return
        ev = self.ctx.archive_file(
            path, origin=tg.safe_origin(path), media_type=item.mime_type or _guess_type(path)
        )
        item.sha256, item.size = ev.sha256, ev.size


def _guess_type(path: Path) -> str:
    return mimetypes.guess_type(path.name)[0] or "application/octet-stream"
