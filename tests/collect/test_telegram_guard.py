"""Deeply nested JSON is refused before the parser sees it; brackets inside strings are not."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from marsad.collect._telegram import DepthGuard, NestingTooDeep
from marsad.pipeline.ingest import ingest
from marsad.store import DocumentFilter, Store
from tests.collect.tg_exports import chat, msg, write

TRICKY = ['[[[[{{{{ "quoted" \\ \\" ]]' * 40, "\\\\[[[", '"' * 30 + "{" * 80, "ب]]]]}}}}" * 30]


def drain(data: bytes, size: int, limit: int = 64) -> None:
    guard = DepthGuard(io.BytesIO(data), "t.json", limit)
    while guard.read(size):
        pass


@pytest.mark.parametrize("size", [1, 2, 3, 5, 7, 64, 4096])
def test_brackets_quotes_and_escapes_in_strings_do_not_count(size: int) -> None:
    data = json.dumps({"messages": [{"id": i, "text": t} for i, t in enumerate(TRICKY)]})
    drain(data.encode(), size, limit=3)  # real depth is 3


@pytest.mark.parametrize("size", [1, 7, 4096])
def test_deep_nesting_is_refused(size: int) -> None:
    deep = '{"messages": [{"id": 1, "text": "]]]]", "x": ' + "[" * 70 + "]" * 70 + "}]}"
    with pytest.raises(NestingTooDeep, match="deeper than 64"):
        drain(deep.encode(), size)
    drain(deep.encode(), size, limit=80)


def test_nesting_bomb_export_fails_cleanly(sqlite_store: Store, tmp_path: Path) -> None:
    bomb = '{"name": "x", "type": "public_channel", "id": 5, "messages": [{"id": 1, "text": "ok"}'
    bomb += ', {"id": 2, "text": ' + "[" * 200_000 + "]" * 200_000 + "}]}"
    folder = tmp_path / "bomb"
    folder.mkdir()
    (folder / "result.json").write_text(bomb)
    with pytest.raises(NestingTooDeep):
        ingest(sqlite_store, str(folder))


def test_brackets_in_posts_ingest(sqlite_store: Store, tmp_path: Path) -> None:
    folder = write(tmp_path / "exp", chat([msg(i + 1, t) for i, t in enumerate(TRICKY)]))
    result = ingest(sqlite_store, str(folder))
    assert result.counts.added == len(TRICKY) and result.errors == 0
    rows, _ = sqlite_store.list_documents(DocumentFilter(limit=10))
    assert {r.text for r in rows} == set(TRICKY)


def test_api_line_nested_too_deep_is_skipped(sqlite_store: Store, tmp_path: Path) -> None:
    ok = '{"_": "message", "id": 1, "to_id": {"channel_id": 5}, "message": "ok"}'
    deep = '{"_": "message", "id": 2, "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    path = tmp_path / "dump.jsonl"
    path.write_text(f"{ok}\n{deep}\n{ok.replace('1', '3')}\n")
    result = ingest(sqlite_store, str(path))
    assert (result.counts.added, result.errors) == (2, 1)
    assert "too deep" in sqlite_store.run_errors(result.run_id)[0]["message"]


def test_export_rewritten_after_archiving_is_flagged(sqlite_store: Store, tmp_path: Path) -> None:
    from marsad.collect.base import CollectContext
    from marsad.collect.telegram_export import TelegramExportCollector
    from marsad.core.errors import InputError

    folder = write(tmp_path / "exp", chat([msg(1, "before"), msg(2, "two")]))
    result_json = folder / "result.json"

    def archive_then_rewrite(path: Path, **kw: str):  # type: ignore[no-untyped-def]
        ev = sqlite_store.archive_file(path, collector="t", version="1", **kw)
        result_json.write_text(result_json.read_text().replace("before", "after!"))
        return ev

    ctx = CollectContext(
        settings=sqlite_store.settings,
        run_id=0,
        archive_file=archive_then_rewrite,
        archive_bytes=sqlite_store.archive_bytes,
        error=lambda _where, _msg: None,
    )
    with pytest.raises(InputError, match="changed while it was being read"):
        list(TelegramExportCollector().collect(str(folder), ctx))
