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
    ForeignDatabaseError,
    NewerSchemaError,
    ReadOnlyDatabaseError,
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


# PRAGMA application_id of every Loket database ("LOKT"), so that `--db` on another program's
# SQLite file is refused before anything is written to it.
APPLICATION_ID = 0x4C4F4B54

CORRUPT = (
    "De database is beschadigd: een deel ervan is onleesbaar. Er wordt niets meer in "
    "opgeslagen; zet een reservekopie terug (loket restore BESTAND)."
)


def translate(exc: BaseException) -> StorageError | None:
    """Map a known sqlite3/OS error to a StorageError with a Dutch message, else None."""
    text = str(exc).lower()
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC or "database or disk is full" in text:
        return DiskFullError("De schijf is vol. Er is niets half opgeslagen; maak ruimte vrij.")
    if "database is locked" in text or "database is busy" in text:
        return DatabaseLockedError("De database is bezet door een ander programma.")
    if "readonly" in text or "read-only" in text:
        return ReadOnlyDatabaseError(
            "De database is alleen-lezen (de schijf of het bestand is beveiligd tegen "
            "schrijven); er is niets gewijzigd."
        )
    if "malformed" in text or "disk i/o error" in text:
        return CorruptDatabaseError(CORRUPT)
    if "file is not a database" in text:
        return CorruptDatabaseError("Dit bestand is geen (leesbare) Loket-database.")
    return None


