"""Embedded search: SQLite FTS5 over Python-normalised token streams.

Why FTS5 and not tantivy: the index lives in the same database file and the same
transaction as the documents, so it can never lag behind or be lost on a crash (no
watermark to catch up), ``marsad reindex`` is only a convenience, and there is no
second storage engine to ship. The hard case, relevance for a very common word over a
million posts, is bounded instead (see :mod:`marsad.search.backends.base` and
``bench/bench_search.py`` for the figures).

Table ``search_fts(words, stems, keys, meta)`` uses the ``ascii`` tokenizer: our
streams are already normalised, lower-case and split, so the tokenizer only has to cut
at spaces (every non-ASCII character is a token character, so Arabic words stay whole;
``unicode61`` would split them at harakat). Its rowid is the time-ordered sort key;
``search_docs(doc_id, rk)`` maps a document to its rowid for replacement.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, text

from marsad.search.analyze import analyze, key_of, stem_of
from marsad.search.backends.base import (
    COUNT_CAP,
    RANK_WINDOW,
    Page,
    SearchPlan,
    doc_id_of,
    rk_bounds,
    sort_key,
)
from marsad.search.backends.common import fill_rows, meta_tokens
from marsad.search.query import And, Node, Not, Or, Phrase, Query, Term

__all__ = ["SqliteBackend", "compile_fts5"]

_BM25 = "bm25(search_fts, 3.0, 2.0, 1.0, 0.0)"


def _q(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def compile_fts5(node: Node, translit: bool) -> str:
    """Compile a query AST to an FTS5 MATCH expression over our columns."""
    if isinstance(node, Term):
        if node.prefix:
            return f"words : {_q(node.norm)} *"
        stem_clause = f"stems : {_q(stem_of(node.norm))}"
        k = key_of(node.norm)
        return f"({stem_clause} OR keys : {_q(k)})" if translit and k else stem_clause
    if isinstance(node, Phrase):
        return "words : " + _q(" ".join(node.words))
    if isinstance(node, Or):
        return "(" + " OR ".join(compile_fts5(c, translit) for c in node.children) + ")"
    if isinstance(node, And):
        pos = [compile_fts5(c, translit) for c in node.children if not isinstance(c, Not)]
        neg = [compile_fts5(c.child, translit) for c in node.children if isinstance(c, Not)]
        return "(" + " AND ".join(pos) + "".join(f" NOT {n}" for n in neg) + ")"
    raise TypeError(f"cannot compile {type(node).__name__} on its own")


def _match(query: Query, source_ids: list[int]) -> str:
    expr = compile_fts5(query.root, query.translit)
    if source_ids:
        expr += " AND (" + " OR ".join(f'meta : "src{sid}"' for sid in source_ids) + ")"
    if query.lang:
        expr += f" AND meta : {_q('lang' + query.lang)}"
    return expr


class SqliteBackend:
    """FTS5 index in the store's SQLite database."""

    def index_documents(self, conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
        if not rows:
            return
        rows = fill_rows(conn, rows)
        ids = [r["id"] for r in rows]
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join(str(int(x)) for x in chunk)
            conn.execute(
                text(
                    "DELETE FROM search_fts WHERE rowid IN "
                    f"(SELECT rk FROM search_docs WHERE doc_id IN ({marks}))"
                )
            )
        fts, docs = [], []
        for r in rows:
            a = analyze(r.get("title") or "", r.get("text") or "")
            rk = sort_key(r.get("published_at"), int(r["id"]))
            fts.append(
                {
                    "rk": rk,
                    "w": " ".join(a.words),
                    "s": " ".join(a.stems),
                    "k": " ".join(a.keys),
                    "m": " ".join(meta_tokens(r)),
                }
            )
            docs.append({"id": int(r["id"]), "rk": rk})
        conn.execute(
            text(
                "INSERT INTO search_fts(rowid, words, stems, keys, meta) VALUES (:rk,:w,:s,:k,:m)"
            ),
            fts,
        )
        conn.execute(text("INSERT OR REPLACE INTO search_docs(doc_id, rk) VALUES (:id, :rk)"), docs)

    def clear(self, conn: Connection) -> None:
        conn.execute(text("DELETE FROM search_fts"))
        conn.execute(text("DELETE FROM search_docs"))

    def finish_rebuild(self, conn: Connection) -> None:
        conn.execute(text("INSERT INTO search_fts(search_fts) VALUES ('optimize')"))

    def search(self, conn: Connection, plan: SearchPlan) -> Page:
        params = {"q": _match(plan.query, plan.source_ids), "cap": COUNT_CAP}
        params["lo"], params["hi"] = rk_bounds(plan.query)
        where = "search_fts MATCH :q AND rowid BETWEEN :lo AND :hi"
        total = int(
            conn.scalar(
                text(f"SELECT count(*) FROM (SELECT 1 FROM search_fts WHERE {where} LIMIT :cap)"),
                params,
            )
            or 0
        )
        page = {**params, "lim": plan.limit, "off": plan.offset, "win": RANK_WINDOW}
        ranked_within = None
        if plan.sort == "newest":
            sql = f"SELECT rowid, 0.0 FROM search_fts WHERE {where} ORDER BY rowid DESC"
        elif total <= RANK_WINDOW:
            sql = f"SELECT rowid, -{_BM25} AS s FROM search_fts WHERE {where} ORDER BY s DESC, rowid DESC"
        else:
            ranked_within = RANK_WINDOW
            sql = (
                f"SELECT rk, s FROM (SELECT rowid AS rk, -{_BM25} AS s FROM search_fts "
                f"WHERE {where} ORDER BY rowid DESC LIMIT :win) ORDER BY s DESC, rk DESC"
            )
        rows = conn.execute(text(sql + " LIMIT :lim OFFSET :off"), page).all()
        hits = [(doc_id_of(int(rk)), float(score)) for rk, score in rows]
        return Page(hits, total, total < COUNT_CAP, ranked_within)
