"""Call-back requests (terugbelverzoeken): a phone note or any case can carry one, with a day,
a time window, the number to call and the colleague who calls.

The "Terugbellen" view lists the open ones, the earliest due first, overdue ones marked;
`done` records the outcome in one step (reached, or not reached and perhaps try again on
another day) and closes the request. A case keeps its newest request in its row; every request
and outcome is in its history, which the figures read (open, overdue, share done on time).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from inbox import acts, clock, deadlines
from inbox.addresses import normalize_phone
from inbox.casework import LOCAL
from inbox.errors import InvalidInput, NotFound
from inbox.model import Changes, EventKind, Role, Status

if TYPE_CHECKING:
    from inbox.gate import Op
    from inbox.services import Loket

REACHED = "bereikt"
NOT_REACHED = "niet_bereikt"
RESULTS = (REACHED, NOT_REACHED)
RESULT_LABELS = {REACHED: "Bereikt", NOT_REACHED: "Niet bereikt"}
_WINDOW = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*-\s*(\d{1,2})[:.](\d{2})\s*$")


@dataclass(frozen=True)
class Callback:
    """One open call-back request, as the "Terugbellen" view shows it."""

    reference: str
    subject: str
    contact: str
    number: str | None
    due: str  # UTC: the end of the window (or closing time) on the day
    window: str | None
    for_user: str | None  # login
    for_name: str | None
    requested_at: str
    overdue: bool

    def as_json(self) -> dict[str, Any]:
        return {"reference": self.reference, "subject": self.subject, "contact": self.contact,
                "number": self.number, "due": self.due, "window": self.window,
                "for": self.for_user, "requested_at": self.requested_at,
                "overdue": self.overdue}


def parse_window(text: str | None) -> tuple[time, time] | None:
    """'09:00-12:00' (or '9.00 - 12.00') as two times; None or '' for no window."""
    if not text or not text.strip():
        return None
    found = _WINDOW.match(text)
    if found is None:
        raise InvalidInput(f"'{text}' is geen tijdvak; schrijf bijvoorbeeld 09:00-12:00.")
    h1, m1, h2, m2 = (int(g) for g in found.groups())
    try:
        start, end = time(h1, m1), time(h2, m2)
    except ValueError:
        raise InvalidInput(f"'{text}' is geen tijdvak; schrijf bijvoorbeeld 09:00-12:00.") \
            from None
    if end <= start:
        raise InvalidInput("Het tijdvak moet eindigen na het begin.")
    return start, end


def _window_text(window: tuple[time, time] | None) -> str | None:
    return None if window is None else f"{window[0]:%H:%M}-{window[1]:%H:%M}"


def _colleague(op: Op, login: str) -> int:
    row = op.store.records.active_user(login)
    if row is None or row["role"] != Role.MEDEWERKER.value:
        raise NotFound(f"'{login}' is geen medewerker die kan terugbellen.")
    return int(row["id"])


def _open(case: Any) -> bool:
    return bool(case["callback_requested_at"]) and not case["callback_outcome"]


def request(
    loket: Loket, reference: str, day: date, *, window: str | None = None,
    number: str | None = None, for_user: str | None = None,
) -> Changes:
    """Ask for a call-back on `day` (in `window`), to `number` (default: the number the resident
    called from), by `for_user` (default: the case's assignee, else whoever asks)."""
    times = parse_window(window)
    with loket.op(acts.CALLBACK_REQUEST, case=reference) as op:
        e164 = None
        if number and number.strip():
            e164 = normalize_phone(number)
            if e164 is None:
                raise InvalidInput(f"'{number}' is geen geldig telefoonnummer.")
        else:
            e164 = op.store.callbacks.resident_number(op.case_id)
        who = for_user or op.store.casework.user_name(op.case["assignee_id"])
        if who is None and loket.role() is Role.MEDEWERKER:
            who = loket.user
        who_id = None if who is None else _colleague(op, who)
        if times is not None:
            due = datetime.combine(day, times[1], tzinfo=LOCAL)
        else:
            due = deadlines.closing_time(deadlines.rules(op).hours, day)
        stamp = op.stamp()
        values = {"callback_requested_at": stamp, "callback_due": clock.iso(due),
                  "callback_window": _window_text(times), "callback_number": e164,
                  "callback_for_id": who_id, "callback_outcome": None, "updated_at": stamp}
        op.store.records.update_case(op.case_id, values)
        op.event(EventKind.CALLBACK_REQUESTED, {
            "requested_at": stamp, "due": clock.iso(due), "window": _window_text(times),
            "number": e164, "for": who,
        })
    return op.changes


def assign(loket: Loket, reference: str, for_user: str) -> Changes:
    """Give an open call-back request to a colleague."""
    with loket.op(acts.CALLBACK_ASSIGN, case=reference) as op:
        if not _open(op.case):
            raise InvalidInput(f"Zaak {op.case['reference']} heeft geen open terugbelverzoek.")
        who_id = _colleague(op, for_user)
        if op.case["callback_for_id"] == who_id:
            return op.changes
        op.store.records.update_case(op.case_id, {"callback_for_id": who_id,
                                                  "updated_at": op.stamp()})
        op.event(EventKind.CALLBACK_ASSIGNED, {"to": for_user})
    return op.changes


def done(
    loket: Loket, reference: str, result: str, *, again: date | None = None,
    again_window: str | None = None,
) -> Changes:
    """Record the outcome and close the request; with `again` (not reached), a new request
    for that day follows in the same step."""
    if result not in RESULTS:
        raise InvalidInput(f"Onbekende uitkomst '{result}'. Kies uit: {', '.join(RESULTS)}.")
    if again is not None and result == REACHED:
        raise InvalidInput("Opnieuw bellen hoort bij 'niet bereikt'.")
    with loket.op(acts.CALLBACK_DONE, case=reference) as op:
        case = op.case
        if not _open(case):
            raise InvalidInput(f"Zaak {case['reference']} heeft geen open terugbelverzoek.")
        stamp = op.stamp()
        on_time = stamp <= str(case["callback_due"])
        values: dict[str, Any] = {"callback_done_at": stamp, "callback_outcome": result,
                                  "updated_at": stamp}
        if result == REACHED and case["first_response_at"] is None:
            values["first_response_at"] = stamp  # the resident got an answer on the phone
        if result == REACHED and case["status"] == Status.NIEUW.value:
            values["status"] = Status.IN_BEHANDELING.value
        op.store.records.update_case(op.case_id, values)
        op.event(EventKind.CALLBACK_DONE, {"done_at": stamp, "result": result,
                                           "on_time": on_time})
        if "status" in values:
            op.event(EventKind.STATUS_CHANGED, {"from": case["status"], "to": values["status"]})
        if again is not None:
            op.changes.merge(request(
                loket, str(case["reference"]), again, window=again_window,
                number=case["callback_number"],
                for_user=op.store.casework.user_name(case["callback_for_id"]),
            ))
    return op.changes


def open_callbacks(loket: Loket, *, mine: bool = False) -> list[Callback]:
    """The open requests, the earliest due first (with `mine`: those for the acting person)."""
    with loket.op(acts.CALLBACK_LIST, obj="terugbelverzoeken") as op:
        now = op.stamp()
        rows = op.store.callbacks.open(loket.visibility(),
                                       op.actor_id() or -1 if mine else None)
        for r in rows:
            op.about(r["contact_id"])
        op.details = {"aantal": len(rows)}
        return [
            Callback(str(r["reference"]), str(r["subject"]), str(r["contact"]),
                     r["callback_number"], str(r["callback_due"]), r["callback_window"],
                     r["callback_for"], r["callback_for_name"], str(r["callback_requested_at"]),
                     str(r["callback_due"]) < now)
            for r in rows
        ]


def local_day(text: str) -> date:
    """A stored UTC moment's local day."""
    return clock.parse(text).astimezone(LOCAL).date()
