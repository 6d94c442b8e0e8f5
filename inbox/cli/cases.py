"""Commands of casework: list cases and messages, show or change one case, search, figures."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from inbox.cli.common import emit
from inbox.errors import LoketError
from inbox.model import Status

if TYPE_CHECKING:
    from inbox.services import Loket


def add_commands(sub: Any, exports: Any) -> None:
    p = sub.add_parser("cases", help="list cases")
    p.add_argument("--status", choices=[s.value for s in Status])
    p.add_argument("--limit", type=int, default=0, help="at most this many (0: all)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_cases)

    p = sub.add_parser("messages", help="list messages of a case or a contact")
    p.add_argument("--case")
    p.add_argument("--contact", help="an e-mail address, phone number or handle")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_messages)

    p = sub.add_parser("case", help="show or change one case")
    p.add_argument("reference")
    p.add_argument("--assign", metavar="USER", help="assign to USER ('' to unassign)")
    p.add_argument("--status", choices=[s.value for s in Status])
    p.add_argument("--note", metavar="TEXT")
    p.add_argument("--confidential", choices=["on", "off"],
                   help="vertrouwelijk: only the assignee sees the case (needs --reason)")
    p.add_argument("--reason", metavar="TEXT", help="why (for --confidential)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_case)

    p = sub.add_parser("search", help="full-text search over all messages and notes")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser("stats", help="counts per status and channel")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_stats)


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
        "confidential": s.confidential,
    }


def cmd_cases(loket: Loket, args: argparse.Namespace) -> int:
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


def cmd_messages(loket: Loket, args: argparse.Namespace) -> int:
    items = loket.messages(case_reference=args.case, contact_address=args.contact)
    text = "\n".join(
        f"{m['sent_at']}  {m['case'] or '-':<15} {m['channel']:<8} {m['direction']:<3} "
        f"{(m['sender_name'] or m['sender'])[:24]:<24} {m['subject'][:50]}"
        for m in items
    )
    emit(args, items, text or "Geen berichten.")
    return 0


def cmd_case(loket: Loket, args: argparse.Namespace) -> int:
    if args.assign is not None:
        loket.assign(args.reference, args.assign or None)
    if args.status:
        loket.set_status(args.reference, args.status)
    if args.note:
        loket.add_note(args.reference, args.note)
    if args.confidential:
        loket.set_confidential(args.reference, args.confidential == "on", args.reason or "")
        from inbox.privacy.roles import Permission

        if not loket.may(Permission.READ_CONTENT):  # a beheerder lifted it: no content
            state = "vertrouwelijk" if args.confidential == "on" else "niet meer vertrouwelijk"
            emit(args, {"reference": args.reference.upper(), "confidential":
                        args.confidential == "on"}, f"Zaak {args.reference.upper()} is {state}.")
            return 0
    elif args.reason:
        raise LoketError("--reason hoort bij --confidential.")
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
    text = "\n".join(
        f"{h['case']}  {h['channel']:<8} {h['subject'][:40]:<40} {h['snippet']}" for h in items
    )
    emit(args, items, text or "Niets gevonden.")
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
