"""The rights of data subjects (AVG): inzage (art. 15) and requests with their deadline.

`export_subject` writes a folder with what Loket holds about one resident, and only about them:
their own messages (text, the original as received, attachments), the replies sent to them,
the notes about them, their addresses, the audit entries and processing-log rows about them,
their AVG requests, and where in Loket data about them is kept (the personal-data map). Other
residents' messages in a case they share are left out, and names, addresses and numbers of
others are redacted from what is included, with the ground (AVG art. 15(4)); the summary says
how much. Originals or attachments that cannot be read are listed with the reason, and the
export then says it is incomplete. Written atomically (inbox/exports.py): a failure leaves
nothing that looks like a finished inzage. Only an archivaris (Permission.EXPORT_PERSONAL) may
run it; the gate audits it and logs it in the processing log.

Requests are kept with the day they were received and their deadline: one month later (AVG
art. 12(3)), once extendable by two months. Erasure (art. 17) is inbox/privacy/erasure.py.
"""

from __future__ import annotations

import calendar
import html
import json
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from inbox import acts, clock
from inbox.addresses import address_for, normalize_phone
from inbox.errors import InvalidInput, NotFound
from inbox.exports import export_folder
from inbox.model import Channel, Direction
from inbox.privacy import processing_log
from inbox.privacy.audit import describe
from inbox.rows import from_row
from storage.errors import BlobMissingError, CorruptDatabaseError

if TYPE_CHECKING:
    from inbox.gate import Op, Session

KINDS = {"inzage": "inzage (art. 15)", "verwijdering": "verwijdering (art. 17)"}
STATUSES = {"open": "open", "afgehandeld": "afgehandeld", "geweigerd": "geweigerd"}

# Why other residents' data is not in an inzage.
GROUND_OTHERS = (
    "AVG art. 15 lid 4: het recht op inzage mag de rechten van anderen niet schaden; "
    "dit gaat over een andere inwoner"
)
REDACTED = "[gegevens van een ander]"
OPERATIONS = {
    "read": "ingezien",
    "create": "vastgelegd",
    "update": "gewijzigd",
    "export": "geëxporteerd",
    "erase": "verwijderd",
}
TZ = ZoneInfo("Europe/Amsterdam")
# Parts of Dutch surnames that are ordinary words on their own: never redacted alone.
_NAME_PREFIXES = frozenset({"van", "den", "der", "het", "ter", "ten", "uit", "von", "del"})


# -- finding the resident ---------------------------------------------------------------------


def find_resident(op: Op, address: str) -> int:
    """The (surviving) resident known by `address` (e-mail, phone number or handle)."""
    privacy = op.store.privacy
    value = address.strip()
    for channel in (Channel.EMAIL, Channel.PHONE, Channel.MASTODON):
        found_address = address_for(channel, value)
        if found_address:
            found = privacy.contact_by_address(found_address[0].value, found_address[1])
            if found is not None:
                return int(found)
    found = privacy.contact_by_value(value.lower())
    if found is None:
        raise NotFound(f"Geen inwoner bekend met adres {address}.")
    return int(found)


def _today(loket: Session) -> date:
    return loket.now().astimezone(TZ).date()


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


def _request(today: date, row: Any) -> Request:
    left = (date.fromisoformat(row["deadline"]) - today).days
    return from_row(Request, row, days_left=left)


