"""``marsad search`` and ``marsad reindex`` as a user runs them (real SQLite store)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from marsad.core.records import DocumentRecord
from marsad.core.settings import Settings
from marsad.store import Store


def _run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MARSAD_HOME": str(home), "MARSAD_DATABASE_URL": ""}
    code = "from marsad.cli.main import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, timeout=60
    )


def _seed(home: Path) -> None:
    store = Store.open(Settings.from_env({"MARSAD_HOME": str(home)}))
    sid = store.add_source("telegram", "@room")
    ev = store.archive_bytes(b"x", origin="test://x", collector="test", version="1").sha256
    texts = ["استهداف سليماني في بغداد", "Suleimani killed", "nothing here"]
    store.write_batch(
        sid,
        [
            DocumentRecord(
                platform="telegram",
                platform_id=str(i),
                evidence_sha256=ev,
                text=t,
                published_at=datetime(2021, 1, i + 1, tzinfo=UTC),
            )
            for i, t in enumerate(texts)
        ],
    )
    store.close()


def test_search_json_and_translit_switch(tmp_path: Path) -> None:
    _seed(tmp_path)
    out = _run(tmp_path, "search", "Soleimani", "--json", "--sort", "newest")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["total"] == 2
    assert [h["snippet"] for h in data["hits"]] == ["Suleimani killed", "استهداف سليماني في بغداد"]
    assert "<mark>سليماني</mark>" in data["hits"][1]["snippet_html"]
    off = json.loads(_run(tmp_path, "search", "Suleimani", "--json", "--no-translit").stdout)
    assert off["total"] == 1


def test_bad_query_is_one_line_exit_2(tmp_path: Path) -> None:
    _seed(tmp_path)
    out = _run(tmp_path, "search", '"unclosed')
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0 and "unbalanced quote" in out.stderr
    assert "Traceback" not in out.stderr


def test_reindex_keeps_results(tmp_path: Path) -> None:
    _seed(tmp_path)
    out = _run(tmp_path, "reindex", "--no-progress")
    assert out.returncode == 0 and "indexed 3 documents" in out.stdout
    again = json.loads(_run(tmp_path, "search", "بغداد", "--json").stdout)
    assert again["total"] == 1
