"""SQL of residents (contacts, partijen): addresses, one resident across merges, merge history,
the pairs a person marked distinct, and what merge suggestions read."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from storage.base import Queries

# every contact merged into :root, transitively, and :root itself
_GROUP = (
    "WITH RECURSIVE m(id) AS (SELECT ? UNION SELECT c.id FROM contacts c JOIN m "
    "ON c.merged_into = m.id) SELECT id FROM m"
)
_VISIBLE = "(c.confidential = 0 OR c.assignee_id = ?)"


def _marks(ids: Sequence[Any]) -> str:
    return ", ".join("?" for _ in ids) or "NULL"


class ContactQueries(Queries):
    """Residents and their merges."""

    def exists(self, contact_id: int) -> bool:
        return self._scalar("SELECT 1 FROM contacts WHERE id = ?", (contact_id,)) is not None

    def merged_into(self, contact_id: int) -> int | None:
        value = self._scalar("SELECT merged_into FROM contacts WHERE id = ?", (contact_id,))
        return None if value is None else int(value)

    def members(self, contact_id: int) -> list[int]:
        """The surviving contact of `contact_id` and everything merged into it."""
        from storage.records import Records

        return self.group(Records(self.db).resolve_contact(contact_id))

    def group(self, root: int) -> list[int]:
        """`root` and every contact merged into it (transitively), in id order."""
        return [int(r[0]) for r in self._rows(_GROUP + " ORDER BY id", (root,))]

    def addresses(self, ids: Sequence[int]) -> list[tuple[str, str]]:
        return [
            (str(r["kind"]), str(r["value"]))
            for r in self._rows(
                f"SELECT kind, value FROM contact_addresses WHERE contact_id IN ({_marks(ids)}) "
                "ORDER BY kind, value",
                list(ids),
            )
        ]

    def cases(self, ids: Sequence[int], visible_to: int | None) -> list[sqlite3.Row]:
        """Cases of the residents `ids` (theirs, or holding one of their messages)."""
        hidden, extra = ("", []) if visible_to is None else (f" AND {_VISIBLE}", [visible_to])
        return self._rows(
            "SELECT c.reference, c.subject, c.status, c.channel, c.opened_at, c.last_message_at "
            f"FROM cases c WHERE (c.contact_id IN ({_marks(ids)}) OR c.id IN (SELECT case_id "
            f"FROM messages WHERE contact_id IN ({_marks(ids)}))){hidden} "
            "ORDER BY c.opened_at, c.id",
            [*ids, *ids, *extra],
        )

    def messages(self, ids: Sequence[int], visible_to: int | None) -> list[sqlite3.Row]:
        """Messages from the residents `ids`, and the answers in their cases."""
        hidden, extra = ("", []) if visible_to is None else (f" AND {_VISIBLE}", [visible_to])
        return self._rows(
            "SELECT m.id, c.reference, m.channel, m.direction, m.sent_at, m.sender, "
            "m.sender_name, m.subject, m.body_text FROM messages m "
            "LEFT JOIN cases c ON c.id = m.case_id "
            f"WHERE (m.contact_id IN ({_marks(ids)}) OR (m.direction = 'out' AND m.case_id IN "
            f"(SELECT id FROM cases WHERE contact_id IN ({_marks(ids)})))){hidden} "
            "ORDER BY m.sent_at, m.id",
            [*ids, *ids, *extra],
        )

    def all_addresses(self) -> list[sqlite3.Row]:
        return self._rows("SELECT contact_id, kind, value FROM contact_addresses")

    def inbound_texts(self) -> list[sqlite3.Row]:
        """(contact_id, body_text) of every inbound message with a sender and a text."""
        return self._rows(
            "SELECT contact_id, body_text FROM messages WHERE direction = 'in' "
            "AND contact_id IS NOT NULL AND body_text != ''"
        )

    def distinct_pairs(self) -> set[tuple[int, int]]:
        return {
            (int(r[0]), int(r[1]))
            for r in self._rows("SELECT first_id, second_id FROM contact_distinct")
        }

    def mark_distinct(self, first: int, second: int, at: str, by: str) -> None:
        self._run(
            "INSERT OR IGNORE INTO contact_distinct(first_id, second_id, decided_at, decided_by) "
            "VALUES (?, ?, ?, ?)",
            (first, second, at, by),
        )

    def set_merged_into(self, contact_id: int, survivor: int | None) -> None:
        self._run("UPDATE contacts SET merged_into = ? WHERE id = ?", (survivor, contact_id))

    def insert_merge(self, survivor: int, merged: int, reason: str, at: str, by: str) -> int:
        cur = self._run(
            "INSERT INTO contact_merges(survivor_id, merged_id, reason, merged_at, merged_by) "
            "VALUES (?, ?, ?, ?, ?)",
            (survivor, merged, reason, at, by),
        )
        return int(cur.lastrowid or 0)

    def merge_row(self, merge_id: int) -> sqlite3.Row | None:
        return self._one("SELECT * FROM contact_merges WHERE id = ?", (merge_id,))

    def merge_undone(self, merge_id: int, at: str, by: str) -> None:
        self._run(
            "UPDATE contact_merges SET undone_at = ?, undone_by = ? WHERE id = ?",
            (at, by, merge_id),
        )

    def merge_history(self, ids: Sequence[int]) -> list[dict[str, Any]]:
        """Every merge (and undo) in which one of `ids` took part, oldest first, with names."""
        return self._dicts(
            "SELECT g.*, s.name AS survivor_name, m.name AS merged_name "
            "FROM contact_merges g LEFT JOIN contacts s ON s.id = g.survivor_id "
            "LEFT JOIN contacts m ON m.id = g.merged_id "
            f"WHERE g.survivor_id IN ({_marks(ids)}) OR g.merged_id IN ({_marks(ids)}) "
            "ORDER BY g.id",
            [*ids, *ids],
        )

    def group_addresses(self, root: int) -> set[tuple[str, str]]:
        """Addresses of `root` and of everything merged into it."""
        return {
            (str(r["kind"]), str(r["value"]))
            for r in self._rows(
                f"SELECT kind, value FROM contact_addresses WHERE contact_id IN ({_GROUP})",
                (root,),
            )
        }

    def messages_received_since(self, contact_id: int, since: str) -> list[sqlite3.Row]:
        return self._rows(
            "SELECT id, channel, sender, case_id FROM messages WHERE contact_id = ? "
            "AND received_at >= ?",
            (contact_id, since),
        )

    def give_message_back(
        self, message_id: int, case_id: int | None, survivor: int, merged: int, since: str
    ) -> None:
        """Undoing a merge: a message (and the case it opened after the merge) go back."""
        self._run("UPDATE messages SET contact_id = ? WHERE id = ?", (merged, message_id))
        self._run(
            "UPDATE cases SET contact_id = ? WHERE id = ? AND contact_id = ? AND opened_at >= ?",
            (merged, case_id, survivor, since),
        )
