"""Working on cases beyond status and assignment: product tag, deadline in working days, merging
and splitting cases, moving a message to another case.

Every change checks the user's role, writes in one transaction and records a case event (the
team sync hook in Loket._event relies on that), like the methods of inbox.services.Loket.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from zoneinfo import ZoneInfo

from inbox import clock
from inbox import threading as threads
from inbox.errors import InvalidInput, NotFound
from inbox.model import Changes, EventKind, Status
from inbox.privacy.roles import Permission
from storage.records import Records

if TYPE_CHECKING:
    from inbox.services import Loket

LOCAL = ZoneInfo("Europe/Amsterdam")
PRODUCTS_FILE = Path(__file__).resolve().parent.parent / "resources" / "upl_products.txt"


class WorkEvent(StrEnum):
    """Case event kinds of this module (stored as text in case_events like EventKind)."""

    PRODUCT_SET = "product_set"
    DEADLINE_SET = "deadline_set"
    MERGED_INTO = "merged_into"
    MERGED_FROM = "merged_from"
    SPLIT_FROM = "split_from"
    SPLIT_INTO = "split_into"
    MESSAGE_MOVED_OUT = "message_moved_out"
    MESSAGE_MOVED_IN = "message_moved_in"


def _record(loket: Loket, case_id: int, kind: WorkEvent, data: dict[str, Any]) -> None:
    # Loket._event only reads .value and compares with its own kinds: a StrEnum of ours fits
    loket._event(case_id, cast(EventKind, kind), data)


# -- working days ------------------------------------------------------------------------


@functools.lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[date]:
    import holidays

    return frozenset(holidays.country_holidays("NL", years=year).keys())


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a Dutch public holiday (from the `holidays` library)."""
    return day.weekday() < 5 and day not in _holidays(day.year)


def add_working_days(start: date, days: int) -> date:
    """The date `days` working days after `start` (0: start itself, or the next working day)."""
    if days < 0:
        raise InvalidInput("Een termijn kan niet negatief zijn.")
    day = start
    while not is_working_day(day):
        day += timedelta(days=1)
    for _ in range(days):
        day += timedelta(days=1)
        while not is_working_day(day):
            day += timedelta(days=1)
    return day


def local_date(moment: datetime) -> date:
    return moment.astimezone(LOCAL).date()


def end_of_local_day(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 23, 59, 59, tzinfo=LOCAL)


# -- products (UPL) ----------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def products() -> tuple[str, ...]:
    """Product names from the Uniforme Productnamenlijst (a short list kept in resources)."""
    try:
        lines = PRODUCTS_FILE.read_text(encoding="utf-8").splitlines()
    except OSError:
        return ()
    return tuple(sorted({x.strip() for x in lines if x.strip() and not x.startswith("#")},
                        key=str.casefold))


# -- simple fields -----------------------------------------------------------------------


def set_product(loket: Loket, reference: str, product: str | None) -> Changes:
    """Tag the case with a UPL product name (None or empty removes the tag)."""
    loket.check(Permission.WORK_CASES)
    value = (product or "").strip() or None
    if value is not None and len(value) > 200:
        raise InvalidInput("Die productnaam is te lang.")
    with loket.db.transaction():
        case = loket._case(reference)
        if case["product"] == value:
            return Changes()
        Records(loket.db).update_case(case["id"], {"product": value, "updated_at": loket._stamp()})
        _record(loket, case["id"], WorkEvent.PRODUCT_SET, {"from": case["product"], "to": value})
    return Changes(cases={case["id"]})


def set_deadline(loket: Loket, reference: str, deadline: date | None) -> Changes:
    """Set (or with None clear) the date by which the case must be handled."""
    loket.check(Permission.WORK_CASES)
    value = deadline.isoformat() if deadline is not None else None
    with loket.db.transaction():
        case = loket._case(reference)
        if case["deadline"] == value:
            return Changes()
        Records(loket.db).update_case(
            case["id"], {"deadline": value, "updated_at": loket._stamp()}
        )
        _record(loket, case["id"], WorkEvent.DEADLINE_SET, {"from": case["deadline"], "to": value})
    return Changes(cases={case["id"]})


