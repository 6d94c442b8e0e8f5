"""The audit trail (BIO 8.15): who did what to which object, with what result, from where.

Rows are append-only (triggers refuse UPDATE and DELETE) and chained: each row's hash covers
the previous row's hash and its own fields, so changing, removing or reordering a row breaks
the chain from that row on. The gate writes every entry through `record`; `verify` walks the
chain; `entries` and `trail` are what the beheerder and the archivaris see, with the actions in
Dutch (`describe`), never as codes.
"""

from __future__ import annotations

import hashlib
import json
import logging
import platform
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from inbox import acts

if TYPE_CHECKING:
    from inbox.gate import Session

log = logging.getLogger("loket.audit")

GENESIS = "0" * 64


def _digest(
    prev: str,
    at: str,
    actor: str,
    action: str,
    obj: str,
    result: str,
    origin: str,
    subject: int | None,
) -> str:
    payload = json.dumps(
        [prev, at, actor, action, obj, result, origin, subject],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record(
    store: Any,
    *,
    at: str,
    actor: str,
    action: str,
    obj: str,
    result: str = "ok",
    origin: str = "",
    subject_contact_id: int | None = None,
) -> None:
    """Append one entry through `store.audit` (the gate's store); joins the caller's
    transaction when there is one."""
    origin = origin or f"{platform.node()}/loket"

    def chain(previous: str | None) -> tuple[str, str]:
        prev = previous or GENESIS
        return prev, _digest(prev, at, actor, action, obj, result, origin, subject_contact_id)

    store.audit.append(
        {
            "at": at,
            "actor": actor,
            "action": action,
            "object": obj,
            "result": result,
            "origin": origin,
            "subject_contact_id": subject_contact_id,
        },
        chain,
    )


def _first_break(store: Any) -> int | None:
    prev = GENESIS
    for row in store.audit.chain():
        expected = _digest(
            prev,
            row["at"],
            row["actor"],
            row["action"],
            row["object"],
            row["result"],
            row["origin"],
            row["subject_contact_id"],
        )
        if row["prev_hash"] != prev or row["hash"] != expected:
            log.error("audit trail broken at row %s", row["id"])
            return int(row["id"])
        prev = row["hash"]
    return None


def verify(loket: Session) -> int | None:
    """The id of the first row that breaks the chain, or None when the trail is intact."""
    with loket.op(acts.AUDIT_VERIFY, obj="auditlog") as op:
        broken = _first_break(op.store)
        op.details = {"intact": broken is None}
    return broken


def entry(row: Any) -> dict[str, Any]:
    """One row as shown and exported: the stored fields plus the action in Dutch."""
    out = {k: row[k] for k in ("id", "at", "actor", "action", "object", "result", "origin")}
    out["label"] = describe(str(row["action"]))
    return out


def entries(
    loket: Session, *, subject_contact_id: int | None = None, limit: int = 10_000
) -> list[dict[str, Any]]:
    """The newest entries first (beheerder, archivaris); viewing is itself audited."""
    with loket.op(acts.AUDIT_VIEW, obj="auditlog") as op:
        subjects = None if subject_contact_id is None else [subject_contact_id]
        return [entry(r) for r in op.store.audit.entries(subjects, limit)]


@dataclass(frozen=True)
class Trail:
    entries: list[dict[str, Any]]
    broken_at: int | None  # the first row that breaks the chain, None when intact


def trail(loket: Session, limit: int = 2000) -> Trail:
    """What the audit screen shows: the newest entries and whether the chain is intact."""
    with loket.op(acts.AUDIT_VIEW, obj="auditlog") as op:
        rows = [entry(r) for r in op.store.audit.entries(None, limit)]
        return Trail(rows, _first_break(op.store))


# -- the actions in Dutch ---------------------------------------------------------------------

# Codes written before every act had a code of its own (older rows, and features still moving
# behind the gate): their Dutch words.
_OLDER: dict[str, str] = {
    "aanmelden": "Aangemeld",
    "bekijken": "Bekeken",
    "weigering": "Geweigerd",
    "versleutelen": "Database versleuteld",
    "sleutel vervangen": "Sleutel vervangen",
    "herstelsleutel tonen": "Herstelsleutel getoond",
    "exporteren: avg-inzage": "AVG-inzage geëxporteerd",
    "exporteren: woo": "Woo-export gemaakt",
    "export:mdto": "MDTO-export gemaakt",
    "verwijderen: avg": "Gegevens van een inwoner verwijderd (AVG)",
    "avg-verzoek: inzage": "AVG-verzoek om inzage vastgelegd",
    "avg-verzoek: verwijdering": "AVG-verzoek om verwijdering vastgelegd",
    "avg-verzoek: afgehandeld": "AVG-verzoek afgehandeld",
    "avg-verzoek: geweigerd": "AVG-verzoek geweigerd",
    "avg-verzoek: verlengd": "Termijn van AVG-verzoek verlengd",
    "woo: beoordeling herzien": "Woo-beoordeling herzien",
}

# Case and records event kinds, as older entries name them ("wijzigen:<kind>", "archief:<kind>").
_EVENTS: dict[str, str] = {
    "assigned": "zaak toegewezen",
    "status_changed": "status gewijzigd",
    "closed": "zaak afgerond",
    "reopened": "zaak heropend",
    "note_added": "notitie toegevoegd",
    "contact_logged": "telefoon- of baliecontact vastgelegd",
    "product_set": "product gewijzigd",
    "deadline_set": "termijn gewijzigd",
    "merged_into": "zaak samengevoegd",
    "merged_from": "zaak samengevoegd",
    "split_from": "zaak gesplitst",
    "split_into": "zaak gesplitst",
    "message_moved_out": "bericht verplaatst",
    "message_moved_in": "bericht verplaatst",
    "confidential_set": "vertrouwelijkheid gewijzigd",
    "contact_merged": "inwoners samengevoegd",
    "contact_unmerged": "samenvoeging van inwoners ongedaan gemaakt",
    "retention_rule_set": "bewaarregel ingesteld",
    "retention_fixed": "bewaartermijn vastgesteld",
    "retention_cleared": "bewaartermijn vervallen",
    "legal_hold": "bewaarplicht (legal hold) gewijzigd",
    "organisation_set": "organisatie ingesteld",
    "destruction_proposed": "vernietigingslijst voorgesteld",
    "destruction_reviewed": "vernietigingslijst beoordeeld",
    "destruction_approved": "vernietigingslijst goedgekeurd",
    "destruction_rejected": "vernietigingslijst afgewezen",
    "destroyed": "zaak vernietigd",
    "destruction_carried_out": "vernietiging uitgevoerd",
    "mdto_export": "MDTO-export gemaakt",
    "export_klantinteracties": "Klantinteracties geëxporteerd",
    "normen": "normen",
}

_PREFIXES: dict[str, str] = {
    "wijzigen": "Gewijzigd",
    "archief": "Archief",
    "woo": "Woo",
}


def describe(action: str) -> str:
    """The Dutch words for an audit action: the act's label, with its details readable."""
    base, _, detail = action.partition(":")
    found = acts.ACTS.get(base)
    if found is not None and not base.startswith("permission."):
        return found.label + _details(detail)
    if base.startswith("permission."):
        return _permission(base.removeprefix("permission."))
    if action in _OLDER:
        return _OLDER[action]
    prefix, _, rest = action.partition(":")
    if prefix in _PREFIXES and rest:
        words = _EVENTS.get(rest.strip(), rest.strip().replace("_", " "))
        return f"{_PREFIXES[prefix]}: {words}"
    if action in _EVENTS:
        return _EVENTS[action][:1].upper() + _EVENTS[action][1:]
    return action


def _details(detail: str) -> str:
    """'{"treffers": 3}' -> ' (treffers: 3)'."""
    if not detail:
        return ""
    try:
        values = json.loads(detail)
    except ValueError:
        return f" ({detail})"
    if not isinstance(values, dict):
        return f" ({detail})"
    words = {True: "ja", False: "nee", None: "-"}
    parts = [
        f"{k}: {words.get(v, v) if isinstance(v, bool | None) else v}" for k, v in values.items()
    ]
    return " (" + ", ".join(parts) + ")"


def _permission(code: str) -> str:
    """An older bare permission check ('permission.read_content'): its Dutch description."""
    from inbox.privacy.roles import Permission

    names = {
        Permission.LIST_CASES: "zaken opvragen",
        Permission.READ_CONTENT: "inhoud van zaken lezen",
        Permission.WORK_CASES: "zaken behandelen",
        Permission.REPLY: "inwoners antwoorden",
        Permission.READ_CONTACTS: "gegevens van inwoners inzien",
        Permission.MANAGE_CONTACTS: "inwoners samenvoegen of splitsen",
        Permission.MANAGE_TEMPLATES: "standaardantwoorden beheren",
        Permission.VIEW_STATS: "cijfers inzien",
        Permission.SET_NORMS: "normen instellen",
        Permission.MANAGE_USERS: "medewerkers beheren",
        Permission.MANAGE_ACCOUNTS: "accounts beheren",
        Permission.MANAGE_SETTINGS: "instellingen beheren",
        Permission.MANAGE_KEYS: "de sleutel beheren",
        Permission.ARCHIVE: "archiefbeheer",
        Permission.REVIEW_DESTRUCTION: "vernietigingslijst beoordelen",
        Permission.EXPORT_ARCHIVE: "archief exporteren",
        Permission.EXPORT_PERSONAL: "persoonsgegevens exporteren",
        Permission.VIEW_AUDIT: "auditlog inzien",
        Permission.SYNC: "post ophalen of versturen",
        Permission.RECEIVE: "berichten invoeren",
        Permission.KB_READ: "kennisbank inzien",
        Permission.KB_EDIT: "kennisbank bewerken",
    }
    try:
        return "Recht: " + names[Permission(code)]
    except (ValueError, KeyError):
        return "Recht: " + code.replace("_", " ")
