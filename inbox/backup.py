"""Backups: one file holding a consistent, encrypted copy of the database and its blobs.

`backup --out FILE` copies the open database with SQLite's online backup API (a snapshot at one
moment, while others keep working), still encrypted under the database key, and adds the blob
files as they are on disk (sealed under the same key) and the key file (no secret: the key
wrapped with the recovery key). The archive is a plain tar, written to a private temporary file
beside FILE and renamed into place at the end (0600): a crash never leaves a half backup that
looks whole.

`restore FILE --db TARGET` unpacks it beside TARGET, gives the restored database an id (and so
keyring slots) of its own, so the restored copy and the live database never share a key: a
`key recover` or rotation of one leaves the other working. The key comes along from this
computer's keyring when the backup's key is still there (no rotation since); otherwise the
recovery key of the time of the backup restores it (`key recover`). The files are moved into
place with a marker beside TARGET; a restore killed half-way leaves the marker, the database
refuses to open, and the next `restore` to TARGET clears the leftovers and starts again.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inbox import acts, clock
from inbox.errors import InvalidInput, LoketError
from inbox.exports import TMP_MARK, export_file
from inbox.privacy import keys
from storage.paths import blob_dir_for

if TYPE_CHECKING:
    from inbox.gate import Session

FORMAT = "loket-backup/1"
MANIFEST = "loket-backup.json"
DATABASE = "database.db"
KEYFILE = "database.db.key.json"
_BLOB = re.compile(r"^blobs/([0-9a-f]{2})/([0-9a-f]{62})$")


@dataclass(frozen=True)
class Restored:
    path: Path
    key_available: bool  # False: `key recover` with the recovery key of the backup's time


def backup(loket: Session, out: Path) -> dict[str, Any]:
    """Write a backup of the open database to `out` (which must not exist); act backup.create."""
    with loket.op(acts.BACKUP_CREATE, obj="database") as op:
        path = op.store.path
        if path is None:
            raise LoketError("Een database in het geheugen heeft geen reservekopie.")
        blobs = op.store.blobs
        with export_file(Path(out)) as work:
            staging = Path(tempfile.mkdtemp(prefix=f".{Path(out).name}{TMP_MARK}db-",
                                            dir=Path(out).parent))
            try:
                copy = staging / DATABASE
                op.store.backup_database(copy)
                digests = blobs.digests()
                manifest = {
                    "format": FORMAT,
                    "created_at": clock.iso(loket.now()),
                    "encrypted": keys.is_encrypted(path),
                    "database_id": keys.database_id(path) if keys.is_encrypted(path) else None,
                    "blobs": len(digests),
                }
                with tarfile.open(work, "w", format=tarfile.PAX_FORMAT) as tar:
                    _add_bytes(tar, MANIFEST, json.dumps(manifest, indent=2).encode())
                    tar.add(copy, DATABASE)
                    if keys.is_encrypted(path):
                        tar.add(keys.keyfile_for(path), KEYFILE)
                    for digest in digests:
                        tar.add(blobs.path_for(digest), f"blobs/{digest[:2]}/{digest[2:]}")
            finally:
                shutil.rmtree(staging, ignore_errors=True)
        op.details = {"bestanden": len(digests)}
        return manifest


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    import io

    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o600
    tar.addfile(info, io.BytesIO(data))


def restore(archive: Path, target: Path) -> Restored:
    """Put the backup `archive` in place as the database `target` (which must not exist)."""
    archive, target = Path(archive), Path(target)
    marker = target.with_name(target.name + keys.RESTORING)
    if marker.exists():
        _clear_interrupted(target, marker)
    if target.exists() or keys.keyfile_for(target).exists():
        raise InvalidInput(
            f"{target.name} bestaat al; zet de reservekopie terug naar een nieuw bestand "
            "(--db NIEUW.db): het bestaande blijft zo onaangeroerd."
        )
    if blob_dir_for(target).exists() and any(blob_dir_for(target).iterdir()):
        raise InvalidInput(f"De map {blob_dir_for(target).name} bestaat al en is niet leeg.")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.loket-restore-", dir=target.parent))
    try:
        _unpack(archive, staging)
        key_available = False
        if (staging / KEYFILE).exists():
            key_available = keys.adopt_restored(staging / KEYFILE, target)
        marker.write_text(str(staging), encoding="utf-8")
        keys._step("restore", 1)
        if (staging / "blobs").exists():
            if blob_dir_for(target).exists():
                blob_dir_for(target).rmdir()  # empty (checked above)
            os.replace(staging / "blobs", blob_dir_for(target))
        keys._step("restore", 2)
        if (staging / KEYFILE).exists():
            os.replace(staging / KEYFILE, keys.keyfile_for(target))
        keys._step("restore", 3)
        os.replace(staging / DATABASE, target)
        keys._step("restore", 4)
        marker.unlink()
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Restored(target, key_available or not keys.is_encrypted(target))


def _clear_interrupted(target: Path, marker: Path) -> None:
    """What a killed restore to `target` put in place: nothing of it was ever opened."""
    staging = Path(marker.read_text(encoding="utf-8").strip() or "/nonexistent")
    if staging.parent == target.parent and staging.name.startswith(f".{target.name}.loket-"):
        shutil.rmtree(staging, ignore_errors=True)
    for leftover in (target, keys.keyfile_for(target)):
        leftover.unlink(missing_ok=True)
    shutil.rmtree(blob_dir_for(target), ignore_errors=True)
    marker.unlink()


def _unpack(archive: Path, into: Path) -> dict[str, Any]:
    """Only the members a Loket backup has, as regular files under `into` (no links, no paths
    outside it); the manifest checked."""
    try:
        tar = tarfile.open(archive, "r:")
    except (OSError, tarfile.TarError) as exc:
        raise InvalidInput(f"{archive.name} is geen reservekopie van Loket.") from exc
    manifest: dict[str, Any] | None = None
    with tar:
        for member in tar:
            name = member.name
            if not member.isfile():
                raise InvalidInput(f"{archive.name} bevat iets anders dan bestanden.")
            blob = _BLOB.match(name)
            if name not in (MANIFEST, DATABASE, KEYFILE) and blob is None:
                raise InvalidInput(f"{archive.name} bevat een onbekend bestand ({name[:40]}).")
            source = tar.extractfile(member)
            assert source is not None
            target = into / name
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            with source, open(target, "wb", opener=_private) as fh:
                shutil.copyfileobj(source, fh)
                fh.flush()
                os.fsync(fh.fileno())
            if name == MANIFEST:
                manifest = json.loads(target.read_text(encoding="utf-8"))
    if manifest is None or manifest.get("format") != FORMAT or not (into / DATABASE).exists():
        raise InvalidInput(f"{archive.name} is geen (volledige) reservekopie van Loket.")
    return manifest


def _private(path: str, flags: int) -> int:
    return os.open(path, flags, 0o600)
