"""Command-line commands of the social channels and contacts (an inbox.cli extension).

account add mastodon --name N --url URL --token-stdin [--interval MIN] [--no-verify]
mastodon sync [--account N] [--json]          one fetch pass over the Mastodon accounts
mastodon reply REF (--text T | --text-stdin)   answer in the thread, same visibility
mastodon remove NAME
mastodon listen ACCOUNT --add TERM | --remove TERM | --list | --keep-days N
                                               public hashtags and keywords to listen for
mastodon posts [--days N] [--json]             the public posts heard (not cases)
mastodon post-to-case POST_ID [--json]         make a case of a heard post (once)
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
from inbox.cli.common import (
    actions,
    arg,
    command,
    emit,
    emit_rows,
    id_arg,
    one_of,
    report_sync,
)
from inbox.errors import LoketError, NotFound


def add_mastodon_account_parser(kinds: Any) -> None:
    """`account add mastodon`: called by inbox.cli next to `account add imap`."""
    command(
        kinds, "mastodon", cmd_account_add_mastodon,
        "a Mastodon account (e.g. on social.overheid.nl)",
        arg("--name", required=True),
        arg("--url", required=True, help="the server, e.g. https://social.overheid.nl"),
        arg("--token-stdin", action="store_true", help="read the access token from stdin"),
        arg("--interval", type=float, default=2.0, help="minutes between fetches"),
        arg("--no-verify", action="store_true", help="do not check the token now"),
    )


def add_commands(sub: Any, exports: Any) -> None:
    m = actions(sub, "mastodon", "fetch from and reply on Mastodon", dest="mastodon_command")
    command(
        m, "sync", cmd_mastodon_sync, "one fetch pass over all (or one) Mastodon accounts",
        arg("--account"),
    )
    command(
        m, "reply", cmd_mastodon_reply, "answer a case's Mastodon status in its thread",
        arg("reference"), arg("--text"), arg("--text-stdin", action="store_true"),
    )
    command(
        m, "remove", cmd_mastodon_remove, "remove a Mastodon account and its token",
        arg("name"), json=False,
    )
    command(
        m, "listen", cmd_mastodon_listen,
        "public hashtags (#name) and keywords an account listens for",
        arg("account"),
        one_of(
            arg("--add", metavar="TERM", help="a hashtag (#gemeentenaam) or a keyword"),
            arg("--remove", metavar="TERM"),
            arg("--list", action="store_true", help="the terms, each with its last fetch"),
            arg("--keep-days", type=int, metavar="N", help="keep heard posts N days (1-90)"),
            required=True,
        ),
    )
    command(
        m, "posts", cmd_mastodon_posts, "the public posts heard while listening (not cases)",
        arg("--days", type=int, default=30, help="written in the last N days"),
    )
    command(
        m, "post-to-case", cmd_mastodon_post_to_case, "make a case of a heard post (once)",
        arg("post_id", type=id_arg, metavar="POST_ID"),
    )

    c = actions(
        sub, "contact", "one resident across channels: show, suggest, merge",
        dest="contact_command",
    )
    command(
        c, "show", cmd_contact_show, "every address, case and message of one resident",
        arg("address", help="an e-mail address, phone number or handle, or #ID"),
    )
    command(
        c, "suggestions", cmd_contact_suggestions, "contacts that are probably one resident",
        arg("--limit", type=int, default=100),
    )
    command(
        c, "merge", cmd_contact_merge, "merge MERGED into SURVIVOR (contact ids)",
        arg("survivor", type=int), arg("merged", type=int), arg("--reason", default=""),
    )
    command(
        c, "unmerge", cmd_contact_unmerge, "undo a merge", arg("merge_id", type=int), json=False
    )
    command(
        c, "distinct", cmd_contact_distinct, "these two are different residents",
        arg("first", type=int), arg("second", type=int), json=False,
    )
    command(
        c, "log", cmd_contact_log, "a phone call or counter visit, as a message in a case",
        arg("--channel", choices=[ch.value for ch in noted_channels()], required=True),
        arg("--name", required=True, help="who called or came to the counter"),
        arg("--question", required=True, help="what the resident asked"),
        arg("--answer", default="", help="the answer given"),
        arg("--phone", default="", help="the resident's number"),
        arg("--subject", default="", help="empty: the first line of the question"),
        arg("--case", metavar="REF", help="add it to this case instead of a new one"),
        arg("--resolved", action="store_true", help="resolved in one go: closes the case"),
        arg("--callback-by", metavar="YYYY-MM-DD", help="call back before this date"),
    )

    command(
        exports, "klantinteracties", cmd_export_klantinteracties,
        "Open Klant (Klantinteracties API) JSON",
        arg("--out", type=Path, required=True),
        arg("--base-url", default=None, help="the Open Klant API these URLs point into"),
    )


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
    return report_sync(args, events, "Geen Mastodon-accounts.", sent=False)


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


def cmd_mastodon_listen(loket: Any, args: argparse.Namespace) -> int:
    from inbox.channels import listening

    if args.add is not None:
        term = listening.add_term(loket, args.account, args.add)
        emit(args, {"account": args.account, "added": term},
             f"'{args.account}' luistert vanaf de volgende ophaalronde naar {term}.")
    elif args.remove is not None:
        listening.remove_term(loket, args.account, args.remove)
        emit(args, {"account": args.account, "removed": args.remove.strip().lower()},
             f"'{args.account}' luistert niet meer naar {args.remove.strip().lower()}.")
    elif args.keep_days is not None:
        listening.set_keep_days(loket, args.account, args.keep_days)
        emit(args, {"account": args.account, "keep_days": args.keep_days},
             f"Meegeluisterde berichten van '{args.account}' blijven {args.keep_days} dagen.")
    else:
        watched = listening.watch_list(loket, args.account)
        lines = [f"{watched.account}: berichten blijven {watched.keep_days} dagen"]
        lines += [
            f"  {t.term:<30} "
            + (f"fout: {t.error}" if t.error else f"opgehaald: {t.last_fetch or 'nog niet'}")
            for t in watched.terms
        ] or ["  (luistert nergens naar)"]
        emit(args, watched.as_json(), "\n".join(lines))
    return 0


def cmd_mastodon_posts(loket: Any, args: argparse.Namespace) -> int:
    from inbox.channels import listening

    found = listening.posts(loket, args.days)
    lines = [
        f"#{p.id}  {p.created_at}  @{p.author}  [{', '.join(p.terms)}]"
        + (f"  zaak {p.case}" if p.case else "")
        + "\n    " + " ".join(p.text.split())[:160]
        for p in found
    ]
    emit(args, [p.as_json() for p in found], "\n".join(lines) or "Geen berichten gehoord.")
    return 0


def cmd_mastodon_post_to_case(loket: Any, args: argparse.Namespace) -> int:
    from inbox.channels import listening

    made = listening.post_to_case(loket, args.post_id)
    emit(
        args,
        {"post": args.post_id, "case": made.reference, "new_case": made.new_case,
         "added": made.added},
        f"Zaak {made.reference} gemaakt van bericht {args.post_id}." if made.new_case
        else f"Bericht {args.post_id} toegevoegd aan zaak {made.reference}." if made.added
        else f"Bericht {args.post_id} staat al in zaak {made.reference}.",
    )
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
    emit_rows(
        args, items, items,
        lambda s: f"#{s['first']} {s['first_name']}  ~  #{s['second']} {s['second_name']}: "
        f"{', '.join(s['reasons'])}",
        "Geen voorstellen.",
    )
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
