"""The "antwoord uiterlijk" moment under a frozen clock: working days skip weekends, Koningsdag
and Christmas and end at closing time; hour norms count office hours; the views "Vandaag" and
"Te laat" (with counts) and `cases --view` give the same lists."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from pathlib import Path

import pytest

from inbox import casework, deadlines, handover, workspace
from inbox.errors import InvalidInput, PermissionDenied
from inbox.model import Channel, IncomingMessage
from tests.clikit import run_cli
from tests.conftest import STAFF_PASSWORD, act_as, add_staff

NORM = deadlines.Rules(deadlines.OfficeHours.default(), {})


def freeze(monkeypatch: pytest.MonkeyPatch, moment: datetime) -> None:
    """Commands run by run_cli open their Loket with the clock stopped at `moment`."""
    from inbox.services import Loket

    opened = Loket.open.__func__  # type: ignore[attr-defined]

    def at_moment(cls: type[Loket], *args: object, **kwargs: object) -> Loket:
        found = opened(cls, *args, **kwargs)
        found.now = lambda: moment
        return found  # type: ignore[no-any-return]

    monkeypatch.setattr(Loket, "open", classmethod(at_moment))


def local(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=deadlines.LOCAL)


def one_day(arrived: datetime) -> datetime:
    return deadlines.norm_due(NORM, workspace.Norm(1, workspace.WORKING_DAYS), arrived)


def test_working_days_end_at_closing_time_and_skip_holidays() -> None:
    assert one_day(local(2026, 11, 6, 16)) == local(2026, 11, 9, 17)  # Friday -> Monday 17:00
    assert one_day(local(2026, 11, 6, 18)) == local(2026, 11, 10, 17)  # after closing: Tuesday
    assert one_day(local(2026, 11, 7, 11)) == local(2026, 11, 10, 17)  # Saturday: from Monday
    assert one_day(local(2026, 4, 24, 16)) == local(2026, 4, 28, 17)  # Koningsdag Mon 27 April
    assert one_day(local(2026, 12, 24, 16)) == local(2026, 12, 28, 17)  # Christmas 25 and 26
    hours = workspace.Norm(4, workspace.HOURS)
    # Friday 16:00: one office hour left, three more on Monday from 08:30
    assert deadlines.norm_due(NORM, hours, local(2026, 11, 6, 16)) == local(2026, 11, 9, 11, 30)
    assert deadlines.norm_due(NORM, hours, local(2026, 11, 9, 7)) == local(2026, 11, 9, 12, 30)


def test_the_beheerder_sets_office_hours_and_due_moments_follow(loket) -> None:  # type: ignore[no-untyped-def]
    add_staff(loket)
    act_as(loket, "anne")
    case = loket.receive(IncomingMessage(Channel.EMAIL, local(2026, 11, 6, 16),
                                         sender="els@example.nl", subject="Vraag"))
    due = loket.db.scalar("SELECT due_at FROM cases WHERE id = ?", (case.case_id,))
    assert due == "2026-11-10T16:00:00Z"  # the default norm: 2 working days
    with pytest.raises(PermissionDenied):
        deadlines.set_office_hours(loket, {"tue": (time(9, 0), time(12, 0))})
    act_as(loket, "bea")
    deadlines.set_office_hours(loket, {"tue": (time(9, 0), time(12, 0)), "sat": None})
    assert deadlines.office_hours(loket).as_json()["tue"] == ["09:00", "12:00"]
    due = loket.db.scalar("SELECT due_at FROM cases WHERE id = ?", (case.case_id,))
    assert due == "2026-11-10T11:00:00Z"  # Tuesday closes at 12:00 now
    with pytest.raises(InvalidInput):
        deadlines.set_office_hours(loket, {d: None for d in deadlines.DAYS})
    with pytest.raises(InvalidInput):
        deadlines.parse_hours("17:00", "09:00")
    act_as(loket, "tineke")  # the teamleider sets the norms: due moments follow too
    workspace.save_norms(loket, {"email": workspace.Norm(1, workspace.WORKING_DAYS)})
    due = loket.db.scalar("SELECT due_at FROM cases WHERE id = ?", (case.case_id,))
    assert due == "2026-11-09T16:00:00Z"
    act_as(loket, "anne")  # a manual deadline wins, at that day's closing time
    casework.set_deadline(loket, case.reference, date(2026, 11, 12))
    assert loket.case_detail(case.reference).summary.due_at == "2026-11-12T16:00:00Z"


@pytest.fixture
def worklist(loket):  # type: ignore[no-untyped-def]
    from tests.unit.test_handover import team_with_a_department

    team_with_a_department(loket)
    act_as(loket, "tineke")
    workspace.save_norms(loket, {"email": workspace.Norm(1, workspace.WORKING_DAYS)})
    act_as(loket, "anne")
    made = {}
    for key, when in (("friday", local(2026, 11, 6, 16)), ("wednesday", local(2026, 11, 4, 9)),
                      ("monday", local(2026, 11, 9, 9)), ("waiting", local(2026, 11, 3, 9)),
                      ("handed", local(2026, 11, 9, 8))):
        made[key] = loket.receive(IncomingMessage(Channel.EMAIL, when,
                                                  sender=f"{key}@example.nl", subject=key))
    loket.set_status(made["waiting"].reference, "wacht_op_inwoner")  # not late: waiting
    loket.now = lambda: local(2026, 11, 2, 9)  # handed over a week earlier: due 3 November
    handover.forward(loket, made["handed"].reference, "Burgerzaken", "Vraag")
    loket.now = lambda: local(2026, 11, 9, 10)  # Monday 10:00
    return loket, {k: v.reference for k, v in made.items()}


def test_views_vandaag_and_te_laat_with_counts(worklist) -> None:  # type: ignore[no-untyped-def]
    loket, refs = worklist
    now = loket.now()
    today = deadlines.view_query("vandaag", now)
    late = deadlines.view_query("te_laat", now)
    listed = lambda q: [s.reference for s in loket.case_summaries(loket.case_ids(q))]  # noqa: E731
    assert listed(today) == [refs["friday"]]  # due Monday 17:00
    assert listed(late) == [refs["wednesday"], refs["handed"]]
    assert (loket.count_cases(today), loket.count_cases(late)) == (1, 2)
    with pytest.raises(InvalidInput):
        deadlines.view_query("morgen", now)


def test_cases_view_on_the_command_line(worklist, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    loket, refs = worklist
    db = Path(loket.path)
    loket.close()
    monkeypatch.setenv("LOKET_PASSWORD", STAFF_PASSWORD)
    freeze(monkeypatch, local(2026, 11, 9, 10))  # the command runs on Monday 10:00
    code, out, err = run_cli(db, "anne", "cases", "--view", "te_laat", "--json")
    assert code == 0, err
    late = json.loads(out)
    assert [c["reference"] for c in late] == [refs["wednesday"], refs["handed"]]
    assert late[0]["due_at"] == "2026-11-05T16:00:00Z"
    code, out, err = run_cli(db, "anne", "cases", "--view", "vandaag", "--json")
    assert [c["reference"] for c in json.loads(out)] == [refs["friday"]]
    code, out, err = run_cli(db, "bea", "office-hours", "set", "fri", "08:00", "12:00",
                             "--json")
    assert code == 0 and json.loads(out)["fri"] == ["08:00", "12:00"]
    code, _, err = run_cli(db, "bea", "office-hours", "set", "fri")
    assert code == 1 and "sluitingstijd" in err
