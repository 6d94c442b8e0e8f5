"""Destruction lists: proposed, reviewed by a second person, approved by the archivaris, then
carried out without a trace, with a verklaring van vernietiging that is kept.

States: voorgesteld -> beoordeeld -> goedgekeurd -> uitgevoerd; afgewezen ends a list early.
Carrying out removes, for every case still due: messages, attachments, notes, the case's events
(one anonymous 'destroyed' event per reference stays), outbox and IMAP work, search-index rows,
the case itself and the contacts (with their addresses) that are left without cases or
messages; then the blobs nobody else uses. What the figures over the past need stays as
anonymous counts per week, channel and status (destroyed_counts). Afterwards the search index
is rebuilt, the file VACUUMed and the WAL checkpointed and truncated (secure_delete is on), so
no byte of the destroyed content remains in the database files.
"""

from __future__ import annotations

import logging
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

from inbox import acts
from inbox.archive import retention, selectielijst, verklaring
from inbox.errors import InvalidInput, NotFound, PermissionDenied
from inbox.exports import export_file
from inbox.gate import Op, Session
from inbox.model import EventKind, Status

log = logging.getLogger("loket.archive.destruction")

OPEN_STATES = ("voorgesteld", "beoordeeld", "goedgekeurd")
FOUR_EYES = (
    "De beoordeling moet door een tweede persoon gebeuren, niet door wie de lijst voorstelde."
)
STATE_LABELS = {
    "voorgesteld": "Voorgesteld",
    "beoordeeld": "Beoordeeld",
    "goedgekeurd": "Goedgekeurd",
    "uitgevoerd": "Uitgevoerd",
    "afgewezen": "Afgewezen",
}


@dataclass(frozen=True)
class ListSummary:
    id: int
    state: str
    due_on: str
    cases: int  # on the list now (not taken off by the reviewer)
    proposed_by: str
    proposed_at: str
    reviewed_by: str | None
    reviewed_at: str | None
    review_note: str | None
    approved_by: str | None
    approved_at: str | None
    rejected_by: str | None
    reject_reason: str | None
    carried_out_by: str | None
    carried_out_at: str | None


@dataclass(frozen=True)
class Item:
    reference: str
    product: str | None
    result_code: str
    result_name: str
    waardering: str
    bewaartermijn: str
    opened_on: str
    closed_on: str
    destroy_date: str
    state: str
    note: str | None


@dataclass(frozen=True)
class Outcome:
    list_id: int
    destroyed: int
    skipped: int
    contacts_removed: int
    blobs_removed: int
    pdf_sha256: str
    csv_sha256: str
    wal_clean: bool  # False when another connection kept the WAL from being truncated


# -- reading ---------------------------------------------------------------------------------


def _summary(row: Any) -> ListSummary:
    return ListSummary(
        id=int(row["id"]),
        state=row["state"],
        due_on=row["due_on"],
        cases=int(row["cases"]),
        proposed_by=row["proposed_by"],
        proposed_at=row["proposed_at"],
        reviewed_by=row["reviewed_by"],
        reviewed_at=row["reviewed_at"],
        review_note=row["review_note"],
        approved_by=row["approved_by"],
        approved_at=row["approved_at"],
        rejected_by=row["rejected_by"],
        reject_reason=row["reject_reason"],
        carried_out_by=row["carried_out_by"],
        carried_out_at=row["carried_out_at"],
    )


def _item(r: Any) -> Item:
    return Item(
        reference=r["reference"],
        product=r["product"],
        result_code=r["result_code"],
        result_name=r["result_name"],
        waardering=r["waardering"],
        bewaartermijn=r["bewaartermijn"],
        opened_on=r["opened_on"],
        closed_on=r["closed_on"],
        destroy_date=r["destroy_date"],
        state=r["state"],
        note=r["note"],
    )


def lists(loket: Session) -> list[ListSummary]:
    """Every destruction list, newest first (metadata only: the reviewer sees them too)."""
    with loket.op(acts.DESTRUCTION_LISTS) as op:
        return [_summary(r) for r in op.store.archive.lists()]


