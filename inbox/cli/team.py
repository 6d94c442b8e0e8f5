"""`loket team ...`: join the team mailbox, sync, and see status, laptops and conflicts."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from inbox import acts
from inbox.cli.common import emit
from inbox.errors import InvalidInput, LoketError
from inbox.services import Loket

NOT_IN_A_TEAM = "Deze laptop doet nog niet mee in een team (loket team setup)."


def add_commands(sub: Any, exports: Any) -> None:
    p = sub.add_parser("team", help="team synchronisation over the shared mailbox")
    t = p.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    q = t.add_parser("setup", help="make this laptop part of the team (online; beheerder)")
    q.add_argument("--account", required=True, help="the shared mail account")
    keys = q.add_mutually_exclusive_group()
    keys.add_argument("--new-key", action="store_true", help="make a team key and print it once")
    keys.add_argument("--key-stdin", action="store_true", help="read the team key from stdin")
    q.add_argument("--device-name", help="how colleagues see this laptop")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_setup)
    q = t.add_parser("sync", help="one team pass (upload, fetch, apply)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_sync)
    q = t.add_parser("status", help="this laptop in the team: slot, pending, refused, errors")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_status)
    q = t.add_parser("devices", help="the team's laptops, their keys and who works on them")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_devices)
    q = t.add_parser("conflicts", help="open conflicts (e.g. two assignees at once)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_conflicts)
    q = t.add_parser("presence", help="who of the team works on a case now (and tell them)")
    q.add_argument("reference")
    q.add_argument("--announce", metavar="ACTIVITY",
                   help="tell the team you do this: replying, viewing or calling")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_presence)


def cmd_setup(loket: Loket, args: argparse.Namespace) -> int:
    from inbox.accounts import mail_account_of
    from inbox.teamsync import events, imapstore, setup

    loket.check(acts.TEAM_SETUP, "team")  # before anything about the account is said
    key_text = None
    if args.new_key:
        key_text = events.new_key()
    elif args.key_stdin:
        key_text = sys.stdin.readline().strip()
        if not key_text:
            raise InvalidInput("Geef de teamsleutel op via stdin.")
    mail_account_of(loket, args.account)  # an unknown account: refused before anything else
    key = setup.prepare(loket, key_text, args.device_name)
    with imapstore.mailbox(loket, args.account) as (account, client):
        slot = setup.join(loket, imapstore.ImapFolder(client, imapstore.EVENTS), key,
                          account=account.name)
    data = setup.describe(loket)
    text = (f"Deze laptop doet mee in het team via '{account.name}' (plaats {slot}; "
            f"vingerafdruk apparaatsleutel {data['fingerprint']}).")
    if args.new_key:
        data["key"] = key_text
        text += (
            f"\nTeamsleutel (geef die veilig aan je collega's; hij wordt niet opnieuw getoond):"
            f"\n{key_text}"
        )
    emit(args, data, text)
    return 0


def cmd_sync(loket: Loket, args: argparse.Namespace) -> int:
    from inbox.accounts import mail_account_of
    from inbox.sync import secret_for
    from inbox.teamsync import imapstore

    loket.check(acts.TEAM_SYNC, "team")
    name = imapstore.team_account(loket)
    if name is None:
        raise LoketError(NOT_IN_A_TEAM)
    account = mail_account_of(loket, name)
    report = imapstore.sync_team(loket, account, secret_for(loket, account))
    assert report is not None
    refused = sum(report.refused.values())
    emit(
        args,
        report.summary(),
        f"{report.new_events} nieuwe, {report.uploaded_events} verstuurd, "
        f"{report.waiting_cases} zaken wachten"
        + (f", {refused} pakketten geweigerd" if refused else "")
        + (f"; fout: {report.errors[0]}" if report.errors else ""),
    )
    return 1 if report.errors else 0


def cmd_status(loket: Loket, args: argparse.Namespace) -> int:
    from inbox.teamsync import status

    data = status.status(loket)
    lines = [f"{k}: {v}" for k, v in data.items() if k not in ("devices", "refused", "members")]
    lines += _device_lines(data["devices"])
    lines += [f"geweigerd: {r['batches']} pakket(ten) {r['text']}" for r in data["refused"]]
    emit(args, data, "\n".join(lines))
    return 0


def _device_lines(found: list[dict[str, Any]]) -> list[str]:
    return [
        f"plaats {d['slot']}: {d['name'] or d['device']}"
        + (" (deze laptop)" if d["this_laptop"] else "")
        + f", sleutel {d['fingerprint'] or 'onbekend (niet ondertekend)'}"
        + f", aangemeld: {', '.join(u['user'] for u in d['users']) or '-'}"
        for d in found
    ]


def cmd_devices(loket: Loket, args: argparse.Namespace) -> int:
    from inbox.teamsync import status

    found = status.devices(loket)
    emit(args, found, "\n".join(_device_lines(found)) or "Nog geen laptops in het team.")
    return 0


def cmd_conflicts(loket: Loket, args: argparse.Namespace) -> int:
    from inbox.teamsync import status

    found = status.conflicts(loket)
    lines = [
        f"{c['case'] or c['case_uid']}: {c['field']} tegelijk gezet op "
        + " / ".join(str(v) for v in c["values"])
        + f" (betrokken: {', '.join(c['people'])})"
        for c in found
    ]
    emit(args, found, "\n".join(lines) or "Geen conflicten.")
    return 0


def cmd_presence(loket: Loket, args: argparse.Namespace) -> int:
    from inbox.teamsync import imapstore, presence

    if args.announce:
        loket.check(acts.TEAM_PRESENCE, f"zaak:{args.reference}")
        if not imapstore.announce_activity(loket, args.reference, args.announce):
            raise LoketError(NOT_IN_A_TEAM)
    found = presence.current(loket, args.reference)
    emit(args, found,
         "\n".join(p["text"] for p in found) or "Niemand anders is met deze zaak bezig.")
    return 0
