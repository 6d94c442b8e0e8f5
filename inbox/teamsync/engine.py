"""One team pass over a folder of events: read new batches, apply, then upload what is pending.

The folder is anything with `select`, `fetch` and `append` (imapstore.ImapFolder for the
mailbox, MemoryFolder for tests). See docs/design/team-sync.md for why each step is safe.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from inbox import clock
from inbox.teamsync import apply
from inbox.teamsync.events import MAX_BATCH, Event, UnreadableBatch, decode_batch, encode_batch

if TYPE_CHECKING:
    from inbox.services import Loket

log = logging.getLogger("loket.teamsync")

FETCH_CHUNK = 100


@dataclass(frozen=True)
class FolderInfo:
    uidvalidity: int
    exists: int
    uidnext: int


class Folder(Protocol):
    name: str

    def select(self) -> FolderInfo: ...

    def fetch(self, first_uid: int) -> Iterable[list[tuple[int, bytes]]]:
        """Messages with UID >= first_uid, in UID order, in chunks."""
        ...

    def append(self, raw: bytes) -> int | None:
        """Append one message; its UID when the server says (UIDPLUS), else None."""
        ...


@dataclass
class PassReport:
    fetched_batches: int = 0
    new_events: int = 0
    duplicate_events: int = 0
    unreadable: int = 0
    uploaded_events: int = 0
    uploaded_batches: int = 0
    projected_cases: int = 0
    waiting_cases: int = 0
    resynced: bool = False
    republished: int = 0
    dropped_claims: int = 0
    errors: list[str] = field(default_factory=list)


def sync_pass(loket: Loket, folder: Folder, key: bytes | None, upload: bool = True) -> PassReport:
    report = PassReport()
    db = loket.db
    info = folder.select()
    cur = db.one("SELECT * FROM team_cursors WHERE folder = ?", (folder.name,))
    full = (
        cur is None
        or cur["uidvalidity"] != info.uidvalidity
        or info.exists < int(cur["seen_messages"])
    )
    last_uid = 0 if full else int(cur["last_uid"])  # type: ignore[index]
    seen_messages = 0 if full else int(cur["seen_messages"])  # type: ignore[index]
    report.resynced = full and cur is not None
    present: set[str] = set()
    if key is not None:
        _retry_unreadable(loket, key, report)
    if not (not full and info.uidnext and info.uidnext <= last_uid + 1):
        for chunk in folder.fetch(last_uid + 1):
            chunk = [(uid, raw) for uid, raw in chunk if uid > last_uid]
            if not chunk:
                continue
            with db.transaction():
                for uid, raw in chunk:
                    ids = _read(loket, folder.name, info.uidvalidity, uid, raw, key, report)
                    if full:
                        present.update(ids)
                last_uid = max(last_uid, chunk[-1][0])
                seen_messages += len(chunk)
                _save_cursor(loket, folder.name, info.uidvalidity, last_uid, seen_messages)
    with db.transaction():
        _save_cursor(loket, folder.name, info.uidvalidity, last_uid, seen_messages)
        if full:
            report.republished = _mark_missing(loket, present)
    report.projected_cases, report.waiting_cases = apply.project_waiting(loket)
    if upload:
        upload_pending(loket, folder, key, report)
    return report


def _read(
    loket: Loket,
    folder: str,
    uidvalidity: int,
    uid: int,
    raw: bytes,
    key: bytes | None,
    report: PassReport,
) -> list[str]:
    try:
        _batch, events = decode_batch(raw, key)
    except UnreadableBatch as exc:
        report.unreadable += 1
        loket.db.conn.execute(
            "INSERT OR IGNORE INTO team_unreadable(folder, uidvalidity, uid, raw, error) "
            "VALUES (?, ?, ?, ?, ?)",
            (folder, uidvalidity, uid, raw, str(exc)),
        )
        return []
    report.fetched_batches += 1
    ids = []
    for event in events:
        if apply.record(loket.db, event):
            report.new_events += 1
        else:
            report.duplicate_events += 1
        ids.append(event.id)
    if ids:
        # our own events read back: they are on the server (no UIDPLUS needed for that)
        loket.db.conn.executemany(
            "UPDATE team_events SET uploaded = 1 WHERE id = ? AND uploaded = 0",
            [(i,) for i in ids],
        )
    return ids


def _retry_unreadable(loket: Loket, key: bytes, report: PassReport) -> None:
    db = loket.db
    for row in db.query("SELECT * FROM team_unreadable"):
        try:
            _batch, events = decode_batch(bytes(row["raw"]), key)
        except UnreadableBatch:
            continue
        with db.transaction():
            for event in events:
                if apply.record(db, event):
                    report.new_events += 1
            db.conn.execute(
                "DELETE FROM team_unreadable WHERE folder = ? AND uidvalidity = ? AND uid = ?",
                (row["folder"], row["uidvalidity"], row["uid"]),
            )


def _save_cursor(
    loket: Loket, folder: str, uidvalidity: int, last_uid: int, seen_messages: int
) -> None:
    loket.db.conn.execute(
        "INSERT INTO team_cursors(folder, uidvalidity, last_uid, seen_messages, last_sync_at, "
        "last_error) VALUES (?, ?, ?, ?, ?, NULL) ON CONFLICT(folder) DO UPDATE SET "
        "uidvalidity = excluded.uidvalidity, last_uid = excluded.last_uid, "
        "seen_messages = excluded.seen_messages, last_sync_at = excluded.last_sync_at, "
        "last_error = NULL",
        (folder, uidvalidity, last_uid, seen_messages, clock.iso(loket.now())),
    )


def _mark_missing(loket: Loket, present: set[str]) -> int:
    """After a full read: every event we know that the folder lacks is uploaded again."""
    db = loket.db
    db.conn.execute("CREATE TEMP TABLE IF NOT EXISTS team_present(id TEXT PRIMARY KEY)")
    db.conn.execute("DELETE FROM team_present")
    db.conn.executemany(
        "INSERT OR IGNORE INTO team_present(id) VALUES (?)", [(i,) for i in present]
    )
    cur = db.conn.execute(
        "UPDATE team_events SET uploaded = 0 WHERE uploaded = 1 "
        "AND kind != 'presence' AND id NOT IN (SELECT id FROM team_present)"
    )
    db.conn.execute("DELETE FROM team_present")
    return int(cur.rowcount or 0)


def _drop_superseded_claims(loket: Loket, report: PassReport) -> None:
    """A mail case announced here that another laptop announced already: keep theirs only.

    Ours was never uploaded, so no other laptop knows it; dropping it keeps the sets equal.
    """
    db = loket.db
    rows = db.query(
        "SELECT e.id, e.case_uid FROM team_events e WHERE e.kind = 'case_opened' "
        "AND e.local = 1 AND e.uploaded = 0 AND EXISTS (SELECT 1 FROM team_events o "
        "WHERE o.kind = 'case_opened' AND o.case_uid = e.case_uid AND o.device != e.device)"
    )
    if not rows:
        return
    with db.transaction():
        for row in rows:
            db.conn.execute("DELETE FROM team_events WHERE id = ?", (row["id"],))
            db.conn.execute("DELETE FROM team_references WHERE event_id = ?", (row["id"],))
            apply.project(loket, str(row["case_uid"]))
            report.dropped_claims += 1


def upload_pending(loket: Loket, folder: Folder, key: bytes | None, report: PassReport) -> None:
    db = loket.db
    _drop_superseded_claims(loket, report)
    while True:
        rows = db.query(
            "SELECT id, body FROM team_events WHERE uploaded = 0 AND kind != 'presence' "
            "ORDER BY hlc, device, id LIMIT ?",
            (MAX_BATCH,),
        )
        if not rows:
            return
        events = [Event.loads(r["body"]) for r in rows]
        folder.append(encode_batch(events, key))
        with db.transaction():
            db.conn.executemany(
                "UPDATE team_events SET uploaded = 1 WHERE id = ?", [(r["id"],) for r in rows]
            )
        report.uploaded_events += len(rows)
        report.uploaded_batches += 1


class MemoryFolder:
    """An IMAP folder in memory: UIDs only grow; `recreate` gives a new UIDVALIDITY."""

    def __init__(self, name: str = "Loket/Events", uidvalidity: int = 1) -> None:
        self.name = name
        self.uidvalidity = uidvalidity
        self.messages: list[tuple[int, bytes]] = []
        self.uidnext = 1

    def select(self) -> FolderInfo:
        return FolderInfo(self.uidvalidity, len(self.messages), self.uidnext)

    def fetch(self, first_uid: int) -> Iterable[list[tuple[int, bytes]]]:
        found = [(u, r) for u, r in self.messages if u >= first_uid]
        for start in range(0, len(found), FETCH_CHUNK):
            yield found[start : start + FETCH_CHUNK]

    def append(self, raw: bytes) -> int | None:
        uid = self.uidnext
        self.uidnext += 1
        self.messages.append((uid, raw))
        return uid

    def empty(self) -> None:
        self.messages.clear()

    def recreate(self) -> None:
        self.messages.clear()
        self.uidvalidity += 1
        self.uidnext = 1