def _row(op: Op, list_id: int, *states: str) -> Any:
    """The list's row; with `states`, refused unless it is in one of them."""
    row = op.store.archive.list_row(list_id)
    if row is None:
        raise NotFound(f"Vernietigingslijst {list_id} bestaat niet.")
    if states and row["state"] not in states:
        label = STATE_LABELS.get(row["state"], row["state"]).lower()
        raise InvalidInput(f"Vernietigingslijst {list_id} is {label}; dat kan nu niet.")
    return row


def get(loket: Session, list_id: int) -> ListSummary:
    with loket.op(acts.DESTRUCTION_LISTS, obj=f"vernietigingslijst:{list_id}") as op:
        return _summary(_row(op, list_id))


def items(loket: Session, list_id: int) -> list[Item]:
    """The cases of a list by reference, product and result: no subject, name or text."""
    with loket.op(acts.DESTRUCTION_LISTS, obj=f"vernietigingslijst:{list_id}") as op:
        _row(op, list_id)
        return [_item(r) for r in op.store.archive.items(list_id)]


# -- the steps -------------------------------------------------------------------------------


def _step(loket: Session, act: acts.Act, list_id: int) -> AbstractContextManager[Op]:
    """`act` on one destruction list."""
    return loket.op(act, obj=f"vernietigingslijst:{list_id}")


def propose(loket: Session, on: date | None = None) -> ListSummary:
    """A new list of every case that is due on `on` (default today) and on no open list."""
    with loket.op(acts.DESTRUCTION_PROPOSE, obj="vernietigingslijst") as op:
        day = on or retention.today(loket)
        due = [d for d in retention.due_in(op, day) if d.on_list is None]
        if not due:
            raise InvalidInput("Er zijn geen zaken waarvan de bewaartermijn is verstreken.")
        archive = op.store.archive
        list_id = archive.insert_list(day.isoformat(), op.user, op.stamp())
        op.obj = f"vernietigingslijst:{list_id}"
        archive.insert_items(
            list_id,
            [
                {
                    "reference": d.reference,
                    "product": d.product,
                    "result_code": d.result_code,
                    "result_name": selectielijst.result(op, d.result_code).title,
                    "waardering": d.waardering,
                    "bewaartermijn": d.bewaartermijn,
                    "opened_on": d.opened_on,
                    "closed_on": d.closed_on,
                    "destroy_date": d.destroy_date,
                }
                for d in due
            ],
        )
        op.event(EventKind.DESTRUCTION_PROPOSED, {"list": list_id, "cases": len(due)})
        op.changed("destruction")
        return _summary(_row(op, list_id))


def review(
    loket: Session, list_id: int, remove: list[str] | None = None, note: str = ""
) -> ListSummary:
    """The second person's check: take cases off the list (with a note) and pass it on. Never
    by the one who proposed it (the four-eyes rule)."""
    with _step(loket, acts.DESTRUCTION_REVIEW, list_id) as op:
        row = _row(op, list_id, "voorgesteld")
        if row["proposed_by"] == op.user:
            raise PermissionDenied(FOUR_EYES)
        removed = sorted({r.strip().upper() for r in remove or [] if r.strip()})
        why = note.strip() or "Door de beoordelaar van de lijst gehaald."
        for ref in removed:
            if not op.store.archive.take_off(list_id, ref, why):
                raise NotFound(f"Zaak {ref} staat niet op vernietigingslijst {list_id}.")
        op.store.archive.set_list_state(
            list_id, "beoordeeld", op.user, op.stamp(), note.strip() or None
        )
        op.event(
            EventKind.DESTRUCTION_REVIEWED,
            {"list": list_id, "removed": removed, "note": bool(note.strip())},
        )
        op.changed("destruction")
        return _summary(_row(op, list_id))


def approve(loket: Session, list_id: int) -> ListSummary:
    """The archivaris' approval of a reviewed list; not by the reviewer."""
    with _step(loket, acts.DESTRUCTION_APPROVE, list_id) as op:
        if _row(op, list_id)["state"] == "voorgesteld":
            raise InvalidInput(
                f"Vernietigingslijst {list_id} is nog niet beoordeeld door een tweede persoon."
            )
        row = _row(op, list_id, "beoordeeld")
        if row["reviewed_by"] == op.user:
            raise PermissionDenied(
                "Wie de lijst beoordeelde, kan haar niet ook goedkeuren; "
                "dat doet een andere archivaris."
            )
        op.store.archive.set_list_state(list_id, "goedgekeurd", op.user, op.stamp())
        op.event(EventKind.DESTRUCTION_APPROVED, {"list": list_id})
        op.changed("destruction")
        return _summary(_row(op, list_id))


