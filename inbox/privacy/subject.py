"""The rights of data subjects (AVG): inzage (art. 15), requests and their deadline, erasure.

`export_subject` writes a folder with everything Loket holds about one resident: their cases,
every message (text, and the original file as received), attachments, notes, their addresses,
the audit entries and processing-log rows about them, and their AVG requests; with a readable
Dutch summary (samenvatting.html) and a JSON index (index.json). Only an archivaris
(Permission.EXPORT_PERSONAL) may run it; it is audited and logged in the processing log.

Requests are kept with the day they were received and their deadline: one month later (AVG
art. 12(3)). Erasure (art. 17) honours retention duties: it refuses, with every reason, while a
case of the resident is open, on legal hold, to be kept permanently (waardering B) or within its
retention period; otherwise it pseudonymises: names, addresses, subjects and texts become
placeholders, original files and attachments are deleted, and every row that statistics count
stays, so the figures do not change.
"""

from __future__ import annotations

import calendar
import html
import json
import re
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inbox import clock
from inbox.errors import InvalidInput, LoketError, NotFound
from inbox.privacy import audit, processing_log
from inbox.privacy.roles import Permission

if TYPE_CHECKING:
    from inbox.services import Loket

KINDS = {"inzage": "inzage (art. 15)", "verwijdering": "verwijdering (art. 17)"}
STATUSES = {"open": "open", "afgehandeld": "afgehandeld", "geweigerd": "geweigerd"}

PLACEHOLDER_NAME = "Inwoner (verwijderd)"
PLACEHOLDER_SUBJECT = "[verwijderd]"
PLACEHOLDER_TEXT = "[Verwijderd op verzoek van de inwoner (AVG art. 17).]"


class ErasureRefused(LoketError):
    """Erasure is not allowed now; `reasons` says why, per case."""

    def __init__(self, reasons: list[str]) -> None:
        self.reasons = reasons
        super().__init__(
            "Verwijderen kan nu niet, want er geldt een bewaarplicht: " + " ".join(reasons)
        )


# -- finding the resident ---------------------------------------------------------------------


def contact_for(loket: Loket, address: str) -> int:
    found = loket._contact_by_any_address(address)
    if found is None:
        raise NotFound(f"Geen inwoner bekend met adres {address}.")
    return int(found)


def _members(loket: Loket, contact_id: int) -> list[int]:
    from storage.contacts import ContactQueries

    return ContactQueries(loket.db).members(contact_id)


def _marks(ids: list[int]) -> str:
    return ",".join("?" for _ in ids)


def _case_ids(loket: Loket, ids: list[int]) -> list[int]:
    return [
        int(r[0])
        for r in loket.db.query(
            f"SELECT id FROM cases WHERE contact_id IN ({_marks(ids)}) OR id IN "
            f"(SELECT case_id FROM messages WHERE contact_id IN ({_marks(ids)}) "
            f"AND case_id IS NOT NULL) ORDER BY id",
            [*ids, *ids],
        )
    ]


def _message_ids(loket: Loket, ids: list[int], case_ids: list[int]) -> list[int]:
    """The resident's messages and every message in their cases (replies to them too)."""
    return [
        int(r[0])
        for r in loket.db.query(
            f"SELECT id FROM messages WHERE contact_id IN ({_marks(ids)}) "
            f"OR case_id IN ({_marks(case_ids) or 'NULL'}) ORDER BY sent_at, id",
            [*ids, *case_ids],
        )
    ]


# -- requests ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Request:
    id: int
    kind: str
    contact_id: int | None
    address: str
    received_on: str
    deadline: str
    status: str
    note: str
    created_by: str
    handled_by: str | None
    handled_at: str | None
    days_left: int  # negative when overdue; counted while the request is open

    @property
    def overdue(self) -> bool:
        return self.status == "open" and self.days_left < 0


