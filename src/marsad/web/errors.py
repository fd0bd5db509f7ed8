"""Translating errors at the web edge: a friendly page, or ``{"error": ...}`` for the API.

``MarsadError`` answers with its ``http_status``; unknown routes with 404; malformed
parameters with 400. Anything unexpected is caught by
:class:`marsad.web.security.SecurityHeaders` (a plain 500). No traceback reaches the client.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from marsad.core.errors import MarsadError
from marsad.web.render import render

log = logging.getLogger(__name__)
MAX_MESSAGE = 300


def wants_json(request: Request) -> bool:
    """API routes (and the OpenAPI schema) answer in JSON."""
    path = request.url.path
    return path.startswith("/api/") or path == "/openapi.json"


def error_response(request: Request, status: int, message: str) -> Response:
    """One error answer in the right format for the route."""
    message = " ".join(message.split())[:MAX_MESSAGE]
    if wants_json(request):
        return JSONResponse({"error": message}, status_code=status)
    try:
        return render(request, "error.html", {"status": status, "message": message}, status)
    except Exception:  # a broken template must not hide the original error
        log.exception("error page failed")
        return Response(message, status_code=status, media_type="text/plain")


async def _marsad_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, MarsadError)
    if exc.http_status >= 500:
        log.error("%s on %s: %s", type(exc).__name__, request.url.path, exc)
    return error_response(request, exc.http_status, str(exc))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else "request failed"
    if exc.status_code == 404:
        detail = "no such page"
    response = error_response(request, exc.status_code, detail)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = []
    for err in exc.errors()[:3]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "body", "path"))
        problems.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return error_response(request, 400, "invalid request: " + "; ".join(problems))


def install(app: FastAPI) -> None:
    """Register the error handlers on ``app``."""
    app.add_exception_handler(MarsadError, _marsad_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
