"""Search in the reading room: the ``/search`` page and the ``GET /api/search`` endpoint.

Both are thin faces over :func:`marsad.search.search`; ``install(app)`` registers them
and the navigation entry (one line in :func:`marsad.web.app.create_app`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Query
from pydantic import BaseModel, Field
from starlette.requests import Request
from starlette.responses import Response

from marsad.core.errors import QueryError
from marsad.search import search
from marsad.search.service import MAX_LIMIT, SORTS
from marsad.store import Store
from marsad.web.deps import get_store
from marsad.web.render import NavItem, render
from marsad.web.schemas import ErrorOut

__all__ = ["api_router", "install", "page_router"]

PER_PAGE = 20
page_router = APIRouter(include_in_schema=False)
api_router = APIRouter(
    prefix="/api",
    tags=["search"],
    responses={400: {"model": ErrorOut, "description": "Malformed query or paging"}},
)
StoreDep = Annotated[Store, Depends(get_store)]


class HitOut(BaseModel):
    """One matching document with its highlighted snippet."""

    id: int
    source_id: int
    source: str
    published_at: datetime | None
    lang: str
    score: float = Field(description="Relevance (higher is better; 0 when sorted by date)")
    title: str
    snippet: str = Field(description="Plain text around the first match")
    snippet_html: str = Field(description="The snippet, HTML-escaped, matches in <mark>")
    highlights: list[list[int]] = Field(description="[start, end) of each match in snippet")


class SearchOut(BaseModel):
    """A page of search results."""

    query: str
    sort: str
    page: int
    limit: int
    translit: bool
    total: int = Field(description="Matches, counted up to 10,000")
    total_exact: bool = Field(description="False when total is a lower bound")
    ranked_within: int | None = Field(
        description="Relevance was ranked within this many newest matches (very common words)"
    )
    unranked_common: list[str] = Field(
        description="Very common words that made this relevance query come back newest first"
    )
    hits: list[HitOut]


def _int(value: str | None, name: str, default: int, hi: int) -> int:
    if value in (None, ""):
        return default
    if not value.isdigit() or not 1 <= int(value) <= hi:
        raise QueryError(f"{name} must be a whole number from 1 to {hi}")
    return int(value)


@api_router.get("/search", response_model=SearchOut, summary="Search documents")
def api_search(
    store: StoreDep,
    q: Annotated[
        str,
        Query(
            description='Query: words, "phrases", AND/OR/NOT, -word, '
            "prefix*, source:, lang:, from:, to:, translit:off"
        ),
    ],
    sort: Annotated[str, Query(description="relevance or newest")] = "relevance",
    limit: Annotated[
        str | None, Query(description=f"Hits per page (1-{MAX_LIMIT}, default 20)")
    ] = None,
    page: Annotated[str | None, Query(description="Page, from 1")] = None,
    translit: Annotated[bool, Query(description="Match other scripts' spellings")] = True,
) -> dict[str, Any]:
    """Full-text search in Arabic, Persian and English, across spellings and scripts."""
    res = search(
        store,
        q,
        sort=sort,
        limit=_int(limit, "limit", PER_PAGE, MAX_LIMIT),
        page=_int(page, "page", 1, 10_000),
        translit=translit,
    )
    return res.to_json()


def _translit_param(params: Any) -> bool:
    """Transliteration is on unless the user turned it off.

    The form marks itself with ``form=1``: there an unticked checkbox (which sends
    nothing) means off. A plain link (``/search?q=Soleimani``) keeps the default, on;
    ``translit=off`` (or 0/false/no) turns it off anywhere.
    """
    value = params.get("translit")
    if value is not None:
        return value.lower() not in {"off", "0", "false", "no"}
    return "form" not in params


@page_router.get("/search")
def search_page(request: Request, store: StoreDep) -> Response:
    """The search form and, when a query is given, one page of highlighted results."""
    params = request.query_params
    text = (params.get("q") or "").strip()
    translit = _translit_param(params)
    sort = params.get("sort") or "relevance"
    context: dict[str, Any] = {"q": text, "sort": sort, "sorts": SORTS, "translit": translit}
    context.update(results=None, error="")
    status = 200
    if text:
        try:
            context["results"] = search(
                store,
                text,
                sort=sort,
                limit=PER_PAGE,
                page=_int(params.get("page"), "page", 1, 10_000),
                translit=translit,
            )
        except QueryError as exc:
            context["error"], status = str(exc), 400
    return render(request, "search.html", context, status)


def install(app: FastAPI) -> None:
    """Add the search page, the search API and the navigation entry to ``app``."""
    from marsad.web.app import add_page  # the factory imports this module

    add_page(app, page_router, NavItem("nav.search", "/search"), position=1)
    app.include_router(api_router)
