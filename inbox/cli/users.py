"""`loket user ...`: the first beheerder, colleagues, roles, passwords, locks and rights."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from inbox.cli.common import emit
from inbox.errors import InvalidInput, LoketError

if TYPE_CHECKING:
    from inbox.services import Loket


def add_commands(sub: Any, exports: Any) -> None:
    p = sub.add_parser("user", help="colleagues: add, list, password, role, disable, enable")
    u = p.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    q = u.add_parser("add", help="add a colleague (the first one: the beheerder, no sign-in)")
    q.add_argument("login")
    q.add_argument("--name", required=True)
    q.add_argument("--role", required=True, choices=["medewerker", "teamleider", "archivaris",
                                                     "beheerder"])
    q.add_argument("--password-stdin", action="store_true", required=True,
                   help="read the (temporary) password from stdin")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_add)
    q = u.add_parser("list", help="colleagues with role and state")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_list)
    q = u.add_parser("passwd", help="your own password, or (beheerder) a colleague's temporary one")
    q.add_argument("login")
    q.add_argument("--password-stdin", action="store_true", required=True)
    q.set_defaults(handler=cmd_passwd)
    q = u.add_parser("role", help="give a colleague another role")
    q.add_argument("login")
    q.add_argument("role", choices=["medewerker", "teamleider", "archivaris", "beheerder"])
    q.set_defaults(handler=cmd_role)
    for name, helptext in (("disable", "a colleague can no longer sign in (history stays)"),
                           ("enable", "a disabled colleague can sign in again"),
                           ("unlock", "lift the lock after too many failed sign-ins")):
        q = u.add_parser(name, help=helptext)
        q.add_argument("login")
        q.set_defaults(handler=cmd_state, state=name)
    for name, helptext in (("grant", "give a colleague a right on top of their role"),
                           ("revoke", "take such a right back")):
        q = u.add_parser(name, help=helptext)
        q.add_argument("login")
        q.add_argument("right", help="e.g. kennisbank")
        q.set_defaults(handler=cmd_grant, on=name == "grant")


def _password() -> str:
    value = sys.stdin.readline().rstrip("\r\n")
    if not value:
        raise InvalidInput("Geef het wachtwoord via standaardinvoer (--password-stdin).")
    return value


def cmd_add(loket: Loket, args: argparse.Namespace) -> int:
    from inbox import identity

    password = _password()
    if identity.needs_first_beheerder(loket):
        if args.role != "beheerder":
            raise LoketError("De eerste gebruiker van een database is een beheerder.")
        identity.first_beheerder(loket, args.login, args.name, password)
        emit(args, {"login": args.login, "role": "beheerder", "first": True},
             f"Beheerder '{args.login}' ingesteld. Meld u voortaan aan met --user {args.login}.")
        return 0
    identity.add_user(loket, args.login, args.name, args.role, password)
    emit(args, {"login": args.login, "role": args.role, "first": False},
         f"Gebruiker '{args.login}' toegevoegd; het wachtwoord is tijdelijk: "
         "bij de eerste aanmelding kiest de gebruiker een eigen wachtwoord.")
    return 0


def cmd_list(loket: Loket, args: argparse.Namespace) -> int:
    from inbox import identity

    rows = identity.users(loket)

    def state(r: dict[str, Any]) -> str:
        if not r["active"]:
            return "uitgeschakeld"
        if r["locked"]:
            return "geblokkeerd"
        if r["must_change_password"]:
            return "tijdelijk wachtwoord"
        return "actief" if r["has_password"] else "geen wachtwoord"

    emit(args, rows, "\n".join(
        f"{r['login']:<14} {r['name']:<24} {r['role']:<11} {state(r)}"
        + (f"  rechten: {', '.join(r['rights'])}" if r["rights"] else "")
        for r in rows) or "Geen gebruikers.")
    return 0


def cmd_passwd(loket: Loket, args: argparse.Namespace) -> int:
    from inbox import identity

    identity.set_password(loket, args.login, _password())
    if args.login == loket.user:
        print("Uw wachtwoord is gewijzigd.")
    else:
        print(f"Tijdelijk wachtwoord voor '{args.login}' ingesteld.")
    return 0


def cmd_role(loket: Loket, args: argparse.Namespace) -> int:
    from inbox import identity

    identity.set_role(loket, args.login, args.role)
    print(f"'{args.login}' is nu {args.role}.")
    return 0


def cmd_state(loket: Loket, args: argparse.Namespace) -> int:
    from inbox import identity

    if args.state == "unlock":
        identity.unlock(loket, args.login)
        print(f"'{args.login}' kan weer aanmelden.")
        return 0
    identity.set_active(loket, args.login, args.state == "enable")
    print(f"'{args.login}' is {'ingeschakeld' if args.state == 'enable' else 'uitgeschakeld'}.")
    return 0


def cmd_grant(loket: Loket, args: argparse.Namespace) -> int:
    from inbox import identity

    identity.grant(loket, args.login, args.right, on=args.on)
    print(f"Recht '{args.right}' {'gegeven aan' if args.on else 'ingetrokken bij'} "
          f"'{args.login}'.")
    return 0
