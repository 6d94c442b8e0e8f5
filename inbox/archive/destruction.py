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
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inbox import clock
from inbox.archive import retention, selectielijst, verklaring
from inbox.errors import InvalidInput, NotFound, PermissionDenied
from inbox.model import Role, Status
from storage.db import Database
from storage.records import Records
from storage.store import Store

if TYPE_CHECKING:
    from inbox.services import Loket

log = logging.getLogger("loket.archive.destruction")

OPEN_STATES = ("voorgesteld", "beoordeeld", "goedgekeurd")
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


def _summary(db: Database, row: Any) -> ListSummary:
    count = int(
        db.scalar(
            "SELECT count(*) FROM destruction_items WHERE list_id = ? AND state != 'verwijderd'",
            (row["id"],),
        )
        or 0
    )
    return ListSummary(
        id=int(row["id"]),
        state=row["state"],
        due_on=row["due_on"],
        cases=count,
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


def lists(loket: Loket) -> list[ListSummary]:
    loket.require(Role.ARCHIVARIS, Role.TEAMLEIDER)
    rows = loket.db.query("SELECT * FROM destruction_lists ORDER BY id DESC")
    return [_summary(loket.db, r) for r in rows]


def get(loket: Loket, list_id: int) -> ListSummary:
    loket.require(Role.ARCHIVARIS, Role.TEAMLEIDER)
    row = loket.db.one("SELECT * FROM destruction_lists WHERE id = ?", (list_id,))
    if row is None:
        raise NotFound(f"Vernietigingslijst {list_id} bestaat niet.")
    return _summary(loket.db, row)


def items(loket: Loket, list_id: int) -> list[Item]:
    get(loket, list_id)
    rows = loket.db.query(
        "SELECT * FROM destruction_items WHERE list_id = ? ORDER BY destroy_date, reference",
        (list_id,),
    )
    return [
        Item(
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
        for r in rows
    ]


# -- the steps -------------------------------------------------------------------------------


def propose(loket: Loket, on: date | None = None) -> ListSummary:
    """A new list of every case that is due on `on` (default today) and on no open list."""
    loket.require(Role.ARCHIVARIS)
    day = on or retention.today(loket)
    stamp = clock.iso(loket.now())
    with loket.db.transaction() as conn:
        due = [d for d in retention.due(loket, day) if d.on_list is None]
        if not due:
            raise InvalidInput("Er zijn geen zaken waarvan de bewaartermijn is verstreken.")
        cur = conn.execute(
            "INSERT INTO destruction_lists(state, due_on, proposed_by, proposed_at) "
            "VALUES ('voorgesteld', ?, ?, ?)",
            (day.isoformat(), loket.user, stamp),
        )
        list_id = int(cur.lastrowid or 0)
        for d in due:
            found = selectielijst.result(loket.db, d.result_code)
            conn.execute(
                "INSERT INTO destruction_items(list_id, reference, product, result_code, "
                "result_name, waardering, bewaartermijn, opened_on, closed_on, destroy_date) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    list_id,
                    d.reference,
                    d.product,
                    d.result_code,
                    found.title,
                    d.waardering,
                    d.bewaartermijn,
                    d.opened_on,
                    d.closed_on,
                    d.destroy_date,
                ),
            )
        _event(loket, "destruction_proposed", {"list": list_id, "cases": len(due)})
    return get(loket, list_id)


def _open(loket: Loket, list_id: int, *states: str) -> Any:
    row = loket.db.one("SELECT * FROM destruction_lists WHERE id = ?", (list_id,))
    if row is None:
        raise NotFound(f"Vernietigingslijst {list_id} bestaat niet.")
    if row["state"] not in states:
        label = STATE_LABELS.get(row["state"], row["state"]).lower()
        raise InvalidInput(f"Vernietigingslijst {list_id} is {label}; dat kan nu niet.")
    return row


def review(
    loket: Loket, list_id: int, remove: list[str] | None = None, note: str = ""
) -> ListSummary:
    """The second person's check: take cases off the list (with a note) and pass it on."""
    loket.require(Role.ARCHIVARIS, Role.TEAMLEIDER)
    with loket.db.transaction() as conn:
        row = _open(loket, list_id, "voorgesteld")
        if row["proposed_by"] == loket.user:
            raise PermissionDenied(
                "De beoordeling moet door een tweede persoon gebeuren, niet door wie de lijst "
                "voorstelde."
            )
        removed = sorted({r.strip().upper() for r in remove or [] if r.strip()})
        for ref in removed:
            changed = conn.execute(
                "UPDATE destruction_items SET state = 'verwijderd', note = ? "
                "WHERE list_id = ? AND reference = ? AND state = 'voorgesteld'",
                (note.strip() or "Door de beoordelaar van de lijst gehaald.", list_id, ref),
            ).rowcount
            if not changed:
                raise NotFound(f"Zaak {ref} staat niet op vernietigingslijst {list_id}.")
        conn.execute(
            "UPDATE destruction_lists SET state = 'beoordeeld', reviewed_by = ?, reviewed_at = ?, "
            "review_note = ? WHERE id = ?",
            (loket.user, clock.iso(loket.now()), note.strip() or None, list_id),
        )
        _event(
            loket,
            "destruction_reviewed",
            {"list": list_id, "removed": removed, "note": bool(note.strip())},
        )
    return get(loket, list_id)


def approve(loket: Loket, list_id: int) -> ListSummary:
    """The archivaris' approval of a reviewed list; not by the reviewer."""
    loket.require(Role.ARCHIVARIS)
    with loket.db.transaction() as conn:
        row = loket.db.one("SELECT * FROM destruction_lists WHERE id = ?", (list_id,))
        if row is not None and row["state"] == "voorgesteld":
            raise InvalidInput(
                f"Vernietigingslijst {list_id} is nog niet beoordeeld door een tweede persoon."
            )
        row = _open(loket, list_id, "beoordeeld")
        if row["reviewed_by"] == loket.user:
            raise PermissionDenied(
                "Wie de lijst beoordeelde, kan haar niet ook goedkeuren; "
                "dat doet een andere archivaris."
            )
        conn.execute(
            "UPDATE destruction_lists SET state = 'goedgekeurd', approved_by = ?, approved_at = ? "
            "WHERE id = ?",
            (loket.user, clock.iso(loket.now()), list_id),
        )
        _event(loket, "destruction_approved", {"list": list_id})
    return get(loket, list_id)


def reject(loket: Loket, list_id: int, reason: str) -> ListSummary:
    loket.require(Role.ARCHIVARIS, Role.TEAMLEIDER)
    if not reason.strip():
        raise InvalidInput("Geef een reden waarom de lijst wordt afgewezen.")
    with loket.db.transaction() as conn:
        _open(loket, list_id, *OPEN_STATES)
        conn.execute(
            "UPDATE destruction_lists SET state = 'afgewezen', rejected_by = ?, rejected_at = ?, "
            "reject_reason = ? WHERE id = ?",
            (loket.user, clock.iso(loket.now()), reason.strip(), list_id),
        )
        _event(loket, "destruction_rejected", {"list": list_id})
    return get(loket, list_id)


def carry_out(loket: Loket, list_id: int) -> Outcome:
    """Destroy the cases of an approved list, write and keep the verklaring, leave no trace."""
    loket.require(Role.ARCHIVARIS)
    db = loket.db
    stamp = clock.iso(loket.now())
    today = retention.today(loket).isoformat()
    digests: set[str] = set()
    with db.transaction() as conn:
        row = db.one("SELECT * FROM destruction_lists WHERE id = ?", (list_id,))
        if row is None:
            raise NotFound(f"Vernietigingslijst {list_id} bestaat niet.")
        if row["state"] != "goedgekeurd":
            raise PermissionDenied(
                f"Vernietigingslijst {list_id} is niet goedgekeurd door de archivaris; "
                "er wordt niets vernietigd."
            )
        case_ids: list[int] = []
        skipped = 0
        for item in db.query(
            "SELECT reference FROM destruction_items WHERE list_id = ? AND state = 'voorgesteld' "
            "ORDER BY reference",
            (list_id,),
        ):
            ref = item["reference"]
            case = db.one("SELECT * FROM cases WHERE reference = ?", (ref,))
            reason = _why_not(case, today)
            if reason:
                skipped += 1
                conn.execute(
                    "UPDATE destruction_items SET state = 'overgeslagen', note = ? "
                    "WHERE list_id = ? AND reference = ?",
                    (reason, list_id, ref),
                )
                continue
            assert case is not None
            case_ids.append(int(case["id"]))
        _keep_counts(db, case_ids)
        digests = _blobs_of(db, case_ids)
        contacts, file_digests = _remove_cases(db, case_ids)
        digests |= file_digests
        contacts_removed = _remove_orphan_contacts(db, contacts)
        conn.execute(
            "UPDATE destruction_items SET state = 'vernietigd' WHERE list_id = ? "
            "AND state = 'voorgesteld'",
            (list_id,),
        )
        for item in db.query(
            "SELECT reference FROM destruction_items WHERE list_id = ? AND state = 'vernietigd' "
            "ORDER BY reference",
            (list_id,),
        ):
            _event(loket, "destroyed", {"reference": item["reference"], "list": list_id})
        conn.execute(
            "UPDATE destruction_lists SET state = 'uitgevoerd', carried_out_by = ?, "
            "carried_out_at = ? WHERE id = ?",
            (loket.user, stamp, list_id),
        )
        header, lines = _verklaring_data(loket, list_id)
        pdf = verklaring.to_pdf(header, lines)
        csv = verklaring.to_csv(header, lines)
        pdf_sha, csv_sha = loket.blobs.put(pdf), loket.blobs.put(csv)
        conn.execute(
            "INSERT INTO destruction_certificates(list_id, created_at, pdf_sha256, csv_sha256, "
            "cases) VALUES (?, ?, ?, ?, ?)",
            (list_id, stamp, pdf_sha, csv_sha, len(case_ids)),
        )
        _event(
            loket,
            "destruction_carried_out",
            {"list": list_id, "destroyed": len(case_ids), "skipped": skipped},
        )
    blobs_removed = _remove_unused_blobs(loket, digests)
    clean = scrub(db)
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


def _week(stamp: str) -> str:
    day = date.fromisoformat(stamp[:10])
    return (day - timedelta(days=day.weekday())).isoformat()


def _marks(ids: list[int]) -> str:
    return ", ".join("?" for _ in ids)


def _keep_counts(db: Database, case_ids: list[int]) -> None:
    """Add the destroyed cases and messages to the anonymous counts."""
    if not case_ids:
        return
    rows: dict[tuple[str, str, str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for c in db.query(
        f"SELECT opened_at, channel, status, first_contact_resolution FROM cases "
        f"WHERE id IN ({_marks(case_ids)})",
        case_ids,
    ):
        key = (_week(c["opened_at"]), "case", c["channel"], c["status"])
        rows[key][0] += 1
        rows[key][1] += int(c["first_contact_resolution"] == 1)
    for m in db.query(
        f"SELECT sent_at, channel, parse_error IS NOT NULL AS unparsed FROM messages "
        f"WHERE case_id IN ({_marks(case_ids)})",
        case_ids,
    ):
        key = (_week(m["sent_at"]), "message", m["channel"], "")
        rows[key][0] += 1
        rows[key][2] += int(m["unparsed"])
    db.conn.executemany(
        "INSERT INTO destroyed_counts(week, kind, channel, status, count, first_contact, "
        "unparsed) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(week, kind, channel, status) DO "
        "UPDATE SET count = count + excluded.count, "
        "first_contact = first_contact + excluded.first_contact, "
        "unparsed = unparsed + excluded.unparsed",
        [(*key, *values) for key, values in sorted(rows.items())],
    )


def _blobs_of(db: Database, case_ids: list[int]) -> set[str]:
    if not case_ids:
        return set()
    marks = _marks(case_ids)
    found = {
        str(r[0])
        for r in db.query(
            f"SELECT raw_sha256 FROM messages WHERE case_id IN ({marks}) "
            f"AND raw_sha256 IS NOT NULL "
            f"UNION SELECT a.sha256 FROM attachments a JOIN messages m ON m.id = a.message_id "
            f"WHERE m.case_id IN ({marks}) "
            f"UNION SELECT raw_sha256 FROM outbox WHERE case_id IN ({marks})",
            [*case_ids, *case_ids, *case_ids],
        )
    }
    return found


def _remove_cases(db: Database, case_ids: list[int]) -> tuple[set[int], set[str]]:
    """Delete the cases and everything in them, including rows of other features that refer
    to them (found through the foreign keys); returns the contacts they involved and the
    blobs of platform export files left without messages."""
    if not case_ids:
        return set(), set()
    marks = _marks(case_ids)
    contacts = {
        int(r[0])
        for r in db.query(
            f"SELECT contact_id FROM cases WHERE id IN ({marks}) AND contact_id IS NOT NULL "
            f"UNION SELECT contact_id FROM messages WHERE case_id IN ({marks}) "
            f"AND contact_id IS NOT NULL",
            [*case_ids, *case_ids],
        )
    }
    message_ids = [
        int(r[0]) for r in db.query(f"SELECT id FROM messages WHERE case_id IN ({marks})", case_ids)
    ]
    note_ids = [
        int(r[0]) for r in db.query(f"SELECT id FROM notes WHERE case_id IN ({marks})", case_ids)
    ]
    files = _export_files_of(db, message_ids)
    _delete_in(db, "search_index", "case_id", case_ids)
    _delete_in(db, "search_index", "rowid", [m * 2 for m in message_ids])
    _delete_in(db, "search_index", "rowid", [n * 2 + 1 for n in note_ids])
    for table, column in _dependents(db, "messages"):
        _delete_in(db, table, column, message_ids)
    for table, column in _dependents(db, "notes"):
        _delete_in(db, table, column, note_ids)
    _delete_in(db, "messages", "id", message_ids)
    for table, column in _dependents(db, "cases"):
        _delete_in(db, table, column, case_ids)
    _delete_in(db, "cases", "id", case_ids)
    return contacts, _drop_empty_export_files(db, files)


def _dependents(db: Database, target: str) -> list[tuple[str, str]]:
    """(table, column) pairs whose foreign key points at `target`."""
    found = []
    for (name,) in db.query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    ):
        for fk in db.query(f'PRAGMA foreign_key_list("{name}")'):
            if fk["table"] == target and name != target:
                found.append((str(name), str(fk["from"])))
    return found


def _delete_in(db: Database, table: str, column: str, ids: list[int]) -> None:
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        db.conn.execute(f'DELETE FROM "{table}" WHERE "{column}" IN ({_marks(chunk)})', chunk)


def _has_table(db: Database, name: str) -> bool:
    return bool(db.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)))


