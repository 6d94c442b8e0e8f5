"""SQL of departments (vakafdelingen) and hand-overs: the beheerder's list, a case handed over
and the department's reply found by its thread, the hand-overs per department for the figures."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from storage.base import Queries

# what a hand-over e-mail carries of each of the resident's messages
_ORIGINAL_COLUMNS = (
    "id, channel, direction, sent_at, sender, sender_name, subject, body_text, raw_sha256, "
    "phone_number, answer_given"
)


class DepartmentQueries(Queries):
    """The departments table and the hand-over columns of cases."""

    def all(self, active_only: bool = True) -> list[sqlite3.Row]:
        where = " WHERE active = 1" if active_only else ""
        return self._rows(
            f"SELECT id, name, email, norm_days, active FROM departments{where} "
            "ORDER BY name COLLATE NOCASE"
        )

    def by_name(self, name: str) -> sqlite3.Row | None:
        return self._one(
            "SELECT id, name, email, norm_days, active FROM departments WHERE name = ?", (name,)
        )

    def add(self, name: str, email: str, norm_days: int, stamp: str) -> int:
        cur = self._run(
            "INSERT INTO departments(name, email, norm_days, created_at) VALUES (?, ?, ?, ?)",
            (name, email, norm_days, stamp),
        )
        return int(cur.lastrowid or 0)

    def change(self, department_id: int, email: str, norm_days: int, active: bool) -> None:
        self._run(
            "UPDATE departments SET email = ?, norm_days = ?, active = ? WHERE id = ?",
            (email, norm_days, int(active), department_id),
        )

    def by_email(self, addresses: Sequence[str]) -> dict[str, str]:
        """Active departments' names by their (lower-case) e-mail address, of `addresses`."""
        wanted = sorted({a.lower() for a in addresses if a})
        if not wanted:
            return {}
        marks = ", ".join("?" for _ in wanted)
        return {
            str(r[0]).lower(): str(r[1])
            for r in self._rows(
                f"SELECT lower(email), name FROM departments WHERE active = 1 "
                f"AND lower(email) IN ({marks})",
                wanted,
            )
        }

    def emails(self) -> dict[str, str]:
        """Every active department's name by its lower-case address (a batch reads it once)."""
        return {str(r[0]).lower(): str(r[1]) for r in self._rows(
            "SELECT lower(email), name FROM departments WHERE active = 1")}

    def any_hand_over(self) -> bool:
        return self._scalar("SELECT 1 FROM cases WHERE department IS NOT NULL LIMIT 1") \
            is not None

    def hand_over_of(self, message_ids: Sequence[str]) -> str | None:
        """The department a hand-over with one of these Message-IDs went to (its case's
        department), or None: how a reply is known by its thread, whoever sent it."""
        ids = [m for m in message_ids if m]
        if not ids:
            return None
        marks = ", ".join("?" for _ in ids)
        value = self._scalar(
            "SELECT c.department FROM messages m JOIN cases c ON c.id = m.case_id "
            f"WHERE m.internal = 1 AND m.direction = 'out' AND m.message_id IN ({marks}) "
            "AND c.department IS NOT NULL ORDER BY m.id DESC LIMIT 1",
            ids,
        )
        return None if value is None else str(value)

    def hand_over_message_id(self, case_id: int) -> str | None:
        """The Message-ID of a case's newest hand-over e-mail."""
        value = self._scalar(
            "SELECT message_id FROM messages WHERE case_id = ? AND internal = 1 "
            "AND direction = 'out' ORDER BY id DESC LIMIT 1", (case_id,))
        return None if value is None else str(value)

    def originals(self, case_id: int) -> list[dict[str, Any]]:
        """The resident's messages of a case, oldest first: what a hand-over carries along."""
        where = "case_id = ? AND internal IS NULL"
        return self._rows_where(
            "messages", where, [case_id], select=_ORIGINAL_COLUMNS, order_by="sent_at, id"
        )

    def report_rows(self, lo: str, hi: str) -> list[sqlite3.Row]:
        """Hand-overs of the cases opened in [lo, hi]: department, due, reported back."""
        return self._rows(
            "SELECT department, forwarded_at, forward_due, reported_back_at FROM cases "
            "WHERE department IS NOT NULL AND opened_at >= ? AND opened_at <= ?",
            (lo, hi),
        )

    def case_values(self, case_id: int) -> dict[str, Any]:
        row = self._one(
            "SELECT c.department, c.forwarded_at, c.forward_due, c.reported_back_at, "
            "u.name AS forwarded_by FROM cases c LEFT JOIN users u ON u.id = c.forwarded_by_id "
            "WHERE c.id = ?",
            (case_id,),
        )
        return dict(row) if row is not None else {}