def add_request(
    loket: Session,
    address: str,
    kind: str = "inzage",
    received: date | None = None,
    note: str = "",
) -> Request:
    if kind not in KINDS:
        raise InvalidInput(f"Onbekend soort verzoek '{kind}'. Kies uit: {', '.join(KINDS)}.")
    if not address.strip():
        raise InvalidInput("Geef het adres (e-mail, telefoon) van de inwoner.")
    with loket.op(acts.AVG_REQUEST_ADD) as op:
        day = received or _today(loket)
        contact = None
        try:
            contact = find_resident(op, address)
        except NotFound:
            pass  # a request from someone Loket does not know still has its deadline
        request_id = op.store.privacy.insert_request(
            {
                "kind": kind,
                "contact_id": contact,
                "address": address.strip(),
                "received_on": day.isoformat(),
                "deadline": one_month_after(day).isoformat(),
                "note": note.strip(),
                "created_by": loket.user,
                "created_at": op.stamp(),
            }
        )
        op.obj = f"verzoek:{request_id}"
        op.about(contact)
        op.details = {"soort": kind}
        op.changed("avg_requests")
        return _request(_today(loket), op.store.privacy.request(request_id))


def _get(op: Op, request_id: int) -> Request:
    row = op.store.privacy.request(request_id)
    if row is None:
        raise NotFound(f"AVG-verzoek {request_id} bestaat niet.")
    return _request(_today(op.session), row)


def get_request(loket: Session, request_id: int) -> Request:
    with loket.op(acts.AVG_REQUESTS) as op:
        return _get(op, request_id)


def requests(loket: Session, open_only: bool = False) -> list[Request]:
    """Open requests first, soonest deadline first."""
    with loket.op(acts.AVG_REQUESTS) as op:
        today = _today(loket)
        return [_request(today, r) for r in op.store.privacy.requests(open_only)]


def close_request(
    loket: Session, request_id: int, status: str = "afgehandeld", note: str = ""
) -> Request:
    if status not in ("afgehandeld", "geweigerd"):
        raise InvalidInput("Een verzoek wordt afgehandeld of geweigerd.")
    with loket.op(acts.AVG_REQUEST_CLOSE, obj=f"verzoek:{request_id}") as op:
        current = _get(op, request_id)
        values: dict[str, Any] = {
            "status": status,
            "handled_by": loket.user,
            "handled_at": op.stamp(),
        }
        if note.strip():
            values["note"] = note.strip()
        op.store.privacy.update_request(request_id, values)
        op.about(current.contact_id)
        op.details = {"status": status}
        op.changed("avg_requests")
        return _get(op, request_id)


def extend_request(loket: Session, request_id: int, reason: str) -> Request:
    """AVG art. 12(3): the deadline may be extended once, by two further months, when the
    request is complex or there are many; the resident must be told why (the reason)."""
    with loket.op(acts.AVG_REQUEST_EXTEND, obj=f"verzoek:{request_id}") as op:
        current = _get(op, request_id)
        if current.status != "open":
            raise InvalidInput("Alleen een open verzoek kan worden verlengd.")
        if not reason.strip():
            raise InvalidInput("Geef de reden van de verlenging; de inwoner moet die horen.")
        normal = one_month_after(date.fromisoformat(current.received_on))
        if date.fromisoformat(current.deadline) > normal:
            raise InvalidInput("Dit verzoek is al verlengd; dat mag maar één keer.")
        extended = one_month_after(one_month_after(normal))
        note = (current.note + "\n" if current.note else "") + f"Verlengd: {reason.strip()}"
        op.store.privacy.update_request(
            request_id, {"deadline": extended.isoformat(), "note": note}
        )
        op.about(current.contact_id)
        op.changed("avg_requests")
        return _get(op, request_id)


# -- whose data is what: the resident, the others in their cases ------------------------------

_EMAIL = re.compile(r"[^\s<>()\[\],;:\"']+@[^\s<>()\[\],;:\"']+\.[^\s<>()\[\],;:\"']+")
_PHONE = re.compile(r"(?<![\w+])\+?\d[\d \-().]{7,17}\d(?!\w)")
_NINE = re.compile(r"(?<!\d)(\d{3})[ .-]?(\d{3})[ .-]?(\d{3})(?!\d)|(?<!\d)(\d{4})[ .-]?(\d{2})"
                   r"[ .-]?(\d{3})(?!\d)")


