"""SQL of the audit trail: append one chained row, read the chain, read entries about someone.

The chain itself (what a row's hash covers) is the domain's (inbox/privacy/audit.py); here the
row is appended in one transaction with the hash of the row before it, so two writers can never
chain onto the same predecessor.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from storage.base import Queries
from storage.privacy import id_list

COLUMNS = ("at", "actor", "action", "object", "result", "origin", "subject_contact_id")


class AuditQueries(Queries):
    def append(self, row: dict[str, Any], chain: Callable[[str | None], tuple[str, str]]) -> None:
        """Append `row` (COLUMNS); `chain(previous hash or None)` gives (prev_hash, hash)."""
        with self.db.transaction():
            previous = self._scalar("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1")
            prev_hash, digest = chain(None if previous is None else str(previous))
            self._run(
                "INSERT INTO audit_log(at, actor, action, object, result, origin, "
                "subject_contact_id, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*(row[c] for c in COLUMNS), prev_hash, digest),
            )

    def chain(self) -> Iterator[sqlite3.Row]:
        """Every row, oldest first (the chain is walked row by row, not loaded at once)."""
        cursor: Iterator[sqlite3.Row] = self._run("SELECT * FROM audit_log ORDER BY id")
        return cursor

    def entries(
        self, subjects: Sequence[int] | None = None, limit: int = 10_000
    ) -> list[sqlite3.Row]:
        """Newest first; with `subjects`, only rows about those residents."""
        if subjects is None:
            return self._rows("SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", (limit,))
        return self._rows(
            "SELECT * FROM audit_log WHERE subject_contact_id IN (SELECT value FROM json_each(?)) "
            "ORDER BY id DESC LIMIT ?",
            (id_list(subjects), limit),
        )
