"""Presence: short-lived events ("Anne is dit antwoord aan het schrijven") in Loket/Presence.

Not history and not case state: each announcement expires (TTL), is signed and sealed like
every batch (a forged "Anne is writing" is dropped), is read with the same UID cursor as the
events, and a laptop deletes its own expired announcements from the server.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from inbox import acts, clock
from inbox.errors import InvalidInput
from inbox.gate import Session
from inbox.teamsync import engine, outgoing, trust
from inbox.teamsync.events import (
    PRESENCE_SUBJECT,
    Event,
    UnreadableBatch,
    decode_batch,
    encode_batch,
    new_id,
)
from inbox.teamsync.hlc import Clock

TTL = timedelta(minutes=2)
ACTIVITIES = {
    "replying": "is dit antwoord aan het schrijven",
    "viewing": "bekijkt deze zaak",
    "calling": "belt met de inwoner",
}


def announce(session: Session, folder: Any, reference: str, activity: str, key: bytes) -> str:
    """Tell the team what this user does with a case now; returns the presence id."""
    if activity not in ACTIVITIES:
        raise InvalidInput(f"Onbekende activiteit '{activity}'; kies uit "
                           + ", ".join(sorted(ACTIVITIES)) + ".")
    sender = engine.signer(session)
    with session.op(acts.TEAM_PRESENCE, case=reference) as op:
        t = outgoing.team(op.store)
        uid = op.store.team.case_uid(op.case_id)
        if t is None or uid is None:
            raise InvalidInput(f"Zaak {reference} is (nog) niet met het team gedeeld.")
        outgoing.announce_user(session, t, sender.user)
        hlc = Clock(op.store.team).tick()
        author_name = op.store.team.display_name(sender.user)
    expires = clock.iso(session.now() + TTL)
    event = Event(
        id=new_id(),
        kind="presence",
        case=str(uid),
        author=sender.user,
        author_name=author_name,
        device=t.device,
        device_name=t.device_name,
        hlc=hlc,
        at=clock.iso(session.now()),
        data={"activity": activity, "expires_at": expires},
    )
    raw = encode_batch([event], key, sender, at=event.at, subject=PRESENCE_SUBJECT)
    own_uid = folder.append(raw)
    with session.op(acts.TEAM_PRESENCE, case=reference) as op:
        op.store.team.add_presence(event, own_uid)
    return event.id


def fetch(session: Session, folder: Any, key: bytes) -> int:
    """Read new presence messages; forget expired ones, deleting our own from the server."""
    act = acts.TEAM_SYNC
    info = folder.select()
    with session.op(act) as op:
        cur = op.store.team.cursor(folder.name)
        t = outgoing.team(op.store)
    last = 0 if cur is None or cur["uidvalidity"] != info.uidvalidity else int(cur["last_uid"])
    now = clock.iso(session.now())
    count = 0
    for chunk in folder.fetch(last + 1):
        with session.op(act) as op:
            for uid, raw in chunk:
                last = max(last, uid)
                try:
                    batch = decode_batch(raw, key)
                    trust.check(op.store, batch)
                except UnreadableBatch:
                    continue  # presence is best effort: a forged or unreadable one is dropped
                for event in batch.events:
                    if event.kind != "presence" or str(event.data.get("expires_at")) <= now:
                        continue
                    mine = t is not None and event.device == t.device
                    op.store.team.add_presence(event, uid if mine else None)
                    count += 1
    with session.op(act) as op:
        op.store.team.save_cursor(folder.name, info.uidvalidity, last, None, now)
        expired_own = op.store.team.expire_presence(now, t.device if t else "")
    if expired_own and hasattr(folder, "delete"):
        folder.delete(expired_own)
    return count


def current(session: Session, reference: str) -> list[dict[str, Any]]:
    """Other people's live presence on a case, with the sentence the UI shows."""
    with session.op(acts.TEAM_PRESENCE_READ, case=reference) as op:
        t = outgoing.team(op.store)
        rows = op.store.team.presence_of(op.case_id, clock.iso(session.now()), session.user,
                                         t.device if t else "")
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
