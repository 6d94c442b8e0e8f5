"""Shared kit for the records tests (no tests here): a demo database made ready for archiving."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from inbox import demo
from inbox.archive import retention
from inbox.channels.imports.eml import import_bytes
from inbox.model import Status
from inbox.services import CaseQuery, Loket
from tests.conftest import act_as, add_staff

XSD = Path(__file__).resolve().parents[1] / "data" / "mdto" / "MDTO-XML1.0.2.xsd"
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
PDF = (
    b"%PDF-1.7\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def mail_with_attachment(
    subject: str, body: str, attachment: bytes, filename: str, when: datetime = NOW
) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Wilma Zwart <w.zwart@example.nl>"
    msg["To"] = "info@gemeente-voorbeeld.nl"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = f"<{abs(hash(subject))}@example.nl>"
    msg.set_content(body)
    maintype, subtype = ("application", "pdf") if filename.endswith(".pdf") else ("text", "plain")
    msg.add_attachment(attachment, maintype=maintype, subtype=subtype, filename=filename)
    return bytes(msg)


def ready(path: Path, cases: int = 40) -> Loket:
    """A demo database with every case closed, an organisation, the test staff (one person
    per role, see tests.conftest.STAFF) and one imported e-mail with a PDF attachment; the
    clock at NOW, signed in as arjen (archivaris)."""
    loket = Loket.open(path)
    demo.build(loket, cases=cases, seed=1)
    add_staff(loket)
    loket.now = lambda: NOW
    act_as(loket, "anne")  # a medewerker files the mail and closes the cases
    raw = mail_with_attachment("Bezwaarschrift", "Zie de bijlage.", PDF, "bezwaar.pdf")
    import_bytes(loket, raw)
    for summary in loket.case_summaries(loket.case_ids(CaseQuery())):
        if summary.status is not Status.AFGEROND:
            loket.close_case(summary.reference, "Afgehandeld voor de test", False)
    act_as(loket, "arjen")
    retention.set_organisation(loket, "Gemeente Voorbeeld", "GM0999")
    return loket
