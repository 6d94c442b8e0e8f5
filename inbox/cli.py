"""The command line: the same services as the UI, for scripts, tests and the archivaris.

Exit codes: 0 success, 2 usage error (argparse), 1 any other error with one line on stderr.
Nothing here imports Qt, so commands start fast.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from inbox.errors import LoketError
from inbox.model import Status
from storage.errors import StorageError

log = logging.getLogger("loket.cli")

DEMO_PASSWORD = "loket-demo"

COMMANDS = (
    "demo",
    "import",
    "account",
    "sync",
    "key",
    "audit",
    "cases",
    "messages",
    "case",
    "search",
    "stats",
)

# Feature packages add their own commands: each module has `add_commands(sub, exports)`, which
# registers subparsers (top-level on `sub`, `export KIND` on `exports`) with
# `set_defaults(handler=fn)`; fn(loket, args) -> exit code.
EXTENSIONS: tuple[str, ...] = (
    "inbox.archive.cli",
    "inbox.teamsync.cli",
    "inbox.social_cli",
    "inbox.privacy.cli",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="loket", description="Loket: één inbox voor het klantcontactcentrum."
    )
    parser.add_argument("--db", type=Path, help="database file (default: LOKET_DB or user data)")
    parser.add_argument("--user", help="act as this user (default: LOKET_USER)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("demo", help="fill the database with realistic demo data")
    p.add_argument("--cases", type=int, default=500)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("import", help="import .eml and .mbox files")
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("account", help="add, list, test or remove channel accounts")
    acc = p.add_subparsers(dest="account_command", metavar="ACTION", required=True)
    add = acc.add_parser("add", help="add an account")
    kinds = add.add_subparsers(dest="kind", metavar="KIND", required=True)
    im = kinds.add_parser("imap", help="an IMAP mailbox with SMTP for replies")
    im.add_argument("--name", required=True)
    im.add_argument("--host", required=True)
    im.add_argument("--port", type=int)
    im.add_argument("--security", choices=["ssl", "starttls", "none"], default="ssl")
    im.add_argument("--user", dest="username", required=True)
    im.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password (or nothing, for --auth oauth2) from stdin",
    )
    im.add_argument("--auth", choices=["password", "oauth2"], default="password")
    im.add_argument("--oauth-provider", choices=["microsoft", "google"])
    im.add_argument("--client-id")
    im.add_argument("--tenant")
    im.add_argument("--folder", action="append", dest="folders", metavar="F")
    im.add_argument("--smtp-host")
    im.add_argument("--smtp-port", type=int)
    im.add_argument("--smtp-security", choices=["ssl", "starttls", "none"])
    im.add_argument("--smtp-user")
    im.add_argument("--from", dest="from_address")
    im.add_argument("--sent-folder", default="")
    im.add_argument("--move-handled-to", default="")
    im.add_argument("--interval", type=float, default=2.0, help="minutes between fetches")
    im.add_argument("--ca-file", default="", help="trust this CA certificate (PEM)")
    im.add_argument("--json", action="store_true")
    from inbox.social_cli import add_mastodon_account_parser

    add_mastodon_account_parser(kinds)
    lst = acc.add_parser("list", help="accounts with their last sync and error")
    lst.add_argument("--json", action="store_true")
    tst = acc.add_parser("test", help="test the connection of an account")
    tst.add_argument("name")
    rm = acc.add_parser("remove", help="remove an account and its secrets")
    rm.add_argument("name")

    p = sub.add_parser("sync", help="one fetch (and send) pass over all or one account")
    p.add_argument("--account")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("key", help="the database key: recovery key, recovery, rotation")
    keys = p.add_subparsers(dest="key_command", metavar="ACTION", required=True)
    keys.add_parser("show-recovery", help="show the recovery key, once (beheerder)")
    keys.add_parser("recover", help="restore the key from the recovery key read from stdin")
    keys.add_parser("rotate", help="new key and new recovery key (beheerder)")
    keys.add_parser("encrypt", help="encrypt a database made before encryption (beheerder)")

    p = sub.add_parser("audit", help="the audit trail (beheerder, archivaris)")
    p.add_argument("--verify", action="store_true", help="check the hash chain")
    p.add_argument("--limit", type=int, default=1000)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("cases", help="list cases")
    p.add_argument("--status", choices=[s.value for s in Status])
    p.add_argument("--limit", type=int, default=0, help="at most this many (0: all)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("messages", help="list messages of a case or a contact")
    p.add_argument("--case")
    p.add_argument("--contact", help="an e-mail address, phone number or handle")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("case", help="show or change one case")
    p.add_argument("reference")
    p.add_argument("--assign", metavar="USER", help="assign to USER ('' to unassign)")
    p.add_argument("--status", choices=[s.value for s in Status])
    p.add_argument("--note", metavar="TEXT")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("search", help="full-text search over all messages and notes")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("stats", help="counts per status and channel")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("export", help="exports for the archive, Open Klant, AVG and Woo")
    exports = p.add_subparsers(dest="export_kind", metavar="KIND", required=True)
    for module_name in EXTENSIONS:
        import importlib

        importlib.import_module(module_name).add_commands(sub, exports)
    return parser


def db_path(args: argparse.Namespace) -> Path:
    if args.db:
        return Path(args.db)
    if os.environ.get("LOKET_DB"):
        return Path(os.environ["LOKET_DB"])
    from storage.paths import default_db_path

    return default_db_path()


def run(args: argparse.Namespace) -> int:
    """Run one parsed command; errors for people become one line on stderr and exit 1."""
    try:
        return _dispatch(args)
    except (LoketError, StorageError) as exc:
        print(f"loket: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("loket: afgebroken", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - a bug: one line for the user, detail in the log
        log.exception("unexpected error in %s", args.command)
        print(
            f"loket: onverwachte fout ({type(exc).__name__}); zie het logbestand", file=sys.stderr
        )
        return 1


def _dispatch(args: argparse.Namespace) -> int:
    from inbox.services import Loket

    if args.command == "key" and args.key_command == "recover":
        return cmd_key_recover(args)  # the database cannot be opened before this
    loket = Loket.open(db_path(args))
    try:
        sign_in(loket, args.user or os.environ.get("LOKET_USER"))
        handler = getattr(args, "handler", None) or globals()[f"cmd_{args.command}"]
        return int(handler(loket, args))
    finally:
        loket.close()


def sign_in(loket: Any, user: str | None) -> None:
    """The CLI acts as a user, like the UI: password from LOKET_PASSWORD or a prompt."""
    from inbox.errors import PermissionDenied

    if not loket.needs_sign_in():
        if user:
            if loket.user_id(user) is None:
                raise PermissionDenied(f"Medewerker '{user}' bestaat niet.")
            loket.user = user
        return
    if not user:
        raise PermissionDenied("Meld u aan: geef --user NAAM (of LOKET_USER) en het wachtwoord.")
    password = os.environ.get("LOKET_PASSWORD")
    if password is None and sys.stdin.isatty():
        import getpass

        password = getpass.getpass(f"Wachtwoord voor {user}: ")
    if password is None:
        raise PermissionDenied("Geef het wachtwoord via LOKET_PASSWORD of de prompt.")
    loket.sign_in(user, password)


def emit(args: argparse.Namespace, data: Any, text: str) -> None:
    """`data` as JSON with --json, else `text`: the one output rule of every command,
    feature packages' commands included (dates and paths are written as text)."""
    if getattr(args, "json", False):
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        print(text)


