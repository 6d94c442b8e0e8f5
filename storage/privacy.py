"""SQL of the privacy features: AVG requests, the processing log, what the inzage reads about one
resident, and the Klantinteracties export's reads.

Sets of ids are passed as one JSON array (`id_list`) and read with json_each, so a resident with
thousands of messages needs no chunking and no statement per id.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable, Sequence
from typing import Any

from storage.base import Queries

REQUEST_COLUMNS = frozenset(
    {
        "kind", "contact_id", "address", "received_on", "deadline", "status", "note",
        "created_by", "created_at", "handled_by", "handled_at",
    }
)
SPAN_COLUMNS = (
    "trace_id", "span_id", "parent_span_id", "activity_id", "activity_name", "operation",
    "status", "start_time", "end_time", "actor", "object", "subject_encrypted", "key_id",
)

IN = "IN (SELECT value FROM json_each(?))"
_IN = IN


def id_list(values: Sequence[int | str]) -> str:
    """A set of ids as one parameter: `... WHERE id IN (SELECT value FROM json_each(?))`."""
    return json.dumps(list(values))


class PrivacyQueries(Queries):
    # -- residents -------------------------------------------------------------------------

    def root(self, contact_id: int) -> int:
        """The surviving contact of `contact_id`, following merges in one query (a cycle,
        which merging never makes, stops after 100 steps)."""
        found = self._scalar(
            "WITH RECURSIVE up(id, depth) AS (SELECT ?, 0 UNION ALL SELECT c.merged_into, "
            "up.depth + 1 FROM contacts c JOIN up ON c.id = up.id "
            "WHERE c.merged_into IS NOT NULL AND up.depth < 100) "
            "SELECT id FROM up ORDER BY depth DESC LIMIT 1",
            (contact_id,),
        )
        return contact_id if found is None else int(found)

    def members(self, contact_id: int) -> list[int]:
        """The surviving contact and every contact merged into it, transitively."""
        rows = self._rows(
            "WITH RECURSIVE m(id) AS (SELECT ? UNION SELECT c.id FROM contacts c JOIN m "
            "ON c.merged_into = m.id) SELECT id FROM m ORDER BY id",
            (self.root(contact_id),),
        )
        return [int(r[0]) for r in rows]

    def contact_exists(self, contact_id: int) -> bool:
        return self._scalar("SELECT 1 FROM contacts WHERE id = ?", (contact_id,)) is not None

    def contact_by_address(self, kind: str, value: str) -> int | None:
        found = self._scalar(
            "SELECT contact_id FROM contact_addresses WHERE kind = ? AND value = ?", (kind, value)
        )
        return None if found is None else self.root(int(found))

    def contact_by_value(self, value: str) -> int | None:
        found = self._scalar(
            "SELECT contact_id FROM contact_addresses WHERE value = ? ORDER BY id LIMIT 1",
            (value,),
        )
        return None if found is None else self.root(int(found))

    def contact_names(self, ids: Sequence[int]) -> dict[int, str]:
        return {
            int(r["id"]): str(r["name"] or "")
            for r in self._rows(f"SELECT id, name FROM contacts WHERE id {_IN}", (id_list(ids),))
        }

    def addresses(self, ids: Sequence[int]) -> list[dict[str, Any]]:
        where = f"contact_id {_IN}"
        return self._rows_where("contact_addresses", where, [id_list(ids)], order_by="kind, value")

    def merges(self, ids: Sequence[int]) -> list[dict[str, Any]]:
        where = f"survivor_id {_IN} OR merged_id {_IN}"
        return self._rows_where("contact_merges", where, [id_list(ids)] * 2, order_by="id")

    # -- what the inzage reads ---------------------------------------------------------------

    def cases_of(self, ids: Sequence[int]) -> list[sqlite3.Row]:
        """Cases the resident owns or wrote in, oldest first."""
        return self._rows(
            f"SELECT * FROM cases WHERE contact_id {_IN} OR id IN (SELECT case_id FROM messages "
            f"WHERE contact_id {_IN} AND case_id IS NOT NULL) ORDER BY opened_at, id",
            (id_list(ids), id_list(ids)),
        )

    def messages_of(self, ids: Sequence[int], case_ids: Sequence[int]) -> list[sqlite3.Row]:
        """Every message of `case_ids` and the resident's own anywhere, with the case's
        reference, in time order."""
        return self._rows(
            "SELECT m.*, c.reference FROM messages m LEFT JOIN cases c ON c.id = m.case_id "
            f"WHERE m.contact_id {_IN} OR m.case_id {_IN} ORDER BY m.sent_at, m.id",
            (id_list(ids), id_list(case_ids)),
        )

    def attachments_of(self, message_ids: Sequence[int]) -> list[dict[str, Any]]:
        where, params = f"message_id {_IN}", [id_list(message_ids)]
        return self._rows_where("attachments", where, params, order_by="message_id, id")

    def notes_of(self, case_ids: Sequence[int]) -> list[sqlite3.Row]:
        return self._rows(
            "SELECT n.*, c.reference FROM notes n JOIN cases c ON c.id = n.case_id "
            f"WHERE n.case_id {_IN} ORDER BY n.created_at, n.id",
            (id_list(case_ids),),
        )

    def requests_of(self, ids: Sequence[int], addresses: Sequence[str]) -> list[dict[str, Any]]:
        where = f"contact_id {_IN} OR lower(address) {_IN}"
        params = [id_list(ids), id_list([a.lower() for a in addresses])]
        return self._rows_where("avg_requests", where, params, order_by="id")

    # -- AVG requests ------------------------------------------------------------------------

    def insert_request(self, values: dict[str, Any]) -> int:
        _known(values, REQUEST_COLUMNS)
        cols = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        cur = self._run(f"INSERT INTO avg_requests({cols}) VALUES ({marks})", list(values.values()))
        return int(cur.lastrowid or 0)

    def request(self, request_id: int) -> sqlite3.Row | None:
        return self._one("SELECT * FROM avg_requests WHERE id = ?", (request_id,))

    def requests(self, open_only: bool = False) -> list[sqlite3.Row]:
        """Open requests first, soonest deadline first."""
        where = "WHERE status = 'open'" if open_only else ""
        return self._rows(
            f"SELECT * FROM avg_requests {where} ORDER BY status != 'open', deadline, id"
        )

    def update_request(self, request_id: int, values: dict[str, Any]) -> None:
        _known(values, REQUEST_COLUMNS)
        sets = ", ".join(f"{c} = ?" for c in values)
        self._run(f"UPDATE avg_requests SET {sets} WHERE id = ?", [*values.values(), request_id])

    # -- the processing log ------------------------------------------------------------------

    def insert_span(self, values: dict[str, Any]) -> None:
        with self.db.transaction():
            self._run(
                f"INSERT INTO processing_log({', '.join(SPAN_COLUMNS)}) "
                f"VALUES ({', '.join('?' for _ in SPAN_COLUMNS)})",
                [values.get(c) for c in SPAN_COLUMNS],
            )

    def spans(self, limit: int = 10_000) -> list[sqlite3.Row]:
        return self._rows("SELECT * FROM processing_log ORDER BY id DESC LIMIT ?", (limit,))

    def sealed_spans(self) -> list[sqlite3.Row]:
        """Rows with a data subject (sealed), oldest first: the inzage opens them one by one."""
        return self._rows(
            "SELECT * FROM processing_log WHERE subject_encrypted IS NOT NULL ORDER BY id"
        )

    def reseal_subjects(
        self, old_key_ids: Sequence[str], reseal: Callable[[str], str], new_key_id: str
    ) -> int:
        """Seal the data subjects of the rows sealed under `old_key_ids` again (`reseal`: the
        old sealed value -> the new one), in one transaction: a key rotation or `key encrypt`.
        Rows already under `new_key_id` are left alone, so a second run after a crash is a
        no-op for them."""
        done = 0
        with self.db.transaction():
            for row in self._rows(
                f"SELECT id, subject_encrypted FROM processing_log WHERE key_id {IN} "
                "AND subject_encrypted IS NOT NULL",
                (json.dumps(list(old_key_ids)),),
            ):
                self._run(
                    "UPDATE processing_log SET subject_encrypted = ?, key_id = ? WHERE id = ?",
                    (reseal(str(row["subject_encrypted"])), new_key_id, int(row["id"])),
                )
                done += 1
        return done

    def span_key_ids(self) -> dict[str, int]:
        """How many sealed rows each key id holds (after a rotation: only the current one)."""
        return {
            str(r[0]): int(r[1])
            for r in self._rows(
                "SELECT key_id, count(*) FROM processing_log WHERE subject_encrypted IS NOT NULL "
                "GROUP BY key_id"
            )
        }

    # -- the Klantinteracties export ---------------------------------------------------------

    def installation_id(self) -> str:
        """The random id of this installation (made once, kept in settings)."""
        self._run(
            "INSERT OR IGNORE INTO settings(key, value) VALUES ('installation_id', ?)",
            (str(uuid.uuid4()),),
        )
        return str(self._scalar("SELECT value FROM settings WHERE key = 'installation_id'"))

    def contact_roots(self) -> dict[int, int]:
        """Every contact id -> its surviving contact id."""
        merged = {
            int(r["id"]): (None if r["merged_into"] is None else int(r["merged_into"]))
            for r in self._rows("SELECT id, merged_into FROM contacts")
        }
        out: dict[int, int] = {}
        for start in merged:
            seen, current = {start}, start
            while (target := merged.get(current)) is not None and target not in seen:
                seen.add(target)
                current = target
            out[start] = current
        return out

    def all_addresses(self) -> list[sqlite3.Row]:
        return self._rows("SELECT id, contact_id, kind, value FROM contact_addresses ORDER BY id")

    def all_names(self) -> dict[int, str]:
        return {
            int(r["id"]): str(r["name"] or "") for r in self._rows("SELECT id, name FROM contacts")
        }

    def all_messages(self) -> list[sqlite3.Row]:
        return self._rows(
            "SELECT m.id, m.channel, m.direction, m.sent_at, m.subject, m.body_text, "
            "m.answer_given, m.contact_id, m.sender_name, c.reference, "
            "c.subject AS case_subject, c.confidential "
            "FROM messages m LEFT JOIN cases c ON c.id = m.case_id ORDER BY m.sent_at, m.id"
        )


def _known(values: dict[str, Any], columns: frozenset[str]) -> None:
    unknown = set(values) - columns
    if unknown:
        raise ValueError(f"unknown columns {sorted(unknown)}")