def set_deadline_in_working_days(loket: Loket, reference: str, days: int) -> date:
    """Deadline `days` working days from today (local time); returns the date set."""
    deadline = add_working_days(local_date(loket.now()), days)
    set_deadline(loket, reference, deadline)
    return deadline


# -- moving messages between cases -------------------------------------------------------


def _move(loket: Loket, message_ids: Sequence[int], target_id: int) -> None:
    db = loket.db
    marks = ", ".join("?" for _ in message_ids)
    db.conn.execute(f"UPDATE messages SET case_id = ? WHERE id IN ({marks})",
                    (target_id, *message_ids))
    db.conn.execute(
        f"UPDATE search_index SET case_id = ? WHERE kind = 'message' AND ref_id IN ({marks})",
        (target_id, *message_ids),
    )


def _touch(loket: Loket, case_id: int) -> None:
    """Keep last_message_at right after messages left or joined the case."""
    last = loket.db.scalar("SELECT max(sent_at) FROM messages WHERE case_id = ?", (case_id,))
    values: dict[str, Any] = {"updated_at": loket._stamp()}
    if last:
        values["last_message_at"] = last
    Records(loket.db).update_case(case_id, values)


def _message_case(loket: Loket, message_id: int) -> Any:
    row = loket.db.one("SELECT id, case_id FROM messages WHERE id = ?", (message_id,))
    if row is None or row["case_id"] is None:
        raise NotFound(f"Bericht {message_id} bestaat niet.")
    return row


def move_message(loket: Loket, message_id: int, target_reference: str) -> Changes:
    """Move one message to another (open or closed) case; the source keeps at least one."""
    loket.check(Permission.WORK_CASES)
    with loket.db.transaction():
        msg = _message_case(loket, message_id)
        source = Records(loket.db).case_row(int(msg["case_id"]))
        assert source is not None
        source = loket._case(source["reference"])  # refuses a hidden vertrouwelijk case
        target = loket._case(target_reference)
        if target["id"] == source["id"]:
            raise InvalidInput("Het bericht hoort al bij deze zaak.")
        left = loket.db.scalar("SELECT count(*) FROM messages WHERE case_id = ?", (source["id"],))
        if int(left or 0) <= 1:
            raise InvalidInput(
                "Dit is het enige bericht van de zaak; voeg de zaak liever samen."
            )
        _move(loket, [message_id], target["id"])
        _touch(loket, source["id"])
        _touch(loket, target["id"])
        _record(loket, source["id"], WorkEvent.MESSAGE_MOVED_OUT,
                {"message": message_id, "to": target["reference"]})
        _record(loket, target["id"], WorkEvent.MESSAGE_MOVED_IN,
                {"message": message_id, "from": source["reference"]})
    return Changes(cases={source["id"], target["id"]}, messages={message_id})


