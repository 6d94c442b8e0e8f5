"""Schema migrations, database settings, the search index and the blob store."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest

from storage import migrations
from storage.blobs import BlobStore, sha256
from storage.db import connect, migrate
from storage.errors import BlobMissingError, CorruptDatabaseError, DiskFullError, NewerSchemaError


def test_fresh_database_has_the_newest_schema_wal_and_foreign_keys(tmp_path: Path) -> None:
    db = connect(tmp_path / "a.db")
    assert db.user_version == migrations.SCHEMA_VERSION
    assert db.scalar("PRAGMA journal_mode") == "wal"
    assert db.scalar("PRAGMA foreign_keys") == 1
    tables = {r[0] for r in db.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for name in (
        "contacts",
        "contact_addresses",
        "cases",
        "messages",
        "attachments",
        "case_events",
        "accounts",
        "sync_state",
        "users",
        "notes",
        "search_index",
    ):
        assert name in tables


def test_reopening_does_not_migrate_again(tmp_path: Path) -> None:
    connect(tmp_path / "a.db").close()
    db = connect(tmp_path / "a.db")
    assert db.user_version == migrations.SCHEMA_VERSION


def test_every_older_version_migrates_forward_and_keeps_data(tmp_path: Path) -> None:
    from storage.db import Database

    steps = migrations.MIGRATIONS + [
        "ALTER TABLE cases ADD COLUMN extra TEXT NOT NULL DEFAULT 'x';",
        "CREATE TABLE later (id INTEGER PRIMARY KEY);",
    ]
    for start in range(len(steps)):
        path = tmp_path / f"v{start}.db"
        raw = sqlite3.connect(path, isolation_level=None)
        raw.row_factory = sqlite3.Row
        db = Database(raw, path)
        migrate(db, steps[:start])
        assert db.user_version == start
        if start:
            db.conn.execute(
                "INSERT INTO users(name, display_name, role, created_at) "
                "VALUES ('anne', 'Anne', 'medewerker', 'now')"
            )
        assert migrate(db, steps) == len(steps)
        assert db.scalar("SELECT count(*) FROM later") == 0
        if start:
            assert db.scalar("SELECT name FROM users") == "anne"
        db.close()


def test_a_newer_database_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    connect(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(NewerSchemaError, match="nieuwere Loket"):
        connect(path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(CorruptDatabaseError):
        connect(path)


def test_a_failed_migration_leaves_the_old_version(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    db = connect(path)
    broken = migrations.MIGRATIONS + ["CREATE TABLE ok (id INTEGER); THIS IS NOT SQL;"]
    with pytest.raises(sqlite3.OperationalError):
        migrate(db, broken)
    assert db.user_version == migrations.SCHEMA_VERSION
    assert db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'ok'") == 0


def test_case_events_are_append_only(tmp_path: Path) -> None:
    from storage.records import Records

    db = connect(tmp_path / "a.db")
    with db.transaction():
        Records(db).insert_event(None, "2026-01-01T00:00:00Z", "anne", "x", {})
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        with db.transaction():
            db.conn.execute("UPDATE case_events SET actor = 'bram'")
    assert db.scalar("SELECT actor FROM case_events") == "anne"


def test_transaction_rolls_back_on_error(tmp_path: Path) -> None:
    db = connect(tmp_path / "a.db")
    with pytest.raises(RuntimeError):
        with db.transaction():
            db.conn.execute(
                "INSERT INTO users(name, display_name, role, created_at) "
                "VALUES ('a', 'A', 'medewerker', 'now')"
            )
            raise RuntimeError("boom")
    assert db.scalar("SELECT count(*) FROM users") == 0


def test_what_a_transaction_holds_lives_as_long_as_it(tmp_path: Path) -> None:
    db = connect(tmp_path / "a.db")
    assert db.held() == {} and db.held() is not db.held()  # outside: nothing is kept
    db.held()["x"] = 1
    assert db.held() == {}
    with db.transaction():
        db.held()["x"] = 1
        with db.transaction():  # a nested call joins it
            assert db.held() == {"x": 1}
    assert db.held() == {}
    with pytest.raises(RuntimeError):
        with db.transaction():
            assert db.held() == {}  # a new transaction starts empty
            db.held()["x"] = 2
            raise RuntimeError("boom")
    with db.transaction():
        assert db.held() == {}


def test_receiving_outside_a_team_asks_for_the_team_once_per_transaction(loket) -> None:  # type: ignore[no-untyped-def]
    from inbox.model import Channel

    asked: list[str] = []
    conn = loket.db.conn
    conn.set_trace_callback(lambda sql: asked.append(sql) if "team_settings" in sql else None)
    try:
        with loket.db.transaction():  # as the IMAP sync files a batch
            for n in range(5):
                loket.log_contact(Channel.PHONE, name="Piet", question=f"vraag {n}",
                                  phone_number="0612345678")
        outside = len(asked)
        loket.log_contact(Channel.PHONE, name="Piet", question="nog een", phone_number="0612345678")
    finally:
        conn.set_trace_callback(None)
    assert outside == 1  # five contacts, several events each: one question
    assert len(asked) == outside + 1  # the next act asks again: a colleague may have joined


def test_disk_full_inside_a_transaction_becomes_a_dutch_error(tmp_path: Path) -> None:
    db = connect(tmp_path / "a.db")
    with pytest.raises(DiskFullError, match="schijf is vol"):
        with db.transaction():
            raise sqlite3.OperationalError("database or disk is full")


def test_search_index_follows_messages_and_notes(loket) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import receive_mail

    a = receive_mail(loket, "a@example.nl", "Grofvuil", "bankstel ophalen")
    b = receive_mail(loket, "b@example.nl", "Paspoort", "afspraak maken")
    loket.add_note(b.reference, "Doorverwezen naar burgerzaken")
    assert [h.case for h in loket.search("bankstel")] == [a.reference]
    assert [h.case for h in loket.search("burgerzaken")] == [b.reference]
    from storage.records import Records

    with loket.db.transaction():
        Records(loket.db).move_message(a.message_id, b.case_id)
    assert [h.case for h in loket.search("bankstel")] == [b.reference]


# -- blob store ----------------------------------------------------------------------------


def test_blob_store_round_trip_and_content_addressing(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    digest = store.put(b"hello")
    assert digest == sha256(b"hello")
    assert store.get(digest) == b"hello"
    assert store.path_for(digest).parent.name == digest[:2]
    assert store.put(b"hello") == digest
    assert store.digests() == [digest]


def test_blob_write_is_fsynced_before_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = BlobStore(tmp_path / "blobs")
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(
        os, "replace", lambda a, b: (calls.append("replace"), real_replace(a, b))[1]
    )
    store.put(b"data")
    assert calls.index("fsync") < calls.index("replace")


def test_a_crash_during_a_blob_write_leaves_no_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = BlobStore(tmp_path / "blobs")

    def crash(a: str, b: str) -> None:
        raise KeyboardInterrupt  # the process dies between write and rename

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        store.put(b"half")
    assert not store.exists(sha256(b"half"))
    assert [p for p in (tmp_path / "blobs").rglob("*") if p.is_file()] == []


def test_a_full_disk_during_a_blob_write_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = BlobStore(tmp_path / "blobs")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(DiskFullError):
        store.put(b"big")
    assert not store.exists(sha256(b"big"))


def test_a_truncated_blob_is_rewritten(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    digest = store.put(b"complete content")
    store.path_for(digest).write_bytes(b"compl")
    store.put(b"complete content")
    assert store.get(digest) == b"complete content"


def test_missing_blob_raises_a_clear_error(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    with pytest.raises(BlobMissingError):
        store.get(sha256(b"never stored"))
    with pytest.raises(ValueError):
        store.path_for("../../etc/passwd")


def test_sqlite_utils_works_over_the_same_connection(tmp_path: Path) -> None:
    db = connect(tmp_path / "a.db")
    assert "cases" in db.utils.table_names()
    assert db.utils["cases"].count == 0


def test_put_many_stores_a_batch_durably_and_skips_what_is_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = BlobStore(tmp_path / "blobs", key=b"k" * 32)
    store.put(b"al bewaard")
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(
        os, "replace", lambda a, b: (calls.append("replace"), real_replace(a, b))[1]
    )
    monkeypatch.setattr(os, "sync", lambda: pytest.fail("os.sync flushes the whole machine"))
    digests = store.put_many([b"een", b"twee", b"een", b"al bewaard"])
    assert digests == [sha256(b"een"), sha256(b"twee"), sha256(b"een"), sha256(b"al bewaard")]
    # each new file is flushed before any rename; then each folder once (two new files here)
    renamed = calls.index("replace")
    assert calls[:renamed] == ["fsync", "fsync"] and calls[renamed:renamed + 2] == [
        "replace", "replace"]
    assert calls[renamed + 2:] == ["fsync"] * len({sha256(b"een")[:2], sha256(b"twee")[:2]})
    assert [store.get(d) for d in digests] == [b"een", b"twee", b"een", b"al bewaard"]


def test_put_many_interrupted_leaves_no_temp_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = BlobStore(tmp_path / "blobs")

    def crash(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(KeyboardInterrupt):
        store.put_many([b"a", b"b"])
    assert [p for p in (tmp_path / "blobs").rglob("*") if p.is_file()] == []
