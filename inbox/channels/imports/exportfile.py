"""Import of the platforms' own export files (WhatsApp, Facebook, Instagram, X) as records.

What every importer shares: the size is checked before anything is read; the original file is
stored as a blob and recorded with its SHA-256 (the same file twice adds nothing); each message
gets a stable key (a later, longer export of the same chat adds only what is new) and is linked to
the file it came from; and a file goes in whole or not at all: one transaction, and blobs written
for a file that failed are removed again.
"""

from __future__ import annotations

import hashlib
import io
import logging
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path, PurePosixPath
from typing import Any

from inbox import clock
from inbox.addresses import address_for
from inbox.errors import InvalidInput
from inbox.model import AddressKind, Attachment, Channel, Direction, IncomingMessage
from inbox.services import Loket

log = logging.getLogger("loket.import.social")

MAX_FILE_BYTES = 512 * 1024 * 1024
"""Exports above this size are refused before they are read (they would not fit in memory)."""

MAX_MEMBER_BYTES = 256 * 1024 * 1024
"""A single file inside an export .zip (the chat text, one photo) may not unpack larger."""

THREAD_GAP = timedelta(days=14)
"""A chat that was silent this long starts a new case, like the e-mail subject rule."""

Progress = Callable[[int, str], bool | None]


class ExportError(InvalidInput):
    """A file that cannot be imported; the message says why, in Dutch, and nothing was kept."""


def open_zip(raw: bytes) -> zipfile.ZipFile:
    """A platform's export zip, or one Dutch sentence when it is broken or cut short."""
    try:
        return zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise ExportError(
            "Het zip-bestand is beschadigd of onvolledig (afgebroken download?); er is niets "
            "geïmporteerd."
        ) from exc


@dataclass(frozen=True)
class ChatMessage:
    """One message as an importer found it, before it has a case."""

    thread: str  # the chat or conversation it belongs to, as the export names it
    sent_at: datetime
    author: str  # display name, phone number or handle as written in the export
    text: str
    outbound: bool = False
    address: tuple[AddressKind, str] | None = None  # how the author is known on this channel
    attachments: tuple[Attachment, ...] = ()
    external_id: str | None = None  # the platform's own message id, where it has one


@dataclass
class ParsedExport:
    channel: Channel
    messages: list[ChatMessage]
    system_messages: int = 0
    title: str = ""


@dataclass
class ExportResult:
    """What importing one export file did."""

    imported: int = 0
    duplicates: int = 0
    system_messages: int = 0
    file_known: bool = False
    cases: set[str] = field(default_factory=set)
    channel: Channel | None = None

    def add_to(self, report: Any) -> None:
        """Count this file into a files.ImportReport."""
        report.imported += self.imported
        report.duplicates += self.duplicates
        report.cases |= self.cases


def human_size(size: int) -> str:
    if size >= 1024**3:
        return f"{size / 1024**3:.1f} GB".replace(".", ",")
    return f"{size / 1024**2:.0f} MB"


def check_size(path: Path, limit: int = MAX_FILE_BYTES) -> int:
    """The file's size; refuses a file above `limit` before a byte of it is read."""
    size = path.stat().st_size
    if size > limit:
        raise ExportError(
            f"Het bestand is te groot om te importeren ({human_size(size)}; de grens is "
            f"{human_size(limit)}). Exporteer het gesprek zonder media of in delen."
        )
    if size == 0:
        raise ExportError("Het bestand is leeg.")
    return size


