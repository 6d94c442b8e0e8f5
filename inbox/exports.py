"""Writing exports so that a failure leaves nothing that looks finished, and only you can read them.

Every export (MDTO package, AVG inzage, Woo, Klantinteracties, CSV lists, verklaring) writes
into a private temporary folder or file beside its target (folders 0700, files 0600) and
renames it into place at the very end. A crash, a full disk or an error half-way leaves only
a hidden `.<name>.loket-tmp-…` beside the target, which the next export to that target
removes. A target that already holds something is never overwritten.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from inbox.errors import InvalidInput, LoketError
from storage.paths import fsync_dir

TMP_MARK = ".loket-tmp-"
FOLDER_MODE = 0o700
FILE_MODE = 0o600


class ExportError(LoketError):
    """An export could not be written; nothing half-written was left at the target."""


def _stale_temporaries(target: Path) -> None:
    """Remove what a killed export to `target` left behind."""
    for leftover in target.parent.glob(f".{target.name}{TMP_MARK}*"):
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)


def _parent(target: Path) -> Path:
    parent = target.parent
    if parent.exists() and not parent.is_dir():
        raise InvalidInput(f"{parent} is geen map.")
    try:
        parent.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    except OSError as exc:
        raise ExportError(f"De map {parent} kan niet worden gemaakt: {_reason(exc)}") from exc
    return parent


def _reason(exc: OSError) -> str:
    import errno

    return {
        errno.ENOSPC: "de schijf is vol",
        errno.EACCES: "geen toegang",
        errno.EPERM: "geen toegang",
        errno.EROFS: "de schijf is alleen-lezen",
        errno.ENAMETOOLONG: "de naam is te lang",
    }.get(exc.errno or 0, "de schijf weigert het schrijven")


@contextmanager
def export_folder(target: Path) -> Iterator[Path]:
    """Yield a private folder to fill; on success it becomes `target` (which must not exist,
    or be an empty folder)."""
    target = Path(target)
    if target.exists():
        if not target.is_dir():
            raise InvalidInput(f"{target} bestaat al en is geen map; kies een andere map.")
        if any(target.iterdir()):
            raise InvalidInput(f"De map {target} is niet leeg; kies een lege of nieuwe map.")
    parent = _parent(target)
    _stale_temporaries(target)
    try:
        work = Path(tempfile.mkdtemp(prefix=f".{target.name}{TMP_MARK}", dir=parent))
    except OSError as exc:
        raise ExportError(f"De export kan niet worden geschreven: {_reason(exc)}.") from exc
    os.chmod(work, FOLDER_MODE)
    try:
        yield work
        _private_tree(work)
        if target.exists():
            target.rmdir()  # the empty folder the person chose
        os.replace(work, target)
        fsync_dir(parent, ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(work, ignore_errors=True)
        raise ExportError(f"De export kan niet worden geschreven: {_reason(exc)}.") from exc
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise


@contextmanager
def export_file(target: Path, *, overwrite: bool = False) -> Iterator[Path]:
    """Yield a private temporary path to write; on success it becomes `target` (0600).
    An existing `target` is refused unless `overwrite`."""
    target = Path(target)
    if target.exists() and (target.is_dir() or not overwrite):
        raise InvalidInput(f"{target} bestaat al; kies een andere naam.")
    parent = _parent(target)
    _stale_temporaries(target)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}{TMP_MARK}", dir=parent)
    except OSError as exc:
        raise ExportError(f"De export kan niet worden geschreven: {_reason(exc)}.") from exc
    os.close(fd)
    work = Path(name)
    os.chmod(work, FILE_MODE)
    try:
        yield work
        os.chmod(work, FILE_MODE)
        with open(work, "rb") as written:
            os.fsync(written.fileno())
        os.replace(work, target)
        fsync_dir(parent, ignore_errors=True)
    except OSError as exc:
        work.unlink(missing_ok=True)
        raise ExportError(f"De export kan niet worden geschreven: {_reason(exc)}.") from exc
    except BaseException:
        work.unlink(missing_ok=True)
        raise


def _private_tree(root: Path) -> None:
    """Folders 0700 and files 0600, and everything on disk before the rename."""
    for folder, dirs, files in os.walk(root):
        os.chmod(folder, FOLDER_MODE)
        for name in files:
            path = os.path.join(folder, name)
            os.chmod(path, FILE_MODE)
            with open(path, "rb") as written:
                os.fsync(written.fileno())
        for name in dirs:
            os.chmod(os.path.join(folder, name), FOLDER_MODE)
