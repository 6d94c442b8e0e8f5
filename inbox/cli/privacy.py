"""Command line of the AVG and Woo features: exports, requests, erasure, the processing log.

Registered through inbox.cli.MODULES: `export subject`, `export woo`, `avg requests`,
`avg request add|close|extend`, `avg erase`, `processing-log`. Every handler is fn(loket, args) ->
exit code; the acts behind them check the role (archivaris), audit and log the processing.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from inbox.cli.common import actions, arg, command, emit, optional_date


def add_commands(sub: Any, exports: Any) -> None:
    command(
        exports, "subject", cmd_export_subject, "AVG inzage: everything about one resident",
        arg("--contact", required=True, metavar="ADDRESS", help="e-mail, phone or handle"),
        arg("--out", type=Path, required=True),
        arg("--request", type=int, help="mark this AVG request as handled"),
    )
    command(
        exports, "woo", cmd_export_woo, "Woo: redacted documents with the redactions' grounds",
        arg("--case", action="append", required=True, dest="cases", metavar="REF"),
        arg("--out", type=Path, required=True),
    )

    a = actions(sub, "avg", "AVG requests of residents and erasure", dest="avg_command")
    command(
        a, "requests", cmd_requests, "requests with their deadline",
        arg("--open", action="store_true", help="only open requests"),
    )
    r = actions(a, "request", "add or close a request", dest="request_command")
    request_id = arg("id", type=int)
    command(
        r, "add", cmd_request_add, "register a request (deadline: one month)",
        arg("--contact", required=True, metavar="ADDRESS"),
        arg("--kind", choices=["inzage", "verwijdering"], default="inzage"),
        arg("--received", metavar="YYYY-MM-DD", help="default: today"),
        arg("--note", default=""),
    )
    command(
        r, "close", cmd_request_close, "mark a request handled or refused",
        request_id,
        arg("--status", choices=["afgehandeld", "geweigerd"], default="afgehandeld"),
        arg("--note", default=""),
    )
    command(
        r, "extend", cmd_request_extend, "extend the deadline once by two months (art. 12(3))",
        request_id, arg("--reason", required=True),
    )
    command(
        a, "erase", cmd_erase, "pseudonymise a resident (refused while data must be kept)",
        arg("--contact", required=True, metavar="ADDRESS"),
        arg("--request", type=int, help="the AVG request this answers"),
    )

    command(
        sub, "processing-log", cmd_processing_log, "the processing log (Logboek dataverwerkingen)",
        arg("--limit", type=int, default=200),
        arg("--decrypt", action="store_true", help="show the data subject ids"),
    )


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

    received = optional_date(args.received)
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
