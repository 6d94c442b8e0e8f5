"""Import of single e-mails (.eml): the original bytes are stored before they are parsed."""

from __future__ import annotations

from inbox.channels.mailparse import parse_email
from inbox.model import Direction
from inbox.services import Loket, Received


def import_bytes(loket: Loket, raw: bytes, direction: Direction = Direction.INBOUND) -> Received:
    """Store `raw` durably, then parse and file it; identical bytes are a duplicate."""
    return file_message(loket, raw, direction)[0]


def file_message(
    loket: Loket, raw: bytes, direction: Direction = Direction.INBOUND
) -> tuple[Received, bool]:
    """What `import_bytes` does, and whether the message could not be parsed (it is then kept
    as its original, flagged)."""
    digest = loket.store_original(raw)
    if loket.is_duplicate(digest):
        return Received(None, None, None, True, False), False
    message = parse_email(raw, digest, direction=direction, received_at=loket.now())
    return loket.receive(message), message.parse_error is not None
