"""The reading room's application factory.

``create_app(store)`` wires the pages, the REST API, the static files, the security
headers and the error handlers around one :class:`~marsad.store.Store`::

    uvicorn.run(create_app(Store.open()))

Extending it: a capability with its own page calls :func:`add_page` with its router
and a :class:`~marsad.web.render.NavItem` (whose label key must exist in both
``web/i18n/*.yaml`` catalogues), or lists its router in :func:`page_routers`. Its
templates extend ``base.html`` and render through :func:`marsad.web.render.render`;
they may also fill the ``{% block nav_extra %}`` hook.
"""

from __future__ import annotations

from fastapi import APIRouter, FastAPI
from starlette.staticfiles import StaticFiles

from marsad import __version__
from marsad.store import Store
from marsad.web import api, errors
from marsad.web.pages import apidocs, documents, evidence, sources
from marsad.web.render import STATIC_DIR, NavItem, make_templates
from marsad.web.security import BodyLimit, SecurityHeaders

DEFAULT_NAV: tuple[NavItem, ...] = (
    NavItem("nav.documents", "/documents"),
    # Search (another capability) inserts its entry here: app.state.nav.insert(1, ...).
    NavItem("nav.sources", "/sources"),
    NavItem("nav.runs", "/runs"),
)


def page_routers() -> list[APIRouter]:
    """The routers of the HTML pages, in navigation order."""
    # Later capabilities (search, ...) add their page routers here, one line each.
    return [documents.router, sources.router, evidence.router, apidocs.router]


def add_page(
    app: FastAPI, router: APIRouter, nav: NavItem | None = None, *, position: int = 1
) -> None:
    """Add a page family to the app and, optionally, an entry to the top navigation.

    Args:
        app: An app made by :func:`create_app`.
        router: The page's routes (``include_in_schema=False`` for HTML pages).
        nav: Navigation entry; inserted at ``position`` (1 = right after Documents).
        position: Index in the navigation list.
    """
    app.include_router(router)
    if nav is not None:
        app.state.nav.insert(position, nav)


def create_app(store: Store) -> FastAPI:
    """Build the web application over ``store``.

    Args:
        store: An open store; the app does not close it.

    Returns:
        The FastAPI application (HTML pages, ``/api/`` JSON, ``/static`` assets).
    """
    app = FastAPI(
        title="Marsad reading room",
        version=__version__,
        description="Archive-first reading room for armed groups' public media.",
        docs_url=None,
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
    )
    app.state.store = store
    app.state.templates = make_templates()
    app.state.nav = list(DEFAULT_NAV)
    for router in page_routers():
        app.include_router(router)
    app.include_router(api.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    errors.install(app)
    app.add_middleware(BodyLimit)
    app.add_middleware(SecurityHeaders)  # outermost: its headers cover every answer
    return app
