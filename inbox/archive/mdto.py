"""MDTO submission package: a folder per closed case, an .mdto.xml per informatieobject and per
bestand, originals byte for byte, SHA-256 checksums; every XML valid against MDTO-XML 1.0.2.

Layout of a package (OUT/):

    LK-2026-000123/
        LK-2026-000123.mdto.xml                 the case (informatieobject, Dossier)
        001.mdto.xml                            a message (informatieobject, Archiefstuk)
        001-bericht.eml                         its original bytes (e-mail)
        001-bericht.eml.bestand.mdto.xml        the file's description (bestand)
        001-1-foto.jpg                          an attachment, as received
        001-1-foto.jpg.bestand.mdto.xml
        002.mdto.xml / 002-bericht.txt          a phone note: its text, as the case shows it
        notities.mdto.xml / notities.txt        the internal notes, if any

Deterministic: no time of export anywhere, cases by reference, messages by (sent_at, id),
identifiers as UUIDv5 of the organisation and the reference; exporting the same data twice
gives byte-identical packages. checksumDatum is the moment Loket received the bytes.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from lxml import etree

from inbox import acts
from inbox.archive import retention, selectielijst
from inbox.archive.retention import Organisation
from inbox.channels.registry import spec as channel_spec
from inbox.errors import InvalidInput, LoketError, NotFound
from inbox.exports import export_folder
from inbox.gate import Op, Session
from inbox.model import Direction, EventKind, Status
from storage.errors import BlobMissingError

log = logging.getLogger("loket.archive.mdto")

NS = "https://www.nationaalarchief.nl/mdto"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{NS} https://www.nationaalarchief.nl/mdto/MDTO-XML1.0.2.xsd"
NAMESPACE = uuid.UUID("6f0c2a8e-6c1d-5b0e-9a57-4c6f6b65742e")  # Loket's UUIDv5 namespace

SOURCE = "Loket"
SOURCE_UUID = "Loket UUID"
LIST_AGGREGATIE = "Begrippenlijst Aggregatieniveaus MDTO"
LIST_WAARDERING = "Begrippenlijst Waarderingen MDTO"
LIST_CHECKSUM = "Begrippenlijst ChecksumAlgoritme MDTO"
LIST_EVENT = "Begrippenlijst EventTypeLijst MDTO"
LIST_BEPERKING = "Begrippenlijst BeperkingGebruik MDTO"
LIST_PRONOM = "PRONOM-register"
LIST_LOKET = "Loket begrippenlijst"

WAARDERING_LABEL = {"V": "Tijdelijk te bewaren", "B": "Blijvend te bewaren"}
BEPERKING = (
    "Bevat persoonsgegevens van inwoners (AVG). Openbaarheid beperkt ter eerbiediging van de "
    "persoonlijke levenssfeer (Archiefwet 1995, artikel 15)."
)

# PRONOM identifiers of the formats a KCC inbox receives.
FORMATS: dict[str, tuple[str, str]] = {
    "message/rfc822": ("fmt/950", "MIME Email"),
    "text/plain": ("x-fmt/111", "Plain Text File"),
    "text/html": ("fmt/96", "Hypertext Markup Language"),
    "text/csv": ("x-fmt/18", "Comma Separated Values"),
    "application/json": ("fmt/817", "JSON Data Interchange Format"),
    "application/zip": ("x-fmt/263", "ZIP Format"),
    "image/png": ("fmt/13", "Portable Network Graphics 1.2"),
    "image/tiff": ("fmt/353", "Tagged Image File Format"),
    "image/heic": ("fmt/1864", "High Efficiency Image File Format (HEIC)"),
    "application/msword": ("fmt/40", "Microsoft Word Document 97-2003"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (
        "fmt/412",
        "Microsoft Word for Windows 2007 onwards",
    ),
    "application/vnd.ms-excel": ("fmt/61", "Microsoft Excel 97 Workbook (xls)"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (
        "fmt/214",
        "Microsoft Excel for Windows 2007 onwards",
    ),
    "application/vnd.oasis.opendocument.text": ("fmt/291", "OpenDocument Text 1.2"),
    "audio/ogg": ("fmt/203", "Ogg Vorbis Codec Compressed Multimedia File"),
    "video/mp4": ("fmt/199", "MPEG-4 Media File"),
}
PDF_VERSIONS = {
    "1.0": "fmt/14",
    "1.1": "fmt/15",
    "1.2": "fmt/16",
    "1.3": "fmt/17",
    "1.4": "fmt/18",
    "1.5": "fmt/19",
    "1.6": "fmt/20",
    "1.7": "fmt/276",
    "2.0": "fmt/1129",
}
JFIF_VERSIONS = {b"\x01\x00": "fmt/42", b"\x01\x01": "fmt/43", b"\x01\x02": "fmt/44"}
EXTENSIONS = {
    "message/rfc822": ".eml",
    "text/plain": ".txt",
    "text/html": ".html",
    "application/json": ".json",
    "application/zip": ".zip",
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
}


def pronom(content_type: str, data: bytes) -> tuple[str | None, str]:
    """(PRONOM id, label) for a file, from its content type and its first bytes."""
    kind = content_type.split(";")[0].strip().lower()
    if kind == "application/pdf" or data.startswith(b"%PDF-"):
        version = data[5:8].decode("ascii", "replace")
        code = PDF_VERSIONS.get(version, "fmt/276")
        return (
            code,
            f"Acrobat PDF {version if version in PDF_VERSIONS else '1.7'} - "
            "Portable Document Format",
        )
    if kind in ("image/jpeg", "image/jpg") or data.startswith(b"\xff\xd8\xff"):
        if data[6:11] == b"JFIF\x00" and data[11:13] in JFIF_VERSIONS:
            minor = data[12]
            return JFIF_VERSIONS[data[11:13]], f"JPEG File Interchange Format 1.0{minor}"
        if data[6:11] == b"Exif\x00":
            return "fmt/645", "Exchangeable Image File Format (Compressed) 2.2"
        return "fmt/41", "Raw JPEG Stream"
    if kind == "image/gif" or data[:6] in (b"GIF87a", b"GIF89a"):
        return (
            ("fmt/3", "Graphics Interchange Format 87a")
            if data[:6] == b"GIF87a"
            else (
                "fmt/4",
                "Graphics Interchange Format 89a",
            )
        )
    if kind in FORMATS:
        return FORMATS[kind]
    if data.startswith(b"PK\x03\x04"):
        return FORMATS["application/zip"]
    return None, f"Onbekend formaat ({kind or 'geen type'})"


@dataclass
class ExportReport:
    """What a package holds (or, from `plan`, would hold)."""

    cases: int = 0
    messages: int = 0
    files: int = 0
    bytes: int = 0
    references: list[str] = field(default_factory=list)
    # vertrouwelijk cases of someone else: their content stays in Loket, only listed here
    withheld: list[str] = field(default_factory=list)


# progress(cases done, cases in all) -> False to stop
Progress = Callable[[int, int], bool]


class ExportCancelled(LoketError):
    """The person stopped the export; nothing was written."""


# -- XML helpers ------------------------------------------------------------------------------

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: Any, fallback: str = "-") -> str:
    """Text XML 1.0 can hold; never empty or whitespace only (NietLegeWaarde)."""
    text = _XML_BAD.sub("", str(value if value is not None else ""))
    return text if text.strip() else fallback


def _el(parent: Any, name: str, text: str | None = None) -> Any:
    node = etree.SubElement(parent, f"{{{NS}}}{name}")
    if text is not None:
        node.text = text
    return node


def _begrip(parent: Any, name: str, label: str, lijst: str, code: str | None = None) -> Any:
    node = _el(parent, name)
    _el(node, "begripLabel", _text(label))
    if code:
        _el(node, "begripCode", code)
    _el(_el(node, "begripBegrippenlijst"), "verwijzingNaam", lijst)
    return node


def _ident(parent: Any, name: str, kenmerk: str, bron: str) -> Any:
    node = _el(parent, name)
    _el(node, "identificatieKenmerk", _text(kenmerk))
    _el(node, "identificatieBron", _text(bron))
    return node


def _ref(parent: Any, name: str, naam: str, kenmerk: str | None = None, bron: str = "") -> Any:
    node = _el(parent, name)
    _el(node, "verwijzingNaam", _text(naam))
    if kenmerk:
        _ident(node, "verwijzingIdentificatie", kenmerk, bron or SOURCE)
    return node


def _document(kind: str) -> tuple[Any, Any]:
    root = etree.Element(f"{{{NS}}}MDTO", nsmap={None: NS, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", SCHEMA_LOCATION)
    return root, _el(root, kind)


def _serialize(root: Any) -> bytes:
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data


# -- the export -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    org: Organisation
    waardering: str
    result: selectielijst.Result
    brondatum: date | None
    destroy_date: str | None
    dossier_name: str
    dossier_id: str


def _uuid(org: Organisation, *parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join((org.identifier or org.name, *parts))))


def _safe_name(name: str, fallback: str) -> str:
    name = unicodedata.normalize("NFC", name.replace("\\", "/").split("/")[-1]).strip()
    name = re.sub(r"[^\w.\-]+", "_", name).strip("._")
    if not name:
        return fallback
    stem, dot, ext = name.rpartition(".")
    if dot and len(ext) <= 10:
        return stem[:80] + "." + ext if stem else name[:90]
    return name[:90]


def select_cases(
    loket: Session, references: list[str] | None = None, closed_before: date | None = None
) -> list[str]:
    """References of the closed cases to export, in order."""
    with loket.op(acts.MDTO_SELECT) as op:
        return _select(op, references, closed_before)


def _select(op: Op, references: list[str] | None, closed_before: date | None) -> list[str]:
    archive = op.store.archive
    if references:
        out = []
        for ref in sorted({r.strip().upper() for r in references}):
            row = archive.case_by_reference(ref)
            if row is None:
                raise NotFound(f"Zaak {ref} bestaat niet.")
            if row["status"] != Status.AFGEROND.value:
                raise InvalidInput(f"Zaak {ref} is nog niet afgerond en kan niet naar het archief.")
            out.append(ref)
        return out
    return [
        r["reference"]
        for r in archive.closed_cases(Status.AFGEROND.value)
        if closed_before is None or retention.local_date(r["closed_at"]) < closed_before
    ]


def plan(
    loket: Session,
    references: list[str] | None = None,
    closed_before: date | None = None,
    progress: Progress | None = None,
) -> ExportReport:
    """What `export` would write (cases, files, bytes, withheld cases), without writing."""
    with loket.op(acts.MDTO_PLAN) as op:
        org, chosen = _prepare(op, references, closed_before)
        return _generate(op, org, chosen, lambda path, data: None, progress)


def export(
    loket: Session,
    out: Path,
    references: list[str] | None = None,
    closed_before: date | None = None,
    progress: Progress | None = None,
) -> ExportReport:
    """Write an MDTO package of the chosen closed cases to the (new or empty) folder `out`.

    The package appears whole or not at all: it is written into a hidden folder beside `out`
    and renamed at the end (inbox/exports.py); a failure or a stop half-way leaves nothing."""
    with loket.op(acts.MDTO_EXPORT, obj="mdto-pakket") as op:
        org, chosen = _prepare(op, references, closed_before)
        with export_folder(Path(out)) as work:

            def write(path: str, data: bytes) -> None:
                target = work / path
                target.parent.mkdir(exist_ok=True)
                target.write_bytes(data)

            report = _generate(op, org, chosen, write, progress)
        op.details = {"zaken": report.cases, "achtergehouden": len(report.withheld)}
        op.event(
            EventKind.MDTO_EXPORT,
            {"cases": report.references, "files": report.files, "withheld": report.withheld},
        )
        op.changed("exports")
    log.info("MDTO export: %d cases, %d files", report.cases, report.files)
    return report


def _prepare(
    op: Op, references: list[str] | None, closed_before: date | None
) -> tuple[Organisation, list[str]]:
    org = retention.organisation_in(op)
    if org is None:
        raise InvalidInput(
            "Stel eerst de naam en het kenmerk van de gemeente in (archiefvormer): "
            "loket organisation --name NAAM --identifier GM0000."
        )
    chosen = _select(op, references, closed_before)
    if not chosen:
        raise InvalidInput("Er zijn geen afgeronde zaken om te exporteren.")
    return org, chosen


Sink = Callable[[str, bytes], None]


def _generate(
    op: Op, org: Organisation, chosen: list[str], sink: Sink, progress: Progress | None
) -> ExportReport:
    """Hand every file of the package to `sink(relative path, bytes)`, case by case."""
    report = ExportReport()
    visible_to = op.session.visibility()
    for done, ref in enumerate(chosen):
        if progress is not None and not progress(done, len(chosen)):
            raise ExportCancelled("De export is gestopt; er is niets geschreven.")
        case = op.store.archive.case_by_reference(ref)
        assert case is not None
        if case["confidential"] and visible_to is not None and case["assignee_id"] != visible_to:
            report.withheld.append(ref)  # its content is for its assignee only
            continue
        for path, data in _case_files(op, org, case, report):
            sink(path, data)
            report.files += 1
            report.bytes += len(data)
        report.references.append(ref)
        op.about(case["contact_id"])
        for contact_id in sorted(op.store.archive.message_contacts(int(case["id"]))):
            op.about(contact_id)
    if progress is not None:
        progress(len(chosen), len(chosen))
    if not report.references:
        raise InvalidInput(
            f"Er is niets te exporteren: de {len(report.withheld)} gekozen zaken zijn "
            "vertrouwelijk en alleen hun behandelaar mag hun inhoud exporteren."
        )
    report.cases = len(report.references)
    return report


def _case_files(
    op: Op, org: Organisation, case: Any, report: ExportReport
) -> list[tuple[str, bytes]]:
    """The files of one case's folder: (path relative to the package, bytes)."""
    ref = case["reference"]
    case_id = int(case["id"])
    if case["selectielijst_result"]:
        result = selectielijst.result(op, case["selectielijst_result"])
        waardering = case["waardering"] or result.waardering
    else:  # closed before retention existed: what closing would fix now
        result = retention.rule_for(op, case["product"])
        waardering = result.waardering
    brondatum = retention.local_date(case["closed_at"]) if case["closed_at"] else None
    destroy = case["destroy_date"]
    if destroy is None and waardering == "V" and brondatum and result.bewaartermijn:
        destroy = retention.add_duration(brondatum, result.bewaartermijn).isoformat()
    ctx = _Context(
        org=org,
        waardering=waardering if waardering in WAARDERING_LABEL else "V",
        result=result,
        brondatum=brondatum,
        destroy_date=destroy,
        dossier_name=_text(case["subject"], ref),
        dossier_id=ref,
    )
    files: list[tuple[str, bytes]] = []
    parts: list[tuple[str, str]] = []  # (naam, kenmerk) of the archiefstukken
    messages = op.store.queries.case_messages(case_id)
    for seq, message in enumerate(messages, start=1):
        parts.append(_export_message(op, ctx, case, message, seq, files))
        report.messages += 1
    notes = op.store.queries.case_notes(case_id)
    if notes:
        parts.append(_export_notes(ctx, case, notes, files))
    files.append((f"{ref}.mdto.xml", _dossier_xml(op, ctx, case, parts)))
    return [(f"{ref}/{name}", data) for name, data in files]


