"""Commands of casework: list cases and messages, show or change one case (also merge, split,
move a message, reply by e-mail), an original message, search, figures, norms, standaardantwoorden
and saved searches."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inbox.channels.registry import label as channel_label
from inbox.cli.common import actions, arg, command, emit, emit_rows, one_of
from inbox.errors import InvalidInput, LoketError, NotFound
from inbox.model import Channel, Status

if TYPE_CHECKING:
    from inbox.services import Loket


def add_commands(sub: Any, exports: Any) -> None:
    p = sub.add_parser("cases", help="list cases")
    p.add_argument("--status", choices=[s.value for s in Status])
    p.add_argument("--view", choices=["vandaag", "te_laat", "terugbellen"],
                   help="a worklist: due today, overdue, open call-backs (earliest first)")
    p.add_argument("--limit", type=int, default=0, help="at most this many (0: all)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_cases)

    command(
        sub, "messages", cmd_messages, "list messages of a case or a contact",
        arg("--case"), arg("--contact", help="an e-mail address, phone number or handle"),
    )

    p = sub.add_parser(
        "case",
        help="show or change one case; or: case merge SOURCE TARGET, "
        "case split REF --message ID..., case move-message ID --to REF",
    )
    p.add_argument("reference", metavar="REF", help="the case (or merge, split, move-message)")
    p.add_argument("operands", nargs="*", metavar="ARG", help=argparse.SUPPRESS)
    p.add_argument("--assign", metavar="USER", help="assign to USER ('' to unassign)")
    p.add_argument("--status", choices=[s.value for s in Status])
    p.add_argument("--outcome", metavar="TEXT", help="with --status afgerond: the outcome")
    p.add_argument("--in-one-go", action="store_true",
                   help="with --status afgerond: handled in one go (first contact)")
    p.add_argument("--note", metavar="TEXT", help="an internal note; with --forward: the "
                   "question for the department")
    p.add_argument("--forward", metavar="DEPT",
                   help="hand the case over to a department by e-mail (with --note)")
    p.add_argument("--label", metavar="L", action="append", dest="labels",
                   help="add the label L (repeatable)")
    p.add_argument("--unlabel", metavar="L", action="append", dest="unlabels",
                   help="take the label L off (repeatable)")
    p.add_argument("--product", metavar="P", help="UPL product ('' removes it)")
    p.add_argument("--deadline", metavar="YYYY-MM-DD", type=_optional_date,
                   help="the date the case must be handled by ('' removes it)")
    p.add_argument("--reply-file", metavar="F", type=Path,
                   help="reply by e-mail with the text of F ('-': standard input); queued in "
                   "the outbox and sent with the next sync")
    p.add_argument("--to", metavar="ADDR|REF",
                   help="with --reply-file: the address; with move-message: the target case")
    p.add_argument("--account", metavar="NAME", help="with --reply-file: the sending account")
    p.add_argument("--answered-elsewhere", metavar="TEXT",
                   help="record the answer given outside Loket (a call, the WhatsApp app, a "
                   "letter): what was answered")
    p.add_argument("--via", choices=[c.value for c in Channel], default=Channel.PHONE.value,
                   help="with --answered-elsewhere: the channel it went through")
    p.add_argument("--message", metavar="ID", type=int, action="append", dest="message_ids",
                   help="with split: a message that becomes the new case (repeatable)")
    p.add_argument("--confidential", choices=["on", "off"],
                   help="vertrouwelijk: only the assignee sees the case (needs --reason)")
    p.add_argument("--reason", metavar="TEXT", help="why (for --confidential)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_case)

    command(
        sub, "bulk", cmd_bulk, "one action on several cases, all or nothing",
        arg("references", nargs="+", metavar="REF"),
        one_of(
            arg("--assign", metavar="USER", help="assign them all to USER ('' for nobody)"),
            arg("--status", choices=[s.value for s in Status if s is not Status.AFGEROND]),
            arg("--close", metavar="OUTCOME", help="close them all with this outcome"),
            arg("--label", metavar="L", help="add the label L to each"),
            required=True,
        ),
        arg("--in-one-go", action="store_true", help="with --close: handled in one go"),
    )

    command(
        sub, "message", cmd_message, "the original of one message, byte for byte",
        arg("message_id", type=int, metavar="ID"),
        arg("--out", type=Path, required=True, help="the file to write (must not exist)"),
    )

    statuses = [s.value for s in Status]
    channels = [c.value for c in Channel]
    n = actions(
        sub, "norms", "response norms per channel (teamleider, beheerder)", dest="norms_command"
    )
    command(n, "list", cmd_norms_list, "the norms in force")
    command(
        n, "set", cmd_norms_set, "set (or with --none remove) the norm of one channel",
        arg("channel", choices=channels),
        arg("--amount", type=int),
        arg("--unit", choices=["working_days", "hours"], default="working_days"),
        arg("--none", action="store_true", help="no norm for this channel"),
    )
    command(
        n, "target", cmd_norms_target, "the team's target for % handled in one go (the "
        "dashboard's line)", arg("--in-one-go", type=float, required=True, metavar="PCT"),
    )

    t = actions(sub, "templates", "standaardantwoorden of the team", dest="templates_command")
    command(
        t, "list", cmd_templates_list, "the templates in use (--all: retired ones too)",
        arg("--all", action="store_true"),
    )
    for action, helptext in (("add", "add one of the team's own templates"),
                             ("edit", "change a template (a shipped one too)")):
        command(
            t, action, cmd_templates_save, helptext,
            *([arg("key")] if action == "edit" else []),
            arg("--title", required=action == "add"),
            arg("--text", help="the text; placeholders {naam} {zaak} {medewerker} {onderwerp}"),
            arg("--text-file", type=Path, metavar="F", help="the text from F ('-': stdin)"),
        )
    command(
        t, "retire", cmd_templates_retire, "take a template out of use (its text is kept)",
        arg("key"), json=False,
    )

    s = actions(sub, "searches", "your saved searches", dest="searches_command")
    command(s, "list", cmd_searches_list, "your saved searches")
    command(
        s, "save", cmd_searches_change, "save (or replace) a search by name",
        arg("name"),
        arg("--text", default=""),
        arg("--status", action="append", choices=statuses, dest="statuses"),
        arg("--channel", choices=channels),
        json=False,
    )
    command(s, "delete", cmd_searches_change, "delete a saved search", arg("name"), json=False)

    command(
        sub, "search", cmd_search, "full-text search over all messages and notes",
        arg("query"), arg("--limit", type=int, default=50),
    )
    command(
        sub, "stats", cmd_stats, "counts per status and channel",
        arg("--from", dest="date_from", metavar="YYYY-MM-DD"),
        arg("--to", dest="date_to", metavar="YYYY-MM-DD"),
    )


def _case_json(s: Any) -> dict[str, Any]:
    return {
        "reference": s.reference,
        "subject": s.subject,
        "status": s.status.value,
        "assignee": s.assignee,
        "channel": str(s.channel),
        "channels": list(s.channels),
        "contact": s.contact,
        "messages": s.messages,
        "notes": s.notes,
        "opened_at": s.opened_at,
        "last_message_at": s.last_message_at,
        "product": s.product,
        "deadline": s.deadline,
        "confidential": s.confidential,
        "labels": list(s.labels),
        "due_at": s.due_at,
        "department": s.department,
        "forward_due": s.forward_due,
        "forward_open": s.forward_open,
        "reported_back_at": s.reported_back_at,
        "callback_due": s.callback_due,
        "callback_window": s.callback_window,
        "callback_for": s.callback_for,
        "callback_open": s.callback_open,
    }


def cmd_cases(loket: Loket, args: argparse.Namespace) -> int:
    from inbox.services import CaseQuery

    query = CaseQuery(statuses=(args.status,) if args.status else ())
    if args.view:
        from inbox import deadlines

        deadlines.fill(loket)
        query = deadlines.view_query(args.view, loket.now(),
                                     (args.status,) if args.status else deadlines.DUE_STATUSES)
    ids = loket.case_ids(query)
    if args.limit:
        ids = ids[: args.limit]
    items = [_case_json(s) for s in loket.case_summaries(ids)]
    emit_rows(
        args, items, items,
        lambda c: f"{c['reference']}  {c['status']:<16} {c['channel']:<9} "
        f"{c['contact'][:24]:<24} {c['subject'][:60]}",
        "Geen zaken.",
    )
    return 0


def cmd_messages(loket: Loket, args: argparse.Namespace) -> int:
    items = loket.messages(case_reference=args.case, contact_address=args.contact)
    emit_rows(
        args, items, items,
        lambda m: f"{m['sent_at']}  {m['case'] or '-':<15} {m['channel']:<8} "
        f"{m['direction']:<3} {(m['sender_name'] or m['sender'])[:24]:<24} {m['subject'][:50]}",
        "Geen berichten.",
    )
    return 0


def _optional_date(value: str) -> str:
    """YYYY-MM-DD, or '' (remove the date)."""
    from inbox.cli.common import date_arg

    return "" if not value.strip() else date_arg(value)


def _text_of(path: Path) -> str:
    """The UTF-8 text of a file, or of standard input for '-'."""
    import sys

    if str(path) == "-":
        return sys.stdin.read()
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InvalidInput(f"{path} is geen UTF-8-tekst.") from None


_MODES = {"merge": "case merge SOURCE TARGET", "split": "case split REF --message ID...",
          "move-message": "case move-message ID --to REF"}


def cmd_case(loket: Loket, args: argparse.Namespace) -> int:
    from inbox import casework

    mode = args.reference
    if mode in _MODES:
        return _case_mode(loket, args, mode)
    if args.operands:
        raise InvalidInput(f"Onbekend: {' '.join(args.operands)}. Bedoelt u "
                           + " of ".join(f"'{m}'" for m in _MODES.values()) + "?")
    reference = args.reference
    if args.assign is not None:
        loket.assign(reference, args.assign or None)
    if args.status == Status.AFGEROND.value:
        loket.close_case(reference, args.outcome or "", first_contact_resolution=args.in_one_go)
    elif args.status:
        loket.set_status(reference, args.status)
    if args.product is not None:
        casework.set_product(loket, reference, args.product or None)
    if args.deadline is not None:
        casework.set_deadline(
            loket, reference, date.fromisoformat(args.deadline) if args.deadline else None
        )
    for label in args.labels or ():
        casework.add_label(loket, reference, label)
    for label in args.unlabels or ():
        casework.remove_label(loket, reference, label)
    if args.forward:
        from inbox import handover

        handover.forward(loket, reference, args.forward, args.note or "")
    elif args.note:
        loket.add_note(reference, args.note)
    if args.reply_file is not None:
        reply = casework.reply_by_email(
            loket, reference, _text_of(args.reply_file), to=args.to, account=args.account
        )
        if not args.json:
            print(f"Antwoord klaargezet in {reply.reference}; het gaat mee met de volgende "
                  "synchronisatie.")
    if args.answered_elsewhere is not None:
        from inbox import replies

        replies.answered_elsewhere(loket, reference, args.answered_elsewhere, args.via)
    if args.confidential:
        loket.set_confidential(reference, args.confidential == "on", args.reason or "")
        from inbox.privacy.roles import Permission

        if not loket.may(Permission.READ_CONTENT):  # a beheerder lifted it: no content
            state = "vertrouwelijk" if args.confidential == "on" else "niet meer vertrouwelijk"
            emit(args, {"reference": reference.upper(), "confidential":
                        args.confidential == "on"}, f"Zaak {reference.upper()} is {state}.")
            return 0
    elif args.reason:
        raise LoketError("--reason hoort bij --confidential.")
    detail = loket.case_detail(reference)
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
        f"Status: {s.status.label}   Kanaal: {channel_label(s.channel)}"
        f"   Inwoner: {s.contact}   Behandelaar: {s.assignee or '-'}",
        *_day_lines(s),
        "",
    ]
    for t in detail.timeline:
        lines.append(f"{t.at}  [{t.kind}] {t.author}: {t.title}")
        if t.text:
            lines.extend("    " + line for line in t.text.splitlines()[:20])
    emit(args, data, "\n".join(lines))
    return 0


def _day_lines(s: Any) -> list[str]:
    """Answer-by moment, an open hand-over and an open call-back, in local time."""
    from inbox.casework import LOCAL
    from inbox.clock import parse

    def when(value: str | None) -> str:
        return parse(value).astimezone(LOCAL).strftime("%d-%m-%Y %H:%M") if value else "-"

    lines = []
    if s.due_at and s.status is not Status.AFGEROND:
        lines.append(f"Antwoord uiterlijk: {when(s.due_at)}")
    if s.forward_open:
        lines.append(f"Bij vakafdeling {s.department} tot {when(s.forward_due)}")
    if s.callback_open:
        window = f" ({s.callback_window})" if s.callback_window else ""
        lines.append(f"Terugbellen vóór {when(s.callback_due)}{window}"
                     f" door {s.callback_for or '-'}")
    return lines


def _case_mode(loket: Loket, args: argparse.Namespace, mode: str) -> int:
    """case merge / split / move-message."""
    from inbox import casework

    ops = args.operands
    usage = f"Gebruik: {_MODES[mode]}."
    if mode == "merge":
        if len(ops) != 2:
            raise InvalidInput(usage)
        casework.merge_cases(loket, ops[0], ops[1])
        emit(args, {"merged": ops[0].upper(), "into": ops[1].upper()},
             f"{ops[0].upper()} samengevoegd met {ops[1].upper()}.")
        return 0
    if mode == "split":
        if len(ops) != 1 or not args.message_ids:
            raise InvalidInput(usage)
        new = casework.split_case(loket, ops[0], args.message_ids)
        emit(args, {"case": ops[0].upper(), "new_case": new}, f"Nieuwe zaak {new}.")
        return 0
    if len(ops) != 1 or not ops[0].isdigit() or not args.to:
        raise InvalidInput(usage)
    casework.move_message(loket, int(ops[0]), args.to)
    emit(args, {"message": int(ops[0]), "case": args.to.upper()},
         f"Bericht {ops[0]} verplaatst naar {args.to.upper()}.")
    return 0


def cmd_bulk(loket: Loket, args: argparse.Namespace) -> int:
    from inbox import casework

    for action in casework.Bulk:
        value = getattr(args, action.value)
        if value is not None:
            break
    if args.in_one_go and action is not casework.Bulk.CLOSE:
        raise InvalidInput("--in-one-go hoort bij --close.")
    changes = casework.bulk(loket, args.references, action, value,
                            first_contact_resolution=args.in_one_go)
    references = [r.upper() for r in dict.fromkeys(args.references)]
    emit(args, {"action": action.value, "cases": references, "changed": len(changes.cases)},
         f"{len(references)} zaken bijgewerkt.")
    return 0


def cmd_message(loket: Loket, args: argparse.Namespace) -> int:
    from inbox.exports import export_file

    raw = loket.original_bytes(args.message_id)
    if raw is None:
        raise NotFound(f"Van bericht {args.message_id} is geen origineel bewaard.")
    with export_file(args.out) as tmp:
        tmp.write_bytes(raw)
    emit(args, {"message": args.message_id, "out": str(args.out), "bytes": len(raw)},
         f"Origineel van bericht {args.message_id} geschreven naar {args.out}.")
    return 0


def cmd_norms_list(loket: Loket, args: argparse.Namespace) -> int:
    from inbox import workspace

    norms = workspace.norms(loket)
    data = {c: {"amount": n.amount, "unit": n.unit} for c, n in sorted(norms.items())}
    text = "\n".join(f"{channel_label(c):<14} {n.label()}" for c, n in sorted(norms.items()))
    emit(args, data, text or "Geen normen.")
    return 0


def cmd_norms_set(loket: Loket, args: argparse.Namespace) -> int:
    from inbox import workspace

    if args.none == (args.amount is not None):
        raise InvalidInput("Geef --amount N (met --unit) of --none.")
    norm = None if args.none else workspace.Norm(args.amount, args.unit)
    workspace.save_norms(loket, {args.channel: norm})
    return cmd_norms_list(loket, args)


def cmd_norms_target(loket: Loket, args: argparse.Namespace) -> int:
    from inbox import kcc_figures

    value = kcc_figures.set_target(loket, args.in_one_go)
    emit(args, value, f"Streefwaarde in één keer afgehandeld: "
         f"{value['handled_in_one_go_pct']:g}%.")
    return 0


def _template_json(t: Any) -> dict[str, Any]:
    return {"key": t.key, "title": t.title, "text": t.body, "shipped": t.shipped,
            "retired": t.retired}


def cmd_templates_list(loket: Loket, args: argparse.Namespace) -> int:
    from inbox import workspace

    found = workspace.templates(loket, retired=args.all)
    text = "\n".join(f"{t.key:<28} {t.title}" + (" (ingetrokken)" if t.retired else "")
                     for t in found)
    emit(args, [_template_json(t) for t in found], text or "Geen standaardantwoorden.")
    return 0


def cmd_templates_save(loket: Loket, args: argparse.Namespace) -> int:
    from inbox import workspace

    if args.text is not None and args.text_file is not None:
        raise InvalidInput("Geef --text of --text-file, niet allebei.")
    text = args.text if args.text_file is None else _text_of(args.text_file)
    key = getattr(args, "key", None)
    title = args.title
    if key is not None:
        current = {t.key: t for t in workspace.templates(loket, retired=True)}.get(key)
        if current is None:
            raise NotFound(f"Standaardantwoord '{key}' bestaat niet.")
        title = title or current.title
        text = current.body if text is None else text
    saved = workspace.save_template(loket, title or "", text or "", key)
    emit(args, _template_json(saved), f"Standaardantwoord '{saved.key}' bewaard.")
    return 0


def cmd_templates_retire(loket: Loket, args: argparse.Namespace) -> int:
    from inbox import workspace

    workspace.retire_template(loket, args.key)
    print(f"Standaardantwoord '{args.key}' ingetrokken.")
    return 0


def cmd_searches_list(loket: Loket, args: argparse.Namespace) -> int:
    from inbox import workspace

    found = workspace.saved_searches(loket)
    data = [{"name": s.name, "text": s.text, "statuses": list(s.statuses),
             "channel": s.channel} for s in found]
    emit(args, data, "\n".join(s.name for s in found) or "Geen bewaarde zoekopdrachten.")
    return 0


def cmd_searches_change(loket: Loket, args: argparse.Namespace) -> int:
    """searches save / delete."""
    from inbox import workspace

    if args.searches_command == "save":
        workspace.save_search(loket, workspace.SavedSearch(
            args.name, args.text, tuple(args.statuses or ()), args.channel))
        print(f"Zoekopdracht '{args.name}' bewaard.")
    else:
        workspace.delete_search(loket, args.name)
        print(f"Zoekopdracht '{args.name}' verwijderd.")
    return 0


def cmd_search(loket: Loket, args: argparse.Namespace) -> int:
    hits = loket.search(args.query, limit=args.limit)
    items: list[dict[str, Any]] = [
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
    emit_rows(
        args, items, items,
        lambda h: f"{h['case']}  {h['channel']:<8} {h['subject'][:40]:<40} {h['snippet']}",
        "Niets gevonden.",
    )
    return 0


def cmd_stats(loket: Loket, args: argparse.Namespace) -> int:
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
