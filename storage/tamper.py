"""SQL for the audit trail's tamper evidence: the head of the hash chain."""

from __future__ import annotations

from storage.base import Queries


class TamperQueries(Queries):
    def head(self) -> tuple[int, str] | None:
        """(id, hash) of the newest audit row, or None when the trail is empty."""
        row = self._one("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
        return None if row is None else (int(row[0]), str(row[1]))

    def hash_at(self, row_id: int) -> str | None:
        value = self._scalar("SELECT hash FROM audit_log WHERE id = ?", (row_id,))
        return None if value is None else str(value)

    def own_team_heads(self) -> list[tuple[int, str]]:
        """(seq, hash) of this laptop's own audit heads as the team mailbox holds them (empty
        when the laptop is in no team: no device and slot in team_settings)."""
        rows = self._rows(
            "SELECT h.seq, h.hash FROM team_audit_heads h "
            "WHERE h.device = (SELECT value FROM team_settings WHERE key = 'device') "
            "AND EXISTS (SELECT 1 FROM team_settings WHERE key = 'slot')"
        )
        return [(int(r[0]), str(r[1])) for r in rows]