def cmd_demo(loket: Any, args: argparse.Namespace) -> int:
    from inbox import demo

    if args.cases < 0:
        raise LoketError("Het aantal zaken kan niet negatief zijn.")
    if loket.needs_sign_in():
        raise LoketError("Demogegevens kunnen alleen in een nieuwe database worden gemaakt.")
    counts = demo.build(loket, cases=args.cases, seed=args.seed)
    _demo_mailbox(loket)
    for name, _display, _role in demo.STAFF:  # every role can sign in: see the README
        loket.set_password(name, DEMO_PASSWORD)
    with loket.db.transaction():
        loket.db.conn.execute(
            "INSERT OR REPLACE INTO settings(key, value) VALUES ('sign_in_hint', ?)",
            (
                f"Demo: meld u aan als anne (medewerker), tineke (teamleider), arjen (archivaris) "
                f"of bea (beheerder), wachtwoord {DEMO_PASSWORD}.",
            ),
        )
    emit(
        args,
        counts,
        f"Demogegevens gemaakt: {counts['cases']} zaken, "
        f"{counts['messages']} berichten, {counts['contacts']} inwoners.",
    )
    return 0


def _demo_mailbox(loket: Any) -> None:
    """A mail account for the demo, so answering a case works: replies are kept in their case
    and wait in the outbox, since no mail server runs at this (local, closed) address."""
    from inbox.accounts import Accounts, MailAccount, Security

    Accounts(loket.db).add_mail(
        MailAccount(
            name="Demo-postbus (geen server)",
            host="127.0.0.1",
            port=10143,
            security=Security.NONE,
            username="info@gemeente-voorbeeld.nl",
            from_address="info@gemeente-voorbeeld.nl",
            smtp_host="127.0.0.1",
            smtp_port=10025,
            smtp_security=Security.NONE,
            interval_minutes=24 * 60,
        ),
        "demo",
    )