def _export_files_of(db: Database, message_ids: list[int]) -> set[int]:
    """Imported platform export files (WhatsApp, ...) holding any of these messages."""
    if not message_ids or not _has_table(db, "import_file_messages"):
        return set()
    found: set[int] = set()
    for start in range(0, len(message_ids), 500):
        chunk = message_ids[start : start + 500]
        found |= {
            int(r[0])
            for r in db.query(
                f"SELECT DISTINCT file_id FROM import_file_messages WHERE message_id IN "
                f"({_marks(chunk)})",
                chunk,
            )
        }
    return found


def _drop_empty_export_files(db: Database, file_ids: set[int]) -> set[str]:
    """An export file whose messages are all destroyed goes too (it holds only them). One that
    still holds other messages stays: its blob is destroyed with its last message."""
    digests: set[str] = set()
    for file_id in sorted(file_ids):
        if db.scalar("SELECT 1 FROM import_file_messages WHERE file_id = ?", (file_id,)):
            continue
        digest = db.scalar("SELECT sha256 FROM import_files WHERE id = ?", (file_id,))
        for table, column in _dependents(db, "import_files"):
            _delete_in(db, table, column, [file_id])
        db.conn.execute("DELETE FROM import_files WHERE id = ?", (file_id,))
        if digest:
            digests.add(str(digest))
    return digests