def _bsn_like(text: str) -> set[str]:
    """Nine-digit numbers that pass the 11-proef (as BSNs do), in any common grouping."""
    found = set()
    for match in _NINE.finditer(text):
        digits = "".join(g for g in match.groups() if g)
        total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
        if (total - int(digits[8])) % 11 == 0:
            found.add(digits)
    return found


@dataclass
class Identity:
    """What identifies a group of residents in text: names, e-mail addresses, phone numbers
    (E.164), other handles, and BSN-like numbers seen in what they wrote."""

    names: set[str] = field(default_factory=set)
    emails: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)
    handles: set[str] = field(default_factory=set)
    numbers: set[str] = field(default_factory=set)

    def add_address(self, kind: str, value: str) -> None:
        value = value.strip()
        if not value:
            return
        if kind == "email":
            self.emails.add(value.lower())
        elif kind == "phone":
            self.phones.add(value)
        elif len(value) >= 3:
            self.handles.add(value.lower())

    def add_name(self, name: str) -> None:
        name = " ".join(name.split())
        if len(name) >= 3 and "@" not in name:
            self.names.add(name)

    def harvest(self, text: str) -> None:
        """Add the e-mail addresses, phone numbers and BSN-like numbers written in `text`."""
        self.emails |= {m.group(0).lower().rstrip(".") for m in _EMAIL.finditer(text)}
        self.phones |= {p for m in _PHONE.finditer(text) if (p := normalize_phone(m.group(0)))}
        self.numbers |= _bsn_like(text)

    def without(self, other: Identity) -> None:
        """Forget what `other` (the resident) is known by or wrote: it is theirs too."""
        self.emails -= other.emails
        self.phones -= other.phones
        self.handles -= other.handles
        self.numbers -= other.numbers
        self.names -= other.names

    def mentioned_in(self, text: str) -> bool:
        lower = text.lower()
        if any(n.lower() in lower for n in self.names):
            return True
        if any(a in lower for a in self.emails | self.handles):
            return True
        return any(normalize_phone(m.group(0)) in self.phones for m in _PHONE.finditer(text))

    def redact(self, text: str, spare: frozenset[str] = frozenset()) -> tuple[str, int]:
        """`text` with every identifier of this group replaced by REDACTED; and how many.
        Words in `spare` (parts of the resident's own name) are never redacted alone."""
        if not text:
            return text, 0
        count = 0

        def swap(pattern: str, flags: int = re.IGNORECASE) -> None:
            nonlocal text, count
            text, n = re.subn(pattern, REDACTED, text, flags=flags)
            count += n

        for address in sorted(self.emails | self.handles, key=len, reverse=True):
            swap(re.escape(address))
        for name in sorted(self.names, key=len, reverse=True):
            swap(r"(?<!\w)" + re.escape(name) + r"(?!\w)")
        parts = {
            p for n in self.names for p in n.split()
            if len(p) >= 3 and p[:1].isupper() and p not in spare
            and p.lower() not in _NAME_PREFIXES
        }
        for part in sorted(parts, key=len, reverse=True):
            swap(r"(?<!\w)" + re.escape(part) + r"(?!\w)", 0)  # as a name: capitalised

        def phone(match: re.Match[str]) -> str:
            nonlocal count
            if normalize_phone(match.group(0)) in self.phones:
                count += 1
                return REDACTED
            return match.group(0)

        text = _PHONE.sub(phone, text)

        def number(match: re.Match[str]) -> str:
            nonlocal count
            if "".join(g for g in match.groups() if g) in self.numbers:
                count += 1
                return REDACTED
            return match.group(0)

        text = _NINE.sub(number, text)
        return text, count


def _identity(op: Op, contact_ids: set[int]) -> Identity:
    from inbox.privacy.erasure import PLACEHOLDER_NAME

    privacy = op.store.privacy
    found = Identity()
    for name in privacy.contact_names(sorted(contact_ids)).values():
        if name != PLACEHOLDER_NAME:
            found.add_name(name)
    for row in privacy.addresses(sorted(contact_ids)):
        found.add_address(str(row["kind"]), str(row["value"]))
    return found


