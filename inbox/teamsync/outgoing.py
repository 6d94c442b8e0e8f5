"""Local changes become team events: `on_event` is called by the gate's one event writer
(`Session._write_event`) for every case event.

Runs inside the act's transaction, so a change and its team event commit together (and a crash
loses neither alone). Does nothing until this installation joined a team (`team setup`). Events
are signed when they are uploaded (engine.upload_pending), so working on cases never needs the
keyring.
"""

from __future__ import annotations

import logging
import platform
import re
import uuid
import weakref
from dataclasses import dataclass, field
from typing import Any

from inbox import clock
from inbox.gate import SYSTEM_USER, Session
from inbox.model import EventKind
from inbox.teamsync import apply, fields, kb, templates
from inbox.teamsync.events import Event, new_id
from inbox.teamsync.hlc import Clock, at_most_now

log = logging.getLogger("loket.teamsync")

_REFERENCE = re.compile(r"^LK-(\d{4})-(\d{6})$")

# local events that put messages or notes into another case: (what the team calls it)
PLACING = {
    EventKind.MERGED_FROM.value: "merge",
    EventKind.SPLIT_FROM.value: "split",
    EventKind.MESSAGE_MOVED_IN.value: "move",
}


@dataclass(frozen=True)
class Team:
    device: str
    device_name: str
    slot: int
    public_key: str


def team(store: Any) -> Team | None:
    """This installation's place in the team, or None when it is not in one."""
    rows = store.team.settings("device", "device_name", "slot", "public_key")
    if "device" not in rows or "slot" not in rows:
        return None
    return Team(
        str(rows["device"]), str(rows.get("device_name", "")), int(rows["slot"]),
        str(rows.get("public_key", "")),
    )


@dataclass
class _Known:
    team: Team | None
    announced: set[str] = field(default_factory=set)  # people this laptop announced already


_KNOWN: weakref.WeakKeyDictionary[Session, _Known] = weakref.WeakKeyDictionary()


_HELD_KEY = "teamsync.known"


def _known(session: Session) -> _Known:
    found = _KNOWN.get(session)
    if found is not None and found.team is not None:
        return found
    held = session.held()  # not in a team: asked once per transaction, not at every event
    known = held.get(_HELD_KEY)
    if isinstance(known, _Known):
        return known
    found = _Known(team(session.store))
    if found.team is not None:
        _KNOWN[session] = found
    held[_HELD_KEY] = found
    return found


def current_team(session: Session) -> Team | None:
    """This installation's place in the team as `session` knows it (cached), or None."""
    return _known(session).team


def forget(session: Session) -> None:
    _KNOWN.pop(session, None)
    session.held().pop(_HELD_KEY, None)


def device_name() -> str:
    return platform.node() or "laptop"


def emit(
    session: Session,
    t: Team,
    kind: str,
    case: str | None,
    data: dict[str, Any],
    hlc: str | None = None,
) -> Event:
    """Record a team event made here, by the acting person (signed when uploaded)."""
    store = session.store
    user = session.user or SYSTEM_USER
    if kind != "device_joined":
        announce_user(session, t, user)
    event = Event(
        id=new_id(),
        kind=kind,
        case=case,
        author=user,
        author_name=store.team.display_name(user),
        device=t.device,
        device_name=t.device_name,
        hlc=hlc or Clock(store.team).tick(),
        at=clock.iso(session.now()),
        data=data,
    )
    apply.record(store, event, local=True)
    return event


def announce_user(session: Session, t: Team, user: str) -> None:
    """A signed statement "`user` works on this laptop": colleagues' laptops accept this
    laptop's events by `user` only after it. The system identity needs none."""
    known = _known(session)
    if user == SYSTEM_USER or user in known.announced:
        return
    if not session.store.team.device_has_user(t.device, user):
        emit(session, t, "device_joined",
             None, {"slot": t.slot, "public_key": t.public_key, "user": user})
    known.announced.add(user)


