"""Search benchmark: indexing rate and query latency, Marsad FTS5 design vs plain FTS5.

``python -m bench search [--docs N] [--queries Q] [--dir PATH]``

Both engines index the same synthetic corpus (``bench/gen_corpus.py``) in the same run:

* baseline: an FTS5 table with SQLite's default tokenizer over the raw text, queried
  with ``ORDER BY rank`` (bm25 over every match) or ``ORDER BY rowid DESC``;
* Marsad: :class:`marsad.search.backends.sqlite.SqliteBackend` (Python normalisation,
  stems and keys, time-ordered rowid, capped count, bounded relevance window), called
  as the service calls it (parse, compile, count, page).

Queries are 1-3 words drawn from four bands of the Zipf ranking: the most common words,
frequent (rank 50-500), rare (rank 5,000-20,000) and names. Generation time is not
counted in the rates. Prints p50/p95 per band and sort, and ratios to the baseline.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, event

from bench.common import latency_header, latency_row, queries, time_queries
from bench.gen_corpus import Corpus
from marsad.search.backends.base import RANK_WINDOW, SearchPlan
from marsad.search.backends.sqlite import SqliteBackend
from marsad.search.query import parse_query
from marsad.store.db import _sqlite_pragmas, migrate
from marsad.text import normalize

BATCH = 5000


def _marsad_engine(path: Path):  # type: ignore[no-untyped-def]
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _sqlite_pragmas)
    migrate(engine)
    return engine


def index_marsad(engine, corpus: Corpus, n: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    backend, wall, cpu = SqliteBackend(), 0.0, 0.0
    for start in range(1, n + 1, BATCH):
        rows = list(corpus.posts(min(BATCH, n + 1 - start), start))
        t0, c0 = time.perf_counter(), time.process_time()
        with engine.begin() as conn:
            backend.index_documents(conn, rows)
        wall += time.perf_counter() - t0
        cpu += time.process_time() - c0
    return wall, cpu


def index_baseline(path: Path, corpus: Corpus, n: int) -> tuple[float, float]:
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE VIRTUAL TABLE plain USING fts5(text)")
    wall, cpu = 0.0, 0.0
    for start in range(1, n + 1, BATCH):
        rows = [(p["id"], p["text"]) for p in corpus.posts(min(BATCH, n + 1 - start), start)]
        t0, c0 = time.perf_counter(), time.process_time()
        with db:
            db.executemany("INSERT INTO plain(rowid, text) VALUES (?, ?)", rows)
        wall += time.perf_counter() - t0
        cpu += time.process_time() - c0
    db.close()
    return wall, cpu


def run_queries(engine, base_path: Path, qsets: dict[str, list[str]]) -> None:  # type: ignore[no-untyped-def]
    backend = SqliteBackend()
    db = sqlite3.connect(base_path)
    print("latency ms, wall (CPU in brackets); ratio = plain p95 / marsad p95 (wall);")
    print("'newest-first': relevance queries with a very common word, returned by date (see")
    print("marsad.search.backends.base); the plain baseline ranks those with full bm25")
    print(latency_header("marsad", "plain"))
    with engine.connect() as conn:
        for sort in ("relevance", "newest"):
            order = "rank" if sort == "relevance" else "rowid DESC"

            unranked: set[str] = set()

            def marsad(q: str, sort: str = sort, unranked: set[str] = unranked) -> object:
                page = backend.search(conn, SearchPlan(parse_query(q), [], sort, 20, 0))
                if page.common:
                    unranked.add(q)
                return page

            def plain(q: str, order: str = order) -> object:
                expr = " AND ".join('"' + w + '"' for w in q.split())
                sql = f"SELECT rowid FROM plain WHERE plain MATCH ? ORDER BY {order} LIMIT 20"
                return db.execute(sql, (expr,)).fetchall()

            for band, qs in qsets.items():
                marsad(qs[0]), plain(qs[0])  # warm the page cache
                ours = time_queries(marsad, qs)
                base = time_queries(plain, qs)
                note = f"  {len(unranked)}/{len(set(qs))} newest-first" if unranked else ""
                print(latency_row(band, sort, ours, base, note))
                unranked.clear()
    db.close()


LUCENE = str.maketrans(
    {"آ": "ا", "أ": "ا", "إ": "ا", "ى": "ي", "ة": "ه", "ـ": None}
    | {chr(c): None for c in range(0x064B, 0x0653)}
)


def bench_normalize(corpus: Corpus, n: int = 50_000) -> None:
    """Normalisation alone: Marsad's normalize vs a Lucene-5-rules str.translate."""
    texts = [p["text"] for p in corpus.posts(n, 10_000_000)]
    t0 = time.process_time()
    for t in texts:
        normalize(t)
    ours = time.process_time() - t0
    t0 = time.process_time()
    for t in texts:
        t.translate(LUCENE)
    lucene = time.process_time() - t0
    print(
        f"normalize (CPU) marsad {n / ours:,.0f} posts/s · Lucene 5 rules {n / lucene:,.0f} posts/s"
        f" · ratio {lucene / ours:.2f}x"
    )


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench search")
    ap.add_argument("--docs", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=40, help="queries per band")
    ap.add_argument("--dir", type=Path, default=None, help="where to put the databases")
    args = ap.parse_args(argv)
    corpus, n = Corpus(), args.docs
    bench_normalize(corpus)
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        mpath, bpath = Path(tmp) / "marsad.db", Path(tmp) / "plain.db"
        engine = _marsad_engine(mpath)
        (m_wall, m_cpu), (b_wall, b_cpu) = (
            index_marsad(engine, corpus, n),
            index_baseline(bpath, corpus, n),
        )
        print(f"corpus: {n:,} synthetic posts (Zipf, 70% Arabic), relevance window {RANK_WINDOW:,}")
        print(
            f"indexing (wall) marsad {n / m_wall:,.0f} docs/s · plain FTS5 {n / b_wall:,.0f} docs/s"
            f" · ratio {b_wall / m_wall:.2f}x"
        )
        print(
            f"indexing (CPU)  marsad {n / m_cpu:,.0f} docs/s · plain FTS5 {n / b_cpu:,.0f} docs/s"
            f" · ratio {b_cpu / m_cpu:.2f}x  (CPU time: the machine is shared)"
        )
        t0 = time.perf_counter()
        with engine.begin() as conn:
            SqliteBackend().finish_rebuild(conn)
        print(
            f"optimize (after bulk load, as `marsad reindex` does): {time.perf_counter() - t0:.1f}s"
        )
        print(
            f"size      marsad {mpath.stat().st_size / 1e6:,.0f} MB · plain {bpath.stat().st_size / 1e6:,.0f} MB"
        )
        run_queries(engine, bpath, queries(corpus, args.queries))
        engine.dispose()
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
