"""Erasure of a resident's data (AVG art. 17), everywhere the personal-data map says it lives.

`erase` is the archivaris' act: it first weighs the retention duties (a case still open, on
legal hold, to be kept permanently or within its retention period keeps everything, and the
refusal gives every reason), then erases. Erasing pseudonymises: names, addresses, subjects,
texts, Message-IDs and the like become placeholders or go, original files, attachments and
queued replies are deleted, team events and history keep what was done but not what was
written, and every row the figures count stays, so statistics do not change.

`erase_contact(op, contact_id)` is the erasure itself, inside any write act, with no retention
check: team sync replays an erasure made on a colleague's laptop with it (it gets the
`personal_data_erased` event with the cases' team ids). After the act committed, `settle`
removes the files no row names any more and compacts the database, so nothing of the old rows
stays in the file, the index or the WAL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from inbox import acts
from inbox.errors import LoketError
from inbox.model import EventKind

if TYPE_CHECKING:
    from inbox.gate import Op, Session

PLACEHOLDER_NAME = "Inwoner (verwijderd)"
PLACEHOLDER_SUBJECT = "[verwijderd]"
PLACEHOLDER_TEXT = "[Verwijderd op verzoek van de inwoner (AVG art. 17).]"


class ErasureRefused(LoketError):
    """Erasure is not allowed now; `reasons` says why, per case."""

    def __init__(self, reasons: list[str]) -> None:
        self.reasons = reasons
        super().__init__(
            "Verwijderen kan nu niet, want er geldt een bewaarplicht: " + " ".join(reasons)
        )


def _words() -> dict[str, str]:
    """What the personal-data map's blanks become (keys: storage's Blank codes)."""
    return {"name": PLACEHOLDER_NAME, "subject": PLACEHOLDER_SUBJECT, "text": PLACEHOLDER_TEXT}


def blockers(op: Op, contact_id: int) -> list[str]:
    """Every reason why the resident's data must be kept now (an empty list when none)."""
    from inbox.privacy.subject import _today

    privacy = op.store.privacy
    today = _today(op.session).isoformat()
    reasons = []
    cases = sorted(privacy.cases_of(privacy.members(contact_id)), key=lambda c: c["reference"])
    for c in cases:
        ref = c["reference"]
        if c["legal_hold"]:
            reasons.append(f"Op zaak {ref} rust een bewaarplicht (legal hold).")
        if c["status"] != "afgerond":
            reasons.append(f"Zaak {ref} is nog niet afgerond.")
        if c["waardering"] == "B":
            reasons.append(f"Zaak {ref} wordt blijvend bewaard (waardering B, Archiefwet).")
        elif c["destroy_date"] and c["destroy_date"] > today:
            reasons.append(
                f"Zaak {ref} moet volgens de selectielijst bewaard worden tot {c['destroy_date']}."
            )
    return reasons


@dataclass(frozen=True)
class Erasure:
    """What `erase_contact` did; `digests` are the files to remove once it committed."""

    contact_id: int
    cases: int
    messages: int
    notes: int
    addresses: int
    rows: dict[str, int] = field(default_factory=dict)  # rows blanked or deleted per table
    digests: frozenset[str] = frozenset()


def erase_contact(op: Op, contact_id: int, team_event: str | None = None) -> Erasure:
    """Erase the resident `contact_id` (and contacts merged with them) everywhere, inside the
    write act `op`. No retention check: the caller decided (`erase`, or a team replay, which
    names the colleague's erasure event in `team_event`; an erasure made here becomes a team
    event of its own, so every laptop erases too)."""
    where = op.store.erasure
    scope = where.scope(contact_id)
    addresses = len(op.store.privacy.addresses(list(scope.contacts)))
    digests = frozenset(where.blobs(scope))
    rows = where.erase(scope, _words())
    op.about(scope.contact_id)
    data: dict[str, object] = {"contact": scope.contact_id, "case_uids": list(scope.case_uids)}
    if team_event:
        data["team_event"] = team_event
    op.event(EventKind.PERSONAL_DATA_ERASED, data)
    op.changes.cases.update(scope.cases)
    op.changed("contacts", "avg_requests")
    return Erasure(
        contact_id=scope.contact_id,
        cases=len(scope.cases),
        messages=len(scope.messages),
        notes=len(scope.notes),
        addresses=addresses,
        rows=rows,
        digests=digests,
    )


@dataclass(frozen=True)
class ErasureOutcome:
    contact_id: int
    cases: int
    messages: int
    notes: int
    addresses: int
    blobs_removed: int


def settle(loket: Session, erasure: Erasure) -> int:
    """After the erasure committed: delete the files no row names any more and compact the
    database (index merged, VACUUM, WAL truncated). Returns how many files were deleted."""
    with loket.op(acts.AVG_ERASE_COMPACT, obj=f"inwoner:{erasure.contact_id}") as op:
        removed = 0
        for digest in op.store.erasure.unused(erasure.digests):
            op.store.blobs.delete(digest)
            removed += 1
        op.store.erasure.compact()
    return removed


def erase(loket: Session, address: str, request_id: int | None = None) -> ErasureOutcome:
    """Pseudonymise everything about the resident, or refuse (ErasureRefused) with reasons."""
    from inbox.privacy.subject import close_request, find_resident

    with loket.op(acts.AVG_ERASE_REVIEW) as op:
        contact_id = find_resident(op, address)
        op.about(contact_id)
        op.obj = f"inwoner:{contact_id}"
        reasons = blockers(op, contact_id)
        op.details = {"uitkomst": "geweigerd" if reasons else "toegestaan"}
    if reasons:
        if request_id is not None:
            close_request(loket, request_id, "geweigerd", " ".join(reasons))
        raise ErasureRefused(reasons)
    with loket.op(acts.AVG_ERASE, obj=f"inwoner:{contact_id}", about=contact_id) as op:
        done = erase_contact(op, contact_id)
        if request_id is not None:
            close_request(loket, request_id, "afgehandeld", "Gegevens gepseudonimiseerd.")
    removed = settle(loket, done)
    return ErasureOutcome(
        contact_id=done.contact_id,
        cases=done.cases,
        messages=done.messages,
        notes=done.notes,
        addresses=done.addresses,
        blobs_removed=removed,
    )
