"""Source pages and the runs page."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.corpus import Corpus
from tests.web.dom import by_class, by_id, parse, text


def test_sources_table(client: TestClient, corpus: Corpus) -> None:
    tree = parse(client.get("/sources").text)
    rows = [text(tr) for tr in by_id(tree, "sources-table").xpath(".//tbody/tr")]
    assert len(rows) == 2
    assert "الإعلام الحربي المركزي" in rows[0] and "Affiliated" in rows[0]
    assert "Operations room of the axis" in rows[0] and rows[0].endswith("3")
    assert "@copier" in rows[1] and rows[1].endswith("61")


def test_source_page_history_and_latest(client: TestClient, corpus: Corpus) -> None:
    tree = parse(client.get(f"/sources/{corpus.origin}").text)
    assert text(by_id(tree, "source-name")) == "الإعلام الحربي المركزي"
    history = [text(tr) for tr in by_id(tree, "reliability-history").xpath(".//tbody/tr")]
    assert len(history) == 2
    assert "analyst1" in history[0] and "claims matched later reports" in history[0]
    assert "B" in history[0] and "system" in history[1]  # newest decision first
    assert {text(li) for li in by_id(tree, "aliases").xpath("li")} == {
        "Central Media",
        "al-Elam al-Harbi",
    }
    assert "telegram:id:42" in text(by_id(tree, "keys"))
    latest = by_class(by_id(tree, "latest"), "docrow", "li")
    assert len(latest) == 3


def test_source_unknown(client: TestClient) -> None:
    assert client.get("/sources/4242").status_code == 404
    assert client.get("/sources/x").status_code == 404


def test_runs_page(client: TestClient, corpus: Corpus) -> None:
    tree = parse(client.get("/runs").text)
    row = text(by_id(tree, f"run-{corpus.run}"))
    assert "telegram_export" in row and "partial" in row
    assert "message without an id" in text(tree) and "messages[77]" in text(tree)
