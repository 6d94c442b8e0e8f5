"""Commands of the KCC's day: departments (vakafdelingen), call-backs, office hours, products
and the automatic reply outside office hours. Hand-over and deadlines of one case are options
of `case` (inbox/cli/cases.py): `case REF --forward DEPT --note TEXT`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from inbox import departments
from inbox.cli.common import actions, arg, command, emit

if TYPE_CHECKING:
    from inbox.services import Loket


def add_commands(sub: Any, exports: Any) -> None:
    d = actions(sub, "department", "departments a case can be handed over to (beheerder)",
                dest="department_command")
    command(d, "list", cmd_department_list, "the departments",
            arg("--all", action="store_true", help="removed ones too"))
    command(
        d, "add", cmd_department_add, "add a department",
        arg("name"),
        arg("--email", required=True, help="where hand-overs are sent"),
        arg("--norm-days", type=int, required=True, help="working days to report back"),
    )
    command(
        d, "change", cmd_department_change, "change a department's address or norm",
        arg("name"), arg("--email"), arg("--norm-days", type=int),
    )
    command(d, "remove", cmd_department_remove, "take a department off the list", arg("name"),
            json=False)


def _department_text(found: list[departments.Department]) -> str:
    return "\n".join(
        f"{d.name:<24} {d.email:<36} {d.norm_days} werkdag{'en' if d.norm_days != 1 else ''}"
        + ("" if d.active else "  (verwijderd)")
        for d in found
    ) or "Geen vakafdelingen."


def cmd_department_list(loket: Loket, args: argparse.Namespace) -> int:
    found = departments.departments(loket, inactive=args.all)
    emit(args, [d.as_json() for d in found], _department_text(found))
    return 0


def cmd_department_add(loket: Loket, args: argparse.Namespace) -> int:
    added = departments.add(loket, args.name, args.email, args.norm_days)
    emit(args, added.as_json(), f"Vakafdeling '{added.name}' toegevoegd.")
    return 0


def cmd_department_change(loket: Loket, args: argparse.Namespace) -> int:
    changed = departments.change(loket, args.name, email=args.email, norm_days=args.norm_days)
    emit(args, changed.as_json(), f"Vakafdeling '{changed.name}' gewijzigd.")
    return 0


def cmd_department_remove(loket: Loket, args: argparse.Namespace) -> int:
    departments.remove(loket, args.name)
    print(f"Vakafdeling '{args.name}' van de lijst gehaald.")
    return 0
