"""``/api/docs``: a local page listing the REST endpoints from the OpenAPI schema.

FastAPI's Swagger UI loads its assets from a CDN, which the reading room forbids
(offline, strict CSP); this page needs nothing but the schema.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from marsad.web.render import render

router = APIRouter(include_in_schema=False)
METHODS = ("get", "post", "put", "patch", "delete")


def endpoints(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """Flatten an OpenAPI schema into rows: method, path, summary, parameters."""
    rows = []
    for path, item in schema.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if not op:
                continue
            params = [
                {
                    "name": p.get("name", ""),
                    "where": p.get("in", ""),
                    "help": p.get("description", ""),
                }
                for p in op.get("parameters", [])
            ]
            body = op.get("requestBody", {}).get("content", {}).get("application/json")
            rows.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "params": params,
                    "body": (body or {}).get("schema", {}).get("$ref", "").rsplit("/", 1)[-1],
                }
            )
    return rows


@router.get("/api/docs")
def api_docs(request: Request) -> Response:
    """The endpoint list, rendered without any remote asset."""
    return render(request, "api_docs.html", {"endpoints": endpoints(request.app.openapi())})
