"""Reading-room rendering cost: ``python -m bench web``.

Generates a store of synthetic Arabic/English posts (written here, no third-party data),
then times the documents list page and a document page through the real ASGI app
(Starlette's TestClient, no network) beside their baseline: the store reads the pages
make (``list_documents`` / ``get_document``) in the same run. The ratio is what
templates, escaping, i18n and middleware add on top of the database.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient

from marsad.core.records import DocumentRecord, MediaItem
from marsad.core.settings import Settings
from marsad.store import DocumentFilter, Store
from marsad.web.app import create_app

WORDS_AR = [
    "أعلنت",
    "غرفة",
    "العمليات",
    "المشتركة",
    "استهداف",
    "قاعدة",
    "بطائرات",
    "مسيرة",
    "وصواريخ",
    "في",
    "ريف",
    "حمص",
    "الشرقي",
]
WORDS_EN = [
    "the",
    "operations",
    "room",
    "announced",
    "a",
    "strike",
    "on",
    "the",
    "base",
    "near",
    "palmyra",
    "with",
    "drones",
]


def _fill(store: Store, n: int) -> int:
    sid = store.add_source("telegram", "@bench", name="Bench channel", reliability="C")
    ev = store.archive_bytes(b"bench export", origin="bench", collector="bench", version="1")
    start = datetime(2021, 1, 1, tzinfo=UTC)
    batch = []
    for i in range(n):
        words = WORDS_AR if i % 2 else WORDS_EN
        text = " ".join(words[(i + k) % len(words)] for k in range(40))
        batch.append(
            DocumentRecord(
                platform="telegram",
                platform_id=str(i),
                evidence_sha256=ev.sha256,
                text=text,
                lang="ar" if i % 2 else "en",
                published_at=start + timedelta(minutes=i),
                media=[MediaItem(kind="photo", note="not included")] if i % 5 == 0 else [],
            )
        )
    store.write_batch(sid, batch)
    return sid


def _pair_ms(
    base: Callable[[], object], page: Callable[[], object], repeat: int
) -> tuple[float, float]:
    """Median milliseconds of ``base`` and ``page``, timed alternately (same machine load)."""
    base()
    page()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for fn, out in ((base, times[0]), (page, times[1])):
            t0 = time.perf_counter()
            fn()
            out.append(time.perf_counter() - t0)
    return statistics.median(times[0]) * 1000, statistics.median(times[1]) * 1000


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench web")
    parser.add_argument("--docs", type=int, default=5000, help="documents in the store")
    parser.add_argument("--repeat", type=int, default=30, help="timed requests per figure")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Settings.from_env({"MARSAD_HOME": str(Path(tmp))}))
        _fill(store, args.docs)
        docs, _ = store.list_documents(DocumentFilter(limit=1))
        doc_id = docs[0].id
        client = TestClient(create_app(store))
        page3 = DocumentFilter(limit=50, offset=100)
        pairs = {
            "documents list (50 rows)": (
                lambda: store.list_documents(page3),
                lambda: client.get("/documents?page=3"),
            ),
            "document page": (
                lambda: store.get_document(doc_id),
                lambda: client.get(f"/documents/{doc_id}"),
            ),
            "API documents (50 rows)": (
                lambda: store.list_documents(page3),
                lambda: client.get("/api/documents?offset=100"),
            ),
        }
        rows = [(name, *_pair_ms(b, p, args.repeat)) for name, (b, p) in pairs.items()]
        store.close()
    print(f"{args.docs} documents, median of {args.repeat} runs")
    print(f"{'figure':28} {'store ms':>9} {'http ms':>9} {'ratio':>7}")
    for name, base, page in rows:
        print(f"{name:28} {base:9.2f} {page:9.2f} {page / base:7.1f}x")
    return 0
