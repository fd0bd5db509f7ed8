"""The ingest runner: collector → archive → store, in crash-safe batches.

The runner owns batching, source resolution, progress, per-item error isolation and the
run record; a collector only archives and parses. Each batch commits in one transaction and
the collector's cursor is saved after it, so a killed ingest resumes cleanly and re-running
the same input adds nothing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from marsad.collect import registry
from marsad.collect.base import CollectContext, Collector, SourceInfo
from marsad.core.errors import InputError, MarsadError
from marsad.core.records import ChannelRef, DocumentRecord, Evidence
from marsad.store import Store, WriteCounts
from marsad.text.lang import detect_lang


class Progress(Protocol):
    def total(self, n: int) -> None: ...
    def advance(self, n: int, errors: int) -> None: ...


class _NoProgress:
    def total(self, n: int) -> None:
        pass

    def advance(self, n: int, errors: int) -> None:
        pass


@dataclass
class RunResult:
    run_id: int
    collector: str
    status: str
    counts: WriteCounts
    errors: int
    sources: list[int] = field(default_factory=list)
    message: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "collector": self.collector,
            "status": self.status,
            "seen": self.counts.seen,
            "added": self.counts.added,
            "versions": self.counts.versions,
            "unchanged": self.counts.unchanged,
            "errors": self.errors,
            "sources": self.sources,
            "message": self.message,
        }


class _SourceResolver:
    """Maps each record to a source id: the user's ``--source`` or one per channel."""

    def __init__(self, store: Store, source: SourceInfo | None) -> None:
        self.store = store
        self.source = source
        self.cache: dict[tuple[str, ...], int] = {}
        self.channel_for_source: tuple[str, ...] | None = None

    def __call__(self, rec: DocumentRecord) -> int:
        ch: ChannelRef | None = rec.channel
        if self.source is not None:
            if ch is not None and ch.keys:
                if self.channel_for_source is None:
                    self.channel_for_source = ch.keys
                    self.store.add_source_keys(self.source.id, ch.keys)
                elif not set(ch.keys) & set(self.channel_for_source):
                    raise InputError(
                        "the input holds several channels; ingest it without --source to "
                        "create one source per channel"
                    )
            return self.source.id
        if ch is None or not ch.keys:
            raise InputError("this input does not name its channel: give --source")
        sid = self.cache.get(ch.keys)
        if sid is None:
            sid = self.store.resolve_channel(ch)
            assert sid is not None
            self.cache[ch.keys] = sid
        return sid


def ingest(
    store: Store,
    target: str,
    *,
    collector: str | Collector | None = None,
    source: str | int | None = None,
    options: dict[str, str] | None = None,
    progress: Progress | None = None,
    records_hook: Callable[[Iterable[DocumentRecord]], None] | None = None,
) -> RunResult:
    """Ingest one file or URL. Raises a :class:`MarsadError` for a fatal problem after
    marking the run failed; everything committed before stays."""
    progress = progress or _NoProgress()
    if isinstance(collector, Collector):
        coll = collector
    elif collector:
        coll = registry.get(collector)
    else:
        coll = registry.detect(target)
    info: SourceInfo | None = None
    if source is not None:
        row = store.get_source(source)
        info = SourceInfo(row.id, row.platform, row.handle, row.url, row.name)
    run_id = store.start_run(coll.name, coll.version, _describe(target), info.id if info else None)
    errors = 0

    def on_error(locator: str, message: str) -> None:
        nonlocal errors
        errors += 1
        store.add_run_error(run_id, locator, message)

    def archive_file(
        path: Path, *, origin: str, media_type: str = "application/octet-stream"
    ) -> Evidence:
        return store.archive_file(
            path,
            origin=origin,
            collector=coll.name,
            version=coll.version,
            media_type=media_type,
            run_id=run_id,
        )

    def archive_bytes(
        data: bytes, *, origin: str, media_type: str = "application/octet-stream"
    ) -> Evidence:
        return store.archive_bytes(
            data,
            origin=origin,
            collector=coll.name,
            version=coll.version,
            media_type=media_type,
            run_id=run_id,
        )

    state = store.get_cursor(info.id, coll.name) if info else {}
    ctx = CollectContext(
        settings=store.settings,
        run_id=run_id,
        archive_file=archive_file,
        archive_bytes=archive_bytes,
        error=on_error,
        source=info,
        options=dict(options or {}),
        state=state,
        progress_total=progress.total,
    )
    resolve = _SourceResolver(store, info)
    counts = WriteCounts()
    sources: set[int] = set()
    batch: list[DocumentRecord] = []
    size = max(1, store.settings.batch_size)

    def flush() -> None:
        nonlocal batch
        if not batch:
            return
        groups: dict[int, list[DocumentRecord]] = {}
        for rec in batch:
            groups.setdefault(resolve(rec), []).append(rec)
        for sid, recs in groups.items():
            counts.__iadd__(store.write_batch(sid, recs, run_id))
            sources.add(sid)
        if info is not None:
            store.set_cursor(info.id, coll.name, ctx.state)
        store.update_run(run_id, counts, errors)
        progress.advance(len(batch), errors)
        batch = []

    try:
        for rec in coll.collect(target, ctx):
            normalise(rec)
            batch.append(rec)
            if len(batch) >= size:
                flush()
        flush()
    except MarsadError as exc:
        flush_safe(flush)
        store.finish_run(run_id, "failed", counts, errors, str(exc))
        raise
    except BaseException as exc:
        store.finish_run(run_id, "failed", counts, errors, f"interrupted: {type(exc).__name__}")
        raise
    finally:
        ctx.close()
    status = "partial" if errors else "ok"
    store.finish_run(run_id, status, counts, errors)
    return RunResult(run_id, coll.name, status, counts, errors, sorted(sources))


def normalise(rec: DocumentRecord) -> None:
    """The normalise stage: fill what a collector could not know from the bytes alone.

    Today: the language, guessed from the text when the input did not say (CSV rows,
    articles without ``lang``); the guess is ``""`` when the text is too short to tell.
    """
    if not rec.lang and (rec.text or rec.title):
        rec.lang = detect_lang(f"{rec.title}\n{rec.text[:4000]}")


def flush_safe(flush: Callable[[], None]) -> None:
    """Commit what was parsed before a fatal error, unless that too fails."""
    with contextlib.suppress(MarsadError):
        flush()


def _describe(target: str) -> str:
    if target.startswith(("http://", "https://")):
        return target
    return str(Path(target).resolve())
