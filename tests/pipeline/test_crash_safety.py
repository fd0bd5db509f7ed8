"""A killed ingest loses nothing committed, and running it again completes it exactly once.

Also: a truncated export fails with one clear line from the real CLI and keeps what was
stored before.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from bench.gen_telegram_export import write_export

TOTAL = 40_000


def cli(home: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "MARSAD_HOME": str(home), "MARSAD_BATCH_SIZE": "1000"}
    return subprocess.Popen(
        [sys.executable, "-m", "marsad.cli.main", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def count_documents(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:  # schema not created yet
        return 0


def test_sigkill_midway_then_rerun_stores_each_message_once(tmp_path: Path) -> None:
    export = write_export(tmp_path / "export", TOTAL, seed=7).parent
    home = tmp_path / "home"
    db = home / "marsad.db"
    proc = cli(home, "ingest", str(export), "--no-progress")
    deadline = time.monotonic() + 60
    seen = 0
    while proc.poll() is None and time.monotonic() < deadline:
        seen = count_documents(db)
        if seen > 0:
            break
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    at_kill = count_documents(db)
    assert proc.returncode == -signal.SIGKILL, "ingest finished before it could be killed"
    assert 0 < seen <= at_kill < TOTAL

    rerun = cli(home, "ingest", str(export), "--no-progress", "--json")
    out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    summary = json.loads(out)
    assert summary["added"] == TOTAL - at_kill and summary["unchanged"] == at_kill
    with sqlite3.connect(db) as conn:
        ids = [int(r[0]) for r in conn.execute("SELECT platform_id FROM documents")]
    assert sorted(ids) == list(range(1, TOTAL + 1))

    verify = cli(home, "verify", "--no-progress")
    _out, err = verify.communicate(timeout=60)
    assert verify.returncode == 0, err


def test_truncated_export_fails_in_one_line_and_keeps_stored(tmp_path: Path) -> None:
    home = tmp_path / "home"
    good = write_export(tmp_path / "good", 300, seed=3).parent
    first = cli(home, "ingest", str(good), "--no-progress")
    assert first.communicate(timeout=60)[0] and first.returncode == 0
    full = write_export(tmp_path / "later", 6000, seed=3)
    data = full.read_bytes()
    full.write_bytes(data[: len(data) * 2 // 3])  # cut mid-message
    bad = cli(home, "ingest", str(full.parent), "--no-progress")
    _out, err = bad.communicate(timeout=60)
    assert bad.returncode == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("marsad: error: result.json: truncated")
    assert "Traceback" not in err
    stored = count_documents(home / "marsad.db")
    assert 300 < stored < 6000  # the first export stays, and what was read before the cut
    with sqlite3.connect(home / "marsad.db") as conn:
        status, message = conn.execute(
            "SELECT status, message FROM runs ORDER BY id DESC LIMIT 1"
        ).fetchone()
    assert status == "failed" and "truncated" in message
