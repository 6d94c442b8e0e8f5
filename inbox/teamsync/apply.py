"""Applying team events: idempotent and order-independent (docs/design/team-sync.md).

`record` adds one event to the team state (keyed by event id, so a second copy changes
nothing); `project` writes the state of one case into the local tables (cases, notes, messages,
case history); `carry_out_placements` puts merged, split and moved items where they belong.
Every rule is a function of the set of recorded events:

- a field's value is its event with the highest (hlc, device, id): last writer wins (fields.py);
- a field's heads are its events that no other event lists in `seen`; heads (not derived from
  mail) with different values of a conflict field are a conflict;
- a case's reference is its claim with the lowest (hlc, device, id); other claims are aliases;
- notes and phone/counter contacts are grow-only sets keyed by their uid;
- the case of a message or note is its placement with the highest (hlc, device, id), else
  where it was filed.

Applying never creates users: a colleague unknown here is shown by name in the history and
leaves the assignee empty.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from inbox import acts, clock
from inbox.acts import Act
from inbox.gate import Op, Session
from inbox.model import EventKind
from inbox.teamsync import kb, templates
from inbox.teamsync.events import Event
from inbox.teamsync.fields import CONFLICT_FIELDS, FIELDS
from inbox.teamsync.hlc import Clock

log = logging.getLogger("loket.teamsync")

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
    "internal",
)

# how a placement shows in the history of the case it went to, and of the one it left
_PLACED = {
    "merge": (EventKind.MERGED_FROM, EventKind.MERGED_INTO),
    "split": (EventKind.SPLIT_FROM, EventKind.SPLIT_INTO),
    "move": (EventKind.MESSAGE_MOVED_IN, EventKind.MESSAGE_MOVED_OUT),
}


# -- recording -----------------------------------------------------------------------------


def record(store: Any, event: Event, local: bool = False) -> bool:
    """Add `event` to the team state; False when it was already known."""
    team = store.team
    if not team.insert_event(event, local, clock.iso(clock.now())):
        return False
    Clock(team).observe(event.hlc)
    data = event.data
    if event.kind == "case_opened" and event.case:
        team.add_reference(str(data["reference"]), event.case, event.hlc, event.device, event.id)
    elif event.kind == "field" and event.case:
        name = str(data["field"])
        team.add_field(event, name, json.dumps(data.get("value")), bool(data.get("derived")),
                       [str(s) for s in data.get("seen") or ()])
        if name in CONFLICT_FIELDS:
            recompute_conflict(store, event.case, name)
    elif event.kind == "device_joined":
        team.add_device(event.device, int(data["slot"]), event.device_name, event.hlc, event.id,
                        data.get("public_key"))
        if data.get("user"):
            team.add_device_user(event.device, str(data["user"]), event.hlc, event.id)
    elif event.kind == "erased":
        team.add_erased([str(u) for u in data.get("cases") or ()], event.id)
    elif event.kind == "place" and event.case:
        team.add_placements([str(i) for i in data.get("items") or ()], event.id, event.case,
                            event.hlc, event.device)
    return True


def recompute_conflict(store: Any, uid: str, name: str) -> None:
    live = [h for h in store.team.heads(uid, name) if not h["derived"]]
    if len({h["value"] for h in live}) > 1:
        store.team.set_conflict(uid, name, [
            {
                "event": h["event_id"],
                "value": json.loads(h["value"]),
                "author": h["author"],
                "device": h["device"],
                "hlc": h["hlc"],
            }
            for h in live
        ])
    else:
        store.team.set_conflict(uid, name, None)


def field_value(store: Any, uid: str, name: str) -> tuple[bool, Any]:
    """(known, value) of one field: the event with the highest (hlc, device, id)."""
    row = store.team.newest_field(uid, name)
    return (False, None) if row is None else (True, json.loads(row["value"]))


# -- projecting onto the local tables ------------------------------------------------------


def project_waiting(session: Session, act: Act = acts.TEAM_SYNC) -> tuple[int, int, Any]:
    """Project every case with unapplied events, then carry out placements;
    (cases projected, cases still waiting, what changed)."""
    done = waiting = 0
    kb.apply_waiting(session)  # kennisbank articles (no case; found by their own table)
    templates.apply_waiting(session)  # standaardantwoorden (no case; before they are marked)
    with session.op(act) as op:
        op.store.team.mark_caseless_applied()
        uids = op.store.team.waiting_cases()
    changes = op.changes
    for uid in uids:
        with session.op(act) as op:
            if project(op, uid):
                done += 1
            else:
                waiting += 1
        changes.merge(op.changes)
    with session.op(act) as op:
        carry_out_placements(op)
    changes.merge(op.changes)
    return done, waiting, changes


def _contact(store: Any, info: dict[str, Any], stamp: str) -> int | None:
    """The resident of a case opened on another laptop: found by address, else added."""
    records = store.records
    addresses = [(str(k), str(v)) for k, v in info.get("addresses") or ()]
    for kind, value in addresses:
        found = records.contact_by_address(kind, value)
        if found is not None:
            return int(found)
    if not addresses and not info.get("name"):
        return None
    contact_id = int(records.insert_contact(str(info.get("name") or ""), stamp))
    for kind, value in addresses:
        records.add_address(contact_id, kind, value, stamp)
    return contact_id


def _bodies(store: Any, uid: str, kind: str) -> list[Event]:
    return [Event.loads(body) for body in store.team.bodies(uid, kind)]


def _local_case(op: Op, uid: str) -> int | None:
    """The local case for `uid`, creating (or finding, for mail) it when it is known."""
    from inbox import threading as threads
    from inbox.teamsync import outgoing

    store = op.store
    found = store.team.case_id_for(uid)
    if found is not None:
        return int(found)
    opened = _bodies(store, uid, "case_opened")
    if not opened:
        return None
    origin = next((str(e.data["origin"]) for e in opened if e.data.get("origin")), None)
    if origin:
        case_id = store.team.case_of_mail(origin)
        if case_id is None:
            return None  # the mail is not fetched here yet
        other = store.team.case_uid(case_id)
        if other is not None and other != uid:
            log.warning("team case %s was filed into another local case here", uid)
            return None
        store.team.map_case(case_id, uid)
        return int(case_id)
    first = opened[0].data
    stamp = str(first.get("opened_at") or opened[0].at)
    reference = store.team.reference_for(uid) or str(first["reference"])
    if store.records.case_id_by_reference(reference) is not None:
        log.warning("reference %s of team case %s is taken here", reference, uid)
        return None
    subject = str(first.get("subject") or "(geen onderwerp)")
    case_id = int(store.records.insert_case({
        "reference": reference,
        "subject": subject,
        "normalized_subject": threads.normalize_subject(subject),
        "status": "nieuw",
        "channel": str(first.get("channel") or "phone"),
        "contact_id": _contact(store, dict(first.get("contact") or {}), stamp),
        "opened_at": stamp,
        "updated_at": stamp,
        "last_message_at": stamp,
    }))
    store.team.map_case(case_id, uid)
    outgoing.keep_counter_above(store, reference)
    op.changes.created_case = True
    return case_id


def project(op: Op, uid: str) -> bool:
    """Write the team state of case `uid` into the local tables; False while it must wait."""
    from inbox.archive import retention
    from inbox.teamsync import outgoing

    store = op.store
    case_id = _local_case(op, uid)
    if case_id is None:
        return False
    case = store.records.case_row(case_id)
    assert case is not None
    # the reference: the lowest claim
    reference = store.team.reference_for(uid)
    if reference and reference != case["reference"]:
        if store.records.case_id_by_reference(reference) is None:
            store.team.set_case_reference(case_id, reference)
            outgoing.keep_counter_above(store, reference)
    # the fields: last writer wins
    changes: dict[str, Any] = {}
    for name, spec in FIELDS.items():
        known, value = field_value(store, uid, name)
        if not known:
            continue
        value = spec.to_column(store, value)
        if case[spec.column] != value:
            changes[spec.column] = value
    if changes:
        changes["updated_at"] = op.stamp()
        store.records.update_case(case_id, changes)
        old, new = case["status"], changes.get("status", case["status"])
        if new == "afgerond" and old != "afgerond":
            closed = str(changes.get("closed_at") or case["closed_at"] or case["updated_at"])
            retention.fix_at_close(op, case_id, closed)
        elif old == "afgerond" and new != "afgerond":
            retention.clear_at_reopen(op, case_id)
    contact = store.records.contact_name(case["contact_id"])
    for event in _bodies(store, uid, "note"):
        _project_note(store, case_id, event, contact)
    for event in _bodies(store, uid, "contact"):
        _project_contact(store, case_id, event, contact)
    _history(store, case_id, uid)
    from inbox import deadlines  # "antwoord uiterlijk" follows a colleague's deadline

    deadlines.refresh(op, case_id)
    store.team.mark_applied(uid)
    op.changes.cases.add(case_id)
    return True


def _project_note(store: Any, case_id: int, event: Event, contact: str) -> None:
    note_uid = str(event.data["uid"])
    if store.team.note_by_uid(note_uid) is not None:
        return
    note_id = store.records.insert_note(
        case_id,
        store.team.user_id(event.author) if event.author else None,
        str(event.data.get("created_at") or event.at),
        str(event.data["text"]),
        contact,
    )
    store.team.map_note(note_id, note_uid)


def _project_contact(store: Any, case_id: int, event: Event, contact: str) -> None:
    message_uid = str(event.data["uid"])
    if store.team.message_by_uid(message_uid) is not None:
        return
    data = event.data
    sha = data.get("raw_sha256")
    existing = store.records.message_exists(str(sha)) if sha else None
    if existing is None:
        case = store.records.case_row(case_id)
        values: dict[str, Any] = {k: data.get(k) for k in MESSAGE_FIELDS}
        values.update(
            case_id=case_id,
            contact_id=case["contact_id"],
            received_at=str(data.get("sent_at") or event.at),
            author_id=(
                store.team.user_id(event.author)
                if data.get("direction") == "out" and event.author
                else None
            ),
        )
        existing = store.records.insert_message(values, contact)
        stamp = str(values["sent_at"])
        updates: dict[str, Any] = {}
        if stamp > case["last_message_at"]:
            updates["last_message_at"] = stamp
        if (data.get("answer_given") or data.get("direction") == "out") and (
            case["first_response_at"] is None or stamp < case["first_response_at"]
        ):
            updates["first_response_at"] = stamp
        if updates:
            store.records.update_case(case_id, updates)
    store.team.map_message(int(existing), message_uid)


def _history(store: Any, case_id: int, uid: str) -> None:
    """Remote events into the case history (uid = event id), so the timeline says who did
    what on which laptop; a replica of their history, not a new act of this laptop's user."""
    for body in store.team.unapplied_remote_bodies(uid):
        event = Event.loads(body)
        kind: EventKind | None = None
        data: dict[str, Any] = {"team": True, "device_name": event.device_name}
        if event.kind == "field":
            spec = FIELDS.get(str(event.data.get("field")))
            kind = None if spec is None else spec.history
            data[spec.key if spec else "to"] = event.data.get("value")
            data.update({k: event.data[k] for k in (spec.carry if spec else ()) if
                         k in event.data})
        elif event.kind == "note":
            kind = EventKind.NOTE_ADDED
        elif event.kind == "contact":
            kind = EventKind.CONTACT_LOGGED
            data["channel"] = event.data.get("channel")
        elif event.kind == "case_opened":
            kind = EventKind.CASE_OPENED
            data["reference"] = event.data.get("reference")
        elif event.kind == "place":
            _placed_history(store, case_id, event, data)
        if kind is not None:
            store.team.insert_history(event.id, case_id, event.at, event.author, event.device,
                                      kind.value, data)


