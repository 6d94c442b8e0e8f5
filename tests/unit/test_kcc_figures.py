"""The new `stats --json` keys against a seeded database: per product, repeat contact (which
clears "in één keer" of the earlier case, with an event), hand-overs per department,
call-backs, the weekly online share, per medewerker, the teamleider's target; and products
picked when closing, the last used first."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from inbox import callbacks, casework, handover, kcc_figures
from inbox.errors import InvalidInput, PermissionDenied
from inbox.model import Channel
from tests.clikit import run_cli
from tests.conftest import STAFF_PASSWORD, act_as, receive_mail
from tests.unit.test_deadlines import freeze, local
from tests.unit.test_handover import team_with_a_department

MONDAY = local(2026, 11, 9, 10)


def _now(loket: Any, moment: datetime) -> None:
    loket.now = lambda: moment


def _phone(loket: Any, name: str, number: str, when: datetime, **more: Any) -> Any:
    _now(loket, when)
    return loket.log_contact(Channel.PHONE, name=name, question=f"Vraag van {name}",
                             phone_number=number, at=when, **more)


@pytest.fixture
def seeded(loket):  # type: ignore[no-untyped-def]
    from inbox import contacts

    team_with_a_department(loket)  # Burgerzaken: 1 working day
    refs: dict[str, str] = {}
    # Sanne called in the summer, and her number and address are one resident since
    _now(loket, local(2026, 8, 3, 9))
    summer = _phone(loket, "Sanne Mulder", "06 11111111", local(2026, 8, 3, 9), resolved=True)
    _now(loket, local(2026, 11, 2, 9))
    a = receive_mail(loket, "sanne@example.nl", "Paspoort verlopen", when=local(2026, 11, 2, 9),
                     sender_name="Sanne Mulder")
    contacts.merge(loket, int(loket.db.scalar("SELECT contact_id FROM cases WHERE id = ?",
                                              (a.case_id,))),
                   int(loket.db.scalar("SELECT contact_id FROM cases WHERE id = ?",
                                       (summer.case_id,))), "zelfde persoon")
    refs["a"] = a.reference
    loket.assign(a.reference, "anne")
    casework.set_product(loket, a.reference, "Paspoort")
    _now(loket, local(2026, 11, 2, 13))
    casework.reply_by_email(loket, a.reference, "Maak een afspraak.")
    _now(loket, local(2026, 11, 3, 9))
    loket.close_case(a.reference, "Uitgelegd", first_contact_resolution=True)
    # Sanne calls two days later about the same thing: A was not handled in one go
    b = _phone(loket, "Sanne Mulder", "06 11111111", local(2026, 11, 5, 11),
               answer="Afspraak gemaakt", resolved=True)
    refs["b"] = b.reference
    casework.set_product(loket, b.reference, "Paspoort")
    _now(loket, local(2026, 11, 3, 10))
    c = receive_mail(loket, "piet@example.nl", "Rijbewijs omwisselen",
                     when=local(2026, 11, 3, 10))
    refs["c"] = c.reference
    casework.set_product(loket, c.reference, "Rijbewijs")
    loket.assign(c.reference, "bram")
    handover.forward(loket, c.reference, "Burgerzaken", "Kan dit met een buitenlands rijbewijs?")
    d = loket.log_contact(Channel.COUNTER, name="Els", question="Rijbewijs kwijt",
                          answer="Vermissing melden", resolved=True, at=local(2026, 11, 4, 10))
    refs["d"] = d.reference
    casework.set_product(loket, d.reference, "Rijbewijs")
    e = _phone(loket, "Jan", "06 22222222", local(2026, 11, 9, 8), callback_by="2026-11-06")
    f = _phone(loket, "Kees", "06 33333333", local(2026, 11, 9, 8, 30), callback_by="2026-11-10")
    refs["e"], refs["f"] = e.reference, f.reference
    _now(loket, MONDAY)
    callbacks.done(loket, f.reference, callbacks.REACHED)
    return loket, refs


def test_repeat_contact_clears_in_one_go_with_an_event(seeded) -> None:  # type: ignore[no-untyped-def]
    loket, refs = seeded
    row = loket.db.one("SELECT first_contact_resolution, repeat_contact_at FROM cases "
                       "WHERE reference = ?", (refs["a"],))
    assert row["first_contact_resolution"] == 0 and row["repeat_contact_at"] is not None
    [event] = [json.loads(r[0]) for r in loket.db.query(
        "SELECT e.data FROM case_events e JOIN cases c ON c.id = e.case_id "
        "WHERE c.reference = ? AND e.kind = 'repeat_contact'", (refs["a"],))]
    assert (event["by"], event["channel"], event["was_one_go"]) == (refs["b"], "phone", True)
    titles = [t.title for t in loket.case_detail(refs["a"]).timeline]
    assert any("opnieuw contact" in t for t in titles)
    # a contact more than 14 days after the closing is no repeat
    _now(loket, local(2026, 11, 30, 9))
    receive_mail(loket, "els@example.nl", "Nieuwe vraag", when=local(2026, 11, 30, 9))
    assert loket.db.scalar("SELECT repeat_contact_at FROM cases WHERE reference = ?",
                           (refs["d"],)) is None


def test_the_new_stats_keys(seeded) -> None:  # type: ignore[no-untyped-def]
    loket, refs = seeded
    act_as(loket, "tineke")
    kcc_figures.set_target(loket, 75)
    data = loket.stats()
    assert set(kcc_figures.KEYS) <= set(data)
    pas, rij = data["per_product"]["Paspoort"], data["per_product"]["Rijbewijs"]
    assert (pas["volume"], pas["channels"]) == (2, {"email": 1, "phone": 1})
    assert (pas["handled_in_one_go_pct"], pas["handed_over_pct"]) == (50.0, 0.0)
    assert pas["median_first_answer_hours"] == 2.0  # A after 4 hours, B on the phone at once
    assert (rij["volume"], rij["handled_in_one_go_pct"], rij["handed_over_pct"]) == (
        2, 100.0, 50.0)
    assert data["repeat_contact_pct"] == 25.0  # A, of the summer call, A, B and D
    assert data["forwarded"] == {"Burgerzaken": {"count": 1, "open": 1, "overdue": 1,
                                                 "answered": 0}}
    assert data["callbacks"] == {"open": 1, "overdue": 1, "done": 1, "on_time_pct": 100.0}
    assert data["channel_shift"]["2026-W45"] == {"online": 2, "phone_counter": 2,
                                                 "online_pct": 50.0}
    assert data["channel_shift"]["2026-W46"]["phone_counter"] == 2
    assert data["per_medewerker"] == {
        "anne": {"cases": 1, "open": 0, "closed": 1, "in_one_go": 0},
        "bram": {"cases": 1, "open": 1, "closed": 0, "in_one_go": 0}}
    assert data["targets"] == {"handled_in_one_go_pct": 75.0}
    with pytest.raises(InvalidInput):
        kcc_figures.set_target(loket, 120)
    act_as(loket, "arjen")
    with pytest.raises(PermissionDenied):
        kcc_figures.set_target(loket, 70)


def test_stats_on_the_command_line_carry_them(seeded, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    loket, refs = seeded
    expected = loket.stats()
    db = Path(loket.path)
    loket.close()
    monkeypatch.setenv("LOKET_PASSWORD", STAFF_PASSWORD)
    freeze(monkeypatch, MONDAY)
    code, out, err = run_cli(db, "tineke", "stats", "--json")
    assert code == 0, err
    data = json.loads(out)
    for key in kcc_figures.KEYS:
        assert data[key] == expected[key], key


def test_products_last_used_first(seeded, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    loket, refs = seeded
    choices = casework.product_choices(loket)
    assert choices[:2] == ["Rijbewijs", "Paspoort"]  # anne's last used, newest first
    assert "Afvalcontainer" in choices or len(choices) > 10  # then the whole list
    assert casework.product_choices(loket, "RIJ") == ["Rijbewijs"]
    db = Path(loket.path)
    loket.close()
    monkeypatch.setenv("LOKET_PASSWORD", STAFF_PASSWORD)
    code, out, err = run_cli(db, "anne", "products", "--search", "pas", "--json")
    assert code == 0 and json.loads(out)[0] == "Paspoort"
