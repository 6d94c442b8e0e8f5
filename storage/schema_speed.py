"""Schema for reading fast on the encrypted database: small tables and indexes that answer the
case list's questions without reading wide rows (every page read is a page to decrypt).

One migration (appended to storage.migrations.MIGRATIONS); never edit it once shipped.
"""

SPEED = """
-- The case of every full-text row (entry = the search_index rowid: a message's id * 2, a note's
-- id * 2 + 1), kept by triggers on messages and notes. A case list filtered by a search reads
-- this narrow table instead of search_index's stored columns, where each matching row is a page
-- of subject and body to decrypt just to learn its case_id.
CREATE TABLE search_case (
    entry INTEGER PRIMARY KEY,
    case_id INTEGER
);
INSERT INTO search_case(entry, case_id)
    SELECT id * 2, case_id FROM messages UNION ALL SELECT id * 2 + 1, case_id FROM notes;
CREATE TRIGGER messages_search_case_insert AFTER INSERT ON messages
BEGIN
    INSERT OR REPLACE INTO search_case(entry, case_id) VALUES (new.id * 2, new.case_id);
END;
CREATE TRIGGER messages_search_case_update AFTER UPDATE OF case_id ON messages
BEGIN
    UPDATE search_case SET case_id = new.case_id WHERE entry = new.id * 2;
END;
CREATE TRIGGER messages_search_case_delete AFTER DELETE ON messages
BEGIN
    DELETE FROM search_case WHERE entry = old.id * 2;
END;
CREATE TRIGGER notes_search_case_insert AFTER INSERT ON notes
BEGIN
    INSERT OR REPLACE INTO search_case(entry, case_id) VALUES (new.id * 2 + 1, new.case_id);
END;
CREATE TRIGGER notes_search_case_update AFTER UPDATE OF case_id ON notes
BEGIN
    UPDATE search_case SET case_id = new.case_id WHERE entry = new.id * 2 + 1;
END;
CREATE TRIGGER notes_search_case_delete AFTER DELETE ON notes
BEGIN
    DELETE FROM search_case WHERE entry = old.id * 2 + 1;
END;

-- A case's channels from the index alone: the channel view's EXISTS and the list's
-- group_concat(DISTINCT channel) no longer read each message's row (with its body).
CREATE INDEX messages_case_channel ON messages(case_id, channel);
"""
