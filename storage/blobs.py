"""Content-addressed blob store: original message bytes and attachments, named by SHA-256.

Most originals of e-mail are small; those (below INLINE_MAX) live in the database itself
(table `originals`, encrypted with the database), written in the same transaction as the
message row that names them. Everything else is a file here. `get`, `exists` and `delete` look
in both places, so readers (exports, inzage, erasure, destruction) need not know where a blob is.
"""

from __future__ import annotations

import errno
import hashlib
import os
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from storage import crypto
from storage.db import Database, translate
from storage.errors import BlobFolderError, BlobMissingError, CorruptDatabaseError, StorageError
from storage.paths import fsync_dir

# Originals smaller than this go into the database (measured: tests/bench/imap_bench.py
# --inline-threshold; see BENCHMARKS.md). SQLite stores blobs of up to a few hundred KB faster
# than one fsynced file each.
INLINE_MAX = 256 * 1024


# An original kept compressed in the database starts with this (zlib after it). Rows from
# before, and originals compression would not shrink, are the plain bytes: `unpack` tells them
# apart by the digest, so a plain original that happens to start with these bytes stays itself.
PACKED = b"LKZ1"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def pack(raw: bytes) -> bytes:
    """`raw` as kept in the database: zlib level 1 (e-mail text shrinks about threefold, so
    fewer pages to encrypt, write to the WAL and checkpoint) when that is smaller."""
    packed = PACKED + zlib.compress(raw, 1)
    return packed if len(packed) < len(raw) else raw


def unpack(digest: str, data: bytes) -> bytes:
    """The original of a database row, packed or plain (rows from before packing, or ones
    packing did not shrink): a packed row is only believed when it unpacks to `digest`."""
    if data.startswith(PACKED):
        try:
            plain = zlib.decompress(data[len(PACKED) :])
        except zlib.error:
            return data
        if sha256(plain) == digest:
            return plain
    return data


def _mkstemp(folder: Path) -> tuple[int, str]:
    """A new temp file in `folder` (tempfile is imported when a blob is first written)."""
    import tempfile

    return tempfile.mkstemp(dir=folder, prefix=".tmp-")


