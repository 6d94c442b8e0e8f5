"""Woo disclosure of cases: a redacted document per case plus the list of redactions and grounds.

A case becomes a document of sections (the subject, each message, each note, and the text of
each attachment that has one: plain text, HTML, the text layer of a PDF). Attachments without
text that can be checked (photos, scans, other formats) are listed as withheld with their
ground, never silently left out. Personal data is detected (inbox.privacy.redaction) with the
names Loket knows of the case's residents and of staff; the reviewer's decisions (add a text,
undo a detected one) apply on top. The export writes per case REF.html, REF.txt and
REF-redacties.csv/json: the redaction list names position, kind and ground but never the
redacted text. A last pass over everything written replaces any redacted text that might still
be there, and the written bytes are checked to hold none before the export is put in place.

Every function runs as an act of the gate (inbox/acts.py: woo.review, woo.decide, woo.export;
permission export_personal, the archivaris).
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inbox import acts, clock
from inbox.errors import InvalidInput
from inbox.exports import ExportError, export_folder
from inbox.privacy import redaction
from inbox.privacy.redaction import GROUNDS, KIND_LABELS, Redaction

if TYPE_CHECKING:
    from inbox.gate import Op, Session

MAX_ATTACHMENT = 20 * 1024 * 1024  # larger files are withheld: too big to check by eye too
WITHHELD_KIND = "bijlage"


@dataclass(frozen=True)
class Section:
    key: str  # "onderwerp", "bericht-12", "notitie-3", "bijlage-7"
    title: str  # without personal data: kind, direction, date
    text: str
    redactions: tuple[Redaction, ...]

    def redacted(self) -> str:
        return redaction.apply(self.text, self.redactions)

    def redacted_html(self, mark: Callable[[Redaction], str]) -> str:
        """The text as HTML (escaped), each redaction replaced by `mark(redaction)`: the
        export's black bar, the reviewer's highlight."""
        body, pos = [], 0
        for r in self.redactions:
            body += [html.escape(self.text[pos : r.start]), mark(r)]
            pos = r.end
        body.append(html.escape(self.text[pos:]))
        return "".join(body)


@dataclass(frozen=True)
class Withheld:
    """An attachment that is not disclosed, and why."""

    key: str  # "bijlage-7"
    name: str  # the file name, redacted
    content_type: str
    size: int
    ground: str
    reason: str  # Dutch, for the reader of the export


@dataclass(frozen=True)
class Document:
    case_id: int
    reference: str
    sections: tuple[Section, ...]
    withheld: tuple[Withheld, ...]
    undone: tuple[str, ...]

    @property
    def redactions(self) -> list[tuple[Section, Redaction]]:
        return [(s, r) for s in self.sections for r in s.redactions]

    def secrets(self) -> set[str]:
        return {r.text for _s, r in self.redactions}


# -- reading a case -------------------------------------------------------------------------


def document(loket: Session, reference: str) -> Document:
    """The case as sections with the redactions that apply now (the reviewer's screen)."""
    with loket.op(acts.WOO_REVIEW, case=reference) as op:
        return _document(op)


def _names(op: Op) -> list[str]:
    """Names of the case's residents (every contact on it, merged ones too, and a contact whose
    name is an address), their addresses, the senders as they signed, and staff."""
    woo = op.store.woo
    contacts = woo.contact_ids(op.case_id)
    names = woo.contact_names(contacts) + woo.sender_names(op.case_id) + woo.staff_names()
    names += [value for _kind, value in woo.contact_addresses(contacts)]
    return redaction.name_terms(names)


def _document(op: Op) -> Document:
    woo = op.store.woo
    case_id = op.case_id
    added: list[tuple[str, str]] = []
    undone: list[str] = []
    for r in woo.decisions(case_id):
        if r["action"] == "add":
            added.append((str(r["text"]), str(r["ground"])))
        else:
            undone.append(str(r["text"]))
    raw = [("onderwerp", "Onderwerp", str(op.case["subject"]))]
    dates: dict[int, str] = {}
    for m in woo.messages(case_id):
        who = "Inwoner" if m["direction"] == "in" else "Gemeente"
        dates[int(m["id"])] = clock.shown_date(str(m["sent_at"]))
        title = f"Bericht van {who} ({m['channel']}), {dates[int(m['id'])]}"
        text = str(m["subject"] or "") + "\n\n" + str(m["body_text"] or "")
        raw.append((f"bericht-{m['id']}", title, text.strip()))
    for n in woo.notes(case_id):
        day = clock.shown_date(str(n["created_at"]))
        raw.append((f"notitie-{n['id']}", f"Interne notitie, {day}", str(n["text"])))
    unreadable: list[tuple[str, str, Any]] = []  # (key, reason, attachment row)
    for a in woo.attachments(case_id):
        key = f"bijlage-{a['id']}"
        filename = str(a["filename"] or "(zonder naam)")
        content, reason = _attachment_text(op, a)
        if content is None:
            unreadable.append((key, reason, a))
            continue
        title = f"Bijlage bij het bericht van {dates.get(int(a['message_id']), '')}"
        raw.append((key, title, f"Bestand: {filename}\n\n{content}"))

    names = _names(op)
    keep = woo.own_addresses(case_id)
    words = redaction.words_of(text for _k, _t, text in raw)

    def found(text: str) -> tuple[Redaction, ...]:
        return tuple(redaction.detect(text, names, added, undone, keep=keep, words=words))

    sections = tuple(Section(key, title, text, found(text)) for key, title, text in raw)
    withheld = []
    for key, reason, a in unreadable:
        filename = str(a["filename"] or "(zonder naam)")
        shown = redaction.apply(filename, found(filename))
        withheld.append(Withheld(key, shown, str(a["content_type"]), int(a["size"]),
                                 redaction.GROUND_PRIVACY, reason))
    return Document(case_id, str(op.case["reference"]), sections, tuple(withheld),
                    tuple(undone))


def _attachment_text(op: Op, row: Any) -> tuple[str | None, str]:
    """The checkable text of an attachment, or None and why it is withheld."""
    content_type = str(row["content_type"] or "").lower()
    name = str(row["filename"] or "").lower()
    if int(row["size"] or 0) > MAX_ATTACHMENT:
        return None, "Te groot om op persoonsgegevens te controleren; niet openbaar gemaakt."
    is_pdf = content_type == "application/pdf" or name.endswith(".pdf")
    is_text = content_type.startswith("text/") or name.endswith((".txt", ".csv", ".htm", ".html"))
    if not (is_pdf or is_text):
        return None, (
            f"Bestandstype {content_type or 'onbekend'} kan niet op persoonsgegevens worden "
            "gecontroleerd (bijvoorbeeld een foto of scan); niet openbaar gemaakt."
        )
    try:
        data = op.store.blobs.get(str(row["sha256"]))
    except Exception:  # noqa: BLE001 - a missing or unreadable file is withheld, not lost
        return None, "Het bestand is niet (meer) beschikbaar; niet openbaar gemaakt."
    if is_pdf:
        return _pdf_text(data)
    decoded = _decode(data)
    if content_type == "text/html" or name.endswith((".htm", ".html")):
        from inbox.channels.mailparse import html_to_text

        decoded = html_to_text(decoded)
    return decoded, ""


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _pdf_text(data: bytes) -> tuple[str | None, str]:
    """The text layer of a PDF (pypdf); scans and unreadable files are withheld."""
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # a damaged file is our message, not a log
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            return None, "De PDF is beveiligd met een wachtwoord; niet openbaar gemaakt."
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception:  # noqa: BLE001 - pypdf raises many kinds on a damaged file
        return None, "De PDF is onleesbaar; niet openbaar gemaakt."
    if not "".join(pages).strip():
        return None, "De PDF heeft geen tekstlaag (een scan); niet openbaar gemaakt."
    body = "\n\n".join(f"[pagina {i}]\n{text.strip()}" for i, text in enumerate(pages, 1))
    note = "(Alleen de tekst van de PDF is opgenomen; afbeeldingen erin zijn niet openbaar.)"
    return f"{note}\n\n{body}", ""


# -- the reviewer's decisions ---------------------------------------------------------------


def add(loket: Session, reference: str, text: str,
        ground: str = redaction.GROUND_PRIVACY) -> None:
    """The reviewer redacts `text` wherever it occurs in the case."""
    _decide(loket, reference, "add", text, ground)


def undo(loket: Session, reference: str, text: str) -> None:
    """The reviewer leaves `text` readable (a detected redaction that is not needed)."""
    _decide(loket, reference, "undo", text, "")


def reset(loket: Session, reference: str, text: str) -> None:
    """Forget the reviewer's decision about `text`."""
    with loket.op(acts.WOO_DECIDE, case=reference) as op:
        op.store.woo.forget(op.case_id, text.strip())
        op.details = {"beslissing": "herzien"}


def _decide(loket: Session, reference: str, action: str, text: str, ground: str) -> None:
    text = text.strip()
    with loket.op(acts.WOO_DECIDE, case=reference) as op:
        if len(text) < 2:
            raise InvalidInput("Kies een tekst van minstens twee tekens.")
        if action == "add" and ground not in GROUNDS:
            raise InvalidInput(
                f"Onbekende weigeringsgrond '{ground}'. Kies uit: {', '.join(GROUNDS)}."
            )
        op.store.woo.decide(op.case_id, action, text, ground, op.user, op.stamp())
        # which decision, never the text itself
        op.details = {"beslissing": "lakken toegevoegd" if action == "add" else "lakken ongedaan"}


# -- rendering and export ---------------------------------------------------------------------


def _withheld_line(w: Withheld) -> str:
    return f"Bijlage {w.name} ({w.content_type}, {w.size} bytes): [{w.ground}] {w.reason}"


def to_text(doc: Document) -> str:
    lines = [f"Zaak {doc.reference} - openbaar te maken versie (Woo)", ""]
    for s in doc.sections:
        lines += [f"== {s.title} ==", s.redacted(), ""]
    if doc.withheld:
        lines += ["== Niet openbaar gemaakte bijlagen =="]
        lines += [_withheld_line(w) for w in doc.withheld] + [""]
    lines += ["Gelakt op grond van:"] + [f"  [{k}] {v}" for k, v in GROUNDS.items()]
    return "\n".join(lines) + "\n"


def to_html(doc: Document) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="nl"><head><meta charset="utf-8">',
        f"<title>Zaak {html.escape(doc.reference)} (Woo)</title>",
        "<style>body{font-family:sans-serif;max-width:50em;margin:2em auto}"
        ".lak{background:#000;color:#fff;padding:0 .3em}pre{white-space:pre-wrap}</style>",
        "</head><body>",
        f"<h1>Zaak {html.escape(doc.reference)}</h1>",
        "<p>Openbaar te maken versie op grond van de Wet open overheid.</p>",
    ]
    for s in doc.sections:
        body = s.redacted_html(
            lambda r: f'<span class="lak" title="{html.escape(GROUNDS[r.ground])}">'
            f"{html.escape(redaction.marker(r))}</span>"
        )
        parts += [f"<h2>{html.escape(s.title)}</h2>", f"<pre>{body}</pre>"]
    if doc.withheld:
        parts.append("<h2>Niet openbaar gemaakte bijlagen</h2><ul>")
        parts += [f"<li>{html.escape(_withheld_line(w))}</li>" for w in doc.withheld]
        parts.append("</ul>")
    parts.append("<h2>Gronden</h2><ul>")
    parts += [f"<li>[{html.escape(k)}] {html.escape(v)}</li>" for k, v in GROUNDS.items()]
    parts.append("</ul></body></html>")
    return "\n".join(parts) + "\n"


