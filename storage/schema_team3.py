"""Schema of team synchronisation, third step: which events each batch in the mailbox holds
(so a batch that held an erased resident's events can be expunged after its other events were
sent again), and the case uids an erasure covers (a case that arrives later is erased too).

One migration, appended to storage.migrations.MIGRATIONS; never edit it once shipped.
"""

from __future__ import annotations

TEAM3 = """
CREATE TABLE team_batches (
    folder TEXT NOT NULL,
    uidvalidity INTEGER NOT NULL,
    uid INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    PRIMARY KEY (folder, uidvalidity, uid, event_id)
);
CREATE INDEX team_batches_event ON team_batches(event_id);

CREATE TABLE team_erased (
    case_uid TEXT NOT NULL,
    event_id TEXT NOT NULL,
    done INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (case_uid, event_id)
);
"""
