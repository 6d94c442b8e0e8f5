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
    add_callback_commands(sub)
    add_office_hours_commands(sub)


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


def add_callback_commands(sub: Any) -> None:
    command(sub, "callbacks", cmd_callbacks, "open call-back requests, the earliest due first",
            arg("--mine", action="store_true", help="only those for you"))
    command(
        sub, "callback", cmd_callback,
        "ask for a call-back (--on), give it to a colleague (--for), or record it done",
        arg("reference", metavar="REF"),
        arg("--on", metavar="YYYY-MM-DD", help="call back on this day"),
        arg("--window", metavar="HH:MM-HH:MM", help="the time window, e.g. 09:00-12:00"),
        arg("--number", help="the number to call (default: the one the resident called from)"),
        arg("--for", dest="for_user", metavar="USER", help="the colleague who calls back"),
        arg("--done", action="store_true", help="record the outcome and close the request"),
        arg("--outcome", choices=["bereikt", "niet_bereikt"], help="with --done"),
        arg("--again", metavar="YYYY-MM-DD", help="with --done --outcome niet_bereikt: "
            "try again on this day"),
    )


def _callback_text(c: Any) -> str:
    from inbox.callbacks import local_day

    late = "  TE LAAT" if c.overdue else ""
    return (f"{c.reference}  {local_day(c.due):%d-%m-%Y} {c.window or '':<11} "
            f"{c.number or '-':<14} {c.for_user or '-':<8} {c.contact[:24]}{late}")


def cmd_callbacks(loket: Loket, args: argparse.Namespace) -> int:
    from inbox import callbacks

    found = callbacks.open_callbacks(loket, mine=args.mine)
    emit(args, [c.as_json() for c in found],
         "\n".join(_callback_text(c) for c in found) or "Geen terugbelverzoeken.")
    return 0


def cmd_callback(loket: Loket, args: argparse.Namespace) -> int:
    from datetime import date

    from inbox import callbacks
    from inbox.errors import InvalidInput

    reference = args.reference.upper()
    if args.done:
        if args.outcome is None:
            raise InvalidInput("Geef bij --done de uitkomst: --outcome bereikt|niet_bereikt.")
        callbacks.done(loket, reference, args.outcome,
                       again=date.fromisoformat(args.again) if args.again else None,
                       again_window=args.window)
        said = f"Terugbelverzoek van {reference} afgehandeld ({args.outcome})."
    elif args.on:
        callbacks.request(loket, reference, date.fromisoformat(args.on), window=args.window,
                          number=args.number, for_user=args.for_user)
        said = f"Terugbelverzoek vastgelegd bij {reference}."
    elif args.for_user:
        callbacks.assign(loket, reference, args.for_user)
        said = f"Terugbelverzoek van {reference} is voor {args.for_user}."
    else:
        raise InvalidInput("Geef --on DATUM, --for COLLEGA of --done --outcome UITKOMST.")
    s = loket.case_detail(reference).summary
    emit(args, {"reference": reference, "callback_open": s.callback_open,
                "callback_due": s.callback_due, "callback_window": s.callback_window,
                "callback_for": s.callback_for}, said)
    return 0


def add_office_hours_commands(sub: Any) -> None:
    from inbox.deadlines import DAYS

    o = actions(sub, "office-hours", "the KCC's office hours per weekday (beheerder)",
                dest="office_hours_command")
    command(o, "list", cmd_office_hours_list, "the office hours")
    command(
        o, "set", cmd_office_hours_set, "set one weekday's hours (or --closed)",
        arg("day", choices=list(DAYS)),
        arg("opening", nargs="?", metavar="HH:MM"),
        arg("closing", nargs="?", metavar="HH:MM"),
        arg("--closed", action="store_true", help="closed on this weekday"),
    )


def cmd_office_hours_list(loket: Loket, args: argparse.Namespace) -> int:
    from inbox import deadlines

    hours = deadlines.office_hours(loket)
    data = hours.as_json()
    text = "\n".join(
        f"{label:<10} {'gesloten' if v is None else f'{v[0]} - {v[1]}'}"
        for label, v in zip(deadlines.DAY_LABELS, data.values(), strict=True)
    )
    emit(args, data, text)
    return 0


def cmd_office_hours_set(loket: Loket, args: argparse.Namespace) -> int:
    from inbox import deadlines
    from inbox.errors import InvalidInput

    if args.closed == bool(args.opening or args.closing):
        raise InvalidInput("Geef een openings- en sluitingstijd (08:30 17:00) of --closed.")
    if args.closed:
        deadlines.set_office_hours(loket, {args.day: None})
    else:
        if not (args.opening and args.closing):
            raise InvalidInput("Geef een openings- en sluitingstijd (08:30 17:00).")
        deadlines.set_office_hours(
            loket, {args.day: deadlines.parse_hours(args.opening, args.closing)})
    return cmd_office_hours_list(loket, args)
