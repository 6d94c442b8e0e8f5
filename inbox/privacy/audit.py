"""The audit trail (BIO 8.15): who did what to which object, with what result, from where.

Rows are append-only (triggers refuse UPDATE and DELETE) and chained: each row's hash covers
the previous row's hash and its own fields, so changing, removing or reordering a row breaks
the chain from that row on. `verify` walks the chain; Loket runs it on start.
"""

from __future__ import annotations

import hashlib
import json
import logging
import platform
from dataclasses import dataclass
from typing import Any

from storage.db import Database

log = logging.getLogger("loket.audit")

GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    actor: str
    action: str
    object: str
    result: str
    origin: str


def _digest(
    prev: str,
    at: str,
    actor: str,
    action: str,
    obj: str,
    result: str,
    origin: str,
    subject: int | None,
) -> str:
    payload = json.dumps(
        [prev, at, actor, action, obj, result, origin, subject],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record(
    db: Database,
    *,
    at: str,
    actor: str,
    action: str,
    obj: str,
    result: str = "ok",
    origin: str = "",
    subject_contact_id: int | None = None,
) -> None:
    """Append one entry; joins the caller's transaction when there is one."""
    origin = origin or f"{platform.node()}/loket"
    with db.transaction():
        prev = db.scalar("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1") or GENESIS
        digest = _digest(prev, at, actor, action, obj, result, origin, subject_contact_id)
        db.conn.execute(
            "INSERT INTO audit_log(at, actor, action, object, result, origin, "
            "subject_contact_id, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (at, actor, action, obj, result, origin, subject_contact_id, prev, digest),
        )


def verify(db: Database) -> int | None:
    """The id of the first row that breaks the chain, or None when the trail is intact."""
    prev = GENESIS
    for row in db.conn.execute("SELECT * FROM audit_log ORDER BY id"):
        expected = _digest(
            prev,
            row["at"],
            row["actor"],
            row["action"],
            row["object"],
            row["result"],
            row["origin"],
            row["subject_contact_id"],
        )
        if row["prev_hash"] != prev or row["hash"] != expected:
            log.error("audit trail broken at row %s", row["id"])
            return int(row["id"])
        prev = row["hash"]
    return None


def entries(
    db: Database, *, subject_contact_id: int | None = None, limit: int = 10_000
) -> list[dict[str, Any]]:
    where, params = "", []
    if subject_contact_id is not None:
        where, params = "WHERE subject_contact_id = ?", [subject_contact_id]
    return [
        {k: r[k] for k in ("id", "at", "actor", "action", "object", "result", "origin")}
        for r in db.query(
            f"SELECT * FROM audit_log {where} ORDER BY id DESC LIMIT ?", (*params, limit)
        )
    ]
