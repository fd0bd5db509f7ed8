"""Embedded search: SQLite FTS5 over Python-normalised token streams.

Why FTS5 and not tantivy: the index lives in the same database file and the same
transaction as the documents, so it can never lag behind or be lost on a crash (no
watermark to catch up), ``marsad reindex`` is only a convenience, and there is no
second storage engine to ship. The hard case, relevance for a very common word over a
million posts, is bounded instead (see :mod:`marsad.search.backends.base` and
``bench/bench_search.py`` for the figures).

Table ``search_fts(words, stems, keys, meta)`` is contentless (``content=''``: the
streams are not stored twice, which made indexing about 1.6x faster and the index 3.5x
smaller in our measurements). Removing a document's old entry needs its old values, so
``search_docs`` keeps the text hash and filter tokens that were indexed; the old title
and text are found again in ``documents`` or ``document_versions`` (the store keeps
every text) and re-analysed. That is only right under the same text rules, so
``search_meta`` keeps a fingerprint of them (:func:`marsad.search.analyze.fingerprint`)
and indexing refuses, with one line asking for ``marsad reindex``, after they change. It uses the ``ascii`` tokenizer: our
streams are already normalised, lower-case and split, so the tokenizer only has to cut
at spaces (every non-ASCII character is a token character, so Arabic words stay whole;
``unicode61`` would split them at harakat). Its rowid is the time-ordered sort key;
``search_docs(doc_id, rk)`` maps a document to its rowid for replacement.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, text

from marsad.core.errors import StoreError
from marsad.core.ids import text_hash
from marsad.search.analyze import fingerprint, index_streams, key_of, phrase_keys, stem_of
from marsad.search.backends.base import (
    COMMON_SHARE,
    COUNT_CAP,
    PROBE_DOCS,
    RANK_WINDOW,
    Page,
    SearchPlan,
    doc_id_of,
    leaf_label,
    order_of,
    positive_leaves,
    rk_bounds,
    sort_key,
)
from marsad.search.backends.common import fill_rows, meta_tokens
from marsad.search.query import And, Node, Not, Or, Phrase, Query, Term

__all__ = ["SqliteBackend", "compile_fts5"]

_OLD_TEXT = text(
    "SELECT title, text FROM documents WHERE id = :id AND text_hash = :h "
    "UNION ALL SELECT title, text FROM document_versions WHERE document_id = :id "
    "AND text_hash = :h LIMIT 1"
)
_BM25 = "bm25(search_fts, 3.0, 2.0, 1.0, 0.0)"


def _streams(title: str, body: str) -> dict[str, str]:
    """Column values; a stem equal to its word is not repeated (terms search both)."""
    words, stems, keys = index_streams(title, body)
    return {"w": words, "s": stems, "k": keys}


def _hash(row: dict[str, Any]) -> str:
    """The repo's text hash of the indexed title and text (finds them again later)."""
    return str(
        row.get("text_hash")
        or text_hash((row.get("title") or "") + "\x1f" + (row.get("text") or ""))
    )