def _remove_orphan_contacts(db: Database, candidates: set[int]) -> int:
    """Delete the contacts (and merged-away duplicates) no remaining case or message needs."""
    removed = 0
    seen: set[int] = set()
    for start in sorted(candidates):
        if start in seen:
            continue
        group = _merge_group(db, start)
        seen |= group
        marks = _marks(sorted(group))
        ids = sorted(group)
        used = db.scalar(
            f"SELECT 1 FROM cases WHERE contact_id IN ({marks}) UNION ALL "
            f"SELECT 1 FROM messages WHERE contact_id IN ({marks}) LIMIT 1",
            [*ids, *ids],
        )
        if used:
            continue
        db.conn.execute(f"UPDATE contacts SET merged_into = NULL WHERE id IN ({marks})", ids)
        for table, column in _dependents(db, "contacts"):
            _delete_in(db, table, column, ids)  # addresses, identifiers, merge history
        db.conn.execute(f"DELETE FROM contacts WHERE id IN ({marks})", ids)
        removed += len(ids)
    return removed


def _merge_group(db: Database, contact_id: int) -> set[int]:
    """A contact with every contact merged into it or it into, transitively."""
    group = {contact_id}
    frontier = [contact_id]
    while frontier:
        current = frontier.pop()
        for row in db.query(
            "SELECT id FROM contacts WHERE merged_into = ? UNION "
            "SELECT merged_into FROM contacts WHERE id = ? AND merged_into IS NOT NULL",
            (current, current),
        ):
            other = int(row[0])
            if other not in group:
                group.add(other)
                frontier.append(other)
    return group