def _common(
    obj: Any, ctx: _Context, *, onderdeel_van: bool, events: list[tuple[str, str, str, str]]
) -> None:
    """The elements of every informatieobject from taal on, in XSD order up to isOnderdeelVan;
    events are (label, lijst, time, actor)."""
    _el(obj, "taal", "nl")
    for label, lijst, at, actor in events:
        event = _el(obj, "event")
        _begrip(event, "eventType", label, lijst)
        _el(event, "eventTijd", at)
        _ref(event, "eventVerantwoordelijkeActor", actor)
    _begrip(obj, "waardering", WAARDERING_LABEL[ctx.waardering], LIST_WAARDERING, ctx.waardering)
    if ctx.waardering == "V" and ctx.brondatum is not None and ctx.result.bewaartermijn:
        term = _el(obj, "bewaartermijn")
        _begrip(term, "termijnTriggerStartLooptijd", "Afsluiting zaak", LIST_LOKET)
        _el(term, "termijnStartdatumLooptijd", ctx.brondatum.isoformat())
        _el(term, "termijnLooptijd", ctx.result.bewaartermijn)
        if ctx.destroy_date:
            _el(term, "termijnEinddatum", ctx.destroy_date)
    _begrip(obj, "informatiecategorie", ctx.result.title, selectielijst.NAME, ctx.result.code)
    if onderdeel_van:
        _ref(obj, "isOnderdeelVan", ctx.dossier_name, ctx.dossier_id, SOURCE)


