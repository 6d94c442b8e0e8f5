"""Content-addressed blob store: original message bytes and attachments, named by SHA-256."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from storage.db import translate
from storage.errors import BlobMissingError


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class BlobStore:
    """Files live at root/ab/cdef...; writes go to a temp file, are fsynced, then renamed."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, digest: str) -> Path:
        if len(digest) != 64 or not all(c in "0123456789abcdef" for c in digest):
            raise ValueError(f"not a sha256 hex digest: {digest!r}")
        return self.root / digest[:2] / digest[2:]

    def put(self, data: bytes) -> str:
        """Store `data` durably and return its digest; storing the same bytes twice is a no-op."""
        digest = sha256(data)
        target = self.path_for(digest)
        if target.exists() and target.stat().st_size == len(data):
            return digest
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
            _fsync_dir(target.parent)
        except OSError as exc:
            raise translate(exc) or exc from exc
        return digest

    def get(self, digest: str) -> bytes:
        try:
            return self.path_for(digest).read_bytes()
        except FileNotFoundError as exc:
            raise BlobMissingError(f"Origineel bestand ontbreekt ({digest[:12]}…).") from exc

    def exists(self, digest: str) -> bool:
        return self.path_for(digest).exists()

    def delete(self, digest: str) -> None:
        self.path_for(digest).unlink(missing_ok=True)

    def digests(self) -> list[str]:
        if not self.root.exists():
            return []
        return sorted(
            p.parent.name + p.name for p in self.root.glob("??/*") if not p.name.startswith(".tmp-")
        )


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