def one_month_after(day: date) -> date:
    """AVG art. 12(3): one month; the 31st of January gives the last day of February."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _today(loket: Loket) -> date:
    from inbox.archive.retention import today

    return today(loket)


def _request(loket: Loket, row: Any) -> Request:
    left = (date.fromisoformat(row["deadline"]) - _today(loket)).days
    return Request(
        id=int(row["id"]),
        kind=row["kind"],
        contact_id=row["contact_id"],
        address=row["address"],
        received_on=row["received_on"],
        deadline=row["deadline"],
        status=row["status"],
        note=row["note"],
        created_by=row["created_by"],
        handled_by=row["handled_by"],
        handled_at=row["handled_at"],
        days_left=left,
    )


def add_request(
    loket: Loket, address: str, kind: str = "inzage", received: date | None = None, note: str = ""
) -> Request:
    loket.check(Permission.EXPORT_PERSONAL)
    if kind not in KINDS:
        raise InvalidInput(f"Onbekend soort verzoek '{kind}'. Kies uit: {', '.join(KINDS)}.")
    if not address.strip():
        raise InvalidInput("Geef het adres (e-mail, telefoon) van de inwoner.")
    day = received or _today(loket)
    contact = None
    try:
        contact = contact_for(loket, address)
    except NotFound:
        pass  # a request from someone Loket does not know still has its deadline
    with loket.db.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO avg_requests(kind, contact_id, address, received_on, deadline, note, "
            "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                kind,
                contact,
                address.strip(),
                day.isoformat(),
                one_month_after(day).isoformat(),
                note.strip(),
                loket.user,
                clock.iso(loket.now()),
            ),
        )
        request_id = int(cur.lastrowid or 0)
        loket.audit(f"avg-verzoek: {kind}", f"verzoek:{request_id}", subject=contact)
    return get_request(loket, request_id)


def get_request(loket: Loket, request_id: int) -> Request:
    loket.check(Permission.EXPORT_PERSONAL)
    row = loket.db.one("SELECT * FROM avg_requests WHERE id = ?", (request_id,))
    if row is None:
        raise NotFound(f"AVG-verzoek {request_id} bestaat niet.")
    return _request(loket, row)


def requests(loket: Loket, open_only: bool = False) -> list[Request]:
    """Open requests first, soonest deadline first."""
    loket.check(Permission.EXPORT_PERSONAL)
    where = "WHERE status = 'open'" if open_only else ""
    rows = loket.db.query(
        f"SELECT * FROM avg_requests {where} ORDER BY status != 'open', deadline, id"
    )
    return [_request(loket, r) for r in rows]


def close_request(
    loket: Loket, request_id: int, status: str = "afgehandeld", note: str = ""
) -> Request:
    loket.check(Permission.EXPORT_PERSONAL)
    if status not in ("afgehandeld", "geweigerd"):
        raise InvalidInput("Een verzoek wordt afgehandeld of geweigerd.")
    current = get_request(loket, request_id)
    with loket.db.transaction() as conn:
        conn.execute(
            "UPDATE avg_requests SET status = ?, note = CASE WHEN ? = '' THEN note ELSE ? END, "
            "handled_by = ?, handled_at = ? WHERE id = ?",
            (status, note.strip(), note.strip(), loket.user, clock.iso(loket.now()), request_id),
        )
        loket.audit(f"avg-verzoek: {status}", f"verzoek:{request_id}", subject=current.contact_id)
    return get_request(loket, request_id)


def extend_request(loket: Loket, request_id: int, reason: str) -> Request:
    """AVG art. 12(3): the deadline may be extended once, by two further months, when the
    request is complex or there are many; the resident must be told why (the reason)."""
    loket.check(Permission.EXPORT_PERSONAL)
    current = get_request(loket, request_id)
    if current.status != "open":
        raise InvalidInput("Alleen een open verzoek kan worden verlengd.")
    if not reason.strip():
        raise InvalidInput("Geef de reden van de verlenging; de inwoner moet die horen.")
    normal = one_month_after(date.fromisoformat(current.received_on))
    if date.fromisoformat(current.deadline) > normal:
        raise InvalidInput("Dit verzoek is al verlengd; dat mag maar één keer.")
    extended = one_month_after(one_month_after(normal))
    note = (current.note + "\n" if current.note else "") + f"Verlengd: {reason.strip()}"
    with loket.db.transaction() as conn:
        conn.execute(
            "UPDATE avg_requests SET deadline = ?, note = ? WHERE id = ?",
            (extended.isoformat(), note, request_id),
        )
        loket.audit("avg-verzoek: verlengd", f"verzoek:{request_id}", subject=current.contact_id)
    return get_request(loket, request_id)


def _scrub_outcomes(db: Any, case_ids: list[int]) -> None:
    """The case history keeps what was done, not what was written: a closing outcome in the
    append-only case events is replaced by the placeholder (the event is written again with
    the same id and uid, since the history table allows no UPDATE)."""
    rows = db.query(
        f"SELECT * FROM case_events WHERE case_id IN ({_marks(case_ids)}) AND kind = 'closed'",
        case_ids,
    )
    for ev in rows:
        data = json.loads(ev["data"])
        if not data.get("outcome"):
            continue
        data["outcome"] = PLACEHOLDER_SUBJECT
        db.conn.execute("DELETE FROM case_events WHERE id = ?", (ev["id"],))
        db.conn.execute(
            "INSERT INTO case_events(id, uid, case_id, at, actor, device, kind, data) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                ev["id"],
                ev["uid"],
                ev["case_id"],
                ev["at"],
                ev["actor"],
                ev["device"],
                ev["kind"],
                json.dumps(data, sort_keys=True),
            ),
        )


# -- inzage: the export -----------------------------------------------------------------------


@dataclass(frozen=True)
class SubjectExport:
    folder: Path
    contact_id: int
    cases: int
    messages: int
    originals: int
    attachments: int
    notes: int
    audit_entries: int


def _safe(name: str) -> str:
    cleaned = re.sub(r"[^\w.-]+", "_", name).strip("._")
    return cleaned[:80] or "bestand"


def _original_ext(channel: str) -> str:
    from inbox.channels.registry import spec

    return ".eml" if spec(channel).rfc822 else ".bin"


def collect(loket: Loket, contact_id: int) -> dict[str, Any]:
    """Everything about the resident `contact_id` (and contacts merged with them), as data."""
    db = loket.db
    from storage.records import Records

    ids = _members(loket, contact_id)

    root = Records(db).resolve_contact(contact_id)
    case_ids = _case_ids(loket, ids)
    message_ids = _message_ids(loket, ids, case_ids)
    cases = [
        {
            "zaak": r["reference"],
            "onderwerp": r["subject"],
            "status": r["status"],
            "kanaal": r["channel"],
            "geopend": r["opened_at"],
            "afgesloten": r["closed_at"],
            "uitkomst": r["outcome"],
            "bewaren_tot": r["destroy_date"],
            "waardering": r["waardering"],
        }
        for r in db.query(
            f"SELECT * FROM cases WHERE id IN ({_marks(case_ids) or 'NULL'}) ORDER BY opened_at",
            case_ids,
        )
    ]
    messages = []
    for r in db.query(
        "SELECT m.*, c.reference FROM messages m LEFT JOIN cases c ON c.id = m.case_id "
        f"WHERE m.id IN ({_marks(message_ids) or 'NULL'}) ORDER BY m.sent_at, m.id",
        message_ids,
    ):
        attachments = [
            {
                "bestandsnaam": a["filename"],
                "soort": a["content_type"],
                "grootte": a["size"],
                "sha256": a["sha256"],
            }
            for a in db.query(
                "SELECT * FROM attachments WHERE message_id = ? ORDER BY id", (r["id"],)
            )
        ]
        messages.append(
            {
                "id": r["id"],
                "zaak": r["reference"],
                "kanaal": r["channel"],
                "richting": "van inwoner" if r["direction"] == "in" else "van gemeente",
                "verzonden": r["sent_at"],
                "afzender": r["sender"],
                "afzender_naam": r["sender_name"],
                "ontvangers": r["recipients"],
                "onderwerp": r["subject"],
                "tekst": r["body_text"],
                "html": r["body_html"],
                "telefoonnummer": r["phone_number"],
                "gegeven_antwoord": r["answer_given"],
                "origineel_sha256": r["raw_sha256"],
                "bijlagen": attachments,
            }
        )
    notes = [
        {"zaak": r["reference"], "gemaakt": r["created_at"], "tekst": r["text"]}
        for r in db.query(
            "SELECT n.*, c.reference FROM notes n JOIN cases c ON c.id = n.case_id "
            f"WHERE n.case_id IN ({_marks(case_ids) or 'NULL'}) ORDER BY n.created_at, n.id",
            case_ids,
        )
    ]
    addresses = [
        {"soort": r["kind"], "adres": r["value"], "sinds": r["created_at"]}
        for r in db.query(
            f"SELECT * FROM contact_addresses WHERE contact_id IN ({_marks(ids)}) "
            "ORDER BY kind, value",
            ids,
        )
    ]
    audit_rows: list[dict[str, Any]] = []
    for cid in ids:
        audit_rows += audit.entries(db, subject_contact_id=cid)
    audit_rows.sort(key=lambda e: int(e["id"]))
    reqs = [
        asdict(_request(loket, r))
        for r in db.query(
            f"SELECT * FROM avg_requests WHERE contact_id IN ({_marks(ids)}) ORDER BY id", ids
        )
    ]
    return {
        "inwoner": {
            "id": root,
            "naam": Records(db).contact_name(root),
            "samengevoegd": [i for i in ids if i != root],
        },
        "adressen": addresses,
        "zaken": cases,
        "berichten": messages,
        "notities": notes,
        "auditregels": audit_rows,
        "verwerkingen": processing_log.spans_about(loket, ids),
        "verzoeken": reqs,
    }


def export_subject(
    loket: Loket, address: str, out: Path, request_id: int | None = None
) -> SubjectExport:
    """Write the AVG inzage folder for the resident known by `address` into `out`."""
    loket.check(Permission.EXPORT_PERSONAL)
    contact_id = contact_for(loket, address)
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise InvalidInput(f"De map {out} is niet leeg; kies een nieuwe map.")
    with processing_log.span(
        loket, "avg-inzage", "export", subject=contact_id, obj=f"inwoner:{contact_id}"
    ):
        data = collect(loket, contact_id)
        (out / "berichten").mkdir(parents=True, exist_ok=True)
        originals = attachments = 0
        for m in data["berichten"]:
            stem = f"{str(m['verzonden'])[:10]}-{m['id']}"
            (out / "berichten" / f"{stem}.txt").write_text(_message_text(m), encoding="utf-8")
            m["bestand"] = f"berichten/{stem}.txt"
            if m["origineel_sha256"] and loket.blobs.exists(m["origineel_sha256"]):
                name = f"{stem}-origineel{_original_ext(m['kanaal'])}"
                (out / "berichten" / name).write_bytes(loket.blobs.get(m["origineel_sha256"]))
                m["origineel"] = f"berichten/{name}"
                originals += 1
            for i, a in enumerate(m["bijlagen"], start=1):
                if not loket.blobs.exists(a["sha256"]):
                    continue
                folder = out / "bijlagen"
                folder.mkdir(exist_ok=True)
                name = f"{m['id']}-{i}-{_safe(a['bestandsnaam'])}"
                (folder / name).write_bytes(loket.blobs.get(a["sha256"]))
                a["bestand"] = f"bijlagen/{name}"
                attachments += 1
        data["gemaakt"] = clock.iso(loket.now())
        data["gemaakt_door"] = loket.user
        (out / "index.json").write_text(
            json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8"
        )
        (out / "samenvatting.html").write_text(summary_html(data), encoding="utf-8")
        loket.audit("exporteren: avg-inzage", f"inwoner:{contact_id}", subject=contact_id)
        if request_id is not None:
            close_request(loket, request_id, "afgehandeld", "Inzage verstrekt.")
    return SubjectExport(
        folder=out,
        contact_id=contact_id,
        cases=len(data["zaken"]),
        messages=len(data["berichten"]),
        originals=originals,
        attachments=attachments,
        notes=len(data["notities"]),
        audit_entries=len(data["auditregels"]),
    )


def _message_text(m: dict[str, Any]) -> str:
    head = [
        f"Zaak: {m['zaak'] or '-'}",
        f"Kanaal: {m['kanaal']} ({m['richting']})",
        f"Datum: {m['verzonden']}",
        f"Van: {m['afzender_naam']} {m['afzender']}".rstrip(),
        f"Aan: {m['ontvangers']}",
        f"Onderwerp: {m['onderwerp']}",
    ]
    return "\n".join(head) + "\n\n" + str(m["tekst"] or "") + "\n"


def summary_html(data: dict[str, Any]) -> str:
    e = html.escape

    def table(headers: list[str], rows: list[list[Any]]) -> str:
        if not rows:
            return "<p><em>Geen.</em></p>"
        head = "".join(f"<th>{e(h)}</th>" for h in headers)
        body = "".join(
            "<tr>" + "".join(f"<td>{e(str(v if v is not None else ''))}</td>" for v in r) + "</tr>"
            for r in rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    who = data["inwoner"]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="nl"><head><meta charset="utf-8"><title>Inzage persoonsgegevens</title>',
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}"
        "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.2em .4em;"
        "text-align:left;vertical-align:top}pre{white-space:pre-wrap}</style></head><body>",
        "<h1>Inzage in uw persoonsgegevens</h1>",
        "<p>Dit overzicht bevat alle gegevens die de gemeente in Loket, het systeem van het "
        "klantcontactcentrum, over u bewaart (artikel 15 van de Algemene verordening "
        f"gegevensbescherming). Gemaakt op {e(str(data['gemaakt'])[:10])}.</p>",
        f"<h2>Uw gegevens</h2><p>Naam: {e(who['naam'])}</p>",
        table(
            ["Soort", "Adres", "Sinds"],
            [[a["soort"], a["adres"], a["sinds"]] for a in data["adressen"]],
        ),
        f"<h2>Zaken ({len(data['zaken'])})</h2>",
        table(
            ["Zaak", "Onderwerp", "Status", "Kanaal", "Geopend", "Afgesloten", "Bewaren tot"],
            [
                [
                    c["zaak"],
                    c["onderwerp"],
                    c["status"],
                    c["kanaal"],
                    c["geopend"],
                    c["afgesloten"],
                    c["bewaren_tot"] or ("blijvend" if c["waardering"] == "B" else ""),
                ]
                for c in data["zaken"]
            ],
        ),
        f"<h2>Berichten ({len(data['berichten'])})</h2>",
    ]
    for m in data["berichten"]:
        files = [m.get("bestand", "")] + ([m["origineel"]] if m.get("origineel") else [])
        files += [a["bestand"] for a in m["bijlagen"] if a.get("bestand")]
        links = " ".join(f'<a href="{e(f)}">{e(f)}</a>' for f in files if f)
        parts += [
            f"<h3>{e(str(m['verzonden'])[:16])} - {e(m['kanaal'])}, {e(m['richting'])} "
            f"(zaak {e(m['zaak'] or '-')})</h3>",
            f"<p><strong>{e(m['onderwerp'] or '')}</strong></p>",
            f"<pre>{e(m['tekst'] or '')}</pre>",
            f"<p>Bestanden: {links}</p>",
        ]
    parts += [
        f"<h2>Notities van medewerkers ({len(data['notities'])})</h2>",
        table(
            ["Zaak", "Datum", "Tekst"],
            [[n["zaak"], n["gemaakt"], n["tekst"]] for n in data["notities"]],
        ),
        f"<h2>Wie heeft uw gegevens bekeken of gewijzigd ({len(data['auditregels'])})</h2>",
        table(
            ["Tijdstip", "Medewerker", "Actie", "Object", "Resultaat"],
            [
                [a["at"], a["actor"], a["action"], a["object"], a["result"]]
                for a in data["auditregels"]
            ],
        ),
        f"<h2>Verwerkingen ({len(data['verwerkingen'])})</h2>",
        table(
            ["Tijdstip", "Verwerking", "Handeling"],
            [
                [v["start_time"], v["processing_activity_name"], v["operation"]]
                for v in data["verwerkingen"]
            ],
        ),
        f"<h2>Uw verzoeken ({len(data['verzoeken'])})</h2>",
        table(
            ["Soort", "Ontvangen", "Uiterlijk", "Status"],
            [
                [KINDS.get(r["kind"], r["kind"]), r["received_on"], r["deadline"], r["status"]]
                for r in data["verzoeken"]
            ],
        ),
        '<p>Alle gegevens staan ook in <a href="index.json">index.json</a>; de berichten zoals '
        "ze zijn ontvangen staan in de map <em>berichten</em>, bijlagen in <em>bijlagen</em>.</p>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


# -- erasure ----------------------------------------------------------------------------------


def erasure_blockers(loket: Loket, contact_id: int) -> list[str]:
    """Every reason why the resident's data must be kept now ('' list when none)."""
    ids = _members(loket, contact_id)
    today = _today(loket).isoformat()
    reasons = []
    for c in loket.db.query(
        f"SELECT * FROM cases WHERE id IN ({_marks(_case_ids(loket, ids)) or 'NULL'}) "
        "ORDER BY reference",
        _case_ids(loket, ids),
    ):
        ref = c["reference"]
        if c["legal_hold"]:
            reasons.append(f"Op zaak {ref} rust een bewaarplicht (legal hold).")
        if c["status"] != "afgerond":
            reasons.append(f"Zaak {ref} is nog niet afgerond.")
        if c["waardering"] == "B":
            reasons.append(f"Zaak {ref} wordt blijvend bewaard (waardering B, Archiefwet).")
        elif c["destroy_date"] and c["destroy_date"] > today:
            reasons.append(
                f"Zaak {ref} moet volgens de selectielijst bewaard worden tot {c['destroy_date']}."
            )
    return reasons


