"""``marsad demo`` as a user runs it: JSON summary, idempotent, one-line refusal."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from marsad.cli.main import main
from marsad.demo.registry import DATA_DIR, read_registry
from marsad.store import Store
from tests.conftest import make_settings
from tests.demo.corpus_files import expected_documents


@dataclass
class Done:
    returncode: int
    stdout: str
    stderr: str


def _marsad(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str
) -> Done:
    """Run the ``marsad`` entry point in-process, as the console script would."""
    monkeypatch.setenv("MARSAD_HOME", str(home))  # restored after the test
    monkeypatch.setattr(sys, "argv", ["marsad", "--home", str(home), *args])
    with pytest.raises(SystemExit) as info:
        main()
    out = capsys.readouterr()
    return Done(int(info.value.code or 0), out.out, out.err)


def test_marsad_demo_json_twice(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _marsad(home, capsys, monkeypatch, "demo", "--json")
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    assert summary["documents"] == sum(expected_documents(e) for e in read_registry(DATA_DIR))
    assert summary["errors"] == 0
    second = json.loads(_marsad(home, capsys, monkeypatch, "demo", "--json").stdout)
    assert second["documents_added"] == 0
    assert second["documents"] == summary["documents"]


def test_marsad_demo_refuses_a_real_source_in_one_line(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.open(make_settings(home))
    store.add_source("telegram", "@demo_central_media", name="a real channel")
    store.close()
    done = _marsad(home, capsys, monkeypatch, "demo")
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "not illustrative" in lines[0]
    assert "Traceback" not in done.stderr