def cmd_import(loket: Any, args: argparse.Namespace) -> int:
    from inbox.channels.imports.files import import_files

    report = import_files(loket, args.files)
    lines = [
        f"{report.imported} geïmporteerd, {report.duplicates} dubbel, {len(report.failed)} mislukt"
    ]
    lines += [f"  {f['file']}: {f['error']}" for f in report.failed]
    emit(args, report.as_json(), "\n".join(lines))
    return 1 if report.failed and not (report.imported or report.duplicates) else 0


def cmd_account(loket: Any, args: argparse.Namespace) -> int:
    from inbox.accounts import Accounts, Auth, MailAccount, Security
    from inbox.privacy.roles import Permission

    loket.check(Permission.MANAGE_ACCOUNTS)
    accounts = Accounts(loket.db)
    if args.account_command == "add":
        security = Security(args.security)
        smtp_security = Security(
            args.smtp_security or ("ssl" if security is Security.SSL else args.security)
        )
        default_smtp_port = {Security.SSL: 465, Security.STARTTLS: 587, Security.NONE: 25}
        oauth = {
            k: v
            for k, v in (
                ("provider", args.oauth_provider),
                ("client_id", args.client_id),
                ("tenant", args.tenant),
            )
            if v
        }
        account = MailAccount(
            name=args.name,
            host=args.host,
            username=args.username,
            port=args.port or (993 if security is Security.SSL else 143),
            security=security,
            folders=tuple(args.folders or ["INBOX"]),
            auth=Auth(args.auth),
            smtp_host=args.smtp_host or "",
            smtp_security=smtp_security,
            smtp_port=args.smtp_port or default_smtp_port[smtp_security],
            smtp_username=args.smtp_user or "",
            from_address=args.from_address or "",
            sent_folder=args.sent_folder,
            move_handled_to=args.move_handled_to,
            interval_minutes=args.interval,
            ca_file=args.ca_file,
            oauth=oauth,
        )
        secret = None
        if args.password_stdin:
            secret = sys.stdin.readline().rstrip("\r\n")
        elif account.auth is Auth.PASSWORD:
            raise LoketError("Geef het wachtwoord via --password-stdin (nooit als argument).")
        added = accounts.add_mail(account, secret)
        if added.insecure_warning:
            print(f"loket: {added.insecure_warning}", file=sys.stderr)
        emit(args, {"name": added.name, "id": added.id}, f"Account '{added.name}' toegevoegd.")
        return 0
    if args.account_command == "list":
        rows = accounts.status()
        emit(
            args,
            rows,
            "\n".join(
                f"{r['account']:<20} {r['folder'] or '-':<12} "
                f"laatst: {r['last_sync_at'] or 'nooit'}"
                + (f"  fout: {r['last_error']}" if r["last_error"] else "")
                for r in rows
            )
            or "Geen accounts.",
        )
        return 0
    if args.account_command == "test":
        from inbox.channels import imap
        from inbox.sync import secret_for

        account = accounts.mail_account(args.name)
        print(imap.test_connection(account, secret_for(loket, account)))
        return 0
    accounts.mail_account(args.name)
    accounts.remove(args.name)
    print(f"Account '{args.name}' verwijderd.")
    return 0


