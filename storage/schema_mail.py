"""Schema for the e-mail channel: small originals inside the (encrypted) database.

One migration (appended to storage.migrations.MIGRATIONS); never edit it once shipped.
"""

MAIL = """
-- Originals of messages below BlobStore.INLINE_MAX bytes, kept in the database itself: SQLite
-- writes many small blobs faster than one encrypted, fsynced file each, and they commit in the
-- same transaction as the message row that names them. Larger originals and attachments stay
-- files in the blob store. Content-addressed: digest is the SHA-256 (hex) of data. (Not named
-- sha256: columns so named are references to blobs, which destruction and erasure look for.)
CREATE TABLE originals (
    id INTEGER PRIMARY KEY,
    digest TEXT NOT NULL UNIQUE,
    data BLOB NOT NULL
);
"""
