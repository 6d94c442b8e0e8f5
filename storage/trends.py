"""The SQL of trends: incoming messages of a period, their cases, and queuing a signal mail."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from storage.base import Queries


class TrendsQueries(Queries):
    def incoming(self, since: str, until: str) -> list[sqlite3.Row]:
        """Messages from residents in [since, until): text for counting, never for showing.
        Public posts heard while listening on Mastodon count too, as rows with a negative id
        (minus the post's id), no case, and the watched terms that found them (JSON); a post
        already made into a case counts once, as its message."""
        return self._rows(
            "SELECT m.id, m.case_id, m.sent_at, m.subject, m.body_text, m.sender_name, "
            "c.product, c.contact_id, '' AS terms FROM messages m "
            "LEFT JOIN cases c ON c.id = m.case_id "
            "WHERE m.direction = 'in' AND m.sent_at >= ? AND m.sent_at < ? "
            "UNION ALL "
            "SELECT -p.id, NULL, p.created_at, '', p.text, p.author_name, NULL, NULL, p.terms "
            "FROM mastodon_posts p WHERE p.created_at >= ? AND p.created_at < ? AND NOT EXISTS "
            "(SELECT 1 FROM social_message_keys k WHERE k.channel = 'mastodon' AND k.key = p.uri) "
            "ORDER BY 3",
            (since, until, since, until),
        )

    def contact_names(self, contact_ids: Sequence[int]) -> dict[int, str]:
        """Names of the residents behind the messages, to strip them from phrases."""
        found: dict[int, str] = {}
        ids = sorted(set(contact_ids))
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for r in self._rows(f"SELECT id, name FROM contacts WHERE id IN ({marks})", chunk):
                found[int(r[0])] = str(r[1] or "")
        return found

    def cases(self, case_ids: Sequence[int], visible_to: int | None) -> list[sqlite3.Row]:
        """Reference, subject and status of cases; vertrouwelijk ones only for their assignee
        (`visible_to` None: all)."""
        ids = sorted(set(case_ids))[:1000]
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        return self._rows(
            f"SELECT id, reference, subject, status, last_message_at FROM cases "
            f"WHERE id IN ({marks}) AND (? IS NULL OR confidential = 0 OR assignee_id = ?) "
            f"ORDER BY last_message_at DESC",
            (*ids, visible_to, visible_to),
        )

    def mail_account(self) -> sqlite3.Row | None:
        """The first enabled e-mail account: signals go out from it."""
        return self._one(
            "SELECT id, name, settings FROM accounts WHERE channel = 'email' AND enabled = 1 "
            "ORDER BY id LIMIT 1"
        )

    def queue_mail(
        self, account_id: int, raw_sha256: str, message_id: str, sender: str, recipients: str,
        at: str,
    ) -> int:
        """A mail with no case in the outbox; smtp.deliver sends it like a reply."""
        cur = self._run(
            "INSERT INTO outbox(account_id, case_id, message_row_id, raw_sha256, message_id, "
            "sender, recipients, state, next_attempt_at, created_at) "
            "VALUES (?, NULL, NULL, ?, ?, ?, ?, 'queued', ?, ?)",
            (account_id, raw_sha256, message_id, sender, recipients, at, at),
        )
        return int(cur.lastrowid or 0)
