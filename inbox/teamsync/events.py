"""Team events and the messages that carry them: signed batches, sealed with AES-256-GCM.

Every event is signed by the laptop that made it (Ed25519, its device key), so any laptop can
republish it and every receiver can still tell who made it. A batch is one RFC 5322 message:
neutral headers (no case data) and, as a base64 body, the sealed, signed envelope:

    AES-256-GCM(team key, AD = batch id) of {"envelope": "<json>", "sig": "<base64>"}
    envelope: {"v": 2, "batch", "device", "user", "at", "audit_head": {"seq", "hash"}, "events"}

The batch id is the associated data of the seal, so a batch cannot be relabelled; the tag makes
any change by the provider fail; the signature by the sending laptop's device key makes a batch
written by anybody else (with or without the team key) fail; `audit_head` is the sender's audit
chain head, which colleagues' laptops keep. Unsealed ("+plain") and unsigned (version 1)
batches are never applied.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import os
import re
import uuid
from dataclasses import dataclass, replace
from email import message_from_bytes
from email.message import EmailMessage
from email.utils import formatdate
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # cryptography loads when a batch is first made or read: start-up stays short
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )

VERSION = 2
FORMAT = "loket-team/"
MAX_BATCH = 500
SUBJECT = "Loket team events"
PRESENCE_SUBJECT = "Loket presence"

KINDS = (
    "case_opened", "field", "note", "contact", "device_joined", "presence", "place", "kb_article",
    "template",
    "erased", "erasure_applied",  # an erasure (AVG art. 17) and each laptop's word it did it
)
# what applying an event of a kind reads from its data, and of which type
_NEEDS: dict[str, tuple[tuple[str, type | tuple[type, ...]], ...]] = {
    "case_opened": (("reference", str),),
    "field": (("field", str),),
    "note": (("uid", str), ("text", str)),
    "contact": (("uid", str),),
    "device_joined": (("slot", int),),
    "place": (("items", list),),
    "kb_article": (("content", dict),),
    "template": (("key", str), ("title", str), ("body", str), ("retired", bool)),
    "erased": (("cases", list),),
    "erasure_applied": (("erasure", str),),
}
_HLC = re.compile(r"^\d{15}\.\d{5}$")

# Why a batch is kept aside instead of applied (team status shows the Dutch words).
REASONS = {
    "key": "niet te openen met de teamsleutel van deze laptop",
    "plain": "niet versleuteld (geweigerd zodra er een teamsleutel is)",
    "unsigned": "niet ondertekend (oude versie van Loket)",
    "unknown_device": "van een laptop die (nog) niet in het team is aangemeld",
    "signature": "handtekening klopt niet",
    "author": "auteur is niet aangemeld op de laptop die het pakket ondertekende",
    "damaged": "beschadigd of geen Loket-pakket",
}


class UnreadableBatch(Exception):
    """A batch that is not applied: `reason` is a key of REASONS."""

    def __init__(self, reason: str, detail: str = "", device: str | None = None) -> None:
        super().__init__(REASONS.get(reason, reason) + (f": {detail}" if detail else ""))
        self.reason = reason
        self.device = device


def _canonical(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


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
    sig: str = ""  # base64 Ed25519 signature of `signed_bytes` by the device's key

    @property
    def version(self) -> str:
        """Which of two edits of one whole item (an article, a standaardantwoord) is the
        newer, as text that sorts: the team clock, then device and event id, as for fields.
        Two laptops saving in the same millisecond tie on the clock alone, and each kept
        its own. (A bare clock stored before sorts below any version with that clock.)"""
        return f"{self.hlc} {self.device} {self.id}"

    def to_json(self) -> dict[str, Any]:
        out = {
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
        if self.sig:
            out["sig"] = self.sig
        return out

    def dumps(self) -> str:
        return json.dumps(self.to_json(), sort_keys=True, ensure_ascii=False)

    def signed_bytes(self) -> bytes:
        """What the signature covers: everything but the signature."""
        body = self.to_json()
        body.pop("sig", None)
        return _canonical(body)

    def signed_by(self, key: Ed25519PrivateKey) -> Event:
        return replace(self, sig=b64(key.sign(self.signed_bytes())))

    def verifies(self, public: Ed25519PublicKey) -> bool:
        from cryptography.exceptions import InvalidSignature

        try:
            public.verify(unb64(self.sig), self.signed_bytes())
        except (InvalidSignature, ValueError):
            return False
        return True

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Event:
        """An event as it was sent; ValueError when it lacks what applying it needs."""
        kind = str(data["kind"])
        if kind not in KINDS:
            raise ValueError(f"unknown event kind {kind!r}")
        if not _HLC.match(str(data["hlc"])):
            raise ValueError("bad hlc")
        body = data.get("data") or {}
        if not isinstance(body, dict) or any(
            not isinstance(body.get(key), kind_of) for key, kind_of in _NEEDS.get(kind, ())
        ):
            raise ValueError(f"incomplete {kind} event")
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
            sig=str(data.get("sig") or ""),
        )

    @classmethod
    def loads(cls, text: str) -> Event:
        return cls.from_json(json.loads(text))


def new_id() -> str:
    return str(uuid.uuid4())


# -- keys ----------------------------------------------------------------------------------------


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


def public_text(key: Ed25519PrivateKey) -> str:
    """A device's public key as it is announced: base64 of the 32 raw bytes."""
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return b64(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))