def _blob_columns(db: Database) -> list[tuple[str, str]]:
    """Every (table, column) that may name a blob: columns called sha256 or ending in _sha256."""
    found = []
    for (name,) in db.query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'search_index%' ORDER BY name"
    ):
        for col in db.query(f'PRAGMA table_info("{name}")'):
            if col["name"] == "sha256" or str(col["name"]).endswith("_sha256"):
                found.append((str(name), str(col["name"])))
    return found


def _remove_unused_blobs(loket: Loket, digests: set[str]) -> int:
    """Delete the blobs of destroyed rows that no remaining row of any table names."""
    columns = _blob_columns(loket.db)
    removed = 0
    for digest in sorted(digests):
        used = any(
            loket.db.scalar(f'SELECT 1 FROM "{t}" WHERE "{c}" = ? LIMIT 1', (digest,))
            for t, c in columns
        )
        if not used:
            loket.blobs.delete(digest)
            removed += 1
    return removed


def scrub(db: Database) -> bool:
    """Leave no trace of deleted rows: rebuild and merge the FTS index, VACUUM, truncate the
    WAL. Returns False when another connection kept the WAL from being truncated."""
    db.conn.execute("INSERT INTO search_index(search_index) VALUES ('rebuild')")
    db.conn.execute("INSERT INTO search_index(search_index) VALUES ('optimize')")
    db.conn.execute("VACUUM")
    row = db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return row is None or int(row[0]) == 0