def merge_cases(loket: Loket, source_reference: str, target_reference: str) -> Changes:
    """Move every message and note of `source` into `target` and close `source` as merged."""
    loket.check(Permission.WORK_CASES)
    with loket.db.transaction():
        source = loket._case(source_reference)
        target = loket._case(target_reference)
        if source["id"] == target["id"]:
            raise InvalidInput("Een zaak kan niet met zichzelf worden samengevoegd.")
        db = loket.db
        ids = [int(r[0]) for r in db.query("SELECT id FROM messages WHERE case_id = ?",
                                           (source["id"],))]
        if ids:
            _move(loket, ids, target["id"])
        notes = [int(r[0]) for r in db.query("SELECT id FROM notes WHERE case_id = ?",
                                             (source["id"],))]
        if notes:
            marks = ", ".join("?" for _ in notes)
            db.conn.execute(f"UPDATE notes SET case_id = ? WHERE id IN ({marks})",
                            (target["id"], *notes))
            db.conn.execute(
                f"UPDATE search_index SET case_id = ? WHERE kind = 'note' AND ref_id IN ({marks})",
                (target["id"], *notes),
            )
        _touch(loket, target["id"])
        if target["contact_id"] is None and source["contact_id"] is not None:
            Records(db).update_case(target["id"], {"contact_id": source["contact_id"]})
        _record(loket, target["id"], WorkEvent.MERGED_FROM,
                {"case": source["reference"], "messages": ids, "notes": notes})
        _record(loket, source["id"], WorkEvent.MERGED_INTO,
                {"case": target["reference"], "messages": ids, "notes": notes})
        if source["status"] != Status.AFGEROND.value:
            loket.close_case(source["reference"], f"Samengevoegd met {target['reference']}",
                             first_contact_resolution=False)
    return Changes(cases={source["id"], target["id"]}, messages=set(ids))


def split_case(loket: Loket, reference: str, message_ids: Sequence[int]) -> str:
    """Move `message_ids` out of the case into a new case; returns the new case's reference."""
    loket.check(Permission.WORK_CASES)
    wanted = sorted({int(m) for m in message_ids})
    if not wanted:
        raise InvalidInput("Kies de berichten die een eigen zaak worden.")
    with loket.db.transaction():
        case = loket._case(reference)
        db = loket.db
        rows = db.query(
            f"SELECT id, sent_at, subject, contact_id, channel FROM messages WHERE case_id = ? "
            f"AND id IN ({', '.join('?' for _ in wanted)}) ORDER BY sent_at, id",
            (case["id"], *wanted),
        )
        if len(rows) != len(wanted):
            raise InvalidInput("Niet alle gekozen berichten horen bij deze zaak.")
        total = db.scalar("SELECT count(*) FROM messages WHERE case_id = ?", (case["id"],))
        if len(rows) >= int(total or 0):
            raise InvalidInput("Laat minstens één bericht in de oorspronkelijke zaak.")
        first = rows[0]
        opened = str(first["sent_at"])
        new_reference = Records(db).next_reference(clock.parse(opened).year)
        subject = threads.strip_reference(first["subject"] or "") or case["subject"]
        stamp = loket._stamp()
        new_id = Records(db).insert_case(
            {
                "reference": new_reference,
                "subject": subject[:500],
                "normalized_subject": threads.normalize_subject(subject),
                "status": Status.NIEUW.value,
                "channel": first["channel"],
                "contact_id": first["contact_id"] or case["contact_id"],
                "opened_at": opened,
                "updated_at": stamp,
                "last_message_at": opened,
            },
        )
        loket._event(new_id, EventKind.CASE_OPENED,
                     {"reference": new_reference, "channel": first["channel"]})
        new_reference = str(db.scalar("SELECT reference FROM cases WHERE id = ?", (new_id,)))
        _move(loket, wanted, new_id)
        _touch(loket, new_id)
        _touch(loket, case["id"])
        _record(loket, new_id, WorkEvent.SPLIT_FROM,
                {"case": case["reference"], "messages": wanted})
        _record(loket, case["id"], WorkEvent.SPLIT_INTO,
                {"case": new_reference, "messages": wanted})
    return new_reference


def case_messages(loket: Loket, reference: str) -> list[dict[str, Any]]:
    """The messages of a case for choosing (split, move): id, time, channel, who and subject."""
    loket.check(Permission.READ_CONTENT)
    case = loket._case(reference)
    return [
        {"id": int(r["id"]), "sent_at": r["sent_at"], "channel": r["channel"],
         "direction": r["direction"], "sender": r["sender_name"] or r["sender"],
         "subject": r["subject"]}
        for r in loket.db.query(
            "SELECT id, sent_at, channel, direction, sender, sender_name, subject FROM messages "
            "WHERE case_id = ? ORDER BY sent_at, id", (case["id"],))
    ]
