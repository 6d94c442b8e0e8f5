"""The database key: made with the database, kept in the OS keyring, recoverable, rotatable.

Beside `loket.db` lies `loket.db.key.json`, which holds no secret: the database's random id
(`database_id`, naming its keyring slots), the key's id and check value, and the key wrapped
with the recovery key. The recovery key (200 random bits, written as eight groups of five
characters) is shown once to the beheerder; with it, a new laptop or a lost keyring gets the key
back.

Keyring slots, per database id: `db/<id>/key` (the key), `db/<id>/next` (a rotation under way),
`db/<id>/recovery` (a recovery key not yet shown) and `db/<id>/home` (the path of the file the id
belongs to). A copy of the database (cp, a restored backup) carries the same id; when it is
opened while the file at `home` still exists with that id, it takes an id and slots of its own
first, so a rotation or `key recover` of one never changes the other's key. `restore` gives the
restored copy a new id at once. Databases from before (slots named by key id, version 1) get
their database id at the first open; the old slots stay for other copies of that file.

Rotation and `key encrypt` are crash-safe at every step: the new key is in the keyring before
anything uses it, each step can run again, and the next open finishes what a crash interrupted
(tests kill the process at each `_step`, see LOKET_CRASH_AT). Rotation re-encrypts the
database (a new SQLCipher copy renamed over the old file), every blob and every encrypted column
(the processing log's data subjects). A blob that fails to decrypt is an error, never served.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import signal
import tempfile
import uuid
from pathlib import Path
from typing import Any

from inbox.errors import LoketError
from storage import crypto

log = logging.getLogger("loket.keys")

SERVICE = "Loket"
CRASH_AT = "LOKET_CRASH_AT"  # tests: "rotate:3" kills the process at step 3 of a rotation
RESTORING = ".restoring"  # beside a database a restore is still putting in place


class KeyMissing(LoketError):
    pass


def keyfile_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".key.json")


def _step(flow: str, number: int) -> None:
    """A point where a test may kill the process (SIGKILL: no cleanup, like a power cut)."""
    if os.environ.get(CRASH_AT) == f"{flow}:{number}":
        os.kill(os.getpid(), signal.SIGKILL)


def _slot(database_id: str, kind: str) -> str:
    return f"db/{database_id}/{kind}"


def _keyring() -> Any:
    from inbox.keyring_policy import checked_keyring

    return checked_keyring()


def _get(name: str) -> str | None:
    from keyring.errors import KeyringError

    try:
        value: str | None = _keyring().get_password(SERVICE, name)
    except KeyringError as exc:
        raise LoketError("De sleutelbos van het besturingssysteem is niet beschikbaar.") from exc
    return value


def _set(name: str, value: str) -> None:
    from keyring.errors import KeyringError

    try:
        _keyring().set_password(SERVICE, name, value)
    except KeyringError as exc:
        raise LoketError("De sleutelbos van het besturingssysteem is niet beschikbaar.") from exc


def _delete(name: str) -> None:
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        _keyring().delete_password(SERVICE, name)
    except (PasswordDeleteError, KeyringError):
        pass


def _read(path: Path) -> dict[str, Any]:
    try:
        data: dict[str, Any] = json.loads(keyfile_for(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise LoketError(f"Het sleutelbestand bij {path.name} is onleesbaar.") from exc
    return data


def _write(path: Path, data: dict[str, Any]) -> None:
    target = keyfile_for(path)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-key-")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2, sort_keys=True)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, target)
    _fsync_dir(target.parent)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def key_check(key: bytes) -> str:
    """A value that tells whether a key is this database's without revealing the key."""
    import hashlib
    import hmac

    return hmac.new(key, b"loket/key-check", hashlib.sha256).hexdigest()[:32]


