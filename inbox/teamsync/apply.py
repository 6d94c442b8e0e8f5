"""Applying team events: idempotent and order-independent (docs/design/team-sync.md).

`record` adds one event to the team state (keyed by event id, so a second copy changes
nothing); `project` writes the state of one case into the local tables (cases, notes, messages,
case_events). Every rule is a function of the set of recorded events:

- a field's value is its event with the highest (hlc, device, id): last writer wins;
- a field's heads are its events that no other event lists in `seen`; heads (not derived from
  mail) with different values of a conflict field are a conflict;
- a case's reference is its claim with the lowest (hlc, device, id); other claims are aliases;
- notes and phone/counter contacts are grow-only sets keyed by their uid.
"""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any

from inbox import clock
from inbox.teamsync.events import Event
from inbox.teamsync.hlc import Clock
from storage.db import Database
from storage.records import Records

if TYPE_CHECKING:
    from inbox.services import Loket

log = logging.getLogger("loket.teamsync")

# field -> column of cases
FIELDS = {
    "status": "status",
    "assignee": "assignee_id",
    "outcome": "outcome",
    "first_contact_resolution": "first_contact_resolution",
    "closed_at": "closed_at",
    "subject": "subject",
    "product": "product",
    "deadline": "deadline",
}
CONFLICT_FIELDS = frozenset({"assignee", "status"})

MESSAGE_FIELDS = (
    "channel",
    "direction",
    "sent_at",
    "sender",
    "sender_name",
    "recipients",
    "subject",
    "body_text",
    "message_id",
    "in_reply_to",
    "raw_sha256",
    "phone_number",
    "answer_given",
    "callback_by",
)


# -- settings and identities -------------------------------------------------------------


def setting(db: Database, key: str) -> str | None:
    value = db.scalar("SELECT value FROM team_settings WHERE key = ?", (key,))
    return None if value is None else str(value)


def set_setting(db: Database, key: str, value: str) -> None:
    db.conn.execute(
        "INSERT INTO team_settings(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def case_uid(db: Database, case_id: int) -> str | None:
    value = db.scalar("SELECT uid FROM team_cases WHERE case_id = ?", (case_id,))
    return None if value is None else str(value)


def case_id_for(db: Database, uid: str) -> int | None:
    value = db.scalar("SELECT case_id FROM team_cases WHERE uid = ?", (uid,))
    return None if value is None else int(value)


def map_case(db: Database, case_id: int, uid: str) -> None:
    db.conn.execute("INSERT OR IGNORE INTO team_cases(case_id, uid) VALUES (?, ?)", (case_id, uid))


# -- recording -----------------------------------------------------------------------------


def record(db: Database, event: Event, local: bool = False) -> bool:
    """Add `event` to the team state; False when it was already known."""
    cur = db.conn.execute(
        "INSERT OR IGNORE INTO team_events(id, case_uid, kind, hlc, device, author, body, local, "
        "uploaded, applied, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            event.id,
            event.case,
            event.kind,
            event.hlc,
            event.device,
            event.author,
            event.dumps(),
            int(local),
            0 if local else 1,
            1 if local else 0,
            clock.iso(clock.now()),
        ),
    )
    if cur.rowcount == 0:
        return False
    Clock(db).observe(event.hlc)
    data = event.data
    if event.kind == "case_opened" and event.case:
        db.conn.execute(
            "INSERT OR IGNORE INTO team_references(reference, case_uid, hlc, device, event_id) "
            "VALUES (?, ?, ?, ?, ?)",
            (str(data["reference"]), event.case, event.hlc, event.device, event.id),
        )
    elif event.kind == "field" and event.case:
        field = str(data["field"])
        db.conn.execute(
            "INSERT OR IGNORE INTO team_fields(case_uid, field, event_id, value, hlc, device, "
            "author, derived) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                event.case,
                field,
                event.id,
                json.dumps(data.get("value")),
                event.hlc,
                event.device,
                event.author,
                int(bool(data.get("derived"))),
            ),
        )
        db.conn.executemany(
            "INSERT OR IGNORE INTO team_field_seen(case_uid, field, seen_id) VALUES (?, ?, ?)",
            [(event.case, field, str(s)) for s in data.get("seen") or ()],
        )
        if field in CONFLICT_FIELDS:
            recompute_conflict(db, event.case, field)
    elif event.kind == "device_joined":
        db.conn.execute(
            "INSERT INTO team_devices(device, slot, name, hlc, event_id) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(device) DO UPDATE SET slot = excluded.slot, name = excluded.name, "
            "hlc = excluded.hlc, event_id = excluded.event_id "
            "WHERE excluded.hlc > team_devices.hlc",
            (event.device, int(data["slot"]), event.device_name, event.hlc, event.id),
        )
    return True


