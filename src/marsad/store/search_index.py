"""The store's hook into search: keep the full-text index current on every write.

``Store.open`` imports this module and appends :func:`indexer_for` to its indexers;
``Store.write_batch`` then calls ``index_documents`` inside its own transaction, so a
document and its index entry commit (or roll back) together. :func:`rebuild` is what
``marsad reindex`` runs.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine, func, select

from marsad.search.backends import Backend, backend_for
from marsad.store import tables as t

__all__ = ["indexer_for", "rebuild"]

BATCH = 2000


def indexer_for(engine: Engine) -> Backend:
    """The search backend matching the store's database."""
    return backend_for(engine)


def rebuild(engine: Engine, progress: Callable[[int, int], None] | None = None) -> int:
    """Rebuild the index from the documents table, in id order, one transaction per batch.

    Args:
        engine: The store's engine.
        progress: Called with (documents done, total) after each batch.

    Returns:
        The number of documents indexed.
    """
    backend = backend_for(engine)
    d = t.documents.c
    cols = (d.id, d.source_id, d.title, d.text, d.text_hash, d.lang, d.published_at)
    with engine.connect() as conn:
        total = int(conn.scalar(select(func.count()).select_from(t.documents)) or 0)
    with engine.begin() as conn:
        backend.clear(conn)
    done, last = 0, 0
    while True:
        with engine.begin() as conn:
            rows = [
                dict(m)
                for m in conn.execute(
                    select(*cols).where(d.id > last).order_by(d.id).limit(BATCH)
                ).mappings()
            ]
            if not rows:
                break
            backend.index_documents(conn, rows)
        done += len(rows)
        last = int(rows[-1]["id"])
        if progress:
            progress(done, total)
    with engine.begin() as conn:
        backend.finish_rebuild(conn)
    return done
