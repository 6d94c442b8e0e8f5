"""What the team looks like from this laptop: its place, the team's laptops with their keys and
people (for the beheerder), batches kept aside, open conflicts, and the audit heads colleagues'
laptops sent (for the check of this laptop's audit trail)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from inbox import acts
from inbox.gate import Op, Session
from inbox.teamsync import apply, outgoing
from inbox.teamsync.events import REASONS, fingerprint


@dataclass(frozen=True)
class AuditHead:
    """The newest audit-chain head one laptop sent with its batches."""

    device: str
    device_name: str
    user: str  # who was signed in there when it was sent
    seq: int  # the audit row's sequence number (its id)
    hash: str  # that row's chain hash
    sent_at: str
    received_at: str
    own: bool  # this laptop's own head, read back from the mailbox


def known_audit_heads(session: Session, op: Op | None = None) -> list[AuditHead]:
    """The newest audit head seen from every laptop of the team (this one's included, as the
    mailbox holds it): a local trail whose newest row is older than this laptop's own head, or
    whose row `seq` has another hash, was cut or rewritten.

    Inside another act (the audit check of `audit --verify` or at start), pass its `op`; on its
    own this is the beheerder's `team.status`."""
    if op is None:
        with session.op(acts.TEAM_STATUS) as own:
            return known_audit_heads(session, own)
    t = outgoing.team(op.store)
    return [
        AuditHead(
            device=str(r["device"]),
            device_name=str(r["device_name"] or ""),
            user=str(r["user"]),
            seq=int(r["seq"]),
            hash=str(r["hash"]),
            sent_at=str(r["sent_at"]),
            received_at=str(r["received_at"]),
            own=t is not None and r["device"] == t.device,
        )
        for r in op.store.team.audit_heads()
    ]


def own_audit_heads(store: Any) -> list[tuple[int, str]]:
    """This laptop's own audit head as the mailbox holds it, for the comparison of the audit
    trail (`tamper.problem(session, heads)`): a copy the keyring cannot lose with the laptop."""
    heads: list[tuple[int, str]] = store.tamper.own_team_heads()
    return heads


def devices(session: Session) -> list[dict[str, Any]]:
    """The team's laptops: slot, name, key fingerprint, the people each announced, and the
    newest audit head it sent. For the beheerder to compare with the laptops themselves."""
    with session.op(acts.TEAM_STATUS) as op:
        t = outgoing.team(op.store)
        rows = op.store.team.devices()
        people = op.store.team.device_users()
        heads = {r["device"]: r for r in op.store.team.audit_heads()}
    out = []
    for r in rows:
        head = heads.get(r["device"])
        key = r["public_key"]
        out.append({
            "device": r["device"],
            "name": r["name"],
            "slot": r["slot"],
            "this_laptop": t is not None and r["device"] == t.device,
            "public_key": key,
            "fingerprint": fingerprint(key) if key else None,
            "signed": bool(key),
            "users": [
                {"user": u["user"], "since": u["hlc"]} for u in people if u["device"] == r["device"]
            ],
            "audit_head": None if head is None else {
                "seq": head["seq"], "hash": head["hash"], "sent_at": head["sent_at"]},
        })
    return out


def status(session: Session) -> dict[str, Any]:
    """This laptop in the team: account, slot, counts, refused batches, folders, devices."""
    found = devices(session)
    with session.op(acts.TEAM_STATUS) as op:
        team = op.store.team
        t = outgoing.team(op.store)
        counts = team.counts()
        kept = team.kept_summary()
        folders = team.cursors()
        account = team.setting("account")
    return {
        "account": account,
        "device": t.device if t else None,
        "device_name": t.device_name if t else None,
        "slot": t.slot if t else None,
        "fingerprint": fingerprint(t.public_key) if t and t.public_key else None,
        "members": [{"slot": d["slot"], "name": d["name"]} for d in found],
        "devices": found,
        **counts,
        "unreadable": sum(k["batches"] for k in kept),
        "refused": [
            {**k, "text": REASONS.get(str(k["reason"]), str(k["reason"]))} for k in kept
        ],
        "folders": folders,
    }


def conflicts(session: Session) -> list[dict[str, Any]]:
    """Open conflicts on the cases this person may see in the case list."""
    with session.op(acts.TEAM_CONFLICTS) as op:
        return apply.conflicts(op.store, session.visibility())