# -- the verklaring --------------------------------------------------------------------------


def _display(db: Database, user: str | None) -> str:
    if not user:
        return ""
    name = db.scalar("SELECT display_name FROM users WHERE name = ?", (user,))
    return str(name or user)


def _verklaring_data(loket: Loket, list_id: int) -> tuple[verklaring.Header, list[verklaring.Line]]:
    db = loket.db
    row = db.one("SELECT * FROM destruction_lists WHERE id = ?", (list_id,))
    assert row is not None
    org = retention.organisation(db)
    header = verklaring.Header(
        organisation=org.name if org else "Gemeente",
        organisation_id=org.identifier if org else "",
        list_id=list_id,
        proposed=(_display(db, row["proposed_by"]), row["proposed_at"] or ""),
        reviewed=(_display(db, row["reviewed_by"]), row["reviewed_at"] or ""),
        approved=(_display(db, row["approved_by"]), row["approved_at"] or ""),
        carried_out=(_display(db, row["carried_out_by"]), row["carried_out_at"] or ""),
        review_note=row["review_note"] or "",
    )
    lines = [
        verklaring.Line(
            reference=r["reference"],
            product=r["product"] or "",
            result_code=r["result_code"],
            result_name=r["result_name"],
            waardering=r["waardering"],
            bewaartermijn=r["bewaartermijn"],
            opened_on=r["opened_on"],
            closed_on=r["closed_on"],
            destroy_date=r["destroy_date"],
            state=r["state"],
            note=r["note"] or "",
        )
        for r in db.query(
            "SELECT * FROM destruction_items WHERE list_id = ? ORDER BY state DESC, reference",
            (list_id,),
        )
    ]
    return header, lines


