"""The database file under misuse: another program's file, a folder, a lost key file, a damaged
page, a read-only file. Each ends in one Dutch line, nothing is changed that was not Loket's,
and a damaged database takes no more writes (in any process) until a clean check."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from inbox.services import Loket
from storage.db import APPLICATION_ID

ROOT = Path(__file__).resolve().parents[2]


def _cli(*args: str, env_password: str | None = None) -> subprocess.CompletedProcess[str]:
    import os

    env = dict(os.environ)
    if env_password is not None:
        env["LOKET_PASSWORD"] = env_password
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, env=env, timeout=120)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _other_programs_file(path: Path, statement: str) -> Path:
    """An SQLite file another program made (one statement run in it)."""
    conn = sqlite3.connect(path)
    conn.execute(statement)
    conn.commit()
    conn.close()
    return path


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    other = _other_programs_file(tmp_path / "adressen.sqlite", "CREATE TABLE adres (straat TEXT)")
    before = _digest(other)
    done = _cli("--db", str(other), "cases")
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "loket: Dit bestand is een database van een ander programma, geen Loket-database; "
        "er is niets aan veranderd."
    ]
    assert _digest(other) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["adressen.sqlite"]


def test_a_file_with_another_application_id_is_refused(tmp_path: Path) -> None:
    other = _other_programs_file(tmp_path / "leeg.db", "PRAGMA application_id = 1234")
    done = _cli("--db", str(other), "cases")
    assert done.returncode == 1 and "ander programma" in done.stderr


def test_a_new_database_carries_loket_s_application_id(tmp_path: Path) -> None:
    loket = Loket.open(tmp_path / "l.db")
    assert loket.store.records  # opened and migrated
    assert int(loket._db.scalar("PRAGMA application_id")) == APPLICATION_ID
    loket.close()


def test_an_older_loket_file_without_the_id_is_recognised_and_gets_it(tmp_path: Path) -> None:
    path = tmp_path / "oud.db"
    loket = Loket.open(path)
    loket._db.conn.execute("PRAGMA application_id = 0")
    loket.close()
    again = Loket.open(path)
    assert int(again._db.scalar("PRAGMA application_id")) == APPLICATION_ID
    again.close()


def test_a_folder_as_database_is_one_dutch_line(tmp_path: Path) -> None:
    done = _cli("--db", str(tmp_path), "cases")
    assert done.returncode == 1
    assert done.stderr.strip() == f"loket: {tmp_path} is een map, geen Loket-database."


def test_a_lost_key_file_is_named_not_blamed_on_the_database(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    Loket.open(path).close()
    (tmp_path / "l.db.key.json").unlink()
    done = _cli("--db", str(path), "cases")
    assert done.returncode == 1
    assert "l.db.key.json ontbreekt" in done.stderr and "ERROR" not in done.stderr


def test_a_damaged_first_page_is_called_damage_not_a_wrong_key(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    loket = Loket.open(path)
    loket._db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    loket.close()
    with open(path, "r+b") as fh:
        fh.seek(200)
        fh.write(b"\0" * 300)
    done = _cli("--db", str(path), "cases")
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "beschadigd" in lines[0] and "sleutel" not in lines[0]
    assert "ERROR CORE" not in done.stderr


def test_a_wrong_key_says_so_in_one_line_without_sqlcipher_noise(tmp_path: Path) -> None:
    import json

    path = tmp_path / "l.db"
    Loket.open(path).close()
    meta_path = tmp_path / "l.db.key.json"
    meta = json.loads(meta_path.read_text())
    meta["key_check"] = "0" * 32  # the keyring's key no longer fits: a wrong key
    meta_path.write_text(json.dumps(meta))
    from inbox.privacy import keys

    keys._set(keys._slot(meta["database_id"], "key"), "11" * 32)
    done = _cli("--db", str(path), "cases")
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "loket: De database kan niet worden ontsleuteld: de sleutel hoort niet bij dit bestand."
    ]


def test_damage_found_by_a_check_stops_writes_in_every_process(tmp_path: Path) -> None:
    from storage.errors import CorruptDatabaseError
    from tests.conftest import act_as, add_staff

    path = tmp_path / "l.db"
    loket = Loket.open(path)
    add_staff(loket)
    loket._db.conn.execute("CREATE TABLE filler(x)")
    loket._db.conn.executemany("INSERT INTO filler VALUES (?)", [("x" * 500,)] * 400)
    loket._db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    # a page of the filler's (past its root): where the schema's own pages lie depends on how
    # many tables the migrations made, and damage there stops the file opening at all
    root = int(loket._db.scalar("SELECT rootpage FROM sqlite_master WHERE name = 'filler'"))
    page = int(loket._db.scalar("PRAGMA page_size"))
    loket.close()
    with open(path, "r+b") as fh:
        fh.seek((root + 10) * page + 100)
        fh.write(b"\xff" * 2000)
    damaged = Loket.open(path)
    act_as(damaged, "bea")
    assert damaged.integrity_problems() != []
    with pytest.raises(CorruptDatabaseError, match="beschadigd"):
        act_as(damaged, "anne")  # signing in writes an audit entry: refused
    damaged.close()
    done = _cli("--db", str(path), "--user", "bea", "check", env_password="test-wachtwoord-123")
    assert done.returncode == 1 and "beschadigd" in done.stderr


def test_a_read_only_error_translates_to_dutch() -> None:
    from storage.db import translate
    from storage.errors import ReadOnlyDatabaseError

    found = translate(sqlite3.OperationalError("attempt to write a readonly database"))
    assert isinstance(found, ReadOnlyDatabaseError) and "alleen-lezen" in str(found)
