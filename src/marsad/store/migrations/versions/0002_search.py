"""full-text search index (FTS5 on SQLite, tsvector + GIN on PostgreSQL)

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_SQLITE_UP = (
    "CREATE VIRTUAL TABLE search_fts USING fts5(words, stems, keys, meta, "
    "tokenize='ascii', content='')",
    "CREATE TABLE search_docs (doc_id INTEGER PRIMARY KEY, rk INTEGER NOT NULL, "
    "hash TEXT NOT NULL, meta TEXT NOT NULL)",
    "CREATE TABLE search_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE INDEX ix_search_docs_rk ON search_docs (rk)",
)
_PG_UP = (
    "CREATE TABLE search_docs (doc_id INTEGER PRIMARY KEY REFERENCES documents(id) "
    "ON DELETE CASCADE, rk BIGINT NOT NULL, tsv TSVECTOR NOT NULL)",
    "CREATE INDEX ix_search_docs_tsv ON search_docs USING GIN (tsv)",
    "CREATE INDEX ix_search_docs_rk ON search_docs (rk)",
)


def upgrade() -> None:
    statements = _PG_UP if op.get_bind().dialect.name == "postgresql" else _SQLITE_UP
    for sql in statements:
        op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TABLE IF EXISTS search_docs")
        return
    op.execute("DROP TABLE IF EXISTS search_meta")
    op.execute("DROP TABLE IF EXISTS search_docs")
    op.execute("DROP TABLE IF EXISTS search_fts")
