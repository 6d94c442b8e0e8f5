"""Numbered schema migrations: index i upgrades user_version i to i + 1; never edit one shipped."""

from __future__ import annotations

from storage.schema_identity import IDENTITY
from storage.schema_kb import KB
from storage.schema_kcc import KCC
from storage.schema_labels import LABELS
from storage.schema_listening import LISTENING
from storage.schema_mail import MAIL
from storage.schema_privacy import PRIVACY
from storage.schema_privacy2 import PRIVACY2
from storage.schema_records import RECORDS
from storage.schema_search import SEARCH_PHONES
from storage.schema_social import SOCIAL
from storage.schema_speed import SPEED
from storage.schema_team import TEAM
from storage.schema_team2 import TEAM2
from storage.schema_team3 import TEAM3

V1 = """
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);

CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'persoon',
    merged_into INTEGER REFERENCES contacts(id),
    created_at TEXT NOT NULL
);

-- digitaal adres: e-mail, E.164 phone number, social handle
CREATE TABLE contact_addresses (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (kind, value)
);
CREATE INDEX contact_addresses_contact ON contact_addresses(contact_id);

CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL,
    settings TEXT NOT NULL DEFAULT '{}',
    enabled INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);

CREATE TABLE sync_state (
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    folder TEXT NOT NULL,
    uidvalidity INTEGER,
    last_uid INTEGER NOT NULL DEFAULT 0,
    highestmodseq INTEGER,
    last_sync_at TEXT,
    last_error TEXT,
    PRIMARY KEY (account_id, folder)
);

CREATE TABLE reference_counters (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
);

CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    subject TEXT NOT NULL,
    normalized_subject TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    channel TEXT NOT NULL,
    contact_id INTEGER REFERENCES contacts(id),
    assignee_id INTEGER REFERENCES users(id),
    product TEXT,
    confidential INTEGER NOT NULL DEFAULT 0,
    deadline TEXT,
    first_contact_resolution INTEGER,
    outcome TEXT,
    opened_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    last_message_at TEXT NOT NULL,
    first_response_at TEXT,
    closed_at TEXT,
    selectielijst_result TEXT,
    waardering TEXT,
    bewaartermijn TEXT,
    destroy_date TEXT,
    legal_hold INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX cases_status_last ON cases(status, last_message_at);
CREATE INDEX cases_last ON cases(last_message_at);
CREATE INDEX cases_contact ON cases(contact_id, normalized_subject);
CREATE INDEX cases_assignee ON cases(assignee_id, status);
CREATE INDEX cases_opened ON cases(opened_at);

CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    case_id INTEGER REFERENCES cases(id),
    contact_id INTEGER REFERENCES contacts(id),
    channel TEXT NOT NULL,
    direction TEXT NOT NULL,
    account_id INTEGER REFERENCES accounts(id),
    message_id TEXT,
    in_reply_to TEXT,
    references_ TEXT,
    external_id TEXT,
    imap_folder TEXT,
    imap_uidvalidity INTEGER,
    imap_uid INTEGER,
    sent_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    sender TEXT NOT NULL DEFAULT '',
    sender_name TEXT NOT NULL DEFAULT '',
    recipients TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL DEFAULT '',
    body_text TEXT NOT NULL DEFAULT '',
    body_html TEXT,
    raw_sha256 TEXT,
    parse_error TEXT,
    phone_number TEXT,
    answer_given TEXT,
    callback_by TEXT,
    author_id INTEGER REFERENCES users(id)
);
CREATE UNIQUE INDEX messages_raw ON messages(raw_sha256);
CREATE UNIQUE INDEX messages_imap ON messages(account_id, imap_folder, imap_uidvalidity, imap_uid);
CREATE INDEX messages_case ON messages(case_id, sent_at);
CREATE INDEX messages_message_id ON messages(message_id);
CREATE INDEX messages_contact ON messages(contact_id);
CREATE INDEX messages_sent ON messages(sent_at);

CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    content_id TEXT,
    inline INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX attachments_message ON attachments(message_id);

CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    author_id INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX notes_case ON notes(case_id);

-- Append-only history of every change. uid, device and hlc prepare team synchronisation.
CREATE TABLE case_events (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    case_id INTEGER REFERENCES cases(id),
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    device TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    data TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX case_events_case ON case_events(case_id, id);
CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
BEGIN
    SELECT RAISE(ABORT, 'case_events is append-only');
END;

-- One row per searchable text: kind is 'message' or 'note', ref_id that row's id.
CREATE VIRTUAL TABLE search_index USING fts5(
    subject, body, contact,
    kind UNINDEXED, ref_id UNINDEXED, case_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
"""

V2 = """
-- Installation-wide settings, e.g. the id that names this installation's keyring entries.
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Replies waiting to go out over SMTP. A row moves queued -> sending -> sent; a crash while
-- 'sending' leaves it 'uncertain' until the Sent folder shows whether it went out.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    case_id INTEGER REFERENCES cases(id),
    message_row_id INTEGER REFERENCES messages(id),
    raw_sha256 TEXT NOT NULL,
    message_id TEXT NOT NULL UNIQUE,
    sender TEXT NOT NULL,
    recipients TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'queued',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT,
    appended_to_sent INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX outbox_state ON outbox(state, next_attempt_at);

-- Work on the server the user asked for (move handled mail), done when the server is reachable.
CREATE TABLE imap_actions (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    message_row_id INTEGER NOT NULL REFERENCES messages(id),
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    created_at TEXT NOT NULL,
    done_at TEXT,
    last_error TEXT
);
"""

# Counting what a medewerker may see subtracts the few hidden vertrouwelijk cases, found here.
CONFIDENTIAL_INDEX = """
CREATE INDEX cases_confidential ON cases(status, assignee_id) WHERE confidential = 1;
"""

MIGRATIONS: list[str] = [V1, V2, RECORDS, PRIVACY, SOCIAL, TEAM, PRIVACY2, CONFIDENTIAL_INDEX,
                        IDENTITY, KB, TEAM2, MAIL, KCC, SPEED, SEARCH_PHONES,
                        LISTENING, TEAM3, LABELS]

SCHEMA_VERSION = len(MIGRATIONS)
