"""Typed rows read back from the store."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import RowMapping


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def to_jsonable(obj: Any) -> Any:
    if isinstance(obj, datetime):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {k: to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [to_jsonable(v) for v in obj]
    return obj


@dataclass
class SourceRow:
    id: int
    platform: str
    handle: str
    url: str
    name: str
    aliases: list[str]
    language: str
    source_type: str
    affiliation: str
    reliability: str | None
    description: str
    meta: dict[str, Any]
    created_at: datetime
    updated_at: datetime
    keys: list[str] = field(default_factory=list)
    document_count: int | None = None

    @classmethod
    def from_mapping(cls, m: RowMapping) -> SourceRow:
        return cls(
            id=m["id"],
            platform=m["platform"],
            handle=m["handle"],
            url=m["url"],
            name=m["name"],
            aliases=list(m["aliases"] or []),
            language=m["language"],
            source_type=m["source_type"],
            affiliation=m["affiliation"],
            reliability=m["reliability"],
            description=m["description"],
            meta=dict(m["meta"] or {}),
            created_at=m["created_at"],  # aware UTC: tables.UTCDateTime
            updated_at=m["updated_at"],
        )

    @property
    def label(self) -> str:
        return self.name or self.handle

    @property
    def illustrative(self) -> bool:
        return bool(self.meta.get("illustrative"))

    def to_json(self) -> dict[str, Any]:
        return to_jsonable(asdict(self))


@dataclass
class MediaRow:
    id: int
    position: int
    kind: str
    sha256: str | None
    mime_type: str
    original_name: str
    size: int | None
    width: int | None
    height: int | None
    duration_seconds: float | None
    note: str
    meta: dict[str, Any] | None

    @classmethod
    def from_mapping(cls, m: RowMapping) -> MediaRow:
        return cls(**{k: m[k] for k in cls.__dataclass_fields__})

    @property
    def is_image(self) -> bool:
        return self.kind == "photo" or self.mime_type.startswith("image/")


@dataclass
class VersionRow:
    version: int
    title: str
    text: str
    text_hash: str
    edited_at: datetime | None
    captured_at: datetime
    evidence_sha256: str
    locator: str


@dataclass
class DocumentRow:
    id: int
    source_id: int
    platform: str
    platform_id: str
    kind: str
    title: str
    text: str
    text_hash: str
    lang: str
    published_at: datetime | None
    edited_at: datetime | None
    author: str
    url: str
    reply_to_id: str
    fwd_from_name: str
    fwd_from_key: str
    fwd_from_message_id: str
    fwd_date: datetime | None
    views: int | None
    version_count: int
    evidence_sha256: str
    locator: str
    extra: dict[str, Any] | None
    truncated: bool
    first_seen_at: datetime
    run_id: int | None
    source: SourceRow | None = None
    media: list[MediaRow] = field(default_factory=list)
    versions: list[VersionRow] = field(default_factory=list)
    reply_to_doc: int | None = None
    forward_of_doc: int | None = None
    forwarded_by: list[int] = field(default_factory=list)
    replies: list[int] = field(default_factory=list)
    evidence: dict[str, Any] | None = None

    @classmethod
    def from_mapping(cls, m: RowMapping) -> DocumentRow:
        data = {k: m[k] for k in cls.__dataclass_fields__ if k in m}
        return cls(**data)

    @property
    def is_forward(self) -> bool:
        return bool(self.fwd_from_name or self.fwd_from_key)

    def to_json(self, full: bool = False) -> dict[str, Any]:
        data = asdict(self)
        if not full:
            for key in ("media", "versions", "forwarded_by", "replies", "evidence"):
                data.pop(key, None)
            if data.get("source"):
                src = data["source"]
                data["source"] = {k: src[k] for k in ("id", "platform", "handle", "name")}
        return to_jsonable(data)


__all__ = ["DocumentRow", "MediaRow", "SourceRow", "VersionRow", "_iso", "to_jsonable"]
