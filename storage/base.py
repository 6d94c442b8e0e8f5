"""The base of storage's query classes: one feature's SQL, bound to one open database."""

from __future__ import annotations

import sqlite3
from typing import Any

from storage.db import Database, Params


class Queries:
    """Subclass per feature (storage/<feature>.py). Only the gate makes these, through `Store`;
    feature code calls their methods and never sees the connection."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def _rows(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        return self.db.query(sql, params)

    def _one(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        return self.db.one(sql, params)

    def _scalar(self, sql: str, params: Params = ()) -> Any:
        return self.db.scalar(sql, params)

    def _run(self, sql: str, params: Params = ()) -> sqlite3.Cursor:
        return self.db.conn.execute(sql, params)

    def _dicts(self, sql: str, params: Params = ()) -> list[dict[str, Any]]:
        """The rows as plain dicts, for reads whose callers show, compare or serialize them."""
        return [dict(r) for r in self._rows(sql, params)]

    def _rows_where(
        self,
        table: str,
        where: str,
        params: Params,
        *,
        select: str = "*",
        order_by: str | None = None,
    ) -> list[dict[str, Any]]:
        """A plain read of one table through sqlite-utils' `rows_where`, so such a read names
        only what differs (filter, columns, order). The rows are dicts: read them by column
        name (`row["id"]`), not by position."""
        rows = self.db.utils[table].rows_where(where, params, select=select, order_by=order_by)
        return list(rows)
