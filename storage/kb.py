"""The kennisbank's SQL: articles and their versions, uses, missed searches, granted rights."""

from __future__ import annotations

import sqlite3
from typing import Any

from storage.base import Queries

ARTICLE_COLUMNS = (
    "uid", "title", "questions", "answer", "product", "link", "department", "owner",
    "review_on", "status", "version", "hlc", "updated_at", "updated_by",
)


class KbQueries(Queries):
    """Read and write the kb_* tables (storage/schema_kb.py)."""

    # -- articles ------------------------------------------------------------------------

    def generation(self) -> str:
        """Changes whenever an article or a version is added or changed (index cache key)."""
        row = self._one(
            "SELECT (SELECT count(*) FROM kb_articles), (SELECT coalesce(max(id), 0) FROM "
            "kb_versions), (SELECT coalesce(max(updated_at), '') FROM kb_articles)"
        )
        assert row is not None
        return f"{row[0]}:{row[1]}:{row[2]}"

    def articles(self, status: str | None = None) -> list[sqlite3.Row]:
        if status is None:
            return self._rows("SELECT * FROM kb_articles ORDER BY title COLLATE NOCASE, id")
        return self._rows(
            "SELECT * FROM kb_articles WHERE status = ? ORDER BY title COLLATE NOCASE, id",
            (status,),
        )

    def article(self, uid: str) -> sqlite3.Row | None:
        return self._one("SELECT * FROM kb_articles WHERE uid = ?", (uid,))

    def article_by_id(self, article_id: int) -> sqlite3.Row | None:
        return self._one("SELECT * FROM kb_articles WHERE id = ?", (article_id,))

    def by_title(self, title: str) -> sqlite3.Row | None:
        return self._one(
            "SELECT * FROM kb_articles WHERE title = ? COLLATE NOCASE ORDER BY id LIMIT 1",
            (title,),
        )

    def upsert_articles(self, rows: list[dict[str, Any]]) -> None:
        """Insert or replace whole articles by uid (sqlite-utils' bulk upsert)."""
        if rows:
            self.db.utils["kb_articles"].upsert_all(
                [{k: r[k] for k in ARTICLE_COLUMNS} for r in rows], pk="uid"
            )

    def add_versions(self, rows: list[dict[str, Any]]) -> None:
        if rows:
            self.db.utils["kb_versions"].insert_all(rows)

    def add_version_once(self, row: dict[str, Any]) -> bool:
        """A version from a team event; False when that event was applied already."""
        cur = self._run(
            "INSERT OR IGNORE INTO kb_versions(article_uid, version, content, author, at, "
            "event_id) VALUES (:article_uid, :version, :content, :author, :at, :event_id)",
            row,
        )
        return bool(cur.rowcount)

    def versions(self, uid: str) -> list[sqlite3.Row]:
        return self._rows(
            "SELECT * FROM kb_versions WHERE article_uid = ? ORDER BY id", (uid,)
        )

    def version_count(self, uid: str) -> int:
        return int(self._scalar("SELECT count(*) FROM kb_versions WHERE article_uid = ?", (uid,)))

    def set_hlc(self, uid: str, hlc: str) -> None:
        self._run("UPDATE kb_articles SET hlc = ? WHERE uid = ?", (hlc, uid))

    def link_version_event(self, uid: str, event_id: str) -> None:
        """The team event that carries this laptop's newest version of `uid`."""
        self._run(
            "UPDATE kb_versions SET event_id = ? WHERE id = (SELECT max(id) FROM kb_versions "
            "WHERE article_uid = ?) AND event_id IS NULL",
            (event_id, uid),
        )

    # -- use and health ------------------------------------------------------------------

    def record_use(self, uid: str, at: str, actor: str, place: str) -> None:
        self._run(
            "INSERT INTO kb_uses(article_uid, at, actor, place) VALUES (?, ?, ?, ?)",
            (uid, at, actor, place),
        )

    def use_counts(self, since: str = "") -> dict[str, tuple[int, str]]:
        """uid -> (uses, last used) since `since` (all time when empty)."""
        return {
            str(r[0]): (int(r[1]), str(r[2]))
            for r in self._rows(
                "SELECT article_uid, count(*), max(at) FROM kb_uses WHERE at >= ? "
                "GROUP BY article_uid",
                (since,),
            )
        }

    def record_miss(self, at: str, query: str) -> None:
        self._run("INSERT INTO kb_missed_searches(at, query) VALUES (?, ?)", (at, query))

    def misses(self, since: str, limit: int = 50) -> list[sqlite3.Row]:
        return self._rows(
            "SELECT query, count(*) AS n, max(at) AS last FROM kb_missed_searches WHERE at >= ? "
            "GROUP BY query ORDER BY n DESC, last DESC LIMIT ?",
            (since, limit),
        )

    # -- team sync -----------------------------------------------------------------------

    def waiting_team_events(self, kind: str) -> list[dict[str, Any]]:
        """Team events of `kind` whose version is not in kb_versions yet."""
        applied = "SELECT event_id FROM kb_versions WHERE event_id IS NOT NULL"
        return self._rows_where(
            "team_events",
            f"kind = ? AND id NOT IN ({applied})",
            [kind],
            select="id, hlc, device, body",
            order_by="hlc, device, id",
        )
