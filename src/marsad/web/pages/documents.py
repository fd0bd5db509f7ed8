"""The documents list (``/``, ``/documents``) and one document's page."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from marsad.store import Store
from marsad.store.reading import media_counts
from marsad.store.rows import DocumentRow, VersionRow
from marsad.web import format as fmt
from marsad.web.deps import get_store
from marsad.web.media import inline_media_ids
from marsad.web.params import (
    KINDS,
    ORDERS,
    PER_PAGE_CHOICES,
    DocumentQuery,
    document_query,
    parse_id,
)
from marsad.web.render import render

router = APIRouter(include_in_schema=False)
StoreDep = Annotated[Store, Depends(get_store)]
Q = Annotated[str | None, Query()]
LANG_CHOICES = ("ar", "en", "fa", "fr", "he", "ku", "ru", "tr")
SHOWN_ENTITIES = frozenset(
    {"link", "text_link", "url", "mention", "mention_name", "hashtag", "cashtag", "email", "phone"}
)
PAGE_WINDOW = 3
MAX_EXTRA = 30  # structured fields shown per document
MAX_EXTRA_CHARS = 2000
MAX_DIFFS = 10  # word diffs computed per page (newest versions); older ones side by side


@router.get("/")
def home() -> Response:
    """The reading room opens on the documents list."""
    return RedirectResponse("/documents", status_code=307)


def listing_query(
    source: Q = None,
    language: Q = None,
    kind: Q = None,
    date_from: Annotated[str | None, Query(alias="from")] = None,
    date_to: Annotated[str | None, Query(alias="to")] = None,
    order: Q = None,
    page: Q = None,
    per_page: Q = None,
) -> DocumentQuery:
    """Dependency: the validated filters of a documents listing."""
    return document_query(
        source=source,
        language=language,
        kind=kind,
        date_from=date_from,
        date_to=date_to,
        order=order,
        page=page,
        per_page=per_page,
    )


def page_numbers(page: int, pages: int) -> list[int | None]:
    """Page links around ``page``: first, a window, last; None marks a gap."""
    keep = {1, pages, *range(page - PAGE_WINDOW, page + PAGE_WINDOW + 1)}
    out: list[int | None] = []
    last = 0
    for number in sorted(n for n in keep if 1 <= n <= pages):
        if last and number - last > 1:
            out.append(None)
        out.append(number)
        last = number
    return out


def _day_or_moment(value: datetime | None, bound: time) -> str | None:
    if value is None:
        return None
    return (
        value.date().isoformat()
        if value.timetz() == bound.replace(tzinfo=UTC)
        else value.isoformat()
    )


def api_url(q: DocumentQuery) -> str:
    """The ``/api/documents`` address answering the same listing in JSON."""
    params = {
        "source": q.source_id,
        "language": q.language,
        "kind": q.kind,
        "from": _day_or_moment(q.date_from, time.min),
        "to": _day_or_moment(q.date_to, time.max),
        "order": q.order if q.order != "newest" else None,
        "limit": q.per_page,
        "offset": q.offset or None,
    }
    return "/api/documents?" + urlencode({k: v for k, v in params.items() if v is not None})


@router.get("/documents")
def documents_list(
    request: Request, store: StoreDep, q: Annotated[DocumentQuery, Depends(listing_query)]
) -> Response:
    """The filtered, paginated list of documents."""
    docs, total = store.list_documents(q.to_filter())
    pages = max(1, -(-total // q.per_page))
    languages = list(LANG_CHOICES)
    if q.language and q.language not in languages:
        languages.append(q.language)
    context: dict[str, Any] = {
        "docs": docs,
        "total": total,
        "q": q,
        "pages": pages,
        "page_numbers": page_numbers(q.page, pages),
        "sources": store.list_sources(),
        "languages": languages,
        "kinds": KINDS,
        "orders": ORDERS,
        "per_page_choices": PER_PAGE_CHOICES,
        "media_counts": media_counts(store.engine, [d.id for d in docs]),
        "api_url": api_url(q),
        "first_row": q.offset + 1 if docs else 0,
        "last_row": q.offset + len(docs),
    }
    return render(request, "documents.html", context)


def _entities(doc: DocumentRow) -> list[dict[str, str | None]]:
    raw = (doc.extra or {}).get("entities") or []
    if not isinstance(raw, list):
        return []
    views = (fmt.entity_view(e) for e in raw[:500])
    return [v for v in views if v and v["type"] in SHOWN_ENTITIES]


def _extra(doc: DocumentRow) -> list[tuple[str, str]]:
    """Other structured fields (service action, poll, location...) as bounded text."""
    extra = doc.extra or {}
    out = []
    for key, value in list(extra.items())[:MAX_EXTRA]:
        if key == "entities":
            continue
        shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        out.append((str(key)[:64], fmt.snippet(shown, MAX_EXTRA_CHARS)))
    return out


def _versions(doc: DocumentRow) -> list[dict[str, Any]]:
    """Versions newest first, each with its word diff against the version before it."""
    ordered: list[VersionRow] = sorted(doc.versions, key=lambda v: v.version)
    out = []
    for i, version in enumerate(ordered):
        before = ordered[i - 1] if i else None
        recent = len(ordered) - i <= MAX_DIFFS
        diff = fmt.word_diff(before.text, version.text) if before and recent else []
        out.append({"v": version, "before": before, "diff": diff})
    return list(reversed(out))


@router.get("/documents/{doc_id}")
def document_page(request: Request, store: StoreDep, doc_id: str) -> Response:
    """One document with its evidence, media, links and versions."""
    doc = store.get_document(parse_id(doc_id))
    context = {
        "doc": doc,
        "src": doc.source,
        "body_dir": fmt.text_dir(doc.text, doc.lang),
        "title_dir": fmt.text_dir(doc.title, doc.lang),
        "entities": _entities(doc),
        "extra": _extra(doc),
        "versions": _versions(doc),
        "post_href": fmt.safe_href(doc.url),
        "inline_media": inline_media_ids(store, doc.media),
    }
    return render(request, "document.html", context)