@functools.lru_cache(maxsize=256)
def load_public(text: str) -> Ed25519PublicKey | None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        return Ed25519PublicKey.from_public_bytes(unb64(text))
    except ValueError:
        return None


def fingerprint(public: str) -> str:
    """What a beheerder compares between laptops: 16 hex digits of the key's SHA-256."""
    digest = hashlib.sha256(public.encode("ascii")).hexdigest()[:16]
    return " ".join(digest[i : i + 4] for i in range(0, 16, 4))


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
        raise UnreadableBatch("key") from exc


# -- batches -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Signer:
    """The sending laptop: its device id, its device key and who is signed in there."""

    device: str
    key: Ed25519PrivateKey
    user: str


@dataclass(frozen=True)
class Batch:
    id: str
    device: str  # the laptop that sent (and signed) it
    user: str  # who was signed in there
    at: str
    audit_head: tuple[int, str] | None  # the sender's audit chain head (sequence, hash)
    events: list[Event]
    envelope: bytes  # what `sig` covers
    sig: bytes

    def verifies(self, public: Ed25519PublicKey) -> bool:
        from cryptography.exceptions import InvalidSignature

        try:
            public.verify(self.sig, self.envelope)
        except InvalidSignature:
            return False
        return True


def encode_batch(
    events: list[Event],
    key: bytes | None,
    signer: Signer,
    *,
    at: str,
    audit_head: tuple[int, str] | None = None,
    subject: str = SUBJECT,
    batch_id: str | None = None,
) -> bytes:
    """One message of signed events; `key` None writes an unsealed batch, which every laptop
    refuses (kept for the tests of that refusal)."""
    batch_id = batch_id or new_id()
    envelope = _canonical(
        {
            "v": VERSION,
            "batch": batch_id,
            "device": signer.device,
            "user": signer.user,
            "at": at,
            "audit_head": None if audit_head is None else
            {"seq": audit_head[0], "hash": audit_head[1]},
            "events": [e.to_json() for e in events],
        }
    )
    signature = b64(signer.key.sign(envelope))
    plain = _canonical({"envelope": envelope.decode("utf-8"), "sig": signature})
    msg = EmailMessage()
    msg["From"] = "Loket <loket@localhost>"
    msg["To"] = "Loket <loket@localhost>"
    msg["Subject"] = subject
    msg["Date"] = formatdate(usegmt=True)
    msg["Message-ID"] = f"<{batch_id}@loket.team>"
    msg["X-Loket-Batch"] = batch_id
    msg["X-Loket-Format"] = f"{FORMAT}{VERSION}" + ("+aesgcm" if key else "+plain")
    body = _seal(key, batch_id, plain) if key else plain
    msg.set_content(body, maintype="application", subtype="octet-stream", cte="base64")
    return msg.as_bytes()


def decode_batch(raw: bytes, key: bytes) -> Batch:
    """The batch in `raw`, opened but not yet trusted (see inbox.teamsync.trust);
    UnreadableBatch when it is not ours, not sealed, not signed or cannot be opened."""
    msg = message_from_bytes(raw)
    batch_id = str(msg.get("X-Loket-Batch", "")).strip()
    fmt = str(msg.get("X-Loket-Format", "")).strip()
    if not batch_id or not fmt.startswith(FORMAT):
        raise UnreadableBatch("damaged", "geen Loket-pakket")
    version, _, seal = fmt[len(FORMAT):].partition("+")
    if seal == "plain":
        raise UnreadableBatch("plain")
    if seal != "aesgcm":
        raise UnreadableBatch("damaged", f"onbekend formaat {fmt}")
    payload = msg.get_payload(decode=True)
    if not isinstance(payload, bytes):
        raise UnreadableBatch("damaged", "leeg pakket")
    plain = _open(key, batch_id, payload)
    if version != str(VERSION):
        raise UnreadableBatch("unsigned" if version == "1" else "damaged", f"versie {version}")
    try:
        outer = json.loads(plain.decode("utf-8"))
        envelope = str(outer["envelope"]).encode("utf-8")
        sig = unb64(str(outer["sig"]))
        inner = json.loads(envelope.decode("utf-8"))
        head = inner.get("audit_head")
        batch = Batch(
            id=str(inner["batch"]),
            device=str(inner["device"]),
            user=str(inner.get("user") or ""),
            at=str(inner.get("at") or ""),
            audit_head=None if not head else (int(head["seq"]), str(head["hash"])),
            events=[Event.from_json(item) for item in inner["events"]],
            envelope=envelope,
            sig=sig,
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise UnreadableBatch("damaged", type(exc).__name__) from exc
    if batch.id != batch_id:
        raise UnreadableBatch("damaged", "pakketnummer wijkt af")
    return batch