def _q(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def compile_fts5(node: Node, translit: bool) -> str:
    """Compile a query AST to an FTS5 MATCH expression over our columns."""
    if isinstance(node, Term):
        if node.prefix:
            return f"words : {_q(node.norm)} *"
        stem_clause = f"{{words stems}} : {_q(stem_of(node.norm))}"
        k = key_of(node.norm)
        return f"({stem_clause} OR keys : {_q(k)})" if translit and k else stem_clause
    if isinstance(node, Phrase):
        phrase = "words : " + _q(" ".join(node.words))
        keys = phrase_keys(node.words) if translit else []
        if not keys:
            return phrase
        col = {"k": "keys", "s": "stems"}
        return f"({phrase} OR (" + " AND ".join(f"{col[c]} : {_q(v)}" for c, v in keys) + "))"
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
        self._check_rules(conn)
        self._forget(conn, [int(r["id"]) for r in rows])
        fts, docs = [], []
        for r in rows:
            doc_id = int(r["id"])
            rk = sort_key(r.get("published_at"), doc_id)
            meta = " ".join(meta_tokens(r))
            fts.append((rk, *index_streams(r.get("title") or "", r.get("text") or ""), meta))
            docs.append((doc_id, rk, _hash(r), meta))
        # the raw DB-API cursor, same transaction: SQLAlchemy's per-row binding cost 10%
        raw = conn.connection.driver_connection
        raw.executemany(  # type: ignore[union-attr]
            "INSERT INTO search_fts(rowid, words, stems, keys, meta) VALUES (?, ?, ?, ?, ?)", fts
        )
        raw.executemany(  # type: ignore[union-attr]
            "INSERT OR REPLACE INTO search_docs(doc_id, rk, hash, meta) VALUES (?, ?, ?, ?)", docs
        )

    def _check_rules(self, conn: Connection) -> None:
        """Refuse to touch an index built under other text rules (deletes would go wrong)."""
        fp = fingerprint()
        conn.execute(
            text("INSERT OR IGNORE INTO search_meta(name, value) VALUES ('analysis', :fp)"),
            {"fp": fp},
        )
        stored = conn.scalar(text("SELECT value FROM search_meta WHERE name = 'analysis'"))
        if stored != fp:
            raise StoreError(
                "the search index was built with other text rules; run `marsad reindex` first"
            )

    def _forget(self, conn: Connection, ids: list[int]) -> None:
        """Remove what is indexed for ``ids`` (contentless FTS5 needs the old values)."""
        old: list[Any] = []
        for i in range(0, len(ids), 500):
            marks = ",".join(str(x) for x in ids[i : i + 500])
            old += conn.execute(
                text(f"SELECT doc_id, rk, hash, meta FROM search_docs WHERE doc_id IN ({marks})")
            ).all()
        for doc_id, rk, digest, meta in old:
            found = conn.execute(_OLD_TEXT, {"id": doc_id, "h": digest}).first()
            if found is None:  # pragma: no cover - the repo always keeps indexed texts
                raise StoreError(
                    f"search index out of step at document {doc_id}; run marsad reindex"
                )
            conn.execute(
                text(
                    "INSERT INTO search_fts(search_fts, rowid, words, stems, keys, meta) "
                    "VALUES ('delete', :rk, :w, :s, :k, :m)"
                ),
                {"rk": rk, "m": meta, **_streams(found[0], found[1])},
            )

    def clear(self, conn: Connection) -> None:
        conn.execute(text("INSERT INTO search_fts(search_fts) VALUES ('delete-all')"))
        conn.execute(text("DELETE FROM search_docs"))
        conn.execute(text("DELETE FROM search_meta WHERE name = 'analysis'"))

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
        common = self._common(conn, plan.query) if plan.sort != "newest" else []
        order = order_of(plan, total, common)
        if order == "date":
            sql = f"SELECT rowid, 0.0 FROM search_fts WHERE {where} ORDER BY rowid DESC"
        elif order == "rank":
            sql = f"SELECT rowid, -{_BM25} AS s FROM search_fts WHERE {where} ORDER BY s DESC, rowid DESC"
        else:
            ranked_within = RANK_WINDOW
            sql = (
                f"SELECT rk, s FROM (SELECT rowid AS rk, -{_BM25} AS s FROM search_fts "
                f"WHERE {where} ORDER BY rowid DESC LIMIT :win) ORDER BY s DESC, rk DESC"
            )
        rows = conn.execute(text(sql + " LIMIT :lim OFFSET :off"), page).all()
        hits = [(doc_id_of(int(rk)), float(score)) for rk, score in rows]
        return Page(hits, total, total < COUNT_CAP, ranked_within, common)

    def _common(self, conn: Connection, query: Query) -> list[str]:
        """Words of the query found in more than COMMON_SHARE of the newest posts."""
        cut = conn.scalar(
            text("SELECT rk FROM search_docs ORDER BY rk DESC LIMIT 1 OFFSET :n"),
            {"n": PROBE_DOCS - 1},
        )
        if cut is None:  # a small store: ranking everything is cheap
            return []
        out = []
        for leaf in positive_leaves(query.root):
            n = conn.scalar(
                text("SELECT count(*) FROM search_fts WHERE search_fts MATCH :q AND rowid >= :cut"),
                {"q": compile_fts5(leaf, query.translit), "cut": cut},
            )
            if int(n or 0) > COMMON_SHARE * PROBE_DOCS:
                out.append(leaf_label(leaf))
        return out
