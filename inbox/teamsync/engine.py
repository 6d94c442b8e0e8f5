"""One team pass over a folder of events: read new batches, check and apply them, then upload
what is pending, signed with this laptop's device key and sealed with the team key.

The folder is anything with `select`, `fetch` and `append` (imapstore.ImapFolder for the
mailbox, MemoryFolder for tests). Every database step is an act of the gate (`team.sync`, or
`team.join` while a beheerder sets the laptop up), one short transaction per chunk, so the
screens can keep writing during a long catch-up. See docs/design/team-sync.md for why each
step is safe.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from inbox import acts, clock
from inbox.acts import Act
from inbox.errors import LoketError
from inbox.gate import SYSTEM_USER, Op, Session
from inbox.model import Changes
from inbox.teamsync import apply, erasure, keys, outgoing, trust
from inbox.teamsync.events import (
    MAX_BATCH,
    Event,
    Signer,
    UnreadableBatch,
    decode_batch,
    encode_batch,
    load_public,
)

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

    def delete(self, uids: list[int]) -> None:
        """Expunge these messages (batches whose events were sent again, after an erasure)."""
        ...


@dataclass
class PassReport:
    fetched_batches: int = 0
    new_events: int = 0
    duplicate_events: int = 0
    unreadable: int = 0  # batches kept aside in this pass (any reason)
    refused: dict[str, int] = field(default_factory=dict)  # ... by reason (events.REASONS)
    uploaded_events: int = 0
    uploaded_batches: int = 0
    projected_cases: int = 0
    waiting_cases: int = 0
    resynced: bool = False
    republished: int = 0
    dropped_claims: int = 0
    erased_here: int = 0  # residents a colleague erased, erased on this laptop in this pass
    expunged_batches: int = 0  # batches that held erased data, gone from the folder
    errors: list[str] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)

    def summary(self) -> dict[str, Any]:
        """For `team sync --json`: the counts (the changed ids stay in the program)."""
        out = {k: v for k, v in vars(self).items() if k != "changes"}
        out["refused"] = dict(self.refused)
        return out


def signer(session: Session) -> Signer:
    """This laptop as a sender: its device id, its key from the keyring, who is signed in."""
    t = outgoing.team(session.store)
    if t is None:
        raise LoketError("Deze laptop doet nog niet mee in een team (loket team setup).")
    key = keys.device_key(session.store)
    if key is None:
        raise LoketError(
            "De apparaatsleutel van deze laptop staat niet in de sleutelbos; "
            "laat de beheerder 'loket team setup' opnieuw uitvoeren."
        )
    return Signer(t.device, key, session.user or SYSTEM_USER)


def sync_pass(
    session: Session,
    folder: Folder,
    key: bytes,
    upload: bool = True,
    act: Act = acts.TEAM_SYNC,
) -> PassReport:
    session.check(act)
    report = PassReport()
    info = folder.select()
    with session.op(act) as op:
        cur = op.store.team.cursor(folder.name)
    full = (
        cur is None
        or cur["uidvalidity"] != info.uidvalidity
        or info.exists < int(cur["seen_messages"])
    )
    last_uid = 0 if full else int(cur["last_uid"])  # type: ignore[index]
    seen_messages = 0 if full else int(cur["seen_messages"])  # type: ignore[index]
    report.resynced = full and cur is not None
    present: set[str] = set()
    if full:
        with session.op(act) as op:
            op.store.team.forget_batches(folder.name)
    if full or not (info.uidnext and info.uidnext <= last_uid + 1):
        for chunk in folder.fetch(last_uid + 1):
            chunk = [(uid, raw) for uid, raw in chunk if uid > last_uid]
            if not chunk:
                continue
            with session.op(act) as op:
                for uid, raw in chunk:
                    ids = _read(op, folder.name, info.uidvalidity, uid, raw, key, report)
                    if full:
                        present.update(ids)
                last_uid = max(last_uid, chunk[-1][0])
                seen_messages += len(chunk)
                op.store.team.save_cursor(folder.name, info.uidvalidity, last_uid, seen_messages,
                                          op.stamp())
    with session.op(act) as op:
        op.store.team.save_cursor(folder.name, info.uidvalidity, last_uid, seen_messages,
                                  op.stamp())
        if full:
            report.republished = op.store.team.mark_missing(present)
    _retry_kept(session, act, key, report)
    report.projected_cases, report.waiting_cases, changes = apply.project_waiting(session, act)
    report.changes.merge(changes)
    erasure.carry_out(session, act, report)
    if upload:
        upload_pending(session, folder, key, report, act)
        erasure.compact_folder(session, folder, info, key, report, act)
    return report


def _open(store: Any, raw: bytes, key: bytes) -> Any:
    batch = decode_batch(raw, key)
    trust.check(store, batch)
    return batch


def _read(
    op: Op,
    folder: str,
    uidvalidity: int,
    uid: int,
    raw: bytes,
    key: bytes,
    report: PassReport,
) -> list[str]:
    try:
        batch = _open(op.store, raw, key)
    except UnreadableBatch as exc:
        _refused(report, exc)
        op.store.team.keep_aside(folder, uidvalidity, uid, raw, exc.reason, str(exc), exc.device,
                                 op.stamp())
        return []
    report.fetched_batches += 1
    ids = _record(op, batch, report)
    op.store.team.record_batch(folder, uidvalidity, uid, ids)
    return ids


def _refused(report: PassReport, exc: UnreadableBatch) -> None:
    report.unreadable += 1
    report.refused[exc.reason] = report.refused.get(exc.reason, 0) + 1
    log.warning("team batch kept aside: %s", exc.reason)


def _record(op: Op, batch: Any, report: PassReport) -> list[str]:
    ids = []
    for event in batch.events:
        if apply.record(op.store, event):
            report.new_events += 1
        else:
            report.duplicate_events += 1
        ids.append(event.id)
    if batch.audit_head is not None:
        op.store.team.save_audit_head(batch.device, batch.user, batch.audit_head, batch.id,
                                      batch.at, op.stamp())
    # our own events read back: they are on the server (no UIDPLUS needed for that)
    op.store.team.mark_uploaded(ids)
    return ids


def _retry_kept(session: Session, act: Act, key: bytes, report: PassReport) -> None:
    """Batches kept aside get another chance: the right key, or a laptop's announcement, may
    have come since. Still refused: kept, with the newest reason."""
    with session.op(act) as op:
        kept = op.store.team.kept_batches()
    for row in kept:
        with session.op(act) as op:
            try:
                batch = _open(op.store, bytes(row["raw"]), key)
            except UnreadableBatch as exc:
                if exc.reason != row["reason"]:
                    op.store.team.keep_aside(row["folder"], row["uidvalidity"], row["uid"],
                                             bytes(row["raw"]), exc.reason, str(exc), exc.device,
                                             op.stamp())
                continue
            _record(op, batch, report)
            op.store.team.forget_kept(row["folder"], row["uidvalidity"], row["uid"])


def _drop_superseded_claims(op: Op, report: PassReport) -> None:
    """A mail case announced here that another laptop announced already: keep theirs only.

    Ours was never uploaded, so no other laptop knows it; dropping it keeps the sets equal.
    """
    for row in op.store.team.superseded_claims():
        op.store.team.drop_event(row["id"])
        apply.project(op, str(row["case_uid"]))
        report.dropped_claims += 1


def upload_pending(
    session: Session, folder: Folder, key: bytes, report: PassReport, act: Act = acts.TEAM_SYNC
) -> None:
    sender = signer(session)
    t = outgoing.team(session.store)
    assert t is not None
    with session.op(act) as op:
        outgoing.announce_user(session, t, sender.user)
        _drop_superseded_claims(op, report)
        report.changes.merge(op.changes)
    while True:
        with session.op(act) as op:
            events = _to_send(op, sender)
            head = op.store.tamper.head()
        if not events:
            return
        # which events the batch holds is learnt when it is read back, next pass
        folder.append(encode_batch(events, key, sender, at=clock.iso(session.now()),
                                   audit_head=head))
        with session.op(act) as op:
            op.store.team.mark_uploaded([e.id for e in events])
        report.uploaded_events += len(events)
        report.uploaded_batches += 1


def _to_send(op: Op, sender: Signer) -> list[Event]:
    """The next batch of pending events, this laptop's own signed now (again, when erasure
    changed one since). A colleague's event whose signature no longer holds (from before
    signing, or changed by erasure here) cannot be vouched for and is not sent again."""
    out: list[Event] = []
    own = sender.key.public_key()
    while not out:
        rows = op.store.team.pending_upload(MAX_BATCH)
        if not rows:
            return []
        skipped = []
        for row in rows:
            event = Event.loads(row["body"])
            if event.device == sender.device:
                if not event.sig or not event.verifies(own):
                    event = event.signed_by(sender.key)
                    op.store.team.set_body(event.id, event.dumps())
            elif not _still_signed(op, event):
                skipped.append(event.id)
                continue
            out.append(event)
        op.store.team.mark_uploaded(skipped)
    return out


def _still_signed(op: Op, event: Event) -> bool:
    text = op.store.team.device_public_key(event.device)
    public = load_public(text) if text else None
    return bool(event.sig) and public is not None and event.verifies(public)


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

    def delete(self, uids: list[int]) -> None:
        gone = set(uids)
        self.messages = [(u, r) for u, r in self.messages if u not in gone]

    def empty(self) -> None:
        self.messages.clear()

    def recreate(self) -> None:
        self.messages.clear()
        self.uidvalidity += 1
        self.uidnext = 1
