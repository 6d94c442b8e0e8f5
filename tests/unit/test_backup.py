"""backup / restore: one private file, a consistent encrypted copy; a restored backup and the
live database both keep working, each with its own keyring slots."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import Any

import pytest

from inbox import backup
from inbox.errors import InvalidInput, LoketError, PermissionDenied
from inbox.privacy import keys
from inbox.services import Loket
from storage.blobs import INLINE_MAX
from tests.conftest import STAFF_PASSWORD, act_as, add_staff
from tests.unit.test_key_crashes import BIG, PHRASE, _mail

ROOT = Path(__file__).resolve().parents[2]


def _live(path: Path) -> tuple[dict[int, bytes], str]:
    from inbox.channels.imports.eml import import_bytes

    loket = Loket.open(path)
    add_staff(loket)
    originals = {}
    for n, extra in ((1, b""), (2, BIG)):
        received = import_bytes(loket, _mail(n, extra))
        originals[int(received.message_id)] = loket.original_bytes(received.message_id)
    loket.close()
    recovery = keys.take_recovery_key(path)
    assert recovery is not None
    return originals, recovery


def _backup(path: Path, out: Path, login: str = "bea") -> dict[str, Any]:
    loket = Loket.open(path)
    try:
        act_as(loket, login)
        return backup.backup(loket, out)
    finally:
        loket.close()


def _works(path: Path, originals: dict[int, bytes]) -> None:
    loket = Loket.open(path)
    try:
        for message_id, raw in originals.items():
            assert loket.original_bytes(message_id) == raw
        assert loket.blobs.digests(), "the big original came along as a blob file"
    finally:
        loket.close()


def test_a_backup_is_one_private_encrypted_file(tmp_path: Path) -> None:
    live, out = tmp_path / "loket.db", tmp_path / "kopie" / "loket.backup"
    _live(live)
    made = _backup(live, out)
    assert made["blobs"] >= 1 and made["encrypted"]
    assert out.stat().st_mode & 0o777 == 0o600
    data = out.read_bytes()
    assert PHRASE not in data and b"inwoner1@example.nl" not in data
    with tarfile.open(out) as tar:
        names = tar.getnames()
    assert names[:3] == [backup.MANIFEST, backup.DATABASE, backup.KEYFILE]
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # nothing left beside it
    with pytest.raises(InvalidInput, match="bestaat al"):
        _backup(live, out)  # never overwritten


def test_only_a_beheerder_makes_a_backup(tmp_path: Path) -> None:
    live = tmp_path / "loket.db"
    _live(live)
    with pytest.raises(PermissionDenied):
        _backup(live, tmp_path / "x.backup", login="anne")
    assert not (tmp_path / "x.backup").exists()


def test_restored_and_live_databases_both_keep_working(tmp_path: Path) -> None:
    live, out, restored = tmp_path / "loket.db", tmp_path / "l.backup", tmp_path / "terug.db"
    originals, first_recovery = _live(live)
    _backup(live, out)
    done = backup.restore(out, restored)
    assert done.key_available
    assert keys.database_id(restored) != keys.database_id(live)
    _works(restored, originals)
    keys.rotate(live)  # the live one moves on
    _works(live, originals)
    _works(restored, originals)
    # the restored copy loses its key (another laptop's profile): recover it with the recovery
    # key of its time; the live, rotated database is not touched
    keys._delete(keys._slot(keys.database_id(restored), "key"))
    with pytest.raises(keys.KeyMissing):
        _works(restored, originals)
    keys.recover(restored, first_recovery)
    _works(restored, originals)
    _works(live, originals)
    keys.rotate(restored)
    _works(live, originals)
    _works(restored, originals)


def test_a_backup_from_before_a_rotation_needs_its_recovery_key(tmp_path: Path) -> None:
    live, out, restored = tmp_path / "loket.db", tmp_path / "l.backup", tmp_path / "terug.db"
    originals, first_recovery = _live(live)
    _backup(live, out)
    keys.rotate(live)
    done = backup.restore(out, restored)
    assert not done.key_available
    with pytest.raises(keys.KeyMissing, match="herstelsleutel"):
        _works(restored, originals)
    keys.recover(restored, first_recovery)
    _works(restored, originals)
    _works(live, originals)


def test_restore_refuses_an_existing_target_and_foreign_archives(tmp_path: Path) -> None:
    live, out = tmp_path / "loket.db", tmp_path / "l.backup"
    _live(live)
    _backup(live, out)
    with pytest.raises(InvalidInput, match="bestaat al"):
        backup.restore(out, live)
    evil = tmp_path / "evil.backup"
    with tarfile.open(evil, "w") as tar:
        info = tarfile.TarInfo("../../ontsnapt.txt")
        info.size = 1
        tar.addfile(info, io.BytesIO(b"x"))
    with pytest.raises(LoketError, match="onbekend bestand"):
        backup.restore(evil, tmp_path / "n.db")
    assert not (tmp_path.parent / "ontsnapt.txt").exists() and not (tmp_path / "n.db").exists()
    (tmp_path / "rommel").write_bytes(b"geen tar" * 100)
    with pytest.raises(LoketError, match="geen reservekopie"):
        backup.restore(tmp_path / "rommel", tmp_path / "m.db")


def _restore_killed(step: int, archive: Path, target: Path) -> int:
    script = ("import sys; from pathlib import Path; from inbox import backup; "
              "backup.restore(Path(sys.argv[1]), Path(sys.argv[2]))")
    env = {**os.environ, keys.CRASH_AT: f"restore:{step}"}
    return subprocess.run([sys.executable, "-c", script, str(archive), str(target)], cwd=ROOT,
                          env=env, capture_output=True, timeout=120).returncode


@pytest.mark.parametrize("step", [pytest.param(n, marks=() if n == 3 else pytest.mark.slow)
                                  for n in range(1, 5)])
def test_a_restore_killed_at_any_step_is_refused_then_redone(tmp_path: Path, step: int) -> None:
    live, out, restored = tmp_path / "loket.db", tmp_path / "l.backup", tmp_path / "terug.db"
    originals, _ = _live(live)
    _backup(live, out)
    assert _restore_killed(step, out, restored) == -9
    with pytest.raises(LoketError, match="onderbroken"):
        Loket.open(restored)
    backup.restore(out, restored)  # again: the leftovers are cleared first
    _works(restored, originals)
    _works(live, originals)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_the_command_line_backs_up_and_restores(tmp_path: Path) -> None:
    live, out, restored = tmp_path / "loket.db", tmp_path / "l.backup", tmp_path / "terug.db"
    originals, _ = _live(live)
    env = {**os.environ, "LOKET_PASSWORD": STAFF_PASSWORD}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], env=env,
                              capture_output=True, text=True, timeout=120)

    refused = cli("--db", str(live), "--user", "anne", "backup", "--out", str(out))
    assert refused.returncode == 1 and "beheerder" in refused.stderr and not out.exists()
    made = cli("--db", str(live), "--user", "bea", "backup", "--out", str(out))
    assert made.returncode == 0, made.stderr
    onto_live = cli("--db", str(live), "--user", "bea", "restore", str(out))
    assert onto_live.returncode == 1 and "bestaat al" in onto_live.stderr
    back = cli("--db", str(restored), "--user", "bea", "restore", str(out))
    assert back.returncode == 0, back.stderr
    _works(restored, originals)
    loket = Loket.open(restored)
    actions = [r[0] for r in loket.db.query("SELECT action FROM audit_log")]
    loket.close()
    assert "backup.restore" in " ".join(actions)
    assert INLINE_MAX  # the big original is above it (a blob file)
