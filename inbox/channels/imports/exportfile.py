"""Import of the platforms' own export files (WhatsApp, Facebook, Instagram, X) as records.

What every importer shares: the size is checked before anything is read; the original file is
stored as a blob and recorded with its SHA-256 (the same file twice adds nothing); each message
gets a stable key (a later, longer export of the same chat adds only what is new) and is linked to
the file it came from; and a file goes in whole or not at all: one transaction, and blobs written
for a file that failed are removed again.
"""

from __future__ import annotations

import hashlib
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import PurePosixPath
from typing import IO, Any

from inbox import acts, clock
from inbox.addresses import address_for
from inbox.channels.imports.guard import ExportError, SafeZip, read_all
from inbox.channels.imports.limits import MAX_FILE_BYTES, MAX_MEMBER_BYTES, human
from inbox.gate import Op
from inbox.model import (
    AddressKind,
    Attachment,
    Changes,
    Channel,
    Direction,
    IncomingMessage,
)
from inbox.services import Loket

__all__ = ["MAX_FILE_BYTES", "MAX_MEMBER_BYTES", "ExportError", "SafeZip"]

log = logging.getLogger("loket.import.social")

THREAD_GAP = timedelta(days=14)
"""A chat that was silent this long starts a new case, like the e-mail subject rule."""

Progress = Callable[[int, str], bool | None]


EARLIEST = datetime(1980, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)
"""Messages dated outside these years are refused: a phone's clock, a typo or a hostile file,
never a real chat (and years like 1 or 9999 overflow every time-zone conversion)."""


def plausible(moment: datetime, where: str = "in deze export") -> datetime:
    """`moment` as an aware time (naive: UTC) when it lies between 1980 and 2100."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        ok = EARLIEST <= moment < LATEST
    except OverflowError:
        ok = False
    if not ok:
        raise ExportError(
            f"Een bericht {where} heeft een onmogelijke datum ({moment.date().isoformat()}); "
            "er is niets geïmporteerd."
        )
    return moment


def from_epoch(value: Any, scale: float = 1.0, where: str = "in deze export") -> datetime:
    """A platform's timestamp (seconds x `scale`) as a UTC time, or one Dutch line when it is no
    number (text, true/false), not finite (Infinity, NaN) or outside 1980-2100."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ExportError(f"Een bericht {where} heeft geen geldige tijd.")
    seconds = value / scale
    if not math.isfinite(seconds) or not (
        EARLIEST.timestamp() <= seconds < LATEST.timestamp()
    ):
        raise ExportError(
            f"Een bericht {where} heeft een onmogelijke tijd ({value}); er is niets "
            "geïmporteerd."
        )
    return datetime.fromtimestamp(seconds, tz=UTC)


def listed(value: Any) -> list[Any]:
    """A JSON value that should be a list: None is empty, anything else not a list is refused
    (a string would otherwise be walked letter by letter)."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise ExportError("De export heeft een onbekende opbouw (een lijst ontbreekt).")
    return value


def text_of(value: Any) -> str:
    """A JSON value that should be text: numbers are written out, anything else is empty."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


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
    changes: Changes = field(default_factory=Changes)

    def add_to(self, report: Any) -> None:
        """Count this file into a files.ImportReport."""
        report.imported += self.imported
        report.duplicates += self.duplicates
        report.cases |= self.cases
        report.changes.merge(self.changes)


