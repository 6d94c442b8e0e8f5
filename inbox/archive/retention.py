"""Retention by the Selectielijst: which result a case gets, and until when it is kept.

Closing a case fixes its result (from the archivaris' rule for its product, else the default
rule, else 6.1.3), its waardering (V or B), its bewaartermijn and its destroy date. The
brondatum is the day the case was closed (Dutch time): the KCC results have procestermijn
'nihil', so the term starts at closing. destroy date = brondatum + bewaartermijn. Reopening
clears all four; closing again fixes them anew. A legal hold keeps a case off every list.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from inbox import acts, clock
from inbox.archive import selectielijst
from inbox.archive.selectielijst import Result
from inbox.errors import InvalidInput
from inbox.gate import Op, Session
from inbox.model import Changes, EventKind, Status

TZ = ZoneInfo("Europe/Amsterdam")

_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")

SETTING_NAME = "organisation.name"
SETTING_IDENTIFIER = "organisation.identifier"
SETTING_SOURCE = "organisation.identifier_source"
DEFAULT_SOURCE = "Gemeentecode CBS"


def add_duration(start: date, duration: str) -> date:
    """`start` plus an ISO 8601 date duration (PnYnMnWnD); month ends clamp (31 Jan + P1M)."""
    match = _DURATION.match(duration.strip().upper())
    if not match or duration.strip().upper() == "P":
        raise ValueError(f"not an ISO 8601 date duration: {duration!r}")
    years, months, weeks, days = (int(g or 0) for g in match.groups())
    month_index = start.month - 1 + months
    year = start.year + years + month_index // 12
    month = month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date.fromordinal(date(year, month, day).toordinal() + weeks * 7 + days)


def local_date(stamp: str) -> date:
    """The Dutch calendar day of a stored UTC time stamp."""
    return clock.parse(stamp).astimezone(TZ).date()


def today(loket: Session) -> date:
    """The Dutch calendar day it is now for `loket`."""
    return loket.now().astimezone(TZ).date()


def _today(op: Op) -> date:
    return op.now.astimezone(TZ).date()


def describe_term(duration: str | None) -> str:
    """'P1Y' -> '1 jaar', 'P6M' -> '6 maanden', None -> 'blijvend'."""
    if not duration:
        return "blijvend"
    match = _DURATION.match(duration)
    if not match:
        return duration
    names = (("jaar", "jaar"), ("maand", "maanden"), ("week", "weken"), ("dag", "dagen"))
    parts = [
        f"{int(n)} {one if int(n) == 1 else many}"
        for n, (one, many) in zip(match.groups(), names, strict=True)
        if n is not None
    ]
    return " en ".join(parts) or "0 dagen"


@dataclass(frozen=True)
class Rule:
    product: str  # '' is the default rule
    result: Result
    set_by: str
    set_at: str


@dataclass(frozen=True)
class DueCase:
    """A closed case whose destroy date has come."""

    reference: str
    product: str | None
    result_code: str
    waardering: str
    bewaartermijn: str
    opened_on: str
    closed_on: str
    destroy_date: str
    on_list: int | None  # the open destruction list it is already on


# -- rules -----------------------------------------------------------------------------------

DEFAULT_RULE_SET_AT = clock.iso(datetime(2020, 1, 1))


def ensure_default_rule(op: Op) -> None:
    """The default rule ('' -> 6.1.3) exists from first use on."""
    default = selectielijst.result(op, selectielijst.DEFAULT_RESULT)
    op.store.archive.add_rule_if_missing("", default.id, "systeem", DEFAULT_RULE_SET_AT)


def rule_for(op: Op, product: str | None) -> Result:
    """The result for a case of `product`: its own rule, else the default rule."""
    ensure_default_rule(op)
    result_id = op.store.archive.rule_result_id((product or "").strip())
    assert result_id is not None  # the default rule exists
    return selectielijst.result(op, result_id)


def results(loket: Session, text: str = "") -> list[Result]:
    """The Selectielijst's results (those whose code, name or description contains `text`)."""
    with loket.op(acts.RETENTION_RESULTS) as op:
        return selectielijst.results(op, text)


def rules(loket: Session) -> list[Rule]:
    with loket.op(acts.RETENTION_RULES) as op:
        ensure_default_rule(op)
        return [
            Rule(r["product"], selectielijst.result(op, int(r["result_id"])), r["set_by"],
                 r["set_at"])
            for r in op.store.archive.rules()
        ]


def map_product(loket: Session, product: str, result_code: str, reapply: bool = False) -> Rule:
    """Map `product` ('' for the default) to a Selectielijst result. With `reapply`, closed
    cases of that product that are not on a destruction list get the new result too."""
    product = product.strip()
    with loket.op(acts.RETENTION_MAP, obj=f"bewaarregel:{product or '(standaard)'}") as op:
        found = selectielijst.result(op, result_code)
        if not found.usable:
            raise InvalidInput(
                f"Resultaat {found.code} is vervallen en kan niet worden gebruikt."
            )
        ensure_default_rule(op)
        op.store.archive.set_rule(product, found.id, op.user, op.stamp())
        op.event(EventKind.RETENTION_RULE_SET, {"product": product, "result": found.code})
        if reapply:
            for row in op.store.archive.closed_cases(Status.AFGEROND.value, off_open_lists=True):
                if rule_for(op, row["product"]).id == found.id:
                    fix_at_close(op, int(row["id"]), row["closed_at"])
        op.changed("retention")
        return Rule(product, found, op.user, op.stamp())


# -- closing and reopening (inside the running act that closes or reopens the case) -----------


