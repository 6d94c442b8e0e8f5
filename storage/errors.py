"""Storage errors that callers can tell apart and explain to a person."""


class StorageError(Exception):
    """Base class; the message is a short Dutch sentence fit for the user."""


class NewerSchemaError(StorageError):
    """The database was written by a newer Loket than this one."""


class DiskFullError(StorageError):
    """The disk is full; nothing half-written was kept."""


class DatabaseLockedError(StorageError):
    """Another program holds the database."""


class CorruptDatabaseError(StorageError):
    """The file is not a Loket database or is damaged."""


class BlobMissingError(StorageError):
    """A blob named in the database is not in the blob store."""


class ForeignDatabaseError(CorruptDatabaseError):
    """The file is another program's SQLite database; Loket left it alone."""


class ReadOnlyDatabaseError(StorageError):
    """The database cannot be written (read-only file, folder or disk)."""


class BlobFolderError(StorageError):
    """The blob folder beside the database cannot be written (read-only, no permission)."""
