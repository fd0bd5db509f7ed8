"""Ingest speed and peak memory for a large Telegram Desktop export, beside a baseline.

Generates a synthetic single-chat export (default 1,000,000 messages, see
``bench/gen_telegram_export.py``) in a temporary folder, then:

1. ingests it into a fresh SQLite store through the real pipeline
   (``marsad.pipeline.ingest.ingest``) in a child process, and reads that child's RSS
   high-water mark from ``os.wait4``;
2. baseline, same run: streams the same export with ijson and inserts the same rows with
   raw ``sqlite3`` ``executemany`` into a table plus an FTS5 index, in batches of the
   same size.

Prints messages/s for both, the ratio (pipeline / baseline) and the peak memory.
Targets: >= 5,000 messages/s, peak RSS <= 500 MB.

Usage: ``python -m bench.bench_ingest_telegram [--messages N] [--keep DIR]``
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import ijson

from bench.gen_telegram_export import write_export

TARGET_RATE = 5_000
TARGET_RSS_MB = 500
BATCH = 2_000


def child_ingest(export: Path, home: Path) -> dict[str, float]:
    """Run in the child process: the real pipeline into a fresh SQLite store."""
    from marsad.collect.telegram_export import TelegramExportCollector
    from marsad.core.settings import Settings
    from marsad.pipeline.ingest import ingest
    from marsad.store import Store

    store = Store.open(Settings.from_env({"MARSAD_HOME": str(home)}))
    start = time.perf_counter()
    result = ingest(store, str(export), collector=TelegramExportCollector())
    seconds = time.perf_counter() - start
    store.close()
    return {"seconds": seconds, "added": result.counts.added, "errors": result.errors}


def run_pipeline(export: Path, home: Path) -> tuple[dict[str, float], float]:
    """The pipeline in a child process; returns its figures and its peak RSS in MB."""
    cmd = [sys.executable, "-m", "bench.bench_ingest_telegram", "--child", str(export), str(home)]
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, cwd=root)
    assert proc.stdout is not None
    out = proc.stdout.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"pipeline child failed with exit code {proc.returncode}")
    return json.loads(out.decode().strip().splitlines()[-1]), usage.ru_maxrss / 1024


BASELINE_SCHEMA = """
CREATE TABLE documents (id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL,
  platform_id TEXT NOT NULL, text TEXT NOT NULL, lang TEXT, published_at TEXT,
  edited_at TEXT, fwd_from_name TEXT, reply_to_id TEXT, extra TEXT,
  UNIQUE (source_id, platform_id));
CREATE VIRTUAL TABLE documents_fts USING fts5(text, content='documents', content_rowid='id');
"""


def _row(msg: dict) -> tuple:
    text = msg.get("text", "")
    if isinstance(text, list):
        text = "".join(p if isinstance(p, str) else p.get("text", "") for p in text)
    ents = [e for e in msg.get("text_entities", []) if e.get("type") != "plain"]
    return (
        msg["id"],
        1,
        str(msg["id"]),
        text,
        "",
        msg.get("date"),
        msg.get("edited"),
        msg.get("forwarded_from", ""),
        str(msg.get("reply_to_message_id", "")),
        json.dumps({"entities": ents}, ensure_ascii=False) if ents else None,
    )


def run_baseline(export: Path, db: Path) -> tuple[int, float]:
    """Raw sqlite3 executemany of the same rows plus an FTS5 index; (rows, seconds)."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.executescript(BASELINE_SCHEMA)
    insert = "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?)"
    fts = "INSERT INTO documents_fts (rowid, text) VALUES (?, ?)"
    rows = 0
    start = time.perf_counter()
    with open(export, "rb") as fh:
        batch: list[tuple] = []
        for msg in ijson.items(fh, "messages.item", use_float=True):
            batch.append(_row(msg))
            if len(batch) >= BATCH:
                rows += _flush(conn, insert, fts, batch)
                batch = []
        rows += _flush(conn, insert, fts, batch)
    seconds = time.perf_counter() - start
    conn.close()
    return rows, seconds


def _flush(conn: sqlite3.Connection, insert: str, fts: str, batch: list[tuple]) -> int:
    with conn:
        conn.executemany(insert, batch)
        conn.executemany(fts, [(r[0], r[3]) for r in batch])
    return len(batch)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench_ingest_telegram", description=__doc__)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="keep the generated export in this folder")
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child_ingest(*args.child)), flush=True)
        return 0
    work = Path(tempfile.mkdtemp(prefix="marsad-bench-"))
    try:
        return _run(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run(args: argparse.Namespace, work: Path) -> int:
    folder = args.keep or work / "export"
    start = time.perf_counter()
    export = write_export(folder, args.messages)
    size_mb = export.stat().st_size / 1e6
    print(
        f"generated {args.messages} messages ({size_mb:.0f} MB) in "
        f"{time.perf_counter() - start:.1f} s",
        flush=True,
    )
    figures, rss_mb = run_pipeline(export, work / "home")
    rate = figures["added"] / figures["seconds"]
    print(
        f"pipeline: {int(figures['added'])} messages in {figures['seconds']:.1f} s = "
        f"{rate:,.0f} messages/s, peak RSS {rss_mb:.0f} MB, errors {int(figures['errors'])}"
    )
    rows, base_s = run_baseline(export, work / "baseline.db")
    base_rate = rows / base_s
    print(
        f"baseline (ijson + sqlite3 executemany + FTS5): {rows} rows in {base_s:.1f} s = "
        f"{base_rate:,.0f} rows/s"
    )
    print(f"ratio pipeline/baseline: {rate / base_rate:.2f}")
    ok = rate >= TARGET_RATE and rss_mb <= TARGET_RSS_MB and figures["added"] == args.messages
    print(
        f"targets (>= {TARGET_RATE}/s, <= {TARGET_RSS_MB} MB, all stored): "
        f"{'met' if ok else 'NOT met'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
