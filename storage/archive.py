"""The records capability's SQL: the Selectielijst, retention rules, legal hold, destruction
lists and their certificates, the anonymous counts of destroyed records, and what the MDTO
export reads beyond the case queries.

`ArchiveQueries` is bound to the open database by `Store` (`op.store.archive`). The removal
helpers at the bottom (`blobs_of`, `delete_in`, `scrub`, ...) are module functions too, because
the AVG erasure (inbox/privacy/subject.py) shares them until it moves behind the gate.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from storage.base import Queries
from storage.blobs import BlobStore
from storage.db import Database

OPEN_STATES = ("voorgesteld", "beoordeeld", "goedgekeurd")
_OPEN = "('voorgesteld', 'beoordeeld', 'goedgekeurd')"

_RESULT = (
    "SELECT r.id, r.code, r.naam, r.omschrijving, r.waardering, r.bewaartermijn, "
    "r.procestermijn, r.toelichting, p.naam AS procestype FROM selectielijst_resultaten r "
    "JOIN selectielijst_procestypen p ON p.id = r.procestype_id"
)
# the number of cases a list holds now (not taken off by the reviewer)
_ON_LIST = (
    "(SELECT count(*) FROM destruction_items i WHERE i.list_id = l.id "
    "AND i.state != 'verwijderd')"
)


class ArchiveQueries(Queries):
    """SQL of retention, destruction and the MDTO export."""

    # -- the Selectielijst ------------------------------------------------------------------

    def selectielijst_loaded(self) -> bool:
        return bool(self._scalar("SELECT 1 FROM selectielijst_resultaten LIMIT 1"))

    def load_selectielijst(
        self, procestypen: Sequence[dict[str, Any]], resultaten: Sequence[dict[str, Any]]
    ) -> bool:
        """Bulk-load the (empty) Selectielijst tables; False when another process was first."""
        with self.db.transaction():
            if self.selectielijst_loaded():
                return False
            self.db.utils["selectielijst_procestypen"].insert_all(procestypen)
            self.db.utils["selectielijst_resultaten"].insert_all(resultaten)
        return True

    def result_by_id(self, result_id: int) -> sqlite3.Row | None:
        return self._one(_RESULT + " WHERE r.id = ?", (result_id,))

    def result_by_code(self, code: str) -> sqlite3.Row | None:
        return self._one(_RESULT + " WHERE r.code = ? ORDER BY r.id LIMIT 1", (code,))

    def results(self) -> list[sqlite3.Row]:
        return self._rows(_RESULT + " ORDER BY r.id")

    # -- rules ------------------------------------------------------------------------------

    def add_rule_if_missing(self, product: str, result_id: int, set_by: str, set_at: str) -> None:
        self._run(
            "INSERT OR IGNORE INTO retention_rules(product, result_id, set_by, set_at) "
            "VALUES (?, ?, ?, ?)",
            (product, result_id, set_by, set_at),
        )

    def set_rule(self, product: str, result_id: int, set_by: str, set_at: str) -> None:
        self.db.utils["retention_rules"].upsert(
            {"product": product, "result_id": result_id, "set_by": set_by, "set_at": set_at},
            pk="product",
        )

    def rule_result_id(self, product: str) -> int | None:
        """The result of `product`'s own rule (case-insensitive), else of the default rule."""
        value = self._scalar(
            "SELECT result_id FROM retention_rules WHERE product = ? COLLATE NOCASE",
            (product,),
        )
        if value is None:
            value = self._scalar("SELECT result_id FROM retention_rules WHERE product = ''")
        return None if value is None else int(value)

    def rules(self) -> list[sqlite3.Row]:
        return self._rows(
            "SELECT product, result_id, set_by, set_at FROM retention_rules ORDER BY product"
        )

    # -- retention of cases -----------------------------------------------------------------

    def set_retention(
        self,
        case_id: int,
        result: str | None,
        waardering: str | None,
        bewaartermijn: str | None,
        destroy_date: str | None,
    ) -> None:
        self._run(
            "UPDATE cases SET selectielijst_result = ?, waardering = ?, bewaartermijn = ?, "
            "destroy_date = ? WHERE id = ?",
            (result, waardering, bewaartermijn, destroy_date, case_id),
        )

    def clear_retention(self, case_id: int) -> bool:
        """Forget a reopened case's retention; whether it had one."""
        changed = self._run(
            "UPDATE cases SET selectielijst_result = NULL, waardering = NULL, "
            "bewaartermijn = NULL, destroy_date = NULL "
            "WHERE id = ? AND selectielijst_result IS NOT NULL",
            (case_id,),
        ).rowcount
        return bool(changed)

    def closed_cases(self, status: str, *, without_retention: bool = False,
                     off_open_lists: bool = False) -> list[sqlite3.Row]:
        """Closed cases (id, reference, closed_at, product), by reference."""
        sql = (
            "SELECT id, reference, closed_at, product FROM cases "
            "WHERE status = ? AND closed_at IS NOT NULL"
        )
        if without_retention:
            sql += " AND selectielijst_result IS NULL"
        if off_open_lists:
            sql += (
                " AND reference NOT IN (SELECT i.reference FROM destruction_items i "
                f"JOIN destruction_lists l ON l.id = i.list_id WHERE l.state IN {_OPEN})"
            )
        return self._rows(sql + " ORDER BY reference", (status,))

    def due(self, status: str, day: str) -> list[sqlite3.Row]:
        """Closed cases to be destroyed by `day`, without a legal hold, with the open list
        each is on (on_list)."""
        return self._rows(
            "SELECT c.reference, c.product, c.selectielijst_result, c.waardering, "
            "c.bewaartermijn, c.opened_at, c.closed_at, c.destroy_date, "
            "(SELECT l.id FROM destruction_items i JOIN destruction_lists l ON l.id = i.list_id "
            " WHERE i.reference = c.reference AND i.state = 'voorgesteld' "
            f" AND l.state IN {_OPEN}) AS on_list "
            "FROM cases c WHERE c.status = ? AND c.waardering = 'V' AND c.legal_hold = 0 "
            "AND c.destroy_date IS NOT NULL AND c.destroy_date <= ? "
            "ORDER BY c.destroy_date, c.reference",
            (status, day),
        )

    def case_by_reference(self, reference: str) -> sqlite3.Row | None:
        return self._one("SELECT * FROM cases WHERE reference = ?", (reference,))

    # -- settings (the organisation) --------------------------------------------------------

    def settings(self, keys: Iterable[str]) -> dict[str, str]:
        wanted = list(keys)
        marks = ", ".join("?" for _ in wanted)
        return {
            str(r["key"]): str(r["value"])
            for r in self._rows(f"SELECT key, value FROM settings WHERE key IN ({marks})", wanted)
        }

    def set_settings(self, values: dict[str, str]) -> None:
        self.db.utils["settings"].upsert_all(
            [{"key": k, "value": v} for k, v in values.items()], pk="key"
        )

    def display_name(self, user: str) -> str | None:
        value = self._scalar("SELECT display_name FROM users WHERE name = ?", (user,))
        return None if value is None else str(value)

    def display_name_by_id(self, user_id: int) -> str | None:
        value = self._scalar("SELECT display_name FROM users WHERE id = ?", (user_id,))
        return None if value is None else str(value)

    # -- destruction lists ------------------------------------------------------------------

    def lists(self) -> list[sqlite3.Row]:
        return self._rows(
            f"SELECT *, {_ON_LIST} AS cases FROM destruction_lists l ORDER BY id DESC"
        )

    def list_row(self, list_id: int) -> sqlite3.Row | None:
        return self._one(
            f"SELECT *, {_ON_LIST} AS cases FROM destruction_lists l WHERE id = ?", (list_id,)
        )

    def items(self, list_id: int, order: str = "destroy_date, reference") -> list[sqlite3.Row]:
        orders = {"destroy_date, reference", "state DESC, reference"}
        if order not in orders:
            raise ValueError(f"unknown order {order!r}")
        return self._rows(
            f"SELECT * FROM destruction_items WHERE list_id = ? ORDER BY {order}", (list_id,)
        )

    def insert_list(self, due_on: str, proposed_by: str, proposed_at: str) -> int:
        cur = self._run(
            "INSERT INTO destruction_lists(state, due_on, proposed_by, proposed_at) "
            "VALUES ('voorgesteld', ?, ?, ?)",
            (due_on, proposed_by, proposed_at),
        )
        return int(cur.lastrowid or 0)

    def insert_items(self, list_id: int, items: Sequence[dict[str, Any]]) -> None:
        self.db.utils["destruction_items"].insert_all(
            [{"list_id": list_id, **item} for item in items]
        )

    def take_off(self, list_id: int, reference: str, note: str) -> bool:
        """The reviewer takes a case off a list; False when it is not on it."""
        changed = self._run(
            "UPDATE destruction_items SET state = 'verwijderd', note = ? "
            "WHERE list_id = ? AND reference = ? AND state = 'voorgesteld'",
            (note, list_id, reference),
        ).rowcount
        return bool(changed)

    _STEPS = {
        "beoordeeld": ("reviewed_by", "reviewed_at", "review_note"),
        "goedgekeurd": ("approved_by", "approved_at"),
        "afgewezen": ("rejected_by", "rejected_at", "reject_reason"),
        "uitgevoerd": ("carried_out_by", "carried_out_at"),
    }

    def set_list_state(self, list_id: int, state: str, *values: str | None) -> None:
        """Move a list to `state`, with who, when (and the note or reason) of that step."""
        columns = self._STEPS[state]
        if len(values) != len(columns):
            raise ValueError(f"{state} takes {len(columns)} values")
        sets = ", ".join(f"{c} = ?" for c in columns)
        self._run(
            f"UPDATE destruction_lists SET state = ?, {sets} WHERE id = ?",
            (state, *values, list_id),
        )

    def skip_item(self, list_id: int, reference: str, reason: str) -> None:
        self._run(
            "UPDATE destruction_items SET state = 'overgeslagen', note = ? "
            "WHERE list_id = ? AND reference = ?",
            (reason, list_id, reference),
        )

    def mark_destroyed(self, list_id: int) -> list[str]:
        """The items still proposed become 'vernietigd'; their references."""
        self._run(
            "UPDATE destruction_items SET state = 'vernietigd' WHERE list_id = ? "
            "AND state = 'voorgesteld'",
            (list_id,),
        )
        return self.references(list_id, "vernietigd")

    def references(self, list_id: int, state: str) -> list[str]:
        """The references of a list's items in `state`, in order."""
        return [
            str(r[0])
            for r in self._rows(
                "SELECT reference FROM destruction_items WHERE list_id = ? AND state = ? "
                "ORDER BY reference",
                (list_id, state),
            )
        ]

    def insert_certificate(
        self, list_id: int, created_at: str, pdf_sha256: str, csv_sha256: str, cases: int
    ) -> None:
        self._run(
            "INSERT INTO destruction_certificates(list_id, created_at, pdf_sha256, csv_sha256, "
            "cases) VALUES (?, ?, ?, ?, ?)",
            (list_id, created_at, pdf_sha256, csv_sha256, cases),
        )

    def certificate(self, list_id: int) -> sqlite3.Row | None:
        return self._one(
            "SELECT pdf_sha256, csv_sha256 FROM destruction_certificates WHERE list_id = ?",
            (list_id,),
        )

    # -- carrying out -----------------------------------------------------------------------

    def keep_counts(self, case_ids: list[int]) -> None:
        keep_counts(self.db, case_ids)

    def blobs_of(self, case_ids: list[int]) -> set[str]:
        return blobs_of(self.db, case_ids)

    def remove_cases(self, case_ids: list[int]) -> tuple[set[int], set[str]]:
        return remove_cases(self.db, case_ids)

    def remove_orphan_contacts(self, candidates: set[int]) -> int:
        return remove_orphan_contacts(self.db, candidates)

    def remove_unused_blobs(self, blobs: BlobStore, digests: set[str]) -> int:
        return remove_unused_blobs(self.db, blobs, digests)

    def scrub(self) -> bool:
        return scrub(self.db)

    def destroyed_counts(self, date_from: str, date_to: str) -> list[sqlite3.Row]:
        return self._rows(
            "SELECT kind, channel, status, sum(count) AS n, sum(first_contact) AS fcr, "
            "sum(unparsed) AS unparsed FROM destroyed_counts WHERE week >= ? AND week <= ? "
            "GROUP BY kind, channel, status ORDER BY kind, channel, status",
            (date_from, date_to),
        )

    # -- the MDTO export --------------------------------------------------------------------

    def case_channels(self, case_id: int) -> set[str]:
        return {
            str(r[0])
            for r in self._rows("SELECT channel FROM messages WHERE case_id = ?", (case_id,))
        }

    def message_contacts(self, case_id: int) -> set[int]:
        return {
            int(r[0])
            for r in self._rows(
                "SELECT DISTINCT contact_id FROM messages WHERE case_id = ? "
                "AND contact_id IS NOT NULL",
                (case_id,),
            )
        }



