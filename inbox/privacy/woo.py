"""Woo disclosure of cases: a redacted document per case plus the list of redactions and grounds.

A case becomes a document of sections (the subject, each message, each note). Personal data is
detected (inbox.privacy.redaction) with the names of the case's residents and of staff; the
reviewer's decisions (woo_decisions: 'add' a text, 'undo' a detected one) apply on top. The
export writes per case REF.html, REF.txt and REF-redacties.csv/json; the redaction list names
position, kind and ground but never the redacted text, and a last pass over everything written
replaces any redacted text that might still be there. Only an archivaris (EXPORT_PERSONAL).
"""

from __future__ import annotations

import csv
import html
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inbox import clock
from inbox.errors import InvalidInput, NotFound
from inbox.privacy import processing_log, redaction
from inbox.privacy.redaction import GROUNDS, KIND_LABELS, Redaction
from inbox.privacy.roles import Permission

if TYPE_CHECKING:
    from inbox.services import Loket


@dataclass(frozen=True)
class Section:
    key: str  # "onderwerp", "bericht-12", "notitie-3"
    title: str  # without personal data: kind, direction, date
    text: str
    redactions: tuple[Redaction, ...]

    def redacted(self) -> str:
        return redaction.apply(self.text, self.redactions)


@dataclass(frozen=True)
class Document:
    case_id: int
    reference: str
    sections: tuple[Section, ...]
    undone: tuple[str, ...]

    @property
    def redactions(self) -> list[tuple[Section, Redaction]]:
        return [(s, r) for s in self.sections for r in s.redactions]

    def secrets(self) -> set[str]:
        return {r.text for _s, r in self.redactions}


def _case(loket: Loket, reference: str) -> Any:
    row = loket.db.one("SELECT * FROM cases WHERE reference = ?", (reference.strip().upper(),))
    if row is None:
        raise NotFound(f"Zaak {reference} bestaat niet.")
    return row


def _names(loket: Loket, case_id: int) -> list[str]:
    """Names of the case's residents (every contact on it, merged ones too), the senders as
    they signed, and staff."""
    from storage.contacts import ContactQueries

    db = loket.db
    contact_ids: set[int] = set()
    for (cid,) in db.query(
        "SELECT contact_id FROM cases WHERE id = ? AND contact_id IS NOT NULL UNION "
        "SELECT contact_id FROM messages WHERE case_id = ? AND contact_id IS NOT NULL",
        (case_id, case_id),
    ):
        contact_ids |= set(ContactQueries(db).members(int(cid)))
    names = [
        str(r[0])
        for cid in sorted(contact_ids)
        for r in db.query("SELECT name FROM contacts WHERE id = ?", (cid,))
    ]
    names += [
        str(r[0])
        for r in db.query(
            "SELECT DISTINCT sender_name FROM messages WHERE case_id = ? AND sender_name != ''",
            (case_id,),
        )
    ]
    names += [str(r[0]) for r in db.query("SELECT display_name FROM users")]
    return redaction.name_terms(names)


def decisions(loket: Loket, case_id: int) -> tuple[list[tuple[str, str]], list[str]]:
    added, undone = [], []
    for r in loket.db.query(
        "SELECT action, text, ground FROM woo_decisions WHERE case_id = ? ORDER BY id", (case_id,)
    ):
        if r["action"] == "add":
            added.append((str(r["text"]), str(r["ground"])))
        else:
            undone.append(str(r["text"]))
    return added, undone


def document(loket: Loket, reference: str) -> Document:
    """The case as sections with the redactions that apply now."""
    loket.check(Permission.EXPORT_PERSONAL)
    case = _case(loket, reference)
    case_id = int(case["id"])
    names = _names(loket, case_id)
    added, undone = decisions(loket, case_id)
    raw: list[tuple[str, str, str]] = [("onderwerp", "Onderwerp", str(case["subject"]))]
    for m in loket.db.query(
        "SELECT id, direction, channel, sent_at, subject, body_text FROM messages "
        "WHERE case_id = ? ORDER BY sent_at, id",
        (case_id,),
    ):
        who = "Inwoner" if m["direction"] == "in" else "Gemeente"
        title = f"Bericht van {who} ({m['channel']}), {str(m['sent_at'])[:10]}"
        text = str(m["subject"] or "") + "\n\n" + str(m["body_text"] or "")
        raw.append((f"bericht-{m['id']}", title, text.strip()))
    for n in loket.db.query(
        "SELECT id, created_at, text FROM notes WHERE case_id = ? ORDER BY created_at, id",
        (case_id,),
    ):
        raw.append(
            (f"notitie-{n['id']}", f"Interne notitie, {str(n['created_at'])[:10]}", n["text"])
        )
    sections = tuple(
        Section(key, title, text, tuple(redaction.detect(text, names, added, undone)))
        for key, title, text in raw
    )
    return Document(case_id, str(case["reference"]), sections, tuple(undone))


def add(loket: Loket, reference: str, text: str, ground: str = redaction.GROUND_PRIVACY) -> None:
    """The reviewer redacts `text` wherever it occurs in the case."""
    _decide(loket, reference, "add", text, ground)


