"""Collectors: one module each, listed in :mod:`marsad.collect.registry`.

A collector archives raw bytes first (through its context), then parses them into
:class:`marsad.core.records.DocumentRecord` objects that point back at that evidence.
Only :mod:`marsad.collect.fetch` opens network connections.
"""