def key_fits(db_path: Path, key: bytes) -> bool | None:
    """Whether `key` is the key of `db_path` (None: an older key file without a check)."""
    try:
        stored = _read(db_path).get("key_check")
    except LoketError:
        return None
    if not stored:
        return None
    import hmac

    return hmac.compare_digest(str(stored), key_check(key))


def _wrap(meta: dict[str, Any], key: bytes, recovery_key: str) -> dict[str, Any]:
    """`meta` with `key` wrapped under `recovery_key` (and its check value)."""
    salt = os.urandom(16)
    key_id = str(meta.get("key_id") or uuid.uuid4())
    wrapped = crypto.seal(crypto.recovery_kek(recovery_key, salt), key, key_id.encode())
    return {
        **meta,
        "version": 2,
        "key_id": key_id,
        "key_check": key_check(key),
        "cipher": "SQLCipher 4 (AES-256) + AES-256-GCM blobs",
        "recovery_salt": base64.b64encode(salt).decode(),
        "recovery_wrapped_key": base64.b64encode(wrapped).decode(),
    }


def is_encrypted(db_path: Path) -> bool:
    return keyfile_for(db_path).exists()


def database_id(db_path: Path) -> str:
    """The random id of the database at `db_path` (its keyring slots' name)."""
    return str(_identify(db_path, _read(db_path))["database_id"])


# -- which slots belong to this file --------------------------------------------------------


def _identify(db_path: Path, meta: dict[str, Any]) -> dict[str, Any]:
    """`meta` with a database id of this file's own: older key files get one, and a copy of
    a database that still exists elsewhere takes a new one (with a copy of the key)."""
    if "database_id" not in meta:
        meta = _migrate_v1(db_path, meta)
    here = str(db_path.resolve())
    home = _get(_slot(meta["database_id"], "home"))
    if home == here:
        return meta
    if home and _same_database_at(Path(home), meta["database_id"]):
        meta = _fork(db_path, meta)
    else:
        _set(_slot(meta["database_id"], "home"), here)  # new here, moved, or renamed
    return meta