def heads(db: Database, uid: str, field: str) -> list[Any]:
    return db.query(
        "SELECT * FROM team_fields WHERE case_uid = ? AND field = ? AND event_id NOT IN "
        "(SELECT seen_id FROM team_field_seen WHERE case_uid = ? AND field = ?) "
        "ORDER BY hlc, device, event_id",
        (uid, field, uid, field),
    )


def recompute_conflict(db: Database, uid: str, field: str) -> None:
    live = [h for h in heads(db, uid, field) if not h["derived"]]
    if len({h["value"] for h in live}) > 1:
        db.conn.execute(
            "INSERT INTO team_conflicts(case_uid, field, heads) VALUES (?, ?, ?) "
            "ON CONFLICT(case_uid, field) DO UPDATE SET heads = excluded.heads",
            (
                uid,
                field,
                json.dumps(
                    [
                        {
                            "event": h["event_id"],
                            "value": json.loads(h["value"]),
                            "author": h["author"],
                            "device": h["device"],
                            "hlc": h["hlc"],
                        }
                        for h in live
                    ],
                    sort_keys=True,
                ),
            ),
        )
    else:
        db.conn.execute("DELETE FROM team_conflicts WHERE case_uid = ? AND field = ?", (uid, field))


def field_value(db: Database, uid: str, field: str) -> tuple[bool, Any]:
    """(known, value) of one field: the event with the highest (hlc, device, id)."""
    row = db.one(
        "SELECT value FROM team_fields WHERE case_uid = ? AND field = ? "
        "ORDER BY hlc DESC, device DESC, event_id DESC LIMIT 1",
        (uid, field),
    )
    return (False, None) if row is None else (True, json.loads(row["value"]))


def reference_for(db: Database, uid: str) -> str | None:
    value = db.scalar(
        "SELECT reference FROM team_references WHERE case_uid = ? "
        "ORDER BY hlc, device, event_id LIMIT 1",
        (uid,),
    )
    return None if value is None else str(value)


# -- projecting onto the local tables ------------------------------------------------------


def waiting_cases(db: Database) -> list[str]:
    return [
        str(r[0])
        for r in db.query(
            "SELECT DISTINCT case_uid FROM team_events WHERE applied = 0 AND case_uid IS NOT NULL"
        )
    ]


def project_waiting(loket: Loket) -> tuple[int, int]:
    """Project every case with unapplied events; (cases projected, cases still waiting)."""
    done = waiting = 0
    db = loket.db
    with db.transaction():
        db.conn.execute("UPDATE team_events SET applied = 1 WHERE applied = 0 AND case_uid IS NULL")
    for uid in waiting_cases(db):
        with db.transaction():
            if project(loket, uid):
                done += 1
            else:
                waiting += 1
    return done, waiting


def _ensure_user(db: Database, name: str, display_name: str) -> int:
    found = Records(db).user_id(name)
    if found is not None:
        return found
    return Records(db).insert_user(name, display_name or name, "medewerker", clock.iso(clock.now()))


def _contact(db: Database, info: dict[str, Any], stamp: str) -> int | None:
    addresses = [(str(k), str(v)) for k, v in info.get("addresses") or ()]
    for kind, value in addresses:
        found = Records(db).contact_by_address(kind, value)
        if found is not None:
            return found
    if not addresses and not info.get("name"):
        return None
    contact_id = Records(db).insert_contact(str(info.get("name") or ""), stamp)
    for kind, value in addresses:
        Records(db).add_address(contact_id, kind, value, stamp)
    return contact_id


def _bodies(db: Database, uid: str, kind: str) -> list[Event]:
    return [
        Event.loads(r["body"])
        for r in db.query(
            "SELECT body FROM team_events WHERE case_uid = ? AND kind = ? ORDER BY hlc, device, id",
            (uid, kind),
        )
    ]