def _tail(obj: Any, ctx: _Context, betrokkenen: list[tuple[str, str]]) -> None:
    org = ctx.org
    _ref(
        obj,
        "archiefvormer",
        org.name,
        org.identifier or None,
        org.identifier_source,
    )
    for relation, name in betrokkenen:
        node = _el(obj, "betrokkene")
        _begrip(node, "betrokkeneTypeRelatie", relation, LIST_LOKET)
        _ref(node, "betrokkeneActor", name)
    beperking = _el(obj, "beperkingGebruik")
    _begrip(beperking, "beperkingGebruikType", "Openbaarheidsbeperking", LIST_BEPERKING)
    _el(beperking, "beperkingGebruikNadereBeschrijving", BEPERKING)


def _dossier_xml(op: Op, ctx: _Context, case: Any, parts: list[tuple[str, str]]) -> bytes:
    ref = case["reference"]
    root, obj = _document("informatieobject")
    _ident(obj, "identificatie", ref, f"{SOURCE} zaaknummer")
    _ident(obj, "identificatie", _uuid(ctx.org, ref), SOURCE_UUID)
    _el(obj, "naam", ctx.dossier_name)
    _begrip(obj, "aggregatieniveau", "Dossier", LIST_AGGREGATIE)
    if case["product"]:
        _el(obj, "trefwoord", _text(case["product"]))
    channels = sorted(op.store.archive.case_channels(int(case["id"])) | {case["channel"]})
    labels = ", ".join(_channel_label(c) for c in channels)
    description = f"Klantcontact ({labels})."
    if case["outcome"]:
        description += f" Uitkomst: {case['outcome']}"
    _el(obj, "omschrijving", _text(description))
    span = _el(obj, "dekkingInTijd")
    _begrip(span, "dekkingInTijdType", "Looptijd zaak", LIST_LOKET)
    _el(span, "dekkingInTijdBegindatum", retention.local_date(case["opened_at"]).isoformat())
    if case["closed_at"]:
        _el(span, "dekkingInTijdEinddatum", retention.local_date(case["closed_at"]).isoformat())
    events = [("Creatie", LIST_EVENT, case["opened_at"], ctx.org.name)]
    if case["closed_at"]:
        events.append(("Afsluiting", LIST_LOKET, case["closed_at"], ctx.org.name))
    _common(obj, ctx, onderdeel_van=False, events=events)
    for naam, kenmerk in parts:
        _ref(obj, "bevatOnderdeel", naam, kenmerk, SOURCE)
    betrokkenen: list[tuple[str, str]] = []
    contact = op.store.records.contact_name(case["contact_id"])
    if contact.strip():
        betrokkenen.append(("Inwoner", contact))
    if case["assignee_id"] is not None:
        name = op.store.archive.display_name_by_id(int(case["assignee_id"]))
        if name:
            betrokkenen.append(("Behandelaar", name))
    _tail(obj, ctx, betrokkenen)
    return _serialize(root)


