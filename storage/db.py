"""Opening the database: pragmas, numbered migrations, transactions and error translation."""

from __future__ import annotations

import errno
import logging
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from storage import migrations
from storage.errors import (
    CorruptDatabaseError,
    DatabaseLockedError,
    DiskFullError,
    NewerSchemaError,
    StorageError,
)

log = logging.getLogger("loket.storage")

Params = Sequence[Any] | Mapping[str, Any]


def _db_errors() -> tuple[type[Exception], ...]:
    try:
        import sqlcipher3
    except ImportError:
        return (sqlite3.Error,)
    return (sqlite3.Error, sqlcipher3.dbapi2.Error)


DB_ERRORS = _db_errors()


def translate(exc: BaseException) -> StorageError | None:
    """Map a known sqlite3/OS error to a StorageError with a Dutch message, else None."""
    text = str(exc).lower()
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC or "database or disk is full" in text:
        return DiskFullError("De schijf is vol. Er is niets half opgeslagen; maak ruimte vrij.")
    if "database is locked" in text or "database is busy" in text:
        return DatabaseLockedError("De database is bezet door een ander programma.")
    if "file is not a database" in text or "malformed" in text:
        return CorruptDatabaseError("Dit bestand is geen (leesbare) Loket-database.")
    return None


class Database:
    """One open Loket database. `db.conn` is the sqlite3 connection, `db.utils` sqlite-utils."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self.conn = conn
        self.path = path
        self._utils: Any = None
        self._depth = 0

    @property
    def utils(self) -> Any:
        """sqlite-utils over the same connection, imported on first use (it costs start-up)."""
        if self._utils is None:
            import sqlite_utils

            self._utils = sqlite_utils.Database(self.conn)
        return self._utils

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT; nested calls join the outer transaction."""
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except DB_ERRORS as exc:
            raise translate(exc) or exc from exc
        self._depth = 1
        try:
            yield self.conn
        except BaseException as exc:
            self._depth = 0
            self.conn.rollback()
            known = translate(exc)
            if known is not None and not isinstance(exc, StorageError):
                raise known from exc
            raise
        else:
            self._depth = 0
            try:
                self.conn.commit()
            except DB_ERRORS as exc:
                self.conn.rollback()
                raise translate(exc) or exc from exc

    def query(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        return list(self.conn.execute(sql, params))

    def one(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self.conn.execute(sql, params).fetchone()
        return row

    def scalar(self, sql: str, params: Params = ()) -> Any:
        """The first column of the first row, or None."""
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    @property
    def user_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        self.conn.close()


class WrongKeyError(CorruptDatabaseError):
    """The database is encrypted with another key."""


def connect(path: Path | str, key: bytes | None = None) -> Database:
    """Open (creating if needed) and migrate the database at `path` (':memory:' allowed).

    With `key` the file is an SQLCipher database (AES-256, pages and WAL encrypted).
    """
    memory = str(path) == ":memory:"
    if not memory:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = _open(path, key)
        conn.execute("PRAGMA foreign_keys = ON")
        if not memory:
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA secure_delete = ON")
    except DB_ERRORS as exc:
        if key is not None and "not a database" in str(exc):
            raise WrongKeyError(
                "De database kan niet worden ontsleuteld: de sleutel hoort niet bij dit bestand."
            ) from exc
        raise translate(exc) or CorruptDatabaseError(
            f"De database kan niet worden geopend: {exc}"
        ) from exc
    db = Database(conn, None if memory else Path(path))
    try:
        migrate(db)
    except BaseException:
        conn.close()
        raise
    return db


def _open(path: Path | str, key: bytes | None) -> sqlite3.Connection:
    if key is None:
        plain = sqlite3.connect(
            str(path), isolation_level=None, check_same_thread=False, timeout=10.0
        )
        plain.row_factory = sqlite3.Row
        return plain
    import sqlcipher3

    cipher: Any = sqlcipher3.dbapi2.connect(
        str(path), isolation_level=None, check_same_thread=False, timeout=10.0
    )
    cipher.row_factory = sqlcipher3.dbapi2.Row
    cipher.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    cipher.execute("SELECT count(*) FROM sqlite_master").fetchone()  # fails on a wrong key
    conn: sqlite3.Connection = cipher  # same DB-API; typed as sqlite3 for the callers
    return conn


def rekey(db: Database, new_key: bytes) -> None:
    """Re-encrypt an SQLCipher database under `new_key` (key rotation)."""
    db.conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")


def encrypt_copy(plain: Path, target: Path, key: bytes) -> None:
    """Write an encrypted copy of a plain database (switching encryption on for old files)."""
    import sqlcipher3

    conn: Any = sqlcipher3.dbapi2.connect(str(plain), isolation_level=None)
    try:
        conn.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(target),))
        conn.execute("SELECT sqlcipher_export('encrypted')")
        version = conn.execute("PRAGMA main.user_version").fetchone()[0]
        conn.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()


def migrate(db: Database, steps: list[str] | None = None) -> int:
    """Bring the schema to the newest version; refuse a database from a newer Loket."""
    steps = migrations.MIGRATIONS if steps is None else steps
    current = db.user_version
    if current > len(steps):
        raise NewerSchemaError(
            f"Deze database (versie {current}) is gemaakt door een nieuwere Loket "
            f"(deze kent tot versie {len(steps)}). Werk Loket bij."
        )
    for version in range(current, len(steps)):
        log.info("migrating schema %d -> %d", version, version + 1)
        with db.transaction() as conn:
            for statement in _statements(steps[version]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1}")
    return db.user_version


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (triggers keep their inner semicolons)."""
    lines = [line for line in script.splitlines() if not line.strip().startswith("--")]
    out: list[str] = []
    buffer = ""
    for piece in "\n".join(lines).split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \n\t;"):
                out.append(buffer.strip())
            buffer = ""
    if buffer.strip(" \n\t;"):
        out.append(buffer.strip())
    return out
