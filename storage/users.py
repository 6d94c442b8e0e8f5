"""SQL of identity: colleagues, their roles and rights, passwords and sign-in attempts."""

from __future__ import annotations

import sqlite3
from typing import Any

from storage.base import Queries


class UserQueries(Queries):
    def count(self) -> int:
        return int(self._scalar("SELECT count(*) FROM users") or 0)

    def any_password(self) -> bool:
        return bool(self._scalar("SELECT 1 FROM users WHERE password_hash IS NOT NULL LIMIT 1"))

    def row(self, login: str) -> sqlite3.Row | None:
        return self._one("SELECT * FROM users WHERE name = ?", (login,))

    def listing(self) -> list[dict[str, Any]]:
        return self._dicts(
            "SELECT u.id, u.name, u.display_name, u.role, u.active, u.created_at, "
            "u.must_change_password, u.password_changed_at, u.disabled_at, "
            "u.password_hash IS NOT NULL AS has_password, "
            "coalesce(a.locked, 0) AS locked, coalesce(a.failures, 0) AS failures, "
            "(SELECT group_concat(g.permission) FROM user_grants g WHERE g.user_id = u.id) "
            "AS grants FROM users u LEFT JOIN sign_in_attempts a ON a.login = u.name "
            "ORDER BY u.display_name COLLATE NOCASE"
        )

    def add(self, login: str, name: str, role: str, created_at: str) -> int:
        cur = self._run(
            "INSERT INTO users(name, display_name, role, created_at) VALUES (?, ?, ?, ?)",
            (login, name, role, created_at),
        )
        return int(cur.lastrowid or 0)

    def set_password(self, login: str, hashed: str, temporary: bool, at: str) -> bool:
        cur = self._run(
            "UPDATE users SET password_hash = ?, must_change_password = ?, "
            "password_changed_at = ? WHERE name = ?",
            (hashed, int(temporary), at, login),
        )
        return cur.rowcount > 0

    def set_role(self, login: str, role: str) -> None:
        self._run("UPDATE users SET role = ? WHERE name = ?", (role, login))

    def set_active(self, login: str, active: bool, at: str) -> None:
        self._run(
            "UPDATE users SET active = ?, disabled_at = ? WHERE name = ?",
            (int(active), None if active else at, login),
        )

    def active_beheerders(self) -> list[str]:
        return [str(r[0]) for r in self._rows(
            "SELECT name FROM users WHERE role = 'beheerder' AND active = 1 "
            "AND password_hash IS NOT NULL")]

    def grant(self, user_id: int, permission: str, by: str, at: str) -> None:
        self._run(
            "INSERT OR IGNORE INTO user_grants(user_id, permission, granted_by, granted_at) "
            "VALUES (?, ?, ?, ?)",
            (user_id, permission, by, at),
        )

    def revoke(self, user_id: int, permission: str) -> None:
        self._run("DELETE FROM user_grants WHERE user_id = ? AND permission = ?",
                  (user_id, permission))

    # -- sign-in attempts -------------------------------------------------------------------

    def attempts(self, login: str) -> sqlite3.Row | None:
        return self._one("SELECT * FROM sign_in_attempts WHERE login = ?", (login,))

    def record_failure(self, login: str, failures: int, next_at: str, locked: bool,
                       at: str) -> None:
        self._run(
            "INSERT INTO sign_in_attempts(login, failures, next_attempt_at, locked, "
            "last_failure_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(login) DO UPDATE SET "
            "failures = excluded.failures, next_attempt_at = excluded.next_attempt_at, "
            "locked = excluded.locked, last_failure_at = excluded.last_failure_at",
            (login, failures, next_at, int(locked), at),
        )

    def clear_attempts(self, login: str) -> None:
        self._run("DELETE FROM sign_in_attempts WHERE login = ?", (login,))
