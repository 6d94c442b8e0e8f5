"""Team events and the messages that carry them: batches, optionally sealed with AES-256-GCM.

A batch is one RFC 5322 message: neutral headers (no case data), the JSON list of events as a
base64 body, sealed with the team key when there is one. The batch id is the associated data
of the seal, so a batch cannot be relabelled, and the tag makes any change by the provider fail.
"""

from __future__ import annotations

import base64
import json
import os
import uuid
from dataclasses import dataclass
from email import message_from_bytes
from email.message import EmailMessage
from email.utils import formatdate
from typing import Any

VERSION = 1
FORMAT = "loket-team/1"
MAX_BATCH = 500
SUBJECT = "Loket team events"
PRESENCE_SUBJECT = "Loket presence"

KINDS = ("case_opened", "field", "note", "contact", "device_joined", "presence", "kb_article")


class UnreadableBatch(Exception):
    """A batch that is not ours, damaged, or sealed with a key we do not have."""


@dataclass(frozen=True)
class Event:
    id: str
    kind: str
    case: str | None
    author: str
    author_name: str
    device: str
    device_name: str
    hlc: str
    at: str
    data: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "v": VERSION,
            "kind": self.kind,
            "case": self.case,
            "author": self.author,
            "author_name": self.author_name,
            "device": self.device,
            "device_name": self.device_name,
            "hlc": self.hlc,
            "at": self.at,
            "data": self.data,
        }

    def dumps(self) -> str:
        return json.dumps(self.to_json(), sort_keys=True, ensure_ascii=False)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Event:
        kind = str(data["kind"])
        if kind not in KINDS:
            raise ValueError(f"unknown event kind {kind!r}")
        return cls(
            id=str(data["id"]),
            kind=kind,
            case=None if data.get("case") is None else str(data["case"]),
            author=str(data.get("author", "")),
            author_name=str(data.get("author_name", "")),
            device=str(data["device"]),
            device_name=str(data.get("device_name", "")),
            hlc=str(data["hlc"]),
            at=str(data.get("at", "")),
            data=dict(data.get("data") or {}),
        )

    @classmethod
    def loads(cls, text: str) -> Event:
        return cls.from_json(json.loads(text))


def new_id() -> str:
    return str(uuid.uuid4())


# -- the team key ----------------------------------------------------------------------------


def new_key() -> str:
    """A fresh 256-bit team key, as url-safe base64 (what people paste into setup)."""
    return base64.urlsafe_b64encode(os.urandom(32)).decode("ascii")


def parse_key(text: str) -> bytes:
    try:
        key = base64.urlsafe_b64decode(text.strip().encode("ascii"))
    except (ValueError, UnicodeEncodeError) as exc:
        raise ValueError("not a team key") from exc
    if len(key) != 32:
        raise ValueError("a team key is 32 bytes")
    return key


def _seal(key: bytes, batch_id: str, plain: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    return nonce + AESGCM(key).encrypt(nonce, plain, batch_id.encode())


def _open(key: bytes, batch_id: str, sealed: bytes) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(key).decrypt(sealed[:12], sealed[12:], batch_id.encode())
    except (InvalidTag, ValueError) as exc:
        raise UnreadableBatch("de teamsleutel past niet bij dit pakket") from exc


# -- batches -----------------------------------------------------------------------------------


def encode_batch(
    events: list[Event], key: bytes | None, subject: str = SUBJECT, batch_id: str | None = None
) -> bytes:
    batch_id = batch_id or new_id()
    plain = json.dumps(
        [e.to_json() for e in events], sort_keys=True, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")
    msg = EmailMessage()
    msg["From"] = "Loket <loket@localhost>"
    msg["To"] = "Loket <loket@localhost>"
    msg["Subject"] = subject
    msg["Date"] = formatdate(usegmt=True)
    msg["Message-ID"] = f"<{batch_id}@loket.team>"
    msg["X-Loket-Batch"] = batch_id
    msg["X-Loket-Format"] = FORMAT + ("+aesgcm" if key else "+plain")
    body = _seal(key, batch_id, plain) if key else plain
    msg.set_content(body, maintype="application", subtype="octet-stream", cte="base64")
    return msg.as_bytes()


def decode_batch(raw: bytes, key: bytes | None) -> tuple[str, list[Event]]:
    """(batch id, events); UnreadableBatch when it is not ours or cannot be opened."""
    msg = message_from_bytes(raw)
    batch_id = str(msg.get("X-Loket-Batch", "")).strip()
    fmt = str(msg.get("X-Loket-Format", "")).strip()
    if not batch_id or not fmt.startswith(FORMAT):
        raise UnreadableBatch("geen Loket-pakket")
    payload = msg.get_payload(decode=True)
    if not isinstance(payload, bytes):
        raise UnreadableBatch("leeg pakket")
    if fmt.endswith("+aesgcm"):
        if key is None:
            raise UnreadableBatch("pakket is versleuteld en er is geen teamsleutel")
        payload = _open(key, batch_id, payload)
    elif not fmt.endswith("+plain"):
        raise UnreadableBatch(f"onbekend formaat {fmt}")
    try:
        items = json.loads(payload.decode("utf-8"))
        return batch_id, [Event.from_json(item) for item in items]
    except (ValueError, KeyError, TypeError) as exc:
        raise UnreadableBatch(f"beschadigd pakket: {exc}") from exc