def _placed_history(store: Any, case_id: int, event: Event, data: dict[str, Any]) -> None:
    into, out_of = _PLACED.get(str(event.data.get("why")), _PLACED["move"])
    source_uid = event.data.get("from")
    source = store.team.case_id_for(str(source_uid)) if source_uid else None
    count = len(event.data.get("items") or ())
    here = store.records.case_reference(case_id)
    there = store.records.case_reference(source) if source is not None else None
    store.team.insert_history(event.id, case_id, event.at, event.author, event.device,
                              into.value, {**data, "case": there, "items": count})
    if source is not None:
        store.team.insert_history(f"{event.id}/from", source, event.at, event.author,
                                  event.device, out_of.value, {**data, "case": here,
                                                              "items": count})


def carry_out_placements(op: Op) -> int:
    """Put every item whose newest placement is not carried out here yet into its case;
    items or cases this laptop does not have yet stay pending. Returns how many moved."""
    store = op.store
    moved = 0
    for item in store.team.pending_items():
        target_uid = store.team.placement_of(item)
        target = None if target_uid is None else store.team.case_id_for(target_uid)
        found = store.team.find_item(item)
        if target is None or found is None:
            continue
        kind, item_id, current = found
        if current != target:
            store.team.move_item(kind, item_id, int(target))
            for case_id in (current, target):
                if case_id is not None:
                    store.team.touch_case(int(case_id), op.stamp())
                    op.changes.cases.add(int(case_id))
            if kind == "message":
                op.changes.messages.add(item_id)
            moved += 1
        store.team.placement_done(item)
    return moved


