"""Command-line commands of the social channels and contacts (an inbox.cli extension).

account add mastodon --name N --url URL --token-stdin [--interval MIN] [--no-verify]
mastodon sync [--account N] [--json]          one fetch pass over the Mastodon accounts
mastodon reply REF (--text T | --text-stdin)   answer in the thread, same visibility
mastodon remove NAME
contact show ADDRESS [--json]                  one resident: addresses, cases, messages
contact suggestions [--json]                   probable duplicates, with the reasons
contact merge SURVIVOR MERGED [--reason R]     contact ids; prints the merge id
contact unmerge MERGE_ID
contact distinct FIRST SECOND                  not the same person: stop suggesting
contact log --channel phone|counter --name N --question Q [--answer A] [--phone P] [--case REF]
            [--resolved] [--callback-by DATE]   a phone call or counter visit
export klantinteracties --out FILE [--base-url URL]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from inbox.channels.registry import noted_channels
from inbox.cli.common import emit
from inbox.errors import LoketError, NotFound


def add_mastodon_account_parser(kinds: Any) -> None:
    """`account add mastodon`: called by inbox.cli next to `account add imap`."""
    p = kinds.add_parser("mastodon", help="a Mastodon account (e.g. on social.overheid.nl)")
    p.add_argument("--name", required=True)
    p.add_argument("--url", required=True, help="the server, e.g. https://social.overheid.nl")
    p.add_argument("--token-stdin", action="store_true", help="read the access token from stdin")
    p.add_argument("--interval", type=float, default=2.0, help="minutes between fetches")
    p.add_argument("--no-verify", action="store_true", help="do not check the token now")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_account_add_mastodon)


def add_commands(sub: Any, exports: Any) -> None:
    p = sub.add_parser("mastodon", help="fetch from and reply on Mastodon")
    actions = p.add_subparsers(dest="mastodon_command", metavar="ACTION", required=True)
    s = actions.add_parser("sync", help="one fetch pass over all (or one) Mastodon accounts")
    s.add_argument("--account")
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=cmd_mastodon_sync)
    r = actions.add_parser("reply", help="answer a case's Mastodon status in its thread")
    r.add_argument("reference")
    r.add_argument("--text")
    r.add_argument("--text-stdin", action="store_true")
    r.add_argument("--json", action="store_true")
    r.set_defaults(handler=cmd_mastodon_reply)
    rm = actions.add_parser("remove", help="remove a Mastodon account and its token")
    rm.add_argument("name")
    rm.set_defaults(handler=cmd_mastodon_remove)

    p = sub.add_parser("contact", help="one resident across channels: show, suggest, merge")
    actions = p.add_subparsers(dest="contact_command", metavar="ACTION", required=True)
    s = actions.add_parser("show", help="every address, case and message of one resident")
    s.add_argument("address", help="an e-mail address, phone number or handle, or #ID")
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=cmd_contact_show)
    s = actions.add_parser("suggestions", help="contacts that are probably one resident")
    s.add_argument("--limit", type=int, default=100)
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=cmd_contact_suggestions)
    s = actions.add_parser("merge", help="merge MERGED into SURVIVOR (contact ids)")
    s.add_argument("survivor", type=int)
    s.add_argument("merged", type=int)
    s.add_argument("--reason", default="")
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=cmd_contact_merge)
    s = actions.add_parser("unmerge", help="undo a merge")
    s.add_argument("merge_id", type=int)
    s.set_defaults(handler=cmd_contact_unmerge)
    s = actions.add_parser("distinct", help="these two are different residents")
    s.add_argument("first", type=int)
    s.add_argument("second", type=int)
    s.set_defaults(handler=cmd_contact_distinct)
    s = actions.add_parser("log", help="a phone call or counter visit, as a message in a case")
    s.add_argument("--channel", choices=[c.value for c in noted_channels()], required=True)
    s.add_argument("--name", required=True, help="who called or came to the counter")
    s.add_argument("--question", required=True, help="what the resident asked")
    s.add_argument("--answer", default="", help="the answer given")
    s.add_argument("--phone", default="", help="the resident's number")
    s.add_argument("--subject", default="", help="empty: the first line of the question")
    s.add_argument("--case", metavar="REF", help="add it to this case instead of a new one")
    s.add_argument("--resolved", action="store_true", help="resolved in one go: closes the case")
    s.add_argument("--callback-by", metavar="YYYY-MM-DD", help="call back before this date")
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=cmd_contact_log)

    e = exports.add_parser("klantinteracties", help="Open Klant (Klantinteracties API) JSON")
    e.add_argument("--out", type=Path, required=True)
    e.add_argument("--base-url", default=None, help="the Open Klant API these URLs point into")
    e.add_argument("--json", action="store_true")
    e.set_defaults(handler=cmd_export_klantinteracties)


def cmd_account_add_mastodon(loket: Any, args: argparse.Namespace) -> int:
    from inbox.channels import mastodon

    if not args.token_stdin:
        raise LoketError("Geef het toegangstoken via --token-stdin (nooit als argument).")
    token = sys.stdin.readline().strip()
    account = mastodon.add_account(
        loket, args.name, args.url, token, args.interval, verify=not args.no_verify
    )
    emit(
        args,
        {"name": account.name, "id": account.id, "url": account.url, "acct": account.acct},
        f"Mastodon-account '{account.name}' toegevoegd"
        + (f" (@{account.acct})." if account.acct else "."),
    )
    return 0


def cmd_mastodon_sync(loket: Any, args: argparse.Namespace) -> int:
    from inbox.channels import mastodon

    chosen = (
        [mastodon.mastodon_account(loket, args.account)]
        if args.account
        else mastodon.mastodon_accounts(loket)
    )
    events = [mastodon.run_mastodon_account(loket, a) for a in chosen]
    data = [
        {
            "account": e.account,
            "ok": e.kind == "done",
            "fetched": e.fetched,
            "error": e.message or None,
        }
        for e in events
    ]
    emit(
        args,
        data,
        "\n".join(
            f"{d['account']}: {d['fetched']} opgehaald" + (f" - {d['error']}" if d["error"] else "")
            for d in data
        )
        or "Geen Mastodon-accounts.",
    )
    failed = [e for e in events if e.kind == "error"]
    if failed and not args.json:
        print(f"loket: {failed[0].message}", file=sys.stderr)
    return 1 if failed else 0


def cmd_mastodon_reply(loket: Any, args: argparse.Namespace) -> int:
    from inbox.channels import mastodon

    text = sys.stdin.read() if args.text_stdin else (args.text or "")
    changes = mastodon.reply(loket, args.reference, text)
    reference = args.reference.strip().upper()
    emit(
        args,
        {"case": reference, "message": min(changes.messages, default=None)},
        f"Antwoord geplaatst in {reference}.",
    )
    return 0


def cmd_mastodon_remove(loket: Any, args: argparse.Namespace) -> int:
    from inbox.channels import mastodon

    mastodon.remove_account(loket, args.name)
    print(f"Account '{args.name}' verwijderd.")
    return 0


def _contact_id(loket: Any, value: str) -> int:
    from inbox import contacts

    if value.startswith("#") and value[1:].isdigit():
        return int(value[1:])
    found = contacts.find_contact(loket, value)
    if found is None:
        raise NotFound(f"Geen inwoner met adres {value}.")
    return found


def cmd_contact_show(loket: Any, args: argparse.Namespace) -> int:
    from inbox import contacts

    view = contacts.overview(loket, _contact_id(loket, args.address))
    data = {
        "id": view.id,
        "name": view.name,
        "merged": list(view.merged),
        "channels": list(view.channels),
        "addresses": [{"kind": k, "value": v} for k, v in view.addresses],
        "cases": [asdict(c) for c in view.cases],
        "messages": [asdict(m) for m in view.messages],
    }
    lines = [f"#{view.id} {view.name}  kanalen: {', '.join(view.channels) or '-'}"]
    lines += [f"  {k}: {v}" for k, v in view.addresses]
    lines += [
        f"  {c.reference}  {c.status:<16} {c.channel:<9} {c.subject[:60]}" for c in view.cases
    ]
    emit(args, data, "\n".join(lines))
    return 0


def cmd_contact_suggestions(loket: Any, args: argparse.Namespace) -> int:
    from inbox import contacts

    items = [asdict(s) for s in contacts.suggest_merges(loket, args.limit)]
    text = "\n".join(
        f"#{s['first']} {s['first_name']}  ~  #{s['second']} {s['second_name']}: "
        f"{', '.join(s['reasons'])}"
        for s in items
    )
    emit(args, items, text or "Geen voorstellen.")
    return 0


def cmd_contact_merge(loket: Any, args: argparse.Namespace) -> int:
    from inbox import contacts

    merge_id = contacts.merge(loket, args.survivor, args.merged, args.reason)
    emit(
        args,
        {"merge": merge_id},
        f"Samengevoegd (nummer {merge_id}; ongedaan maken: contact unmerge {merge_id}).",
    )
    return 0


def cmd_contact_unmerge(loket: Any, args: argparse.Namespace) -> int:
    from inbox import contacts

    contacts.unmerge(loket, args.merge_id)
    print(f"Samenvoeging {args.merge_id} ongedaan gemaakt.")
    return 0


def cmd_contact_distinct(loket: Any, args: argparse.Namespace) -> int:
    from inbox import contacts

    contacts.mark_distinct(loket, args.first, args.second)
    print("Vastgelegd: dit zijn verschillende inwoners.")
    return 0


def cmd_contact_log(loket: Any, args: argparse.Namespace) -> int:
    from inbox.model import Channel

    received = loket.log_contact(
        Channel(args.channel),
        name=args.name,
        question=args.question,
        answer=args.answer,
        phone_number=args.phone,
        subject=args.subject,
        resolved=args.resolved,
        callback_by=args.callback_by,
        case_reference=args.case,
    )
    emit(
        args,
        {"case": received.reference, "message": received.message_id,
         "new_case": received.new_case},
        f"Vastgelegd in {received.reference}" + (" (nieuwe zaak)." if received.new_case else "."),
    )
    return 0


def cmd_export_klantinteracties(loket: Any, args: argparse.Namespace) -> int:
    from inbox import klantinteracties

    counts = klantinteracties.export(
        loket, args.out, args.base_url or klantinteracties.DEFAULT_BASE_URL
    )
    emit(
        args,
        counts,
        f"Geëxporteerd naar {args.out}: " + ", ".join(f"{v} {k}" for k, v in counts.items()),
    )
    return 0
