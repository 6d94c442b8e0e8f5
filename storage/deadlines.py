"""SQL of the due moments ("antwoord uiterlijk"), repeat contacts and the products picked when
closing: the open cases to compute again, a resident's recently closed cases, products in use."""

from __future__ import annotations

import sqlite3

from storage.base import Queries


class DeadlineQueries(Queries):
    def open_cases(self) -> list[sqlite3.Row]:
        """Open cases with what their due moment is computed from."""
        return self._rows(
            "SELECT id, channel, opened_at, deadline, due_at FROM cases "
            "WHERE status != 'afgerond'"
        )

    def set_due(self, case_id: int, value: str | None) -> None:
        self._run("UPDATE cases SET due_at = ? WHERE id = ?", (value, case_id))

    def closed_since(self, contact_id: int, since: str, before: str,
                     other_than: int | None) -> list[sqlite3.Row]:
        """The resident's cases closed in [since, before], not marked as repeated yet."""
        return self._rows(
            "SELECT id, reference, first_contact_resolution FROM cases "
            "WHERE contact_id = ? AND status = 'afgerond' AND closed_at >= ? AND closed_at <= ? "
            "AND repeat_contact_at IS NULL AND id != ? ORDER BY closed_at",
            (contact_id, since, before, -1 if other_than is None else other_than),
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

    def products_in_use(self) -> list[str]:
        return [str(r[0]) for r in self._rows(
            "SELECT DISTINCT product FROM cases WHERE product IS NOT NULL")]