# -- reading -----------------------------------------------------------------------------------


def conflicts(store: Any, visible_to: int | None = None) -> list[dict[str, Any]]:
    """Open conflicts, for the people involved: the authors and the people named. With
    `visible_to`, a vertrouwelijk case shows only to its assignee (as in the case list)."""
    out = []
    for row in store.team.conflicts(visible_to):
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


def snapshot(store: Any) -> dict[str, Any]:
    """The team-visible state of every team case: what all laptops must agree on."""
    out: dict[str, Any] = {}
    for row in store.team.team_case_rows():
        case_id = int(row["id"])
        notes = sorted((r["uid"], r["text"], r["author"] or "")
                       for r in store.team.team_notes_of(case_id))
        messages = sorted(
            (r["raw_sha256"] or r["uid"] or f"local:{r['id']}", r["channel"], r["body_text"])
            for r in store.team.messages_with_uids(case_id)
        )
        out[str(row["uid"])] = {
            "reference": row["reference"],
            "subject": row["subject"],
            "status": row["status"],
            "assignee": row["assignee"],
            "outcome": row["outcome"],
            "first_contact_resolution": row["first_contact_resolution"],
            "closed_at": row["closed_at"],
            "product": row["product"],
            "deadline": row["deadline"],
            "confidential": row["confidential"],
            "department": row["department"],
            "forward_due": row["forward_due"],
            "reported_back_at": row["reported_back_at"],
            "callback_due": row["callback_due"],
            "callback_outcome": row["callback_outcome"],
            "repeat_contact_at": row["repeat_contact_at"],
            "notes": notes,
            "messages": messages,
        }
    out["_conflicts"] = sorted(
        (c["case_uid"], c["field"], json.dumps(c["heads"], sort_keys=True))
        for c in conflicts(store)
    )
    return out