def cmd_sync(loket: Any, args: argparse.Namespace) -> int:
    from inbox.privacy.roles import Permission
    from inbox.sync import sync_once

    loket.check(Permission.WORK_CASES)
    events = sync_once(loket, args.account)
    data = [
        {
            "account": e.account,
            "ok": e.kind == "done",
            "fetched": e.fetched,
            "sent": e.sent,
            "error": e.message or None,
        }
        for e in events
    ]
    emit(
        args,
        data,
        "\n".join(
            f"{d['account']}: {d['fetched']} opgehaald, {d['sent']} verzonden"
            + (f" - {d['error']}" if d["error"] else "")
            for d in data
        )
        or "Geen accounts.",
    )
    failed = [e for e in events if e.kind == "error"]
    if failed and not getattr(args, "json", False):
        print(f"loket: {failed[0].message}", file=sys.stderr)
    return 1 if failed else 0


def cmd_key_recover(args: argparse.Namespace) -> int:
    from inbox.privacy import keys

    path = db_path(args)
    recovery_key = sys.stdin.readline().strip()
    if not recovery_key:
        raise LoketError("Geef de herstelsleutel op via standaardinvoer.")
    keys.recover(path, recovery_key)
    print("De sleutel staat weer in de sleutelbos; de database kan open.")
    return 0


def cmd_key(loket: Any, args: argparse.Namespace) -> int:
    from inbox.privacy import keys
    from inbox.privacy.roles import Permission

    loket.check(Permission.MANAGE_KEYS)
    path = loket.db.path
    if args.key_command == "show-recovery":
        if not keys.is_encrypted(path):
            raise LoketError("Deze database is niet versleuteld; gebruik eerst 'key encrypt'.")
        value = keys.take_recovery_key(path)
        if value is None:
            raise LoketError(
                "De herstelsleutel is al eens getoond; maak zo nodig een nieuwe met 'key rotate'."
            )
        loket._audit("herstelsleutel tonen", "database")
        print(
            "Herstelsleutel (schrijf hem op en bewaar hem veilig; hij wordt niet nog eens "
            f"getoond):\n{value}"
        )
        return 0
    if args.key_command == "rotate":
        if not keys.is_encrypted(path):
            raise LoketError("Deze database is niet versleuteld; gebruik eerst 'key encrypt'.")
        keys.rotate(path, loket.db, loket.blobs.root)
        loket._audit("sleutel vervangen", "database")
        print("Nieuwe sleutel in gebruik. Toon de nieuwe herstelsleutel met 'key show-recovery'.")
        return 0
    loket._audit("versleutelen", "database")
    loket.close()
    keys.encrypt_existing(path)
    print(
        "De database en de bestanden zijn versleuteld. Toon de herstelsleutel met "
        "'key show-recovery'."
    )
    return 0


def cmd_audit(loket: Any, args: argparse.Namespace) -> int:
    from inbox.privacy import audit
    from inbox.privacy.roles import Permission

    loket.check(Permission.VIEW_AUDIT)
    if args.verify:
        broken = audit.verify(loket.db)
        if broken is not None:
            raise LoketError(f"Het auditlog is gewijzigd of beschadigd vanaf regel {broken}.")
        print("Het auditlog is onbeschadigd.")
        return 0
    loket._audit("bekijken", "auditlog")
    rows = audit.entries(loket.db, limit=args.limit)
    emit(
        args,
        rows,
        "\n".join(
            f"{r['at']}  {r['actor']:<10} {r['action']:<28} {r['object']:<24} {r['result']}"
            for r in rows
        ),
    )
    return 0


