"""Load the illustrative demo corpus through the real pipeline (``marsad demo``).

Sources come from ``data/sources.yaml``; every input then goes through
:func:`marsad.pipeline.ingest.ingest` with the collector users run on such files
(``telegram-export``, ``feed``, ``web``). The only addition is a mark: each document's
``extra`` gets ``illustrative: true``, and each source's ``meta`` too.

Loading is idempotent. Sources are registered once; an input whose exact bytes were
already ingested by a run that finished ``ok`` is skipped, and anything ingested again
adds nothing, because the store keys documents by source and platform id.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

from marsad.collect import registry as collectors
from marsad.collect.base import CollectContext, Collector
from marsad.core.errors import NotFound, UserError
from marsad.core.records import DocumentRecord
from marsad.demo.registry import DATA_DIR, DemoInput, DemoSource, read_registry
from marsad.pipeline.ingest import ingest
from marsad.store import Store

ILLUSTRATIVE_META: dict[str, Any] = {"illustrative": True, "corpus": "marsad-demo"}
_RUN_LIMIT = 100_000


def load_demo(store: Store, data_dir: Path = DATA_DIR) -> dict[str, int]:
    """Register the demo sources and ingest their inputs.

    Args:
        store: the store to load into.
        data_dir: the corpus folder (the packaged one by default).

    Returns:
        Counts: ``sources`` (in the registry), ``sources_added``, ``inputs``,
        ``inputs_loaded``, ``inputs_skipped`` (already loaded), ``documents_added``,
        ``versions_added``, ``errors`` (per-item run errors) and ``documents`` (now held
        by the demo sources).

    Raises:
        UserError: a registry problem, or a source with a demo handle that is not
            illustrative (the demo never writes into a real source).
    """
    entries = read_registry(data_dir)
    summary = dict.fromkeys(
        (
            "sources",
            "sources_added",
            "inputs",
            "inputs_loaded",
            "inputs_skipped",
            "documents_added",
            "versions_added",
            "errors",
            "documents",
        ),
        0,
    )
    for entry in entries:
        source_id, added = ensure_source(store, entry)
        summary["sources"] += 1
        summary["sources_added"] += int(added)
        for item in entry.inputs:
            summary["inputs"] += 1
            if loaded_before(store, item):
                summary["inputs_skipped"] += 1
                continue
            base = collector_class(item.collector)
            result = ingest(store, str(item.path), collector=_marked(base), source=source_id)
            summary["inputs_loaded"] += 1
            summary["documents_added"] += result.counts.added
            summary["versions_added"] += result.counts.versions
            summary["errors"] += result.errors
        summary["documents"] += store.count_documents(source_id)
    return summary


def ensure_source(store: Store, entry: DemoSource) -> tuple[int, bool]:
    """Return the id of the demo source, registering it first when it is missing."""
    try:
        row = store.get_source(f"{entry.platform}:{entry.handle}")
    except NotFound:
        pass
    else:
        if not row.illustrative:
            raise UserError(
                f"source {entry.platform}:{entry.handle} exists and is not illustrative; "
                "the demo will not load into it"
            )
        return row.id, False
    source_id = store.add_source(
        entry.platform,
        entry.handle,
        name=entry.name,
        url=entry.url,
        language=entry.language,
        source_type=entry.source_type,
        affiliation=entry.affiliation,
        reliability=entry.reliability,
        aliases=entry.aliases,
        description=entry.description,
        meta=dict(ILLUSTRATIVE_META),
        decided_by="demo",
    )
    return source_id, True


def input_file(item: DemoInput) -> Path:
    """The file whose bytes a collector archives for this input."""
    return item.path / "result.json" if item.path.is_dir() else item.path


def loaded_before(store: Store, item: DemoInput) -> bool:
    """True when these exact bytes were archived by this collector in a run that ended ok."""
    digest = hashlib.sha256(input_file(item).read_bytes()).hexdigest()
    try:
        info = store.evidence_info(digest)
    except NotFound:
        return False
    runs = {c["run_id"] for c in info["captures"] if c["collector"] == item.collector}
    if not runs:
        return False
    ok = {r["id"] for r in store.list_runs(limit=_RUN_LIMIT) if r["status"] == "ok"}
    return bool(runs & ok)


def collector_class(name: str) -> type[Collector]:
    """The registered collector class called ``name`` (a UserError names the choices)."""
    return type(collectors.get(name))


def _marked(base: type[Collector]) -> Collector:
    """An instance of ``base`` that adds ``illustrative: true`` to every record's extra."""

    def collect(self: Collector, target: str, ctx: CollectContext) -> Iterator[DocumentRecord]:
        for rec in base.collect(self, target, ctx):
            rec.extra = {**rec.extra, **ILLUSTRATIVE_META}
            yield rec

    marked = type(f"Illustrative{base.__name__}", (base,), {"collect": collect})
    return cast(Collector, marked())
