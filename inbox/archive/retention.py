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
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from inbox import clock
from inbox.archive import selectielijst
from inbox.archive.selectielijst import Result
from inbox.errors import InvalidInput, NotFound
from inbox.model import Role, Status
from storage.db import Database
from storage.records import Records

if TYPE_CHECKING:
    from inbox.services import Loket

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


def today(loket: Loket) -> date:
    return loket.now().astimezone(TZ).date()


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


def ensure_default_rule(db: Database) -> None:
    selectielijst.ensure_loaded(db)
    if db.scalar("SELECT 1 FROM retention_rules WHERE product = ''") is None:
        default = selectielijst.result(db, selectielijst.DEFAULT_RESULT)
        db.conn.execute(
            "INSERT OR IGNORE INTO retention_rules(product, result_id, set_by, set_at) "
            "VALUES ('', ?, 'systeem', ?)",
            (default.id, clock.iso(datetime(2020, 1, 1))),
        )


def rule_for(db: Database, product: str | None) -> Result:
    """The result for a case of `product`: its own rule, else the default rule."""
    ensure_default_rule(db)
    row = db.one(
        "SELECT result_id FROM retention_rules WHERE product = ? COLLATE NOCASE",
        ((product or "").strip(),),
    )
    if row is None:
        row = db.one("SELECT result_id FROM retention_rules WHERE product = ''")
    assert row is not None
    return selectielijst.result(db, int(row[0]))


def rules(loket: Loket) -> list[Rule]:
    with loket.db.transaction():
        ensure_default_rule(loket.db)
    rows = loket.db.query(
        "SELECT product, result_id, set_by, set_at FROM retention_rules ORDER BY product"
    )
    return [
        Rule(
            r["product"],
            selectielijst.result(loket.db, int(r["result_id"])),
            r["set_by"],
            r["set_at"],
        )
        for r in rows
    ]


def map_product(loket: Loket, product: str, result_code: str, reapply: bool = False) -> Rule:
    """Map `product` ('' for the default) to a Selectielijst result. With `reapply`, closed
    cases of that product that are not on a destruction list get the new result too."""
    loket.require(Role.ARCHIVARIS)
    product = product.strip()
    found = selectielijst.result(loket.db, result_code)
    if not found.usable:
        raise InvalidInput(f"Resultaat {found.code} is vervallen en kan niet worden gebruikt.")
    stamp = clock.iso(loket.now())
    with loket.db.transaction():
        ensure_default_rule(loket.db)
        loket.db.conn.execute(
            "INSERT INTO retention_rules(product, result_id, set_by, set_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(product) DO UPDATE SET result_id = excluded.result_id, "
            "set_by = excluded.set_by, set_at = excluded.set_at",
            (product, found.id, loket.user, stamp),
        )
        _event(loket, None, "retention_rule_set", {"product": product, "result": found.code})
        if reapply:
            for row in loket.db.query(
                "SELECT id, closed_at, product FROM cases WHERE status = ? AND closed_at IS NOT "
                "NULL AND reference NOT IN (SELECT i.reference FROM destruction_items i JOIN "
                "destruction_lists l ON l.id = i.list_id WHERE l.state IN "
                "('voorgesteld', 'beoordeeld', 'goedgekeurd'))",
                (Status.AFGEROND.value,),
            ):
                if rule_for(loket.db, row["product"]).id == found.id:
                    fix_at_close(loket, int(row["id"]), row["closed_at"])
    return Rule(product, found, loket.user, stamp)


# -- closing and reopening (called by inbox.services inside its transaction) ----------------


def fix_at_close(loket: Loket, case_id: int, closed_at: str) -> None:
    """Fix result, waardering, bewaartermijn and destroy date of a case being closed."""
    db = loket.db
    case = Records(db).case_row(case_id)
    if case is None:
        return
    found = rule_for(db, case["product"])
    destroy = None
    if found.waardering == "V" and found.bewaartermijn:
        destroy = add_duration(local_date(closed_at), found.bewaartermijn).isoformat()
    db.conn.execute(
        "UPDATE cases SET selectielijst_result = ?, waardering = ?, bewaartermijn = ?, "
        "destroy_date = ? WHERE id = ?",
        (found.code, found.waardering, found.bewaartermijn, destroy, case_id),
    )
    _event(
        loket,
        case_id,
        "retention_fixed",
        {
            "result": found.code,
            "waardering": found.waardering,
            "bewaartermijn": found.bewaartermijn,
            "destroy_date": destroy,
        },
    )


def clear_at_reopen(loket: Loket, case_id: int) -> None:
    """A reopened case has no result until it is closed again."""
    changed = loket.db.conn.execute(
        "UPDATE cases SET selectielijst_result = NULL, waardering = NULL, bewaartermijn = NULL, "
        "destroy_date = NULL WHERE id = ? AND selectielijst_result IS NOT NULL",
        (case_id,),
    ).rowcount
    if changed:
        _event(loket, case_id, "retention_cleared", {})


