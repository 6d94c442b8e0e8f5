"""Presence: short-lived events ("Anne is dit antwoord aan het schrijven") in Loket/Presence.

Not history and not case state: each announcement expires (TTL), is read with the same UID
cursor as the events, and a laptop deletes its own expired announcements from the server.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from inbox import clock
from inbox.teamsync import apply, outgoing
from inbox.teamsync.events import (
    PRESENCE_SUBJECT,
    Event,
    UnreadableBatch,
    decode_batch,
    encode_batch,
    new_id,
)
from inbox.teamsync.hlc import Clock

if TYPE_CHECKING:
    from inbox.services import Loket

TTL = timedelta(minutes=2)
ACTIVITIES = {
    "replying": "is dit antwoord aan het schrijven",
    "viewing": "bekijkt deze zaak",
    "calling": "belt met de inwoner",
}


def announce(loket: Loket, folder: Any, reference: str, activity: str, key: bytes | None) -> str:
    """Tell the team what this user does with a case now; returns the presence id."""
    if activity not in ACTIVITIES:
        raise ValueError(f"unknown activity {activity!r}")
    t = outgoing.team(loket.db)
    if t is None:
        raise ValueError("not in a team")
    case_id = loket.db.scalar("SELECT id FROM cases WHERE reference = ?", (reference.upper(),))
    uid = apply.case_uid(loket.db, int(case_id)) if case_id is not None else None
    if uid is None:
        raise ValueError(f"{reference} is not a team case")
    with loket.db.transaction():
        hlc = Clock(loket.db).tick()
    expires = clock.iso(loket.now() + TTL)
    event = Event(
        id=new_id(),
        kind="presence",
        case=uid,
        author=loket.user,
        author_name=outgoing.display_name(loket.db, loket.user),
        device=t.device,
        device_name=t.device_name,
        hlc=hlc,
        at=clock.iso(loket.now()),
        data={"activity": activity, "expires_at": expires},
    )
    own_uid = folder.append(encode_batch([event], key, subject=PRESENCE_SUBJECT))
    with loket.db.transaction():
        _store(loket, event, own_uid)
    return event.id


def _store(loket: Loket, event: Event, own_uid: int | None) -> None:
    loket.db.conn.execute(
        "INSERT OR IGNORE INTO team_presence(id, case_uid, author, author_name, device, activity, "
        "expires_at, own_uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            event.id,
            event.case,
            event.author,
            event.author_name,
            event.device,
            str(event.data.get("activity")),
            str(event.data.get("expires_at")),
            own_uid,
        ),
    )


def fetch(loket: Loket, folder: Any, key: bytes | None) -> int:
    """Read new presence messages; forget expired ones, deleting our own from the server."""
    db = loket.db
    info = folder.select()
    cur = db.one("SELECT * FROM team_cursors WHERE folder = ?", (folder.name,))
    last = 0 if cur is None or cur["uidvalidity"] != info.uidvalidity else int(cur["last_uid"])
    now = clock.iso(loket.now())
    t = outgoing.team(db)
    count = 0
    for chunk in folder.fetch(last + 1):
        with db.transaction():
            for uid, raw in chunk:
                last = max(last, uid)
                try:
                    _batch, events = decode_batch(raw, key)
                except UnreadableBatch:
                    continue
                for event in events:
                    if event.kind != "presence" or str(event.data.get("expires_at")) <= now:
                        continue
                    mine = t is not None and event.device == t.device
                    _store(loket, event, uid if mine else None)
                    count += 1
    with db.transaction():
        db.conn.execute(
            "INSERT INTO team_cursors(folder, uidvalidity, last_uid, last_sync_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT(folder) DO UPDATE SET uidvalidity = "
            "excluded.uidvalidity, last_uid = excluded.last_uid, last_sync_at = "
            "excluded.last_sync_at",
            (folder.name, info.uidvalidity, last, now),
        )
        expired_own = [
            int(r[0])
            for r in db.query(
                "SELECT own_uid FROM team_presence WHERE expires_at <= ? AND own_uid IS NOT NULL "
                "AND device = ?",
                (now, t.device if t else ""),
            )
        ]
        db.conn.execute("DELETE FROM team_presence WHERE expires_at <= ?", (now,))
    if expired_own and hasattr(folder, "delete"):
        folder.delete(expired_own)
    return count


def current(loket: Loket, reference: str) -> list[dict[str, Any]]:
    """Other people's live presence on a case, with the sentence the UI shows."""
    db = loket.db
    t = outgoing.team(db)
    rows = db.query(
        "SELECT p.* FROM team_presence p JOIN team_cases tc ON tc.uid = p.case_uid "
        "JOIN cases c ON c.id = tc.case_id WHERE c.reference = ? AND p.expires_at > ? "
        "AND NOT (p.author = ? AND p.device = ?) ORDER BY p.expires_at DESC",
        (reference.upper(), clock.iso(loket.now()), loket.user, t.device if t else ""),
    )
    seen: set[tuple[str, str]] = set()
    out = []
    for r in rows:
        if (r["author"], r["activity"]) in seen:
            continue
        seen.add((r["author"], r["activity"]))
        first = str(r["author_name"] or r["author"]).split(" ")[0]
        out.append(
            {
                "author": r["author"],
                "author_name": r["author_name"],
                "activity": r["activity"],
                "expires_at": r["expires_at"],
                "text": f"{first} {ACTIVITIES.get(r['activity'], r['activity'])}",
            }
        )
    return out
