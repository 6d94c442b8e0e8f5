"""Schema of team synchronisation, second step: signed batches, device keys and their people,
the audit heads colleagues' laptops send, and where merged, split or moved items belong.

One migration, appended to storage.migrations.MIGRATIONS; never edit it once shipped.
"""

from __future__ import annotations

TEAM2 = """
-- A laptop's Ed25519 public key (base64), fixed by its first signed announcement.
ALTER TABLE team_devices ADD COLUMN public_key TEXT;

-- The people a laptop announced (signed) as signed in there: it may only speak for them.
CREATE TABLE team_device_users (
    device TEXT NOT NULL,
    user TEXT NOT NULL,
    hlc TEXT NOT NULL,
    event_id TEXT NOT NULL,
    PRIMARY KEY (device, user)
);

-- Why a kept batch was not applied: key (no or wrong team key), plain (not sealed), unsigned
-- (an old unsigned format), unknown_device, signature, author, damaged.
ALTER TABLE team_unreadable ADD COLUMN reason TEXT NOT NULL DEFAULT 'key';
ALTER TABLE team_unreadable ADD COLUMN device TEXT;
ALTER TABLE team_unreadable ADD COLUMN seen_at TEXT;

-- The newest audit-chain head each laptop sent with its batches (sequence number + hash).
CREATE TABLE team_audit_heads (
    device TEXT PRIMARY KEY,
    user TEXT NOT NULL,
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL,
    batch TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    received_at TEXT NOT NULL
);

-- Where a message or note belongs after merges, splits and moves: last writer wins per item.
-- item: 'sha:<raw sha256>' (mail), 'msg:<uid>' (other messages), 'note:<uid>'.
CREATE TABLE team_placements (
    item TEXT NOT NULL,
    event_id TEXT NOT NULL,
    case_uid TEXT NOT NULL,
    hlc TEXT NOT NULL,
    device TEXT NOT NULL,
    PRIMARY KEY (item, event_id)
);
-- Items whose newest placement is not carried out here yet (the item or its case is missing).
CREATE TABLE team_placements_pending (
    item TEXT PRIMARY KEY
);
"""