def read_export(fh: IO[bytes], size: int) -> bytes:
    """The whole export, refused above the limit before a byte of it is read."""
    if size > MAX_FILE_BYTES:
        raise ExportError(
            f"Het bestand is te groot om te importeren ({human(size, 'bytes')}; de grens is "
            f"{human(MAX_FILE_BYTES, 'bytes')}). Exporteer het gesprek zonder media of in delen."
        )
    return read_all(fh, MAX_FILE_BYTES)


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

    def sha256(data: bytes) -> str:  # the blob store names blobs by this digest
        return hashlib.sha256(data).hexdigest()

    digest = sha256(raw)
    channel = parsed.channel
    result = ExportResult(channel=channel, system_messages=parsed.system_messages)
    new_blobs: list[str] = []

    def keep(data: bytes) -> str:
        name = sha256(data)
        if not loket.blobs.exists(name):
            new_blobs.append(name)
        return loket.blobs.put(data)

    try:
        with loket.op(acts.IMPORT_FILE, obj=f"bestand:{digest[:16]}") as op:
            social = op.store.social
            known = social.import_file(digest)
            if known is not None:
                result.file_known = True
                result.duplicates = int(known["messages"]) + int(known["duplicates"])
                return result
            if not parsed.messages:
                raise ExportError("In dit bestand staan geen berichten om te importeren.")
            keep(raw)
            file_id = social.insert_import_file(
                {
                    "sha256": digest,
                    "channel": channel.value,
                    "filename": filename,
                    "size": len(raw),
                    "imported_at": op.stamp(),
                    "actor": loket.user,
                    "system_messages": parsed.system_messages,
                }
            )
            _file_messages(loket, op, file_id, parsed, result, keep, progress)
            social.count_import_file(file_id, result.imported, result.duplicates)
    except BaseException:
        for name in new_blobs:
            loket.blobs.delete(name)
        raise
    result.changes = op.changes
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
    op: Op,
    file_id: int,
    parsed: ParsedExport,
    result: ExportResult,
    keep: Callable[[bytes], str],
    progress: Progress | None,
) -> None:
    channel = parsed.channel
    social = op.store.social
    seen: dict[str, int] = {}
    previous: dict[str, tuple[str, datetime]] = {}  # thread -> (Message-ID, sent_at)
    ordered = sorted(enumerate(parsed.messages), key=lambda p: (p[1].sent_at, p[0]))
    for count, (_, m) in enumerate(ordered, start=1):
        base = message_key(channel, m, 0)
        occurrence = seen.get(base, 0)
        seen[base] = occurrence + 1
        key = base if occurrence == 0 else message_key(channel, m, occurrence)
        header = f"<{channel.value}.{hashlib.sha256(key.encode()).hexdigest()[:32]}@import.loket>"
        existing = social.message_for_key(channel.value, key)
        if existing is not None:
            social.link_import_file(file_id, existing)
            result.duplicates += 1
            previous[m.thread] = (social.header_of(existing) or header, m.sent_at)
        else:
            for a in m.attachments:
                keep(a.data)
            in_reply_to = None
            last = previous.get(m.thread)
            if last is not None and m.sent_at - last[1] <= THREAD_GAP:
                in_reply_to = last[0]
            received = receive_chat_message(loket, channel, m, parsed.title, header, in_reply_to)
            assert received.message_id is not None
            social.add_message_key(channel.value, key, received.message_id)
            social.link_import_file(file_id, received.message_id)
            result.imported += 1
            if received.reference:
                result.cases.add(received.reference)
            if received.case_id is not None:
                op.changes.cases.add(received.case_id)
            op.changes.messages.add(received.message_id)
            op.changes.created_case |= received.new_case
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
    with loket.op(acts.IMPORT_FILE) as op:  # joins the file's transaction
        contact_id = None
        sender = ""
        if not m.outbound:
            contact_id = _contact_for(op, m.address, m.author)
            # Only a real address goes in `sender` (receive matches on it); a handle that is
            # a name scoped to one chat is attached by attach_message below instead.
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
            op.store.social.attach_message(received.message_id, contact_id, received.new_case)
    return received


def _contact_for(op: Op, address: tuple[AddressKind, str] | None, name: str) -> int | None:
    """The contact for a sender known by `address` (created when new); None without either.
    Without an address a new contact is made for the name: a name alone never joins one."""
    from inbox.contacts import normalize_address

    records = op.store.records
    stamp = op.stamp()
    if address is None:
        return int(records.insert_contact(name, stamp)) if name else None
    kind, value = address
    normal = normalize_address(kind, value) or value
    found = records.contact_by_address(kind.value, normal)
    if found is not None:
        if name:
            records.update_contact_name(found, name)
        return int(found)
    contact_id = int(records.insert_contact(name or normal, stamp))
    records.add_address(contact_id, kind.value, normal, stamp)
    return contact_id


SUFFIXES = (".txt", ".zip", ".json", ".js")
"""File kinds handed to the social importers; .eml and .mbox stay with the e-mail importer."""

OWN_NAMES_SETTING = "social.own_names"


def own_names(op: Op) -> frozenset[str]:
    """Names the municipality itself has in chats (settings 'social.own_names', a JSON list)."""
    import json

    value = op.store.records.setting(OWN_NAMES_SETTING)
    try:
        names = json.loads(value) if value else []
    except ValueError:
        names = []
    if not isinstance(names, list):
        names = []
    return frozenset(str(n).casefold() for n in names if str(n).strip())


def parse_export(name: str, raw: bytes, own: frozenset[str] = frozenset()) -> ParsedExport:
    """Pick the importer by the file's kind and content, and parse."""
    from inbox.channels.imports import meta, whatsapp, xarchive

    suffix = PurePosixPath(name).suffix.lower()
    if suffix == ".txt":
        return whatsapp.parse_file(name, raw, own)
    if suffix == ".js":
        return xarchive.parse_file(name, raw)
    if suffix == ".json":
        return meta.parse_file(name, raw, own)
    return _parse_zip(name, raw, own)


def _parse_zip(name: str, raw: bytes, own: frozenset[str]) -> ParsedExport:
    from inbox.channels.imports import meta, whatsapp, xarchive

    with SafeZip(raw) as archive:
        names = [PurePosixPath(i.filename) for i in archive.files()]
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


def import_export_file(
    loket: Loket, op: Op, name: str, raw: bytes, progress: Progress | None = None
) -> ExportResult:
    """Parse and import one export file's bytes, within the import's act `op` (the caller
    checked the file itself)."""
    parsed = parse_export(name, raw, own_names(op))
    return import_export(loket, name, raw, parsed, progress)


def is_export(name: str, head: bytes) -> bool:
    """Whether a file is for the social importers: by its suffix; a .txt only when its name or
    first lines say it is a WhatsApp chat (else it is an e-mail saved as text)."""
    from inbox.channels.imports import whatsapp

    lowered = name.lower()
    suffix = PurePosixPath(lowered).suffix
    if suffix not in SUFFIXES:
        return False
    if suffix != ".txt" or lowered.startswith("whatsapp") or lowered == "_chat.txt":
        return True
    return whatsapp.looks_like_chat(head[:4096].decode("utf-8", "replace"))
