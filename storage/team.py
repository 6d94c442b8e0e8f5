"""The SQL of team synchronisation (inbox/teamsync/): the event log, its projections onto the
local cases, the team's laptops and what they sent. Schema: storage/schema_team*.py."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from storage.base import Queries
from storage.records import _index_rowid

# a message or note as a team item: 'sha:<raw sha256>', 'msg:<uid>', 'note:<uid>'
_KINDS = {"sha": "message", "msg": "message", "note": "note"}


class TeamQueries(Queries):
    def _str(self, sql: str, params: Sequence[Any] = ()) -> str | None:
        value = self._scalar(sql, params)
        return None if value is None else str(value)

    def _int(self, sql: str, params: Sequence[Any] = ()) -> int | None:
        value = self._scalar(sql, params)
        return None if value is None else int(value)

    # -- settings and identities ---------------------------------------------------------

    def setting(self, key: str) -> str | None:
        return self._str("SELECT value FROM team_settings WHERE key = ?", (key,))

    def settings(self, *keys: str) -> dict[str, str]:
        marks = ", ".join("?" for _ in keys)
        return {
            str(r[0]): str(r[1])
            for r in self._rows(f"SELECT key, value FROM team_settings WHERE key IN ({marks})",
                                keys)
        }

    def set_setting(self, key: str, value: str) -> None:
        self._run(
            "INSERT INTO team_settings(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def installation_id(self) -> str:
        """The id of this installation (names its keyring entries); made on first use."""
        self._run(
            "INSERT OR IGNORE INTO settings(key, value) VALUES ('installation_id', ?)",
            (str(uuid.uuid4()),),
        )
        return str(self._scalar("SELECT value FROM settings WHERE key = 'installation_id'"))

    def display_name(self, login: str) -> str:
        value = self._scalar("SELECT display_name FROM users WHERE name = ?", (login,))
        return str(value) if value else login

    def user_id(self, login: str) -> int | None:
        """A person known here (also when disabled); applying never creates one."""
        return self._int("SELECT id FROM users WHERE name = ?", (login,))

    def case_uid(self, case_id: int) -> str | None:
        return self._str("SELECT uid FROM team_cases WHERE case_id = ?", (case_id,))

    def case_id_for(self, uid: str) -> int | None:
        return self._int("SELECT case_id FROM team_cases WHERE uid = ?", (uid,))

    def map_case(self, case_id: int, uid: str) -> None:
        self._run("INSERT OR IGNORE INTO team_cases(case_id, uid) VALUES (?, ?)", (case_id, uid))

    def map_note(self, note_id: int, uid: str) -> None:
        self._run("INSERT OR IGNORE INTO team_notes(note_id, uid) VALUES (?, ?)", (note_id, uid))

    def map_message(self, message_id: int, uid: str) -> None:
        self._run(
            "INSERT OR IGNORE INTO team_messages(message_id, uid) VALUES (?, ?)",
            (message_id, uid),
        )

    def note_by_uid(self, uid: str) -> int | None:
        return self._int("SELECT note_id FROM team_notes WHERE uid = ?", (uid,))

    def message_by_uid(self, uid: str) -> int | None:
        return self._int("SELECT message_id FROM team_messages WHERE uid = ?", (uid,))

    # -- what a local change carries -----------------------------------------------------

    def message(self, message_id: Any) -> sqlite3.Row | None:
        if message_id is None:
            return None
        return self._one("SELECT * FROM messages WHERE id = ?", (int(message_id),))

    def note(self, note_id: Any) -> sqlite3.Row | None:
        if note_id is None:
            return None
        return self._one("SELECT * FROM notes WHERE id = ?", (int(note_id),))

    def first_message(self, case_id: int) -> sqlite3.Row | None:
        return self._one(
            "SELECT * FROM messages WHERE case_id = ? ORDER BY sent_at, id LIMIT 1", (case_id,)
        )

    def last_message_at(self, case_id: int) -> str | None:
        return self._str("SELECT max(sent_at) FROM messages WHERE case_id = ?", (case_id,))

    def newest_message_from_mailbox(self, case_id: int) -> bool:
        """Whether the case's newest message came from the team's mailbox (IMAP), which every
        laptop fetches for itself, rather than being noted or imported on this laptop."""
        return bool(self._scalar(
            "SELECT imap_uid IS NOT NULL FROM messages WHERE case_id = ? ORDER BY id DESC "
            "LIMIT 1", (case_id,)))

    def contact_card(self, contact_id: int | None) -> dict[str, Any]:
        """Name and addresses of a case's resident, as a case_opened event carries them."""
        if contact_id is None:
            return {}
        name = self._scalar("SELECT name FROM contacts WHERE id = ?", (contact_id,))
        return {
            "name": str(name or ""),
            "addresses": [
                [r["kind"], r["value"]]
                for r in self._rows(
                    "SELECT kind, value FROM contact_addresses WHERE contact_id = ? ORDER BY id",
                    (contact_id,),
                )
            ],
        }

    def message_item(self, message_id: int) -> str | None:
        row = self._one(
            "SELECT tm.uid, m.raw_sha256 FROM messages m "
            "LEFT JOIN team_messages tm ON tm.message_id = m.id WHERE m.id = ?",
            (message_id,),
        )
        if row is None:
            return None
        if row["uid"]:
            return f"msg:{row['uid']}"
        return f"sha:{row['raw_sha256']}" if row["raw_sha256"] else None

    def note_item(self, note_id: int) -> str | None:
        value = self._scalar("SELECT uid FROM team_notes WHERE note_id = ?", (note_id,))
        return None if value is None else f"note:{value}"

    def cases_outside_team(self) -> list[sqlite3.Row]:
        return self._rows(
            "SELECT c.*, u.name AS assignee FROM cases c LEFT JOIN users u ON u.id = c.assignee_id "
            "WHERE c.id NOT IN (SELECT case_id FROM team_cases) ORDER BY c.id"
        )

    def notes_of(self, case_id: int) -> list[sqlite3.Row]:
        return self._rows("SELECT * FROM notes WHERE case_id = ? ORDER BY id", (case_id,))

    def local_messages_of(self, case_id: int) -> list[sqlite3.Row]:
        """Messages no mailbox holds (phone, counter, imports): they travel as events."""
        return self._rows(
            "SELECT * FROM messages WHERE case_id = ? AND imap_uid IS NULL ORDER BY id",
            (case_id,),
        )

    # -- references ------------------------------------------------------------------------

    def set_case_reference(self, case_id: int, reference: str) -> None:
        self._run("UPDATE cases SET reference = ? WHERE id = ?", (reference, case_id))

    def keep_counter_above(self, year: int, number: int) -> None:
        self._run(
            "INSERT INTO reference_counters(year, last) VALUES (?, ?) "
            "ON CONFLICT(year) DO UPDATE SET last = max(last, excluded.last)",
            (year, number),
        )

    def next_team_counter(self, year: int) -> int:
        """This laptop's next case number of `year` (starting above its references from
        before it joined)."""
        last = self._scalar("SELECT last FROM team_counters WHERE year = ?", (year,))
        if last is None:
            top = self._scalar(
                "SELECT max(CAST(substr(reference, 9) AS INTEGER)) FROM cases "
                "WHERE reference LIKE ? AND id NOT IN (SELECT case_id FROM team_cases)",
                (f"LK-{year}-%",),
            )
            last = int(top or 0) // 100
        n = int(last) + 1
        self._run(
            "INSERT INTO team_counters(year, last) VALUES (?, ?) "
            "ON CONFLICT(year) DO UPDATE SET last = excluded.last",
            (year, n),
        )
        return n

    def add_reference(self, reference: str, uid: str, hlc: str, device: str, event: str) -> None:
        self._run(
            "INSERT OR IGNORE INTO team_references(reference, case_uid, hlc, device, event_id) "
            "VALUES (?, ?, ?, ?, ?)",
            (reference, uid, hlc, device, event),
        )

    def reference_for(self, uid: str) -> str | None:
        return self._str(
            "SELECT reference FROM team_references WHERE case_uid = ? "
            "ORDER BY hlc, device, event_id LIMIT 1",
            (uid,),
        )

    # -- the event log -----------------------------------------------------------------------

    def insert_event(self, event: Any, local: bool, stamp: str) -> bool:
        """Add an event (inbox.teamsync.events.Event); False when its id was known."""
        cur = self._run(
            "INSERT OR IGNORE INTO team_events(id, case_uid, kind, hlc, device, author, body, "
            "local, uploaded, applied, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (event.id, event.case, event.kind, event.hlc, event.device, event.author,
             event.dumps(), int(local), 0 if local else 1, 1 if local else 0, stamp),
        )
        return bool(cur.rowcount)

    def set_body(self, event_id: str, body: str) -> None:
        self._run("UPDATE team_events SET body = ? WHERE id = ?", (body, event_id))

    def drop_event(self, event_id: str) -> None:
        self._run("DELETE FROM team_events WHERE id = ?", (event_id,))
        self._run("DELETE FROM team_references WHERE event_id = ?", (event_id,))

    def bodies(self, uid: str, kind: str) -> list[str]:
        return [
            str(r[0])
            for r in self._rows(
                "SELECT body FROM team_events WHERE case_uid = ? AND kind = ? "
                "ORDER BY hlc, device, id",
                (uid, kind),
            )
        ]

    def unapplied_remote_bodies(self, uid: str) -> list[str]:
        return [
            str(r[0])
            for r in self._rows(
                "SELECT body FROM team_events WHERE case_uid = ? AND applied = 0 AND local = 0 "
                "ORDER BY hlc, device, id",
                (uid,),
            )
        ]

    def waiting_cases(self) -> list[str]:
        return [
            str(r[0])
            for r in self._rows(
                "SELECT DISTINCT case_uid FROM team_events WHERE applied = 0 "
                "AND case_uid IS NOT NULL"
            )
        ]

    def waiting_caseless(self, kind: str) -> list[sqlite3.Row]:
        """Team events of `kind` about no case that were not applied yet, in team order."""
        return self._rows(
            "SELECT id, hlc, device, body FROM team_events WHERE kind = ? AND applied = 0 "
            "AND case_uid IS NULL ORDER BY hlc, device, id",
            (kind,),
        )

    def mark_caseless_applied(self) -> None:
        self._run("UPDATE team_events SET applied = 1 WHERE applied = 0 AND case_uid IS NULL")

    def mark_applied(self, uid: str) -> None:
        self._run(
            "UPDATE team_events SET applied = 1 WHERE case_uid = ? AND applied = 0", (uid,)
        )

    def pending_upload(self, limit: int) -> list[sqlite3.Row]:
        """Events still to go to the mailbox: announcements of laptops first, then by HLC."""
        return self._rows(
            "SELECT id, body FROM team_events WHERE uploaded = 0 AND kind != 'presence' "
            "ORDER BY kind != 'device_joined', hlc, device, id LIMIT ?",
            (limit,),
        )

    def mark_uploaded(self, ids: Sequence[str]) -> None:
        self.db.conn.executemany(
            "UPDATE team_events SET uploaded = 1 WHERE id = ? AND uploaded = 0",
            [(i,) for i in ids],
        )

    def mark_missing(self, present: Iterable[str]) -> int:
        """After a full read: every event we know that the folder lacks is uploaded again."""
        self._run("CREATE TEMP TABLE IF NOT EXISTS team_present(id TEXT PRIMARY KEY)")
        self._run("DELETE FROM team_present")
        self.db.conn.executemany(  # (sqlite-utils would make a table in main, not temp)
            "INSERT OR IGNORE INTO team_present(id) VALUES (?)", [(i,) for i in present]
        )
        cur = self._run(
            "UPDATE team_events SET uploaded = 0 WHERE uploaded = 1 "
            "AND kind != 'presence' AND id NOT IN (SELECT id FROM team_present)"
        )
        self._run("DELETE FROM team_present")
        return int(cur.rowcount or 0)

    # -- erasure reaching every laptop and the mailbox ---------------------------------------

    def record_batch(self, folder: str, uidvalidity: int, uid: int, ids: Sequence[str]) -> None:
        """The batch at `uid` of `folder` holds the events `ids`."""
        self.db.conn.executemany(
            "INSERT OR IGNORE INTO team_batches(folder, uidvalidity, uid, event_id) "
            "VALUES (?, ?, ?, ?)",
            [(folder, uidvalidity, uid, i) for i in ids],
        )

    def forget_batches(self, folder: str) -> None:
        """Before a full read of `folder`: what it holds is learnt again."""
        self._run("DELETE FROM team_batches WHERE folder = ?", (folder,))

    def batches_holding(self, folder: str, uidvalidity: int, case_uids: Sequence[str]) -> list[int]:
        """The batches of `folder` that hold an event about one of `case_uids`."""
        return [
            int(r[0])
            for r in self._rows(
                "SELECT DISTINCT b.uid FROM team_batches b JOIN team_events e ON e.id = b.event_id "
                "WHERE b.folder = ? AND b.uidvalidity = ? AND e.case_uid IN "
                "(SELECT value FROM json_each(?)) ORDER BY b.uid",
                (folder, uidvalidity, json.dumps(list(case_uids))),
            )
        ]

    def resend_others(
        self, folder: str, uidvalidity: int, uids: Sequence[int], case_uids: Sequence[str]
    ) -> int:
        """The events of the batches `uids` that are not about `case_uids` go to the mailbox
        again (in a new batch), so expunging those batches loses none of them."""
        cur = self._run(
            "UPDATE team_events SET uploaded = 0 WHERE uploaded = 1 AND kind != 'presence' "
            "AND id IN (SELECT event_id FROM team_batches WHERE folder = ? AND uidvalidity = ? "
            "AND uid IN (SELECT value FROM json_each(?))) AND (case_uid IS NULL OR case_uid NOT "
            "IN (SELECT value FROM json_each(?)))",
            (folder, uidvalidity, json.dumps(list(uids)), json.dumps(list(case_uids))),
        )
        return int(cur.rowcount or 0)

    def drop_batches(self, folder: str, uidvalidity: int, uids: Sequence[int]) -> None:
        self._run(
            "DELETE FROM team_batches WHERE folder = ? AND uidvalidity = ? "
            "AND uid IN (SELECT value FROM json_each(?))",
            (folder, uidvalidity, json.dumps(list(uids))),
        )

    def add_erased(self, case_uids: Sequence[str], event_id: str) -> None:
        self.db.conn.executemany(
            "INSERT OR IGNORE INTO team_erased(case_uid, event_id) VALUES (?, ?)",
            [(u, event_id) for u in case_uids],
        )

    def erased_here(self, event_id: str) -> None:
        """The erasure `event_id` was carried out on this laptop (made here)."""
        self._run("UPDATE team_erased SET done = 1 WHERE event_id = ?", (event_id,))

    def erasures_due(self) -> list[sqlite3.Row]:
        """Erased case uids whose case is on this laptop and not erased here yet, with the case
        and its resident: (case_uid, event_id, case_id, contact_id)."""
        return self._rows(
            "SELECT x.case_uid, x.event_id, c.case_id, k.contact_id FROM team_erased x "
            "JOIN team_cases c ON c.uid = x.case_uid JOIN cases k ON k.id = c.case_id "
            "WHERE x.done = 0 ORDER BY x.event_id, x.case_uid"
        )

    def mark_erased(self, case_uid: str) -> None:
        self._run("UPDATE team_erased SET done = 1 WHERE case_uid = ?", (case_uid,))

    def erasures(self) -> list[sqlite3.Row]:
        """Every erasure event this laptop knows: (id, device, body)."""
        return self._rows(
            "SELECT id, device, body FROM team_events WHERE kind = 'erased' ORDER BY hlc, id"
        )

    def unacknowledged_erasures(self) -> list[str]:
        """Erasures made elsewhere that this laptop has not said it carried out."""
        return [
            str(r[0])
            for r in self._rows(
                "SELECT e.id FROM team_events e WHERE e.kind = 'erased' AND e.local = 0 "
                "AND NOT EXISTS (SELECT 1 FROM team_events a WHERE a.kind = 'erasure_applied' "
                "AND a.local = 1 AND json_extract(a.body, '$.data.erasure') = e.id)"
            )
        ]

    def erasure_acks(self, event_id: str) -> set[str]:
        """The laptops that said they carried out the erasure `event_id`."""
        return {
            str(r[0])
            for r in self._rows(
                "SELECT device FROM team_events WHERE kind = 'erasure_applied' "
                "AND json_extract(body, '$.data.erasure') = ?",
                (event_id,),
            )
        }

    def superseded_claims(self) -> list[sqlite3.Row]:
        """Mail cases announced here (not sent yet) that another laptop announced already."""
        return self._rows(
            "SELECT e.id, e.case_uid FROM team_events e WHERE e.kind = 'case_opened' "
            "AND e.local = 1 AND e.uploaded = 0 AND EXISTS (SELECT 1 FROM team_events o "
            "WHERE o.kind = 'case_opened' AND o.case_uid = e.case_uid AND o.device != e.device)"
        )

    def local_authors(self, device: str) -> list[str]:
        return [
            str(r[0])
            for r in self._rows(
                "SELECT DISTINCT author FROM team_events WHERE device = ? AND local = 1 "
                "AND kind != 'device_joined' ORDER BY author",
                (device,),
            )
        ]

    def requeue(self, device: str, unsigned_only: bool = False) -> int:
        """This laptop's events, to be sent again: all of them (after the team key changed),
        or those from before signing (to be signed now)."""
        cur = self._run(
            "UPDATE team_events SET uploaded = 0 WHERE device = ? AND local = 1 "
            "AND kind != 'presence' AND (? = 0 OR json_extract(body, '$.sig') IS NULL)",
            (device, int(unsigned_only)),
        )
        return int(cur.rowcount or 0)

    # -- fields and conflicts ----------------------------------------------------------------

    def add_field(
        self, event: Any, name: str, value: str, derived: bool, seen: list[str]
    ) -> None:
        self._run(
            "INSERT OR IGNORE INTO team_fields(case_uid, field, event_id, value, hlc, device, "
            "author, derived) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (event.case, name, event.id, value, event.hlc, event.device, event.author,
             int(derived)),
        )
        # once per field event: plain executemany (sqlite-utils costs ~0.6 ms a call here)
        self.db.conn.executemany(
            "INSERT OR IGNORE INTO team_field_seen(case_uid, field, seen_id) VALUES (?, ?, ?)",
            [(event.case, name, s) for s in seen],
        )

    def heads(self, uid: str, name: str) -> list[sqlite3.Row]:
        return self._rows(
            "SELECT * FROM team_fields WHERE case_uid = ? AND field = ? AND event_id NOT IN "
            "(SELECT seen_id FROM team_field_seen WHERE case_uid = ? AND field = ?) "
            "ORDER BY hlc, device, event_id",
            (uid, name, uid, name),
        )

    def newest_field(self, uid: str, name: str) -> sqlite3.Row | None:
        return self._one(
            "SELECT value FROM team_fields WHERE case_uid = ? AND field = ? "
            "ORDER BY hlc DESC, device DESC, event_id DESC LIMIT 1",
            (uid, name),
        )

    def set_conflict(self, uid: str, name: str, heads: list[dict[str, Any]] | None) -> None:
        if heads is None:
            self._run("DELETE FROM team_conflicts WHERE case_uid = ? AND field = ?", (uid, name))
            return
        self._run(
            "INSERT INTO team_conflicts(case_uid, field, heads) VALUES (?, ?, ?) "
            "ON CONFLICT(case_uid, field) DO UPDATE SET heads = excluded.heads",
            (uid, name, json.dumps(heads, sort_keys=True)),
        )

    def conflicts(self, visible_to: int | None = None) -> list[sqlite3.Row]:
        """Open conflicts with their case; with `visible_to` (a user id), vertrouwelijk cases
        of other assignees are left out."""
        return self._rows(
            "SELECT k.case_uid, k.field, k.heads, c.reference FROM team_conflicts k "
            "LEFT JOIN team_cases t ON t.uid = k.case_uid LEFT JOIN cases c ON c.id = t.case_id "
            "WHERE ? IS NULL OR c.id IS NULL OR c.confidential = 0 OR c.assignee_id = ? "
            "ORDER BY k.case_uid, k.field",
            (visible_to, visible_to),
        )

    # -- laptops ---------------------------------------------------------------------------

    def add_device(
        self, device: str, slot: int, name: str, hlc: str, event: str, public_key: Any
    ) -> None:
        """A laptop's announcement: the newest sets slot and name; its first key stays."""
        self._run(
            "INSERT INTO team_devices(device, slot, name, hlc, event_id, public_key) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(device) DO UPDATE SET slot = excluded.slot, "
            "name = excluded.name, hlc = excluded.hlc, event_id = excluded.event_id "
            "WHERE excluded.hlc > team_devices.hlc",
            (device, slot, name, hlc, event, public_key or None),
        )
        if public_key:
            self._run(
                "UPDATE team_devices SET public_key = ? WHERE device = ? AND public_key IS NULL",
                (str(public_key), device),
            )

    def add_device_user(self, device: str, user: str, hlc: str, event: str) -> None:
        self._run(
            "INSERT INTO team_device_users(device, user, hlc, event_id) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(device, user) DO UPDATE SET hlc = excluded.hlc, "
            "event_id = excluded.event_id WHERE excluded.hlc < team_device_users.hlc",
            (device, user, hlc, event),
        )

    def device_public_key(self, device: str) -> str | None:
        return self._str("SELECT public_key FROM team_devices WHERE device = ?", (device,))

    def device_has_user(self, device: str, user: str) -> bool:
        return bool(self._scalar(
            "SELECT 1 FROM team_device_users WHERE device = ? AND user = ?", (device, user)
        ))

    def device_slot(self, device: str) -> int | None:
        return self._int("SELECT slot FROM team_devices WHERE device = ?", (device,))

    def taken_slots(self, device: str) -> list[int]:
        return [int(r[0]) for r in self._rows(
            "SELECT slot FROM team_devices WHERE device != ?", (device,))]

    def devices(self) -> list[sqlite3.Row]:
        return self._rows("SELECT * FROM team_devices ORDER BY slot, device")

    def device_users(self) -> list[sqlite3.Row]:
        return self._rows("SELECT * FROM team_device_users ORDER BY device, hlc, user")

    # -- audit heads -----------------------------------------------------------------------

    def save_audit_head(
        self, device: str, user: str, head: tuple[int, str], batch: str, sent_at: str,
        stamp: str,
    ) -> None:
        """Keep the newest head each laptop sent (the highest sequence number)."""
        self._run(
            "INSERT INTO team_audit_heads(device, user, seq, hash, batch, sent_at, received_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(device) DO UPDATE SET user = excluded.user, "
            "seq = excluded.seq, hash = excluded.hash, batch = excluded.batch, "
            "sent_at = excluded.sent_at, received_at = excluded.received_at "
            "WHERE excluded.seq > team_audit_heads.seq",
            (device, user, head[0], head[1], batch, sent_at, stamp),
        )

    def audit_heads(self) -> list[sqlite3.Row]:
        return self._rows(
            "SELECT h.*, d.name AS device_name FROM team_audit_heads h "
            "LEFT JOIN team_devices d ON d.device = h.device ORDER BY d.slot, h.device"
        )

    # -- reading the folders -----------------------------------------------------------------

    def cursor(self, folder: str) -> sqlite3.Row | None:
        return self._one("SELECT * FROM team_cursors WHERE folder = ?", (folder,))

    def save_cursor(
        self, folder: str, uidvalidity: int, last_uid: int, seen_messages: int | None, stamp: str
    ) -> None:
        self._run(
            "INSERT INTO team_cursors(folder, uidvalidity, last_uid, seen_messages, last_sync_at, "
            "last_error) VALUES (?, ?, ?, coalesce(?, 0), ?, NULL) ON CONFLICT(folder) DO UPDATE "
            "SET uidvalidity = excluded.uidvalidity, last_uid = excluded.last_uid, "
            "seen_messages = coalesce(?, team_cursors.seen_messages), "
            "last_sync_at = excluded.last_sync_at, last_error = NULL",
            (folder, uidvalidity, last_uid, seen_messages, stamp, seen_messages),
        )

    def save_error(self, folder: str, message: str, stamp: str) -> None:
        self._run(
            "INSERT INTO team_cursors(folder, last_error, last_sync_at) VALUES (?, ?, ?) "
            "ON CONFLICT(folder) DO UPDATE SET last_error = excluded.last_error",
            (folder, message, stamp),
        )

    def cursors(self) -> list[dict[str, Any]]:
        return self._dicts(
            "SELECT folder, uidvalidity, last_uid, last_sync_at, last_error FROM team_cursors "
            "ORDER BY folder"
        )

    def keep_aside(
        self, folder: str, uidvalidity: int, uid: int, raw: bytes, reason: str, error: str,
        device: str | None, stamp: str,
    ) -> None:
        self._run(
            "INSERT INTO team_unreadable(folder, uidvalidity, uid, raw, error, reason, device, "
            "seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(folder, uidvalidity, uid) "
            "DO UPDATE SET error = excluded.error, reason = excluded.reason, "
            "device = excluded.device",
            (folder, uidvalidity, uid, raw, error, reason, device, stamp),
        )

    def kept_batches(self) -> list[sqlite3.Row]:
        return self._rows("SELECT * FROM team_unreadable ORDER BY folder, uidvalidity, uid")

    def forget_kept(self, folder: str, uidvalidity: int, uid: int) -> None:
        self._run(
            "DELETE FROM team_unreadable WHERE folder = ? AND uidvalidity = ? AND uid = ?",
            (folder, uidvalidity, uid),
        )

    def kept_summary(self) -> list[dict[str, Any]]:
        return self._dicts(
            "SELECT reason, count(*) AS batches, group_concat(DISTINCT device) AS devices, "
            "max(seen_at) AS last_seen FROM team_unreadable GROUP BY reason ORDER BY reason"
        )

    def counts(self) -> dict[str, int]:
        row = self._one(
            "SELECT count(*) AS events, coalesce(sum(uploaded = 0), 0) AS pending_upload, "
            "coalesce(sum(applied = 0), 0) AS waiting, "
            "(SELECT count(*) FROM team_conflicts) AS conflicts FROM team_events"
        )
        assert row is not None
        return {k: int(row[k]) for k in ("events", "pending_upload", "waiting", "conflicts")}

    # -- placements (merge, split, move) ---------------------------------------------------

    def add_placements(
        self, items: list[str], event: str, uid: str, hlc: str, device: str
    ) -> None:
        self.db.utils["team_placements"].insert_all(
            ({"item": i, "event_id": event, "case_uid": uid, "hlc": hlc, "device": device}
             for i in items),
            ignore=True,
        )
        self.db.utils["team_placements_pending"].insert_all(
            ({"item": i} for i in items), ignore=True)

    def pending_items(self) -> list[str]:
        return [str(r[0]) for r in self._rows(
            "SELECT item FROM team_placements_pending ORDER BY item")]

    def placement_of(self, item: str) -> str | None:
        return self._str(
            "SELECT case_uid FROM team_placements WHERE item = ? "
            "ORDER BY hlc DESC, device DESC, event_id DESC LIMIT 1",
            (item,),
        )

    def placement_done(self, item: str) -> None:
        self._run("DELETE FROM team_placements_pending WHERE item = ?", (item,))

    def find_item(self, item: str) -> tuple[str, int, int | None] | None:
        """(kind, local id, its case) of a team item, or None when it is not here (yet)."""
        prefix, _, key = item.partition(":")
        kind = _KINDS.get(prefix)
        if prefix == "sha":
            row = self._one("SELECT id, case_id FROM messages WHERE raw_sha256 = ?", (key,))
        elif prefix == "msg":
            row = self._one(
                "SELECT m.id, m.case_id FROM team_messages t JOIN messages m "
                "ON m.id = t.message_id WHERE t.uid = ?", (key,))
        elif prefix == "note":
            row = self._one(
                "SELECT n.id, n.case_id FROM team_notes t JOIN notes n ON n.id = t.note_id "
                "WHERE t.uid = ?", (key,))
        else:
            return None
        if row is None or kind is None:
            return None
        return kind, int(row["id"]), None if row["case_id"] is None else int(row["case_id"])

    def move_item(self, kind: str, item_id: int, case_id: int) -> None:
        table = "messages" if kind == "message" else "notes"
        self._run(f"UPDATE {table} SET case_id = ? WHERE id = ?", (case_id, item_id))
        self._run(
            "UPDATE search_index SET case_id = ? WHERE rowid = ?",
            (case_id, _index_rowid(kind, item_id)),
        )

    def touch_case(self, case_id: int, stamp: str) -> None:
        """Keep last_message_at right after messages left or joined the case."""
        self._run(
            "UPDATE cases SET updated_at = ?, last_message_at = coalesce((SELECT max(sent_at) "
            "FROM messages WHERE case_id = cases.id), last_message_at) WHERE id = ?",
            (stamp, case_id),
        )

    def case_of_mail(self, sha: str) -> int | None:
        return self._int("SELECT case_id FROM messages WHERE raw_sha256 = ?", (sha,))

    # -- history and presence ----------------------------------------------------------------

    def insert_history(
        self, uid: str, case_id: int, at: str, actor: str, device: str, kind: str,
        data: dict[str, Any],
    ) -> None:
        """A colleague's event in this laptop's case history (once: keyed by the event)."""
        self._run(
            "INSERT OR IGNORE INTO case_events(uid, case_id, at, actor, device, kind, data) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (uid, case_id, at, actor, device, kind, json.dumps(data, sort_keys=True)),
        )

    def add_presence(self, event: Any, own_uid: int | None) -> None:
        self._run(
            "INSERT OR IGNORE INTO team_presence(id, case_uid, author, author_name, device, "
            "activity, expires_at, own_uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (event.id, event.case, event.author, event.author_name, event.device,
             str(event.data.get("activity")), str(event.data.get("expires_at")), own_uid),
        )

    def expire_presence(self, now: str, device: str) -> list[int]:
        """Forget expired presence; the server UIDs of this laptop's own expired ones."""
        own = [int(r[0]) for r in self._rows(
            "SELECT own_uid FROM team_presence WHERE expires_at <= ? AND own_uid IS NOT NULL "
            "AND device = ?", (now, device))]
        self._run("DELETE FROM team_presence WHERE expires_at <= ?", (now,))
        return own

    def presence_of(self, case_id: int, now: str, user: str, device: str) -> list[sqlite3.Row]:
        return self._rows(
            "SELECT p.* FROM team_presence p JOIN team_cases tc ON tc.uid = p.case_uid "
            "WHERE tc.case_id = ? AND p.expires_at > ? AND NOT (p.author = ? AND p.device = ?) "
            "ORDER BY p.expires_at DESC",
            (case_id, now, user, device),
        )

    # -- what all laptops must agree on (tests, status) ------------------------------------

    def team_case_rows(self) -> list[sqlite3.Row]:
        return self._rows(
            "SELECT t.uid, c.*, u.name AS assignee FROM team_cases t JOIN cases c "
            "ON c.id = t.case_id LEFT JOIN users u ON u.id = c.assignee_id ORDER BY t.uid"
        )

    def team_notes_of(self, case_id: int) -> list[sqlite3.Row]:
        return self._rows(
            "SELECT tn.uid, n.text, u.name AS author FROM notes n "
            "JOIN team_notes tn ON tn.note_id = n.id LEFT JOIN users u ON u.id = n.author_id "
            "WHERE n.case_id = ?",
            (case_id,),
        )

    def messages_with_uids(self, case_id: int) -> list[sqlite3.Row]:
        return self._rows(
            "SELECT m.id, m.raw_sha256, m.channel, m.body_text, tm.uid FROM messages m "
            "LEFT JOIN team_messages tm ON tm.message_id = m.id WHERE m.case_id = ?",
            (case_id,),
        )
