"""The "antwoord uiterlijk" moment of every open case, and the office hours it is counted in.

A case's due moment is its manual deadline (at that day's closing time), else its channel's
norm counted from its arrival: working days skip weekends, Dutch public holidays (the
`holidays` library) and days the office is closed, and end at closing time; hour norms count
only office hours. Mail that arrives after closing time counts from the next opening. The
beheerder sets the office hours per weekday. The moment is kept in `cases.due_at` (UTC), so the
views "Vandaag" and "Te laat" and the column of the case list are plain SQL.
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from inbox import acts, clock
from inbox.casework import LOCAL, is_public_holiday, local_date
from inbox.errors import InvalidInput
from inbox.model import Changes, Status

if TYPE_CHECKING:
    from inbox.gate import CaseQuery, Op, Session
    from inbox.services import Loket
    from inbox.workspace import Norm

OFFICE_HOURS_KEY = "workspace.office_hours"
FILLED_KEY = "deadlines.filled"  # set once every open case got its due moment
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_LABELS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
# the statuses whose cases the KCC must still answer (waiting for the resident is not late)
DUE_STATUSES = (Status.NIEUW.value, Status.IN_BEHANDELING.value, Status.BIJ_VAKAFDELING.value)

Hours = tuple[time, time] | None


@dataclass(frozen=True)
class OfficeHours:
    """Opening and closing time per weekday (Monday first); None: closed that day."""

    days: tuple[Hours, ...]

    @classmethod
    def default(cls) -> OfficeHours:
        weekday = (time(8, 30), time(17, 0))
        return cls((weekday,) * 5 + (None, None))

    def of(self, day: date) -> Hours:
        """The hours of `day`; None when the office is closed (or it is a public holiday)."""
        hours = self.days[day.weekday()]
        return None if hours is None or is_public_holiday(day) else hours

    def as_json(self) -> dict[str, list[str] | None]:
        return {
            name: None if h is None else [h[0].strftime("%H:%M"), h[1].strftime("%H:%M")]
            for name, h in zip(DAYS, self.days, strict=True)
        }

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> OfficeHours:
        base = cls.default().days
        days: list[Hours] = []
        for i, name in enumerate(DAYS):
            if name not in value:
                days.append(base[i])
                continue
            item = value[name]
            days.append(None if not item else (_time(item[0]), _time(item[1])))
        return cls(tuple(days))


def _time(text: str) -> time:
    try:
        hour, minute = str(text).strip().split(":")
        return time(int(hour), int(minute))
    except ValueError:
        raise InvalidInput(f"'{text}' is geen tijd (UU:MM).") from None


def parse_hours(opening: str, closing: str) -> tuple[time, time]:
    """Opening and closing time as people type them ('8:30', '17:00'), checked."""
    start, end = _time(opening), _time(closing)
    if end <= start:
        raise InvalidInput("De sluitingstijd moet na de openingstijd liggen.")
    return start, end


def _at(day: date, moment: time) -> datetime:
    return datetime.combine(day, moment, tzinfo=LOCAL)


# -- the rules in force (cached per session until the database changes) --------------------


@dataclass(frozen=True)
class Rules:
    hours: OfficeHours
    norms: Mapping[str, Norm]


_CACHE: weakref.WeakKeyDictionary[Session, tuple[int, Rules]] = weakref.WeakKeyDictionary()


def rules(op: Op) -> Rules:
    """The office hours and the channels' norms in force, for an act already running."""
    from inbox import workspace

    session = op.session
    version = session.data_version()
    found = _CACHE.get(session)
    if found is not None and found[0] == version:
        return found[1]
    raw = op.store.records.setting(OFFICE_HOURS_KEY)
    hours = OfficeHours.from_json(json.loads(raw)) if raw else OfficeHours.default()
    made = Rules(hours, workspace.norms_in_force(op))
    _CACHE[session] = (version, made)
    return made


def forget(session: Session) -> None:
    """Read the rules again (they were just changed in this session)."""
    _CACHE.pop(session, None)


# -- counting --------------------------------------------------------------------------------


def next_opening(hours: OfficeHours, moment: datetime) -> datetime:
    """`moment` itself when the office is open then, else the next opening time."""
    local = moment.astimezone(LOCAL)
    day = local.date()
    for _ in range(400):
        found = hours.of(day)
        if found is not None:
            start, end = _at(day, found[0]), _at(day, found[1])
            if local < end:
                return max(local, start)
        day += timedelta(days=1)
        local = _at(day, time(0, 0))
    raise InvalidInput("Er zijn geen openingstijden ingesteld.")


def closing_time(hours: OfficeHours, day: date) -> datetime:
    """Closing time of `day`; a day the office is closed ends at midnight."""
    found = hours.of(day)
    if found is None:
        return datetime.combine(day, time(23, 59, 59), tzinfo=LOCAL)
    return _at(day, found[1])


def after_working_days(hours: OfficeHours, start: datetime, days: int) -> datetime:
    """Closing time of the `days`-th working day after `start` (0: the day work starts)."""
    day = next_opening(hours, start).date()
    for _ in range(days):
        day += timedelta(days=1)
        while hours.of(day) is None:
            day += timedelta(days=1)
    return closing_time(hours, day)


def after_office_hours(hours: OfficeHours, start: datetime, amount: float) -> datetime:
    """The moment `amount` office hours after `start`."""
    left = timedelta(hours=amount)
    moment = next_opening(hours, start)
    for _ in range(4000):
        found = hours.of(moment.date())
        assert found is not None  # next_opening lands on an open day
        end = _at(moment.date(), found[1])
        if moment + left <= end:
            return moment + left
        left -= end - moment
        moment = next_opening(hours, end + timedelta(seconds=1))
    raise InvalidInput("Deze norm is te lang.")


