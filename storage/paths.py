"""Every file path Loket uses comes from here, so tests can redirect them all at once."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Loket"


def data_dir() -> Path:
    """The folder holding the default database and blob store (LOKET_DATA_DIR overrides)."""
    override = os.environ.get("LOKET_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / "loket.db"


def fsync_dir(path: Path, *, ignore_errors: bool = False) -> None:
    """Put a folder's entries (a file written or renamed in it) on disk. A folder that cannot
    be opened for this (not every platform allows it) is left alone; a failing flush raises
    unless `ignore_errors`."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        if not ignore_errors:
            raise
    finally:
        os.close(fd)


def blob_dir_for(db_path: Path) -> Path:
    """The blob store lives beside the database: loket.db -> loket.blobs/."""
    return db_path.with_name(db_path.stem + ".blobs")


def log_dir() -> Path:
    return data_dir() / "logs"


def cache_dir() -> Path:
    """Rebuildable files (LOKET_CACHE_DIR overrides): never anything that must be kept."""
    override = os.environ.get("LOKET_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def opened_dir() -> Path:
    """Attachments a person opened in another program (inbox/opened.py keeps it private and
    empties it at start and exit)."""
    return data_dir() / "opened"
