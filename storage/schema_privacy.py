"""Schema for privacy and security: the tamper-evident audit trail."""

PRIVACY = """
-- BIO 8.15: actie, object, resultaat, oorsprong, actor, tijdstempel. Append-only; each row
-- carries the SHA-256 of the previous row's hash and its own fields, so any change or removal
-- breaks the chain, which is verified when Loket starts.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    object TEXT NOT NULL,
    result TEXT NOT NULL,
    origin TEXT NOT NULL,
    subject_contact_id INTEGER,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE
);
CREATE INDEX audit_log_subject ON audit_log(subject_contact_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
"""
