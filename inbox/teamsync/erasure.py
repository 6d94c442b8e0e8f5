"""An erasure (AVG art. 17) made on one laptop reaches every laptop and the team mailbox.

1. The erasing laptop sends an `erased` event naming the cases' team uids (nobody's data).
2. Every laptop erases the residents of those cases it has (`erase_contact`, act team.erase),
   also of a case that arrives later (a mail fetched afterwards), removes the files no row names
   any more and compacts its database; then it says so with an `erasure_applied` event.
3. Once every laptop of the team said so, or after `GRACE` (a laptop that is gone never will),
   the erasing laptop (after `GRACE` any laptop) compacts the mailbox folder: the other events
   of every batch that held one of those cases' events are sent again in a new batch, then the
   old batches are expunged. What stays in the folder about those cases is scrubbed, as the
   laptops' own copies are (a laptop republishing its own events after a full read sends them
   as they are now).
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import TYPE_CHECKING

from inbox import acts, clock
from inbox.acts import Act
from inbox.gate import Session
from inbox.teamsync import outgoing
from inbox.teamsync.events import Event

if TYPE_CHECKING:
    from inbox.teamsync.engine import Folder, FolderInfo, PassReport

log = logging.getLogger("loket.teamsync")

GRACE = timedelta(days=30)  # then batches go even if a laptop never answered
COMPACTED = "erasure-compacted/"  # team_settings key prefix: this erasure's batches are gone


def carry_out(session: Session, act: Act, report: PassReport) -> None:
    """Erase here what colleagues erased, and say so (acknowledgements go out this pass)."""
    from inbox.privacy import erasure

    with session.op(act) as op:
        due = op.store.team.erasures_due()
        unacknowledged = op.store.team.unacknowledged_erasures()
    done_contacts: set[int] = set()
    for row in due:
        uid, contact = str(row["case_uid"]), row["contact_id"]
        digests: frozenset[str] = frozenset()
        with session.op(acts.TEAM_ERASE, obj=f"teamzaak:{uid}") as op:
            if contact is not None and int(contact) not in done_contacts:
                root = op.store.privacy.root(int(contact))
                if root not in done_contacts:
                    done = erasure.erase_contact(op, root, team_event=str(row["event_id"]))
                    done_contacts.add(root)
                    digests = done.digests
            op.store.team.mark_erased(uid)
        report.changes.merge(op.changes)
        if digests or row is due[-1]:
            _settle(session, digests)  # after the commit: files, index and free pages
    t = outgoing.current_team(session)
    if t is None:
        return
    for event_id in unacknowledged:
        with session.op(act) as op:
            outgoing.emit(session, t, "erasure_applied", None, {"erasure": event_id})
    if done_contacts:
        report.erased_here = len(done_contacts)


def _settle(session: Session, digests: frozenset[str]) -> None:
    """After the erasure committed: its files go and the database is compacted."""
    with session.op(acts.TEAM_ERASE_COMPACT, obj="opslag") as op:
        for digest in op.store.erasure.unused(digests):
            op.store.blobs.delete(digest)
        op.store.erasure.compact()


def compact_folder(
    session: Session, folder: Folder, info: FolderInfo, key: bytes, report: PassReport,
    act: Act,
) -> None:
    """Expunge the batches that held erased cases' events, once every laptop erased them."""
    from inbox.teamsync.engine import upload_pending

    t = outgoing.current_team(session)
    if t is None:
        return
    now = session.now()
    with session.op(act) as op:
        team = op.store.team
        devices = {str(d["device"]) for d in team.devices()}
        todo = []
        for row in team.erasures():
            if team.setting(COMPACTED + str(row["id"])):
                continue
            event = Event.loads(row["body"])
            late = now - clock.parse(event.at) >= GRACE
            everyone = devices <= team.erasure_acks(event.id) | {event.device}
            if (everyone and event.device == t.device) or late:
                todo.append(event)
    for event in todo:
        cases = [str(u) for u in event.data.get("cases") or ()]
        with session.op(act) as op:
            uids = op.store.team.batches_holding(folder.name, info.uidvalidity, cases)
            if uids:
                op.store.team.resend_others(folder.name, info.uidvalidity, uids, cases)
        if uids:
            upload_pending(session, folder, key, report, act)  # first the others, safely out
            folder.delete(uids)
        with session.op(act) as op:
            op.store.team.drop_batches(folder.name, info.uidvalidity, uids)
            op.store.team.set_setting(COMPACTED + event.id, op.stamp())
        report.expunged_batches += len(uids)
        log.info("team folder compacted after an erasure: %d batches expunged", len(uids))
