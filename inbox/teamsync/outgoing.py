"""Local changes become team events: called by `Loket._event` for every case event.

Runs inside the service's transaction, so a change and its team event commit together (and a
crash loses neither alone). Does nothing until this installation joined a team (`team setup`).
"""

from __future__ import annotations

import logging
import platform
import re
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from inbox import clock
from inbox.teamsync import apply
from inbox.teamsync.events import Event, new_id
from inbox.teamsync.hlc import Clock, at_most_now
from storage.db import Database
from storage.records import Records

if TYPE_CHECKING:
    from inbox.services import Loket

log = logging.getLogger("loket.teamsync")

_REFERENCE = re.compile(r"^LK-(\d{4})-(\d{6})$")


@dataclass(frozen=True)
class Team:
    device: str
    device_name: str
    slot: int


def team(db: Database) -> Team | None:
    """This installation's place in the team, or None when it is not in one."""
    rows = dict(
        (r[0], r[1])
        for r in db.query(
            "SELECT key, value FROM team_settings WHERE key IN ('device', 'device_name', 'slot')"
        )
    )
    if "device" not in rows or "slot" not in rows:
        return None
    return Team(str(rows["device"]), str(rows.get("device_name", "")), int(rows["slot"]))


def _cached(loket: Loket) -> Team | None:
    found: Team | None = getattr(loket, "_teamsync", None)
    if found is None:
        found = team(loket.db)
        if found is not None:
            loket._teamsync = found  # type: ignore[attr-defined]
    return found


def forget(loket: Loket) -> None:
    if hasattr(loket, "_teamsync"):
        del loket._teamsync


def device_name() -> str:
    return platform.node() or "laptop"


def display_name(db: Database, user: str) -> str:
    value = db.scalar("SELECT display_name FROM users WHERE name = ?", (user,))
    return str(value) if value else user


def emit(
    loket: Loket,
    t: Team,
    kind: str,
    case: str | None,
    data: dict[str, Any],
    hlc: str | None = None,
) -> Event:
    event = Event(
        id=new_id(),
        kind=kind,
        case=case,
        author=loket.user,
        author_name=display_name(loket.db, loket.user),
        device=t.device,
        device_name=t.device_name,
        hlc=hlc or Clock(loket.db).tick(),
        at=clock.iso(loket.now()),
        data=data,
    )
    apply.record(loket.db, event, local=True)
    return event


def emit_field(
    loket: Loket,
    t: Team,
    uid: str,
    field: str,
    value: Any,
    derived_from: str | None = None,
    name: str | None = None,
) -> Event:
    """A field edit; `seen` lists the heads this laptop has, so it supersedes them."""
    data: dict[str, Any] = {"field": field, "value": value}
    hlc = None
    if derived_from:
        # an automatic change caused by a mail: dated by the mail, never a conflicting edit
        data["derived"] = True
        data["seen"] = []
        hlc = at_most_now(int(clock.parse(derived_from).timestamp() * 1000))
    else:
        data["seen"] = [h["event_id"] for h in apply.heads(loket.db, uid, field)]
    if name:
        data["name"] = name
    return emit(loket, t, "field", uid, data, hlc)


# -- the hook ------------------------------------------------------------------------------


def on_event(loket: Loket, case_id: int | None, kind: str, data: dict[str, Any]) -> None:
    """Called by Loket._event before the case event is stored; may adjust `data`."""
    if case_id is None:
        return
    t = _cached(loket)
    if t is None:
        return
    db = loket.db
    if kind == "case_opened":
        reference = _team_reference(db, t, str(data.get("reference", "")))
        if reference != data.get("reference"):
            db.conn.execute("UPDATE cases SET reference = ? WHERE id = ?", (reference, case_id))
            data["reference"] = reference
        keep_counter_above(db, reference)
        return  # announced with its first message, which tells a mail case from a local one
    if kind == "message_added":
        msg = db.one("SELECT * FROM messages WHERE id = ?", (data.get("message"),))
        uid = ensure_case(loket, t, case_id, msg)
        if msg is not None and msg["imap_uid"] is None:
            _emit_contact(loket, t, uid, msg)
        return
    uid = ensure_case(loket, t, case_id, None)
    reason = data.get("reason")
    derived = None
    if reason == "message":
        case = Records(db).case_row(case_id)
        derived = str(case["last_message_at"]) if case is not None else None
        last = db.scalar("SELECT max(sent_at) FROM messages WHERE case_id = ?", (case_id,))
        derived = str(last or derived)
    if kind == "assigned":
        to = data.get("to")
        emit_field(
            loket, t, uid, "assignee", to or None, name=display_name(db, str(to)) if to else None
        )
    elif kind == "status_changed":
        emit_field(loket, t, uid, "status", data.get("to"), derived)
    elif kind == "closed":
        stamp = clock.iso(loket.now())
        emit_field(loket, t, uid, "outcome", str(data.get("outcome") or "").strip() or None)
        emit_field(
            loket, t, uid, "first_contact_resolution", bool(data.get("first_contact_resolution"))
        )
        emit_field(loket, t, uid, "closed_at", stamp)
        emit_field(loket, t, uid, "status", "afgerond")
    elif kind == "reopened":
        emit_field(loket, t, uid, "closed_at", None, derived)
        emit_field(loket, t, uid, "status", "in_behandeling", derived)
    elif kind == "note_added":
        note = db.one("SELECT * FROM notes WHERE id = ?", (data.get("note"),))
        if note is not None:
            note_uid = str(uuid.uuid4())
            db.conn.execute(
                "INSERT INTO team_notes(note_id, uid) VALUES (?, ?)", (note["id"], note_uid)
            )
            emit(
                loket,
                t,
                "note",
                uid,
                {"uid": note_uid, "text": note["text"], "created_at": note["created_at"]},
            )


