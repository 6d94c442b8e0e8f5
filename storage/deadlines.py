"""SQL of the due moments ("antwoord uiterlijk"), repeat contacts and the products picked when
closing: the open cases to compute again, a resident's recently closed cases, products in use."""

from __future__ import annotations

import sqlite3

from storage.base import Queries
from storage.contacts import _GROUP


class DeadlineQueries(Queries):
    def open_cases(self) -> list[sqlite3.Row]:
        """Open cases with what their due moment is computed from."""
        return self._rows(
            "SELECT id, channel, opened_at, deadline, due_at FROM cases "
            "WHERE status != 'afgerond'"
        )

    def set_due(self, case_id: int, value: str | None) -> None:
        self._run("UPDATE cases SET due_at = ? WHERE id = ?", (value, case_id))

    def closed_since(self, contact_id: int, since: str, before: str) -> list[sqlite3.Row]:
        """The resident's cases (theirs and those of every contact merged into them) closed in
        [since, before], not marked as repeated yet."""
        return self._rows(
            "SELECT id, reference, first_contact_resolution FROM cases "
            f"WHERE contact_id IN ({_GROUP}) AND status = 'afgerond' AND closed_at >= ? "
            "AND closed_at <= ? AND repeat_contact_at IS NULL ORDER BY closed_at",
            (contact_id, since, before),
        )

    def recent_products(self, actor: str, limit: int) -> list[str]:
        """The products `actor` set most recently, newest first (no repeats)."""
        rows = self._rows(
            "SELECT json_extract(data, '$.to') AS product, max(id) AS last FROM case_events "
            "WHERE kind = 'product_set' AND actor = ? AND json_extract(data, '$.to') IS NOT NULL "
            "GROUP BY product ORDER BY last DESC LIMIT ?",
            (actor, limit),
        )
        return [str(r["product"]) for r in rows]

    def has_marked_message(self, case_id: int, mark: str) -> bool:
        """Whether a case holds a message with this external id (Loket's automatic reply)."""
        return self._scalar("SELECT 1 FROM messages WHERE case_id = ? AND external_id = ? "
                            "LIMIT 1", (case_id, mark)) is not None

    def products_in_use(self) -> list[str]:
        return [str(r[0]) for r in self._rows(
            "SELECT DISTINCT product FROM cases WHERE product IS NOT NULL")]

    def day_rows(self, lo: str, hi: str) -> list[sqlite3.Row]:
        """Cases opened in [lo, hi] as the figures of the KCC's day need them (no content):
        product, channel, times, one go, hand-over, repeat contact, the assignee's login."""
        return self._rows(
            "SELECT c.product, c.channel, c.status, c.opened_at, c.first_response_at, "
            "c.closed_at, c.first_contact_resolution, c.department, c.forwarded_at, "
            "c.forward_due, c.reported_back_at, c.repeat_contact_at, u.name AS assignee "
            "FROM cases c LEFT JOIN users u ON u.id = c.assignee_id "
            "WHERE c.opened_at >= ? AND c.opened_at <= ?",
            (lo, hi),
        )