def _message_text(message: Any) -> bytes:
    """A plain-text rendering of a message without an original file (phone, counter)."""
    channel = _channel_label(message["channel"])
    lines = [
        f"Kanaal: {channel}",
        "Richting: "
        + ("inkomend" if message["direction"] == Direction.INBOUND.value else "uitgaand"),
        f"Tijd: {message['sent_at']}",
        f"Van: {message['sender_name'] or ''} {message['sender'] or ''}".rstrip(),
        f"Onderwerp: {message['subject'] or ''}",
    ]
    if message["phone_number"]:
        lines.append(f"Telefoonnummer: {message['phone_number']}")
    if message["callback_by"]:
        lines.append(f"Terugbellen voor: {message['callback_by']}")
    lines += ["", message["body_text"] or ""]
    return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")


def _export_message(
    op: Op,
    ctx: _Context,
    case: Any,
    message: Any,
    seq: int,
    out: list[tuple[str, bytes]],
) -> tuple[str, str]:
    ref = case["reference"]
    stem = f"{seq:03d}"
    kenmerk = f"{ref}/{stem}"
    naam = _text(message["subject"], f"Bericht {seq}")
    stamp = message["received_at"] or message["sent_at"]
    files: list[tuple[str, str, bytes, str]] = []  # (file name, shown name, data, type)
    if message["raw_sha256"]:
        try:
            raw = op.store.blobs.get(message["raw_sha256"])
        except BlobMissingError as exc:
            raise LoketError(
                f"Het origineel van een bericht in zaak {ref} ontbreekt; export gestopt."
            ) from exc
        kind = "message/rfc822" if channel_spec(message["channel"]).rfc822 else _sniff(raw)
        ext = EXTENSIONS.get(kind, ".bin")
        files.append((f"{stem}-bericht{ext}", f"{stem}-bericht{ext}", raw, kind))
    else:
        files.append(
            (f"{stem}-bericht.txt", f"{stem}-bericht.txt", _message_text(message), "text/plain")
        )
    for n, att in enumerate(op.store.queries.attachments_of(int(message["id"])), start=1):
        try:
            data = op.store.blobs.get(att["sha256"])
        except BlobMissingError as exc:
            raise LoketError(
                f"Een bijlage van een bericht in zaak {ref} ontbreekt; export gestopt."
            ) from exc
        ext = EXTENSIONS.get(att["content_type"].lower(), ".bin")
        safe = _safe_name(att["filename"] or "", f"bijlage{ext}")
        files.append((f"{stem}-{n}-{safe}", att["filename"] or safe, data, att["content_type"]))

    root, obj = _document("informatieobject")
    _ident(obj, "identificatie", kenmerk, SOURCE)
    _ident(obj, "identificatie", _uuid(ctx.org, ref, stem), SOURCE_UUID)
    _el(obj, "naam", naam)
    _begrip(obj, "aggregatieniveau", "Archiefstuk", LIST_AGGREGATIE)
    inbound = message["direction"] == Direction.INBOUND.value
    channel = _channel_label(message["channel"])
    _el(obj, "omschrijving", f"{channel}, {'van de inwoner' if inbound else 'van de gemeente'}")
    actor = (message["sender_name"] or message["sender"] or "Inwoner") if inbound else ctx.org.name
    _common(
        obj,
        ctx,
        onderdeel_van=True,
        events=[("Ontvangst" if inbound else "Verzending", LIST_LOKET, message["sent_at"], actor)],
    )
    for file_name, _shown, _data, _kind in files:
        _ref(obj, "heeftRepresentatie", file_name, _uuid(ctx.org, ref, file_name), SOURCE_UUID)
    _tail(obj, ctx, [])
    out.append((f"{stem}.mdto.xml", _serialize(root)))
    for file_name, shown, data, kind in files:
        out.append((file_name, data))
        out.append(
            (
                f"{file_name}.bestand.mdto.xml",
                _bestand_xml(ctx, ref, file_name, shown, data, kind, stamp, naam, kenmerk),
            )
        )
    return naam, kenmerk