def emit_field(
    session: Session,
    t: Team,
    uid: str,
    name: str,
    value: Any,
    derived_from: str | None = None,
    extra: dict[str, Any] | None = None,
) -> Event:
    """A field edit; `seen` lists the heads this laptop has, so it supersedes them."""
    data: dict[str, Any] = {"field": name, "value": value, **(extra or {})}
    hlc = None
    if derived_from:
        # an automatic change caused by a mail: dated by the mail, never a conflicting edit
        data["derived"] = True
        data["seen"] = []
        hlc = at_most_now(int(clock.parse(derived_from).timestamp() * 1000))
    else:
        data["seen"] = [h["event_id"] for h in session.store.team.heads(uid, name)]
    return emit(session, t, "field", uid, data, hlc)


# -- the hook ------------------------------------------------------------------------------


def on_event(session: Session, case_id: int | None, kind: str, data: dict[str, Any]) -> None:
    """Called by the gate's event writer before the case event is stored; may adjust `data`."""
    if kind == kb.SAVED:
        kb.on_event(session, data)  # a kennisbank article: no case
        return
    if kind == templates.SAVED:
        templates.on_event(session, data)  # a standaardantwoord: no case
        return
    if kind == EventKind.PERSONAL_DATA_ERASED.value:
        _erased(session, data)
        return
    if case_id is None:
        return
    t = _known(session).team
    if t is None:
        return
    store = session.store
    if kind == EventKind.CASE_OPENED.value:
        reference = _team_reference(store, t, str(data.get("reference", "")))
        if reference != data.get("reference"):
            store.team.set_case_reference(case_id, reference)
            data["reference"] = reference
        keep_counter_above(store, reference)
        return  # announced with its first message, which tells a mail case from a local one
    if kind == EventKind.MESSAGE_ADDED.value:
        msg = store.team.message(data.get("message"))
        uid = ensure_case(session, t, case_id, msg)
        if msg is not None and msg["imap_uid"] is None:
            _emit_contact(session, t, uid, msg)
        return
    if kind in PLACING:
        _place(session, t, case_id, PLACING[kind], data)
        return
    if kind == EventKind.NOTE_ADDED.value:
        note = store.team.note(data.get("note"))
        if note is not None:
            _emit_note(session, t, ensure_case(session, t, case_id, None), note)
        return
    if not fields.sources(kind):
        return  # this kind of event stays on this laptop
    case = store.records.case_row(case_id)
    assert case is not None  # the act wrote its event about this case
    edits = fields.edits(kind, data, case)
    uid = ensure_case(session, t, case_id, None)
    derived = None
    if data.get("reason") == "message" and store.team.newest_message_from_mailbox(case_id):
        # every laptop derives this change from the same mail: dated by the mail. A phone or
        # counter note (or an import) reaches the others only through this laptop's events,
        # so the change it causes is an ordinary edit that supersedes what this laptop saw.
        derived = str(store.team.last_message_at(case_id) or case["last_message_at"])
    for name, value in edits:
        carry = {k: data[k] for k in fields.FIELDS[name].carry if data.get(k) is not None}
        emit_field(session, t, uid, name, value, derived, carry)


def _erased(session: Session, data: dict[str, Any]) -> None:
    """A resident erased here: every laptop erases the same cases (their team uids only: the
    event names nobody), and the mailbox folder is compacted once they all did."""
    t = _known(session).team
    uids = [str(u) for u in data.get("case_uids") or ()]
    if t is None or not uids or data.get("team_event"):
        return  # not in a team, nothing the team knows, or replaying a colleague's erasure
    event = emit(session, t, "erased", None, {"cases": uids})
    session.store.team.erased_here(event.id)


