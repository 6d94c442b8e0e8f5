"""Command line of the records capability: retention, legal hold, destruction lists, MDTO.

Registered through inbox.cli.MODULES. Every handler is fn(loket, args) -> exit code and
raises LoketError subclasses for people (one Dutch line on stderr, exit 1).
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from inbox.cli.common import actions, arg, command, emit, emit_rows, one_of
from inbox.errors import InvalidInput


def add_commands(sub: Any, exports: Any) -> None:
    r = actions(
        sub, "retention", "Selectielijst: results, rules per product, what is due",
        dest="retention_command",
    )
    command(r, "results", cmd_results, "the Selectielijst results", arg("--search", default=""))
    command(r, "rules", cmd_rules, "which product gets which result")
    command(
        r, "map", cmd_map, "map a product (or the default) to a result",
        one_of(
            arg("--product", help="product / UPL name"),
            arg("--default", action="store_true", help="the rule for all other cases"),
            required=True,
        ),
        arg("--result", required=True, help="result code (e.g. 6.1.3) or id"),
        arg("--reapply", action="store_true", help="also re-fix closed cases"),
    )
    command(
        r, "due", cmd_due, "closed cases whose destroy date has come",
        arg("--on", metavar="YYYY-MM-DD", help="as on this day (default: today)"),
    )
    command(r, "apply", cmd_apply, "fix retention of closed cases that have none yet")
    command(r, "show", cmd_show, "retention of one case", arg("reference"))

    command(
        sub, "hold", cmd_hold, "put a legal hold on a case (or lift it)",
        arg("reference"), arg("state", choices=["on", "off"]), arg("--reason", default=""),
    )
    command(
        sub, "organisation", cmd_organisation, "name and identifier of the municipality",
        arg("--name"),
        arg("--identifier", default="", help="e.g. the CBS gemeentecode GM0999"),
        arg("--source", default="", help="where the identifier comes from"),
    )

    d = actions(
        sub, "destruction", "destruction lists: propose, review, approve, carry out",
        dest="destruction_command",
    )
    list_id = arg("id", type=int)
    command(
        d, "propose", cmd_propose, "propose the cases that are due as a new list",
        arg("--on", metavar="YYYY-MM-DD"),
    )
    command(d, "lists", cmd_lists, "all destruction lists")
    command(d, "show", cmd_show_list, "one list with its cases", list_id)
    command(
        d, "review", cmd_review, "review a list (a second person, not the proposer)",
        list_id,
        arg("--remove", action="append", default=[], metavar="REF"),
        arg("--note", default=""),
    )
    command(d, "approve", cmd_approve, "approve a reviewed list (archivaris)", list_id)
    command(d, "reject", cmd_reject, "reject a list", list_id, arg("--reason", required=True))
    command(
        d, "carry-out", cmd_carry_out, "destroy the cases of an approved list",
        list_id, arg("--out", type=Path, help="also write the verklaring (PDF, CSV) here"),
    )
    command(
        d, "verklaring", cmd_verklaring, "write the kept verklaring van vernietiging",
        list_id, arg("--out", type=Path, required=True),
    )

    command(
        exports, "mdto", cmd_export_mdto, "MDTO submission package for the archive",
        arg("--out", type=Path, required=True),
        arg("--case", action="append", default=[], dest="cases", metavar="REF"),
        arg("--closed-before", metavar="YYYY-MM-DD"),
    )


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"'{value}' is geen datum (JJJJ-MM-DD).") from None


# -- retention -------------------------------------------------------------------------------


def cmd_results(loket: Any, args: argparse.Namespace) -> int:
    from inbox.archive import retention

    found = retention.results(loket, args.search)
    data = [asdict(r) | {"label": r.label} for r in found]
    emit_rows(
        args, data, found,
        lambda r: f"{r.code:<9} {r.waardering or '-'} {r.bewaartermijn or '':<6} {r.label}",
        "Niets gevonden.",
    )
    return 0


def _rule_json(rule: Any) -> dict[str, Any]:
    return {
        "product": rule.product,
        "result": rule.result.code,
        "label": rule.result.label,
        "waardering": rule.result.waardering,
        "bewaartermijn": rule.result.bewaartermijn,
        "set_by": rule.set_by,
        "set_at": rule.set_at,
    }


def cmd_rules(loket: Any, args: argparse.Namespace) -> int:
    from inbox.archive import retention

    data = [_rule_json(r) for r in retention.rules(loket)]
    emit_rows(
        args, data, data,
        lambda r: f"{r['product'] or '(standaard)':<40} {r['result']:<9} {r['waardering']} "
        f"{r['bewaartermijn'] or 'blijvend'}",
    )
    return 0


def cmd_map(loket: Any, args: argparse.Namespace) -> int:
    from inbox.archive import retention

    product = "" if args.default else args.product
    if not args.default and not product.strip():
        raise InvalidInput("Geef een productnaam, of --default.")
    rule = retention.map_product(loket, product, args.result, reapply=args.reapply)
    emit(
        args,
        _rule_json(rule),
        f"{rule.product or 'Standaard'}: {rule.result.label} "
        f"({rule.result.waardering}, {retention.describe_term(rule.result.bewaartermijn)})",
    )
    return 0


def cmd_due(loket: Any, args: argparse.Namespace) -> int:
    from inbox.archive import retention

    found = retention.due(loket, _date(args.on))
    data = [asdict(d) for d in found]
    emit_rows(
        args, data, found,
        lambda d: f"{d.reference}  {d.result_code:<8} gesloten {d.closed_on}  "
        f"vernietigen {d.destroy_date}" + (f"  (op lijst {d.on_list})" if d.on_list else ""),
        "Er is niets te vernietigen.",
    )
    return 0


def cmd_apply(loket: Any, args: argparse.Namespace) -> int:
    from inbox.archive import retention

    count = retention.apply_missing(loket)
    emit(args, {"fixed": count}, f"Bewaartermijn vastgelegd voor {count} zaken.")
    return 0


def cmd_show(loket: Any, args: argparse.Namespace) -> int:
    from inbox.archive import retention

    data = retention.retention_of(loket, args.reference)
    emit(args, data, "\n".join(f"{k}: {v}" for k, v in data.items()))
    return 0


def cmd_hold(loket: Any, args: argparse.Namespace) -> int:
    from inbox.archive import retention

    on = args.state == "on"
    changed = bool(retention.set_hold(loket, args.reference, on, args.reason))
    word = "staat nu onder" if on else "valt niet meer onder"
    emit(
        args,
        {"reference": args.reference.upper(), "legal_hold": on, "changed": changed},
        f"Zaak {args.reference.upper()} {word} een bewaarplicht (legal hold).",
    )
    return 0


def cmd_organisation(loket: Any, args: argparse.Namespace) -> int:
    from inbox.archive import retention

    found: retention.Organisation | None
    if args.name is not None:
        found = retention.set_organisation(
            loket, args.name, args.identifier, args.source or retention.DEFAULT_SOURCE
        )
    else:
        found = retention.organisation(loket)
    data = asdict(found) if found else None
    text = (
        f"{found.name} ({found.identifier or 'geen kenmerk'}, {found.identifier_source})"
        if found
        else "Nog geen organisatie ingesteld."
    )
    emit(args, data, text)
    return 0


# -- destruction -----------------------------------------------------------------------------


def _list_json(summary: Any) -> dict[str, Any]:
    return asdict(summary)


def cmd_propose(loket: Any, args: argparse.Namespace) -> int:
    from inbox.archive import destruction

    proposed = destruction.propose(loket, _date(args.on))
    emit(
        args,
        _list_json(proposed),
        f"Vernietigingslijst {proposed.id} voorgesteld met {proposed.cases} zaken.",
    )
    return 0


def cmd_lists(loket: Any, args: argparse.Namespace) -> int:
    from inbox.archive import destruction

    found = destruction.lists(loket)
    emit_rows(
        args, [_list_json(s) for s in found], found,
        lambda s: f"{s.id:>4}  {s.state:<12} {s.cases:>5} zaken  voorgesteld door "
        f"{s.proposed_by} op {s.proposed_at}",
        "Geen vernietigingslijsten.",
    )
    return 0


def cmd_show_list(loket: Any, args: argparse.Namespace) -> int:
    from inbox.archive import destruction

    summary = destruction.get(loket, args.id)
    items = destruction.items(loket, args.id)
    data = _list_json(summary) | {"items": [asdict(i) for i in items]}
    lines = [f"Lijst {summary.id}: {summary.state}, {summary.cases} zaken"]
    lines += [f"  {i.reference}  {i.result_code:<8} {i.destroy_date}  {i.state}" for i in items]
    emit(args, data, "\n".join(lines))
    return 0


def cmd_review(loket: Any, args: argparse.Namespace) -> int:
    from inbox.archive import destruction

    summary = destruction.review(loket, args.id, remove=args.remove, note=args.note)
    emit(args, _list_json(summary), f"Lijst {summary.id} beoordeeld ({summary.cases} zaken).")
    return 0


def cmd_approve(loket: Any, args: argparse.Namespace) -> int:
    from inbox.archive import destruction

    summary = destruction.approve(loket, args.id)
    emit(args, _list_json(summary), f"Lijst {summary.id} goedgekeurd.")
    return 0


def cmd_reject(loket: Any, args: argparse.Namespace) -> int:
    from inbox.archive import destruction

    summary = destruction.reject(loket, args.id, args.reason)
    emit(args, _list_json(summary), f"Lijst {summary.id} afgewezen.")
    return 0


def cmd_carry_out(loket: Any, args: argparse.Namespace) -> int:
    from inbox.archive import destruction

    outcome = destruction.carry_out(loket, args.id)
    data = asdict(outcome)
    if args.out:
        data["files"] = [str(p) for p in destruction.write_verklaring(loket, args.id, args.out)]
    emit(
        args,
        data,
        f"Lijst {outcome.list_id} uitgevoerd: {outcome.destroyed} zaken vernietigd"
        + (f", {outcome.skipped} overgeslagen" if outcome.skipped else "")
        + ".",
    )
    return 0


def cmd_verklaring(loket: Any, args: argparse.Namespace) -> int:
    from inbox.archive import destruction

    paths = destruction.write_verklaring(loket, args.id, args.out)
    emit(args, {"files": [str(p) for p in paths]}, "\n".join(str(p) for p in paths))
    return 0


# -- MDTO ------------------------------------------------------------------------------------


def cmd_export_mdto(loket: Any, args: argparse.Namespace) -> int:
    from inbox.archive import mdto

    report = mdto.export(
        loket, args.out, references=args.cases, closed_before=_date(args.closed_before)
    )
    text = f"MDTO-pakket in {args.out}: {report.cases} zaken, {report.files} bestanden."
    if report.withheld:
        text += (
            f"\n{len(report.withheld)} vertrouwelijke zaken achtergehouden (alleen hun "
            f"behandelaar mag de inhoud exporteren): {', '.join(report.withheld)}"
        )
    emit(args, asdict(report) | {"out": str(args.out)}, text)
    return 0