# -- removal, shared with the AVG erasure -----------------------------------------------------


def _marks(ids: Sequence[Any]) -> str:
    return ", ".join("?" for _ in ids)


def _week(stamp: str) -> str:
    day = date.fromisoformat(stamp[:10])
    return (day - timedelta(days=day.weekday())).isoformat()


def keep_counts(db: Database, case_ids: list[int]) -> None:
    """Add the cases (and their messages) about to be destroyed to the anonymous counts."""
    if not case_ids:
        return
    rows: dict[tuple[str, str, str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for start in range(0, len(case_ids), 500):
        chunk = case_ids[start : start + 500]
        for c in db.query(
            f"SELECT opened_at, channel, status, first_contact_resolution FROM cases "
            f"WHERE id IN ({_marks(chunk)})",
            chunk,
        ):
            key = (_week(c["opened_at"]), "case", c["channel"], c["status"])
            rows[key][0] += 1
            rows[key][1] += int(c["first_contact_resolution"] == 1)
        for m in db.query(
            f"SELECT sent_at, channel, parse_error IS NOT NULL AS unparsed FROM messages "
            f"WHERE case_id IN ({_marks(chunk)})",
            chunk,
        ):
            key = (_week(m["sent_at"]), "message", m["channel"], "")
            rows[key][0] += 1
            rows[key][2] += int(m["unparsed"])
    db.conn.executemany(
        "INSERT INTO destroyed_counts(week, kind, channel, status, count, first_contact, "
        "unparsed) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(week, kind, channel, status) DO "
        "UPDATE SET count = count + excluded.count, "
        "first_contact = first_contact + excluded.first_contact, "
        "unparsed = unparsed + excluded.unparsed",
        [(*key, *values) for key, values in sorted(rows.items())],
    )


def blobs_of(db: Database, case_ids: list[int]) -> set[str]:
    """The blobs (originals, attachments, sent replies) of these cases."""
    found: set[str] = set()
    for start in range(0, len(case_ids), 300):
        chunk = case_ids[start : start + 300]
        marks = _marks(chunk)
        found |= {
            str(r[0])
            for r in db.query(
                f"SELECT raw_sha256 FROM messages WHERE case_id IN ({marks}) "
                f"AND raw_sha256 IS NOT NULL "
                f"UNION SELECT a.sha256 FROM attachments a JOIN messages m ON m.id = a.message_id "
                f"WHERE m.case_id IN ({marks}) "
                f"UNION SELECT raw_sha256 FROM outbox WHERE case_id IN ({marks})",
                [*chunk, *chunk, *chunk],
            )
        }
    return found


def _ids(db: Database, sql: str, ids: list[int]) -> list[int]:
    """`sql` ('... IN ({marks})') over `ids` in chunks: the first column as ints."""
    found: list[int] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found += [int(r[0]) for r in db.query(sql.format(marks=_marks(chunk)), chunk)]
    return found


def remove_cases(db: Database, case_ids: list[int]) -> tuple[set[int], set[str]]:
    """Delete the cases and everything in them, including rows of other features that refer
    to them (found through the foreign keys); returns the contacts they involved and the
    blobs of platform export files left without messages."""
    if not case_ids:
        return set(), set()
    contacts = set(
        _ids(db, "SELECT contact_id FROM cases WHERE id IN ({marks}) "
                 "AND contact_id IS NOT NULL", case_ids)
        + _ids(db, "SELECT contact_id FROM messages WHERE case_id IN ({marks}) "
                   "AND contact_id IS NOT NULL", case_ids)
    )
    message_ids = _ids(db, "SELECT id FROM messages WHERE case_id IN ({marks})", case_ids)
    note_ids = _ids(db, "SELECT id FROM notes WHERE case_id IN ({marks})", case_ids)
    files = export_files_of(db, message_ids)
    delete_in(db, "search_index", "case_id", case_ids)
    delete_in(db, "search_index", "rowid", [m * 2 for m in message_ids])
    delete_in(db, "search_index", "rowid", [n * 2 + 1 for n in note_ids])
    for table, column in dependents(db, "messages"):
        delete_in(db, table, column, message_ids)
    for table, column in dependents(db, "notes"):
        delete_in(db, table, column, note_ids)
    delete_in(db, "messages", "id", message_ids)
    for table, column in dependents(db, "cases"):
        delete_in(db, table, column, case_ids)
    delete_in(db, "cases", "id", case_ids)
    return contacts, _drop_empty_export_files(db, files)


def dependents(db: Database, target: str) -> list[tuple[str, str]]:
    """(table, column) pairs whose foreign key points at `target`."""
    found = []
    for (name,) in db.query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    ):
        for fk in db.query(f'PRAGMA foreign_key_list("{name}")'):
            if fk["table"] == target and name != target:
                found.append((str(name), str(fk["from"])))
    return found


def delete_in(db: Database, table: str, column: str, ids: list[int]) -> None:
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        db.conn.execute(f'DELETE FROM "{table}" WHERE "{column}" IN ({_marks(chunk)})', chunk)


def has_table(db: Database, name: str) -> bool:
    return bool(db.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)))


