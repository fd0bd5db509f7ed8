"""Pydantic models of the REST API: the shapes ``/openapi.json`` documents."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

# Kept equal to core.records.RELIABILITY_GRADES / SOURCE_TYPES (tests/web/test_api.py).
Grade = Literal["A", "B", "C", "D", "E", "F"]
SourceTypeName = Literal["official", "affiliated", "facade", "independent", "news", "unknown"]


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class SourceBrief(_Out):
    id: int
    platform: str
    handle: str
    name: str


class SourceOut(_Out):
    """A source (channel, outlet, feed) with its grading."""

    id: int
    platform: str
    handle: str
    url: str
    name: str
    aliases: list[str]
    language: str
    source_type: str
    affiliation: str
    reliability: str | None = Field(description="Admiralty source reliability A-F")
    description: str
    created_at: datetime
    updated_at: datetime
    document_count: int | None = None


class ReliabilityEntry(_Out):
    grade: str
    previous: str | None
    note: str
    decided_by: str
    decided_at: datetime


class SourceDetail(SourceOut):
    keys: list[str]
    reliability_history: list[ReliabilityEntry]


class SourceCreate(BaseModel):
    """A new source. ``platform`` + ``handle`` must be unique."""

    model_config = ConfigDict(extra="forbid")

    platform: str = Field(min_length=1, max_length=32, examples=["telegram"])
    handle: str = Field(min_length=1, max_length=512, examples=["@channel"])
    name: str = Field("", max_length=512)
    url: str = Field("", max_length=2048)
    language: str = Field("", max_length=16)
    source_type: SourceTypeName = "unknown"
    affiliation: str = Field("", max_length=2048)
    reliability: Grade | None = None
    aliases: list[str] = Field(default_factory=list, max_length=100)
    description: str = Field("", max_length=8192)
    keys: list[str] = Field(default_factory=list, max_length=100)


class DocumentSummary(_Out):
    """A document as listed (text included, no media or versions)."""

    id: int
    source_id: int
    source: SourceBrief | None
    platform: str
    platform_id: str
    kind: str
    title: str
    text: str
    lang: str
    published_at: datetime | None
    edited_at: datetime | None
    author: str
    url: str
    reply_to_id: str
    fwd_from_name: str
    fwd_from_key: str
    fwd_from_message_id: str
    views: int | None
    version_count: int
    evidence_sha256: str
    locator: str
    truncated: bool
    first_seen_at: datetime


class DocumentList(BaseModel):
    total: int
    offset: int
    limit: int
    documents: list[DocumentSummary]


class MediaOut(_Out):
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
    meta: dict[str, Any] | None = Field(
        None, description="Recorded metadata, e.g. a link preview URL"
    )


class VersionOut(_Out):
    version: int
    title: str
    text: str
    text_hash: str
    edited_at: datetime | None
    captured_at: datetime
    evidence_sha256: str
    locator: str


class EvidenceRef(BaseModel):
    sha256: str
    captured_at: datetime | None = None
    origin: str = ""
    collector: str = ""
    collector_version: str = ""


class DocumentFull(DocumentSummary):
    """A document with everything known about it."""

    media: list[MediaOut]
    versions: list[VersionOut]
    entities: list[dict[str, Any]]
    reply_to_doc: int | None
    replies: list[int]
    forward_of_doc: int | None
    forwarded_by: list[int]
    evidence: EvidenceRef


class CaptureOut(BaseModel):
    origin: str
    collector: str
    collector_version: str
    captured_at: datetime
    run_id: int | None


class EvidenceOut(BaseModel):
    sha256: str
    size: int
    media_type: str
    first_captured_at: datetime
    captures: list[CaptureOut]
    raw_url: str


class RunOut(BaseModel):
    id: int
    collector: str
    collector_version: str
    target: str
    source_id: int | None
    started_at: datetime
    finished_at: datetime | None
    status: str
    seen: int
    added: int
    versions: int
    unchanged: int
    errors: int
    message: str


class ErrorOut(BaseModel):
    error: str
