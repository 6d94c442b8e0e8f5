"""Import of files chosen by a person or given on the command line, dispatched by their kind.

One run is one act (`import.files`, permission work_cases): refused as a whole for someone who
may not work cases, audited once with counts (never file names: a chat's file is often named
after a resident). Each file is reported as imported, duplicate or failed with one Dutch line
naming the cause; one bad file never stops the others. Before a file is read it must be a
regular file of the kind its name says (inbox/channels/imports/guard.py); e-mails are filed one
by one (each kept once stored), a platform export in one transaction.
"""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from inbox import acts
from inbox.channels.imports import eml, exportfile, guard, mbox
from inbox.channels.imports.guard import ExportError
from inbox.channels.imports.limits import MAX_MESSAGE_BYTES, human
from inbox.errors import LoketError
from inbox.gate import Op
from inbox.model import Changes
from inbox.services import Loket, Received
from storage.errors import StorageError

log = logging.getLogger("loket.import")

Progress = Callable[[int, str], bool | None]


@dataclass
class ImportReport:
    imported: int = 0
    duplicates: int = 0
    unparsed: int = 0
    failed: list[dict[str, str]] = field(default_factory=list)
    cases: set[str] = field(default_factory=set)
    changes: Changes = field(default_factory=Changes)

    def as_json(self) -> dict[str, Any]:
        return {
            "imported": self.imported,
            "duplicates": self.duplicates,
            "unparsed": self.unparsed,
            "failed": self.failed,
        }

    def fail(self, path: Path, reason: str) -> None:
        self.failed.append({"file": str(path), "error": reason})


class ImportCancelled(LoketError):
    pass


def import_files(
    loket: Loket,
    paths: Iterable[Path],
    progress: Progress | None = None,
) -> ImportReport:
    """Import every file; `progress(n, name)` may return False to cancel between messages."""
    report = ImportReport()
    counter = [0]
    cancelled: ImportCancelled | None = None
    files = 0
    with loket.op(acts.IMPORT_FILES, obj="bestanden") as op:
        for path in paths:
            files += 1
            try:
                _import_one(loket, op, Path(path), report, progress, counter)
            except StorageError:
                raise  # disk full, locked database: stop, everything stored so far stays stored
            except ImportCancelled as exc:
                cancelled = exc
                break
            except Exception as exc:  # noqa: BLE001 - one bad file never stops the others
                reason = _reason(exc)
                if not isinstance(exc, OSError | LoketError):
                    log.warning("import of a file failed unexpectedly: %s", type(exc).__name__)
                report.fail(path, reason)
        op.details = {
            "files": files,
            "imported": report.imported,
            "duplicates": report.duplicates,
            "failed": len(report.failed),
        }
        op.changes.merge(report.changes)
    report.changes = op.changes
    if cancelled is not None:
        raise cancelled
    return report


def _import_one(
    loket: Loket, op: Op, path: Path, report: ImportReport, progress: Progress | None,
    counter: list[int],
) -> None:
    with guard.open_regular(path) as fh:
        size = os.fstat(fh.fileno()).st_size
        head = fh.read(guard.HEAD_BYTES)
        fh.seek(0)
        if not head:
            raise ExportError("Het bestand is leeg.")
        if exportfile.is_export(path.name, head):
            suffix = path.suffix.lower()
            guard.refuse_other_kind(head, _EXPORT_KINDS.get(suffix, "export"),
                                    allow_zip=suffix == ".zip")
            raw = exportfile.read_export(fh, size)
            result = exportfile.import_export_file(loket, op, path.name, raw, progress)
            result.add_to(report)
            return
        if path.suffix.lower() == ".mbox" or (
            path.suffix.lower() != ".eml" and mbox.looks_like_mbox(head)
        ):
            guard.refuse_other_kind(head, "mailbox (.mbox)")
            _import_mbox(loket, fh, path, report, progress, counter)
            return
        guard.refuse_other_kind(head, "e-mail (.eml)")
        if size > MAX_MESSAGE_BYTES:
            raise ExportError(_too_large(size))
        raw = guard.read_all(fh, MAX_MESSAGE_BYTES, "De e-mail")
    _file(loket, raw, path, report, progress, counter)


_EXPORT_KINDS = {
    ".txt": "WhatsApp-chat (.txt)",
    ".json": "Facebook- of Instagram-export (.json)",
    ".js": "X-archiefbestand (.js)",
    ".zip": "export (.zip)",
}


def _import_mbox(
    loket: Loket, fh: IO[bytes], path: Path, report: ImportReport, progress: Progress | None,
    counter: list[int],
) -> None:
    for item in mbox.iter_messages(fh, MAX_MESSAGE_BYTES):
        if item.data is None:
            report.fail(path, f"bericht {item.number}: {_too_large(None)} Het is overgeslagen; "
                              "de andere berichten zijn wel geïmporteerd.")
            continue
        if item.data.strip():
            _file(loket, item.data, path, report, progress, counter)


def _file(
    loket: Loket, raw: bytes, path: Path, report: ImportReport, progress: Progress | None,
    counter: list[int],
) -> None:
    received, unparsed = eml.file_message(loket, raw)
    _count(report, received, unparsed)
    counter[0] += 1
    if progress is not None and progress(counter[0], path.name) is False:
        raise ImportCancelled("Importeren afgebroken; wat al binnen was, is bewaard.")


def _count(report: ImportReport, received: Received, unparsed: bool) -> None:
    if received.duplicate:
        report.duplicates += 1
        return
    report.imported += 1
    report.unparsed += int(unparsed)
    if received.reference:
        report.cases.add(received.reference)
    if received.case_id is not None:
        report.changes.cases.add(received.case_id)
    if received.message_id is not None:
        report.changes.messages.add(received.message_id)
    report.changes.created_case |= received.new_case


def _too_large(size: int | None) -> str:
    limit = human(MAX_MESSAGE_BYTES, "bytes")
    if size is None:
        return f"groter dan {limit}."
    return f"De e-mail is te groot om te importeren ({human(size, 'bytes')}; de grens is {limit})."


def _reason(exc: BaseException) -> str:
    """One Dutch line for what went wrong with a file."""
    if isinstance(exc, FileNotFoundError):
        return "bestand niet gevonden"
    if isinstance(exc, IsADirectoryError):
        return "dit is een map, geen bestand"
    if isinstance(exc, PermissionError):
        return "geen toegang tot het bestand"
    if isinstance(exc, LoketError):
        return str(exc)
    if isinstance(exc, MemoryError):
        return "te groot om in het geheugen te lezen; er is niets uit dit bestand bewaard"
    if isinstance(exc, OSError):
        code = errno.errorcode.get(exc.errno or 0, "onbekend")
        return f"het bestand kon niet worden gelezen (systeemfout {code})"
    return (
        f"Loket kon dit bestand niet lezen (interne fout {type(exc).__name__}); de andere "
        "bestanden zijn wel verwerkt"
    )