def reject(loket: Session, list_id: int, reason: str) -> ListSummary:
    if not reason.strip():
        raise InvalidInput("Geef een reden waarom de lijst wordt afgewezen.")
    with _step(loket, acts.DESTRUCTION_REJECT, list_id) as op:
        _row(op, list_id, *OPEN_STATES)
        op.store.archive.set_list_state(list_id, "afgewezen", op.user, op.stamp(), reason.strip())
        op.event(EventKind.DESTRUCTION_REJECTED, {"list": list_id})
        op.changed("destruction")
        return _summary(_row(op, list_id))


def carry_out(loket: Session, list_id: int) -> Outcome:
    """Destroy the cases of an approved list, write and keep the verklaring, leave no trace."""
    with _step(loket, acts.DESTRUCTION_CARRY_OUT, list_id) as op:
        row = _row(op, list_id)
        if row["state"] != "goedgekeurd":
            raise PermissionDenied(
                f"Vernietigingslijst {list_id} is niet goedgekeurd door de archivaris; "
                "er wordt niets vernietigd."
            )
        archive = op.store.archive
        today = retention.today(loket).isoformat()
        case_ids: list[int] = []
        skipped = 0
        for ref in archive.references(list_id, "voorgesteld"):
            case = archive.case_by_reference(ref)
            reason = _why_not(case, today)
            if reason:
                skipped += 1
                archive.skip_item(list_id, ref, reason)
                continue
            assert case is not None
            case_ids.append(int(case["id"]))
        archive.keep_counts(case_ids)
        digests = archive.blobs_of(case_ids)
        contacts, file_digests = archive.remove_cases(case_ids)
        digests |= file_digests
        contacts_removed = archive.remove_orphan_contacts(contacts)
        for reference in archive.mark_destroyed(list_id):
            op.event(EventKind.DESTROYED, {"reference": reference, "list": list_id})
        archive.set_list_state(list_id, "uitgevoerd", op.user, op.stamp())
        header, lines = _verklaring_data(op, list_id)
        pdf_sha = op.store.blobs.put(verklaring.to_pdf(header, lines))
        csv_sha = op.store.blobs.put(verklaring.to_csv(header, lines))
        archive.insert_certificate(list_id, op.stamp(), pdf_sha, csv_sha, len(case_ids))
        op.event(
            EventKind.DESTRUCTION_CARRIED_OUT,
            {"list": list_id, "destroyed": len(case_ids), "skipped": skipped},
        )
        op.changes.cases.update(case_ids)  # gone: screens drop them
        op.changed("destruction")
    # after the commit, outside any transaction: blobs nobody names any more, and no trace of
    # the deleted rows in the index, the file and its WAL
    with _step(loket, acts.DESTRUCTION_SCRUB, list_id) as op:
        blobs_removed = op.store.archive.remove_unused_blobs(op.store.blobs, digests)
        clean = op.store.archive.scrub()
    log.info("destruction list %d: %d cases destroyed", list_id, len(case_ids))
    return Outcome(
        list_id=list_id,
        destroyed=len(case_ids),
        skipped=skipped,
        contacts_removed=contacts_removed,
        blobs_removed=blobs_removed,
        pdf_sha256=pdf_sha,
        csv_sha256=csv_sha,
        wal_clean=clean,
    )


def _why_not(case: Any, today: str) -> str:
    """Why a case on an approved list must not be destroyed now ('' when it may)."""
    if case is None:
        return "De zaak bestaat niet meer."
    if case["legal_hold"]:
        return "Op de zaak rust een bewaarplicht (legal hold)."
    if case["status"] != Status.AFGEROND.value:
        return "De zaak is heropend."
    if case["waardering"] != "V" or not case["destroy_date"] or case["destroy_date"] > today:
        return "De bewaartermijn van de zaak is (nog) niet verstreken."
    return ""


