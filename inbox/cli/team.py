"""`loket team ...`: join the team mailbox, sync, and see status and conflicts."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from inbox.cli.common import emit
from inbox.errors import InvalidInput, LoketError


def add_commands(sub: Any, exports: Any) -> None:
    p = sub.add_parser("team", help="team synchronisation over the shared mailbox")
    t = p.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    q = t.add_parser("setup", help="make this laptop part of the team (online)")
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
    q = t.add_parser("status", help="this laptop in the team: slot, pending, waiting, errors")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_status)
    q = t.add_parser("conflicts", help="open conflicts (e.g. two assignees at once)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_conflicts)


def _connect(loket: Any, name: str) -> tuple[Any, Any]:
    from inbox.accounts import Accounts
    from inbox.channels import imap
    from inbox.sync import secret_for

    account = Accounts(loket).mail_account(name)
    return account, imap.connect(account, secret_for(loket, account))


def cmd_setup(loket: Any, args: argparse.Namespace) -> int:
    from inbox.channels import imap
    from inbox.teamsync import events, imapstore, setup

    printed_key = None
    if args.new_key:
        printed_key = events.new_key()
        setup.store_key(loket, printed_key)
    elif args.key_stdin:
        text = sys.stdin.readline().strip()
        if not text:
            raise InvalidInput("Geef de teamsleutel op via stdin.")
        setup.store_key(loket, text)
    account, client = _connect(loket, args.account)
    try:
        slot = setup.join(
            loket,
            imapstore.ImapFolder(client, imapstore.EVENTS),
            setup.load_key(loket),
            device_name=args.device_name,
            account=account.name,
        )
    finally:
        imap.close(client)
    data = {"account": account.name, "slot": slot, "encrypted": setup.load_key(loket) is not None}
    text = f"Deze laptop doet mee in het team via '{account.name}' (plaats {slot})."
    if printed_key:
        data["key"] = printed_key
        text += (
            f"\nTeamsleutel (geef die veilig aan je collega's; hij wordt niet opnieuw getoond):"
            f"\n{printed_key}"
        )
    emit(args, data, text)
    return 0


def cmd_sync(loket: Any, args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from inbox.accounts import Accounts
    from inbox.sync import secret_for
    from inbox.teamsync import imapstore

    name = imapstore.team_account(loket)
    if name is None:
        raise LoketError("Deze laptop doet nog niet mee in een team (loket team setup).")
    account = Accounts(loket).mail_account(name)
    report = imapstore.sync_team(loket, account, secret_for(loket, account))
    assert report is not None
    emit(
        args,
        asdict(report),
        f"{report.new_events} nieuwe, {report.uploaded_events} verstuurd, "
        f"{report.waiting_cases} zaken wachten"
        + (f"; fout: {report.errors[0]}" if report.errors else ""),
    )
    return 1 if report.errors else 0


def status(loket: Any) -> dict[str, Any]:
    from inbox.teamsync import apply, outgoing

    db = loket.db
    t = outgoing.team(db)
    return {
        "account": apply.setting(db, "account"),
        "device": t.device if t else None,
        "device_name": t.device_name if t else None,
        "slot": t.slot if t else None,
        "members": [dict(r) for r in db.query("SELECT slot, name FROM team_devices ORDER BY slot")],
        "events": int(db.scalar("SELECT count(*) FROM team_events") or 0),
        "pending_upload": int(
            db.scalar("SELECT count(*) FROM team_events WHERE uploaded = 0") or 0
        ),
        "waiting": int(db.scalar("SELECT count(*) FROM team_events WHERE applied = 0") or 0),
        "unreadable": int(db.scalar("SELECT count(*) FROM team_unreadable") or 0),
        "conflicts": int(db.scalar("SELECT count(*) FROM team_conflicts") or 0),
        "folders": [
            dict(r)
            for r in db.query(
                "SELECT folder, uidvalidity, last_uid, last_sync_at, last_error FROM team_cursors"
            )
        ],
    }


def cmd_status(loket: Any, args: argparse.Namespace) -> int:
    data = status(loket)
    emit(args, data, "\n".join(f"{k}: {v}" for k, v in data.items()))
    return 0


def cmd_conflicts(loket: Any, args: argparse.Namespace) -> int:
    from inbox.teamsync import apply

    found = apply.conflicts(loket.db)
    lines = [
        f"{c['case'] or c['case_uid']}: {c['field']} tegelijk gezet op "
        + " / ".join(str(v) for v in c["values"])
        + f" (betrokken: {', '.join(c['people'])})"
        for c in found
    ]
    emit(args, found, "\n".join(lines) or "Geen conflicten.")
    return 0
