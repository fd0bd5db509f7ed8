"""The illustrative demo corpus and its loader (``marsad demo``, ``make demo``).

Everything under ``data/`` was written for the project by :mod:`marsad.demo.build_corpus`
and is marked illustrative; :func:`marsad.demo.loader.load_demo` feeds it through the same
collectors and ingest runner users run.
"""
