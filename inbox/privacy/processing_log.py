"""The processing log in the shape of Logius' "Logboek dataverwerkingen".

Each row is one span of a processing activity (verwerkingsactiviteit): trace_id, span_id and the
parent span (W3C trace context sizes: 16 and 8 random bytes, hex), the activity's id and name,
the operation (read, update, export, erase), status, start and end time, who, and the data
subject's id (the contact id) ENCRYPTED with AES-256-GCM. The key is derived from the database
key (HKDF, purpose "processing-log"); a plain database from before encryption uses a random
secret in the OS keyring. Rows name the key they were sealed with (key_id, a fingerprint), so
rows sealed before a key rotation are recognisable. This log is separate from the audit trail:
the audit trail says who did what (BIO), this one what was processed about whom and why (AVG
art. 30).
"""

from __future__ import annotations

import base64
import hashlib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

from inbox import acts, clock
from storage import crypto

if TYPE_CHECKING:
    from inbox.gate import Op, Session

# The register of processing activities (verwerkingsregister) this log refers to.
ACTIVITIES: dict[str, tuple[str, str]] = {
    "klantcontact": ("loket-va-001", "Behandelen van vragen en meldingen van inwoners"),
    "avg-inzage": ("loket-va-002", "Afhandelen van AVG-verzoeken van inwoners"),
    "woo-openbaarmaking": ("loket-va-003", "Openbaarmaking op grond van de Woo"),
}

OPERATIONS = ("read", "create", "update", "export", "erase")

_PURPOSE = "processing-log"


@dataclass
class Span:
    """An open span; `status` may be set to 'error' before it ends."""

    trace_id: str
    span_id: str
    parent_span_id: str | None
    status: str = "ok"


def _key(loket: Session) -> bytes:
    blob_key = loket.store.blobs.key
    if blob_key is not None:
        # blobs.key is HKDF(database key, "blobs"): one more HKDF step for this purpose
        return crypto.derive(blob_key, _PURPOSE)
    from inbox.privacy import keys

    name = f"{_PURPOSE}/{_installation(loket)}"
    secret = keys._get(name)
    if not secret:
        secret = crypto.new_key().hex()
        keys._set(name, secret)
    return crypto.derive(bytes.fromhex(secret), _PURPOSE)


def _installation(loket: Session) -> str:
    return _installation_of(str(loket.store.path or "memory"))


def _installation_of(path: str) -> str:
    return hashlib.sha256(path.encode()).hexdigest()[:16]


def key_for(database_key: bytes) -> bytes:
    """The log's key of an encrypted database with `database_key` (as `_key` derives it)."""
    return crypto.derive(crypto.derive(database_key, "blobs"), _PURPOSE)


def legacy_key(db_path: str) -> bytes | None:
    """The log's key of a plain database from before encryption (a secret in the keyring)."""
    from inbox.privacy import keys

    secret = keys._get(f"{_PURPOSE}/{_installation_of(db_path)}")
    return crypto.derive(bytes.fromhex(secret), _PURPOSE) if secret else None


def resealer(old: bytes, new: bytes) -> Callable[[str], str]:
    """old sealed subject -> the same subject sealed under `new` (key rotation)."""

    def reseal(value: str) -> str:
        return encrypt_subject(new, decrypt_subject(old, value))

    return reseal


def key_id(key: bytes) -> str:
    return hashlib.sha256(b"loket/key-id/" + key).hexdigest()[:16]


def encrypt_subject(key: bytes, contact_id: int) -> str:
    sealed = crypto.seal(key, str(contact_id).encode(), b"loket/processing-log/subject")
    return base64.b64encode(sealed).decode("ascii")


def decrypt_subject(key: bytes, value: str) -> int:
    plain = crypto.unseal(key, base64.b64decode(value), b"loket/processing-log/subject")
    return int(plain.decode())


def new_trace_id() -> str:
    return os.urandom(16).hex()


def _span_id() -> str:
    return os.urandom(8).hex()


