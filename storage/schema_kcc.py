"""Schema of the KCC's day: departments (vakafdelingen) and hand-overs, call-back requests,
the "antwoord uiterlijk" moment of a case, repeat contacts and internal messages.

One migration (appended to storage.migrations.MIGRATIONS); never edit it once shipped.
"""

from __future__ import annotations

KCC = """
-- The municipality's departments a case can be handed over to (plain e-mail; they need no
-- Loket). norm_days: working days the department has to report back.
CREATE TABLE departments (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    email TEXT NOT NULL,
    norm_days INTEGER NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);

-- The newest hand-over of a case: to which department (its name, the same on every laptop),
-- when, by whom, due when (UTC), and when the department's reply came back (empty while the
-- hand-over is open).
ALTER TABLE cases ADD COLUMN department TEXT;
ALTER TABLE cases ADD COLUMN forwarded_at TEXT;
ALTER TABLE cases ADD COLUMN forwarded_by_id INTEGER REFERENCES users(id);
ALTER TABLE cases ADD COLUMN forward_due TEXT;
ALTER TABLE cases ADD COLUMN reported_back_at TEXT;

-- "Antwoord uiterlijk" (UTC): the manual deadline's closing time, else the channel's norm
-- counted from the arrival in working days or office hours (inbox/deadlines.py).
ALTER TABLE cases ADD COLUMN due_at TEXT;
CREATE INDEX cases_due ON cases(status, due_at);

-- The newest call-back request of a case: requested when, due when (UTC, the end of the time
-- window), the window as people typed it ('09:00-12:00'), the number, for whom; when the
-- newest one was done and how (bereikt, niet_bereikt): empty while the request is open.
ALTER TABLE cases ADD COLUMN callback_requested_at TEXT;
ALTER TABLE cases ADD COLUMN callback_due TEXT;
ALTER TABLE cases ADD COLUMN callback_window TEXT;
ALTER TABLE cases ADD COLUMN callback_number TEXT;
ALTER TABLE cases ADD COLUMN callback_for_id INTEGER REFERENCES users(id);
ALTER TABLE cases ADD COLUMN callback_done_at TEXT;
ALTER TABLE cases ADD COLUMN callback_outcome TEXT;
CREATE INDEX cases_callback ON cases(callback_due) WHERE callback_requested_at IS NOT NULL;

-- When the resident contacted us again within 14 days of this case's closing (any channel).
ALTER TABLE cases ADD COLUMN repeat_contact_at TEXT;
CREATE INDEX cases_contact_closed ON cases(contact_id, closed_at);

-- 1: a message between the KCC and a department (a hand-over and its reply), not with the
-- resident; NULL otherwise.
ALTER TABLE messages ADD COLUMN internal INTEGER;
"""
