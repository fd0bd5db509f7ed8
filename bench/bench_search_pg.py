"""Search benchmark, team mode: Marsad on PostgreSQL vs plain PostgreSQL full text search.

``python -m bench search_pg [--docs N] [--queries Q] [--held] [--admin-url URL] [--keep]``

Both index the same synthetic corpus (``bench/gen_corpus.py``) in the same run, in a
throwaway database ``marsad_bench_<pid>`` (created through ``--admin-url``, dropped at
the end, on error too, unless ``--keep``):

* baseline: a table ``plain_fts (id, tsv)`` with a GIN index, filled with
  ``to_tsvector('simple', raw text)`` and queried with ``plainto_tsquery('simple', q)``,
  ordered by ``ts_rank_cd`` over every match (relevance) or ``id DESC`` (newest);
* Marsad: :class:`marsad.search.backends.postgres.PostgresBackend` on the migrated
  schema (``migrate(engine)``), called as the service calls it (parse, plan, capped
  count, common-word probe, page), each query on its own pooled connection and
  transaction like :func:`marsad.search.search` (``--held``: all in one transaction,
  where PostgreSQL may switch the prepared statements to generic plans).

``search_docs`` references ``documents``, so each batch of posts is first copied into
``documents`` (not timed), then indexed by both (timed, the batches interleaved so a
busy neighbour on the machine slows both alike). Queries are 1-3 words in four bands
of the Zipf ranking (see :func:`bench.common.queries`). After loading, both tables are
analysed (Marsad's ``finish_rebuild``) and vacuumed, as autovacuum would after a bulk
load, so no vacuum runs during the queries. Prints p50/p95 per band and sort and
ratios to the baseline.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, insert, text
from sqlalchemy.engine import make_url

from bench.common import latency_header, latency_row, queries, time_queries
from bench.gen_corpus import Corpus
from marsad.search.backends.base import RANK_WINDOW, SearchPlan
from marsad.search.backends.postgres import PostgresBackend
from marsad.search.query import parse_query
from marsad.store import tables as t
from marsad.store.db import make_engine, migrate

BATCH = 5000  # posts per indexing transaction, as bench_search
ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
START_HINT = "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"
EVIDENCE = "0" * 64
SOURCES = 50  # gen_corpus gives source ids 1..50
DOC_COLUMNS = (
    "id", "source_id", "platform", "platform_id", "kind", "title", "text", "text_hash",
    "lang", "published_at", "author", "url", "reply_to_id", "fwd_from_name",
    "fwd_from_key", "fwd_from_message_id", "version_count", "evidence_sha256", "locator",
    "truncated", "first_seen_at",
)  # fmt: skip
PLAIN_DDL = (
    "CREATE TABLE plain_fts (id BIGINT PRIMARY KEY, tsv TSVECTOR NOT NULL)",
    "CREATE INDEX ix_plain_fts_tsv ON plain_fts USING GIN (tsv)",
)
PLAIN_INSERT = "INSERT INTO plain_fts (id, tsv) VALUES (:id, to_tsvector('simple', :text))"
PLAIN_QUERY = (
    "SELECT id FROM plain_fts WHERE tsv @@ plainto_tsquery('simple', :q) ORDER BY {order} LIMIT 20"
)
PLAIN_ORDER = {
    "relevance": "ts_rank_cd(tsv, plainto_tsquery('simple', :q)) DESC",
    "newest": "id DESC",
}


class Clock:
    """Wall, client CPU and server CPU (the PostgreSQL backend process) spent in ``run``."""

    def __init__(self) -> None:
        self.wall = self.client = self.server = 0.0
        self.server_known = True

    @staticmethod
    def _server_cpu(pid: int) -> float | None:
        try:  # the server runs on this machine; /proc gives its backend's utime + stime
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    @contextmanager
    def run(self, engine: Engine) -> Iterator[Connection]:
        with engine.connect() as conn:
            pid = conn.connection.driver_connection.info.backend_pid  # type: ignore[union-attr]
            s0 = self._server_cpu(pid)
            t0, c0 = time.perf_counter(), time.process_time()
            with conn.begin():
                yield conn
            self.wall += time.perf_counter() - t0
            self.client += time.process_time() - c0
            s1 = self._server_cpu(pid)
        if s0 is None or s1 is None:
            self.server_known = False
        else:
            self.server += s1 - s0

    def cpu(self) -> str:
        server = f"{self.server:,.0f}s" if self.server_known else "n/a"
        return f"client {self.client:,.0f}s + server {server}"


def _seed(engine: Engine) -> None:
    now = datetime.now(UTC)
    with engine.begin() as conn:
        conn.execute(
            insert(t.blobs),
            [{"sha256": EVIDENCE, "size": 0, "media_type": "text/plain", "first_captured_at": now}],
        )
        conn.execute(
            insert(t.sources),
            [
                {
                    "id": i,
                    "platform": "telegram",
                    "handle": f"@bench{i}",
                    "created_at": now,
                    "updated_at": now,
                }
                for i in range(1, SOURCES + 1)
            ],
        )


def _copy_documents(engine: Engine, rows: list[dict[str, Any]]) -> None:
    """Put the posts in ``documents`` (what ``search_docs`` references), with COPY."""
    now = datetime.now(UTC)
    with engine.begin() as conn:
        cur = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        with cur.copy(f"COPY documents ({', '.join(DOC_COLUMNS)}) FROM STDIN") as copy:
            for r in rows:
                body = r["text"]
                copy.write_row(
                    (r["id"], r["source_id"], "telegram", str(r["id"]), "post", r["title"], body,
                     hashlib.md5(body.encode()).hexdigest(), r["lang"], r["published_at"], "",
                     "", "", "", "", "", 1, EVIDENCE, "", False, now)
                )  # fmt: skip


def load(engine: Engine, corpus: Corpus, n: int) -> tuple[Clock, Clock]:
    backend, marsad, plain = PostgresBackend(), Clock(), Clock()
    for start in range(1, n + 1, BATCH):
        rows = list(corpus.posts(min(BATCH, n + 1 - start), start))
        _copy_documents(engine, rows)
        with marsad.run(engine) as conn:
            backend.index_documents(conn, rows)
        with plain.run(engine) as conn:
            conn.execute(text(PLAIN_INSERT), [{"id": r["id"], "text": r["text"]} for r in rows])
    return marsad, plain


def run_queries(engine: Engine, qsets: dict[str, list[str]], held: bool) -> None:
    backend = PostgresBackend()
    held_conn = engine.connect() if held else None

    def session() -> AbstractContextManager[Connection]:
        return nullcontext(held_conn) if held_conn is not None else engine.connect()

    if held:
        print("queries: all of one sort in ONE transaction on one connection (--held): psycopg")
        print(
            "prepares a statement after 5 runs and PostgreSQL may then switch it to a generic plan"
        )
    else:
        print(
            "queries: each on its own pooled connection and transaction, as marsad.search.search()"
        )
        print("does (so psycopg's prepared statements are dropped after every search)")
    print("latency ms, wall (CPU of this process in brackets: the server's work shows only in")
    print("wall); marsad = capped count + common-word probe + page, plain = page only;")
    print("ratio = plain p95 / marsad p95 (wall); 'newest-first': relevance queries with a very")
    print("common word, returned by date (marsad.search.backends.base); plain ranks those fully")
    print(latency_header("marsad", "plain"))
    try:
        for sort in ("relevance", "newest"):
            unranked: set[str] = set()
            sql = text(PLAIN_QUERY.format(order=PLAIN_ORDER[sort]))

            def marsad(q: str, sort: str = sort, unranked: set[str] = unranked) -> object:
                with session() as conn:
                    page = backend.search(conn, SearchPlan(parse_query(q), [], sort, 20, 0))
                if page.common:
                    unranked.add(q)
                return page

            def plain(q: str, sql: Any = sql) -> object:
                with session() as conn:
                    return conn.execute(sql, {"q": q}).all()

            for band, qs in qsets.items():
                marsad(qs[0]), plain(qs[0])  # warm the caches
                ours, base = time_queries(marsad, qs), time_queries(plain, qs)
                note = f"  {len(unranked)}/{len(set(qs))} newest-first" if unranked else ""
                print(latency_row(band, sort, ours, base, note), flush=True)
                unranked.clear()
            if held_conn is not None:
                held_conn.rollback()
    finally:
        if held_conn is not None:
            held_conn.close()


def bench(engine: Engine, n: int, per_band: int, held: bool) -> None:
    corpus = Corpus()
    migrate(engine)
    with engine.begin() as conn:
        for sql in PLAIN_DDL:
            conn.execute(text(sql))
    _seed(engine)
    marsad, plain = load(engine, corpus, n)
    print(f"corpus: {n:,} synthetic posts (Zipf, 70% Arabic), relevance window {RANK_WINDOW:,}")
    print(
        f"indexing (wall) marsad {n / marsad.wall:,.0f} docs/s · plain PG FTS"
        f" {n / plain.wall:,.0f} docs/s · ratio {plain.wall / marsad.wall:.2f}x"
    )
    if marsad.server_known and plain.server_known:
        m_cpu, p_cpu = marsad.client + marsad.server, plain.client + plain.server
        print(
            f"indexing (CPU)  marsad {n / m_cpu:,.0f} docs/s ({marsad.cpu()}) · plain PG FTS"
            f" {n / p_cpu:,.0f} docs/s ({plain.cpu()}) · ratio {p_cpu / m_cpu:.2f}x"
        )
    t0 = time.perf_counter()
    with engine.begin() as conn:
        PostgresBackend().finish_rebuild(conn)
    print(f"finish_rebuild (ANALYZE, as `marsad reindex` does): {time.perf_counter() - t0:.1f}s")
    t0 = time.perf_counter()
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ANALYZE plain_fts"))
        conn.execute(text("VACUUM search_docs"))
        conn.execute(text("VACUUM plain_fts"))
    print(
        f"VACUUM both (GIN pending lists merged, as autovacuum would): {time.perf_counter() - t0:.1f}s"
    )
    with engine.connect() as conn:
        size = {
            rel: int(conn.scalar(text(f"SELECT pg_total_relation_size('{rel}')")) or 0) / 1e6
            for rel in ("search_docs", "ix_search_docs_tsv", "plain_fts", "ix_plain_fts_tsv")
        }
    print(
        f"size      marsad {size['search_docs']:,.0f} MB (GIN {size['ix_search_docs_tsv']:,.0f})"
        f" · plain {size['plain_fts']:,.0f} MB (GIN {size['ix_plain_fts_tsv']:,.0f})"
        " · documents table not counted"
    )
    run_queries(engine, queries(corpus, per_band), held)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench search_pg")
    ap.add_argument("--docs", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=40, help="queries per band")
    ap.add_argument("--admin-url", default=ADMIN_URL, help="where to create the throwaway database")
    ap.add_argument(
        "--held",
        action="store_true",
        help="run the queries in one transaction (not as the service)",
    )
    ap.add_argument("--keep", action="store_true", help="keep the database (to EXPLAIN queries)")
    args = ap.parse_args(argv)
    admin = create_engine(args.admin_url, isolation_level="AUTOCOMMIT")
    name = f"marsad_bench_{os.getpid()}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # any driver error: the server is not there
        print(f"PostgreSQL not usable at {args.admin_url}: {type(exc).__name__}: {exc}")
        print(f"(start it with: {START_HINT})")
        admin.dispose()
        return 1
    engine = make_engine(make_url(args.admin_url).set(database=name).render_as_string(False))
    print(f"database {name} ({engine.url.render_as_string()})", flush=True)
    try:
        bench(engine, args.docs, args.queries, args.held)
    finally:
        engine.dispose()
        if args.keep:
            print(f"kept database {name}: DROP DATABASE {name} when done")
        else:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
