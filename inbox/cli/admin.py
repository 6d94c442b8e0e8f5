"""Commands of the installation: demo data, import, accounts, sync, the key and the audit trail."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inbox.cli.common import DEMO_PASSWORD, arg, command, db_path, emit, emit_rows, report_sync
from inbox.errors import LoketError

if TYPE_CHECKING:
    from inbox.services import Loket


def add_commands(sub: Any, exports: Any) -> None:
    command(
        sub, "demo", cmd_demo, "fill the database with realistic demo data",
        arg("--cases", type=int, default=500), arg("--seed", type=int, default=1),
    )
    command(
        sub, "import", cmd_import,
        "import .eml, .mbox and WhatsApp, Facebook/Instagram and X export files",
        arg("files", nargs="+", type=Path),
    )

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
    from inbox.cli.social import add_mastodon_account_parser

    add_mastodon_account_parser(kinds)
    lst = acc.add_parser("list", help="accounts with their last sync and error")
    lst.add_argument("--json", action="store_true")
    tst = acc.add_parser("test", help="test the connection of an account")
    tst.add_argument("name")
    rm = acc.add_parser("remove", help="remove an account and its secrets")
    rm.add_argument("name")
    p.set_defaults(handler=cmd_account)

    p = sub.add_parser("sync", help="one fetch (and send) pass over all or one account")
    p.add_argument("--account")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_sync)

    p = sub.add_parser("key", help="the database key: recovery key, recovery, rotation")
    keys = p.add_subparsers(dest="key_command", metavar="ACTION", required=True)
    keys.add_parser("show-recovery", help="show the recovery key, once (beheerder)")
    keys.add_parser("recover", help="restore the key from the recovery key read from stdin")
    keys.add_parser("rotate", help="new key and new recovery key (beheerder)")
    keys.add_parser("encrypt", help="encrypt a database made before encryption (beheerder)")
    p.set_defaults(handler=cmd_key)

    command(
        sub, "backup", cmd_backup,
        "one file with a consistent, encrypted copy of the database and its files (beheerder)",
        arg("--out", type=Path, required=True), json=False,
    )
    command(
        sub, "restore", cmd_restore,
        "put a backup in place as the database --db names, which must not exist yet (beheerder)",
        arg("file", type=Path), json=False,
    )

    command(
        sub, "audit", cmd_audit, "the audit trail (beheerder, archivaris)",
        arg("--verify", action="store_true", help="check the hash chain and its head"),
        arg("--accept", action="store_true",
            help="accept the trail as it is after a reported problem (beheerder)"),
        arg("--limit", type=int, default=1000),
    )


def cmd_demo(loket: Loket, args: argparse.Namespace) -> int:
    from inbox import acts, demo, identity

    if args.cases < 0:
        raise LoketError("Het aantal zaken kan niet negatief zijn.")
    if loket.needs_sign_in():
        loket.check(acts.DEMO_BUILD, "demo")  # may this person at all? (a refusal is audited)
        raise LoketError("Demogegevens kunnen alleen in een nieuwe database worden gemaakt.")
    from inbox.kb import demo as kb_demo  # the kennisbank, and a burst of cases for trends

    burst = kb_demo.burst_size(args.cases)
    with loket.demo_builder():
        counts = demo.build(loket, cases=args.cases - burst, seed=args.seed)
        for key, value in kb_demo.build(loket, seed=args.seed, burst=burst).items():
            counts[key] = counts.get(key, 0) + value
        _demo_mailbox(loket)
        # every role can sign in with the one demo password: see the README and the sign-in hint
        identity.demo_staff(
            loket,
            [name for name, _display, _role in demo.STAFF],
            DEMO_PASSWORD,
            hint=f"Demo: meld u aan als anne (medewerker), tineke (teamleider), arjen "
            f"(archivaris) of bea (beheerder), wachtwoord {DEMO_PASSWORD}.",
        )
    emit(
        args,
        counts,
        f"Demogegevens gemaakt: {counts['cases']} zaken, "
        f"{counts['messages']} berichten, {counts['contacts']} inwoners.",
    )
    return 0


def _demo_mailbox(loket: Loket) -> None:
    """A mail account for the demo, so answering a case works: replies are kept in their case
    and wait in the outbox, since no mail server runs at this (local, closed) address."""
    from inbox.accounts import DEMO_MAILBOX, Accounts, MailAccount, Security

    Accounts(loket).add_mail(
        MailAccount(
            name=DEMO_MAILBOX,
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


def cmd_import(loket: Loket, args: argparse.Namespace) -> int:
    from inbox.channels.imports.files import import_files

    report = import_files(loket, args.files)
    lines = [
        f"{report.imported} geïmporteerd, {report.duplicates} dubbel, {len(report.failed)} mislukt"
    ]
    lines += [f"  {f['file']}: {f['error']}" for f in report.failed]
    emit(args, report.as_json(), "\n".join(lines))
    return 1 if report.failed else 0  # what could be imported was; the others are listed


def cmd_account(loket: Loket, args: argparse.Namespace) -> int:
    from inbox import acts
    from inbox.accounts import Accounts, Auth, MailAccount, Security

    accounts = Accounts(loket)
    act = {"add": acts.ACCOUNT_ADD, "list": acts.ACCOUNT_LIST, "test": acts.ACCOUNT_TEST,
           "remove": acts.ACCOUNT_REMOVE}[args.account_command]
    loket.check(act)  # refused before a password is read or a name looked up
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
        rows = accounts.listed()
        emit_rows(
            args, rows, rows,
            lambda r: f"{r['account']:<20} {r['folder'] or '-':<12} "
            f"laatst: {r['last_sync_at'] or 'nooit'}"
            + (f"  fout: {r['last_error']}" if r["last_error"] else ""),
            "Geen accounts.",
        )
        return 0
    if args.account_command == "test":
        from inbox.channels import imap

        print(imap.test_connection(loket, accounts.mail_account(args.name)))
        return 0
    accounts.mail_account(args.name)
    accounts.remove(args.name)
    print(f"Account '{args.name}' verwijderd.")
    return 0


def cmd_sync(loket: Loket, args: argparse.Namespace) -> int:
    from inbox import acts
    from inbox.sync import sync_once

    loket.check(acts.MAIL_SYNC)
    events = sync_once(loket, args.account)
    return report_sync(args, events, "Geen accounts.", sent=True)


def cmd_key_recover(args: argparse.Namespace) -> int:
    from inbox.privacy import keys

    path = db_path(args)
    recovery_key = sys.stdin.readline().strip()
    if not recovery_key:
        raise LoketError("Geef de herstelsleutel op via standaardinvoer.")
    keys.recover(path, recovery_key)
    print("De sleutel staat weer in de sleutelbos; de database kan open.")
    return 0


def cmd_key(loket: Loket, args: argparse.Namespace) -> int:
    from inbox import acts
    from inbox.privacy import keys

    act = {"show-recovery": acts.KEY_SHOW_RECOVERY, "rotate": acts.KEY_ROTATE}.get(
        args.key_command, acts.KEY_ENCRYPT
    )
    loket.check(act, "database")
    path = loket.path
    if path is None:
        raise LoketError("Een database in het geheugen heeft geen sleutel.")
    if args.key_command in ("show-recovery", "rotate") and not keys.is_encrypted(path):
        raise LoketError("Deze database is niet versleuteld; gebruik eerst 'key encrypt'.")
    if args.key_command in ("rotate", "encrypt") and getattr(args, "handed_over", False):
        # both replace the database file, which the running app holds open
        raise LoketError("Sluit Loket eerst: de sleutel kan niet worden vervangen terwijl de "
                         "app deze database open heeft.")
    if args.key_command == "show-recovery":
        with loket.op(act, obj="database"):
            value = keys.take_recovery_key(path)
            if value is None:
                raise LoketError(
                    "De herstelsleutel is al eens getoond; maak zo nodig een nieuwe met "
                    "'key rotate'."
                )
        print(
            "Herstelsleutel (schrijf hem op en bewaar hem veilig; hij wordt niet nog eens "
            f"getoond):\n{value}"
        )
        return 0
    if args.key_command == "rotate":
        with loket.op(act, obj="database"):
            pass  # recorded under the old key; the file is then replaced by a re-encrypted copy
        loket.close()
        keys.rotate(path)
        print("Nieuwe sleutel in gebruik. Toon de nieuwe herstelsleutel met 'key show-recovery'.")
        return 0
    if keys.is_encrypted(path):
        raise LoketError("Deze database is al versleuteld.")  # before it is audited as done
    with loket.op(act, obj="database"):
        pass  # recorded while the database is still readable as it was
    loket.close()
    keys.encrypt_existing(path)
    print(
        "De database en de bestanden zijn versleuteld. Toon de herstelsleutel met "
        "'key show-recovery'."
    )
    return 0


def cmd_backup(loket: Loket, args: argparse.Namespace) -> int:
    from inbox import backup

    made = backup.backup(loket, args.out)
    print(f"Reservekopie geschreven naar {args.out} ({made['blobs']} bestanden). Bewaar de "
          "herstelsleutel apart: zonder hem opent een kopie niet op een andere computer.")
    return 0


def cmd_restore(loket: Loket, args: argparse.Namespace) -> int:
    """`restore` onto a database that exists: only to say why not (after the act's check)."""
    from inbox import acts, backup

    with loket.op(acts.BACKUP_RESTORE, obj="database"):
        backup.restore(args.file, db_path(args))  # refuses: the target exists
    return 0


def cmd_restore_new(args: argparse.Namespace, env: Any) -> int:
    """`restore` to a new file: unpack, then record the act in the restored database."""
    from inbox import acts, backup
    from inbox.cli import sign_in
    from inbox.services import Loket

    target = db_path(args)
    restored = backup.restore(args.file, target)
    if not restored.key_available:
        print(f"Teruggezet naar {target}. De sleutel van deze reservekopie staat niet in de "
              f"sleutelbos van deze computer: voer 'loket --db {target} key recover' uit met de "
              "herstelsleutel van het moment van de reservekopie.")
        return 0
    loket = Loket.open(target)
    try:
        sign_in(loket, args.user or env.get("LOKET_USER"), env)
        with loket.op(acts.BACKUP_RESTORE, obj=f"reservekopie:{Path(args.file).name}"):
            pass
    finally:
        loket.close()
    print(f"Teruggezet naar {target}; deze database heeft een eigen sleutel in de sleutelbos.")
    return 0


def cmd_audit(loket: Loket, args: argparse.Namespace) -> int:
    from inbox.privacy import audit

    if args.accept:
        if loket.audit_problem is None:
            raise LoketError("Er is geen melding over het auditlog om te aanvaarden.")
        loket.accept_audit_trail()
        print("Het auditlog is aanvaard zoals het nu is; dit is zelf vastgelegd.")
        return 0
    if args.verify:
        broken = audit.verify(loket)
        if broken is not None:
            raise LoketError(f"Het auditlog is gewijzigd of beschadigd vanaf regel {broken}.")
        if loket.audit_problem is not None:
            raise LoketError(loket.audit_problem)
        print("Het auditlog is onbeschadigd.")
        return 0
    rows = audit.entries(loket, limit=args.limit)
    emit_rows(
        args, rows, rows,
        lambda r: f"{r['at']}  {r['actor']:<10} {r['label']:<40} {r['object']:<24} {r['result']}",
    )
    return 0