def read_checked(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    check_size(path, limit)
    data = path.read_bytes()
    if len(data) > limit:  # grew while we looked
        raise ExportError("Het bestand veranderde tijdens het lezen; probeer het opnieuw.")
    return data


def message_key(channel: Channel, m: ChatMessage, occurrence: int) -> str:
    """A key that is the same for this message in any export of the same chat."""
    if m.external_id:
        return f"id:{m.external_id}"
    text = "\x1f".join(
        (
            m.thread.casefold(),
            clock.iso(m.sent_at),
            m.author.casefold(),
            " ".join(m.text.split()),
            str(occurrence),
        )
    )
    return "h:" + hashlib.sha256(f"{channel.value}\x1f{text}".encode()).hexdigest()


def import_export(
    loket: Loket,
    filename: str,
    raw: bytes,
    parsed: ParsedExport,
    progress: Progress | None = None,
) -> ExportResult:
    """File every message of `parsed` (read from `raw`) in one transaction; idempotent."""
    from storage.blobs import sha256

    digest = sha256(raw)
    channel = parsed.channel
    result = ExportResult(channel=channel, system_messages=parsed.system_messages)
    known = loket.db.one(
        "SELECT id, messages, duplicates FROM import_files WHERE sha256 = ?", (digest,)
    )
    if known is not None:
        result.file_known = True
        result.duplicates = int(known["messages"]) + int(known["duplicates"])
        return result
    if not parsed.messages:
        raise ExportError("In dit bestand staan geen berichten om te importeren.")

    new_blobs: list[str] = []

    def keep(data: bytes) -> str:
        name = sha256(data)
        if not loket.blobs.exists(name):
            new_blobs.append(name)
        return loket.blobs.put(data)

    try:
        with loket.db.transaction():
            keep(raw)
            stamp = clock.iso(loket.now())
            cur = loket.db.conn.execute(
                "INSERT INTO import_files(sha256, channel, filename, size, imported_at, actor, "
                "system_messages) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    digest,
                    channel.value,
                    filename,
                    len(raw),
                    stamp,
                    loket.user,
                    parsed.system_messages,
                ),
            )
            file_id = int(cur.lastrowid or 0)
            _file_messages(loket, file_id, parsed, result, keep, progress)
            loket.db.conn.execute(
                "UPDATE import_files SET messages = ?, duplicates = ? WHERE id = ?",
                (result.imported, result.duplicates, file_id),
            )
    except BaseException:
        for name in new_blobs:
            loket.blobs.delete(name)
        raise
    log.info(
        "imported %s export: %d new, %d known, %d system",
        channel.value,
        result.imported,
        result.duplicates,
        result.system_messages,
    )
    return result


def _file_messages(
    loket: Loket,
    file_id: int,
    parsed: ParsedExport,
    result: ExportResult,
    keep: Callable[[bytes], str],
    progress: Progress | None,
) -> None:
    channel = parsed.channel
    seen: dict[str, int] = {}
    previous: dict[str, tuple[str, datetime]] = {}  # thread -> (Message-ID, sent_at)
    ordered = sorted(enumerate(parsed.messages), key=lambda p: (p[1].sent_at, p[0]))
    for count, (_, m) in enumerate(ordered, start=1):
        base = message_key(channel, m, 0)
        occurrence = seen.get(base, 0)
        seen[base] = occurrence + 1
        key = base if occurrence == 0 else message_key(channel, m, occurrence)
        header = f"<{channel.value}.{hashlib.sha256(key.encode()).hexdigest()[:32]}@import.loket>"
        existing = loket.db.scalar(
            "SELECT message_id FROM social_message_keys WHERE channel = ? AND key = ?",
            (channel.value, key),
        )
        if existing is not None:
            _link(loket, file_id, int(existing))
            result.duplicates += 1
            stored = loket.db.scalar("SELECT message_id FROM messages WHERE id = ?", (existing,))
            previous[m.thread] = (str(stored or header), m.sent_at)
        else:
            for a in m.attachments:
                keep(a.data)
            in_reply_to = None
            last = previous.get(m.thread)
            if last is not None and m.sent_at - last[1] <= THREAD_GAP:
                in_reply_to = last[0]
            received = receive_chat_message(loket, channel, m, parsed.title, header, in_reply_to)
            assert received.message_id is not None
            loket.db.conn.execute(
                "INSERT INTO social_message_keys(channel, key, message_id) VALUES (?, ?, ?)",
                (channel.value, key, received.message_id),
            )
            _link(loket, file_id, received.message_id)
            result.imported += 1
            if received.reference:
                result.cases.add(received.reference)
            previous[m.thread] = (header, m.sent_at)
        if progress is not None and progress(count, parsed.title or channel.label) is False:
            from inbox.channels.imports.files import ImportCancelled

            raise ImportCancelled("Importeren afgebroken; uit dit bestand is niets bewaard.")


