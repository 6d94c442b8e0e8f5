"""The database key: made with the database, kept in the OS keyring, recoverable, rotatable.

Beside `loket.db` lies `loket.db.key.json`, which holds no secret: the key's id (naming its
keyring entry) and the key wrapped with the recovery key. The recovery key (200 random bits,
written as eight groups of five characters) is shown once to the beheerder; with it, a new
laptop or a lost keyring gets the key back. Rotation makes a new key and a new recovery key,
re-encrypts the database (SQLCipher rekey) and every blob, and survives a crash half-way: the
next key waits in the keyring until everything uses it.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import tempfile
import uuid
from pathlib import Path
from typing import Any

from inbox.errors import LoketError
from storage import crypto

log = logging.getLogger("loket.keys")

SERVICE = "Loket"


class KeyMissing(LoketError):
    pass


def keyfile_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".key.json")


def _keyring() -> Any:
    from inbox.accounts import _keyring as checked_keyring

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


def _wrap(key_id: str, key: bytes, recovery_key: str) -> dict[str, Any]:
    salt = os.urandom(16)
    wrapped = crypto.seal(crypto.recovery_kek(recovery_key, salt), key, key_id.encode())
    return {
        "version": 1,
        "key_id": key_id,
        "key_check": key_check(key),
        "cipher": "SQLCipher 4 (AES-256) + AES-256-GCM blobs",
        "recovery_salt": base64.b64encode(salt).decode(),
        "recovery_wrapped_key": base64.b64encode(wrapped).decode(),
    }


def is_encrypted(db_path: Path) -> bool:
    return keyfile_for(db_path).exists()


def unlock(db_path: Path) -> bytes | None:
    """The key of the database at `db_path`; a new database gets a new key.

    None means a plain database from before encryption; `encrypt_existing` converts it.
    """
    if str(db_path) == ":memory:":
        return None
    if keyfile_for(db_path).exists():
        meta = _read(db_path)
        key_id = meta["key_id"]
        pending = _get(f"database-next/{key_id}")
        if pending:
            return _finish_rotation(db_path, meta, bytes.fromhex(pending))
        value = _get(f"database/{key_id}")
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


def _create(db_path: Path) -> bytes:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    key_id = str(uuid.uuid4())
    key = crypto.new_key()
    recovery_key = crypto.new_recovery_key()
    _set(f"database/{key_id}", key.hex())
    _set(f"recovery-pending/{key_id}", recovery_key)
    _write(db_path, _wrap(key_id, key, recovery_key))
    log.info("new database key %s", key_id[:8])
    return key


def take_recovery_key(db_path: Path) -> str | None:
    """The recovery key, once: after this call it exists only where the beheerder wrote it."""
    key_id = _read(db_path)["key_id"]
    value = _get(f"recovery-pending/{key_id}")
    if value:
        _delete(f"recovery-pending/{key_id}")
    return value


def recover(db_path: Path, recovery_key: str) -> None:
    """Put the key back in this computer's keyring from the recovery key."""
    meta = _read(db_path)
    salt = base64.b64decode(meta["recovery_salt"])
    wrapped = base64.b64decode(meta["recovery_wrapped_key"])
    try:
        key = crypto.unseal(
            crypto.recovery_kek(recovery_key, salt), wrapped, meta["key_id"].encode()
        )
    except crypto.DecryptionError as exc:
        raise LoketError("Deze herstelsleutel hoort niet bij deze database.") from exc
    _set(f"database/{meta['key_id']}", key.hex())


def rotate(db_path: Path, db: Any, blob_root: Path) -> None:
    """New key and new recovery key; `db` is the open (old-key) Database of `db_path`."""
    from storage.db import rekey

    meta = _read(db_path)
    key_id = meta["key_id"]
    old = bytes.fromhex(_get(f"database/{key_id}") or "")
    new = crypto.new_key()
    _set(f"database-next/{key_id}", new.hex())  # a crash from here on finishes at next open
    rekey(db, new)
    _reencrypt_blobs(blob_root, old, new)
    _complete(db_path, meta, new)


def _finish_rotation(db_path: Path, meta: dict[str, Any], new: bytes) -> bytes:
    """A rotation was interrupted: finish it with whichever key the database has now."""
    from storage.db import WrongKeyError, connect, rekey

    key_id = meta["key_id"]
    old = bytes.fromhex(_get(f"database/{key_id}") or "")
    try:
        connect(db_path, key=new).close()
    except WrongKeyError:
        db = connect(db_path, key=old)
        rekey(db, new)
        db.close()
    from storage.paths import blob_dir_for

    _reencrypt_blobs(blob_dir_for(db_path), old, new)
    _complete(db_path, meta, new)
    return new


def _reencrypt_blobs(root: Path, old: bytes, new: bytes) -> None:
    from storage.blobs import BlobStore

    BlobStore(root, old, previous=(new,)).reencrypt(BlobStore(root, new))


def _complete(db_path: Path, meta: dict[str, Any], new: bytes) -> None:
    key_id = meta["key_id"]
    recovery_key = crypto.new_recovery_key()
    _write(db_path, _wrap(key_id, new, recovery_key))
    _set(f"database/{key_id}", new.hex())
    _set(f"recovery-pending/{key_id}", recovery_key)
    _delete(f"database-next/{key_id}")
    log.info("database key %s rotated", key_id[:8])


def encrypt_existing(db_path: Path) -> None:
    """Switch a plain database (and its blobs) to encryption; the plain files are replaced."""
    from storage.blobs import BlobStore
    from storage.db import encrypt_copy
    from storage.paths import blob_dir_for

    if keyfile_for(db_path).exists():
        raise LoketError("Deze database is al versleuteld.")
    plain = db_path
    encrypted = db_path.with_name(db_path.name + ".encrypting")
    encrypted.unlink(missing_ok=True)
    key_id = str(uuid.uuid4())
    key = crypto.new_key()
    recovery_key = crypto.new_recovery_key()
    _set(f"database/{key_id}", key.hex())
    encrypt_copy(plain, encrypted, key)
    root = blob_dir_for(db_path)
    BlobStore(root).reencrypt(BlobStore(root, key))
    for suffix in ("-wal", "-shm"):
        plain.with_name(plain.name + suffix).unlink(missing_ok=True)
    os.replace(encrypted, plain)
    _write(db_path, _wrap(key_id, key, recovery_key))
    _set(f"recovery-pending/{key_id}", recovery_key)
