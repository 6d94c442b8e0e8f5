"""Schema for identity: rights granted per person, sign-in protection, temporary passwords.

One migration (appended to storage.migrations.MIGRATIONS); never edit it once shipped.
"""

IDENTITY = """
-- Rights a beheerder gives one person on top of their role (e.g. editing the kennisbank).
CREATE TABLE user_grants (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    permission TEXT NOT NULL,
    granted_by TEXT NOT NULL,
    granted_at TEXT NOT NULL,
    PRIMARY KEY (user_id, permission)
);

-- Sign-in protection per login typed, known or not (so both behave alike): failures in a row,
-- when the next attempt may come, and a lock after ten that only a beheerder lifts.
CREATE TABLE sign_in_attempts (
    login TEXT PRIMARY KEY,
    failures INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    locked INTEGER NOT NULL DEFAULT 0,
    last_failure_at TEXT
);

-- A password set by a beheerder is temporary: the person chooses their own at first sign-in.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN password_changed_at TEXT;
ALTER TABLE users ADD COLUMN disabled_at TEXT;
"""
