"""Search service: the one function the CLI, the REST API and the web page call."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from marsad.core.errors import QueryError
from marsad.search.backends import SearchPlan, backend_for
from marsad.search.query import parse_query
from marsad.search.snippet import Matcher, Snippet, make_snippet
from marsad.store import DocumentFilter, Store

__all__ = ["MAX_LIMIT", "MAX_OFFSET", "SORTS", "Hit", "SearchResults", "search"]

SORTS = ("relevance", "newest")
MAX_LIMIT = 100
MAX_OFFSET = 10_000


@dataclass
class Hit:
    """One matching document."""

    id: int
    source_id: int
    source: str
    published_at: datetime | None
    lang: str
    score: float
    title: str
    snippet: Snippet

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source_id": self.source_id,
            "source": self.source,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "lang": self.lang,
            "score": round(self.score, 6),
            "title": self.title,
            "snippet": self.snippet.text,
            "snippet_html": self.snippet.html,
            "highlights": [list(s) for s in self.snippet.spans],
        }


@dataclass
class SearchResults:
    """A page of hits with the (possibly capped) total."""

    query: str
    sort: str
    page: int
    limit: int
    translit: bool
    total: int
    total_exact: bool
    ranked_within: int | None
    hits: list[Hit] = field(default_factory=list)
    common: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "sort": self.sort,
            "page": self.page,
            "limit": self.limit,
            "translit": self.translit,
            "total": self.total,
            "total_exact": self.total_exact,
            "ranked_within": self.ranked_within,
            "unranked_common": self.common,
            "hits": [h.to_json() for h in self.hits],
        }


def _check(sort: str, limit: int, page: int) -> None:
    if sort not in SORTS:
        raise QueryError(f"sort must be one of {', '.join(SORTS)}, not {sort[:20]!r}")
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}")
    if page < 1 or (page - 1) * limit > MAX_OFFSET:
        raise QueryError(f"page must be between 1 and {MAX_OFFSET // limit + 1}")


def search(
    store: Store,
    text: str,
    *,
    sort: str = "relevance",
    limit: int = 20,
    page: int = 1,
    translit: bool = True,
) -> SearchResults:
    """Search the store's documents.

    Args:
        store: An open store.
        text: A query in Marsad's query language (:mod:`marsad.search.query`).
        sort: ``relevance`` or ``newest``.
        limit: Hits per page (1–100).
        page: Page number, from 1.
        translit: Cross-script matching unless the query says ``translit:off``.

    Returns:
        The page of hits, with highlighted snippets.

    Raises:
        QueryError: The query or the paging options cannot be used.
        NotFound: A ``source:`` names no known source.
    """
    _check(sort, limit, page)
    query = parse_query(text, translit=translit)
    source_ids = [store.get_source(ref).id for ref in query.sources]
    plan = SearchPlan(query, source_ids, sort, limit, (page - 1) * limit)
    with store.engine.connect() as conn:
        result = backend_for(store.engine).search(conn, plan)
    docs, _ = store.list_documents(
        DocumentFilter(ids=[i for i, _ in result.hits], limit=max(1, len(result.hits)))
    )
    by_id = {d.id: d for d in docs}
    matcher = Matcher(query)
    hits = []
    for doc_id, score in result.hits:
        doc = by_id.get(doc_id)
        if doc is None:  # deleted between the two reads
            continue
        hits.append(
            Hit(
                id=doc.id,
                source_id=doc.source_id,
                source=doc.source.label if doc.source else str(doc.source_id),
                published_at=doc.published_at,
                lang=doc.lang,
                score=score,
                title=doc.title,
                snippet=make_snippet(doc.text or doc.title, matcher),
            )
        )
    return SearchResults(
        text, sort, page, limit, query.translit, result.total, result.total_exact,
        result.ranked_within, hits, result.common,
    )  # fmt: skip