class BlobStore:
    """Files live at root/ab/cdef...; writes go to a temp file, are fsynced, then renamed.

    With a key, every file is AES-256-GCM encrypted (storage.crypto); the name stays the
    SHA-256 of the plain content, which reveals nothing of it.
    """

    def __init__(
        self, root: Path, key: bytes | None = None, previous: tuple[bytes, ...] = ()
    ) -> None:
        self.root = root
        self.key = crypto.derive(key, "blobs") if key else None
        # keys a blob may still be under while a key rotation finishes
        self.previous = tuple(crypto.derive(k, "blobs") for k in previous)
        self._db: Database | None = None

    def attach(self, db: Database) -> None:
        """The database whose `originals` table holds the small originals."""
        self._db = db

    def put_inline(self, items: list[tuple[str, bytes]]) -> None:
        """Keep small originals (digest, bytes as `pack` made them, or plain) in the database;
        run inside the transaction that writes the messages naming them, so both commit
        together."""
        if not items:
            return
        assert self._db is not None, "no database attached to the blob store"
        self._db.conn.executemany(
            "INSERT OR IGNORE INTO originals(digest, data) VALUES (?, ?)", items
        )

    def packed_small(self, originals: dict[str, bytes]) -> list[tuple[str, bytes]]:
        """The originals that go into the database, packed for `put_inline` (zlib releases
        the GIL: a sync packs on a thread, beside the filing)."""
        return [(d, pack(raw)) for d, raw in self.small(originals)]

    def keep_originals(self, originals: dict[str, bytes]) -> None:
        """Originals by digest: the small ones into the database (call inside the transaction
        that writes their messages), the large ones as files, fsynced before it commits."""
        large = self.large(originals)
        if large:
            self.put_many(large)
        self.put_inline(self.packed_small(originals))

    def small(self, originals: dict[str, bytes]) -> list[tuple[str, bytes]]:
        """The originals that go into the database (none without one)."""
        if self._db is None:
            return []
        return [(d, raw) for d, raw in originals.items() if len(raw) < INLINE_MAX]

    def large(self, originals: dict[str, bytes]) -> list[bytes]:
        """The originals that are files."""
        limit = INLINE_MAX if self._db is not None else 0
        return [raw for raw in originals.values() if len(raw) >= limit]

    def _inline(self, digest: str) -> bytes | None:
        if self._db is None:
            return None
        row = self._db.one("SELECT data FROM originals WHERE digest = ?", (digest,))
        return None if row is None else unpack(digest, bytes(row[0]))

    def path_for(self, digest: str) -> Path:
        if len(digest) != 64 or not all(c in "0123456789abcdef" for c in digest):
            raise ValueError(f"not a sha256 hex digest: {digest!r}")
        return self.root / digest[:2] / digest[2:]

    def put(self, data: bytes) -> str:
        """Store `data` durably and return its digest; storing the same bytes twice is a no-op."""
        digest = sha256(data)
        target = self.path_for(digest)
        if target.exists() and self._complete(target, digest, len(data)):
            return digest
        self._write(target, self._encode(digest, data))
        return digest

    def put_many(self, items: list[bytes]) -> list[str]:
        """Store several blobs durably with one flush to disk instead of one per file.

        Each is written to a temp file, all are fsynced at once (concurrent fsyncs share the
        file system's journal commits), then renamed and their folders fsynced once each. (Not
        os.sync(): that flushes every file system of the machine.)
        The guarantee of `put`, for a batch.
        """
        digests = [sha256(data) for data in items]
        pending: list[tuple[str, Path]] = []
        opened: list[int] = []
        seen: set[str] = set()
        try:
            for digest, data in zip(digests, items, strict=True):
                target = self.path_for(digest)
                if digest in seen or (
                    target.exists() and self._complete(target, digest, len(data))
                ):
                    continue
                seen.add(digest)
                target.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = _mkstemp(target.parent)
                opened.append(fd)
                pending.append((tmp, target))
                _write_all(fd, self._encode(digest, data))
            _each(os.fsync, opened)  # all at once: the file system commits them together
            for fd in opened:
                os.close(fd)
            opened = []
            for tmp, target in pending:
                os.replace(tmp, target)
            _each(fsync_dir, sorted({target.parent for _, target in pending}))
        except BaseException as exc:
            for fd in opened:
                os.close(fd)
            for tmp, _target in pending:
                Path(tmp).unlink(missing_ok=True)
            if isinstance(exc, OSError):
                raise self._translate(exc) from exc
            raise
        return digests

    def _translate(self, exc: OSError) -> StorageError | OSError:
        """A Dutch error for what went wrong writing here; the folder is named, not the mail."""
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):  # this folder, not the db
            return BlobFolderError(
                f"Loket kan niet schrijven in de map met originele berichten ({self.root}): "
                "de map is alleen-lezen of niet toegankelijk. Er is niets half opgeslagen."
            )
        return translate(exc) or exc

    def _encode(self, digest: str, data: bytes) -> bytes:
        return crypto.seal(self.key, data, digest.encode()) if self.key else data

    def _complete(self, target: Path, digest: str, size: int) -> bool:
        if self.key is None:
            return target.stat().st_size == size
        return target.stat().st_size == size + len(crypto.MAGIC) + 12 + 16

    def _write(self, target: Path, data: bytes) -> None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = _mkstemp(target.parent)
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
            fsync_dir(target.parent)
        except OSError as exc:
            raise self._translate(exc) from exc

    def get(self, digest: str) -> bytes:
        inline = self._inline(digest)
        if inline is not None:
            return inline
        try:
            raw = self.path_for(digest).read_bytes()
        except FileNotFoundError as exc:
            raise BlobMissingError(f"Origineel bestand ontbreekt ({digest[:12]}…).") from exc
        if self.key is None or not crypto.is_sealed(raw):
            if sha256(raw) != digest:
                # never served as the original: sealed under a key this store does not have
                # (e.g. an interrupted `key encrypt` of old), or damaged
                raise CorruptDatabaseError(
                    f"Bestand {digest[:12]}… kan niet worden gelezen: het is versleuteld met een "
                    "sleutel die deze database niet heeft, of beschadigd."
                )
            return raw  # a plain blob from before encryption was switched on
        for key in (self.key, *self.previous):
            try:
                return crypto.unseal(key, raw, digest.encode())
            except crypto.DecryptionError:
                continue
        raise CorruptDatabaseError(
            f"Bestand {digest[:12]}… kan niet worden ontsleuteld (verkeerde sleutel of beschadigd)."
        )

    def reencrypt(self, new: BlobStore) -> int:
        """Write every blob again under `new`'s key (key rotation, or encrypting a plain store)."""
        count = 0
        for digest in self.digests():
            data = self.get(digest)
            new._write(new.path_for(digest), new._encode(digest, data))
            count += 1
        return count

    def exists(self, digest: str) -> bool:
        if self._db is not None and self._db.scalar(
            "SELECT 1 FROM originals WHERE digest = ?", (digest,)
        ):
            return True
        return self.path_for(digest).exists()

    def delete(self, digest: str) -> None:
        if self._db is not None:
            self._db.conn.execute("DELETE FROM originals WHERE digest = ?", (digest,))
        self.path_for(digest).unlink(missing_ok=True)

    def digests(self) -> list[str]:
        """The blobs kept as files (the inline ones move with the database)."""
        if not self.root.exists():
            return []
        return sorted(
            p.parent.name + p.name for p in self.root.glob("??/*") if not p.name.startswith(".tmp-")
        )


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _each(fn: Callable[[Any], None], items: Sequence[Any]) -> None:
    """`fn` on every item, several at once: concurrent fsyncs share one journal commit."""
    if len(items) <= 1:
        for item in items:
            fn(item)
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(min(16, len(items))) as pool:
        list(pool.map(fn, items))
