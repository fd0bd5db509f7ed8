"""The runner's normalise stage fills the language collectors cannot know."""

from __future__ import annotations

from pathlib import Path

from marsad.pipeline.ingest import ingest
from marsad.store import DocumentFilter, Store


def test_csv_rows_get_a_language(sqlite_store: Store, tmp_path: Path) -> None:
    csv = tmp_path / "posts.csv"
    csv.write_text(
        "id,date,text\n"
        "1,2021-10-14,غرفة عمليات حلفاء سوريا تتوعد بالرد على الغارات في محيط تدمر\n"
        "2,2021-10-20,The operations room claimed the drone attack on the al-Tanf garrison\n"
        "3,2021-10-21,بیانیه درباره حمله به پایگاه آمریکایی در التنف منتشر شد\n"
        "4,2021-10-22,ok\n",
        encoding="utf-8",
    )
    sqlite_store.add_source("csv", "sheet")
    ingest(sqlite_store, str(csv), collector="csv", source="sheet")
    docs, _ = sqlite_store.list_documents(DocumentFilter(order="oldest"))
    assert [d.lang for d in docs] == ["ar", "en", "fa", ""]
