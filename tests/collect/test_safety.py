"""Refusals seen end to end: ingest and the real ``marsad`` command."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.collect.feed import FeedCollector
from marsad.core.errors import BlockedAddress, TooLarge
from marsad.pipeline.ingest import ingest
from marsad.store import Store
from tests.collect.conftest import local_settings
from tests.conftest import make_settings
from tests.httpserver import Reply, TestServer

FIXTURES = Path(__file__).parent / "fixtures"


def test_feed_on_loopback_refused_without_allow_list(home: Path, server: TestServer) -> None:
    server.route("/feed.xml", Reply(200, (FIXTURES / "feed_atom.xml").read_bytes()))
    store = Store.open(make_settings(home))
    try:
        with pytest.raises(BlockedAddress) as err:
            ingest(store, server.url("/feed.xml"), collector=FeedCollector())
        assert "not a public address" in str(err.value) and "\n" not in str(err.value)
        assert server.seen == []
        assert store.count_documents() == 0
        assert store.list_runs()[0]["status"] == "failed"
    finally:
        store.close()


def test_gzip_bomb_stores_nothing_and_keeps_earlier_docs(home: Path, server: TestServer) -> None:
    store = Store.open(local_settings(home, fetch_max_bytes=100_000))
    try:
        server.route("/atom.xml", Reply(200, (FIXTURES / "feed_atom.xml").read_bytes()))
        ingest(store, server.url("/atom.xml"), collector=FeedCollector())
        blobs_before = sorted(store.archive.iter_digests())
        bomb = gzip.compress(b"\0" * 10_000_000, 9)
        server.route("/atom.xml", Reply(200, bomb, {"Content-Encoding": "gzip"}))
        with pytest.raises(TooLarge):
            ingest(store, server.url("/atom.xml"), collector=FeedCollector())
        assert sorted(store.archive.iter_digests()) == blobs_before
        assert store.count_documents() == 1
    finally:
        store.close()


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MARSAD_")}
    env["MARSAD_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "marsad.cli.main", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_cli_refuses_loopback_feed_in_one_line(home: Path, server: TestServer) -> None:
    server.route("/feed.xml", Reply(200, (FIXTURES / "feed_atom.xml").read_bytes()))
    assert _cli(home, "sources", "add", "rss", "X").returncode == 0
    proc = _cli(home, "ingest", server.url("/feed.xml"), "--source", "X")
    assert proc.returncode == 3
    assert proc.stderr.count("\n") == 1
    assert "refused to fetch from 127.0.0.1" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert server.seen == []
