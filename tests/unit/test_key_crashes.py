"""Key rotation and `key encrypt` survive a kill at every step (SIGKILL in a subprocess, at
the step LOKET_CRASH_AT names): the database still opens afterwards with all its data, every
blob and every processing-log subject readable, under one key."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from inbox.channels.imports.eml import import_bytes
from inbox.privacy import keys
from inbox.privacy import processing_log as pl
from inbox.services import Loket
from storage import crypto
from storage.blobs import INLINE_MAX, BlobStore
from storage.db import connect
from storage.paths import blob_dir_for

ROOT = Path(__file__).resolve().parents[2]
PHRASE = b"Kwartelkoningsnest"
BIG = base64.encodebytes(os.urandom(INLINE_MAX))  # an original kept as a blob file


def _mail(n: int, attachment: bytes = b"") -> bytes:
    head = (f"From: Inwoner {n} <inwoner{n}@example.nl>\r\nSubject: Vraag {n}\r\n"
            f"Message-ID: <{n}@example.nl>\r\n").encode()
    if not attachment:
        return head + b"\r\nOver het " + PHRASE + b".\r\n"
    return (head + b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
            b"Content-Type: text/plain\r\n\r\nOver het " + PHRASE + b".\r\n--b\r\n"
            b"Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n"
            b"Content-Disposition: attachment; filename=scan.bin\r\n\r\n" + attachment
            + b"\r\n--b--\r\n")


def _fill(loket: Any) -> dict[str, Any]:
    small = import_bytes(loket, _mail(1))
    big = import_bytes(loket, _mail(2, BIG))
    contacts = [int(r[0]) for r in loket.db.query("SELECT id FROM contacts ORDER BY id")]
    for contact in contacts * 3:
        pl.record(loket, "klantcontact", "read", subject=contact, obj="test")
    return {"originals": {m.message_id: loket.original_bytes(m.message_id) for m in (small, big)},
            "contacts": sorted(contacts * 3)}


def _check(path: Path, before: dict[str, Any]) -> None:
    loket = Loket.open(path)  # finishes whatever the kill interrupted
    try:
        assert loket.db.scalar("SELECT count(*) FROM messages") == 2
        for message_id, raw in before["originals"].items():
            assert loket.original_bytes(message_id) == raw
        key = pl._key(loket)
        subjects = sorted(pl.decrypt_subject(key, r["subject_encrypted"])
                          for r in loket.store.privacy.sealed_spans())
        assert subjects == before["contacts"]  # every row opens with the current key
        assert list(loket.store.privacy.span_key_ids()) == [pl.key_id(key)]
        files = loket.blobs.digests()
        assert files, "the big original is a blob file"
        for digest in files:
            assert crypto.is_sealed(loket.blobs.path_for(digest).read_bytes())
    finally:
        loket.close()
    assert keys._get(keys._slot(keys.database_id(path), "next")) is None
    assert keys.key_fits(path, keys.unlock(path) or b"") is True
    for p in path.parent.rglob("*"):
        if p.is_file():
            assert PHRASE not in p.read_bytes(), p


def _killed(flow: str, step: int, path: Path) -> subprocess.CompletedProcess[str]:
    call = {"rotate": "keys.rotate(path)", "encrypt": "keys.encrypt_existing(path)"}[flow]
    script = ("import sys; from pathlib import Path; from inbox.privacy import keys; "
              f"path = Path(sys.argv[1]); {call}")
    env = {**os.environ, keys.CRASH_AT: f"{flow}:{step}"}
    return subprocess.run([sys.executable, "-c", script, str(path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def _steps(last: int, quick: int) -> list[Any]:
    """Every step; all but `quick` only in the slow run (each kill costs a few seconds)."""
    return [pytest.param(n, marks=() if n == quick else pytest.mark.slow)
            for n in range(1, last + 1)]


@pytest.mark.parametrize("step", _steps(8, quick=3))
def test_a_rotation_killed_at_any_step_leaves_a_working_database(tmp_path: Path,
                                                                  step: int) -> None:
    path = tmp_path / "loket.db"
    loket = Loket.open(path)
    before = _fill(loket)
    old_key = keys.unlock(path)
    loket.close()
    done = _killed("rotate", step, path)
    assert done.returncode == -9, done.stderr  # killed where asked
    _check(path, before)
    assert keys.unlock(path) != old_key  # the rotation was finished, not undone
    assert keys.take_recovery_key(path) is not None  # a new recovery key to write down


def test_a_rotation_reseals_the_processing_log(tmp_path: Path) -> None:
    """The bug this fixes: after `key rotate` the log's subjects no longer decrypted."""
    path = tmp_path / "loket.db"
    loket = Loket.open(path)
    before = _fill(loket)
    loket.close()
    keys.rotate(path)
    _check(path, before)
    keys.rotate(path)  # twice: nothing is left under an older key
    _check(path, before)


def _plain(path: Path) -> dict[str, Any]:
    plain = Loket(connect(path), BlobStore(blob_dir_for(path)))
    before = _fill(plain)
    plain.close()
    assert path.read_bytes().startswith(b"SQLite format 3")
    return before


@pytest.mark.parametrize("step", _steps(6, quick=5))
def test_key_encrypt_killed_at_any_step_never_loses_data(tmp_path: Path, step: int) -> None:
    path = tmp_path / "old.db"
    before = _plain(path)
    done = _killed("encrypt", step, path)
    assert done.returncode == -9, done.stderr
    if not keys.is_encrypted(path):
        # killed before the key file was written: still the plain database, untouched
        assert step == 1 and path.read_bytes().startswith(b"SQLite format 3")
        loket = Loket.open(path)
        assert loket.original_bytes(next(iter(before["originals"]))) is not None
        loket.close()
        keys.encrypt_existing(path)  # and it can be done again
    _check(path, before)
    assert not path.read_bytes().startswith(b"SQLite format 3")


def test_a_blob_sealed_under_a_lost_key_is_an_error_never_the_original(tmp_path: Path) -> None:
    from storage.errors import CorruptDatabaseError

    root = tmp_path / "blobs"
    sealed = BlobStore(root, crypto.new_key())
    digest = sealed.put(b"origineel")
    with pytest.raises(CorruptDatabaseError, match="kan niet worden gelezen"):
        BlobStore(root).get(digest)  # a plain store: the sealed bytes are not the original
    with pytest.raises(CorruptDatabaseError, match="ontsleuteld"):
        BlobStore(root, crypto.new_key()).get(digest)  # another key
