"""What every search backend does, and the pieces they share.

Sort key: both backends order documents by ``rk = (minutes since 1900 << 34) | doc_id``,
a 63-bit integer that is unique by construction, sorts by publication time (minute
precision, ties by id) and turns ``from:``/``to:`` into one integer range. On SQLite it
*is* the FTS5 rowid, so newest-first is FTS5 walking its doclists backwards and stopping
after ``limit`` rows.

Bounded work for very common words: the total is counted up to :data:`COUNT_CAP`
matches (reported as "more than"), and relevance ranks the newest :data:`RANK_WINDOW`
matches. A query with fewer matches than the window is ranked exactly over all of
them; one with more is ranked within the newest window and says so
(``Page.ranked_within``).

Relevance itself (FTS5 ``bm25``, PostgreSQL ``ts_rank_cd``) costs time in proportion to
how often the query's words occur *anywhere* (bm25's IDF walks each word's whole
posting list): 75 ms of CPU for the commonest word of a million posts, whatever the
window. So each positive word is first probed on the newest :data:`PROBE_DOCS` posts
(a cheap, bounded count); a word found in more than :data:`COMMON_SHARE` of them is
*very common* (its IDF is near zero anyway) and a query containing one is returned
newest first instead of ranked, naming the word (``Page.common``) so the user can drop
it. Every other query is ranked exactly. Matching never changes, only the order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal, Protocol

from sqlalchemy import Connection

from marsad.search.query import And, Node, Or, Phrase, Query, Term

__all__ = [
    "COMMON_SHARE",
    "COUNT_CAP",
    "PROBE_DOCS",
    "RANK_WINDOW",
    "Backend",
    "Page",
    "SearchPlan",
    "leaf_label",
    "order_of",
    "positive_leaves",
    "rk_bounds",
    "sort_key",
]

COUNT_CAP = 10_000
RANK_WINDOW = 1_000
PROBE_DOCS = 2_000
COMMON_SHARE = 0.05
_ID_BITS = 34
_EPOCH = datetime(1900, 1, 1, tzinfo=UTC)
_MAX_MINUTES = (1 << (63 - _ID_BITS)) - 1


def _minutes(when: datetime | None) -> int:
    if when is None:
        return 0
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    m = int((when - _EPOCH).total_seconds() // 60)
    return min(max(m, 0), _MAX_MINUTES)


def sort_key(published_at: datetime | None, doc_id: int) -> int:
    """The time-ordered, unique index key of a document."""
    return (_minutes(published_at) << _ID_BITS) | doc_id


def doc_id_of(rk: int) -> int:
    return rk & ((1 << _ID_BITS) - 1)


def rk_bounds(query: Query) -> tuple[int, int]:
    """Inclusive sort-key range for the query's ``from:``/``to:``."""
    lo = sort_key(query.date_from, 0) if query.date_from else 0
    hi = sort_key(query.date_to, (1 << _ID_BITS) - 1) if query.date_to else (1 << 63) - 1
    return lo, hi


@dataclass
class SearchPlan:
    """A parsed query with its filters resolved (source ids) for a backend."""

    query: Query
    source_ids: list[int]
    sort: str = "relevance"  # relevance | newest
    limit: int = 20
    offset: int = 0


@dataclass
class Page:
    """One page of matches: ``(doc_id, score)`` pairs and the (capped) total."""

    hits: list[tuple[int, float]]
    total: int
    total_exact: bool
    ranked_within: int | None = None
    common: list[str] = field(default_factory=list)


def positive_leaves(node: Node) -> list[Term | Phrase]:
    """The words and phrases a query looks for (not those under NOT)."""
    if isinstance(node, Term | Phrase):
        return [node]
    if isinstance(node, And | Or):
        return [leaf for child in node.children for leaf in positive_leaves(child)]
    return []


def leaf_label(leaf: Term | Phrase) -> str:
    """How a word or phrase is named back to the user."""
    return leaf.norm if isinstance(leaf, Term) else " ".join(leaf.words)


def order_of(plan: SearchPlan, total: int, common: list[str]) -> Literal["date", "rank", "window"]:
    """How a page is ordered (see the module docstring): ``date`` for newest first (asked
    for, or a very common word in the query), ``rank`` for relevance over every match
    (no more than :data:`RANK_WINDOW`), ``window`` for relevance within the newest
    :data:`RANK_WINDOW` matches."""
    if plan.sort == "newest" or common:
        return "date"
    return "rank" if total <= RANK_WINDOW else "window"


class Backend(Protocol):
    """A full-text index kept inside the store's own database."""

    def index_documents(self, conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
        """Index new or changed documents (replacing what was indexed for their ids)."""

    def clear(self, conn: Connection) -> None:
        """Remove everything from the index (before a rebuild)."""

    def finish_rebuild(self, conn: Connection) -> None:
        """Compact the index after a rebuild."""

    def search(self, conn: Connection, plan: SearchPlan) -> Page:
        """Run one query."""