def apply_missing(loket: Loket) -> int:
    """Fix the retention of closed cases that have none (closed before this feature)."""
    loket.require(Role.ARCHIVARIS)
    with loket.db.transaction():
        rows = loket.db.query(
            "SELECT id, closed_at FROM cases WHERE status = ? AND closed_at IS NOT NULL "
            "AND selectielijst_result IS NULL ORDER BY id",
            (Status.AFGEROND.value,),
        )
        for row in rows:
            fix_at_close(loket, int(row["id"]), row["closed_at"])
    return len(rows)


# -- what is due, legal hold -----------------------------------------------------------------


def due(loket: Loket, on: date | None = None) -> list[DueCase]:
    """Closed cases to be destroyed (waardering V) whose destroy date is on or before `on`
    (default: today), without a legal hold; oldest destroy date first."""
    loket.require(Role.ARCHIVARIS, Role.TEAMLEIDER)
    day = (on or today(loket)).isoformat()
    rows = loket.db.query(
        "SELECT c.reference, c.product, c.selectielijst_result, c.waardering, c.bewaartermijn, "
        "c.opened_at, c.closed_at, c.destroy_date, "
        "(SELECT l.id FROM destruction_items i JOIN destruction_lists l ON l.id = i.list_id "
        " WHERE i.reference = c.reference AND i.state = 'voorgesteld' "
        " AND l.state IN ('voorgesteld', 'beoordeeld', 'goedgekeurd')) AS on_list "
        "FROM cases c WHERE c.status = ? AND c.waardering = 'V' AND c.legal_hold = 0 "
        "AND c.destroy_date IS NOT NULL AND c.destroy_date <= ? "
        "ORDER BY c.destroy_date, c.reference",
        (Status.AFGEROND.value, day),
    )
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
        for r in rows
    ]


def set_hold(loket: Loket, reference: str, on: bool, reason: str = "") -> bool:
    """Put a legal hold on a case (or lift it); returns whether anything changed."""
    loket.require(Role.ARCHIVARIS, Role.TEAMLEIDER)
    with loket.db.transaction():
        case_id = Records(loket.db).case_id_by_reference(reference.strip())
        if case_id is None:
            raise NotFound(f"Zaak {reference} bestaat niet.")
        current = loket.db.scalar("SELECT legal_hold FROM cases WHERE id = ?", (case_id,))
        if bool(current) == on:
            return False
        Records(loket.db).update_case(case_id, {"legal_hold": int(on)})
        _event(loket, case_id, "legal_hold", {"on": on, "reason": reason.strip()})
    return True


def retention_of(loket: Loket, reference: str) -> dict[str, Any]:
    """The retention fields of one case, for the CLI and the screens."""
    row = loket.db.one(
        "SELECT reference, product, status, closed_at, selectielijst_result, waardering, "
        "bewaartermijn, destroy_date, legal_hold FROM cases WHERE reference = ?",
        (reference.strip().upper(),),
    )
    if row is None:
        raise NotFound(f"Zaak {reference} bestaat niet.")
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


def organisation(db: Database) -> Organisation | None:
    values = {
        r["key"]: r["value"]
        for r in db.query(
            "SELECT key, value FROM settings WHERE key IN (?, ?, ?)",
            (SETTING_NAME, SETTING_IDENTIFIER, SETTING_SOURCE),
        )
    }
    if not values.get(SETTING_NAME):
        return None
    return Organisation(
        values[SETTING_NAME],
        values.get(SETTING_IDENTIFIER, ""),
        values.get(SETTING_SOURCE) or DEFAULT_SOURCE,
    )


def set_organisation(
    loket: Loket, name: str, identifier: str = "", source: str = DEFAULT_SOURCE
) -> Organisation:
    """Name and identifier of the municipality (archiefvormer), e.g. 'GM0999'."""
    loket.require(Role.ARCHIVARIS, Role.BEHEERDER)
    if not name.strip():
        raise InvalidInput("Vul de naam van de organisatie in.")
    with loket.db.transaction() as conn:
        for key, value in (
            (SETTING_NAME, name.strip()),
            (SETTING_IDENTIFIER, identifier.strip()),
            (SETTING_SOURCE, source.strip() or DEFAULT_SOURCE),
        ):
            conn.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
        _event(loket, None, "organisation_set", {"name": name.strip()})
    found = organisation(loket.db)
    assert found is not None
    return found


def _event(loket: Loket, case_id: int | None, kind: str, data: dict[str, Any]) -> None:
    Records(loket.db).insert_event(
        case_id, clock.iso(loket.now()), loket.user, kind, data, loket.device
    )
    if kind not in ("retention_fixed", "retention_cleared"):  # those follow a closing/reopening
        loket.audit(f"archief:{kind}", f"zaak:{case_id}" if case_id else "selectielijst")
