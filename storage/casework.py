"""SQL of casework beyond receiving: moving messages and notes between cases (merge, split,
move), the workspace's settings, the rows the teamleider's figures are computed from."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from storage.base import Queries


def _marks(ids: Sequence[Any]) -> str:
    return ", ".join("?" for _ in ids) or "NULL"


class CaseworkQueries(Queries):
    """Cases' messages and notes, workspace settings and report rows."""

    # -- messages and notes of a case --------------------------------------------------------

    def message_case(self, message_id: int) -> int | None:
        """The case a message belongs to (None: no such message, or none)."""
        value = self._scalar("SELECT case_id FROM messages WHERE id = ?", (message_id,))
        return None if value is None else int(value)

    def message_count(self, case_id: int) -> int:
        return int(self._scalar("SELECT count(*) FROM messages WHERE case_id = ?", (case_id,)))

    def message_ids(self, case_id: int) -> list[int]:
        return [int(r[0]) for r in self._rows(
            "SELECT id FROM messages WHERE case_id = ? ORDER BY id", (case_id,))]

    def note_ids(self, case_id: int) -> list[int]:
        return [int(r[0]) for r in self._rows(
            "SELECT id FROM notes WHERE case_id = ? ORDER BY id", (case_id,))]

    def messages_of(self, case_id: int, ids: Sequence[int] | None = None) -> list[sqlite3.Row]:
        """id, time, channel, direction, sender, subject and contact of a case's messages
        (only `ids` when given), in time order."""
        where, params = "m.case_id = ?", [case_id]
        if ids is not None:
            where += f" AND m.id IN ({_marks(ids)})"
            params += list(ids)
        return self._rows(
            "SELECT m.id, m.sent_at, m.channel, m.direction, m.sender, m.sender_name, m.subject, "
            f"m.contact_id FROM messages m WHERE {where} ORDER BY m.sent_at, m.id",
            params,
        )

    def move_messages(self, ids: Sequence[int], case_id: int) -> None:
        """Move messages (and their search-index rows) to another case."""
        self._move("messages", "message", ids, case_id)

    def move_notes(self, ids: Sequence[int], case_id: int) -> None:
        self._move("notes", "note", ids, case_id)

    def _move(self, table: str, kind: str, ids: Sequence[int], case_id: int) -> None:
        self._run(f"UPDATE {table} SET case_id = ? WHERE id IN ({_marks(ids)})", (case_id, *ids))
        self._run(
            f"UPDATE search_index SET case_id = ? WHERE kind = ? AND ref_id IN ({_marks(ids)})",
            (case_id, kind, *ids),
        )

    def last_message_at(self, case_id: int) -> str | None:
        value = self._scalar("SELECT max(sent_at) FROM messages WHERE case_id = ?", (case_id,))
        return None if value is None else str(value)

    def mail_account_rows(self) -> list[sqlite3.Row]:
        """The enabled mail accounts (rows of `accounts`), by name."""
        return self._rows(
            "SELECT * FROM accounts WHERE channel = 'email' AND enabled = 1 ORDER BY name"
        )

    def last_inbound_account(self, case_id: int) -> int | None:
        """The account the newest inbound e-mail of a case came in on."""
        value = self._scalar(
            "SELECT account_id FROM messages WHERE case_id = ? AND direction = 'in' "
            "AND account_id IS NOT NULL AND internal IS NULL ORDER BY sent_at DESC, id DESC "
            "LIMIT 1",
            (case_id,),
        )
        return None if value is None else int(value)

    def display_name(self, login: str) -> str:
        value = self._scalar("SELECT display_name FROM users WHERE name = ?", (login,))
        return "" if value is None else str(value)

    def user_name(self, user_id: int | None) -> str | None:
        if user_id is None:
            return None
        value = self._scalar("SELECT name FROM users WHERE id = ?", (user_id,))
        return None if value is None else str(value)

    def has_open_case(self, kind: str, value: str, normalized_subject: str) -> bool:
        """Whether the resident with this address has an open case with this subject."""
        return self._scalar(
            "SELECT 1 FROM cases c JOIN contact_addresses a ON a.contact_id = c.contact_id "
            "WHERE a.kind = ? AND a.value = ? AND c.normalized_subject = ? "
            "AND c.status != 'afgerond' LIMIT 1",
            (kind, value, normalized_subject),
        ) is not None

    # -- the workspace -----------------------------------------------------------------------

    def last_event_id(self, case_id: int) -> int:
        return int(self._scalar("SELECT coalesce(max(id), 0) FROM case_events WHERE case_id = ?",
                                (case_id,)) or 0)

    def events_since(self, case_id: int, after: int) -> list[sqlite3.Row]:
        """The case's events after event `after`, with who made them (display name) and, for a
        message, its direction and the name of the colleague who wrote it."""
        return self._rows(
            "SELECT e.id, e.actor, coalesce(u.display_name, e.actor) AS actor_name, e.kind, "
            "e.data, m.id AS message, m.direction, a.display_name AS author_name "
            "FROM case_events e LEFT JOIN users u ON u.name = e.actor "
            "LEFT JOIN messages m ON e.kind = 'message_added' "
            "AND m.id = json_extract(e.data, '$.message') "
            "LEFT JOIN users a ON a.id = m.author_id "
            "WHERE e.case_id = ? AND e.id > ? ORDER BY e.id LIMIT 200",
            (case_id, after),
        )

    def labels_in_use(self) -> list[str]:
        """The distinct label texts of cases ("Pers, Wijk Noord"; split by the caller)."""
        return [str(r[0]) for r in self._run(
            "SELECT DISTINCT labels FROM cases WHERE labels IS NOT NULL LIMIT 5000")]

    def channels_in_use(self) -> set[str]:
        return {str(r[0]) for r in self._rows("SELECT DISTINCT channel FROM cases")}

    # -- figures -----------------------------------------------------------------------------

    def report_rows(self, lo: str, hi: str) -> list[sqlite3.Row]:
        """The cases opened in [lo, hi] as the figures need them (no content)."""
        return self._rows(
            "SELECT channel, status, opened_at, first_response_at, closed_at, "
            "first_contact_resolution FROM cases WHERE opened_at >= ? AND opened_at <= ?",
            (lo, hi),
        )

    def table_counts(self) -> dict[str, int]:
        """How many cases, messages and contacts the database holds."""
        return {
            table: int(self._scalar(f"SELECT count(*) FROM {table}"))
            for table in ("cases", "messages", "contacts")
        }
