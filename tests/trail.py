"""The audit trail as a test reads it: straight from the table, so reading it neither needs a
beheerder's right nor adds an entry of its own."""

from __future__ import annotations

from typing import Any


def newest_audit(loket: Any, limit: int = 1) -> list[dict[str, Any]]:
    """The newest audit entries first: actor, action, object, result."""
    return [dict(r) for r in loket.db.query(
        "SELECT actor, action, object, result FROM audit_log ORDER BY id DESC LIMIT ?",
        (limit,))]