def _local_case(loket: Loket, uid: str) -> int | None:
    """The local case for `uid`, creating (or finding, for mail) it when it is known."""
    from inbox.teamsync import outgoing

    db = loket.db
    found = case_id_for(db, uid)
    if found is not None:
        return found
    opened = _bodies(db, uid, "case_opened")
    if not opened:
        return None
    origin = next((str(e.data["origin"]) for e in opened if e.data.get("origin")), None)
    if origin:
        row = db.one("SELECT case_id FROM messages WHERE raw_sha256 = ?", (origin,))
        if row is None or row["case_id"] is None:
            return None  # the mail is not fetched here yet
        case_id = int(row["case_id"])
        other = case_uid(db, case_id)
        if other is not None and other != uid:
            log.warning("team case %s was filed into another local case here", uid)
            return None
        map_case(db, case_id, uid)
        return case_id
    first = opened[0].data
    stamp = str(first.get("opened_at") or opened[0].at)
    reference = reference_for(db, uid) or str(first["reference"])
    if Records(db).case_id_by_reference(reference) is not None:
        log.warning("reference %s of team case %s is taken here", reference, uid)
        return None
    from inbox import threading as threads

    subject = str(first.get("subject") or "(geen onderwerp)")
    case_id = Records(db).insert_case(
        {
            "reference": reference,
            "subject": subject,
            "normalized_subject": threads.normalize_subject(subject),
            "status": "nieuw",
            "channel": str(first.get("channel") or "phone"),
            "contact_id": _contact(db, dict(first.get("contact") or {}), stamp),
            "opened_at": stamp,
            "updated_at": stamp,
            "last_message_at": stamp,
        },
    )
    map_case(db, case_id, uid)
    outgoing.keep_counter_above(db, reference)
    return case_id


def project(loket: Loket, uid: str) -> bool:
    """Write the team state of case `uid` into the local tables; False while it must wait."""
    from inbox.archive import retention

    db = loket.db
    case_id = _local_case(loket, uid)
    if case_id is None:
        return False
    case = Records(db).case_row(case_id)
    assert case is not None
    # the reference: the lowest claim
    from inbox.teamsync import outgoing

    reference = reference_for(db, uid)
    if reference and reference != case["reference"]:
        if Records(db).case_id_by_reference(reference) is None:
            db.conn.execute("UPDATE cases SET reference = ? WHERE id = ?", (reference, case_id))
            outgoing.keep_counter_above(db, reference)
    # the fields: last writer wins
    changes: dict[str, Any] = {}
    for field, column in FIELDS.items():
        known, value = field_value(db, uid, field)
        if not known:
            continue
        if field == "assignee":
            value = None if not value else _ensure_user(db, str(value), _display(db, uid, value))
        elif field == "first_contact_resolution":
            value = None if value is None else int(bool(value))
        if case[column] != value:
            changes[column] = value
    if changes:
        changes["updated_at"] = clock.iso(loket.now())
        Records(db).update_case(case_id, changes)
        old, new = case["status"], changes.get("status", case["status"])
        if new == "afgerond" and old != "afgerond":
            retention.follow_team(
                loket,
                case_id,
                str(changes.get("closed_at") or case["closed_at"] or case["updated_at"]),
            )
        elif old == "afgerond" and new != "afgerond":
            retention.follow_team(loket, case_id, None)
    contact = Records(db).contact_name(case["contact_id"])
    for event in _bodies(db, uid, "note"):
        _project_note(db, case_id, event, contact)
    for event in _bodies(db, uid, "contact"):
        _project_contact(db, case_id, event, contact)
    _history(db, case_id, uid)
    db.conn.execute("UPDATE team_events SET applied = 1 WHERE case_uid = ? AND applied = 0", (uid,))
    return True


def _display(db: Database, uid: str, username: Any) -> str:
    row = db.one(
        "SELECT body FROM team_events WHERE case_uid = ? AND kind = 'field' "
        'AND body LIKE \'%"field": "assignee"%\' ORDER BY hlc DESC LIMIT 1',
        (uid,),
    )
    if row is not None:
        data = Event.loads(row["body"]).data
        if data.get("value") == username and data.get("name"):
            return str(data["name"])
    return str(username)


def _project_note(db: Database, case_id: int, event: Event, contact: str) -> None:
    note_uid = str(event.data["uid"])
    if db.scalar("SELECT 1 FROM team_notes WHERE uid = ?", (note_uid,)):
        return
    author = _ensure_user(db, event.author, event.author_name) if event.author else None
    note_id = Records(db).insert_note(
        case_id,
        author,
        str(event.data.get("created_at") or event.at),
        str(event.data["text"]),
        contact,
    )
    db.conn.execute("INSERT INTO team_notes(note_id, uid) VALUES (?, ?)", (note_id, note_uid))


