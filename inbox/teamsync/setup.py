"""Joining a team (a beheerder's act): the team key, this laptop's device id and key, its
reference slot, and its signed announcement to the team."""

from __future__ import annotations

import uuid
from typing import Any

from inbox import acts
from inbox.errors import InvalidInput, LoketError
from inbox.gate import Session
from inbox.teamsync import engine, keys, outgoing
from inbox.teamsync.events import public_text

MAX_SLOT = 99
KEY_REQUIRED = (
    "Een teamsleutel is verplicht: maak er een met --new-key, of geef die van een collega "
    "met --key-stdin."
)


def prepare(session: Session, key_text: str | None, device_name: str | None = None) -> bytes:
    """The beheerder's act (audited): the team key, this laptop's device id and device key.

    The key is the one given (kept in the keyring), else the one the keyring has from an
    earlier setup; without one there is no team, since batches would be readable and writable
    by anybody with access to the mailbox. A laptop whose device key was lost joins as a new
    device (colleagues would refuse its new signatures under the old id)."""
    with session.op(acts.TEAM_SETUP, obj="team") as op:
        team = op.store.team
        before = keys.team_key(op.store)
        key = keys.store_team_key(op.store, key_text) if key_text and key_text.strip() else before
        if key is None:
            raise InvalidInput(KEY_REQUIRED)
        if before is not None and key != before and team.setting("device"):
            # what this laptop sent under the old key no colleague can open: send it again
            team.requeue(str(team.setting("device")))
        device = team.setting("device") or team.installation_id()
        private = keys.device_key(op.store)
        if private is None:
            if team.setting("public_key"):
                device = str(uuid.uuid4())
            private = keys.new_device_key(op.store)
        team.set_setting("device", device)
        team.set_setting("public_key", public_text(private))
        team.set_setting("device_name", device_name or team.setting("device_name")
                         or outgoing.device_name())
        op.changed("settings")
    outgoing.forget(session)
    return key


def _claim(session: Session, slot: int | None, account: str | None = None) -> int:
    """Claim `slot` (or keep this laptop's, or take the lowest free one) and announce it."""
    with session.op(acts.TEAM_JOIN) as op:
        team = op.store.team
        if account is not None:
            team.set_setting("account", account)
        device = str(team.setting("device"))
        mine = team.device_slot(device) if slot is None else slot
        if mine is None:
            taken = set(team.taken_slots(device))
            free = [s for s in range(1, MAX_SLOT + 1) if s not in taken]
            if not free:
                raise LoketError("Het team is vol: alle 99 plaatsen zijn bezet.")
            mine = free[0]
        team.set_setting("slot", str(int(mine)))
        outgoing.forget(session)
        t = outgoing.team(op.store)
        assert t is not None
        if team.device_public_key(device) != t.public_key or team.device_slot(device) != mine:
            outgoing.emit(session, t, "device_joined", None,
                          {"slot": int(mine), "public_key": t.public_key, "user": session.user})
        # people who worked here before signing existed, and this laptop's older unsigned
        # events: announced and sent again, signed
        for user in team.local_authors(device):
            outgoing.announce_user(session, t, user)
        team.requeue(device, unsigned_only=True)
    return int(mine)


def join_memory(
    session: Session, slot: int, key_text: str | None, device_name: str | None = None
) -> bytes:
    """Join with a given slot, without reading a mailbox (tests and benchmarks)."""
    key = prepare(session, key_text, device_name)
    _claim(session, slot)
    return key


def join(
    session: Session,
    folder: engine.Folder,
    key: bytes,
    account: str | None = None,
    publish_existing: bool = True,
) -> int:
    """After `prepare`: read the team log, claim the lowest free slot (or keep this laptop's),
    announce this laptop, publish the cases it had; returns the slot."""
    engine.sync_pass(session, folder, key, upload=False, act=acts.TEAM_JOIN)
    slot = _claim(session, None, account)
    if publish_existing:
        with session.op(acts.TEAM_JOIN) as _op:
            outgoing.publish_existing(session)
    engine.sync_pass(session, folder, key, act=acts.TEAM_JOIN)
    return slot


def describe(session: Session) -> dict[str, Any]:
    """What `team setup` reports: the account, this laptop's slot and key fingerprint."""
    from inbox.teamsync.events import fingerprint

    t = outgoing.team(session.store)
    return {
        "account": session.store.team.setting("account"),
        "slot": None if t is None else t.slot,
        "device": None if t is None else t.device,
        "fingerprint": None if t is None or not t.public_key else fingerprint(t.public_key),
        "encrypted": True,
    }
