"""Working on cases beyond status and assignment: product tag, deadline in working days, merging
and splitting cases, moving a message to another case.

Every change is an act of the gate (inbox/acts.py): the permission comes from the grants table,
it writes in one transaction and records its case events through `op.event`.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from inbox import acts, clock
from inbox import threading as threads
from inbox.errors import InvalidInput, NotFound
from inbox.model import Changes, EventKind, Status

if TYPE_CHECKING:
    from inbox.accounts import MailAccount
    from inbox.gate import Op
    from inbox.services import Loket, Received

LOCAL = ZoneInfo("Europe/Amsterdam")
PRODUCTS_FILE = Path(__file__).resolve().parent.parent / "resources" / "upl_products.txt"


# -- working days ------------------------------------------------------------------------


@functools.lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[date]:
    import holidays

    return frozenset(holidays.country_holidays("NL", years=year).keys())


def is_public_holiday(day: date) -> bool:
    """A Dutch public holiday (Koningsdag, Christmas, ...), from the `holidays` library."""
    return day in _holidays(day.year)


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


RECENT_PRODUCTS = 5


def product_choices(loket: Loket, search: str = "") -> list[str]:
    """Products to pick from when closing: the acting person's last used first (at most
    RECENT_PRODUCTS), then the list and the products the team uses, by name; `search`
    keeps those containing it (any case)."""
    with loket.op(acts.PRODUCTS_LIST) as op:
        recent = op.store.deadlines.recent_products(loket.user, RECENT_PRODUCTS)
        others = sorted({*products(), *op.store.deadlines.products_in_use()} - set(recent),
                        key=str.casefold)
    needle = search.strip().casefold()
    return [p for p in recent + others if needle in p.casefold()]


# -- simple fields -----------------------------------------------------------------------


def set_product(loket: Loket, reference: str, product: str | None) -> Changes:
    """Tag the case with a UPL product name (None or empty removes the tag)."""
    value = (product or "").strip() or None
    if value is not None and len(value) > 200:
        raise InvalidInput("Die productnaam is te lang.")
    with loket.op(acts.CASE_PRODUCT, case=reference) as op:
        _set_field(op, "product", value, EventKind.PRODUCT_SET)
    return op.changes


def set_deadline(loket: Loket, reference: str, deadline: date | None) -> Changes:
    """Set (or with None clear) the date by which the case must be handled."""
    value = deadline.isoformat() if deadline is not None else None
    with loket.op(acts.CASE_DEADLINE, case=reference) as op:
        _set_field(op, "deadline", value, EventKind.DEADLINE_SET)
        from inbox import deadlines

        deadlines.refresh(op, op.case_id)  # "antwoord uiterlijk" follows
    return op.changes


def _set_field(op: Op, column: str, value: str | None, kind: EventKind) -> None:
    before = op.case[column]
    if before == value:
        return
    op.store.records.update_case(op.case_id, {column: value, "updated_at": op.stamp()})
    op.event(kind, {"from": before, "to": value})


LABEL_LENGTH = 40


def set_labels(loket: Loket, reference: str, labels: Sequence[str]) -> Changes:
    """Give the case exactly these labels (the team's own words; none: no labels)."""
    clean: set[str] = set()
    for label in labels:
        text = " ".join(label.split())
        if not text:
            continue
        if "," in text or len(text) > LABEL_LENGTH:
            raise InvalidInput(f"Een label is een kort woord zonder komma (ten hoogste "
                               f"{LABEL_LENGTH} tekens): '{text[:50]}'.")
        clean.add(text)
    value = ", ".join(sorted(clean, key=str.casefold)) or None
    with loket.op(acts.CASE_LABEL, case=reference) as op:
        _set_field(op, "labels", value, EventKind.LABELS_SET)
    return op.changes


def labels_of(loket: Loket, reference: str) -> list[str]:
    with loket.op(acts.CASE_LIST, case=reference) as op:
        value = op.case["labels"]
    return value.split(", ") if value else []


def labels_in_use(loket: Loket) -> list[str]:
    """Every label the team gave a case, for choosing one again (metadata only)."""
    with loket.op(acts.CASE_LIST) as op:
        values = op.store.casework.labels_in_use()
    found = {label for value in values for label in value.split(", ")}
    return sorted(found, key=str.casefold)


def add_label(loket: Loket, reference: str, label: str) -> Changes:
    return set_labels(loket, reference, [*labels_of(loket, reference), label])


def remove_label(loket: Loket, reference: str, label: str) -> Changes:
    wanted = " ".join(label.split()).casefold()
    return set_labels(loket, reference,
                      [x for x in labels_of(loket, reference) if x.casefold() != wanted])


# -- one action on several cases -----------------------------------------------------------


class Bulk(StrEnum):
    ASSIGN = "assign"  # value: a login, or "" for nobody
    STATUS = "status"  # value: a status code (not afgerond: that is CLOSE)
    CLOSE = "close"  # value: the one outcome for all
    LABEL = "label"  # value: the label to add


def bulk(loket: Loket, references: Sequence[str], action: Bulk, value: str,
         *, first_contact_resolution: bool = False) -> Changes:
    """Do one action on every case of `references`, all or nothing: one transaction, in
    which each case's own act runs (so each is checked, recorded and audited as usual)."""
    wanted = list(dict.fromkeys(r.strip().upper() for r in references if r.strip()))
    if not wanted:
        raise InvalidInput("Kies eerst een of meer zaken.")
    if action is Bulk.STATUS and value == Status.AFGEROND.value:
        raise InvalidInput("Afronden gaat met een uitkomst: gebruik afronden.")
    changes = Changes()
    with loket.op(acts.CASE_BULK, obj=f"zaken:{len(wanted)}") as op:
        op.details = {"actie": action.value, "zaken": len(wanted)}
        for reference in wanted:
            if action is Bulk.ASSIGN:
                changes.merge(loket.assign(reference, value or None))
            elif action is Bulk.STATUS:
                changes.merge(loket.set_status(reference, value))
            elif action is Bulk.CLOSE:
                changes.merge(loket.close_case(
                    reference, value, first_contact_resolution=first_contact_resolution))
            else:
                changes.merge(add_label(loket, reference, value))
    return changes


def set_deadline_in_working_days(loket: Loket, reference: str, days: int) -> date:
    """Deadline `days` working days from today (local time); returns the date set."""
    deadline = add_working_days(local_date(loket.now()), days)
    set_deadline(loket, reference, deadline)
    return deadline


# -- moving messages between cases -------------------------------------------------------


def _touch(op: Op, case_id: int) -> None:
    """Keep last_message_at right after messages left or joined the case."""
    last = op.store.casework.last_message_at(case_id)
    values: dict[str, Any] = {"updated_at": op.stamp()}
    if last:
        values["last_message_at"] = last
    op.store.records.update_case(case_id, values)


def move_message(loket: Loket, message_id: int, target_reference: str) -> Changes:
    """Move one message to another (open or closed) case; the source keeps at least one."""
    with loket.op(acts.MESSAGE_MOVE, obj=f"bericht:{message_id}") as op:
        case_id = op.store.casework.message_case(message_id)
        if case_id is None:
            raise NotFound(f"Bericht {message_id} bestaat niet.")
        source = op.other_case(case_id)  # refuses a hidden vertrouwelijk case
        target = op.other_case(target_reference)
        if target["id"] == source["id"]:
            raise InvalidInput("Het bericht hoort al bij deze zaak.")
        if op.store.casework.message_count(source["id"]) <= 1:
            raise InvalidInput(
                "Dit is het enige bericht van de zaak; voeg de zaak liever samen."
            )
        op.store.casework.move_messages([message_id], target["id"])
        _touch(op, source["id"])
        _touch(op, target["id"])
        op.event(EventKind.MESSAGE_MOVED_OUT,
                 {"message": message_id, "to": target["reference"]}, source["id"])
        op.event(EventKind.MESSAGE_MOVED_IN,
                 {"message": message_id, "from": source["reference"]}, target["id"])
        op.changes.messages.add(message_id)
    return op.changes


def full_reference(loket: Loket, typed: str) -> str:
    """The reference of the case `typed` names, also when typed short ("464", "2026-464")."""
    with loket.op(acts.CASE_LIST, case=typed) as op:
        return str(op.case["reference"])


def merge_cases(loket: Loket, source_reference: str, target_reference: str) -> Changes:
    """Move every message and note of `source` into `target` and close `source` as merged."""
    with loket.op(acts.CASE_MERGE, case=source_reference) as op:
        source = op.case
        target = op.other_case(target_reference)
        if source["id"] == target["id"]:
            raise InvalidInput("Een zaak kan niet met zichzelf worden samengevoegd.")
        work = op.store.casework
        ids = work.message_ids(source["id"])
        if ids:
            work.move_messages(ids, target["id"])
        notes = work.note_ids(source["id"])
        if notes:
            work.move_notes(notes, target["id"])
        _touch(op, target["id"])
        if target["contact_id"] is None and source["contact_id"] is not None:
            op.store.records.update_case(target["id"], {"contact_id": source["contact_id"]})
        op.event(EventKind.MERGED_FROM,
                 {"case": source["reference"], "messages": ids, "notes": notes}, target["id"])
        op.event(EventKind.MERGED_INTO,
                 {"case": target["reference"], "messages": ids, "notes": notes})
        if source["status"] != Status.AFGEROND.value:
            loket.close_case(source["reference"], f"Samengevoegd met {target['reference']}",
                             first_contact_resolution=False)
        op.changes.messages.update(ids)
    return op.changes


def split_case(loket: Loket, reference: str, message_ids: Sequence[int]) -> str:
    """Move `message_ids` out of the case into a new case; returns the new case's reference."""
    wanted = sorted({int(m) for m in message_ids})
    if not wanted:
        raise InvalidInput("Kies de berichten die een eigen zaak worden.")
    with loket.op(acts.CASE_SPLIT, case=reference) as op:
        case = op.case
        work = op.store.casework
        rows = work.messages_of(case["id"], wanted)
        if len(rows) != len(wanted):
            raise InvalidInput("Niet alle gekozen berichten horen bij deze zaak.")
        if len(rows) >= work.message_count(case["id"]):
            raise InvalidInput("Laat minstens één bericht in de oorspronkelijke zaak.")
        first = rows[0]
        opened = str(first["sent_at"])
        new_reference = op.store.records.next_reference(clock.parse(opened).year)
        subject = threads.strip_reference(first["subject"] or "") or case["subject"]
        new_id = op.store.records.insert_case(
            {
                "reference": new_reference,
                "subject": subject[:500],
                "normalized_subject": threads.normalize_subject(subject),
                "status": Status.NIEUW.value,
                "channel": first["channel"],
                "contact_id": first["contact_id"] or case["contact_id"],
                "opened_at": opened,
                "updated_at": op.stamp(),
                "last_message_at": opened,
                "due_at": _due_at_opening(op, str(first["channel"]), opened),
            },
        )
        op.event(EventKind.CASE_OPENED, {"reference": new_reference, "channel": first["channel"]},
                 new_id)
        # in a team the case gets its team reference as it opens (inbox/teamsync/outgoing.py)
        new_reference = str(op.store.records.case_reference(new_id))
        work.move_messages(wanted, new_id)
        _touch(op, new_id)
        _touch(op, case["id"])
        op.event(EventKind.SPLIT_FROM, {"case": case["reference"], "messages": wanted}, new_id)
        op.event(EventKind.SPLIT_INTO, {"case": new_reference, "messages": wanted})
        op.changes.messages.update(wanted)
        op.changes.created_case = True
    return new_reference


def _due_at_opening(op: Op, channel: str, opened: str) -> str | None:
    from inbox import deadlines

    return deadlines.due_at_opening(op, channel, opened)


# -- answering by e-mail ------------------------------------------------------------------


def sending_account(op: Op, name: str | None = None) -> MailAccount:
    """The account a case's mail goes out on: the one named, else the one the resident's last
    e-mail came in on, else the first that can send."""
    from inbox.accounts import MailAccount

    accounts = [
        a for a in (MailAccount.from_row(r) for r in op.store.casework.mail_account_rows())
        if a.smtp_host
    ]
    if name is not None:
        accounts = [a for a in accounts if a.name == name]
        if not accounts:
            raise NotFound(f"Er is geen account '{name}' dat mail kan versturen.")
    if not accounts:
        raise InvalidInput("Geen account kan mail versturen: vul bij een account een "
                           "SMTP-server in.")
    came_in_on = op.store.casework.last_inbound_account(op.case_id)
    return next((a for a in accounts if a.id == came_in_on), accounts[0])


def reply_by_email(
    loket: Loket, reference: str, text: str, *, to: str | None = None,
    account: str | None = None,
) -> Received:
    """Store an e-mail reply in its case and queue it in the outbox (inbox/channels/smtp.py
    sends it with the next sync), from the account `sending_account` picks."""
    from inbox.channels import smtp

    with loket.op(acts.CASE_REPLY, case=reference) as op:
        chosen = sending_account(op, account)
        name = op.store.casework.display_name(loket.user)
        changes = smtp.compose_reply(loket, chosen, reference, text, to=to, sender_name=name)
        op.changes.merge(changes)
    from inbox.services import Received

    return Received(min(changes.messages), op.case_id, str(op.case["reference"]), False, False)


def case_messages(loket: Loket, reference: str) -> list[dict[str, Any]]:
    """The messages of a case for choosing (split, move): id, time, channel, who and subject."""
    with loket.op(acts.MESSAGES_LIST, case=reference) as op:
        return [
            {"id": int(r["id"]), "sent_at": r["sent_at"], "channel": r["channel"],
             "direction": r["direction"], "sender": r["sender_name"] or r["sender"],
             "subject": r["subject"]}
            for r in op.store.casework.messages_of(op.case_id)
        ]
