"""SQL for reading: case lists, a case's timeline, full-text search and counts."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from storage.base import Queries
from storage.callbacks import OPEN as OPEN_CALLBACK
from storage.search_terms import phones_in_query

SORTS = {
    "last_message_at": "c.last_message_at",
    "opened_at": "c.opened_at",
    "reference": "c.reference",
    "subject": "c.subject COLLATE NOCASE",
    "status": "c.status",
    "contact": "p.name COLLATE NOCASE",
    "assignee": "u.display_name COLLATE NOCASE",
    "channel": "c.channel",
    "deadline": "c.deadline",
    "due_at": "coalesce(c.due_at, '9999')",
    "callback_due": "c.callback_due",
    "messages": "(SELECT count(*) FROM messages m WHERE m.case_id = c.id)",
}

# sorts with an index on (status, sort key): a page over several statuses is read per status
_STATUS_INDEXED_SORTS = frozenset({"last_message_at"})


@dataclass(frozen=True)
class CaseQuery:
    """Which cases a list shows; everything is filtered and sorted in SQL."""

    statuses: tuple[str, ...] = ()
    channel: str | None = None
    assignee_id: int | None = None
    unassigned: bool = False
    contact_id: int | None = None
    text: str = ""
    sort: str = "last_message_at"
    descending: bool = True
    extra_params: dict[str, Any] = field(default_factory=dict)
    # None: every case; a user id: vertrouwelijk cases only when assigned to that user
    visible_to: int | None = None
    # "antwoord uiterlijk" (UTC text): due in [due_from, due_to]; late: due (or, handed over,
    # the department's due) before `late_at` (inbox/deadlines.py says which statuses count)
    due_from: str | None = None
    due_to: str | None = None
    late_at: str | None = None
    callbacks: bool = False  # only cases with an open call-back request
    callback_for_id: int | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.statuses:
            clauses.append(f"c.status IN ({', '.join('?' for _ in self.statuses)})")
            params.extend(self.statuses)
        if self.channel:
            clauses.append(
                "(c.channel = ? OR EXISTS (SELECT 1 FROM messages m "
                "WHERE m.case_id = c.id AND m.channel = ?))"
            )
            params.extend([self.channel, self.channel])
        if self.assignee_id is not None:
            clauses.append("c.assignee_id = ?")
            params.append(self.assignee_id)
        if self.unassigned:
            clauses.append("c.assignee_id IS NULL")
        if self.contact_id is not None:
            clauses.append("c.contact_id = ?")
            params.append(self.contact_id)
        if self.visible_to is not None:
            clauses.append("(c.confidential = 0 OR c.assignee_id = ?)")
            params.append(self.visible_to)
        if self.due_from is not None:
            clauses.append("c.due_at >= ?")
            params.append(self.due_from)
        if self.due_to is not None:
            clauses.append("c.due_at <= ?")
            params.append(self.due_to)
        if self.late_at is not None:
            clauses.append(
                "(c.due_at < ? OR (c.status = 'bij_vakafdeling' AND c.forward_due < ? "
                "AND c.reported_back_at IS NULL))"
            )
            params.extend([self.late_at, self.late_at])
        if self.callbacks:
            clauses.append(OPEN_CALLBACK)
        if self.callback_for_id is not None:
            clauses.append("c.callback_for_id = ?")
            params.append(self.callback_for_id)
        fts = fts_query(self.text)
        if fts:
            phones = phones_in_query(self.text)[1]
            by_phone = ""
            if phones:  # every case of the resident(s) with that number, merged ones too
                by_phone = (
                    " OR c.contact_id IN (WITH RECURSIVE up(id) AS (SELECT contact_id FROM "
                    "contact_addresses WHERE kind = 'telefoonnummer' AND value IN "
                    f"({', '.join('?' for _ in phones)}) UNION SELECT p.merged_into FROM "
                    "contacts p JOIN up ON p.id = up.id WHERE p.merged_into IS NOT NULL), "
                    "down(id) AS (SELECT id FROM up UNION SELECT p.id FROM contacts p JOIN "
                    "down ON p.merged_into = down.id) SELECT id FROM down)"
                )
            # the matching rows' cases from the narrow search_case table (storage/
            # schema_speed.py), not from search_index's stored columns
            clauses.append(
                "(c.id IN (SELECT sc.case_id FROM search_index s "
                "JOIN search_case sc ON sc.entry = s.rowid WHERE search_index MATCH ?) "
                f"OR c.reference = ?{by_phone})"
            )
            params.extend([fts, self.text.strip().upper(), *phones])
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str:
    """A safe FTS5 query from what a person typed: every word must match, the last as prefix.
    A phone number, in any notation, becomes the digits of its E.164 form (as indexed)."""
    tokens = _TOKEN_RE.findall(phones_in_query(text)[0])
    if not tokens:
        return ""
    quoted = [f'"{t}"' for t in tokens]
    quoted[-1] += "*"
    return " ".join(quoted)


_SUMMARY_SQL = """
SELECT c.id, c.reference, c.subject, c.status, c.channel, c.last_message_at, c.opened_at,
       c.product, c.deadline, c.labels, c.contact_id, c.assignee_id, c.confidential,
       coalesce(p.name, '') AS contact,
       (SELECT a.value FROM contact_addresses a WHERE a.contact_id = p.id ORDER BY a.id LIMIT 1)
           AS contact_address,
       u.display_name AS assignee,
       (SELECT count(*) FROM messages m WHERE m.case_id = c.id) AS messages,
       (SELECT group_concat(DISTINCT m.channel) FROM messages m WHERE m.case_id = c.id)
           AS channels,
       (SELECT count(*) FROM notes n WHERE n.case_id = c.id) AS notes,
       c.due_at, c.department, c.forwarded_at, c.forward_due, c.reported_back_at,
       c.callback_requested_at, c.callback_due, c.callback_window, c.callback_outcome,
       (SELECT cu.name FROM users cu WHERE cu.id = c.callback_for_id) AS callback_for
