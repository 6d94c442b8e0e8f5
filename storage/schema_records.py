"""Schema of the records capability: Selectielijst, retention rules, destruction lists, counts.

One migration (appended to storage.migrations.MIGRATIONS); never edit it once shipped, add a
new one instead. The Selectielijst rows themselves are loaded from resources/selectielijst/ by
inbox.archive.selectielijst on first use, so the migration stays plain SQL.
"""

from __future__ import annotations

RECORDS = """
-- Selectielijst gemeenten en intergemeentelijke organen 2020 (VNG fixtures), as loaded.
CREATE TABLE selectielijst_procestypen (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    nummer INTEGER NOT NULL,
    jaar INTEGER NOT NULL,
    naam TEXT NOT NULL,
    omschrijving TEXT NOT NULL DEFAULT '',
    procesobject TEXT NOT NULL DEFAULT ''
);

-- code is the number people use: procestype.resultaat[.specifiek], e.g. '6.1.3'.
-- waardering: 'V' (vernietigen), 'B' (blijvend bewaren) or '' (vervallen).
CREATE TABLE selectielijst_resultaten (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    code TEXT NOT NULL,
    procestype_id INTEGER NOT NULL REFERENCES selectielijst_procestypen(id),
    generiek_id INTEGER REFERENCES selectielijst_resultaten(id),
    nummer INTEGER NOT NULL,
    naam TEXT NOT NULL,
    omschrijving TEXT NOT NULL DEFAULT '',
    herkomst TEXT NOT NULL DEFAULT '',
    waardering TEXT NOT NULL,
    procestermijn TEXT NOT NULL DEFAULT '',
    bewaartermijn TEXT,
    toelichting TEXT NOT NULL DEFAULT ''
);
CREATE INDEX selectielijst_resultaten_code ON selectielijst_resultaten(code);

-- The archivaris' mapping of a product (UPL tag) to a result; product '' is the default.
CREATE TABLE retention_rules (
    product TEXT PRIMARY KEY,
    result_id INTEGER NOT NULL REFERENCES selectielijst_resultaten(id),
    set_by TEXT NOT NULL,
    set_at TEXT NOT NULL
);

CREATE INDEX cases_destroy ON cases(destroy_date);

-- A destruction list: voorgesteld -> beoordeeld -> goedgekeurd -> uitgevoerd (or afgewezen).
CREATE TABLE destruction_lists (
    id INTEGER PRIMARY KEY,
    state TEXT NOT NULL,
    due_on TEXT NOT NULL,
    proposed_by TEXT NOT NULL,
    proposed_at TEXT NOT NULL,
    reviewed_by TEXT,
    reviewed_at TEXT,
    review_note TEXT,
    approved_by TEXT,
    approved_at TEXT,
    rejected_by TEXT,
    rejected_at TEXT,
    reject_reason TEXT,
    carried_out_by TEXT,
    carried_out_at TEXT
);

-- What the list holds, without personal data: it outlives the cases it names.
-- state: 'voorgesteld', 'verwijderd' (taken off by the reviewer), 'vernietigd', 'overgeslagen'.
CREATE TABLE destruction_items (
    list_id INTEGER NOT NULL REFERENCES destruction_lists(id),
    reference TEXT NOT NULL,
    product TEXT,
    result_code TEXT NOT NULL,
    result_name TEXT NOT NULL,
    waardering TEXT NOT NULL,
    bewaartermijn TEXT NOT NULL,
    opened_on TEXT NOT NULL,
    closed_on TEXT NOT NULL,
    destroy_date TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'voorgesteld',
    note TEXT,
    PRIMARY KEY (list_id, reference)
);
CREATE INDEX destruction_items_reference ON destruction_items(reference);

-- The verklaring van vernietiging of a carried-out list, kept as blobs (PDF and CSV).
CREATE TABLE destruction_certificates (
    list_id INTEGER PRIMARY KEY REFERENCES destruction_lists(id),
    created_at TEXT NOT NULL,
    pdf_sha256 TEXT NOT NULL,
    csv_sha256 TEXT NOT NULL,
    cases INTEGER NOT NULL
);

-- Anonymous counts of destroyed records, so figures over the past stay right.
-- week: the Monday of the ISO week (cases by opened_at, messages by sent_at).
CREATE TABLE destroyed_counts (
    week TEXT NOT NULL,
    kind TEXT NOT NULL,
    channel TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT '',
    count INTEGER NOT NULL DEFAULT 0,
    first_contact INTEGER NOT NULL DEFAULT 0,
    unparsed INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (week, kind, channel, status)
);
"""
