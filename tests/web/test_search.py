"""The search page and ``GET /api/search`` over a real SQLite store."""

from __future__ import annotations

from fastapi.testclient import TestClient

from marsad.store import Store
from marsad.web.app import create_app
from tests.search.seed import seed_names
from tests.web.dom import by_class, by_id, parse


def _client(store: Store) -> TestClient:
    seed_names(store)
    return TestClient(create_app(store), follow_redirects=False)


def test_api_search_finds_all_spellings(sqlite_store: Store) -> None:
    ids = seed_names(sqlite_store)
    c = TestClient(create_app(sqlite_store))
    data = c.get("/api/search", params={"q": "Soleimani", "sort": "newest"}).json()
    assert [h["id"] for h in data["hits"]] == [ids["so"], ids["su"], ids["ar"]]
    assert data["total"] == 3 and data["total_exact"] is True
    off = c.get("/api/search", params={"q": "Soleimani", "translit": "false"}).json()
    assert [h["id"] for h in off["hits"]] == [ids["so"]]


def test_api_errors_are_json_400(sqlite_store: Store) -> None:
    c = _client(sqlite_store)
    r = c.get("/api/search", params={"q": "(unclosed"})
    assert r.status_code == 400 and "parenthesis" in r.json()["error"]
    assert c.get("/api/search", params={"q": "x", "sort": "random"}).status_code == 400
    assert c.get("/api/search", params={"q": "x", "page": "-1"}).status_code == 400
    assert c.get("/api/search").status_code == 400  # q is required


def test_api_is_documented(sqlite_store: Store) -> None:
    spec = _client(sqlite_store).get("/openapi.json").json()
    op = spec["paths"]["/api/search"]["get"]
    assert {p["name"] for p in op["parameters"]} >= {"q", "sort", "limit", "page", "translit"}
    assert "SearchOut" in spec["components"]["schemas"]


def test_page_marks_matches_and_escapes_posts(sqlite_store: Store) -> None:
    c = _client(sqlite_store)
    r = c.get("/search", params={"q": "Soleimani weather"})
    assert r.status_code == 200
    r = c.get("/search", params={"q": "Suleimani", "translit": "on"})
    tree = parse(r.text)
    marks = [m.text for m in tree.iter("mark")]
    assert sorted(marks) == sorted(["سليماني", "Suleimani", "Soleimani's"])  # possessive kept
    assert len(by_class(tree, "hit", "li")) == 3
    rtl = [s.get("dir") for s in by_class(tree, "snippet") if "سليماني" in "".join(s.itertext())]
    assert rtl == ["rtl"]
    hostile = c.get("/search", params={"q": "weather"}).text
    assert "<script>alert" not in hostile and "&lt;script&gt;" in hostile


def test_page_translit_checkbox_off_finds_exact_spelling(sqlite_store: Store) -> None:
    c = _client(sqlite_store)
    # the form submitted with the checkbox unticked (it then sends nothing)
    tree = parse(c.get("/search", params={"q": "Suleimani", "form": "1"}).text)
    assert [m.text for m in tree.iter("mark")] == ["Suleimani"]
    assert by_id(tree, "search-translit").get("checked") is None
    fresh = parse(c.get("/search").text)
    assert by_id(fresh, "search-translit").get("checked") is not None


def test_page_link_without_form_state_keeps_translit_on(sqlite_store: Store) -> None:
    """A shared link /search?q=Soleimani must find every spelling, as the default says."""
    c = _client(sqlite_store)
    tree = parse(c.get("/search", params={"q": "Soleimani"}).text)
    assert by_id(tree, "search-translit").get("checked") is not None
    assert len({m.text for m in tree.iter("mark")}) >= 2  # Soleimani and سليماني/Suleimani
    off = parse(c.get("/search", params={"q": "Soleimani", "translit": "off"}).text)
    assert by_id(off, "search-translit").get("checked") is None


def test_page_bad_query_is_a_400_with_the_form(sqlite_store: Store) -> None:
    r = _client(sqlite_store).get("/search", params={"q": '"open'})
    assert r.status_code == 400
    assert "unbalanced quote" in by_id(parse(r.text), "search-error").text
    assert 'id="search-q"' in r.text


def test_nav_has_search(sqlite_store: Store) -> None:
    r = _client(sqlite_store).get("/documents")
    assert 'href="/search"' in r.text
