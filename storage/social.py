"""SQL of the file importers and the Mastodon channel: export files, message keys, accounts,
fetch positions and the statuses a reply needs.

Every writing method expects to run inside the gate's transaction (`loket.op(...)`); none
commits on its own. (sqlite-utils' table API is not used here: its writes commit the
connection, which would end the gate's transaction half-way.)
"""

from __future__ import annotations

import sqlite3
from typing import Any

from storage.base import Queries

MASTODON = "mastodon"


class SocialQueries(Queries):
    # -- imported export files -------------------------------------------------------------

    def import_file(self, sha256: str) -> sqlite3.Row | None:
        """(id, messages, duplicates) of an export file imported before, by its digest."""
        return self._one(
            "SELECT id, messages, duplicates FROM import_files WHERE sha256 = ?", (sha256,)
        )

    def insert_import_file(self, values: dict[str, Any]) -> int:
        cur = self._run(
            "INSERT INTO import_files(sha256, channel, filename, size, imported_at, actor, "
            "system_messages) VALUES (:sha256, :channel, :filename, :size, :imported_at, "
            ":actor, :system_messages)",
            values,
        )
        return int(cur.lastrowid or 0)

    def count_import_file(self, file_id: int, imported: int, duplicates: int) -> None:
        self._run(
            "UPDATE import_files SET messages = ?, duplicates = ? WHERE id = ?",
            (imported, duplicates, file_id),
        )

    def link_import_file(self, file_id: int, message_id: int) -> None:
        self._run(
            "INSERT OR IGNORE INTO import_file_messages(file_id, message_id) VALUES (?, ?)",
            (file_id, message_id),
        )

    # -- stable message keys (export messages, Mastodon status URIs) -----------------------

    def message_for_key(self, channel: str, key: str) -> int | None:
        value = self._scalar(
            "SELECT message_id FROM social_message_keys WHERE channel = ? AND key = ?",
            (channel, key),
        )
        return None if value is None else int(value)

    def add_message_key(self, channel: str, key: str, message_id: int) -> None:
        self._run(
            "INSERT INTO social_message_keys(channel, key, message_id) VALUES (?, ?, ?)",
            (channel, key, message_id),
        )

    def header_of(self, message_id: int) -> str | None:
        """The Message-ID header a stored message was filed under."""
        value = self._scalar("SELECT message_id FROM messages WHERE id = ?", (message_id,))
        return None if value is None else str(value)

    def parse_failed(self, message_id: int) -> bool:
        """Whether a stored message could not be parsed (kept as its original, flagged)."""
        return bool(
            self._scalar(
                "SELECT parse_error IS NOT NULL FROM messages WHERE id = ?", (message_id,)
            )
        )

    def attach_message(self, message_id: int, contact_id: int, new_case: bool) -> None:
        """Point a just-received message (and the case it opened) at `contact_id`; drop the
        contact `receive` made for the bare name when nothing else uses it."""
        row = self._one("SELECT contact_id, case_id FROM messages WHERE id = ?", (message_id,))
        if row is None or row["contact_id"] == contact_id:
            return
        spare = row["contact_id"]
        self._run("UPDATE messages SET contact_id = ? WHERE id = ?", (contact_id, message_id))
        if new_case and row["case_id"] is not None:
            self._run(
                "UPDATE cases SET contact_id = ? "
                "WHERE id = ? AND (contact_id IS NULL OR contact_id = ?)",
                (contact_id, row["case_id"], spare),
            )
        if spare is not None and spare != contact_id:
            in_use = self._scalar(
                "SELECT 1 WHERE EXISTS (SELECT 1 FROM messages WHERE contact_id = :c) "
                "OR EXISTS (SELECT 1 FROM cases WHERE contact_id = :c) "
                "OR EXISTS (SELECT 1 FROM contact_addresses WHERE contact_id = :c) "
                "OR EXISTS (SELECT 1 FROM contacts WHERE merged_into = :c)",
                {"c": spare},
            )
            if not in_use:
                self._run("DELETE FROM contacts WHERE id = ?", (spare,))

    # -- Mastodon accounts -------------------------------------------------------------------

    def mastodon_accounts(self) -> list[sqlite3.Row]:
        return self._rows(
            "SELECT * FROM accounts WHERE channel = ? AND enabled = 1 ORDER BY name", (MASTODON,)
        )

    def mastodon_account(self, name: str) -> sqlite3.Row | None:
        return self._one(
            "SELECT * FROM accounts WHERE name = ? AND channel = ? AND enabled = 1",
            (name, MASTODON),
        )

    def account_by_id(self, account_id: int) -> sqlite3.Row | None:
        return self._one("SELECT * FROM accounts WHERE id = ?", (account_id,))

    def account_name_taken(self, name: str) -> bool:
        """Whether an enabled account (of any channel) has this name."""
        return bool(self._scalar("SELECT 1 FROM accounts WHERE name = ? AND enabled = 1", (name,)))

    def add_mastodon_account(self, name: str, settings: str, created_at: str) -> int:
        """A new account row; a disabled (removed) account of that name makes way."""
        self._run("DELETE FROM accounts WHERE name = ? AND enabled = 0", (name,))
        cur = self._run(
            "INSERT INTO accounts(name, channel, settings, created_at) VALUES (?, ?, ?, ?)",
            (name, MASTODON, settings, created_at),
        )
        return int(cur.lastrowid or 0)

    def disable_account(self, name: str) -> None:
        self._run("UPDATE accounts SET enabled = 0 WHERE name = ?", (name,))

    # -- where fetching got to -------------------------------------------------------------

    def mastodon_cursor(self, account_id: int, stream: str) -> str | None:
        value = self._scalar(
            "SELECT newest_id FROM mastodon_sync WHERE account_id = ? AND stream = ?",
            (account_id, stream),
        )
        return None if value is None else str(value)

    def save_mastodon_state(
        self, account_id: int, stream: str, newest: str | None, at: str, error: str | None
    ) -> None:
        self._run(
            "INSERT INTO mastodon_sync(account_id, stream, newest_id, last_sync_at, last_error) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(account_id, stream) DO UPDATE SET "
            "newest_id = excluded.newest_id, last_sync_at = excluded.last_sync_at, "
            "last_error = excluded.last_error",
            (account_id, stream, newest, at, error),
        )
        # the same row shape as mail folders, so `account list` shows Mastodon too
        self._run(
            "INSERT INTO sync_state(account_id, folder, last_sync_at, last_error) "
            "VALUES (?, ?, ?, ?) ON CONFLICT(account_id, folder) DO UPDATE SET "
            "last_sync_at = excluded.last_sync_at, last_error = excluded.last_error",
            (account_id, stream, at, error),
        )

    def mastodon_status(self) -> list[dict[str, Any]]:
        """Per Mastodon account and stream: the last fetch and its error."""
        return self._dicts(
            "SELECT a.name AS account, s.stream, s.last_sync_at, s.last_error "
            "FROM accounts a LEFT JOIN mastodon_sync s ON s.account_id = a.id "
            "WHERE a.channel = ? AND a.enabled = 1 ORDER BY a.name, s.stream",
            (MASTODON,),
        )

    # -- statuses ----------------------------------------------------------------------------

    def add_mastodon_status(self, values: dict[str, Any]) -> None:
        self._run(
            "INSERT OR IGNORE INTO mastodon_statuses(message_id, account_id, status_id, uri, "
            "visibility, author_acct, mentions) VALUES (:message_id, :account_id, :status_id, "
            ":uri, :visibility, :author_acct, :mentions)",
            values,
        )

    def reply_target(self, case_id: int) -> sqlite3.Row | None:
        """The status a reply in this case answers: the newest one from the resident (else
        the newest at all), with the name of the account that fetched it."""
        return self._one(
            "SELECT s.*, m.direction, a.name AS account_name FROM mastodon_statuses s "
            "JOIN messages m ON m.id = s.message_id LEFT JOIN accounts a ON a.id = s.account_id "
            "WHERE m.case_id = ? "
            "ORDER BY m.direction = 'in' DESC, m.sent_at DESC, m.id DESC LIMIT 1",
            (case_id,),
        )