FROM cases c
LEFT JOIN contacts p ON p.id = c.contact_id
LEFT JOIN users u ON u.id = c.assignee_id
"""


class Reads(Queries):
    """Reading: case lists, a case's timeline, full-text search and counts."""

    def case_ids(self, query: CaseQuery, limit: int = -1, offset: int = 0) -> list[int]:
        where, params = query.where()
        order = SORTS.get(query.sort, SORTS["last_message_at"])
        direction = "DESC" if query.descending else "ASC"
        joins = ""
        if query.sort == "contact":
            joins += " LEFT JOIN contacts p ON p.id = c.contact_id"
        if query.sort == "assignee":
            joins += " LEFT JOIN users u ON u.id = c.assignee_id"
        if limit >= 0 and len(query.statuses) > 1 and query.sort in _STATUS_INDEXED_SORTS:
            return self._case_ids_per_status(query, order, direction, joins, limit, offset)
        sql = (
            f"SELECT c.id FROM cases c{joins}{where} "
            f"ORDER BY {order} {direction}, c.id {direction} "
            "LIMIT ? OFFSET ?"
        )
        return [int(r[0]) for r in self._run(sql, [*params, limit, offset])]

    def _case_ids_per_status(
        self, query: CaseQuery, order: str, direction: str, joins: str, limit: int, offset: int
    ) -> list[int]:
        """A page of a list over several statuses (the open cases, a channel's view): one walk
        of the (status, last_message_at) index per status, each stopping after the page, then
        merged. `status IN (...)` cannot walk that index in order, so SQLite sorted every
        matching case first: 190 ms for the first page of the 26,000 open cases of the 100k
        bench database, against 0.4 ms this way. Same ids in the same order."""
        parts: list[str] = []
        params: list[Any] = []
        for status in dict.fromkeys(query.statuses):  # each once
            where, status_params = replace(query, statuses=(status,)).where()
            parts.append(
                f"SELECT * FROM (SELECT c.id AS id, {order} AS k FROM cases c{joins}{where} "
                f"ORDER BY {order} {direction}, c.id {direction} LIMIT ?)"
            )
            params.extend([*status_params, limit + offset])
        sql = (
            " UNION ALL ".join(parts)
            + f" ORDER BY k {direction}, id {direction} LIMIT ? OFFSET ?"
        )
        return [int(r[0]) for r in self._run(sql, [*params, limit, offset])]

    def count_cases(self, query: CaseQuery) -> int:
        if query.visible_to is None or fts_query(query.text):
            where, params = query.where()
            return int(self._scalar(f"SELECT count(*) FROM cases c{where}", params) or 0)
        # All matching cases minus the hidden vertrouwelijk ones: both counts use an index, where
        # the "confidential = 0 OR assignee = me" test would read every matching row. (A text
        # search is bound by its FTS lookup instead, which this would do twice.)
        everyone = replace(query, visible_to=None)
        where, params = everyone.where()
        hidden_where = (where + " AND" if where else " WHERE") + (
            " c.confidential = 1 AND (c.assignee_id IS NULL OR c.assignee_id != ?)"
        )
        total = int(self._scalar(f"SELECT count(*) FROM cases c{where}", params) or 0)
        hidden = int(
            self._scalar(f"SELECT count(*) FROM cases c{hidden_where}", [*params, query.visible_to])
            or 0
        )
        return total - hidden

    def case_rows(self, ids: Sequence[int], visible_to: int | None = None) -> list[sqlite3.Row]:
        """Summary rows for `ids`, in the order of `ids` (hidden vertrouwelijk cases left out)."""
        if not ids:
            return []
        by_id: dict[int, sqlite3.Row] = {}
        for start in range(0, len(ids), 500):
            chunk: list[Any] = list(ids[start : start + 500])
            sql = _SUMMARY_SQL + f" WHERE c.id IN ({', '.join('?' for _ in chunk)})"
            if visible_to is not None:
                sql += " AND (c.confidential = 0 OR c.assignee_id = ?)"
                chunk.append(visible_to)
            for row in self._run(sql, chunk):
                by_id[int(row["id"])] = row
        return [by_id[i] for i in ids if i in by_id]

    def case_messages(self, case_id: int) -> list[sqlite3.Row]:
        return self._rows(
            "SELECT m.*, u.display_name AS author FROM messages m "
            "LEFT JOIN users u ON u.id = m.author_id WHERE m.case_id = ? ORDER BY m.sent_at, m.id",
            (case_id,),
        )

    def case_notes(self, case_id: int) -> list[sqlite3.Row]:
        return self._rows(
            "SELECT n.*, u.display_name AS author FROM notes n "
            "LEFT JOIN users u ON u.id = n.author_id "
            "WHERE n.case_id = ? ORDER BY n.created_at, n.id",
            (case_id,),
        )

    def case_events(self, case_id: int) -> list[sqlite3.Row]:
        return self._rows("SELECT * FROM case_events WHERE case_id = ? ORDER BY id", (case_id,))

    def attachments_of(self, message_id: int) -> list[sqlite3.Row]:
        return self._rows(
            "SELECT * FROM attachments WHERE message_id = ? ORDER BY id", (message_id,)
        )

    def contact_addresses(self, contact_id: int) -> list[sqlite3.Row]:
        """Every address of the resident: of all contacts merged into one (either way)."""
        return self._rows(
            "WITH RECURSIVE up(id, parent) AS (SELECT id, merged_into FROM contacts WHERE id = ? "
            "UNION SELECT c.id, c.merged_into FROM contacts c JOIN up ON c.id = up.parent), "
            "grp(id) AS (SELECT id FROM up WHERE parent IS NULL UNION SELECT c.id FROM "
            "contacts c JOIN grp ON c.merged_into = grp.id) "
            "SELECT kind, value FROM contact_addresses WHERE contact_id IN (SELECT id FROM grp) "
            "ORDER BY id",
            (contact_id,),
        )

    def messages_list(
        self,
        case_id: int | None = None,
        contact_ids: Sequence[int] | None = None,
        limit: int = 1000,
        visible_to: int | None = None,
    ) -> list[sqlite3.Row]:
        """Messages of a case or of residents; with `visible_to`, vertrouwelijk cases only when
        assigned to that user."""
        clauses: list[str] = []
        params: list[Any] = []
        if visible_to is not None:
            clauses.append("(c.confidential = 0 OR c.assignee_id = ?)")
            params.append(visible_to)
        if case_id is not None:
            clauses.append("m.case_id = ?")
            params.append(case_id)
        if contact_ids is not None:
            clauses.append(f"m.contact_id IN ({', '.join('?' for _ in contact_ids) or 'NULL'})")
            params.extend(contact_ids)
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        return self._rows(
            "SELECT m.id, m.channel, m.direction, m.sent_at, m.sender, m.sender_name, m.subject, "
            "m.body_text, m.raw_sha256, m.parse_error, m.message_id, c.reference "
            f"FROM messages m LEFT JOIN cases c ON c.id = m.case_id{where} "
            "ORDER BY m.sent_at, m.id LIMIT ?",
            (*params, limit),
        )

    def search(
        self, text: str, limit: int = 50, visible_to: int | None = None
    ) -> list[sqlite3.Row]:
        """Best matches first (bm25), with a short snippet around the hit."""
        fts = fts_query(text)
        if not fts:
            return []
        hidden = ""
        params: list[Any] = [fts]
        if visible_to is not None:
            hidden = " AND (c.confidential = 0 OR c.assignee_id = ?)"
            params.append(visible_to)
        return self._rows(
            "SELECT s.kind, s.ref_id, c.reference, "
            "coalesce(m.channel, 'note') AS channel, coalesce(m.subject, c.subject) AS subject, "
            "snippet(search_index, 1, '[', ']', '…', 12) AS snippet "
            "FROM search_index s "
            "JOIN cases c ON c.id = s.case_id "
            "LEFT JOIN messages m ON s.kind = 'message' AND m.id = s.ref_id "
            f"WHERE search_index MATCH ?{hidden} ORDER BY s.rank LIMIT ?",
            (*params, limit),
        )

    def _counted(self, column: str, table: str, where: str, lo: str, hi: str) -> dict[str, int]:
        """How many rows of `table` (in [lo, hi]) have each value of `column`."""
        return {
            r[0]: r[1]
            for r in self._rows(
                f"SELECT {column}, count(*) FROM {table} {where} "
                f"GROUP BY {column} ORDER BY {column}",
                (lo, hi),
            )
        }

    def stats(self, date_from: str | None, date_to: str | None) -> dict[str, Any]:
        """Counts for cases opened and messages sent in [date_from, date_to] (dates inclusive)."""
        lo = date_from or "0000-01-01"
        hi = (date_to or "9999-12-31") + "T99"  # inclusive of the whole end day
        case_where = "WHERE opened_at >= ? AND opened_at <= ?"
        out: dict[str, Any] = {}
        out["cases_total"] = int(
            self._scalar(f"SELECT count(*) FROM cases {case_where}", (lo, hi)) or 0
        )
        out["cases_by_status"] = self._counted("status", "cases", case_where, lo, hi)
        out["cases_by_channel"] = self._counted("channel", "cases", case_where, lo, hi)
        msg_where = "WHERE sent_at >= ? AND sent_at <= ?"
        out["messages_total"] = int(
            self._scalar(f"SELECT count(*) FROM messages {msg_where}", (lo, hi)) or 0
        )
        out["messages_by_channel"] = self._counted("channel", "messages", msg_where, lo, hi)
        closed = self._one(
            f"SELECT count(*), sum(first_contact_resolution = 1) FROM cases {case_where} "
            "AND status = 'afgerond'",
            (lo, hi),
        )
        out["cases_closed"] = int(closed[0]) if closed else 0
        out["closed_first_contact"] = int(closed[1] or 0) if closed else 0
        out["messages_unparsed"] = int(
            self._scalar(
                f"SELECT count(*) FROM messages {msg_where} AND parse_error IS NOT NULL", (lo, hi)
            )
            or 0
        )
        out["contacts_total"] = int(
            self._scalar("SELECT count(*) FROM contacts WHERE merged_into IS NULL") or 0
        )
        return out