class Database:
    """One open Loket database. `db.conn` is the sqlite3 connection, `db.utils` sqlite-utils."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self.conn = conn
        self.path = path
        self._utils: Any = None
        self._depth = 0
        # facts read inside the current write transaction that no other process can change
        # while it holds the lock (emptied when the outermost transaction begins and ends)
        self._held: dict[str, Any] = {}
        self.key: bytes | None = None  # the SQLCipher key it was opened with (backups use it)
        # set when SQLite reported a damaged page: from then on nothing more is written, also
        # by other processes (a marker file beside the database remembers it until a clean check)
        self._damaged = path is not None and _damage_marker(path).exists()

    def held(self) -> dict[str, Any]:
        """A memo for the current write transaction: what is read once under the write lock
        stays true until it ends, unless this process changes it (then it drops the entry).
        Outside a transaction a fresh dict each time: nothing is kept."""
        return self._held if self._depth else {}

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
        if self.damaged:
            raise CorruptDatabaseError(CORRUPT)
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except DB_ERRORS as exc:
            raise self._known(exc) or exc from exc
        self._depth = 1
        self._held.clear()
        try:
            yield self.conn
        except BaseException as exc:
            self._depth = 0
            self._held.clear()
            try:
                self.conn.rollback()
            except DB_ERRORS:
                pass
            known = self._known(exc)
            if known is not None and not isinstance(exc, StorageError):
                raise known from exc
            raise
        else:
            self._depth = 0
            self._held.clear()
            try:
                self.conn.commit()
            except DB_ERRORS as exc:
                self.conn.rollback()
                raise self._known(exc) or exc from exc

    def _known(self, exc: BaseException) -> StorageError | None:
        known = translate(exc)
        if isinstance(known, ReadOnlyDatabaseError) and self._writable():
            # SQLCipher turns a database read-only when a page fails its check: damage
            known = CorruptDatabaseError(CORRUPT)
        if isinstance(known, CorruptDatabaseError):
            self.damaged = True
        return known

    @property
    def damaged(self) -> bool:
        return self._damaged

    @damaged.setter
    def damaged(self, value: bool) -> None:
        self._damaged = value
        if self.path is None:
            return
        marker = _damage_marker(self.path)
        try:
            if value:
                marker.write_text("integrity check failed\n", encoding="utf-8")
            else:
                marker.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only folder: this process still refuses writes

    def _writable(self) -> bool:
        import os

        if self.path is None:
            return True
        return os.access(self.path, os.W_OK) and os.access(self.path.parent, os.W_OK)

    def query(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        return list(self.conn.execute(sql, params))

    def one(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self.conn.execute(sql, params).fetchone()
        return row

    def scalar(self, sql: str, params: Params = ()) -> Any:
        """The first column of the first row, or None."""
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def data_version(self) -> int:
        """Changes whenever another connection commits; -1 once this one is closed."""
        try:
            return int(self.conn.execute("PRAGMA data_version").fetchone()[0])
        except DB_ERRORS:
            return -1

    @property
    def user_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    closed = False

    def close(self) -> None:
        self.closed = True
        self.conn.close()


def _damage_marker(path: Path) -> Path:
    return path.with_name(path.name + ".damaged")


class WrongKeyError(CorruptDatabaseError):
    """The database is encrypted with another key."""


def connect(path: Path | str, key: bytes | None = None) -> Database:
    """Open (creating if needed) and migrate the database at `path` (':memory:' allowed).

    With `key` the file is an SQLCipher database (AES-256, pages and WAL encrypted). A file of
    another program (PRAGMA application_id, or tables that are not Loket's) is refused before
    anything is written to it.
    """
    memory = str(path) == ":memory:"
    if not memory:
        target = Path(path)
        if target.is_dir():
            raise CorruptDatabaseError(f"{target} is een map, geen Loket-database.")
        if target.exists() and not target.is_file():
            raise CorruptDatabaseError(f"{target} is geen gewoon bestand.")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise translate(exc) or ReadOnlyDatabaseError(
                f"De map {target.parent} kan niet worden gemaakt."
            ) from exc
    try:
        conn = _open(path, key)
        _refuse_foreign(conn)
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
    db.key = key
    try:
        migrate(db)
    except DB_ERRORS as exc:
        conn.close()
        raise translate(exc) or CorruptDatabaseError(
            f"De database kan niet worden bijgewerkt: {exc}"
        ) from exc
    except BaseException:
        conn.close()
        raise
    return db


# Tables every Loket database has had since its first version: an older Loket file (from
# before application_id was set) is recognised by them.
_LOKET_TABLES = {"users", "contacts", "cases", "messages", "case_events", "reference_counters"}


def _refuse_foreign(conn: sqlite3.Connection) -> None:
    """Refuse another program's SQLite file; nothing is written to it."""
    app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    if app_id == APPLICATION_ID:
        return
    tables = {
        str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    if app_id == 0 and (not tables or _LOKET_TABLES <= tables):
        return  # a new file, or a Loket file from before the id: migrate() sets the id
    conn.close()
    raise ForeignDatabaseError(
        "Dit bestand is een database van een ander programma, geen Loket-database; "
        "er is niets aan veranderd."
    )


def is_foreign_file(path: Path) -> bool:
    """Whether `path` is an existing SQLite file of another program (read without writing)."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError:
        return False
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return False  # new, or encrypted (SQLCipher has no plain header)
    app_id = int.from_bytes(header[68:72], "big")
    if app_id:
        return app_id != APPLICATION_ID
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {str(r[0]) for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return bool(tables) and not _LOKET_TABLES <= tables


def integrity_problems(db: Database, quick: bool = True) -> list[str]:
    """What SQLite's integrity check finds (empty when the database is sound)."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        rows = [str(r[0]) for r in db.conn.execute(f"PRAGMA {pragma}")]
    except DB_ERRORS as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


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
    # SQLCipher would print "ERROR CORE ..." lines on stderr for a wrong key or a bad page; the
    # caller turns those failures into one Dutch line instead
    cipher.execute("PRAGMA cipher_log_level = NONE")
    cipher.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    cipher.execute("SELECT count(*) FROM sqlite_master").fetchone()  # fails on a wrong key
    conn: sqlite3.Connection = cipher  # same DB-API; typed as sqlite3 for the callers
    return conn


def rekey(db: Database, new_key: bytes) -> None:
    """Re-encrypt an SQLCipher database under `new_key` (key rotation)."""
    db.conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")


def encrypt_copy(plain: Path, target: Path, key: bytes, source_key: bytes | None = None) -> None:
    """Write a copy of the database at `plain` encrypted under `key`: switching encryption on
    for old files (`source_key` None) or a key rotation (`source_key` the current key). The copy
    is fsynced before this returns; the source is not changed."""
    import sqlcipher3

    target.unlink(missing_ok=True)
    conn: Any = sqlcipher3.dbapi2.connect(str(plain), isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    with _copy_to(target, conn, "De database kan niet worden gekopieerd"):
        if source_key is not None:
            conn.execute(f"PRAGMA key = \"x'{source_key.hex()}'\"")
        conn.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(target),))
        conn.execute("SELECT sqlcipher_export('encrypted')")
        version = conn.execute("PRAGMA main.user_version").fetchone()[0]
        conn.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        conn.execute(f"PRAGMA encrypted.application_id = {APPLICATION_ID}")
        conn.execute("DETACH DATABASE encrypted")


def backup_copy(db: Database, target: Path, key: bytes | None) -> None:
    """A consistent copy of the open database at `target` through SQLite's online backup API
    (readers and writers may go on meanwhile), encrypted under the same key; fsynced."""
    target.unlink(missing_ok=True)
    dest: Any
    if key is None:
        dest = sqlite3.connect(str(target), isolation_level=None)
    else:
        import sqlcipher3

        dest = sqlcipher3.dbapi2.connect(str(target), isolation_level=None)
        dest.execute("PRAGMA cipher_log_level = NONE")
        dest.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    with _copy_to(target, dest, "De reservekopie kan niet worden gemaakt"):
        source: Any = db.conn
        source.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no WAL beside it


@contextmanager
def _copy_to(target: Path, conn: Any, failure: str) -> Iterator[None]:
    """Writing a copy of a database at `target` through `conn`: the connection is closed
    after, a database error becomes `failure` (one Dutch line, with its reason), and the
    finished copy is fsynced."""
    try:
        yield
    except DB_ERRORS as exc:
        raise translate(exc) or CorruptDatabaseError(f"{failure}: {exc}") from exc
    finally:
        conn.close()
    _fsync_file(target)


def _fsync_file(path: Path) -> None:
    import os

    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def migrate(db: Database, steps: list[str] | None = None) -> int:
    """Bring the schema to the newest version; refuse a database from a newer Loket."""
    steps = migrations.MIGRATIONS if steps is None else steps
    current = db.user_version
    if current > len(steps):
        raise NewerSchemaError(
            f"Deze database (versie {current}) is gemaakt door een nieuwere Loket "
            f"(deze kent tot versie {len(steps)}). Werk Loket bij."
        )
    if current < len(steps):  # SQL of a step may call it (search index: phone numbers)
        db.conn.create_function("loket_indexed_with_phones", -1, _indexed_with_phones)
    for version in range(current, len(steps)):
        log.info("migrating schema %d -> %d", version, version + 1)
        with db.transaction() as conn:
            for statement in _statements(steps[version]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1}")
    if int(db.conn.execute("PRAGMA application_id").fetchone()[0]) != APPLICATION_ID:
        with db.transaction() as conn:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    return db.user_version


def _indexed_with_phones(contact: str | None, *texts: str | None) -> str:
    from storage.search_terms import indexed_with_phones

    return indexed_with_phones(contact or "", texts)


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