@contextmanager
def span(
    loket: Session,
    activity: str,
    operation: str,
    *,
    subject: int | None = None,
    obj: str = "",
    parent: Span | None = None,
) -> Iterator[Span]:
    """Log one span around the work in the with-block; an exception ends it with 'error'."""
    if activity not in ACTIVITIES:
        raise ValueError(f"unknown processing activity {activity!r}")
    if operation not in OPERATIONS:
        raise ValueError(f"unknown operation {operation!r}")
    current = Span(
        trace_id=parent.trace_id if parent else new_trace_id(),
        span_id=_span_id(),
        parent_span_id=parent.span_id if parent else None,
    )
    start = clock.iso(loket.now())
    try:
        yield current
    except BaseException:
        current.status = "error"
        raise
    finally:
        _write(loket, current, activity, operation, subject, obj, start)


class Where(TypedDict, total=False):
    """What a span is about, as `span` and `record` take it."""

    subject: int | None
    obj: str
    parent: Span | None


def record(loket: Session, activity: str, operation: str, **where: Unpack[Where]) -> Span:
    """Log one instantaneous span (e.g. a case being read)."""
    with span(loket, activity, operation, **where) as done:
        pass
    return done


def _write(
    loket: Session,
    current: Span,
    activity: str,
    operation: str,
    subject: int | None,
    obj: str,
    start: str,
) -> None:
    key = _key(loket)
    activity_id, activity_name = ACTIVITIES[activity]
    loket.store.privacy.insert_span(
        {
            "trace_id": current.trace_id,
            "span_id": current.span_id,
            "parent_span_id": current.parent_span_id,
            "activity_id": activity_id,
            "activity_name": activity_name,
            "operation": operation,
            "status": current.status,
            "start_time": start,
            "end_time": clock.iso(loket.now()),
            "actor": loket.user,
            "object": obj,
            "subject_encrypted": None if subject is None else encrypt_subject(key, subject),
            "key_id": key_id(key),
        }
    )


def entries(loket: Session, *, decrypt: bool = False, limit: int = 10_000) -> list[dict[str, Any]]:
    """The newest rows first (beheerder, archivaris). With `decrypt`, the data subject's id is
    shown as `subject_id` where this installation's current key can open it."""
    with loket.op(acts.PROCESSING_LOG_VIEW, obj="verwerkingenlogboek") as op:
        key = _key(loket) if decrypt else None
        out: list[dict[str, Any]] = []
        for r in op.store.privacy.spans(limit):
            item = {
                "trace_id": r["trace_id"],
                "span_id": r["span_id"],
                "parent_span_id": r["parent_span_id"],
                "processing_activity_id": r["activity_id"],
                "processing_activity_name": r["activity_name"],
                "operation": r["operation"],
                "status": r["status"],
                "start_time": r["start_time"],
                "end_time": r["end_time"],
                "actor": r["actor"],
                "object": r["object"],
                "data_subject_id_encrypted": r["subject_encrypted"],
                "key_id": r["key_id"],
            }
            if key is not None and r["subject_encrypted"]:
                item["subject_id"] = _open(key, r["subject_encrypted"])
            out.append(item)
        if decrypt:
            op.details = {"ontsleuteld": True}
        return out


def _open(key: bytes, sealed: str) -> int | None:
    try:
        return decrypt_subject(key, sealed)
    except (crypto.DecryptionError, ValueError):
        return None  # sealed with a key from before a rotation


def spans_about(op: Op, contact_ids: list[int]) -> list[dict[str, Any]]:
    """Rows whose (sealed) data subject is one of `contact_ids`: for the AVG inzage, inside
    its act."""
    key = _key(op.session)
    wanted = set(contact_ids)
    found = []
    for r in op.store.privacy.sealed_spans():
        if _open(key, r["subject_encrypted"]) in wanted:
            found.append(
                {
                    "processing_activity_name": r["activity_name"],
                    "operation": r["operation"],
                    "start_time": r["start_time"],
                    "object": r["object"],
                }
            )
    return found
