"""The CLI's stable shape: --json listings, one-line errors, exit codes, verify."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime

from marsad.core.records import DocumentRecord
from marsad.core.settings import Settings
from marsad.store import Store
from tests.cli.conftest import Runner


def _seed(home: object) -> tuple[int, str]:
    store = Store.open(Settings.from_env({"MARSAD_HOME": str(home)}))
    sid = store.get_source("@room").id
    ev = store.archive_bytes(
        b'{"messages": []}', origin="result.json", collector="test", version="1"
    )
    store.write_batch(
        sid,
        [
            DocumentRecord(
                platform="telegram",
                platform_id="1",
                evidence_sha256=ev.sha256,
                text="بيان غرفة عمليات حلفاء سوريا",
                lang="ar",
                published_at=datetime(2021, 10, 14, 8, tzinfo=UTC),
            ),
            DocumentRecord(
                platform="telegram",
                platform_id="2",
                evidence_sha256=ev.sha256,
                text="Statement in English",
                lang="en",
                published_at=datetime(2018, 3, 1, tzinfo=UTC),
            ),
        ],
    )
    store.close()
    return sid, ev.sha256


def test_sources_round_trip(marsad: Runner) -> None:
    marsad("init")
    marsad(
        "sources",
        "add",
        "telegram",
        "@room",
        "--name",
        "غرفة عمليات حلفاء سوريا",
        "--type",
        "official",
        "--reliability",
        "c",
        "--alias",
        "Allies of Syria Operations Room",
    )
    listed = json.loads(marsad("sources", "list", "--json").stdout)
    assert [(s["handle"], s["source_type"], s["reliability"]) for s in listed] == [
        ("@room", "official", "C")
    ]
    marsad("sources", "grade", "@room", "B", "--by", "hamdi", "--note", "statements verified")
    shown = json.loads(marsad("sources", "show", "@room", "--json").stdout)
    assert shown["reliability"] == "B"
    assert [(h["grade"], h["decided_by"]) for h in shown["reliability_history"]] == [
        ("C", "cli"),
        ("B", "hamdi"),
    ]
    assert "Allies of Syria Operations Room" in shown["aliases"]


def test_documents_listing_filters_and_show(marsad: Runner) -> None:
    marsad("sources", "add", "telegram", "@room")
    _seed(marsad.home)  # type: ignore[attr-defined]
    out = json.loads(marsad("documents", "list", "--lang", "ar", "--json").stdout)
    assert out["total"] == 1 and out["documents"][0]["text"].startswith("بيان")
    out = json.loads(marsad("documents", "list", "--to", "2019-01-01", "--json").stdout)
    assert [d["text"] for d in out["documents"]] == ["Statement in English"]
    doc_id = out["documents"][0]["id"]
    full = json.loads(marsad("documents", "show", str(doc_id), "--json").stdout)
    assert full["evidence"]["origin"] == "result.json" and full["evidence"]["captured_at"]


def test_user_errors_are_one_line_and_nonzero(marsad: Runner) -> None:
    for args in (
        ("sources", "show", "@nobody"),
        ("documents", "show", "999"),
        ("documents", "list", "--from", "yesterday"),
        ("sources", "add", "telegram", "@x", "--reliability", "Z"),
        ("ingest", "/no/such/file.json"),
    ):
        proc = marsad(*args, check=False)
        assert proc.returncode == 2, (args, proc.stderr)
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("marsad: error:"), proc.stderr
        assert "Traceback" not in proc.stderr


def test_verify_names_missing_and_altered_blobs(marsad: Runner) -> None:
    marsad("sources", "add", "telegram", "@room")
    _, digest = _seed(marsad.home)  # type: ignore[attr-defined]
    ok = json.loads(marsad("verify", "--json").stdout)
    assert ok["problems"] == [] and ok["checked"] == 1
    blob = marsad.home / "archive" / "sha256" / digest[:2] / digest[2:4] / digest  # type: ignore[attr-defined]
    os.chmod(blob, 0o644)
    blob.write_bytes(b"edited after capture")
    bad = marsad("verify", check=False)
    assert bad.returncode == 5
    assert f"altered: {digest}" in bad.stdout
    blob.unlink()
    gone = marsad("verify", check=False)
    assert gone.returncode == 5 and f"missing: {digest}" in gone.stdout


def test_hostile_names_are_not_rich_markup(marsad: Runner) -> None:
    """A channel name like "[link=...]" or "[bold red]" is shown literally, not rendered."""
    marsad(
        "sources",
        "add",
        "telegram",
        "@evil",
        "--name",
        "[link=https://x.example]click[/link] [blink]",
    )
    listed = marsad("sources", "list", extra_env={"COLUMNS": "200"}).stdout
    assert "[link=https://x.example]click[/link]" in listed
    shown = marsad("sources", "show", "@evil").stdout
    assert "[blink]" in shown


def test_input_with_nothing_usable_fails(marsad: Runner, tmp_path: object) -> None:
    """Every line bad: the run is recorded with its errors, and the command fails."""
    from pathlib import Path

    bad = Path(str(tmp_path)) / "bad.jsonl"
    bad.write_text('not json\n{"also": "not a message"}\n', encoding="utf-8")
    marsad("sources", "add", "telegram", "@room")
    proc = marsad(
        "ingest", str(bad), "--collector", "telegram-api", "--source", "@room", check=False
    )
    assert proc.returncode == 2
    assert "nothing usable in bad.jsonl" in proc.stderr
    runs = json.loads(marsad("runs", "list", "--json").stdout)
    assert runs[0]["status"] == "partial" and runs[0]["errors"] == 2