def _project_contact(db: Database, case_id: int, event: Event, contact: str) -> None:
    message_uid = str(event.data["uid"])
    if db.scalar("SELECT 1 FROM team_messages WHERE uid = ?", (message_uid,)):
        return
    data = event.data
    sha = data.get("raw_sha256")
    existing = Records(db).message_exists(str(sha)) if sha else None
    if existing is None:
        values: dict[str, Any] = {k: data.get(k) for k in MESSAGE_FIELDS}
        values.update(
            case_id=case_id,
            contact_id=Records(db).case_row(case_id)["contact_id"],  # type: ignore[index]
            received_at=str(data.get("sent_at") or event.at),
            author_id=(
                _ensure_user(db, event.author, event.author_name)
                if data.get("direction") == "out" and event.author
                else None
            ),
        )
        existing = Records(db).insert_message(values, contact)
        case = Records(db).case_row(case_id)
        assert case is not None
        stamp = str(values["sent_at"])
        updates: dict[str, Any] = {}
        if stamp > case["last_message_at"]:
            updates["last_message_at"] = stamp
        if (data.get("answer_given") or data.get("direction") == "out") and (
            case["first_response_at"] is None or stamp < case["first_response_at"]
        ):
            updates["first_response_at"] = stamp
        if updates:
            Records(db).update_case(case_id, updates)
    db.conn.execute(
        "INSERT OR IGNORE INTO team_messages(message_id, uid) VALUES (?, ?)",
        (existing, message_uid),
    )


_HISTORY_KIND = {"status": "status_changed", "assignee": "assigned"}


def _history(db: Database, case_id: int, uid: str) -> None:
    """Remote events into case_events (uid = event id), so the timeline says who did what."""
    for row in db.query(
        "SELECT body FROM team_events WHERE case_uid = ? AND applied = 0 AND local = 0", (uid,)
    ):
        event = Event.loads(row["body"])
        kind = event.kind
        data: dict[str, Any] = {"team": True, "device_name": event.device_name}
        if kind == "field":
            field = str(event.data["field"])
            if field not in _HISTORY_KIND:
                continue
            kind = _HISTORY_KIND[field]
            data.update({"to": event.data.get("value")})
        elif kind == "note":
            kind = "note_added"
        elif kind == "contact":
            kind = "contact_logged"
            data.update({"channel": event.data.get("channel")})
        elif kind == "case_opened":
            data.update({"reference": event.data.get("reference")})
        else:
            continue
        db.conn.execute(
            "INSERT OR IGNORE INTO case_events(uid, case_id, at, actor, device, kind, data) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                event.id,
                case_id,
                event.at,
                event.author,
                event.device,
                kind,
                json.dumps(data, sort_keys=True),
            ),
        )


# -- reading -----------------------------------------------------------------------------------


def conflicts(db: Database) -> list[dict[str, Any]]:
    """Open conflicts, for the people involved: the authors and the people named."""
    out = []
    for row in db.query(
        "SELECT k.case_uid, k.field, k.heads, c.reference FROM team_conflicts k "
        "LEFT JOIN team_cases t ON t.uid = k.case_uid LEFT JOIN cases c ON c.id = t.case_id "
        "ORDER BY k.case_uid, k.field"
    ):
        heads_ = json.loads(row["heads"])
        people = sorted(
            {h["author"] for h in heads_}
            | (
                {str(h["value"]) for h in heads_ if h["value"]}
                if row["field"] == "assignee"
                else set()
            )
        )
        out.append(
            {
                "case": row["reference"],
                "case_uid": row["case_uid"],
                "field": row["field"],
                "values": [h["value"] for h in heads_],
                "heads": heads_,
                "people": people,
            }
        )
    return out


def snapshot(db: Database) -> dict[str, Any]:
    """The team-visible state of every team case: what all laptops must agree on."""
    out: dict[str, Any] = {}
    for row in db.query(
        "SELECT t.uid, c.*, u.name AS assignee FROM team_cases t JOIN cases c ON c.id = t.case_id "
        "LEFT JOIN users u ON u.id = c.assignee_id ORDER BY t.uid"
    ):
        notes = sorted(
            (r["uid"], r["text"], r["author"] or "")
            for r in db.query(
                "SELECT tn.uid, n.text, u.name AS author FROM notes n "
                "JOIN team_notes tn ON tn.note_id = n.id LEFT JOIN users u ON u.id = n.author_id "
                "WHERE n.case_id = ?",
                (row["id"],),
            )
        )
        messages = sorted(
            (r["raw_sha256"] or r["uid"] or f"local:{r['id']}", r["channel"], r["body_text"])
            for r in db.query(
                "SELECT m.id, m.raw_sha256, m.channel, m.body_text, tm.uid FROM messages m "
                "LEFT JOIN team_messages tm ON tm.message_id = m.id WHERE m.case_id = ?",
                (row["id"],),
            )
        )
        out[str(row["uid"])] = {
            "reference": row["reference"],
            "subject": row["subject"],
            "status": row["status"],
            "assignee": row["assignee"],
            "outcome": row["outcome"],
            "first_contact_resolution": row["first_contact_resolution"],
            "closed_at": row["closed_at"],
            "notes": notes,
            "messages": messages,
        }
    out["_conflicts"] = sorted(
        (c["case_uid"], c["field"], json.dumps(c["heads"], sort_keys=True)) for c in conflicts(db)
    )
    return out