def fix_at_close(op: Op, case_id: int, closed_at: str) -> None:
    """Fix result, waardering, bewaartermijn and destroy date of a case being closed."""
    case = op.store.records.case_row(case_id)
    if case is None:
        return
    found = rule_for(op, case["product"])
    destroy = None
    if found.waardering == "V" and found.bewaartermijn:
        destroy = add_duration(local_date(closed_at), found.bewaartermijn).isoformat()
    op.store.archive.set_retention(
        case_id, found.code, found.waardering, found.bewaartermijn, destroy
    )
    op.event(
        EventKind.RETENTION_FIXED,
        {
            "result": found.code,
            "waardering": found.waardering,
            "bewaartermijn": found.bewaartermijn,
            "destroy_date": destroy,
        },
        case_id,
    )


def clear_at_reopen(op: Op, case_id: int) -> None:
    """A reopened case has no result until it is closed again."""
    if op.store.archive.clear_retention(case_id):
        op.event(EventKind.RETENTION_CLEARED, {}, case_id)


def follow_team(loket: Session, case_id: int, closed_at: str | None) -> Changes:
    """Team sync projected a colleague's closing (`closed_at`) or reopening (None) of a case
    here: its retention follows, as it would after a closing or reopening on this laptop."""
    with loket.op(acts.RETENTION_FOLLOW, case=case_id) as op:
        if closed_at is None:
            clear_at_reopen(op, case_id)
        else:
            fix_at_close(op, case_id, closed_at)
    return op.changes


def apply_missing(loket: Session) -> int:
    """Fix the retention of closed cases that have none (closed before this feature)."""
    with loket.op(acts.RETENTION_APPLY, obj="bewaartermijnen") as op:
        rows = op.store.archive.closed_cases(Status.AFGEROND.value, without_retention=True)
        for row in rows:
            fix_at_close(op, int(row["id"]), row["closed_at"])
        op.details = {"zaken": len(rows)}
    return len(rows)


# -- what is due, legal hold -----------------------------------------------------------------


def due(loket: Session, on: date | None = None) -> list[DueCase]:
    """Closed cases to be destroyed (waardering V) whose destroy date is on or before `on`
    (default: today), without a legal hold; oldest destroy date first."""
    with loket.op(acts.RETENTION_DUE) as op:
        return due_in(op, on or _today(op))


def due_in(op: Op, day: date) -> list[DueCase]:
    """`due` inside a running act."""
    return [
        DueCase(
            reference=r["reference"],
            product=r["product"],
            result_code=r["selectielijst_result"],
            waardering=r["waardering"],
            bewaartermijn=r["bewaartermijn"],
            opened_on=local_date(r["opened_at"]).isoformat(),
            closed_on=local_date(r["closed_at"]).isoformat(),
            destroy_date=r["destroy_date"],
            on_list=None if r["on_list"] is None else int(r["on_list"]),
        )
        for r in op.store.archive.due(Status.AFGEROND.value, day.isoformat())
    ]


def set_hold(loket: Session, reference: str, on: bool, reason: str = "") -> Changes:
    """Put a legal hold on a case (or lift it); the changes are empty when it already was so."""
    with loket.op(acts.LEGAL_HOLD, case=reference) as op:
        if bool(op.case["legal_hold"]) == on:
            return op.changes
        op.store.records.update_case(op.case_id, {"legal_hold": int(on)})
        op.event(EventKind.LEGAL_HOLD, {"on": on, "reason": reason.strip()})
    return op.changes


def retention_of(loket: Session, reference: str) -> dict[str, Any]:
    """The retention fields of one case, for the CLI and the screens."""
    with loket.op(acts.RETENTION_SHOW, case=reference) as op:
        row = op.case
        return {
            "reference": row["reference"],
            "product": row["product"],
            "status": row["status"],
            "closed_on": local_date(row["closed_at"]).isoformat() if row["closed_at"] else None,
            "result": row["selectielijst_result"],
            "waardering": row["waardering"],
            "bewaartermijn": row["bewaartermijn"],
            "destroy_date": row["destroy_date"],
            "legal_hold": bool(row["legal_hold"]),
        }


# -- the organisation (archiefvormer) --------------------------------------------------------


@dataclass(frozen=True)
class Organisation:
    name: str
    identifier: str
    identifier_source: str


def organisation(loket: Session) -> Organisation | None:
    """The municipality as archiefvormer, or None before it was set."""
    with loket.op(acts.ORGANISATION_READ) as op:
        return organisation_in(op)


def organisation_in(op: Op) -> Organisation | None:
    """`organisation` inside a running act."""
    values = op.store.archive.settings((SETTING_NAME, SETTING_IDENTIFIER, SETTING_SOURCE))
    if not values.get(SETTING_NAME):
        return None
    return Organisation(
        values[SETTING_NAME],
        values.get(SETTING_IDENTIFIER, ""),
        values.get(SETTING_SOURCE) or DEFAULT_SOURCE,
    )


def set_organisation(
    loket: Session, name: str, identifier: str = "", source: str = DEFAULT_SOURCE
) -> Organisation:
    """Name and identifier of the municipality (archiefvormer), e.g. 'GM0999'."""
    if not name.strip():
        raise InvalidInput("Vul de naam van de organisatie in.")
    with loket.op(acts.ORGANISATION_SET, obj="archiefvormer") as op:
        op.store.archive.set_settings(
            {
                SETTING_NAME: name.strip(),
                SETTING_IDENTIFIER: identifier.strip(),
                SETTING_SOURCE: source.strip() or DEFAULT_SOURCE,
            }
        )
        op.event(EventKind.ORGANISATION_SET, {"name": name.strip()})
        op.changed("settings")
        found = organisation_in(op)
    assert found is not None
    return found
