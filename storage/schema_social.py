"""Schema of the social channels and contact matching: export files, message keys, Mastodon, merges.

One migration (appended to storage.migrations.MIGRATIONS); never edit it once shipped, add a
new one instead.
"""

from __future__ import annotations

SOCIAL = """
-- An imported platform export (WhatsApp, Facebook, Instagram, X): the original file is kept as
-- a blob named by its SHA-256, so the same file twice is recognised and nothing is imported.
CREATE TABLE import_files (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL,
    filename TEXT NOT NULL,
    size INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    actor TEXT NOT NULL DEFAULT '',
    messages INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0,
    system_messages INTEGER NOT NULL DEFAULT 0
);

-- Each message is linked to every export file it was found in.
CREATE TABLE import_file_messages (
    file_id INTEGER NOT NULL REFERENCES import_files(id),
    message_id INTEGER NOT NULL REFERENCES messages(id),
    PRIMARY KEY (file_id, message_id)
);
CREATE INDEX import_file_messages_message ON import_file_messages(message_id);

-- Stable per-message keys across exports and fetches (a status URI, a hash of chat, author,
-- time, text and occurrence): the same message from a later export is not stored twice.
CREATE TABLE social_message_keys (
    channel TEXT NOT NULL,
    key TEXT NOT NULL,
    message_id INTEGER NOT NULL REFERENCES messages(id),
    PRIMARY KEY (channel, key)
);
CREATE INDEX social_message_keys_message ON social_message_keys(message_id);

-- Mastodon statuses as seen from one of our accounts: what a reply needs (id, visibility).
CREATE TABLE mastodon_statuses (
    message_id INTEGER PRIMARY KEY REFERENCES messages(id),
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    status_id TEXT NOT NULL,
    uri TEXT NOT NULL,
    visibility TEXT NOT NULL,
    author_acct TEXT NOT NULL,
    mentions TEXT NOT NULL DEFAULT '',
    UNIQUE (account_id, status_id)
);

-- Where each fetch stream (notifications, conversations) of a Mastodon account got to.
CREATE TABLE mastodon_sync (
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    stream TEXT NOT NULL,
    newest_id TEXT,
    last_sync_at TEXT,
    last_error TEXT,
    PRIMARY KEY (account_id, stream)
);

-- Merges of contacts (one resident known twice) with their history; undoing one keeps the row.
CREATE TABLE contact_merges (
    id INTEGER PRIMARY KEY,
    survivor_id INTEGER NOT NULL REFERENCES contacts(id),
    merged_id INTEGER NOT NULL REFERENCES contacts(id),
    reason TEXT NOT NULL DEFAULT '',
    merged_at TEXT NOT NULL,
    merged_by TEXT NOT NULL,
    undone_at TEXT,
    undone_by TEXT
);
CREATE INDEX contact_merges_merged ON contact_merges(merged_id);
CREATE INDEX contact_merges_survivor ON contact_merges(survivor_id);

-- Pairs a person looked at and declared different people: never suggested again.
CREATE TABLE contact_distinct (
    first_id INTEGER NOT NULL REFERENCES contacts(id),
    second_id INTEGER NOT NULL REFERENCES contacts(id),
    decided_at TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    PRIMARY KEY (first_id, second_id)
);
"""
