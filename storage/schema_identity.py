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

-- Sign-in protection: failures in a row, when the next attempt may come, locked after ten.
ALTER TABLE users ADD COLUMN failed_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN next_attempt_at TEXT;
ALTER TABLE users ADD COLUMN locked INTEGER NOT NULL DEFAULT 0;
-- A password set by a beheerder is temporary: the person chooses their own at first sign-in.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN password_changed_at TEXT;
"""
