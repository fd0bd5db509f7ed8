"""The evidence archive: content-addressed, atomic, verifiable."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pytest

from marsad.archive import BlobStore
from marsad.core.errors import NotFound, TooLarge


def test_put_is_content_addressed_and_idempotent(tmp_path: Path) -> None:
    store = BlobStore(tmp_path)
    digest, size = store.put_bytes("بيان".encode())
    assert digest == hashlib.sha256("بيان".encode()).hexdigest() and size == 8
    assert store.put_bytes("بيان".encode()) == (digest, size)
    assert list(store.iter_digests()) == [digest]
    assert store.read(digest) == "بيان".encode()
    assert store.check(digest) is None


def test_stream_cap_leaves_nothing_behind(tmp_path: Path) -> None:
    store = BlobStore(tmp_path)
    with pytest.raises(TooLarge):
        store.put_stream(io.BytesIO(b"x" * 5000), max_bytes=1000)
    assert list(store.iter_digests()) == []
    assert os.listdir(tmp_path / "tmp") == []


def test_check_names_missing_and_altered(tmp_path: Path) -> None:
    store = BlobStore(tmp_path)
    a, _ = store.put_bytes(b"first")
    b, _ = store.put_bytes(b"second")
    path = store.path_for(a)
    os.chmod(path, 0o644)
    path.write_bytes(b"tampered")
    store.path_for(b).unlink()
    problem_a = store.check(a)
    problem_b = store.check(b)
    assert problem_a is not None and problem_a.problem == "altered"
    assert problem_b is not None and problem_b.problem == "missing"


def test_hostile_digest_is_refused(tmp_path: Path) -> None:
    store = BlobStore(tmp_path)
    with pytest.raises(NotFound):
        store.path_for("../../etc/passwd")
