"""Telegram API message objects (Telethon/MTProto dicts), one JSON object per line.

Unlike the Desktop export, API messages carry the forward's original peer id and post
id, views and the channel's username. Both the older layer (``to_id``, ``fwd_from.
channel_id``, ``reply_to_msg_id``, ``caption``) and Telethon's newer names (``peer_id``,
``fwd_from.from_id{channel_id}``, ``reply_to{reply_to_msg_id}``) are read. The file is
archived first, then read line by line; a bad line is reported and skipped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

from marsad.collect import _telegram as tg
from marsad.collect.base import CollectContext, Collector
from marsad.core.errors import InputError
from marsad.core.records import DocumentKind, DocumentRecord, ForwardRef, MediaItem

MAX_LINE = 64 * 1024 * 1024
_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")
_ENTITY_NAMES = {
    "url": "link",
    "text_url": "text_link",
    "strike": "strikethrough",
    "input_message_entity_mention_name": "mention_name",
}
_WEBPAGE_KEYS = ("url", "display_url", "site_name", "title", "description", "type")


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def type_of(obj: dict[str, Any]) -> str:
    """The ``_`` type name in raw MTProto spelling (Telethon capitalises: ``Message``)."""
    name = tg.as_str(obj.get("_"), 64)
    return name[:1].lower() + name[1:]


def snake(name: str, prefix: str) -> str:
    """``messageEntityTextUrl`` → ``text_url`` (given prefix ``messageEntity``)."""
    name = name[:1].lower() + name[1:]
    return _CAMEL.sub("_", name.removeprefix(prefix)).lower()


def peer_of(value: Any) -> str:
    """The number of a peer: ``{channel_id}``, ``{chat_id}``, ``{user_id}`` or a bare int."""
    if isinstance(value, dict):
        for key in ("channel_id", "chat_id", "user_id"):
            if value.get(key) is not None:
                return tg.peer_number(value[key])
        return ""
    return tg.peer_number(value)


def api_time(value: Any) -> Any:
    """API dates are Unix seconds (raw MTProto) or ISO strings (Telethon ``to_json``)."""
    return tg.unix_time(value) if not isinstance(value, str) else tg.iso_time(value)


def entity_list(raw: Any, text: str) -> list[dict[str, Any]]:
    """API entities (UTF-16 offsets) as ``{type, offset, length, text[, href|user_id]}``."""
    if not isinstance(raw, list):
        return []
    utf16 = text.encode("utf-16-le", "surrogatepass")
    out: list[dict[str, Any]] = []
    for ent in raw[:1000]:
        if not isinstance(ent, dict):
            continue
        kind = snake(tg.as_str(ent.get("_"), 64), "messageEntity")
        off, length = tg.as_int(ent.get("offset")), tg.as_int(ent.get("length"))
        item: dict[str, Any] = {"type": _ENTITY_NAMES.get(kind, kind)}
        if off is not None and length is not None and off >= 0 and length >= 0:
            piece = utf16[2 * off : 2 * (off + length)]
            item.update(offset=off, length=length, text=piece.decode("utf-16-le", "replace")[:2048])
        if isinstance(ent.get("url"), str):
            item["href"] = ent["url"][:2048]
        if tg.as_int(ent.get("user_id")) is not None:
            item["user_id"] = tg.as_int(ent.get("user_id"))
        out.append(item)
    return out


class TelegramApiCollector(Collector):
    """Reads JSON lines of Telegram API message objects (e.g. dumped with Telethon)."""

    name: ClassVar[str] = "telegram-api"
    version: ClassVar[str] = "1"
    platform: ClassVar[str] = tg.PLATFORM
    description: ClassVar[str] = "Telegram API message objects (Telethon/MTProto), JSON lines"
    targets: ClassVar[str] = "PATH to a .jsonl file of message objects"

    def detect(self, target: str, path: Path | None, head: bytes) -> bool:
        if path is None:
            return False
        first = head.lstrip().split(b"\n", 1)[0]
        if not first.startswith(b"{"):
            return False
        low = first[:4096].lower().replace(b" ", b"")
        return b'"_":"message' in low or (b'"peer_id"' in low and b'"message"' in low)

    def collect(self, target: str, ctx: CollectContext) -> Iterator[DocumentRecord]:
        path = Path(target)
        if not path.is_file():
            raise InputError(f"no such file: {target[:300]}")
        evidence = ctx.archive_file(
            path, origin=tg.safe_origin(path), media_type="application/x-ndjson"
        )
        with open(path, "rb") as fh:
            for lineno, line in _lines(fh, ctx):
                where = f"line {lineno}"
                try:
                    obj = json.loads(line)
                except (ValueError, UnicodeDecodeError) as exc:
                    ctx.error(where, f"not JSON: {str(exc)[:120]}")
                    continue
                except RecursionError:
                    ctx.error(where, "JSON nested too deep, skipped")
                    continue
                rec = self._record(obj, evidence.sha256, where, ctx)
                if rec is not None:
                    yield rec

    def _record(
        self, obj: Any, evidence: str, where: str, ctx: CollectContext
    ) -> DocumentRecord | None:
        if not isinstance(obj, dict):
            ctx.error(where, "line is not a JSON object")
            return None
        if type_of(obj) == "messageEmpty":
            return None
        mid = tg.as_int(obj.get("id"))
        if mid is None:
            ctx.error(where, "message without a numeric id, skipped")
            return None
        rec = _base_record(obj, str(mid), evidence, where)
        _reply_and_forward(obj, rec)
        rec.media, media_extra = _media(obj.get("media"))
        rec.extra.update(media_extra)
        return rec


def _lines(fh: BinaryIO, ctx: CollectContext) -> Iterator[tuple[int, bytes]]:
    """Non-blank lines with their numbers; an over-long line is reported and skipped."""
    lineno = 0
    while True:
        line = fh.readline(MAX_LINE + 1)
        if not line:
            return
        lineno += 1
        if len(line) > MAX_LINE and not line.endswith(b"\n"):
            ctx.error(f"line {lineno}", f"line longer than {MAX_LINE} bytes, skipped")
            while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            continue
        if line.strip():
            yield lineno, line


def _base_record(obj: dict[str, Any], pid: str, evidence: str, where: str) -> DocumentRecord:
    media = obj.get("media")
    text = tg.as_str(obj.get("message"), 1 << 30)
    if not text and isinstance(media, dict):
        text = tg.as_str(media.get("caption"), 1 << 30)
    channel = _dict(obj.get("channel"))
    number = peer_of(obj.get("peer_id") or obj.get("to_id")) or tg.peer_number(channel.get("id"))
    username = tg.as_str(channel.get("username"), 64)
    kind: DocumentKind = "service" if type_of(obj) == "messageService" else "post"
    extra: dict[str, Any] = {}
    if kind == "service":
        text, extra = _service(obj.get("action"))
    views = tg.as_int(obj.get("views"))
    return DocumentRecord(
        platform=tg.PLATFORM,
        platform_id=pid,
        evidence_sha256=evidence,
        locator=where,
        kind=kind,
        text=text,
        published_at=api_time(obj.get("date")),
        edited_at=api_time(obj.get("edit_date")),
        author=tg.as_str(obj.get("post_author"), 512),
        url=f"https://t.me/{username}/{pid}" if username.isidentifier() else "",
        lang=tg.guess_lang(text),
        views=views if views is not None and views >= 0 else None,
        channel=tg.channel_ref(number, tg.as_str(channel.get("title"), 512), username),
        entities=entity_list(obj.get("entities"), text),
        extra=extra,
    )


def _service(action: Any) -> tuple[str, dict[str, Any]]:
    if not isinstance(action, dict):
        return "service message", {}
    name = snake(tg.as_str(action.get("_"), 64), "messageAction")
    title = tg.as_str(action.get("title"), 512)
    text = name.replace("_", " ") + (f" «{title}»" if title else "")
    extra: dict[str, Any] = {"action": name}
    if title:
        extra["title"] = title
    return text, extra


def _reply_and_forward(obj: dict[str, Any], rec: DocumentRecord) -> None:
    reply = obj.get("reply_to")
    reply_id = tg.as_int(obj.get("reply_to_msg_id"))
    if isinstance(reply, dict):
        reply_id = tg.as_int(reply.get("reply_to_msg_id"))
        peer = peer_of(reply.get("reply_to_peer_id"))
        if peer:
            rec.extra["reply_to_peer_id"] = peer
    if reply_id is not None:
        rec.reply_to_id = str(reply_id)
    if tg.as_int(obj.get("grouped_id")) is not None:
        rec.extra["grouped_id"] = str(obj["grouped_id"])
    fwd = obj.get("fwd_from")
    if not isinstance(fwd, dict):
        return
    origin = peer_of(fwd.get("from_id")) if isinstance(fwd.get("from_id"), dict) else ""
    origin = tg.peer_number(fwd.get("channel_id")) or origin or peer_of(fwd.get("from_id"))
    post = tg.as_int(fwd.get("channel_post"))
    rec.forward = ForwardRef(
        from_name=tg.as_str(fwd.get("from_name"), 512) or tg.as_str(fwd.get("post_author"), 512),
        from_key=f"telegram:id:{origin}" if origin else "",
        from_message_id=str(post) if post is not None else "",
        date=api_time(fwd.get("date")),
    )


def _media(raw: Any) -> tuple[list[MediaItem], dict[str, Any]]:
    """Media metadata only: the API dump holds no file bytes, so sha256 stays None."""
    if not isinstance(raw, dict):
        return [], {}
    kind = snake(tg.as_str(raw.get("_"), 64), "messageMedia")
    if kind == "web_page":
        page = _dict(raw.get("webpage"))
        meta = {k: tg.as_str(page.get(k), 4096) for k in _WEBPAGE_KEYS if page.get(k)}
        if not meta:
            return [], {}
        return [MediaItem(kind="webpage", note="link preview", meta=meta)], {}
    if kind == "photo":
        return [_photo(raw.get("photo"))], {}
    if kind == "document":
        return [_document(raw.get("document"))], {}
    if kind in ("geo", "geo_live", "venue"):
        geo = _dict(raw.get("geo"))
        loc = {"latitude": geo.get("lat"), "longitude": geo.get("long")}
        return [], {"location_information": loc, "media": kind}
    return [], {"media": kind} if kind else {}


def _photo(photo: Any) -> MediaItem:
    item = MediaItem(kind="photo", note="not downloaded: API metadata only")
    sizes = photo.get("sizes") if isinstance(photo, dict) else None
    if isinstance(sizes, list):
        dims = [
            (tg.as_int(s.get("w")) or 0, tg.as_int(s.get("h")) or 0)
            for s in sizes
            if isinstance(s, dict)
        ]
        if dims:
            item.width, item.height = max(dims)
    if isinstance(photo, dict) and photo.get("id") is not None:
        item.meta = {"id": tg.as_str(photo.get("id"), 64)}
    return item


def _document(doc: Any) -> MediaItem:
    item = MediaItem(kind="file", note="not downloaded: API metadata only")
    if not isinstance(doc, dict):
        return item
    item.mime_type = tg.as_str(doc.get("mime_type"), 128)
    item.size = tg.as_int(doc.get("size"))
    attrs = _list(doc.get("attributes"))
    for attr in attrs:
        if not isinstance(attr, dict):
            continue
        name = snake(tg.as_str(attr.get("_"), 64), "documentAttribute")
        if name == "filename":
            item.original_name = tg.as_str(attr.get("file_name"), 1024)
        elif name in ("video", "audio"):
            item.kind = "voice_message" if attr.get("voice") else f"{name}_file"
            if attr.get("round_message"):
                item.kind = "video_message"
            dur = attr.get("duration")
            if isinstance(dur, int | float) and not isinstance(dur, bool):
                item.duration_seconds = float(dur)
        elif name == "sticker":
            item.kind = "sticker"
        elif name == "animated":
            item.kind = "animation"
        if name in ("video", "image_size"):
            item.width, item.height = tg.as_int(attr.get("w")), tg.as_int(attr.get("h"))
    return item
