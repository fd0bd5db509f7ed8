"""Sources (``/sources``, ``/sources/{id}``) and collection runs (``/runs``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from starlette.requests import Request
from starlette.responses import Response

from marsad.store import DocumentFilter, Store
from marsad.web.deps import get_store
from marsad.web.params import parse_id
from marsad.web.render import render

router = APIRouter(include_in_schema=False)
StoreDep = Annotated[Store, Depends(get_store)]
LATEST = 20
RUNS_SHOWN = 100
ERRORS_SHOWN = 20


@router.get("/sources")
def sources_list(request: Request, store: StoreDep) -> Response:
    """Every source with its type, reliability and document count."""
    return render(request, "sources.html", {"sources": store.list_sources()})


@router.get("/sources/{source_id}")
def source_page(request: Request, store: StoreDep, source_id: str) -> Response:
    """One source: details, aliases, keys, reliability history, latest documents."""
    source = store.get_source(parse_id(source_id, "source"))
    docs, total = store.list_documents(DocumentFilter(source_id=source.id, limit=LATEST))
    history = list(reversed(store.reliability_history(source.id)))
    context = {"src": source, "history": history, "docs": docs, "total": total}
    return render(request, "source.html", context)


def _run_view(store: Store, run: dict[str, Any]) -> dict[str, Any]:
    errors = store.run_errors(run["id"])[:ERRORS_SHOWN] if run["errors"] else []
    return {
        **run,
        "started_at": run["started_at"],
        "finished_at": run.get("finished_at"),
        "error_rows": errors,
    }


@router.get("/runs")
def runs_list(request: Request, store: StoreDep) -> Response:
    """Recent collection runs with their counts and first errors."""
    runs = [_run_view(store, r) for r in store.list_runs(RUNS_SHOWN)]
    names = {s.id: s.label for s in store.list_sources()} if runs else {}
    return render(request, "runs.html", {"runs": runs, "source_names": names})
