"""The app factory: extension by other capabilities, static assets, unknown methods."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.testclient import TestClient
from starlette.requests import Request
from starlette.responses import Response

from marsad.store import Store
from marsad.web.app import add_page, create_app
from marsad.web.render import NavItem, render
from tests.web.dom import parse


def test_another_capability_can_add_a_page(sqlite_store: Store) -> None:
    app = create_app(sqlite_store)
    router = APIRouter(include_in_schema=False)

    @router.get("/search")
    def search(request: Request) -> Response:
        return render(request, "error.html", {"status": 200, "message": "search page"})

    add_page(app, router, NavItem("nav.search", "/search"))
    with TestClient(app) as client:
        tree = parse(client.get("/search").text)
        labels = [a.text_content() for a in tree.xpath("//nav[@class='mainnav']//a")]
        assert labels == ["Documents", "nav.search", "Sources", "Runs"]  # key shown until added
        current = tree.xpath("//nav[@class='mainnav']//a[@aria-current='page']")
        assert [a.get("href") for a in current] == ["/search"]


def test_static_assets_and_methods(sqlite_store: Store) -> None:
    with TestClient(create_app(sqlite_store)) as client:
        css = client.get("/static/marsad.css")
        assert css.status_code == 200 and "margin-inline" in css.text
        assert "http" not in css.text  # no remote fonts or images
        js = client.get("/static/marsad.js")
        assert js.status_code == 200 and "fetch(" not in js.text
        assert client.get("/static/../app.py").status_code == 404
        assert client.post("/documents").status_code == 405
        assert client.get("/documents").status_code == 200  # empty store still renders
