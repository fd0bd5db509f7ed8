"""Read-only aggregates the reading room needs for listings (no writes here)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Engine, func, select

from marsad.core.errors import NotFound
from marsad.store import tables as t
from marsad.store.rows import MediaRow


def media_counts(engine: Engine, doc_ids: Sequence[int]) -> dict[int, int]:
    """Number of media items per document, for the given document ids.

    Args:
        engine: The store's engine.
        doc_ids: Documents of one listing page (bounded by the page size).

    Returns:
        ``{document_id: count}`` for documents with at least one media item.
    """
    if not doc_ids:
        return {}
    m = t.media.c
    q = (
        select(m.document_id, func.count())
        .where(m.document_id.in_(list(doc_ids)))
        .group_by(m.document_id)
    )
    with engine.connect() as conn:
        return {int(doc_id): int(n) for doc_id, n in conn.execute(q)}


def get_media(engine: Engine, media_id: int) -> MediaRow:
    """One media row by id.

    Raises:
        NotFound: No media item has this id.
    """
    with engine.connect() as conn:
        row = conn.execute(select(t.media).where(t.media.c.id == media_id)).mappings().first()
    if row is None:
        raise NotFound(f"no media {media_id}")
    return MediaRow.from_mapping(row)


def documents_citing(engine: Engine, sha256: str, limit: int = 100) -> list[int]:
    """Documents derived from a blob: parsed from it (any version), or holding it as media.

    Args:
        engine: The store's engine.
        sha256: The blob's digest.
        limit: Most ids returned (oldest documents first).
    """
    d, m, v = t.documents.c, t.media.c, t.document_versions.c
    as_evidence = select(d.id).where(d.evidence_sha256 == sha256)
    as_version = select(v.document_id).where(v.evidence_sha256 == sha256)
    as_media = select(m.document_id).where(m.sha256 == sha256)
    cited = as_evidence.union(as_version, as_media).scalar_subquery()
    q = (
        select(d.id)
        .where(d.id.in_(cited))
        .order_by(d.published_at.is_(None), d.published_at, d.id)
        .limit(limit)
    )
    with engine.connect() as conn:
        return [int(x) for x in conn.scalars(q)]
