"""Schema of team synchronisation (docs/design/team-sync.md): the event log and its state.

One migration, appended to storage.migrations.MIGRATIONS; never edit it once shipped.
Everything here is keyed by team-wide identities (event id, case uid, note/message uid), so the
tables are a function of the set of events a laptop has seen, whatever their order.
"""

from __future__ import annotations

TEAM = """
-- This installation in the team: device id, slot, hybrid logical clock, team account.
CREATE TABLE team_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Every team event seen here, local or remote. body: the whole event as JSON.
-- uploaded: 0 while it still has to go to the mailbox (local events, or a republish).
-- applied: 0 while it waits for its case (a mail not fetched yet, a case_opened not seen yet).
CREATE TABLE team_events (
    id TEXT PRIMARY KEY,
    case_uid TEXT,
    kind TEXT NOT NULL,
    hlc TEXT NOT NULL,
    device TEXT NOT NULL,
    author TEXT NOT NULL,
    body TEXT NOT NULL,
    local INTEGER NOT NULL DEFAULT 0,
    uploaded INTEGER NOT NULL DEFAULT 0,
    applied INTEGER NOT NULL DEFAULT 0,
    received_at TEXT NOT NULL
);
CREATE INDEX team_events_upload ON team_events(uploaded);
CREATE INDEX team_events_waiting ON team_events(applied, case_uid);
CREATE INDEX team_events_case ON team_events(case_uid, kind);

-- Read position per folder of the team mailbox; seen_messages detects an emptied folder.
CREATE TABLE team_cursors (
    folder TEXT PRIMARY KEY,
    uidvalidity INTEGER,
    last_uid INTEGER NOT NULL DEFAULT 0,
    seen_messages INTEGER NOT NULL DEFAULT 0,
    last_sync_at TEXT,
    last_error TEXT
);

-- Batches read that could not be opened (wrong or missing team key); kept, retried.
CREATE TABLE team_unreadable (
    folder TEXT NOT NULL,
    uidvalidity INTEGER NOT NULL,
    uid INTEGER NOT NULL,
    raw BLOB NOT NULL,
    error TEXT NOT NULL,
    PRIMARY KEY (folder, uidvalidity, uid)
);

-- The team-wide identity of a local case.
CREATE TABLE team_cases (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id),
    uid TEXT NOT NULL UNIQUE
);

-- Every reference claimed for a case; the lowest (hlc, device) is the case's reference,
-- the others are aliases.
CREATE TABLE team_references (
    reference TEXT PRIMARY KEY,
    case_uid TEXT NOT NULL,
    hlc TEXT NOT NULL,
    device TEXT NOT NULL,
    event_id TEXT NOT NULL
);
CREATE INDEX team_references_case ON team_references(case_uid);

-- Per-device reference numbers in team mode: counter * 100 + slot.
CREATE TABLE team_counters (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
);

-- Team members' laptops and their reference slots.
CREATE TABLE team_devices (
    device TEXT PRIMARY KEY,
    slot INTEGER NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    hlc TEXT NOT NULL,
    event_id TEXT NOT NULL
);

-- One row per field event; the value of a field is the row with the highest (hlc, device, id).
-- derived: an automatic change caused by mail, which never counts as a conflicting edit.
CREATE TABLE team_fields (
    case_uid TEXT NOT NULL,
    field TEXT NOT NULL,
    event_id TEXT NOT NULL,
    value TEXT,
    hlc TEXT NOT NULL,
    device TEXT NOT NULL,
    author TEXT NOT NULL,
    derived INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (case_uid, field, event_id)
);

-- Which field events an event's author had seen as the heads of that field.
CREATE TABLE team_field_seen (
    case_uid TEXT NOT NULL,
    field TEXT NOT NULL,
    seen_id TEXT NOT NULL,
    PRIMARY KEY (case_uid, field, seen_id)
);

-- Open conflicts: several heads of one field with different values. heads: JSON list of
-- {"event", "value", "author", "hlc"}.
CREATE TABLE team_conflicts (
    case_uid TEXT NOT NULL,
    field TEXT NOT NULL,
    heads TEXT NOT NULL,
    PRIMARY KEY (case_uid, field)
);

CREATE TABLE team_notes (
    note_id INTEGER PRIMARY KEY REFERENCES notes(id),
    uid TEXT NOT NULL UNIQUE
);

CREATE TABLE team_messages (
    message_id INTEGER PRIMARY KEY REFERENCES messages(id),
    uid TEXT NOT NULL UNIQUE
);

-- Short-lived presence ("Anne is dit antwoord aan het schrijven").
CREATE TABLE team_presence (
    id TEXT PRIMARY KEY,
    case_uid TEXT NOT NULL,
    author TEXT NOT NULL,
    author_name TEXT NOT NULL,
    device TEXT NOT NULL,
    activity TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    own_uid INTEGER
);
CREATE INDEX team_presence_case ON team_presence(case_uid, expires_at);
"""
