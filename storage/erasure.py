"""SQL of erasure, driven by the map in storage/personal_data.py.

`scope` finds one resident's rows in every place of the map (a set of ids per `Find`);
`blobs` names the files those rows point to; `erase` blanks or deletes every place, in map
order, inside the caller's transaction; after the commit `unused` tells which of those files no
row names any more, and `compact` leaves no trace of the old rows in the database file (the
full-text index merged, VACUUM with secure_delete, the WAL truncated).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from storage.base import Queries
from storage.personal_data import FTS_TABLES, PLACES, Blank, Erase, Find, Place, scrub_json_text
from storage.privacy import IN as _IN
from storage.privacy import PrivacyQueries, id_list

T = TypeVar("T")


class _Found(Generic[T]):
    """A read-only attribute of `Scope` for one `Find`: `scope.cases` is
    `scope.of(Find.CASES)`, without a property written out for each."""

    def __init__(self, find: Find) -> None:
        self.find = find

    def __get__(self, scope: Scope, owner: type[Scope] | None = None) -> tuple[T, ...]:
        return scope.of(self.find)


@dataclass(frozen=True)
class Scope:
    """One resident's rows: the ids per `Find` (computed before anything changes)."""

    contact_id: int  # the surviving contact
    ids: Mapping[Find, tuple[Any, ...]] = field(default_factory=dict)

    # the ids the erasure's callers read by name (what it reports, which cases changed)
    contacts = _Found[int](Find.CONTACTS)
    cases = _Found[int](Find.CASES)
    messages = _Found[int](Find.MESSAGES)
    notes = _Found[int](Find.NOTES)
    case_uids = _Found[str](Find.CASE_UIDS)

    def of(self, find: Find | None) -> tuple[Any, ...]:
        return () if find is None else self.ids.get(find, ())


