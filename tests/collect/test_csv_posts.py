"""CSV posts: column mapping, messy dates, leading times, real IDF channel data."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

import pytest

from marsad.collect.csv_dates import DateReader
from marsad.collect.csv_posts import CsvCollector, row_id
from marsad.core.errors import ConfigError, InputError
from marsad.pipeline.ingest import ingest
from marsad.store import Store
from tests.collect.conftest import docs_by_pid
from tests.conftest import shared_data
from tests.httpserver import Reply, TestServer

MESSY = """\
Post ID;Message;When;Who;Link
a1;18:31Following the attack, forces searched the area.;29/02/2024;Spokesman;https://t.me/x/1
a2;"بيان: استهداف آلية
في المحور الشرقي";23.04.2024 16:11:34 UTC+03:00;المكتب الإعلامي;javascript:alert(1)
a3;No date on this one;;;
a4;07:05 Sirens sounded in the north.;1/3/2024;;
a5;Unreadable date here;the day after tomorrow-ish;;
"""


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def run(store: Store, path: Path, **options: str):  # type: ignore[no-untyped-def]
    sid = store.add_source("telegram", "@scraped") if not store.list_sources() else 1
    return ingest(store, str(path), collector=CsvCollector(), source=sid, options=options)


def test_mapping_and_messy_dates(local_store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, "posts.csv", MESSY)
    result = run(
        local_store, path, id="post id", text="Message", date="WHEN", author="Who", url="Link"
    )
    assert result.counts.added == 5
    assert result.errors == 1  # the unreadable date, reported, row kept
    docs = docs_by_pid(local_store)
    assert docs["a1"].text == "Following the attack, forces searched the area."
    assert docs["a1"].published_at == datetime(2024, 2, 29, 18, 31, tzinfo=UTC)
    assert (docs["a1"].author, docs["a1"].url, docs["a1"].locator) == (
        "Spokesman",
        "https://t.me/x/1",
        "row 1",
    )
    assert docs["a2"].text == "بيان: استهداف آلية\nفي المحور الشرقي"
    assert docs["a2"].published_at == datetime(2024, 4, 23, 13, 11, 34, tzinfo=UTC)
    assert docs["a2"].url == ""  # not an http(s) link: dropped
    assert docs["a3"].published_at is None
    assert docs["a4"].published_at == datetime(2024, 3, 1, 7, 5, tzinfo=UTC)  # day first
    assert docs["a4"].text == "Sirens sounded in the north."
    assert docs["a5"].published_at is None
    [err] = local_store.run_errors(result.run_id)
    assert err["locator"] == "row 5" and "cannot read the date" in err["message"]
    assert docs["a1"].platform == "telegram"  # the source's platform


def test_options_dayfirst_leading_time_tz(local_store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, "p.csv", "id,text,date\n1,09:15Morning update,03/04/2024\n")
    run(local_store, path, dayfirst="0", leading_time="0", tz="+02:00")
    doc = docs_by_pid(local_store)["1"]
    assert doc.text == "09:15Morning update"
    assert doc.published_at == datetime(2024, 3, 3, 22, 0, tzinfo=UTC)  # 4 March, +02:00


def test_guessed_columns_and_hash_ids(local_store: Store, tmp_path: Path) -> None:
    content = "Content,Published\nSame text,01/05/2024\nSame text,01/05/2024\nOther,01/05/2024\n"
    path = write(tmp_path, "g.csv", content)
    result = run(local_store, path)
    assert result.counts.seen == 3
    assert local_store.count_documents() == 2  # identical (date, text) rows collapse
    assert row_id("01/05/2024", "Same text") in docs_by_pid(local_store)
    again = run(local_store, path)
    assert again.counts.added == 0


def test_needs_source_and_known_columns(local_store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, "n.csv", "text\nhello\n")
    with pytest.raises(InputError, match="give --source"):
        ingest(local_store, str(path), collector=CsvCollector())
    with pytest.raises(ConfigError, match="no such column"):
        run(local_store, path, text="nope")
    with pytest.raises(InputError, match="no text column"):
        run(local_store, write(tmp_path, "m.csv", "a,b\n1,2\n"))


def test_oversized_field_is_a_row_error(home: Path, tmp_path: Path) -> None:
    from tests.collect.conftest import local_settings

    store = Store.open(local_settings(home, max_field_bytes=1000))
    try:
        big = "x" * 200_000
        path = write(tmp_path, "big.csv", f"id,text\n1,ok\n2,{big}\n3,fine\n")
        result = run(store, path)
        assert result.errors == 1
        assert set(docs_by_pid(store)) == {"1", "3"}  # the rows around it are kept
    finally:
        store.close()


def test_date_reader_formats() -> None:
    r = DateReader()
    assert r.parse("29/02/2024") == (datetime(2024, 2, 29, tzinfo=UTC), False)
    assert r.parse("13/10/23")[0] == datetime(2023, 10, 13, tzinfo=UTC)
    assert r.parse("\xa012/02/2024")[0] == datetime(2024, 2, 12, tzinfo=UTC)
    assert r.parse("") == (None, False)
    assert r.parse("2024-03-01T10:00:00+02:00")[1] is True
    assert DateReader(dayfirst=False).parse("02/03/2024")[0] == datetime(2024, 2, 3, tzinfo=UTC)
    with pytest.raises(ValueError):
        r.parse("not a date at all")


@pytest.mark.realdata
def test_real_idf_channel_csv(local_store: Store) -> None:
    path = shared_data("telegram", "idf-telegram-en", "Labeled_IDFNews_Gaza_war_till_23April.csv")
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    distinct = {(r["Date"], r["Text"]) for r in rows}
    dated = {row_id(r["Date"], r["Text"]) for r in rows if r["Date"].strip()}
    assert (len(rows), len(distinct)) == (1667, 1663)
    result = run(local_store, path, text="Text", date="Date")
    assert result.errors == 0
    assert result.counts.seen == 1667
    assert local_store.count_documents() == 1663
    docs = docs_by_pid_all(local_store)
    assert {pid for pid, d in docs.items() if d[0] is not None} == dated
    glued = [
        text for _when, text in docs.values() if text[:5].count(":") == 1 and text[:2].isdigit()
    ]
    assert glued == []  # every "18:31Following" time moved into the date
    first = docs[row_id("29/02/2024", rows[1]["Text"])]
    assert first[0] == datetime(2024, 2, 29, 18, 31, tzinfo=UTC)
    assert first[1].startswith("Following the terror attack")


def docs_by_pid_all(store: Store) -> dict[str, tuple[datetime | None, str]]:
    from sqlalchemy import select

    from marsad.store import tables as t

    with store.engine.connect() as conn:
        rows = conn.execute(
            select(t.documents.c.platform_id, t.documents.c.published_at, t.documents.c.text)
        )
        return {
            pid: (when.replace(tzinfo=UTC) if when and not when.tzinfo else when, text)
            for pid, when, text in rows
        }


def test_csv_by_url(local_store: Store, server: TestServer) -> None:
    server.route("/export.csv", Reply(200, "id,text,date\n9,من الرابط,2024-01-02\n".encode()))
    sid = local_store.add_source("telegram", "@remote")
    ingest(local_store, server.url("/export.csv"), collector=CsvCollector(), source=sid)
    doc = docs_by_pid(local_store)["9"]
    assert (doc.text, doc.published_at) == ("من الرابط", datetime(2024, 1, 2, tzinfo=UTC))
    assert doc.evidence["origin"] == server.url("/export.csv")


def test_encoding_option(local_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "cp.csv"
    path.write_bytes("id,text\n1,بيان عاجل\n".encode("cp1256"))
    run(local_store, path, encoding="cp1256")
    assert docs_by_pid(local_store)["1"].text == "بيان عاجل"
    with pytest.raises(ConfigError, match="unknown encoding"):
        run(local_store, path, encoding="klingon-8")
