"""The municipality's departments (vakafdelingen) a case can be handed over to: name, e-mail
address and the norm in working days they have to report back. The beheerder keeps the list;
a medewerker picks from it (inbox/handover.py). Departments need no Loket: plain e-mail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from inbox import acts
from inbox.addresses import normalize_email
from inbox.errors import InvalidInput, NotFound
from inbox.model import Changes

if TYPE_CHECKING:
    from inbox.gate import Op
    from inbox.services import Loket

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Department:
    name: str
    email: str
    norm_days: int
    active: bool = True

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "email": self.email, "norm_days": self.norm_days,
                "active": self.active}


def _of(row: Any) -> Department:
    return Department(str(row["name"]), str(row["email"]), int(row["norm_days"]),
                      bool(row["active"]))


def departments(loket: Loket, *, inactive: bool = False) -> list[Department]:
    """The list as the beheerder keeps it (with `inactive`: the removed ones too)."""
    with loket.op(acts.DEPARTMENT_LIST) as op:
        return [_of(r) for r in op.store.departments.all(active_only=not inactive)]


def choices(loket: Loket) -> list[Department]:
    """The departments a medewerker can hand a case over to."""
    with loket.op(acts.DEPARTMENT_CHOOSE) as op:
        return [_of(r) for r in op.store.departments.all()]


def find(op: Op, name: str) -> Department:
    """The active department called `name` (any case), or NotFound naming the ones there are."""
    row = op.store.departments.by_name(name.strip())
    if row is None or not row["active"]:
        known = ", ".join(str(r["name"]) for r in op.store.departments.all())
        raise NotFound(
            f"Er is geen vakafdeling '{name.strip()}'."
            + (f" Kies uit: {known}." if known else " De beheerder legt ze vast.")
        )
    return _of(row)


def _checked(name: str, email: str, norm_days: int) -> tuple[str, str, int]:
    name = " ".join(name.split())
    if not name:
        raise InvalidInput("Geef de vakafdeling een naam.")
    if len(name) > 100:
        raise InvalidInput("Die naam is te lang.")
    address = normalize_email(email)
    if not _EMAIL.match(address):
        raise InvalidInput(f"'{email}' is geen e-mailadres.")
    if not 0 < norm_days <= 365:
        raise InvalidInput("De norm is 1 tot 365 werkdagen.")
    return name, address, norm_days


def add(loket: Loket, name: str, email: str, norm_days: int) -> Department:
    """Add a department (or bring a removed one back with these details)."""
    name, address, norm_days = _checked(name, email, norm_days)
    with loket.op(acts.DEPARTMENT_SAVE, obj=f"vakafdeling:{name}") as op:
        found = op.store.departments.by_name(name)
        if found is not None and found["active"]:
            raise InvalidInput(f"Vakafdeling '{found['name']}' bestaat al; wijzig die.")
        if found is not None:
            op.store.departments.change(int(found["id"]), address, norm_days, True)
            name = str(found["name"])
        else:
            op.store.departments.add(name, address, norm_days, op.stamp())
        op.changed("departments")
    return Department(name, address, norm_days)


def change(loket: Loket, name: str, *, email: str | None = None,
           norm_days: int | None = None) -> Department:
    with loket.op(acts.DEPARTMENT_SAVE, obj=f"vakafdeling:{name}") as op:
        current = find(op, name)
        _, address, days = _checked(current.name, email or current.email,
                                    current.norm_days if norm_days is None else norm_days)
        row = op.store.departments.by_name(current.name)
        assert row is not None
        op.store.departments.change(int(row["id"]), address, days, True)
        op.changed("departments")
    return Department(current.name, address, days)


def remove(loket: Loket, name: str) -> Changes:
    """Take a department off the list; cases handed over to it keep its name."""
    with loket.op(acts.DEPARTMENT_SAVE, obj=f"vakafdeling:{name}") as op:
        current = find(op, name)
        row = op.store.departments.by_name(current.name)
        assert row is not None
        op.store.departments.change(int(row["id"]), current.email, current.norm_days, False)
        op.changed("departments")
    return op.changes
