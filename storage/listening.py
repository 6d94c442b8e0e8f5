"""SQL of listening on Mastodon: watched terms, the public posts they found, and purging them.

Every writing method runs inside the gate's transaction (`loket.op(...)`); none commits.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from storage.base import Queries

# A post counts as made into a case when its URI is a key of a filed Mastodon message.
_CASE_OF_POST = (
    "LEFT JOIN social_message_keys k ON k.channel = 'mastodon' AND k.key = p.uri "
    "LEFT JOIN messages m ON m.id = k.message_id LEFT JOIN cases c ON c.id = m.case_id"
)


class ListeningQueries(Queries):
    # -- watched terms -----------------------------------------------------------------------

    def terms(self, account_id: int) -> list[str]:
        return [
            str(r[0])
            for r in self._rows(
                "SELECT term FROM mastodon_watch WHERE account_id = ? ORDER BY term",
                (account_id,),
            )
        ]

    def add_term(self, account_id: int, term: str, at: str, by: str) -> bool:
        """False when the account already watches `term`."""
        cur = self._run(
            "INSERT OR IGNORE INTO mastodon_watch(account_id, term, added_at, added_by) "
            "VALUES (?, ?, ?, ?)",
            (account_id, term, at, by),
        )
        return cur.rowcount > 0

    def remove_term(self, account_id: int, term: str, stream: str) -> bool:
        """Forget the term and where fetching it got to; False when it was not watched."""
        cur = self._run(
            "DELETE FROM mastodon_watch WHERE account_id = ? AND term = ?", (account_id, term)
        )
        for table, column in (("mastodon_sync", "stream"), ("sync_state", "folder")):
            self._run(
                f"DELETE FROM {table} WHERE account_id = ? AND {column} = ?",
                (account_id, stream),
            )
        return cur.rowcount > 0

    def set_account_settings(self, account_id: int, settings: str) -> None:
        self._run("UPDATE accounts SET settings = ? WHERE id = ?", (settings, account_id))

    # -- posts -------------------------------------------------------------------------------

    def post_by_uri(self, uri: str) -> sqlite3.Row | None:
        return self._one("SELECT id, terms FROM mastodon_posts WHERE uri = ?", (uri,))

    def add_post(self, values: dict[str, Any]) -> int:
        cur = self._run(
            "INSERT INTO mastodon_posts(account_id, status_id, uri, url, author_acct, "
            "author_name, text, terms, created_at, fetched_at, status) VALUES (:account_id, "
            ":status_id, :uri, :url, :author_acct, :author_name, :text, :terms, :created_at, "
            ":fetched_at, :status)",
            values,
        )
        return int(cur.lastrowid or 0)

    def set_terms(self, post_id: int, terms: str) -> None:
        self._run("UPDATE mastodon_posts SET terms = ? WHERE id = ?", (terms, post_id))

    def filed(self, uri: str) -> bool:
        """Whether a status with this URI is already a message in a case."""
        return bool(
            self._scalar(
                "SELECT 1 FROM social_message_keys WHERE channel = 'mastodon' AND key = ?",
                (uri,),
            )
        )

    def posts(self, since: str, limit: int) -> list[sqlite3.Row]:
        """Posts written since `since`, newest first, with the case each was made into."""
        return self._rows(
            "SELECT p.id, p.account_id, a.name AS account, p.status_id, p.url, p.author_acct, "
            "p.author_name, p.text, p.terms, p.created_at, c.reference AS case_reference "
            f"FROM mastodon_posts p LEFT JOIN accounts a ON a.id = p.account_id {_CASE_OF_POST} "
            "WHERE p.created_at >= ? ORDER BY p.created_at DESC, p.id DESC LIMIT ?",
            (since, limit),
        )

    def post(self, post_id: int) -> sqlite3.Row | None:
        return self._one(
            "SELECT p.*, c.reference AS case_reference "
            f"FROM mastodon_posts p {_CASE_OF_POST} WHERE p.id = ?",
            (post_id,),
        )

    def purge(self, account_id: int, before: str) -> int:
        """Delete the account's posts written before `before`; how many went."""
        cur = self._run(
            "DELETE FROM mastodon_posts WHERE account_id = ? AND created_at < ?",
            (account_id, before),
        )
        return max(cur.rowcount, 0)

    def forget_account(self, account_id: int) -> int:
        """A removed account's heard posts go with it; how many."""
        cur = self._run("DELETE FROM mastodon_posts WHERE account_id = ?", (account_id,))
        return max(cur.rowcount, 0)