def undo(loket: Loket, reference: str, text: str) -> None:
    """The reviewer leaves `text` readable (a detected redaction that is not needed)."""
    _decide(loket, reference, "undo", text, "")


def reset(loket: Loket, reference: str, text: str) -> None:
    """Forget the reviewer's decision about `text`."""
    loket.check(Permission.EXPORT_PERSONAL)
    case = _case(loket, reference)
    with loket.db.transaction():
        loket.db.conn.execute(
            "DELETE FROM woo_decisions WHERE case_id = ? AND text = ?", (case["id"], text.strip())
        )
        loket.audit("woo: beoordeling herzien", f"zaak:{case['reference']}")


def _decide(loket: Loket, reference: str, action: str, text: str, ground: str) -> None:
    loket.check(Permission.EXPORT_PERSONAL)
    text = text.strip()
    if len(text) < 2:
        raise InvalidInput("Kies een tekst van minstens twee tekens.")
    if action == "add" and ground not in GROUNDS:
        raise InvalidInput(f"Onbekende weigeringsgrond '{ground}'. Kies uit: {', '.join(GROUNDS)}.")
    case = _case(loket, reference)
    with loket.db.transaction():
        loket.db.conn.execute(
            "INSERT INTO woo_decisions(case_id, action, text, ground, decided_by, decided_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(case_id, text) DO UPDATE SET "
            "action = excluded.action, ground = excluded.ground, "
            "decided_by = excluded.decided_by, decided_at = excluded.decided_at",
            (case["id"], action, text, ground, loket.user, clock.iso(loket.now())),
        )
        label = "lakken toegevoegd" if action == "add" else "lakken ongedaan"
        loket.audit(f"woo: {label}", f"zaak:{case['reference']}")


# -- rendering and export ---------------------------------------------------------------------


def to_text(doc: Document) -> str:
    lines = [f"Zaak {doc.reference} - openbaar te maken versie (Woo)", ""]
    for s in doc.sections:
        lines += [f"== {s.title} ==", s.redacted(), ""]
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
        body, pos = [], 0
        for r in s.redactions:
            body.append(html.escape(s.text[pos : r.start]))
            body.append(
                f'<span class="lak" title="{html.escape(GROUNDS[r.ground])}">'
                f"{html.escape(redaction.marker(r))}</span>"
            )
            pos = r.end
        body.append(html.escape(s.text[pos:]))
        parts += [f"<h2>{html.escape(s.title)}</h2>", f"<pre>{''.join(body)}</pre>"]
    parts.append("<h2>Gronden</h2><ul>")
    parts += [f"<li>[{html.escape(k)}] {html.escape(v)}</li>" for k, v in GROUNDS.items()]
    parts.append("</ul></body></html>")
    return "\n".join(parts) + "\n"


def redaction_list(doc: Document) -> list[dict[str, Any]]:
    """Where, what kind and on what ground: never the redacted text itself."""
    return [
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


def _csv(rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    fields = ["nummer", "onderdeel", "begin", "einde", "soort", "grond", "toelichting"]
    writer = csv.DictWriter(buf, fieldnames=fields, delimiter=";")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


@dataclass(frozen=True)
class WooExport:
    folder: Path
    cases: tuple[str, ...]
    redactions: int
    files: tuple[Path, ...]


def export(loket: Loket, references: list[str], out: Path) -> WooExport:
    loket.check(Permission.EXPORT_PERSONAL)
    if not references:
        raise InvalidInput("Geef minstens één zaak (--case REF).")
    docs = [document(loket, ref) for ref in references]
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    secrets: set[str] = set()
    for d in docs:
        secrets |= d.secrets()
    files: list[Path] = []
    total = 0
    trace = processing_log.record(loket, "woo-openbaarmaking", "export", obj="woo-export")
    index: list[dict[str, Any]] = []
    for d in docs:
        rows = redaction_list(d)
        total += len(rows)
        contents = {
            f"{d.reference}.txt": to_text(d),
            f"{d.reference}.html": to_html(d),
            f"{d.reference}-redacties.csv": _csv(rows),
            f"{d.reference}-redacties.json": json.dumps(rows, ensure_ascii=False, indent=2),
        }
        for name, text in contents.items():
            path = out / name
            path.write_text(redaction.scrub_remaining(text, secrets), encoding="utf-8")
            files.append(path)
        index.append({"zaak": d.reference, "redacties": len(rows)})
        contact = loket.db.scalar("SELECT contact_id FROM cases WHERE id = ?", (d.case_id,))
        processing_log.record(
            loket,
            "woo-openbaarmaking",
            "export",
            subject=None if contact is None else int(contact),
            obj=f"zaak:{d.reference}",
            parent=trace,
        )
        loket.audit(
            "exporteren: woo",
            f"zaak:{d.reference}",
            subject=None if contact is None else int(contact),
        )
    summary = out / "index.json"
    summary.write_text(
        json.dumps(
            {"gemaakt": clock.iso(loket.now()), "zaken": index, "gronden": GROUNDS},
            ensure_ascii=False,
            indent=2,
        ),
        encoding="utf-8",
    )
    files.append(summary)
    return WooExport(out, tuple(d.reference for d in docs), total, tuple(files))
