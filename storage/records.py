"""SQL for writing records: contacts, cases, messages, notes, events and the search index.

Every function expects to run inside `Database.transaction()`; none commits on its own.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from storage.base import Queries
from storage.search_terms import indexed_with_phones, message_phone_terms, with_phone_terms

CASE_COLUMNS = frozenset(
    {
        "subject",
        "status",
        "assignee_id",
        "product",
        "confidential",
        "deadline",
        "labels",
        "first_contact_resolution",
        "outcome",
        "updated_at",
        "last_message_at",
        "first_response_at",
        "closed_at",
        "contact_id",
        "legal_hold",
        # the KCC's day (storage/schema_kcc.py)
        "department",
        "forwarded_at",
        "forwarded_by_id",
        "forward_due",
        "reported_back_at",
        "due_at",
        "callback_requested_at",
        "callback_due",
        "callback_window",
        "callback_number",
        "callback_for_id",
        "callback_done_at",
        "callback_outcome",
        "repeat_contact_at",
    }
)


MESSAGE_COLUMNS = (
    "case_id",
    "contact_id",
    "channel",
    "direction",
    "account_id",
    "message_id",
    "in_reply_to",
    "references_",
    "external_id",
    "imap_folder",
    "imap_uidvalidity",
    "imap_uid",
    "sent_at",
    "received_at",
    "sender",
    "sender_name",
    "recipients",
    "subject",
    "body_text",
    "body_html",
    "raw_sha256",
    "parse_error",
    "phone_number",
    "answer_given",
    "callback_by",
    "author_id",
    "internal",
)

_INSERT_MESSAGE = (
    f"INSERT INTO messages({', '.join(MESSAGE_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in MESSAGE_COLUMNS)})"
)
_INSERT_INDEX = (
    "INSERT INTO search_index(rowid, subject, body, contact, kind, ref_id, case_id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)


def _index_rowid(kind: str, ref_id: int) -> int:
    """Messages and notes share one FTS table: even rowids for messages, odd for notes."""
    return ref_id * 2 + (0 if kind == "message" else 1)


def _contact_column(contact: str, values: dict[str, Any]) -> str:
    """The contact and the message's phone numbers: found by the parser worker when it
    already did (values["phone_terms"], from the same sender, subject and body), else here."""
    terms = values.get("phone_terms")
    if terms is not None:
        return with_phone_terms(contact, terms)
    return indexed_with_phones(
        contact, (values.get("sender"), values.get("subject"), values.get("body_text"))
    )


def _message_index_row(message_id: int, values: dict[str, Any], contact: str) -> tuple[Any, ...]:
    """The search_index row of a message (for _INSERT_INDEX)."""
    return (
        _index_rowid("message", message_id),
        values.get("subject") or "",
        values.get("body_text") or "",
        _contact_column(contact, values),
        "message",
        message_id,
        values.get("case_id"),
    )


class Records(Queries):
    """Writing records: contacts, cases, messages, notes, events, users and the search index."""

    # what a message's index row needs of its text, for a parser process to find beforehand
    # (a plain function, picklable by name: the worker imports only storage.search_terms)
    message_phone_terms = staticmethod(message_phone_terms)

    def next_reference(self, year: int) -> str:
        row = self._one(
            "INSERT INTO reference_counters(year, last) VALUES (?, 1) "
            "ON CONFLICT(year) DO UPDATE SET last = last + 1 RETURNING last",
            (year,),
        )
        assert row is not None
        return f"LK-{year}-{int(row[0]):06d}"

    def contact_by_address(self, kind: str, value: str) -> int | None:
        row = self._one(
            "SELECT c.id FROM contact_addresses a JOIN contacts c ON c.id = a.contact_id "
            "WHERE a.kind = ? AND a.value = ?",
            (kind, value),
        )
        if row is None:
            return None
        return self.resolve_contact(int(row["id"]))

    def contact_with_name(self, kind: str, value: str) -> tuple[int, str] | None:
        """(surviving contact id, its name) for an address; one query when never merged."""
        row = self._one(
            "SELECT c.id, c.merged_into, c.name FROM contact_addresses a "
            "JOIN contacts c ON c.id = a.contact_id WHERE a.kind = ? AND a.value = ?",
            (kind, value),
        )
        if row is None:
            return None
        if row["merged_into"] is None:
            return int(row["id"]), str(row["name"])
        survivor = self.resolve_contact(int(row["id"]))
        return survivor, self.contact_name(survivor)

    def resolve_contact(self, contact_id: int) -> int:
        """Follow merged_into to the surviving contact."""
        seen = set()
        while contact_id not in seen:
            seen.add(contact_id)
            target = self._scalar("SELECT merged_into FROM contacts WHERE id = ?", (contact_id,))
            if target is None:
                return contact_id
            contact_id = int(target)
        return contact_id

    def insert_contact(self, name: str, created_at: str, kind: str = "persoon") -> int:
        cur = self._run(
            "INSERT INTO contacts(name, kind, created_at) VALUES (?, ?, ?)",
            (name, kind, created_at),
        )
        return int(cur.lastrowid or 0)

    def add_address(self, contact_id: int, kind: str, value: str, created_at: str) -> None:
        self._run(
            "INSERT OR IGNORE INTO contact_addresses(contact_id, kind, value, created_at) "
            "VALUES (?, ?, ?, ?)",
            (contact_id, kind, value, created_at),
        )

    def update_contact_name(self, contact_id: int, name: str) -> None:
        self._run("UPDATE contacts SET name = ? WHERE id = ? AND name = ''", (name, contact_id))

    def contact_name(self, contact_id: int | None) -> str:
        if contact_id is None:
            return ""
        return str(self._scalar("SELECT name FROM contacts WHERE id = ?", (contact_id,)) or "")

    def insert_case(self, values: dict[str, Any]) -> int:
        cols = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        cur = self._run(f"INSERT INTO cases({cols}) VALUES ({marks})", tuple(values.values()))
        return int(cur.lastrowid or 0)

    def update_case(self, case_id: int, values: dict[str, Any]) -> None:
        unknown = set(values) - CASE_COLUMNS
        if unknown:
            raise ValueError(f"unknown case columns: {sorted(unknown)}")
        sets = ", ".join(f"{col} = ?" for col in values)
        self._run(f"UPDATE cases SET {sets} WHERE id = ?", (*values.values(), case_id))

    def case_row(self, case_id: int) -> sqlite3.Row | None:
        return self._one("SELECT * FROM cases WHERE id = ?", (case_id,))

    def case_id_by_reference(self, reference: str) -> int | None:
        value = self._scalar("SELECT id FROM cases WHERE reference = ?", (reference.upper(),))
        return None if value is None else int(value)

    def references_numbered(self, number: int, year: int | None = None) -> list[str]:
        """References whose number part is `number` (of `year`, or any year), newest first."""
        pattern = f"LK-{year if year is not None else '*'}-{number:06d}"
        return [str(r[0]) for r in self._run(
            "SELECT reference FROM cases WHERE reference GLOB ? ORDER BY reference DESC LIMIT 5",
            (pattern,))]

    def case_id_by_message_ids(self, message_ids: Sequence[str]) -> int | None:
        for mid in message_ids:
            value = self._scalar(
                "SELECT case_id FROM messages WHERE message_id = ? AND case_id IS NOT NULL "
                "ORDER BY id DESC LIMIT 1",
                (mid,),
            )
            if value is not None:
                return int(value)
        return None

    def open_case_id_by_subject(
        self, contact_id: int, normalized_subject: str, since: str
    ) -> int | None:
        value = self._scalar(
            "SELECT id FROM cases WHERE contact_id = ? AND normalized_subject = ? "
            "AND status != 'afgerond' AND last_message_at >= ? "
            "ORDER BY last_message_at DESC LIMIT 1",
            (contact_id, normalized_subject, since),
        )
        return None if value is None else int(value)

    def message_exists(self, raw_sha256: str) -> int | None:
        value = self._scalar("SELECT id FROM messages WHERE raw_sha256 = ?", (raw_sha256,))
        return None if value is None else int(value)

    def imap_message_exists(
        self, account_id: int, folder: str, uidvalidity: int, uid: int
    ) -> int | None:
        value = self._scalar(
            "SELECT id FROM messages WHERE account_id = ? AND imap_folder = ? "
            "AND imap_uidvalidity = ? AND imap_uid = ?",
            (account_id, folder, uidvalidity, uid),
        )
        return None if value is None else int(value)

    def insert_message(self, values: dict[str, Any], contact: str) -> int:
        """Insert one message and its search-index row."""
        cur = self._run(_INSERT_MESSAGE, tuple(values.get(c) for c in MESSAGE_COLUMNS))
        message_id = int(cur.lastrowid or 0)
        self._run(_INSERT_INDEX, _message_index_row(message_id, values, contact))
        return message_id

    def insert_messages(self, rows: Iterable[dict[str, Any]], contacts: Sequence[str]) -> list[int]:
        """Bulk path: executemany for the rows, then one executemany for their index rows."""
        rows = list(rows)
        first = int(self._scalar("SELECT coalesce(max(id), 0) FROM messages") or 0) + 1
        ids = list(range(first, first + len(rows)))
        self.db.conn.executemany(
            f"INSERT INTO messages(id, {', '.join(MESSAGE_COLUMNS)}) "
            f"VALUES (?, {', '.join('?' for _ in MESSAGE_COLUMNS)})",
            ((mid, *(r.get(c) for c in MESSAGE_COLUMNS)) for mid, r in zip(ids, rows, strict=True)),
        )
        self.db.conn.executemany(
            _INSERT_INDEX,
            (
                _message_index_row(mid, r, name)
                for mid, r, name in zip(ids, rows, contacts, strict=True)
            ),
        )
        return ids

    def move_message(self, message_id: int, case_id: int) -> None:
        self._run("UPDATE messages SET case_id = ? WHERE id = ?", (case_id, message_id))
        self._run(
            "UPDATE search_index SET case_id = ? WHERE rowid = ?",
            (case_id, _index_rowid("message", message_id)),
        )

    def insert_attachment(self, message_id: int, values: dict[str, Any]) -> int:
        cur = self._run(
            "INSERT INTO attachments(message_id, filename, content_type, size, sha256, content_id, "
            "inline) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                message_id,
                values["filename"],
                values["content_type"],
                values["size"],
                values["sha256"],
                values.get("content_id"),
                int(bool(values.get("inline"))),
            ),
        )
        return int(cur.lastrowid or 0)

    def insert_note(
        self, case_id: int, author_id: int | None, created_at: str, text: str, contact: str
    ) -> int:
        cur = self._run(
            "INSERT INTO notes(case_id, author_id, created_at, text) VALUES (?, ?, ?, ?)",
            (case_id, author_id, created_at, text),
        )
        note_id = int(cur.lastrowid or 0)
        self._run(
            _INSERT_INDEX,
            (_index_rowid("note", note_id), "", text, indexed_with_phones(contact, (text,)),
             "note", note_id, case_id),
        )
        return note_id

    def insert_event(
        self,
        case_id: int | None,
        at: str,
        actor: str,
        kind: str,
        data: dict[str, Any],
        device: str = "",
    ) -> int:
        cur = self._run(
            "INSERT INTO case_events(uid, case_id, at, actor, device, kind, data) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (str(uuid.uuid4()), case_id, at, actor, device, kind, json.dumps(data, sort_keys=True)),
        )
        return int(cur.lastrowid or 0)

    def user_id(self, name: str) -> int | None:
        value = self._scalar("SELECT id FROM users WHERE name = ? AND active = 1", (name,))
        return None if value is None else int(value)

    def insert_user(self, name: str, display_name: str, role: str, created_at: str) -> int:
        cur = self._run(
            "INSERT INTO users(name, display_name, role, created_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(name) DO UPDATE SET display_name = excluded.display_name RETURNING id",
            (name, display_name, role, created_at),
        )
        row = cur.fetchone()
        return int(row[0])

    def active_user(self, name: str) -> sqlite3.Row | None:
        """id and role of an active person (None for unknown or disabled names)."""
        return self._one("SELECT id, role FROM users WHERE name = ? AND active = 1", (name,))

    def user_grants(self, user_id: int) -> list[str]:
        return [
            str(r[0])
            for r in self._rows("SELECT permission FROM user_grants WHERE user_id = ?", (user_id,))
        ]

    def case_reference(self, case_id: int) -> str | None:
        value = self._scalar("SELECT reference FROM cases WHERE id = ?", (case_id,))
        return None if value is None else str(value)

    def active_users(self) -> list[dict[str, Any]]:
        columns = "name, display_name, role"
        return self._rows_where("users", "active = 1", [], select=columns, order_by="display_name")

    def setting(self, key: str) -> str | None:
        value = self._scalar("SELECT value FROM settings WHERE key = ?", (key,))
        return None if value is None else str(value)

    def set_setting(self, key: str, value: str) -> None:
        self._run("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)", (key, value))

    def any_password_set(self) -> bool:
        return bool(self._scalar("SELECT 1 FROM users WHERE password_hash IS NOT NULL LIMIT 1"))

    def password_hash(self, name: str) -> str | None:
        row = self._one("SELECT password_hash FROM users WHERE name = ? AND active = 1", (name,))
        return None if row is None else row["password_hash"]

    def set_password_hash(self, name: str, hashed: str) -> bool:
        cur = self._run(
            "UPDATE users SET password_hash = ? WHERE name = ? AND active = 1", (hashed, name)
        )
        return cur.rowcount > 0

    def contact_by_any_value(self, value: str) -> int | None:
        """A resident by any of their addresses' values, whatever its kind (merged: survivor)."""
        row = self._one(
            "SELECT contact_id FROM contact_addresses WHERE value = ? ORDER BY id LIMIT 1",
            (value,),
        )
        return None if row is None else self.resolve_contact(int(row[0]))

    def raw_sha256_of(self, message_id: int) -> tuple[str | None, int | None] | None:
        """(original's digest, case id) of a message, or None when there is no such message."""
        row = self._one("SELECT raw_sha256, case_id FROM messages WHERE id = ?", (message_id,))
        return None if row is None else (row[0], row[1])

    def in_team_conflict(self, case_id: int, field: str) -> bool:
        """Whether laptops of the team set `field` of this case to different values at once."""
        return bool(
            self._scalar(
                "SELECT 1 FROM team_conflicts tc JOIN team_cases c ON c.uid = tc.case_uid "
                "WHERE c.case_id = ? AND tc.field = ?",
                (case_id, field),
            )
        )
