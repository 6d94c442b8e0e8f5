"""SQL of call-back requests: the open ones in order, the resident's number, the figures."""

from __future__ import annotations

import sqlite3

from storage.base import Queries

# a case's newest call-back request is open until its outcome is recorded
OPEN = "c.callback_requested_at IS NOT NULL AND c.callback_outcome IS NULL"


class CallbackQueries(Queries):
    def open(self, visible_to: int | None, for_user: int | None = None) -> list[sqlite3.Row]:
        """Open requests, the earliest due first (vertrouwelijk cases only for their
        assignee when `visible_to` is given)."""
        where, params = OPEN, []
        if visible_to is not None:
            where += " AND (c.confidential = 0 OR c.assignee_id = ?)"
            params.append(visible_to)
        if for_user is not None:
            where += " AND c.callback_for_id = ?"
            params.append(for_user)
        return self._rows(
            "SELECT c.id, c.reference, c.subject, c.status, c.contact_id, c.callback_due, "
            "c.callback_window, c.callback_number, c.callback_requested_at, "
            "coalesce(p.name, '') AS contact, u.name AS callback_for, "
            "u.display_name AS callback_for_name FROM cases c "
            "LEFT JOIN contacts p ON p.id = c.contact_id "
            f"LEFT JOIN users u ON u.id = c.callback_for_id WHERE {where} "
            "ORDER BY c.callback_due, c.id",
            params,
        )

    def resident_number(self, case_id: int) -> str | None:
        """The phone number the resident of a case last called from, else one on their card."""
        value = self._scalar(
            "SELECT phone_number FROM messages WHERE case_id = ? AND phone_number IS NOT NULL "
            "ORDER BY sent_at DESC, id DESC LIMIT 1",
            (case_id,),
        )
        if value is None:
            value = self._scalar(
                "SELECT a.value FROM contact_addresses a JOIN cases c ON c.contact_id = "
                "a.contact_id WHERE c.id = ? AND a.kind = 'telefoonnummer' ORDER BY a.id LIMIT 1",
                (case_id,),
            )
        return None if value is None else str(value)

    def counts(self, now: str) -> tuple[int, int]:
        """(open, overdue) over every case."""
        row = self._one(
            f"SELECT count(*), coalesce(sum(c.callback_due < ?), 0) FROM cases c WHERE {OPEN}",
            (now,),
        )
        return (0, 0) if row is None else (int(row[0]), int(row[1]))

    def done_events(self, lo: str, hi: str) -> list[sqlite3.Row]:
        """Call-backs done in [lo, hi] (this laptop's and colleagues'), with on_time."""
        return self._rows(
            "SELECT json_extract(data, '$.on_time') AS on_time FROM case_events "
            "WHERE kind = 'callback_done' AND at >= ? AND at <= ?",
            (lo, hi),
        )
