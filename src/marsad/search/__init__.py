"""Document search: query language, service, snippets and the two backends.

Public surface: :func:`search`, :func:`parse_query`, :class:`SearchResults`.
"""

from __future__ import annotations

from marsad.search.query import Query, parse_query
from marsad.search.service import Hit, SearchResults, search

__all__ = ["Hit", "Query", "SearchResults", "parse_query", "search"]
