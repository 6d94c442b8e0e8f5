"""What every imported file must pass before it is read, and how an export .zip is unpacked.

- Only a regular file is opened (a named pipe, a device or a folder named `x.eml` would block
  the import or read forever): it is opened without blocking and checked before one byte is
  read.
- An empty file, or a file whose content is of a known other kind (a PNG renamed .eml, a PDF
  named .json), is refused with its real kind, in Dutch.
- A .zip is unpacked member by member within the limits of inbox/channels/imports/limits.py
  (members, size per member, total, expansion ratio); a zip inside it is never unpacked.
- JSON is refused when nested deeper than the limit, before any recursive code walks it.
"""

from __future__ import annotations

import io
import json
import os
import stat
import zipfile
import zlib
from pathlib import Path
from typing import IO, Any

from inbox.channels.imports.limits import (
    MAX_EXPANSION_RATIO,
    MAX_JSON_DEPTH,
    MAX_MEMBER_BYTES,
    MAX_UNPACKED_BYTES,
    MAX_ZIP_MEMBERS,
    RATIO_FLOOR,
    human,
)
from inbox.errors import InvalidInput

HEAD_BYTES = 8192  # enough for every signature filetype knows (tar's is at 257)


class ExportError(InvalidInput):
    """A file that cannot be imported; the message says why, in Dutch, and nothing was kept."""


# -- opening ---------------------------------------------------------------------------------


_NOT_REGULAR = (
    (stat.S_ISDIR, "dit is een map, geen bestand"),
    (stat.S_ISFIFO, "dit is een named pipe (FIFO), geen gewoon bestand; Loket leest het niet"),
    (stat.S_ISSOCK, "dit is een socket, geen gewoon bestand; Loket leest het niet"),
    (stat.S_ISCHR, "dit is een apparaat, geen gewoon bestand; Loket leest het niet"),
    (stat.S_ISBLK, "dit is een apparaat, geen gewoon bestand; Loket leest het niet"),
)


