"""Team-mode search: PostgreSQL ``tsvector`` over the same Python-made token streams.

The ``tsvector`` is built as a literal (``'lexeme':pos ...``), not with ``to_tsvector``,
so PostgreSQL's parser and locale never re-split or re-fold our Arabic: both backends
index exactly the tokens of :func:`marsad.search.analyze.analyze`. Streams share one
vector through prefixes: ``w`` word, ``s`` stem, ``k`` key, ``m`` filter token; a GIN
index serves ``@@``; relevance is ``ts_rank_cd``. Bounds as in
:mod:`marsad.search.backends.base`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, text

from marsad.search.analyze import NO_KEY, analyze, key_of, phrase_keys, stem_of
from marsad.search.backends.base import (
    COMMON_SHARE,
    COUNT_CAP,
    PROBE_DOCS,
    RANK_WINDOW,
    Page,
    SearchPlan,
    leaf_label,
    order_of,
    positive_leaves,
    rk_bounds,
    sort_key,
)
from marsad.search.backends.common import fill_rows, meta_tokens
from marsad.search.query import And, Node, Not, Or, Phrase, Query, Term

__all__ = ["PostgresBackend", "compile_tsquery", "tsvector_literal"]

MAX_POSITION = 16383  # PostgreSQL's largest tsvector position
MAX_POSITIONS_PER_LEXEME = 255


def _lex(s: str) -> str:
    return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(words: list[str], stems: list[str], keys: list[str], meta: list[str]) -> str:
    """Build a ``tsvector`` literal of prefixed lexemes with positions."""
    pos: dict[str, list[int]] = defaultdict(list)
    stems = [s if s != w else "" for s, w in zip(stems, words, strict=True)]
    for prefix, stream in (("w", words), ("s", stems), ("k", keys)):
        for i, tok in enumerate(stream):
            if tok and tok != NO_KEY:
                plist = pos[prefix + tok]
                if len(plist) < MAX_POSITIONS_PER_LEXEME:
                    plist.append(min(i + 1, MAX_POSITION))
    parts = [f"{_lex(lx)}:{','.join(map(str, sorted(set(p))))}" for lx, p in pos.items()]
    parts += [_lex("m" + m) for m in meta]
    return " ".join(parts)


def compile_tsquery(node: Node, translit: bool) -> str:
    """Compile a query AST to a ``tsquery`` literal over our prefixed lexemes."""
    if isinstance(node, Term):
        if node.prefix:
            return f"{_lex('w' + node.norm)}:*"
        st = stem_of(node.norm)
        stem_clause = f"{_lex('w' + st)} | {_lex('s' + st)}"
        k = key_of(node.norm)
        return f"({stem_clause} | {_lex('k' + k)})" if translit and k else f"({stem_clause})"
    if isinstance(node, Phrase):
        phrase = "(" + " <-> ".join(_lex("w" + w) for w in node.words) + ")"
        keys = phrase_keys(node.words) if translit else []
        if not keys:
            return phrase
        return f"({phrase} | (" + " & ".join(_lex(c + v) for c, v in keys) + "))"
    if isinstance(node, Or):
        return "(" + " | ".join(compile_tsquery(c, translit) for c in node.children) + ")"
    if isinstance(node, And):
        pos = [compile_tsquery(c, translit) for c in node.children if not isinstance(c, Not)]
        neg = [compile_tsquery(c.child, translit) for c in node.children if isinstance(c, Not)]
        return "(" + " & ".join(pos + [f"!{n}" for n in neg]) + ")"
    raise TypeError(f"cannot compile {type(node).__name__} on its own")


def _tsquery(query: Query, source_ids: list[int]) -> str:
    expr = compile_tsquery(query.root, query.translit)
    if source_ids:
        expr += " & (" + " | ".join(_lex(f"msrc{sid}") for sid in source_ids) + ")"
    if query.lang:
        expr += " & " + _lex("mlang" + query.lang)
    return expr


class PostgresBackend:
    """GIN-indexed ``tsvector`` table ``search_docs`` in the store's PostgreSQL."""

    def index_documents(self, conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
        if not rows:
            return
        out = []
        for r in fill_rows(conn, rows):
            a = analyze(r.get("title") or "", r.get("text") or "")
            out.append(
                {
                    "id": int(r["id"]),
                    "rk": sort_key(r.get("published_at"), int(r["id"])),
                    "tsv": tsvector_literal(a.words, a.stems, a.keys, meta_tokens(r)),
                }
            )
        conn.execute(
            text(
                "INSERT INTO search_docs (doc_id, rk, tsv) VALUES (:id, :rk, CAST(:tsv AS tsvector)) "
                "ON CONFLICT (doc_id) DO UPDATE SET rk = excluded.rk, tsv = excluded.tsv"
            ),
            out,
        )

    def clear(self, conn: Connection) -> None:
        conn.execute(text("DELETE FROM search_docs"))

    def finish_rebuild(self, conn: Connection) -> None:
        conn.execute(text("ANALYZE search_docs"))

    def search(self, conn: Connection, plan: SearchPlan) -> Page:
        # psycopg prepares a statement after five runs on a connection; PostgreSQL may then
        # plan it once for any words (a generic plan walking the whole date index: ~1 s a
        # query at 1M posts). Words decide the plan here, so plan each search for its own.
        conn.execute(text("SET LOCAL plan_cache_mode = force_custom_plan"))
        params: dict[str, Any] = {"q": _tsquery(plan.query, plan.source_ids), "cap": COUNT_CAP}
        params["lo"], params["hi"] = rk_bounds(plan.query)
        where = "tsv @@ CAST(:q AS tsquery) AND rk BETWEEN :lo AND :hi"
        total = int(
            conn.scalar(
                text(
                    f"SELECT count(*) FROM (SELECT 1 FROM search_docs WHERE {where} LIMIT :cap) c"
                ),
                params,
            )
            or 0
        )
        page = {**params, "lim": plan.limit, "off": plan.offset, "win": RANK_WINDOW}
        ranked_within = None
        rank = "ts_rank_cd(tsv, CAST(:q AS tsquery))"
        common = self._common(conn, plan.query) if plan.sort != "newest" else []
        # Date order. Given ORDER BY rk, PostgreSQL may walk the rk index backwards, testing
        # each post, until it has a page: the whole table when the words are rarer than its
        # statistics guess (177 ms for 23 matches in 200,000 posts). With an exact count
        # (below COUNT_CAP) "rk + 0" (same order, no index) makes it fetch the matches from
        # the GIN index and sort at most COUNT_CAP rows; above it, matches are dense.
        newest = "rk DESC" if total >= COUNT_CAP else "rk + 0 DESC"
        order = order_of(plan, total, common)
        if order == "date":
            sql = f"SELECT doc_id, 0.0 FROM search_docs WHERE {where} ORDER BY {newest}"
        elif order == "rank":
            sql = f"SELECT doc_id, {rank} AS s FROM search_docs WHERE {where} ORDER BY s DESC, rk DESC"
        else:
            ranked_within = RANK_WINDOW
            sql = (
                f"SELECT doc_id, s FROM (SELECT doc_id, rk, {rank} AS s FROM search_docs "
                f"WHERE {where} ORDER BY {newest} LIMIT :win) w ORDER BY s DESC, rk DESC"
            )
        rows = conn.execute(text(sql + " LIMIT :lim OFFSET :off"), page).all()
        hits = [(int(i), float(s)) for i, s in rows]
        return Page(hits, total, total < COUNT_CAP, ranked_within, common)

    def _common(self, conn: Connection, query: Query) -> list[str]:
        """Words of the query found in more than COMMON_SHARE of the newest posts."""
        cut = conn.scalar(
            text("SELECT rk FROM search_docs ORDER BY rk DESC OFFSET :n LIMIT 1"),
            {"n": PROBE_DOCS - 1},
        )
        if cut is None:
            return []
        out = []
        for leaf in positive_leaves(query.root):
            n = conn.scalar(
                text(
                    "SELECT count(*) FROM search_docs "
                    "WHERE tsv @@ CAST(:q AS tsquery) AND rk >= :cut"
                ),
                {"q": compile_tsquery(leaf, query.translit), "cut": cut},
            )
            if int(n or 0) > COMMON_SHARE * PROBE_DOCS:
                out.append(leaf_label(leaf))
        return out
