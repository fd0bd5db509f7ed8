"""The REST API under ``/api/``: the same reads as the pages, as JSON.

Every answer has a pydantic model, so ``/openapi.json`` describes it; errors are
``{"error": "..."}`` with the status of the :class:`~marsad.core.errors.MarsadError`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from starlette.responses import Response

from marsad.core.errors import InputError
from marsad.store import Store
from marsad.web.deps import get_store
from marsad.web.params import DocumentQuery, document_query, parse_id, parse_int, parse_sha256
from marsad.web.schemas import (
    DocumentFull,
    DocumentList,
    DocumentSummary,
    ErrorOut,
    EvidenceOut,
    RunOut,
    SourceCreate,
    SourceDetail,
    SourceOut,
)

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "Malformed parameter"},
    404: {"model": ErrorOut, "description": "Unknown id"},
}
router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)
StoreDep = Annotated[Store, Depends(get_store)]
Q = Annotated[str | None, Query()]
MAX_RUNS = 500
MAX_OFFSET = 10**9


def api_query(
    source: Annotated[str | None, Query(description="Source id")] = None,
    language: Annotated[str | None, Query(description="Language code, e.g. ar")] = None,
    kind: Annotated[str | None, Query(description="post, service, article, comment")] = None,
    date_from: Annotated[str | None, Query(alias="from", description="YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, Query(alias="to", description="YYYY-MM-DD, inclusive")] = None,
    order: Annotated[str | None, Query(description="newest or oldest")] = None,
    limit: Annotated[str | None, Query(description="Rows (1-200, default 50)")] = None,
    offset: Annotated[str | None, Query(description="Rows to skip")] = None,
) -> DocumentQuery:
    """Dependency: the document filters of the API (``limit``/``offset`` paging)."""
    q = document_query(
        source=source,
        language=language,
        kind=kind,
        date_from=date_from,
        date_to=date_to,
        order=order,
        per_page=limit,
    )
    skip = parse_int(offset, "offset", lo=0, hi=MAX_OFFSET, default=0)
    return replace(q, page=skip // q.per_page + 1, offset=skip)


@router.get("/documents", response_model=DocumentList, summary="List documents")
def list_documents(
    store: StoreDep, q: Annotated[DocumentQuery, Depends(api_query)]
) -> dict[str, Any]:
    """Documents matching the filters, newest first unless order=oldest."""
    docs, total = store.list_documents(q.to_filter())
    return {
        "total": total,
        "offset": q.offset,
        "limit": q.per_page,
        "documents": [DocumentSummary.model_validate(d) for d in docs],
    }


@router.get("/documents/{doc_id}", response_model=DocumentFull, summary="One document")
def get_document(store: StoreDep, doc_id: str) -> DocumentFull:
    """A document with media, versions, links (reply, forward) and evidence."""
    doc = store.get_document(parse_id(doc_id))
    entities = (doc.extra or {}).get("entities") or []
    data = {
        **{k: getattr(doc, k) for k in DocumentFull.model_fields if hasattr(doc, k)},
        "entities": entities if isinstance(entities, list) else [],
        "evidence": doc.evidence or {"sha256": doc.evidence_sha256},
    }
    return DocumentFull.model_validate(data)


@router.get("/sources", response_model=list[SourceOut], summary="List sources")
def list_sources(store: StoreDep) -> list[SourceOut]:
    """Every source with its document count."""
    return [SourceOut.model_validate(s) for s in store.list_sources()]


def _source_detail(store: Store, source_id: int) -> SourceDetail:
    source = store.get_source(source_id)
    history = store.reliability_history(source_id)
    return SourceDetail.model_validate({**source.__dict__, "reliability_history": history})


@router.get("/sources/{source_id}", response_model=SourceDetail, summary="One source")
def get_source(store: StoreDep, source_id: str) -> SourceDetail:
    """A source with its keys and reliability history."""
    return _source_detail(store, parse_id(source_id, "source"))


@router.post("/sources", response_model=SourceDetail, status_code=201, summary="Create a source")
def create_source(
    request: Request, response: Response, store: StoreDep, body: SourceCreate
) -> SourceDetail:
    """Register a source. Only JSON bodies are accepted (no form posts from other sites)."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/json":
        raise InputError("send the source as JSON (Content-Type: application/json)")
    source_id = store.add_source(**body.model_dump(), decided_by="api")
    response.headers["Location"] = f"/api/sources/{source_id}"
    return _source_detail(store, source_id)


@router.get("/runs", response_model=list[RunOut], summary="Collection runs")
def list_runs(
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=MAX_RUNS, description="Most recent first")] = 50,
) -> list[RunOut]:
    """Recent collection runs with their counts."""
    runs = store.list_runs(limit)
    return [RunOut.model_validate(r) for r in runs]


@router.get("/evidence/{sha256}", response_model=EvidenceOut, summary="Evidence metadata")
def get_evidence(store: StoreDep, sha256: str) -> EvidenceOut:
    """Capture metadata of one archived blob; raw_url downloads its bytes."""
    info = store.evidence_info(parse_sha256(sha256))
    return EvidenceOut.model_validate({**info, "raw_url": f"/evidence/{info['sha256']}/raw"})
