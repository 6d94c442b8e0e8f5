"""Shared kit for the AVG / Woo tests (no tests here): one resident with personal data."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from inbox.channels.imports.eml import import_bytes
from inbox.model import Channel, IncomingMessage, Role
from inbox.services import Loket

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
ADDRESS = "m.kwakernaat@example.nl"
NAME = "Marloes Kwakernaat"
BSN = "111222333"  # passes the 11-proef
IBAN = "NL91ABNA0417164300"
PHONE = "06-87654321"
OTHER_EMAIL = "buurman.pieterse@example.org"
PHRASE = "Lavendelstruikgewas"  # in no other text
BODY = (
    f"Beste gemeente,\n\nIk wil bezwaar maken over de {PHRASE} bij de stoep. Mijn BSN is "
    f"{BSN}, mijn rekening {IBAN}. Bel mij op {PHONE} of mail mijn buurman op {OTHER_EMAIL}.\n\n"
    f"Met vriendelijke groet,\n{NAME}\n"
)


def raw_mail(subject: str = "Bezwaar stoep", body: str = BODY, when: datetime = NOW) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"{NAME} <{ADDRESS}>"
    msg["To"] = "info@gemeente-voorbeeld.nl"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = f"<{abs(hash(subject + body))}@example.nl>"
    msg.set_content(body)
    msg.add_attachment(
        f"Foto-uitleg {PHRASE}".encode(), maintype="text", subtype="plain", filename="uitleg.txt"
    )
    return bytes(msg)


def build(path: Path) -> tuple[Loket, str]:
    """A database with staff, the resident's case (imported e-mail with an attachment and a
    note) and one other resident; returns the Loket (as 'systeem', clock at NOW) and the ref."""
    loket = Loket.open(path)
    loket.now = lambda: NOW
    loket.ensure_user("arjen", "Arjen Smit", Role.ARCHIVARIS)
    loket.ensure_user("anne", "Anne de Vries", Role.MEDEWERKER)
    loket.ensure_user("bea", "Bea Kok", Role.BEHEERDER)
    got = import_bytes(loket, raw_mail())
    assert got.reference
    loket.add_note(got.reference, f"Notitie: {NAME} belt terug over {PHRASE}.")
    loket.receive(
        IncomingMessage(
            Channel.EMAIL,
            NOW,
            sender="ander@example.nl",
            sender_name="Gerrit Ander",
            subject="Andere vraag",
            body_text="Wanneer gaat de milieustraat open?",
        )
    )
    return loket, got.reference