def open_regular(path: Path) -> IO[bytes]:
    """`path` opened for reading, refused unless it is a regular file (checked on the open
    descriptor, without blocking: opening a FIFO for reading would otherwise wait forever)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            for test, reason in _NOT_REGULAR:
                if test(mode):
                    raise ExportError(reason)
            raise ExportError("dit is geen gewoon bestand; Loket leest het niet")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_all(fh: IO[bytes], limit: int, what: str = "Het bestand") -> bytes:
    """The rest of `fh`, refusing more than `limit` bytes (checked while reading, so a file
    that grows or lies about its size cannot exhaust memory)."""
    data = fh.read(limit + 1)
    if len(data) > limit:
        raise ExportError(
            f"{what} is te groot om te importeren (meer dan {human(limit, 'bytes')})."
        )
    return data


# -- what a file really is -------------------------------------------------------------------

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_KINDS = {
    "pdf": "een PDF-document",
    "zip": "een zip-bestand",
    "sqlite": "een SQLite-database",
    "exe": "een Windows-programma (.exe)",
    "elf": "een programma (ELF)",
    "rtf": "een RTF-document",
    "ps": "een PostScript-bestand",
    "epub": "een e-book (EPUB)",
    "doc": "een Word-document (.doc)",
    "docx": "een Word-document (.docx)",
    "odt": "een tekstdocument (.odt)",
    "xls": "een Excel-bestand (.xls)",
    "xlsx": "een Excel-bestand (.xlsx)",
    "ods": "een rekenblad (.ods)",
    "ppt": "een PowerPoint-bestand (.ppt)",
    "pptx": "een PowerPoint-bestand (.pptx)",
    "odp": "een presentatie (.odp)",
}


def real_kind(head: bytes) -> str | None:
    """What the first bytes of a file say it is, in Dutch ('een afbeelding (PNG)'), or None
    for text and unknown content."""
    import filetype

    if head.startswith(_OLE):
        return "een Outlook-bericht (.msg) of ouder Office-document"
    found = filetype.guess(head[:HEAD_BYTES])
    if found is None:
        return None
    ext, mime = str(found.extension), str(found.mime)
    if ext in _KINDS:
        return _KINDS[ext]
    label = ext.upper()
    if mime.startswith("image/"):
        return f"een afbeelding ({label})"
    if mime.startswith("video/"):
        return f"een video ({label})"
    if mime.startswith("audio/"):
        return f"een geluidsbestand ({label})"
    if "font" in mime:
        return f"een lettertype ({label})"
    if ext in ("tar", "rar", "gz", "bz2", "7z", "xz", "zst", "lz", "lz4", "lzo", "Z", "br",
               "cab", "ar", "deb", "rpm"):
        return f"een archief (.{ext})"
    return f"een {label}-bestand"


def refuse_other_kind(head: bytes, expected: str, allow_zip: bool = False) -> None:
    """Refuse a file whose content is a known kind other than `expected` (Dutch, e.g.
    'een e-mail (.eml)'); a zip passes only where `allow_zip`."""
    if not head:
        raise ExportError("Het bestand is leeg.")
    if allow_zip and head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return
    kind = real_kind(head)
    if kind is not None:
        raise ExportError(f"Dit bestand is geen {expected} maar {kind}.")


# -- zips --------------------------------------------------------------------------------------


class SafeZip:
    """An export .zip, unpacked only within the limits (see limits.py).

    zipfile never returns more bytes for a member than its header declares (and checks the
    CRC), so checking the declared sizes before reading is enough; the running total keeps a
    zip whose members are each small from unpacking to gigabytes together.
    """

    def __init__(self, raw: bytes) -> None:
        self.packed = len(raw)
        self.unpacked = 0
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(raw))
            self.infos = self.archive.infolist()
        except (zipfile.BadZipFile, EOFError, ValueError, OSError, NotImplementedError) as exc:
            raise ExportError(
                "Het zip-bestand is beschadigd of onvolledig (afgebroken download?); er is "
                "niets geïmporteerd."
            ) from exc
        if len(self.infos) > MAX_ZIP_MEMBERS:
            self.archive.close()
            raise ExportError(
                f"Het zip-bestand bevat {len(self.infos)} bestanden; de grens is "
                f"{MAX_ZIP_MEMBERS}. Er is niets geïmporteerd."
            )

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.archive.close()

    def files(self) -> list[zipfile.ZipInfo]:
        return [i for i in self.infos if not i.is_dir()]

    def read(self, info: zipfile.ZipInfo) -> bytes:
        """One member's bytes, refused when it (or all read so far) unpacks too large, expands
        suspiciously, is encrypted or uses a compression Loket cannot read."""
        name = info.filename
        size = info.file_size
        if size > MAX_MEMBER_BYTES:
            raise ExportError(
                f"'{name}' in het zip-bestand is uitgepakt te groot om te importeren "
                f"({human(size, 'bytes')}; de grens is {human(MAX_MEMBER_BYTES, 'bytes')})."
            )
        if size > RATIO_FLOOR and size > MAX_EXPANSION_RATIO * max(info.compress_size, 1):
            raise ExportError(
                f"'{name}' in het zip-bestand pakt uit tot meer dan {MAX_EXPANSION_RATIO} keer "
                "zijn grootte (een zip-bom?); er is niets geïmporteerd."
            )
        if self.unpacked + size > MAX_UNPACKED_BYTES:
            raise ExportError(
                "Uitgepakt is dit zip-bestand te groot om te importeren (de grens is "
                f"{human(MAX_UNPACKED_BYTES, 'bytes')})."
            )
        if info.flag_bits & 0x1:
            raise ExportError(
                f"'{name}' in het zip-bestand is met een wachtwoord beveiligd; pak het zelf uit "
                "of exporteer opnieuw zonder wachtwoord."
            )
        try:
            with self.archive.open(info) as fh:
                data = fh.read(size + 1)
        except NotImplementedError as exc:
            raise ExportError(
                f"'{name}' in het zip-bestand is ingepakt op een manier die Loket niet kan "
                "lezen; pak het zelf uit en importeer de bestanden."
            ) from exc
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError,
                zlib.error) as exc:
            raise ExportError(
                f"'{name}' in het zip-bestand is beschadigd of onvolledig; er is niets "
                "geïmporteerd."
            ) from exc
        if len(data) > size:
            raise ExportError(f"'{name}' in het zip-bestand is beschadigd (grootte klopt niet).")
        self.unpacked += len(data)
        return data


# -- JSON --------------------------------------------------------------------------------------


def nesting(document: Any) -> int:
    """How deep arrays and objects nest in a parsed JSON document (iterative: no recursion)."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children: Any = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in children)
    return deepest


def load_json(text: str, what: str) -> Any:
    """Parsed JSON, or one Dutch line: not JSON, or nested deeper than the limit. NaN and
    Infinity are read as numbers (as Python does); the parsers check every number they use."""
    too_deep = ExportError(
        f"{what} is te diep genest (meer dan {MAX_JSON_DEPTH} niveaus); dit is geen gewone "
        "export."
    )
    try:
        document = json.loads(text)
    except RecursionError as exc:
        raise too_deep from exc
    except json.JSONDecodeError as exc:
        raise ExportError(f"{what} is geen geldige JSON (beschadigd of onvolledig).") from exc
    if nesting(document) > MAX_JSON_DEPTH:
        raise too_deep
    return document