def ensure_case(
    session: Session, t: Team, case_id: int, msg: Any, mail_origin: bool = True
) -> str:
    """The case's team uid; announcing the case (claiming its reference) the first time.

    A case opened by a mail gets a uid every laptop derives from that mail (`mail_origin`);
    a case opened here (phone, counter, a split) a random one.
    """
    store = session.store
    found = store.team.case_uid(case_id)
    if found is not None:
        return str(found)
    case = store.records.case_row(case_id)
    assert case is not None
    if msg is None and mail_origin:
        msg = store.team.first_message(case_id)
    origin = None
    if mail_origin and msg is not None and msg["raw_sha256"] and msg["imap_uid"] is not None:
        origin = str(msg["raw_sha256"])
        uid = "m-" + origin[:32]
    else:
        uid = str(uuid.uuid4())
    other = store.team.case_id_for(uid)
    if other is not None and other != case_id:
        uid = str(uuid.uuid4())  # that mail opened another case here already
        origin = None
    store.team.map_case(case_id, uid)
    emit(
        session,
        t,
        "case_opened",
        uid,
        {
            "reference": case["reference"],
            "subject": case["subject"],
            "channel": case["channel"],
            "opened_at": case["opened_at"],
            "contact": store.team.contact_card(case["contact_id"]),
            "origin": origin,
        },
    )
    return uid


def _emit_contact(session: Session, t: Team, uid: str, msg: Any) -> str:
    message_uid = str(uuid.uuid4())
    session.store.team.map_message(msg["id"], message_uid)
    data = {k: msg[k] for k in apply.MESSAGE_FIELDS}
    data["uid"] = message_uid
    emit(session, t, "contact", uid, data)
    return message_uid


def _emit_note(session: Session, t: Team, uid: str, note: Any) -> str:
    note_uid = str(uuid.uuid4())
    session.store.team.map_note(note["id"], note_uid)
    emit(session, t, "note", uid,
         {"uid": note_uid, "text": note["text"], "created_at": note["created_at"]})
    return note_uid


def _place(session: Session, t: Team, case_id: int, why: str, data: dict[str, Any]) -> None:
    """Messages and notes moved into this case (merge, split, move) go there on every laptop."""
    store = session.store
    uid = ensure_case(session, t, case_id, None, mail_origin=why != "split")
    source = store.records.case_id_by_reference(str(data.get("case") or data.get("from") or ""))
    message_ids = list(data.get("messages") or ())
    if data.get("message") is not None:
        message_ids.append(data["message"])
    items = []
    for message_id in message_ids:
        item = store.team.message_item(int(message_id))
        if item is None:  # a message no colleague knows yet: send it along first
            msg = store.team.message(int(message_id))
            item = f"msg:{_emit_contact(session, t, uid, msg)}" if msg is not None else None
        if item is not None:
            items.append(item)
    for note_id in data.get("notes") or ():
        item = store.team.note_item(int(note_id))
        if item is not None:
            items.append(item)
    if not items:
        return
    emit(session, t, "place", uid, {
        "items": items,
        "why": why,
        "from": None if source is None else ensure_case(session, t, int(source), None),
    })


def keep_counter_above(store: Any, reference: str) -> None:
    """Keep the local (provisional) reference counter above every team reference, so that
    `records.next_reference` never hands out a number a team case already has."""
    match = _REFERENCE.match(reference)
    if match:
        store.team.keep_counter_above(int(match.group(1)), int(match.group(2)))


def _team_reference(store: Any, t: Team, local: str) -> str:
    """counter × 100 + slot: two laptops can never hand out the same reference."""
    match = _REFERENCE.match(local)
    year = int(match.group(1)) if match else clock.now().year
    while True:
        n = store.team.next_team_counter(year)
        if n > 9999:
            raise OverflowError("no team references left for this laptop this year")
        reference = f"LK-{year}-{n * 100 + t.slot:06d}"
        if reference == local or store.records.case_id_by_reference(reference) is None:
            return reference


def publish_existing(session: Session) -> int:
    """Announce the cases this laptop had before it joined, with their fields and notes."""
    t = _known(session).team
    if t is None:
        return 0
    store = session.store
    count = 0
    for case in store.team.cases_outside_team():
        case_id = int(case["id"])
        uid = ensure_case(session, t, case_id, None)
        for name in fields.FIELDS:
            value = fields.published(name, case)
            if value is not None:
                emit_field(session, t, uid, name, value)
        for note in store.team.notes_of(case_id):
            _emit_note(session, t, uid, note)
        for msg in store.team.local_messages_of(case_id):
            _emit_contact(session, t, uid, msg)
        count += 1
    return count
