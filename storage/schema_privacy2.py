"""Schema for AVG requests, the processing log (Logboek dataverwerkingen) and Woo review."""

PRIVACY2 = """
-- AVG requests of residents (inzage art. 15, verwijdering art. 17): received date and the
-- deadline of one month (art. 12(3)), status open -> afgehandeld | geweigerd.
CREATE TABLE avg_requests (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    contact_id INTEGER,
    address TEXT NOT NULL,
    received_on TEXT NOT NULL,
    deadline TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    note TEXT NOT NULL DEFAULT '',
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    handled_by TEXT,
    handled_at TEXT
);
CREATE INDEX avg_requests_status ON avg_requests(status, deadline);

-- Logius "Logboek dataverwerkingen": one row per span of a processing activity. The data
-- subject's id is AES-GCM encrypted (key_id names the key it was sealed with); separate from
-- the audit trail.
CREATE TABLE processing_log (
    id INTEGER PRIMARY KEY,
    trace_id TEXT NOT NULL,
    span_id TEXT NOT NULL UNIQUE,
    parent_span_id TEXT,
    activity_id TEXT NOT NULL,
    activity_name TEXT NOT NULL,
    operation TEXT NOT NULL,
    status TEXT NOT NULL,
    start_time TEXT NOT NULL,
    end_time TEXT NOT NULL,
    actor TEXT NOT NULL,
    object TEXT NOT NULL DEFAULT '',
    subject_encrypted TEXT,
    key_id TEXT NOT NULL DEFAULT ''
);
CREATE INDEX processing_log_trace ON processing_log(trace_id);

-- A Woo reviewer's decisions per case: redact this text too ('add') or not ('undo').
CREATE TABLE woo_decisions (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    action TEXT NOT NULL,
    text TEXT NOT NULL,
    ground TEXT NOT NULL DEFAULT '',
    decided_by TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    UNIQUE (case_id, text)
);
"""
