"""Evidence pages and the two routes that hand out archived bytes.

``/evidence/{sha256}/raw`` is always a download (``application/octet-stream``,
``attachment``); ``/media/{id}`` is shown inline only for a real image (see
:mod:`marsad.web.media`), under a ``default-src 'none'`` policy, and is a download
otherwise. Neither ever serves bytes as HTML.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from starlette.requests import Request
from starlette.responses import FileResponse, Response

from marsad.core.errors import NotFound
from marsad.store import DocumentFilter, Store
from marsad.store.reading import documents_citing, get_media
from marsad.web.deps import get_store
from marsad.web.media import inline_type, read_head
from marsad.web.params import parse_id, parse_sha256
from marsad.web.render import render

router = APIRouter(include_in_schema=False)
StoreDep = Annotated[Store, Depends(get_store)]
NOSNIFF = {"X-Content-Type-Options": "nosniff"}
IMAGE_CSP = "default-src 'none'"
CITING_SHOWN = 100


@router.get("/evidence/{sha256}")
def evidence_page(request: Request, store: StoreDep, sha256: str) -> Response:
    """Capture metadata of one archived blob."""
    info = store.evidence_info(parse_sha256(sha256))
    citing = documents_citing(store.engine, info["sha256"], CITING_SHOWN)
    docs, _ = store.list_documents(DocumentFilter(ids=citing, limit=CITING_SHOWN, order="oldest"))
    context = {"ev": info, "present": _present(store, info), "docs": docs}
    return render(request, "evidence.html", context)


def _present(store: Store, info: dict[str, object]) -> bool:
    return store.archive.has(str(info["sha256"]))


def download(store: Store, sha256: str, filename: str) -> FileResponse:
    """The archived bytes as an attachment, never rendered by the browser."""
    path = store.archive.path_for(sha256)
    if not path.is_file():
        raise NotFound(f"evidence {sha256} is recorded but not in the archive")
    return FileResponse(
        path,
        media_type="application/octet-stream",
        filename=filename,
        content_disposition_type="attachment",
        headers={**NOSNIFF, "Content-Security-Policy": "default-src 'none'; sandbox"},
    )


@router.get("/evidence/{sha256}/raw")
def evidence_raw(store: StoreDep, sha256: str) -> Response:
    """Download the raw bytes of one blob (its name is its digest)."""
    digest = parse_sha256(sha256)
    store.evidence_info(digest)  # only blobs the store knows, not any file in the archive
    return download(store, digest, f"{digest}.bin")


@router.get("/media/{media_id}")
def media_file(
    store: StoreDep,
    media_id: str,
    as_download: Annotated[str | None, Query(alias="download")] = None,
) -> Response:
    """An archived media file: inline when it is a proven image, else a download."""
    media = get_media(store.engine, parse_id(media_id, "media"))
    if not media.sha256:
        raise NotFound(f"media {media.id} was not included in the export")
    path = store.archive.path_for(media.sha256)
    if not path.is_file():
        raise NotFound(f"media {media.id} is recorded but not in the archive")
    kind = inline_type(media, read_head(store, media.sha256))
    if kind is None or as_download:
        return download(store, media.sha256, f"{media.sha256}.bin")
    return FileResponse(
        path,
        media_type=kind,
        content_disposition_type="inline",
        headers={**NOSNIFF, "Content-Security-Policy": IMAGE_CSP},
    )
