"""Shared kit for the records tests (no tests here): a demo database made ready for archiving."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from inbox import demo
from inbox.archive import retention
from inbox.channels.imports.eml import import_bytes
from inbox.model import Role, Status
from inbox.services import CaseQuery, Loket

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
    """A demo database with every case closed, an organisation, an archivaris, a teamleider
    and one imported e-mail with a PDF attachment; the clock at NOW."""
    loket = Loket.open(path)
    demo.build(loket, cases=cases, seed=1)
    loket.user = "systeem"
    loket.now = lambda: NOW
    raw = mail_with_attachment("Bezwaarschrift", "Zie de bijlage.", PDF, "bezwaar.pdf")
    import_bytes(loket, raw)
    for summary in loket.case_summaries(loket.case_ids(CaseQuery())):
        if summary.status is not Status.AFGEROND:
            loket.close_case(summary.reference, "Afgehandeld voor de test", False)
    retention.set_organisation(loket, "Gemeente Voorbeeld", "GM0999")
    loket.ensure_user("arjen", "Arjen Smit", Role.ARCHIVARIS)
    loket.ensure_user("tineke", "Tineke Leeuw", Role.TEAMLEIDER)
    loket.ensure_user("anne", "Anne de Vries", Role.MEDEWERKER)
    loket.ensure_user("bea", "Bea Kok", Role.BEHEERDER)
    return loket