def certificate(loket: Loket, list_id: int) -> tuple[bytes, bytes]:
    """The kept verklaring (PDF, CSV) of a carried-out list."""
    loket.require(Role.ARCHIVARIS, Role.TEAMLEIDER)
    row = loket.db.one(
        "SELECT pdf_sha256, csv_sha256 FROM destruction_certificates WHERE list_id = ?",
        (list_id,),
    )
    if row is None:
        raise NotFound(f"Vernietigingslijst {list_id} heeft (nog) geen verklaring.")
    return loket.blobs.get(row["pdf_sha256"]), loket.blobs.get(row["csv_sha256"])


def write_verklaring(loket: Loket, list_id: int, out: Path) -> list[Path]:
    pdf, csv = certificate(loket, list_id)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = [
        out / f"verklaring-van-vernietiging-{list_id}.pdf",
        out / f"verklaring-van-vernietiging-{list_id}.csv",
    ]
    paths[0].write_bytes(pdf)
    paths[1].write_bytes(csv)
    return paths


# -- figures over the past -------------------------------------------------------------------


def destroyed_counts(
    db: Database | Store, date_from: str | None = None, date_to: str | None = None
) -> dict[str, Any]:
    """The anonymous counts of destroyed records for weeks whose Monday lies in the range, in
    the shape of storage.queries.stats, so stats can add them key by key."""
    if isinstance(db, Store):  # called from inside an act (Loket.stats)
        db = db.records.db
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
    for r in db.query(
        "SELECT kind, channel, status, sum(count) AS n, sum(first_contact) AS fcr, "
        "sum(unparsed) AS unparsed FROM destroyed_counts WHERE week >= ? AND week <= ? "
        "GROUP BY kind, channel, status ORDER BY kind, channel, status",
        (lo, hi),
    ):
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


def stats_with_destroyed(
    loket: Loket, date_from: str | None = None, date_to: str | None = None
) -> dict[str, Any]:
    """loket.stats, which includes the destroyed counts (kept for callers of this name)."""
    return loket.stats(date_from, date_to)


def _event(loket: Loket, kind: str, data: dict[str, Any]) -> None:
    Records(loket.db).insert_event(
        None, clock.iso(loket.now()), loket.user, kind, data, loket.device
    )
    loket.audit(f"archief:{kind}", f"vernietigingslijst:{data.get('list')}")