def _case_json(s: Any) -> dict[str, Any]:
    return {
        "reference": s.reference,
        "subject": s.subject,
        "status": s.status.value,
        "assignee": s.assignee,
        "channel": s.channel.value,
        "channels": list(s.channels),
        "contact": s.contact,
        "messages": s.messages,
        "notes": s.notes,
        "opened_at": s.opened_at,
        "last_message_at": s.last_message_at,
        "product": s.product,
        "deadline": s.deadline,
    }


def cmd_cases(loket: Any, args: argparse.Namespace) -> int:
    from inbox.services import CaseQuery

    query = CaseQuery(statuses=(args.status,) if args.status else ())
    ids = loket.case_ids(query)
    if args.limit:
        ids = ids[: args.limit]
    items = [_case_json(s) for s in loket.case_summaries(ids)]
    text = "\n".join(
        f"{c['reference']}  {c['status']:<16} {c['channel']:<9} {c['contact'][:24]:<24} "
        f"{c['subject'][:60]}"
        for c in items
    )
    emit(args, items, text or "Geen zaken.")
    return 0


def cmd_messages(loket: Any, args: argparse.Namespace) -> int:
    items = loket.messages(case_reference=args.case, contact_address=args.contact)
    text = "\n".join(
        f"{m['sent_at']}  {m['case'] or '-':<15} {m['channel']:<8} {m['direction']:<3} "
        f"{(m['sender_name'] or m['sender'])[:24]:<24} {m['subject'][:50]}"
        for m in items
    )
    emit(args, items, text or "Geen berichten.")
    return 0


def cmd_case(loket: Any, args: argparse.Namespace) -> int:
    if args.assign is not None:
        loket.assign(args.reference, args.assign or None)
    if args.status:
        loket.set_status(args.reference, args.status)
    if args.note:
        loket.add_note(args.reference, args.note)
    detail = loket.case_detail(args.reference)
    data = _case_json(detail.summary)
    data.update(
        outcome=detail.outcome,
        first_contact_resolution=detail.first_contact_resolution,
        closed_at=detail.closed_at,
        contact_addresses=[{"kind": k, "value": v} for k, v in detail.contact_addresses],
        timeline=[
            {k: (v.value if hasattr(v, "value") else v) for k, v in asdict(t).items()}
            for t in detail.timeline
        ],
    )
    s = detail.summary
    lines = [
        f"{s.reference}  {s.subject}",
        f"Status: {s.status.label}   Kanaal: {s.channel.label}"
        f"   Inwoner: {s.contact}   Behandelaar: {s.assignee or '-'}",
        "",
    ]
    for t in detail.timeline:
        lines.append(f"{t.at}  [{t.kind}] {t.author}: {t.title}")
        if t.text:
            lines.extend("    " + line for line in t.text.splitlines()[:20])
    emit(args, data, "\n".join(lines))
    return 0


def cmd_search(loket: Any, args: argparse.Namespace) -> int:
    hits = loket.search(args.query, limit=args.limit)
    items = [
        {
            "case": h.case,
            "message": h.message,
            "note": h.note,
            "channel": h.channel,
            "subject": h.subject,
            "snippet": h.snippet,
        }
        for h in hits
    ]
    text = "\n".join(
        f"{h['case']}  {h['channel']:<8} {h['subject'][:40]:<40} {h['snippet']}" for h in items
    )
    emit(args, items, text or "Niets gevonden.")
    return 0


def cmd_stats(loket: Any, args: argparse.Namespace) -> int:
    for value in (args.date_from, args.date_to):
        if value and not _is_date(value):
            raise LoketError(f"'{value}' is geen datum (JJJJ-MM-DD).")
    data = loket.stats(args.date_from, args.date_to)
    lines = [f"Zaken: {data['cases_total']}"]
    lines += [f"  {k}: {v}" for k, v in data["cases_by_status"].items()]
    lines += ["Per kanaal:"] + [f"  {k}: {v}" for k, v in data["cases_by_channel"].items()]
    lines += [f"Berichten: {data['messages_total']}"]
    emit(args, data, "\n".join(lines))
    return 0


def _is_date(value: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.error("no command")  # the GUI is started by main.py, not here
    return run(args)
