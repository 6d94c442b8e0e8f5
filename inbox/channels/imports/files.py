"""Import of files chosen by a person or given on the command line, dispatched by their kind.

Each file is reported as imported, duplicate or failed; one bad file never stops the others.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inbox.channels.imports import eml, exportfile, mbox
from inbox.errors import LoketError
from inbox.services import Loket
from storage.errors import StorageError

log = logging.getLogger("loket.import")


@dataclass
class ImportReport:
    imported: int = 0
    duplicates: int = 0
    unparsed: int = 0
    failed: list[dict[str, str]] = field(default_factory=list)
    cases: set[str] = field(default_factory=set)

    def as_json(self) -> dict[str, Any]:
        return {
            "imported": self.imported,
            "duplicates": self.duplicates,
            "unparsed": self.unparsed,
            "failed": self.failed,
        }


class ImportCancelled(LoketError):
    pass


def import_files(
    loket: Loket,
    paths: Iterable[Path],
    progress: Callable[[int, str], bool | None] | None = None,
) -> ImportReport:
    """Import every file; `progress(n, name)` may return False to cancel between messages."""
    report = ImportReport()
    count = 0
    for path in paths:
        try:
            social = exportfile.import_path(loket, path, progress)
            if social is not None:  # WhatsApp, Facebook/Instagram, X: one transaction per file
                social.add_to(report)
                continue
            for raw in _messages_in(path):
                received = eml.import_bytes(loket, raw)
                if received.duplicate:
                    report.duplicates += 1
                else:
                    report.imported += 1
                    if received.reference:
                        report.cases.add(received.reference)
                    if loket.db.scalar(
                        "SELECT parse_error IS NOT NULL FROM messages WHERE id = ?",
                        (received.message_id,),
                    ):
                        report.unparsed += 1
                count += 1
                if progress is not None and progress(count, path.name) is False:
                    raise ImportCancelled("Importeren afgebroken; wat al binnen was, is bewaard.")
        except StorageError:
            raise  # disk full, locked database: stop, everything stored so far stays stored
        except ImportCancelled:
            raise
        except (OSError, LoketError, ValueError) as exc:
            log.warning("import of a file failed: %s", type(exc).__name__)
            report.failed.append({"file": str(path), "error": _reason(exc)})
    return report


def _messages_in(path: Path) -> Iterable[bytes]:
    """The original bytes of each message in `path`: an .mbox holds many, an .eml one."""
    if path.is_dir():
        raise IsADirectoryError(path)
    with path.open("rb") as fh:
        head = fh.read(5)
    suffix = path.suffix.lower()
    if suffix == ".mbox" or (suffix != ".eml" and mbox.looks_like_mbox(head)):
        if not head:
            return []
        if not mbox.looks_like_mbox(head):
            raise ValueError("geen mbox-bestand (het begint niet met 'From ')")
        return mbox.iter_messages(path)
    return [path.read_bytes()]


def _reason(exc: BaseException) -> str:
    if isinstance(exc, FileNotFoundError):
        return "bestand niet gevonden"
    if isinstance(exc, IsADirectoryError):
        return "dit is een map, geen bestand"
    if isinstance(exc, PermissionError):
        return "geen toegang tot het bestand"
    if isinstance(exc, LoketError):
        return str(exc)
    return str(exc) or type(exc).__name__
