"""The Store: every read and write of Marsad's database goes through here."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Connection, Engine, and_, func, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError as SAIntegrityError
from sqlalchemy.exc import OperationalError

from marsad.archive import BlobStore
from marsad.core.clock import as_utc, utcnow
from marsad.core.errors import InputError, NotFound, StoreError, UserError
from marsad.core.ids import text_hash
from marsad.core.records import (
    RELIABILITY_GRADES,
    SOURCE_TYPES,
    ChannelRef,
    DocumentRecord,
    Evidence,
)
from marsad.core.settings import Settings
from marsad.store import tables as t
from marsad.store.bulk import insert_ignore, short
from marsad.store.clean import clean_short, clean_text
from marsad.store.db import make_engine, migrate
from marsad.store.rows import DocumentRow, MediaRow, SourceRow, VersionRow

CHUNK = 500  # ids per IN (...) clause


class DocumentIndexer(Protocol):
    """Something that keeps a derived index (e.g. full-text search) in step with documents."""

    def index_documents(self, conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
        """Index new or changed documents (keys: id, source_id, title, text, lang, published_at)."""


@dataclass
class WriteCounts:
    seen: int = 0
    added: int = 0
    versions: int = 0
    unchanged: int = 0

    def __iadd__(self, other: WriteCounts) -> WriteCounts:
        self.seen += other.seen
        self.added += other.added
        self.versions += other.versions
        self.unchanged += other.unchanged
        return self


@dataclass
class DocumentFilter:
    source_id: int | None = None
    lang: str | None = None
    kind: str | None = None
    date_from: datetime | None = None
    date_to: datetime | None = None
    ids: list[int] | None = None
    order: str = "newest"  # newest | oldest
    limit: int = 50
    offset: int = 0


@dataclass
class _Prepared:
    rec: DocumentRecord
    text: str
    title: str
    hash: str
    truncated: bool
    row: dict[str, Any] = field(default_factory=dict)


def _insert(conn: Connection, table: t.Table) -> Any:
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class Store:
    """Database plus evidence archive, opened from :class:`Settings`."""

    def __init__(self, settings: Settings, engine: Engine | None = None) -> None:
        self.settings = settings
        self.engine = engine or make_engine(settings.database_url)
        self.archive = BlobStore(settings.archive_dir)
        self.indexers: list[DocumentIndexer] = []

    @classmethod
    def open(cls, settings: Settings | None = None, *, create: bool = True) -> Store:
        settings = settings or Settings.from_env()
        store = cls(settings)
        if create:
            store.archive.ensure()
            migrate(store.engine)
        store._attach_default_indexers()
        return store

    def _attach_default_indexers(self) -> None:
        """Hook for derived indexes (search); filled in by later capabilities."""
        import importlib

        try:
            search_index = importlib.import_module("marsad.store.search_index")
        except ModuleNotFoundError:
            return
        self.indexers.append(search_index.indexer_for(self.engine))

    def close(self) -> None:
        self.engine.dispose()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    # ------------------------------------------------------------------ sources
    def add_source(
        self,
        platform: str,
        handle: str,
        *,
        name: str = "",
        url: str = "",
        language: str = "",
        source_type: str = "unknown",
        affiliation: str = "",
        reliability: str | None = None,
        aliases: Iterable[str] = (),
        description: str = "",
        meta: dict[str, Any] | None = None,
        keys: Iterable[str] = (),
        decided_by: str = "system",
    ) -> int:
        platform = clean_short(platform, 32).strip().lower()
        handle = clean_short(handle, 512).strip()
        if not platform or not handle:
            raise UserError("a source needs a platform and a handle")
        if source_type not in SOURCE_TYPES:
            raise UserError(
                f"source type must be one of {', '.join(SOURCE_TYPES)}, not {source_type!r}"
            )
        if reliability is not None and reliability not in RELIABILITY_GRADES:
            raise UserError(f"reliability must be one of A-F, not {reliability!r}")
        now = utcnow()
        values = {
            "platform": platform,
            "handle": handle,
            "url": clean_short(url, 2048),
            "name": clean_short(name, 512),
            "aliases": [clean_short(a, 512) for a in aliases if a],
            "language": clean_short(language, 16),
            "source_type": source_type,
            "affiliation": clean_short(affiliation, 2048),
            "reliability": reliability,
            "description": clean_short(description, 8192),
            "meta": meta or {},
            "created_at": now,
            "updated_at": now,
        }
        with self.engine.begin() as conn:
            try:
                pk = conn.execute(insert(t.sources).values(values)).inserted_primary_key
                source_id = int(pk[0])  # type: ignore[index]
            except SAIntegrityError as exc:
                raise UserError(f"source {platform}:{handle} already exists") from exc
            all_keys = {f"{platform}:{handle}", *keys}
            self._add_keys(conn, source_id, all_keys)
            if reliability:
                conn.execute(
                    insert(t.reliability_history).values(
                        source_id=source_id,
                        grade=reliability,
                        previous=None,
                        note="initial grade",
                        decided_by=decided_by,
                        decided_at=now,
                    )
                )
        return source_id

    def _add_keys(self, conn: Connection, source_id: int, keys: Iterable[str]) -> None:
        rows = [{"key": k[:600], "source_id": source_id} for k in keys if k]
        if rows:
            conn.execute(_insert(conn, t.source_keys).on_conflict_do_nothing(), rows)

    def add_source_keys(self, source_id: int, keys: Iterable[str]) -> None:
        with self.engine.begin() as conn:
            self._add_keys(conn, source_id, keys)

    def _source_keys(self, conn: Connection, source_id: int) -> list[str]:
        q = select(t.source_keys.c.key).where(t.source_keys.c.source_id == source_id)
        return sorted(conn.scalars(q))

    def get_source(self, ref: int | str) -> SourceRow:
        """Find a source by id, handle, ``platform:handle`` or any of its keys."""
        with self.engine.connect() as conn:
            row = None
            if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit()):
                row = (
                    conn.execute(select(t.sources).where(t.sources.c.id == int(ref)))
                    .mappings()
                    .first()
                )
            if row is None and isinstance(ref, str):
                sid = conn.scalar(
                    select(t.source_keys.c.source_id).where(t.source_keys.c.key == ref)
                )
                if sid is None:
                    sid = conn.scalar(
                        select(t.sources.c.id)
                        .where(
                            or_(t.sources.c.handle == ref, t.sources.c.handle == ref.lstrip("@"))
                        )
                        .order_by(t.sources.c.id)
                    )
                if sid is not None:
                    row = (
                        conn.execute(select(t.sources).where(t.sources.c.id == sid))
                        .mappings()
                        .first()
                    )
            if row is None:
                raise NotFound(f"no source {str(ref)[:200]!r}; see `marsad sources list`")
            source = SourceRow.from_mapping(row)
            source.keys = self._source_keys(conn, source.id)
            source.document_count = conn.scalar(
                select(func.count())
                .select_from(t.documents)
                .where(t.documents.c.source_id == source.id)
            )
            return source

    def list_sources(self) -> list[SourceRow]:
        counts = (
            select(t.documents.c.source_id, func.count().label("n"))
            .group_by(t.documents.c.source_id)
            .subquery()
        )
        q = (
            select(t.sources, func.coalesce(counts.c.n, 0).label("n"))
            .outerjoin(counts, counts.c.source_id == t.sources.c.id)
            .order_by(t.sources.c.id)
        )
        out = []
        with self.engine.connect() as conn:
            for m in conn.execute(q).mappings():
                row = SourceRow.from_mapping(m)
                row.document_count = m["n"]
                out.append(row)
        return out

    def update_source(self, source_id: int, **fields: Any) -> None:
        allowed = {
            "name",
            "url",
            "language",
            "source_type",
            "affiliation",
            "aliases",
            "description",
            "meta",
        }
        bad = set(fields) - allowed
        if bad:
            raise UserError(f"cannot update source field(s): {', '.join(sorted(bad))}")
        if "source_type" in fields and fields["source_type"] not in SOURCE_TYPES:
            raise UserError(f"source type must be one of {', '.join(SOURCE_TYPES)}")
        with self.engine.begin() as conn:
            conn.execute(
                update(t.sources)
                .where(t.sources.c.id == source_id)
                .values(**fields, updated_at=utcnow())
            )

    def set_reliability(
        self, source_id: int, grade: str, *, decided_by: str, note: str = ""
    ) -> None:
        """Grade a source (Admiralty A-F). The previous grade stays in the history."""
        grade = grade.strip().upper()
        if grade not in RELIABILITY_GRADES:
            raise UserError(f"reliability must be one of A-F, not {grade!r}")
        now = utcnow()
        with self.engine.begin() as conn:
            prev = conn.scalar(select(t.sources.c.reliability).where(t.sources.c.id == source_id))
            conn.execute(
                update(t.sources)
                .where(t.sources.c.id == source_id)
                .values(reliability=grade, updated_at=now)
            )
            conn.execute(
                insert(t.reliability_history).values(
                    source_id=source_id,
                    grade=grade,
                    previous=prev,
                    note=clean_short(note, 2048),
                    decided_by=clean_short(decided_by, 128),
                    decided_at=now,
                )
            )

    def reliability_history(self, source_id: int) -> list[dict[str, Any]]:
        q = (
            select(t.reliability_history)
            .where(t.reliability_history.c.source_id == source_id)
            .order_by(t.reliability_history.c.id)
        )
        with self.engine.connect() as conn:
            return [dict(m) for m in conn.execute(q).mappings()]

    def resolve_channel(self, ref: ChannelRef, *, create: bool = True) -> int | None:
        """Map a channel named by the input to a source id, creating the source if asked."""
        with self.engine.begin() as conn:
            for key in ref.keys:
                sid = conn.scalar(
                    select(t.source_keys.c.source_id).where(t.source_keys.c.key == key)
                )
                if sid is not None:
                    self._add_keys(conn, sid, ref.keys)
                    return int(sid)
        if not create:
            return None
        handle = ref.handle or (ref.keys[0].split(":", 1)[-1] if ref.keys else ref.name)
        try:
            return self.add_source(ref.platform, handle, name=ref.name, url=ref.url, keys=ref.keys)
        except UserError:
            # same platform:handle exists under other keys; attach the keys to it
            with self.engine.begin() as conn:
                sid = conn.scalar(
                    select(t.sources.c.id).where(
                        and_(t.sources.c.platform == ref.platform, t.sources.c.handle == handle)
                    )
                )
                if sid is None:
                    raise
                self._add_keys(conn, sid, ref.keys)
                return int(sid)

    # ------------------------------------------------------------------ evidence
    def archive_file(
        self,
        path: Path,
        *,
        origin: str,
        collector: str,
        version: str,
        media_type: str = "application/octet-stream",
        run_id: int | None = None,
    ) -> Evidence:
        digest, size = self.archive.put_file(path)
        return self._capture(digest, size, origin, collector, version, media_type, run_id)

    def archive_bytes(
        self,
        data: bytes,
        *,
        origin: str,
        collector: str,
        version: str,
        media_type: str = "application/octet-stream",
        run_id: int | None = None,
    ) -> Evidence:
        digest, size = self.archive.put_bytes(data)
        return self._capture(digest, size, origin, collector, version, media_type, run_id)

    def _capture(
        self,
        digest: str,
        size: int,
        origin: str,
        collector: str,
        version: str,
        media_type: str,
        run_id: int | None,
    ) -> Evidence:
        now = utcnow()
        origin = clean_short(origin, 2048)
        with self.engine.begin() as conn:
            conn.execute(
                _insert(conn, t.blobs).on_conflict_do_nothing(),
                [
                    {
                        "sha256": digest,
                        "size": size,
                        "media_type": media_type[:128],
                        "first_captured_at": now,
                    }
                ],
            )
            conn.execute(
                insert(t.captures).values(
                    sha256=digest,
                    origin=origin,
                    collector=collector,
                    collector_version=version,
                    captured_at=now,
                    run_id=run_id,
                )
            )
        return Evidence(digest, size, origin, collector, version, now, media_type)

    def evidence_info(self, sha256: str) -> dict[str, Any]:
        with self.engine.connect() as conn:
            blob = (
                conn.execute(select(t.blobs).where(t.blobs.c.sha256 == sha256)).mappings().first()
            )
            if blob is None:
                raise NotFound(f"no evidence {sha256[:80]}")
            caps = (
                conn.execute(
                    select(t.captures)
                    .where(t.captures.c.sha256 == sha256)
                    .order_by(t.captures.c.id)
                )
                .mappings()
                .all()
            )
        return {
            **dict(blob),
            "captures": [dict(c) for c in caps],
        }

    def referenced_digests(self) -> Iterator[str]:
        with self.engine.connect() as conn:
            yield from conn.scalars(select(t.blobs.c.sha256).order_by(t.blobs.c.sha256))

    # ------------------------------------------------------------------ runs
    def start_run(self, collector: str, version: str, target: str, source_id: int | None) -> int:
        with self.engine.begin() as conn:
            res = conn.execute(
                insert(t.runs).values(
                    collector=collector,
                    collector_version=version,
                    target=clean_short(target, 2048),
                    source_id=source_id,
                    started_at=utcnow(),
                    status="running",
                )
            )
            return int(res.inserted_primary_key[0])  # type: ignore[index]

    def update_run(self, run_id: int, counts: WriteCounts, errors: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(t.runs)
                .where(t.runs.c.id == run_id)
                .values(
                    seen=counts.seen,
                    added=counts.added,
                    versions=counts.versions,
                    unchanged=counts.unchanged,
                    errors=errors,
                )
            )

    def finish_run(
        self, run_id: int, status: str, counts: WriteCounts, errors: int, message: str = ""
    ) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(t.runs)
                .where(t.runs.c.id == run_id)
                .values(
                    status=status,
                    finished_at=utcnow(),
                    seen=counts.seen,
                    added=counts.added,
                    versions=counts.versions,
                    unchanged=counts.unchanged,
                    errors=errors,
                    message=clean_short(message, 4096),
                )
            )

    def add_run_error(self, run_id: int, locator: str, message: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                insert(t.run_errors).values(
                    run_id=run_id,
                    locator=clean_short(locator, 512),
                    message=clean_short(message, 2048),
                    at=utcnow(),
                )
            )

    def list_runs(self, limit: int = 50) -> list[dict[str, Any]]:
        q = select(t.runs).order_by(t.runs.c.id.desc()).limit(limit)
        with self.engine.connect() as conn:
            return [dict(m) for m in conn.execute(q).mappings()]

    def run_errors(self, run_id: int) -> list[dict[str, Any]]:
        q = select(t.run_errors).where(t.run_errors.c.run_id == run_id).order_by(t.run_errors.c.id)
        with self.engine.connect() as conn:
            return [dict(m) for m in conn.execute(q).mappings()]

    # ------------------------------------------------------------------ cursors
    def get_cursor(self, source_id: int, collector: str) -> dict[str, Any]:
        q = select(t.cursors.c.state).where(
            and_(t.cursors.c.source_id == source_id, t.cursors.c.collector == collector)
        )
        with self.engine.connect() as conn:
            state = conn.scalar(q)
        return dict(state or {})

    def set_cursor(self, source_id: int, collector: str, state: dict[str, Any]) -> None:
        with self.engine.begin() as conn:
            stmt = _insert(conn, t.cursors).values(
                source_id=source_id, collector=collector, state=state, updated_at=utcnow()
            )
            stmt = stmt.on_conflict_do_update(
                index_elements=["source_id", "collector"],
                set_={"state": stmt.excluded.state, "updated_at": stmt.excluded.updated_at},
            )
            conn.execute(stmt)

    # ------------------------------------------------------------------ documents
    def _prepare(self, rec: DocumentRecord) -> _Prepared:
        limit = self.settings.max_field_bytes
        text, cut1 = clean_text(rec.text, limit)
        title, cut2 = clean_text(rec.title, min(limit, 8192))
        return _Prepared(rec, text, title, text_hash(title + "\x1f" + text), cut1 or cut2)

    def _doc_row(
        self, source_id: int, p: _Prepared, run_id: int | None, now: datetime
    ) -> dict[str, Any]:
        r = p.rec
        fwd = r.forward
        extra = dict(r.extra)
        if r.entities:
            extra["entities"] = r.entities
        return {
            "source_id": source_id,
            "platform": r.platform,
            "platform_id": short(r.platform_id, 600),
            "kind": r.kind,
            "title": p.title,
            "text": p.text,
            "text_hash": p.hash,
            "lang": short(r.lang, 16),
            "published_at": r.published_at,
            "edited_at": r.edited_at,
            "author": short(r.author, 512),
            "url": short(r.url, 2048),
            "reply_to_id": short(r.reply_to_id, 600),
            "fwd_from_name": short(fwd.from_name, 512) if fwd else "",
            "fwd_from_key": short(fwd.from_key, 600) if fwd else "",
            "fwd_from_message_id": short(fwd.from_message_id, 64) if fwd else "",
            "fwd_date": fwd.date if fwd else None,
            "views": r.views,
            "version_count": 1,
            "evidence_sha256": r.evidence_sha256,
            "locator": short(r.locator, 512),
            "extra": extra or None,
            "truncated": p.truncated,
            "first_seen_at": now,
            "run_id": run_id,
        }

    def write_batch(
        self, source_id: int, records: Sequence[DocumentRecord], run_id: int | None = None
    ) -> WriteCounts:
        """Write documents idempotently in one transaction.

        New platform ids are inserted; a known id with a different text becomes a new
        version (every earlier text is kept); a known id with a known text is unchanged.
        """
        counts = WriteCounts(seen=len(records))
        if not records:
            return counts
        now = utcnow()
        firsts: dict[str, _Prepared] = {}
        later: list[_Prepared] = []
        for rec in records:
            p = self._prepare(rec)
            pid = short(rec.platform_id, 600)
            if not pid:
                raise InputError(f"record without an id at {rec.locator or '?'}")
            if pid in firsts:
                later.append(p)
            else:
                firsts[pid] = p
        try:
            with self.engine.begin() as conn:
                existing = self._existing(conn, source_id, list(firsts))
                new = [p for pid, p in firsts.items() if pid not in existing]
                if new:
                    rows = [self._doc_row(source_id, p, run_id, now) for p in new]
                    insert_ignore(conn, t.documents, rows)
                    ids = self._ids(conn, source_id, [r["platform_id"] for r in rows])
                    self._insert_media(conn, new, ids)
                    for row in rows:
                        row["id"] = ids[row["platform_id"]]
                    self._index(conn, rows)
                    counts.added += len(new)
                edits = [(existing[pid], p) for pid, p in firsts.items() if pid in existing]
                for p in later:
                    pid = clean_short(p.rec.platform_id, 600)
                    edits.append((self._existing(conn, source_id, [pid])[pid], p))
                for doc, p in edits:
                    if self._apply_version(conn, doc, p, run_id, now):
                        counts.versions += 1
                    else:
                        counts.unchanged += 1
        except OperationalError as exc:
            raise StoreError(f"database write failed: {exc.orig}") from exc
        return counts

    def _existing(
        self, conn: Connection, source_id: int, pids: list[str]
    ) -> dict[str, dict[str, Any]]:
        """Known documents among ``pids``: the columns that tell whether the text changed.

        The full current row (its text, for version 1) is read only when a new version is
        written (:meth:`_first_version`).
        """
        out: dict[str, dict[str, Any]] = {}
        d = t.documents.c
        for chunk in _chunks(pids):
            q = select(
                d.id, d.platform_id, d.text_hash, d.version_count, d.edited_at, d.published_at
            ).where(and_(d.source_id == source_id, d.platform_id.in_(chunk)))
            for m in conn.execute(q).mappings():
                out[m["platform_id"]] = dict(m)
        return out

    def _ids(self, conn: Connection, source_id: int, pids: list[str]) -> dict[str, int]:
        d = t.documents.c
        out: dict[str, int] = {}
        for chunk in _chunks(pids):
            q = select(d.platform_id, d.id).where(
                and_(d.source_id == source_id, d.platform_id.in_(chunk))
            )
            out.update((pid, doc_id) for pid, doc_id in conn.execute(q))
        return out

    def _first_version(self, conn: Connection, doc: dict[str, Any]) -> None:
        """Copy a document's current text into ``document_versions`` as version 1."""
        d = t.documents.c
        cur = (
            conn.execute(
                select(
                    d.title,
                    d.text,
                    d.text_hash,
                    d.edited_at,
                    d.first_seen_at,
                    d.evidence_sha256,
                    d.locator,
                    d.run_id,
                ).where(d.id == doc["id"])
            )
            .mappings()
            .one()
        )
        conn.execute(
            insert(t.document_versions).values(
                document_id=doc["id"],
                version=1,
                title=cur["title"],
                text=cur["text"],
                text_hash=cur["text_hash"],
                edited_at=cur["edited_at"],
                captured_at=cur["first_seen_at"],
                evidence_sha256=cur["evidence_sha256"],
                locator=cur["locator"],
                run_id=cur["run_id"],
            )
        )

    def _insert_media(self, conn: Connection, new: list[_Prepared], ids: dict[str, int]) -> None:
        rows = []
        for p in new:
            for pos, m in enumerate(p.rec.media):
                rows.append(
                    {
                        "document_id": ids[clean_short(p.rec.platform_id, 600)],
                        "position": pos,
                        "kind": clean_short(m.kind, 32),
                        "sha256": m.sha256,
                        "mime_type": clean_short(m.mime_type, 128),
                        "original_name": clean_short(m.original_name, 1024),
                        "size": m.size,
                        "width": m.width,
                        "height": m.height,
                        "duration_seconds": m.duration_seconds,
                        "note": clean_short(m.note, 1024),
                        "meta": m.meta or None,
                    }
                )
        if rows:
            conn.execute(_insert(conn, t.media).on_conflict_do_nothing(), rows)

    def _apply_version(
        self, conn: Connection, doc: dict[str, Any], p: _Prepared, run_id: int | None, now: datetime
    ) -> bool:
        if p.hash == doc["text_hash"]:
            return False
        v = t.document_versions.c
        known = conn.scalar(
            select(v.id).where(and_(v.document_id == doc["id"], v.text_hash == p.hash))
        )
        if known is not None:
            return False
        if doc["version_count"] == 1:
            self._first_version(conn, doc)
        version = doc["version_count"] + 1
        rec = p.rec
        conn.execute(
            insert(t.document_versions).values(
                document_id=doc["id"],
                version=version,
                title=p.title,
                text=p.text,
                text_hash=p.hash,
                edited_at=rec.edited_at,
                captured_at=now,
                evidence_sha256=rec.evidence_sha256,
                locator=clean_short(rec.locator, 512),
                run_id=run_id,
            )
        )
        cur_time = doc["edited_at"] or doc["published_at"]
        new_time = as_utc(rec.edited_at) or as_utc(rec.published_at)
        is_newer = cur_time is None or new_time is None or new_time >= cur_time
        values: dict[str, Any] = {"version_count": version}
        if is_newer:
            values.update(
                title=p.title,
                text=p.text,
                text_hash=p.hash,
                edited_at=rec.edited_at,
                evidence_sha256=rec.evidence_sha256,
                locator=clean_short(rec.locator, 512),
                truncated=p.truncated,
            )
            if rec.views is not None:
                values["views"] = rec.views
        conn.execute(update(t.documents).where(t.documents.c.id == doc["id"]).values(**values))
        doc.update(values)
        if is_newer:
            self._index(
                conn,
                [
                    {
                        "id": doc["id"],
                        "title": p.title,
                        "text": p.text,
                        "lang": rec.lang,
                        "published_at": rec.published_at,
                        "replace": True,
                    }
                ],
            )
        return True

    def _index(self, conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
        for indexer in self.indexers:
            indexer.index_documents(conn, rows)

    # ------------------------------------------------------------------ reading
    def _where(self, f: DocumentFilter) -> list[Any]:
        d = t.documents.c
        conds: list[Any] = []
        if f.source_id is not None:
            conds.append(d.source_id == f.source_id)
        if f.lang:
            conds.append(d.lang == f.lang)
        if f.kind:
            conds.append(d.kind == f.kind)
        if f.date_from:
            conds.append(d.published_at >= f.date_from)
        if f.date_to:
            conds.append(d.published_at <= f.date_to)
        if f.ids is not None:
            conds.append(d.id.in_(f.ids))
        return conds

    def list_documents(self, f: DocumentFilter) -> tuple[list[DocumentRow], int]:
        d = t.documents.c
        conds = self._where(f)
        order = (
            [d.published_at.desc(), d.id.desc()]
            if f.order != "oldest"
            else [d.published_at.asc(), d.id.asc()]
        )
        q = (
            select(t.documents)
            .where(*conds)
            .order_by(*order)
            .limit(max(1, min(f.limit, 1000)))
            .offset(max(0, f.offset))
        )
        with self.engine.connect() as conn:
            total = conn.scalar(select(func.count()).select_from(t.documents).where(*conds)) or 0
            docs = [DocumentRow.from_mapping(m) for m in conn.execute(q).mappings()]
            self._attach_sources(conn, docs)
        return docs, int(total)

    def _attach_sources(self, conn: Connection, docs: list[DocumentRow]) -> None:
        ids = {doc.source_id for doc in docs}
        if not ids:
            return
        rows = conn.execute(select(t.sources).where(t.sources.c.id.in_(ids))).mappings()
        by_id = {m["id"]: SourceRow.from_mapping(m) for m in rows}
        for doc in docs:
            doc.source = by_id.get(doc.source_id)

    def count_documents(self, source_id: int | None = None) -> int:
        q = select(func.count()).select_from(t.documents)
        if source_id is not None:
            q = q.where(t.documents.c.source_id == source_id)
        with self.engine.connect() as conn:
            return int(conn.scalar(q) or 0)

    def get_document(self, doc_id: int) -> DocumentRow:
        d = t.documents.c
        with self.engine.connect() as conn:
            m = conn.execute(select(t.documents).where(d.id == doc_id)).mappings().first()
            if m is None:
                raise NotFound(f"no document {doc_id}")
            doc = DocumentRow.from_mapping(m)
            self._attach_sources(conn, [doc])
            doc.media = [
                MediaRow.from_mapping(x)
                for x in conn.execute(
                    select(t.media)
                    .where(t.media.c.document_id == doc_id)
                    .order_by(t.media.c.position)
                ).mappings()
            ]
            v = t.document_versions.c
            doc.versions = [
                VersionRow(
                    version=x["version"],
                    title=x["title"],
                    text=x["text"],
                    text_hash=x["text_hash"],
                    edited_at=x["edited_at"],
                    captured_at=x["captured_at"],
                    evidence_sha256=x["evidence_sha256"],
                    locator=x["locator"],
                )
                for x in conn.execute(
                    select(t.document_versions).where(v.document_id == doc_id).order_by(v.version)
                ).mappings()
            ]
            if doc.reply_to_id:
                doc.reply_to_doc = conn.scalar(
                    select(d.id).where(
                        and_(d.source_id == doc.source_id, d.platform_id == doc.reply_to_id)
                    )
                )
            doc.replies = list(
                conn.scalars(
                    select(d.id)
                    .where(and_(d.source_id == doc.source_id, d.reply_to_id == doc.platform_id))
                    .limit(100)
                )
            )
            doc.forward_of_doc = self._forward_origin(conn, doc)
            keys = self._source_keys(conn, doc.source_id)
            src_name = doc.source.name if doc.source else ""
            conds = (
                [and_(d.fwd_from_key.in_(keys), d.fwd_from_message_id == doc.platform_id)]
                if keys
                else []
            )
            if src_name:
                conds.append(
                    and_(
                        d.fwd_from_name == src_name,
                        d.fwd_from_key == "",
                        d.text_hash == doc.text_hash,
                    )
                )
            if conds:
                doc.forwarded_by = list(
                    conn.scalars(
                        select(d.id).where(or_(*conds)).order_by(d.published_at).limit(200)
                    )
                )
            doc.evidence = {"sha256": doc.evidence_sha256}
            cap = (
                conn.execute(
                    select(t.captures)
                    .where(t.captures.c.sha256 == doc.evidence_sha256)
                    .order_by(t.captures.c.id)
                    .limit(1)
                )
                .mappings()
                .first()
            )
            if cap:
                doc.evidence.update(
                    captured_at=cap["captured_at"],
                    origin=cap["origin"],
                    collector=cap["collector"],
                    collector_version=cap["collector_version"],
                )
        return doc

    def _forward_origin(self, conn: Connection, doc: DocumentRow) -> int | None:
        d = t.documents.c
        if doc.fwd_from_key and doc.fwd_from_message_id:
            sid = conn.scalar(
                select(t.source_keys.c.source_id).where(t.source_keys.c.key == doc.fwd_from_key)
            )
            if sid is not None:
                return conn.scalar(
                    select(d.id).where(
                        and_(d.source_id == sid, d.platform_id == doc.fwd_from_message_id)
                    )
                )
        if doc.fwd_from_name:
            # Desktop exports name the origin only: match a source of that name, same text.
            q = (
                select(d.id)
                .join(t.sources, t.sources.c.id == d.source_id)
                .where(
                    and_(
                        t.sources.c.name == doc.fwd_from_name,
                        d.text_hash == doc.text_hash,
                        d.id != doc.id,
                    )
                )
                .order_by(d.published_at)
                .limit(1)
            )
            return conn.scalar(q)
        return None