# -- the verklaring --------------------------------------------------------------------------


def _display(op: Op, user: str | None) -> str:
    if not user:
        return ""
    return op.store.archive.display_name(user) or user


def _verklaring_data(op: Op, list_id: int) -> tuple[verklaring.Header, list[verklaring.Line]]:
    row = _row(op, list_id)
    org = retention.organisation_in(op)
    header = verklaring.Header(
        organisation=org.name if org else "Gemeente",
        organisation_id=org.identifier if org else "",
        list_id=list_id,
        proposed=(_display(op, row["proposed_by"]), row["proposed_at"] or ""),
        reviewed=(_display(op, row["reviewed_by"]), row["reviewed_at"] or ""),
        approved=(_display(op, row["approved_by"]), row["approved_at"] or ""),
        carried_out=(_display(op, row["carried_out_by"]), row["carried_out_at"] or ""),
        review_note=row["review_note"] or "",
    )
    lines = [
        verklaring.Line(**(asdict(i) | {"product": i.product or "", "note": i.note or ""}))
        for i in map(_item, op.store.archive.items(list_id, order="state DESC, reference"))
    ]
    return header, lines


def _certificate(op: Op, list_id: int) -> tuple[bytes, bytes]:
    row = op.store.archive.certificate(list_id)
    if row is None:
        raise NotFound(f"Vernietigingslijst {list_id} heeft (nog) geen verklaring.")
    return op.store.blobs.get(row["pdf_sha256"]), op.store.blobs.get(row["csv_sha256"])


def certificate(loket: Session, list_id: int) -> tuple[bytes, bytes]:
    """The kept verklaring (PDF, CSV) of a carried-out list."""
    with _step(loket, acts.DESTRUCTION_CERTIFICATE, list_id) as op:
        return _certificate(op, list_id)


def verklaring_paths(out: Path, list_id: int) -> list[Path]:
    """Where `write_verklaring` puts the PDF and the CSV in the folder `out`."""
    stem = Path(out) / f"verklaring-van-vernietiging-{list_id}"
    return [stem.with_suffix(".pdf"), stem.with_suffix(".csv")]


def write_verklaring(loket: Session, list_id: int, out: Path) -> list[Path]:
    """Save the kept verklaring as PDF and CSV in the folder `out`, both or neither; an
    existing file of that name is never overwritten."""
    with _step(loket, acts.DESTRUCTION_CERTIFICATE, list_id) as op:
        pdf, csv = _certificate(op, list_id)
        paths = verklaring_paths(out, list_id)
        with export_file(paths[0]) as pdf_work, export_file(paths[1]) as csv_work:
            pdf_work.write_bytes(pdf)
            csv_work.write_bytes(csv)
    return paths


# -- figures over the past -------------------------------------------------------------------


def destroyed_counts(
    op: Op, date_from: str | None = None, date_to: str | None = None
) -> dict[str, Any]:
    """The anonymous counts of destroyed records for weeks whose Monday lies in the range, in
    the shape of storage.queries.stats, so stats can add them key by key."""
    lo, hi = date_from or "0000-01-01", date_to or "9999-12-31"
    out: dict[str, Any] = {
        "cases_total": 0,
        "cases_by_status": {},
        "cases_by_channel": {},
        "messages_total": 0,
        "messages_by_channel": {},
        "cases_closed": 0,
        "closed_first_contact": 0,
        "messages_unparsed": 0,
    }
    for r in op.store.archive.destroyed_counts(lo, hi):
        n = int(r["n"])
        if r["kind"] == "case":
            out["cases_total"] += n
            out["cases_by_status"][r["status"]] = out["cases_by_status"].get(r["status"], 0) + n
            out["cases_by_channel"][r["channel"]] = out["cases_by_channel"].get(r["channel"], 0) + n
            if r["status"] == Status.AFGEROND.value:
                out["cases_closed"] += n
                out["closed_first_contact"] += int(r["fcr"])
        else:
            out["messages_total"] += n
            out["messages_by_channel"][r["channel"]] = (
                out["messages_by_channel"].get(r["channel"], 0) + n
            )
            out["messages_unparsed"] += int(r["unparsed"])
    return out

