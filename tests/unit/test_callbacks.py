"""Call-back requests under a frozen clock: the "Terugbellen" list in order with overdue ones
marked, done in one step (reached, or not reached and try again), given to a colleague."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from inbox import callbacks
from inbox.errors import InvalidInput, NotFound, PermissionDenied
from inbox.model import Channel
from inbox.services import CaseQuery
from tests.clikit import run_cli
from tests.conftest import STAFF_PASSWORD, act_as, add_staff, at

MONDAY_10 = datetime(2026, 11, 9, 9, 0, tzinfo=UTC)  # 10:00 in Amsterdam


@pytest.fixture
def anne(loket):  # type: ignore[no-untyped-def]
    add_staff(loket)
    act_as(loket, "anne")
    loket.now = lambda: MONDAY_10
    return loket


def _call(loket, name: str, number: str, callback_by: str | None = None):  # type: ignore[no-untyped-def]
    return loket.log_contact(Channel.PHONE, name=name, question=f"Vraag van {name}",
                             phone_number=number, callback_by=callback_by, at=MONDAY_10)


def test_a_phone_note_carries_a_call_back_and_the_list_is_in_order(anne) -> None:  # type: ignore[no-untyped-def]
    loket = anne
    late = _call(loket, "Sanne", "06 12345678")
    soon = _call(loket, "Piet", "06 87654321", callback_by="2026-11-10")
    callbacks.request(loket, late.reference, date(2026, 11, 6), window="9:00-12:00")
    listed = callbacks.open_callbacks(loket)
    assert [c.reference for c in listed] == [late.reference, soon.reference]
    first, second = listed
    assert (first.number, first.window, first.overdue) == ("+31612345678", "09:00-12:00", True)
    assert first.due == "2026-11-06T11:00:00Z"  # Friday 12:00 local
    assert second.due == "2026-11-10T16:00:00Z" and not second.overdue  # closing time Tuesday
    assert second.for_user == "anne"  # who took the call
    assert loket.count_cases(CaseQuery(callbacks=True)) == 2
    timeline = [t.title for t in loket.case_detail(soon.reference).timeline]
    assert any(t.startswith("Terugbellen door anne uiterlijk 10-11-2026 17:00") for t in timeline)


def test_done_in_one_step_and_try_again(anne) -> None:  # type: ignore[no-untyped-def]
    loket = anne
    case = _call(loket, "Sanne", "06 12345678", callback_by="2026-11-09")
    callbacks.done(loket, case.reference, callbacks.NOT_REACHED, again=date(2026, 11, 10),
                   again_window="13:00-15:00")
    [again] = callbacks.open_callbacks(loket)
    assert (again.reference, again.window, again.due) == (
        case.reference, "13:00-15:00", "2026-11-10T14:00:00Z")
    assert again.number == "+31612345678"
    loket.now = lambda: datetime(2026, 11, 10, 15, 30, tzinfo=UTC)  # after the window
    callbacks.done(loket, case.reference, callbacks.REACHED)
    assert callbacks.open_callbacks(loket) == []
    events = [json.loads(r[0]) for r in loket.db.query(
        "SELECT data FROM case_events WHERE kind = 'callback_done' ORDER BY id")]
    assert [(e["result"], e["on_time"]) for e in events] == [
        ("niet_bereikt", True), ("bereikt", False)]
    row = loket.db.one("SELECT first_response_at, callback_outcome FROM cases WHERE id = ?",
                       (case.case_id,))
    assert row["callback_outcome"] == "bereikt" and row["first_response_at"] is not None
    with pytest.raises(InvalidInput, match="geen open terugbelverzoek"):
        callbacks.done(loket, case.reference, callbacks.REACHED)


def test_given_to_a_colleague_and_refusals(anne) -> None:  # type: ignore[no-untyped-def]
    loket = anne
    case = _call(loket, "Sanne", "06 12345678", callback_by="2026-11-09")
    callbacks.assign(loket, case.reference, "bram")
    assert [c.for_user for c in callbacks.open_callbacks(loket)] == ["bram"]
    assert callbacks.open_callbacks(loket, mine=True) == []
    with pytest.raises(NotFound):
        callbacks.assign(loket, case.reference, "tineke")  # a teamleider does not call back
    with pytest.raises(InvalidInput, match="tijdvak"):
        callbacks.request(loket, case.reference, date(2026, 11, 10), window="12-9")
    with pytest.raises(InvalidInput, match="telefoonnummer"):
        callbacks.request(loket, case.reference, date(2026, 11, 10), number="12")
    with pytest.raises(InvalidInput, match="niet bereikt"):
        callbacks.done(loket, case.reference, callbacks.REACHED, again=date(2026, 11, 10))
    act_as(loket, "tineke")
    with pytest.raises(PermissionDenied):
        callbacks.open_callbacks(loket)


def test_callback_commands(anne, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    loket = anne
    case = _call(loket, "Sanne", "06 12345678")
    other = loket.receive  # an e-mail case can carry a call-back too
    from inbox.model import IncomingMessage

    mail = other(IncomingMessage(Channel.EMAIL, at(9, 8), sender="els@example.nl",
                                 subject="Bel mij", body_text="Bel me maar terug"))
    db = Path(loket.path)
    loket.close()
    monkeypatch.setenv("LOKET_PASSWORD", STAFF_PASSWORD)
    code, out, err = run_cli(db, "anne", "callback", mail.reference, "--on", "2030-01-07",
                             "--number", "0201234567", "--for", "bram", "--json")
    assert code == 0, err
    assert json.loads(out)["callback_for"] == "bram"
    code, out, err = run_cli(db, "anne", "callback", case.reference, "--on", "2030-01-04",
                             "--window", "09:00-10:00")
    assert code == 0, err
    code, out, err = run_cli(db, "anne", "callbacks", "--json")
    assert code == 0, err
    assert [c["reference"] for c in json.loads(out)] == [case.reference, mail.reference]
    code, out, err = run_cli(db, "anne", "callback", case.reference, "--done", "--outcome",
                             "bereikt", "--json")
    assert code == 0 and json.loads(out)["callback_open"] is False
    code, _, err = run_cli(db, "anne", "callback", case.reference, "--done")
    assert code == 1 and "--outcome" in err
    code, _, err = run_cli(db, "anne", "callback", case.reference, "--done", "--outcome", "x")
    assert code == 2