def export_files_of(db: Database, message_ids: list[int]) -> set[int]:
    """Imported platform export files (WhatsApp, ...) holding any of these messages."""
    if not message_ids or not has_table(db, "import_file_messages"):
        return set()
    return set(
        _ids(db, "SELECT DISTINCT file_id FROM import_file_messages WHERE message_id IN "
                 "({marks})", message_ids)
    )


def _drop_empty_export_files(db: Database, file_ids: set[int]) -> set[str]:
    """An export file whose messages are all destroyed goes too (it holds only them). One that
    still holds other messages stays: its blob is destroyed with its last message."""
    digests: set[str] = set()
    for file_id in sorted(file_ids):
        if db.scalar("SELECT 1 FROM import_file_messages WHERE file_id = ?", (file_id,)):
            continue
        digest = db.scalar("SELECT sha256 FROM import_files WHERE id = ?", (file_id,))
        for table, column in dependents(db, "import_files"):
            delete_in(db, table, column, [file_id])
        db.conn.execute("DELETE FROM import_files WHERE id = ?", (file_id,))
        if digest:
            digests.add(str(digest))
    return digests


def remove_orphan_contacts(db: Database, candidates: set[int]) -> int:
    """Delete the contacts (and merged-away duplicates) no remaining case or message needs."""
    removed = 0
    seen: set[int] = set()
    for start in sorted(candidates):
        if start in seen:
            continue
        group = _merge_group(db, start)
        seen |= group
        ids = sorted(group)
        marks = _marks(ids)
        used = db.scalar(
            f"SELECT 1 FROM cases WHERE contact_id IN ({marks}) UNION ALL "
            f"SELECT 1 FROM messages WHERE contact_id IN ({marks}) LIMIT 1",
            [*ids, *ids],
        )
        if used:
            continue
        db.conn.execute(f"UPDATE contacts SET merged_into = NULL WHERE id IN ({marks})", ids)
        for table, column in dependents(db, "contacts"):
            delete_in(db, table, column, ids)  # addresses, identifiers, merge history
        db.conn.execute(f"DELETE FROM contacts WHERE id IN ({marks})", ids)
        removed += len(ids)
    return removed


