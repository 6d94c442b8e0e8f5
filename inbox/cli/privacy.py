"""Command line of the AVG and Woo features: exports, requests, erasure, the processing log.

Registered through inbox.cli.MODULES: `export subject`, `export woo`, `avg requests`,
`avg request add|close|extend`, `avg erase`, `processing-log`. Every handler is fn(loket, args) ->
exit code; the acts behind them check the role (archivaris), audit and log the processing.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from inbox.cli.common import emit
from inbox.errors import InvalidInput


def add_commands(sub: Any, exports: Any) -> None:
    p = exports.add_parser("subject", help="AVG inzage: everything about one resident")
    p.add_argument("--contact", required=True, metavar="ADDRESS", help="e-mail, phone or handle")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--request", type=int, help="mark this AVG request as handled")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_export_subject)

    p = exports.add_parser("woo", help="Woo: redacted documents with the redactions' grounds")
    p.add_argument("--case", action="append", required=True, dest="cases", metavar="REF")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_export_woo)

    p = sub.add_parser("avg", help="AVG requests of residents and erasure")
    a = p.add_subparsers(dest="avg_command", metavar="ACTION", required=True)
    q = a.add_parser("requests", help="requests with their deadline")
    q.add_argument("--open", action="store_true", help="only open requests")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_requests)
    q = a.add_parser("request", help="add or close a request")
    r = q.add_subparsers(dest="request_command", metavar="ACTION", required=True)
    add = r.add_parser("add", help="register a request (deadline: one month)")
    add.add_argument("--contact", required=True, metavar="ADDRESS")
    add.add_argument("--kind", choices=["inzage", "verwijdering"], default="inzage")
    add.add_argument("--received", metavar="YYYY-MM-DD", help="default: today")
    add.add_argument("--note", default="")
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=cmd_request_add)
    close = r.add_parser("close", help="mark a request handled or refused")
    close.add_argument("id", type=int)
    close.add_argument("--status", choices=["afgehandeld", "geweigerd"], default="afgehandeld")
    close.add_argument("--note", default="")
    close.add_argument("--json", action="store_true")
    close.set_defaults(handler=cmd_request_close)
    extend = r.add_parser("extend", help="extend the deadline once by two months (art. 12(3))")
    extend.add_argument("id", type=int)
    extend.add_argument("--reason", required=True)
    extend.add_argument("--json", action="store_true")
    extend.set_defaults(handler=cmd_request_extend)
    q = a.add_parser("erase", help="pseudonymise a resident (refused while data must be kept)")
    q.add_argument("--contact", required=True, metavar="ADDRESS")
    q.add_argument("--request", type=int, help="the AVG request this answers")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_erase)

    p = sub.add_parser("processing-log", help="the processing log (Logboek dataverwerkingen)")
    p.add_argument("--limit", type=int, default=200)
    p.add_argument("--decrypt", action="store_true", help="show the data subject ids")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_processing_log)


def cmd_export_subject(loket: Any, args: argparse.Namespace) -> int:
    """Exit 1 when originals or attachments could not be included: the folder is written
    (it says what is missing and why), but the inzage is not complete."""
    from inbox.privacy import subject

    done = subject.export_subject(loket, args.contact, args.out, request_id=args.request)
    data = {**asdict(done), "complete": done.complete}
    line = (
        f"Inzage geschreven naar {done.folder}: {done.cases} zaken, {done.messages} berichten, "
        f"{done.notes} notities, {done.audit_entries} auditregels."
    )
    if done.left_out:
        line += f" {done.left_out} berichten of notities van anderen niet opgenomen."
    emit(args, data, line)
    if done.missing:
        what = "; ".join(
            f"bericht {m.bericht} ({m.bestand}): {m.reden}" for m in done.missing[:5]
        )
        more = f" en nog {len(done.missing) - 5}" if len(done.missing) > 5 else ""
        print(
            f"loket: de inzage is niet volledig, {len(done.missing)} bestanden ontbreken: "
            f"{what}{more}.",
            file=sys.stderr,
        )
        return 1
    return 0


def cmd_export_woo(loket: Any, args: argparse.Namespace) -> int:
    from inbox.privacy import woo

    done = woo.export(loket, args.cases, args.out)
    emit(
        args,
        asdict(done),
        f"Woo-export geschreven naar {done.folder}: {len(done.cases)} zaken, "
        f"{done.redactions} gelakte passages, {done.withheld} bijlagen niet openbaar.",
    )
    return 0


def _request_line(r: Any) -> str:
    late = "  TE LAAT" if r.overdue else ""
    return (
        f"{r.id:>4}  {r.kind:<12} {r.status:<11} ontvangen {r.received_on}  "
        f"uiterlijk {r.deadline} ({r.days_left} dagen){late}"
    )


def _request_json(r: Any) -> dict[str, Any]:
    return {**asdict(r), "overdue": r.overdue}


def cmd_requests(loket: Any, args: argparse.Namespace) -> int:
    from inbox.privacy import subject

    found = subject.requests(loket, open_only=args.open)
    emit(
        args,
        [_request_json(r) for r in found],
        "\n".join(_request_line(r) for r in found) or "Geen verzoeken.",
    )
    return 0


def cmd_request_add(loket: Any, args: argparse.Namespace) -> int:
    from inbox.privacy import subject

    received = None
    if args.received:
        try:
            received = date.fromisoformat(args.received)
        except ValueError:
            raise InvalidInput(f"'{args.received}' is geen datum (JJJJ-MM-DD).") from None
    r = subject.add_request(loket, args.contact, args.kind, received, args.note)
    emit(args, _request_json(r), f"Verzoek {r.id} vastgelegd; uiterlijk {r.deadline} afhandelen.")
    return 0


def cmd_request_close(loket: Any, args: argparse.Namespace) -> int:
    from inbox.privacy import subject

    r = subject.close_request(loket, args.id, args.status, args.note)
    emit(args, _request_json(r), f"Verzoek {r.id}: {r.status}.")
    return 0


def cmd_request_extend(loket: Any, args: argparse.Namespace) -> int:
    from inbox.privacy import subject

    r = subject.extend_request(loket, args.id, args.reason)
    emit(args, _request_json(r), f"Verzoek {r.id} verlengd; uiterlijk {r.deadline} afhandelen.")
    return 0


def cmd_erase(loket: Any, args: argparse.Namespace) -> int:
    from inbox.privacy import erasure

    done = erasure.erase(loket, args.contact, request_id=args.request)
    emit(
        args,
        asdict(done),
        f"Gepseudonimiseerd: {done.cases} zaken, {done.messages} berichten, {done.notes} "
        f"notities, {done.addresses} adressen; {done.blobs_removed} bestanden verwijderd.",
    )
    return 0


def cmd_processing_log(loket: Any, args: argparse.Namespace) -> int:
    from inbox.privacy import processing_log

    rows = processing_log.entries(loket, decrypt=args.decrypt, limit=args.limit)
    emit(
        args,
        rows,
        "\n".join(
            f"{r['start_time']}  {r['processing_activity_id']:<13} {r['operation']:<7} "
            f"{r['status']:<5} {r['actor']:<10} {r['object']}"
            for r in rows
        )
        or "Het verwerkingenlogboek is leeg.",
    )
    return 0