def _export_notes(
    ctx: _Context, case: Any, notes: list[Any], out: list[tuple[str, bytes]]
) -> tuple[str, str]:
    ref = case["reference"]
    text = "\n\n".join(
        f"{n['created_at']}  {n['author'] or ''}\n{n['text']}".rstrip() for n in notes
    )
    data = (text + "\n").encode("utf-8")
    kenmerk = f"{ref}/notities"
    naam = "Interne notities"
    root, obj = _document("informatieobject")
    _ident(obj, "identificatie", kenmerk, SOURCE)
    _ident(obj, "identificatie", _uuid(ctx.org, ref, "notities"), SOURCE_UUID)
    _el(obj, "naam", naam)
    _begrip(obj, "aggregatieniveau", "Archiefstuk", LIST_AGGREGATIE)
    _el(obj, "omschrijving", f"{len(notes)} interne notitie(s) van de behandelaars")
    _common(
        obj,
        ctx,
        onderdeel_van=True,
        events=[("Creatie", LIST_EVENT, notes[0]["created_at"], ctx.org.name)],
    )
    _ref(
        obj, "heeftRepresentatie", "notities.txt", _uuid(ctx.org, ref, "notities.txt"), SOURCE_UUID
    )
    _tail(obj, ctx, [])
    out.append(("notities.mdto.xml", _serialize(root)))
    out.append(("notities.txt", data))
    out.append(
        (
            "notities.txt.bestand.mdto.xml",
            _bestand_xml(
                ctx,
                ref,
                "notities.txt",
                "notities.txt",
                data,
                "text/plain",
                notes[-1]["created_at"],
                naam,
                kenmerk,
            ),
        )
    )
    return naam, kenmerk