def _addresses_in(recipients: str) -> set[str]:
    found = {m.group(0).lower() for m in _EMAIL.finditer(recipients or "")}
    for part in re.split(r"[,;]", recipients or ""):
        phone = normalize_phone(part.strip()) if part.strip() else None
        if phone:
            found.add(phone)
        elif part.strip():
            found.add(part.strip().lower())
    return found


# -- inzage: what is included -----------------------------------------------------------------


@dataclass(frozen=True)
class Missing:
    """A file that belongs in the inzage but could not be included."""

    bericht: int
    zaak: str | None
    bestand: str  # 'origineel' or the attachment's name
    reden: str


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
    left_out: int  # messages and notes of other residents, not included
    redactions: int  # identifiers of others redacted in what is included
    missing: tuple[Missing, ...] = ()

    @property
    def complete(self) -> bool:
        return not self.missing


def collect(op: Op, contact_id: int) -> dict[str, Any]:
    """Everything about the resident `contact_id` (and contacts merged with them), scoped to
    them, as data. Runs inside an act of the caller (the export)."""
    privacy = op.store.privacy
    root = privacy.root(contact_id)
    ids = privacy.members(root)
    mine = set(ids)
    me = _identity(op, mine)
    cases = privacy.cases_of(ids)
    case_ids = [int(c["id"]) for c in cases]
    rows = privacy.messages_of(ids, case_ids)

    # the other residents of these cases: senders and owners
    others: set[int] = set()
    for c in cases:
        if c["contact_id"] is not None and int(c["contact_id"]) not in mine:
            others |= set(privacy.members(int(c["contact_id"])))
    for r in rows:
        if r["contact_id"] is not None and int(r["contact_id"]) not in mine:
            others |= set(privacy.members(int(r["contact_id"])))
    others -= mine
    them = _identity(op, others)
    written = Identity()  # what the resident wrote: never redacted as someone else's
    written.emails, written.phones = set(me.emails), set(me.phones)
    written.handles, written.names = set(me.handles), set(me.names)
    for r in rows:
        if r["contact_id"] is None:
            continue
        text = f"{r['subject']}\n{r['body_text']}"
        if int(r["contact_id"]) in others:
            them.harvest(text)
        elif int(r["contact_id"]) in mine:
            written.harvest(text)
    them.without(written)
    spare = frozenset(p for n in me.names for p in n.split())
    shared = {
        int(r["case_id"])
        for r in rows
        if r["case_id"] is not None and r["contact_id"] is not None
        and int(r["contact_id"]) in others
    } | {int(c["id"]) for c in cases if c["contact_id"] is not None
         and int(c["contact_id"]) in others}
    owned = {int(c["id"]) for c in cases if c["contact_id"] is not None
             and int(c["contact_id"]) in mine}
    my_addresses = me.emails | me.phones | me.handles
    their_addresses = (them.emails | them.phones | them.handles) - my_addresses

    redactions = 0

    def clean(text: str | None) -> str | None:
        nonlocal redactions
        if not text or not others:
            return text
        cleaned, n = them.redact(text, spare)
        redactions += n
        return cleaned

    left_out: dict[str, dict[str, Any]] = {}

    def leave_out(reference: str | None, kind: str) -> None:
        entry = left_out.setdefault(
            reference or "-", {"zaak": reference, "berichten": 0, "notities": 0,
                               "grond": GROUND_OTHERS}
        )
        entry[kind] += 1

    def included(r: Any) -> bool:
        if r["contact_id"] is not None:
            return int(r["contact_id"]) in mine
        case_id = None if r["case_id"] is None else int(r["case_id"])
        if r["direction"] == Direction.OUTBOUND.value:
            to = _addresses_in(str(r["recipients"] or ""))
            if to & my_addresses:
                return True
            if to & their_addresses:
                return False
        return case_id is not None and case_id not in shared

    messages = []
    kept_ids = []
    for r in rows:
        if not included(r):
            leave_out(r["reference"], "berichten")
            continue
        own = r["contact_id"] is not None
        kept_ids.append(int(r["id"]))
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
                "onderwerp": r["subject"] if own else clean(r["subject"]),
                "tekst": r["body_text"] if own else clean(r["body_text"]),
                "html": r["body_html"] if own else None,
                "telefoonnummer": r["phone_number"],
                "gegeven_antwoord": r["answer_given"] if own else clean(r["answer_given"]),
                "origineel_sha256": r["raw_sha256"],
                "bijlagen": [],
            }
        )
    by_id = {m["id"]: m for m in messages}
    for a in privacy.attachments_of(kept_ids):
        by_id[a["message_id"]]["bijlagen"].append(
            {
                "bestandsnaam": a["filename"],
                "soort": a["content_type"],
                "grootte": a["size"],
                "sha256": a["sha256"],
            }
        )
    notes = []
    for n in privacy.notes_of(case_ids):
        about_me = int(n["case_id"]) in owned or me.mentioned_in(str(n["text"]))
        if not about_me:
            leave_out(n["reference"], "notities")
            continue
        notes.append(
            {"zaak": n["reference"], "gemaakt": n["created_at"], "tekst": clean(n["text"])}
        )
    case_list = [
        {
            "zaak": c["reference"],
            "onderwerp": clean(c["subject"]),
            "status": c["status"],
            "kanaal": c["channel"],
            "geopend": c["opened_at"],
            "afgesloten": c["closed_at"],
            "uitkomst": clean(c["outcome"]),
            "bewaren_tot": c["destroy_date"],
            "waardering": c["waardering"],
            "gedeeld": int(c["id"]) in shared,
        }
        for c in cases
    ]
    addresses = [
        {"soort": r["kind"], "adres": r["value"], "sinds": r["created_at"]}
        for r in privacy.addresses(ids)
    ]
    audit_rows = [
        {
            "at": r["at"],
            "actor": r["actor"],
            "action": r["action"],
            "actie": describe(str(r["action"])),
            "object": r["object"],
            "result": r["result"],
        }
        for r in reversed(op.store.audit.entries(ids))
    ]
    today = _today(op.session)
    reqs = [
        asdict(_request(today, r))
        for r in privacy.requests_of(ids, sorted(me.emails | me.phones | me.handles))
    ]
    merges = [
        {
            "samengevoegd": r["merged_at"],
            "door": r["merged_by"],
            "reden": clean(r["reason"]),
            "ongedaan": r["undone_at"],
        }
        for r in privacy.merges(ids)
    ]
    spans = processing_log.spans_about(op, ids)
    names = privacy.contact_names([root])
    return {
        "inwoner": {
            "id": root,
            "naam": names.get(root, ""),
            "samengevoegd": [i for i in ids if i != root],
        },
        "adressen": addresses,
        "zaken": case_list,
        "berichten": messages,
        "notities": notes,
        "samenvoegingen": merges,
        "auditregels": audit_rows,
        "verwerkingen": [{**s, "handeling": OPERATIONS.get(s["operation"], s["operation"])}
                         for s in spans],
        "verzoeken": reqs,
        "waar_bewaard": _inventory(op, root, len(spans)),
        "niet_opgenomen": list(left_out.values()),
        "weggelakt": redactions,
    }


