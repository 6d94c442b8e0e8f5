"""Encryption at rest: no message text readable in any file under the data folder; the key in
the keyring, recoverable with the recovery key, and rotatable even across a crash."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from inbox.channels.imports.eml import import_bytes
from inbox.privacy import keys
from inbox.services import Loket
from storage import crypto
from storage.db import WrongKeyError, connect

PHRASE = b"Zwaluwstaartvlinder"
MAIL = (
    b"From: Fenna Dijkstra <fenna@example.nl>\r\nSubject: " + PHRASE + b" in de tuin\r\n"
    b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
    b"Ik zag een " + PHRASE + b" bij de vijver.\r\n--b\r\nContent-Type: text/plain\r\n"
    b"Content-Disposition: attachment; filename=notitie.txt\r\n\r\n" + PHRASE + b" notitie\r\n"
    b"--b--\r\n"
)


def every_file(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def test_no_message_text_is_readable_in_any_file_of_the_data_folder(tmp_path: Path) -> None:
    from inbox.logsetup import configure_logging

    configure_logging()
    loket = Loket.open(tmp_path / "loket.db")
    received = import_bytes(loket, MAIL)
    loket.add_note(received.reference, f"Terugbellen over de {PHRASE.decode()}")
    assert loket.search(PHRASE.decode())  # searchable inside
    assert PHRASE in loket.original_bytes(received.message_id)
    files = every_file(tmp_path)
    assert any(p.name.endswith("-wal") for p in files)  # the WAL is checked too, while open
    loket.close()
    for path in every_file(tmp_path) + every_file(Path(os.environ["LOKET_DATA_DIR"])):
        data = path.read_bytes()
        assert PHRASE not in data and PHRASE.lower() not in data, path
        assert b"fenna@example.nl" not in data, path
    assert not (tmp_path / "loket.db").read_bytes().startswith(b"SQLite format 3")


def test_the_key_lives_in_the_keyring_not_beside_the_database(tmp_path: Path) -> None:
    path = tmp_path / "loket.db"
    Loket.open(path).close()
    meta = json.loads(keys.keyfile_for(path).read_text())
    assert set(meta) == {
        "version", "database_id", "key_id", "key_check", "cipher", "recovery_salt",
        "recovery_wrapped_key",
    }
    key = keys.unlock(path)
    assert key is not None and key.hex() not in keys.keyfile_for(path).read_text()
    # the check value tells a right key from a wrong one (and damage from both), nothing more
    assert keys.key_fits(path, key) is True and keys.key_fits(path, crypto.new_key()) is False
    with pytest.raises(WrongKeyError, match="sleutel hoort niet"):
        connect(path, crypto.new_key())


def test_recovery_key_is_shown_once_and_restores_a_lost_keyring(tmp_path: Path) -> None:
    path = tmp_path / "loket.db"
    loket = Loket.open(path)
    import_bytes(loket, MAIL)
    loket.close()
    recovery = keys.take_recovery_key(path)
    assert recovery is not None and len(recovery.replace("-", "")) == 40
    assert keys.take_recovery_key(path) is None
    keys._delete(keys._slot(keys.database_id(path), "key"))  # a new laptop, or a wiped keyring
    with pytest.raises(keys.KeyMissing, match="herstelsleutel"):
        Loket.open(path)
    with pytest.raises(Exception, match="hoort niet bij deze database"):
        keys.recover(path, crypto.new_recovery_key())
    keys.recover(path, recovery.lower().replace("-", " "))  # typed sloppily: still fine
    loket = Loket.open(path)
    assert loket.db.scalar("SELECT count(*) FROM messages") == 1
    loket.close()


def test_rotation_changes_every_key_and_keeps_everything_readable(tmp_path: Path) -> None:
    path = tmp_path / "loket.db"
    loket = Loket.open(path)
    received = import_bytes(loket, MAIL)
    old = keys.unlock(path)
    keys.rotate(path, loket.db, loket.blobs.root)
    loket.close()
    new = keys.unlock(path)
    assert new != old
    with pytest.raises(WrongKeyError):
        connect(path, old)
    loket = Loket.open(path)
    assert PHRASE in loket.original_bytes(received.message_id)
    assert keys.take_recovery_key(path) is not None  # a new recovery key to write down
    loket.close()


def test_a_rotation_interrupted_after_the_rekey_finishes_at_the_next_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "loket.db"
    loket = Loket.open(path)
    received = import_bytes(loket, MAIL)

    def power_cut(*args: object) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as patch, pytest.raises(KeyboardInterrupt):
        patch.setattr(keys, "_reseal_blobs", power_cut)
        keys.rotate(path, loket.db, loket.blobs.root)
    loket.close()
    loket = Loket.open(path)  # finishes the rotation: blobs re-encrypted, keyfile rewritten
    assert PHRASE in loket.original_bytes(received.message_id)
    assert keys._get(keys._slot(keys.database_id(path), "next")) is None
    loket.close()


def test_an_old_plain_database_is_opened_and_can_be_encrypted(tmp_path: Path) -> None:
    from storage.blobs import BlobStore
    from storage.paths import blob_dir_for

    path = tmp_path / "old.db"
    plain = Loket(connect(path), BlobStore(blob_dir_for(path)))
    received = import_bytes(plain, MAIL)
    plain.close()
    assert PHRASE in path.read_bytes() or any(
        PHRASE in p.read_bytes() for p in every_file(tmp_path)
    )
    loket = Loket.open(path)  # no key file: a database from before encryption
    assert loket.db.scalar("SELECT count(*) FROM messages") == 1
    loket.close()
    keys.encrypt_existing(path)
    loket = Loket.open(path)
    assert PHRASE in loket.original_bytes(received.message_id)
    assert loket.search(PHRASE.decode())
    loket.close()
    for p in every_file(tmp_path):
        assert PHRASE not in p.read_bytes(), p