def ensure_case(loket: Loket, t: Team, case_id: int, msg: Any) -> str:
    """The case's team uid; announcing the case (claiming its reference) the first time."""
    db = loket.db
    found = apply.case_uid(db, case_id)
    if found is not None:
        return found
    case = Records(db).case_row(case_id)
    assert case is not None
    if msg is None:
        msg = db.one(
            "SELECT * FROM messages WHERE case_id = ? ORDER BY sent_at, id LIMIT 1", (case_id,)
        )
    origin = None
    if msg is not None and msg["raw_sha256"] and msg["imap_uid"] is not None:
        origin = str(msg["raw_sha256"])
        uid = "m-" + origin[:32]
    else:
        uid = str(uuid.uuid4())
    other = apply.case_id_for(db, uid)
    if other is not None and other != case_id:
        uid = str(uuid.uuid4())  # that mail opened another case here already
        origin = None
    apply.map_case(db, case_id, uid)
    contact: dict[str, Any] = {}
    if case["contact_id"] is not None:
        contact = {
            "name": Records(db).contact_name(case["contact_id"]),
            "addresses": [
                [r["kind"], r["value"]]
                for r in db.query(
                    "SELECT kind, value FROM contact_addresses WHERE contact_id = ? ORDER BY id",
                    (case["contact_id"],),
                )
            ],
        }
    emit(
        loket,
        t,
        "case_opened",
        uid,
        {
            "reference": case["reference"],
            "subject": case["subject"],
            "channel": case["channel"],
            "opened_at": case["opened_at"],
            "contact": contact,
            "origin": origin,
        },
    )
    return uid


def _emit_contact(loket: Loket, t: Team, uid: str, msg: Any) -> None:
    message_uid = str(uuid.uuid4())
    loket.db.conn.execute(
        "INSERT OR IGNORE INTO team_messages(message_id, uid) VALUES (?, ?)",
        (msg["id"], message_uid),
    )
    data = {k: msg[k] for k in apply.MESSAGE_FIELDS}
    data["uid"] = message_uid
    emit(loket, t, "contact", uid, data)


def keep_counter_above(db: Database, reference: str) -> None:
    """Keep the local (provisional) reference counter above every team reference, so that
    `records.next_reference` never hands out a number a team case already has."""
    match = _REFERENCE.match(reference)
    if match:
        db.conn.execute(
            "INSERT INTO reference_counters(year, last) VALUES (?, ?) "
            "ON CONFLICT(year) DO UPDATE SET last = max(last, excluded.last)",
            (int(match.group(1)), int(match.group(2))),
        )


def _team_reference(db: Database, t: Team, local: str) -> str:
    """counter × 100 + slot: two laptops can never hand out the same reference."""
    match = _REFERENCE.match(local)
    year = int(match.group(1)) if match else clock.now().year
    while True:
        last = db.scalar("SELECT last FROM team_counters WHERE year = ?", (year,))
        if last is None:
            # start above this laptop's references of that year from before the team
            top = db.scalar(
                "SELECT max(CAST(substr(reference, 9) AS INTEGER)) FROM cases "
                "WHERE reference LIKE ? AND id NOT IN (SELECT case_id FROM team_cases)",
                (f"LK-{year}-%",),
            )
            last = int(top or 0) // 100
        n = int(last) + 1
        db.conn.execute(
            "INSERT INTO team_counters(year, last) VALUES (?, ?) "
            "ON CONFLICT(year) DO UPDATE SET last = excluded.last",
            (year, n),
        )
        if n > 9999:
            raise OverflowError("no team references left for this laptop this year")
        reference = f"LK-{year}-{n * 100 + t.slot:06d}"
        if reference == local or Records(db).case_id_by_reference(reference) is None:
            return reference


def publish_existing(loket: Loket) -> int:
    """Announce the cases this laptop had before it joined, with their fields and notes."""
    t = _cached(loket)
    if t is None:
        return 0
    db = loket.db
    count = 0
    with db.transaction():
        for case in db.query(
            "SELECT c.*, u.name AS assignee FROM cases c LEFT JOIN users u ON u.id = c.assignee_id "
            "WHERE c.id NOT IN (SELECT case_id FROM team_cases) ORDER BY c.id"
        ):
            uid = ensure_case(loket, t, int(case["id"]), None)
            for field, column in apply.FIELDS.items():
                value = case["assignee"] if field == "assignee" else case[column]
                if field == "first_contact_resolution" and value is not None:
                    value = bool(value)
                if value is not None and field not in ("subject",):
                    emit_field(loket, t, uid, field, value)
            for note in db.query("SELECT * FROM notes WHERE case_id = ?", (case["id"],)):
                note_uid = str(uuid.uuid4())
                db.conn.execute(
                    "INSERT INTO team_notes(note_id, uid) VALUES (?, ?)", (note["id"], note_uid)
                )
                emit(
                    loket,
                    t,
                    "note",
                    uid,
                    {"uid": note_uid, "text": note["text"], "created_at": note["created_at"]},
                )
            for msg in db.query(
                "SELECT * FROM messages WHERE case_id = ? AND imap_uid IS NULL", (case["id"],)
            ):
                _emit_contact(loket, t, uid, msg)
            count += 1
    return count
