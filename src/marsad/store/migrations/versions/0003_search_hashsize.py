"""FTS5 write buffer: flush pending search terms every 16 MiB instead of every 1 MiB

With the default 1 MiB ``hashsize`` a batch of a few thousand posts was written as
several small segments, and FTS5 spent about half of its indexing time merging them.
One segment per batch keeps every stored entry identical (no reindex needed) and does
not slow queries (fewer segments, if anything). PostgreSQL: nothing to do.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

HASHSIZE = 16 * 1024 * 1024


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"INSERT INTO search_fts(search_fts, rank) VALUES ('hashsize', {HASHSIZE})")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('hashsize', 1048576)")