def _same_database_at(path: Path, database_id: str) -> bool:
    try:
        other = json.loads(keyfile_for(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(path.exists() and other.get("database_id") == database_id)


def _fork(db_path: Path, meta: dict[str, Any]) -> dict[str, Any]:
    """This file is a copy of a database still in use elsewhere: slots of its own."""
    old, new = meta["database_id"], str(uuid.uuid4())
    key = _get(_slot(old, "key"))
    # the original's key only if it is this copy's too (not after the original was rotated)
    if key and meta.get("key_check") == key_check(bytes.fromhex(key)):
        _set(_slot(new, "key"), key)
        pending = _get(_slot(old, "next"))
        if pending:
            _set(_slot(new, "next"), pending)
    _set(_slot(new, "home"), str(db_path.resolve()))
    meta = {**meta, "database_id": new}
    _write(db_path, meta)  # a crash before this leaves unused slots, nothing else
    log.info("database copy %s got its own key slots %s", old[:8], new[:8])
    return meta


def _migrate_v1(db_path: Path, meta: dict[str, Any]) -> dict[str, Any]:
    """Version 1 named the slots by key id, shared by every copy of the file."""
    key_id, new = str(meta["key_id"]), str(uuid.uuid4())
    for old_name, kind in (
        (f"database/{key_id}", "key"),
        (f"database-next/{key_id}", "next"),
        (f"recovery-pending/{key_id}", "recovery"),
    ):
        value = _get(old_name)
        if value:
            _set(_slot(new, kind), value)
    _set(_slot(new, "home"), str(db_path.resolve()))
    meta = {**meta, "version": 2, "database_id": new}
    _write(db_path, meta)
    log.info("key slots of database %s moved to database id %s", key_id[:8], new[:8])
    return meta


# -- opening -------------------------------------------------------------------------------


def unlock(db_path: Path) -> bytes | None:
    """The key of the database at `db_path`; a new database gets a new key.

    None means a plain database from before encryption; `encrypt_existing` converts it. An
    interrupted rotation or encryption is finished first.
    """
    if str(db_path) == ":memory:":
        return None
    if db_path.with_name(db_path.name + RESTORING).exists():
        raise LoketError(
            "Het terugzetten van een reservekopie naar deze database is onderbroken; voer "
            "'loket restore' opnieuw uit."
        )
    if keyfile_for(db_path).exists():
        meta = _identify(db_path, _read(db_path))
        ident = meta["database_id"]
        if meta.get("state") == "encrypting":
            return _finish_encrypting(db_path, meta)
        pending = _get(_slot(ident, "next"))
        if pending:
            return _finish_rotation(db_path, meta, bytes.fromhex(pending))
        value = _get(_slot(ident, "key"))
        if not value:
            raise KeyMissing(
                "De sleutel van deze database staat niet in de sleutelbos op deze computer. "
                "Herstel hem met de herstelsleutel (loket key recover)."
            )
        return bytes.fromhex(value)
    if db_path.is_file() and db_path.stat().st_size > 0:
        with open(db_path, "rb") as fh:
            header = fh.read(16)
        if header != b"SQLite format 3\x00" and not _looks_like_text(header):
            # an SQLCipher file starts with 16 random bytes (its salt): this one lost its key file
            raise KeyMissing(
                f"Het sleutelbestand {keyfile_for(db_path).name} ontbreekt naast de database. "
                "Zet het terug (uit dezelfde reservekopie) om de database te openen."
            )
        return None
    if db_path.exists():
        return None  # not a regular file: connect() says what it is
    return _create(db_path)


def _looks_like_text(header: bytes) -> bool:
    """Printable ASCII: no SQLCipher salt (chance about 1 in 10^7), so not a Loket file at all."""
    return all(32 <= b < 127 or b in (9, 10, 13) for b in header)


def _is_plain(db_path: Path) -> bool:
    try:
        with open(db_path, "rb") as fh:
            return fh.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _create(db_path: Path) -> bytes:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    ident = str(uuid.uuid4())
    key = crypto.new_key()
    recovery_key = crypto.new_recovery_key()
    _set(_slot(ident, "key"), key.hex())
    _set(_slot(ident, "recovery"), recovery_key)
    _set(_slot(ident, "home"), str(db_path.resolve()))
    _write(db_path, _wrap({"database_id": ident}, key, recovery_key))
    log.info("new database key, database %s", ident[:8])
    return key


def take_recovery_key(db_path: Path) -> str | None:
    """The recovery key, once: after this call it exists only where the beheerder wrote it."""
    ident = database_id(db_path)
    value = _get(_slot(ident, "recovery"))
    if value:
        _delete(_slot(ident, "recovery"))
    return value


def recover(db_path: Path, recovery_key: str) -> None:
    """Put the key back in this computer's keyring from the recovery key (this database's
    own slot: a copy or the original elsewhere keeps its key)."""
    meta = _identify(db_path, _read(db_path))
    salt = base64.b64decode(meta["recovery_salt"])
    wrapped = base64.b64decode(meta["recovery_wrapped_key"])
    try:
        key = crypto.unseal(
            crypto.recovery_kek(recovery_key, salt), wrapped, str(meta["key_id"]).encode()
        )
    except crypto.DecryptionError as exc:
        raise LoketError("Deze herstelsleutel hoort niet bij deze database.") from exc
    _set(_slot(meta["database_id"], "key"), key.hex())


def adopt_restored(keyfile: Path, target: Path) -> bool:
    """A restored backup's key file (`keyfile`, still in the staging folder) gets a database id
    of its own for `target`; the key comes along from the backup's slot when it still fits
    (no rotation since). True when the restored database can open without `key recover`."""
    meta = json.loads(keyfile.read_text(encoding="utf-8"))
    source = str(meta.get("database_id") or "")
    if not source:  # a version-1 key file: its key sat under the key id
        key = _get(f"database/{meta['key_id']}")
    else:
        key = _get(_slot(source, "key"))
    ident = str(uuid.uuid4())
    fits = bool(key) and meta.get("key_check") == key_check(bytes.fromhex(key or ""))
    if fits and key:
        _set(_slot(ident, "key"), key)
    _set(_slot(ident, "home"), str(target.resolve()))
    meta = {**meta, "version": 2, "database_id": ident}
    meta.pop("state", None)
    tmp = keyfile.with_name(keyfile.name + ".new")
    tmp.write_text(json.dumps(meta, indent=2, sort_keys=True), encoding="utf-8")
    os.replace(tmp, keyfile)
    return fits


# -- rotation ------------------------------------------------------------------------------


def rotate(db_path: Path, db: Any = None, blob_root: Path | None = None) -> None:
    """New key and new recovery key for the database at `db_path`. `db`, when given, is its
    open (old-key) Database: it is closed, as the file is replaced by a re-encrypted copy."""
    meta = _identify(db_path, _read(db_path))
    ident = meta["database_id"]
    old_hex = _get(_slot(ident, "key"))
    if not old_hex:
        raise KeyMissing("De sleutel van deze database staat niet in de sleutelbos.")
    new = crypto.new_key()
    _set(_slot(ident, "next"), new.hex())  # from here on, a crash finishes at the next open
    _step("rotate", 1)
    if db is not None:
        db.close()
    _roll_forward(db_path, meta, bytes.fromhex(old_hex), new)


def _finish_rotation(db_path: Path, meta: dict[str, Any], new: bytes) -> bytes:
    """A rotation was interrupted: finish it, wherever it stopped."""
    old_hex = _get(_slot(meta["database_id"], "key"))
    old = bytes.fromhex(old_hex) if old_hex else new
    log.info("finishing an interrupted key rotation")
    _roll_forward(db_path, meta, old, new)
    return new


def _roll_forward(db_path: Path, meta: dict[str, Any], old: bytes, new: bytes) -> None:
    """Every step of a rotation, each safe to run again: the processing log's subjects,
    the database file, the blobs, then the key file and the keyring."""
    from inbox.privacy import processing_log as pl
    from storage.db import WrongKeyError, connect, encrypt_copy
    from storage.paths import blob_dir_for

    current = old
    try:
        db = connect(db_path, key=old)
    except WrongKeyError:
        db = connect(db_path, key=new)  # the file was already replaced
        current = new
    try:
        _reseal_log(db, [pl.key_for(old)], new)
    finally:
        db.close()
    _step("rotate", 2)
    if current != new:
        work = db_path.with_name(db_path.name + ".rekeying")
        encrypt_copy(db_path, work, new, source_key=old)
        _step("rotate", 3)
        _replace_database(work, db_path)
    _step("rotate", 4)
    _reseal_blobs(blob_dir_for(db_path), old, new, "rotate")
    _step("rotate", 6)
    recovery_key = crypto.new_recovery_key()
    _write(db_path, _wrap({**meta, "key_id": str(uuid.uuid4())}, new, recovery_key))
    _step("rotate", 7)
    ident = meta["database_id"]
    _set(_slot(ident, "key"), new.hex())
    _set(_slot(ident, "recovery"), recovery_key)
    _step("rotate", 8)
    _delete(_slot(ident, "next"))
    log.info("database key rotated, database %s", ident[:8])


def _replace_database(work: Path, db_path: Path) -> None:
    """Put the re-encrypted copy in place of the database. Every connection to the old file is
    closed (its WAL checkpointed into it and removed); a WAL or shared-memory file left by a
    crash belongs to the old file and must not meet the new one."""
    for suffix in ("-wal", "-shm", "-journal"):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    os.replace(work, db_path)
    _fsync_dir(db_path.parent)


def _reseal_log(db: Any, old_log_keys: list[bytes], new: bytes) -> int:
    """The processing log's data subjects sealed under any of `old_log_keys`, sealed again under
    the log key of the database key `new`."""
    from inbox.privacy import processing_log as pl
    from storage.privacy import PrivacyQueries

    new_log = pl.key_for(new)
    done = 0
    for old_log in old_log_keys:
        if old_log != new_log:
            done += PrivacyQueries(db).reseal_subjects(
                [pl.key_id(old_log)], pl.resealer(old_log, new_log), pl.key_id(new_log)
            )
    return done


def _reseal_blobs(root: Path, old: bytes | None, new: bytes, flow: str) -> int:
    """Every blob file sealed under `new` (reading it under `old`, `new`, or plain); each file
    is replaced atomically, so a crash between two leaves both readable."""
    from storage.blobs import BlobStore

    reader = BlobStore(root, old, previous=(new,)) if old else BlobStore(root, new)
    writer = BlobStore(root, new)
    count = 0
    for digest in reader.digests():
        path = reader.path_for(digest)
        if _sealed_under(path, writer, digest):
            continue
        data = reader.get(digest)
        writer._write(path, writer._encode(digest, data))
        count += 1
        if count == 1:
            _step(flow, 5)
    for leftover in root.glob("??/.tmp-*"):
        leftover.unlink(missing_ok=True)
    return count


def _sealed_under(path: Path, store: Any, digest: str) -> bool:
    raw = path.read_bytes()
    if not crypto.is_sealed(raw) or store.key is None:
        return False
    try:
        crypto.unseal(store.key, raw, digest.encode())
    except crypto.DecryptionError:
        return False
    return True


# -- switching encryption on ---------------------------------------------------------------


def encrypt_existing(db_path: Path) -> None:
    """Switch a plain database (and its blobs) to encryption; the plain files are replaced.

    Crash-safe: the key is in the keyring before the key file says "encrypting", and from then
    on every open finishes the work; before that, the database is untouched and plain."""
    if keyfile_for(db_path).exists():
        raise LoketError("Deze database is al versleuteld.")
    ident = str(uuid.uuid4())
    key = crypto.new_key()
    recovery_key = crypto.new_recovery_key()
    _set(_slot(ident, "key"), key.hex())
    _set(_slot(ident, "recovery"), recovery_key)
    _set(_slot(ident, "home"), str(db_path.resolve()))
    _step("encrypt", 1)
    meta = _wrap({"database_id": ident, "state": "encrypting"}, key, recovery_key)
    _write(db_path, meta)
    _step("encrypt", 2)
    _finish_encrypting(db_path, meta)


def _finish_encrypting(db_path: Path, meta: dict[str, Any]) -> bytes:
    from inbox.privacy import processing_log as pl
    from storage.db import connect, encrypt_copy
    from storage.paths import blob_dir_for

    value = _get(_slot(meta["database_id"], "key"))
    if not value:
        raise KeyMissing(
            "Het versleutelen van deze database is onderbroken en de sleutel staat niet in de "
            "sleutelbos van deze computer; herstel hem met de herstelsleutel (loket key recover)."
        )
    key = bytes.fromhex(value)
    if _is_plain(db_path):
        legacy = pl.legacy_key(str(db_path))
        db = connect(db_path)
        try:
            if legacy is not None:
                _reseal_log(db, [legacy], key)
        finally:
            db.close()
        _step("encrypt", 3)
        work = db_path.with_name(db_path.name + ".encrypting")
        encrypt_copy(db_path, work, key)
        _step("encrypt", 4)
    _reseal_blobs(blob_dir_for(db_path), None, key, "encrypt")
    if _is_plain(db_path):
        _replace_database(db_path.with_name(db_path.name + ".encrypting"), db_path)
    _step("encrypt", 6)
    _write(db_path, {k: v for k, v in meta.items() if k != "state"})
    log.info("database encrypted, database %s", str(meta["database_id"])[:8])
    return key