@dataclass(frozen=True)
class ErasureOutcome:
    contact_id: int
    cases: int
    messages: int
    notes: int
    addresses: int
    blobs_removed: int


def erase(loket: Loket, address: str, request_id: int | None = None) -> ErasureOutcome:
    """Pseudonymise everything about the resident, or refuse (ErasureRefused) with reasons."""
    from inbox.archive import destruction as d

    loket.check(Permission.EXPORT_PERSONAL)
    contact_id = contact_for(loket, address)
    reasons = erasure_blockers(loket, contact_id)
    if reasons:
        loket.audit(
            "verwijderen: avg", f"inwoner:{contact_id}", result="geweigerd", subject=contact_id
        )
        if request_id is not None:
            close_request(loket, request_id, "geweigerd", " ".join(reasons))
        raise ErasureRefused(reasons)
    db = loket.db
    ids = _members(loket, contact_id)
    with (
        processing_log.span(
            loket, "avg-inzage", "erase", subject=contact_id, obj=f"inwoner:{contact_id}"
        ),
        db.transaction() as conn,
    ):
        case_ids = _case_ids(loket, ids)
        message_ids = _message_ids(loket, ids, case_ids)
        note_ids = [
            int(r[0])
            for r in db.query(
                f"SELECT id FROM notes WHERE case_id IN ({_marks(case_ids) or 'NULL'})", case_ids
            )
        ]
        digests = d._blobs_of(db, case_ids)
        digests |= {
            str(r[0])
            for r in db.query(
                f"SELECT raw_sha256 FROM messages WHERE id IN ({_marks(message_ids) or 'NULL'}) "
                "AND raw_sha256 IS NOT NULL UNION SELECT sha256 FROM attachments "
                f"WHERE message_id IN ({_marks(message_ids) or 'NULL'})",
                [*message_ids, *message_ids],
            )
        }
        files = d._export_files_of(db, message_ids)
        for file_id in sorted(files):
            digest = db.scalar("SELECT sha256 FROM import_files WHERE id = ?", (file_id,))
            if digest:
                digests.add(str(digest))
        # search rows first (they hold the text), then the rows themselves
        d._delete_in(db, "search_index", "case_id", case_ids)
        d._delete_in(db, "search_index", "rowid", [m * 2 for m in message_ids])
        d._delete_in(db, "search_index", "rowid", [n * 2 + 1 for n in note_ids])
        for start in range(0, len(message_ids), 500):
            chunk = message_ids[start : start + 500]
            marks = _marks(chunk)
            conn.execute(
                f"UPDATE messages SET sender = '', sender_name = ?, recipients = '', subject = ?, "
                f"body_text = ?, body_html = NULL, raw_sha256 = NULL, phone_number = NULL, "
                f"answer_given = NULL WHERE id IN ({marks})",
                (PLACEHOLDER_NAME, PLACEHOLDER_SUBJECT, PLACEHOLDER_TEXT, *chunk),
            )
            conn.execute(f"DELETE FROM attachments WHERE message_id IN ({marks})", chunk)
            if d._has_table(db, "mastodon_statuses"):
                conn.execute(
                    f"UPDATE mastodon_statuses SET author_acct = '', mentions = '' "
                    f"WHERE message_id IN ({marks})",
                    chunk,
                )
        if case_ids:
            marks = _marks(case_ids)
            conn.execute(
                f"UPDATE cases SET subject = ?, normalized_subject = '', "
                f"outcome = CASE WHEN outcome IS NULL THEN NULL ELSE ? END WHERE id IN ({marks})",
                (PLACEHOLDER_SUBJECT, PLACEHOLDER_SUBJECT, *case_ids),
            )
            conn.execute(
                f"UPDATE notes SET text = ? WHERE case_id IN ({marks})",
                (PLACEHOLDER_TEXT, *case_ids),
            )
            _scrub_outcomes(db, case_ids)
            conn.execute(f"UPDATE outbox SET recipients = '' WHERE case_id IN ({marks})", case_ids)
        for file_id in sorted(files):
            for table, column in d._dependents(db, "import_files"):
                d._delete_in(db, table, column, [file_id])
            conn.execute("DELETE FROM import_files WHERE id = ?", (file_id,))
        addresses = int(
            db.scalar(
                f"SELECT count(*) FROM contact_addresses WHERE contact_id IN ({_marks(ids)})", ids
            )
            or 0
        )
        conn.execute(f"DELETE FROM contact_addresses WHERE contact_id IN ({_marks(ids)})", ids)
        conn.execute(
            f"UPDATE contacts SET name = ? WHERE id IN ({_marks(ids)})", (PLACEHOLDER_NAME, *ids)
        )
        conn.execute(
            f"UPDATE avg_requests SET address = ? WHERE contact_id IN ({_marks(ids)})",
            (PLACEHOLDER_NAME, *ids),
        )
        loket.audit("verwijderen: avg", f"inwoner:{contact_id}", subject=contact_id)
        if request_id is not None:
            close_request(loket, request_id, "afgehandeld", "Gegevens gepseudonimiseerd.")
    removed = d._remove_unused_blobs(loket, digests)
    d.scrub(db)
    return ErasureOutcome(
        contact_id=contact_id,
        cases=len(case_ids),
        messages=len(message_ids),
        notes=len(note_ids),
        addresses=addresses,
        blobs_removed=removed,
    )
