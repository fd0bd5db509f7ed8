"""A content-addressed blob store on the filesystem.

Blobs live at ``<root>/sha256/ab/cd/<hex>``. Writes go to a temporary file in the same
directory tree, are fsynced and renamed into place, so a crash never leaves a partial blob
under a valid name. Blobs are read-only once written.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from marsad.core.errors import NotFound, StoreError, TooLarge
from marsad.core.ids import is_sha256

CHUNK = 1 << 20


@dataclass(frozen=True)
class VerifyProblem:
    sha256: str
    problem: str  # "missing" or "altered"
    detail: str = ""


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._dir = self.root / "sha256"
        self._tmp = self.root / "tmp"

    def ensure(self) -> None:
        try:
            self._dir.mkdir(parents=True, exist_ok=True)
            self._tmp.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create archive at {self.root}: {exc.strerror}") from exc

    def path_for(self, sha256: str) -> Path:
        if not is_sha256(sha256):
            raise NotFound(f"not a SHA-256 digest: {sha256[:80]!r}")
        return self._dir / sha256[:2] / sha256[2:4] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).exists()

    def put_bytes(self, data: bytes) -> tuple[str, int]:
        digest = hashlib.sha256(data).hexdigest()
        if not self.has(digest):
            self._write_stream(iter([data]), digest)
        return digest, len(data)

    def put_stream(self, stream: BinaryIO, max_bytes: int | None = None) -> tuple[str, int]:
        """Copy a stream into the store, hashing as it goes; return (sha256, size)."""
        self.ensure()
        hasher = hashlib.sha256()
        size = 0
        fd, tmp_name = tempfile.mkstemp(dir=self._tmp, prefix="put-")
        try:
            with os.fdopen(fd, "wb") as out:
                while chunk := stream.read(CHUNK):
                    size += len(chunk)
                    if max_bytes is not None and size > max_bytes:
                        raise TooLarge(f"payload larger than {max_bytes} bytes")
                    hasher.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            digest = hasher.hexdigest()
            self._place(Path(tmp_name), digest)
            return digest, size
        finally:
            if os.path.exists(tmp_name):
                os.unlink(tmp_name)

    def put_file(self, path: Path) -> tuple[str, int]:
        try:
            with open(path, "rb") as fh:
                return self.put_stream(fh)
        except OSError as exc:
            raise StoreError(f"cannot read {path.name}: {exc.strerror}") from exc

    def _write_stream(self, chunks: Iterator[bytes], digest: str) -> None:
        self.ensure()
        fd, tmp_name = tempfile.mkstemp(dir=self._tmp, prefix="put-")
        try:
            with os.fdopen(fd, "wb") as out:
                for chunk in chunks:
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            self._place(Path(tmp_name), digest)
        finally:
            if os.path.exists(tmp_name):
                os.unlink(tmp_name)

    def _place(self, tmp: Path, digest: str) -> None:
        final = self.path_for(digest)
        if final.exists():
            return
        final.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(tmp, 0o444)
        os.replace(tmp, final)

    def open(self, sha256: str) -> BinaryIO:
        path = self.path_for(sha256)
        try:
            return open(path, "rb")
        except FileNotFoundError as exc:
            raise NotFound(f"evidence {sha256} is not in the archive") from exc

    def read(self, sha256: str, max_bytes: int | None = None) -> bytes:
        with self.open(sha256) as fh:
            data = fh.read() if max_bytes is None else fh.read(max_bytes + 1)
        if max_bytes is not None and len(data) > max_bytes:
            raise TooLarge(f"evidence {sha256} is larger than {max_bytes} bytes")
        return data

    def iter_digests(self) -> Iterator[str]:
        if not self._dir.exists():
            return
        for path in self._dir.glob("*/*/*"):
            if is_sha256(path.name):
                yield path.name

    def check(self, sha256: str) -> VerifyProblem | None:
        """Re-hash one blob; return a problem or None."""
        path = self.path_for(sha256)
        if not path.exists():
            return VerifyProblem(sha256, "missing", str(path))
        hasher = hashlib.sha256()
        with open(path, "rb") as fh:
            while chunk := fh.read(CHUNK):
                hasher.update(chunk)
        actual = hasher.hexdigest()
        if actual != sha256:
            return VerifyProblem(sha256, "altered", f"content now hashes to {actual}")
        return None
