"""Small request helpers shared by pages and the API."""

from __future__ import annotations

from starlette.requests import Request

from marsad.store import Store


def get_store(request: Request) -> Store:
    """The store the app was created over."""
    store: Store = request.app.state.store
    return store
