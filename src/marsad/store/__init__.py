"""The store: SQLAlchemy tables, migrations and repositories. Only this package writes SQL."""

from marsad.store.repo import DocumentFilter, Store, WriteCounts

__all__ = ["DocumentFilter", "Store", "WriteCounts"]
