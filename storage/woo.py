"""The Woo feature's SQL: a case's text for review, the names Loket knows, the decisions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from storage.base import Queries

# what the reviewer reads of each message of the case
_MESSAGE_COLUMNS = (
    "id, direction, channel, sent_at, subject, body_text, sender, sender_name, contact_id"
)


class WooQueries(Queries):
    """Read a case as the Woo reviewer sees it; keep the reviewer's redaction decisions."""

    def messages(self, case_id: int) -> list[dict[str, Any]]:
        return self._rows_where(
            "messages", "case_id = ?", [case_id], select=_MESSAGE_COLUMNS, order_by="sent_at, id"
        )

    def notes(self, case_id: int) -> list[dict[str, Any]]:
        columns = "id, created_at, text"
        return self._rows_where(
            "notes", "case_id = ?", [case_id], select=columns, order_by="created_at, id"
        )

    def attachments(self, case_id: int) -> list[sqlite3.Row]:
        """Every attachment of the case's messages, in message order."""
        return self._rows(
            "SELECT a.id, a.message_id, a.filename, a.content_type, a.size, a.sha256, a.inline "
            "FROM attachments a JOIN messages m ON m.id = a.message_id "
            "WHERE m.case_id = ? ORDER BY m.sent_at, m.id, a.id",
            (case_id,),
        )

    def contact_ids(self, case_id: int) -> list[int]:
        """The residents of a case (its contact and every sender's) and everyone merged with
        them, in both directions."""
        rows = self._rows(
            "WITH RECURSIVE direct(id) AS ("
            "  SELECT contact_id FROM cases WHERE id = ? AND contact_id IS NOT NULL"
            "  UNION SELECT contact_id FROM messages WHERE case_id = ? AND contact_id IS NOT NULL"
            "), up(id) AS ("
            "  SELECT id FROM direct"
            "  UNION SELECT c.merged_into FROM contacts c JOIN up ON c.id = up.id"
            "  WHERE c.merged_into IS NOT NULL"
            "), down(id) AS ("
            "  SELECT id FROM up"
            "  UNION SELECT c.id FROM contacts c JOIN down ON c.merged_into = down.id"
            ") SELECT id FROM down ORDER BY id",
            (case_id, case_id),
        )
        return [int(r[0]) for r in rows]

    def contact_names(self, contact_ids: Iterable[int]) -> list[str]:
        ids = list(contact_ids)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self._rows(f"SELECT name FROM contacts WHERE id IN ({marks}) ORDER BY id", ids)
        return [str(r[0]) for r in rows if r[0]]

    def contact_addresses(self, contact_ids: Iterable[int]) -> list[tuple[str, str]]:
        """(kind, value) of every digital address of these residents."""
        ids = list(contact_ids)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self._rows(
            f"SELECT kind, value FROM contact_addresses WHERE contact_id IN ({marks}) "
            "ORDER BY id",
            ids,
        )
        return [(str(r[0]), str(r[1])) for r in rows]

    def sender_names(self, case_id: int) -> list[str]:
        rows = self._rows(
            "SELECT DISTINCT sender_name FROM messages WHERE case_id = ? AND sender_name != '' "
            "AND direction = 'in' UNION SELECT DISTINCT sender FROM messages "
            "WHERE case_id = ? AND sender != '' AND direction = 'in'",
            (case_id, case_id),
        )
        return [str(r[0]) for r in rows if r[0]]

    def own_addresses(self, case_id: int) -> list[str]:
        """The addresses the municipality itself wrote from in this case."""
        rows = self._rows(
            "SELECT DISTINCT sender FROM messages WHERE case_id = ? AND direction = 'out' "
            "AND sender != ''",
            (case_id,),
        )
        return [str(r[0]) for r in rows]

    def staff_names(self) -> list[str]:
        return [str(r[0]) for r in self._rows("SELECT display_name FROM users ORDER BY id")]

    def decisions(self, case_id: int) -> list[dict[str, Any]]:
        return self._rows_where(
            "woo_decisions", "case_id = ?", [case_id], select="action, text, ground", order_by="id"
        )

    def decide(
        self, case_id: int, action: str, text: str, ground: str, user: str, at: str
    ) -> None:
        self._run(
            "INSERT INTO woo_decisions(case_id, action, text, ground, decided_by, decided_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(case_id, text) DO UPDATE SET "
            "action = excluded.action, ground = excluded.ground, "
            "decided_by = excluded.decided_by, decided_at = excluded.decided_at",
            (case_id, action, text, ground, user, at),
        )

    def forget(self, case_id: int, text: str) -> int:
        """Drop the decision about `text`; how many there were (0 or 1)."""
        return int(
            self._run(
                "DELETE FROM woo_decisions WHERE case_id = ? AND text = ?", (case_id, text)
            ).rowcount
        )
