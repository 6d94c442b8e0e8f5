"""SQL of the e-mail channel: accounts, sync state, filing fetched mail in bulk, the outbox and
what a screen shows of an e-mail. Used through `op.store.mail` (the gate) only.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from storage.base import Queries

BULK_CACHE_KIB = -65536  # 64 MiB of page cache while a sync files its batches
BULK_CHECKPOINT_PAGES = 16384  # 64 MiB of WAL between checkpoints (default: 1,000 pages)


def _marks(values: Sequence[Any]) -> str:
    return ",".join("?" for _ in values)


def _chunks(values: Sequence[Any], size: int = 500) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


class MailQueries(Queries):
    # -- the installation and its accounts --------------------------------------------------

    def installation_id(self) -> str:
        """A random id per database, so two installations never share keyring entries."""
        value = self._scalar("SELECT value FROM settings WHERE key = 'installation_id'")
        if value:
            return str(value)
        with self.db.transaction():
            self._run(
                "INSERT OR IGNORE INTO settings(key, value) VALUES ('installation_id', ?)",
                (str(uuid.uuid4()),),
            )
        return str(self._scalar("SELECT value FROM settings WHERE key = 'installation_id'"))

    def account_exists(self, name: str) -> bool:
        return bool(self._scalar("SELECT 1 FROM accounts WHERE name = ?", (name,)))

    def insert_account(self, name: str, channel: str, settings: str, created_at: str) -> int:
        cur = self._run(
            "INSERT INTO accounts(name, channel, settings, created_at) VALUES (?, ?, ?, ?)",
            (name, channel, settings, created_at),
        )
        return int(cur.lastrowid or 0)

    def update_account_settings(self, account_id: int, settings: str) -> None:
        self._run("UPDATE accounts SET settings = ? WHERE id = ?", (settings, account_id))

    def accounts(self, channel: str) -> list[sqlite3.Row]:
        """The enabled accounts of a channel ('email', 'mastodon'), by name."""
        return self._rows(
            "SELECT * FROM accounts WHERE channel = ? AND enabled = 1 ORDER BY name", (channel,)
        )

    def account(self, name: str, channel: str) -> sqlite3.Row | None:
        return self._one(
            "SELECT * FROM accounts WHERE name = ? AND channel = ? AND enabled = 1",
            (name, channel),
        )

    def disable_account(self, name: str) -> bool:
        return self._run("UPDATE accounts SET enabled = 0 WHERE name = ?", (name,)).rowcount > 0

    def status(self) -> list[dict[str, Any]]:
        """Per enabled account and folder: last sync, last error and how far it got."""
        return self._dicts(
            "SELECT a.name AS account, s.folder, s.last_sync_at, s.last_error, s.last_uid "
            "FROM accounts a LEFT JOIN sync_state s ON s.account_id = a.id "
            "WHERE a.enabled = 1 ORDER BY a.name, s.folder"
        )

    # -- sync state -------------------------------------------------------------------------

    def sync_state(self, account_id: int, folder: str) -> sqlite3.Row | None:
        return self._one(
            "SELECT * FROM sync_state WHERE account_id = ? AND folder = ?", (account_id, folder)
        )

    def save_sync_state(
        self,
        account_id: int,
        folder: str,
        uidvalidity: int,
        last_uid: int,
        highestmodseq: int | None,
        at: str,
    ) -> None:
        self._run(
            "INSERT INTO sync_state(account_id, folder, uidvalidity, last_uid, highestmodseq, "
            "last_sync_at, last_error) VALUES (?, ?, ?, ?, ?, ?, NULL) "
            "ON CONFLICT(account_id, folder) DO UPDATE SET uidvalidity = excluded.uidvalidity, "
            "last_uid = excluded.last_uid, highestmodseq = excluded.highestmodseq, "
            "last_sync_at = excluded.last_sync_at, last_error = NULL",
            (account_id, folder, uidvalidity, last_uid, highestmodseq, at),
        )

    def record_sync_error(self, account_id: int, folder: str, error: str) -> None:
        self._run(
            "INSERT INTO sync_state(account_id, folder, last_error) VALUES (?, ?, ?) "
            "ON CONFLICT(account_id, folder) DO UPDATE SET last_error = excluded.last_error",
            (account_id, folder, error),
        )

    def stored_uids(
        self, account_id: int, folder: str, uidvalidity: int, above: int
    ) -> set[int]:
        """UIDs above `above` of this folder already stored (kept back after a gap)."""
        return {
            int(r[0])
            for r in self._rows(
                "SELECT imap_uid FROM messages WHERE account_id = ? AND imap_folder = ? "
                "AND imap_uidvalidity = ? AND imap_uid > ?",
                (account_id, folder, uidvalidity, above),
            )
        }

    # -- filing a batch ---------------------------------------------------------------------

    def known_digests(self, digests: Sequence[str]) -> dict[str, int]:
        """Which of these originals a message already names: digest -> message id."""
        found: dict[str, int] = {}
        for chunk in _chunks(list(dict.fromkeys(digests))):
            for r in self._rows(
                f"SELECT raw_sha256, id FROM messages WHERE raw_sha256 IN ({_marks(chunk)})",
                chunk,
            ):
                found[str(r[0])] = int(r[1])
        return found

    def relocate(
        self, message_id: int, account_id: int, folder: str, uidvalidity: int, uid: int
    ) -> None:
        """A stored message seen again under a new UIDVALIDITY: point it at its new place."""
        self._run(
            "UPDATE messages SET imap_uidvalidity = ?, imap_uid = ? WHERE id = ? "
            "AND account_id = ? AND imap_folder = ?",
            (uidvalidity, uid, message_id, account_id, folder),
        )

    def contacts_by_address(self, kind: str, values: Sequence[str]) -> dict[str, sqlite3.Row]:
        """value -> (id, merged_into, name) of the residents with these addresses."""
        found: dict[str, sqlite3.Row] = {}
        for chunk in _chunks(list(dict.fromkeys(values))):
            for r in self._rows(
                "SELECT a.value, c.id, c.merged_into, c.name FROM contact_addresses a "
                f"JOIN contacts c ON c.id = a.contact_id WHERE a.kind = ? "
                f"AND a.value IN ({_marks(chunk)})",
                (kind, *chunk),
            ):
                found[str(r["value"])] = r
        return found

    def cases_by_message_ids(self, message_ids: Sequence[str]) -> dict[str, int]:
        """Message-ID -> case of the newest message with it (threading by headers)."""
        found: dict[str, int] = {}
        for chunk in _chunks(list(dict.fromkeys(message_ids))):
            for r in self._rows(
                "SELECT message_id, case_id FROM messages WHERE case_id IS NOT NULL AND "
                f"message_id IN ({_marks(chunk)}) ORDER BY id",
                chunk,
            ):
                found[str(r[0])] = int(r[1])
        return found

    def insert_attachments(self, rows: Iterable[tuple[Any, ...]]) -> None:
        """(message id, filename, content type, size, sha256, content id, inline) rows."""
        self.db.conn.executemany(
            "INSERT INTO attachments(message_id, filename, content_type, size, sha256, "
            "content_id, inline) VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )

    @contextmanager
    def attempt(self) -> Iterator[None]:
        """A savepoint: what the block wrote is undone when it raises (the batch goes on)."""
        self._run("SAVEPOINT mail_attempt")
        try:
            yield
        except BaseException:
            self._run("ROLLBACK TO mail_attempt")
            self._run("RELEASE mail_attempt")
            raise
        self._run("RELEASE mail_attempt")

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """A long sync: a page cache that holds a whole batch (no pages spilled and encrypted
        twice) and fewer, larger WAL checkpoints, with one at the end. Durability is unchanged:
        every commit is in the WAL as before; only when it is copied into the file differs."""
        cache = self._scalar("PRAGMA cache_size")
        autocheckpoint = self._scalar("PRAGMA wal_autocheckpoint")
        self._run(f"PRAGMA cache_size = {BULK_CACHE_KIB}")
        self._run(f"PRAGMA wal_autocheckpoint = {BULK_CHECKPOINT_PAGES}")
        try:
            yield
        finally:
            self._run(f"PRAGMA cache_size = {int(cache)}")
            self._run(f"PRAGMA wal_autocheckpoint = {int(autocheckpoint)}")
            if self.db.path is not None:
                self._run("PRAGMA wal_checkpoint(PASSIVE)")

    # -- moving handled mail on the server --------------------------------------------------

    def handled_messages(self, account_id: int, target: str) -> list[sqlite3.Row]:
        return self._rows(
            "SELECT m.id, m.imap_folder, m.imap_uidvalidity, m.imap_uid FROM messages m "
            "JOIN cases c ON c.id = m.case_id WHERE c.status = 'afgerond' AND m.account_id = ? "
            "AND m.imap_uid IS NOT NULL AND m.imap_folder != ? "
            "ORDER BY m.imap_folder, m.imap_uid",
            (account_id, target),
        )

    def mark_moved(self, account_id: int, message_ids: Sequence[int], target: str,
                   at: str) -> None:
        for message_id in message_ids:
            self._run(
                "UPDATE messages SET imap_folder = ?, imap_uid = NULL, imap_uidvalidity = NULL "
                "WHERE id = ?",
                (target, message_id),
            )
            self._run(
                "INSERT INTO imap_actions(account_id, message_row_id, action, target, "
                "created_at, done_at) VALUES (?, ?, 'move', ?, ?, ?)",
                (account_id, message_id, target, at, at),
            )

    # -- replies and the outbox -------------------------------------------------------------

    def last_inbound_email(self, case_id: int) -> sqlite3.Row | None:
        return self._one(
            "SELECT sender, message_id, references_, subject FROM messages WHERE case_id = ? "
            "AND channel = 'email' AND direction = 'in' AND internal IS NULL "
            "ORDER BY sent_at DESC, id DESC LIMIT 1",
            (case_id,),
        )

    def first_email_address(self, contact_id: int | None) -> str | None:
        if contact_id is None:
            return None
        value = self._scalar(
            "SELECT value FROM contact_addresses WHERE contact_id = ? AND kind = 'email' "
            "ORDER BY id LIMIT 1",
            (contact_id,),
        )
        return None if value is None else str(value)

    def queue_reply(self, values: dict[str, Any]) -> int:
        cols = ("account_id", "case_id", "message_row_id", "raw_sha256", "message_id",
                "sender", "recipients", "next_attempt_at", "created_at")
        cur = self._run(
            f"INSERT INTO outbox({', '.join(cols)}, state) VALUES ({_marks(cols)}, 'queued')",
            tuple(values[c] for c in cols),
        )
        return int(cur.lastrowid or 0)

    def due_replies(self, account_id: int, now: str) -> list[sqlite3.Row]:
        return self._rows(
            "SELECT * FROM outbox WHERE account_id = ? AND state = 'queued' "
            "AND next_attempt_at <= ? ORDER BY id",
            (account_id, now),
        )

    def interrupted_replies(self, account_id: int) -> list[sqlite3.Row]:
        return self._rows(
            "SELECT * FROM outbox WHERE account_id = ? AND state = 'sending'", (account_id,)
        )

    _OUTBOX_COLUMNS = frozenset(
        {"state", "attempts", "last_error", "next_attempt_at", "sent_at", "appended_to_sent"}
    )

    def set_reply(self, outbox_id: int, values: dict[str, Any]) -> None:
        unknown = set(values) - self._OUTBOX_COLUMNS
        if unknown:
            raise ValueError(f"unknown outbox columns: {sorted(unknown)}")
        sets = ", ".join(f"{k} = ?" for k in values)
        self._run(f"UPDATE outbox SET {sets} WHERE id = ?", (*values.values(), outbox_id))

    def reply(self, outbox_id: int) -> sqlite3.Row | None:
        return self._one(
            "SELECT o.*, c.reference FROM outbox o LEFT JOIN cases c ON c.id = o.case_id "
            "WHERE o.id = ?",
            (outbox_id,),
        )

    def outbox(self) -> list[dict[str, Any]]:
        return self._dicts(
            "SELECT o.id, c.reference, o.recipients, o.state, o.attempts, o.last_error, "
            "o.created_at, o.sent_at FROM outbox o LEFT JOIN cases c ON c.id = o.case_id "
            "ORDER BY o.id DESC"
        )

    def outbox_of_case(self, case_id: int) -> list[sqlite3.Row]:
        """The case's replies in the outbox, with the account each goes out through."""
        return self._rows(
            "SELECT o.id, o.message_row_id, a.name AS account, o.state, o.attempts, "
            "o.last_error, o.sent_at FROM outbox o LEFT JOIN accounts a ON a.id = o.account_id "
            "WHERE o.case_id = ? AND o.message_row_id IS NOT NULL ORDER BY o.id",
            (case_id,),
        )

    # -- what a screen shows of an e-mail ---------------------------------------------------

    def bodies(self, message_ids: Sequence[int]) -> list[sqlite3.Row]:
        return self._rows(
            "SELECT m.id, m.body_text, m.body_html, m.case_id, c.reference, c.confidential, "
            "c.assignee_id, c.contact_id FROM messages m LEFT JOIN cases c ON c.id = m.case_id "
            f"WHERE m.id IN ({_marks(message_ids)})",
            tuple(message_ids),
        )

    def attachments_of(self, message_ids: Sequence[int]) -> list[sqlite3.Row]:
        return self._rows(
            "SELECT id, message_id, filename, content_type, size, sha256, inline, content_id "
            f"FROM attachments WHERE message_id IN ({_marks(message_ids)}) ORDER BY id",
            tuple(message_ids),
        )

    def attachment(self, attachment_id: int) -> sqlite3.Row | None:
        return self._one(
            "SELECT a.id, a.message_id, a.filename, a.content_type, a.size, a.sha256, a.inline, "
            "a.content_id, m.case_id FROM attachments a JOIN messages m ON m.id = a.message_id "
            "WHERE a.id = ?",
            (attachment_id,),
        )
