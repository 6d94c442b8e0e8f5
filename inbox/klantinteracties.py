"""Export to the VNG Klantinteracties API shape, so a growing municipality can load its history
into Open Klant: {"klantcontacten", "betrokkenen", "partijen", "digitaleadressen"}.

Each message is a klantcontact; the resident on it a betrokkene (rol klant, initiator when the
resident wrote first); every resident (after merges: one partij per resident) a persoon-partij;
each e-mail address, phone number and social handle a digitaal adres. Identifiers are UUIDv5
from this installation's id and the row, so exporting twice gives the same UUIDs and a second
load into Open Klant updates rather than duplicates. Field lengths follow the schema (longer
text is cut with an ellipsis).

Every message text of every resident leaves Loket here: only an archivaris may make it
(Permission.EXPORT_PERSONAL), the gate audits it, and the processing log gets an export entry
per resident in it. The file is written atomically and privately (inbox/exports.py).
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inbox import acts
from inbox.channels.registry import label as channel_label
from inbox.exports import export_file
from inbox.model import AddressKind, EventKind

if TYPE_CHECKING:
    from inbox.gate import Op, Session

DEFAULT_BASE_URL = "https://openklant.gemeente.invalid/klantinteracties/api/v1"

_PREFIXES = {"van", "de", "der", "den", "het", "ter", "ten", "te", "in", "'t", "op", "la", "le"}
_SOORT = {
    AddressKind.EMAIL.value: ("email", "E-mail"),
    AddressKind.PHONE.value: ("telefoonnummer", "Telefoon"),
    AddressKind.MASTODON.value: ("overig", "Mastodon"),
    AddressKind.X.value: ("overig", "X"),
    AddressKind.WHATSAPP.value: ("overig", "WhatsApp"),
    AddressKind.FACEBOOK.value: ("overig", "Facebook"),
    AddressKind.INSTAGRAM.value: ("overig", "Instagram"),
}


def _cut(text: str | None, limit: int) -> str:
    text = (text or "").strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def split_name(name: str) -> dict[str, str]:
    """'Anna de Vries' -> voornaam Anna, voorvoegselAchternaam de, achternaam Vries."""
    words = name.split()
    if not words:
        return {}
    if len(words) == 1:
        return {"achternaam": _cut(words[0], 200)}
    first, rest = words[0], words[1:]
    prefix: list[str] = []
    while len(rest) > 1 and rest[0].lower() in _PREFIXES:
        prefix.append(rest.pop(0))
    out = {"voornaam": _cut(first, 200), "achternaam": _cut(" ".join(rest), 200)}
    joined = " ".join(prefix)
    if joined and len(joined) <= 10:
        out["voorvoegselAchternaam"] = joined
    elif joined:
        out["achternaam"] = _cut(f"{joined} {out['achternaam']}", 200)
    return out


class _Ids:
    def __init__(self, installation: str, base_url: str) -> None:
        self.namespace = uuid.uuid5(uuid.NAMESPACE_URL, f"loket:{installation}")
        self.base = base_url.rstrip("/")

    def uuid(self, kind: str, row: int) -> str:
        return str(uuid.uuid5(self.namespace, f"{kind}:{row}"))

    def ref(self, resource: str, kind: str, row: int) -> dict[str, str]:
        value = self.uuid(kind, row)
        return {"uuid": value, "url": f"{self.base}/{resource}/{value}"}


def build(loket: Session, base_url: str = DEFAULT_BASE_URL) -> dict[str, list[dict[str, Any]]]:
    """The four collections (every item shaped as the same-named schema in the OpenAPI file);
    the data leaves the gate here, so this is the export act too."""
    with loket.op(acts.KLANTINTERACTIES_EXPORT, obj="klantinteracties") as op:
        data = _build(op, base_url)
        op.details = {k: len(v) for k, v in data.items()}
        return data


def _build(op: Op, base_url: str) -> dict[str, list[dict[str, Any]]]:
    privacy = op.store.privacy
    ids = _Ids(privacy.installation_id(), base_url)
    root = privacy.contact_roots()
    names = privacy.all_names()

    addresses_of: dict[int, list[dict[str, Any]]] = {}
    digitaleadressen: list[dict[str, Any]] = []
    for r in privacy.all_addresses():
        soort = _SOORT.get(r["kind"])
        value = str(r["value"])
        # handles Loket made from a display name within one chat are no address to write to
        if soort is None or len(value) > 80 or "/" in value:
            continue
        owner = root.get(int(r["contact_id"]), int(r["contact_id"]))
        mine = addresses_of.setdefault(owner, [])
        standard = not any(a["soortDigitaalAdres"] == soort[0] for a in mine)
        item = {
            **ids.ref("digitaleadressen", "adres", int(r["id"])),
            "verstrektDoorBetrokkene": None,
            "verstrektDoorPartij": ids.ref("partijen", "partij", owner),
            "adres": value,
            "soortDigitaalAdres": soort[0],
            "isStandaardAdres": standard,
            "omschrijving": soort[1],
            "referentie": f"loket-adres-{r['id']}",
            "verificatieDatum": None,
        }
        mine.append(item)
        digitaleadressen.append(item)

    klantcontacten: list[dict[str, Any]] = []
    betrokkenen: list[dict[str, Any]] = []
    betrokken_by_partij: dict[int, list[dict[str, str]]] = {}
    for m in privacy.all_messages():
        message_ref = ids.ref("klantcontacten", "klantcontact", int(m["id"]))
        involved: list[dict[str, str]] = []
        if m["contact_id"] is not None:
            partij = root.get(int(m["contact_id"]), int(m["contact_id"]))
            betrokkene_ref = ids.ref("betrokkenen", "betrokkene", int(m["id"]))
            involved.append(betrokkene_ref)
            betrokken_by_partij.setdefault(partij, []).append(betrokkene_ref)
            name = names.get(partij, "") or str(m["sender_name"] or "")
            betrokkenen.append(
                {
                    **betrokkene_ref,
                    "wasPartij": ids.ref("partijen", "partij", partij),
                    "hadKlantcontact": message_ref,
                    "digitaleAdressen": [],
                    "bezoekadres": None,
                    "correspondentieadres": None,
                    "contactnaam": split_name(name) or None,
                    "volledigeNaam": name,
                    "rol": "klant",
                    "initiator": m["direction"] == "in",
                }
            )
        try:
            kanaal = channel_label(m["channel"])
        except ValueError:
            kanaal = str(m["channel"])
        metadata = {"richting": "inkomend" if m["direction"] == "in" else "uitgaand"}
        if m["reference"]:
            metadata["loketZaak"] = str(m["reference"])
        klantcontacten.append(
            {
                **message_ref,
                "gingOverOnderwerpobjecten": [],
                "hadBetrokkenActoren": [],
                "omvatteBijlagen": [],
                "hadBetrokkenen": involved,
                "leiddeTotInterneTaken": [],
                "nummer": None,
                "referentienummer": None,
                "kanaal": _cut(kanaal, 50),
                "onderwerp": _cut(m["subject"] or m["case_subject"] or "", 200),
                "inhoud": _cut(m["body_text"], 1000),
                "reactie": _cut(m["answer_given"], 4000),
                "indicatieContactGelukt": True,
                "verdereActieOndernomen": False,
                "taal": "nld",
                "vertrouwelijk": bool(m["confidential"]),
                "plaatsgevondenOp": _iso(str(m["sent_at"])),
                "metadata": {k: _cut(v, 255) for k, v in metadata.items()},
            }
        )

    partijen: list[dict[str, Any]] = []
    for contact_id in sorted({root[c] for c in root}):
        if contact_id not in betrokken_by_partij and contact_id not in addresses_of:
            continue
        name = names.get(contact_id, "")
        mine = addresses_of.get(contact_id, [])
        op.about(contact_id)  # the processing log: this resident's data was exported
        preferred = next((a for a in mine if a["soortDigitaalAdres"] == "email"), None) or next(
            iter(mine), None
        )
        partijen.append(
            {
                **ids.ref("partijen", "partij", contact_id),
                "nummer": None,
                "interneNotitie": "",
                "betrokkenen": betrokken_by_partij.get(contact_id, []),
                "categorieRelaties": [],
                "digitaleAdressen": [{"uuid": a["uuid"], "url": a["url"]} for a in mine],
                "voorkeursDigitaalAdres": (
                    {"uuid": preferred["uuid"], "url": preferred["url"]} if preferred else None
                ),
                "vertegenwoordigden": [],
                "rekeningnummers": [],
                "voorkeursRekeningnummer": None,
                "partijIdentificatoren": [],
                "soortPartij": "persoon",
                "indicatieGeheimhouding": None,
                "voorkeurstaal": "nld",
                "indicatieActief": True,
                "bezoekadres": None,
                "correspondentieadres": None,
                "partijIdentificatie": {
                    "contactnaam": split_name(name) or None,
                    "volledigeNaam": name,
                },
            }
        )
    return {
        "klantcontacten": klantcontacten,
        "betrokkenen": betrokkenen,
        "partijen": partijen,
        "digitaleadressen": digitaleadressen,
    }


def _iso(value: str) -> str:
    """Stored stamps are ISO 8601 already; make sure a zone is there (date-time needs one)."""
    if value.endswith("Z") or "+" in value[10:] or value[10:].count("-") > 0:
        return value
    return value + "+00:00"


def export(loket: Session, out: Path, base_url: str = DEFAULT_BASE_URL) -> dict[str, int]:
    """Write the export to `out` (atomically, 0600; an existing file is refused) and record it;
    returns the counts."""
    out = Path(out)
    with loket.op(acts.KLANTINTERACTIES_EXPORT, obj="klantinteracties") as op:
        data = _build(op, base_url)
        with export_file(out) as work, work.open("w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
        counts = {k: len(v) for k, v in data.items()}
        op.details = dict(counts)
        op.event(EventKind.EXPORT_KLANTINTERACTIES, dict(counts))
    return counts