FIELDS = ["nummer", "onderdeel", "begin", "einde", "soort", "grond", "toelichting"]


def redaction_list(doc: Document) -> list[dict[str, Any]]:
    """Where, what kind and on what ground: never the redacted text itself. Withheld
    attachments are listed too, with their reason."""
    rows: list[dict[str, Any]] = [
        {
            "nummer": i,
            "onderdeel": s.key,
            "begin": r.start,
            "einde": r.end,
            "soort": KIND_LABELS.get(r.kind, r.kind),
            "grond": r.ground,
            "toelichting": GROUNDS[r.ground],
        }
        for i, (s, r) in enumerate(doc.redactions, start=1)
    ]
    rows += [
        {
            "nummer": len(rows) + i,
            "onderdeel": w.key,
            "begin": None,
            "einde": None,
            "soort": "bijlage niet openbaar",
            "grond": w.ground,
            "toelichting": w.reason,
        }
        for i, w in enumerate(doc.withheld, start=1)
    ]
    return rows


def _csv(rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=FIELDS, delimiter=";")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


@dataclass(frozen=True)
class WooExport:
    folder: Path
    cases: tuple[str, ...]
    redactions: int
    withheld: int
    files: tuple[Path, ...]


def export(loket: Session, references: list[str], out: Path) -> WooExport:
    """Write the redacted documents of `references` to the new folder `out` (atomically,
    private); each case's export is an audited act with a processing-log entry."""
    if not references:
        raise InvalidInput("Geef minstens één zaak (--case REF).")
    loket.check(acts.WOO_EXPORT, "woo-export")
    redaction.load()  # before the write transaction: loading takes seconds
    references = list(dict.fromkeys(r.strip().upper() for r in references))
    out = Path(out)
    with ExitStack() as acting:
        ops = [acting.enter_context(loket.op(acts.WOO_EXPORT, case=ref)) for ref in references]
        docs = [_document(op) for op in ops]
        secrets: set[str] = set().union(*(d.secrets() for d in docs))
        contents: dict[str, str] = {}
        index: list[dict[str, Any]] = []
        total = withheld = 0
        for op, d in zip(ops, docs, strict=True):
            rows = redaction_list(d)
            total += len(d.redactions)
            withheld += len(d.withheld)
            contents[f"{d.reference}.txt"] = to_text(d)
            contents[f"{d.reference}.html"] = to_html(d)
            contents[f"{d.reference}-redacties.csv"] = _csv(rows)
            contents[f"{d.reference}-redacties.json"] = json.dumps(
                rows, ensure_ascii=False, indent=2
            )
            index.append({"zaak": d.reference, "redacties": len(d.redactions),
                          "bijlagen_niet_openbaar": len(d.withheld)})
            op.details = {"redacties": len(d.redactions), "bijlagen_niet_openbaar": len(d.withheld)}
        contents["index.json"] = json.dumps(
            {"gemaakt": clock.iso(loket.now()), "zaken": index, "gronden": GROUNDS},
            ensure_ascii=False,
            indent=2,
        )
        with export_folder(out) as work:
            for name, text in contents.items():
                (work / name).write_text(redaction.scrub_remaining(text, secrets),
                                         encoding="utf-8")
            check_clean(work, secrets)
    files = tuple(out / name for name in contents)
    return WooExport(out, tuple(d.reference for d in docs), total, withheld, files)


def check_clean(folder: Path, secrets: set[str]) -> None:
    """Read back every written byte: none may hold a redacted text (in any case, spacing or
    HTML escaping). Raises ExportError, so nothing is put in place."""
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        text = path.read_bytes().decode("utf-8")
        if redaction.leftovers(text, secrets) or redaction.leftovers(html.unescape(text), secrets):
            raise ExportError(
                f"De Woo-export bevat nog gelakte tekst ({path.name}); er is niets geschreven."
            )
