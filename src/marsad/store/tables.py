"""SQLAlchemy table definitions: the single description of the store's schema.

Alembic migrations under ``store/migrations`` create these tables; a test checks that the
migrated database and this metadata agree.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC on every backend and read back timezone-aware.

    SQLite keeps no offset: without this, 12:00+03:00 would be stored as 12:00 and read
    back as 12:00 UTC. Aware values are converted to UTC before binding (filters too);
    naive values are taken to be UTC already.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


TS = UTCDateTime()

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("platform", String(32), nullable=False),  # telegram, web, rss, csv, ...
    Column("handle", String(512), nullable=False),  # @username, feed URL, site host ...
    Column("url", Text, nullable=False, default=""),
    Column("name", Text, nullable=False, default=""),
    Column("aliases", JSON, nullable=False, default=list),  # other names, any script
    Column("language", String(16), nullable=False, default=""),
    Column("source_type", String(32), nullable=False, default="unknown"),
    Column("affiliation", Text, nullable=False, default=""),
    Column("reliability", String(1), nullable=True),  # Admiralty A-F, current value
    Column("description", Text, nullable=False, default=""),
    Column("meta", JSON, nullable=False, default=dict),
    Column("created_at", TS, nullable=False),
    Column("updated_at", TS, nullable=False),
    UniqueConstraint("platform", "handle", name="uq_sources_platform_handle"),
)

source_keys = Table(
    "source_keys",
    metadata,
    Column("key", String(600), primary_key=True),  # telegram:id:123, telegram:@name, rss:URL
    Column("source_id", ForeignKey("sources.id", ondelete="CASCADE"), nullable=False, index=True),
)

reliability_history = Table(
    "reliability_history",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", ForeignKey("sources.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("grade", String(1), nullable=False),
    Column("previous", String(1), nullable=True),
    Column("note", Text, nullable=False, default=""),
    Column("decided_by", String(128), nullable=False),
    Column("decided_at", TS, nullable=False),
)

blobs = Table(
    "blobs",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("media_type", String(128), nullable=False, default="application/octet-stream"),
    Column("first_captured_at", TS, nullable=False),
)

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("collector", String(64), nullable=False),
    Column("collector_version", String(32), nullable=False),
    Column("target", Text, nullable=False),
    Column("source_id", ForeignKey("sources.id", ondelete="SET NULL"), nullable=True),
    Column("started_at", TS, nullable=False),
    Column("finished_at", TS, nullable=True),
    Column("status", String(16), nullable=False, default="running"),  # running ok partial failed
    Column("seen", Integer, nullable=False, default=0),
    Column("added", Integer, nullable=False, default=0),
    Column("versions", Integer, nullable=False, default=0),
    Column("unchanged", Integer, nullable=False, default=0),
    Column("errors", Integer, nullable=False, default=0),
    Column("message", Text, nullable=False, default=""),
)

run_errors = Table(
    "run_errors",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("run_id", ForeignKey("runs.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("locator", Text, nullable=False, default=""),
    Column("message", Text, nullable=False),
    Column("at", TS, nullable=False),
)

captures = Table(
    "captures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sha256", ForeignKey("blobs.sha256"), nullable=False, index=True),
    Column("origin", Text, nullable=False),  # URL or sanitised path
    Column("collector", String(64), nullable=False),
    Column("collector_version", String(32), nullable=False),
    Column("captured_at", TS, nullable=False),
    Column("run_id", ForeignKey("runs.id", ondelete="SET NULL"), nullable=True),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    Column("platform", String(32), nullable=False),
    Column("platform_id", String(600), nullable=False),
    Column("kind", String(16), nullable=False, default="post"),
    Column("title", Text, nullable=False, default=""),
    Column("text", Text, nullable=False, default=""),
    Column("text_hash", String(32), nullable=False),
    Column("lang", String(16), nullable=False, default=""),
    Column("published_at", TS, nullable=True),
    Column("edited_at", TS, nullable=True),
    Column("author", Text, nullable=False, default=""),
    Column("url", Text, nullable=False, default=""),
    Column("reply_to_id", String(600), nullable=False, default=""),
    Column("fwd_from_name", Text, nullable=False, default=""),
    Column("fwd_from_key", String(600), nullable=False, default=""),
    Column("fwd_from_message_id", String(64), nullable=False, default=""),
    Column("fwd_date", TS, nullable=True),
    Column("views", BigInteger, nullable=True),
    Column("version_count", Integer, nullable=False, default=1),
    Column("evidence_sha256", ForeignKey("blobs.sha256"), nullable=False),
    Column("locator", Text, nullable=False, default=""),
    Column("extra", JSON, nullable=True),  # entities, service action, poll, location ...
    Column("truncated", Boolean, nullable=False, default=False),
    Column("first_seen_at", TS, nullable=False),
    Column("run_id", ForeignKey("runs.id", ondelete="SET NULL"), nullable=True),
    UniqueConstraint("source_id", "platform_id", name="uq_documents_source_platform_id"),
    Index("ix_documents_published", "published_at"),
    Index("ix_documents_source_published", "source_id", "published_at"),
    Index("ix_documents_lang", "lang"),
)

# Earlier texts of edited documents. Version 1 is copied here when the first edit arrives,
# so an unedited document costs one row; an edited one keeps every text it ever had.
document_versions = Table(
    "document_versions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("title", Text, nullable=False, default=""),
    Column("text", Text, nullable=False),
    Column("text_hash", String(32), nullable=False),
    Column("edited_at", TS, nullable=True),
    Column("captured_at", TS, nullable=False),
    Column("evidence_sha256", ForeignKey("blobs.sha256"), nullable=False),
    Column("locator", Text, nullable=False, default=""),
    Column("run_id", ForeignKey("runs.id", ondelete="SET NULL"), nullable=True),
    UniqueConstraint("document_id", "text_hash", name="uq_document_versions_doc_hash"),
    UniqueConstraint("document_id", "version", name="uq_document_versions_doc_version"),
)

media = Table(
    "media",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("sha256", ForeignKey("blobs.sha256"), nullable=True, index=True),
    Column("mime_type", String(128), nullable=False, default=""),
    Column("original_name", Text, nullable=False, default=""),
    Column("size", BigInteger, nullable=True),
    Column("width", Integer, nullable=True),
    Column("height", Integer, nullable=True),
    Column("duration_seconds", Float, nullable=True),
    Column("note", Text, nullable=False, default=""),
    Column("meta", JSON, nullable=True),
    UniqueConstraint("document_id", "position", name="uq_media_doc_position"),
)

cursors = Table(
    "cursors",
    metadata,
    Column("source_id", ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True),
    Column("collector", String(64), primary_key=True),
    Column("state", JSON, nullable=False),
    Column("updated_at", TS, nullable=False),
)