def receive_chat_message(
    loket: Loket,
    channel: Channel,
    m: ChatMessage,
    title: str,
    header: str,
    in_reply_to: str | None,
) -> Any:
    """Hand one chat message to Loket.receive, filed under the contact the export names."""
    from inbox import contacts

    contact_id = None
    sender = ""
    if not m.outbound:
        contact_id = contacts.contact_for(loket, m.address, m.author)
        # Only a real address goes in `sender` (receive matches on it); a handle that is
        # a name scoped to one chat is attached by contacts.attach_message below instead.
        if m.address is not None and m.address[0] in (AddressKind.PHONE, AddressKind.EMAIL):
            if address_for(channel, m.address[1]) == m.address:
                sender = m.address[1]
    subject = f"{channel.label}: {m.thread or title}"[:200]
    msg = IncomingMessage(
        channel=channel,
        sent_at=m.sent_at,
        sender=sender,
        sender_name="" if m.outbound else m.author,
        subject=subject,
        body_text=m.text,
        message_id=header,
        in_reply_to=in_reply_to,
        external_id=m.external_id,
        direction=Direction.OUTBOUND if m.outbound else Direction.INBOUND,
        attachments=m.attachments,
    )
    received = loket.receive(msg)
    if contact_id is not None and received.message_id is not None:
        contacts.attach_message(loket, received.message_id, contact_id, received.new_case)
    return received


def _link(loket: Loket, file_id: int, message_id: int) -> None:
    loket.db.conn.execute(
        "INSERT OR IGNORE INTO import_file_messages(file_id, message_id) VALUES (?, ?)",
        (file_id, message_id),
    )


SUFFIXES = (".txt", ".zip", ".json", ".js")
"""File kinds handed to the social importers; .eml and .mbox stay with the e-mail importer."""

OWN_NAMES_SETTING = "social.own_names"


def own_names(loket: Loket) -> frozenset[str]:
    """Names the municipality itself has in chats (settings 'social.own_names', a JSON list)."""
    import json

    value = loket.db.scalar("SELECT value FROM settings WHERE key = ?", (OWN_NAMES_SETTING,))
    try:
        names = json.loads(value) if value else []
    except ValueError:
        names = []
    return frozenset(str(n).casefold() for n in names if str(n).strip())


def parse_export(name: str, raw: bytes, own: frozenset[str] = frozenset()) -> ParsedExport:
    """Pick the importer by the file's kind and content, and parse."""
    from inbox.channels.imports import meta, whatsapp, xarchive

    suffix = Path(name).suffix.lower()
    if suffix == ".txt":
        return whatsapp.parse_file(name, raw, own)
    if suffix == ".js":
        return xarchive.parse_file(name, raw)
    if suffix == ".json":
        return meta.parse_file(name, raw, own)
    return _parse_zip(name, raw, own)


def _parse_zip(name: str, raw: bytes, own: frozenset[str]) -> ParsedExport:
    import io
    import zipfile

    from inbox.channels.imports import meta, whatsapp, xarchive

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = [PurePosixPath(n) for n in archive.namelist()]
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise ExportError(
            "Het zip-bestand is beschadigd of onvolledig (afgebroken download?); er is niets "
            "geïmporteerd."
        ) from exc
    lowered = [n.name.lower() for n in names]
    if any(n in ("direct-messages.js", "direct-messages-group.js") for n in lowered):
        return xarchive.parse_file(name, raw)
    if any(n.name.startswith("message_") and n.suffix == ".json" for n in names):
        return meta.parse_file(name, raw, own)
    if any(n == "_chat.txt" or (n.startswith("whatsapp") and n.endswith(".txt")) for n in lowered):
        return whatsapp.parse_file(name, raw, own)
    raise ExportError(
        "Dit zip-bestand is geen bekende export (WhatsApp, Facebook, Instagram of X-archief)."
    )


def import_path(loket: Loket, path: Path, progress: Progress | None = None) -> ExportResult | None:
    """Import one export file; None when `path` is not a kind the social importers read."""
    if path.suffix.lower() not in SUFFIXES:
        return None
    if path.is_dir():
        raise IsADirectoryError(path)
    if path.suffix.lower() == ".txt" and _looks_like_email(path):
        return None  # an e-mail saved as .txt: for the e-mail importer
    raw = read_checked(path)
    parsed = parse_export(path.name, raw, own_names(loket))
    return import_export(loket, path.name, raw, parsed, progress)


def _looks_like_email(path: Path) -> bool:
    """A .txt is a WhatsApp chat when its name or its first lines say so; else it is e-mail."""
    from inbox.channels.imports import whatsapp

    name = path.name.lower()
    if name.startswith("whatsapp") or name == "_chat.txt":
        return False
    with path.open("rb") as fh:
        head = fh.read(4096)
    return not whatsapp.looks_like_chat(head.decode("utf-8", "replace"))
