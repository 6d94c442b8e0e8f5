"""Opened attachments: a private folder (0700) under the data dir, emptied at start and exit.

Opening an attachment in another program needs it as a plain file. Such files go to
`storage.paths.opened_dir()`, not the shared system temp folder: the folder is the user's alone
(0700, each file 0600), and the app empties it when it starts (left over after a crash) and when
it quits, so decrypted attachments do not outlive the session that opened them. Each running
app has its own subfolder (its process id): starting a second Loket (another database, or one
that hands its command to the first) never removes files the first one has open.
"""

from __future__ import annotations

import logging
import os
import shutil
import stat
from pathlib import Path

from inbox.errors import LoketError
from storage.paths import opened_dir

log = logging.getLogger("loket.opened")

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def _private(path: Path) -> Path:
    try:
        path.mkdir(mode=FOLDER_MODE)
    except FileExistsError:
        pass
    info = os.lstat(path)
    if not stat.S_ISDIR(info.st_mode) or (hasattr(os, "getuid") and info.st_uid != os.getuid()):
        raise LoketError(f"De map voor geopende bijlagen ({path}) is niet van u; Loket gebruikt "
                         "hem niet.")
    os.chmod(path, FOLDER_MODE)
    return path


def folder() -> Path:
    """This app's private folder, made if needed; refused when it is not a folder of this
    user's."""
    root = opened_dir()
    root.parent.mkdir(parents=True, exist_ok=True)
    return _private(_private(root) / str(os.getpid()))


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove(path: Path) -> int:
    if path.is_symlink() or not path.is_dir():
        path.unlink(missing_ok=True)
        return 1
    count = sum(1 for p in path.rglob("*") if p.is_file() or p.is_symlink())
    shutil.rmtree(path, ignore_errors=True)
    if os.path.lexists(path):
        log.warning("could not empty an opened-attachments folder completely")
    return count


def clear(everything: bool = False) -> int:
    """Remove this app's opened attachments and those of apps no longer running (a crash);
    `everything` also those of running ones. Returns how many files went."""
    root = opened_dir()
    if not os.path.lexists(root):
        return 0
    if root.is_symlink() or not root.is_dir():
        root.unlink()
        return 0
    count = 0
    for entry in root.iterdir():
        if not everything and entry.name.isdigit() and entry.name != str(os.getpid()) \
                and _alive(int(entry.name)):
            continue
        count += _remove(entry)
    if count:
        log.info("opened-attachments folder emptied (%d files)", count)
    return count


def place(attachment_id: int, filename: str, data: bytes) -> Path:
    """Write an attachment to open under its own name; `filename` must already be safe (no
    path, see mailparse.safe_filename)."""
    name = Path(filename).name or f"bijlage-{attachment_id}"
    sub = folder() / str(int(attachment_id))
    sub.mkdir(mode=FOLDER_MODE, exist_ok=True)
    os.chmod(sub, FOLDER_MODE)
    target = sub / name
    if target.is_symlink():
        target.unlink()
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0),
                 FILE_MODE)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.chmod(target, FILE_MODE)
    return target
