"""Telegram Desktop JSON export (``result.json``): single-chat and full-account exports.

The file is archived first, then read as a stream with ijson (a channel export reaches
gigabytes). A single-chat export is ``{name, type, id, messages: [...]}``; a full export
holds ``chats.list[]`` (and ``left_chats.list[]``) of such objects. Desktop writes a
chat's name/type/id before its messages, so a single-chat export is read in one pass; for
a full export a first pass notes each chat and how many messages it has, a second pass
hands the messages out in that order.

Media files named by the export are read only when they are regular files inside the
export folder (see :func:`marsad.collect._telegram.resolve_media`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import ijson

from marsad.collect import _telegram as tg
from marsad.collect._telegram_desktop import Chat, MessageMapper
from marsad.collect.base import CollectContext, Collector
from marsad.core.errors import InputError
from marsad.core.records import DocumentRecord

_SECTIONS = ("chats", "left_chats")
# yajl re-scans a token that spans reads, so a huge string costs (length / buffer)² scans:
# a 16 MB buffer keeps a 50 MB text field at about a second.
BUF_SIZE = 16 << 20
HEAD_BUF_SIZE = 1 << 20  # the header parse stops early: do not decode 16 MB of events
_VALUE_EVENTS = frozenset(
    {"start_map", "start_array", "string", "number", "boolean", "null", "integer", "double"}
)


class TelegramExportCollector(Collector):
    """Reads Telegram Desktop's ``result.json`` (Settings → Export Telegram data)."""

    name: ClassVar[str] = "telegram-export"
    version: ClassVar[str] = "1"
    platform: ClassVar[str] = tg.PLATFORM
    description: ClassVar[str] = "Telegram Desktop JSON export (one chat or the full account)"
    targets: ClassVar[str] = "PATH to result.json or the export folder"

    def detect(self, target: str, path: Path | None, head: bytes) -> bool:
        if path is None:
            return False
        start = head.lstrip()[:1]
        if start != b"{":
            return False
        if path.name == "result.json":
            return True
        first = head.lstrip().split(b"\n", 1)[0]
        if b'"_"' in first:  # API message objects, one per line
            return False
        if b'"messages"' in head and b'"type"' in head:
            return True
        return b'"personal_information"' in head or b'"chats"' in head

    def collect(self, target: str, ctx: CollectContext) -> Iterator[DocumentRecord]:
        path = _result_path(target)
        evidence = ctx.archive_file(
            path, origin=tg.safe_origin(path), media_type="application/json"
        )
        mapper = MessageMapper(ctx, evidence.sha256, path.parent.resolve())
        with open(path, "rb") as raw:
            hashing = tg.HashingReader(raw)
            fh = tg.DepthGuard(hashing, path.name)
            chats = _read_header(fh, path.name)
            if isinstance(chats, Chat):
                yield from self._single(fh, path.name, mapper, chats)
            else:
                ctx.progress_total(sum(c.count for c in chats))
                for section in _SECTIONS:
                    yield from self._section(fh, path.name, mapper, section, chats)
            if hashing.digest() != evidence.sha256:
                raise InputError(
                    f"{path.name} changed while it was being read: ingest a copy that is "
                    "not being written to"
                )

    def _single(
        self, fh: tg.DepthGuard, name: str, mapper: MessageMapper, chat: Chat
    ) -> Iterator[DocumentRecord]:
        fh.seek(0)
        channel = chat.channel()
        n = 0
        try:
            for n, msg in enumerate(
                ijson.items(fh, "messages.item", use_float=True, buf_size=BUF_SIZE), 1
            ):
                rec = mapper.record(msg, chat, channel, n)
                if rec is not None:
                    yield rec
        except ijson.JSONError as exc:
            raise _broken(name, n, exc) from None

    def _section(
        self,
        fh: tg.DepthGuard,
        name: str,
        mapper: MessageMapper,
        section: str,
        chats: list[Chat],
    ) -> Iterator[DocumentRecord]:
        mine = [c for c in chats if c.section == section and c.count]
        if not mine:
            return
        fh.seek(0)
        items = ijson.items(
            fh, f"{section}.list.item.messages.item", use_float=True, buf_size=BUF_SIZE
        )
        n = 0
        try:
            for chat in mine:
                channel = chat.channel()
                for i in range(chat.count):
                    msg = next(items)
                    n += 1
                    rec = mapper.record(msg, chat, channel, i + 1)
                    if rec is not None:
                        yield rec
        except StopIteration:
            raise InputError(f"{name}: the export changed while it was being read") from None
        except ijson.JSONError as exc:
            raise _broken(name, n, exc) from None


def _result_path(target: str) -> Path:
    path = Path(target)
    if path.is_dir():
        path = path / "result.json"
    if not path.is_file():
        raise InputError(f"no Telegram export at {target[:300]}: result.json not found")
    return path


def _broken(name: str, n: int, exc: Exception) -> InputError:
    """One line for a parse failure; yajl's snippet of the (hostile) input is left out."""
    raw = exc.args[0] if exc.args else ""
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    first = text.strip().split("\n", 1)[0]
    detail = "".join(ch if ch.isprintable() else "?" for ch in first)[:120] or "parse error"
    return InputError(
        f"{name}: truncated or malformed JSON after {n} message(s); "
        f"what was read before is kept ({detail})"
    )


def _read_header(fh: tg.DepthGuard, name: str) -> Chat | list[Chat]:
    """Tell a single-chat export (its header) from a full export (its chats, counted).

    Desktop writes a chat's name, type and id before its messages, so reading stops at
    the ``messages`` array of a single-chat export.
    """
    chat = Chat(section="", index=0)
    try:
        for prefix, event, value in ijson.parse(fh, buf_size=HEAD_BUF_SIZE):
            if prefix == "messages" and event == "start_array":
                return chat
            if prefix in ("name", "type", "id") and event in _VALUE_EVENTS:
                _set_header(chat, prefix, value)
            elif prefix in _SECTIONS and event == "start_map":
                fh.seek(0)
                return _scan_chats(fh, name)
    except ijson.JSONError as exc:
        raise _broken(name, 0, exc) from None
    raise InputError(f"{name}: not a Telegram Desktop export (no messages or chats list)")


def _set_header(chat: Chat, key: str, value: Any) -> None:
    if key == "name":
        chat.name = tg.as_str(value, 512)
    elif key == "type":
        chat.type = tg.as_str(value, 64)
    else:
        chat.id = tg.peer_number(value)


def _scan_chats(fh: tg.DepthGuard, name: str) -> list[Chat]:
    """First pass over a full export: each chat's header and message count."""
    chats: list[Chat] = []
    heads = {f"{s}.list.item": s for s in _SECTIONS}
    fields = {f"{s}.list.item.{k}": (s, k) for s in _SECTIONS for k in ("name", "type", "id")}
    items = {f"{s}.list.item.messages.item" for s in _SECTIONS}
    counters = dict.fromkeys(_SECTIONS, 0)
    current: Chat | None = None
    try:
        for prefix, event, value in ijson.parse(fh, buf_size=BUF_SIZE):
            if prefix in items:
                if current is not None and event in _VALUE_EVENTS:
                    current.count += 1
            elif prefix in heads and event == "start_map":
                section = heads[prefix]
                current = Chat(section=section, index=counters[section])
                counters[section] += 1
                chats.append(current)
            elif prefix in fields and current is not None and event in _VALUE_EVENTS:
                _set_header(current, fields[prefix][1], value)
    except ijson.JSONError as exc:
        raise _broken(name, 0, exc) from None
    return chats