def _bestand_xml(
    ctx: _Context,
    ref: str,
    file_name: str,
    shown: str,
    data: bytes,
    kind: str,
    stamp: str,
    naam: str,
    kenmerk: str,
) -> bytes:
    root, obj = _document("bestand")
    _ident(obj, "identificatie", _uuid(ctx.org, ref, file_name), SOURCE_UUID)
    _el(obj, "naam", _text(shown, file_name))
    _el(obj, "omvang", str(len(data)))
    code, label = pronom(kind, data)
    _begrip(obj, "bestandsformaat", label, LIST_PRONOM, code)
    checksum = _el(obj, "checksum")
    _begrip(checksum, "checksumAlgoritme", "SHA-256", LIST_CHECKSUM)
    _el(checksum, "checksumWaarde", hashlib.sha256(data).hexdigest())
    _el(checksum, "checksumDatum", stamp)
    _ref(obj, "isRepresentatieVan", naam, kenmerk, SOURCE)
    return _serialize(root)


def _channel_label(code: str) -> str:
    return channel_spec(code).label


def _sniff(raw: bytes) -> str:
    """The type of an imported original that is not an e-mail (a platform export)."""
    if raw.startswith(b"PK\x03\x04"):
        return "application/zip"
    head = raw.lstrip()[:1]
    if head in (b"{", b"["):
        return "application/json"
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return "application/octet-stream"
    return "text/plain"
