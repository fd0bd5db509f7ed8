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
