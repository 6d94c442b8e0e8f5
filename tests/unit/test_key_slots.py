"""Each database has keyring slots of its own, so copies, backups and restores never collide."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from inbox.channels.imports.eml import import_bytes
from inbox.privacy import keys
from inbox.services import Loket
from storage.paths import blob_dir_for

MAIL = b"From: Jan <jan@example.nl>\r\nSubject: Afvalpas\r\n\r\nMijn afvalpas is kwijt.\r\n"


def _make(path: Path) -> str:
    loket = Loket.open(path)
    import_bytes(loket, MAIL)
    loket.close()
    recovery = keys.take_recovery_key(path)
    assert recovery is not None
    return recovery


def _copy(source: Path, target: Path) -> None:
    shutil.copy2(source, target)
    shutil.copy2(keys.keyfile_for(source), keys.keyfile_for(target))
    if blob_dir_for(source).exists():
        shutil.copytree(blob_dir_for(source), blob_dir_for(target))


def _messages(path: Path) -> int:
    loket = Loket.open(path)
    try:
        return int(loket.db.scalar("SELECT count(*) FROM messages"))
    finally:
        loket.close()


def test_a_copy_gets_its_own_slots_and_a_rotation_of_one_leaves_the_other(tmp_path: Path) -> None:
    live, copy = tmp_path / "loket.db", tmp_path / "kopie.db"
    _make(live)
    _copy(live, copy)
    assert _messages(copy) == 1  # opening the copy gives it an id of its own
    assert keys.database_id(copy) != keys.database_id(live)
    keys.rotate(live)
    assert _messages(live) == 1 and _messages(copy) == 1
    keys.rotate(copy)
    assert keys.unlock(live) != keys.unlock(copy)
    assert _messages(live) == 1 and _messages(copy) == 1


def test_key_recover_on_a_copy_does_not_lock_out_the_rotated_original(tmp_path: Path) -> None:
    live, old = tmp_path / "loket.db", tmp_path / "reserve.db"
    first_recovery = _make(live)
    _copy(live, old)  # a backup taken the old-fashioned way, with the key file
    keys.rotate(live)
    # the copy was made under the old key, which this keyring no longer holds
    with pytest.raises(keys.KeyMissing, match="herstelsleutel"):
        _messages(old)
    keys.recover(old, first_recovery)  # the recovery key of the time of the copy
    assert _messages(old) == 1
    assert _messages(live) == 1  # the live, rotated database still opens
    assert keys.database_id(old) != keys.database_id(live)
    keys.rotate(old)
    assert _messages(live) == 1 and _messages(old) == 1


def test_a_moved_database_keeps_its_slots(tmp_path: Path) -> None:
    first, moved = tmp_path / "a.db", tmp_path / "b.db"
    _make(first)
    ident = keys.database_id(first)
    for src, dst in ((first, moved), (keys.keyfile_for(first), keys.keyfile_for(moved))):
        src.rename(dst)
    assert _messages(moved) == 1 and keys.database_id(moved) == ident


def test_a_database_with_version_1_slots_still_opens_and_moves_to_its_own(tmp_path: Path) -> None:
    path = tmp_path / "loket.db"
    _make(path)
    meta = json.loads(keys.keyfile_for(path).read_text())
    ident = meta.pop("database_id")
    key_hex = keys._get(keys._slot(ident, "key")) or ""
    for kind in ("key", "home", "recovery"):
        keys._delete(keys._slot(ident, kind))
    meta["version"] = 1
    keys.keyfile_for(path).write_text(json.dumps(meta))
    keys._set(f"database/{meta['key_id']}", key_hex)  # where version 1 kept it
    assert _messages(path) == 1
    migrated = json.loads(keys.keyfile_for(path).read_text())
    assert migrated["version"] == 2 and migrated["database_id"] != ident
    assert keys._get(keys._slot(migrated["database_id"], "key")) == key_hex


def test_the_running_app_refuses_to_rotate_the_key_it_holds_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from inbox.cli import run_handed_over
    from tests.conftest import STAFF_PASSWORD, add_staff

    path = tmp_path / "loket.db"
    loket = Loket.open(path)
    add_staff(loket)
    loket.close()
    before = keys.unlock(path)
    env = {"LOKET_USER": "bea", "LOKET_PASSWORD": STAFF_PASSWORD}
    assert run_handed_over(["--db", str(path), "key", "rotate"], env) == 1
    assert "Sluit Loket eerst" in capsys.readouterr().err
    assert keys.unlock(path) == before