def _inventory(op: Op, contact_id: int, spans: int) -> list[dict[str, Any]]:
    """Where Loket keeps data about the resident: the personal-data map, with counts."""
    scope = op.store.erasure.scope(contact_id)
    out = []
    for table, label, count in op.store.erasure.inventory(scope):
        out.append({"plaats": label, "tabel": table, "aantal": spans if count is None else count})
    return out


# -- inzage: the export -----------------------------------------------------------------------


def _safe(name: str) -> str:
    cleaned = re.sub(r"[^\w.-]+", "_", name).strip("._")
    return cleaned[:80] or "bestand"


def _original_ext(channel: str) -> str:
    from inbox.channels.registry import spec

    return ".eml" if spec(channel).rfc822 else ".bin"


def _blob(op: Op, digest: str) -> tuple[bytes | None, str]:
    """The file's bytes, or None and why it cannot be included."""
    try:
        return op.store.blobs.get(digest), ""
    except BlobMissingError:
        return None, "het bestand ontbreekt in de opslag van Loket"
    except CorruptDatabaseError:
        return None, "het bestand is beschadigd of kan niet worden ontsleuteld"
    except OSError as exc:
        return None, f"het bestand kan niet worden gelezen ({exc.strerror or 'leesfout'})"


def _write(op: Op, data: dict[str, Any], folder: Path) -> tuple[int, int, list[Missing]]:
    originals = attachments = 0
    missing: list[Missing] = []
    (folder / "berichten").mkdir()
    for m in data["berichten"]:
        stem = f"{str(m['verzonden'])[:10]}-{m['id']}"
        (folder / "berichten" / f"{stem}.txt").write_text(_message_text(m), encoding="utf-8")
        m["bestand"] = f"berichten/{stem}.txt"
        if m["origineel_sha256"]:
            raw, why = _blob(op, str(m["origineel_sha256"]))
            if raw is None:
                missing.append(Missing(int(m["id"]), m["zaak"], "origineel", why))
            else:
                name = f"{stem}-origineel{_original_ext(m['kanaal'])}"
                (folder / "berichten" / name).write_bytes(raw)
                m["origineel"] = f"berichten/{name}"
                originals += 1
        for i, a in enumerate(m["bijlagen"], start=1):
            content, why = _blob(op, str(a["sha256"]))
            if content is None:
                missing.append(Missing(int(m["id"]), m["zaak"], str(a["bestandsnaam"]), why))
                continue
            (folder / "bijlagen").mkdir(exist_ok=True)
            name = f"{m['id']}-{i}-{_safe(a['bestandsnaam'])}"
            (folder / "bijlagen" / name).write_bytes(content)
            a["bestand"] = f"bijlagen/{name}"
            attachments += 1
    data["ontbrekend"] = [asdict(x) for x in missing]
    data["gemaakt"] = clock.iso(op.now)
    data["gemaakt_door"] = op.user
    (folder / "index.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    (folder / "samenvatting.html").write_text(summary_html(data), encoding="utf-8")
    return originals, attachments, missing


def export_subject(
    loket: Session, address: str, out: Path, request_id: int | None = None
) -> SubjectExport:
    """Write the AVG inzage folder for the resident known by `address` into `out`.

    With `request_id`, the request is marked handled, unless files are missing: then the
    export is written, says what is missing, and the request stays open."""
    with loket.op(acts.AVG_EXPORT) as op:
        contact_id = find_resident(op, address)
        op.about(contact_id)
        op.obj = f"inwoner:{contact_id}"
        data = collect(op, contact_id)
        with export_folder(Path(out)) as work:
            originals, attachments, missing = _write(op, data, work)
        left_out = sum(e["berichten"] + e["notities"] for e in data["niet_opgenomen"])
        op.details = {
            "berichten": len(data["berichten"]),
            "weggelaten": left_out,
            "ontbrekend": len(missing),
        }
    if request_id is not None and not missing:
        close_request(loket, request_id, "afgehandeld", "Inzage verstrekt.")
    return SubjectExport(
        folder=Path(out),
        contact_id=contact_id,
        cases=len(data["zaken"]),
        messages=len(data["berichten"]),
        originals=originals,
        attachments=attachments,
        notes=len(data["notities"]),
        audit_entries=len(data["auditregels"]),
        left_out=left_out,
        redactions=int(data["weggelakt"]),
        missing=tuple(missing),
    )


def _message_text(m: dict[str, Any]) -> str:
    head = [
        f"Zaak: {m['zaak'] or '-'}",
        f"Kanaal: {m['kanaal']} ({m['richting']})",
        f"Datum: {clock.shown_time(m['verzonden'])}",
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
    left_out = data["niet_opgenomen"]
    missing = data.get("ontbrekend", [])
    parts = [
        "<!DOCTYPE html>",
        '<html lang="nl"><head><meta charset="utf-8"><title>Inzage persoonsgegevens</title>',
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}"
        "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.2em .4em;"
        "text-align:left;vertical-align:top}pre{white-space:pre-wrap}"
        ".let{border-left:4px solid #b00020;padding-left:.6em}</style></head><body>",
        "<h1>Inzage in uw persoonsgegevens</h1>",
        "<p>Dit overzicht bevat de gegevens die de gemeente in Loket, het systeem van het "
        "klantcontactcentrum, over u bewaart (artikel 15 van de Algemene verordening "
        f"gegevensbescherming). Gemaakt op {e(str(data['gemaakt'])[:10])}.</p>",
    ]
    if missing:
        parts += [
            '<div class="let"><h2>Niet alles kon worden bijgevoegd</h2>',
            "<p>Deze bestanden horen bij uw gegevens, maar konden niet worden bijgevoegd. "
            "De tekst van de berichten staat wel in dit overzicht.</p>",
            table(
                ["Bericht", "Zaak", "Bestand", "Reden"],
                [[x["bericht"], x["zaak"], x["bestand"], x["reden"]] for x in missing],
            ),
            "</div>",
        ]
    if left_out or data.get("weggelakt"):
        n_messages = sum(x["berichten"] for x in left_out)
        n_notes = sum(x["notities"] for x in left_out)
        parts += [
            "<h2>Gegevens van anderen</h2>",
            "<p>In een of meer van uw zaken staan ook berichten of notities over andere "
            f"inwoners. Die zijn niet opgenomen ({n_messages} berichten, {n_notes} notities), "
            f"en in de rest zijn namen, adressen en nummers van anderen vervangen door "
            f"{e(REDACTED)} ({int(data.get('weggelakt') or 0)} keer). Grond: "
            f"{e(GROUND_OTHERS)}.</p>",
            table(
                ["Zaak", "Berichten niet opgenomen", "Notities niet opgenomen"],
                [[x["zaak"], x["berichten"], x["notities"]] for x in left_out],
            ),
        ]
    parts += [
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
    ]
    if data["samenvoegingen"]:
        parts += [
            "<h2>Samenvoegingen</h2><p>Wij kenden u onder meer dan één adres en hebben die "
            "gegevens samengevoegd.</p>",
            table(
                ["Datum", "Door", "Reden", "Ongedaan gemaakt"],
                [[x["samengevoegd"], x["door"], x["reden"], x["ongedaan"]]
                 for x in data["samenvoegingen"]],
            ),
        ]
    parts += [
        f"<h2>Wie heeft uw gegevens bekeken of gewijzigd ({len(data['auditregels'])})</h2>",
        table(
            ["Tijdstip", "Medewerker", "Handeling", "Object", "Resultaat"],
            [
                [a["at"], a["actor"], a["actie"], a["object"], a["result"]]
                for a in data["auditregels"]
            ],
        ),
        f"<h2>Verwerkingen ({len(data['verwerkingen'])})</h2>",
        table(
            ["Tijdstip", "Verwerking", "Handeling"],
            [
                [v["start_time"], v["processing_activity_name"], v["handeling"]]
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
        "<h2>Waar Loket gegevens over u en uw zaken bewaart</h2>",
        table(
            ["Plaats", "Aantal"],
            [[w["plaats"], w["aantal"]] for w in data["waar_bewaard"]],
        ),
        '<p>Alle gegevens staan ook in <a href="index.json">index.json</a>; de berichten zoals '
        "ze zijn ontvangen staan in de map <em>berichten</em>, bijlagen in <em>bijlagen</em>.</p>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"