class ErasureQueries(Queries):
    def scope(self, contact_id: int) -> Scope:
        privacy = PrivacyQueries(self.db)
        root = privacy.root(contact_id)
        contacts = privacy.members(root)
        c = id_list(contacts)
        cases = self._ids(
            f"SELECT id FROM cases WHERE contact_id {_IN} OR id IN "
            f"(SELECT case_id FROM messages WHERE contact_id {_IN} AND case_id IS NOT NULL) "
            "ORDER BY id",
            (c, c),
        )
        k = id_list(cases)
        messages = self._ids(
            f"SELECT id FROM messages WHERE contact_id {_IN} OR case_id {_IN} ORDER BY id", (c, k)
        )
        m = id_list(messages)
        addresses = [
            str(r[0]).lower()
            for r in self._rows(f"SELECT value FROM contact_addresses WHERE contact_id {_IN}", (c,))
        ]
        ids: dict[Find, tuple[Any, ...]] = {
            Find.CONTACTS: tuple(contacts),
            Find.CASES: cases,
            Find.MESSAGES: messages,
            Find.NOTES: self._ids(f"SELECT id FROM notes WHERE case_id {_IN} ORDER BY id", (k,)),
            Find.CASE_UIDS: tuple(
                str(r[0])
                for r in self._rows(
                    f"SELECT uid FROM team_cases WHERE case_id {_IN} ORDER BY uid", (k,)
                )
            ),
            Find.IMPORT_FILES: self._ids(
                f"SELECT DISTINCT file_id FROM import_file_messages WHERE message_id {_IN} "
                "ORDER BY file_id",
                (m,),
            ),
            Find.MERGES: self._ids(
                f"SELECT id FROM contact_merges WHERE survivor_id {_IN} OR merged_id {_IN} "
                "ORDER BY id",
                (c, c),
            ),
            Find.EVENTS: self._ids(
                "SELECT id FROM case_events WHERE case_id IS NULL AND ("
                f"json_extract(data, '$.survivor') {_IN} OR json_extract(data, '$.merged') {_IN}"
                f" OR json_extract(data, '$.contact') {_IN}) ORDER BY id",
                (c, c, c),
            ),
            Find.POSTS: self._ids(
                "SELECT id FROM mastodon_posts WHERE '@' || lower(author_acct) "
                f"{_IN} OR uri IN (SELECT key FROM social_message_keys WHERE channel = "
                f"'mastodon' AND message_id {_IN}) ORDER BY id",
                (id_list(addresses), m),
            ),
            Find.REQUESTS: self._ids(
                f"SELECT id FROM avg_requests WHERE contact_id {_IN} OR lower(address) {_IN} "
                "ORDER BY id",
                (c, id_list(addresses)),
            ),
        }
        return Scope(root, ids)

    def _ids(self, sql: str, params: tuple[Any, ...]) -> tuple[int, ...]:
        return tuple(int(r[0]) for r in self._rows(sql, params))

    def _where(self, place: Place) -> str:
        extra = f" AND ({place.where})" if place.where else ""
        return f'"{place.key}" {_IN}{extra}'

    def count(self, place: Place, scope: Scope) -> int:
        """How many of the resident's rows `place` holds."""
        ids = scope.of(place.find)
        if not ids:
            return 0
        return int(
            self._scalar(
                f'SELECT count(*) FROM "{place.table}" WHERE {self._where(place)}', (id_list(ids),)
            )
            or 0
        )

    def inventory(self, scope: Scope) -> list[tuple[str, str, int | None]]:
        """(table, Dutch label, how many of the resident's rows) per labelled place of the
        map; None where no SQL can count them (the processing log's sealed ids)."""
        out: list[tuple[str, str, int | None]] = []
        for place in PLACES:
            if place.label:
                count = None if place.find is None else self.count(place, scope)
                out.append((place.table, place.label, count))
        return out

    def blobs(self, scope: Scope) -> set[str]:
        """The blob files the resident's rows name (originals, attachments, files, replies)."""
        found: set[str] = set()
        for place in PLACES:
            ids = scope.of(place.find)
            for column in place.blobs:
                if ids:
                    found |= {
                        str(r[0])
                        for r in self._rows(
                            f'SELECT "{column}" FROM "{place.table}" WHERE {self._where(place)} '
                            f'AND "{column}" IS NOT NULL AND "{column}" != \'\'',
                            (id_list(ids),),
                        )
                    }
        return found

    def erase(self, scope: Scope, words: Mapping[str, str]) -> dict[str, int]:
        """Blank or delete every place of the map for this resident; rows touched per table.
        Runs in the caller's transaction (the gate's)."""
        touched: dict[str, int] = {}
        for place in PLACES:
            ids = scope.of(place.find)
            if not ids or place.erase is Erase.KEEP:
                continue
            if place.erase is Erase.DELETE:
                cur = self._run(
                    f'DELETE FROM "{place.table}" WHERE {self._where(place)}', (id_list(ids),)
                )
                count = max(cur.rowcount, 0)
            else:
                count = self._blank(place, ids, words)
            touched[place.table] = touched.get(place.table, 0) + count
        return touched

    def _blank(self, place: Place, ids: tuple[Any, ...], words: Mapping[str, str]) -> int:
        rows = self._rows(
            f'SELECT rowid AS _rowid, * FROM "{place.table}" WHERE {self._where(place)}',
            (id_list(ids),),
        )
        for row in rows:
            new = dict(row)
            for column, blank in place.columns.items():
                new[column] = _blanked(row[column], blank, words)
            if place.append_only:
                # the table allows no UPDATE: write the row again, same id (and uid)
                del new["_rowid"]
                self._run(f'DELETE FROM "{place.table}" WHERE rowid = ?', (row["_rowid"],))
                cols = ", ".join(f'"{c}"' for c in new)
                self._run(
                    f'INSERT INTO "{place.table}"({cols}) VALUES ({", ".join("?" for _ in new)})',
                    list(new.values()),
                )
            else:
                sets = ", ".join(f'"{c}" = ?' for c in place.columns)
                self._run(
                    f'UPDATE "{place.table}" SET {sets} WHERE rowid = ?',
                    [*(new[c] for c in place.columns), row["_rowid"]],
                )
        return len(rows)

    def unused(self, digests: Iterable[str]) -> list[str]:
        """Which of `digests` no row of any table names any more (their files may go)."""
        columns = self._blob_columns()
        return [
            d
            for d in sorted(set(digests))
            if not any(
                self._scalar(f'SELECT 1 FROM "{t}" WHERE "{c}" = ? LIMIT 1', (d,))
                for t, c in columns
            )
        ]

    def _blob_columns(self) -> list[tuple[str, str]]:
        """Every (table, column) that may name a blob: columns called sha256 or *_sha256."""
        found = []
        for name in self.tables():
            if any(name == f or name.startswith(f + "_") for f in FTS_TABLES):
                continue
            for col in self._rows(f'PRAGMA table_info("{name}")'):
                if col["name"] == "sha256" or str(col["name"]).endswith("_sha256"):
                    found.append((name, str(col["name"])))
        return found

    def tables(self) -> list[str]:
        return [
            str(r[0])
            for r in self._rows(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "ORDER BY name"
            )
        ]

    def compact(self) -> bool:
        """Leave no trace of deleted rows in the file: merge the full-text index, VACUUM,
        truncate the WAL. False when another connection kept the WAL from being truncated.
        Must run outside a transaction (after the erasure committed)."""
        if self.db.conn.in_transaction:
            raise RuntimeError("compact() runs after the erasure's transaction")
        for fts in FTS_TABLES:
            self._run(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
            self._run(f"INSERT INTO {fts}({fts}) VALUES ('optimize')")
        self._run("VACUUM")
        row: sqlite3.Row | None = self._run("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        return row is None or int(row[0]) == 0


def _blanked(value: Any, blank: Blank, words: Mapping[str, str]) -> Any:
    if blank is Blank.EMPTY:
        return ""
    if blank is Blank.NULL:
        return None
    if blank is Blank.JSON:
        return scrub_json_text(value, words[Blank.SUBJECT.value])
    if blank is Blank.JSON_TEXT:
        return value if value in (None, "null") else json.dumps(words[Blank.SUBJECT.value])
    if blank in (Blank.NAME_IF_SET, Blank.SUBJECT_IF_SET, Blank.TEXT_IF_SET):
        if value is None or value == "":
            return value
        return words[blank.value.removesuffix("_if_set")]
    return words[blank.value]