def _merge_group(db: Database, contact_id: int) -> set[int]:
    """A contact with every contact merged into it or it into, transitively."""
    group = {contact_id}
    frontier = [contact_id]
    while frontier:
        current = frontier.pop()
        for row in db.query(
            "SELECT id FROM contacts WHERE merged_into = ? UNION "
            "SELECT merged_into FROM contacts WHERE id = ? AND merged_into IS NOT NULL",
            (current, current),
        ):
            other = int(row[0])
            if other not in group:
                group.add(other)
                frontier.append(other)
    return group


def _blob_columns(db: Database) -> list[tuple[str, str]]:
    """Every (table, column) that may name a blob: columns called sha256 or ending in _sha256."""
    found = []
    for (name,) in db.query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'search_index%' ORDER BY name"
    ):
        for col in db.query(f'PRAGMA table_info("{name}")'):
            if col["name"] == "sha256" or str(col["name"]).endswith("_sha256"):
                found.append((str(name), str(col["name"])))
    return found


def remove_unused_blobs(db: Database, blobs: BlobStore, digests: set[str]) -> int:
    """Delete the blobs of removed rows that no remaining row of any table names."""
    columns = _blob_columns(db)
    removed = 0
    for digest in sorted(digests):
        used = any(
            db.scalar(f'SELECT 1 FROM "{t}" WHERE "{c}" = ? LIMIT 1', (digest,))
            for t, c in columns
        )
        if not used:
            blobs.delete(digest)
            removed += 1
    return removed


def scrub(db: Database) -> bool:
    """Leave no trace of deleted rows: rebuild and merge the FTS index, VACUUM, truncate the
    WAL. Returns False when another connection kept the WAL from being truncated. Runs outside
    a transaction (VACUUM cannot run inside one)."""
    db.conn.execute("INSERT INTO search_index(search_index) VALUES ('rebuild')")
    db.conn.execute("INSERT INTO search_index(search_index) VALUES ('optimize')")
    db.conn.execute("VACUUM")
    row = db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return row is None or int(row[0]) == 0


# Transition: the names the AVG erasure (inbox/privacy/subject.py) calls until it moves behind
# the gate; new code uses the public names (or `op.store.archive`).
_blobs_of = blobs_of
_export_files_of = export_files_of
_delete_in = delete_in
_has_table = has_table
_dependents = dependents