def norm_due(found: Rules, norm: Norm, arrived: datetime) -> datetime:
    from inbox.workspace import HOURS

    if norm.unit == HOURS:
        return after_office_hours(found.hours, arrived, norm.amount)
    return after_working_days(found.hours, arrived, norm.amount)


def due_of(found: Rules, case: Any) -> datetime | None:
    """A case row's due moment: its manual deadline, else its channel's norm, else None."""
    if case["deadline"]:
        return closing_time(found.hours, date.fromisoformat(str(case["deadline"])))
    norm = found.norms.get(str(case["channel"]))
    if norm is None:
        return None
    return norm_due(found, norm, clock.parse(str(case["opened_at"])))


def due_at_opening(op: Op, channel: str, opened_at: str) -> str | None:
    """The due moment (UTC text) of a case opening now: its channel's norm from `opened_at`."""
    due = due_of(rules(op), {"deadline": None, "channel": channel, "opened_at": opened_at})
    return None if due is None else clock.iso(due)


def refresh(op: Op, case_id: int) -> None:
    """Keep `cases.due_at` of one case right (after it opened, or its deadline changed)."""
    case = op.store.records.case_row(case_id)
    if case is None:
        return
    due = due_of(rules(op), case)
    value = None if due is None else clock.iso(due)
    if case["due_at"] != value:
        op.store.records.update_case(case_id, {"due_at": value})
        op.changes.cases.add(case_id)


def recompute_open(op: Op) -> int:
    """Every open case's due moment again (the norms or office hours changed); how many."""
    found = rules(op)
    changed = 0
    for case in op.store.deadlines.open_cases():
        due = due_of(found, case)
        value = None if due is None else clock.iso(due)
        if case["due_at"] != value:
            op.store.deadlines.set_due(int(case["id"]), value)
            changed += 1
    return changed


def fill(loket: Loket) -> None:
    """Once: give every open case of an older database its due moment."""
    if loket.store.records.setting(FILLED_KEY) == "1":
        return
    with loket.op(acts.DEADLINES_FILL) as op:
        if op.store.records.setting(FILLED_KEY) != "1":
            recompute_open(op)
            op.store.records.set_setting(FILLED_KEY, "1")


# -- office hours (the beheerder) ---------------------------------------------------------------


def office_hours(loket: Loket) -> OfficeHours:
    with loket.op(acts.OFFICE_HOURS_VIEW) as op:
        return rules(op).hours


def set_office_hours(loket: Loket, changes: Mapping[str, tuple[time, time] | None]) -> OfficeHours:
    """Set the hours of some weekdays ('mon'..'sun'; None: closed); open cases' due moments
    follow."""
    unknown = set(changes) - set(DAYS)
    if unknown:
        raise InvalidInput(f"Onbekende dag: {', '.join(sorted(unknown))}. Kies uit: "
                           + ", ".join(DAYS) + ".")
    with loket.op(acts.OFFICE_HOURS_SET, obj="openingstijden") as op:
        days = list(rules(op).hours.days)
        for name, value in changes.items():
            days[DAYS.index(name)] = value
        if all(d is None for d in days):
            raise InvalidInput("Het KCC moet minstens één dag open zijn.")
        made = OfficeHours(tuple(days))
        op.store.records.set_setting(OFFICE_HOURS_KEY, json.dumps(made.as_json(),
                                                                  sort_keys=True))
        forget(op.session)
        op.details = {"dagen": sorted(changes)}
        op.changed("settings")
        recompute_open(op)
    return made


def is_open(hours: OfficeHours, moment: datetime) -> bool:
    """Whether the office is open at `moment`."""
    local = moment.astimezone(LOCAL)
    found = hours.of(local.date())
    return found is not None and _at(local.date(), found[0]) <= local < _at(local.date(),
                                                                           found[1])


# -- the views ---------------------------------------------------------------------------------


def view_bounds(now: datetime) -> tuple[str, str]:
    """(now, the end of today) in UTC: "Vandaag" is due in between, "Te laat" before now."""
    end = datetime.combine(local_date(now), time(23, 59, 59), tzinfo=LOCAL)
    return clock.iso(now), clock.iso(end)


VIEWS = ("vandaag", "te_laat", "terugbellen")


def view_query(view: str, now: datetime, statuses: tuple[str, ...] = DUE_STATUSES) -> CaseQuery:
    """The cases of a worklist view at `now`: "vandaag" (due later today), "te_laat" (due
    before now, or a hand-over the department let pass its due) and "terugbellen" (open
    call-back requests), each the earliest first."""
    from inbox.gate import CaseQuery

    start, end = view_bounds(now)
    if view == "vandaag":
        return CaseQuery(statuses=statuses, due_from=start, due_to=end, sort="due_at",
                         descending=False)
    if view == "te_laat":
        return CaseQuery(statuses=statuses, late_at=start, sort="due_at", descending=False)
    if view == "terugbellen":
        return CaseQuery(callbacks=True, sort="callback_due", descending=False)
    raise InvalidInput(f"Onbekende lijst '{view}'. Kies uit: {', '.join(VIEWS)}.")


def after_norms_changed(op: Op) -> Changes:
    """The norms were saved in `op`: open cases' due moments follow."""
    forget(op.session)
    recompute_open(op)
    return op.changes
